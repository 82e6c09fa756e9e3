//! T003 solution-not-noun-phrase: a solution phrased as a claim.

use crate::text::{first_line, is_one_of, words};
use crate::{Ctx, Sink};

rule! {
    code: "T003", name: "solution-not-noun-phrase", severity: Warning, clause: "GSN 1:2.3; ISO/TS 81001-2-1 5.5", gsn2x: None,
    summary: "A solution's text reads like a claim rather than a reference to evidence",
    doc: r#"## What it checks

A solution is a noun phrase naming an evidence item ("Free-flow test report TR-7 rev C").
Text with a finite verb such as *is*, *are*, *shows*, *demonstrates*, *proves*, *ensures*
reads as a claim. A heuristic: allow it on an element with `allow: [T003]`.

## Why

A claim dressed as evidence hides an unsupported assertion; the evidence itself should be
named specifically enough to be retrieved and versioned.

## Example

```yaml
G1:
  text: Free flow is prevented
  supportedBy: [Sn1]
Sn1:
  text: Testing shows that free flow cannot occur
```

Use instead:

```yaml
G1:
  text: Free flow is prevented
  supportedBy: [Sn1]
Sn1:
  text: Free-flow test report TR-7 rev C
```
"#,
}

const VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "shows", "show", "demonstrates", "demonstrate",
    "proves", "prove", "confirms", "confirm", "ensures", "ensure", "verifies", "verify",
    "indicates", "establishes", "guarantees", "cannot", "can't", "will", "must", "should",
];

/// Reports solutions that read like claims.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if !el.kind.is_solution_like() {
            continue;
        }
        let Some(t) = &el.text else { continue };
        if let Some(v) = words(first_line(&t.value)).find(|w| is_one_of(w, VERBS)) {
            let d = sink
                .diag(t.span, format!("solution `{}` reads like a claim (\"{v}\"); a solution names an evidence item", el.id))
                .with_help("name the evidence (e.g. \"Free-flow test report TR-7 rev C\") and move the claim into the goal it supports");
            sink.at(e, d);
        }
    }
}
