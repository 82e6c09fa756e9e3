//! Geometry guarantees of the layout, asserted on every fixture, the
//! repository's examples and generated cases; snapshot of each fixture's
//! summary (size, aspect ratio, edge crossings).

use assure_core::load::{Limits, MemWorld, load};
use assure_core::model::{Case, ModuleId};
use assure_gen::{GenOptions, generate};
use assure_layout::{EdgeKind, LayoutOptions, Scene, View, layout};
use std::path::{Path, PathBuf};

const TOL: f32 = 0.5;

fn load_files(files: &[(String, Vec<u8>)], roots: &[&str]) -> Case {
    let mut w = MemWorld::new();
    for (p, s) in files {
        w = w.with(p, s.clone());
    }
    let roots: Vec<PathBuf> = roots.iter().map(PathBuf::from).collect();
    load(&w, &roots, &Limits::default()).expect("loads").case
}

fn read_dir_files(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if p.is_dir() {
            read_dir_files(&p, &rel, out);
        } else if name.ends_with(".yaml") {
            out.push((rel, std::fs::read(&p).expect("readable")));
        }
    }
}

fn segs_intersect(a: (f32, f32), b: (f32, f32), c: (f32, f32), d: (f32, f32)) -> bool {
    let o = |p: (f32, f32), q: (f32, f32), r: (f32, f32)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2, d3, d4) = (o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d));
    ((d1 > 1e-3 && d2 < -1e-3) || (d1 < -1e-3 && d2 > 1e-3))
        && ((d3 > 1e-3 && d4 < -1e-3) || (d3 < -1e-3 && d4 > 1e-3))
}

