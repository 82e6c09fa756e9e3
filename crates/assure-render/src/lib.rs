//! Draws a laid-out GSN diagram ([`assure_layout::Scene`]) in the notation of
//! the GSN Community Standard v3: [`svg`] always; [`png`] (resvg) and [`pdf`]
//! (krilla) behind the `png` / `pdf` features, so that building the SVG side
//! never compiles a rasteriser.
//!
//! The SVG is deterministic (byte-identical for the same scene; no clocks,
//! no hash-map order), standalone SVG 1.1 with a `viewBox`, and uses gsn2x's
//! documented CSS class names (`gsndiagram`, `gsnelem`, `gsngoal`,
//! `gsnstgy`, `gsnsltn`, `gsnctxt`, `gsnasmp`, `gsnjust`, `gsnaway…`,
//! `gsnmodule`, `gsn_module_<name>`, `gsn_undeveloped`, `gsnedge`,
//! `gsnspby`, `gsninctxt`, plus the element's own `classes:` and
//! `gsnlay_<layer>` from the layout), so users' stylesheets still apply.
//! Our additions: `gsncounter`, `gsncountergoal`, `gsncountersltn`,
//! `gsnchallenge`, `gsnmoddep`, `gsndefeated`, `gsn_uninstantiated`,
//! `gsnacp`, and the parts `gsnshape`, `gsnid`, `gsntext`, `gsnmodname`,
//! `gsnletter`, `gsndeco`, `gsncross`.
//!
//! Security invariant: every string of the case goes through
//! [`escape`](mod@escape); links are emitted only for `http`, `https` and
//! `mailto` URLs, re-checked here.

pub mod escape;
#[cfg(any(feature = "png", feature = "pdf"))]
mod raster;

#[cfg(feature = "pdf")]
pub use raster::pdf;
#[cfg(feature = "png")]
pub use raster::png;

use assure_layout::scene::{
    BALL_RADIUS, CHOICE_HALF, ChoiceMark, DECORATION_HEIGHT, LETTER_SIZE, MODULE_TAB, Shape,
};
use assure_layout::text::{ASCENT, DESCENT, FONT_FAMILY, FONT_SIZE, LINE_HEIGHT};
use assure_layout::{EdgeKind, NodeKind, Scene, SceneEdge, SceneNode, TextLine};
use escape::{class_token, escape, fragment, push_escaped, safe_url};
use std::collections::HashSet;
use std::fmt::Write;

/// A user stylesheet for the SVG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stylesheet {
    /// Linked with `@import url("…")` in a `<style>` element after the
    /// default style (so that, at equal specificity, its rules win); the URL
    /// is written as given (relative to the SVG file when relative).
    Link(String),
    /// CSS text embedded in a `<style>` element (after the default style, so
    /// its rules win).
    Inline(String),
}

/// Options of [`svg`].
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// User stylesheets, linked or embedded, in order.
    pub stylesheets: Vec<Stylesheet>,
    /// Embed the default GSN look (white fills, black strokes, DejaVu Sans).
    pub default_style: bool,
    /// Blank space around the scene, in units (the scene's coordinates are
    /// kept: the `viewBox` starts at `-margin`).
    pub margin: f32,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            stylesheets: Vec::new(),
            default_style: true,
            margin: 10.0,
        }
    }
}

