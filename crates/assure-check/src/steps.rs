//! The six-step status of each goal (ISO/TS 81001-2-1 5.2, after Kelly): which
//! step the development of a goal has reached and what is missing.

use assure_core::model::{Case, ElementId, ElementKind, RelationKind};

/// Where one goal stands in the six-step method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalSteps {
    /// The goal.
    pub goal: ElementId,
    /// Steps 1–6 done (`done[0]` is step 1).
    pub done: [bool; 6],
    /// The first step not done (7 when complete; undeveloped goals stop at their step).
    pub reached: u8,
    /// What is missing, one sentence per missing step.
    pub missing: Vec<String>,
    /// Marked undeveloped.
    pub undeveloped: bool,
}

/// Names of the six steps.
pub const STEP_NAMES: [&str; 6] = [
    "identify the goal",
    "define the basis of the goal",
    "identify the strategy",
    "define the basis of the strategy",
    "elaborate the strategy",
    "identify the basic solution",
];

/// Computes the status of every goal, in element order.
pub fn goal_steps(case: &Case) -> Vec<GoalSteps> {
    let scope = crate::ctx::ContextScope::of(case).in_scope;
    let mut out = Vec::new();
    for g in case.element_ids() {
        let el = case.element(g);
        if el.kind != ElementKind::Goal {
            continue;
        }
        let mut done = [false; 6];
        let mut missing = Vec::new();
        done[0] = !el.text().trim().is_empty() && !el.text().trim_end().ends_with('?');
        if !done[0] {
            missing.push("state the goal as a claim (text that can be true or false)".to_string());
        }
        done[1] = scope[g.0 as usize];
        if !done[1] {
            missing.push("no context or assumption defines its terms".to_string());
        }
        let supporters: Vec<_> = case
            .out(g, RelationKind::SupportedBy)
            .map(|r| r.to)
            .collect();
        let strategies: Vec<ElementId> = supporters
            .iter()
            .copied()
            .filter(|&s| case.element(s).kind == ElementKind::Strategy)
            .collect();
        let solutions = supporters
            .iter()
            .any(|&s| case.element(s).kind == ElementKind::Solution);
        let sub_goals = supporters
            .iter()
            .any(|&s| case.element(s).kind == ElementKind::Goal);
        // A goal supported directly by evidence needs no strategy (steps 3–5 are vacuous).
        let direct = solutions && strategies.is_empty() && !sub_goals;
        done[2] = !strategies.is_empty() || direct;
        if !done[2] {
            missing.push(if sub_goals {
                "sub-goals without a strategy: the inference is not explained".to_string()
            } else {
                "no strategy or evidence yet".to_string()
            });
        }
        // Without a strategy (sub-goals only), steps 4 and 5 have nothing to
        // apply to: step 3 is what is missing.
        let unexplained = strategies.is_empty() && sub_goals;
        done[3] = unexplained
            || direct
            || (!strategies.is_empty()
                && strategies
                    .iter()
                    .all(|&s| case.out(s, RelationKind::InContextOf).next().is_some()));
        if !done[3] && !strategies.is_empty() {
            missing.push(
                "a strategy has no context, assumption or justification (why is it complete?)"
                    .to_string(),
            );
        }
        done[4] = unexplained
            || direct
            || (!strategies.is_empty()
                && strategies
                    .iter()
                    .all(|&s| case.out(s, RelationKind::SupportedBy).next().is_some()));
        if !done[4] && !strategies.is_empty() {
            missing.push("a strategy has no sub-goals".to_string());
        }
        done[5] = solutions || (sub_goals || !strategies.is_empty()) && done[4];
        if !done[5] {
            missing.push(if el.is_undeveloped() {
                "marked undeveloped: no evidence yet".to_string()
            } else {
                "no evidence and not marked undeveloped".to_string()
            });
        }
        let reached = done.iter().position(|d| !d).map_or(7, |p| p as u8 + 1);
        out.push(GoalSteps {
            goal: g,
            done,
            reached,
            missing,
            undeveloped: el.is_undeveloped(),
        });
    }
    out
}
