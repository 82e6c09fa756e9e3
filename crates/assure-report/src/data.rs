//! What a report says, gathered once from the loaded case and its findings:
//! every output format ([`html`](mod@crate::html), [`markdown`](mod@crate::markdown),
//! PDF) is a view of [`ReportData`], so the formats cannot disagree.
//!
//! Everything here is plain data (strings as written in the case, unescaped);
//! escaping is the job of each format. Order is deterministic: elements in
//! load order, findings in the checker's order, registers sorted by id.

use assure_check::Report;
use assure_check::steps::{GoalSteps, STEP_NAMES, goal_steps};
use assure_core::model::{Case, ElementId, ElementKind, RelationKind};
use assure_core::{Loaded, Severity};
use sha2::{Digest, Sha256};

/// Facts about the report that do not come from the case files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// A title overriding the one derived from the case.
    pub title: Option<String>,
    /// The version-control commit the case files are at (`git rev-parse HEAD`).
    pub commit: Option<String>,
    /// Whether the working tree had uncommitted changes to the case.
    pub dirty: bool,
    /// The date to print (only when the user asks: reports are deterministic).
    pub date: Option<String>,
    /// The tool and version that made the report (`assure 0.1.0`).
    pub generator: String,
}

/// One module of the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleInfo {
    /// Module name.
    pub name: String,
    /// `brief:` text.
    pub brief: Option<String>,
    /// `owner:` of the module.
    pub owner: Option<String>,
    /// The file defining it, as loaded.
    pub file: String,
    /// Number of elements it defines.
    pub elements: usize,
    /// Names of the modules it `uses`.
    pub uses: Vec<String>,
}

/// Where the evidence of a solution stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EvidenceStatus {
    /// The solution names its evidence (`url:`).
    Referenced,
    /// The solution gives no reference to its evidence.
    Unreferenced,
    /// The solution is challenged by a counter argument that is not defeated.
    Challenged,
    /// The solution is marked defeated.
    Defeated,
}

impl EvidenceStatus {
    /// The status as shown in reports.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceStatus::Referenced => "referenced",
            EvidenceStatus::Unreferenced => "no reference",
            EvidenceStatus::Challenged => "challenged",
            EvidenceStatus::Defeated => "defeated",
        }
    }

    /// All statuses, in the order of the dashboard.
    pub const ALL: [EvidenceStatus; 4] = [
        EvidenceStatus::Referenced,
        EvidenceStatus::Unreferenced,
        EvidenceStatus::Challenged,
        EvidenceStatus::Defeated,
    ];
}

/// The six-step status of a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Steps {
    /// Steps 1–6 done.
    pub done: [bool; 6],
    /// The first step not done (7 when complete).
    pub reached: u8,
    /// What is missing, one sentence per missing step.
    pub missing: Vec<String>,
}

impl Steps {
    /// The name of step `n` (1-based).
    pub fn step_name(n: usize) -> &'static str {
        STEP_NAMES.get(n.wrapping_sub(1)).copied().unwrap_or("")
    }

    /// "step 3 of 6: identify the strategy", "undeveloped (step 3: …)" or
    /// "complete", as every format words it.
    pub fn label(&self, undeveloped: bool) -> String {
        let step = usize::from(self.reached);
        if self.reached > 6 {
            "complete".into()
        } else if undeveloped {
            format!("undeveloped (step {step}: {})", Steps::step_name(step))
        } else {
            format!("step {step} of 6: {}", Steps::step_name(step))
        }
    }
}

/// One element with everything the report shows about it. Indices point
/// into [`ReportData::elements`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementInfo {
    /// The id as written.
    pub id: String,
    /// Type.
    pub kind: ElementKind,
    /// Index of its module in [`ReportData::modules`].
    pub module: usize,
    /// Statement (light Markdown).
    pub text: String,
    /// The organisation responsible (its own `owner:` or its module's).
    pub owner: Option<String>,
    /// Upheld by another organisation than the case's owner.
    pub external: bool,
    /// `url:` when it is a safe link (http, https, mailto).
    pub url: Option<String>,
    /// `url:` as written when it is not a safe link (shown as text).
    pub unsafe_url: Option<String>,
    /// Marked undeveloped.
    pub undeveloped: bool,
    /// Marked defeated.
    pub defeated: bool,
    /// File and 1-based line and column of its definition.
    pub location: (String, u32, u32),
    /// Elements it supports (its parents along SupportedBy).
    pub supports: Vec<usize>,
    /// Elements that support it.
    pub supported_by: Vec<usize>,
    /// Its own context, assumptions and justifications.
    pub context: Vec<usize>,
    /// Context, assumptions and justifications inherited from the elements above.
    pub inherited: Vec<usize>,
    /// Elements it is context of.
    pub context_of: Vec<usize>,
    /// Elements it challenges (counter elements).
    pub challenges: Vec<usize>,
    /// Elements challenging it.
    pub challenged_by: Vec<usize>,
    /// Indices of its findings in [`ReportData::findings`].
    pub findings: Vec<usize>,
    /// Six-step status (goals).
    pub steps: Option<Steps>,
    /// Evidence status (solutions).
    pub evidence: Option<EvidenceStatus>,
}

