//! G014 multiple-top-elements: more than one unreferenced element.

use crate::{Ctx, Sink};

rule! {
    code: "G014", name: "multiple-top-elements", severity: Warning, clause: "GSN glossary (top goal)", gsn2x: Some("C01"),
    summary: "More than one element is not referenced by any other",
    doc: r#"## What it checks

Elements that no other element references (by supportedBy, inContextOf, or by being
developed through `extends`), counter elements excepted. The standard permits several top
goals, so this is a warning: more often it is a forgotten link.

## Why

Two unconnected arguments in one case are usually one argument with a missing link, or
an orphaned piece of context.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  undeveloped: true
G2:
  text: The pump is acceptably secure
  undeveloped: true
```

Use instead:

```yaml
G0:
  text: The pump is acceptably safe and secure
  supportedBy: [G1, G2]
G1:
  text: The pump is acceptably safe
  undeveloped: true
G2:
  text: The pump is acceptably secure
  undeveloped: true
```
"#,
}

/// Reports several roots once, listing them all.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    if ctx.roots.len() < 2 {
        return;
    }
    let shown: Vec<&str> = ctx.roots.iter().take(20).map(|&r| ctx.id(r)).collect();
    let more = if ctx.roots.len() > 20 { format!(" and {} more", ctx.roots.len() - 20) } else { String::new() };
    let first = ctx.roots[0];
    let mut d = sink
        .diag(
            ctx.case.element(first).span,
            format!("{} elements are not referenced by any other: {}{more}", ctx.roots.len(), shown.join(", ")),
        )
        .with_label("top-level element")
        .with_help("connect them under one top goal, or split the case into modules");
    for &r in ctx.roots.iter().skip(1).take(19) {
        d = d.with_related(ctx.case.element(r).span, "also top-level");
    }
    sink.push(d);
}
