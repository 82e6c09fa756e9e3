//! D004 challenged-relation-missing: `challenges: "X -> Y"` where X and Y are not related.

use crate::{Ctx, Sink};

rule! {
    code: "D004", name: "challenged-relation-missing", severity: Error, clause: "GSN 1:6", gsn2x: Some("C15, C16"),
    summary: "A challenged relationship does not exist",
    doc: r#"## What it checks

`challenges: "X -> Y"` challenges the relationship between `X` and `Y` (SupportedBy,
InContextOf or a challenge, written in either direction). The two must differ and be
related. (Missing ids are rule G006.)

## Why

A challenge to a link that is not in the argument is aimed at nothing.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1, Sn2]
Sn1:
  text: Hazard log HL-1
Sn2:
  text: Risk management file RMF-2
CSn1:
  text: Audit finding AF-3
  challenges: Sn1 -> Sn2
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1, Sn2]
Sn1:
  text: Hazard log HL-1
Sn2:
  text: Risk management file RMF-2
CSn1:
  text: Audit finding AF-3
  challenges: G1 -> Sn1
```
"#,
}

/// Reports challenges of non-existent relationships.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for &(from, span, x, y) in &ctx.case.dangling_challenges {
        let msg = if x == y {
            format!("`{}` challenges a relationship with both ends at `{}`", ctx.id(from), ctx.id(x))
        } else {
            format!("`{}` challenges the relationship between `{}` and `{}`, but they are not related", ctx.id(from), ctx.id(x), ctx.id(y))
        };
        let d = sink
            .diag(span, msg)
            .with_related(ctx.case.element(x).span, "first end")
            .with_related(ctx.case.element(y).span, "second end");
        sink.at(from, d);
    }
}
