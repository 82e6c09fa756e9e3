//! The model: resolution of references into relations, away elements, and
//! inherited context (context and assumptions apply below; justifications are local).

use assure_core::load::load_str;
use assure_core::model::{ElementKind, RelationKind};

const CASE: &str = "
G1:
  text: The pump is acceptably safe
  inContextOf: [C1, J1]
  supportedBy: [S1]
C1:
  text: Criteria RAC-2
J1:
  text: The criteria are mandated by the HDO.
S1:
  text: Argument over each hazard
  inContextOf: [A1, J2]
  supportedBy: [G2, G3]
A1:
  text: The hazard log is complete.
J2:
  text: Hazards are independent.
G2:
  text: Free flow is prevented
  inContextOf: [C2]
  supportedBy: [Sn1]
C2:
  text: Free flow = unintended gravity flow
G3:
  text: Occlusion is detected
  supportedBy: [Sn1]
Sn1:
  text: Pump test report TR-7
";

#[test]
fn inherited_context_applies_below_and_justifications_stay_local() {
    let l = load_str(&[("case.gsn.yaml", CASE)]);
    let case = &l.case;
    let names = |id: &str| -> Vec<String> {
        let e = case.find(id).expect("element");
        case.inherited_context(e)
            .into_iter()
            .map(|c| case.element(c).id.to_string())
            .collect()
    };
    assert_eq!(names("G1"), ["C1", "J1"]);
    assert_eq!(names("S1"), ["A1", "J2", "C1"]);
    assert_eq!(names("G2"), ["C2", "A1", "C1"]);
    // Sn1 has two parents: context of both paths, each once
    assert_eq!(names("Sn1"), ["C2", "A1", "C1"]);
}

#[test]
fn references_resolve_to_typed_relations_with_spans() {
    let l = load_str(&[("case.gsn.yaml", CASE)]);
    let case = &l.case;
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(case.elements.len(), 10);
    let s1 = case.find("S1").expect("S1");
    assert_eq!(case.element(s1).kind, ElementKind::Strategy);
    let children: Vec<&str> = case
        .out(s1, RelationKind::SupportedBy)
        .map(|r| &*case.element(r.to).id)
        .collect();
    assert_eq!(children, ["G2", "G3"]);
    let sn1 = case.find("Sn1").expect("Sn1");
    assert_eq!(case.inc(sn1, RelationKind::SupportedBy).count(), 2);
    for r in &case.relations {
        assert_eq!(l.sources.snippet(r.span), &*case.element(r.to).id);
    }
}

#[test]
fn elements_of_other_modules_are_away_elements() {
    let l = load_str(&[
        (
            "index.gsn.yaml",
            "module: {name: Main, uses: [sub.gsn.yaml]}\nG1:\n  text: A\n  supportedBy: [G2]\n",
        ),
        (
            "sub.gsn.yaml",
            "module: {name: Sub}\nG2:\n  text: B\n  undeveloped: true\n",
        ),
    ]);
    let case = &l.case;
    let (g1, g2) = (case.find("G1").expect("G1"), case.find("G2").expect("G2"));
    let main = case.element(g1).module;
    assert!(case.is_away_in(g2, main));
    assert!(!case.is_away_in(g1, main));
    assert_eq!(&*case.module(case.element(g2).module).name.value, "Sub");
}

#[test]
fn element_stays_small() {
    // Memory per element bounds what a 1,000,000-element case costs.
    let size = std::mem::size_of::<assure_core::Element>();
    eprintln!("size_of::<Element>() = {size}");
    assert!(size <= 512, "{size}");
}

