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
    let mut stack: Vec<ElementId> = ctx.roots.clone();
    for &r in &ctx.roots {
        seen[r.0 as usize] = true;
    }
    for (i, &d) in ctx.is_duplicate.iter().enumerate() {
        if d {
            seen[i] = true; // reported by G001
        }
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
