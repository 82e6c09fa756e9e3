//! The layered layout engine: cycle breaking, ranks, dummy nodes, crossing
//! reduction, tidy coordinate assignment and edge routing.
//!
//! Optionally (compaction depth `d`), supporting subtrees at most `d` levels
//! deep (trees of SupportedBy edges, each box reached by one edge) are not
//! layered: they are stacked as an indented list in a "column" below the
//! element they support, each box fed from a vertical trunk at the left
//! (from its parent's bottom border down, then horizontally into the box's
//! left border). A column is one tall block of the layer below its owner; it
//! may reach down into lower layers, where it is part of its subtree's
//! contour so nothing else is placed there; if a non-tree edge would then
//! cross it, the caller lays out again with every layer as tall as its
//! columns.
//!
//! Works on "items" (boxes that take part in the layering, each possibly with
//! attached context boxes stacked in a column on its left and right) and
//! "layering edges" between items. Every step is linear or `n log n` in the
//! size of the graph plus its dummy nodes:
//!
//! 1. cycles are broken by a depth-first search in item order (back edges
//!    are reversed);
//! 2. ranks are longest paths from the roots plus `rankIncrement`;
//! 3. an edge spanning several layers gets one dummy node per intermediate
//!    layer;
//! 4. the order within layers starts as the depth-first visiting order
//!    (source order for trees) and is improved by barycenter sweeps, kept only
//!    when they reduce crossings (counted exactly, `E log V` per sweep);
//! 5. a spanning forest (each node under its median upper neighbour, children
//!    in layer order, `horizontalIndex` applied among siblings, `absolute: 0`
//!    / `last` also to the element's ancestors) is placed like
//!    a tidy tree: subtrees are pushed together as far as their per-layer
//!    contours allow (merging contours small-into-large keeps this linear),
//!    parents are centred over their first and last child;
//! 6. every layer is as tall as its tallest block; shapes are centred on the
//!    layer's middle line;
//! 7. edges leave the bottom of the upper box, drop to the bottom of its
//!    layer, cross each gap in a straight line, pass vertically through their
//!    dummies' reserved slots and enter the lower box from the top of its
//!    layer. Attached contexts are joined horizontally through the gap
//!    between the box and its column.

use crate::scene::SceneNode;
use assure_core::model::HorizontalIndex;

/// Half-width of the slot reserved for an edge passing through a layer.
const DUMMY_HALF: f64 = 4.0;
/// Vertical gap between stacked context boxes.
const STACK_GAP: f32 = 10.0;
/// Margin around the drawing.
pub(crate) const MARGIN: f32 = 10.0;

/// A box that takes part in the layering.
#[derive(Clone, Debug, Default)]
pub(crate) struct Item {
    /// Index of its scene node.
    pub node: usize,
    /// Attached boxes on the left: (scene node, edge index).
    pub left: Vec<(usize, usize)>,
    /// Attached boxes on the right: (scene node, edge index).
    pub right: Vec<(usize, usize)>,
    /// `rankIncrement`.
    pub rank_inc: u32,
    /// `horizontalIndex`.
    pub hint: Option<HorizontalIndex>,
    /// Never stack this item's supporters in a column (it has a choice
    /// between them, drawn where its edges part).
    pub no_column: bool,
}

/// An edge that takes part in the layering, drawn from the upper item to
/// the lower one (before cycle breaking).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LEdge {
    /// Upper item.
    pub upper: usize,
    /// Lower item.
    pub lower: usize,
    /// Index of the scene edge.
    pub edge: usize,
    /// A SupportedBy edge: may be drawn inside a column block.
    pub tree: bool,
}

/// Spacing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gaps {
    pub h: f32,
    pub v: f32,
}

/// Result: every scene edge's points (top-down for layering edges: from the
/// upper item to the lower one), and the size of the drawing.
pub(crate) struct Placed {
    pub points: Vec<Vec<(f32, f32)>>,
    /// Per edge: where its first, vertical segment from the bottom of the
    /// upper shape ends (the bottom of the upper item's layer); NaN for
    /// edges drawn upwards or into columns.
    pub drop: Vec<f32>,
    pub width: f32,
    pub height: f32,
    /// A larger compaction depth would not change the result.
    pub saturated: bool,
    /// A column reaching into lower layers is crossed by an edge (the result
    /// must not be used).
    pub clash: bool,
}

