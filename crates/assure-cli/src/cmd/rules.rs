//! `assure rules [CODE]`: the rule list, or one rule's documentation.

use assure_check::{all_codes, find_code};

/// Arguments of `assure rules`.
#[derive(clap::Args)]
pub struct Args {
    /// A rule code or name to explain.
    code: Option<String>,
}

/// Lists or explains rules.
pub fn run(args: &Args) -> Result<u8, String> {
    match &args.code {
        Some(code) => {
            let meta = find_code(code).ok_or_else(|| format!("unknown rule `{code}`"))?;
            println!("{}", assure_check::rule_page(meta));
        }
        None => {
            for m in all_codes() {
                println!(
                    "{}  {:<9} {:<32} {}",
                    m.code,
                    m.default_severity.as_str(),
                    m.name,
                    m.summary
                );
            }
        }
    }
    Ok(0)
}
