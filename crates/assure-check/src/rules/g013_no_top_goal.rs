//! G013 no-top-goal: a case in which every element is below another.

use crate::{Ctx, Sink};

rule! {
    code: "G013", name: "no-top-goal", severity: Error, clause: "GSN 1:2 (top goal)", gsn2x: Some("C01"),
    summary: "The case has no top-level element",
    doc: r#"## What it checks

At least one element is not referenced by any other (the top goal). A case where every
element is supported by another has none — all of it is circular. A case with no elements
at all is reported here too.

## Why

An argument needs a claim to argue for.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: The pump software is acceptably safe
  supportedBy: [G1]
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: The pump software is acceptably safe
  undeveloped: true
```
"#,
}

/// Reports a case without roots.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    if ctx.case.elements.is_empty() {
        if let Some(m) = ctx.case.modules.first() {
            let d = sink.diag(assure_core::Span::file_start(m.file), "the case has no elements").with_help("a case needs at least a top goal, e.g. `G1: {text: …}`");
            sink.push(d);
        }
        return;
    }
    if ctx.roots.is_empty() && let Some(first) = ctx.case.elements.first() {
        let d = sink
            .diag(first.span, "the case has no top-level element: every element is referenced by another")
            .with_help("the argument is circular; see the circular-support findings");
        sink.push(d);
    }
}
