//! Layered layout of a view into a [`Scene`].
//!
//! The view decides which elements and relationships are shown
//! ([`crate::view`]); each element becomes a box sized from its text so the
//! text rectangle fits inside the real shape ([`SceneNode::fit_to_text`]);
//! contexts, assumptions and justifications that belong to exactly one
//! element are attached beside it, on its layer; everything else is laid out
//! in layers along SupportedBy (challengers one layer below what they
//! challenge) by the engine in `layered.rs`.
//!
//! Decorations below a box (undeveloped diamond, uninstantiated triangle,
//! truncation mark) are included in the box's height
//! ([`crate::scene::DECORATION_HEIGHT`]).

use crate::layered::{Gaps, Item, LEdge, Placed, apply_hints, place};
use crate::scene::{
    BALL_OFFSET, BALL_RADIUS, CHOICE_DROP, CHOICE_HALF, ChoiceMark, Decorations, EdgeKind,
    LinkMark, NodeKind, Scene, SceneEdge, SceneNode,
};
use crate::text::wrap;
use crate::view::{View, edge_target, select};
use assure_core::model::{
    AcpTarget, Cardinality, Case, ElementKind, HorizontalIndex, ModuleId, RelationKind,
};

/// Tunables of the layout.
#[derive(Clone, Debug)]
pub struct LayoutOptions {
    /// Widest text line in a box, in units.
    pub max_text_width: f32,
    /// Horizontal gap between boxes.
    pub h_gap: f32,
    /// Vertical gap between layers.
    pub v_gap: f32,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            max_text_width: 200.0,
            h_gap: 20.0,
            v_gap: 40.0,
        }
    }
}

fn kind(k: ElementKind, away: bool) -> NodeKind {
    match (k, away) {
        (ElementKind::ModuleReference, _) => NodeKind::ModuleRef,
        (ElementKind::ContractReference, _) => NodeKind::ContractRef,
        (ElementKind::Goal | ElementKind::Unknown | ElementKind::Strategy, true)
        | (ElementKind::CounterGoal, true) => NodeKind::AwayGoal,
        (ElementKind::Solution | ElementKind::CounterSolution, true) => NodeKind::AwaySolution,
        (ElementKind::Context, true) => NodeKind::AwayContext,
        (ElementKind::Assumption, true) => NodeKind::AwayAssumption,
        (ElementKind::Justification, true) => NodeKind::AwayJustification,
        (ElementKind::Goal | ElementKind::Unknown, false) => NodeKind::Goal,
        (ElementKind::Strategy, false) => NodeKind::Strategy,
        (ElementKind::Solution, false) => NodeKind::Solution,
        (ElementKind::Context, false) => NodeKind::Context,
        (ElementKind::Assumption, false) => NodeKind::Assumption,
        (ElementKind::Justification, false) => NodeKind::Justification,
        (ElementKind::CounterGoal, false) => NodeKind::CounterGoal,
        (ElementKind::CounterSolution, false) => NodeKind::CounterSolution,
    }
}

/// The point `d` units before the end of a polyline, measured along it (`d`
/// is at most half the polyline's length), and the unit normal there on the
/// upper side (the right side of a vertical segment).
fn point_before_end(pts: &[(f32, f32)], d: f32) -> ((f32, f32), (f32, f32)) {
    let len: f32 = pts
        .windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .sum();
    let mut rest = d.min(len / 2.0);
    for w in pts.windows(2).rev() {
        let l = ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt();
        if l >= rest && l > 0.0 {
            let t = rest / l;
            let (dx, dy) = ((w[1].0 - w[0].0) / l, (w[1].1 - w[0].1) / l);
            // The two normals are (-dy, dx) and (dy, -dx): take the upper one.
            let n = if dx.abs() < 1e-3 {
                (1.0, 0.0)
            } else if dx < 0.0 {
                (-dy, dx)
            } else {
                (dy, -dx)
            };
            return (
                (
                    w[1].0 + t * (w[0].0 - w[1].0),
                    w[1].1 + t * (w[0].1 - w[1].1),
                ),
                n,
            );
        }
        rest -= l;
    }
    (pts.first().copied().unwrap_or((0.0, 0.0)), (1.0, 0.0))
}

