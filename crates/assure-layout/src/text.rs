//! Text: the light Markdown of element statements, measured with the metrics
//! of the font diagrams use, and wrapped to a width.
//!
//! PLACEHOLDER implementation (fixed-width estimate): to be replaced by real
//! font metrics (see the issue on diagrams).

use crate::scene::{TextLine, TextRun};

/// Font size of statement text, in units.
pub const FONT_SIZE: f32 = 12.0;
/// Distance between baselines.
pub const LINE_HEIGHT: f32 = 15.0;
/// The font family diagrams name (whose metrics this module holds).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Width of `s` at [`FONT_SIZE`].
pub fn text_width(s: &str, bold: bool) -> f32 {
    s.chars().count() as f32 * if bold { 7.5 } else { 7.0 }
}

/// Parses light Markdown and wraps it to `max_width` units (or `char_wrap` characters).
pub fn wrap(text: &str, max_width: f32, char_wrap: Option<u32>) -> Vec<TextLine> {
    let limit = char_wrap.map_or(max_width, |c| c as f32 * 7.0);
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut cur = String::new();
        for word in para.split_whitespace() {
            if !cur.is_empty() && text_width(&format!("{cur} {word}"), false) > limit {
                lines.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
    }
    lines
        .into_iter()
        .map(|l| TextLine {
            width: text_width(&l, false),
            runs: vec![TextRun {
                text: l,
                bold: false,
                italic: false,
                link: None,
            }],
            indent: 0.0,
            bullet: false,
        })
        .collect()
}
