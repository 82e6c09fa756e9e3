//! G008 duplicate-reference: the same id listed twice in one relationship list.

use crate::{Ctx, Sink};

rule! {
    code: "G008", name: "duplicate-reference", severity: Warning, clause: "GSN 1:2.2", gsn2x: Some("V05"),
    summary: "The same id is listed twice under one key",
    doc: r#"## What it checks

An id listed more than once under one `supportedBy`, `inContextOf`, `defeatedRelation` or
ACP of an element.

## Why

Usually a copy-paste slip that hides a missing reference (the one that should have been
there instead).

## Example

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1, Sn1]
Sn1:
  text: Hazard log HL-1
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe
  supportedBy: [Sn1]
Sn1:
  text: Hazard log HL-1
```
"#,
}

/// Reports repeated ids within one list.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for e in ctx.case.element_ids() {
        let el = ctx.case.element(e);
        let lists = [
            ("supportedBy", &el.supported_by),
            ("inContextOf", &el.in_context_of),
            ("defeatedRelation", &el.defeated_relation),
        ];
        let acp_lists = el.acps.iter().map(|a| ("acp", &a.targets));
        for (key, list) in lists.into_iter().chain(acp_lists) {
            if list.len() < 2 {
                continue;
            }
            let mut order: Vec<usize> = (0..list.len()).collect();
            order.sort_by(|&a, &b| list[a].name.cmp(&list[b].name).then(a.cmp(&b)));
            for w in order.windows(2) {
                let (a, b) = (&list[w[0]], &list[w[1]]);
                if a.name == b.name {
                    let d = sink
                        .diag(b.span, format!("`{}` lists `{}` twice in `{key}`", el.id, b.name))
                        .with_related(a.span, "first listed here");
                    sink.at(e, d);
                }
            }
        }
    }
}