/// Midpoint (by length) of a polyline.
fn midpoint(pts: &[(f32, f32)]) -> (f32, f32) {
    let len: f32 = pts
        .windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .sum();
    let mut rest = len / 2.0;
    for w in pts.windows(2) {
        let l = ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt();
        if l >= rest && l > 0.0 {
            let t = rest / l;
            return (
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            );
        }
        rest -= l;
    }
    pts.first().copied().unwrap_or((0.0, 0.0))
}

/// The width to wrap a statement at, by shape: rectangles use the maximum;
/// circles aim for a square block of text (the smallest circle around it);
/// ovals for a block twice as wide as tall (a flat ellipse, as the notation
/// draws assumptions and justifications).
fn wrap_width(kind: NodeKind, text: &str, max: f32) -> f32 {
    let one_line = crate::text::text_width(text, false);
    let area = one_line * crate::text::LINE_HEIGHT;
    match kind {
        NodeKind::Solution | NodeKind::CounterSolution | NodeKind::AwaySolution => {
            (area.sqrt() * 1.2).clamp(80.0, max)
        }
        k if k.is_contextual() && !matches!(k, NodeKind::Context | NodeKind::AwayContext) => {
            ((2.0 * area).sqrt() * 1.2).clamp(100.0, max * 1.5)
        }
        _ => max,
    }
}

/// How far a self-loop reaches to the right of its box (less than the gap
/// between boxes).
const SELF_LOOP: f32 = 16.0;

/// Aspect ratio (width / height) aimed at when compacting.
const TARGET_ASPECT: f32 = 1.5;
/// Layouts at most this much wider than high are not compacted further.
const MAX_ASPECT: f32 = 2.0;
/// Diagrams at most this wide are never packed into rows (they fit a
/// screen as they are).
const MIN_PACK_WIDTH: f32 = 1600.0;
/// Deepest supporting subtree stacked into a column.
const MAX_COLUMN_DEPTH: usize = 12;

/// How far an aspect ratio is from [`TARGET_ASPECT`] (0: exactly).
fn score(w: f32, h: f32) -> f32 {
    (w / h.max(1.0) / TARGET_ASPECT).ln().abs()
}

/// Places the items, stacking ever deeper supporting subtrees into columns
/// (see `layered.rs`) while the drawing is more than [`MAX_ASPECT`] times
/// wider than high; keeps the candidate whose aspect ratio is closest to
/// [`TARGET_ASPECT`] (the least compacted one on ties). `first` is the
/// placement without columns, when already made.
fn compact_place(
    nodes: Vec<SceneNode>,
    items: &[Item],
    ledges: &[LEdge],
    edge_count: usize,
    gaps: Gaps,
    first: Option<(Vec<SceneNode>, Placed)>,
) -> (Vec<SceneNode>, Placed) {
    let (best_nodes, best) = first.unwrap_or_else(|| {
        let mut ns = nodes.clone();
        let p = place(&mut ns, items, ledges, edge_count, gaps, None, false);
        (ns, p)
    });
    let (mut best_nodes, mut best) = (best_nodes, best);
    let mut last_aspect = best.width / best.height.max(1.0);
    for depth in 0..=MAX_COLUMN_DEPTH {
        if last_aspect <= MAX_ASPECT {
            break;
        }
        let mut ns = nodes.clone();
        let mut p = place(&mut ns, items, ledges, edge_count, gaps, Some(depth), true);
        if p.clash {
            ns = nodes.clone();
            p = place(&mut ns, items, ledges, edge_count, gaps, Some(depth), false);
        }
        last_aspect = p.width / p.height.max(1.0);
        let saturated = p.saturated;
        if score(p.width, p.height) < score(best.width, best.height) {
            best = p;
            best_nodes = ns;
        }
        if saturated {
            break;
        }
    }
    (best_nodes, best)
}

/// Extra horizontal space between two packed components (beyond their
/// margins), and extra vertical space between two rows of them.
fn pack_gaps(gaps: Gaps) -> (f32, f32) {
    (gaps.h, gaps.v)
}

