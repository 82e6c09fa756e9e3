//! P005 choice-label-mismatch: a `m of n` choice label that does not fit its alternatives.

use crate::{Ctx, Sink};

rule! {
    code: "P005", name: "choice-label-mismatch", severity: Warning, clause: "GSN 1:3.3", gsn2x: None,
    summary: "A choice label `m of n` does not match the number of alternatives",
    doc: r#"## What it checks

A choice label of the form `m of n` (for example `1 of 3`) says that `m` of the `n`
alternatives are chosen. It is reported when `n` is not the number of alternatives the
choice lists, or when `m` is 0 or greater than `n`. Other labels (`at least 1`, a
parameter name) are not checked.

## Why

The label and the diagram must agree: a "1 of 3" over two links leaves the reader guessing
which alternative is missing.

## Example

```yaml
G1:
  text: Every {hazard} is mitigated
  supportedBy: [G2, G3]
  choice: {over: [G2, G3], label: 1 of 3}
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

/// `m of n` as numbers.
fn m_of_n(label: &str) -> Option<(u64, u64)> {
    let (m, n) = label.trim().split_once(" of ")?;
    Some((m.trim().parse().ok()?, n.trim().parse().ok()?))
}

/// Reports `m of n` labels that do not fit.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let Some(links) = ctx.case.element(e).links.as_deref() else {
            continue;
        };
        for c in &links.choices {
            let Some(label) = &c.label else { continue };
            let Some((m, n)) = m_of_n(&label.value) else {
                continue;
            };
            let count = c.over.len() as u64;
            if n == count && m >= 1 && m <= n {
                continue;
            }
            let why = if n != count {
                format!("the choice lists {count} alternatives, not {n}")
            } else {
                format!("{m} of {n} alternatives cannot be chosen")
            };
            let d = sink
                .diag(
                    label.span,
                    format!("choice label `{}` of `{}`: {why}", label.value, ctx.id(e)),
                )
                .with_help(format!(
                    "write `m of {count}` with 1 ≤ m ≤ {count}, or list the missing alternatives"
                ));
            sink.at(e, d);
        }
    }
}
