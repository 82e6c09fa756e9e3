//! A005 acp-on-element-kind: an ACP on an element that is not a solution or context.

use crate::{Ctx, Sink};
use assure_core::model::AcpTarget;

rule! {
    code: "A005", name: "acp-on-element-kind", severity: Warning, clause: "GSN 1:5.2", gsn2x: None,
    summary: "An ACP sits on an element other than a solution or context",
    doc: r#"## What it checks

An ACP on an element itself (rather than on a link) belongs on a solution (confidence in
the evidence) or a context (confidence in its appropriateness). On a goal or strategy,
put it on the link that carries the assertion instead.

## Why

Confidence in a claim is confidence in the inference that supports it, which is a link.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
  acp:
    ACP1: G1
Sn1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
  acp:
    ACP1: Sn1
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Reports ACPs on goals, strategies and the like.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for acp in &ctx.case.acps {
        let AcpTarget::Element(e) = acp.on else { continue };
        let k = ctx.kind(e);
        if !(k.is_solution_like() || k == assure_core::ElementKind::Context || k == assure_core::ElementKind::Unknown) {
            let d = sink
                .diag(acp.target_span, format!("ACP `{}` sits on the {} `{}` itself", acp.name.value, k.noun(), ctx.id(e)))
                .with_help("put it on the link to the supporting strategy or evidence");
            sink.at(acp.owner, d);
        }
    }
}
