//! M002 extends-unknown-module: `extends` names a module that is not loaded.

use crate::{Ctx, Sink};

rule! {
    code: "M002", name: "extends-unknown-module", severity: Error, clause: "GSN 1:4.3", gsn2x: Some("C09"),
    summary: "`extends` names a module that is not part of the case",
    doc: r#"## What it checks

Each `module: extends: - module: M` names a module loaded in the same run (through `uses:`
or on the command line).

## Why

The elements this module claims to develop live in `M`; without it the development is
unchecked.

## Example

```yaml
module:
  name: instance
  extends:
    - module: template
      develops: {G1: [G2]}
G2:
  text: The claim developed here
  undeveloped: true
```

Use instead: load the template as well (`assure check template.gsn.yaml instance.gsn.yaml`).
"#,
}

/// Reports unresolved `extends`.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    for m in &ctx.case.modules {
        for ext in &m.extends {
            if ext.target.is_none() {
                let d = sink
                    .diag(ext.module.span, format!("module `{}` extends module `{}`, which is not loaded", m.name.value, ext.module.value))
                    .with_help("name the extended module's file on the command line or in `uses:`");
                sink.push(d);
            }
        }
    }
}
