//! `assure render`: load (like `assure check`), lay out each view and write
//! it as SVG, PNG, PDF or layout JSON into one output folder.
//!
//! The case is rendered even when rules report errors (the diagram is how
//! people look at them); it is not rendered when loading itself failed
//! (L-codes of severity error), since the diagram would silently miss parts.
//! Every file is written inside the output folder under a name derived from
//! the module name by [`assure_render::escape::file_stem`], which cannot
//! contain a path separator; an existing symbolic link there is refused.

use crate::output::{self, Color, Format as CheckFormat};
use assure_check::Report;
use assure_core::{Loaded, ModuleId, Severity};
use assure_layout::{LayoutOptions, View, layout};
use assure_render::escape::{file_stem, module_stems};
use assure_render::{Stylesheet, SvgOptions};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Output formats of `assure render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// SVG with CSS classes (default).
    Svg,
    /// PNG bitmap (resvg).
    Png,
    /// Vector PDF.
    Pdf,
    /// The laid-out geometry: every box and edge (`<view>.layout.json`).
    LayoutJson,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::LayoutJson => "layout.json",
        }
    }
}

/// Arguments of `assure render`.
#[derive(clap::Args, Clone)]
pub struct Args {
    /// Case files or folders (default: ./index.gsn.yaml). Several files form one case.
    pub paths: Vec<PathBuf>,
    /// Output folder (created if missing).
    #[arg(
        short = 'o',
        long = "out",
        value_name = "DIR",
        default_value = "assure-diagrams"
    )]
    pub out: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Svg)]
    pub format: Format,
    /// Only the focused view below this element (written as `focus-<ID>`).
    #[arg(long, value_name = "ID")]
    pub root: Option<String>,
    /// Levels of SupportedBy shown below --root.
    #[arg(long, value_name = "N", default_value_t = 3, requires = "root")]
    pub depth: u32,
    /// CSS stylesheet for the SVG, linked as given (relative to the SVG); repeatable.
    #[arg(long, value_name = "FILE")]
    pub stylesheet: Vec<String>,
    /// Embed the stylesheets' contents instead of linking them (always for PNG and PDF).
    #[arg(long)]
    pub embed_css: bool,
    /// Pixels per unit for PNG (lowered for diagrams too large for a bitmap at that scale).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
}

/// What to render, independent of the command line (also used by `assure demo`).
pub struct Job<'a> {
    /// Output folder.
    pub out: &'a Path,
    /// Format.
    pub format: Format,
    /// Focused view instead of the module, complete and architecture views.
    pub focus: Option<(&'a str, u32)>,
    /// SVG options (stylesheets).
    pub svg: SvgOptions,
    /// PNG scale.
    pub scale: f32,
}

/// Loader errors that mean parts of the case were not read: the
/// non-configurable `L` codes (syntax, encoding, value types, unreadable or
/// refused files, limits, invalid ids), except `L007` (a circle of `uses`:
/// every file is still loaded once). Configurable loader codes (`L004`,
/// `L010`, `L012`) lose nothing, even when raised to errors.
pub(crate) fn load_errors(report: &Report) -> Report {
    let loses_parts = |code: &str| {
        code != assure_core::codes::L007.code
            && assure_core::codes::ALL
                .iter()
                .any(|m| m.code == code && !m.configurable)
    };
    Report {
        diagnostics: report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && loses_parts(d.code))
            .cloned()
            .collect(),
    }
}

/// Runs `assure render`.
pub fn run(args: &Args) -> Result<u8, String> {
    let check = super::check::Args {
        paths: args.paths.clone(),
        format: CheckFormat::Human,
        deny: Vec::new(),
        warn: Vec::new(),
        allow: Vec::new(),
        deny_warnings: false,
        explain_steps: false,
        color: Color::Auto,
    };
    let (loaded, report) = super::check::load_and_check(&check)?;
    let fatal = load_errors(&report);
    if !fatal.diagnostics.is_empty() {
        output::print(&loaded, &fatal, CheckFormat::Human, Color::Auto, false)
            .map_err(|e| e.to_string())?;
        eprintln!("not rendering: the case did not load completely (fix the errors above)");
        return Ok(1);
    }
    let errors = report.count(Severity::Error);
    if errors > 0 {
        eprintln!(
            "note: the case has {errors} error{} (see `assure check`); rendering it anyway",
            if errors == 1 { "" } else { "s" }
        );
    }
    let embed = args.embed_css || matches!(args.format, Format::Png | Format::Pdf);
    let mut stylesheets = Vec::new();
    for s in &args.stylesheet {
        if embed {
            let css = std::fs::read_to_string(s)
                .map_err(|e| format!("cannot read stylesheet {s}: {e}"))?;
            stylesheets.push(Stylesheet::Inline(css));
        } else {
            stylesheets.push(Stylesheet::Link(s.clone()));
        }
    }
    let job = Job {
        out: &args.out,
        format: args.format,
        focus: args.root.as_deref().map(|r| (r, args.depth)),
        svg: SvgOptions {
            stylesheets,
            ..SvgOptions::default()
        },
        scale: args.scale,
    };
    let written = render(&loaded, &job)?;
    let mut stdout = std::io::stdout().lock();
    for p in &written {
        // A closed pipe (`| head`) is not an error of ours.
        if writeln!(stdout, "{}", p.display()).is_err() {
            break;
        }
    }
    std::mem::forget(loaded);
    Ok(0)
}

/// The views to draw with their file stems.
fn views(loaded: &Loaded, focus: Option<(&str, u32)>) -> Result<Vec<(View, String)>, String> {
    let case = &loaded.case;
    if let Some((id, depth)) = focus {
        let root = case
            .find(id)
            .ok_or_else(|| format!("--root: the case has no element `{id}`"))?;
        return Ok(vec![(
            View::Focus { root, depth },
            format!("focus-{}", file_stem(id)),
        )]);
    }
    let stems = module_stems(case.modules.iter().map(|m| m.name.value.as_ref()));
    let mut out: Vec<(View, String)> = stems
        .into_iter()
        .enumerate()
        .map(|(i, stem)| (View::Module(ModuleId(i as u32)), stem))
        .collect();
    out.push((View::Complete, "complete".into()));
    out.push((View::Architecture, "architecture".into()));
    Ok(out)
}

/// Writes `bytes` to `dir/name`, refusing anything but a plain file name and
/// never following a symbolic link.
pub(crate) fn write_inside(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).components().count() == 1;
    if !plain {
        return Err(format!("refusing to write `{name}`: not a plain file name"));
    }
    let path = dir.join(name);
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && meta.file_type().is_symlink()
    {
        return Err(format!(
            "refusing to write {}: it is a symbolic link",
            path.display()
        ));
    }
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Renders every view of `loaded` for `job`; returns the files written.
pub fn render(loaded: &Loaded, job: &Job<'_>) -> Result<Vec<PathBuf>, String> {
    let views = views(loaded, job.focus)?;
    std::fs::create_dir_all(job.out)
        .map_err(|e| format!("cannot create {}: {e}", job.out.display()))?;
    let progress =
        (std::io::stderr().is_terminal() && loaded.case.elements.len() > 1000).then(|| {
            let bar = indicatif::ProgressBar::new(views.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} rendering {pos}/{len} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let opts = LayoutOptions::default();
    let mut written = Vec::new();
    // With one module, its argument view shows exactly the complete view's
    // elements: lay it out once and give it the complete view's title too.
    let single_module = loaded.case.modules.len() == 1;
    let mut module_scene: Option<assure_layout::Scene> = None;
    for (view, stem) in &views {
        if let Some(bar) = &progress {
            bar.set_message(stem.clone());
        }
        let scene = match (view, module_scene.take()) {
            (View::Complete, Some(mut s)) => {
                s.title = view.title(&loaded.case);
                s
            }
            _ => {
                let s = layout(&loaded.case, view, &opts);
                if single_module && matches!(view, View::Module(_)) {
                    module_scene = Some(s.clone());
                }
                s
            }
        };
        let bytes = match job.format {
            Format::LayoutJson => {
                let mut s =
                    serde_json::to_string_pretty(&scene.to_json()).map_err(|e| e.to_string())?;
                s.push('\n');
                s.into_bytes()
            }
            Format::Svg => assure_render::svg(&scene, &job.svg).into_bytes(),
            Format::Png => {
                let m = 2.0 * job.svg.margin;
                let scale =
                    assure_render::png_fit_scale(scene.width + m, scene.height + m, job.scale);
                raster_png(&assure_render::svg(&scene, &job.svg), scale)?
            }
            Format::Pdf => raster_pdf(&assure_render::svg(&scene, &job.svg))?,
        };
        let name = format!("{stem}.{}", job.format.extension());
        written.push(write_inside(job.out, &name, &bytes)?);
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(written)
}

#[cfg(feature = "png")]
fn raster_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    assure_render::png(svg, scale).map_err(|e| e.to_string())
}

#[cfg(not(feature = "png"))]
fn raster_png(_: &str, _: f32) -> Result<Vec<u8>, String> {
    Err("this build of assure has no PNG support (feature `png`)".into())
}

#[cfg(feature = "pdf")]
fn raster_pdf(svg: &str) -> Result<Vec<u8>, String> {
    assure_render::pdf(svg).map_err(|e| e.to_string())
}

#[cfg(not(feature = "pdf"))]
fn raster_pdf(_: &str) -> Result<Vec<u8>, String> {
    Err("this build of assure has no PDF support (feature `pdf`)".into())
}
