//! Feeds arbitrary bytes to the loader: as the root file, as a module the root
//! uses, and (split at a `\n%%\n` line) as a root and a module that both come
//! from the input. Besides "no panic", every span of every diagnostic and
//! element must lie inside its file, on character boundaries, and convert to a
//! line and column.

#![no_main]

use assure_core::load::{Limits, Loaded, MemWorld, load};
use assure_core::{SourceDb, Span};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

const ROOT: &str = "case/main.gsn.yaml";

fn check_span(sources: &SourceDb, span: Span) {
    let file = sources.get(span.file);
    let text = &file.text;
    assert!(span.start <= span.end, "reversed span {span:?}");
    assert!(
        span.end as usize <= text.len(),
        "span {span:?} past the end ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize),
        "span {span:?} not on a char boundary"
    );
    let a = file.line_col(span.start as usize);
    let b = file.line_col(span.end as usize);
    assert!(a.line >= 1 && a.column >= 1 && a <= b, "{a:?} .. {b:?}");
    assert!(a.line as usize <= file.line_count());
    let _ = file.utf16_column(span.start as usize);
    let _ = file.offset_of(a.line as usize, a.column as usize - 1);
    let _ = sources.snippet(span);
}

fn check(l: &Loaded) {
    for d in &l.diagnostics {
        assert!(!d.message.is_empty());
        check_span(&l.sources, d.primary.span);
        for r in &d.related {
            check_span(&l.sources, r.span);
        }
    }
    for e in &l.case.elements {
        check_span(&l.sources, e.span);
        for r in e.supported_by.iter().chain(&e.in_context_of) {
            check_span(&l.sources, r.span);
        }
        for t in [&e.owner, &e.module_ref].into_iter().flatten() {
            check_span(&l.sources, t.span);
        }
        if let Some(p) = &e.public {
            check_span(&l.sources, p.span);
        }
        if let Some(links) = e.links.as_deref() {
            for (r, label) in &links.multiplicity {
                check_span(&l.sources, r.span);
                if let Some(label) = label {
                    check_span(&l.sources, label.span);
                }
            }
            for r in &links.optional {
                check_span(&l.sources, r.span);
            }
            for c in &links.choices {
                check_span(&l.sources, c.span);
                for r in &c.over {
                    check_span(&l.sources, r.span);
                }
            }
        }
    }
    for c in &l.case.choices {
        check_span(&l.sources, c.span);
        for r in &c.relations {
            let rel = l.case.relation(*r);
            assert_eq!(rel.from, c.parent, "a choice's relation from another parent");
        }
    }
    for b in &l.case.bad_link_refs {
        check_span(&l.sources, b.name.span);
    }
    for r in &l.case.relations {
        check_span(&l.sources, r.span);
    }
}

fn run(world: &MemWorld) {
    // The root always exists, so loading never fails as a whole.
    let loaded = load(world, &[PathBuf::from(ROOT)], &Limits::default()).expect("root exists");
    check(&loaded);
}

fuzz_target!(|data: &[u8]| {
    // 1. the bytes are the root file
    run(&MemWorld::new().with(ROOT, data));

    // 2. the bytes are a module used by a small valid root
    run(&MemWorld::new()
        .with(
            ROOT,
            "module:\n  uses: [sub/m.gsn.yaml]\nG1:\n  text: root\n  supportedBy: [G2]\n",
        )
        .with("case/sub/m.gsn.yaml", data));

    // 3. both files from the input: `root \n%%\n module`; the root may name
    //    `b.gsn.yaml` (or anything else) in its own `uses`
    if let Some(at) = data.windows(4).position(|w| w == b"\n%%\n") {
        let (root, rest) = data.split_at(at);
        run(&MemWorld::new()
            .with(ROOT, root)
            .with("case/b.gsn.yaml", &rest[4..])
            .with("outside.gsn.yaml", "X1: {text: must not be read}\n"));
    }
});
