//! End-to-end tests of the `assure` binary: exit statuses, output formats,
//! gsn2x's verdicts on its own examples, the demo, the schema.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn assure(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run assure")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn ten_different_errors_are_all_reported_with_positions() {
    let o = assure(
        &["check", "cases/ten-errors.gsn.yaml", "--format", "json"],
        &here(),
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let diags = v["diagnostics"].as_array().expect("array");
    let errors: Vec<(String, u64, u64)> = diags
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().expect("code").to_string(),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("col"),
            )
        })
        .collect();
    let expected = [
        ("L003", 6, 16),  // undeveloped: maybe
        ("G005", 4, 21),  // inContextOf a goal
        ("G007", 5, 21),  // self-reference
        ("G012", 9, 16),  // undeveloped on a context
        ("G004", 12, 17), // strategy supported by a solution
        ("G009", 13, 1),  // G2 -> G3 -> G2
        ("G010", 21, 16), // undeveloped but supported
        ("D002", 25, 13), // defeated but unchallenged
        ("G002", 26, 1),  // unknown type
        ("G001", 28, 1),  // duplicate id
        ("D004", 32, 15), // challenged relation does not exist
    ];
    for (code, line, col) in expected {
        assert!(
            errors
                .iter()
                .any(|(c, l, k)| c == code && *l == line && *k == col),
            "missing {code} at {line}:{col}; got {errors:?}"
        );
    }
    let distinct: std::collections::BTreeSet<&str> =
        errors.iter().map(|(c, _, _)| c.as_str()).collect();
    assert!(distinct.len() >= 10, "{distinct:?}");
}

#[test]
fn human_output_has_snippets_help_and_summary() {
    let o = assure(&["check", "cases/ten-errors.gsn.yaml"], &here());
    let out = stdout(&o);
    assert!(
        out.contains("error[G004]: strategy (`S1`) cannot be supported by solution (`Sn1`)")
            || out.contains(
                "error[G004]: a strategy (`S1`) cannot be supported by a solution (`Sn1`)"
            ),
        "{out}"
    );
    assert!(out.contains("┌─ cases/ten-errors.gsn.yaml:12:17"), "{out}");
    assert!(out.contains("= help: put a goal between them"), "{out}");
    assert!(out.contains("failed:"), "{out}");
    assert!(
        !out.contains("\u{1b}["),
        "no colour codes when not a terminal"
    );
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let o = assure(
        &["check", "cases/ten-errors.gsn.yaml", "--format", "sarif"],
        &here(),
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().expect("line") >= 1);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "cases/ten-errors.gsn.yaml"
        );
    }
    let cycle = results
        .iter()
        .find(|r| r["ruleId"] == "G009")
        .expect("cycle");
    assert_eq!(
        cycle["relatedLocations"].as_array().expect("related").len(),
        2
    );
}

