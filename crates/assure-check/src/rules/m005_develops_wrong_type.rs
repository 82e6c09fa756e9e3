//! M005 develops-wrong-type: an element that cannot develop a goal.

use crate::{Ctx, Sink};
use assure_core::model::ElementKind;

rule! {
    code: "M005", name: "develops-wrong-type", severity: Error, clause: "GSN 1:4.3, Table 1:2-2", gsn2x: Some("V07"),
    summary: "A `develops` entry lists an element that cannot support the developed one",
    doc: r#"## What it checks

The local elements in `develops: {F: [L…]}` support `F`, so each must be a goal, strategy
or solution, and must be a valid supporter of `F`'s type.

## Why

Developing a goal with context or an assumption is not an argument.

## Example

A module with `extends: [{module: template, develops: {G1: [C2]}}]` where `C2` is a context.

Use instead: develop `G1` with a goal, strategy or solution.
"#,
}

/// Reports develops entries with the wrong type.
pub fn check(ctx: &Ctx, sink: &mut Sink) {
    let case = ctx.case;
    for r in case.relations.iter().filter(|r| r.via_develops) {
        let (f, t) = (case.element(r.from), case.element(r.to));
        let ok = matches!(t.kind, ElementKind::Goal | ElementKind::Strategy | ElementKind::Solution | ElementKind::Unknown)
            && (f.kind == ElementKind::Unknown || super::g004_invalid_supported_by::permitted(f.kind, t.kind));
        if !ok {
            let d = sink
                .diag(r.span, format!("{} (`{}`) cannot develop the {} `{}`", t.kind.a_noun(), t.id, f.kind.noun(), f.id))
                .with_help("only goals, strategies and solutions can develop goals and strategies");
            sink.push(d);
        }
    }
}
