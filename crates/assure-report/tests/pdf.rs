//! The PDF report: the bundled demo case and hostile input.
//!
//! Text is checked with `pdftotext` (Debian's poppler-utils) when it is
//! installed; those checks are skipped, loudly, when it is not.
#![cfg(feature = "pdf")]

use assure_report::{Meta, ReportData, diagrams, legend, pdf::pdf};
use std::io::Write;
use std::process::Command;

const DEMO: [(&str, &str); 5] = [
    (
        "index.gsn.yaml",
        include_str!("../../../examples/infusion-pump/index.gsn.yaml"),
    ),
    (
        "hazards.gsn.yaml",
        include_str!("../../../examples/infusion-pump/hazards.gsn.yaml"),
    ),
    (
        "security.gsn.yaml",
        include_str!("../../../examples/infusion-pump/security.gsn.yaml"),
    ),
    (
        "software.gsn.yaml",
        include_str!("../../../examples/infusion-pump/software.gsn.yaml"),
    ),
    (
        "usability.gsn.yaml",
        include_str!("../../../examples/infusion-pump/usability.gsn.yaml"),
    ),
];

fn meta() -> Meta {
    Meta {
        commit: Some("0123456789abcdef0123456789abcdef01234567".into()),
        generator: "assure 0.1.0".into(),
        ..Meta::default()
    }
}

fn report(files: &[(&str, &str)], meta: Meta) -> Vec<u8> {
    let loaded = assure_core::load::load_str(files);
    let checked = assure_check::check(&loaded, &assure_check::Config::default());
    let data = ReportData::build(&loaded, &checked, meta);
    let ds = diagrams(&loaded.case);
    pdf(&data, &ds, &legend()).expect("a PDF")
}

/// Number of pages, counted from the page objects.
fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type/Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// The text of the PDF (up to page `last`) via `pdftotext`, or `None`
/// (with a note) when it is not installed.
fn text_of(pdf: &[u8], name: &str, last: Option<usize>) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("assure-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).ok()?;
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-q");
    if let Some(l) = last {
        cmd.arg("-l").arg(l.to_string());
    }
    let out = match cmd.arg(&path).arg("-").output() {
        Ok(o) if o.status.success() => o,
        _ => {
            // Straight to stderr, past the test harness's capture: loud.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: pdftotext (poppler-utils) is not installed; text checks of {name} not run"
            );
            return None;
        }
    };
    let _ = std::fs::remove_file(&path);
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn demo_report_is_a_deterministic_pdf_with_every_section() {
    let a = report(&DEMO, meta());
    let b = report(&DEMO, meta());
    if let Some(out) = std::env::var_os("ASSURE_PDF_OUT") {
        std::fs::write(out, &a).expect("write the demo PDF");
    }
    assert!(a.starts_with(b"%PDF-"), "not a PDF");
    assert!(a == b, "two runs differ");
    let pages = page_count(&a);
    assert!((12..=60).contains(&pages), "{pages} pages");
    // No clock-derived metadata unless a date is given.
    let s = String::from_utf8_lossy(&a);
    assert!(!s.contains("/CreationDate") && !s.contains("/ModDate"));
    assert!(s.contains("/Outlines"), "no outline");
    assert!(s.contains("/Subtype/Link"), "no links in the contents");

    let Some(text) = text_of(&a, "demo", None) else {
        return;
    };
    let text = text.replace('\u{00AD}', "");
    for expected in [
        "ASSURANCE CASE REPORT",
        "Main",
        "Meridian Medical",
        "0123456789abcdef0123456789abcdef01234567",
        "Contents",
        "Dashboard",
        "Elements by type",
        "Findings by severity",
        "Undeveloped goals",
        "Assumptions by owner",
        "Diagrams",
        "Diagram: Architecture",
        "Claims and strategies",
        "Supported by",
        "Evidence register",
        "Assumptions and justifications",
        "Glossary of context",
        "Findings",
        "Notation",
        "Reference",
        "Supports",
        "Owner",
        "Status",
        "Applies to",
        "Definition",
        "Severity",
        "Location",
        "external",
        "Page 2 of",
        "VoluFlow 300",
        "assure 0.1.0",
    ] {
        assert!(text.contains(expected), "the PDF text lacks {expected:?}");
    }
    assert!(!text.contains("Date"), "a date without one being given");
}

