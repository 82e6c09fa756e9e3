//! Property tests of the loader: it never panics, every span it reports is
//! inside its file and on character boundaries, and valid cases written in any
//! of the accepted styles load exactly (elements, texts, relations).

use assure_core::load::{Limits, Loaded, MemWorld, load};
use assure_core::{RelationKind, Span};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::PathBuf;

const ROOT: &str = "case/main.gsn.yaml";

fn load_mem(files: &[(&str, &[u8])]) -> Loaded {
    let mut world = MemWorld::new();
    for (path, bytes) in files {
        world = world.with(path, bytes.to_vec());
    }
    load(&world, &[PathBuf::from(files[0].0)], &Limits::default()).expect("the root exists")
}

/// A span must lie inside its file, on character boundaries, and map to a line and column.
fn check_span(l: &Loaded, span: Span, what: &str) -> Result<(), TestCaseError> {
    let text = &l.sources.get(span.file).text;
    prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    prop_assert!(
        span.end as usize <= text.len(),
        "{what}: span {span:?} past the end of a {}-byte file",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize),
        "{what}: span {span:?} not on a char boundary"
    );
    let (a, b) = (l.sources.start(span), l.sources.end(span));
    prop_assert!(
        a.line >= 1 && a.column >= 1 && a <= b,
        "{what}: {a:?}..{b:?}"
    );
    prop_assert!((a.line as usize) <= l.sources.get(span.file).line_count());
    Ok(())
}

/// Every span the loader produced: diagnostics (primary and related), elements,
/// their references and relations.
fn check_all_spans(l: &Loaded) -> Result<(), TestCaseError> {
    for d in &l.diagnostics {
        check_span(l, d.primary.span, d.code)?;
        for r in &d.related {
            check_span(l, r.span, d.code)?;
        }
        prop_assert!(!d.message.is_empty());
    }
    for e in &l.case.elements {
        check_span(l, e.span, "element")?;
        for r in e.supported_by.iter().chain(&e.in_context_of) {
            check_span(l, r.span, "reference")?;
        }
        if let Some(t) = &e.text {
            check_span(l, t.span, "text")?;
        }
    }
    for r in &l.case.relations {
        check_span(l, r.span, "relation")?;
    }
    Ok(())
}

// ---------------------------------------------------------------- (a) anything

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let l = load_mem(&[(ROOT, &bytes)]);
        check_all_spans(&l)?;
        if !bytes.is_empty() && std::str::from_utf8(&bytes).is_err() {
            prop_assert!(l.diagnostics.iter().any(|d| d.code == "L002"));
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let l = load_mem(&[(ROOT, s.as_bytes())]);
        check_all_spans(&l)?;
    }
}

// ---------------------------------------------------------------- (b) YAML-ish

const FRAGMENTS: &[&str] = &[
    "text",
    "supportedBy",
    "inContextOf",
    "undeveloped",
    "nodeType",
    "challenges",
    "acp",
    "horizontalIndex",
    "module",
    "uses",
    "name",
    "extends",
    "develops",
    "supportedby",
    "G1",
    "G2",
    "Sn2",
    "S1",
    "C1",
    "A1",
    "J1",
    "CG1",
    "true",
    "false",
    "null",
    "~",
    "12",
    "-3",
    "last",
    "relative",
    "absolute",
    "b.gsn.yaml",
    "../x.gsn.yaml",
    "/etc/x",
    "G1 -> G2",
    ":",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ",",
    "\"",
    "'",
    "\\",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "    ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "*zz",
    "---",
    "...",
    "\n---\n",
    "\t",
    "#",
    " # c",
    "|",
    "|-",
    ">",
    "!",
    "!!str ",
    "%YAML 1.2\n",
    "@",
    "`",
    "é",
    "中文",
    "😀",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "\u{0}",
    "\u{7}",
    "->",
    "<<: ",
];

