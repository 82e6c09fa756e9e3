//! The scene: every box and edge of one diagram with its geometry. The
//! contract between layout, renderers, tests and other tools (`layout-json`).
//! Coordinates are in SVG user units (1 unit = 1 px at 100 %), origin top-left,
//! y growing downwards; every box is given by its top-left corner and size.

use serde_json::{Value, json};

/// What a box depicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// Rectangle.
    Goal,
    /// Parallelogram.
    Strategy,
    /// Circle.
    Solution,
    /// Rounded rectangle.
    Context,
    /// Oval with "A".
    Assumption,
    /// Oval with "J".
    Justification,
    /// Goal shape, counter styling.
    CounterGoal,
    /// Solution shape, counter styling.
    CounterSolution,
    /// An element of another module shown here (goal shape with module band).
    AwayGoal,
    /// Away solution.
    AwaySolution,
    /// Away context.
    AwayContext,
    /// Away assumption.
    AwayAssumption,
    /// Away justification.
    AwayJustification,
    /// A module (architecture view).
    Module,
    /// A module reference in an argument (rectangle with a folder tab; the
    /// referenced module's name below a band).
    ModuleRef,
    /// A contract reference (module reference shape with a second line
    /// under its top edge).
    ContractRef,
}

impl NodeKind {
    /// Stable lower-case name used in `layout-json` and CSS classes.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Goal => "goal",
            NodeKind::Strategy => "strategy",
            NodeKind::Solution => "solution",
            NodeKind::Context => "context",
            NodeKind::Assumption => "assumption",
            NodeKind::Justification => "justification",
            NodeKind::CounterGoal => "counter-goal",
            NodeKind::CounterSolution => "counter-solution",
            NodeKind::AwayGoal => "away-goal",
            NodeKind::AwaySolution => "away-solution",
            NodeKind::AwayContext => "away-context",
            NodeKind::AwayAssumption => "away-assumption",
            NodeKind::AwayJustification => "away-justification",
            NodeKind::Module => "module",
            NodeKind::ModuleRef => "module-reference",
            NodeKind::ContractRef => "contract-reference",
        }
    }

    /// Module boxes and module / contract references: a folder tab on top.
    pub fn has_tab(self) -> bool {
        matches!(
            self,
            NodeKind::Module | NodeKind::ModuleRef | NodeKind::ContractRef
        )
    }

    /// Context, assumption and justification shapes (placed beside their element).
    pub fn is_contextual(self) -> bool {
        matches!(
            self,
            NodeKind::Context
                | NodeKind::Assumption
                | NodeKind::Justification
                | NodeKind::AwayContext
                | NodeKind::AwayAssumption
                | NodeKind::AwayJustification
        )
    }
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The text (not escaped; renderers escape).
    pub text: String,
    /// `**bold**`
    pub bold: bool,
    /// `*italic*` / `_italic_`
    pub italic: bool,
    /// `[text](url)` or a bare link.
    pub link: Option<String>,
}

/// One laid-out line of an element's text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    /// Runs, left to right.
    pub runs: Vec<TextRun>,
    /// Offset of the line's left edge from the box's text origin (bullet indentation).
    pub indent: f32,
    /// Starts with a bullet.
    pub bullet: bool,
    /// Measured width of the line in units (including indent).
    pub width: f32,
}

/// Decorations of a box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decorations {
    /// Hollow diamond below (undeveloped).
    pub undeveloped: bool,
    /// Cross (defeated, dialectic).
    pub defeated: bool,
    /// Hollow triangle (uninstantiated `{…}` placeholders).
    pub uninstantiated: bool,
    /// Assurance claim points on the element itself.
    pub acps: Vec<String>,
    /// Focused view: some supporters of this element are cut off (draw "…" below).
    pub truncated: bool,
    /// Public indicator (GSN v3 1:4): a small folder mark above the shape's
    /// upper right, in the [`MODULE_TAB`] strip.
    pub public: bool,
    /// A counter goal or counter solution (dialectic) — also when shown as
    /// an away element, whose kind does not say so.
    pub counter: bool,
}

