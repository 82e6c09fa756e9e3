//! M007 module-reference-unresolved: a module or contract reference that names no loaded module.

use crate::{Ctx, Sink};

rule! {
    code: "M007", name: "module-reference-unresolved", severity: Warning, clause: "GSN 1:4.2", gsn2x: None,
    summary: "A module or contract reference names no loaded module, or `module:` is on another element",
    doc: r#"## What it checks

A module reference (`type: ModuleReference`) or contract reference
(`type: ContractReference`) stands for the argument of another module; its `module:` key
names that module. It is reported when `module:` is missing, or names no module of the
loaded case (module names are `module: name:` or the file name). `module:` on any other
element is reported too: it is ignored there.

## Why

The reference is what a reader follows to the supporting argument (in diagrams it links
to that module's view). A reference to a module that is not part of the case leaves the
support it stands for unexamined — load the module with `uses:`, or, when it belongs to
another organisation's case, keep the warning as a reminder.

## Example

```yaml
G1:
  text: The pump's software is acceptably safe
  supportedBy: [M1]
M1:
  type: ModuleReference
  text: IEC 62304 lifecycle argument
  module: Sofware
```

Use instead:

```yaml
module:
  name: Software
G1:
  text: The pump's software is acceptably safe
  supportedBy: [M1]
M1:
  type: ModuleReference
  text: IEC 62304 lifecycle argument
  module: Software
```
"#,
}

/// Reports references without a loaded module, and `module:` elsewhere.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for e in case.element_ids() {
        let el = case.element(e);
        let d = match (&el.module_ref, el.kind.is_reference()) {
            (None, true) => sink
                .diag(el.span, format!("{} `{}` does not name its module", el.kind.a_noun(), el.id))
                .with_help("add `module: <module name>`"),
            (Some(m), true) if case.module_named(&m.value).is_none() => {
                let names: Vec<&str> = case.modules.iter().map(|m| &*m.name.value).collect();
                let close = names
                    .iter()
                    .find(|n| strsim::levenshtein(&n.to_lowercase(), &m.value.to_lowercase()) <= 2);
                let help = match close {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => format!("loaded modules: {}", names.join(", ")),
                };
                sink.diag(m.span, format!("`{}` refers to module `{}`, which is not loaded", el.id, m.value))
                    .with_label("no such module")
                    .with_help(help)
            }
            (Some(m), false) => sink
                .diag(m.span, format!("`module:` is only used by module and contract references; `{}` is {}", el.id, el.kind.a_noun()))
                .with_label("ignored")
                .with_help("write `type: ModuleReference` (or `ContractReference`), or remove `module:`"),
            _ => continue,
        };
        sink.at(e, d);
    }
}
