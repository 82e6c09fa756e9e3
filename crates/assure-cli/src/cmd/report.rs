//! `assure report`: the assurance case report as one self-contained HTML
//! file (default), Markdown with its diagrams beside it, or a PDF.
//!
//! Loading and checking are `assure check`'s (the findings go into the
//! report). The version shown is the case folder's git commit (asked from
//! `git`, when it is there) and a SHA-256 of the case files; the date only
//! with `--date`. Files are written only where `-o` says: the file itself
//! and, for Markdown, a folder `<name>-diagrams/` beside it; a symbolic
//! link in either place is refused.

use crate::output::{Color, Format as CheckFormat};
use assure_core::Severity;
use assure_report::{HtmlOptions, Meta, ReportData};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Output formats of `assure report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained interactive HTML file.
    Html,
    /// Markdown, with the diagrams as SVG files in `<name>-diagrams/`.
    Md,
    /// A printable PDF.
    Pdf,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Pdf => "pdf",
        }
    }
}

/// Arguments of `assure report`.
#[derive(clap::Args, Clone)]
pub struct Args {
    /// Case files or folders (default: ./index.gsn.yaml). Several files form one case.
    pub paths: Vec<PathBuf>,
    /// Output file (default: assure-report.html / .md / .pdf).
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// Title (default: the name of the first module).
    #[arg(long)]
    pub title: Option<String>,
    /// Print this date in the report (`today` for today's date, UTC); none by default,
    /// so the same case gives the same bytes.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Do not embed the fonts in the HTML (about 2 MB smaller; the browser's
    /// sans-serif is used and long lines may overflow their boxes slightly).
    #[arg(long)]
    pub no_fonts: bool,
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The git commit of `dir` and whether the case files there have
/// uncommitted changes; `None` when git or a repository is not there.
fn git_version(dir: &Path) -> Option<(String, bool)> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--verify", "-q", "HEAD"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let commit = String::from_utf8(out.stdout).ok()?.trim().to_string();
    if commit.is_empty() || !commit.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let dirty = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["status", "--porcelain", "--untracked-files=no", "--", "."])
        .output()
        .ok()
        .is_some_and(|o| !o.stdout.is_empty());
    Some((commit, dirty))
}

/// What to write, independent of the command line (also used by `assure demo`).
pub struct Job<'a> {
    /// Output file.
    pub out: &'a Path,
    /// Format.
    pub format: Format,
    /// Report metadata (title, commit, date).
    pub meta: Meta,
    /// HTML options.
    pub html: HtmlOptions,
}

/// Writes `bytes` to `path` unless it is a symbolic link.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
    {
        return Err(format!(
            "refusing to write {}: it is a symbolic link",
            path.display()
        ));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Builds the report of a loaded, checked case and writes it; returns the
/// files written (the report first).
pub fn write_report(
    loaded: &assure_core::Loaded,
    report: &assure_check::Report,
    job: &Job<'_>,
) -> Result<Vec<PathBuf>, String> {
    let data = ReportData::build(loaded, report, job.meta.clone());
    let diagrams = assure_report::diagrams(&loaded.case);
    let legend = assure_report::legend();
    let mut written = vec![job.out.to_path_buf()];
    match job.format {
        Format::Html => {
            let page = assure_report::html(&data, &diagrams, &legend, &job.html);
            write_file(job.out, page.as_bytes())?;
        }
        Format::Md => {
            let stem = job
                .out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "report".into());
            let dir_name = format!("{}-diagrams", assure_render::escape::file_stem(&stem));
            let md = assure_report::markdown(&data, &diagrams, &legend, &dir_name);
            let dir = job
                .out
                .parent()
                .unwrap_or_else(|| Path::new(""))
                .join(&dir_name);
            if let Ok(meta) = std::fs::symlink_metadata(&dir)
                && meta.file_type().is_symlink()
            {
                return Err(format!(
                    "refusing to write into {}: it is a symbolic link",
                    dir.display()
                ));
            }
            write_file(job.out, md.text.as_bytes())?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            for (name, svg) in &md.images {
                written.push(super::render::write_inside(&dir, name, svg.as_bytes())?);
            }
        }
        Format::Pdf => {
            let bytes = pdf(&data, &diagrams, &legend)?;
            write_file(job.out, &bytes)?;
        }
    }
    Ok(written)
}

#[cfg(feature = "pdf")]
fn pdf(
    data: &ReportData,
    diagrams: &[assure_report::Diagram],
    legend: &assure_layout::Scene,
) -> Result<Vec<u8>, String> {
    assure_report::pdf::pdf(data, diagrams, legend)
}

#[cfg(not(feature = "pdf"))]
fn pdf(
    _: &ReportData,
    _: &[assure_report::Diagram],
    _: &assure_layout::Scene,
) -> Result<Vec<u8>, String> {
    Err("this build of assure has no PDF support (feature `pdf`)".into())
}

/// The report's metadata for a loaded case.
pub fn meta(loaded: &assure_core::Loaded, title: Option<String>, date: Option<String>) -> Meta {
    let (commit, dirty) = loaded
        .case_dir
        .as_deref()
        .and_then(git_version)
        .map_or((None, false), |(c, d)| (Some(c), d));
    Meta {
        title,
        commit,
        dirty,
        date: date.map(|d| if d == "today" { today() } else { d }),
        generator: format!("assure {}", env!("CARGO_PKG_VERSION")),
    }
}

/// Runs `assure report`.
pub fn run(args: &Args) -> Result<u8, String> {
    let check = super::check::Args::for_paths(args.paths.clone());
    let (loaded, report) = super::check::load_and_check(&check)?;
    let fatal = super::render::load_errors(&report);
    if !fatal.diagnostics.is_empty() {
        crate::output::print(&loaded, &fatal, CheckFormat::Human, Color::Auto, false)
            .map_err(|e| e.to_string())?;
        eprintln!("not writing a report: the case did not load completely (fix the errors above)");
        return Ok(1);
    }
    let errors = report.count(Severity::Error);
    if errors > 0 {
        eprintln!(
            "note: the case has {errors} error{}; the report lists them under Findings",
            if errors == 1 { "" } else { "s" }
        );
    }
    let default = PathBuf::from(format!("assure-report.{}", args.format.extension()));
    let out = args.out.clone().unwrap_or(default);
    let job = Job {
        out: &out,
        format: args.format,
        meta: meta(&loaded, args.title.clone(), args.date.clone()),
        html: HtmlOptions {
            embed_fonts: !args.no_fonts,
        },
    };
    for p in write_report(&loaded, &report, &job)? {
        println!("{}", p.display());
    }
    std::mem::forget(loaded);
    Ok(0)
}