#[test]
fn owner_of_is_the_element_owner_else_the_module_owner() {
    let l = load_str(&[(
        "index.gsn.yaml",
        "module:\n  name: Main\n  owner: Acme Medical GmbH\nG1:\n  text: A\n  inContextOf: [A1]\n  supportedBy: [Sn1]\nA1:\n  text: The network is segregated.\n  owner: \"Hospital IT\"\nSn1:\n  text: Report\n",
    )]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let case = &l.case;
    let id = |s: &str| case.find(s).expect(s);
    assert_eq!(
        case.modules[0].owner.as_ref().map(|o| &*o.value),
        Some("Acme Medical GmbH")
    );
    assert_eq!(
        case.element(id("A1")).owner.as_ref().map(|o| &*o.value),
        Some("Hospital IT")
    );
    assert_eq!(case.element(id("G1")).owner, None);
    assert_eq!(case.owner_of(id("A1")), Some("Hospital IT"));
    assert_eq!(case.owner_of(id("G1")), Some("Acme Medical GmbH"));
    assert_eq!(case.owner_of(id("Sn1")), Some("Acme Medical GmbH"));

    // No owner anywhere.
    let l = load_str(&[("index.gsn.yaml", "G1:\n  text: A\n  undeveloped: true\n")]);
    assert_eq!(l.case.owner_of(l.case.find("G1").expect("G1")), None);
}

#[test]
fn owner_must_be_a_non_empty_string() {
    let l = load_str(&[(
        "index.gsn.yaml",
        "module:\n  owner: [a, b]\nG1:\n  text: A\n  owner: \"  \"\n  undeveloped: true\nG2:\n  text: B\n  owner:\n  undeveloped: true\nG3:\n  text: C\n  owner: {x: 1}\n  undeveloped: true\n",
    )]);
    let msgs: Vec<String> = l
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert_eq!(
        msgs,
        [
            "L003 `owner` of `module` expects a non-empty string, found a list",
            "L003 `owner` of `G1` expects a non-empty string, found an empty value",
            "L003 `owner` of `G2` expects a non-empty string, found an empty value",
            "L003 `owner` of `G3` expects a non-empty string, found a mapping",
        ],
    );
    assert!(l.case.modules[0].owner.is_none());
    assert!(l.case.elements.iter().all(|e| e.owner.is_none()));
}

#[test]
fn link_decorations_resolve_onto_supported_by_relations() {
    use assure_core::model::{Cardinality, LinkRefProblem};
    let l = load_str(&[(
        "index.gsn.yaml",
        "G1:
  text: A
  supportedBy: [G2, G3, G4, G5, G6]
  multiplicity: {G2: n, G3: }
  optional: G4
  choice:
    - over: [G5, G6]
      label: 1 of 2
    - over: [G2, G9]
G2: {text: B, undeveloped: true}
G3: {text: C, undeveloped: true}
G4: {text: D, undeveloped: true}
G5: {text: E, undeveloped: true}
G6:
  text: F
  supportedBy: [Sn1, Sn2]
  choice: [Sn1, Sn2]
  multiplicity: [Sn1]
  optional: [Sn1]
Sn1: {text: R1}
Sn2: {text: R2}
",
    )]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let case = &l.case;
    let rel = |a: &str, b: &str| {
        let (a, b) = (case.find(a).expect(a), case.find(b).expect(b));
        case.out(a, RelationKind::SupportedBy)
            .find(|r| r.to == b)
            .expect("relation")
            .clone()
    };
    assert_eq!(
        rel("G1", "G2").cardinality,
        Cardinality::Multiple(Some("n".into()))
    );
    assert_eq!(rel("G1", "G3").cardinality, Cardinality::Multiple(None));
    assert_eq!(rel("G1", "G4").cardinality, Cardinality::Optional);
    assert_eq!(rel("G1", "G5").cardinality, Cardinality::One);
    assert_eq!(rel("G1", "G5").choice, Some(0));
    assert_eq!(rel("G1", "G6").choice, Some(0));
    assert_eq!(rel("G1", "G2").choice, Some(1));
    assert_eq!(rel("G6", "Sn1").choice, Some(2));
    assert_eq!(case.choices.len(), 3);
    assert_eq!(
        case.choices[0].label.as_ref().map(|l| &*l.value),
        Some("1 of 2")
    );
    assert_eq!(case.choices[1].relations.len(), 1);
    assert_eq!(case.choices[2].label, None);
    let bad: Vec<(&str, &str, bool)> = case
        .bad_link_refs
        .iter()
        .map(|b| {
            (
                b.key,
                &*b.name.name,
                matches!(b.problem, LinkRefProblem::Conflict(_)),
            )
        })
        .collect();
    assert_eq!(bad, [("choice", "G9", false), ("optional", "Sn1", true)]);
    // The first decoration wins.
    assert_eq!(rel("G6", "Sn1").cardinality, Cardinality::Multiple(None));
}

#[test]
fn public_and_references_are_read() {
    let l = load_str(&[(
        "index.gsn.yaml",
        "module: {name: Main}
G1:
  text: A
  public: true
  supportedBy: [M1, K1]
M1:
  type: ModuleReference
  text: The software argument
  module: Software
K1:
  type: contract reference
  module: Network
",
    )]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let case = &l.case;
    let el = |s: &str| case.element(case.find(s).expect(s));
    assert!(el("G1").is_public());
    assert!(!el("M1").is_public());
    assert_eq!(el("M1").kind, ElementKind::ModuleReference);
    assert_eq!(el("K1").kind, ElementKind::ContractReference);
    assert_eq!(
        el("M1").module_ref.as_ref().map(|m| &*m.value),
        Some("Software")
    );
    assert_eq!(case.module_named("Main"), Some(assure_core::ModuleId(0)));
    assert_eq!(case.module_named("Software"), None);
}

#[test]
fn malformed_link_decorations_are_type_errors() {
    let l = load_str(&[(
        "index.gsn.yaml",
        "G1:
  text: A
  supportedBy: [G2]
  multiplicity: {G2: [a]}
  optional: {G2: x}
  choice: G2
  public: yes
G2:
  text: B
  supportedBy: [G3]
  choice:
    - over: [G3]
      lable: x
    - G3
    - label: 1 of 2
G3: {text: C, undeveloped: true}
",
    )]);
    let msgs: Vec<String> = l
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert_eq!(
        msgs,
        [
            "L003 `multiplicity` of `G1` expects a label such as `n` or `1..*`, found a list",
            "L003 `optional` of `G1` expects an id or a list of ids, found a mapping",
            "L003 `choice` of `G1` expects a list of ids, or `{over: [ids], label: \"1 of 2\"}`, or a list of such mappings, found a string",
            "L003 `public` of `G1` expects a boolean (`true` or `false`), found a string",
            "L004 unknown key `lable` in a `choice` of `G2`",
            "L003 `choice` of `G2` expects a list of ids, or `{over: [ids], label: \"1 of 2\"}`, or a list of such mappings, found a string",
            "L003 a `choice` of `G2` needs `over: [ids]`",
        ],
    );
}
