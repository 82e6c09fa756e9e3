//! The rules of assure. Each rule lives in its own file under [`rules`] with its
//! documentation (what it checks, why, the clause of the standard, a failing and
//! a passing example) and its fixture under `tests/fixtures/`.
//!
//! Architecture invariant: rules read the model and emit [`Diagnostic`]s as data;
//! no rule renders, reads files, or depends on another rule's output. Every
//! rule runs on every case, so no finding hides another.

mod config;
mod ctx;
mod graph;
pub mod rules;
pub mod steps;
mod text;

pub use config::{Config, ConfigError, find_code};
pub use ctx::{Ctx, Sink};
pub use rules::{RULES, Rule};

use assure_core::{CodeMeta, Diagnostic, Loaded, Severity};

/// The outcome of checking one case.
#[derive(Debug, Default)]
pub struct Report {
    /// Every finding (load problems included), sorted by file, position, code.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of findings of a severity.
    pub fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }
}

/// Every code assure can emit: loader codes, then rules.
pub fn all_codes() -> impl Iterator<Item = &'static assure_core::CodeMeta> {
    assure_core::codes::ALL
        .iter()
        .copied()
        .chain(RULES.iter().map(|r| r.meta))
}

/// Runs every rule on a loaded case, applies the severity configuration
/// (the case's own `module: severity:` settings, overridden by `config`, which
/// the CLI builds from `assure.toml` and then its flags), and
/// returns the sorted findings together with the loader's.
pub fn check(loaded: &Loaded, config: &Config) -> Report {
    let ctx = Ctx::new(&loaded.case);
    let mut sink = Sink::new(&loaded.case);
    for rule in RULES {
        sink.current = rule.meta;
        (rule.check)(&ctx, &mut sink);
    }
    let mut diagnostics: Vec<Diagnostic> = loaded.diagnostics.clone();
    diagnostics.extend(sink.finish());
    let (case_config, config_diags) = Config::from_case(&loaded.case);
    diagnostics.extend(config_diags);
    let merged = case_config.overridden_by(config);
    diagnostics.retain_mut(|d| {
        d.severity = merged.severity_of(d.code, d.severity);
        d.severity != Severity::Allow
    });
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    Report { diagnostics }
}

/// The Markdown documentation page of a rule (also written to `docs/rules/`).
pub fn rule_page(m: &CodeMeta) -> String {
    let mut s = format!("# {} {}\n\n{}.\n\n", m.code, m.name, m.summary);
    s.push_str(&format!(
        "- Default severity: {}{}\n",
        m.default_severity.as_str(),
        if m.configurable {
            ""
        } else {
            " (not configurable)"
        }
    ));
    s.push_str(&format!("- Clause: {}\n", m.clause));
    if let Some(g) = m.gsn2x {
        s.push_str(&format!("- gsn2x equivalent: {g}\n"));
    }
    s.push('\n');
    s.push_str(m.doc.trim_end());
    s.push('\n');
    s
}
