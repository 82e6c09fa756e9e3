//! M004 develops-developed-element: `develops` targets an element that is not undeveloped.

use crate::{Ctx, Sink};

rule! {
    code: "M004", name: "develops-developed-element", severity: Error, clause: "GSN 1:4.3", gsn2x: Some("C10"),
    summary: "`develops` targets an element that is not marked undeveloped",
    doc: r#"## What it checks

The foreign element named in `develops` must be marked `undeveloped: true` in its own
module: only an open claim can be developed elsewhere.

## Why

Developing an already-supported claim from a second module splits one inference across two
owners without either seeing the whole.

## Example

```yaml
module:
  name: template
G1:
  text: A claim supported here
  supportedBy: [Sn1]
Sn1:
  text: Test report TR-1
```

with another module declaring `extends: [{module: template, develops: {G1: [G2]}}]`.

Use instead: mark `G1` undeveloped in the template and remove its support.
"#,
}

/// Reports develops entries targeting developed elements.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for m in &case.modules {
        for ext in &m.extends {
            let Some(target) = ext.target else { continue };
            for (foreign, _) in &ext.develops {
                let Some(f) = case.find(&foreign.name) else { continue };
                let el = case.element(f);
                if el.module == target && !el.is_undeveloped() {
                    let d = sink
                        .diag(foreign.span, format!("`{}` is not marked undeveloped, but module `{}` develops it", el.id, m.name.value))
                        .with_related(el.span, "defined here")
                        .with_help(format!("mark `{}` as `undeveloped: true` in its module", el.id));
                    sink.push(d);
                }
            }
        }
    }
}
