//! `assure gen`: writes a generated case (see `assure-gen`) to a folder.

use std::path::PathBuf;

/// Arguments of `assure gen`.
#[derive(clap::Args)]
pub struct Args {
    /// Number of elements.
    #[arg(long, default_value_t = 1000)]
    elements: usize,
    /// Number of modules (files).
    #[arg(long, default_value_t = 1)]
    modules: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder (created if missing).
    #[arg(short, long)]
    output: PathBuf,
}

/// Generates and writes the case.
pub fn run(args: &Args) -> Result<u8, String> {
    let opts = assure_gen::GenOptions {
        elements: args.elements,
        modules: args.modules.max(1),
        seed: args.seed,
    };
    std::fs::create_dir_all(&args.output)
        .map_err(|e| format!("cannot create {}: {e}", args.output.display()))?;
    for (name, text) in assure_gen::generate(&opts) {
        let path = args.output.join(&name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(0)
}