/// Whether segment a-b passes through the interior of the rectangle shrunk by TOL.
fn seg_hits_rect(a: (f32, f32), b: (f32, f32), r: (f32, f32, f32, f32)) -> bool {
    let (x0, y0, x1, y1) = (r.0 + TOL, r.1 + TOL, r.0 + r.2 - TOL, r.1 + r.3 - TOL);
    if x1 <= x0 || y1 <= y0 {
        return false;
    }
    // Liang–Barsky clipping.
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t0 = 0.0f32;
    let mut t1 = 1.0f32;
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// Asserts every guarantee; returns the summary line.
fn check(scene: &Scene, name: &str) -> String {
    let n = &scene.nodes;
    let fin = |v: f32| v.is_finite() && v >= 0.0;
    for a in n {
        assert!(
            fin(a.x) && fin(a.y) && fin(a.w) && fin(a.h),
            "{name}: {} not finite/≥0",
            a.id
        );
        assert!(
            a.x + a.w <= scene.width + TOL && a.y + a.h <= scene.height + TOL,
            "{name}: {} outside the scene",
            a.id
        );
        // Text fits inside its shape.
        let (tx, ty, tw, th) = a.text_box();
        for l in &a.lines {
            assert!(
                l.width <= tw + 1e-3,
                "{name}: {} line wider than text box",
                a.id
            );
        }
        let lines = 1 + a.lines.len() + usize::from(a.has_module_line());
        assert!(
            lines as f32 * assure_layout::text::LINE_HEIGHT <= th + 1e-3,
            "{name}: {} text too tall",
            a.id
        );
        for (cx, cy) in [(tx, ty), (tx + tw, ty), (tx, ty + th), (tx + tw, ty + th)] {
            assert!(
                a.shape_contains(cx, cy),
                "{name}: text corner of {} outside its shape",
                a.id
            );
        }
    }
    // No overlaps (sweep over x).
    let mut idx: Vec<usize> = (0..n.len()).collect();
    idx.sort_by(|&i, &j| n[i].x.total_cmp(&n[j].x));
    for (k, &i) in idx.iter().enumerate() {
        for &j in &idx[k + 1..] {
            if n[j].x >= n[i].x + n[i].w - TOL {
                break;
            }
            let oy = n[i].y.max(n[j].y) < (n[i].y + n[i].h).min(n[j].y + n[j].h) - TOL;
            assert!(!oy, "{name}: boxes {} and {} overlap", n[i].id, n[j].id);
        }
    }
    for e in &scene.edges {
        let (f, t) = (&n[e.from], &n[e.to]);
        assert!(
            e.points.len() >= 2,
            "{name}: edge {}→{} has no points",
            f.id,
            t.id
        );
        for p in &e.points {
            assert!(fin(p.0) && fin(p.1), "{name}: edge point not finite");
        }
        let (p0, pl) = (e.points[0], e.points[e.points.len() - 1]);
        assert!(
            f.border_distance(p0.0, p0.1) <= TOL,
            "{name}: edge {}→{} does not start on the border ({p0:?})",
            f.id,
            t.id
        );
        assert!(
            t.border_distance(pl.0, pl.1) <= TOL,
            "{name}: edge {}→{} does not end on the border ({pl:?})",
            f.id,
            t.id
        );
        if e.kind == EdgeKind::SupportedBy && e.from != e.to {
            assert!(
                f.y + f.h <= t.y + 1e-3,
                "{name}: parent {} not above supporter {}",
                f.id,
                t.id
            );
        }
    }
    // Edges avoid other boxes (grid buckets over x to stay fast).
    let cell = 200.0f32;
    let ncell = (scene.width / cell) as usize + 2;
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); ncell];
    for (i, a) in n.iter().enumerate() {
        for c in (a.x / cell) as usize..=((a.x + a.w) / cell) as usize {
            grid[c.min(ncell - 1)].push(i);
        }
    }
    for e in &scene.edges {
        for w in e.points.windows(2) {
            let (lo, hi) = (w[0].0.min(w[1].0), w[0].0.max(w[1].0));
            let mut seen = std::collections::BTreeSet::new();
            for c in (lo / cell) as usize..=(hi / cell) as usize {
                for &i in &grid[c.min(ncell - 1)] {
                    if i == e.from || i == e.to || !seen.insert(i) {
                        continue;
                    }
                    let a = &n[i];
                    assert!(
                        !seg_hits_rect(w[0], w[1], (a.x, a.y, a.w, a.h)),
                        "{name}: edge {}→{} passes through {}",
                        n[e.from].id,
                        n[e.to].id,
                        a.id
                    );
                }
            }
        }
    }
    check_notation(scene, name);
    format!(
        "{name}: nodes {} edges {} width {:.0} height {:.0} aspect {:.2} crossings {}",
        n.len(),
        scene.edges.len(),
        scene.width,
        scene.height,
        scene.width / scene.height.max(1.0),
        crossings(scene)
    )
}

/// Distance from `p` to the polyline `pts`.
fn dist_to_polyline(p: (f32, f32), pts: &[(f32, f32)]) -> f32 {
    pts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let l2 = dx * dx + dy * dy;
            let t = if l2 > 0.0 {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            ((a.0 + t * dx - p.0).powi(2) + (a.1 + t * dy - p.1).powi(2)).sqrt()
        })
        .fold(f32::INFINITY, f32::min)
}

/// Whether the rectangle `(x, y, w, h)` overlaps a box's interior.
fn rect_hits_box(r: (f32, f32, f32, f32), b: &assure_layout::SceneNode) -> bool {
    r.0 < b.x + b.w - TOL && b.x + TOL < r.0 + r.2 && r.1 < b.y + b.h - TOL && b.y + TOL < r.1 + r.3
}

