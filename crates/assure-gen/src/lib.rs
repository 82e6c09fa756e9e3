//! Deterministic generator of realistic assurance cases in the gsn2x YAML
//! dialect, for benchmarks and tests.
//!
//! [`generate`] builds a GSN argument of exactly [`GenOptions::elements`]
//! elements (for every `elements >= 1`; `0` is treated as `1`) from a seed and
//! renders it as one or more `*.gsn.yaml` files. The same options always give
//! byte-identical output, on every platform: the only randomness is a built-in
//! splitmix64 generator seeded by [`GenOptions::seed`].
//!
//! # Shape of the generated case
//!
//! - A single root, the top goal `G1` ("The infusion pump is acceptably safe
//!   to operate in the intensive care unit"), with up to two contexts and an
//!   assumption.
//! - Goals are decomposed by strategies ("Argument over each identified hazard
//!   of subsystem 17"), each strategy supported by 2–5 sub-goals. The themes
//!   descend from system to subsystems, hazards, safety requirements,
//!   verification methods, failure modes, software units and functions (the
//!   last three repeat for very deep trees).
//! - Leaves are goals supported by one to three solutions (noun phrases such as
//!   "Verification test report VTR-1234 rev B for SR-77"); about one goal in
//!   200 is `undeveloped: true` instead.
//! - About one context, assumption or justification per three goals, plus an
//!   occasional one on a strategy; each is referenced by exactly one
//!   `inContextOf`.
//! - Every text is 40–90 characters of plain ASCII that needs no YAML quoting.
//! - Ids follow the gsn2x prefixes (`G`, `S`, `Sn`, `C`, `A`, `J`), are unique
//!   across the whole case and are numbered in file order.
//!
//! The result is valid by the GSN rules: one root goal, every goal supported or
//! undeveloped (never both), strategies supported by goals only, goals
//! supported by one strategy or by solutions, no cycles (the `supportedBy`
//! graph is a tree), no unreachable elements.
//!
//! # Modules
//!
//! With [`GenOptions::modules`] `> 1` the case is split into `index.gsn.yaml`
//! (module `Main`, holding the top of the tree and a `uses:` list of the other
//! files) and `m1.gsn.yaml`, `m2.gsn.yaml`, … (modules `M1`, `M2`, …), each
//! holding whole subtrees whose root goal is referenced from a strategy in the
//! index. Cross-module `supportedBy` therefore only goes from the index to the
//! other modules, so the module dependency graph is acyclic. `modules` counts
//! files, the index included; it is lowered when the case is too small to give
//! every module some content (at most one module per 20 elements).
//!
//! ```
//! use assure_gen::{generate, GenOptions};
//!
//! let files = generate(&GenOptions { elements: 1000, modules: 3, seed: 7 });
//! assert_eq!(files.len(), 3);
//! assert_eq!(files[0].0, "index.gsn.yaml");
//! assert!(files[0].1.contains("\nG1:\n"));
//! ```

use std::collections::{BinaryHeap, VecDeque};

/// The name of the file that holds the root of the case.
pub const INDEX_FILE: &str = "index.gsn.yaml";

/// The smallest length of a generated element text, in characters.
pub const MIN_TEXT_LEN: usize = 40;

/// The largest length of a generated element text, in characters.
pub const MAX_TEXT_LEN: usize = 90;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GenOptions {
    /// Total number of elements in the case, exactly (`0` counts as `1`).
    pub elements: usize,
    /// Number of files, the index included (`0` counts as `1`). Lowered to
    /// at most `elements / 20` (and at least 1) so that every module has
    /// content.
    pub modules: usize,
    /// Seed of the pseudo-random generator: same seed, same output.
    pub seed: u64,
}

impl Default for GenOptions {
    /// 1,000 elements in one file, seed 0.
    fn default() -> Self {
        GenOptions {
            elements: 1000,
            modules: 1,
            seed: 0,
        }
    }
}

/// Generates an assurance case as `(file name, YAML text)` pairs.
///
/// The first pair is always [`INDEX_FILE`], the root module; with more than one
/// module it is followed by `m1.gsn.yaml`, `m2.gsn.yaml`, … in order. File
/// names are relative to one folder (the index's `uses:` names them as is).
/// See the [crate documentation](crate) for the shape of the case.
pub fn generate(opts: &GenOptions) -> Vec<(String, String)> {
    let n = opts.elements.max(1);
    let tree = Tree::build(n, opts.seed);
    let plan = Plan::split(&tree, opts.modules.max(1));
    emit(&tree, &plan, opts)
}

