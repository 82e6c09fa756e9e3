//! P001 uninstantiated-placeholder: `{token}` left in a delivered argument.

use crate::text::placeholders;
use crate::{Ctx, Sink};

rule! {
    code: "P001", name: "uninstantiated-placeholder", severity: Warning, clause: "GSN 1:3.1.3, 1:3.5", gsn2x: None,
    summary: "A statement still holds a pattern placeholder such as `{System}`",
    doc: r#"## What it checks

Text containing `{token}` placeholders (the uninstantiated elements of an argument
pattern). In a delivered argument every pattern element is instantiated or removed.

## Why

"{System} is acceptably safe in {Setting}" claims nothing about any system.

## Example

```yaml
G1:
  text: "{Pump} is acceptably safe in {Care setting}"
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: VoluFlow 300 is acceptably safe in the adult ICU
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Reports placeholders in statements.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let Some(t) = &el.text else { continue };
        let found = placeholders(&t.value);
        if let Some(first) = found.first() {
            let d = sink
                .diag(t.span, format!("`{}` still holds the placeholder {first}{}", el.id, if found.len() > 1 { format!(" and {} more", found.len() - 1) } else { String::new() }))
                .with_help("instantiate the pattern: replace each {token} with the concrete value");
            sink.at(e, d);
        }
    }
}
