//! Fixture tests: every file (or folder) under `tests/fixtures/` is checked and
//! the findings must be exactly those annotated inline with `# expect: CODE`
//! on the line where the finding's primary location starts. Every rule must
//! be exercised by at least one fixture, so removing a rule fails this test.

use assure_core::{Limits, MemWorld, load};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// (file, line, code) of each finding.
type Findings = BTreeSet<(String, u32, String)>;

/// Loads a fixture (a file, or a folder whose `index.gsn.yaml` is the root) from memory;
/// returns the expected and the actual findings.
fn run(path: &Path) -> (Findings, Findings) {
    let mut world = MemWorld::new();
    let mut files = Vec::new();
    if path.is_dir() {
        for e in std::fs::read_dir(path).expect("fixture dir") {
            let p = e.expect("entry").path();
            files.push(p);
        }
    } else {
        files.push(path.to_path_buf());
    }
    files.sort();
    let mut expected = BTreeSet::new();
    for f in &files {
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(f).expect("read fixture");
        for (i, line) in text.lines().enumerate() {
            if let Some((_, codes)) = line.split_once("# expect:") {
                for c in codes.split(',') {
                    expected.insert((name.clone(), i as u32 + 1, c.trim().to_string()));
                }
            }
        }
        world = world.with(&name, text);
    }
    let root = if path.is_dir() {
        "index.gsn.yaml".to_string()
    } else {
        path.file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned()
    };
    let loaded = load(&world, &[PathBuf::from(root)], &Limits::default()).expect("fixture loads");
    let report = assure_check::check(&loaded, &assure_check::Config::default());
    let actual = report
        .diagnostics
        .iter()
        .map(|d| {
            let pos = loaded.sources.start(d.primary.span);
            (
                loaded.sources.get(d.primary.span.file).name.clone(),
                pos.line,
                d.code.to_string(),
            )
        })
        .collect();
    (expected, actual)
}

#[test]
fn every_fixture_reports_exactly_its_expectations() {
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let (expected, actual) = run(&path);
        for (_, _, c) in &expected {
            covered.insert(c.clone());
        }
        if expected != actual {
            let missing: Vec<_> = expected.difference(&actual).collect();
            let extra: Vec<_> = actual.difference(&expected).collect();
            failures.push(format!(
                "{}:\n  missing: {missing:?}\n  unexpected: {extra:?}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixture mismatches:\n{}",
        failures.join("\n")
    );
    let uncovered: Vec<&str> = assure_check::RULES
        .iter()
        .map(|r| r.meta.code)
        .filter(|c| !covered.contains(*c))
        .collect();
    assert!(
        uncovered.is_empty(),
        "rules without a fixture that expects them: {uncovered:?}"
    );
}

#[test]
fn each_rule_fixture_is_named_after_its_rule() {
    for r in assure_check::RULES {
        let file = fixtures_dir().join(format!("{}.gsn.yaml", r.meta.code));
        let dir = fixtures_dir().join(r.meta.code);
        assert!(
            file.exists() || dir.is_dir(),
            "no fixture for {}",
            r.meta.code
        );
    }
}
