//! Escaping and sanitising: everything that comes from a case reaches the SVG
//! through this module. Text is shown, never executed.

use std::fmt::Write;

/// Whether `c` must never be emitted as is, in a diagram or a report: C0 and
/// C1 controls (tab, line feed and carriage return are handled by the
/// callers), DEL, the bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the invisible
/// zero-width space, word joiner and invisible operators (U+200B,
/// U+2060–U+2064), the line and paragraph separators (U+2028, U+2029), the
/// byte-order mark (U+FEFF) and the non-characters U+FFFE / U+FFFF. (The
/// zero-width joiner and non-joiner stay: scripts need them.)
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{061C}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `s` to `out` escaped for XML text and attribute values (`& < > " '`),
/// with every forbidden character (see above) replaced by U+FFFD (tabs and
/// line breaks by a space).
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// `s` escaped (see [`push_escaped`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// The URL when it is safe to link: scheme `http`, `https` or `mailto`
/// (checked here again, whatever the layout decided), and no whitespace or
/// control characters anywhere (browsers drop tabs and newlines inside
/// schemes, so `java\tscript:` must not slip through).
pub fn safe_url(url: &str) -> Option<&str> {
    if url
        .chars()
        .any(|c| c.is_whitespace() || is_forbidden(c) || c == '\\')
    {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    let ok = ["http", "https", "mailto"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    (ok && !rest.is_empty()).then_some(url)
}

/// A CSS class token made from `s`: ASCII letters, digits, `-` and `_` kept,
/// anything else replaced by `_`.
pub fn class_token(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() { "_".into() } else { t }
}

/// Percent-encodes `s` for a URL fragment (everything but unreserved characters).
pub fn fragment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

const RESERVED: [&str; 3] = ["complete", "architecture", "diagrams"];
const WINDOWS: [&str; 4] = ["con", "prn", "aux", "nul"];

/// The file stem (no extension) under which a module's view is written and
/// linked: an injective, file-system-safe encoding of the module name.
/// ASCII letters, digits and `-` are kept; every other
/// byte becomes `_XX` (hex). Names that would clash with the other views
/// (`complete`, `architecture`, `focus-…`) or with reserved device names get
/// the prefix `_m` (which the encoding never produces otherwise). Overlong
/// names are cut and completed by a hash. Never contains `/`, `\` or `..`
/// components, so it can only name a file inside the output folder.
pub fn file_stem(module: &str) -> String {
    let mut out = String::with_capacity(module.len());
    for b in module.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "_{b:02x}");
        }
    }
    let lower = out.to_ascii_lowercase();
    let base = lower.split("_2e").next().unwrap_or("");
    let device = WINDOWS.contains(&base)
        || ((base.starts_with("com") || base.starts_with("lpt"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit());
    if out.is_empty() || RESERVED.contains(&lower.as_str()) || lower.starts_with("focus-") || device
    {
        out.insert_str(0, "_m");
    }
    if out.len() > 180 {
        // FNV-1a: stable across runs and platforms.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in module.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let mut cut = 160;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        let _ = write!(out, "_h{h:016x}");
    }
    out
}

/// The file stems of a case's module views, in module order: each module's
/// [`file_stem`], and for a second module of the same name `<stem>_x<index>`
/// (which `file_stem` never produces, since it encodes `_`). `assure render`
/// names its files with these and the report links its diagrams by them.
pub fn module_stems<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut stem = file_stem(name);
            if !used.insert(stem.clone()) {
                stem = format!("{stem}_x{i}");
                used.insert(stem.clone());
            }
            stem
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(file_stem("hazards"), "hazards");
        assert_eq!(file_stem("../../evil"), "_2e_2e_2f_2e_2e_2fevil");
        assert_eq!(file_stem("complete"), "_mcomplete");
        assert_eq!(file_stem(""), "_m");
        assert_eq!(file_stem("CON"), "_mCON");
        assert_ne!(file_stem("a b"), file_stem("a_b"));
        assert!(file_stem(&"x".repeat(1000)).len() < 200);
    }

    #[test]
    fn module_stems_are_distinct() {
        assert_eq!(
            module_stems(["a", "b", "a", "a b"]),
            ["a", "b", "a_x2", "a_20b"]
        );
    }

    #[test]
    fn urls() {
        assert!(safe_url("https://example.com/a?b=c&d").is_some());
        assert!(safe_url("MAILTO:a@b").is_some());
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url("java\tscript:alert(1)").is_none());
        assert!(safe_url(" http://x").is_none());
        assert!(safe_url("data:text/html,x").is_none());
        assert!(safe_url("relative/path").is_none());
    }

    #[test]
    fn escapes() {
        assert_eq!(
            escape("<a href='x'>&\"\u{0}\u{202E}"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\u{FFFD}\u{FFFD}"
        );
    }
}
