//! Small text heuristics shared by the statement-form rules.

/// The words of `s`, split on anything that is not a letter, digit, `-` or `'`
/// (no allocation; compare with [`is_one_of`]).
pub fn words(s: &str) -> impl Iterator<Item = &str> + '_ {
    // Byte-wise: every non-ASCII byte counts as part of a word (letters of
    // other scripts), and splitting only at ASCII separators keeps UTF-8 intact.
    s.split(|c: char| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// Whether `word` equals one of `list` (lower-case ASCII entries), ignoring ASCII case.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// The first line of a statement, without Markdown emphasis.
pub fn first_line(s: &str) -> &str {
    s.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// Finds `{placeholder}` tokens (1–60 characters, no braces or line breaks inside).
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['{', '}', '\n']) {
            Some(close) if after.as_bytes()[close] == b'}' && close > 0 && close <= 60 => {
                out.push(&rest[open..open + close + 2]);
                rest = &after[close + 1..];
            }
            Some(close) => rest = &after[close..],
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders() {
        assert_eq!(
            placeholders("{System} is safe in {Setting}"),
            ["{System}", "{Setting}"]
        );
        assert!(placeholders("a {} b { unclosed").is_empty());
        assert_eq!(placeholders("{{x}}"), ["{x}"]);
    }

    #[test]
    fn splits_words() {
        let w: Vec<_> = words("The pump's **ALARP** level, acceptably-safe.").collect();
        assert_eq!(w, ["The", "pump's", "ALARP", "level", "acceptably-safe"]);
        assert!(is_one_of("ALARP", &["alarp"]));
    }
}
