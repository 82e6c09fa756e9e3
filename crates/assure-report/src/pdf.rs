//! The printable PDF report (feature `pdf`): the assurance case report of
//! ISO/TS 81001-2-1 in a form fit for a regulatory submission.
//!
//! Contents, in order: a title page (title, owner, modules, version as
//! commit and content SHA-256, the date only when one is given, the
//! generator); the table of contents (with page numbers and links; the same
//! entries form the PDF outline); the dashboard (key figures, elements by
//! type, findings by severity, evidence status, six-step status, undeveloped
//! goals, assumptions by owner with external owners marked); the diagrams;
//! the registers (claims and strategies with their six-step status,
//! evidence, assumptions and justifications, glossary of context, findings)
//! as tables; the notation legend. Every page but the
//! title page has a running header (title, section) and footer (version,
//! "Page n of N").
//!
//! **Pages.** Text pages are A4 portrait with 20 mm side margins. Each
//! diagram is vector graphics (its SVG drawn by krilla-svg, text as real
//! text) and gets its own pages, chosen so that its 12 pt box text stays
//! legible, never enlarged:
//! 1. on one A4 page (portrait or landscape, whichever allows the larger
//!    scale) when it fits there at [`MIN_SCALE`] or more;
//! 2. else on one A3 page (either orientation) under the same condition;
//! 3. else *tiled*: an A3 overview page with the whole diagram scaled to fit
//!    and the numbered tile grid drawn over it, then one A3 page per tile at
//!    [`TILE_SCALE`] (orientation chosen to need fewer tiles), neighbouring
//!    tiles overlapping by [`TILE_OVERLAP`] units. Tiles that contain no box
//!    and no edge bend are left out, so the page count grows with the
//!    number of elements, not with the diagram's area.
//!
//! Pages therefore never exceed A3, far below PDF's 14,400 pt limit. The
//! overview draws the whole diagram once; each tile draws a sub-scene that
//! holds only what the tile shows (its boxes, edges and choice marks), so no
//! tile repeats the whole diagram and the file stays linear in the case size.
//!
//! **Text.** All text is DejaVu Sans (embedded, subset), measured with the
//! metrics compiled into `assure-layout`. Case text is drawn as plain text,
//! never interpreted (light Markdown shows as written); control characters
//! (C0/C1, bidirectional overrides and isolates, …) are shown as `[U+XXXX]`
//! so nothing reorders or hides what a reader sees. Table cells wrap; rows
//! taller than a page are split across pages; the header row repeats on
//! every page.
//!
//! **Determinism.** The same input gives the same bytes: no clock (the
//! creation date is written only from [`Meta::date`](crate::Meta)), and
//! krilla derives the document id from the content, not from randomness.

mod draw;
mod layout;

use crate::data::{EvidenceStatus, ReportData, kind_label};
use crate::diagrams::Diagram;
use assure_core::Severity;
use assure_core::model::ElementKind;
use assure_layout::Scene;
use layout::{
    A3, A4, ACCENT, AMBER, BODY, BOTTOM, Cell, Flow, INK, Item, MARGIN_X, MUTED, RED, RULE, SMALL,
    TOP, TocEntry, clean, fit_line, width, wrap,
};
use std::collections::BTreeMap;

/// The smallest scale at which a diagram is drawn on one page (12 pt box
/// text becomes 6 pt, the usual floor of legible print); below it the
/// diagram is tiled.
pub const MIN_SCALE: f32 = 0.5;
/// The scale of tiles (12 pt box text becomes 9 pt).
pub const TILE_SCALE: f32 = 0.75;
/// How much neighbouring tiles overlap, in diagram units.
pub const TILE_OVERLAP: f32 = 24.0;

/// Margin `assure_render::svg` puts around a scene (its default).
const SVG_MARGIN: f32 = 10.0;
/// Space above a diagram for its heading and caption.
const DIAGRAM_HEAD: f32 = 46.0;

