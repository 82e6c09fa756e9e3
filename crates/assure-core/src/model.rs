//! The in-memory model of an assurance case: a typed graph of elements and
//! relationships, grouped into modules. Element ids are interned to
//! [`ElementId`] indices; after loading, nothing looks up a string.

use crate::span::{Span, Spanned};
use rustc_hash::FxHashMap;

/// Index of an element in [`Case::elements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ElementId(pub u32);

/// Index of a module in [`Case::modules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModuleId(pub u32);

/// Index of a relationship in [`Case::relations`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub u32);

/// The GSN element types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ElementKind {
    /// A claim (rectangle).
    Goal,
    /// The inference from a goal to its sub-goals (parallelogram).
    Strategy,
    /// A reference to an evidence item (circle).
    Solution,
    /// Context (rounded rectangle).
    Context,
    /// An intentionally unsubstantiated statement (oval, A).
    Assumption,
    /// A statement of rationale (oval, J).
    Justification,
    /// A claim that challenges another element or relationship (dialectic extension).
    CounterGoal,
    /// Evidence that challenges another element or relationship (dialectic extension).
    CounterSolution,
    /// A reference to another module, standing for the argument it publishes
    /// (modular extension; a rectangle with a folder tab).
    ModuleReference,
    /// A reference to a contract module (modular extension).
    ContractReference,
    /// The type could not be determined (no known id prefix, no `type:`).
    Unknown,
}

impl ElementKind {
    /// All known kinds, in gsn2x's `nodeType` spelling order.
    pub const KNOWN: [ElementKind; 10] = [
        ElementKind::Goal,
        ElementKind::Strategy,
        ElementKind::Solution,
        ElementKind::Context,
        ElementKind::Assumption,
        ElementKind::Justification,
        ElementKind::CounterGoal,
        ElementKind::CounterSolution,
        ElementKind::ModuleReference,
        ElementKind::ContractReference,
    ];

    /// The name as written in `type:` / `nodeType:`.
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::Goal => "Goal",
            ElementKind::Strategy => "Strategy",
            ElementKind::Solution => "Solution",
            ElementKind::Context => "Context",
            ElementKind::Assumption => "Assumption",
            ElementKind::Justification => "Justification",
            ElementKind::CounterGoal => "CounterGoal",
            ElementKind::CounterSolution => "CounterSolution",
            ElementKind::ModuleReference => "ModuleReference",
            ElementKind::ContractReference => "ContractReference",
            ElementKind::Unknown => "Unknown",
        }
    }

    /// Lower-case words for messages ("counter goal").
    pub fn noun(self) -> &'static str {
        match self {
            ElementKind::Goal => "goal",
            ElementKind::Strategy => "strategy",
            ElementKind::Solution => "solution",
            ElementKind::Context => "context",
            ElementKind::Assumption => "assumption",
            ElementKind::Justification => "justification",
            ElementKind::CounterGoal => "counter goal",
            ElementKind::CounterSolution => "counter solution",
            ElementKind::ModuleReference => "module reference",
            ElementKind::ContractReference => "contract reference",
            ElementKind::Unknown => "element of unknown type",
        }
    }

    /// The noun with its indefinite article ("an assumption", "a goal").
    pub fn a_noun(self) -> String {
        let n = self.noun();
        let article = if n.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {n}")
    }

    /// Parses a `type:` / `nodeType:` value (case-insensitive; `counter_goal`,
    /// `counter-goal` and `Counter Goal` are accepted too).
    pub fn parse(s: &str) -> Option<ElementKind> {
        let norm: String = s
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        ElementKind::KNOWN
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(&norm))
    }

    /// The type gsn2x infers from an id prefix: `CG`, `G`, `CSn`, `Sn`, `S`, `C`,
    /// `A`, `J`, tried in that order.
    pub fn from_prefix(id: &str) -> Option<ElementKind> {
        const PREFIXES: [(&str, ElementKind); 8] = [
            ("CG", ElementKind::CounterGoal),
            ("G", ElementKind::Goal),
            ("CSn", ElementKind::CounterSolution),
            ("Sn", ElementKind::Solution),
            ("S", ElementKind::Strategy),
            ("C", ElementKind::Context),
            ("A", ElementKind::Assumption),
            ("J", ElementKind::Justification),
        ];
        PREFIXES
            .iter()
            .find(|(p, _)| id.starts_with(p))
            .map(|(_, k)| *k)
    }

    /// Goals and counter goals.
    pub fn is_goal_like(self) -> bool {
        matches!(self, ElementKind::Goal | ElementKind::CounterGoal)
    }

    /// Solutions and counter solutions.
    pub fn is_solution_like(self) -> bool {
        matches!(self, ElementKind::Solution | ElementKind::CounterSolution)
    }

    /// Context, assumption, justification.
    pub fn is_contextual(self) -> bool {
        matches!(
            self,
            ElementKind::Context | ElementKind::Assumption | ElementKind::Justification
        )
    }

    /// Module references and contract references.
    pub fn is_reference(self) -> bool {
        matches!(
            self,
            ElementKind::ModuleReference | ElementKind::ContractReference
        )
    }

    /// Counter goals and counter solutions.
    pub fn is_counter(self) -> bool {
        matches!(
            self,
            ElementKind::CounterGoal | ElementKind::CounterSolution
        )
    }
}

