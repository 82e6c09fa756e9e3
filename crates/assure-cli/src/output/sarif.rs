//! `--format sarif`: SARIF 2.1.0 for code-scanning tools.

use assure_check::{Report, all_codes};
use assure_core::{Loaded, Severity, SourceDb, Span};
use serde_json::{Value, json};

fn region(db: &SourceDb, span: Span) -> Value {
    let (s, e) = (db.start(span), db.end(span));
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
    })
}

fn location(db: &SourceDb, span: Span, message: Option<&str>) -> Value {
    let mut v = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": db.get(span.file).name.replace('\\', "/")},
            "region": region(db, span),
        }
    });
    if let Some(m) = message.filter(|m| !m.is_empty()) {
        v.as_object_mut()
            .expect("object")
            .insert("message".into(), json!({"text": m}));
    }
    v
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

/// The report as a SARIF 2.1.0 log.
pub fn report(loaded: &Loaded, report: &Report) -> Value {
    let db = &loaded.sources;
    let codes: Vec<_> = all_codes().collect();
    let rules: Vec<Value> = codes
        .iter()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": format!("{} ({})", m.summary, m.clause)},
                "help": {"markdown": m.doc, "text": m.summary},
                "defaultConfiguration": {"level": level(m.default_severity)},
                "properties": {"clause": m.clause},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(h) = &d.help {
                text.push_str(&format!(" (help: {h})"));
            }
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": codes.iter().position(|m| m.code == d.code),
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [location(db, d.primary.span, None)],
            });
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut v = location(db, l.span, Some(&l.message));
                        v.as_object_mut()
                            .expect("object")
                            .insert("id".into(), json!(i));
                        v
                    })
                    .collect();
                r.as_object_mut()
                    .expect("object")
                    .insert("relatedLocations".into(), Value::Array(related));
            }
            r
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "assure",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/assure-gsn/assure",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": db.iter().map(|(_, f)| json!({"location": {"uri": f.name.replace('\\', "/")}})).collect::<Vec<_>>(),
            "results": results,
        }]
    })
}
