//! End-to-end tests of `assure render`: every format on the bundled example,
//! determinism, and that module names cannot write outside the output folder.

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

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/infusion-pump")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

const VIEWS: [&str; 7] = [
    "Main",
    "Hazards",
    "Security",
    "Software",
    "Usability",
    "complete",
    "architecture",
];

fn render(format: &str, out: &Path) -> Vec<PathBuf> {
    let ex = example();
    let o = assure(
        &[
            "render",
            ex.to_str().expect("utf-8 path"),
            "-o",
            out.to_str().expect("utf-8 path"),
            "--format",
            format,
        ],
        out.parent().expect("parent"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let printed: Vec<PathBuf> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    let ext = if format == "layout-json" {
        "layout.json"
    } else {
        format
    };
    for v in VIEWS {
        let p = out.join(format!("{v}.{ext}"));
        assert!(p.exists(), "{} missing; wrote {printed:?}", p.display());
        assert!(printed.contains(&p), "{} not printed", p.display());
    }
    files(out)
}

#[test]
fn svg_files_parse() {
    let tmp = tempfile::tempdir().expect("tmp");
    for p in render("svg", &tmp.path().join("out")) {
        let s = std::fs::read_to_string(&p).expect("read");
        let doc = roxmltree::Document::parse(&s).expect("SVG parses");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(doc.root_element().attribute("viewBox").is_some());
    }
}

#[test]
fn png_and_pdf_files_are_what_they_say_and_deterministic() {
    let tmp = tempfile::tempdir().expect("tmp");
    let a = render("png", &tmp.path().join("a"));
    for p in &a {
        let b = std::fs::read(p).expect("read");
        assert!(b.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", p.display());
    }
    let b = render("png", &tmp.path().join("b"));
    for (x, y) in a.iter().zip(&b) {
        assert!(
            std::fs::read(x).ok() == std::fs::read(y).ok(),
            "{} differs",
            x.display()
        );
    }
    let a = render("pdf", &tmp.path().join("c"));
    for p in &a {
        let b = std::fs::read(p).expect("read");
        assert!(b.starts_with(b"%PDF-"), "{}", p.display());
    }
    let b = render("pdf", &tmp.path().join("d"));
    for (x, y) in a.iter().zip(&b) {
        assert!(
            std::fs::read(x).ok() == std::fs::read(y).ok(),
            "{} differs",
            x.display()
        );
    }
}

#[test]
fn svg_and_layout_json_are_deterministic() {
    let tmp = tempfile::tempdir().expect("tmp");
    for format in ["svg", "layout-json"] {
        let a = render(format, &tmp.path().join(format!("{format}-a")));
        let b = render(format, &tmp.path().join(format!("{format}-b")));
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert!(
                std::fs::read(x).ok() == std::fs::read(y).ok(),
                "{} differs",
                x.display()
            );
        }
    }
    for p in files(&tmp.path().join("layout-json-a")) {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&p).expect("read")).expect("JSON");
        assert!(v["nodes"].is_array(), "{}", p.display());
    }
}

#[test]
fn module_names_cannot_escape_the_output_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let case = tmp.path().join("case");
    std::fs::create_dir_all(&case).expect("mkdir");
    std::fs::write(
        case.join("index.gsn.yaml"),
        "module:\n  name: \"../../evil\"\nG1:\n  text: Claim\n  undeveloped: true\n",
    )
    .expect("write");
    let out = tmp.path().join("a/b/out");
    let o = assure(
        &["render", "case", "-o", "a/b/out", "--format", "layout-json"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Nothing but the output folder's own files and the case were written.
    let mut all = Vec::new();
    let mut stack = vec![tmp.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                all.push(p);
            }
        }
    }
    for p in &all {
        assert!(
            p.starts_with(&out) || p.starts_with(&case),
            "wrote outside the output folder: {}",
            p.display()
        );
    }
    assert!(
        out.join("_2e_2e_2f_2e_2e_2fevil.layout.json").exists(),
        "{all:?}"
    );
}