// ---------------------------------------------------------------------------
// Pseudo-random numbers

/// splitmix64: tiny, fast and good enough for picking words.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-high.
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with the given probability in percent.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
}

// ---------------------------------------------------------------------------
// Word lists

/// (system, operating environment)
const SYSTEMS: &[(&str, &str)] = &[
    ("infusion pump", "intensive care unit"),
    ("autonomous shuttle", "urban public road network"),
    ("railway interlocking", "regional mainline network"),
    ("insulin delivery system", "home care environment"),
    ("flight control computer", "commercial airline fleet"),
    ("surgical robot", "hospital operating theatre"),
    ("train door controller", "suburban commuter service"),
    ("mechanical ventilator", "emergency department"),
    ("wind turbine pitch controller", "offshore wind farm"),
    ("automated guided vehicle", "distribution warehouse"),
];

const SUBSYSTEMS: &[&str] = &[
    "power supply",
    "motor controller",
    "sensor fusion unit",
    "user interface",
    "communication bus",
    "watchdog monitor",
    "data logger",
    "braking controller",
    "battery management",
    "alarm subsystem",
    "pressure monitor",
    "drive electronics",
    "navigation module",
    "firmware update service",
    "hydraulic actuator",
    "occupant detection",
];

const HAZARDS: &[&str] = &[
    "unintended acceleration",
    "loss of braking",
    "free flow of medication",
    "occlusion of the delivery line",
    "overheating of the battery",
    "loss of communication",
    "incorrect dose calculation",
    "electric shock to the operator",
    "failure to raise an alarm",
    "erroneous sensor reading",
    "unexpected motor start",
    "loss of power",
    "corrupted configuration data",
    "delayed emergency stop",
    "fire in the enclosure",
    "exposure to moving parts",
];

const COMPONENTS: &[&str] = &[
    "main controller firmware",
    "safety monitor",
    "sensor interface board",
    "motor drive software",
    "alarm manager",
    "watchdog timer",
    "power management unit",
    "display software",
    "CAN bus driver",
    "configuration manager",
    "self-test routine",
    "emergency stop circuit",
];

/// (lower case, capitalised)
const METHODS: &[(&str, &str)] = &[
    ("requirements-based testing", "Requirements-based testing"),
    ("static analysis", "Static analysis"),
    ("formal proof", "Formal proof"),
    ("independent inspection", "Independent inspection"),
    (
        "hardware in the loop testing",
        "Hardware in the loop testing",
    ),
    ("fault injection testing", "Fault injection testing"),
    (
        "structural coverage analysis",
        "Structural coverage analysis",
    ),
    ("timing analysis", "Timing analysis"),
];

const MODES: &[&str] = &[
    "normal operation",
    "start-up",
    "shutdown",
    "maintenance",
    "degraded operation",
    "emergency stop",
    "calibration",
    "standby",
];

const FUNCTIONS: &[&str] = &[
    "readSensor",
    "computeDose",
    "checkLimits",
    "updateDisplay",
    "sendFrame",
    "armWatchdog",
    "logEvent",
    "validateInput",
    "applyBrake",
    "selfTest",
];

/// (evidence kind, document code)
const EVIDENCE: &[(&str, &str)] = &[
    ("Verification test report", "VTR"),
    ("Fault tree analysis", "FTA"),
    ("Failure modes and effects analysis", "FMEA"),
    ("Static analysis report", "SAR"),
    ("Unit test results", "UTR"),
    ("Integration test report", "ITR"),
    ("Hardware in the loop test log", "HIL"),
    ("Code review record", "CRR"),
    ("Formal proof report", "FPR"),
    ("Hazard and operability study", "HAZOP"),
    ("Field data analysis", "FDA"),
    ("Independent safety assessment", "ISA"),
    ("Timing analysis report", "WCET"),
    ("Requirements traceability matrix", "RTM"),
    ("Coverage analysis report", "COV"),
];

