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
    /// A module (architecture view) or module reference.
    Module,
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
        }
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
}

fn r(v: f32) -> Value {
    // Two decimals are plenty and keep output byte-stable.
    json!((v * 100.0).round() / 100.0)
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
            })).collect::<Vec<_>>(),
        })
    }
}
