//! D005 self-challenge: an element that challenges itself.

use crate::{Ctx, Sink};
use assure_core::model::{ChallengeTarget, RelationKind};

rule! {
    code: "D005", name: "self-challenge", severity: Error, clause: "GSN 1:6", gsn2x: Some("C13"),
    summary: "An element challenges itself",
    doc: r#"## What it checks

`challenges:` naming the element's own id.

## Why

A counter-argument against itself is no argument.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  undeveloped: true
CG1:
  text: The hazard analysis missed use errors
  challenges: CG1
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  undeveloped: true
CG1:
  text: The hazard analysis missed use errors
  challenges: G1
  undeveloped: true
```
"#,
}

/// Reports self-challenges.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for r in &ctx.case.relations {
        if r.kind == RelationKind::Challenges && r.challenged == Some(ChallengeTarget::Element(r.from)) {
            let d = sink.diag(r.span, format!("`{}` challenges itself", ctx.id(r.from)));
            sink.at(r.from, d);
        }
    }
}
