//! G015 top-not-goal: a top-level element that is not a goal.

use crate::{Ctx, Sink};
use assure_core::model::ElementKind;

rule! {
    code: "G015", name: "top-not-goal", severity: Error, clause: "GSN 1:2 (top goal); ISO/TS 81001-2-1 5.2 step 1", gsn2x: Some("C02"),
    summary: "A top-level element is not a goal",
    doc: r#"## What it checks

Every element that nothing references must be a goal: a context, assumption, strategy or
solution that no goal refers to is detached from the argument. (gsn2x checks this only when
there is a single top-level element; the standard's structure applies to every one.)

## Why

The argument starts from a claim; a detached strategy or context means a missing link.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
C1:
  text: Intended use in the adult ICU
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  inContextOf: [C1]
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
C1:
  text: Intended use in the adult ICU
```
"#,
}

/// Reports roots that are not goals.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for &r in &ctx.roots {
        let el = ctx.case.element(r);
        if el.kind == ElementKind::Goal || el.kind == ElementKind::Unknown {
            continue;
        }
        let help = if el.kind.is_contextual() {
            format!("link it from the goal or strategy it qualifies: `inContextOf: [{}]`", el.id)
        } else if el.kind.is_counter() {
            format!("{} should challenge something (`challenges:`)", el.kind.a_noun())
        } else {
            format!("link it from a goal: `supportedBy: [{}]`", el.id)
        };
        let d = sink
            .diag(el.span, format!("`{}` is {} that no element references", el.id, el.kind.a_noun()))
            .with_label("top-level, but not a goal")
            .with_help(help);
        sink.at(r, d);
    }
}
