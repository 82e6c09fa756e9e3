//! Layered layout of a view into a [`Scene`].
//!
//! PLACEHOLDER implementation (one row): to be replaced by the layered layout
//! (see the issue on diagrams).

use crate::scene::{Decorations, NodeKind, Scene, SceneNode};
use crate::text::{LINE_HEIGHT, wrap};
use crate::view::View;
use assure_core::model::{Case, ElementKind};

/// Tunables of the layout.
#[derive(Clone, Debug)]
pub struct LayoutOptions {
    /// Widest text line in a box, in units.
    pub max_text_width: f32,
    /// Horizontal gap between boxes.
    pub h_gap: f32,
    /// Vertical gap between layers.
    pub v_gap: f32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            max_text_width: 200.0,
            h_gap: 20.0,
            v_gap: 40.0,
        }
    }
}

fn kind(k: ElementKind) -> NodeKind {
    match k {
        ElementKind::Goal | ElementKind::Unknown => NodeKind::Goal,
        ElementKind::Strategy => NodeKind::Strategy,
        ElementKind::Solution => NodeKind::Solution,
        ElementKind::Context => NodeKind::Context,
        ElementKind::Assumption => NodeKind::Assumption,
        ElementKind::Justification => NodeKind::Justification,
        ElementKind::CounterGoal => NodeKind::CounterGoal,
        ElementKind::CounterSolution => NodeKind::CounterSolution,
    }
}

/// Lays out `view` of `case`.
pub fn layout(case: &Case, view: &View, opts: &LayoutOptions) -> Scene {
    let mut nodes = Vec::new();
    let mut x = 0.0;
    for e in case.element_ids() {
        let el = case.element(e);
        if let View::Module(m) = view
            && el.module != *m
        {
            continue;
        }
        let lines = wrap(el.text(), opts.max_text_width, None);
        let w = lines.iter().map(|l| l.width).fold(60.0f32, f32::max) + 20.0;
        let h = (lines.len() as f32 + 1.0) * LINE_HEIGHT + 20.0;
        nodes.push(SceneNode {
            id: el.id.to_string(),
            kind: kind(el.kind),
            x,
            y: 0.0,
            w,
            h,
            title: el.id.to_string(),
            lines,
            module: None,
            decorations: Decorations {
                undeveloped: el.is_undeveloped(),
                defeated: el.is_defeated(),
                ..Decorations::default()
            },
            classes: Vec::new(),
            url: None,
        });
        x += w + opts.h_gap;
    }
    let height = nodes.iter().map(|n| n.h).fold(0.0, f32::max);
    Scene {
        title: view.title(case),
        width: x,
        height,
        nodes,
        edges: Vec::new(),
    }
}
