//! M001 duplicate-module-name: two modules with the same name.

use crate::{Ctx, Sink};

rule! {
    code: "M001", name: "duplicate-module-name", severity: Error, clause: "GSN 1:4.2", gsn2x: Some("C06"),
    summary: "Two modules have the same name",
    doc: r#"## What it checks

Module names (`module: name:`, or the file name when there is none) are unique in a case.

## Why

Modules are cited by name (`extends: module:`, away elements, the architecture view); two
with one name make those citations ambiguous.

## Example

```yaml
# index.gsn.yaml, with hazards.gsn.yaml also declaring `module: {name: Main}`
module:
  name: Main
  uses: [hazards.gsn.yaml]
G1:
  text: The pump is acceptably safe
  supportedBy: [G2]
```

Use instead: give each module its own name (`name: Hazards` in hazards.gsn.yaml).
"#,
}

/// Reports later modules reusing a name.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let mods = &ctx.case.modules;
    let mut order: Vec<usize> = (0..mods.len()).collect();
    order.sort_by(|&a, &b| mods[a].name.value.cmp(&mods[b].name.value).then(a.cmp(&b)));
    for w in order.windows(2) {
        let (a, b) = (&mods[w[0]], &mods[w[1]]);
        if a.name.value == b.name.value {
            let d = sink
                .diag(b.name.span, format!("module `{}` is defined twice", b.name.value))
                .with_related(a.name.span, "first defined here")
                .with_help("give each module file its own `module: name:`");
            sink.push(d);
        }
    }
}