/// Where an element's type came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindSource {
    /// The id prefix.
    Prefix,
    /// An explicit `type:` / `nodeType:` key (its value's span).
    Explicit(Span),
    /// Neither: the type is unknown.
    None,
}

/// gsn2x's `horizontalIndex` layout hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HorizontalIndex {
    /// `relative: n`
    Relative(i64),
    /// `absolute: n`
    Absolute(i64),
    /// `absolute: last`
    Last,
}

/// Layout hints carried through for the diagram phase.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayoutHints {
    /// `rankIncrement`
    pub rank_increment: Option<Spanned<i64>>,
    /// `horizontalIndex`
    pub horizontal_index: Option<Spanned<HorizontalIndex>>,
    /// `charWrap`
    pub char_wrap: Option<Spanned<u32>>,
}

/// A reference by id, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefName {
    /// The id text.
    pub name: Box<str>,
    /// Where it was written.
    pub span: Span,
}

/// An assurance claim point declared on an element (`acp: {ACP1: [Sn1]}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcpDecl {
    /// The ACP's identifier.
    pub name: Spanned<Box<str>>,
    /// What it sits on: the owner itself or a directly related element.
    pub targets: Vec<RefName>,
}

/// `challenges: X` or `challenges: "X -> Y"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChallengeDecl {
    /// An element.
    Element(RefName),
    /// The relationship between two elements (in either direction of writing).
    Relation(RefName, RefName),
}

/// One `choice:` group on a parent, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceDecl {
    /// The whole group as written.
    pub span: Span,
    /// The alternatives: supporters of the parent.
    pub over: Vec<RefName>,
    /// The label, such as `1 of 3`.
    pub label: Option<Spanned<Box<str>>>,
}

/// `multiplicity:`, `optional:` and `choice:` of a parent: decorations of
/// its SupportedBy links (GSN v3 1:3), as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkDecls {
    /// Supporters whose link carries multiplicity (filled ball), with a label
    /// such as `n` or `1..*`.
    pub multiplicity: Vec<(RefName, Option<Spanned<Box<str>>>)>,
    /// Supporters whose link is optional (hollow ball).
    pub optional: Vec<RefName>,
    /// Choice groups (diamond joining the links).
    pub choices: Vec<ChoiceDecl>,
}

/// An extra key gsn2x treats as a "layer" of information.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// The key.
    pub key: Spanned<Box<str>>,
    /// Its value, as text.
    pub value: Spanned<Box<str>>,
}

/// One element as written in its module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The identifier.
    pub id: Box<str>,
    /// Span of the identifier (the mapping key).
    pub span: Span,
    /// Resolved type.
    pub kind: ElementKind,
    /// Where the type came from.
    pub kind_source: KindSource,
    /// The module that defines it.
    pub module: ModuleId,
    /// Statement (light Markdown).
    pub text: Option<Spanned<Box<str>>>,
    /// `undeveloped:`
    pub undeveloped: Option<Spanned<bool>>,
    /// `defeated:`
    pub defeated: Option<Spanned<bool>>,
    /// `url:`
    pub url: Option<Spanned<Box<str>>>,
    /// `classes:`
    pub classes: Vec<Spanned<Box<str>>>,
    /// Layout hints.
    pub hints: LayoutHints,
    /// `supportedBy:` as written.
    pub supported_by: Vec<RefName>,
    /// `inContextOf:` as written.
    pub in_context_of: Vec<RefName>,
    /// `challenges:` as written (boxed: rare, and it keeps elements small).
    pub challenges: Option<Box<(ChallengeDecl, Span)>>,
    /// `defeatedRelation:` as written.
    pub defeated_relation: Vec<RefName>,
    /// `acp:` as written.
    pub acps: Vec<AcpDecl>,
    /// Extra keys (gsn2x layers).
    pub layers: Vec<Layer>,
    /// `allow:` — rule codes suppressed on this element.
    pub allow: Vec<Spanned<Box<str>>>,
    /// `owner:` — the organisation responsible for upholding or providing this
    /// element (overrides the module's owner; see [`Case::owner_of`]).
    pub owner: Option<Spanned<Box<str>>>,
    /// `public:` — part of its module's interface (public indicator).
    pub public: Option<Spanned<bool>>,
    /// `multiplicity:` / `optional:` / `choice:` (boxed: rare).
    pub links: Option<Box<LinkDecls>>,
    /// `module:` of a module or contract reference: the module it refers to.
    pub module_ref: Option<Spanned<Box<str>>>,
}

