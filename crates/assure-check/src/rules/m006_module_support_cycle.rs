//! M006 module-support-cycle: modules that support each other in a circle.

use crate::graph::{cycle_through, cyclic_components};
use crate::{Ctx, Sink};
use assure_core::model::RelationKind;

rule! {
    code: "M006", name: "module-support-cycle", severity: Error, clause: "GSN 1:4.5.2", gsn2x: None,
    summary: "Modules depend on each other for support in a circle",
    doc: r#"## What it checks

A module depends on another for support when one of its elements is supported by an
element of the other (including through `extends: develops:`). These dependencies must be
acyclic. InContextOf across modules does not count.

## Why

If module A's claims rest on B and B's rest on A, neither organisation's argument can be
assessed first; the standard requires a hierarchy of modules.

## Example

Module `Main` has `G1: {supportedBy: [G2]}` with `G2` in module `Sub`, and `Sub` has
`G2: {supportedBy: [G3]}` with `G3` back in `Main`.

Use instead: move `G3` into `Sub` (or a third module below both).
"#,
}

/// Reports cycles among module support dependencies.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    let n = case.modules.len();
    if n < 2 {
        return;
    }
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); n];
    for r in case.relations.iter().filter(|r| r.kind == RelationKind::SupportedBy) {
        let (a, b) = (case.element(r.from).module.0 as usize, case.element(r.to).module.0 as usize);
        if a != b && !deps[a].contains(&b) {
            deps[a].push(b);
        }
    }
    let succ = |v: usize| deps[v].clone();
    for comp in cyclic_components(n, &succ) {
        let inside = |v: usize| comp.binary_search(&v).is_ok();
        let cycle = cycle_through(comp[0], &succ, &inside);
        let names: Vec<&str> = cycle.iter().map(|&m| &*case.modules[m].name.value).collect();
        let mut d = sink
            .diag(case.modules[comp[0]].name.span, format!("modules support each other in a circle: {} → {}", names.join(" → "), names[0]))
            .with_help("module support must form a hierarchy; move the shared claims into one module");
        for w in cycle.windows(2).chain(std::iter::once(&[cycle[cycle.len() - 1], cycle[0]][..])) {
            if let Some(r) = case.relations.iter().find(|r| {
                r.kind == RelationKind::SupportedBy
                    && case.element(r.from).module.0 as usize == w[0]
                    && case.element(r.to).module.0 as usize == w[1]
            }) {
                d = d.with_related(r.span, format!("`{}` → `{}`", case.element(r.from).id, case.element(r.to).id));
            }
        }
        sink.push(d);
    }
}
