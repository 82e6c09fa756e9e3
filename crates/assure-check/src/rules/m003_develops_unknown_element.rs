//! M003 develops-unknown-element: `develops` names an element that does not exist where it should.

use crate::{Ctx, Sink};

rule! {
    code: "M003", name: "develops-unknown-element", severity: Error, clause: "GSN 1:4.3", gsn2x: Some("C10, V07"),
    summary: "`develops` names an element missing from the extended or the extending module",
    doc: r#"## What it checks

In `extends: - module: M, develops: {F: [L1, L2]}`, `F` must be an element of module `M`
and each `L` an element of the module that declares the `extends`.

## Why

The link from the foreign undeveloped claim to its local development is the whole point of
`extends`; a misspelt id breaks it silently in other tools.

## Example

```yaml
module:
  name: template
G1:
  text: A claim somebody else should support
  undeveloped: true
```

```yaml
module:
  name: instance
  extends:
    - module: template
      develops: {G9: [G2]}
G2:
  text: The argument provided here
  undeveloped: true
```

Use instead: `develops: {G1: [G2]}`.
"#,
}

/// Reports develops entries whose ids do not resolve in the right module.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for (mi, m) in case.modules.iter().enumerate() {
        for ext in &m.extends {
            let Some(target) = ext.target else {
                for (foreign, _) in &ext.develops {
                    let d = sink.diag(
                        foreign.span,
                        format!("`{}` cannot be found: module `{}` is not loaded", foreign.name, ext.module.value),
                    );
                    sink.push(d);
                }
                continue;
            };
            let tname = &case.module(target).name.value;
            for (foreign, locals) in &ext.develops {
                let found = case.find(&foreign.name);
                if found.is_none_or(|f| case.element(f).module != target) {
                    let where_ = match found {
                        Some(f) => format!(" (it is in module `{}`)", case.module(case.element(f).module).name.value),
                        None => String::new(),
                    };
                    let d = sink.diag(foreign.span, format!("`{}` is not an element of module `{tname}`{where_}", foreign.name));
                    sink.push(d);
                }
                for l in locals {
                    let found = case.find(&l.name);
                    if found.is_none_or(|f| case.element(f).module.0 as usize != mi) {
                        let d = sink
                            .diag(l.span, format!("`{}` is not an element of module `{}`, which is supposed to develop `{}`", l.name, m.name.value, foreign.name))
                            .with_help("the developing elements must be defined in the module that declares `extends`");
                        sink.push(d);
                    }
                }
            }
        }
    }
}