/// The PDF report: see the module documentation for its contents and
/// layout. Errors only when the PDF cannot be written at all.
pub fn pdf(data: &ReportData, diagrams: &[Diagram], legend: &Scene) -> Result<Vec<u8>, String> {
    let mut sources: Vec<String> = Vec::with_capacity(diagrams.len() + 1);

    // The body: everything after the table of contents.
    let mut body = Flow::new(true);
    dashboard(&mut body, data);
    body.section("Diagrams");
    body.para(
        &format!(
            "{} diagram{}: one argument view per module and the architecture view. \
             A diagram is drawn on one A4 or A3 page when its text stays at least {} % \
             of its size; larger diagrams are tiled on A3 pages at {} % after an overview \
             page showing the numbered tiles.",
            diagrams.len(),
            if diagrams.len() == 1 { "" } else { "s" },
            pct(MIN_SCALE),
            pct(TILE_SCALE)
        ),
        BODY,
        false,
        INK,
    );
    for d in diagrams {
        sources.push(d.svg(true));
        let id = sources.len() - 1;
        diagram(&mut body, &mut sources, id, &d.title, &d.scene);
    }
    registers(&mut body, data);
    body.section("Notation");
    body.para(
        "Goal Structuring Notation, GSN Community Standard v3: solid arrowheads mean \
         supported by, hollow ones in context of; a dashed red line with an open arrowhead \
         challenges.",
        BODY,
        false,
        INK,
    );
    sources.push(assure_render::svg(
        legend,
        &assure_render::SvgOptions::default(),
    ));
    place_single(&mut body, sources.len() - 1, legend);

    // The title page, then the table of contents (its length depends only on
    // the number of entries: one line each).
    let mut title = Flow::new(false);
    title_page(&mut title, data);
    let toc_pages = contents(&body.toc, 0).pages.len();
    let offset = title.pages.len() + toc_pages;
    let toc_flow = contents(&body.toc, offset);
    debug_assert_eq!(toc_flow.pages.len(), toc_pages);

    let mut toc: Vec<TocEntry> = vec![TocEntry {
        level: 0,
        title: "Contents".into(),
        page: title.pages.len(),
        y: TOP,
    }];
    toc.extend(body.toc.iter().map(|e| TocEntry {
        page: e.page + offset,
        ..e.clone()
    }));
    let mut pages = title.pages;
    pages.extend(toc_flow.pages);
    pages.extend(body.pages);

    let short = |s: &str| s.chars().take(12).collect::<String>();
    let footer = match &data.meta.commit {
        Some(c) => format!(
            "commit {}{} · content SHA-256 {}",
            short(&clean(c, false)),
            if data.meta.dirty { " (modified)" } else { "" },
            short(&data.content_hash)
        ),
        None => format!("content SHA-256 {}", short(&data.content_hash)),
    };
    draw::write(
        &pages,
        &sources,
        &toc,
        &draw::DocInfo {
            title: clean(&data.title, false),
            owner: data.owner.as_deref().map(|o| clean(o, false)),
            generator: clean(&data.meta.generator, false),
            date: data.meta.date.clone(),
            footer,
        },
    )
}

fn pct(s: f32) -> u32 {
    (s * 100.0).round().clamp(0.0, 1e6) as u32
}

fn severity_color(s: Severity) -> layout::Rgb {
    match s {
        Severity::Error => RED,
        Severity::Warning => AMBER,
        _ => MUTED,
    }
}

/// The ids of elements, comma separated.
fn ids(data: &ReportData, list: &[usize]) -> String {
    let mut out = String::new();
    for &i in list {
        if let Some(e) = data.elements.get(i) {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(&e.id);
        }
    }
    out
}

