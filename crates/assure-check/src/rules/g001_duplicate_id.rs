//! G001 duplicate-id: an identifier defined twice.

use crate::{Ctx, Sink};

rule! {
    code: "G001", name: "duplicate-id", severity: Error, clause: "GSN 1:2.1.2", gsn2x: Some("C07"),
    summary: "An element id is defined more than once",
    doc: r#"## What it checks

Every element id is defined once across all modules of the case (gsn2x resolves references
across modules by id alone, so ids must be unique case-wide; GSN 1:2.1.2 requires uniqueness
within a module). Both definitions are kept and checked — a duplicate never hides the rest of
its module — but references resolve to the first.

## Why

A reference to a duplicated id is ambiguous: the argument a reader sees may not be the one
the author meant.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
G1:
  text: The pump is acceptably secure
  undeveloped: true
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

/// Reports every later definition of an id.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for d in &case.duplicates {
        let (first, second) = (case.element(d.first), case.element(d.second));
        let m1 = &case.module(first.module).name.value;
        let diag = sink
            .diag(second.span, format!("`{}` is already defined in module `{m1}`", second.id))
            .with_label("second definition")
            .with_related(first.span, "first defined here")
            .with_help("ids must be unique across all modules of a case; rename one of them");
        sink.at(d.second, diag);
    }
}
