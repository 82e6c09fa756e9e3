//! The core of assure: spans and sources, diagnostics as data, the case format,
//! the model, and loading through the [`World`] trait.
//!
//! Architecture invariant: this crate does no I/O. Files reach it through a
//! [`World`]; diagnostics leave it as data.

pub mod codes;
pub mod diag;
pub mod format;
pub mod load;
pub mod model;
pub mod source;
pub mod span;
pub mod yaml;

pub use diag::{CodeMeta, Diagnostic, Label, Severity};
pub use load::{Limits, Loaded, MemWorld, ReadError, RootError, World, load};
pub use model::{
    Case, Element, ElementId, ElementKind, ModuleId, Relation, RelationId, RelationKind,
};
pub use source::{LineCol, SourceDb, SourceFile};
pub use span::{FileId, Span, Spanned};
