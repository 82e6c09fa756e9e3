//! A002 acp-unresolved: an assurance claim point naming a missing element.

use crate::{Ctx, Sink};
use assure_core::model::AcpTarget;

rule! {
    code: "A002", name: "acp-unresolved", severity: Error, clause: "GSN 1:5.2", gsn2x: Some("V09"),
    summary: "An ACP refers to an element that does not exist",
    doc: r#"## What it checks

Every id an `acp:` entry names exists.

## Why

The claim point would sit nowhere.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
  acp:
    ACP1: Sn9
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

/// Reports ACPs with missing targets.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for acp in &ctx.case.acps {
        if acp.on == AcpTarget::Unresolved {
            let text = ctx.case.element(acp.owner);
            let d = sink.diag(acp.target_span, format!("ACP `{}` of `{}` refers to an element that does not exist", acp.name.value, text.id));
            sink.at(acp.owner, d);
        }
    }
}