fn yamlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(Config { cases: 512, ..Config::default() })]

    #[test]
    fn yamlish_text_never_panics_and_spans_are_valid(
        a in yamlish(),
        b in yamlish(),
        uses in any::<bool>(),
    ) {
        let root = if uses { format!("module:\n  uses: [b.gsn.yaml]\n{a}") } else { a };
        let l = load_mem(&[(ROOT, root.as_bytes()), ("case/b.gsn.yaml", b.as_bytes())]);
        check_all_spans(&l)?;
    }

    /// Fragments arranged as lines of a plausible file: deeper structure is reached more often.
    #[test]
    fn yamlish_lines_never_panic(
        lines in proptest::collection::vec(
            (0usize..4, yamlish().prop_map(|s| s.chars().take(12).collect::<String>()), yamlish()),
            0..30,
        ),
    ) {
        let mut src = String::new();
        for (indent, key, value) in &lines {
            src.push_str(&"  ".repeat(*indent));
            src.push_str(key);
            src.push_str(": ");
            src.push_str(value.lines().next().unwrap_or_default());
            src.push('\n');
        }
        let l = load_mem(&[(ROOT, src.as_bytes())]);
        check_all_spans(&l)?;
    }
}

// ---------------------------------------------------------------- (c) valid cases

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Goal,
    Strategy,
    Solution,
    Context,
}

#[derive(Debug)]
struct GenElement {
    id: String,
    kind: Kind,
    text: String,
    supported_by: Vec<usize>,
    in_context_of: Vec<usize>,
}

/// How the case is written down.
#[derive(Clone, Copy, Debug)]
struct Style {
    indent: usize,
    crlf: bool,
    bom: bool,
    json: bool,
    module_block: bool,
    comments: bool,
    /// Per element: 0 block mapping, 1 flow mapping.
    flow_elements: bool,
    /// 0 flow list, 1 block list, 2 a single id without a list when possible.
    lists: u8,
    /// 0 double-quoted, 1 single-quoted, 2 plain when safe, 3 literal block when safe.
    quoting: u8,
}

/// Builds a tree of goals, strategies and solutions with contexts, from random choices.
fn build_case(choices: &[u32], texts: &[String]) -> Vec<GenElement> {
    let mut counters = [0usize; 4];
    let mut next_id = |kind: Kind| {
        let (i, prefix) = match kind {
            Kind::Goal => (0, "G"),
            Kind::Strategy => (1, "S"),
            Kind::Solution => (2, "Sn"),
            Kind::Context => (3, "C"),
        };
        counters[i] += 1;
        format!("{prefix}{}", counters[i])
    };
    let mut out = vec![GenElement {
        id: next_id(Kind::Goal),
        kind: Kind::Goal,
        text: texts[0].clone(),
        supported_by: Vec::new(),
        in_context_of: Vec::new(),
    }];
    for (n, &c) in choices.iter().enumerate() {
        let text = texts[(n + 1) % texts.len()].clone();
        let kind_roll = c % 10;
        if kind_roll == 9 {
            // a context attached to one or two goals or strategies
            let hosts: Vec<usize> = (0..out.len())
                .filter(|&i| matches!(out[i].kind, Kind::Goal | Kind::Strategy))
                .collect();
            let me = out.len();
            out.push(GenElement {
                id: next_id(Kind::Context),
                kind: Kind::Context,
                text,
                supported_by: Vec::new(),
                in_context_of: Vec::new(),
            });
            let h1 = hosts[(c as usize / 10) % hosts.len()];
            out[h1].in_context_of.push(me);
            let h2 = hosts[(c as usize / 1000) % hosts.len()];
            if h2 != h1 {
                out[h2].in_context_of.push(me);
            }
            continue;
        }
        let parents: Vec<usize> = (0..out.len())
            .filter(|&i| matches!(out[i].kind, Kind::Goal | Kind::Strategy))
            .collect();
        let parent = parents[(c as usize / 10) % parents.len()];
        let kind = match (out[parent].kind, kind_roll % 3) {
            (Kind::Strategy, _) => Kind::Goal,
            (_, 0) => Kind::Goal,
            (_, 1) => Kind::Strategy,
            _ => Kind::Solution,
        };
        let me = out.len();
        out.push(GenElement {
            id: next_id(kind),
            kind,
            text,
            supported_by: Vec::new(),
            in_context_of: Vec::new(),
        });
        out[parent].supported_by.push(me);
    }
    out
}