/// Guarantees of the GSN v3 notation beyond boxes and edges: balls lie on
/// their edges and clear of every box; a choice diamond lies between its
/// parent and the alternatives, clear of every box, and each alternative
/// passes through its bottom vertex; the public indicator's strip is part
/// of its box.
fn check_notation(scene: &Scene, name: &str) {
    use assure_layout::scene::{BALL_RADIUS, CHOICE_HALF, MODULE_TAB};
    let n = &scene.nodes;
    for e in &scene.edges {
        let Some(m) = &e.mark else { continue };
        assert_eq!(
            e.kind,
            EdgeKind::SupportedBy,
            "{name}: ball on a non-SupportedBy edge"
        );
        assert!(
            dist_to_polyline(m.at, &e.points) <= TOL,
            "{name}: ball of {}→{} is off its edge",
            n[e.from].id,
            n[e.to].id
        );
        let r = BALL_RADIUS;
        let ball = (m.at.0 - r, m.at.1 - r, 2.0 * r, 2.0 * r);
        for b in n {
            assert!(
                !rect_hits_box(ball, b),
                "{name}: ball of {}→{} overlaps {}",
                n[e.from].id,
                n[e.to].id,
                b.id
            );
        }
    }
    for c in &scene.choices {
        let p = &n[c.parent];
        let (hw, hh) = CHOICE_HALF;
        let diamond = (c.at.0 - hw, c.at.1 - hh, 2.0 * hw, 2.0 * hh);
        for b in n {
            assert!(
                !rect_hits_box(diamond, b),
                "{name}: choice of {} overlaps {}",
                p.id,
                b.id
            );
        }
        assert!(
            c.at.1 - hh >= p.y + p.h - TOL,
            "{name}: choice of {} not below it",
            p.id
        );
        assert!(!c.edges.is_empty(), "{name}: empty choice of {}", p.id);
        for &ei in &c.edges {
            let e = &scene.edges[ei];
            assert_eq!(e.from, c.parent, "{name}: choice edge of another parent");
            let t = &n[e.to];
            assert!(
                c.at.1 + hh <= t.y + TOL,
                "{name}: choice of {} not above {}",
                p.id,
                t.id
            );
            assert!(
                e.points
                    .iter()
                    .any(|q| (q.0 - c.at.0).abs() <= TOL && (q.1 - (c.at.1 + hh)).abs() <= TOL),
                "{name}: edge {}→{} does not pass through its choice",
                p.id,
                t.id
            );
        }
    }
    for a in n {
        if a.decorations.public {
            let (top, _) = a.shape().y_range();
            assert!(
                top >= a.y + MODULE_TAB - TOL,
                "{name}: no strip for the public indicator of {}",
                a.id
            );
        }
    }
}

/// Proper crossings between segments of different edges (O(S²); small scenes only).
fn crossings(scene: &Scene) -> usize {
    if scene.edges.len() > 3000 {
        return 0;
    }
    type Seg = (usize, (f32, f32), (f32, f32));
    let segs: Vec<Seg> = scene
        .edges
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.points.windows(2).map(move |w| (i, w[0], w[1])))
        .collect();
    let mut c = 0;
    for i in 0..segs.len() {
        for j in i + 1..segs.len() {
            if segs[i].0 != segs[j].0 && segs_intersect(segs[i].1, segs[i].2, segs[j].1, segs[j].2)
            {
                c += 1;
            }
        }
    }
    c
}

/// Every view of a case: each module, complete, architecture, a focus view.
fn all_views(case: &Case, name: &str) -> Vec<String> {
    let opts = LayoutOptions::default();
    let mut out = Vec::new();
    for m in 0..case.modules.len() {
        let v = View::Module(ModuleId(m as u32));
        let s = layout(case, &v, &opts);
        out.push(check(&s, &format!("{name} [{}]", s.title)));
    }
    out.push(check(
        &layout(case, &View::Complete, &opts),
        &format!("{name} [complete]"),
    ));
    out.push(check(
        &layout(case, &View::Architecture, &opts),
        &format!("{name} [architecture]"),
    ));
    if let Some(root) = case.element_ids().next() {
        let s = layout(case, &View::Focus { root, depth: 2 }, &opts);
        out.push(check(&s, &format!("{name} [focus]")));
    }
    out
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/gsn2x/examples")
}