// ---------------------------------------------------------------------------
// The abstract tree

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Goal,
    Strategy,
    Solution,
    Context,
    Assumption,
    Justification,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Goal,
        Kind::Strategy,
        Kind::Solution,
        Kind::Context,
        Kind::Assumption,
        Kind::Justification,
    ];

    fn prefix(self) -> &'static str {
        match self {
            Kind::Goal => "G",
            Kind::Strategy => "S",
            Kind::Solution => "Sn",
            Kind::Context => "C",
            Kind::Assumption => "A",
            Kind::Justification => "J",
        }
    }

    fn is_contextual(self) -> bool {
        matches!(self, Kind::Context | Kind::Assumption | Kind::Justification)
    }
}

/// Themes of goals, from the top down. After `FUNCTION` the cycle goes back
/// to `FAILURE_MODE`.
const SYSTEM: u8 = 0;
const SUBSYSTEM: u8 = 1;
const HAZARD: u8 = 2;
const REQUIREMENT: u8 = 3;
const VERIFICATION: u8 = 4;
const FAILURE_MODE: u8 = 5;
const SW_UNIT: u8 = 6;
const FUNCTION: u8 = 7;

fn child_theme(t: u8) -> u8 {
    if t == FUNCTION { FAILURE_MODE } else { t + 1 }
}

const NO_PARENT: u32 = u32::MAX;

/// One element. Strategies, solutions and contextual elements copy the
/// topic fields of the element they belong to.
#[derive(Clone, Copy, Debug)]
struct Node {
    parent: u32,
    /// The topic's own number (subsystem 17, H-3, SR-12, …).
    num: u32,
    /// The parent goal's `num`.
    up: u32,
    kind: Kind,
    theme: u8,
    /// Index into the theme's word list.
    word: u8,
    /// Index into [`COMPONENTS`].
    comp: u8,
    undeveloped: bool,
}

struct Tree {
    nodes: Vec<Node>,
    /// Index into [`SYSTEMS`].
    system: usize,
}

impl Tree {
    fn add(&mut self, parent: u32, kind: Kind) -> u32 {
        let p = self.nodes[parent as usize];
        self.nodes.push(Node {
            parent,
            kind,
            undeveloped: false,
            ..p
        });
        (self.nodes.len() - 1) as u32
    }

    fn add_goal(&mut self, strategy: u32, counters: &mut [u32; 8], rng: &mut Rng) -> u32 {
        let p = self.nodes[strategy as usize];
        let theme = child_theme(p.theme);
        counters[theme as usize] += 1;
        let words = match theme {
            SUBSYSTEM => SUBSYSTEMS.len(),
            HAZARD => HAZARDS.len(),
            VERIFICATION => METHODS.len(),
            FUNCTION => FUNCTIONS.len(),
            _ => MODES.len(),
        };
        let comp = if theme == REQUIREMENT {
            rng.below(COMPONENTS.len()) as u8
        } else {
            p.comp
        };
        self.nodes.push(Node {
            parent: strategy,
            num: counters[theme as usize],
            up: p.num,
            kind: Kind::Goal,
            theme,
            word: rng.below(words) as u8,
            comp,
            undeveloped: false,
        });
        (self.nodes.len() - 1) as u32
    }

    /// A contextual element on `owner`: context 60 %, assumption 25 %,
    /// justification 15 % (strategies: context or justification).
    fn add_contextual(&mut self, owner: u32, rng: &mut Rng) {
        let r = rng.below(100);
        let kind = if self.nodes[owner as usize].kind == Kind::Strategy {
            if r < 50 {
                Kind::Context
            } else {
                Kind::Justification
            }
        } else if r < 60 {
            Kind::Context
        } else if r < 85 {
            Kind::Assumption
        } else {
            Kind::Justification
        };
        self.add(owner, kind);
    }

