//! Layout of GSN diagrams: which elements a view shows ([`view`]), how big
//! their text makes them ([`text`]), and where boxes and edges go
//! ([`layout`](fn@layout)), producing a [`Scene`] that renderers draw and that
//! `layout-json` exposes.
//!
//! Architecture invariant: layout is a pure function of the model, the view
//! and the font metrics compiled into this crate — no I/O, no clocks, no
//! hash-map iteration order in the output.

mod layered;
pub mod layout;
pub mod scene;
pub mod text;
pub mod view;

pub use layout::{LayoutOptions, layout};
pub use scene::{EdgeKind, NodeKind, Scene, SceneEdge, SceneNode, Shape, TextLine, TextRun};
pub use view::View;