/// One packed component: its own layout, in its own frame (margins
/// included), and where its nodes and edges go in the whole scene.
struct Packed {
    nodes: Vec<SceneNode>,
    placed: Placed,
    /// Local node → scene node.
    node_of: Vec<usize>,
    /// Local edge → scene edge.
    edge_of: Vec<usize>,
    /// The frame's size (self-loops included).
    w: f32,
    h: f32,
}

/// Shelf packing of frames `sizes` in order into rows at most `limit` wide
/// (a frame wider than that gets a row of its own): each frame's offset,
/// and the size of the whole.
fn shelves(sizes: &[(f32, f32)], limit: f32, (gx, gy): (f32, f32)) -> (Vec<(f32, f32)>, f32, f32) {
    let mut at = Vec::with_capacity(sizes.len());
    let (mut x, mut y, mut row_h, mut width) = (0f32, 0f32, 0f32, 0f32);
    for &(w, h) in sizes {
        if x > 0.0 && x + w > limit {
            y += row_h + gy;
            x = 0.0;
            row_h = 0.0;
        }
        at.push((x, y));
        width = width.max(x + w);
        row_h = row_h.max(h);
        x += w + gx;
    }
    (at, width, y + row_h)
}

/// Places the items like [`compact_place`]; when the drawing would be more
/// than [`MAX_ASPECT`] times wider than high, wider than [`MIN_PACK_WIDTH`],
/// and consists of several
/// connected components (items joined by no layering edge, attached boxes
/// going with their item): then each component is laid out (and compacted)
/// on its own, and the components are packed into rows, in the order of
/// their first item (source order), the row width chosen so that the whole
/// comes closest to [`TARGET_ASPECT`]; the rows are used unless the
/// compacted whole has an acceptable aspect ratio and is no larger. Components
/// share no edge, and their
/// frames (each with its own margin, self-loops included) do not overlap, so
/// every geometry guarantee of a component's layout holds for the whole.
/// `loops`: items whose box has a self-loop (drawn later, beside the box).
fn arrange(
    nodes: Vec<SceneNode>,
    items: &[Item],
    ledges: &[LEdge],
    edge_count: usize,
    gaps: Gaps,
    loops: &[usize],
) -> (Vec<SceneNode>, Placed) {
    let mut ns = nodes.clone();
    let p0 = place(&mut ns, items, ledges, edge_count, gaps, None, false);
    if p0.width / p0.height.max(1.0) <= MAX_ASPECT {
        return (ns, p0);
    }
    if p0.width <= MIN_PACK_WIDTH {
        return compact_place(nodes, items, ledges, edge_count, gaps, Some((ns, p0)));
    }
    // Connected components (union–find), numbered by their first item.
    let n = items.len();
    let mut up: Vec<usize> = (0..n).collect();
    fn find(up: &mut [usize], mut x: usize) -> usize {
        while up[x] != x {
            up[x] = up[up[x]];
            x = up[x];
        }
        x
    }
    for e in ledges {
        let (a, b) = (find(&mut up, e.upper), find(&mut up, e.lower));
        if a != b {
            up[a.max(b)] = a.min(b);
        }
    }
    const NONE: usize = usize::MAX;
    let mut comp_of_root = vec![NONE; n];
    let mut count = 0;
    let comp: Vec<usize> = (0..n)
        .map(|i| {
            let r = find(&mut up, i);
            if comp_of_root[r] == NONE {
                comp_of_root[r] = count;
                count += 1;
            }
            comp_of_root[r]
        })
        .collect();
    if count < 2 {
        return compact_place(nodes, items, ledges, edge_count, gaps, Some((ns, p0)));
    }
    // The whole laid out at once, compacted with leaf columns (as for one
    // component); kept when its aspect ratio is acceptable and the rows are
    // not smaller (compaction at one depth for all trees can beat each tree
    // compacted on its own).
    let whole = compact_place(
        nodes.clone(),
        items,
        ledges,
        edge_count,
        gaps,
        Some((ns, p0)),
    );
    let mut comp_items: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in comp.iter().enumerate() {
        comp_items[c].push(i);
    }
    let mut comp_ledges: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (k, e) in ledges.iter().enumerate() {
        comp_ledges[comp[e.upper]].push(k);
    }
    let mut comp_loops: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &i in loops {
        comp_loops[comp[i]].push(i);
    }
    let mut local = vec![NONE; n];
    let mut packed: Vec<Packed> = Vec::with_capacity(count);
    for c in 0..count {
        let mut node_of: Vec<usize> = Vec::new();
        let mut edge_of: Vec<usize> = Vec::new();
        let mut lnodes: Vec<SceneNode> = Vec::new();
        let mut litems: Vec<Item> = Vec::with_capacity(comp_items[c].len());
        let add_node = |g: usize, node_of: &mut Vec<usize>, lnodes: &mut Vec<SceneNode>| {
            node_of.push(g);
            lnodes.push(nodes[g].clone());
            lnodes.len() - 1
        };
        let add_edge = |g: usize, edge_of: &mut Vec<usize>| {
            edge_of.push(g);
            edge_of.len() - 1
        };
        for &i in &comp_items[c] {
            local[i] = litems.len();
            let it = &items[i];
            let node = add_node(it.node, &mut node_of, &mut lnodes);
            let mut side = |v: &[(usize, usize)]| -> Vec<(usize, usize)> {
                v.iter()
                    .map(|&(nd, e)| {
                        (
                            add_node(nd, &mut node_of, &mut lnodes),
                            add_edge(e, &mut edge_of),
                        )
                    })
                    .collect()
            };
            let left = side(&it.left);
            let right = side(&it.right);
            litems.push(Item {
                node,
                left,
                right,
                rank_inc: it.rank_inc,
                hint: it.hint,
                no_column: it.no_column,
            });
        }
        let lledges: Vec<LEdge> = comp_ledges[c]
            .iter()
            .map(|&k| {
                let e = ledges[k];
                LEdge {
                    upper: local[e.upper],
                    lower: local[e.lower],
                    edge: add_edge(e.edge, &mut edge_of),
                    tree: e.tree,
                }
            })
            .collect();
        let (lnodes, placed) = compact_place(lnodes, &litems, &lledges, edge_of.len(), gaps, None);
        let mut w = placed.width;
        for &i in &comp_loops[c] {
            let nd = &lnodes[litems[local[i]].node];
            w = w.max(nd.x + nd.w + SELF_LOOP + crate::layered::MARGIN);
        }
        let h = placed.height;
        packed.push(Packed {
            nodes: lnodes,
            placed,
            node_of,
            edge_of,
            w,
            h,
        });
    }
    // Source order, then `horizontalIndex` as among the roots of one
    // drawing: a root's hint moves its component, and `absolute: 0` / `last`
    // anywhere in a component pulls it to the start / end (a later element
    // wins).
    let mut has_up = vec![false; n];
    for e in ledges {
        has_up[e.lower] = true;
    }
    let mut root_hint: Vec<Option<HorizontalIndex>> = vec![None; count];
    let mut pull = vec![0i8; count];
    for (i, it) in items.iter().enumerate() {
        let c = comp[i];
        if !has_up[i] && root_hint[c].is_none() {
            root_hint[c] = it.hint;
        }
        match it.hint {
            Some(HorizontalIndex::Absolute(a)) if a <= 0 => pull[c] = -1,
            Some(HorizontalIndex::Last) => pull[c] = 1,
            _ => {}
        }
    }
    let mut order: Vec<usize> = (0..count).collect();
    apply_hints(&mut order, &|c: usize| root_hint[c]);
    order.sort_by_key(|&c| pull[c]);
    let mut slots: Vec<Option<Packed>> = packed.into_iter().map(Some).collect();
    let packed: Vec<Packed> = order.iter().filter_map(|&c| slots[c].take()).collect();
    // The row width: from one row down to one frame a row, the candidate
    // whose whole is closest to the target aspect (the fewest rows on ties).
    let sizes: Vec<(f32, f32)> = packed.iter().map(|p| (p.w, p.h)).collect();
    let g = pack_gaps(gaps);
    let widest = sizes.iter().map(|s| s.0).fold(0.0, f32::max);
    let total = sizes.iter().map(|s| s.0 + g.0).sum::<f32>();
    const STEPS: u32 = 64;
    let mut best = (f32::INFINITY, total);
    for k in (0..=STEPS).rev() {
        let limit = widest * (total / widest).powf(k as f32 / STEPS as f32);
        let (_, w, h) = shelves(&sizes, limit, g);
        let sc = score(w, h);
        if sc < best.0 {
            best = (sc, limit);
        }
    }
    let (at, width, height) = shelves(&sizes, best.1, g);
    let ok = |w: f32, h: f32| w / h.max(1.0) <= MAX_ASPECT;
    let (ww, wh) = (whole.1.width, whole.1.height);
    let rows = match (ok(ww, wh), ok(width, height)) {
        (true, true) => width * height < ww * wh,
        (false, true) => true,
        (true, false) => false,
        (false, false) => score(width, height) < score(ww, wh),
    };
    if !rows {
        return whole;
    }
    let mut out = nodes;
    let mut points: Vec<Vec<(f32, f32)>> = vec![Vec::new(); edge_count];
    let mut drops = vec![f32::NAN; edge_count];
    for (p, &(ox, oy)) in packed.into_iter().zip(&at) {
        for (nd, &gi) in p.nodes.into_iter().zip(&p.node_of) {
            out[gi].x = nd.x + ox;
            out[gi].y = nd.y + oy;
        }
        for ((pts, d), &ge) in p
            .placed
            .points
            .into_iter()
            .zip(p.placed.drop)
            .zip(&p.edge_of)
        {
            points[ge] = pts.into_iter().map(|(x, y)| (x + ox, y + oy)).collect();
            drops[ge] = d + oy;
        }
    }
    (
        out,
        Placed {
            points,
            drop: drops,
            width,
            height,
            saturated: true,
            clash: false,
        },
    )
}

