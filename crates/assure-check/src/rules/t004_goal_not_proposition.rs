//! T004 goal-not-proposition: a goal phrased as a question or an instruction.

use crate::text::{first_line, is_one_of, words};
use crate::{Ctx, Sink};

rule! {
    code: "T004", name: "goal-not-proposition", severity: Warning, clause: "GSN 1:2.3; ISO/TS 81001-2-1 5.2 step 1", gsn2x: None,
    summary: "A goal is a question or an instruction, not a claim that can be true or false",
    doc: r#"## What it checks

A goal is a proposition: a noun phrase and a verb phrase that can be true or false
("Free flow is prevented"). A statement ending in `?` or starting with an imperative verb
(*Ensure*, *Verify*, *Show*, *Demonstrate*, *Mitigate*, …) is an activity or a question.
A heuristic: allow it on an element with `allow: [T004]`.

## Why

Step 1 of the six-step method: "is it a claim?" An instruction cannot be supported by
evidence; only its outcome can.

## Example

```yaml
G1:
  text: Ensure that free flow cannot occur
  supportedBy: [Sn1]
Sn1:
  text: Free-flow test report TR-7
```

Use instead:

```yaml
G1:
  text: Free flow cannot occur during infusion
  supportedBy: [Sn1]
Sn1:
  text: Free-flow test report TR-7
```
"#,
}

const IMPERATIVES: &[&str] = &[
    "ensure", "verify", "check", "show", "demonstrate", "prove", "confirm", "identify", "analyse",
    "analyze", "implement", "perform", "test", "validate", "mitigate", "reduce", "eliminate",
    "assess", "define", "determine", "establish", "provide", "make", "argue", "do",
];

/// Reports goals that are questions or instructions.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if !el.kind.is_goal_like() {
            continue;
        }
        let Some(t) = &el.text else { continue };
        let line = first_line(&t.value);
        let problem = if t.value.trim_end().ends_with('?') {
            Some("a question".to_string())
        } else {
            words(line)
                .next()
                .filter(|w| is_one_of(w, IMPERATIVES))
                .map(|w| format!("an instruction (\"{}\")", w.to_lowercase()))
        };
        if let Some(p) = problem {
            let d = sink
                .diag(t.span, format!("goal `{}` is {p}, not a claim that can be true or false", el.id))
                .with_help("state the outcome as a proposition, e.g. \"Free flow cannot occur during infusion\"");
            sink.at(e, d);
        }
    }
}
