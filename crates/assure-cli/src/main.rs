//! `assure`: the command-line tool. Thin by design: one module per subcommand
//! under [`cmd`], terminal/JSON/SARIF rendering under [`output`], the disk
//! behind the core's `World` trait in [`world`].

mod cmd;
mod output;
mod world;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Assurance cases in GSN, checked like code.
#[derive(Parser)]
#[command(name = "assure", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a case against the GSN v3 rules and ISO/TS 81001-2-1 structure.
    Check(cmd::check::Args),
    /// Draw the case's diagrams (module views, complete, architecture, or a focused view).
    Render(cmd::render::Args),
    /// Write the assurance case report: interactive HTML (default), Markdown or PDF.
    Report(cmd::report::Args),
    /// Print the JSON Schema of the case format (for editors' YAML language servers).
    Schema,
    /// List the rules, or explain one (`assure rules G004`).
    Rules(cmd::rules::Args),
    /// Write the bundled example case to a folder and run the pipeline on it.
    Demo(cmd::demo::Args),
    /// Generate a realistic synthetic case (for benchmarks and tests).
    #[command(hide = true)]
    Gen(cmd::gen_case::Args),
}

/// Exit status 2: usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Render(args) => cmd::render::run(&args),
        Command::Report(args) => cmd::report::run(&args),
        Command::Schema => cmd::schema::run(),
        Command::Rules(args) => cmd::rules::run(&args),
        Command::Demo(args) => cmd::demo::run(&args),
        Command::Gen(args) => cmd::gen_case::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
