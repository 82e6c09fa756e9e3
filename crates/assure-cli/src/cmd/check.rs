//! `assure check`: load, check, report.

use crate::output::{self, Format};
use crate::world::FsWorld;
use assure_check::{Config, Report};
use assure_core::{Limits, Loaded, Severity};
use std::path::{Path, PathBuf};

/// Arguments of `assure check`.
#[derive(clap::Args, Clone)]
pub struct Args {
    /// Case files or folders (default: ./index.gsn.yaml). Several files form one case.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat these rules (codes, names, families like `T`, or `all`) as errors.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,
    /// Treat these rules as warnings.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,
    /// Do not report these rules.
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also report the six-step status of every goal.
    #[arg(long)]
    pub explain_steps: bool,
    /// Colour: auto (when a terminal), always, never.
    #[arg(long, value_enum, default_value_t = output::Color::Auto)]
    pub color: output::Color,
}

impl Args {
    /// `assure check PATHS` with every default: what other commands load a case with.
    pub fn for_paths(paths: Vec<PathBuf>) -> Self {
        Args {
            paths,
            format: Format::Human,
            deny: Vec::new(),
            warn: Vec::new(),
            allow: Vec::new(),
            deny_warnings: false,
            explain_steps: false,
            color: output::Color::Auto,
        }
    }
}

/// Reads `[severity]` from `assure.toml` in the case folder, if there is one.
fn toml_config(dir: Option<&Path>) -> Result<Config, String> {
    let Some(dir) = dir else {
        return Ok(Config::default());
    };
    let path = dir.join("assure.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(sev) = table.get("severity") else {
        return Ok(Config::default());
    };
    let sev = sev
        .as_table()
        .ok_or_else(|| format!("{}: `severity` must be a table", path.display()))?;
    let pairs: Vec<(&str, &str)> = sev
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or("")))
        .collect();
    Config::from_pairs(pairs).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads and checks; returns the loaded case and the report (or a usage/I-O error).
pub fn load_and_check(args: &Args) -> Result<(Loaded, Report), String> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("index.gsn.yaml")]
    } else {
        args.paths.clone()
    };
    let loaded = assure_core::load(&FsWorld::new(), &paths, &Limits::default())
        .map_err(|e| e.to_string())?;
    let mut config = toml_config(loaded.case_dir.as_deref())?;
    for (list, level) in [
        (&args.warn, Severity::Warning),
        (&args.deny, Severity::Error),
        (&args.allow, Severity::Allow),
    ] {
        for code in list {
            config.set(code, level).map_err(|e| e.to_string())?;
        }
    }
    let report = assure_check::check(&loaded, &config);
    Ok((loaded, report))
}

/// Runs the check and prints the result; the exit status follows the findings.
pub fn run(args: &Args) -> Result<u8, String> {
    let (loaded, report) = load_and_check(args)?;
    output::print(
        &loaded,
        &report,
        args.format,
        args.color,
        args.explain_steps,
    )
    .map_err(|e| e.to_string())?;
    let status = exit_status(&report, args.deny_warnings);
    // The process ends next: freeing a million-element model one node at a
    // time would cost more than the check itself.
    std::mem::forget(loaded);
    Ok(status)
}

/// 1 when there are errors (or warnings with `deny_warnings`), else 0.
pub fn exit_status(report: &Report, deny_warnings: bool) -> u8 {
    let failing =
        report.count(Severity::Error) > 0 || (deny_warnings && report.count(Severity::Warning) > 0);
    u8::from(failing)
}