#[test]
fn severity_flags_change_the_verdict() {
    let dir = here();
    // warnings only: exit 0, unless --deny-warnings
    let o = assure(&["check", "cases/warnings.gsn.yaml"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = assure(
        &["check", "cases/warnings.gsn.yaml", "--deny-warnings"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(1));
    let o = assure(
        &["check", "cases/warnings.gsn.yaml", "--deny", "G011"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(1));
    let o = assure(
        &[
            "check",
            "cases/warnings.gsn.yaml",
            "--allow",
            "all",
            "--deny-warnings",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("ok: no problems found"));
    let o = assure(
        &["check", "cases/warnings.gsn.yaml", "--deny", "NOPE1"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(2));
    let o = assure(
        &["check", "cases/ten-errors.gsn.yaml", "--allow", "L003"],
        &dir,
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "syntax-level codes cannot be allowed"
    );
}

#[test]
fn case_level_severity_in_module_block_and_toml() {
    let tmp = tempfile::tempdir().expect("tmp");
    let case = "module:\n  name: Main\n  severity:\n    unsupported-element: error\n    T9: sometimes\nG1:\n  text: The pump is acceptably safe\n  inContextOf: [C1]\nC1:\n  text: Criteria RAC-2\n";
    std::fs::write(tmp.path().join("index.gsn.yaml"), case).expect("write");
    let o = assure(&["check", "--format", "json"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let codes: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .expect("a")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or(""),
                d["severity"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(codes.contains(&("G011", "error")), "{codes:?}");
    assert!(codes.contains(&("L012", "warning")), "{codes:?}");
    // assure.toml overrides the module block; the command line overrides both
    std::fs::write(
        tmp.path().join("assure.toml"),
        "[severity]\nG011 = \"hint\"\n",
    )
    .expect("write");
    let o = assure(&["check"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = assure(&["check", "--deny", "G011"], tmp.path());
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn explain_steps_reports_each_goal() {
    let o = assure(
        &[
            "check",
            "cases/warnings.gsn.yaml",
            "--explain-steps",
            "--format",
            "json",
        ],
        &here(),
    );
    let v = json(&o);
    let steps = v["steps"].as_array().expect("steps");
    let g1 = steps.iter().find(|s| s["id"] == "G1").expect("G1");
    assert_eq!(g1["reached"], 7);
    let g2 = steps.iter().find(|s| s["id"] == "G2").expect("G2");
    assert_eq!(g2["reached"], 3, "{g2}");
    assert_eq!(g2["missing"][0], "no strategy or evidence yet");
    let o = assure(
        &["check", "cases/warnings.gsn.yaml", "--explain-steps"],
        &here(),
    );
    assert!(
        stdout(&o).contains("G2 (cases/warnings.gsn.yaml:"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let o = assure(&["check", "no/such/file.gsn.yaml"], &here());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read no/such/file.gsn.yaml"));
    let o = assure(&["check", "--format", "xml"], &here());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_describes_every_key() {
    let o = assure(&["schema"], &here());
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let el = &v["definitions"]["element"]["properties"];
    for k in [
        "text",
        "supportedBy",
        "inContextOf",
        "undeveloped",
        "acp",
        "challenges",
        "horizontalIndex",
        "allow",
        "evidence",
    ] {
        assert!(el.get(k).is_some(), "schema lacks {k}");
    }
    assert!(
        v["properties"]["module"]["properties"]
            .get("uses")
            .is_some()
    );
}

#[test]
fn rules_lists_and_explains() {
    let o = assure(&["rules"], &here());
    let out = stdout(&o);
    assert!(out.lines().count() >= 50);
    let o = assure(&["rules", "invalid-supported-by"], &here());
    assert!(stdout(&o).contains("# G004 invalid-supported-by"));
}

#[test]
fn demo_writes_checks_and_never_clobbers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let o = assure(&["demo"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("0 errors") || out.contains("no problems"),
        "{out}"
    );
    assert!(tmp.path().join("assure-demo/index.gsn.yaml").exists());
    // a changed file is not overwritten without --force
    let idx = tmp.path().join("assure-demo/hazards.gsn.yaml");
    std::fs::write(&idx, "# mine\n").expect("write");
    let o = assure(&["demo"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&idx).expect("read"), "# mine\n");
    let o = assure(&["demo", "--force"], tmp.path());
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn output_is_deterministic() {
    let a = assure(
        &["check", "cases/ten-errors.gsn.yaml", "--format", "json"],
        &here(),
    );
    let b = assure(
        &["check", "cases/ten-errors.gsn.yaml", "--format", "json"],
        &here(),
    );
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn uses_cannot_leave_the_case_folder_even_for_a_bare_file_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let case = tmp.path().join("case");
    std::fs::create_dir(&case).expect("mkdir");
    std::fs::write(tmp.path().join("secret.gsn.yaml"), "G9:\n  text: secret\n").expect("write");
    std::fs::write(case.join("index.gsn.yaml"), "module:\n  name: Main\n  uses: [../secret.gsn.yaml]\nG1:\n  text: A claim\n  undeveloped: true\n").expect("write");
    for args in [
        vec!["check", "--format", "json"],
        vec!["check", "index.gsn.yaml", "--format", "json"],
    ] {
        let o = assure(&args, &case);
        assert_eq!(o.status.code(), Some(1));
        let v = json(&o);
        assert!(
            v["diagnostics"]
                .as_array()
                .expect("a")
                .iter()
                .any(|d| d["code"] == "L008"),
            "{v:#}"
        );
        assert_eq!(
            v["files"].as_array().expect("files").len(),
            1,
            "the outside file was read: {v:#}"
        );
    }
}

#[test]
fn whether_a_file_outside_the_case_exists_is_not_revealed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let case = tmp.path().join("case");
    std::fs::create_dir(&case).expect("mkdir");
    std::fs::write(tmp.path().join("exists.gsn.yaml"), "G9: {}\n").expect("write");
    std::fs::write(
        case.join("index.gsn.yaml"),
        "module:\n  name: Main\n  uses: [../exists.gsn.yaml, ../missing.gsn.yaml]\nG1:\n  text: A claim\n  undeveloped: true\n",
    )
    .expect("write");
    let o = assure(&["check", "--format", "json"], &case);
    let v = json(&o);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("a")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["L008", "L008"], "{v:#}");
}
