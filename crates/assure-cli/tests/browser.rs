//! Browser tests of the HTML report: runs `tests/browser/report.test.mjs`
//! (Node's test runner driving Debian's headless Chromium through
//! playwright-core) against the `assure` binary under test.
//!
//! `.ci/run` installs Chromium and the Node package and sets
//! `ASSURE_BROWSER_TESTS=require`, so in CI a missing browser fails the
//! test. Elsewhere the test says loudly that it was skipped.
//! Screenshots, the reports and timings go to `target/browser-artefacts/`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn skip_or_fail(why: &str) {
    if std::env::var("ASSURE_BROWSER_TESTS").as_deref() == Ok("require") {
        panic!("browser tests required but {why}");
    }
    eprintln!(
        "\n*** SKIPPED browser tests: {why}. Install Debian's chromium and run `npm ci` in tests/browser (`.ci/run` does both). ***\n"
    );
}

#[test]
fn html_report_in_headless_chromium() {
    let root = root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return skip_or_fail(&format!("{chromium} is missing"));
    }
    let tests = root.join("tests/browser");
    if !tests.join("node_modules/playwright-core").is_dir() {
        return skip_or_fail("tests/browser/node_modules/playwright-core is missing");
    }
    let node_ok = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !node_ok {
        return skip_or_fail("node is missing");
    }
    let artefacts = root.join("target/browser-artefacts");
    std::fs::create_dir_all(&artefacts).expect("artefact folder");
    let out = Command::new("node")
        .args([
            "--test",
            "--test-concurrency=1",
            "--test-reporter=spec",
            "report.test.mjs",
        ])
        .current_dir(&tests)
        .env("ASSURE_BIN", env!("CARGO_BIN_EXE_assure"))
        .env("ASSURE_ROOT", &root)
        .env("ASSURE_ARTEFACTS", &artefacts)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}\n{stderr}");
    assert!(
        out.status.success(),
        "browser tests failed:\n{stdout}\n{stderr}"
    );
    // The run really happened: its artefacts are there.
    for f in [
        "demo-details.png",
        "hostile.png",
        "gen10k.png",
        "timings.json",
    ] {
        assert!(artefacts.join(f).is_file(), "missing artefact {f}");
    }
}
