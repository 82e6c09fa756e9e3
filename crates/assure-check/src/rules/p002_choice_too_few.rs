//! P002 choice-too-few: a choice between fewer than two SupportedBy links.

use crate::{Ctx, Sink};

rule! {
    code: "P002", name: "choice-too-few", severity: Error, clause: "GSN 1:3.3", gsn2x: None,
    summary: "A `choice` lists fewer than two alternatives",
    doc: r#"## What it checks

Each `choice:` group of an element (the diamond joining SupportedBy links in an argument
pattern) must list at least two of the element's supporters in `over`.

## Why

A choice selects among alternatives: with one alternative (or none) there is nothing to
choose, and the diagram shows a diamond that means nothing. Usually a supporter was
forgotten, or `optional:` (the hollow ball: zero or one) was meant.

## Example

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2, G3]
  choice: {over: [G2], label: 1 of 2}
G2:
  text: "{Hazard} is eliminated by design"
  undeveloped: true
G3:
  text: "{Hazard} is controlled by an alarm"
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2, G3]
  choice: {over: [G2, G3], label: 1 of 2}
G2:
  text: "{Hazard} is eliminated by design"
  undeveloped: true
G3:
  text: "{Hazard} is controlled by an alarm"
  undeveloped: true
```
"#,
}

/// Reports choice groups with fewer than two alternatives written.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let Some(links) = ctx.case.element(e).links.as_deref() else {
            continue;
        };
        for c in &links.choices {
            if c.over.len() >= 2 {
                continue;
            }
            let id = ctx.id(e);
            let d = sink
                .diag(
                    c.span,
                    format!(
                        "a choice of `{id}` lists {} alternative{}; a choice needs at least two",
                        c.over.len(),
                        if c.over.len() == 1 { "" } else { "s" }
                    ),
                )
                .with_help("list two or more supporters in `over`, or use `optional: [id]` for a supporter that may be left out");
            sink.at(e, d);
        }
    }
}
