//! M008 public-context-not-public: context in scope of a public goal is not public.

use crate::{Ctx, Sink};
use assure_core::model::{ElementKind, RelationKind};

rule! {
    code: "M008", name: "public-context-not-public", severity: Warning, clause: "GSN 1:4.6", gsn2x: None,
    summary: "A context or assumption in scope of a public goal is not marked public",
    doc: r#"## What it checks

A module's interface lists its public goals (`public: true`) and **all the context in
scope of them** (GSN v3 1:4.6), which must therefore be public too. Context and
assumptions apply to the whole argument below the element they are attached to, so a
context or assumption of a public goal, or of any element of the same module above it, is
reported when it is not public. Justifications are local and not required.

## Why

Another module (or organisation) that cites a public goal relies on it only under its
context and assumptions. If they are not part of the interface, the citing side cannot
see — and cannot check that it upholds — what the claim depends on.

## Example

```yaml
G1:
  text: The pump is acceptably safe in the ICU
  inContextOf: [C1]
  supportedBy: [G2]
  public: true
C1:
  text: ICU operating environment OE-12
G2:
  text: Free flow is prevented
  undeveloped: true
```

Use instead:

```yaml
G1:
  text: The pump is acceptably safe in the ICU
  inContextOf: [C1]
  supportedBy: [G2]
  public: true
C1:
  text: ICU operating environment OE-12
  public: true
G2:
  text: Free flow is prevented
  undeveloped: true
```
"#,
}

/// Reports non-public context and assumptions in scope of public goals.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    let n = case.elements.len();
    // The public goal each element is (or is above), within its module:
    // walk up SupportedBy from every public goal, once per element.
    let mut scope: Vec<Option<u32>> = vec![None; n];
    let mut stack = Vec::new();
    for g in case.element_ids() {
        let el = case.element(g);
        if !el.is_public() || !el.kind.is_goal_like() || scope[g.0 as usize].is_some() {
            continue;
        }
        scope[g.0 as usize] = Some(g.0);
        stack.push(g);
        while let Some(cur) = stack.pop() {
            for r in case.inc(cur, RelationKind::SupportedBy) {
                let up = r.from;
                if scope[up.0 as usize].is_none() && case.element(up).module == el.module {
                    scope[up.0 as usize] = Some(g.0);
                    stack.push(up);
                }
            }
        }
    }
    let mut reported = vec![false; n];
    for r in &case.relations {
        if r.kind != RelationKind::InContextOf {
            continue;
        }
        let Some(goal) = scope[r.from.0 as usize] else {
            continue;
        };
        let c = case.element(r.to);
        if !matches!(c.kind, ElementKind::Context | ElementKind::Assumption)
            || c.is_public()
            || c.module != case.element(r.from).module
            || reported[r.to.0 as usize]
        {
            continue;
        }
        reported[r.to.0 as usize] = true;
        let gid = &case.elements[goal as usize].id;
        let d = sink
            .diag(c.span, format!("`{}` is in scope of the public goal `{gid}` but is not public", c.id))
            .with_related(r.span, format!("in the context of `{}` here", case.element(r.from).id))
            .with_help(format!("add `public: true` to `{}`: a module's interface includes the context of its public goals", c.id));
        sink.at(r.to, d);
    }
}
