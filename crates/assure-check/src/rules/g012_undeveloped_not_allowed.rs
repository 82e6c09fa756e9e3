//! G012 undeveloped-not-allowed: the undeveloped decorator on an element type that cannot carry it.

use crate::{Ctx, Sink};
use assure_core::model::ElementKind;

rule! {
    code: "G012", name: "undeveloped-not-allowed", severity: Error, clause: "GSN 1:2.1 (undeveloped decorator)", gsn2x: None,
    summary: "`undeveloped` on an element that is not a goal or strategy",
    doc: r#"## What it checks

The undeveloped decorator applies to goals and strategies (and counter goals) only.

## Why

Solutions, context, assumptions and justifications are never developed further; marking
them undeveloped suggests an argument that cannot exist.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Reports misplaced undeveloped decorators.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let Some(u) = &el.undeveloped else { continue };
        if u.value && !matches!(el.kind, ElementKind::Goal | ElementKind::Strategy | ElementKind::CounterGoal | ElementKind::Unknown) {
            let d = sink
                .diag(u.span, format!("{} (`{}`) cannot be undeveloped", el.kind.a_noun(), el.id))
                .with_help("only goals and strategies carry the undeveloped diamond");
            sink.at(e, d);
        }
    }
}