impl Element {
    /// A fresh element with only an id.
    pub fn new(id: Box<str>, span: Span, module: ModuleId) -> Self {
        Element {
            id,
            span,
            kind: ElementKind::Unknown,
            kind_source: KindSource::None,
            module,
            text: None,
            undeveloped: None,
            defeated: None,
            url: None,
            classes: Vec::new(),
            hints: LayoutHints::default(),
            supported_by: Vec::new(),
            in_context_of: Vec::new(),
            challenges: None,
            defeated_relation: Vec::new(),
            acps: Vec::new(),
            layers: Vec::new(),
            allow: Vec::new(),
            owner: None,
            public: None,
            links: None,
            module_ref: None,
        }
    }

    /// `undeveloped: true`
    pub fn is_undeveloped(&self) -> bool {
        self.undeveloped.as_ref().is_some_and(|u| u.value)
    }

    /// `defeated: true`
    pub fn is_defeated(&self) -> bool {
        self.defeated.as_ref().is_some_and(|u| u.value)
    }

    /// `public: true`
    pub fn is_public(&self) -> bool {
        self.public.as_ref().is_some_and(|u| u.value)
    }

    /// The statement, or "" when there is none.
    pub fn text(&self) -> &str {
        self.text.as_ref().map_or("", |t| &t.value)
    }
}

/// `extends: [{module: M, develops: {G1: [G2]}}]`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extends {
    /// The module name as written.
    pub module: Spanned<Box<str>>,
    /// The resolved module.
    pub target: Option<ModuleId>,
    /// Foreign undeveloped element → local elements that develop it.
    pub develops: Vec<(RefName, Vec<RefName>)>,
}

/// One `code: level` entry of `module: severity:`.
pub type SeveritySetting = (Spanned<Box<str>>, Spanned<Box<str>>);

/// One `uses:` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsesEntry {
    /// The path as written.
    pub path: Spanned<Box<str>>,
    /// The module loaded for it (if it loaded).
    pub target: Option<ModuleId>,
}

/// A module: one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    /// `module: name:`, or the file name without `.gsn.yaml`.
    pub name: Spanned<Box<str>>,
    /// Whether the name was written (rather than derived from the file name).
    pub name_explicit: bool,
    /// The file.
    pub file: crate::span::FileId,
    /// `brief:`
    pub brief: Option<Spanned<Box<str>>>,
    /// `owner:` — the organisation responsible for the module's elements.
    pub owner: Option<Spanned<Box<str>>>,
    /// `uses:`
    pub uses: Vec<UsesEntry>,
    /// `extends:`
    pub extends: Vec<Extends>,
    /// `stylesheets:`
    pub stylesheets: Vec<Spanned<Box<str>>>,
    /// `layers:` — names of extra keys that are intended layers.
    pub layers: Vec<Spanned<Box<str>>>,
    /// `severity:` — per-case rule configuration (`code: level`).
    pub severity: Vec<SeveritySetting>,
    /// Other keys of the `module:` block.
    pub extra: Vec<Layer>,
    /// Elements defined here, in source order.
    pub elements: Vec<ElementId>,
}

/// Kinds of relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    /// SupportedBy (solid arrowhead).
    SupportedBy,
    /// InContextOf (hollow arrowhead).
    InContextOf,
    /// Challenges (dialectic; dashed, open arrowhead).
    Challenges,
}

impl RelationKind {
    /// The key that writes this relationship.
    pub fn key(self) -> &'static str {
        match self {
            RelationKind::SupportedBy => "supportedBy",
            RelationKind::InContextOf => "inContextOf",
            RelationKind::Challenges => "challenges",
        }
    }
}

/// What a challenge points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengeTarget {
    /// An element.
    Element(ElementId),
    /// A relationship.
    Relation(RelationId),
}

