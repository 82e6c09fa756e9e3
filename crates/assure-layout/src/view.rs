//! Views: which elements a diagram shows. GSN v3 1:4 distinguishes the
//! argument view (one module, with elements of other modules as away
//! elements) and the architecture view (modules and their dependencies); we
//! add the complete view (all modules unrolled) and a focused view (a root
//! and a depth) for reading one part of a large case.

use assure_core::model::{Case, ElementId, ModuleId};

/// A diagram to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// One module's argument view.
    Module(ModuleId),
    /// Every module, unrolled into one diagram.
    Complete,
    /// Modules as boxes with their dependencies.
    Architecture,
    /// The argument below `root`, `depth` SupportedBy levels deep.
    Focus {
        /// Where to start.
        root: ElementId,
        /// How many levels.
        depth: u32,
    },
}

impl View {
    /// A title for the view.
    pub fn title(&self, case: &Case) -> String {
        match self {
            View::Module(m) => case.module(*m).name.value.to_string(),
            View::Complete => "complete".into(),
            View::Architecture => "architecture".into(),
            View::Focus { root, depth } => format!("{} (depth {depth})", case.element(*root).id),
        }
    }
}