/// One box.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// The element's id (for a module box, the module name).
    pub id: String,
    /// Shape.
    pub kind: NodeKind,
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// The id line (shown bold at the top).
    pub title: String,
    /// The wrapped text.
    pub lines: Vec<TextLine>,
    /// For away elements and module boxes: the module that defines the element.
    pub module: Option<String>,
    /// Decorations.
    pub decorations: Decorations,
    /// Extra CSS classes (`classes:` of the element, gsn2x layer classes).
    pub classes: Vec<String>,
    /// `url:` of the element.
    pub url: Option<String>,
}

/// Kinds of edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// Solid line, solid arrowhead.
    SupportedBy,
    /// Solid line, hollow arrowhead.
    InContextOf,
    /// Dashed line, open arrowhead.
    Challenges,
    /// Architecture view: module depends on module.
    ModuleDependency,
}

impl EdgeKind {
    /// Stable name used in `layout-json` and CSS classes.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::SupportedBy => "supported-by",
            EdgeKind::InContextOf => "in-context-of",
            EdgeKind::Challenges => "challenges",
            EdgeKind::ModuleDependency => "module-dependency",
        }
    }
}

/// One edge: a polyline from the border of `from` to the border of `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    /// Kind.
    pub kind: EdgeKind,
    /// Index of the source box in [`Scene::nodes`].
    pub from: usize,
    /// Index of the target box (for a challenge of a relationship: the challenged relationship's source box).
    pub to: usize,
    /// Points, first on `from`'s border, last on `to`'s border (where the arrowhead is).
    pub points: Vec<(f32, f32)>,
    /// Assurance claim points on this edge, with where to draw each.
    pub acps: Vec<(String, (f32, f32))>,
    /// Marked defeated.
    pub defeated: bool,
    /// Multiplicity (filled ball) or optionality (hollow ball) on a
    /// SupportedBy edge.
    pub mark: Option<LinkMark>,
}

/// A ball on a SupportedBy edge (GSN v3 1:3).
#[derive(Clone, Debug, PartialEq)]
pub struct LinkMark {
    /// Hollow ball (optional) rather than filled (multiplicity).
    pub optional: bool,
    /// Multiplicity label (`n`, `1..*`), drawn right of the ball.
    pub label: Option<String>,
    /// Centre of the ball: on the edge, [`BALL_OFFSET`] before its end.
    pub at: (f32, f32),
    /// Unit vector from the ball towards its label: perpendicular to the
    /// edge there, on the upper side (the right for a vertical edge).
    pub label_dir: (f32, f32),
}

/// A choice between SupportedBy edges of one parent (GSN v3 1:3): a diamond
/// where the edges part, with an optional label (`1 of 3`).
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceMark {
    /// The parent box.
    pub parent: usize,
    /// The alternatives: indices into [`Scene::edges`] (each passes through
    /// the diamond's bottom vertex).
    pub edges: Vec<usize>,
    /// Centre of the diamond.
    pub at: (f32, f32),
    /// The label, drawn right of the diamond.
    pub label: Option<String>,
}

/// A laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Title of the view (module name, "complete", "architecture", "focus G3").
    pub title: String,
    /// Total width.
    pub width: f32,
    /// Total height.
    pub height: f32,
    /// Boxes, in a deterministic order.
    pub nodes: Vec<SceneNode>,
    /// Edges, in a deterministic order.
    pub edges: Vec<SceneEdge>,
    /// Choices between edges.
    pub choices: Vec<ChoiceMark>,
}

fn r(v: f32) -> Value {
    // Two decimals are plenty and keep output byte-stable; rounding in f64
    // avoids printing f32 artefacts such as 172.55999755859375.
    json!((f64::from(v) * 100.0).round() / 100.0)
}