/// A resolved relationship (parent → child for SupportedBy / InContextOf;
/// challenger → target for Challenges).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// Which kind.
    pub kind: RelationKind,
    /// Source element.
    pub from: ElementId,
    /// Target element (for a challenge of a relationship: the target relationship's `to`).
    pub to: ElementId,
    /// For challenges: exactly what is challenged.
    pub challenged: Option<ChallengeTarget>,
    /// Where the reference was written.
    pub span: Span,
    /// Created by a module's `extends: develops:` rather than by `supportedBy:`.
    pub via_develops: bool,
    /// Marked defeated by `defeatedRelation:` on its source.
    pub defeated: bool,
    /// Multiplicity or optionality (SupportedBy only; from the source's
    /// `multiplicity:` / `optional:`).
    pub cardinality: Cardinality,
    /// The choice group (index into [`Case::choices`]) this link is an
    /// alternative of.
    pub choice: Option<u32>,
}

/// Multiplicity and optionality of a SupportedBy link (GSN v3 1:3).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Cardinality {
    /// Plain: instantiated once.
    #[default]
    One,
    /// Filled ball: instantiated any number of times, with an optional label
    /// (`n`, `1..*`).
    Multiple(Option<Box<str>>),
    /// Hollow ball: instantiated zero or one time.
    Optional,
}

/// A choice between SupportedBy links of one parent, after resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The parent.
    pub parent: ElementId,
    /// Where the group is written.
    pub span: Span,
    /// The label (`1 of 3`).
    pub label: Option<Spanned<Box<str>>>,
    /// The alternatives' relations, in written order (names that are not
    /// supporters are left out; see [`Case::bad_link_refs`]).
    pub relations: Vec<RelationId>,
}

/// A problem with a `multiplicity:` / `optional:` / `choice:` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefProblem {
    /// The name is not a SupportedBy target of the element.
    NotSupporter,
    /// The link was already decorated by an earlier entry (written there).
    Conflict(Span),
}

/// A `multiplicity:` / `optional:` / `choice:` entry that could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLinkRef {
    /// The parent that holds the entry.
    pub from: ElementId,
    /// `multiplicity`, `optional` or `choice`.
    pub key: &'static str,
    /// The name as written.
    pub name: RefName,
    /// What is wrong.
    pub problem: LinkRefProblem,
}

/// An assurance claim point after resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acp {
    /// The ACP identifier.
    pub name: Spanned<Box<str>>,
    /// The element that declares it.
    pub owner: ElementId,
    /// Where it sits.
    pub on: AcpTarget,
    /// Span of the target reference.
    pub target_span: Span,
}

/// Where an assurance claim point sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcpTarget {
    /// On the element itself.
    Element(ElementId),
    /// On a relationship of the owner.
    Relation(RelationId),
    /// The target exists but is not the owner nor directly related to it.
    NotConnected(ElementId),
    /// The target id does not exist.
    Unresolved,
}

/// A reference that names no element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    /// The element that holds the reference.
    pub from: ElementId,
    /// The key it was written under (`supportedBy`, `challenges`, ...).
    pub key: &'static str,
    /// The name.
    pub name: RefName,
}

/// A second definition of an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The definition references resolve to.
    pub first: ElementId,
    /// The later definition (kept in the model, never the target of a reference).
    pub second: ElementId,
}

/// Compressed adjacency lists (CSR) of relation ids per element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adjacency {
    offsets: Vec<u32>,
    items: Vec<RelationId>,
}

