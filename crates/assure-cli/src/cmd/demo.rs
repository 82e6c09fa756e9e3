//! `assure demo`: writes the bundled example case and runs the pipeline on it.

use std::path::{Path, PathBuf};

/// The bundled example: the VoluFlow 300 infusion pump case.
pub const EXAMPLE: &[(&str, &str)] = &[
    (
        "index.gsn.yaml",
        include_str!("../../../../examples/infusion-pump/index.gsn.yaml"),
    ),
    (
        "hazards.gsn.yaml",
        include_str!("../../../../examples/infusion-pump/hazards.gsn.yaml"),
    ),
    (
        "security.gsn.yaml",
        include_str!("../../../../examples/infusion-pump/security.gsn.yaml"),
    ),
    (
        "software.gsn.yaml",
        include_str!("../../../../examples/infusion-pump/software.gsn.yaml"),
    ),
    (
        "usability.gsn.yaml",
        include_str!("../../../../examples/infusion-pump/usability.gsn.yaml"),
    ),
    (
        "README.md",
        include_str!("../../../../examples/infusion-pump/README.md"),
    ),
];

/// Arguments of `assure demo`.
#[derive(clap::Args)]
pub struct Args {
    /// Where to write the example case.
    #[arg(default_value = "assure-demo")]
    dir: PathBuf,
    /// Overwrite files in DIR that differ from the bundled example.
    #[arg(long)]
    force: bool,
}

/// Writes the example without clobbering anything the user changed.
fn write_example(dir: &Path, force: bool) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in EXAMPLE {
        let path = dir.join(name);
        if let Ok(existing) = std::fs::read(&path)
            && existing != text.as_bytes()
            && !force
        {
            return Err(format!(
                "{} exists and differs from the bundled example; use --force to overwrite it, or choose another folder",
                path.display()
            ));
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Runs the demo.
pub fn run(args: &Args) -> Result<u8, String> {
    write_example(&args.dir, args.force)?;
    println!(
        "Wrote the VoluFlow 300 infusion pump case ({} files) to {}",
        EXAMPLE.len(),
        args.dir.display()
    );
    println!("Checking it: assure check {}", args.dir.display());
    println!();
    let check = super::check::Args::for_paths(vec![args.dir.clone()]);
    let status = super::check::run(&check)?;
    let (loaded, report) = super::check::load_and_check(&check)?;
    let out = args.dir.join("diagrams");
    let job = super::render::Job {
        out: &out,
        format: super::render::Format::Svg,
        focus: None,
        svg: assure_render::SvgOptions::default(),
        scale: 1.0,
    };
    let written = super::render::render(&loaded, &job)?;
    println!();
    println!(
        "Diagrams ({} SVG files: one per module, complete.svg, architecture.svg) in {}",
        written.len(),
        out.display()
    );
    println!(
        "Render them yourself: assure render {} -o {}",
        args.dir.display(),
        out.display()
    );
    let report_path = args.dir.join("report.html");
    let job = super::report::Job {
        out: &report_path,
        format: super::report::Format::Html,
        meta: super::report::meta(&loaded, None, None),
        html: assure_report::HtmlOptions::default(),
    };
    super::report::write_report(&loaded, &report, &job)?;
    println!();
    println!(
        "Assurance case report (open it in a browser): {}",
        report_path.display()
    );
    println!(
        "Make it yourself: assure report {} -o {}",
        args.dir.display(),
        report_path.display()
    );
    Ok(status)
}
