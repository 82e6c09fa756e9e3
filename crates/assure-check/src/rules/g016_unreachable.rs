//! G016 unreachable: elements not reachable from any top-level element.

use crate::{Ctx, Sink};
use assure_core::model::{ElementId, RelationKind};

rule! {
    code: "G016", name: "unreachable", severity: Error, clause: "GSN 1:2.2.2", gsn2x: Some("C08"),
    summary: "Elements cannot be reached from any top-level element",
    doc: r#"## What it checks

Every element is reachable from a top-level element along SupportedBy and InContextOf
(challengers count as reached when what they challenge is). Elements that only support each
other in a closed loop are not. Reported once, listing them.

## Why

An island of argument that no top goal leads to is argument nobody will read.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
G2:
  text: The alarms are audible
  supportedBy: [G3]
G3:
  text: The alarm loudness meets IEC 60601-1-8
  supportedBy: [G2]
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1, G2]
Sn1:
  text: Hazard log HL-1
G2:
  text: The alarms are audible
  supportedBy: [Sn2]
Sn2:
  text: Alarm loudness test report ALT-2
```
"#,
}

/// Reports the elements no root reaches.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    let n = case.elements.len();
    let mut seen = vec![false; n];
    if ctx.roots.is_empty() {
        return; // G013 reports a case without top-level elements
    }
    // Later duplicates (reported by G001) count as starting points, so that
    // what they reference is not reported a second time.
    let mut stack: Vec<ElementId> = ctx.roots.clone();
    stack.extend((0..n).filter(|&i| ctx.is_duplicate[i]).map(|i| ElementId(i as u32)));
    // So do challengers whose challenge resolves to nothing else (D004, D005, G006 report them).
    stack.extend(case.element_ids().filter(|&e| {
        case.element(e).challenges.is_some() && case.out(e, RelationKind::Challenges).all(|r| r.to == e)
    }));
    for &r in &stack {
        seen[r.0 as usize] = true;
    }
    while let Some(v) = stack.pop() {
        let next = case
            .outgoing
            .of(v)
            .iter()
            .map(|r| case.relation(*r))
            .filter(|r| r.kind != RelationKind::Challenges)
            .map(|r| r.to)
            .chain(case.inc(v, RelationKind::Challenges).map(|r| r.from));
        for w in next.collect::<Vec<_>>() {
            if !seen[w.0 as usize] {
                seen[w.0 as usize] = true;
                stack.push(w);
            }
        }
    }
    let missing: Vec<ElementId> = (0..n).filter(|&i| !seen[i]).map(|i| ElementId(i as u32)).collect();
    let Some(&first) = missing.first() else { return };
    let shown: Vec<&str> = missing.iter().take(20).map(|&e| ctx.id(e)).collect();
    let more = if missing.len() > 20 { format!(" and {} more", missing.len() - 20) } else { String::new() };
    let mut d = sink
        .diag(case.element(first).span, format!("not reachable from any top-level element: {}{more}", shown.join(", ")))
        .with_help("these elements only reference each other; link them into the argument or remove them");
    for &e in missing.iter().skip(1).take(19) {
        d = d.with_related(case.element(e).span, "also unreachable");
    }
    sink.push(d);
}