fn plain_safe(t: &str) -> bool {
    let first_ok = t.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let last_ok = t.chars().last().is_some_and(|c| c != ' ');
    first_ok
        && last_ok
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-'))
        && !matches!(t.to_ascii_lowercase().as_str(), "null" | "true" | "false")
}

fn double_quoted(t: &str) -> String {
    let mut s = String::from("\"");
    for c in t.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

fn scalar(t: &str, quoting: u8, in_flow: bool, indent: &str) -> String {
    match quoting {
        2 if plain_safe(t) => t.to_string(),
        3 if !in_flow && plain_safe(t) => format!("|-\n{indent}{t}"),
        1 => format!("'{}'", t.replace('\'', "''")),
        _ => double_quoted(t),
    }
}

fn render_yaml(case: &[GenElement], st: Style) -> String {
    let ind = " ".repeat(st.indent);
    let ind2 = " ".repeat(st.indent * 2);
    let mut s = String::new();
    if st.bom {
        s.push('\u{feff}');
    }
    if st.comments {
        s.push_str("# generated case\n");
    }
    if st.module_block {
        s.push_str(&format!(
            "module:\n{ind}name: Generated\n{ind}brief: a generated case\n"
        ));
    }
    for e in case {
        let ids = |v: &[usize]| v.iter().map(|&i| case[i].id.clone()).collect::<Vec<_>>();
        let rels = [
            ("supportedBy", ids(&e.supported_by)),
            ("inContextOf", ids(&e.in_context_of)),
        ];
        if st.flow_elements {
            let mut parts = vec![format!("text: {}", scalar(&e.text, st.quoting, true, ""))];
            for (key, list) in &rels {
                if !list.is_empty() {
                    parts.push(format!("{key}: [{}]", list.join(", ")));
                }
            }
            s.push_str(&format!("{}: {{{}}}\n", e.id, parts.join(", ")));
        } else {
            s.push_str(&format!("{}:\n", e.id));
            s.push_str(&format!(
                "{ind}text: {}\n",
                scalar(&e.text, st.quoting, false, &ind2)
            ));
            for (key, list) in &rels {
                match (list.len(), st.lists) {
                    (0, _) => {}
                    (1, 2) => s.push_str(&format!("{ind}{key}: {}\n", list[0])),
                    (_, 1) => {
                        s.push_str(&format!("{ind}{key}:\n"));
                        for id in list {
                            s.push_str(&format!("{ind2}- {id}\n"));
                        }
                    }
                    _ => s.push_str(&format!("{ind}{key}: [{}]\n", list.join(", "))),
                }
            }
            if e.kind == Kind::Goal && e.supported_by.is_empty() {
                s.push_str(&format!("{ind}undeveloped: true\n"));
            }
        }
        if st.comments {
            s.push_str("\n# next\n");
        }
    }
    if st.crlf {
        s = s.replace('\n', "\r\n");
    }
    s
}

fn render_json(case: &[GenElement], st: Style) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let mut entries = Vec::new();
    if st.module_block {
        entries.push(format!(
            "{}: {{{}: {}}}",
            q("module"),
            q("name"),
            q("Generated")
        ));
    }
    for e in case {
        let list = |v: &[usize]| {
            let items: Vec<String> = v.iter().map(|&i| q(&case[i].id)).collect();
            format!("[{}]", items.join(", "))
        };
        let mut parts = vec![format!("{}: {}", q("text"), q(&e.text))];
        if !e.supported_by.is_empty() {
            parts.push(format!("{}: {}", q("supportedBy"), list(&e.supported_by)));
        }
        if !e.in_context_of.is_empty() {
            parts.push(format!("{}: {}", q("inContextOf"), list(&e.in_context_of)));
        }
        entries.push(format!("{}: {{{}}}", q(&e.id), parts.join(", ")));
    }
    let sep = if st.indent.is_multiple_of(2) {
        ",\n\t"
    } else {
        ","
    };
    format!("{{{}}}", entries.join(sep))
}

