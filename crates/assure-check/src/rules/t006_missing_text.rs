//! T006 missing-text: an element without a statement.

use crate::{Ctx, Sink};

rule! {
    code: "T006", name: "missing-text", severity: Hint, clause: "GSN 1:2.3; Kelly review step 1", gsn2x: None,
    summary: "An element has no text",
    doc: r#"## What it checks

An element with no `text` (or empty text).

## Why

An element is its statement; a box with only an id can be drawn but not reviewed.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1: {}
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

/// Reports elements without text.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if el.text().trim().is_empty() {
            let d = sink.diag(el.span, format!("`{}` has no text", el.id)).with_help("add `text:` with the statement");
            sink.at(e, d);
        }
    }
}
