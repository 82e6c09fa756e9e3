//! T001 goal-to-goal: a goal supported directly by goals, with no strategy to explain the inference.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind, RelationKind};

rule! {
    code: "T001", name: "goal-to-goal", severity: Hint, clause: "ISO/TS 81001-2-1 5.2 step 3; Kelly review step 3", gsn2x: None,
    summary: "A goal is decomposed into sub-goals without a strategy",
    doc: r#"## What it checks

A goal supported directly by sub-goals. GSN permits it, but unless the inference is
obvious, a strategy should say *how* the sub-goals establish the goal (step 3 of the
six-step method). Reported once per goal, as a hint.

## Why

Unexplained inference is the most common expressive-sufficiency finding in argument review:
the reader cannot judge whether the sub-goals are together sufficient.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2, G3]
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each hazard in hazard log HL-1
  supportedBy: [G2, G3]
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
```
"#,
}

/// Reports goals decomposed straight into goals.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        if ctx.kind(e) != ElementKind::Goal {
            continue;
        }
        let mut goals = ctx
            .case
            .out(e, RelationKind::SupportedBy)
            .filter(|r| !r.via_develops && r.from != r.to && ctx.kind(r.to) == ElementKind::Goal);
        if let Some(first) = goals.next() {
            let n = 1 + goals.count();
            let d = sink
                .diag(first.span, format!("`{}` is decomposed into {n} sub-goal{} without a strategy", ctx.id(e), if n == 1 { "" } else { "s" }))
                .with_help("add a strategy that states how the sub-goals establish the goal, unless the inference is obvious");
            sink.at(e, d);
        }
    }
}
