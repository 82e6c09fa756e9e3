//! T002 undefined-terms: a goal using terms that need a definition, with no context in scope.

use crate::text::{is_one_of, words};
use crate::{Ctx, Sink};
use assure_core::model::{ElementId, ElementKind, RelationKind};

rule! {
    code: "T002", name: "undefined-terms", severity: Warning, clause: "ISO/TS 81001-2-1 5.2 step 2; Kelly review step 3", gsn2x: None,
    summary: "A goal uses terms such as \"acceptably safe\" with no context or assumption in scope",
    doc: r#"## What it checks

A goal whose statement uses terms that only mean something once defined — *safe*, *secure*,
*effective*, *acceptable(ly)*, *adequate(ly)*, *sufficient(ly)*, *tolerable*, *ALARP*,
*appropriate(ly)*, *reasonabl(e|y)*, *negligible* — while no context or assumption applies
to it: none of its own, and none inherited from the elements above it (context and
assumptions apply to everything below the element they attach to). A heuristic: allow it
on an element with `allow: [T002]`.

## Why

Step 2 of the six-step method defines the basis of the goal. "Acceptably safe" means
nothing until the risk acceptance criteria are stated.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
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
  text: Acceptably safe = all risks meet the ISO 14971 criteria in RMP-4
Sn1:
  text: Hazard log HL-1
```
"#,
}

const TERMS: &[&str] = &[
    "safe", "safely", "secure", "securely", "effective", "acceptable", "acceptably", "adequate",
    "adequately", "sufficient", "sufficiently", "tolerable", "tolerably", "alarp", "appropriate",
    "appropriately", "reasonable", "reasonably", "negligible",
];

/// Reports goals with vague terms and no context in scope.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    let n = case.elements.len();
    // has_ctx[e]: a context or assumption applies to e (own or inherited). Computed
    // once for all elements in one pass over a topological order of SupportedBy.
    let own = |e: ElementId| {
        case.out(e, RelationKind::InContextOf)
            .any(|r| matches!(case.element(r.to).kind, ElementKind::Context | ElementKind::Assumption))
    };
    let mut indeg = vec![0u32; n];
    for r in case.relations.iter().filter(|r| r.kind == RelationKind::SupportedBy) {
        indeg[r.to.0 as usize] += 1;
    }
    let mut has_ctx: Vec<bool> = (0..n).map(|i| own(ElementId(i as u32))).collect();
    let mut queue: Vec<ElementId> = (0..n).filter(|&i| indeg[i] == 0).map(|i| ElementId(i as u32)).collect();
    while let Some(v) = queue.pop() {
        for r in case.out(v, RelationKind::SupportedBy) {
            let w = r.to.0 as usize;
            if has_ctx[v.0 as usize] {
                has_ctx[w] = true;
            }
            indeg[w] -= 1;
            if indeg[w] == 0 {
                queue.push(r.to);
            }
        }
    }
    for e in case.element_ids() {
        let el = case.element(e);
        if el.kind != ElementKind::Goal || has_ctx[e.0 as usize] || indeg[e.0 as usize] > 0 {
            continue; // elements left with in-degree > 0 are in cycles (G009)
        }
        let Some(t) = &el.text else { continue };
        let mut found: Vec<String> = Vec::new();
        for w in words(&t.value) {
            for part in w.split('-') {
                if is_one_of(part, TERMS) && !found.iter().any(|f| f.eq_ignore_ascii_case(part)) {
                    found.push(part.to_lowercase());
                }
            }
        }
        if found.is_empty() {
            continue;
        }
        let quoted: Vec<String> = found.iter().map(|f| format!("\"{f}\"")).collect();
        let d = sink
            .diag(t.span, format!("`{}` uses {} but no context or assumption defines it", el.id, quoted.join(", ")))
            .with_label("needs a definition")
            .with_help("add a context (or assumption) that defines the term to this goal or one above it (`inContextOf`)");
        sink.at(e, d);
    }
}