    /// Grows the tree breadth-first under an exact element budget `n`.
    ///
    /// `count` is the number of elements created plus one solution reserved
    /// for every open goal, so a goal can always be closed as a leaf. An
    /// expansion (strategy, its sub-goals, their reserved solutions, optional
    /// contextual elements) happens only if it fits; the cheapest one costs 4,
    /// so when growth stops fewer than 4 elements are left, and they go to
    /// extra solutions on the remaining leaves (or, failing that, to extra
    /// contexts on the root).
    fn build(n: usize, seed: u64) -> Tree {
        let mut rng = Rng::new(seed);
        let mut tree = Tree {
            nodes: Vec::with_capacity(n),
            system: rng.below(SYSTEMS.len()),
        };
        let mut counters = [0u32; 8];
        counters[SYSTEM as usize] = 1;
        tree.nodes.push(Node {
            parent: NO_PARENT,
            num: 1,
            up: 0,
            kind: Kind::Goal,
            theme: SYSTEM,
            word: 0,
            comp: rng.below(COMPONENTS.len()) as u8,
            undeveloped: false,
        });
        if n == 1 {
            tree.nodes[0].undeveloped = true;
            return tree;
        }
        let mut count = 2; // G1 and its reserved solution
        // Root contexts: word 0 = environment, 1 = system definition, 2 = operators.
        for (word, kind, min) in [
            (0, Kind::Context, 3),
            (1, Kind::Context, 20),
            (2, Kind::Assumption, 50),
        ] {
            if n >= min {
                let c = tree.add(0, kind);
                tree.nodes[c as usize].word = word;
                count += 1;
            }
        }

        let mut queue = VecDeque::from([0u32]);
        let mut growing = true;
        let mut rest = 0; // elements left over once growth stopped
        let mut goal_ctx = [false; 5];
        while let Some(g) = queue.pop_front() {
            let theme = tree.nodes[g as usize].theme;
            let early_leaf = growing && theme >= HAZARD && !queue.is_empty() && rng.chance(28);
            if growing && !early_leaf {
                let mut k = match rng.below(100) {
                    0..30 => 2,
                    30..60 => 3,
                    60..85 => 4,
                    _ => 5,
                };
                let mut strat_ctx = rng.chance(10);
                for c in goal_ctx.iter_mut().take(k) {
                    *c = rng.chance(30);
                }
                let ctxs = goal_ctx[..k].iter().filter(|c| **c).count();
                let mut delta = 1 + strat_ctx as usize + ctxs + 2 * k - 1;
                if count + delta > n {
                    k = 2;
                    strat_ctx = false;
                    goal_ctx = [false; 5];
                    delta = 4;
                }
                if count + delta <= n {
                    count += delta;
                    let s = tree.add(g, Kind::Strategy);
                    if strat_ctx {
                        tree.add_contextual(s, &mut rng);
                    }
                    for &ctx in &goal_ctx[..k] {
                        let c = tree.add_goal(s, &mut counters, &mut rng);
                        if ctx {
                            tree.add_contextual(c, &mut rng);
                        }
                        queue.push_back(c);
                    }
                    continue;
                }
                growing = false;
                rest = n - count;
            }
            // Close `g` as a leaf; one solution is already counted.
            let mut solutions = 1;
            if growing {
                if rng.chance(4) {
                    solutions = 0;
                    count -= 1;
                } else if rng.chance(20) && count < n {
                    solutions = 2;
                    count += 1;
                }
            } else {
                let extra = rest.min(2);
                solutions += extra;
                rest -= extra;
            }
            if solutions == 0 {
                tree.nodes[g as usize].undeveloped = true;
            }
            for _ in 0..solutions {
                tree.add(g, Kind::Solution);
            }
        }
        for _ in 0..rest {
            tree.add(0, Kind::Assumption);
            // word 2 on the root = operator training, a plausible extra assumption
            let last = tree.nodes.len() - 1;
            tree.nodes[last].word = 2;
        }
        debug_assert_eq!(tree.nodes.len(), n);
        tree
    }
}

// ---------------------------------------------------------------------------
// Splitting into modules

/// Module of every node, and the order of things.
struct Plan {
    /// `module[i]`: 0 = index, 1.. = `m1.gsn.yaml`, …
    module: Vec<u32>,
    /// Number of files, the index included.
    files: usize,
    /// Children of every node in creation order (CSR).
    child_start: Vec<u32>,
    children: Vec<u32>,
}

impl Plan {
    fn children(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.children[self.child_start[i] as usize..self.child_start[i + 1] as usize]
    }