fn style() -> impl Strategy<Value = Style> {
    (
        1usize..5,
        any::<bool>(),
        any::<bool>(),
        0u8..8,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..3,
        0u8..4,
    )
        .prop_map(
            |(indent, crlf, bom, json, module_block, comments, flow_elements, lists, quoting)| {
                Style {
                    indent,
                    crlf,
                    bom,
                    json: json == 0,
                    module_block,
                    comments,
                    flow_elements,
                    lists,
                    quoting,
                }
            },
        )
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        prop_oneof![
            "[A-Za-z][A-Za-z0-9 .-]{0,20}[a-z]",
            "[ -~]{0,30}",
            "[a-zé中😀 ,:#'\"\\\\-]{1,20}",
        ],
        1..8,
    )
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn valid_cases_load_exactly(
        choices in proptest::collection::vec(any::<u32>(), 0..40),
        texts in texts(),
        st in style(),
    ) {
        let case = build_case(&choices, &texts);
        let (path, src) = if st.json {
            ("case/main.gsn.json", render_json(&case, st))
        } else {
            (ROOT, render_yaml(&case, st))
        };
        let l = load_mem(&[(path, src.as_bytes())]);
        check_all_spans(&l)?;
        let listing: Vec<String> = l
            .diagnostics
            .iter()
            .map(|d| {
                let lc = l.sources.start(d.primary.span);
                format!("{} {}:{} {}", d.code, lc.line, lc.column, d.message)
            })
            .collect();
        prop_assert!(listing.is_empty(), "diagnostics {listing:?} in\n{src}");

        // elements, in order, with their texts and the place of their ids
        prop_assert_eq!(l.case.elements.len(), case.len());
        for (got, want) in l.case.elements.iter().zip(&case) {
            prop_assert_eq!(&*got.id, want.id.as_str());
            prop_assert_eq!(got.text.as_ref().map(|t| &*t.value), Some(want.text.as_str()), "text of {}", want.id);
            prop_assert_eq!(l.sources.snippet(got.span).trim_matches('"'), want.id.as_str());
        }

        // relations: the same multiset of (kind, from, to)
        let expected_relations: usize = case.iter().map(|e| e.supported_by.len() + e.in_context_of.len()).sum();
        prop_assert_eq!(l.case.relations.len(), expected_relations);
        let mut got: Vec<(bool, String, String)> = l
            .case
            .relations
            .iter()
            .map(|r| {
                (
                    r.kind == RelationKind::SupportedBy,
                    l.case.element(r.from).id.to_string(),
                    l.case.element(r.to).id.to_string(),
                )
            })
            .collect();
        let mut want: Vec<(bool, String, String)> = case
            .iter()
            .flat_map(|e| {
                let sup = e.supported_by.iter().map(|&i| (true, e.id.clone(), case[i].id.clone()));
                let ctx = e.in_context_of.iter().map(|&i| (false, e.id.clone(), case[i].id.clone()));
                sup.chain(ctx).collect::<Vec<_>>()
            })
            .collect();
        got.sort();
        want.sort();
        prop_assert_eq!(got, want);
        // every reference points at the id as written
        for r in &l.case.relations {
            let snippet = l.sources.snippet(r.span).trim_matches('"');
            prop_assert_eq!(snippet, &*l.case.element(r.to).id);
        }
    }
}