#[test]
fn the_date_is_printed_only_when_given() {
    let with = report(
        &DEMO[..1],
        Meta {
            date: Some("2026-12-04".into()),
            ..meta()
        },
    );
    let s = String::from_utf8_lossy(&with);
    assert!(s.contains("2026-12-04"), "date not in the metadata");
    if let Some(text) = text_of(&with, "dated", None) {
        assert!(text.contains("2026-12-04"));
    }
}

#[test]
fn hostile_case_gives_a_pdf_without_panicking() {
    let long = "x".repeat(100_000);
    let words = "lorem ipsum ".repeat(9_000);
    let case = format!(
        "module:\n  name: \"<script>alert(1)</script> \\u202E evil\"\n  owner: \"Acme \\u0007 Inc\"\n  brief: \"brief \\u202E with override\"\n\
         G1:\n  text: \"<script>alert('x')</script> \\u0007 bell \\u202E rtl \\u2066 iso\"\n  supportedBy: [S1]\n  inContextOf: [A1, C1]\n\
         S1:\n  text: {long}\n  supportedBy: [Sn1]\n\
         A1:\n  text: \"{words}\"\n  owner: \"Other \\u0001Org\"\n\
         C1:\n  text: \"Tab\\there, CR\\r, NEL\\u0085, BOM\\uFEFF, {long}\"\n\
         Sn1:\n  text: \"evidence\"\n  url: \"javascript:alert(1)\"\n"
    );
    let out = report(&[("hostile.gsn.yaml", &case)], meta());
    if let Some(path) = std::env::var_os("ASSURE_PDF_HOSTILE") {
        std::fs::write(path, &out).expect("write");
    }
    assert!(out.starts_with(b"%PDF-"));
    assert!(page_count(&out) > 10, "long texts must flow over pages");
    if let Some(text) = text_of(&out[..], "hostile", Some(3)) {
        assert!(text.contains("<script>alert"), "text is drawn as written");
        assert!(
            text.contains("[U+202E]"),
            "bidi override shown, not applied"
        );
        assert!(text.contains("[U+0007]"), "bell shown");
    }
}

#[test]
fn empty_and_broken_cases_give_a_pdf() {
    for files in [
        vec![("empty.gsn.yaml", "")],
        vec![("broken.gsn.yaml", "G1: [unclosed\n  - : :")],
        vec![("nomodule.gsn.yaml", "G1:\n  text: lone goal\n")],
    ] {
        let out = report(&files, Meta::default());
        assert!(out.starts_with(b"%PDF-"), "{files:?}");
    }
}

#[test]
fn empty_diagrams_and_legend_are_fine() {
    let loaded = assure_core::load::load_str(&[("e.gsn.yaml", "")]);
    let checked = assure_check::check(&loaded, &assure_check::Config::default());
    let data = ReportData::build(&loaded, &checked, Meta::default());
    // The architecture view of an empty case: a scene with nothing in it.
    let empty = diagrams(&loaded.case)
        .pop()
        .expect("the architecture view")
        .scene;
    for ds in [Vec::new(), diagrams(&loaded.case)] {
        let out = pdf(&data, &ds, &empty).expect("a PDF");
        assert!(out.starts_with(b"%PDF-"));
    }
}

#[test]
fn large_generated_case_is_tiled_and_linear() {
    let files = assure_gen::generate(&assure_gen::GenOptions {
        elements: 1_000,
        modules: 4,
        seed: 1,
    });
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, s)| (n.as_str(), s.as_str()))
        .collect();
    let out = report(&refs, meta());
    assert!(out.starts_with(b"%PDF-"));
    assert!(page_count(&out) > 20);
}