    fn split(tree: &Tree, modules: usize) -> Plan {
        let nodes = &tree.nodes;
        let n = nodes.len();
        // Children lists by counting sort on the parent, keeping creation order.
        let mut child_start = vec![0u32; n + 1];
        for node in &nodes[1..] {
            child_start[node.parent as usize + 1] += 1;
        }
        for i in 0..n {
            child_start[i + 1] += child_start[i];
        }
        let mut fill = child_start.clone();
        let mut children = vec![0u32; n.saturating_sub(1)];
        for (i, node) in nodes.iter().enumerate().skip(1) {
            let p = node.parent as usize;
            children[fill[p] as usize] = i as u32;
            fill[p] += 1;
        }
        let mut plan = Plan {
            module: vec![0; n],
            files: 1,
            child_start,
            children,
        };
        let wanted = modules.min((n / 20).max(1));
        if wanted <= 1 {
            return plan;
        }

        // Subtree sizes (children are always created after their parent).
        let mut size = vec![1u32; n];
        for i in (1..n).rev() {
            size[nodes[i].parent as usize] += size[i];
        }
        // Units: maximal subtrees of at most `limit` elements hanging from a
        // strategy of the index. Several units of about 1/8 of a module each
        // pack evenly and leave only the top of the tree in the index.
        let limit = (n / ((wanted - 1) * 8)).max(2) as u32;
        let mut in_index = vec![true; n];
        let mut units = Vec::new();
        for i in 1..n {
            let p = nodes[i].parent as usize;
            in_index[i] = in_index[p];
            if in_index[p]
                && nodes[i].kind == Kind::Goal
                && nodes[p].kind == Kind::Strategy
                && size[i] <= limit
            {
                in_index[i] = false;
                units.push(i as u32);
            }
        }
        let files = wanted.min(units.len() + 1);
        if files <= 1 {
            return plan;
        }
        // Longest-processing-time packing: biggest unit to the lightest module.
        units.sort_by_key(|&u| (std::cmp::Reverse(size[u as usize]), u));
        let mut heap: BinaryHeap<std::cmp::Reverse<(u64, u32)>> = (1..files as u32)
            .map(|m| std::cmp::Reverse((0, m)))
            .collect();
        for &u in &units {
            if let Some(std::cmp::Reverse((load, m))) = heap.pop() {
                plan.module[u as usize] = m;
                heap.push(std::cmp::Reverse((load + u64::from(size[u as usize]), m)));
            }
        }
        for i in 1..n {
            if !in_index[i] && plan.module[i] == 0 {
                plan.module[i] = plan.module[nodes[i].parent as usize];
            }
        }
        plan.files = files;
        plan
    }
}

// ---------------------------------------------------------------------------
// Rendering