impl Adjacency {
    /// Builds lists for `n` elements from `(element, relation)` pairs, keeping input order per element.
    pub fn build(n: usize, pairs: impl Iterator<Item = (ElementId, RelationId)> + Clone) -> Self {
        let mut offsets = vec![0u32; n + 1];
        for (e, _) in pairs.clone() {
            offsets[e.0 as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut items = vec![RelationId(0); offsets[n] as usize];
        for (e, r) in pairs {
            let slot = &mut fill[e.0 as usize];
            items[*slot as usize] = r;
            *slot += 1;
        }
        Adjacency { offsets, items }
    }

    /// The relations of element `e`.
    pub fn of(&self, e: ElementId) -> &[RelationId] {
        let i = e.0 as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A whole assurance case: every module loaded for one run.
#[derive(Clone, Debug, Default)]
pub struct Case {
    /// Modules in load order.
    pub modules: Vec<Module>,
    /// Elements in load order (duplicates included).
    pub elements: Vec<Element>,
    /// Resolved relationships in source order.
    pub relations: Vec<Relation>,
    /// Assurance claim points.
    pub acps: Vec<Acp>,
    /// References that name no element.
    pub unresolved: Vec<Unresolved>,
    /// Later definitions of an id already defined.
    pub duplicates: Vec<Duplicate>,
    /// `challenges: "X -> Y"` where X and Y exist but are not related: (challenger, span, X, Y).
    pub dangling_challenges: Vec<(ElementId, Span, ElementId, ElementId)>,
    /// `defeatedRelation` entries naming no relationship of the element.
    pub bad_defeated_relations: Vec<(ElementId, RefName)>,
    /// Choice groups (`choice:`), in element order.
    pub choices: Vec<Choice>,
    /// `multiplicity:` / `optional:` / `choice:` entries that were not applied.
    pub bad_link_refs: Vec<BadLinkRef>,
    /// Outgoing relations per element (source order).
    pub outgoing: Adjacency,
    /// Incoming relations per element.
    pub incoming: Adjacency,
    /// Id → first definition. Used while resolving and for look-ups by users; never in rules' loops.
    pub(crate) index: FxHashMap<Box<str>, ElementId>,
}

impl Case {
    /// The element behind an id.
    pub fn element(&self, id: ElementId) -> &Element {
        &self.elements[id.0 as usize]
    }

    /// The module behind an id.
    pub fn module(&self, id: ModuleId) -> &Module {
        &self.modules[id.0 as usize]
    }

    /// The relationship behind an id.
    pub fn relation(&self, id: RelationId) -> &Relation {
        &self.relations[id.0 as usize]
    }

    /// The organisation responsible for `e`: its own `owner:`, else its
    /// module's `owner:`, else `None`.
    pub fn owner_of(&self, e: ElementId) -> Option<&str> {
        let el = self.element(e);
        el.owner
            .as_ref()
            .or(self.module(el.module).owner.as_ref())
            .map(|o| &*o.value)
    }

    /// The module named `name`, if one is loaded (the first of that name).
    pub fn module_named(&self, name: &str) -> Option<ModuleId> {
        self.modules
            .iter()
            .position(|m| &*m.name.value == name)
            .map(|i| ModuleId(i as u32))
    }

    /// Looks an element up by its identifier.
    pub fn find(&self, id: &str) -> Option<ElementId> {
        self.index.get(id).copied()
    }

    /// All element ids.
    pub fn element_ids(&self) -> impl Iterator<Item = ElementId> + '_ {
        (0..self.elements.len() as u32).map(ElementId)
    }

    /// Outgoing relationships of `e` of one kind.
    pub fn out(&self, e: ElementId, kind: RelationKind) -> impl Iterator<Item = &Relation> + '_ {
        self.outgoing
            .of(e)
            .iter()
            .map(|r| self.relation(*r))
            .filter(move |r| r.kind == kind)
    }

    /// Incoming relationships of `e` of one kind.
    pub fn inc(&self, e: ElementId, kind: RelationKind) -> impl Iterator<Item = &Relation> + '_ {
        self.incoming
            .of(e)
            .iter()
            .map(|r| self.relation(*r))
            .filter(move |r| r.kind == kind)
    }

    /// Whether `e` is shown in module `m` as an away element (it lives elsewhere).
    pub fn is_away_in(&self, e: ElementId, m: ModuleId) -> bool {
        self.element(e).module != m
    }

    /// The context and assumptions that apply to `e`: its own context,
    /// assumptions and justifications, plus the context and assumptions of
    /// every element above it along SupportedBy (justifications are local).
    /// Returned in breadth-first order from `e` upwards, without repeats.
    pub fn inherited_context(&self, e: ElementId) -> Vec<ElementId> {
        let mut seen = vec![false; self.elements.len()];
        let mut ctx_seen = vec![false; self.elements.len()];
        let mut out = Vec::new();
        let mut queue = std::collections::VecDeque::from([e]);
        seen[e.0 as usize] = true;
        while let Some(cur) = queue.pop_front() {
            for r in self.out(cur, RelationKind::InContextOf) {
                let k = self.element(r.to).kind;
                let local_only = k == ElementKind::Justification;
                if (cur == e || !local_only) && !ctx_seen[r.to.0 as usize] {
                    ctx_seen[r.to.0 as usize] = true;
                    out.push(r.to);
                }
            }
            for r in self.inc(cur, RelationKind::SupportedBy) {
                if !seen[r.from.0 as usize] {
                    seen[r.from.0 as usize] = true;
                    queue.push_back(r.from);
                }
            }
        }
        out
    }
}