/// Why a PNG or PDF could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderError {
    /// The SVG did not parse (only with SVG not made by [`svg`]).
    Svg(String),
    /// The bitmap would be too large (width × height in pixels).
    TooLarge {
        /// Pixels.
        width: u32,
        /// Pixels.
        height: u32,
    },
    /// The PDF writer failed.
    Pdf(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Svg(e) => write!(f, "cannot read the SVG: {e}"),
            RenderError::TooLarge { width, height } => write!(
                f,
                "the diagram is too large for a bitmap ({width} × {height} px); use SVG or PDF, a smaller --scale, or a focused view"
            ),
            RenderError::Pdf(e) => write!(f, "cannot write the PDF: {e}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Largest bitmap [`png`](fn@png) makes, in pixels (256 MiB of RGBA).
pub const MAX_PNG_PIXELS: u64 = 64 * 1024 * 1024;
/// Longest side of a bitmap [`png`](fn@png) makes, in pixels.
pub const MAX_PNG_SIDE: u32 = 32_000;

/// Largest side of a PDF page, in points: the limit of Acrobat and most
/// viewers (200 inches; PDF 1.7, annex C).
pub const MAX_PDF_PAGE: f32 = 14_400.0;

/// Points per unit of a PDF page for a `w` × `h` drawing (the SVG's size, margin
/// included): 1, or less so that neither side exceeds [`MAX_PDF_PAGE`].
pub fn pdf_scale(w: f32, h: f32) -> f32 {
    let side = w.max(h);
    if side.is_finite() && side > MAX_PDF_PAGE {
        MAX_PDF_PAGE / side
    } else {
        1.0
    }
}

/// The largest scale up to `wanted` at which an SVG of `width` × `height`
/// units (as in its `width` / `height` attributes) fits the bitmap limits.
pub fn png_fit_scale(width: f32, height: f32, wanted: f32) -> f32 {
    let (w, h) = (width.max(1.0) as f64, height.max(1.0) as f64);
    let by_area = ((MAX_PNG_PIXELS as f64) / (w * h)).sqrt() * 0.99;
    let by_side = f64::from(MAX_PNG_SIDE - 1) / w.max(h);
    (f64::from(wanted).min(by_area).min(by_side)) as f32
}

/// The default stylesheet: the look of the standard's figures.
pub const DEFAULT_CSS: &str = "\
svg.gsndiagram{background:#fff}
.gsndiagram text{font-family:'DejaVu Sans',sans-serif;font-size:12px;font-kerning:none;font-variant-ligatures:none;fill:#000;stroke:none}
.gsnshape{fill:#fff;stroke:#000;stroke-width:1}
.gsnid{font-weight:bold}
.gsnb{font-weight:bold}
.gsni{font-style:italic}
.gsnlink{fill:#0645ad;text-decoration:underline}
.gsnband{fill:none;stroke:#000;stroke-width:1}
.gsnmodname{fill:#333}
.gsnletter{font-weight:bold}
.gsndeco{fill:#fff;stroke:#000;stroke-width:1}
.gsntrunc{fill:#000;stroke:none}
.gsncounter>.gsnshape,.gsncounter>a>.gsnshape{stroke:#c00000;stroke-width:1.5;stroke-dasharray:6 3}
.gsncross{fill:none;stroke:#c00000;stroke-width:2.5}
.gsnedge{fill:none;stroke:#000;stroke-width:1}
.gsnchallenge{stroke:#c00000;stroke-dasharray:6 4}
.gsnacp{fill:#000;stroke:none}
.gsndiagram text.gsnacplabel{font-size:9px}
.gsnmultiplicity,.gsnchoice{fill:#000;stroke:#000;stroke-width:1}
.gsnoptional{fill:#fff;stroke:#000;stroke-width:1}
.gsndiagram text.gsnlinklabel{font-size:10px}
";

const MARKERS: &str = "\
<marker id=\"gsnarrow-solid\" class=\"gsnarrow\" markerUnits=\"userSpaceOnUse\" viewBox=\"-1 -1 14 12\" markerWidth=\"14\" markerHeight=\"12\" refX=\"12\" refY=\"5\" orient=\"auto\"><path d=\"M0,0L12,5L0,10Z\" fill=\"#000\" stroke=\"#000\" stroke-width=\"1\" stroke-linejoin=\"round\"/></marker>
<marker id=\"gsnarrow-hollow\" class=\"gsnarrow\" markerUnits=\"userSpaceOnUse\" viewBox=\"-1 -1 14 12\" markerWidth=\"14\" markerHeight=\"12\" refX=\"12\" refY=\"5\" orient=\"auto\"><path d=\"M0,0L12,5L0,10Z\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1\" stroke-linejoin=\"round\"/></marker>
<marker id=\"gsnarrow-open\" class=\"gsnarrow\" markerUnits=\"userSpaceOnUse\" viewBox=\"-1 -1 14 12\" markerWidth=\"14\" markerHeight=\"12\" refX=\"12\" refY=\"5\" orient=\"auto\"><path d=\"M0,0L12,5L0,10\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\" stroke-linejoin=\"round\"/></marker>
<marker id=\"gsnarrow-open-red\" class=\"gsnarrow\" markerUnits=\"userSpaceOnUse\" viewBox=\"-1 -1 14 12\" markerWidth=\"14\" markerHeight=\"12\" refX=\"12\" refY=\"5\" orient=\"auto\"><path d=\"M0,0L12,5L0,10\" fill=\"none\" stroke=\"#c00000\" stroke-width=\"1\" stroke-linejoin=\"round\"/></marker>
";

/// A number as SVG wants it: at most two decimals, no trailing zeros, no `-0`.
fn num(out: &mut String, v: f32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let c = (f64::from(v) * 100.0).round() as i64;
    if c < 0 {
        out.push('-');
    }
    let a = c.unsigned_abs();
    let _ = write!(out, "{}", a / 100);
    let frac = a % 100;
    if frac != 0 {
        if frac.is_multiple_of(10) {
            let _ = write!(out, ".{}", frac / 10);
        } else {
            let _ = write!(out, ".{frac:02}");
        }
    }
}

/// Appends ` name="v"`.
fn attr(out: &mut String, name: &str, v: f32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num(out, v);
    out.push('"');
}

/// Base classes of a node kind (gsn2x's names first).
fn kind_classes(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Goal => "gsngoal",
        NodeKind::Strategy => "gsnstgy",
        NodeKind::Solution => "gsnsltn",
        NodeKind::Context => "gsnctxt",
        NodeKind::Assumption => "gsnasmp",
        NodeKind::Justification => "gsnjust",
        NodeKind::CounterGoal => "gsngoal gsncounter gsncountergoal",
        NodeKind::CounterSolution => "gsnsltn gsncounter gsncountersltn",
        NodeKind::AwayGoal => "gsnawaygoal",
        NodeKind::AwaySolution => "gsnawaysltn",
        NodeKind::AwayContext => "gsnawayctxt",
        NodeKind::AwayAssumption => "gsnawayasmp",
        NodeKind::AwayJustification => "gsnawayjust",
        NodeKind::Module => "gsnmodule",
        NodeKind::ModuleRef => "gsnmoduleref",
        NodeKind::ContractRef => "gsnmoduleref gsncontractref",
    }
}

fn is_away(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::AwayGoal
            | NodeKind::AwaySolution
            | NodeKind::AwayContext
            | NodeKind::AwayAssumption
            | NodeKind::AwayJustification
    )
}

/// The rectangle where text lines go.
fn text_box(n: &SceneNode) -> (f32, f32, f32, f32) {
    n.text_box()
}

/// Baseline of line `i` of a text box whose top is `top`.
fn baseline(top: f32, i: usize) -> f32 {
    top + i as f32 * LINE_HEIGHT + (LINE_HEIGHT - (ASCENT + DESCENT)) / 2.0 + ASCENT
}

/// Where a horizontal line at height `y` crosses the shape: `(left, right)`.
fn chord(shape: &Shape, y: f32) -> (f32, f32) {
    match *shape {
        Shape::Rect { x, w, .. } | Shape::RoundRect { x, w, .. } => (x, x + w),
        Shape::Parallelogram {
            x,
            y: top,
            w,
            h,
            skew,
        } => {
            let t = if h > 0.0 {
                ((y - top) / h).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (x + skew * (1.0 - t), x + w - skew * t)
        }
        Shape::Circle { cx, cy, r } => {
            let d = (r * r - (y - cy).powi(2)).max(0.0).sqrt();
            (cx - d, cx + d)
        }
        Shape::Ellipse { cx, cy, rx, ry } => {
            let t = ((y - cy) / ry).clamp(-1.0, 1.0);
            let d = rx * (1.0 - t * t).max(0.0).sqrt();
            (cx - d, cx + d)
        }
    }
}

fn bbox(shape: &Shape) -> (f32, f32, f32, f32) {
    match *shape {
        Shape::Rect { x, y, w, h }
        | Shape::RoundRect { x, y, w, h, .. }
        | Shape::Parallelogram { x, y, w, h, .. } => (x, y, w, h),
        Shape::Circle { cx, cy, r } => (cx - r, cy - r, 2.0 * r, 2.0 * r),
        Shape::Ellipse { cx, cy, rx, ry } => (cx - rx, cy - ry, 2.0 * rx, 2.0 * ry),
    }
}

fn draw_shape(out: &mut String, shape: &Shape) {
    match *shape {
        Shape::Rect { x, y, w, h } => {
            out.push_str("<rect class=\"gsnshape\"");
            attr(out, "x", x);
            attr(out, "y", y);
            attr(out, "width", w);
            attr(out, "height", h);
            out.push_str("/>");
        }
        Shape::RoundRect { x, y, w, h, r } => {
            let r = r.min(w / 2.0).min(h / 2.0);
            out.push_str("<rect class=\"gsnshape\"");
            attr(out, "x", x);
            attr(out, "y", y);
            attr(out, "width", w);
            attr(out, "height", h);
            attr(out, "rx", r);
            attr(out, "ry", r);
            out.push_str("/>");
        }
        Shape::Parallelogram { x, y, w, h, skew } => {
            out.push_str("<path class=\"gsnshape\" d=\"M");
            poly(
                out,
                &[(x + skew, y), (x + w, y), (x + w - skew, y + h), (x, y + h)],
            );
            out.push_str("Z\"/>");
        }
        Shape::Circle { cx, cy, r } => {
            out.push_str("<circle class=\"gsnshape\"");
            attr(out, "cx", cx);
            attr(out, "cy", cy);
            attr(out, "r", r);
            out.push_str("/>");
        }
        Shape::Ellipse { cx, cy, rx, ry } => {
            out.push_str("<ellipse class=\"gsnshape\"");
            attr(out, "cx", cx);
            attr(out, "cy", cy);
            attr(out, "rx", rx);
            attr(out, "ry", ry);
            out.push_str("/>");
        }
    }
}

/// `x,y L x,y L …` (after an `M`).
fn poly(out: &mut String, pts: &[(f32, f32)]) {
    for (i, (x, y)) in pts.iter().enumerate() {
        if i > 0 {
            out.push('L');
        }
        num(out, *x);
        out.push(',');
        num(out, *y);
    }
}

fn polygon(out: &mut String, class: &str, pts: &[(f32, f32)]) {
    let _ = write!(out, "<path class=\"{class}\" d=\"M");
    poly(out, pts);
    out.push_str("Z\"/>");
}

fn line(out: &mut String, class: &str, a: (f32, f32), b: (f32, f32)) {
    let _ = write!(out, "<path class=\"{class}\" d=\"M");
    poly(out, &[a, b]);
    out.push_str("\"/>");
}

/// A cross centred at `(cx, cy)`, half-size `s`.
fn cross(out: &mut String, (x, y, w, h): (f32, f32, f32, f32)) {
    out.push_str("<path class=\"gsncross\" d=\"M");
    poly(out, &[(x, y), (x + w, y + h)]);
    out.push('M');
    poly(out, &[(x + w, y), (x, y + h)]);
    out.push_str("\"/>");
}

/// One laid-out line of text at `(x, baseline)`; runs become `<tspan>`s,
/// safe links `<a>`s (unless `links` is false: no nested anchors).
fn text_line(out: &mut String, x: f32, y: f32, l: &TextLine, links: bool) {
    out.push_str("<text class=\"gsntext\" xml:space=\"preserve\"");
    attr(out, "x", x + l.indent);
    attr(out, "y", y);
    out.push('>');
    for r in &l.runs {
        let mut class = String::new();
        if r.bold {
            class.push_str("gsnb ");
        }
        if r.italic {
            class.push_str("gsni ");
        }
        let href = r.link.as_deref().and_then(safe_url);
        if href.is_some() {
            class.push_str("gsnlink ");
        }
        let anchor = links && href.is_some();
        if let (true, Some(h)) = (anchor, href) {
            let h = escape(h);
            let _ = write!(out, "<a href=\"{h}\" xlink:href=\"{h}\">");
        }
        if class.is_empty() {
            out.push_str("<tspan>");
        } else {
            let _ = write!(out, "<tspan class=\"{}\">", class.trim_end());
        }
        push_escaped(out, &r.text);
        out.push_str("</tspan>");
        if anchor {
            out.push_str("</a>");
        }
    }
    out.push_str("</text>");
}

fn plain_text(n: &SceneNode) -> String {
    let mut s = String::new();
    for l in &n.lines {
        if !s.is_empty() {
            s.push(' ');
        }
        for r in &l.runs {
            s.push_str(&r.text);
        }
    }
    s
}

fn node(out: &mut String, n: &SceneNode, ids: &mut HashSet<String>) {
    // Ids are unique per SVG (an away element may share its id with a local one).
    let mut id = n.id.clone();
    let mut k = 2;
    while ids.contains(&id) {
        id = format!("{}~{k}", n.id);
        k += 1;
    }
    ids.insert(id.clone());

    out.push_str("<g id=\"");
    push_escaped(out, &id);
    out.push_str("\" class=\"gsnelem ");
    out.push_str(kind_classes(n.kind));
    let d = &n.decorations;
    // Away counter elements keep their counter styling.
    match n.kind {
        NodeKind::AwayGoal if d.counter => out.push_str(" gsncounter gsncountergoal"),
        NodeKind::AwaySolution if d.counter => out.push_str(" gsncounter gsncountersltn"),
        _ => {}
    }
    if d.undeveloped {
        out.push_str(" gsn_undeveloped");
    }
    if d.uninstantiated {
        out.push_str(" gsn_uninstantiated");
    }
    if d.defeated {
        out.push_str(" gsndefeated");
    }
    if d.public {
        out.push_str(" gsn_public");
    }
    if let Some(m) = &n.module {
        out.push_str(" gsn_module_");
        out.push_str(&class_token(m));
    }
    for c in &n.classes {
        out.push(' ');
        out.push_str(&class_token(c));
    }
    out.push_str("\"><title>");
    push_escaped(out, &n.title);
    let text = plain_text(n);
    if !text.is_empty() {
        out.push_str(": ");
        push_escaped(out, &text);
    }
    out.push_str("</title>");

    // The link: away elements and module boxes to their module's view,
    // others to their `url:` when it is safe.
    let href = match (&n.module, is_away(n.kind) || n.kind.has_tab()) {
        (Some(m), true) => {
            let mut h = escape::file_stem(m);
            h.push_str(".svg");
            if !n.kind.has_tab() {
                h.push('#');
                h.push_str(&fragment(&n.id));
            }
            Some(h)
        }
        _ => n.url.as_deref().and_then(safe_url).map(str::to_string),
    };
    if let Some(h) = &href {
        let h = escape(h);
        let _ = write!(out, "<a href=\"{h}\" xlink:href=\"{h}\">");
    }

    let shape = n.shape();
    if n.kind.has_tab() {
        // Folder: a tab above the body.
        let (x, y, w, _) = bbox(&shape);
        let tab = (w * 0.4).min(80.0);
        out.push_str("<rect class=\"gsnshape gsntab\"");
        attr(out, "x", x);
        attr(out, "y", y - MODULE_TAB);
        attr(out, "width", tab);
        attr(out, "height", MODULE_TAB);
        out.push_str("/>");
    }
    draw_shape(out, &shape);
    if n.kind == NodeKind::ContractRef {
        // A contract: a second line just under the top edge.
        let (x, y, w, _) = bbox(&shape);
        line(
            out,
            "gsnband gsncontractline",
            (x, y + 3.0),
            (x + w, y + 3.0),
        );
    }
    if d.public {
        // Public indicator: a small folder on the shape's upper right, in
        // the strip above it.
        // On round shapes it sits on the outline at 45°, outside it.
        let (l, y) = match shape {
            Shape::Circle { cx, cy, r } => (cx + r * 0.707, cy - r * 0.707),
            Shape::Ellipse { cx, cy, rx, ry } => (cx + rx * 0.707, cy - ry * 0.707),
            _ => {
                let (x, y, w, _) = bbox(&shape);
                (((x + w).min(n.x + n.w) - 18.0).max(n.x), y)
            }
        };
        out.push_str("<path class=\"gsndeco gsnpublic\" d=\"M");
        poly(
            out,
            &[
                (l, y),
                (l, y - MODULE_TAB),
                (l + 6.0, y - MODULE_TAB),
                (l + 7.5, y - MODULE_TAB + 3.0),
                (l + 14.0, y - MODULE_TAB + 3.0),
                (l + 14.0, y),
            ],
        );
        out.push_str("Z\"/>");
    }

    let (tx, ty, _tw, th) = text_box(n);
    out.push_str("<text class=\"gsnid\" xml:space=\"preserve\"");
    attr(out, "x", tx);
    attr(out, "y", baseline(ty, 0));
    out.push('>');
    push_escaped(out, &n.title);
    out.push_str("</text>");
    if href.is_some() {
        out.push_str("</a>");
    }
    for (i, l) in n.lines.iter().enumerate() {
        text_line(out, tx, baseline(ty, i + 1), l, href.is_none());
    }
    if n.has_module_line() {
        // The module compartment: a band across the shape with the module name.
        let yb = ty + th - LINE_HEIGHT;
        let (l, r) = chord(&shape, yb);
        line(out, "gsnband", (l, yb), (r, yb));
        if let Some(m) = &n.module {
            out.push_str("<text class=\"gsnmodname\" xml:space=\"preserve\"");
            attr(out, "x", tx);
            attr(out, "y", baseline(yb, 0));
            out.push('>');
            push_escaped(out, m);
            out.push_str("</text>");
        }
    }
    if n.has_letter() {
        let letter = match n.kind {
            NodeKind::Assumption | NodeKind::AwayAssumption => "A",
            _ => "J",
        };
        // Just outside the ellipse's lower right, inside the box's letter column.
        let (bx, by, bw, bh) = bbox(&shape);
        let (cx, cy, rx, ry) = (bx + bw / 2.0, by + bh / 2.0, bw / 2.0, bh / 2.0);
        let lx = (cx + 0.72 * rx + LETTER_SIZE / 2.0).min(n.x + n.w - LETTER_SIZE / 2.0);
        let ly = (cy + 0.72 * ry + ASCENT).min(by + bh);
        out.push_str("<text class=\"gsnletter\" text-anchor=\"middle\"");
        attr(out, "x", lx);
        attr(out, "y", ly);
        out.push('>');
        out.push_str(letter);
        out.push_str("</text>");
    }

    // Decorations below the shape, in the reserved strip.
    let (cx, b) = shape.bottom_point();
    let s = (DECORATION_HEIGHT - 2.0) / 2.0;
    if d.undeveloped {
        polygon(
            out,
            "gsndeco gsnundeveloped",
            &[(cx, b), (cx + s, b + s), (cx, b + 2.0 * s), (cx - s, b + s)],
        );
    }
    if d.uninstantiated {
        let pts = if d.undeveloped {
            [
                (cx, b + s),
                (cx + s / 2.0, b + 1.5 * s),
                (cx - s / 2.0, b + 1.5 * s),
            ]
        } else {
            [(cx, b), (cx + s, b + 2.0 * s), (cx - s, b + 2.0 * s)]
        };
        polygon(out, "gsndeco gsnuninstantiated", &pts);
    }
    if d.truncated && !d.undeveloped && !d.uninstantiated {
        for dx in [-6.0, 0.0, 6.0] {
            out.push_str("<circle class=\"gsntrunc\"");
            attr(out, "cx", cx + dx);
            attr(out, "cy", b + s);
            out.push_str(" r=\"1.5\"/>");
        }
    }
    if d.defeated {
        cross(out, bbox(&shape));
    }
    // Assurance claim points on the element: at its upper right (the
    // corner of rectangles, the outline at 45° on circles and ellipses).
    let (mut ax, ay) = match shape {
        Shape::Circle { cx, cy, r } => (cx + r * 0.707 + 4.0, cy - r * 0.707 + 4.0),
        Shape::Ellipse { cx, cy, rx, ry } => (cx + rx * 0.707 + 4.0, cy - ry * 0.707 + 4.0),
        _ => {
            let (bx, by, bw, _) = bbox(&shape);
            (bx + bw, by + 4.0)
        }
    };
    for acp in &d.acps {
        acp_mark(out, (ax - 4.0, ay), acp, true);
        ax -= 8.0 + assure_layout::text::text_width(acp, false) * 0.75 + 6.0;
    }
    out.push_str("</g>\n");
}

/// A solid square at `p` with its name beside it (to the left when `left`).
fn acp_mark(out: &mut String, (x, y): (f32, f32), name: &str, left: bool) {
    out.push_str("<g class=\"gsnacp\"><rect class=\"gsnacp\"");
    attr(out, "x", x - 3.0);
    attr(out, "y", y - 3.0);
    out.push_str(" width=\"6\" height=\"6\"/><text class=\"gsnacplabel\" xml:space=\"preserve\"");
    if left {
        out.push_str(" text-anchor=\"end\"");
        attr(out, "x", x - 5.0);
        attr(out, "y", y + 3.0);
    } else {
        // Above-right of the square, clear of a horizontal edge.
        attr(out, "x", x + 4.0);
        attr(out, "y", y - 4.0);
    }
    out.push('>');
    push_escaped(out, name);
    out.push_str("</text></g>");
}

/// The point halfway along a polyline.
fn midpoint(pts: &[(f32, f32)]) -> (f32, f32) {
    let seg = |i: usize| {
        let (a, b) = (pts[i], pts[i + 1]);
        ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt()
    };
    let total: f32 = (0..pts.len().saturating_sub(1)).map(seg).sum();
    let mut left = total / 2.0;
    for i in 0..pts.len().saturating_sub(1) {
        let l = seg(i);
        if l >= left && l > 0.0 {
            let t = left / l;
            let (a, b) = (pts[i], pts[i + 1]);
            return (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        }
        left -= l;
    }
    pts.first().copied().unwrap_or((0.0, 0.0))
}

fn edge(out: &mut String, e: &SceneEdge) {
    if e.points.len() < 2 {
        return;
    }
    let (class, marker) = match e.kind {
        EdgeKind::SupportedBy => ("gsnedge gsnspby", "gsnarrow-solid"),
        EdgeKind::InContextOf => ("gsnedge gsninctxt", "gsnarrow-hollow"),
        EdgeKind::Challenges => ("gsnedge gsnchallenge", "gsnarrow-open-red"),
        EdgeKind::ModuleDependency => ("gsnedge gsnmoddep", "gsnarrow-open"),
    };
    let _ = write!(out, "<path class=\"{class}");
    if e.defeated {
        out.push_str(" gsndefeated");
    }
    out.push_str("\" d=\"M");
    poly(out, &e.points);
    let _ = writeln!(out, "\" marker-end=\"url(#{marker})\"/>");
}

fn edge_decorations(out: &mut String, e: &SceneEdge) {
    if let Some(m) = &e.mark {
        let class = if m.optional {
            "gsnoptional"
        } else {
            "gsnmultiplicity"
        };
        let _ = write!(out, "<circle class=\"{class}\"");
        attr(out, "cx", m.at.0);
        attr(out, "cy", m.at.1);
        attr(out, "r", BALL_RADIUS);
        out.push_str("/>");
        if let Some(l) = &m.label {
            // Beside the ball, off the edge: along the normal the layout chose.
            let (nx, ny) = m.label_dir;
            let k = BALL_RADIUS + 4.0;
            let (x, y) = (m.at.0 + nx * k, m.at.1 + ny * k);
            let anchor = if nx > 0.3 {
                "start"
            } else if nx < -0.3 {
                "end"
            } else {
                "middle"
            };
            // Baseline: centred on the point for a sideways label, above it otherwise.
            let base = if ny < -0.7 { y } else { y + 3.5 };
            out.push_str("<text class=\"gsnlinklabel\" xml:space=\"preserve\"");
            let _ = write!(out, " text-anchor=\"{anchor}\"");
            attr(out, "x", x);
            attr(out, "y", base);
            out.push('>');
            push_escaped(out, l);
            out.push_str("</text>");
        }
        out.push('\n');
    }
    if e.defeated && e.points.len() >= 2 {
        let (x, y) = midpoint(&e.points);
        cross(out, (x - 6.0, y - 6.0, 12.0, 12.0));
        out.push('\n');
    }
    for (name, p) in &e.acps {
        acp_mark(out, *p, name, false);
        out.push('\n');
    }
}

/// A multiplicity or choice label at `(x, baseline)`.
fn link_label(out: &mut String, (x, y): (f32, f32), label: &str) {
    out.push_str("<text class=\"gsnlinklabel\" xml:space=\"preserve\"");
    attr(out, "x", x);
    attr(out, "y", y);
    out.push('>');
    push_escaped(out, label);
    out.push_str("</text>");
}

fn choice(out: &mut String, c: &ChoiceMark) {
    let ((x, y), (hw, hh)) = (c.at, CHOICE_HALF);
    polygon(
        out,
        "gsnchoice",
        &[(x, y - hh), (x + hw, y), (x, y + hh), (x - hw, y)],
    );
    if let Some(l) = &c.label {
        link_label(out, (x + hw + 3.0, y + 4.0), l);
    }
    out.push('\n');
}

/// The contents of a CSS double-quoted string: `\\` and `"` escaped, line
/// breaks and other control characters as CSS hex escapes.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The SVG of `scene`: standalone SVG 1.1, deterministic.
pub fn svg(scene: &Scene, opts: &SvgOptions) -> String {
    let mut out = String::with_capacity(1024 + scene.nodes.len() * 700 + scene.edges.len() * 120);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    let m = if opts.margin.is_finite() {
        opts.margin.max(0.0)
    } else {
        0.0
    };
    let (w, h) = (
        scene.width.max(1.0) + 2.0 * m,
        scene.height.max(1.0) + 2.0 * m,
    );
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" class=\"gsndiagram\"");
    attr(&mut out, "width", w);
    attr(&mut out, "height", h);
    out.push_str(" viewBox=\"");
    num(&mut out, -m);
    out.push(' ');
    num(&mut out, -m);
    out.push(' ');
    num(&mut out, w);
    out.push(' ');
    num(&mut out, h);
    let _ = write!(
        out,
        "\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT_SIZE}\">\n<title>"
    );
    push_escaped(&mut out, &scene.title);
    out.push_str("</title>\n<defs>\n");
    if opts.default_style {
        out.push_str("<style type=\"text/css\">\n");
        push_escaped(&mut out, DEFAULT_CSS);
        out.push_str("</style>\n");
    }
    out.push_str(MARKERS);
    out.push_str("</defs>\n");
    // User stylesheets after the default style, in the order given: later
    // rules win at equal specificity, so a user's `.gsnshape{…}` overrides
    // the default one whether it is linked or embedded. (An
    // `<?xml-stylesheet?>` processing instruction would come before the
    // default `<style>` in the cascade and lose to it.)
    for s in &opts.stylesheets {
        out.push_str("<style type=\"text/css\">\n");
        match s {
            Stylesheet::Inline(css) => push_escaped(&mut out, css),
            Stylesheet::Link(href) => {
                out.push_str("@import url(\"");
                push_escaped(&mut out, &css_string(href));
                out.push_str("\");");
            }
        }
        out.push_str("\n</style>\n");
    }
    out.push_str("<g class=\"gsnedges\">\n");
    for e in &scene.edges {
        edge(&mut out, e);
    }
    out.push_str("</g>\n<g class=\"gsnelems\">\n");
    let mut ids = HashSet::new();
    for n in &scene.nodes {
        node(&mut out, n, &mut ids);
    }
    out.push_str("</g>\n<g class=\"gsnedgedecos\">\n");
    for e in &scene.edges {
        edge_decorations(&mut out, e);
    }
    for c in &scene.choices {
        choice(&mut out, c);
    }
    out.push_str("</g>\n</svg>\n");
    out
}