/// One finding of the checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Rule code.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: String,
    /// Help text.
    pub help: Option<String>,
    /// The element it is about (index), if any.
    pub element: Option<usize>,
    /// File, 1-based line and column.
    pub location: (String, u32, u32),
}

/// Everything a report shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportData {
    /// Title.
    pub title: String,
    /// The organisation owning the case (owner of the first module).
    pub owner: Option<String>,
    /// Modules in load order (the first is the root).
    pub modules: Vec<ModuleInfo>,
    /// Commit and dirtiness, date, generator.
    pub meta: Meta,
    /// SHA-256 over the case's files (names and contents, in load order).
    pub content_hash: String,
    /// Elements in load order.
    pub elements: Vec<ElementInfo>,
    /// Findings in the checker's order.
    pub findings: Vec<Finding>,
}

/// The SHA-256 of the case's sources: for each file in load order, its name,
/// a NUL, its length in decimal, a NUL and its text.
pub fn content_hash(loaded: &Loaded) -> String {
    let mut h = Sha256::new();
    for (_, f) in loaded.sources.iter() {
        h.update(f.name.as_bytes());
        h.update([0]);
        h.update(f.text.len().to_string().as_bytes());
        h.update([0]);
        h.update(f.text.as_bytes());
    }
    let digest = h.finalize();
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    s
}

/// The element (index) a finding at `span` is about: the last element whose
/// definition starts at or before it in the same file.
struct ElementFinder {
    /// Per file: (start offset, element index), sorted.
    by_file: Vec<Vec<(u32, usize)>>,
}

impl ElementFinder {
    fn new(case: &Case, files: usize) -> Self {
        let mut by_file = vec![Vec::new(); files];
        for (i, el) in case.elements.iter().enumerate() {
            if let Some(v) = by_file.get_mut(el.span.file.0 as usize) {
                v.push((el.span.start, i));
            }
        }
        for v in &mut by_file {
            v.sort_unstable();
        }
        ElementFinder { by_file }
    }

    fn find(&self, span: assure_core::span::Span) -> Option<usize> {
        let v = self.by_file.get(span.file.0 as usize)?;
        let n = v.partition_point(|&(s, _)| s <= span.start);
        n.checked_sub(1).map(|k| v[k].1)
    }
}

