//! A003 duplicate-acp: an ACP identifier declared twice.

use crate::{Ctx, Sink};

rule! {
    code: "A003", name: "duplicate-acp", severity: Error, clause: "GSN 1:5.2", gsn2x: None,
    summary: "An ACP identifier is declared more than once",
    doc: r#"## What it checks

Assurance claim point identifiers are unique in a case: each declaration (`ACP1:` under an
element's `acp:`) introduces a new one. One declaration may list several links.

## Why

A confidence argument cites its ACP by identifier (`ACP1[Confidence]`); two ACPs with one
name make the citation ambiguous.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
  acp:
    ACP1: G2
G2:
  text: Free flow is prevented
  supportedBy: [Sn1]
  acp:
    ACP1: Sn1
Sn1:
  text: Free-flow test report TR-7
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
  acp:
    ACP1: G2
G2:
  text: Free flow is prevented
  supportedBy: [Sn1]
  acp:
    ACP2: Sn1
Sn1:
  text: Free-flow test report TR-7
```
"#,
}

/// Reports repeated ACP declarations.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let mut decls: Vec<(&str, assure_core::Span, assure_core::ElementId)> = Vec::new();
    for e in ctx.case.element_ids() {
        for a in &ctx.case.element(e).acps {
            decls.push((&a.name.value, a.name.span, e));
        }
    }
    decls.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
    for w in decls.windows(2) {
        if w[0].0 == w[1].0 {
            let d = sink
                .diag(w[1].1, format!("ACP `{}` is already declared", w[1].0))
                .with_related(w[0].1, "first declared here")
                .with_help("give each assurance claim point its own identifier");
            sink.at(w[1].2, d);
        }
    }
}
