//! G003 type-prefix-mismatch: an explicit type that contradicts the id prefix.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind, KindSource};

rule! {
    code: "G003", name: "type-prefix-mismatch", severity: Warning, clause: "GSN 1:2.1", gsn2x: Some("V08"),
    summary: "An explicit type contradicts the type the id prefix suggests",
    doc: r#"## What it checks

An element with `type:` / `nodeType:` whose id starts with the prefix of another type
(`G7` declared a strategy). The explicit type wins; the warning says readers will be misled.

## Why

Readers infer the type from the id; a goal called `S3` invites misreading the argument.

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
G2:
  type: Strategy
  text: Argument over each identified hazard
  supportedBy: [G3]
G3:
  text: Free flow is prevented
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [S1]
S1:
  text: Argument over each identified hazard
  supportedBy: [G3]
G3:
  text: Free flow is prevented
  undeveloped: true
```
"#,
}

/// Reports explicit types that contradict the prefix.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let KindSource::Explicit(span) = el.kind_source else { continue };
        let Some(prefix) = ElementKind::from_prefix(&el.id) else { continue };
        if prefix != el.kind {
            let d = sink
                .diag(span, format!("`{}` is declared {}, but its id suggests {}", el.id, el.kind.a_noun(), prefix.a_noun()))
                .with_related(el.span, "id")
                .with_help("rename the element so its prefix matches its type");
            sink.at(e, d);
        }
    }
}