impl ReportData {
    /// Gathers the report's content from a loaded case and its check report.
    pub fn build(loaded: &Loaded, report: &Report, meta: Meta) -> ReportData {
        let case = &loaded.case;
        let sources = &loaded.sources;
        let modules: Vec<ModuleInfo> = case
            .modules
            .iter()
            .map(|m| ModuleInfo {
                name: m.name.value.to_string(),
                brief: m.brief.as_ref().map(|b| b.value.trim_end().to_string()),
                owner: m.owner.as_ref().map(|o| o.value.to_string()),
                file: sources.get(m.file).name.clone(),
                elements: m.elements.len(),
                uses: m
                    .uses
                    .iter()
                    .filter_map(|u| u.target)
                    .map(|t| case.module(t).name.value.to_string())
                    .collect(),
            })
            .collect();
        let owner = modules.first().and_then(|m| m.owner.clone());
        let title = meta.title.clone().unwrap_or_else(|| {
            modules
                .first()
                .map(|m| m.name.clone())
                .unwrap_or_else(|| "Assurance case".into())
        });

        let finder = ElementFinder::new(case, sources.iter().count());
        let findings: Vec<Finding> = report
            .diagnostics
            .iter()
            .map(|d| {
                let span = d.primary.span;
                let lc = sources.start(span);
                Finding {
                    code: d.code.to_string(),
                    severity: d.severity,
                    message: d.message.clone(),
                    help: d.help.clone(),
                    element: finder.find(span),
                    location: (
                        sources.get(span.file).name.clone(),
                        lc.line + 1,
                        lc.column + 1,
                    ),
                }
            })
            .collect();
        let mut per_element: Vec<Vec<usize>> = vec![Vec::new(); case.elements.len()];
        for (i, f) in findings.iter().enumerate() {
            if let Some(e) = f.element {
                per_element[e].push(i);
            }
        }

        let mut steps: Vec<Option<Steps>> = vec![None; case.elements.len()];
        for GoalSteps {
            goal,
            done,
            reached,
            missing,
            ..
        } in goal_steps(case)
        {
            steps[goal.0 as usize] = Some(Steps {
                done,
                reached,
                missing,
            });
        }

        let idx = |e: ElementId| e.0 as usize;
        let related = |e: ElementId, kind: RelationKind, outgoing: bool| -> Vec<usize> {
            if outgoing {
                case.out(e, kind).map(|r| idx(r.to)).collect()
            } else {
                case.inc(e, kind).map(|r| idx(r.from)).collect()
            }
        };
        let mut elements = Vec::with_capacity(case.elements.len());
        for (e, (el, element_findings)) in case
            .element_ids()
            .zip(case.elements.iter().zip(per_element))
        {
            let owner = case.owner_of(e).map(str::to_string);
            let external = match (&owner, &modules.first().and_then(|m| m.owner.as_ref())) {
                (Some(o), Some(case_owner)) => o != *case_owner,
                (Some(_), None) => el.owner.is_some(),
                _ => false,
            };
            let (url, unsafe_url) = match el.url.as_ref().map(|u| u.value.as_ref()) {
                Some(u) => match assure_render::escape::safe_url(u) {
                    Some(s) => (Some(s.to_string()), None),
                    None => (None, Some(u.to_string())),
                },
                None => (None, None),
            };
            let challenged_by = related(e, RelationKind::Challenges, false);
            let evidence = el.kind.eq(&ElementKind::Solution).then(|| {
                let live_challenge = case
                    .inc(e, RelationKind::Challenges)
                    .any(|r| !r.defeated && !case.element(r.from).is_defeated());
                if el.is_defeated() {
                    EvidenceStatus::Defeated
                } else if live_challenge {
                    EvidenceStatus::Challenged
                } else if url.is_some() || unsafe_url.is_some() {
                    EvidenceStatus::Referenced
                } else {
                    EvidenceStatus::Unreferenced
                }
            });
            let lc = sources.start(el.span);
            elements.push(ElementInfo {
                id: el.id.to_string(),
                kind: el.kind,
                module: el.module.0 as usize,
                text: el.text().trim_end().to_string(),
                owner,
                external,
                url,
                unsafe_url,
                undeveloped: el.is_undeveloped(),
                defeated: el.is_defeated(),
                location: (
                    sources.get(el.span.file).name.clone(),
                    lc.line + 1,
                    lc.column + 1,
                ),
                supports: related(e, RelationKind::SupportedBy, false),
                supported_by: related(e, RelationKind::SupportedBy, true),
                context: related(e, RelationKind::InContextOf, true),
                inherited: case
                    .inherited_context(e)
                    .into_iter()
                    .map(idx)
                    .filter(|c| {
                        !case
                            .out(e, RelationKind::InContextOf)
                            .any(|r| idx(r.to) == *c)
                    })
                    .collect(),
                context_of: related(e, RelationKind::InContextOf, false),
                challenges: related(e, RelationKind::Challenges, true),
                challenged_by,
                findings: element_findings,
                steps: steps[e.0 as usize].take(),
                evidence,
            });
        }

        ReportData {
            title,
            owner,
            modules,
            content_hash: content_hash(loaded),
            meta,
            elements,
            findings,
        }
    }

    /// Number of elements of each known kind (kinds with none included), then
    /// of unknown kind.
    pub fn counts(&self) -> Vec<(ElementKind, usize)> {
        let mut out: Vec<(ElementKind, usize)> =
            ElementKind::KNOWN.iter().map(|&k| (k, 0)).collect();
        out.push((ElementKind::Unknown, 0));
        for e in &self.elements {
            if let Some(slot) = out.iter_mut().find(|(k, _)| *k == e.kind) {
                slot.1 += 1;
            }
        }
        out
    }

