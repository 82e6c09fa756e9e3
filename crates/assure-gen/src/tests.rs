//! Checks the generated cases by scanning their lines (no YAML parser).

use super::*;
use std::collections::HashMap;

#[derive(Debug, Default)]
struct El {
    file: usize,
    text: String,
    undeveloped: bool,
    supported_by: Vec<String>,
    in_context_of: Vec<String>,
}

#[derive(Debug, Default)]
struct Stats {
    elements: usize,
    by_prefix: HashMap<&'static str, usize>,
    undeveloped: usize,
}

fn prefix(id: &str) -> &'static str {
    for p in ["Sn", "G", "S", "C", "A", "J"] {
        if id.starts_with(p) && id[p.len()..].bytes().all(|b| b.is_ascii_digit()) {
            return p;
        }
    }
    panic!("bad id {id}");
}

fn list(v: &str) -> Vec<String> {
    let v = v
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or_else(|| panic!("not a flow list: {v}"));
    v.split(", ").map(str::to_string).collect()
}

fn plain_safe(text: &str) -> bool {
    let first = text.as_bytes()[0];
    first.is_ascii_alphanumeric()
        && !text.ends_with(' ')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains("  ")
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" -().,".contains(&b))
}

/// Parses the generated files and asserts every GSN rule the generator
/// promises. Returns some counts.
fn check_case(files: &[(String, String)]) -> Stats {
    assert_eq!(files[0].0, INDEX_FILE);
    let mut els: HashMap<String, El> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (f, (name, yaml)) in files.iter().enumerate() {
        if f > 0 {
            assert_eq!(name, &format!("m{f}.gsn.yaml"));
        }
        let mut cur: Option<String> = None;
        let mut in_module = false;
        let mut saw_module = false;
        for line in yaml.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix("  ") {
                let (key, value) = rest.split_once(": ").expect("key: value");
                if in_module {
                    match key {
                        "name" if f == 0 => assert_eq!(value, "Main"),
                        "name" => assert_eq!(value, format!("M{f}")),
                        "brief" => assert!(!value.is_empty()),
                        "uses" => {
                            assert_eq!(f, 0);
                            let want: Vec<String> =
                                (1..files.len()).map(|m| format!("m{m}.gsn.yaml")).collect();
                            assert_eq!(list(value), want);
                        }
                        _ => panic!("unexpected module key {key}"),
                    }
                    continue;
                }
                let id = cur.as_ref().expect("element");
                let el = els.get_mut(id).expect("element");
                match key {
                    "text" => el.text = value.to_string(),
                    "undeveloped" => {
                        assert_eq!(value, "true");
                        el.undeveloped = true;
                    }
                    "supportedBy" => el.supported_by = list(value),
                    "inContextOf" => el.in_context_of = list(value),
                    _ => panic!("unexpected key {key}"),
                }
                continue;
            }
            let key = line.strip_suffix(':').expect("top-level key");
            if key == "module" {
                assert!(!saw_module && cur.is_none(), "module block first and once");
                saw_module = true;
                in_module = true;
                continue;
            }
            in_module = false;
            prefix(key);
            let old = els.insert(
                key.to_string(),
                El {
                    file: f,
                    ..El::default()
                },
            );
            assert!(old.is_none(), "{key} defined twice");
            order.push(key.to_string());
            cur = Some(key.to_string());
        }
        assert!(saw_module);
    }

    let mut incoming: HashMap<&str, usize> = HashMap::new();
    let mut stats = Stats::default();
    for id in &order {
        let el = &els[id];
        let p = prefix(id);
        stats.elements += 1;
        *stats.by_prefix.entry(p).or_default() += 1;
        let len = el.text.len();
        assert!(
            (MIN_TEXT_LEN..=MAX_TEXT_LEN).contains(&len),
            "{id}: text of {len} chars: {}",
            el.text
        );
        assert!(plain_safe(&el.text), "{id}: {}", el.text);
        for r in el.supported_by.iter().chain(&el.in_context_of) {
            let target = els
                .get(r)
                .unwrap_or_else(|| panic!("{id} -> {r}: undefined"));
            if target.file != el.file {
                assert_eq!(
                    el.file, 0,
                    "{id} -> {r}: cross-module reference not from the index"
                );
            }
            *incoming.entry(r).or_default() += 1;
        }
        let sup: Vec<&str> = el.supported_by.iter().map(|r| prefix(r)).collect();
        let ctx: Vec<&str> = el.in_context_of.iter().map(|r| prefix(r)).collect();
        match p {
            "G" => {
                if el.undeveloped {
                    stats.undeveloped += 1;
                    assert!(sup.is_empty(), "{id}: undeveloped but supported");
                } else {
                    assert!(
                        sup == ["S"] || (!sup.is_empty() && sup.iter().all(|s| *s == "Sn")),
                        "{id}: supportedBy {sup:?}"
                    );
                }
            }
            "S" => {
                assert!(!el.undeveloped);
                assert!(
                    (2..=5).contains(&sup.len()),
                    "{id}: {} sub-goals",
                    sup.len()
                );
                assert!(sup.iter().all(|s| *s == "G"), "{id}: supportedBy {sup:?}");
            }
            _ => {
                assert!(!el.undeveloped && sup.is_empty() && ctx.is_empty(), "{id}");
            }
        }
        assert!(
            ctx.iter().all(|c| ["C", "A", "J"].contains(c)),
            "{id}: {ctx:?}"
        );
    }
    // A tree: G1 is the only root; everything else has exactly one parent
    // and is reachable from G1.
    for id in &order {
        let n = incoming.get(id.as_str()).copied().unwrap_or(0);
        if id == "G1" {
            assert_eq!(n, 0, "G1 is referenced");
        } else {
            assert_eq!(n, 1, "{id} is referenced {n} times");
        }
    }
    assert_eq!(order[0], "G1");
    let mut seen = 0;
    let mut stack = vec!["G1".to_string()];
    while let Some(id) = stack.pop() {
        seen += 1;
        let el = &els[&id];
        stack.extend(el.supported_by.iter().cloned());
        stack.extend(el.in_context_of.iter().cloned());
    }
    assert_eq!(seen, order.len(), "unreachable elements");
    stats
}

