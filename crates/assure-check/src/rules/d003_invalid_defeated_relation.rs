//! D003 invalid-defeated-relation: `defeatedRelation` naming no relationship of the element.

use crate::{Ctx, Sink};

rule! {
    code: "D003", name: "invalid-defeated-relation", severity: Error, clause: "GSN 1:6", gsn2x: Some("V13"),
    summary: "`defeatedRelation` names an element this element has no relationship with",
    doc: r#"## What it checks

Each id in `defeatedRelation:` on element `E` must be one `E` lists in `supportedBy` or
`inContextOf`, or the element `E` challenges: the relationship from `E` to it is the one
marked defeated.

## Why

A defeated relationship that does not exist marks nothing.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
  defeatedRelation: Sn2
Sn1:
  text: Hazard log HL-1
Sn2:
  text: Second hazard log HL-2
CSn1:
  text: Audit finding AF-3
  challenges: G1 -> Sn1
G0:
  text: Everything is fine
  supportedBy: [G1, Sn2]
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
  defeatedRelation: Sn1
Sn1:
  text: Hazard log HL-1
CSn1:
  text: Audit finding AF-3
  challenges: G1 -> Sn1
```
"#,
}

/// Reports defeatedRelation entries naming no relationship.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for (e, r) in &ctx.case.bad_defeated_relations {
        let id = ctx.id(*e);
        let d = sink
            .diag(r.span, format!("`{id}` marks its relationship with `{}` as defeated, but has no relationship with `{}`", r.name, r.name))
            .with_help(format!("list an element that `{id}` supports, is in the context of, or challenges"));
        sink.at(*e, d);
    }
}