/// Time and pages of the demo and of a generated 10,000-element case in 10
/// modules. Run with `cargo test --release -p assure-report --features pdf
/// --test pdf -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_10k_elements() {
    let t0 = std::time::Instant::now();
    let demo = report(&DEMO, meta());
    eprintln!(
        "demo: load, check, layout and PDF {:?}, {} pages, {} bytes",
        t0.elapsed(),
        page_count(&demo),
        demo.len()
    );
    let files = assure_gen::generate(&assure_gen::GenOptions {
        elements: 10_000,
        modules: 10,
        seed: 1,
    });
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, s)| (n.as_str(), s.as_str()))
        .collect();
    let t0 = std::time::Instant::now();
    let loaded = assure_core::load::load_str(&refs);
    let checked = assure_check::check(&loaded, &assure_check::Config::default());
    let data = ReportData::build(&loaded, &checked, meta());
    let ds = diagrams(&loaded.case);
    let t1 = std::time::Instant::now();
    let out = pdf(&data, &ds, &legend()).expect("a PDF");
    let t2 = std::time::Instant::now();
    eprintln!(
        "10k elements: load+check+layout {:?}, PDF {:?}, {} pages, {} bytes",
        t1 - t0,
        t2 - t1,
        page_count(&out),
        out.len()
    );
    if let Some(path) = std::env::var_os("ASSURE_PDF_OUT") {
        std::fs::write(path, &out).expect("write");
    }
}

/// Random text from awkward parts of Unicode: controls, combining marks,
/// right-to-left scripts, bidi controls, CJK, emoji, non-characters.
fn awkward_text(seed: &mut u64, len: usize) -> String {
    const RANGES: [(u32, u32); 12] = [
        (0x01, 0x1F),
        (0x20, 0x7E),
        (0x7F, 0x9F),
        (0x300, 0x36F),
        (0x590, 0x5FF),
        (0x600, 0x6FF),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2066, 0x2069),
        (0x4E00, 0x4E80),
        (0x1F600, 0x1F64F),
        (0xFFF0, 0xFFFF),
    ];
    let mut next = || {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as u32
    };
    (0..len)
        .filter_map(|_| {
            let (lo, hi) = RANGES[next() as usize % RANGES.len()];
            char::from_u32(lo + next() % (hi - lo + 1))
        })
        .collect()
}

#[test]
fn awkward_unicode_everywhere_gives_a_pdf() {
    for round in 0..8u64 {
        let mut seed = round + 7;
        let mut case = serde_json::Map::new();
        case.insert(
            "module".into(),
            serde_json::json!({
                "name": awkward_text(&mut seed, 40),
                "owner": awkward_text(&mut seed, 20),
                "brief": awkward_text(&mut seed, 200),
            }),
        );
        for i in 0..30 {
            let kind = ["G", "S", "Sn", "C", "A", "J"][i % 6];
            let mut el = serde_json::json!({ "text": awkward_text(&mut seed, 5 + i * 20) });
            if i % 6 == 0 && i + 1 < 30 {
                el["supportedBy"] = serde_json::json!([format!("S{}", i + 1)]);
                el["inContextOf"] =
                    serde_json::json!([format!("C{}", i + 3), format!("A{}", i + 4)]);
            }
            if i % 6 == 1 {
                el["supportedBy"] = serde_json::json!([format!("Sn{}", i + 1)]);
            }
            if i % 6 == 4 {
                el["owner"] = serde_json::json!(awkward_text(&mut seed, 12));
            }
            case.insert(format!("{kind}{i}"), el);
        }
        let text = serde_json::Value::Object(case).to_string();
        let out = report(&[("awkward.gsn.yaml", &text)], meta());
        assert!(out.starts_with(b"%PDF-"), "round {round}");
    }
}