fn push_u32(out: &mut String, mut v: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

fn push_id(out: &mut String, kind: Kind, id: u32) {
    out.push_str(kind.prefix());
    push_u32(out, id);
}

/// Element order of every file: a depth-first walk, each element followed by
/// its contextual elements and then its supporting subtrees. The index stops
/// at module boundaries; module `m` walks its units in index order.
fn file_orders(tree: &Tree, plan: &Plan) -> Vec<Vec<u32>> {
    let mut orders: Vec<Vec<u32>> = vec![Vec::new(); plan.files];
    let mut unit_roots: Vec<Vec<u32>> = vec![Vec::new(); plan.files];
    let mut stack = Vec::new();
    for f in 0..plan.files {
        let mut order = Vec::new();
        let roots = if f == 0 {
            vec![0]
        } else {
            std::mem::take(&mut unit_roots[f])
        };
        for &root in &roots {
            stack.push(root);
            while let Some(i) = stack.pop() {
                order.push(i);
                let kids = plan.children(i);
                for &c in kids {
                    if tree.nodes[c as usize].kind.is_contextual() {
                        order.push(c);
                    } else if f == 0 && plan.module[c as usize] != 0 {
                        unit_roots[plan.module[c as usize] as usize].push(c);
                    }
                }
                for &c in kids.iter().rev() {
                    if !tree.nodes[c as usize].kind.is_contextual()
                        && plan.module[c as usize] as usize == f
                    {
                        stack.push(c);
                    }
                }
            }
        }
        orders[f] = order;
    }
    orders
}

fn emit(tree: &Tree, plan: &Plan, opts: &GenOptions) -> Vec<(String, String)> {
    let orders = file_orders(tree, plan);
    // Ids, numbered per kind in file order.
    let mut ids = vec![0u32; tree.nodes.len()];
    let mut next = [0u32; 6];
    for order in &orders {
        for &i in order {
            let k = Kind::ALL
                .iter()
                .position(|&k| k == tree.nodes[i as usize].kind)
                .unwrap_or(0);
            next[k] += 1;
            ids[i as usize] = next[k];
        }
    }
    let (system, _) = SYSTEMS[tree.system];
    let mut files = Vec::with_capacity(plan.files);
    for (f, order) in orders.iter().enumerate() {
        let name = if f == 0 {
            INDEX_FILE.to_string()
        } else {
            format!("m{f}.gsn.yaml")
        };
        let mut out = String::with_capacity(order.len() * 112 + 256 + plan.files * 16);
        out.push_str("# Generated by assure-gen: elements ");
        push_u32(&mut out, opts.elements.max(1) as u32);
        out.push_str(", modules ");
        push_u32(&mut out, plan.files as u32);
        out.push_str(", seed ");
        out.push_str(&opts.seed.to_string());
        out.push_str("\nmodule:\n  name: ");
        if f == 0 {
            out.push_str("Main\n  brief: Top-level safety argument for the ");
            out.push_str(system);
            out.push('\n');
            if plan.files > 1 {
                out.push_str("  uses: [");
                for m in 1..plan.files {
                    if m > 1 {
                        out.push_str(", ");
                    }
                    out.push('m');
                    push_u32(&mut out, m as u32);
                    out.push_str(".gsn.yaml");
                }
                out.push_str("]\n");
            }
        } else {
            out.push('M');
            push_u32(&mut out, f as u32);
            out.push_str("\n  brief: Part ");
            push_u32(&mut out, f as u32);
            out.push_str(" of the safety argument for the ");
            out.push_str(system);
            out.push('\n');
        }
        for &i in order {
            emit_element(&mut out, tree, plan, &ids, i, opts.seed);
        }
        files.push((name, out));
    }
    files
}

fn emit_element(out: &mut String, tree: &Tree, plan: &Plan, ids: &[u32], i: u32, seed: u64) {
    let node = &tree.nodes[i as usize];
    push_id(out, node.kind, ids[i as usize]);
    out.push_str(":\n  text: ");
    // Texts come from a generator of their own, so that they do not depend
    // on the order of the files.
    let mut rng = Rng::new(seed ^ u64::from(i).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next_u64();
    let start = out.len();
    write_text(out, tree, node, &mut rng);
    while out.len() - start < MIN_TEXT_LEN {
        out.push_str(" as recorded in baseline BL-");
        push_u32(out, rng.range(10, 99));
    }
    debug_assert!(out.len() - start <= MAX_TEXT_LEN, "{}", &out[start..]);
    out.push('\n');
    if node.undeveloped {
        out.push_str("  undeveloped: true\n");
    }
    let kids = plan.children(i);
    for contextual in [true, false] {
        let mut first = true;
        for &c in kids {
            let ck = tree.nodes[c as usize].kind;
            if ck.is_contextual() != contextual {
                continue;
            }
            if first {
                out.push_str(if contextual {
                    "  inContextOf: ["
                } else {
                    "  supportedBy: ["
                });
                first = false;
            } else {
                out.push_str(", ");
            }
            push_id(out, ck, ids[c as usize]);
        }
        if !first {
            out.push_str("]\n");
        }
    }
}

/// Writes pieces of a text.
struct W<'a>(&'a mut String);

impl W<'_> {
    fn s(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }
    fn n(&mut self, n: u32) -> &mut Self {
        push_u32(self.0, n);
        self
    }
    /// A revision letter.
    fn letter(&mut self, rng: &mut Rng) -> &mut Self {
        self.0.push((b'A' + rng.below(6) as u8) as char);
        self
    }
    /// A four-digit document number.
    fn doc(&mut self, rng: &mut Rng) -> &mut Self {
        self.n(rng.range(1000, 9999))
    }
}

