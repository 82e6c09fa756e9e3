//! Assurance case reports (ISO/TS 81001-2-1: the document that hands a
//! case's risk information from one stakeholder to another): a
//! self-contained interactive [`html()`] page, [`markdown()`] for reviews and
//! wikis, and a printable PDF (feature `pdf`).
//!
//! Pipeline: [`data::ReportData::build`] gathers everything a report says
//! from the loaded case and its check report; [`diagrams::diagrams`] lays
//! out and draws the views; each format is a pure function of those. No
//! I/O here: the CLI reads the case, asks git for the commit and writes the
//! files.
//!
//! Invariants: output is deterministic (same input, same bytes: no clock,
//! no hash-map order; the date only when given in [`Meta`]); every string
//! of the case is escaped for the format it lands in ([`esc`]).

pub mod b64;
pub mod data;
pub mod diagrams;
pub mod esc;
pub mod html;
pub mod markdown;

pub use data::{Meta, ReportData};
pub use diagrams::{Diagram, diagrams, legend};
pub use html::{HtmlOptions, html};
pub use markdown::{MarkdownReport, markdown};
#[cfg(feature = "pdf")]
pub mod pdf;
