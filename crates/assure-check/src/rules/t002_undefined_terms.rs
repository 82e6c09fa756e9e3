//! T002 undefined-terms: a goal using terms that need a definition, with no context in scope.

use crate::text::{is_one_of, words};
use crate::{Ctx, Sink};
use assure_core::model::ElementKind;

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
    let scope = crate::ctx::ContextScope::of(case);
    for e in case.element_ids() {
        let el = case.element(e);
        if el.kind != ElementKind::Goal || scope.in_scope[e.0 as usize] || scope.in_cycle[e.0 as usize] {
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
