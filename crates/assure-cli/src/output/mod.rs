//! Rendering findings: for people ([`human`]), for programs ([`json`]) and for
//! code-scanning tools ([`sarif`]). Only this module renders diagnostics.

pub mod human;
pub mod json;
pub mod sarif;

use assure_check::Report;
use assure_core::Loaded;
use std::io::Write;

/// Output formats of `assure check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like text with source snippets.
    Human,
    /// Stable JSON (see docs/cli.md).
    Json,
    /// SARIF 2.1.0.
    Sarif,
}

/// Colour choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Prints a report to standard output.
pub fn print(
    loaded: &Loaded,
    report: &Report,
    format: Format,
    color: Color,
    steps: bool,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::print(loaded, report, color, steps),
        Format::Json => {
            let v = json::report(loaded, report, steps);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)
        }
        Format::Sarif => {
            let v = sarif::report(loaded, report);
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)
        }
    }
}
