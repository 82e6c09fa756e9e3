//! T005 strategy-as-claim: a strategy phrased as a claim.

use crate::text::{first_line, is_one_of, words};
use crate::{Ctx, Sink};
use assure_core::model::ElementKind;

rule! {
    code: "T005", name: "strategy-as-claim", severity: Hint, clause: "GSN 1:2.3; Kelly review step 2", gsn2x: None,
    summary: "A strategy reads like a claim rather than a description of the argument approach",
    doc: r#"## What it checks

A strategy describes how the argument proceeds ("Argument over each identified hazard").
A strategy text that does not describe an argument (no *argument*, *argue*, *over*, *by*,
*through*, *via*, *using*, *for each*, …) but contains *is* / *are* reads as a claim.

## Why

A claim in a strategy box is a goal in the wrong shape: it escapes the requirement to be
supported, and the inference it should explain stays implicit.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: All hazards are mitigated
  supportedBy: [G2]
G2:
  text: Free flow is prevented
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each hazard in hazard log HL-1
  supportedBy: [G2]
G2:
  text: Free flow is prevented
  undeveloped: true
```
"#,
}

const APPROACH: &[&str] = &[
    "argument", "arguments", "argue", "arguing", "over", "by", "through", "via", "using", "each",
    "every", "across", "decomposition", "based", "per", "from",
];

/// Reports strategies phrased as claims.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        if el.kind != ElementKind::Strategy {
            continue;
        }
        let Some(t) = &el.text else { continue };
        let line = first_line(&t.value);
        let claims = words(line).any(|w| is_one_of(w, &["is", "are", "has", "have", "was", "were"]));
        let approach = claims && words(line).any(|w| is_one_of(w, APPROACH));
        if claims && !approach {
            let d = sink
                .diag(t.span, format!("strategy `{}` reads like a claim", el.id))
                .with_help("describe the argument approach (\"Argument over …\"), and state claims as goals");
            sink.at(e, d);
        }
    }
}
