//! G011 unsupported-element: a goal or strategy with no support, not marked undeveloped.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind, RelationKind};

rule! {
    code: "G011", name: "unsupported-element", severity: Warning, clause: "GSN 1:2.2; ISO/TS 81001-2-1 5.2 step 6; Kelly review step 2", gsn2x: Some("V02"),
    summary: "A goal or strategy has no support and is not marked undeveloped",
    doc: r#"## What it checks

Every goal and strategy is supported (by a strategy, sub-goals or solutions) or marked
`undeveloped: true`. A goal developed by another module through `extends: develops:`
counts as supported. Severity is a warning, as in gsn2x; use `--deny-warnings` (or
`severity: {G011: error}`) to make an incomplete case fail.

## Why

The six-step method ends each branch with evidence or an explicit "not yet": an
unsupported claim that is not marked undeveloped is silently unsubstantiated.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: Free flow is prevented in all operating modes
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: Free flow is prevented in all operating modes
  undeveloped: true
```
"#,
}

/// Reports unsupported goals and strategies.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if !matches!(el.kind, ElementKind::Goal | ElementKind::Strategy) || el.is_undeveloped() || !el.supported_by.is_empty() {
            continue;
        }
        if ctx.case.out(e, RelationKind::SupportedBy).next().is_some() {
            continue; // developed by another module
        }
        let what = if el.kind == ElementKind::Goal { "sub-goals, a strategy or solutions" } else { "sub-goals" };
        let d = sink
            .diag(el.span, format!("{} `{}` is not supported and not marked undeveloped", el.kind.noun(), el.id))
            .with_label("no supportedBy")
            .with_help(format!("support it with {what}, or add `undeveloped: true`"));
        sink.at(e, d);
    }
}
