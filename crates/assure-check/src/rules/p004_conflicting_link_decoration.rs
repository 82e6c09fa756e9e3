//! P004 conflicting-link-decoration: a link decorated twice.

use crate::{Ctx, Sink};
use assure_core::model::LinkRefProblem;

rule! {
    code: "P004", name: "conflicting-link-decoration", severity: Error, clause: "GSN 1:3.3", gsn2x: None,
    summary: "A SupportedBy link is given two multiplicities, or is in two choices",
    doc: r#"## What it checks

A SupportedBy link carries at most one ball — `multiplicity` (filled) or `optional`
(hollow), not both and not twice — and is an alternative of at most one `choice`. A second
decoration of the same link is reported and ignored (the first one written is used).

## Why

"Optional" already means zero or one; a link that is both optional and multiple has no
single meaning, and a link in two choices cannot be drawn through two diamonds. Write the
cardinality once (`multiplicity: {G2: "0..3"}`).

## Example

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2]
  multiplicity: [G2]
  optional: [G2]
G2:
  text: "{Hazard} is mitigated"
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2]
  multiplicity: {G2: "0..*"}
G2:
  text: "{Hazard} is mitigated"
  undeveloped: true
```
"#,
}

/// Reports links decorated twice.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for b in &ctx.case.bad_link_refs {
        let LinkRefProblem::Conflict(first) = b.problem else {
            continue;
        };
        let id = ctx.id(b.from);
        let what = if b.key == "choice" {
            "is already an alternative of another choice"
        } else {
            "already has a multiplicity or is already optional"
        };
        let d = sink
            .diag(
                b.name.span,
                format!("the link from `{id}` to `{}` {what}", b.name.name),
            )
            .with_label("ignored")
            .with_related(first, "first decorated here")
            .with_help("give each link one cardinality (`multiplicity: {id: \"0..1\"}` covers optional) and put it in at most one choice");
        sink.at(b.from, d);
    }
}
