//! Severity configuration: per case (`module: severity:` in any module, or
//! `assure.toml`) and per run (`--deny`, `--warn`, `--allow`).

use crate::all_codes;
use assure_core::{Case, CodeMeta, Diagnostic, Severity, codes};

/// Severity overrides, by code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `(code, severity)`; later entries win.
    pub overrides: Vec<(&'static str, Severity)>,
}

/// A configuration entry that cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Finds a code by its code (`G004`) or name (`invalid-supported-by`), case-insensitively.
pub fn find_code(s: &str) -> Option<&'static CodeMeta> {
    all_codes().find(|m| m.code.eq_ignore_ascii_case(s) || m.name.eq_ignore_ascii_case(s))
}

impl Config {
    /// Adds `code = level`; `code` may be a code, a rule name, a code prefix
    /// such as `T` (all rules of a family) or `all`.
    pub fn set(&mut self, code: &str, level: Severity) -> Result<(), ConfigError> {
        let metas: Vec<&'static CodeMeta> = if code.eq_ignore_ascii_case("all") {
            all_codes().filter(|m| m.configurable).collect()
        } else if let Some(m) = find_code(code) {
            vec![m]
        } else {
            let fam: Vec<_> = all_codes()
                .filter(|m| {
                    m.code.len() > code.len()
                        && m.code[..code.len()].eq_ignore_ascii_case(code)
                        && m.code[code.len()..].chars().all(|c| c.is_ascii_digit())
                })
                .collect();
            // A family prefix (`T`, `G01`) applies to its configurable members.
            let fam: Vec<_> = if fam.iter().any(|m| m.configurable) {
                fam.into_iter().filter(|m| m.configurable).collect()
            } else {
                fam
            };
            if fam.is_empty() {
                return Err(ConfigError(format!(
                    "unknown rule `{code}` (see `assure rules`)"
                )));
            }
            fam
        };
        for m in metas {
            if !m.configurable && level != Severity::Error {
                return Err(ConfigError(format!(
                    "`{}` ({}) cannot be changed: it reports input that cannot be read",
                    m.code, m.name
                )));
            }
            self.overrides.push((m.code, level));
        }
        Ok(())
    }

    /// Reads `[severity]` from an `assure.toml` already parsed into `(key, value)` pairs.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Config, ConfigError> {
        let mut c = Config::default();
        for (k, v) in pairs {
            let level = Severity::parse(v).ok_or_else(|| {
                ConfigError(format!(
                    "`{k}`: unknown level `{v}` (use allow, hint, warn or error)"
                ))
            })?;
            c.set(k, level)?;
        }
        Ok(c)
    }

    /// The settings written in the case's `module: severity:` blocks, in load
    /// order, with diagnostics for entries that cannot be applied.
    pub fn from_case(case: &Case) -> (Config, Vec<Diagnostic>) {
        let mut c = Config::default();
        let mut diags = Vec::new();
        for m in &case.modules {
            for (code, level) in &m.severity {
                let result = match Severity::parse(&level.value) {
                    Some(l) => c.set(&code.value, l).map_err(|e| (e, code.span)),
                    None => Err((
                        ConfigError(if level.value.is_empty() {
                            format!(
                                "no level given for `{}` (use allow, hint, warn or error)",
                                code.value
                            )
                        } else {
                            format!(
                                "unknown level `{}` (use allow, hint, warn or error)",
                                level.value
                            )
                        }),
                        level.span,
                    )),
                };
                if let Err((e, span)) = result {
                    diags.push(Diagnostic::new(&codes::L012, span, e.0));
                }
            }
        }
        for el in &case.elements {
            for a in &el.allow {
                if find_code(&a.value).is_none() {
                    diags.push(Diagnostic::new(
                        &codes::L012,
                        a.span,
                        format!(
                            "`allow` of `{}` names unknown rule `{}` (see `assure rules`)",
                            el.id, a.value
                        ),
                    ));
                }
            }
        }
        (c, diags)
    }

    /// `self` with `other`'s entries taking precedence.
    pub fn overridden_by(mut self, other: &Config) -> Config {
        self.overrides.extend(other.overrides.iter().copied());
        self
    }

    /// The effective severity of `code`, given its default.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.overrides
            .iter()
            .rev()
            .find(|(c, _)| *c == code)
            .map_or(default, |(_, s)| *s)
    }
}
