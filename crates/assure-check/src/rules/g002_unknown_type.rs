//! G002 unknown-type: an element whose type cannot be determined.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind, KindSource};

rule! {
    code: "G002", name: "unknown-type", severity: Error, clause: "GSN 1:2.1", gsn2x: Some("V01"),
    summary: "An element's type cannot be determined from its id or `type`",
    doc: r#"## What it checks

An element's type comes from its id prefix — `CG` counter goal, `G` goal, `CSn` counter
solution, `Sn` solution, `S` strategy, `C` context, `A` assumption, `J` justification, tried
in that order — or from an explicit `type:` (or gsn2x's `nodeType:`). An element with neither
has no GSN meaning.

## Why

Every rule about what may support what depends on the type.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Evidence1]
Evidence1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Evidence1]
Evidence1:
  type: Solution
  text: Hazard log HL-1
```
"#,
}

/// Reports elements of unknown type.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if el.kind == ElementKind::Unknown && el.kind_source != KindSource::None {
            continue; // a bad explicit type was reported by the loader
        }
        if el.kind == ElementKind::Unknown {
            let d = sink
                .diag(el.span, format!("cannot tell the type of `{}`", el.id))
                .with_label("no known id prefix and no `type:`")
                .with_help("start the id with G, S, Sn, C, A, J, CG or CSn, or add e.g. `type: Goal`");
            sink.at(e, d);
        }
    }
}