/// Lays out `view` of `case`.
pub fn layout(case: &Case, view: &View, opts: &LayoutOptions) -> Scene {
    if *view == View::Architecture {
        return architecture(case, opts);
    }
    let sel = select(case, view);
    const NONE: u32 = u32::MAX;
    let mut index = vec![NONE; case.elements.len()];
    let mut nodes: Vec<SceneNode> = Vec::with_capacity(sel.elements.len());
    for (i, &e) in sel.elements.iter().enumerate() {
        index[e.0 as usize] = i as u32;
        let el = case.element(e);
        let away = sel.away[i];
        let char_wrap = el.hints.char_wrap.as_ref().map(|c| c.value);
        let text = el.text();
        let mut node = SceneNode {
            id: el.id.to_string(),
            kind: kind(el.kind, away),
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
            title: el.id.to_string(),
            lines: wrap(
                text,
                wrap_width(kind(el.kind, away), text, opts.max_text_width),
                char_wrap,
            ),
            module: if el.kind.is_reference() {
                el.module_ref.as_ref().map(|m| m.value.to_string())
            } else {
                away.then(|| case.module(el.module).name.value.to_string())
            },
            decorations: Decorations {
                undeveloped: el.is_undeveloped(),
                defeated: el.is_defeated(),
                uninstantiated: text.contains('{') && text.contains('}'),
                acps: Vec::new(),
                truncated: sel.truncated[i],
                public: el.is_public() && !away,
                counter: el.kind.is_counter(),
            },
            classes: el.classes.iter().map(|c| c.value.to_string()).collect(),
            url: el.url.as_ref().map(|u| u.value.to_string()),
        };
        node.fit_to_text();
        nodes.push(node);
    }
    for acp in &case.acps {
        if let AcpTarget::Element(e) = acp.on
            && index[e.0 as usize] != NONE
        {
            nodes[index[e.0 as usize] as usize]
                .decorations
                .acps
                .push(acp.name.value.to_string());
        }
    }

    // Which InContextOf targets are attached beside their single owner.
    let nn = nodes.len();
    let mut ctx_in = vec![0u32; nn];
    let mut other = vec![false; nn];
    let ends: Vec<(usize, usize)> = sel
        .relations
        .iter()
        .map(|&rid| {
            let r = case.relation(rid);
            (
                index[r.from.0 as usize] as usize,
                index[edge_target(case, r).0 as usize] as usize,
            )
        })
        .collect();
    for (k, &rid) in sel.relations.iter().enumerate() {
        let r = case.relation(rid);
        let (f, t) = ends[k];
        other[f] = true;
        if r.kind == RelationKind::InContextOf && f != t {
            ctx_in[t] += 1;
        } else {
            other[t] = true;
        }
    }
    let attached = |t: usize| ctx_in[t] == 1 && !other[t];

    let mut item_of = vec![usize::MAX; nn];
    let mut items: Vec<Item> = Vec::new();
    for (i, &e) in sel.elements.iter().enumerate() {
        if attached(i) {
            continue;
        }
        let el = case.element(e);
        item_of[i] = items.len();
        items.push(Item {
            node: i,
            rank_inc: el
                .hints
                .rank_increment
                .as_ref()
                .map_or(0, |r| r.value.clamp(0, 1000) as u32),
            hint: el.hints.horizontal_index.as_ref().map(|h| h.value),
            ..Item::default()
        });
    }

    let mut edges: Vec<SceneEdge> = Vec::new();
    let mut edge_of_rel = vec![usize::MAX; case.relations.len()];
    let mut ledges: Vec<LEdge> = Vec::new();
    let mut flip: Vec<bool> = Vec::new();
    // Edges from a box to itself.
    let mut loops: Vec<usize> = Vec::new();
    // (choice group, edge) of every edge that is an alternative.
    let mut choice_edges: Vec<(u32, usize)> = Vec::new();
    for (k, &rid) in sel.relations.iter().enumerate() {
        let r = case.relation(rid);
        let (f, t) = ends[k];
        let ei = edges.len();
        edge_of_rel[rid.0 as usize] = ei;
        let kind = match r.kind {
            RelationKind::SupportedBy => EdgeKind::SupportedBy,
            RelationKind::InContextOf => EdgeKind::InContextOf,
            RelationKind::Challenges => EdgeKind::Challenges,
        };
        edges.push(SceneEdge {
            kind,
            from: f,
            to: t,
            points: Vec::new(),
            acps: Vec::new(),
            defeated: r.defeated,
            mark: match &r.cardinality {
                _ if r.kind != RelationKind::SupportedBy => None,
                Cardinality::One => None,
                Cardinality::Multiple(label) => Some(LinkMark {
                    optional: false,
                    label: label.as_ref().map(|l| l.to_string()),
                    at: (0.0, 0.0),
                    label_dir: (1.0, 0.0),
                }),
                Cardinality::Optional => Some(LinkMark {
                    optional: true,
                    label: None,
                    at: (0.0, 0.0),
                    label_dir: (1.0, 0.0),
                }),
            },
        });
        if r.kind == RelationKind::SupportedBy
            && let Some(c) = r.choice
        {
            choice_edges.push((c, ei));
            let it = item_of[f];
            if it != usize::MAX {
                items[it].no_column = true;
            }
        }
        flip.push(false);
        if f == t {
            // A self-loop (G007, D005): drawn beside the box after placement.
            loops.push(ei);
        } else if r.kind == RelationKind::InContextOf && attached(t) {
            // Alternately right and left, unless `horizontalIndex` says: a
            // place before the element (`absolute: 0`, `relative: -n`) is
            // its left, after it (`absolute: n ≥ 1` or `last`,
            // `relative: +n`) its right.
            let side = match case.element(sel.elements[t]).hints.horizontal_index {
                Some(ref h) => match h.value {
                    HorizontalIndex::Absolute(a) => Some(a >= 1),
                    HorizontalIndex::Last => Some(true),
                    HorizontalIndex::Relative(d) if d != 0 => Some(d > 0),
                    HorizontalIndex::Relative(_) => None,
                },
                None => None,
            };
            let it = &mut items[item_of[f]];
            let right = side.unwrap_or_else(|| (it.left.len() + it.right.len()).is_multiple_of(2));
            if right {
                it.right.push((t, ei));
            } else {
                it.left.push((t, ei));
            }
        } else if r.kind == RelationKind::Challenges {
            ledges.push(LEdge {
                upper: item_of[t],
                lower: item_of[f],
                edge: ei,
                tree: false,
            });
            flip[ei] = true;
        } else {
            ledges.push(LEdge {
                upper: item_of[f],
                lower: item_of[t],
                edge: ei,
                tree: r.kind == RelationKind::SupportedBy,
            });
        }
    }
    let gaps = Gaps {
        h: opts.h_gap,
        v: opts.v_gap,
    };
    let loop_items: Vec<usize> = loops
        .iter()
        .map(|&ei| item_of[edges[ei].from])
        .filter(|&it| it != usize::MAX)
        .collect();
    let (nodes, placed) = arrange(nodes, &items, &ledges, edges.len(), gaps, &loop_items);
    let drops = placed.drop;
    let mut width = placed.width;
    for (ei, (e, mut pts)) in edges.iter_mut().zip(placed.points).enumerate() {
        if flip[ei] {
            pts.reverse();
        }
        e.points = pts;
    }
    // Self-loops: out of one side of the box in its upper part, SELF_LOOP
    // units out, and back in its lower part (the arrowhead); on the right
    // unless only the left side is free of attached boxes.
    for &ei in &loops {
        let f = edges[ei].from;
        let right = item_of[f] == usize::MAX || {
            let it = &items[item_of[f]];
            it.right.is_empty() || !it.left.is_empty()
        };
        let n = &nodes[f];
        // Never left of the drawing.
        let right = right || n.x < SELF_LOOP;
        let s = n.shape();
        let (top, bottom) = s.y_range();
        let h = bottom - top;
        let a = s.side_point(top + 0.2 * h, right);
        let b = s.side_point(top + 0.8 * h, right);
        let x = if right {
            a.0.max(b.0).max(n.x + n.w) + SELF_LOOP
        } else {
            a.0.min(b.0).min(n.x) - SELF_LOOP
        };
        width = width.max(x + crate::layered::MARGIN);
        edges[ei].points = vec![a, (x, a.1), (x, b.1), b];
    }
    // Choices: the alternatives leave their parent together, through a
    // diamond in the gap below the parent's layer.
    choice_edges.sort_unstable();
    let mut choices: Vec<ChoiceMark> = Vec::new();
    for group in choice_edges.chunk_by(|a, b| a.0 == b.0) {
        let c = &case.choices[group[0].0 as usize];
        let first = &edges[group[0].1];
        let parent = first.from;
        // Layered edges start with a vertical drop to the bottom of the
        // parent's layer (`drops`): the diamond goes just below it, in the
        // gap between the layers; the alternatives part at its bottom vertex.
        let yb = drops[group[0].1];
        let Some(&p0) = first.points.first() else {
            continue;
        };
        let at = (p0.0, yb + CHOICE_DROP);
        let vertex = (at.0, at.1 + CHOICE_HALF.1);
        let ok = yb.is_finite()
            && group.iter().all(|&(_, ei)| {
                let pts = &edges[ei].points;
                let k = if pts.len() > 2 && pts[1] == (p0.0, yb) {
                    2
                } else {
                    1
                };
                pts.len() > k && pts[0] == p0 && drops[ei] == yb && pts[k].1 > vertex.1 + 1.0
            });
        if !ok {
            continue;
        }
        for &(_, ei) in group {
            let pts = &mut edges[ei].points;
            if pts[1] == (p0.0, yb) {
                pts[1] = vertex;
            } else {
                pts.insert(1, vertex);
            }
        }
        choices.push(ChoiceMark {
            parent,
            edges: group.iter().map(|&(_, ei)| ei).collect(),
            at,
            label: c.label.as_ref().map(|l| l.value.to_string()),
        });
    }
    for e in &mut edges {
        if let Some(m) = &mut e.mark {
            // Back along the edge from [`BALL_OFFSET`] until the ball is
            // clear of both boxes (a flat edge reaches its box at a shallow
            // angle), but not beyond the edge's middle.
            let (a, b) = (&nodes[e.from], &nodes[e.to]);
            let r = BALL_RADIUS + 1.0;
            let clear = |p: (f32, f32)| {
                [a, b].iter().all(|n| {
                    p.0 + r <= n.x || p.0 - r >= n.x + n.w || p.1 + r <= n.y || p.1 - r >= n.y + n.h
                })
            };
            let mut d = BALL_OFFSET;
            (m.at, m.label_dir) = point_before_end(&e.points, d);
            while !clear(m.at) && d < 400.0 {
                d += 2.0;
                let (p, dir) = point_before_end(&e.points, d);
                if p == m.at {
                    break; // the middle of the edge
                }
                (m.at, m.label_dir) = (p, dir);
            }
        }
    }
    for acp in &case.acps {
        if let AcpTarget::Relation(rid) = acp.on {
            let ei = edge_of_rel[rid.0 as usize];
            if ei != usize::MAX {
                let m = midpoint(&edges[ei].points);
                edges[ei].acps.push((acp.name.value.to_string(), m));
            }
        }
    }
    Scene {
        title: view.title(case),
        width,
        height: placed.height,
        nodes,
        edges,
        choices,
    }
}

