//! rustc-like terminal output (codespan-reporting), colour when a terminal.

use assure_check::Report;
use assure_check::steps::{STEP_NAMES, goal_steps};
use assure_core::{Loaded, Severity, SourceDb};
use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label, LabelStyle, Severity as CsSeverity,
};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use std::io::{IsTerminal, Write};
use std::ops::Range;

use super::Color;

/// Adapts a [`SourceDb`] to codespan's `Files`.
struct Db<'a>(&'a SourceDb);

impl<'a> Files<'a> for Db<'a> {
    type FileId = u32;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: u32) -> Result<&'a str, FilesError> {
        Ok(&self.0.get(assure_core::FileId(id)).name)
    }
    fn source(&'a self, id: u32) -> Result<&'a str, FilesError> {
        Ok(&self.0.get(assure_core::FileId(id)).text)
    }
    fn line_index(&'a self, id: u32, byte: usize) -> Result<usize, FilesError> {
        Ok(self.0.get(assure_core::FileId(id)).line_index(byte))
    }
    fn line_range(&'a self, id: u32, line: usize) -> Result<Range<usize>, FilesError> {
        let f = self.0.get(assure_core::FileId(id));
        if line >= f.line_count() {
            return Err(FilesError::LineTooLarge {
                given: line,
                max: f.line_count() - 1,
            });
        }
        let start = f.line_start(line + 1);
        let end = if line + 1 < f.line_count() {
            f.line_start(line + 2)
        } else {
            f.text.len()
        };
        Ok(start..end)
    }
}

fn clamp(db: &SourceDb, span: assure_core::Span) -> Range<usize> {
    let text = &db.get(span.file).text;
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    fix(span.start as usize)..fix(span.end as usize)
}

/// Converts one diagnostic for codespan.
fn convert(db: &SourceDb, d: &assure_core::Diagnostic) -> CsDiagnostic<u32> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        _ => CsSeverity::Note,
    };
    let mut labels = vec![
        Label::new(
            LabelStyle::Primary,
            d.primary.span.file.0,
            clamp(db, d.primary.span),
        )
        .with_message(&d.primary.message),
    ];
    for r in &d.related {
        labels.push(
            Label::new(LabelStyle::Secondary, r.span.file.0, clamp(db, r.span))
                .with_message(&r.message),
        );
    }
    let mut notes = Vec::new();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    CsDiagnostic::new(severity)
        .with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// The closing line: counts of findings.
pub fn summary(loaded: &Loaded, report: &Report) -> String {
    let (e, w, h) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Hint),
    );
    let plural = |n: usize, s: &str| format!("{n} {s}{}", if n == 1 { "" } else { "s" });
    let what = format!(
        "{} in {}",
        plural(loaded.case.elements.len(), "element"),
        plural(loaded.case.modules.len(), "module")
    );
    if e + w + h == 0 {
        format!("ok: no problems found ({what})")
    } else {
        format!(
            "{}: {}, {}, {} ({what})",
            if e > 0 { "failed" } else { "ok" },
            plural(e, "error"),
            plural(w, "warning"),
            plural(h, "hint")
        )
    }
}

/// Prints findings (and optionally the six-step status) to standard output.
pub fn print(loaded: &Loaded, report: &Report, color: Color, steps: bool) -> std::io::Result<()> {
    let choice = match color {
        Color::Always => termcolor::ColorChoice::Always,
        Color::Never => termcolor::ColorChoice::Never,
        Color::Auto
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
        {
            termcolor::ColorChoice::Auto
        }
        Color::Auto => termcolor::ColorChoice::Never,
    };
    let mut out = termcolor::BufferedStandardStream::stdout(choice);
    let config = term::Config::default();
    let db = Db(&loaded.sources);
    for d in &report.diagnostics {
        term::emit_to_write_style(&mut out, &config, &db, &convert(&loaded.sources, d))
            .map_err(std::io::Error::other)?;
    }
    if steps {
        writeln!(out, "{}", steps_text(loaded))?;
    }
    writeln!(out, "{}", summary(loaded, report))?;
    out.flush()
}

/// The six-step status of every goal as text.
pub fn steps_text(loaded: &Loaded) -> String {
    let case = &loaded.case;
    let mut s = String::from("six-step status (ISO/TS 81001-2-1 5.2):\n");
    for g in goal_steps(case) {
        let el = case.element(g.goal);
        let pos = loaded.sources.start(el.span);
        let file = &loaded.sources.get(el.span.file).name;
        let line = if g.reached == 7 {
            "complete (steps 1-6)".to_string()
        } else {
            format!(
                "at step {} ({}): {}",
                g.reached,
                STEP_NAMES[g.reached as usize - 1],
                g.missing.join("; ")
            )
        };
        s.push_str(&format!(
            "  {} ({}:{}:{}) {}\n",
            el.id, file, pos.line, pos.column, line
        ));
    }
    s
}
