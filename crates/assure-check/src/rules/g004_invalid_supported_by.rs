//! G004 invalid-supported-by: a SupportedBy link between types the standard does not permit.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind as K, RelationKind};

rule! {
    code: "G004", name: "invalid-supported-by", severity: Error, clause: "GSN 1:2.2, Table 1:2-2; 1:6", gsn2x: Some("V04"),
    summary: "SupportedBy between element types the standard does not permit",
    doc: r#"## What it checks

SupportedBy is permitted only goal → goal, goal → strategy, goal → solution,
strategy → goal (GSN v3 Table 1:2-2), goal → module reference or contract reference
(1:4), and within a counter-argument counter goal →
counter goal or counter solution (1:6). Anything else is reported: a strategy supported
directly by a solution (gsn2x accepts this; the standard does not), a solution or context
with supporters, context linked by SupportedBy instead of InContextOf, a goal "supported"
by a counter element (counter elements *challenge*).

## Why

A solution makes no claim and a strategy is an inference, not a claim: evidence attached
directly to a strategy leaves unstated which claim it supports.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [G2]
G2:
  text: Every hazard in the hazard log is mitigated
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Whether `from` may be supported by `to`.
pub fn permitted(from: K, to: K) -> bool {
    matches!(
        (from, to),
        (
            K::Goal,
            K::Goal | K::Strategy | K::Solution | K::ModuleReference | K::ContractReference
        ) | (K::Strategy, K::Goal)
            | (K::CounterGoal, K::CounterGoal | K::CounterSolution)
    )
}

/// Reports SupportedBy links the standard does not permit.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for r in &case.relations {
        if r.kind != RelationKind::SupportedBy || r.via_develops {
            continue;
        }
        let (f, t) = (case.element(r.from), case.element(r.to));
        if f.kind == K::Unknown || t.kind == K::Unknown || permitted(f.kind, t.kind) {
            continue;
        }
        let help = match (f.kind, t.kind) {
            (K::Strategy, K::Solution) => format!(
                "put a goal between them: `{}` → a goal stating what `{}` shows → `{}`",
                f.id, t.id, t.id
            ),
            (K::Strategy, K::Strategy) => "a strategy is supported by goals; state the intermediate claim as a goal".into(),
            (_, k) if k.is_contextual() => format!("use `inContextOf` for {}", k.a_noun()),
            (k, _) if k.is_solution_like() || k.is_contextual() => {
                format!("{} has no supporters; attach `{}` to a goal instead", k.a_noun(), t.id)
            }
            (_, k) if k.is_counter() => format!("{} challenges an element (`challenges:`); it does not support one", k.a_noun()),
            _ => "see Table 1:2-2 of GSN v3 for the permitted links".into(),
        };
        let d = sink
            .diag(r.span, format!("{} (`{}`) cannot be supported by {} (`{}`)", f.kind.a_noun(), f.id, t.kind.a_noun(), t.id))
            .with_label("not permitted by GSN v3")
            .with_related(t.span, format!("`{}` is {}", t.id, t.kind.a_noun()))
            .with_help(help);
        sink.at(r.from, d);
    }
}
