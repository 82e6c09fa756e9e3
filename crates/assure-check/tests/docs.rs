//! Rule documentation: every code has a page under `docs/rules/` generated from
//! its metadata (run with `UPDATE_DOCS=1` to regenerate), and every rule whose
//! page shows a failing and a passing YAML example is checked against them:
//! the failing one must trigger the rule, the passing one must not.

use assure_check::{Config, all_codes, check, rule_page};
use assure_core::load::load_str;
use std::path::PathBuf;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

fn index() -> String {
    let mut s = String::from(
        "# Rules\n\nGenerated from the rules' source (`crates/assure-check/src/rules/`, `crates/assure-core/src/codes.rs`); `assure rules CODE` prints the same page.\n\n| code | name | default | summary |\n|---|---|---|---|\n",
    );
    for m in all_codes() {
        s.push_str(&format!(
            "| [{}]({}.md) | {} | {} | {} |\n",
            m.code,
            m.code,
            m.name,
            m.default_severity.as_str(),
            m.summary
        ));
    }
    s
}

#[test]
fn rule_pages_are_current() {
    let dir = docs_dir();
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut pages: Vec<(PathBuf, String)> = all_codes()
        .map(|m| (dir.join(format!("{}.md", m.code)), rule_page(m)))
        .collect();
    pages.push((dir.join("README.md"), index()));
    let mut stale = Vec::new();
    for (path, text) in pages {
        if update {
            std::fs::create_dir_all(&dir).expect("create docs/rules");
            std::fs::write(&path, &text).expect("write page");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale rule docs (run `UPDATE_DOCS=1 cargo test -p assure-check --test docs`): {stale:?}"
    );
}

/// The first ```yaml block after `marker` in `doc`.
fn yaml_after<'a>(doc: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &doc[doc.find(marker)? + marker.len()..];
    let rest = rest.trim_start();
    let body = rest.strip_prefix("```yaml\n")?;
    Some(&body[..body.find("```")?])
}

#[test]
fn documented_examples_behave_as_documented() {
    let mut tested = 0;
    for m in all_codes() {
        for section in ["## What it checks", "## Why", "## Example"] {
            assert!(
                m.doc.contains(section),
                "{}: documentation lacks `{section}`",
                m.code
            );
        }
        let (Some(bad), Some(good)) = (
            yaml_after(m.doc, "## Example"),
            yaml_after(m.doc, "Use instead:"),
        ) else {
            continue;
        };
        let fires = |src: &str| {
            let loaded = load_str(&[("example.gsn.yaml", src)]);
            check(&loaded, &Config::default())
                .diagnostics
                .iter()
                .any(|d| d.code == m.code)
        };
        assert!(
            fires(bad),
            "{}: the failing example does not trigger the rule",
            m.code
        );
        assert!(
            !fires(good),
            "{}: the passing example triggers the rule",
            m.code
        );
        tested += 1;
    }
    assert!(tested >= 30, "only {tested} rules have testable examples");
}