    /// Number of findings of a severity.
    pub fn findings_of(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// Indices of the elements of some kinds, sorted by id (then load order).
    pub fn of_kinds(&self, kinds: &[ElementKind]) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.elements.len())
            .filter(|&i| kinds.contains(&self.elements[i].kind))
            .collect();
        v.sort_by(|&a, &b| natural_cmp(&self.elements[a].id, &self.elements[b].id).then(a.cmp(&b)));
        v
    }

    /// Goals (and counter goals) marked undeveloped or with no support, by id.
    pub fn undeveloped_goals(&self) -> Vec<usize> {
        self.of_kinds(&[ElementKind::Goal, ElementKind::CounterGoal])
            .into_iter()
            .filter(|&i| {
                let e = &self.elements[i];
                e.undeveloped || e.supported_by.is_empty()
            })
            .collect()
    }

    /// Assumptions and justifications grouped by owner: owners sorted with
    /// external owners first, then the case's owner, then "no owner".
    pub fn assumptions_by_owner(&self) -> Vec<(Option<String>, bool, Vec<usize>)> {
        let mut groups: Vec<(Option<String>, bool, Vec<usize>)> = Vec::new();
        for i in self.of_kinds(&[ElementKind::Assumption]) {
            let e = &self.elements[i];
            match groups.iter_mut().find(|g| g.0 == e.owner) {
                Some(g) => g.2.push(i),
                None => groups.push((e.owner.clone(), e.external, vec![i])),
            }
        }
        groups.sort_by(|a, b| (!a.1, a.0.is_none(), &a.0).cmp(&(!b.1, b.0.is_none(), &b.0)));
        groups
    }

    /// How many goals have reached each step of the six-step method: seven
    /// rows ("at step 1: identify the goal" … "complete") with their counts.
    pub fn goals_by_step(&self) -> Vec<(String, usize)> {
        let mut by_step = [0usize; 8];
        for e in &self.elements {
            if let Some(s) = &e.steps {
                by_step[usize::from(s.reached.min(7))] += 1;
            }
        }
        (1..8)
            .map(|n| {
                let label = if n == 7 {
                    "complete".to_string()
                } else {
                    format!("at step {n}: {}", Steps::step_name(n))
                };
                (label, by_step[n])
            })
            .collect()
    }

    /// Number of solutions in each evidence status.
    pub fn evidence_counts(&self) -> Vec<(EvidenceStatus, usize)> {
        EvidenceStatus::ALL
            .iter()
            .map(|&s| {
                (
                    s,
                    self.elements
                        .iter()
                        .filter(|e| e.evidence == Some(s))
                        .count(),
                )
            })
            .collect()
    }
}

/// The type as shown in reports: "Goal", "Counter goal", "Module reference".
pub fn kind_label(k: ElementKind) -> String {
    if k == ElementKind::Unknown {
        return "Unknown type".into();
    }
    let mut out = String::new();
    for (i, c) in k.name().chars().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the dashboard lists a type even when the case has none of it
/// (the six core GSN types).
pub fn always_counted(k: ElementKind) -> bool {
    matches!(
        k,
        ElementKind::Goal
            | ElementKind::Strategy
            | ElementKind::Solution
            | ElementKind::Context
            | ElementKind::Assumption
            | ElementKind::Justification
    )
}

/// Compares ids so that `G2` sorts before `G10`.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let nx = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let ny = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (dx, dy) = (&x[..nx], &y[..ny]);
                let tx = trim_zeros(dx);
                let ty = trim_zeros(dy);
                let ord = tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty));
                if ord != std::cmp::Ordering::Equal {
                    return ord;
                }
                x = &x[nx..];
                y = &y[ny..];
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(d);
                }
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let z = d.iter().take_while(|&&c| c == b'0').count();
    &d[z.min(d.len().saturating_sub(1))..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_ids() {
        let mut v = vec!["G10", "G2", "G1", "Sn1", "G02", "A1"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["A1", "G1", "G02", "G2", "G10", "Sn1"]);
    }

    #[test]
    fn findings_attach_to_the_element_they_are_in() {
        let loaded = assure_core::load::load_str(&[(
            "a.gsn.yaml",
            "G1:\n  text: The pump is safe\n  supportedBy: [Sn1, G9]\nSn1:\n  text: Tests\n",
        )]);
        let report = assure_check::check(&loaded, &assure_check::Config::default());
        let data = ReportData::build(&loaded, &report, Meta::default());
        let unresolved = data
            .findings
            .iter()
            .find(|f| f.message.contains("G9"))
            .expect("a finding about G9");
        assert_eq!(unresolved.element, Some(0));
        assert_eq!(data.elements[0].supported_by, vec![1]);
        assert_eq!(data.elements[1].supports, vec![0]);
        assert_eq!(
            data.elements[1].evidence,
            Some(EvidenceStatus::Unreferenced)
        );
        assert_eq!(data.content_hash.len(), 64);
    }
}
