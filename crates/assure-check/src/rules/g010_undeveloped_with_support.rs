//! G010 undeveloped-with-support: an element marked undeveloped that has supporters.

use crate::{Ctx, Sink};

rule! {
    code: "G010", name: "undeveloped-with-support", severity: Error, clause: "GSN 1:2.2 (undeveloped decorator)", gsn2x: Some("V03"),
    summary: "An element is marked undeveloped but is supported",
    doc: r#"## What it checks

`undeveloped: true` on an element that also lists `supportedBy`. (An undeveloped goal of
one module developed by another through `extends: develops:` is fine.)

## Why

The diamond tells a reader that the argument stops here; if it goes on, one of the two
statements is false.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  undeveloped: true
  supportedBy: [Sn1]
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

/// Reports undeveloped elements with supporters.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let (Some(u), Some(first)) = (&el.undeveloped, el.supported_by.first()) else { continue };
        if u.value {
            let d = sink
                .diag(u.span, format!("`{}` is marked undeveloped but is supported", el.id))
                .with_related(first.span, "supported here")
                .with_help("remove `undeveloped: true`, or remove the support");
            sink.at(e, d);
        }
    }
}