/// The architecture view: one box per module, an edge per dependency.
fn architecture(case: &Case, opts: &LayoutOptions) -> Scene {
    let nodes: Vec<SceneNode> = case
        .modules
        .iter()
        .map(|m| {
            let name = m.name.value.to_string();
            let mut node = SceneNode {
                id: name.clone(),
                kind: NodeKind::Module,
                x: 0.0,
                y: 0.0,
                w: 0.0,
                h: 0.0,
                title: name.clone(),
                lines: wrap(
                    m.brief.as_ref().map_or("", |b| &b.value),
                    opts.max_text_width,
                    None,
                ),
                module: Some(name),
                decorations: Decorations::default(),
                classes: Vec::new(),
                url: None,
            };
            node.fit_to_text();
            node
        })
        .collect();
    let mut deps: Vec<(u32, u32)> = Vec::new();
    for r in &case.relations {
        if r.kind == RelationKind::Challenges {
            continue;
        }
        let (a, b) = (case.element(r.from).module, case.element(r.to).module);
        if a != b {
            deps.push((a.0, b.0));
        }
    }
    // A module or contract reference depends on the module it names.
    for el in &case.elements {
        if el.kind.is_reference()
            && let Some(b) = el
                .module_ref
                .as_ref()
                .and_then(|m| case.module_named(&m.value))
            && b != el.module
        {
            deps.push((el.module.0, b.0));
        }
    }
    for (i, m) in case.modules.iter().enumerate() {
        for u in &m.uses {
            if let Some(t) = u.target
                && t != ModuleId(i as u32)
            {
                deps.push((i as u32, t.0));
            }
        }
    }
    deps.sort_unstable();
    deps.dedup();
    let items: Vec<Item> = (0..nodes.len())
        .map(|i| Item {
            node: i,
            ..Item::default()
        })
        .collect();
    let ledges: Vec<LEdge> = deps
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| LEdge {
            upper: a as usize,
            lower: b as usize,
            edge: i,
            tree: false,
        })
        .collect();
    let (nodes, placed) = arrange(
        nodes,
        &items,
        &ledges,
        deps.len(),
        Gaps {
            h: opts.h_gap,
            v: opts.v_gap,
        },
        &[],
    );
    let edges = deps
        .iter()
        .zip(placed.points)
        .map(|(&(a, b), points)| SceneEdge {
            kind: EdgeKind::ModuleDependency,
            from: a as usize,
            to: b as usize,
            points,
            acps: Vec::new(),
            defeated: false,
            mark: None,
        })
        .collect();
    Scene {
        title: View::Architecture.title(case),
        width: placed.width,
        height: placed.height,
        nodes,
        edges,
        choices: Vec::new(),
    }
}
