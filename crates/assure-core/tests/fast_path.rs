//! The YAML fast path must read everything it accepts exactly as the full
//! parser does: same entries, values, styles and scalar positions.

use assure_core::yaml::{Node, YamlLimits, parse_entries_tuned};
use proptest::prelude::*;
use std::path::Path;

fn parse(src: &str, fast: bool) -> String {
    parse_split(src, fast, usize::MAX)
}

/// Like `parse`, but inputs of at least `parallel_min` bytes are cut in two.
fn parse_split(src: &str, fast: bool, parallel_min: usize) -> String {
    let mut out = String::new();
    let r = parse_entries_tuned(
        src,
        &YamlLimits::default(),
        &mut |k: Node, v: Node| {
            k.write_comparable(&mut out);
            out.push_str(" => ");
            v.write_comparable(&mut out);
            out.push('\n');
        },
        fast,
        parallel_min,
    );
    match r {
        Ok(b) => out.push_str(&format!("ok {b}")),
        Err(e) => out.push_str(&format!("err {} {}", e.offset, e.message)),
    }
    out
}

fn same(src: &str) {
    same_as_full(src, &parse(src, true));
    // Cut in two and read on two threads: still the same.
    same_as_full(src, &parse_split(src, true, 0));
}

fn same_as_full(src: &str, a: &str) {
    let (a, b) = (a.to_string(), parse(src, false));
    if a == b {
        return;
    }
    // On an error, the full parser may stop before delivering an entry that
    // the fast path already delivered (it needs a token of lookahead). The
    // error must be the same, and the full parser's entries a prefix.
    let (a_last, b_last) = (
        a.lines().last().unwrap_or(""),
        b.lines().last().unwrap_or(""),
    );
    assert!(
        a_last.starts_with("err") && a_last == b_last && a.starts_with(b.trim_end_matches(b_last)),
        "fast path differs on:\n{src:?}\nfast:\n{a}\nfull:\n{b}"
    );
}

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn same_on_every_file_in_the_repository_and_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    yaml_files(&root.join("examples"), &mut files);
    yaml_files(&root.join("crates/assure-check/tests"), &mut files);
    yaml_files(&root.join("crates/assure-cli/tests"), &mut files);
    let shared = root.join("../shared/fixtures");
    if shared.is_dir() {
        yaml_files(&shared, &mut files);
    } else {
        eprintln!(
            "SKIPPED: ../shared/fixtures absent; differential test runs on repository files only"
        );
    }
    assert!(files.len() > 20);
    for f in files {
        let text = std::fs::read_to_string(&f).expect("utf-8");
        same(&text);
    }
}

#[test]
fn same_on_generated_cases() {
    for (elements, modules) in [(50, 1), (500, 3)] {
        for (_, text) in assure_gen::generate(&assure_gen::GenOptions {
            elements,
            modules,
            seed: 7,
        }) {
            same(&text);
        }
    }
}

