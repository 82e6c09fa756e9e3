//! D002 defeated-unchallenged: an element marked defeated that nothing challenges.

use crate::{Ctx, Sink};
use assure_core::model::{ChallengeTarget, RelationKind};

rule! {
    code: "D002", name: "defeated-unchallenged", severity: Error, clause: "GSN 1:6", gsn2x: Some("V10"),
    summary: "An element is marked defeated but no element challenges it",
    doc: r#"## What it checks

`defeated: true` on an element requires a counter goal or counter solution that
`challenges:` that element.

## Why

Defeat is the outcome of a challenge; a defeated element without its challenger hides the
reason it no longer holds.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
  defeated: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
  defeated: true
CSn1:
  text: Field incident report FIR-22 (unlisted hazard)
  challenges: Sn1
```
"#,
}

/// Reports unchallenged defeated elements.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let Some(def) = &el.defeated else { continue };
        if !def.value {
            continue;
        }
        let challenged = ctx
            .case
            .inc(e, RelationKind::Challenges)
            .any(|r| r.challenged == Some(ChallengeTarget::Element(e)));
        if !challenged {
            let d = sink
                .diag(def.span, format!("`{}` is marked defeated, but no element challenges it", el.id))
                .with_help(format!("add the counter goal or counter solution that defeats it (`challenges: {}`)", el.id));
            sink.at(e, d);
        }
    }
}
