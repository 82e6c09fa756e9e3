//! `--format json`: stable, documented fields (see docs/cli.md).

use assure_check::Report;
use assure_check::steps::goal_steps;
use assure_core::{Diagnostic, Loaded, SourceDb, Span};
use serde_json::{Value, json};

/// Schema version of the JSON output; bumped on incompatible changes.
pub const VERSION: u32 = 1;

fn location(db: &SourceDb, span: Span) -> Value {
    let (s, e) = (db.start(span), db.end(span));
    json!({
        "file": db.get(span.file).name,
        "line": s.line,
        "column": s.column,
        "end_line": e.line,
        "end_column": e.column,
        "byte_start": span.start,
        "byte_end": span.end,
    })
}

fn diagnostic(db: &SourceDb, d: &Diagnostic) -> Value {
    let meta = assure_check::find_code(d.code);
    let mut v = location(db, d.primary.span);
    let o = v.as_object_mut().expect("location is an object");
    o.insert("code".into(), json!(d.code));
    o.insert("name".into(), json!(meta.map(|m| m.name)));
    o.insert("severity".into(), json!(d.severity.as_str()));
    o.insert("message".into(), json!(d.message));
    o.insert("label".into(), json!(d.primary.message));
    o.insert("help".into(), json!(d.help));
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let mut l = location(db, r.span);
            l.as_object_mut()
                .expect("object")
                .insert("message".into(), json!(r.message));
            l
        })
        .collect();
    o.insert("related".into(), Value::Array(related));
    v
}

/// The whole report as JSON.
pub fn report(loaded: &Loaded, report: &Report, steps: bool) -> Value {
    use assure_core::Severity::*;
    let db = &loaded.sources;
    let mut v = json!({
        "version": VERSION,
        "tool": {"name": "assure", "version": env!("CARGO_PKG_VERSION")},
        "files": db.iter().map(|(_, f)| f.name.clone()).collect::<Vec<_>>(),
        "elements": loaded.case.elements.len(),
        "modules": loaded.case.modules.iter().map(|m| m.name.value.to_string()).collect::<Vec<_>>(),
        "diagnostics": report.diagnostics.iter().map(|d| diagnostic(db, d)).collect::<Vec<_>>(),
        "summary": {
            "errors": report.count(Error),
            "warnings": report.count(Warning),
            "hints": report.count(Hint),
        },
    });
    if steps {
        let list: Vec<Value> = goal_steps(&loaded.case)
            .into_iter()
            .map(|g| {
                let el = loaded.case.element(g.goal);
                let mut l = location(db, el.span);
                let o = l.as_object_mut().expect("object");
                o.insert("id".into(), json!(el.id));
                o.insert("reached".into(), json!(g.reached));
                o.insert("done".into(), json!(g.done));
                o.insert("undeveloped".into(), json!(g.undeveloped));
                o.insert("missing".into(), json!(g.missing));
                l
            })
            .collect();
        v.as_object_mut()
            .expect("object")
            .insert("steps".into(), Value::Array(list));
    }
    v
}
