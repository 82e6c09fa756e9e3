//! SVG output: snapshots of small scenes, hostile text, well-formedness.

use assure_layout::{LayoutOptions, View, layout};
use assure_render::{Stylesheet, SvgOptions, svg};

fn render(files: &[(&str, &str)], view: &View) -> String {
    let loaded = assure_core::load::load_str(files);
    let scene = layout(&loaded.case, view, &LayoutOptions::default());
    svg(&scene, &SvgOptions::default())
}

fn parses(s: &str) {
    if let Err(e) = roxmltree::Document::parse(s) {
        panic!("SVG does not parse: {e}\n{s}");
    }
}

const SMALL: &str = "\
G1:
  text: The system is **acceptably** safe
  inContextOf: [C1, A1, J1]
  supportedBy: [S1]
C1:
  text: Operating context
A1:
  text: Users are trained
J1:
  text: Argument is _complete_
S1:
  text: Argument over hazards
  supportedBy: [G2, G3]
G2:
  text: Hazard H1 is mitigated
  supportedBy: [Sn1]
G3:
  text: Hazard H2 is mitigated
  undeveloped: true
Sn1:
  text: Test report [TR-1](https://example.com/tr1)
";

#[test]
fn small_case_snapshot() {
    let s = render(&[("index.gsn.yaml", SMALL)], &View::Complete);
    parses(&s);
    insta::assert_snapshot!("small_complete", s);
}

#[test]
fn deterministic() {
    let a = render(&[("index.gsn.yaml", SMALL)], &View::Complete);
    let b = render(&[("index.gsn.yaml", SMALL)], &View::Complete);
    assert_eq!(a, b);
}

const DIALECTIC: &str = "\
G1:
  text: The pump is safe
  supportedBy: [Sn1]
Sn1:
  text: Test report
  defeated: true
CG1:
  text: The tests ran on the wrong firmware
  challenges: [Sn1]
  supportedBy: [CSn1]
CSn1:
  text: Firmware audit log
";

#[test]
fn dialectic_snapshot() {
    let s = render(&[("index.gsn.yaml", DIALECTIC)], &View::Complete);
    parses(&s);
    insta::assert_snapshot!("dialectic_complete", s);
}

const MODULES_MAIN: &str = "\
module:
  name: Main
  uses: [sub.gsn.yaml]
G1:
  text: Top claim
  supportedBy: [G2]
";
const MODULES_SUB: &str = "\
module:
  name: Sub
G2:
  text: Sub claim
  public: true
  supportedBy: [Sn1]
Sn1:
  text: Evidence
";

#[test]
fn modules_snapshot() {
    let files = [
        ("index.gsn.yaml", MODULES_MAIN),
        ("sub.gsn.yaml", MODULES_SUB),
    ];
    let loaded = assure_core::load::load_str(&files);
    for (name, view) in [
        ("module_main", View::Module(assure_core::ModuleId(0))),
        ("architecture", View::Architecture),
    ] {
        let scene = layout(&loaded.case, &view, &LayoutOptions::default());
        let s = svg(&scene, &SvgOptions::default());
        parses(&s);
        insta::assert_snapshot!(name, s);
    }
}

#[test]
fn hostile_text_is_escaped() {
    let mut text = String::from(
        "<script>alert(1)</script> </svg> \\\"quotes\\\" 'single' & [x](javascript:alert(1)) [y](JavaScript:alert(2)) [z](java\\tscript:alert(3)) ]]> <!-- -->",
    );
    for c in 0u32..0x20 {
        text.push_str(&format!("\\u{c:04X}"));
    }
    text.push_str("\\u202E evil");
    let case = format!(
        "\"G1\\\"><script>\":\n  text: \"{text}\"\n  classes: [\"a\\\"><script>\", \"b c\"]\n  url: \"javascript:alert(4)\"\n  supportedBy: [Sn1]\nSn1:\n  text: \"**<b>** [ok](https://example.com/?a=1&b=<2>)\"\n"
    );
    let loaded = assure_core::load::load_str(&[("index.gsn.yaml", &case)]);
    let scene = layout(&loaded.case, &View::Complete, &LayoutOptions::default());
    assert!(
        scene.nodes.iter().any(|n| n
            .lines
            .iter()
            .any(|l| l.runs.iter().any(|r| r.text.contains("<script>")))),
        "the hostile text reached the scene: {:?}",
        loaded.diagnostics
    );
    let s = svg(
        &scene,
        &SvgOptions {
            stylesheets: vec![
                Stylesheet::Link("x.css\"?><script>alert(5)</script>".into()),
                Stylesheet::Inline("</style><script>alert(6)</script>".into()),
            ],
            ..SvgOptions::default()
        },
    );
    let doc = roxmltree::Document::parse(&s).expect("hostile SVG parses");
    // No element other than the ones we write.
    let allowed = [
        "svg", "title", "defs", "style", "marker", "path", "g", "rect", "circle", "ellipse",
        "text", "tspan", "a",
    ];
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(allowed.contains(&name), "unexpected element <{name}>");
        for a in n.attributes() {
            let v = a.value().to_ascii_lowercase();
            assert!(!v.contains("javascript:"), "javascript in {}={v}", a.name());
            if a.name() == "href" {
                assert!(
                    v.starts_with("http:")
                        || v.starts_with("https:")
                        || v.starts_with("mailto:")
                        || v.ends_with(".svg")
                        || v.contains(".svg#"),
                    "unexpected href {v}"
                );
            }
        }
    }
    assert!(!s.contains("<script"));
    assert!(!s.to_ascii_lowercase().contains("href=\"javascript"));
    assert!(s.contains("&lt;script&gt;"));
    for c in (0u32..0x20).filter(|c| *c != 0x0A).chain([0x7F, 0x202E]) {
        let ch = char::from_u32(c).unwrap_or(' ');
        assert!(!s.contains(ch), "control character U+{c:04X} emitted");
    }
    // The safe link survives, escaped.
    assert!(s.contains("href=\"https://example.com/?a=1&amp;b=&lt;2&gt;\""));
}

