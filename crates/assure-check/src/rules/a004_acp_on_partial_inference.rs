//! A004 acp-on-partial-inference: an ACP on one of several links below a strategy.

use crate::{Ctx, Sink};
use assure_core::model::AcpTarget;

rule! {
    code: "A004", name: "acp-on-partial-inference", severity: Warning, clause: "GSN 1:5.2", gsn2x: None,
    summary: "An ACP sits on one of several SupportedBy links below a strategy",
    doc: r#"## What it checks

An ACP on a single SupportedBy link from a strategy that has several supporters. The links
below a strategy form one inference; an ACP on one of them is ambiguous. Put it on the
goal → strategy link to cover the whole inference.

## Why

GSN v3 1:5.2: an ACP on one link below a strategy "is ambiguous and should be avoided".

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [G2, G3]
  acp:
    ACP1: G2
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
  acp:
    ACP1: S1
S1:
  text: Argument over each identified hazard
  supportedBy: [G2, G3]
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
```
"#,
}

/// Reports ambiguous ACPs below strategies.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for acp in &ctx.case.acps {
        let AcpTarget::Relation(rid) = acp.on else { continue };
        if let Some(strategy) = ctx.partial_inference(rid) {
            let s = ctx.id(strategy);
            let d = sink
                .diag(acp.target_span, format!("ACP `{}` sits on one of several links below strategy `{s}`", acp.name.value))
                .with_help(format!("put it on the link from the parent goal to `{s}` to cover the whole inference"));
            sink.at(acp.owner, d);
        }
    }
}
