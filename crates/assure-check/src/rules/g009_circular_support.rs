//! G009 circular-support: elements that support themselves through others.

use crate::graph::{cycle_through, cyclic_components};
use crate::{Ctx, Sink};
use assure_core::model::{ElementId, RelationKind};

rule! {
    code: "G009", name: "circular-support", severity: Error, clause: "GSN 1:2.2.2", gsn2x: Some("C04"),
    summary: "SupportedBy links form a cycle",
    doc: r#"## What it checks

The goal structure is acyclic: no element supports itself through other elements. Each
cycle is reported once, at its first element, with every element of the cycle as a related
location. (An element listing itself is rule G007.)

## Why

Circular reasoning — a claim that ultimately rests on itself — is the first fallacy in
every catalogue of safety-argument fallacies.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: The pump software is acceptably safe
  supportedBy: [G3]
G3:
  text: The pump software meets its safety requirements
  supportedBy: [G2]
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  text: The pump software is acceptably safe
  supportedBy: [G3]
G3:
  text: The pump software meets its safety requirements
  supportedBy: [Sn1]
Sn1:
  text: Software verification report SVR-3
```
"#,
}

/// Reports each cycle of SupportedBy once.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    let succ = |v: usize| -> Vec<usize> {
        case.out(ElementId(v as u32), RelationKind::SupportedBy)
            .filter(|r| r.from != r.to)
            .map(|r| r.to.0 as usize)
            .collect()
    };
    for comp in cyclic_components(case.elements.len(), &succ) {
        let inside = |v: usize| comp.binary_search(&v).is_ok();
        let cycle = cycle_through(comp[0], &succ, &inside);
        let ids: Vec<&str> = cycle.iter().map(|&v| ctx.id(ElementId(v as u32))).collect();
        let first = ElementId(comp[0] as u32);
        let mut d = sink
            .diag(case.element(first).span, format!("circular support: {} → {}", ids.join(" → "), ids[0]))
            .with_label("this element supports itself");
        for w in cycle.windows(2).chain(std::iter::once(&[cycle[cycle.len() - 1], cycle[0]][..])) {
            let (a, b) = (ElementId(w[0] as u32), ElementId(w[1] as u32));
            if let Some(r) = case.out(a, RelationKind::SupportedBy).find(|r| r.to == b) {
                d = d.with_related(r.span, format!("`{}` is supported by `{}`", ctx.id(a), ctx.id(b)));
            }
        }
        if comp.len() > cycle.len() {
            d = d.with_help(format!("{} elements are caught in cycles here; break each cycle", comp.len()));
        } else {
            d = d.with_help("remove one of these links, or support the last claim with evidence instead");
        }
        sink.at(first, d);
    }
}