fn title_page(f: &mut Flow, data: &ReportData) {
    f.new_page(A4);
    let (x, w) = f.body();
    f.y = 150.0;
    f.push(Item::Rect {
        x,
        y: 120.0,
        w: 60.0,
        h: 4.0,
        fill: Some(ACCENT),
        stroke: None,
    });
    f.text_line(x, "ASSURANCE CASE REPORT".into(), 10.0, true, MUTED, 22.0);
    let mut t = clean(&data.title, false);
    if t.chars().count() > 400 {
        t = t.chars().take(400).collect::<String>() + "…";
    }
    for line in wrap(&t, 26.0, true, w) {
        f.text_line(x, line, 26.0, true, ACCENT, 32.0);
    }
    f.space(6.0);
    f.para(
        "Assurance case of health software and health IT (ISO/TS 81001-2-1): \
         the claims, the argument, the evidence and the assumptions others must uphold.",
        10.5,
        false,
        INK,
    );
    f.space(18.0);
    let mut facts: Vec<Vec<Cell>> = Vec::new();
    if let Some(o) = &data.owner {
        facts.push(vec![Cell::bold("Owner"), Cell::plain(o)]);
    }
    let modules = data
        .modules
        .iter()
        .map(|m| match &m.owner {
            Some(o) if Some(o) != data.owner.as_ref() => format!("{} ({o})", m.name),
            _ => m.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    facts.push(vec![Cell::bold("Modules"), Cell::plain(&modules)]);
    let commit = match &data.meta.commit {
        Some(c) => format!(
            "{c}{}",
            if data.meta.dirty {
                " with uncommitted changes"
            } else {
                ""
            }
        ),
        None => "not under version control".into(),
    };
    facts.push(vec![Cell::bold("Commit"), Cell::plain(&commit)]);
    facts.push(vec![
        Cell::bold("Content SHA-256"),
        Cell::plain(&data.content_hash),
    ]);
    if let Some(d) = &data.meta.date {
        facts.push(vec![Cell::bold("Date"), Cell::plain(d)]);
    }
    facts.push(vec![
        Cell::bold("Generated by"),
        Cell::plain(&data.meta.generator),
    ]);
    f.table(1.0, &[("Report", 1.0), ("", 3.2)], facts);
    if let Some(b) = data.modules.first().and_then(|m| m.brief.as_deref()) {
        f.space(8.0);
        f.heading2("Scope", false);
        f.para(b, BODY, false, INK);
    }
}

/// The table of contents for `entries` whose pages are offset by `offset`.
fn contents(entries: &[TocEntry], offset: usize) -> Flow {
    let mut f = Flow::new(true);
    f.section = "Contents".into();
    f.new_page(A4);
    f.heading1("Contents", false);
    let (x, w) = f.body();
    for e in entries {
        let (size, bold, indent, lh) = if e.level == 0 {
            (10.5, true, 0.0, 20.0)
        } else {
            (9.0, false, 14.0, 14.5)
        };
        if e.level == 0 {
            f.need(lh + 4.0);
            f.space(4.0);
        }
        f.need(lh);
        let num = (e.page + offset + 1).to_string();
        let nw = width(&num, size, bold);
        let title = fit_line(&e.title, size, bold, w - indent - nw - 24.0);
        let tw = width(&title, size, bold);
        let y = f.y;
        let dots_from = x + indent + tw + 6.0;
        let dots_to = x + w - nw - 6.0;
        let dot = width(". ", size, false);
        if dots_to > dots_from && dot > 0.0 {
            let n = ((dots_to - dots_from) / dot).floor().min(400.0) as usize;
            let dots = ". ".repeat(n);
            let dw = width(&dots, size, false);
            f.push(Item::Text {
                x: dots_to - dw,
                y: y + size * 0.95,
                size,
                bold: false,
                color: RULE,
                text: dots,
            });
        }
        f.push(Item::Text {
            x: x + w - nw,
            y: y + size * 0.95,
            size,
            bold,
            color: INK,
            text: num,
        });
        f.push(Item::Link {
            x,
            y: y - 2.0,
            w,
            h: lh,
            page: e.page + offset,
            dest_y: e.y,
        });
        let color = if e.level == 0 { ACCENT } else { INK };
        f.text_line(x + indent, title, size, bold, color, lh);
    }
    f
}

/// Key figures as cards, then the dashboard tables.
fn dashboard(f: &mut Flow, data: &ReportData) {
    f.section("Dashboard");
    let und = data.undeveloped_goals();
    let solutions = data
        .elements
        .iter()
        .filter(|e| e.evidence.is_some())
        .count();
    let cards: [(String, &str, layout::Rgb); 5] = [
        (data.elements.len().to_string(), "elements", ACCENT),
        (
            data.findings_of(Severity::Error).to_string(),
            "errors",
            if data.findings_of(Severity::Error) > 0 {
                RED
            } else {
                ACCENT
            },
        ),
        (
            data.findings_of(Severity::Warning).to_string(),
            "warnings",
            if data.findings_of(Severity::Warning) > 0 {
                AMBER
            } else {
                ACCENT
            },
        ),
        (und.len().to_string(), "undeveloped goals", ACCENT),
        (solutions.to_string(), "solutions", ACCENT),
    ];
    let (x0, w) = f.body();
    let gap = 8.0;
    let cw = (w - gap * 4.0) / 5.0;
    f.need(58.0);
    let y = f.y;
    for (i, (n, label, color)) in cards.iter().enumerate() {
        let x = x0 + i as f32 * (cw + gap);
        f.push(Item::Rect {
            x,
            y,
            w: cw,
            h: 50.0,
            fill: Some(layout::ZEBRA),
            stroke: Some((RULE, 0.6)),
        });
        f.push(Item::Rect {
            x,
            y,
            w: 3.0,
            h: 50.0,
            fill: Some(*color),
            stroke: None,
        });
        f.push(Item::Text {
            x: x + 10.0,
            y: y + 25.0,
            size: 18.0,
            bold: true,
            color: *color,
            text: n.clone(),
        });
        f.push(Item::Text {
            x: x + 10.0,
            y: y + 40.0,
            size: 7.5,
            bold: false,
            color: MUTED,
            text: fit_line(label, 7.5, false, cw - 14.0),
        });
    }
    f.y = y + 64.0;

    f.heading2("Elements by type", true);
    let mut rows: Vec<Vec<Cell>> = data
        .counts()
        .into_iter()
        .filter(|(k, n)| *n > 0 || *k != ElementKind::Unknown)
        .map(|(k, n)| vec![Cell::plain(&kind_label(k)), Cell::plain(&n.to_string())])
        .collect();
    rows.push(vec![
        Cell::bold("Total"),
        Cell::bold(&data.elements.len().to_string()),
    ]);
    f.table(0.5, &[("Type", 3.0), ("Count", 1.0)], rows);

    f.heading2("Findings by severity", true);
    let rows: Vec<Vec<Cell>> = [Severity::Error, Severity::Warning, Severity::Hint]
        .iter()
        .map(|&s| {
            vec![
                Cell::colored(s.as_str(), severity_color(s), true),
                Cell::plain(&data.findings_of(s).to_string()),
            ]
        })
        .collect();
    f.table(0.5, &[("Severity", 3.0), ("Count", 1.0)], rows);

    f.heading2("Evidence status", true);
    let rows: Vec<Vec<Cell>> = data
        .evidence_counts()
        .into_iter()
        .map(|(s, n)| vec![Cell::plain(s.label()), Cell::plain(&n.to_string())])
        .collect();
    f.table(0.5, &[("Status", 3.0), ("Solutions", 1.0)], rows);

    f.heading2("Six-step status of goals", true);
    let rows: Vec<Vec<Cell>> = data
        .goals_by_step()
        .into_iter()
        .map(|(label, n)| vec![Cell::plain(&label), Cell::plain(&n.to_string())])
        .collect();
    f.table(0.7, &[("Reached", 4.0), ("Goals", 1.0)], rows);

    f.heading2(&format!("Undeveloped goals ({})", und.len()), true);
    if und.is_empty() {
        f.para("None.", BODY, false, INK);
    } else {
        let rows = und.iter().map(|&i| {
            let e = &data.elements[i];
            vec![
                Cell::bold(&e.id),
                Cell::plain(&e.text),
                Cell::plain(data.modules.get(e.module).map_or("", |m| m.name.as_str())),
            ]
        });
        f.table(
            1.0,
            &[("Id", 1.2), ("Statement", 4.0), ("Module", 1.4)],
            rows,
        );
    }

    f.heading2("Assumptions by owner", true);
    let groups = data.assumptions_by_owner();
    if groups.is_empty() {
        f.para("None.", BODY, false, INK);
    } else {
        f.para(
            "Assumptions upheld by another organisation than the case's owner are marked \
             external: they must be handed over to that organisation.",
            BODY,
            false,
            MUTED,
        );
        let rows = groups.iter().map(|(owner, external, list)| {
            vec![
                match owner {
                    Some(o) if *external => Cell::colored(o, RED, true),
                    Some(o) => Cell::bold(o),
                    None => Cell::plain("No owner stated"),
                },
                if *external {
                    Cell::colored("external", RED, true)
                } else {
                    Cell::plain("")
                },
                Cell::plain(&list.len().to_string()),
                Cell::plain(&ids(data, list)),
            ]
        });
        f.table(
            1.0,
            &[
                ("Owner", 2.2),
                ("", 1.0),
                ("Count", 0.8),
                ("Assumptions", 4.0),
            ],
            rows,
        );
    }
}

/// Where a diagram goes.
enum Placement {
    /// One page of this size at this scale.
    Single((f32, f32), f32),
    /// An overview page and tiles on pages of this size.
    Tiled((f32, f32)),
}

/// The drawing area of a diagram page of `size`: (x, y, w, h).
fn area(size: (f32, f32)) -> (f32, f32, f32, f32) {
    let y = TOP + DIAGRAM_HEAD;
    (
        MARGIN_X,
        y,
        size.0 - 2.0 * MARGIN_X,
        (size.1 - BOTTOM - y).max(1.0),
    )
}

/// The page (of `base` in either orientation) where (w, h) fits at the
/// largest scale (capped at 1: portrait when both allow full size), with
/// that scale.
fn best_fit(base: (f32, f32), w: f32, h: f32) -> ((f32, f32), f32) {
    let portrait = base;
    let landscape = (base.1, base.0);
    let fit = |s: (f32, f32)| {
        let (_, _, aw, ah) = area(s);
        (aw / w).min(ah / h).min(1.0)
    };
    if fit(landscape) > fit(portrait) {
        (landscape, fit(landscape))
    } else {
        (portrait, fit(portrait))
    }
}

fn placement(w: f32, h: f32) -> Placement {
    let (a4, s4) = best_fit(A4, w, h);
    if s4 >= MIN_SCALE {
        return Placement::Single(a4, s4.min(1.0));
    }
    let (a3, s3) = best_fit(A3, w, h);
    if s3 >= MIN_SCALE {
        return Placement::Single(a3, s3.min(1.0));
    }
    let count = |s: (f32, f32)| {
        let (cols, rows, _, _) = grid(s, w, h);
        cols.saturating_mul(rows)
    };
    let landscape = (A3.1, A3.0);
    if count(A3) < count(landscape) {
        Placement::Tiled(A3)
    } else {
        Placement::Tiled(landscape)
    }
}

/// Tile grid of a diagram of (w, h) units on pages of `size`: columns,
/// rows, and the tile width and height in diagram units.
fn grid(size: (f32, f32), w: f32, h: f32) -> (usize, usize, f32, f32) {
    let (_, _, aw, ah) = area(size);
    let (tw, th) = (aw / TILE_SCALE, ah / TILE_SCALE);
    let n = |total: f32, t: f32| {
        if total <= t {
            1
        } else {
            (((total - t) / (t - TILE_OVERLAP)).ceil() as usize).saturating_add(1)
        }
    };
    (n(w, tw).min(1 << 20), n(h, th).min(1 << 20), tw, th)
}

/// The diagram pages of one diagram (see the module docs).
fn diagram(f: &mut Flow, sources: &mut Vec<String>, id: usize, title: &str, scene: &Scene) {
    let (w, h) = svg_size(scene);
    let what = if scene.nodes.is_empty() {
        " (no elements)"
    } else {
        ""
    };
    match placement(w, h) {
        Placement::Single(size, scale) => {
            f.new_page(size);
            f.heading2(&diagram_title(title, size), true);
            let (_, y0, _, _) = area(size);
            f.y = f.y.min(y0 - 14.0);
            f.text_line(
                MARGIN_X,
                format!(
                    "{} nodes, {} edges, scale {} %{what}",
                    scene.nodes.len(),
                    scene.edges.len(),
                    pct(scale)
                ),
                SMALL,
                false,
                MUTED,
                12.0,
            );
            let (ax, ay, aw, ah) = area(size);
            let tx = ax + (aw - w * scale) / 2.0;
            f.push(Item::Graphic {
                id,
                scale,
                tx,
                ty: ay,
                clip: (ax - 1.0, ay - 1.0, aw + 2.0, ah + 2.0),
            });
        }
        Placement::Tiled(size) => tiled(f, sources, id, title, scene, size),
    }
}

/// "Diagram: title" on one line of a page of `size`.
fn diagram_title(title: &str, size: (f32, f32)) -> String {
    fit_line(
        &format!("Diagram: {}", clean(title, false)),
        12.0,
        true,
        size.0 - 2.0 * MARGIN_X,
    )
}

/// The size of `assure_render::svg(scene)` in units.
fn svg_size(scene: &Scene) -> (f32, f32) {
    let d = |v: f32| {
        if v.is_finite() {
            v.max(1.0) + 2.0 * SVG_MARGIN
        } else {
            1.0
        }
    };
    (d(scene.width), d(scene.height))
}

/// What a tile shows: indices into the scene's nodes, edges and choices.
#[derive(Default)]
struct TileContent {
    nodes: Vec<usize>,
    edges: Vec<usize>,
    choices: Vec<usize>,
}

/// The tiles of a diagram that hold something, by (row, column). Nodes and
/// edge segments are put in every tile their bounding box meets, choice
/// marks in the tiles of their centre.
type Tiles = BTreeMap<(usize, usize), TileContent>;

fn tiles_of(scene: &Scene, cols: usize, rows: usize, tw: f32, th: f32) -> Tiles {
    let step_x = tw - TILE_OVERLAP;
    let step_y = th - TILE_OVERLAP;
    let range = |lo: f32, hi: f32, step: f32, t: f32, n: usize| {
        let a = ((lo - t) / step).floor() + 1.0;
        let b = (hi / step).floor();
        let a = if a.is_finite() {
            a.max(0.0) as usize
        } else {
            0
        };
        let b = if b.is_finite() {
            b.max(0.0) as usize
        } else {
            0
        };
        a.min(n - 1)..=b.min(n - 1)
    };
    let mut tiles: Tiles = BTreeMap::new();
    // `what`: 0 node, 1 edge, 2 choice.
    let mut mark = |x: f32, y: f32, bw: f32, bh: f32, what: u8, i: usize| {
        let (x, y) = (x + SVG_MARGIN, y + SVG_MARGIN);
        for r in range(y, y + bh, step_y, th, rows) {
            for c in range(x, x + bw, step_x, tw, cols) {
                let t = tiles.entry((r, c)).or_default();
                let list = match what {
                    0 => &mut t.nodes,
                    1 => &mut t.edges,
                    _ => &mut t.choices,
                };
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    };
    for (i, n) in scene.nodes.iter().enumerate() {
        mark(n.x, n.y, n.w, n.h, 0, i);
    }
    for (i, e) in scene.edges.iter().enumerate() {
        for seg in e.points.windows(2) {
            let (x0, y0) = seg[0];
            let (x1, y1) = seg[1];
            mark(
                x0.min(x1),
                y0.min(y1),
                (x1 - x0).abs(),
                (y1 - y0).abs(),
                1,
                i,
            );
        }
        if let [(x, y)] = e.points[..] {
            mark(x, y, 0.0, 0.0, 1, i);
        }
    }
    for (i, c) in scene.choices.iter().enumerate() {
        mark(c.at.0 - 8.0, c.at.1 - 8.0, 16.0, 16.0, 2, i);
    }
    tiles
}

/// The part of `scene` shown on a tile whose top is at `y0` and which is
/// `th` SVG units high: its nodes, edges and choice marks, with the text
/// lines of boxes taller than a tile kept only near the tile (so that no
/// tile repeats a huge text).
fn tile_scene(base: &Scene, scene: &Scene, content: &TileContent, (y0, th): (f32, f32)) -> Scene {
    let lh = assure_layout::text::LINE_HEIGHT;
    let mut sub = base.clone();
    sub.title = scene.title.clone();
    sub.width = scene.width;
    sub.height = scene.height;
    sub.nodes = content
        .nodes
        .iter()
        .filter_map(|&i| scene.nodes.get(i))
        .map(|n| {
            let mut n = n.clone();
            if n.h > th {
                // Line k's baseline is about ty + (k + 1) · lh (the title is line 0).
                let ty = n.text_box().1 + SVG_MARGIN;
                let lo = ((y0 - ty) / lh - 3.0).floor();
                let hi = ((y0 + th - ty) / lh + 3.0).ceil();
                let lo = if lo.is_finite() {
                    lo.max(0.0) as usize
                } else {
                    0
                };
                let hi = if hi.is_finite() {
                    hi.max(0.0) as usize
                } else {
                    n.lines.len()
                };
                n.lines.truncate(hi);
                for line in n.lines.iter_mut().take(lo) {
                    line.runs.clear();
                }
            }
            n
        })
        .collect();
    sub.edges = content
        .edges
        .iter()
        .filter_map(|&i| scene.edges.get(i))
        .cloned()
        .collect();
    // A choice's edge indices refer to the whole scene; the renderer draws
    // the diamond from its centre and label only.
    sub.choices = content
        .choices
        .iter()
        .filter_map(|&i| scene.choices.get(i))
        .cloned()
        .collect();
    sub
}

/// `svg` without the empty text lines [`tile_scene`] leaves in tall boxes
/// (case text is escaped in the SVG, so the pattern is only ever markup).
fn without_blank_lines(svg: &str) -> String {
    const OPEN: &str = "<text class=\"gsntext\" xml:space=\"preserve\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(k) = rest.find(OPEN) {
        out.push_str(&rest[..k]);
        let after = &rest[k + OPEN.len()..];
        let end = after.find('>').map(|e| e + 1);
        match end {
            Some(e) if after[e..].starts_with("</text>") && !after[..e].contains('<') => {
                rest = &after[e + "</text>".len()..];
            }
            _ => {
                out.push_str(OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A scene with nothing in it, whatever fields scenes have.
fn empty_scene() -> Scene {
    assure_layout::layout(
        &assure_core::model::Case::default(),
        &assure_layout::View::Architecture,
        &assure_layout::LayoutOptions::default(),
    )
}

fn tiled(
    f: &mut Flow,
    sources: &mut Vec<String>,
    id: usize,
    title: &str,
    scene: &Scene,
    size: (f32, f32),
) {
    let (w, h) = svg_size(scene);
    let (cols, rows, tw, th) = grid(size, w, h);
    let step_x = tw - TILE_OVERLAP;
    let step_y = th - TILE_OVERLAP;
    let mut tile_map = tiles_of(scene, cols, rows, tw, th);
    if tile_map.is_empty() {
        tile_map.insert((0, 0), TileContent::default());
    }
    let tiles: Vec<(usize, usize)> = tile_map.keys().copied().collect();

    // Overview.
    let (ov_size, ov_scale) = best_fit(A3, w, h);
    let ov_scale = ov_scale.min(1.0);
    f.new_page(ov_size);
    f.heading2(&diagram_title(title, ov_size), true);
    let (_, y0, _, _) = area(ov_size);
    f.y = f.y.min(y0 - 14.0);
    f.text_line(
        MARGIN_X,
        format!(
            "{} nodes, {} edges. Overview at {} %; the numbered tiles follow at {} % on {} pages.",
            scene.nodes.len(),
            scene.edges.len(),
            pct(ov_scale),
            pct(TILE_SCALE),
            tiles.len()
        ),
        SMALL,
        false,
        MUTED,
        12.0,
    );
    let (ax, ay, aw, ah) = area(ov_size);
    let tx = ax + (aw - w * ov_scale) / 2.0;
    f.push(Item::Graphic {
        id,
        scale: ov_scale,
        tx,
        ty: ay,
        clip: (ax - 1.0, ay - 1.0, aw + 2.0, ah + 2.0),
    });
    let label = (7.0f32).min(step_y * ov_scale * 0.5).max(1.0);
    for (k, &(r, c)) in tiles.iter().enumerate() {
        let x = tx + c as f32 * step_x * ov_scale;
        let y = ay + r as f32 * step_y * ov_scale;
        let rw = (tw.min(w - c as f32 * step_x)) * ov_scale;
        let rh = (th.min(h - r as f32 * step_y)) * ov_scale;
        f.push(Item::Rect {
            x,
            y,
            w: rw,
            h: rh,
            fill: None,
            stroke: Some((ACCENT, 0.5)),
        });
        if tiles.len() <= 2000 {
            f.push(Item::Text {
                x: x + 1.5,
                y: y + label + 1.0,
                size: label,
                bold: true,
                color: ACCENT,
                text: (k + 1).to_string(),
            });
        }
    }

    // Tiles: each its own SVG of what it shows, so that no page carries
    // (and no text extraction repeats) the whole diagram.
    let base = empty_scene();
    let (ax, ay, aw, ah) = area(size);
    for (k, &(r, c)) in tiles.iter().enumerate() {
        f.new_page(size);
        f.text_line(
            MARGIN_X,
            diagram_title(title, size),
            12.0,
            true,
            ACCENT,
            18.0,
        );
        f.y = f.y.min(ay - 14.0);
        f.text_line(
            MARGIN_X,
            format!(
                "Tile {} of {} — row {}, column {} of {} × {} — scale {} %",
                k + 1,
                tiles.len(),
                r + 1,
                c + 1,
                rows,
                cols,
                pct(TILE_SCALE)
            ),
            SMALL,
            false,
            MUTED,
            12.0,
        );
        let x0 = c as f32 * step_x;
        let y0 = r as f32 * step_y;
        let empty = TileContent::default();
        let content = tile_map.get(&(r, c)).unwrap_or(&empty);
        let sub = tile_scene(&base, scene, content, (y0, th));
        sources.push(without_blank_lines(&assure_render::svg(
            &sub,
            &assure_render::SvgOptions::default(),
        )));
        f.push(Item::Graphic {
            id: sources.len() - 1,
            scale: TILE_SCALE,
            tx: ax - x0 * TILE_SCALE,
            ty: ay - y0 * TILE_SCALE,
            clip: (ax, ay, aw, ah),
        });
        f.push(Item::Rect {
            x: ax,
            y: ay,
            w: aw,
            h: ah,
            fill: None,
            stroke: Some((RULE, 0.5)),
        });
    }
}

/// The legend (or any small scene) below the cursor on the current page, or
/// on a new page when it would be too small there.
fn place_single(f: &mut Flow, id: usize, scene: &Scene) {
    let y = f.y;
    let (w, h) = svg_size(scene);
    let (x0, bw) = f.body();
    let mut top = y + 6.0;
    let mut avail = f.bottom() - top;
    let mut scale = (bw / w).min(avail / h).min(1.0);
    if scale < MIN_SCALE {
        f.new_page(A4);
        top = TOP;
        avail = f.bottom() - top;
        scale = (bw / w).min(avail / h).min(1.0);
    }
    if !(scale.is_finite() && scale > 0.0) {
        return;
    }
    f.push(Item::Graphic {
        id,
        scale,
        tx: x0 + (bw - w * scale) / 2.0,
        ty: top,
        clip: (x0 - 1.0, top - 1.0, bw + 2.0, avail + 2.0),
    });
    f.y = top + h * scale + 8.0;
}

/// The registers.
fn registers(f: &mut Flow, data: &ReportData) {
    f.section("Claims and strategies");
    let claims = data.of_kinds(&[
        ElementKind::Goal,
        ElementKind::Strategy,
        ElementKind::CounterGoal,
    ]);
    if claims.is_empty() {
        f.para("No goals or strategies.", BODY, false, INK);
    } else {
        f.para(
            "Every claim and strategy of the argument with its full statement, what \
             supports it and, for goals, how far the six steps of TS 5.2 are done.",
            BODY,
            false,
            MUTED,
        );
        let rows = claims.iter().map(|&i| {
            let e = &data.elements[i];
            let mut status = match &e.steps {
                Some(st) => st.label(e.undeveloped),
                None if e.undeveloped => "undeveloped".into(),
                None => String::new(),
            };
            if e.defeated {
                if !status.is_empty() {
                    status.push_str("; ");
                }
                status.push_str("defeated");
            }
            let done = e.steps.as_ref().is_some_and(|st| st.reached > 6);
            vec![
                Cell::bold(&e.id),
                Cell::plain(&e.text),
                Cell::plain(data.modules.get(e.module).map_or("", |m| m.name.as_str())),
                Cell::plain(&ids(data, &e.supported_by)),
                if done || status.is_empty() {
                    Cell::plain(&status)
                } else {
                    Cell::colored(&status, AMBER, false)
                },
            ]
        });
        f.table(
            1.0,
            &[
                ("Id", 0.9),
                ("Statement", 3.4),
                ("Module", 1.1),
                ("Supported by", 1.4),
                ("Status", 1.6),
            ],
            rows,
        );
    }

    f.section("Evidence register");
    let sol = data.of_kinds(&[ElementKind::Solution, ElementKind::CounterSolution]);
    if sol.is_empty() {
        f.para("No solutions.", BODY, false, INK);
    } else {
        let rows = sol.iter().map(|&i| {
            let e = &data.elements[i];
            let status = e.evidence.map_or("counter evidence", |s| s.label());
            vec![
                Cell::bold(&e.id),
                Cell::plain(&e.text),
                Cell::plain(e.url.as_deref().or(e.unsafe_url.as_deref()).unwrap_or("")),
                Cell::plain(&ids(
                    data,
                    if e.kind == ElementKind::CounterSolution {
                        &e.challenges
                    } else {
                        &e.supports
                    },
                )),
                owner_cell(e.owner.as_deref(), e.external),
                match e.evidence {
                    Some(EvidenceStatus::Referenced) => Cell::plain(status),
                    Some(EvidenceStatus::Defeated) => Cell::colored(status, RED, true),
                    Some(_) => Cell::colored(status, AMBER, true),
                    None => Cell::plain(status),
                },
            ]
        });
        f.table(
            1.0,
            &[
                ("Id", 0.9),
                ("Solution", 3.0),
                ("Reference", 2.0),
                ("Supports", 1.0),
                ("Owner", 1.3),
                ("Status", 1.3),
            ],
            rows,
        );
    }

    f.section("Assumptions and justifications");
    let aj = data.of_kinds(&[ElementKind::Assumption, ElementKind::Justification]);
    if aj.is_empty() {
        f.para("No assumptions or justifications.", BODY, false, INK);
    } else {
        let rows = aj.iter().map(|&i| {
            let e = &data.elements[i];
            vec![
                Cell::bold(&e.id),
                Cell::plain(&kind_label(e.kind)),
                Cell::plain(&e.text),
                owner_cell(e.owner.as_deref(), e.external),
                Cell::plain(&ids(data, &e.context_of)),
            ]
        });
        f.table(
            1.0,
            &[
                ("Id", 1.0),
                ("Type", 1.2),
                ("Statement", 4.0),
                ("Owner", 1.6),
                ("Applies to", 1.3),
            ],
            rows,
        );
    }

    f.section("Glossary of context");
    let ctx = data.of_kinds(&[ElementKind::Context]);
    if ctx.is_empty() {
        f.para("No context elements.", BODY, false, INK);
    } else {
        let rows = ctx.iter().map(|&i| {
            let e = &data.elements[i];
            vec![
                Cell::bold(&e.id),
                Cell::plain(&e.text),
                Cell::plain(&ids(data, &e.context_of)),
            ]
        });
        f.table(
            1.0,
            &[("Id", 1.0), ("Definition", 5.0), ("Applies to", 1.6)],
            rows,
        );
    }

    f.section("Findings");
    if data.findings.is_empty() {
        f.para("The checker reported no findings.", BODY, false, INK);
    } else {
        let rows = data.findings.iter().map(|x| {
            vec![
                Cell::colored(x.severity.as_str(), severity_color(x.severity), true),
                Cell::plain(&x.code),
                Cell::plain(
                    x.element
                        .and_then(|e| data.elements.get(e))
                        .map_or("", |e| e.id.as_str()),
                ),
                Cell::plain(&x.message),
                Cell::plain(&format!(
                    "{}:{}:{}",
                    x.location.0, x.location.1, x.location.2
                )),
            ]
        });
        f.table(
            1.0,
            &[
                ("Severity", 1.1),
                ("Code", 0.8),
                ("Element", 1.1),
                ("Message", 4.2),
                ("Location", 2.0),
            ],
            rows,
        );
    }
}

fn owner_cell(owner: Option<&str>, external: bool) -> Cell {
    match owner {
        Some(o) if external => {
            let mut c = Cell::colored(o, RED, true);
            c.text.push_str(" (external)");
            c
        }
        Some(o) => Cell::plain(o),
        None => Cell::plain(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_of_tile_scenes_is_empty() {
        let s = empty_scene();
        assert!(s.nodes.is_empty() && s.edges.is_empty());
    }

    #[test]
    fn tiles_hold_what_they_show() {
        let loaded = assure_core::load::load_str(&[(
            "a.gsn.yaml",
            "G1:\n  text: top\n  supportedBy: [S1]\nS1:\n  text: how\n  supportedBy: [G2, G3]\n\
             G2:\n  text: left\nG3:\n  text: right\n",
        )]);
        let scene = crate::diagrams(&loaded.case).remove(0).scene;
        let (w, h) = svg_size(&scene);
        // Tiles a quarter of the diagram: every node is in some tile.
        let (tw, th) = (w / 2.0 + TILE_OVERLAP, h / 2.0 + TILE_OVERLAP);
        let tiles = tiles_of(&scene, 2, 2, tw, th);
        let mut seen: Vec<usize> = tiles.values().flat_map(|t| t.nodes.clone()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..scene.nodes.len()).collect::<Vec<_>>());
        let one = TileContent {
            nodes: vec![0],
            ..TileContent::default()
        };
        let sub = tile_scene(&empty_scene(), &scene, &one, (0.0, th));
        assert_eq!(sub.nodes.len(), 1);
        assert_eq!(sub.width, scene.width);
    }

    #[test]
    fn blank_text_lines_are_removed() {
        let svg = "<g><text class=\"gsntext\" xml:space=\"preserve\" x=\"1\" y=\"2\"></text>\
                   <text class=\"gsntext\" xml:space=\"preserve\" x=\"1\" y=\"3\"><tspan>a</tspan></text></g>";
        assert_eq!(
            without_blank_lines(svg),
            "<g><text class=\"gsntext\" xml:space=\"preserve\" x=\"1\" y=\"3\"><tspan>a</tspan></text></g>"
        );
    }

    #[test]
    fn placement_prefers_one_page_and_tiles_large_diagrams() {
        assert!(matches!(placement(300.0, 200.0), Placement::Single(A4, s) if s == 1.0));
        match placement(1200.0, 500.0) {
            Placement::Single(size, s) => {
                assert_eq!(size, (A4.1, A4.0));
                assert!((MIN_SCALE..1.0).contains(&s));
            }
            Placement::Tiled(_) => panic!("fits A4 landscape"),
        }
        assert!(
            matches!(placement(1600.0, 700.0), Placement::Single(size, _) if size == (A3.1, A3.0))
        );
        assert!(matches!(placement(50_000.0, 900.0), Placement::Tiled(_)));
        let (cols, rows, tw, _) = grid((A3.1, A3.0), 50_000.0, 900.0);
        assert!(cols as f32 * (tw - TILE_OVERLAP) >= 50_000.0 - tw);
        assert!(rows >= 1);
    }
}
