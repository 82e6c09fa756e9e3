//! G006 unresolved-reference: a reference to an id that no loaded module defines.

use crate::{Ctx, Sink};

rule! {
    code: "G006", name: "unresolved-reference", severity: Error, clause: "GSN 1:2.2; Kelly review step 2", gsn2x: Some("C03, C11"),
    summary: "A reference names an element that does not exist",
    doc: r#"## What it checks

Every id under `supportedBy`, `inContextOf` and `challenges` must be defined in a module of
the case. References resolve across modules, so an element of another module is found if
that module is loaded (through `uses:` or on the command line). A reference that looks like
a comma-separated list written as one string (`supportedBy: G2, G3`) gets a hint.

## Why

A dangling reference is a hole in the argument that a diagram silently omits.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
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

/// Reports references that resolve to nothing.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for u in &case.unresolved {
        let from = case.element(u.from);
        let name = &u.name.name;
        let help = if name.contains(',') {
            format!("this is one string; did you mean a list? write `[{name}]`")
        } else {
            "if it lives in another module, add that file to `module: uses:` or name it on the command line".into()
        };
        let d = sink
            .diag(u.name.span, format!("`{}` refers to `{name}` in `{}`, but no element `{name}` exists", from.id, u.key))
            .with_label("not defined in any loaded module")
            .with_help(help);
        sink.at(u.from, d);
    }
}
