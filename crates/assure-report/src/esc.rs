//! Escaping for the report's HTML and Markdown. Every string from a case
//! reaches the output through this module: text is shown, never executed.
//!
//! Control characters (C0/C1, DEL, the bidirectional overrides and
//! isolates, non-characters) are shown visibly as `U+XXXX` in text, so a
//! right-to-left override cannot reorder what a reader sees; in attribute
//! values they become U+FFFD.

use assure_layout::text::wrap;

/// Whether `c` must never be emitted as is: the diagrams' rule
/// ([`assure_render::escape::is_forbidden`]), except that tab and line feed
/// are text here.
pub fn is_control(c: char) -> bool {
    c != '\t' && c != '\n' && assure_render::escape::is_forbidden(c)
}

/// Appends `s` as HTML text: `& < > " '` escaped, tabs and newlines kept,
/// control characters shown as a marked-up `U+XXXX`.
pub fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_control(c) => {
                out.push_str("<span class=\"ar-ctl\">U+");
                out.push_str(&format!("{:04X}", c as u32));
                out.push_str("</span>");
            }
            c => out.push(c),
        }
    }
}

/// `s` as HTML text (see [`push_text`]).
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_text(&mut out, s);
    out
}

/// Appends `s` escaped for a double-quoted HTML attribute value (the same
/// escaping as the diagrams' SVG: control characters become U+FFFD).
pub fn push_attr(out: &mut String, s: &str) {
    assure_render::escape::push_escaped(out, s);
}

/// `s` escaped for an attribute value.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_attr(&mut out, s);
    out
}

/// The URL when it may be linked: http, https or mailto, no whitespace or
/// control characters (the same rule as the diagrams).
pub fn safe_url(url: &str) -> Option<&str> {
    if url.chars().any(is_control) {
        return None;
    }
    assure_render::escape::safe_url(url)
}

/// Appends an element's light-Markdown statement as HTML: bold, italic,
/// safe links (opening in a new tab, no referrer), bullet lists; everything
/// else as escaped text. Uses the diagrams' own Markdown reader, so a
/// statement reads the same in the diagram and in the report.
pub fn push_markdown(out: &mut String, s: &str) {
    let lines = wrap(s, f32::INFINITY, None);
    let mut in_list = false;
    for (i, line) in lines.iter().enumerate() {
        if line.bullet && !in_list {
            out.push_str("<ul>");
            in_list = true;
        } else if !line.bullet && in_list {
            out.push_str("</ul>");
            in_list = false;
        } else if i > 0 && !line.bullet {
            out.push_str("<br>");
        }
        if line.bullet {
            out.push_str("<li>");
        }
        for run in &line.runs {
            let link = run.link.as_deref().and_then(safe_url);
            if let Some(h) = link {
                out.push_str("<a href=\"");
                push_attr(out, h);
                out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
            }
            if run.bold {
                out.push_str("<b>");
            }
            if run.italic {
                out.push_str("<i>");
            }
            push_text(out, &run.text);
            if run.italic {
                out.push_str("</i>");
            }
            if run.bold {
                out.push_str("</b>");
            }
            if link.is_some() {
                out.push_str("</a>");
            }
        }
        if line.bullet {
            out.push_str("</li>");
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
}

/// Appends `s` as Markdown text that renders literally, in CommonMark and
/// GitHub Markdown, wherever it lands inline (a table cell, a list item, a
/// block quote, a heading): the inline syntax characters (`` \ ` * _ [ ] | ~ ``)
/// are escaped everywhere, `<`, `>` and `&` become entities (no HTML passes
/// through), a leading block marker (`#`, `-`, `+`, `=`, `1.`) is escaped;
/// line breaks become spaces so a table cell stays one cell; control
/// characters are shown as `U+XXXX`. Other punctuation is left alone, so
/// the Markdown stays readable in a diff.
pub fn push_md(out: &mut String, s: &str) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_control(c) => {
                out.push_str("U+");
                out.push_str(&format!("{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// `s` as literal Markdown text (see [`push_md`]).
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_md(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_inert() {
        assert_eq!(
            text("<script>alert('x')</script> & \u{202E}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <span class=\"ar-ctl\">U+202E</span>"
        );
        assert_eq!(attr("\"onload=x\u{0}"), "&quot;onload=x\u{FFFD}");
    }

    #[test]
    fn markdown_links_only_when_safe() {
        let mut out = String::new();
        push_markdown(
            &mut out,
            "**bold** [x](javascript:alert(1)) [y](https://e.org)",
        );
        assert!(out.contains("<b>bold</b>"), "{out}");
        assert!(!out.contains("href=\"javascript"), "{out}");
        assert!(out.contains("href=\"https://e.org\""), "{out}");
    }

    #[test]
    fn markdown_output_is_literal() {
        assert_eq!(md("<b>|[x](y)"), "&lt;b&gt;\\|\\[x\\](y)");
        assert_eq!(md("- a-b 4.2"), "\\- a-b 4.2");
        assert_eq!(md("12. x"), "12\\. x");
        assert_eq!(md("**x**"), "\\*\\*x\\*\\*");
    }
}