#[test]
fn gsn2x_fixtures() {
    let dir = fixtures_dir();
    if !dir.is_dir() {
        eprintln!(
            "!!!!! SKIPPED: {} is absent; gsn2x fixtures not checked !!!!!",
            dir.display()
        );
        return;
    }
    let mut files = Vec::new();
    read_dir_files(&dir, "", &mut files);
    let invocations: Vec<Vec<&str>> = vec![
        vec!["example.gsn.yaml"],
        vec!["confidence.gsn.yaml"],
        vec!["bullet_lists.gsn.yaml"],
        vec!["minimalcss/min.gsn.yaml"],
        vec!["dialectic/first.gsn.yaml"],
        vec!["dialectic/second.gsn.yaml"],
        vec!["entangled.gsn.yaml"],
        vec!["modular/index.gsn.yaml"],
        vec!["template/template.gsn.yaml", "template/instance.gsn.yaml"],
    ];
    let mut summary = Vec::new();
    for roots in invocations {
        let case = load_files(&files, &roots);
        summary.extend(all_views(&case, &roots.join(" ")));
    }
    insta::assert_snapshot!("gsn2x_fixtures", summary.join("\n"));
}

#[test]
fn infusion_pump() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/infusion-pump");
    let mut files = Vec::new();
    read_dir_files(&dir, "", &mut files);
    let case = load_files(&files, &["index.gsn.yaml"]);
    assert!(case.elements.len() > 20);
    let summary = all_views(&case, "infusion-pump");
    insta::assert_snapshot!("infusion_pump", summary.join("\n"));
}

#[test]
fn notation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notation");
    let mut files = Vec::new();
    read_dir_files(&dir, "", &mut files);
    let case = load_files(&files, &["index.gsn.yaml"]);
    let summary = all_views(&case, "notation");
    let pump = layout(&case, &View::Module(ModuleId(0)), &LayoutOptions::default());
    // Everything the fixture declares is drawn.
    assert_eq!(pump.choices.len(), 2);
    let balls: Vec<(bool, Option<&str>)> = pump
        .edges
        .iter()
        .filter_map(|e| e.mark.as_ref())
        .map(|m| (m.optional, m.label.as_deref()))
        .collect();
    assert_eq!(
        balls,
        [(false, Some("n")), (true, None), (false, Some("0..*"))]
    );
    let public: Vec<&str> = pump
        .nodes
        .iter()
        .filter(|n| n.decorations.public)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(public, ["G1", "C1", "A1", "G5"]);
    let kinds: Vec<&str> = pump
        .nodes
        .iter()
        .filter(|n| n.kind.has_tab())
        .map(|n| n.kind.name())
        .collect();
    assert_eq!(
        kinds,
        ["module-reference", "contract-reference", "module-reference"]
    );
    insta::assert_snapshot!("notation", summary.join("\n"));
}

fn generated(elements: usize, modules: usize) -> Case {
    let files: Vec<(String, Vec<u8>)> = generate(&GenOptions {
        elements,
        modules,
        seed: 1,
    })
    .into_iter()
    .map(|(p, s)| (p, s.into_bytes()))
    .collect();
    load_files(&files, &["index.gsn.yaml"])
}

#[test]
fn generated_cases() {
    let mut summary = Vec::new();
    for (n, m) in [(100, 1), (100, 3), (2000, 1), (2000, 3)] {
        let case = generated(n, m);
        summary.extend(all_views(&case, &format!("gen {n}/{m}")));
    }
    insta::assert_snapshot!("generated", summary.join("\n"));
}

#[test]
fn deterministic() {
    let case = generated(2000, 3);
    for v in [
        View::Complete,
        View::Architecture,
        View::Module(ModuleId(1)),
    ] {
        let a = layout(&case, &v, &LayoutOptions::default())
            .to_json()
            .to_string();
        let b = layout(&case, &v, &LayoutOptions::default())
            .to_json()
            .to_string();
        assert_eq!(a, b);
    }
}

#[test]
fn tree_width_grows_with_leaves() {
    // A balanced binary tree of goals, 3 levels of internal nodes above the leaves.
    for depth in [3u32, 5, 7] {
        let mut yaml = String::new();
        let leaves = 1usize << depth;
        let total = 2 * leaves - 1;
        for i in 1..=total {
            yaml.push_str(&format!("G{i}:\n  text: Goal {i}\n"));
            if 2 * i <= total {
                yaml.push_str(&format!("  supportedBy: [G{}, G{}]\n", 2 * i, 2 * i + 1));
            } else {
                yaml.push_str("  undeveloped: true\n");
            }
        }
        let case = assure_core::load::load_str(&[("t.gsn.yaml", &yaml)]).case;
        let opts = LayoutOptions::default();
        let s = layout(&case, &View::Complete, &opts);
        check(&s, "tree");
        let leaf_w = s.nodes[leaves - 1..]
            .iter()
            .map(|n| n.w)
            .fold(0.0, f32::max);
        let bound = leaves as f32 * (leaf_w + opts.h_gap) + 40.0;
        assert!(
            s.width <= bound,
            "width {} > {bound} for {leaves} leaves",
            s.width
        );
    }
}

