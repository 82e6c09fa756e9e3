//! D006 partial-inference-challenge: a challenge aimed at one link below a strategy.

use crate::{Ctx, Sink};
use assure_core::model::ChallengeTarget;

rule! {
    code: "D006", name: "partial-inference-challenge", severity: Error, clause: "GSN 1:6", gsn2x: None,
    summary: "A challenge targets one of several links below a strategy",
    doc: r#"## What it checks

A challenge of the relationship between a strategy and one of its several supporters. The
links below a strategy form one inference and can only be challenged as a whole: challenge
the goal → strategy link, or the strategy itself.

## Why

GSN v3 1:6: an inference below a strategy can only be challenged as a whole.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [G2, G3]
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
CG1:
  text: Air in line is not covered
  challenges: S1 -> G2
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [G2, G3]
G2:
  text: Free flow is prevented
  undeveloped: true
G3:
  text: Occlusion is detected
  undeveloped: true
CG1:
  text: Air in line is not covered
  challenges: G1 -> S1
  undeveloped: true
```
"#,
}

/// Reports challenges of single links below strategies.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for r in &ctx.case.relations {
        let Some(ChallengeTarget::Relation(rid)) = r.challenged else { continue };
        if let Some(strategy) = ctx.partial_inference(rid) {
            let s = ctx.id(strategy);
            let d = sink
                .diag(r.span, format!("`{}` challenges one link below strategy `{s}`; the inference can only be challenged as a whole", ctx.id(r.from)))
                .with_help(format!("challenge `{s}` itself, or the link from its parent goal to `{s}`"));
            sink.at(r.from, d);
        }
    }
}
