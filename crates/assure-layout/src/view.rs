//! Views: which elements a diagram shows. GSN v3 1:4 distinguishes the
//! argument view (one module, with elements of other modules as away
//! elements) and the architecture view (modules and their dependencies); we
//! add the complete view (all modules unrolled) and a focused view (a root
//! and a depth) for reading one part of a large case.

use assure_core::model::{
    Case, ChallengeTarget, ElementId, ModuleId, Relation, RelationId, RelationKind,
};

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

/// The elements and relationships one view shows.
#[derive(Clone, Debug, Default)]
pub(crate) struct Selection {
    /// Shown elements, in a deterministic order (the view's own elements in
    /// source order, then others in load order).
    pub elements: Vec<ElementId>,
    /// Parallel to `elements`: shown as an away element.
    pub away: Vec<bool>,
    /// Parallel to `elements`: some SupportedBy children are not shown.
    pub truncated: Vec<bool>,
    /// Shown relationships, in source order.
    pub relations: Vec<RelationId>,
}

/// The element a relationship's edge points at: for a challenge of a
/// relationship, that relationship's source.
pub(crate) fn edge_target(case: &Case, r: &Relation) -> ElementId {
    match r.challenged {
        Some(ChallengeTarget::Relation(rid)) => case.relation(rid).from,
        Some(ChallengeTarget::Element(e)) => e,
        None => r.to,
    }
}

/// Which elements and relationships `view` shows (not for the architecture view).
pub(crate) fn select(case: &Case, view: &View) -> Selection {
    let n = case.elements.len();
    let mut second = vec![false; n];
    for d in &case.duplicates {
        second[d.second.0 as usize] = true;
    }
    let mut shown = vec![false; n];
    let mut order: Vec<ElementId> = Vec::new();
    let mut away_of = vec![false; n];
    let mut truncated = vec![false; n];
    let show = |e: ElementId, shown: &mut Vec<bool>, order: &mut Vec<ElementId>| {
        if !shown[e.0 as usize] && !second[e.0 as usize] {
            shown[e.0 as usize] = true;
            order.push(e);
        }
    };
    match view {
        View::Module(m) => {
            let local = &case.module(*m).elements;
            for &e in local {
                show(e, &mut shown, &mut order);
            }
            let mut extra = Vec::new();
            for &e in local {
                if second[e.0 as usize] {
                    continue;
                }
                for rid in case.outgoing.of(e) {
                    let r = case.relation(*rid);
                    extra.push(r.to);
                    extra.push(edge_target(case, r));
                }
                for rid in case.incoming.of(e) {
                    let r = case.relation(*rid);
                    if r.via_develops {
                        extra.push(r.from);
                    }
                }
            }
            extra.sort_unstable();
            for e in extra {
                if case.element(e).module != *m {
                    away_of[e.0 as usize] = true;
                }
                show(e, &mut shown, &mut order);
            }
        }
        View::Complete | View::Architecture => {
            for e in case.element_ids() {
                show(e, &mut shown, &mut order);
            }
        }
        View::Focus { root, depth } => {
            let mut level = vec![*root];
            show(*root, &mut shown, &mut order);
            let mut members = vec![*root];
            for d in 0..=*depth {
                let mut next = Vec::new();
                for &e in &level {
                    for r in case.out(e, RelationKind::SupportedBy) {
                        if d == *depth {
                            if !shown[r.to.0 as usize] {
                                truncated[e.0 as usize] = true;
                            }
                        } else if !shown[r.to.0 as usize] && !second[r.to.0 as usize] {
                            show(r.to, &mut shown, &mut order);
                            members.push(r.to);
                            next.push(r.to);
                        }
                    }
                }
                level = next;
            }
            for &e in &members {
                for r in case.out(e, RelationKind::InContextOf) {
                    show(r.to, &mut shown, &mut order);
                }
            }
            // Elements shown first at a shallower level might have children
            // beyond the depth: mark every shown element with a hidden supporter.
            for &e in &members {
                if case
                    .out(e, RelationKind::SupportedBy)
                    .any(|r| !shown[r.to.0 as usize])
                {
                    truncated[e.0 as usize] = true;
                }
            }
            order.sort_unstable();
        }
    }
    let local_module = match view {
        View::Module(m) => Some(*m),
        _ => None,
    };
    let mut relations = Vec::new();
    for (i, r) in case.relations.iter().enumerate() {
        let (f, t) = (r.from, edge_target(case, r));
        if !shown[f.0 as usize] || !shown[t.0 as usize] || !shown[r.to.0 as usize] {
            continue;
        }
        if let Some(m) = local_module {
            let from_local = case.element(f).module == m;
            let develops_in = r.via_develops && case.element(r.to).module == m;
            if !from_local && !develops_in {
                continue;
            }
        }
        relations.push(RelationId(i as u32));
    }
    Selection {
        away: order.iter().map(|e| away_of[e.0 as usize]).collect(),
        truncated: order.iter().map(|e| truncated[e.0 as usize]).collect(),
        elements: order,
        relations,
    }
}