#[test]
fn self_loops_are_drawn_and_away_counters_stay_counters() {
    let files = vec![
        (
            "index.gsn.yaml".to_string(),
            b"module: {name: Main, uses: [other.gsn.yaml]}
G1:
  text: The pump is safe
  supportedBy: [G1, G2]
  inContextOf: [A1]
A1:
  text: The HDO maintains the pump.
G2:
  text: Alarms are effective
  undeveloped: true
CG1:
  text: Alarms are missed in noisy wards
  challenges: G2
  supportedBy: [CSn1]
"
            .to_vec(),
        ),
        (
            "other.gsn.yaml".to_string(),
            b"module: {name: Other}\nCSn1:\n  text: Noise survey NS-3\n".to_vec(),
        ),
    ];
    let case = load_files(&files, &["index.gsn.yaml"]);
    all_views(&case, "loops");
    let main = layout(&case, &View::Module(ModuleId(0)), &LayoutOptions::default());
    let g1 = main.nodes.iter().position(|n| n.id == "G1").expect("G1");
    let lp = main
        .edges
        .iter()
        .find(|e| e.from == g1 && e.to == g1)
        .expect("the self-loop is drawn");
    let n = &main.nodes[g1];
    assert_eq!(lp.points.len(), 4);
    // On the left: the right side holds the attached assumption.
    assert!(lp.points[1].0 < n.x, "the loop leaves the box");
    assert!(lp.points[1].0 >= 0.0, "the loop is inside the scene");
    let csn = main
        .nodes
        .iter()
        .find(|n| n.id == "CSn1")
        .expect("away counter solution");
    assert_eq!(csn.kind, assure_layout::NodeKind::AwaySolution);
    assert!(csn.decorations.counter);
    assert_eq!(main.to_json()["nodes"][4]["counter"], true);
}

#[test]
fn module_references_are_architecture_dependencies() {
    let files = vec![
        (
            "a.gsn.yaml".to_string(),
            b"module: {name: A}\nG1:\n  text: Claim\n  supportedBy: [M1]\nM1:\n  type: ModuleReference\n  module: B\n".to_vec(),
        ),
        (
            "b.gsn.yaml".to_string(),
            b"module: {name: B}\nG2:\n  text: Other claim\n  undeveloped: true\n".to_vec(),
        ),
    ];
    let case = load_files(&files, &["a.gsn.yaml", "b.gsn.yaml"]);
    let s = layout(&case, &View::Architecture, &LayoutOptions::default());
    check(&s, "refs");
    let deps: Vec<(&str, &str)> = s
        .edges
        .iter()
        .map(|e| (s.nodes[e.from].id.as_str(), s.nodes[e.to].id.as_str()))
        .collect();
    assert_eq!(deps, [("A", "B")]);
}