impl Scene {
    /// The `layout-json` form: every box with id, kind, x, y, width, height;
    /// every edge with its kind and points. Field names are stable.
    pub fn to_json(&self) -> Value {
        json!({
            "title": self.title,
            "width": r(self.width),
            "height": r(self.height),
            "nodes": self.nodes.iter().map(|n| json!({
                "id": n.id,
                "kind": n.kind.name(),
                "x": r(n.x), "y": r(n.y), "width": r(n.w), "height": r(n.h),
                "module": n.module,
                "undeveloped": n.decorations.undeveloped,
                "defeated": n.decorations.defeated,
                "truncated": n.decorations.truncated,
                "public": n.decorations.public,
                "counter": n.decorations.counter,
                "uninstantiated": n.decorations.uninstantiated,
                "acps": n.decorations.acps,
                "classes": n.classes,
                "url": n.url,
                "lines": n.lines.iter().map(|l| json!({
                    "text": l.runs.iter().map(|r| r.text.as_str()).collect::<String>(),
                    "width": r(l.width),
                    "bullet": l.bullet,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "edges": self.edges.iter().map(|e| json!({
                "kind": e.kind.name(),
                "from": self.nodes[e.from].id,
                "to": self.nodes[e.to].id,
                "points": e.points.iter().map(|(x, y)| json!([r(*x), r(*y)])).collect::<Vec<_>>(),
                "acps": e.acps.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
                "defeated": e.defeated,
                "multiplicity": e.mark.as_ref().filter(|m| !m.optional).map(|m| json!({
                    "label": m.label,
                    "at": [r(m.at.0), r(m.at.1)],
                })),
                "optional": e.mark.as_ref().filter(|m| m.optional).map(|m| json!([r(m.at.0), r(m.at.1)])),
            })).collect::<Vec<_>>(),
            "choices": self.choices.iter().map(|c| json!({
                "from": self.nodes[c.parent].id,
                "to": c.edges.iter().map(|&e| self.nodes[self.edges[e].to].id.as_str()).collect::<Vec<_>>(),
                "at": [r(c.at.0), r(c.at.1)],
                "label": c.label,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Padding between a shape's outline and its text rectangle, in units.
pub const PADDING: f32 = 8.0;
/// Height reserved at the bottom of a box for the undeveloped diamond, the
/// uninstantiated triangle or the truncation mark (included in [`SceneNode::h`]).
pub const DECORATION_HEIGHT: f32 = 16.0;
/// Width reserved at the right of an assumption / justification box for its
/// "A" / "J" letter (included in [`SceneNode::w`]).
pub const LETTER_SIZE: f32 = 14.0;
/// Corner radius of contexts.
pub const CORNER_RADIUS: f32 = 8.0;
/// Height of the tab on top of a module box (included in [`SceneNode::h`]).
pub const MODULE_TAB: f32 = 10.0;
/// Distance along a SupportedBy edge from its end (the arrowhead's tip) to
/// the centre of a multiplicity / optionality ball.
pub const BALL_OFFSET: f32 = 22.0;
/// Radius of a multiplicity / optionality ball.
pub const BALL_RADIUS: f32 = 4.0;
/// Half-width and half-height of a choice diamond.
pub const CHOICE_HALF: (f32, f32) = (7.0, 6.0);
/// How far below its parent's layer a choice diamond's centre sits.
pub const CHOICE_DROP: f32 = 14.0;
/// Horizontal skew of strategy parallelograms, as a fraction of their height.
pub const SKEW_RATIO: f32 = 0.25;
/// The largest skew of a strategy parallelogram, in units: a very tall
/// strategy (a long text) stays a slanted box instead of growing as wide as
/// it is high.
pub const MAX_SKEW: f32 = 30.0;

/// The horizontal skew of a strategy parallelogram `h` units high.
pub fn strategy_skew(h: f32) -> f32 {
    (h * SKEW_RATIO).min(MAX_SKEW)
}

/// The outline of a box, in scene coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Axis-aligned rectangle (goals, away goals, module bodies).
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// Rectangle with rounded corners (contexts).
    RoundRect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Corner radius.
        r: f32,
    },
    /// Parallelogram (strategies): top edge from `x + skew` to `x + w`,
    /// bottom edge from `x` to `x + w - skew`.
    Parallelogram {
        /// Left of the bounding box.
        x: f32,
        /// Top.
        y: f32,
        /// Width of the bounding box.
        w: f32,
        /// Height.
        h: f32,
        /// Horizontal offset of the top edge.
        skew: f32,
    },
    /// Circle (solutions).
    Circle {
        /// Centre x.
        cx: f32,
        /// Centre y.
        cy: f32,
        /// Radius.
        r: f32,
    },
    /// Ellipse (assumptions, justifications).
    Ellipse {
        /// Centre x.
        cx: f32,
        /// Centre y.
        cy: f32,
        /// Horizontal semi-axis.
        rx: f32,
        /// Vertical semi-axis.
        ry: f32,
    },
}

fn dist_to_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (qx * qx + qy * qy).sqrt()
}

impl Shape {
    /// Centre of the shape.
    pub fn center(&self) -> (f32, f32) {
        match *self {
            Shape::Rect { x, y, w, h }
            | Shape::RoundRect { x, y, w, h, .. }
            | Shape::Parallelogram { x, y, w, h, .. } => (x + w / 2.0, y + h / 2.0),
            Shape::Circle { cx, cy, .. } | Shape::Ellipse { cx, cy, .. } => (cx, cy),
        }
    }

    /// Vertical extent `(top, bottom)`.
    pub fn y_range(&self) -> (f32, f32) {
        match *self {
            Shape::Rect { y, h, .. }
            | Shape::RoundRect { y, h, .. }
            | Shape::Parallelogram { y, h, .. } => (y, y + h),
            Shape::Circle { cy, r, .. } => (cy - r, cy + r),
            Shape::Ellipse { cy, ry, .. } => (cy - ry, cy + ry),
        }
    }

    /// Signed distance from `(px, py)` to the outline: negative inside,
    /// positive outside (exact except for ellipses, where it is a close
    /// approximation that is exact on the outline).
    pub fn signed_distance(&self, px: f32, py: f32) -> f32 {
        match *self {
            Shape::Rect { x, y, w, h } => rect_sd(px, py, x, y, w, h, 0.0),
            Shape::RoundRect { x, y, w, h, r } => rect_sd(px, py, x, y, w, h, r),
            Shape::Parallelogram { x, y, w, h, skew } => {
                let pts = [(x + skew, y), (x + w, y), (x + w - skew, y + h), (x, y + h)];
                let d = (0..4)
                    .map(|i| dist_to_segment((px, py), pts[i], pts[(i + 1) % 4]))
                    .fold(f32::INFINITY, f32::min);
                // Inside when between the slanted edges and within the top/bottom.
                let inside = py >= y && py <= y + h && {
                    let t = if h > 0.0 { (py - y) / h } else { 0.0 };
                    let left = x + skew * (1.0 - t);
                    let right = x + w - skew * t;
                    px >= left && px <= right
                };
                if inside { -d } else { d }
            }
            Shape::Circle { cx, cy, r } => ((px - cx).powi(2) + (py - cy).powi(2)).sqrt() - r,
            Shape::Ellipse { cx, cy, rx, ry } => {
                let (dx, dy) = ((px - cx) / rx, (py - cy) / ry);
                let f = (dx * dx + dy * dy).sqrt();
                if f == 0.0 {
                    return -rx.min(ry);
                }
                // Distance along the ray through the centre.
                let len = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
                len - len / f
            }
        }
    }

    /// Whether `(px, py)` lies inside or on the outline.
    pub fn contains(&self, px: f32, py: f32) -> bool {
        self.signed_distance(px, py) <= 0.0
    }

    /// The outline's bottom point below the centre.
    pub fn bottom_point(&self) -> (f32, f32) {
        (self.center().0, self.y_range().1)
    }

    /// The outline's top point above the centre.
    pub fn top_point(&self) -> (f32, f32) {
        (self.center().0, self.y_range().0)
    }

    /// Where a horizontal line at (about) height `y` leaves the shape on the
    /// right (`right = true`) or left side. `y` is clamped to where the side is
    /// well defined (straight part of rounded rectangles, the middle 80 % of
    /// circles and ellipses); the returned point's `y` is the one used.
    pub fn side_point(&self, y: f32, right: bool) -> (f32, f32) {
        let s = if right { 1.0 } else { -1.0 };
        match *self {
            Shape::Rect { x, y: top, w, h } => {
                let yy = y.clamp(top, top + h);
                (if right { x + w } else { x }, yy)
            }
            Shape::RoundRect { x, y: top, w, h, r } => {
                let r = r.min(h / 2.0);
                let yy = y.clamp(top + r, top + h - r);
                (if right { x + w } else { x }, yy)
            }
            Shape::Parallelogram {
                x,
                y: top,
                w,
                h,
                skew,
            } => {
                let yy = y.clamp(top, top + h);
                let t = if h > 0.0 { (yy - top) / h } else { 0.0 };
                if right {
                    (x + w - skew * t, yy)
                } else {
                    (x + skew * (1.0 - t), yy)
                }
            }
            Shape::Circle { cx, cy, r } => {
                let yy = y.clamp(cy - 0.8 * r, cy + 0.8 * r);
                let dy = yy - cy;
                (cx + s * (r * r - dy * dy).max(0.0).sqrt(), yy)
            }
            Shape::Ellipse { cx, cy, rx, ry } => {
                let yy = y.clamp(cy - 0.8 * ry, cy + 0.8 * ry);
                let t = (yy - cy) / ry;
                (cx + s * rx * (1.0 - t * t).max(0.0).sqrt(), yy)
            }
        }
    }
}

fn rect_sd(px: f32, py: f32, x: f32, y: f32, w: f32, h: f32, r: f32) -> f32 {
    let r = r.min(w / 2.0).min(h / 2.0);
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let qx = (px - cx).abs() - (w / 2.0 - r);
    let qy = (py - cy).abs() - (h / 2.0 - r);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - r
}

impl SceneNode {
    fn decoration_height(&self) -> f32 {
        let d = &self.decorations;
        // Every shape but a module box may carry a mark below it.
        let has =
            self.kind != NodeKind::Module && (d.undeveloped || d.uninstantiated || d.truncated);
        if has { DECORATION_HEIGHT } else { 0.0 }
    }

    /// Height of the strip above the shape: the folder tab of module boxes
    /// and references, and the public indicator ([`MODULE_TAB`] for either).
    pub fn top_strip(&self) -> f32 {
        if self.kind.has_tab() || self.decorations.public {
            MODULE_TAB
        } else {
            0.0
        }
    }

    fn letter_width(&self) -> f32 {
        if self.has_letter() { LETTER_SIZE } else { 0.0 }
    }

    /// Assumptions and justifications (also away ones) carry an "A" / "J"
    /// letter, drawn in the [`LETTER_SIZE`] column at the right of the box,
    /// at the height of the ellipse's lower right.
    pub fn has_letter(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Assumption
                | NodeKind::Justification
                | NodeKind::AwayAssumption
                | NodeKind::AwayJustification
        )
    }

    /// Away elements show their module's name in an extra last line of the
    /// text box.
    pub fn has_module_line(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::ModuleRef
                | NodeKind::ContractRef
                | NodeKind::AwayGoal
                | NodeKind::AwaySolution
                | NodeKind::AwayContext
                | NodeKind::AwayAssumption
                | NodeKind::AwayJustification
        )
    }

    /// Width and height of the text content: the bold title line, the
    /// wrapped lines and (away elements) the module line.
    pub fn text_size(&self) -> (f32, f32) {
        let mut w = crate::text::text_width(&self.title, true);
        for l in &self.lines {
            w = w.max(l.width);
        }
        let mut n = 1 + self.lines.len();
        if self.has_module_line() {
            if let Some(m) = &self.module {
                w = w.max(crate::text::text_width(m, false));
            }
            n += 1;
        }
        (w, n as f32 * crate::text::LINE_HEIGHT)
    }

    /// The outline of the shape (without decorations below, the A/J letter
    /// column or the module tab).
    pub fn shape(&self) -> Shape {
        let top = self.y + self.top_strip();
        let w = self.w - self.letter_width();
        let h = self.y + self.h - self.decoration_height() - top;
        let (x, y) = (self.x, top);
        match self.kind {
            NodeKind::Goal
            | NodeKind::CounterGoal
            | NodeKind::AwayGoal
            | NodeKind::Module
            | NodeKind::ModuleRef
            | NodeKind::ContractRef => Shape::Rect { x, y, w, h },
            NodeKind::Context | NodeKind::AwayContext => Shape::RoundRect {
                x,
                y,
                w,
                h,
                r: CORNER_RADIUS,
            },
            NodeKind::Strategy => Shape::Parallelogram {
                x,
                y,
                w,
                h,
                skew: strategy_skew(h),
            },
            NodeKind::Solution | NodeKind::CounterSolution | NodeKind::AwaySolution => {
                let r = w.min(h) / 2.0;
                Shape::Circle {
                    cx: x + w / 2.0,
                    cy: y + h / 2.0,
                    r,
                }
            }
            NodeKind::Assumption
            | NodeKind::Justification
            | NodeKind::AwayAssumption
            | NodeKind::AwayJustification => Shape::Ellipse {
                cx: x + w / 2.0,
                cy: y + h / 2.0,
                rx: w / 2.0,
                ry: h / 2.0,
            },
        }
    }

    /// The rectangle `(x, y, width, height)` where the renderer draws the
    /// text: the title line at its top, the wrapped lines below it, and for
    /// away elements the module name as the last line. It lies inside the
    /// shape and is centred in it.
    pub fn text_box(&self) -> (f32, f32, f32, f32) {
        let (tw, th) = self.text_size();
        let (cx, cy) = self.shape().center();
        (cx - tw / 2.0, cy - th / 2.0, tw, th)
    }

    /// Whether `(x, y)` lies inside or on the shape's outline.
    pub fn shape_contains(&self, x: f32, y: f32) -> bool {
        self.shape().contains(x, y)
    }

    /// Distance from `(x, y)` to the shape's outline (0 on the border).
    pub fn border_distance(&self, x: f32, y: f32) -> f32 {
        self.shape().signed_distance(x, y).abs()
    }

    /// Sizes the box from its text and decorations (sets `w` and `h`).
    pub fn fit_to_text(&mut self) {
        let (tw, th) = self.text_size();
        let (sw, sh) = match self.kind {
            NodeKind::Goal
            | NodeKind::CounterGoal
            | NodeKind::AwayGoal
            | NodeKind::Module
            | NodeKind::ModuleRef
            | NodeKind::ContractRef
            | NodeKind::Context
            | NodeKind::AwayContext => (tw + 2.0 * PADDING, th + 2.0 * PADDING),
            NodeKind::Strategy => {
                let sh = th + 2.0 * PADDING;
                (tw + 2.0 * PADDING + 2.0 * strategy_skew(sh), sh)
            }
            NodeKind::Solution | NodeKind::CounterSolution | NodeKind::AwaySolution => {
                let d = (tw * tw + th * th).sqrt() + 2.0 * PADDING;
                (d, d)
            }
            NodeKind::Assumption
            | NodeKind::Justification
            | NodeKind::AwayAssumption
            | NodeKind::AwayJustification => (
                tw * std::f32::consts::SQRT_2 + 2.0 * PADDING,
                th * std::f32::consts::SQRT_2 + 2.0 * PADDING,
            ),
        };
        let tab = self.top_strip();
        self.w = sw.ceil() + self.letter_width();
        self.h = sh.ceil() + tab + self.decoration_height();
    }
}