fn csr(n: usize, pairs: &[(usize, usize)]) -> (Vec<usize>, Vec<usize>) {
    let mut off = vec![0usize; n + 1];
    for &(a, _) in pairs {
        off[a + 1] += 1;
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let mut fill = off.clone();
    let mut items = vec![0usize; pairs.len()];
    for &(a, b) in pairs {
        items[fill[a]] = b;
        fill[a] += 1;
    }
    (off, items)
}

/// Counts crossings between two adjacent layers given the edges as
/// (upper position, lower position), with a Fenwick tree.
fn bilayer_crossings(edges: &mut [(usize, usize)], lower_len: usize) -> u64 {
    edges.sort_unstable();
    let mut tree = vec![0u32; lower_len + 1];
    let mut total = 0u64;
    for (seen, &(_, q)) in edges.iter().enumerate() {
        let seen = seen as u64;
        // Count already inserted with position > q.
        let mut i = q + 1;
        let mut le = 0u64;
        while i > 0 {
            le += u64::from(tree[i]);
            i &= i - 1;
        }
        total += seen - le;
        let mut i = q + 1;
        while i <= lower_len {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    total
}

struct Expanded {
    /// Rank of each expanded node (items first, then dummies).
    rank: Vec<usize>,
    /// Upper neighbours (CSR).
    up: (Vec<usize>, Vec<usize>),
    /// Lower neighbours (CSR).
    down: (Vec<usize>, Vec<usize>),
}

fn nb(c: &(Vec<usize>, Vec<usize>), i: usize) -> &[usize] {
    &c.1[c.0[i]..c.0[i + 1]]
}

fn total_crossings(ex: &Expanded, layers: &[Vec<usize>], pos: &[usize]) -> u64 {
    let mut total = 0;
    let mut buf = Vec::new();
    for l in 0..layers.len().saturating_sub(1) {
        buf.clear();
        for &u in &layers[l] {
            for &v in nb(&ex.down, u) {
                buf.push((pos[u], pos[v]));
            }
        }
        total += bilayer_crossings(&mut buf, layers[l + 1].len());
    }
    total
}

/// One barycenter sweep; `downward` uses upper neighbours.
fn sweep(ex: &Expanded, layers: &mut [Vec<usize>], pos: &mut [usize], downward: bool) {
    let n = layers.len();
    let mut keyed: Vec<(f64, usize, usize)> = Vec::new();
    let order: Vec<usize> = if downward {
        (1..n).collect()
    } else {
        (0..n.saturating_sub(1)).rev().collect()
    };
    for l in order {
        keyed.clear();
        for &v in &layers[l] {
            let ns = if downward {
                nb(&ex.up, v)
            } else {
                nb(&ex.down, v)
            };
            let key = if ns.is_empty() {
                pos[v] as f64
            } else {
                ns.iter().map(|&u| pos[u] as f64).sum::<f64>() / ns.len() as f64
            };
            keyed.push((key, pos[v], v));
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (i, &(_, _, v)) in keyed.iter().enumerate() {
            layers[l][i] = v;
            pos[v] = i;
        }
    }
}

pub(crate) fn apply_hints(
    group: &mut Vec<usize>,
    hint_of: &dyn Fn(usize) -> Option<HorizontalIndex>,
) {
    let hinted: Vec<usize> = group
        .iter()
        .copied()
        .filter(|&x| hint_of(x).is_some())
        .collect();
    for x in hinted {
        let Some(h) = hint_of(x) else { continue };
        let Some(i) = group.iter().position(|&y| y == x) else {
            continue;
        };
        group.remove(i);
        let len = group.len() as i64;
        let j = match h {
            HorizontalIndex::Relative(d) => (i as i64 + d).clamp(0, len),
            HorizontalIndex::Absolute(a) => a.clamp(0, len),
            HorizontalIndex::Last => len,
        };
        group.insert(j as usize, x);
    }
}

/// Which way `absolute: 0` (-1) or `absolute: last` (+1) hints pull each
/// node of the forest `parent` (nodes `0..n` are items), 0 for none: every
/// hinted item pulls itself and its ancestors; a later item wins. Each node
/// is set once (linear).
pub(crate) fn pulls(items: &[Item], n: usize, parent: &[usize]) -> Vec<i8> {
    let mut pull = vec![0i8; parent.len()];
    for x in (0..n).rev() {
        let dir = match items[x].hint {
            Some(HorizontalIndex::Absolute(a)) if a <= 0 => -1,
            Some(HorizontalIndex::Last) => 1,
            _ => continue,
        };
        let mut y = x;
        while y != usize::MAX && pull[y] == 0 {
            pull[y] = dir;
            y = parent[y];
        }
    }
    pull
}

/// Per-layer contour of a subtree, stored deepest layer first; values are
/// relative to `base`.
struct Contour {
    base: f64,
    left: Vec<f64>,
    right: Vec<f64>,
}

impl Contour {
    fn len(&self) -> usize {
        self.left.len()
    }
    /// Left/right at `j` layers below the subtree's top (absolute in the parent frame).
    fn at(&self, j: usize) -> (f64, f64) {
        let k = self.len() - 1 - j;
        (self.left[k] + self.base, self.right[k] + self.base)
    }
}

/// Places `acc` (already placed) and `c` (to be shifted): returns the shift
/// of `c` and the merged contour.
fn merge(acc: Contour, mut c: Contour, gap: f64, min_shift: f64) -> (f64, Contour) {
    let common = acc.len().min(c.len());
    let mut s = f64::NEG_INFINITY;
    for j in 0..common {
        let (_, ar) = acc.at(j);
        let (cl, _) = c.at(j);
        if ar.is_finite() && cl.is_finite() {
            s = s.max(ar - cl + gap);
        }
    }
    let s = if s.is_finite() {
        s.max(min_shift)
    } else {
        min_shift
    };
    c.base += s;
    let merged = if acc.len() >= c.len() {
        let mut m = acc;
        let cl = c.len();
        for j in 0..cl {
            let (l2, r2) = c.at(j);
            let k = m.len() - 1 - j;
            let (l1, r1) = (m.left[k] + m.base, m.right[k] + m.base);
            m.left[k] = l1.min(l2) - m.base;
            m.right[k] = r1.max(r2) - m.base;
        }
        m
    } else {
        let mut m = c;
        let al = acc.len();
        for j in 0..al {
            let (l1, r1) = acc.at(j);
            let k = m.len() - 1 - j;
            let (l2, r2) = (m.left[k] + m.base, m.right[k] + m.base);
            m.left[k] = l1.min(l2) - m.base;
            m.right[k] = r1.max(r2) - m.base;
        }
        m
    };
    (s, merged)
}

/// Horizontal distance from a column's trunk to the boxes it feeds.
const INDENT: f32 = 16.0;
/// Vertical gap between the rows of a column.
const ROW_GAP: f32 = 12.0;
/// Distance of a trunk from the left of a box with a straight bottom edge.
const TRUNK_OFFSET: f32 = 16.0;

/// Column blocks: small supporting subtrees stacked as an indented list
/// below the element they support instead of spreading out in a row.
struct Columns {
    /// Per item: drawn inside some column (not layered itself).
    member: Vec<bool>,
    /// Per item: the supporters stacked in its column (empty: no column).
    col_kids: Vec<Vec<(usize, usize)>>,
    /// Per item: tree children (item, edge), in edge order.
    tkids: Vec<Vec<(usize, usize)>>,
    /// No item has a compaction depth above the one asked for.
    saturated: bool,
}

/// Finds the columns for compaction depth `depth`: an item whose SupportedBy
/// supporters are trees (each reached by exactly one edge, no other layering
/// edges, no hints) at most `depth` levels deep has them stacked in a column
/// when there are two or more of them or one with supporters of its own.
fn columns(items: &[Item], ledges: &[LEdge], depth: Option<usize>) -> Columns {
    const NONE: usize = usize::MAX;
    let n = items.len();
    let mut c = Columns {
        member: vec![false; n],
        col_kids: vec![Vec::new(); n],
        tkids: vec![Vec::new(); n],
        saturated: true,
    };
    let Some(depth) = depth else {
        return c;
    };
    let mut indeg = vec![0usize; n];
    let mut outdeg = vec![0usize; n];
    for e in ledges {
        indeg[e.lower] += 1;
        outdeg[e.upper] += 1;
    }
    let owned = |i: usize| indeg[i] == 1 && items[i].rank_inc == 0 && items[i].hint.is_none();
    let mut tree_in = vec![false; n];
    let mut non_tree_out = vec![false; n];
    for e in ledges {
        if e.tree && e.upper != e.lower && owned(e.lower) {
            tree_in[e.lower] = true;
            c.tkids[e.upper].push((e.lower, e.edge));
        } else {
            non_tree_out[e.upper] = true;
        }
    }
    // Compaction depth of tree-owned items, from the leaves up.
    let mut cd = vec![NONE; n];
    let mut pending: Vec<usize> = (0..n).map(|i| outdeg[i]).collect();
    let mut parent = vec![NONE; n];
    for (p, ks) in c.tkids.iter().enumerate() {
        for &(k, _) in ks {
            parent[k] = p;
        }
    }
    let mut queue: Vec<usize> = (0..n).filter(|&i| tree_in[i] && outdeg[i] == 0).collect();
    let mut level = vec![0usize; n];
    while let Some(v) = queue.pop() {
        cd[v] = level[v];
        let p = parent[v];
        if p != NONE && tree_in[p] && !non_tree_out[p] {
            level[p] = level[p].max(cd[v] + 1);
            pending[p] -= 1;
            if pending[p] == 0 {
                queue.push(p);
            }
        }
    }
    for &d in &cd {
        if d != NONE && d > depth {
            c.saturated = false;
        }
    }
    for (p, item) in items.iter().enumerate() {
        if item.no_column {
            continue;
        }
        let ks: Vec<(usize, usize)> = c.tkids[p]
            .iter()
            .copied()
            .filter(|&(k, _)| cd[k] != NONE && cd[k] <= depth)
            .collect();
        if ks.len() >= 2 || ks.iter().any(|&(k, _)| cd[k] >= 1) {
            c.col_kids[p] = ks;
        }
    }
    let mut st: Vec<usize> = Vec::new();
    for p in 0..n {
        for &(k, _) in &c.col_kids[p] {
            st.push(k);
        }
        while let Some(v) = st.pop() {
            if c.member[v] {
                continue;
            }
            c.member[v] = true;
            st.extend(c.tkids[v].iter().map(|&(k, _)| k));
        }
    }
    // A member's column is drawn inside the enclosing one.
    for p in 0..n {
        if c.member[p] {
            c.col_kids[p].clear();
        }
    }
    c
}

/// Whether segment `a`-`b` meets the rectangle `(x0, y0, x1, y1)`
/// (Liang–Barsky clipping).
fn seg_hits(a: (f32, f32), b: (f32, f32), r: (f32, f32, f32, f32)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0f32, 1f32);
    for (p, q) in [
        (-dx, a.0 - r.0),
        (dx, r.2 - a.0),
        (-dy, a.1 - r.1),
        (dy, r.3 - a.1),
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
    t0 <= t1
}

/// A column laid out relative to its trunk's top.
struct Block {
    /// Right extent from the trunk.
    right: f32,
    /// Height.
    h: f32,
    /// Scene nodes inside (positioned relative to the trunk's top).
    nodes: Vec<usize>,
    /// Edges from the column's owner: relative points from the trunk's top.
    entry: Vec<(usize, Vec<(f32, f32)>)>,
    /// Edges inside the column (relative points).
    inner: Vec<(usize, Vec<(f32, f32)>)>,
}

/// Where a trunk leaves the bottom of `s`: near the left of straight bottom
/// edges, else the bottom point.
fn trunk_start(s: &crate::scene::Shape) -> (f32, f32) {
    use crate::scene::Shape;
    match *s {
        Shape::Rect { x, y, w, h } | Shape::RoundRect { x, y, w, h, .. } => {
            (x + TRUNK_OFFSET.min(w / 2.0), y + h)
        }
        Shape::Parallelogram { x, y, w, h, skew } => {
            (x + TRUNK_OFFSET.min((w - skew) / 2.0), y + h)
        }
        _ => s.bottom_point(),
    }
}

/// The edge from an owner to an attached box beside it.
fn attach_edge(owner: &SceneNode, c: &SceneNode, right: bool, hg: f32) -> Vec<(f32, f32)> {
    let oshape = owner.shape();
    let cs = c.shape();
    let yc = cs.center().1;
    let start = oshape.side_point(yc, right);
    let end = cs.side_point(start.1, !right);
    if (end.1 - start.1).abs() < 0.01 {
        vec![start, end]
    } else {
        let end = cs.side_point(yc, !right);
        let xm = if right {
            owner.x + owner.w + hg / 2.0
        } else {
            owner.x - hg / 2.0
        };
        vec![start, (xm, start.1), (xm, end.1), end]
    }
}

/// Stacks `kids` (item, edge) as rows at `x`, from `*y` down, fed by a trunk
/// from `trunk`; each row's own supporters follow it, indented.
#[allow(clippy::too_many_arguments)]
fn lay_rows(
    nodes: &mut [SceneNode],
    items: &[Item],
    tkids: &[Vec<(usize, usize)>],
    kids: &[(usize, usize)],
    trunk: (f32, f32),
    y: &mut f32,
    hg: f32,
    b: &mut Block,
    entry: bool,
) {
    let x = trunk.0 + INDENT;
    for &(k, e) in kids {
        let it = &items[k];
        let nd = it.node;
        let att: Vec<(usize, usize)> = it.left.iter().chain(&it.right).copied().collect();
        let sh = if att.is_empty() {
            0.0
        } else {
            att.iter().map(|&(c, _)| nodes[c].h).sum::<f32>() + STACK_GAP * (att.len() - 1) as f32
        };
        let rowh = nodes[nd].h.max(sh);
        nodes[nd].x = x;
        nodes[nd].y = *y + (rowh - nodes[nd].h) / 2.0;
        b.nodes.push(nd);
        let mut right = x + nodes[nd].w;
        let mut cy = *y + (rowh - sh) / 2.0;
        for &(c, ce) in &att {
            nodes[c].x = x + nodes[nd].w + hg;
            nodes[c].y = cy;
            cy += nodes[c].h + STACK_GAP;
            right = right.max(nodes[c].x + nodes[c].w);
            b.nodes.push(c);
            b.inner
                .push((ce, attach_edge(&nodes[nd], &nodes[c], true, hg)));
        }
        b.right = b.right.max(right);
        let s = nodes[nd].shape();
        let sp = s.side_point(s.center().1, false);
        let pts = vec![trunk, (trunk.0, sp.1), sp];
        if entry {
            b.entry.push((e, pts));
        } else {
            b.inner.push((e, pts));
        }
        *y += rowh + ROW_GAP;
        if !tkids[k].is_empty() {
            let t = trunk_start(&s);
            lay_rows(nodes, items, tkids, &tkids[k], t, y, hg, b, false);
        }
    }
}

/// Lays the items out, moving their scene nodes (and attached nodes).
pub(crate) fn place(
    nodes: &mut [SceneNode],
    items: &[Item],
    ledges: &[LEdge],
    edge_count: usize,
    gaps: Gaps,
    depth: Option<usize>,
    span: bool,
) -> Placed {
    const NO: usize = usize::MAX;
    let (all_items, all_ledges) = (items, ledges);
    let cols = columns(all_items, all_ledges, depth);
    let mut ritems: Vec<Item> = Vec::with_capacity(all_items.len());
    let mut rblk: Vec<usize> = Vec::new();
    let mut map = vec![NO; all_items.len()];
    for (i, it) in all_items.iter().enumerate() {
        if !cols.member[i] {
            map[i] = ritems.len();
            ritems.push(it.clone());
            rblk.push(NO);
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut block_item = vec![NO; all_items.len()];
    for (i, ks) in cols.col_kids.iter().enumerate() {
        if ks.is_empty() {
            continue;
        }
        let mut b = Block {
            right: 0.0,
            h: 0.0,
            nodes: Vec::new(),
            entry: Vec::new(),
            inner: Vec::new(),
        };
        let mut y = 0.0;
        lay_rows(
            nodes,
            all_items,
            &cols.tkids,
            ks,
            (0.0, 0.0),
            &mut y,
            gaps.h,
            &mut b,
            true,
        );
        b.h = y - ROW_GAP;
        block_item[i] = ritems.len();
        ritems.push(Item {
            node: all_items[i].node,
            ..Item::default()
        });
        rblk.push(blocks.len());
        blocks.push(b);
    }
    let mut rledges: Vec<LEdge> = Vec::with_capacity(all_ledges.len());
    let mut linked = vec![false; all_items.len()];
    for e in all_ledges {
        if cols.member[e.lower] {
            if !cols.member[e.upper] && !linked[e.upper] {
                linked[e.upper] = true;
                rledges.push(LEdge {
                    upper: map[e.upper],
                    lower: block_item[e.upper],
                    edge: e.edge,
                    tree: true,
                });
            }
        } else {
            rledges.push(LEdge {
                upper: map[e.upper],
                lower: map[e.lower],
                ..*e
            });
        }
    }
    let items = &ritems[..];
    let ledges = &rledges[..];
    let n = items.len();
    let hg = f64::from(gaps.h);

    // 1. Cycle breaking: iterative DFS in item order, roots first.
    let pairs: Vec<(usize, usize)> = ledges
        .iter()
        .enumerate()
        .map(|(i, e)| (e.upper, i))
        .collect();
    let out = csr(n, &pairs);
    let mut indeg = vec![0usize; n];
    for e in ledges {
        indeg[e.lower] += 1;
    }
    let mut reversed = vec![false; ledges.len()];
    let mut state = vec![0u8; n];
    let starts: Vec<usize> = (0..n)
        .filter(|&i| indeg[i] == 0)
        .chain((0..n).filter(|&i| indeg[i] != 0))
        .collect();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for s in starts {
        if state[s] != 0 {
            continue;
        }
        state[s] = 1;
        stack.push((s, 0));
        while let Some(&mut (u, ref mut k)) = stack.last_mut() {
            let es = nb(&out, u);
            if *k < es.len() {
                let ei = es[*k];
                *k += 1;
                let v = ledges[ei].lower;
                match state[v] {
                    0 => {
                        state[v] = 1;
                        stack.push((v, 0));
                    }
                    1 => reversed[ei] = true,
                    _ => {}
                }
            } else {
                state[u] = 2;
                stack.pop();
            }
        }
    }
    // DAG edges (a above b).
    let dag: Vec<(usize, usize)> = ledges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if reversed[i] {
                (e.lower, e.upper)
            } else {
                (e.upper, e.lower)
            }
        })
        .collect();

    // 2. Ranks: longest path (Kahn, FIFO) plus rankIncrement.
    let dag_out = csr(
        n,
        &dag.iter()
            .enumerate()
            .map(|(i, &(a, _))| (a, i))
            .collect::<Vec<_>>(),
    );
    let mut indeg = vec![0usize; n];
    for &(_, b) in &dag {
        indeg[b] += 1;
    }
    let mut base = vec![0usize; n];
    let mut rank = vec![0usize; n];
    let mut queue: std::collections::VecDeque<usize> = (0..n).filter(|&i| indeg[i] == 0).collect();
    while let Some(u) = queue.pop_front() {
        rank[u] = base[u] + items[u].rank_inc as usize;
        for &ei in nb(&dag_out, u) {
            let v = dag[ei].1;
            base[v] = base[v].max(rank[u] + 1);
            indeg[v] -= 1;
            if indeg[v] == 0 {
                queue.push_back(v);
            }
        }
    }

    // 3. Dummies.
    let mut ex_rank = rank.clone();
    let mut ex_pairs: Vec<(usize, usize)> = Vec::new();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(ledges.len());
    for &(a, b) in &dag {
        let mut chain = vec![a];
        let mut prev = a;
        for r in rank[a] + 1..rank[b] {
            let d = ex_rank.len();
            ex_rank.push(r);
            ex_pairs.push((prev, d));
            chain.push(d);
            prev = d;
        }
        ex_pairs.push((prev, b));
        chain.push(b);
        chains.push(chain);
    }
    let m = ex_rank.len();
    let down = csr(m, &ex_pairs);
    let up = csr(
        m,
        &ex_pairs.iter().map(|&(a, b)| (b, a)).collect::<Vec<_>>(),
    );
    let ex = Expanded {
        rank: ex_rank,
        up,
        down,
    };
    let nlayers = ex.rank.iter().copied().max().map_or(0, |r| r + 1);

    // 4. Initial order: DFS pre-order from roots in item order.
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); nlayers];
    let mut pos = vec![0usize; m];
    let mut visited = vec![false; m];
    let mut st: Vec<(usize, usize)> = Vec::new();
    for r in (0..m).filter(|&i| nb(&ex.up, i).is_empty()).chain(0..m) {
        if visited[r] {
            continue;
        }
        visited[r] = true;
        pos[r] = layers[ex.rank[r]].len();
        layers[ex.rank[r]].push(r);
        st.push((r, 0));
        while let Some(&mut (u, ref mut k)) = st.last_mut() {
            let ds = nb(&ex.down, u);
            if *k < ds.len() {
                let v = ds[*k];
                *k += 1;
                if !visited[v] {
                    visited[v] = true;
                    pos[v] = layers[ex.rank[v]].len();
                    layers[ex.rank[v]].push(v);
                    st.push((v, 0));
                }
            } else {
                st.pop();
            }
        }
    }

    // Crossing reduction, kept only when it helps.
    let mut best = total_crossings(&ex, &layers, &pos);
    if best > 0 {
        let mut best_layers = layers.clone();
        let mut stale = 0;
        for it in 0..8 {
            sweep(&ex, &mut layers, &mut pos, it % 2 == 0);
            let c = total_crossings(&ex, &layers, &pos);
            if c < best {
                best = c;
                best_layers = layers.clone();
                stale = 0;
            } else {
                stale += 1;
                if stale >= 3 {
                    break;
                }
            }
            if best == 0 {
                break;
            }
        }
        layers = best_layers;
        for layer in &layers {
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
    }

    // 7. Vertical metrics: shapes centred on each layer's middle line.
    let stack_h = |v: &[(usize, usize)], nodes: &[SceneNode]| -> f32 {
        if v.is_empty() {
            0.0
        } else {
            v.iter().map(|&(c, _)| nodes[c].h).sum::<f32>() + STACK_GAP * (v.len() - 1) as f32
        }
    };
    let mut above = vec![0f32; nlayers];
    let mut below = vec![0f32; nlayers];
    for (i, it) in items.iter().enumerate() {
        if rblk[i] != NO {
            continue;
        }
        let nd = &nodes[it.node];
        let cy = nd.shape().center().1 - nd.y;
        let l = rank[i];
        above[l] = above[l].max(cy);
        below[l] = below[l].max(nd.h - cy);
        let half = stack_h(&it.left, nodes).max(stack_h(&it.right, nodes)) / 2.0;
        above[l] = above[l].max(half);
        below[l] = below[l].max(half);
    }
    if !span {
        for (i, &b) in rblk.iter().enumerate() {
            if b != NO {
                let l = rank[i];
                below[l] = below[l].max(blocks[b].h - above[l]);
            }
        }
    }
    let mut top = vec![0f32; nlayers];
    let mut y = MARGIN;
    for l in 0..nlayers {
        top[l] = y;
        y += above[l] + below[l] + gaps.v;
    }
    let line = |l: usize| top[l] + above[l];
    let bottom = |l: usize| top[l] + above[l] + below[l];

    // How many layers below its own each column reaches into.
    let mut reach = vec![0usize; m];
    if span {
        for (i, &b) in rblk.iter().enumerate() {
            if b != NO {
                let l = rank[i];
                let end = top[l] + blocks[b].h;
                let mut k = l;
                while k + 1 < nlayers && top[k + 1] < end {
                    k += 1;
                }
                reach[i] = k - l;
            }
        }
    }

    // 5. Spanning forest.
    const NONE: usize = usize::MAX;
    let mut parent = vec![NONE; m];
    let mut kid_pairs: Vec<(usize, usize)> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut ups: Vec<usize> = Vec::new();
    for layer in &layers {
        for &v in layer {
            ups.clear();
            ups.extend_from_slice(nb(&ex.up, v));
            if ups.is_empty() {
                roots.push(v);
                continue;
            }
            ups.sort_by_key(|&u| pos[u]);
            ups.dedup();
            let p = ups[(ups.len() - 1) / 2];
            parent[v] = p;
            kid_pairs.push((p, v));
        }
    }
    // Layers are traversed in order, so each parent's kids are in layer order.
    let kids = csr(m, &kid_pairs);
    let mut kids_v: Vec<Vec<usize>> = Vec::new();
    let mut kids_of = vec![NONE; m];
    let hint_of = |x: usize| -> Option<HorizontalIndex> {
        let mut y = x;
        while y >= n {
            let ks = nb(&kids, y);
            match ks.first() {
                Some(&k) => y = k,
                None => return None,
            }
        }
        items[y].hint
    };
    for (v, slot) in kids_of.iter_mut().enumerate() {
        let ks = nb(&kids, v);
        if ks.is_empty() {
            continue;
        }
        let mut g = ks.to_vec();
        apply_hints(&mut g, &hint_of);
        *slot = kids_v.len();
        kids_v.push(g);
    }
    roots.sort_by_key(|&r| (ex.rank[r], pos[r]));
    apply_hints(&mut roots, &hint_of);
    // `absolute: 0` / `absolute: last` put an element at the start / end of
    // its layer (gsn2x: of its rank): it and every ancestor in the forest go
    // first / last among their siblings, its root among the roots, so its
    // subtree is the leftmost / rightmost on every layer. Of two elements
    // pulling one ancestor, the later in source order wins.
    let pull = pulls(items, n, &parent);
    if pull.iter().any(|&p| p != 0) {
        for g in &mut kids_v {
            g.sort_by_key(|&k| pull[k]);
        }
        roots.sort_by_key(|&r| pull[r]);
    }

    // Block extents (relative to the shape centre of each item's node).
    let mut ext_l = vec![DUMMY_HALF; m];
    let mut ext_r = vec![DUMMY_HALF; m];
    let mut cxo = vec![0f64; n];
    for (i, it) in items.iter().enumerate() {
        if rblk[i] != NO {
            ext_r[i] = f64::from(blocks[rblk[i]].right);
            continue;
        }
        let nd = &nodes[it.node];
        let (cx, _) = nd.shape().center();
        let off = f64::from(cx - nd.x);
        cxo[i] = off;
        let colw = |v: &[(usize, usize)]| {
            v.iter()
                .map(|&(c, _)| f64::from(nodes[c].w))
                .fold(0.0, f64::max)
        };
        ext_l[i] = off
            + if it.left.is_empty() {
                0.0
            } else {
                hg + colw(&it.left)
            };
        ext_r[i] = f64::from(nd.w) - off
            + if it.right.is_empty() {
                0.0
            } else {
                hg + colw(&it.right)
            };
    }

    // 6. Tidy placement over the forest (iterative post-order).
    let mut rel = vec![0f64; m];
    let mut contour: Vec<Option<Contour>> = (0..m).map(|_| None).collect();
    let mut order: Vec<usize> = Vec::with_capacity(m);
    {
        let mut st: Vec<usize> = roots.clone();
        while let Some(v) = st.pop() {
            order.push(v);
            if kids_of[v] != NONE {
                st.extend(kids_v[kids_of[v]].iter().copied());
            }
        }
    }
    for &v in order.iter().rev() {
        let own = (-ext_l[v], ext_r[v]);
        let mut c = if kids_of[v] == NONE {
            Contour {
                base: 0.0,
                left: vec![own.0; reach[v]],
                right: vec![own.1; reach[v]],
            }
        } else {
            let ks = &kids_v[kids_of[v]];
            let mut shifts = Vec::with_capacity(ks.len());
            let mut acc: Option<Contour> = None;
            for &k in ks {
                let ck = contour[k].take().unwrap_or(Contour {
                    base: 0.0,
                    left: vec![-ext_l[k]; reach[k] + 1],
                    right: vec![ext_r[k]; reach[k] + 1],
                });
                match acc.take() {
                    None => {
                        shifts.push(0.0);
                        acc = Some(ck);
                    }
                    Some(a) => {
                        let prev = shifts.last().copied().unwrap_or(0.0);
                        let (s, mg) = merge(a, ck, hg, prev);
                        shifts.push(s);
                        acc = Some(mg);
                    }
                }
            }
            let first = shifts.first().copied().unwrap_or(0.0);
            let last = shifts.last().copied().unwrap_or(0.0);
            let center = (first + last) / 2.0;
            for (&k, &s) in ks.iter().zip(&shifts) {
                rel[k] = s - center;
            }
            let mut a = acc.unwrap_or(Contour {
                base: 0.0,
                left: Vec::new(),
                right: Vec::new(),
            });
            a.base -= center;
            a
        };
        c.left.push(own.0 - c.base);
        c.right.push(own.1 - c.base);
        contour[v] = Some(c);
    }
    // Roots: merge left to right, padding contours up to layer 0.
    let mut xabs = vec![0f64; m];
    {
        let mut acc: Option<Contour> = None;
        let mut prev = 0.0f64;
        for &r in &roots {
            let mut c = contour[r].take().unwrap_or(Contour {
                base: 0.0,
                left: vec![-ext_l[r]],
                right: vec![ext_r[r]],
            });
            for _ in 0..ex.rank[r] {
                c.left.push(f64::INFINITY);
                c.right.push(f64::NEG_INFINITY);
            }
            match acc.take() {
                None => {
                    xabs[r] = 0.0;
                    acc = Some(c);
                }
                Some(a) => {
                    let (s, mg) = merge(a, c, hg, prev);
                    xabs[r] = s;
                    prev = s;
                    acc = Some(mg);
                }
            }
        }
    }
    for &v in &order {
        if parent[v] != NONE {
            xabs[v] = xabs[parent[v]] + rel[v];
        }
    }
    let minx = (0..m)
        .map(|v| xabs[v] - ext_l[v])
        .fold(f64::INFINITY, f64::min);
    let shift = if minx.is_finite() {
        f64::from(MARGIN) - minx
    } else {
        0.0
    };
    for x in &mut xabs {
        *x += shift;
    }

    // Move the nodes.
    let mut points: Vec<Vec<(f32, f32)>> = vec![Vec::new(); edge_count];
    let mut drop = vec![f32::NAN; edge_count];
    for (i, it) in items.iter().enumerate() {
        let l = rank[i];
        if rblk[i] != NO {
            let b = &blocks[rblk[i]];
            let (ox, oy) = (xabs[i] as f32, top[l]);
            for &c in &b.nodes {
                nodes[c].x += ox;
                nodes[c].y += oy;
            }
            for (e, pts) in &b.inner {
                points[*e] = pts.iter().map(|&(x, y)| (x + ox, y + oy)).collect();
            }
            continue;
        }
        let (nx, ny) = {
            let nd = &nodes[it.node];
            let cy = nd.shape().center().1 - nd.y;
            ((xabs[i] - cxo[i]) as f32, line(l) - cy)
        };
        nodes[it.node].x = nx;
        nodes[it.node].y = ny;
        let owner = nodes[it.node].clone();
        let oshape = owner.shape();
        for (side, right) in [(&it.left, false), (&it.right, true)] {
            let h = stack_h(side, nodes);
            let mut cy = line(l) - h / 2.0;
            for &(c, e) in side.iter() {
                let cw = nodes[c].w;
                nodes[c].x = if right {
                    owner.x + owner.w + gaps.h
                } else {
                    owner.x - gaps.h - cw
                };
                nodes[c].y = cy;
                cy += nodes[c].h + STACK_GAP;
                let cs = nodes[c].shape();
                let yc = cs.center().1;
                let start = oshape.side_point(yc, right);
                let end = cs.side_point(start.1, !right);
                let pts = if (end.1 - start.1).abs() < 0.01 {
                    vec![start, end]
                } else {
                    let end = cs.side_point(yc, !right);
                    let xm = if right {
                        owner.x + owner.w + gaps.h / 2.0
                    } else {
                        owner.x - gaps.h / 2.0
                    };
                    vec![start, (xm, start.1), (xm, end.1), end]
                };
                points[e] = pts;
            }
        }
    }

    // 8. Layering edges.
    for (i, e) in ledges.iter().enumerate() {
        let chain = &chains[i];
        let mut pts: Vec<(f32, f32)> = Vec::with_capacity(2 * chain.len() + 2);
        let a = chain[0];
        let b = chain[chain.len() - 1];
        let sa = nodes[items[a].node].shape();
        let p = sa.bottom_point();
        pts.push(p);
        pts.push((p.0, bottom(rank[a])));
        if rblk[b] != NO {
            // A column: the trunk starts at the top of its layer.
            let (ox, oy) = (xabs[b] as f32, top[rank[b]]);
            for (ce, rel) in &blocks[rblk[b]].entry {
                let mut q = pts.clone();
                q.extend(rel.iter().map(|&(x, y)| (x + ox, y + oy)));
                q.dedup_by(|p2, p1| (p1.0 - p2.0).abs() < 1e-3 && (p1.1 - p2.1).abs() < 1e-3);
                points[*ce] = q;
            }
            continue;
        }
        let sb = nodes[items[b].node].shape();
        for &d in &chain[1..chain.len() - 1] {
            let x = xabs[d] as f32;
            let l = ex.rank[d];
            pts.push((x, top[l]));
            pts.push((x, bottom(l)));
        }
        let q = sb.top_point();
        pts.push((q.0, top[rank[b]]));
        pts.push(q);
        pts.dedup_by(|p2, p1| (p1.0 - p2.0).abs() < 1e-3 && (p1.1 - p2.1).abs() < 1e-3);
        if reversed[i] {
            pts.reverse();
        } else {
            drop[e.edge] = bottom(rank[a]);
        }
        points[e.edge] = pts;
    }

    // Columns reaching into lower layers: no edge may cross a gap over them.
    let mut clash = false;
    if span {
        let mut over: Vec<Vec<(usize, f32, f32, f32)>> = vec![Vec::new(); nlayers];
        for i in 0..n {
            if rblk[i] != NO {
                let l = rank[i];
                let (x0, x1) = ((xabs[i] - ext_l[i]) as f32, (xabs[i] + ext_r[i]) as f32);
                let end = top[l] + blocks[rblk[i]].h;
                for g in over.iter_mut().skip(l).take(reach[i] + 1) {
                    g.push((i, x0, x1, end));
                }
            }
        }
        let gap_of = |y: f32| {
            let k = top.partition_point(|&t| t <= y + 1e-3);
            k.checked_sub(1)
        };
        'edges: for e in ledges {
            let pts = &points[e.edge];
            for w in pts.windows(2) {
                if (w[0].0 - w[1].0).abs() < 1e-3 {
                    continue;
                }
                let ya = w[0].1.min(w[1].1);
                let Some(g) = gap_of(ya) else { continue };
                for &(b, x0, x1, end) in &over[g] {
                    let r = (x0 - 1.0, top[rank[b]], x1 + 1.0, end + 1.0);
                    if b != e.lower && seg_hits(w[0], w[1], r) {
                        clash = true;
                        break 'edges;
                    }
                }
            }
        }
    }

    let mut width = 0f32;
    let mut height = 0f32;
    for nd in nodes.iter() {
        width = width.max(nd.x + nd.w);
        height = height.max(nd.y + nd.h);
    }
    for p in points.iter().flatten() {
        width = width.max(p.0);
        height = height.max(p.1);
    }
    Placed {
        points,
        drop,
        width: width + MARGIN,
        height: height + MARGIN,
        saturated: cols.saturated,
        clash,
    }
}