fn write_text(out: &mut String, tree: &Tree, node: &Node, rng: &mut Rng) {
    let (system, environment) = SYSTEMS[tree.system];
    let comp = COMPONENTS[node.comp as usize];
    let w = node.word as usize;
    let (num, up) = (node.num, node.up);
    let mut t = W(out);
    match (node.kind, node.theme) {
        (Kind::Goal, SYSTEM) => {
            t.s("The ")
                .s(system)
                .s(" is acceptably safe to operate in the ")
                .s(environment);
        }
        (Kind::Goal, SUBSYSTEM) => {
            let name = SUBSYSTEMS[w];
            if rng.chance(70) {
                t.s("Subsystem ")
                    .n(num)
                    .s(" (")
                    .s(name)
                    .s(") is acceptably safe in all operating modes");
            } else {
                t.s("The ")
                    .s(name)
                    .s(" (subsystem ")
                    .n(num)
                    .s(") does not contribute to unacceptable risk");
            }
        }
        (Kind::Goal, HAZARD) => {
            let hazard = HAZARDS[w];
            if rng.chance(70) {
                t.s("Hazard H-")
                    .n(num)
                    .s(" (")
                    .s(hazard)
                    .s(") is mitigated in subsystem ")
                    .n(up);
            } else {
                t.s("The risk of ")
                    .s(hazard)
                    .s(" (H-")
                    .n(num)
                    .s(") is as low as reasonably practicable");
            }
        }
        (Kind::Goal, REQUIREMENT) => {
            if rng.chance(60) {
                t.s("Safety requirement SR-")
                    .n(num)
                    .s(" is correctly implemented in the ")
                    .s(comp);
            } else {
                t.s("The ")
                    .s(comp)
                    .s(" satisfies safety requirement SR-")
                    .n(num)
                    .s(" from H-")
                    .n(up);
            }
        }
        (Kind::Goal, VERIFICATION) => {
            let (method, method_cap) = METHODS[w];
            if rng.chance(50) {
                t.s("SR-")
                    .n(up)
                    .s(" is verified by ")
                    .s(method)
                    .s(" of the ")
                    .s(comp);
            } else {
                t.s(method_cap)
                    .s(" shows that SR-")
                    .n(up)
                    .s(" holds in the ")
                    .s(comp);
            }
        }
        (Kind::Goal, FAILURE_MODE) => {
            if rng.chance(60) {
                t.s("Failure mode FM-")
                    .n(num)
                    .s(" of the ")
                    .s(comp)
                    .s(" is detected and mitigated");
            } else {
                t.s("Failure mode FM-")
                    .n(num)
                    .s(" has no hazardous effect during ")
                    .s(MODES[w]);
            }
        }
        (Kind::Goal, SW_UNIT) => {
            if rng.chance(60) {
                t.s("Software unit SU-")
                    .n(num)
                    .s(" of the ")
                    .s(comp)
                    .s(" meets its design specification");
            } else {
                t.s("Software unit SU-")
                    .n(num)
                    .s(" has no unhandled runtime errors during ")
                    .s(MODES[w]);
            }
        }
        (Kind::Goal, _) => {
            t.s("Function ")
                .s(FUNCTIONS[w])
                .s(" of unit SU-")
                .n(up)
                .s(" behaves as specified for all inputs");
        }
        (Kind::Strategy, SYSTEM) => {
            if rng.chance(60) {
                t.s("Argument over each subsystem of the ")
                    .s(system)
                    .s(" architecture");
            } else {
                t.s("Argument over all subsystems identified in the ")
                    .s(system)
                    .s(" design");
            }
        }
        (Kind::Strategy, SUBSYSTEM) => {
            if rng.chance(60) {
                t.s("Argument over each identified hazard of subsystem ")
                    .n(num);
            } else {
                t.s("Argument over the hazards of the ")
                    .s(SUBSYSTEMS[w])
                    .s(" from hazard analysis HA-")
                    .n(num);
            }
        }
        (Kind::Strategy, HAZARD) => {
            if rng.chance(60) {
                t.s("Argument over the safety requirements derived from hazard H-")
                    .n(num);
            } else {
                t.s("Argument over prevention and mitigation of ")
                    .s(HAZARDS[w]);
            }
        }
        (Kind::Strategy, REQUIREMENT) => {
            if rng.chance(60) {
                t.s("Argument over verification and validation of SR-")
                    .n(num);
            } else {
                t.s("Argument over each verification method applied to SR-")
                    .n(num);
            }
        }
        (Kind::Strategy, VERIFICATION) => {
            t.s("Argument over each failure mode of the ")
                .s(comp)
                .s(" relevant to SR-")
                .n(up);
        }
        (Kind::Strategy, FAILURE_MODE) => {
            t.s("Argument over each software unit contributing to failure mode FM-")
                .n(num);
        }
        (Kind::Strategy, SW_UNIT) => {
            t.s("Argument over each function implemented in software unit SU-")
                .n(num);
        }
        (Kind::Strategy, _) => {
            t.s("Argument over each failure mode of function ")
                .s(FUNCTIONS[w])
                .s(" in SU-")
                .n(up);
        }
        (Kind::Solution, _) => {
            let (kind, code) = EVIDENCE[rng.below(EVIDENCE.len())];
            t.s(kind).s(" ").s(code).s("-").doc(rng);
            match rng.below(10) {
                0..5 => {
                    t.s(" rev ").letter(rng);
                }
                5..8 => {
                    t.s(" issue ").n(rng.range(1, 9));
                }
                _ => {}
            }
            t.s(" for ");
            subject(&mut t, node);
        }
        (Kind::Context | Kind::Assumption | Kind::Justification, SYSTEM) if node.parent == 0 => {
            match (node.kind, node.word) {
                (Kind::Context, 0) => {
                    t.s("The ")
                        .s(environment)
                        .s(" as described in operational concept OC-")
                        .doc(rng);
                }
                (Kind::Context, _) => {
                    t.s("System definition of the ")
                        .s(system)
                        .s(" in document SD-")
                        .doc(rng)
                        .s(" rev ")
                        .letter(rng);
                }
                _ => {
                    t.s("Operators of the ")
                        .s(system)
                        .s(" are trained according to course TC-")
                        .doc(rng);
                }
            }
        }
        (Kind::Context, theme) => {
            if node_is_on_strategy(tree, node) {
                t.s("Decomposition criteria defined in the safety plan SP-")
                    .doc(rng)
                    .s(" rev ")
                    .letter(rng);
                return;
            }
            match theme {
                SUBSYSTEM => {
                    t.s("Architecture description AD-")
                        .doc(rng)
                        .s(" rev ")
                        .letter(rng)
                        .s(" of subsystem ")
                        .n(num);
                }
                HAZARD => {
                    t.s("Hazard log entry HL-")
                        .n(num)
                        .s(" describing ")
                        .s(HAZARDS[w]);
                }
                REQUIREMENT => {
                    t.s("Software requirements specification SRS-")
                        .doc(rng)
                        .s(" section ")
                        .n(rng.range(1, 9))
                        .s(".")
                        .n(rng.range(1, 20));
                }
                VERIFICATION => {
                    t.s("Verification plan VP-")
                        .doc(rng)
                        .s(" defining ")
                        .s(METHODS[w].0);
                }
                _ => {
                    t.s("Definition of ")
                        .s(MODES[rng.below(MODES.len())])
                        .s(" in operational concept OC-")
                        .doc(rng);
                }
            }
        }
        (Kind::Assumption, _) => match rng.below(4) {
            0 => {
                t.s("The ")
                    .s(comp)
                    .s(" is installed according to manual IM-")
                    .doc(rng);
            }
            1 => {
                t.s("Operators follow user manual UM-")
                    .doc(rng)
                    .s(" during ")
                    .s(rng.pick(MODES));
            }
            2 => {
                t.s("Sensor calibration is performed as defined in procedure MP-")
                    .doc(rng);
            }
            _ => {
                t.s("The operating temperature stays between ")
                    .n(rng.range(0, 10))
                    .s(" and ")
                    .n(rng.range(35, 55))
                    .s(" degrees Celsius");
            }
        },
        (_, _) => {
            // Justifications.
            if node_is_on_strategy(tree, node) {
                t.s("The decomposition is complete as confirmed by safety review RV-")
                    .doc(rng);
                return;
            }
            match rng.below(3) {
                0 => {
                    t.s(METHODS[rng.below(METHODS.len())].1)
                        .s(" is accepted for this integrity level by IEC 61508");
                }
                1 => {
                    t.s("Independent review IR-")
                        .doc(rng)
                        .s(" confirmed the completeness of this claim");
                }
                _ => {
                    t.s("The claim follows argument pattern AP-")
                        .n(rng.range(1, 60))
                        .s(" approved by the assessor");
                }
            }
        }
    }
}

fn node_is_on_strategy(tree: &Tree, node: &Node) -> bool {
    node.parent != NO_PARENT && tree.nodes[node.parent as usize].kind == Kind::Strategy
}

/// What a solution is evidence for.
fn subject(t: &mut W<'_>, node: &Node) {
    match node.theme {
        SYSTEM => t.s("the whole system"),
        SUBSYSTEM => t.s("subsystem ").n(node.num),
        HAZARD => t.s("hazard H-").n(node.num),
        REQUIREMENT => t.s("SR-").n(node.num),
        VERIFICATION => t.s("SR-").n(node.up),
        FAILURE_MODE => t.s("FM-").n(node.num),
        SW_UNIT => t.s("SU-").n(node.num),
        _ => t.s(FUNCTIONS[node.word as usize]).s(" in SU-").n(node.up),
    };
}

#[cfg(test)]
mod tests;