/// Top-level components of a wide diagram are packed into rows, in source
/// order; components joined by a shared child or an away element stay one
/// component, and every guarantee holds (self-loops included).
#[test]
fn unconnected_trees_are_packed_into_rows() {
    let mut yaml = String::from("module: {name: Main, uses: [other.gsn.yaml]}\n");
    let roots = 40;
    for i in 1..=roots {
        let own = if i % 2 == 1 && i > 5 {
            format!(", G{i}")
        } else {
            String::new()
        };
        yaml.push_str(&format!(
            "G{i}:\n  text: Hazard H-{i} is mitigated in subsystem {i}\n  supportedBy: [Sn{i}{own}]\n"
        ));
        if i % 3 == 0 {
            yaml.push_str(&format!(
                "  inContextOf: [C{i}]\nC{i}:\n  text: Subsystem {i}\n"
            ));
        }
        yaml.push_str(&format!("Sn{i}:\n  text: Test report TR-{i}\n"));
    }
    // G1 and G2 share a solution; G4 and G5 share an away goal; every
    // other root has a self-loop (some end a row, whatever its width).
    yaml.push_str("Shared:\n  type: Solution\n  text: Shared analysis\nAway1:\n  text: x\n");
    let yaml = yaml
        .replace("supportedBy: [Sn1]", "supportedBy: [Sn1, Shared]")
        .replace("supportedBy: [Sn2]", "supportedBy: [Sn2, Shared]")
        .replace("supportedBy: [Sn4]", "supportedBy: [Sn4, OG1]")
        .replace("supportedBy: [Sn5]", "supportedBy: [Sn5, OG1]")
        .replace("Away1:\n  text: x\n", "");
    let files = vec![
        ("index.gsn.yaml".to_string(), yaml.into_bytes()),
        (
            "other.gsn.yaml".to_string(),
            b"module: {name: Other}\nOG1:\n  text: The shared claim\n  undeveloped: true\n"
                .to_vec(),
        ),
    ];
    let case = load_files(&files, &["index.gsn.yaml"]);
    all_views(&case, "rows");
    let s = layout(&case, &View::Module(ModuleId(0)), &LayoutOptions::default());
    let aspect = s.width / s.height;
    assert!((1.0..=2.2).contains(&aspect), "aspect {aspect}");
    let node = |id: &str| {
        s.nodes
            .iter()
            .find(|n| n.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Several rows; in each row left to right, rows top to bottom, in
    // source order (the roots of one row share their top).
    let mut tops: Vec<f32> = (1..=roots).map(|i| node(&format!("G{i}")).y).collect();
    tops.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    assert!(tops.len() >= 3, "rows: {tops:?}");
    let order: Vec<(i64, i64)> = (1..=roots)
        .map(|i| {
            let g = node(&format!("G{i}"));
            (g.y.round() as i64, g.x.round() as i64)
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    // G1/G2 and G4/G5 are each one component, laid out together, so compare
    // the components' leftmost roots only.
    let firsts: Vec<(i64, i64)> = order
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != 1 && k != 4)
        .map(|(_, &p)| p)
        .collect();
    let mut firsts_sorted = firsts.clone();
    firsts_sorted.sort_unstable();
    assert_eq!(firsts, firsts_sorted, "components in source order");
    // Shared children sit under both parents, in one component.
    for (a, b, c) in [("G1", "G2", "Shared"), ("G4", "G5", "OG1")] {
        let (a, b, c) = (node(a), node(b), node(c));
        assert_eq!(a.y, b.y);
        assert!(c.y > a.y + a.h && c.x < b.x + b.w && c.x + c.w > a.x);
    }
    // A diagram that fits a screen is not packed.
    let small = assure_core::load::load_str(&[(
        "t.gsn.yaml",
        "G1:\n  text: a\nG2:\n  text: b\nG3:\n  text: c\nG4:\n  text: d\n",
    )])
    .case;
    let s = layout(&small, &View::Complete, &LayoutOptions::default());
    check(&s, "small");
    assert!(s.nodes.iter().all(|n| n.y == s.nodes[0].y));
}

/// `horizontalIndex` as gsn2x documents it, as far as a tidy tree allows:
/// relative and absolute places among siblings; `absolute: 0` / `last` at
/// the start / end of the element's layer (its ancestors move with it);
/// on an attached context, `0` / `last` is the element's left / right; on
/// a root of a packed diagram, its component's place.
#[test]
fn horizontal_index_hints() {
    let at = |yaml: &str| {
        let case = assure_core::load::load_str(&[("t.gsn.yaml", yaml)]).case;
        let s = layout(&case, &View::Complete, &LayoutOptions::default());
        check(&s, "hints");
        move |id: &str| {
            let n = s.nodes.iter().find(|n| n.id == id).expect(id);
            (n.x, n.y)
        }
    };
    let tree = "G0:\n  text: root\n  supportedBy: [GA, GB]\n\
        GA:\n  text: a\n  supportedBy: [A1, A2]\nGB:\n  text: b\n  supportedBy: [B1]\n\
        A1:\n  text: a1\n  undeveloped: true\nA2:\n  text: a2\n  undeveloped: true\n\
        B1:\n  text: b1\n  undeveloped: true\n";
    // Unhinted: source order.
    let p = at(tree);
    assert!(p("A1").0 < p("A2").0 && p("A2").0 < p("B1").0);
    // Among siblings.
    let p = at(&tree.replace("text: a1\n", "text: a1\n  horizontalIndex: {relative: 1}\n"));
    assert!(p("A2").0 < p("A1").0 && p("A1").0 < p("B1").0);
    // `last`: the end of its layer, GA moving right of GB with it.
    let p = at(&tree.replace(
        "text: a1\n",
        "text: a1\n  horizontalIndex: {absolute: last}\n",
    ));
    assert!(p("B1").0 < p("A2").0 && p("A2").0 < p("A1").0);
    assert!(p("GB").0 < p("GA").0);
    // `0`: the start of its layer.
    let p = at(&tree.replace("text: b1\n", "text: b1\n  horizontalIndex: {absolute: 0}\n"));
    assert!(p("B1").0 < p("A1").0 && p("GB").0 < p("GA").0);
    // Attached context: left for 0, right for last, alternating otherwise.
    let ctx = "G1:\n  text: goal\n  inContextOf: [C1, C2]\n  undeveloped: true\n\
        C1:\n  text: first\nC2:\n  text: second\n";
    let p = at(ctx);
    assert!(p("C1").0 > p("G1").0 && p("C2").0 < p("G1").0);
    let p = at(&ctx.replace(
        "text: first\n",
        "text: first\n  horizontalIndex: {absolute: 0}\n",
    ));
    assert!(p("C1").0 < p("G1").0);
    let p = at(&ctx.replace(
        "text: second\n",
        "text: second\n  horizontalIndex: {absolute: last}\n",
    ));
    assert!(p("C1").0 > p("G1").0 && p("C2").0 > p("G1").0);
    // Packed components: G1's tree goes last, after G40's.
    let mut many = String::new();
    for i in 1..=40 {
        many.push_str(&format!(
            "G{i}:\n  text: Hazard H-{i} is mitigated in subsystem {i}\n  supportedBy: [Sn{i}]\nSn{i}:\n  text: Test report TR-{i}\n"
        ));
    }
    let p = at(&many.replace(
        "text: Test report TR-1\n",
        "text: Test report TR-1\n  horizontalIndex: {absolute: last}\n",
    ));
    assert!(p("G2").1 < p("G40").1, "packed into rows");
    assert!(p("G1").1 == p("G40").1 && p("G1").0 > p("G40").0);
    let p = at(&many.replace(
        "text: Hazard H-40 is mitigated in subsystem 40\n",
        "text: Hazard H-40 is mitigated in subsystem 40\n  horizontalIndex: {absolute: 0}\n",
    ));
    assert!(p("G40").0 < p("G1").0 && p("G40").1 <= p("G1").1);
}

#[test]
fn a_long_strategy_stays_narrow() {
    // A strategy's slant grows with its height only up to a point: a very
    // long text makes a tall box, not one as wide as it is tall.
    let text = "word ".repeat(20_000);
    let yaml = format!(
        "G1:\n  text: goal\n  supportedBy: [S1]\nS1:\n  text: \"{text}\"\n  supportedBy: [G2]\nG2:\n  text: \"{text}\"\n"
    );
    let loaded = assure_core::load::load_str(&[("a.gsn.yaml", &yaml)]);
    let scene = layout(&loaded.case, &View::Complete, &LayoutOptions::default());
    let width = |id: &str| scene.nodes.iter().find(|n| n.id == id).map(|n| n.w);
    let (s, g) = (width("S1").expect("S1"), width("G2").expect("G2"));
    assert!(
        s < g + 2.0 * assure_layout::scene::MAX_SKEW + 1.0,
        "strategy {s} vs goal {g}"
    );
    check(&scene, "long strategy");
}
