//! What rules share: facts computed once per case ([`Ctx`]) and the place they
//! put findings ([`Sink`]), which honours per-element `allow:` lists.

use assure_core::model::{Case, ElementId, ElementKind, RelationKind};
use assure_core::{CodeMeta, Diagnostic, Span};

/// Facts about a case that several rules need, computed once.
pub struct Ctx<'a> {
    /// The case.
    pub case: &'a Case,
    /// Top-level elements: not the target of any SupportedBy or InContextOf, and
    /// not challenging anything (challengers hang off what they challenge).
    /// Later definitions of a duplicated id are not counted.
    pub roots: Vec<ElementId>,
    /// Whether each element is a later duplicate definition.
    pub is_duplicate: Vec<bool>,
}

/// Whether a context or assumption applies to each element — its own, or
/// inherited along SupportedBy from any element above (GSN 1:2.2.11–19) —
/// and whether the element lies on or below a SupportedBy cycle (where
/// inheritance is undefined). One topological pass: linear in the case size.
pub struct ContextScope {
    /// `in_scope[e]`: some context or assumption applies to `e`.
    pub in_scope: Vec<bool>,
    /// `in_cycle[e]`: `e` is on or below a SupportedBy cycle.
    pub in_cycle: Vec<bool>,
}

impl ContextScope {
    /// Computes the scope of every element.
    pub fn of(case: &Case) -> Self {
        let n = case.elements.len();
        let mut indeg = vec![0u32; n];
        for r in case
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::SupportedBy)
        {
            indeg[r.to.0 as usize] += 1;
        }
        let mut in_scope: Vec<bool> = case
            .element_ids()
            .map(|e| {
                case.out(e, RelationKind::InContextOf).any(|r| {
                    matches!(
                        case.element(r.to).kind,
                        ElementKind::Context | ElementKind::Assumption
                    )
                })
            })
            .collect();
        let mut queue: Vec<ElementId> = (0..n)
            .filter(|&i| indeg[i] == 0)
            .map(|i| ElementId(i as u32))
            .collect();
        while let Some(v) = queue.pop() {
            for r in case.out(v, RelationKind::SupportedBy) {
                let w = r.to.0 as usize;
                in_scope[w] |= in_scope[v.0 as usize];
                indeg[w] -= 1;
                if indeg[w] == 0 {
                    queue.push(r.to);
                }
            }
        }
        let in_cycle = indeg.iter().map(|&d| d > 0).collect();
        ContextScope { in_scope, in_cycle }
    }
}

impl<'a> Ctx<'a> {
    /// Computes the shared facts.
    pub fn new(case: &'a Case) -> Self {
        let mut is_duplicate = vec![false; case.elements.len()];
        for d in &case.duplicates {
            is_duplicate[d.second.0 as usize] = true;
        }
        let roots = case
            .element_ids()
            .filter(|&e| {
                !is_duplicate[e.0 as usize]
                    && case.inc(e, RelationKind::SupportedBy).all(|r| r.from == e)
                    && case.inc(e, RelationKind::InContextOf).all(|r| r.from == e)
                    && case.element(e).challenges.is_none()
            })
            .collect();
        Ctx {
            case,
            roots,
            is_duplicate,
        }
    }

    /// The kind of an element.
    pub fn kind(&self, e: ElementId) -> ElementKind {
        self.case.element(e).kind
    }

    /// The id text of an element.
    pub fn id(&self, e: ElementId) -> &str {
        &self.case.element(e).id
    }

    /// The strategy whose inference `r` is one part of, when `r` is one of
    /// several SupportedBy links below a strategy (GSN 1:5.2, 1:6: such a
    /// link cannot carry an ACP or be challenged on its own).
    pub fn partial_inference(&self, r: assure_core::RelationId) -> Option<ElementId> {
        let rel = self.case.relation(r);
        (rel.kind == RelationKind::SupportedBy
            && self.kind(rel.from) == ElementKind::Strategy
            && self
                .case
                .out(rel.from, RelationKind::SupportedBy)
                .nth(1)
                .is_some())
        .then_some(rel.from)
    }
}

/// Collects findings for the rule that is running.
pub struct Sink<'a> {
    case: &'a Case,
    /// The rule now running (set by the driver).
    pub current: &'static CodeMeta,
    out: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    /// An empty sink.
    pub fn new(case: &'a Case) -> Self {
        Sink {
            case,
            current: &assure_core::codes::L001,
            out: Vec::new(),
        }
    }

    /// A new diagnostic of the running rule.
    pub fn diag(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.current, span, message)
    }

    /// Reports a finding about element `e`, unless `e` allows this rule.
    pub fn at(&mut self, e: ElementId, d: Diagnostic) {
        let allowed = self.case.element(e).allow.iter().any(|a| {
            a.value.eq_ignore_ascii_case(self.current.code)
                || a.value.eq_ignore_ascii_case(self.current.name)
        });
        if !allowed {
            self.out.push(d);
        }
    }

    /// Reports a finding that belongs to no single element.
    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Everything reported.
    pub fn finish(self) -> Vec<Diagnostic> {
        self.out
    }
}
