//! G007 self-reference: an element that supports or contextualises itself.

use crate::{Ctx, Sink};
use assure_core::model::RelationKind;

rule! {
    code: "G007", name: "self-reference", severity: Error, clause: "GSN 1:2.2.2", gsn2x: Some("V06"),
    summary: "An element references itself",
    doc: r#"## What it checks

An element that lists its own id under `supportedBy` or `inContextOf`.

## Why

An element supporting itself is the shortest circular argument.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G1, Sn1]
Sn1:
  text: Hazard log HL-1
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

/// Reports self-loops.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for r in &ctx.case.relations {
        if r.from == r.to && r.kind != RelationKind::Challenges {
            let id = ctx.id(r.from);
            let d = sink
                .diag(r.span, format!("`{id}` references itself in `{}`", r.kind.key()))
                .with_label("self-reference");
            sink.at(r.from, d);
        }
    }
}
