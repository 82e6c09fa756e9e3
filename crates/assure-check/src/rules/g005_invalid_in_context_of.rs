//! G005 invalid-in-context-of: an InContextOf link between types the standard does not permit.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind as K, RelationKind};

rule! {
    code: "G005", name: "invalid-in-context-of", severity: Error, clause: "GSN 1:2.2, Table 1:2-2", gsn2x: Some("V04"),
    summary: "InContextOf from or to an element type the standard does not permit",
    doc: r#"## What it checks

InContextOf is permitted only from a goal or strategy to a context, assumption or
justification (GSN v3 Table 1:2-2), or to a module reference (1:4: the module's argument
as context).

## Why

Context qualifies a claim or an inference. A goal "in the context of" another goal is a
SupportedBy in disguise, and a solution with context hides what the evidence is about.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  inContextOf: [G2]
  supportedBy: [Sn1]
G2:
  text: The pump is used in the ICU
  undeveloped: true
Sn1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  inContextOf: [C1]
  supportedBy: [Sn1]
C1:
  text: Intended use in the adult ICU
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Reports InContextOf links the standard does not permit.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for r in &case.relations {
        if r.kind != RelationKind::InContextOf {
            continue;
        }
        let (f, t) = (case.element(r.from), case.element(r.to));
        if f.kind == K::Unknown || t.kind == K::Unknown {
            continue;
        }
        let from_ok = matches!(f.kind, K::Goal | K::Strategy);
        if from_ok && (t.kind.is_contextual() || t.kind == K::ModuleReference) {
            continue;
        }
        let (msg, help) = if !from_ok {
            (
                format!("{} (`{}`) cannot have context", f.kind.a_noun(), f.id),
                format!("attach `{}` to the goal or strategy that `{}` belongs to", t.id, f.id),
            )
        } else {
            (
                format!("`{}` is {}, not a context, assumption or justification", t.id, t.kind.a_noun()),
                if t.kind == K::Goal || t.kind == K::Strategy || t.kind == K::Solution {
                    format!("use `supportedBy` to link {}", t.kind.a_noun())
                } else {
                    "only context, assumptions and justifications can be linked with inContextOf".into()
                },
            )
        };
        let d = sink
            .diag(r.span, msg)
            .with_label("not permitted by GSN v3")
            .with_related(t.span, format!("`{}` is {}", t.id, t.kind.a_noun()))
            .with_help(help);
        sink.at(r.from, d);
    }
}