#[test]
fn notation_snapshot() {
    // Public indicators, multiplicity / optional balls with labels, choices,
    // module and contract references (the layout crate's notation fixture).
    let files = [
        (
            "index.gsn.yaml",
            include_str!("../../assure-layout/tests/fixtures/notation/index.gsn.yaml"),
        ),
        (
            "network.gsn.yaml",
            include_str!("../../assure-layout/tests/fixtures/notation/network.gsn.yaml"),
        ),
    ];
    let s = render(&files, &View::Module(assure_core::ModuleId(0)));
    parses(&s);
    for needle in [
        "class=\"gsnmultiplicity\"",
        "class=\"gsnoptional\"",
        "class=\"gsnchoice\"",
        ">1 of 2</text>",
        ">0..*</text>",
        "class=\"gsndeco gsnpublic\"",
        " gsn_public",
        "class=\"gsnelem gsnmoduleref gsn_module_Network\"",
        "class=\"gsnelem gsnmoduleref gsncontractref",
        "class=\"gsnband gsncontractline\"",
        "href=\"Network.svg\"",
    ] {
        assert!(s.contains(needle), "missing {needle}");
    }
    insta::assert_snapshot!("notation_module", s);
}

#[test]
fn user_stylesheets_follow_the_default_style() {
    // Cascade order: at equal specificity the later rule wins, so every user
    // sheet (linked or embedded) must come after the default style.
    let loaded = assure_core::load::load_str(&[("index.gsn.yaml", SMALL)]);
    let scene = layout(&loaded.case, &View::Complete, &LayoutOptions::default());
    let s = svg(
        &scene,
        &SvgOptions {
            stylesheets: vec![
                Stylesheet::Link("my \"dark\".css".into()),
                Stylesheet::Inline(".gsnshape{fill:#eee}".into()),
                Stylesheet::Link("b\nc.css".into()),
            ],
            ..SvgOptions::default()
        },
    );
    parses(&s);
    assert!(!s.contains("<?xml-stylesheet"));
    let doc = roxmltree::Document::parse(&s).expect("parses");
    let styles: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect();
    assert_eq!(styles.len(), 4, "{styles:?}");
    assert!(
        styles[0].starts_with("svg.gsndiagram{"),
        "default first: {styles:?}"
    );
    assert_eq!(styles[1], r#"@import url("my \"dark\".css");"#);
    assert_eq!(styles[2], ".gsnshape{fill:#eee}");
    assert_eq!(styles[3], r#"@import url("b\a c.css");"#);
}

#[test]
fn away_counter_elements_keep_counter_styling() {
    let s = render(
        &[
            (
                "index.gsn.yaml",
                "module: {name: Main, uses: [other.gsn.yaml]}\nG1:\n  text: Safe\n  supportedBy: [G1]\n  undeveloped: true\nCG1:\n  text: Not safe\n  challenges: G1\n  supportedBy: [CG2, CSn1]\n",
            ),
            (
                "other.gsn.yaml",
                "module: {name: Other}\nCG2:\n  text: Noise\n  undeveloped: true\nCSn1:\n  text: Survey\n",
            ),
        ],
        &View::Module(assure_core::ModuleId(0)),
    );
    parses(&s);
    assert!(
        s.contains("class=\"gsnelem gsnawaygoal gsncounter gsncountergoal"),
        "{s}"
    );
    assert!(
        s.contains("class=\"gsnelem gsnawaysltn gsncounter gsncountersltn"),
        "{s}"
    );
    // The self-loop G1 → G1 is drawn.
    assert_eq!(s.matches("class=\"gsnedge gsnspby\"").count(), 3, "{s}");
}
