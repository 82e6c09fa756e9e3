//! P003 link-decoration-not-supporter: `multiplicity` / `optional` / `choice`
//! names an element that does not support the element.

use crate::{Ctx, Sink};
use assure_core::model::LinkRefProblem;

rule! {
    code: "P003", name: "link-decoration-not-supporter", severity: Error, clause: "GSN 1:3.3", gsn2x: None,
    summary: "`multiplicity`, `optional` or `choice` names an element that is not a supporter",
    doc: r#"## What it checks

`multiplicity:`, `optional:` and `choice:` decorate the SupportedBy links of the element
they are written on, so every id they name must also be in its `supportedBy`. An id that is
missing there, that is only in `inContextOf`, or that names no element at all is reported,
and the decoration is not drawn.

## Why

The decorations say how often a link below this element is instantiated. Naming an element
that is not linked — usually a typo, or a supporter removed from `supportedBy` but not from
the decoration — would otherwise silently lose the multiplicity, optionality or choice.

## Example

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2]
  multiplicity: {G3: n}
G2:
  text: "{Hazard} is mitigated"
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2]
  multiplicity: {G2: n}
G2:
  text: "{Hazard} is mitigated"
  undeveloped: true
```
"#,
}

/// Reports decoration entries that name no supporter.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for b in &ctx.case.bad_link_refs {
        if b.problem != LinkRefProblem::NotSupporter {
            continue;
        }
        let id = ctx.id(b.from);
        let d = sink
            .diag(
                b.name.span,
                format!(
                    "`{}` of `{id}` names `{}`, which is not a supporter of `{id}`",
                    b.key, b.name.name
                ),
            )
            .with_label("not in `supportedBy`")
            .with_help(format!(
                "add `{}` to `supportedBy` of `{id}`, or remove it from `{}`",
                b.name.name, b.key
            ));
        sink.at(b.from, d);
    }
}