fn gen_case(elements: usize, modules: usize, seed: u64) -> Vec<(String, String)> {
    generate(&GenOptions {
        elements,
        modules,
        seed,
    })
}

#[test]
fn same_seed_same_output() {
    for modules in [1, 5] {
        let a = gen_case(5000, modules, 42);
        let b = gen_case(5000, modules, 42);
        assert_eq!(a, b);
        let c = gen_case(5000, modules, 43);
        assert_ne!(a, c);
    }
}

#[test]
fn exact_element_count_small() {
    for n in 1..=300 {
        for (modules, seed) in [(1, 0), (1, 9), (3, 1), (20, 2)] {
            let files = gen_case(n, modules, seed);
            let stats = check_case(&files);
            assert_eq!(stats.elements, n, "n={n} modules={modules} seed={seed}");
        }
    }
}

#[test]
fn zero_counts_as_one() {
    let files = gen_case(0, 0, 0);
    assert_eq!(files.len(), 1);
    assert_eq!(check_case(&files).elements, 1);
    assert!(files[0].1.contains("\n  undeveloped: true\n"));
}

#[test]
fn exact_element_count_large() {
    for (n, modules, seed) in [
        (1000, 1, 0),
        (1000, 4, 1),
        (12_345, 1, 2),
        (12_345, 7, 3),
        (100_000, 1, 4),
        (100_000, 16, 5),
    ] {
        let files = gen_case(n, modules, seed);
        let stats = check_case(&files);
        assert_eq!(stats.elements, n);
        assert_eq!(files.len(), modules);
    }
}

#[test]
fn many_seeds_are_valid() {
    for seed in 0..100 {
        let n = 200 + (seed as usize * 37) % 2000;
        let modules = 1 + seed as usize % 6;
        let stats = check_case(&gen_case(n, modules, seed));
        assert_eq!(stats.elements, n);
    }
}

#[test]
fn realistic_proportions() {
    let stats = check_case(&gen_case(20_000, 1, 11));
    let c = |p| stats.by_prefix.get(p).copied().unwrap_or(0) as f64;
    let goals = c("G");
    let contextual = c("C") + c("A") + c("J");
    assert!(c("S") > 0.0 && c("Sn") > goals * 0.4, "{stats:?}");
    let ratio = contextual / goals;
    assert!((0.25..0.45).contains(&ratio), "contextual per goal {ratio}");
    assert!(stats.undeveloped > 0 && (stats.undeveloped as f64) < goals * 0.05);
    assert!(c("A") > 0.0 && c("J") > 0.0);
}

#[test]
fn modules_are_clamped_and_balanced() {
    // At most one module per 20 elements.
    assert_eq!(gen_case(30, 10, 0).len(), 1);
    assert_eq!(gen_case(100, 10, 0).len(), 5);
    let files = gen_case(50_000, 10, 3);
    assert_eq!(files.len(), 10);
    let sizes: Vec<usize> = files
        .iter()
        .map(|(_, y)| y.lines().filter(|l| !l.starts_with([' ', '#'])).count() - 1)
        .collect();
    // The index holds only the top of the tree; modules are within 25 % of
    // each other.
    assert!(sizes[0] < 1000, "{sizes:?}");
    let (min, max) = (sizes[1..].iter().min(), sizes[1..].iter().max());
    if let (Some(&min), Some(&max)) = (min, max) {
        assert!(max * 4 < min * 5, "{sizes:?}");
    }
}

#[test]
fn root_looks_right() {
    let files = gen_case(1000, 1, 0);
    let yaml = &files[0].1;
    let g1 = yaml.find("\nG1:\n  text: The ").expect("G1 first");
    let block = &yaml[g1..g1 + 300];
    assert!(
        block.contains("is acceptably safe to operate in the"),
        "{block}"
    );
    assert!(block.contains("  inContextOf: [C1, C2, A1]\n"), "{block}");
    assert!(block.contains("  supportedBy: [S1]\n"), "{block}");
}