#[test]
fn same_on_tricky_snippets() {
    let cases = [
        "G1:\n  text: a\n  continued\n",
        "G1: plain\n  continued\n",
        "G1:\n  text: |\n    a\n\n    b\n\n  supportedBy: [x]\n",
        "G1:\n  text: |-\n    a\n  k: v\n",
        "G1:\n  text: |+\n    a\n\n\nG2: {}\n",
        "G1:\n  text: >\n    a\n    b\n",
        "G1:\n  text: 'it''s'\n  url: \"a\\\"b\\n\"\n",
        "G1:\n  supportedBy: [a, 'b', \"c\",]\n",
        "G1:\n  supportedBy: [a:]\n",
        "G1:\n  supportedBy:\n  - a\n  - b\nG2: ~\n",
        "G1:\n  supportedBy:\n    - a # c\n    - b\n",
        "G1:\n text: x\n  y: z\n",
        "G1:\n  text: x\n y: z\n",
        "G1: &a\n  text: x\nG2: *a\n",
        "---\nG1: {}\n",
        "G1: {}\n---\nG2: {}\n",
        "G1: {}\n...\n",
        "G1:\n  text: a: b\n",
        "G1:\n  text: a #comment\n  b: c # x\n",
        "G1:\r\n  text: a\r\n",
        "G1:\r  text: a\r",
        "G1:\n\ttext: a\n",
        "G1 :\n  text : a\n",
        "\"G 1\":\n  text: x\n",
        "G1:\n  text: \"unterminated\n",
        "G1:\n  - a\n  - b\n",
        "- a\n- b\n",
        "G1:\n  text:\nG2:\n",
        "G1:\n  text: |\n\n   x\n",
        "G1:\n  text: |\n      x\n    y\n",
        "G1: [a, [b]]\n",
        "G1:\n  k: v\n    deeper: x\n",
        "G1:\n  k: 'multi\n    line'\n",
        "G1: x\n# c\n  # indented comment\nG2: y\n",
        "é:\n  text: ü\n",
        "G1:\n  text: \u{85}x\n",
        "G1:\n  text: a\u{0}b\n",
        "G1:\n  text: -x\n  u: :x\n",
        "G1:\n  text: 12\n  b: true\n  n: null\n",
        "G1:\n  text: |  # note\n    a\n",
        "G1:\n  text: |2\n    a\n",
        "#only\n",
        "",
        "G1:",
        "G1:\n  text: a\n  text: b\n",
    ];
    for c in cases {
        same(c);
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "G1",
        "Sn2",
        "text",
        "supportedBy",
        ":",
        ": ",
        " ",
        "  ",
        "\n",
        "\n  ",
        "\n    ",
        "- ",
        "[",
        "]",
        ", ",
        "{}",
        "|",
        "|-",
        ">",
        "'",
        "\"",
        "#",
        " #c",
        "&a ",
        "*a",
        "---",
        "\\",
        "é",
        "\t",
        "\r\n",
        "a b",
        "x: y",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]
    #[test]
    fn same_on_random_fragments(parts in prop::collection::vec(fragment(), 0..40)) {
        same(&parts.concat());
    }
}

fn scalar_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "plain text",
        "a: b",
        "a:b",
        "x #c",
        "x# y",
        "'q'",
        "'it''s'",
        "\"d\\\"q\"",
        "\"a\\nb\"",
        "\"\\u00e9\"",
        "12",
        "true",
        "~",
        "",
        "-x",
        "é ü",
        "[a, b]",
        "[a, 'b c', \"d\"]",
        "[]",
        "{}",
        "{a: b}",
        "[a, [b]]",
        "|",
        "|-",
        "|+",
        ">",
        "&x v",
        "*x",
        "a, b",
        "[a,]",
        "[ a , b ]",
        "%x",
        "@x",
        "`x",
        "a  ",
        "[a:]",
    ])
    .prop_map(str::to_string)
}

fn block(depth: u32) -> impl Strategy<Value = Vec<String>> {
    let line = (
        scalar_text(),
        prop::sample::select(vec![
            "text",
            "supportedBy",
            "k",
            "\"q k\"",
            "- item",
            "#c",
            "",
        ]),
        0usize..3,
    )
        .prop_map(|(v, k, extra)| {
            format!(
                "{}{}{}",
                " ".repeat(extra),
                if k.is_empty() {
                    String::new()
                } else {
                    format!("{k}: ")
                },
                v
            )
        });
    let _ = depth;
    prop::collection::vec(
        prop_oneof![
            line,
            Just("  literal line".to_string()),
            Just("".to_string()),
            Just("    - a".to_string()),
            Just("\t".to_string()),
        ],
        0..6,
    )
}

fn case_text() -> impl Strategy<Value = String> {
    let entry = (
        prop::sample::select(vec!["G1", "Sn2", "module", "C3", "- G4", "G5 ", "'G6'"]),
        scalar_text(),
        block(0),
        prop::bool::ANY,
    )
        .prop_map(|(k, v, body, inline)| {
            let mut s = if inline {
                format!("{k}: {v}\n")
            } else {
                format!("{k}:\n")
            };
            for l in body {
                s.push_str("  ");
                s.push_str(&l);
                s.push('\n');
            }
            s
        });
    (prop::collection::vec(entry, 0..6), prop::bool::ANY).prop_map(|(es, crlf)| {
        let s = es.concat();
        if crlf { s.replace('\n', "\r\n") } else { s }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]
    #[test]
    fn same_on_random_case_shaped_text(text in case_text()) {
        same(&text);
    }
}
