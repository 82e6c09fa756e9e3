//! A001 acp-not-connected: an assurance claim point on an element that is not the owner or directly related.

use crate::{Ctx, Sink};
use assure_core::model::AcpTarget;

rule! {
    code: "A001", name: "acp-not-connected", severity: Error, clause: "GSN 1:5.2", gsn2x: Some("V09"),
    summary: "An ACP points at an element that is neither its owner nor directly related to it",
    doc: r#"## What it checks

`acp: {ACP1: X}` on element `E` places the claim point on `E` itself (when `X` is `E`) or on
the SupportedBy / InContextOf link from `E` to `X`. `X` must therefore be `E` or one of the
elements `E` lists in `supportedBy` or `inContextOf`.

## Why

An assurance claim point says *which* assertion a confidence argument is about; pointing at
an unrelated element makes that assertion undefined.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
  acp:
    ACP1: Sn1
G2:
  text: Free flow is prevented
  supportedBy: [Sn1]
Sn1:
  text: Free-flow test report TR-7
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: Free flow is prevented
  supportedBy: [Sn1]
  acp:
    ACP1: Sn1
Sn1:
  text: Free-flow test report TR-7
```
"#,
}

/// Reports ACPs on unrelated elements.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for acp in &ctx.case.acps {
        if let AcpTarget::NotConnected(x) = acp.on {
            let owner = ctx.id(acp.owner);
            let d = sink
                .diag(acp.target_span, format!("ACP `{}` of `{owner}` refers to `{}`, which is neither `{owner}` nor directly related to it", acp.name.value, ctx.id(x)))
                .with_help(format!("an ACP sits on `{owner}` itself or on its link to an element it lists in supportedBy or inContextOf"));
            sink.at(acp.owner, d);
        }
    }
}