#[test]
fn focus_view_writes_one_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ex = example();
    let o = assure(
        &[
            "render",
            ex.to_str().expect("utf-8"),
            "-o",
            "out",
            "--root",
            "G1",
            "--depth",
            "2",
        ],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        files(&tmp.path().join("out")),
        vec![tmp.path().join("out/focus-G1.svg")]
    );
    let o = assure(
        &[
            "render",
            ex.to_str().expect("utf-8"),
            "-o",
            "out",
            "--root",
            "NOPE",
        ],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn demo_renders_the_diagrams() {
    let tmp = tempfile::tempdir().expect("tmp");
    let o = assure(&["demo"], tmp.path());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("diagrams"), "{}", text(&o));
    for v in VIEWS {
        assert!(
            tmp.path()
                .join(format!("assure-demo/diagrams/{v}.svg"))
                .exists(),
            "{v}"
        );
    }
}

#[test]
fn renders_unless_parts_of_the_case_were_not_read() {
    let tmp = tempfile::tempdir().expect("tmp");
    let case = tmp.path().join("case");
    std::fs::create_dir_all(&case).expect("mkdir");
    // An unknown key raised to an error, and a reserved key raised to an
    // error: nothing is lost, so the case is drawn (exit 0, a note).
    std::fs::write(
        case.join("index.gsn.yaml"),
        "module:\n  name: Main\n  severity: {L004: error, L010: error}\nG1:\n  text: Claim\n  risk: high\n  review: Alice\n  undeveloped: true\n",
    )
    .expect("write");
    let o = assure(
        &["render", "case", "-o", "out", "--format", "layout-json"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("rendering it anyway"), "{}", text(&o));
    assert!(tmp.path().join("out/Main.layout.json").exists());

    // A value of the wrong type drops part of an element: not drawn.
    std::fs::write(
        case.join("index.gsn.yaml"),
        "G1:\n  text: Claim\n  supportedBy: {G2: x}\nG2:\n  text: Sub-claim\n  undeveloped: true\n",
    )
    .expect("write");
    let o = assure(
        &["render", "case", "-o", "out2", "--format", "layout-json"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("L003"), "{}", text(&o));
    assert!(!tmp.path().join("out2").join("index.layout.json").exists());
}

/// Very large views stay within the PDF page-size limit (14,400 pt a side):
/// the complete view of a generated 2,000-element case is about 22,000 ×
/// 14,300 units; its page is scaled down to 14,400 pt wide, proportions kept.
#[test]
fn large_pdf_pages_stay_within_the_page_limit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let o = assure(
        &["gen", "--elements", "2000", "--modules", "3", "-o", "case"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    for format in ["pdf", "layout-json"] {
        let o = assure(
            &["render", "case", "-o", "out", "--format", format],
            tmp.path(),
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(tmp.path().join("out/complete.layout.json")).expect("json"),
    )
    .expect("parses");
    // The SVG (and so an unscaled page) adds a 10-unit margin on each side.
    let (w, h) = (
        json["width"].as_f64().expect("width") + 20.0,
        json["height"].as_f64().expect("height") + 20.0,
    );
    assert!(
        w > 14_400.0,
        "the test needs a view wider than the limit: {w}"
    );
    let pdf = std::fs::read(tmp.path().join("out/complete.pdf")).expect("pdf");
    let key = b"/MediaBox";
    let at = pdf
        .windows(key.len())
        .position(|x| x == key)
        .expect("a MediaBox");
    let rest = String::from_utf8_lossy(&pdf[at + key.len()..]);
    let m: Vec<f64> = rest
        .trim_start()
        .strip_prefix('[')
        .and_then(|r| r.split(']').next())
        .expect("[...]")
        .split_whitespace()
        .map(|x| x.parse().expect("number"))
        .collect();
    assert!(m[2] <= 14_400.0 && m[3] <= 14_400.0, "{m:?}");
    assert!((m[2] - 14_400.0).abs() < 0.5, "{m:?}");
    assert!(((m[2] / m[3]) - w / h).abs() < 0.01, "{m:?} for {w} × {h}");
    // Text stays text (vector): the embedded font is there.
    assert!(pdf.windows(10).any(|x| x == b"DejaVuSans"));
}
