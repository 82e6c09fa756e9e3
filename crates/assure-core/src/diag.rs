//! Diagnostics as data. Nothing here renders: the CLI turns these into terminal
//! output, JSON or SARIF.

use crate::span::Span;

/// How serious a finding is. `Allow` means "not reported".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Not reported.
    Allow,
    /// A suggestion; never fails a run.
    Hint,
    /// Reported; fails a run only with `--deny-warnings`.
    Warning,
    /// Fails the run.
    Error,
}

impl Severity {
    /// The lower-case name used in configuration and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Allow => "allow",
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a configuration name (`allow`, `hint`, `warn`/`warning`, `deny`/`error`).
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "allow" | "off" | "ignore" => Severity::Allow,
            "hint" | "info" => Severity::Hint,
            "warn" | "warning" => Severity::Warning,
            "deny" | "error" => Severity::Error,
            _ => return None,
        })
    }
}

/// A secondary location with its own short message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there (may be empty).
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `G004`.
    pub code: &'static str,
    /// Effective severity (after configuration).
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: String,
    /// The main location.
    pub primary: Label,
    /// Other locations that explain the finding (e.g. every element of a cycle).
    pub related: Vec<Label>,
    /// How to fix it, when we can say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic for `meta` at `span`, with the rule's default severity.
    pub fn new(meta: &CodeMeta, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code: meta.code,
            severity: meta.default_severity,
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            related: Vec::new(),
            help: None,
        }
    }

    /// Sets the primary label's message.
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    /// Adds a related location.
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The order diagnostics are reported in: by file, position, then code.
    pub fn sort_key(&self) -> (Span, &'static str, &str) {
        (self.primary.span, self.code, &self.message)
    }
}

/// The documentation and defaults of one diagnostic code (a rule, or a loader check).
#[derive(Debug)]
pub struct CodeMeta {
    /// Stable code, e.g. `G004`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `invalid-supported-by`.
    pub name: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// Severity when nothing is configured.
    pub default_severity: Severity,
    /// Whether configuration may change the severity (syntax errors may not).
    pub configurable: bool,
    /// The clause of the standard the rule enforces.
    pub clause: &'static str,
    /// The gsn2x check with the same meaning, if any.
    pub gsn2x: Option<&'static str>,
    /// Markdown documentation: what it checks, why, examples.
    pub doc: &'static str,
}
