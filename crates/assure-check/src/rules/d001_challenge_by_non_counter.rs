//! D001 challenge-by-non-counter: `challenges` on an element that is not a counter goal or counter solution.

use crate::{Ctx, Sink};

rule! {
    code: "D001", name: "challenge-by-non-counter", severity: Error, clause: "GSN 1:6", gsn2x: Some("V12"),
    summary: "An element that is not a counter goal or counter solution challenges something",
    doc: r#"## What it checks

Only counter goals (`CG…`, `type: CounterGoal`) and counter solutions (`CSn…`,
`type: CounterSolution`) may carry `challenges:`.

## Why

A challenge is a counter-argument; drawing it from an ordinary goal confuses the argument
with its critique.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
G2:
  text: The hazard log is incomplete
  challenges: Sn1
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
CG1:
  text: The hazard log is incomplete
  challenges: Sn1
  undeveloped: true
```
"#,
}

/// Reports challenges from non-counter elements.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let Some((_, span)) = el.challenges.as_deref() else { continue };
        if !el.kind.is_counter() && el.kind != assure_core::ElementKind::Unknown {
            let d = sink
                .diag(*span, format!("`{}` is {}, but only counter goals and counter solutions can challenge", el.id, el.kind.a_noun()))
                .with_help("rename it with a CG or CSn prefix, or set `type: CounterGoal` / `type: CounterSolution`");
            sink.at(e, d);
        }
    }
}
