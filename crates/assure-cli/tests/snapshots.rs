//! Snapshots of what a user sees: the rendered diagnostics (with carets and
//! help lines) of the bundled cases, reviewed like code (`cargo insta review`).

use std::path::PathBuf;
use std::process::Command;

fn render(args: &[&str]) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let o = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run assure");
    format!(
        "exit: {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout)
    )
}

#[test]
fn ten_errors_human() {
    insta::assert_snapshot!(render(&["check", "cases/ten-errors.gsn.yaml"]));
}

#[test]
fn warnings_with_steps_human() {
    insta::assert_snapshot!(render(&[
        "check",
        "cases/warnings.gsn.yaml",
        "--explain-steps"
    ]));
}

#[test]
fn demo_case_human() {
    insta::assert_snapshot!(render(&[
        "check",
        "../../../examples/infusion-pump",
        "--explain-steps"
    ]));
}
