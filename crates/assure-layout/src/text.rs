//! Text: the light Markdown of element statements, measured with the metrics
//! of the font diagrams use (DejaVu Sans, embedded as [`FONT_REGULAR`] and
//! [`FONT_BOLD`]), and wrapped to a width.
//!
//! # Measuring
//!
//! A string's width is the sum of its characters' advance widths
//! ([`metrics`], generated from the embedded fonts by
//! `scripts/gen-metrics.py`) scaled to [`FONT_SIZE`]. There is no pair
//! kerning and there are no ligatures, so **renderers must draw with both
//! off**: in SVG/CSS `font-family: 'DejaVu Sans'; font-kerning: none;
//! font-variant-ligatures: none` (DejaVu's `liga` turns "fi", "ff", "ffi" …
//! into narrower glyphs, and its `kern` table moves pairs such as "AV"), and
//! PNG/PDF renderers should load [`FONT_REGULAR`] / [`FONT_BOLD`], the exact
//! faces measured. Italic is measured with the wider of the upright and the
//! oblique advance of each character, so it fits whether a viewer draws
//! DejaVu Sans Oblique or slants the upright face. Characters the tables do
//! not cover measure wider than any glyph of the font (1 em for East Asian
//! wide characters): text may measure wider than it draws, never narrower.
//!
//! # Markdown
//!
//! [`wrap`] understands the light Markdown of element statements, as gsn2x
//! does:
//!
//! - line breaks in the source are kept; a blank line separates paragraphs
//!   (one empty [`TextLine`], however many blank lines; none at the start or
//!   end);
//! - a line starting with `- ` or `* ` (after optional indentation, two spaces
//!   a level) is a bullet: its first [`TextLine`] has `bullet` set and starts
//!   with a plain run holding [`BULLET`]; its continuation lines are indented
//!   by the width of [`BULLET`] (a hanging indent) — renderers draw the runs
//!   as they are, at `indent`;
//! - `**bold**`, `*italic*` and `_italic_` (an `_` inside a word, as in
//!   `snake_case`, and a run of several `_` stay literal); markup does not
//!   span lines;
//! - `[text](url)` and bare `http://…` / `https://…` links become
//!   [`TextRun::link`] only for `http:`, `https:` and `mailto:` URLs; any other
//!   link, such as `[x](javascript:…)`, is shown verbatim as plain text.
//!
//! Runs never contain control characters: U+0000–U+001F and U+007F–U+009F
//! (other than line breaks, and tabs, which separate words like spaces) are
//! replaced by U+FFFD, measured with its width in the font.

#[path = "metrics.rs"]
pub mod metrics;

use crate::scene::{TextLine, TextRun};
use metrics::{
    BOLD_DENSE, BOLD_FALLBACK, BOLD_ITALIC, BOLD_SPARSE, DENSE_FIRST, DENSE_LAST, MISSING,
    REGULAR_DENSE, REGULAR_FALLBACK, REGULAR_ITALIC, REGULAR_SPARSE, SPARSE_CODEPOINTS,
    UNITS_PER_EM, WIDE_FALLBACK,
};

/// Font size of statement text, in units.
pub const FONT_SIZE: f32 = 12.0;
/// Distance between baselines (1.25 × [`FONT_SIZE`]).
pub const LINE_HEIGHT: f32 = 15.0;
/// The font family diagrams name (whose metrics this module holds).
pub const FONT_FAMILY: &str = "DejaVu Sans";
/// Height of the font's ascender above the baseline at [`FONT_SIZE`].
pub const ASCENT: f32 = metrics::ASCENT as f32 * SCALE;
/// Depth of the font's descender below the baseline at [`FONT_SIZE`] (positive).
pub const DESCENT: f32 = -(metrics::DESCENT as f32) * SCALE;
/// What the first line of a bullet item starts with.
pub const BULLET: &str = "\u{2022} ";
/// DejaVu Sans (regular), the face measured for regular and italic text.
/// Licence: `assets/fonts/LICENSE-DejaVu.txt` (Bitstream Vera licence).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, the face measured for bold text.
pub const FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

// Lines are spaced wider than the font's ascent plus descent.
const _: () = assert!(ASCENT > 0.0 && DESCENT > 0.0 && ASCENT + DESCENT < LINE_HEIGHT);

/// Units (px) per font unit at [`FONT_SIZE`].
const SCALE: f32 = FONT_SIZE / UNITS_PER_EM as f32;

/// Width of `s`, drawn on one line, at [`FONT_SIZE`], upright.
pub fn text_width(s: &str, bold: bool) -> f32 {
    styled_width(s, bold, false)
}

/// Width of `s`, drawn on one line, at [`FONT_SIZE`] in the given style.
/// Control characters measure as the U+FFFD that replaces them.
pub fn styled_width(s: &str, bold: bool, italic: bool) -> f32 {
    let units: u32 = s
        .chars()
        .map(|c| u32::from(advance(sanitize(c), bold, italic)))
        .sum();
    units as f32 * SCALE
}

/// Advance width of `c` in font units (see the module docs for fallbacks).
pub fn advance(c: char, bold: bool, italic: bool) -> u16 {
    let cp = u32::from(c);
    if italic {
        let table: &[(u32, u16)] = if bold { &BOLD_ITALIC } else { &REGULAR_ITALIC };
        if let Ok(i) = table.binary_search_by_key(&cp, |&(k, _)| k) {
            return table[i].1;
        }
    }
    let w = if (DENSE_FIRST..=DENSE_LAST).contains(&cp) {
        let dense: &[u16] = if bold { &BOLD_DENSE } else { &REGULAR_DENSE };
        dense[(cp - DENSE_FIRST) as usize]
    } else if let Ok(i) = SPARSE_CODEPOINTS.binary_search(&cp) {
        if bold {
            BOLD_SPARSE[i]
        } else {
            REGULAR_SPARSE[i]
        }
    } else {
        MISSING
    };
    if w != MISSING {
        w
    } else if is_east_asian_wide(cp) {
        WIDE_FALLBACK
    } else if bold {
        BOLD_FALLBACK
    } else {
        REGULAR_FALLBACK
    }
}

/// Ideographs, kana, hangul and fullwidth forms: 1 em in CJK fonts.
fn is_east_asian_wide(cp: u32) -> bool {
    matches!(cp,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// Tabs become spaces; other control characters U+FFFD.
fn sanitize(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => '\u{fffd}',
        c => c,
    }
}

/// Whitespace at which lines may break (not the no-break spaces).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Width of a line of `units` font units starting at `indent`.
fn line_width(indent: f32, units: u32) -> f32 {
    indent + units as f32 * SCALE
}

/// Parses light Markdown and wraps it to `max_width` units, or, with
/// `char_wrap: Some(n)` (gsn2x's `charWrap`), to `n` characters a line
/// (counting a bullet and its hanging indent as two characters a level).
///
/// Words are wrapped greedily; a word longer than a line is broken between
/// characters. Every line's `width` (which includes its indent) is at most
/// `max_width` when wrapping by width, unless a single character is wider.
/// Empty or blank text gives no lines.
pub fn wrap(text: &str, max_width: f32, char_wrap: Option<u32>) -> Vec<TextLine> {
    let limit = match char_wrap {
        Some(n) => Limit::Chars(n.max(1) as usize),
        None => Limit::Width(max_width),
    };
    let bullet_units: u32 = BULLET
        .chars()
        .map(|c| u32::from(advance(c, false, false)))
        .sum();
    let bullet_chars = BULLET.chars().count();
    let mut out: Vec<TextLine> = Vec::new();
    let mut blank_pending = false;
    for source in logical_lines(text) {
        let chars: Vec<char> = source.chars().map(sanitize).collect();
        let (level, bullet, body) = split_bullet(&chars);
        let mut parser = Inline::default();
        let atoms = parser.parse(body, false, false, true);
        if !atoms.iter().any(|a| !is_break_space(a.c)) {
            blank_pending = true;
            continue;
        }
        if blank_pending && !out.is_empty() {
            out.push(TextLine {
                runs: Vec::new(),
                indent: 0.0,
                bullet: false,
                width: 0.0,
            });
        }
        blank_pending = false;
        let level_indent = level as f32 * bullet_units as f32 * SCALE;
        let mut lb = LineBuilder {
            limit,
            links: &parser.links,
            out: &mut out,
            indent: level_indent,
            indent_chars: level * bullet_chars,
            cont_indent: level_indent,
            cont_indent_chars: level * bullet_chars,
            bullet,
            atoms: Vec::new(),
            units: 0,
            content: false,
        };
        if bullet {
            lb.cont_indent = (level + 1) as f32 * bullet_units as f32 * SCALE;
            lb.cont_indent_chars = (level + 1) * bullet_chars;
            lb.atoms
                .extend(BULLET.chars().map(|c| Atom::new(c, false, false, 0)));
            lb.units = bullet_units;
        }
        lb.fill(&atoms);
    }
    out
}

/// Joins soft line breaks as Markdown does: a source line continues the
/// previous one (with a space) unless it is blank, starts a bullet item, or
/// the previous line is blank or ends with two spaces or a backslash (a hard
/// break). YAML block scalars wrapped by hand thus re-flow to the box width.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut hard_break = true;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start_matches(' ');
        let blank = trimmed.trim().is_empty();
        let starts_item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed == "-"
            || trimmed == "*";
        match out.last_mut() {
            Some(prev) if !blank && !starts_item && !hard_break && !prev.trim().is_empty() => {
                prev.truncate(prev.trim_end().len());
                prev.push(' ');
                prev.push_str(trimmed);
            }
            _ => out.push(line.to_string()),
        }
        hard_break = line.ends_with("  ") || line.ends_with('\\');
        if line.ends_with('\\')
            && let Some(prev) = out.last_mut()
        {
            prev.pop();
        }
    }
    out
}

/// Detects a bullet item: returns its nesting level, whether it is one, and
/// the text after the marker.
fn split_bullet(chars: &[char]) -> (usize, bool, &[char]) {
    let lead = chars.iter().take_while(|&&c| c == ' ').count();
    let rest = &chars[lead..];
    if rest.len() > 2
        && matches!(rest[0], '-' | '*')
        && rest[1] == ' '
        && rest[2..].iter().any(|&c| !is_break_space(c))
    {
        (lead / 2, true, &rest[2..])
    } else {
        (0, false, chars)
    }
}

#[derive(Clone, Copy)]
enum Limit {
    Width(f32),
    Chars(usize),
}

/// One character with its style; `link` is 0 or 1 + an index into the links.
#[derive(Clone, Copy)]
struct Atom {
    c: char,
    bold: bool,
    italic: bool,
    link: u32,
    units: u16,
}

impl Atom {
    fn new(c: char, bold: bool, italic: bool, link: u32) -> Atom {
        Atom {
            c,
            bold,
            italic,
            link,
            units: advance(c, bold, italic),
        }
    }

    fn same_style(&self, o: &Atom) -> bool {
        self.bold == o.bold && self.italic == o.italic && self.link == o.link
    }
}

/// Greedy line filling for one source line.
struct LineBuilder<'a> {
    limit: Limit,
    links: &'a [String],
    out: &'a mut Vec<TextLine>,
    indent: f32,
    indent_chars: usize,
    cont_indent: f32,
    cont_indent_chars: usize,
    bullet: bool,
    /// The current line (bullet prefix included).
    atoms: Vec<Atom>,
    units: u32,
    /// Whether the current line holds any text beyond the bullet prefix.
    content: bool,
}

impl LineBuilder<'_> {
    fn fits(&self, extra: &[Atom]) -> bool {
        match self.limit {
            Limit::Chars(n) => self.indent_chars + self.atoms.len() + extra.len() <= n,
            Limit::Width(max) => {
                let units: u32 = extra.iter().map(|a| u32::from(a.units)).sum();
                line_width(self.indent, self.units + units) <= max
            }
        }
    }

    fn push(&mut self, atoms: &[Atom]) {
        self.units += atoms.iter().map(|a| u32::from(a.units)).sum::<u32>();
        self.atoms.extend_from_slice(atoms);
        self.content = true;
    }

    fn flush(&mut self) {
        let mut runs: Vec<TextRun> = Vec::new();
        let mut prev: Option<Atom> = None;
        for a in &self.atoms {
            match (prev, runs.last_mut()) {
                (Some(p), Some(run)) if p.same_style(a) => run.text.push(a.c),
                _ => runs.push(TextRun {
                    text: a.c.to_string(),
                    bold: a.bold,
                    italic: a.italic,
                    link: (a.link > 0).then(|| self.links[a.link as usize - 1].clone()),
                }),
            }
            prev = Some(*a);
        }
        self.out.push(TextLine {
            runs,
            indent: self.indent,
            bullet: self.bullet,
            width: line_width(self.indent, self.units),
        });
        self.atoms.clear();
        self.units = 0;
        self.content = false;
        self.bullet = false;
        self.indent = self.cont_indent;
        self.indent_chars = self.cont_indent_chars;
    }

    fn fill(&mut self, atoms: &[Atom]) {
        let mut i = 0;
        while i < atoms.len() {
            // The whitespace before the next word: one space in its style.
            let mut space: Option<Atom> = None;
            while i < atoms.len() && is_break_space(atoms[i].c) {
                if space.is_none() {
                    let a = atoms[i];
                    space = Some(Atom::new(' ', a.bold, a.italic, a.link));
                }
                i += 1;
            }
            let start = i;
            while i < atoms.len() && !is_break_space(atoms[i].c) {
                i += 1;
            }
            let word = &atoms[start..i];
            if word.is_empty() {
                break;
            }
            if self.content {
                let mut with_space = Vec::with_capacity(word.len() + 1);
                with_space.extend(space);
                with_space.extend_from_slice(word);
                if self.fits(&with_space) {
                    self.push(&with_space);
                    continue;
                }
                self.flush();
            }
            if self.fits(word) {
                self.push(word);
                continue;
            }
            for a in word {
                let one = std::slice::from_ref(a);
                if self.content && !self.fits(one) {
                    self.flush();
                }
                self.push(one);
            }
        }
        if self.content {
            self.flush();
        }
    }
}

/// Inline Markdown parser for one source line.
#[derive(Default)]
struct Inline {
    links: Vec<String>,
}

/// Longest link text and URL looked for (keeps parsing linear).
const MAX_LINK_SCAN: usize = 2048;

impl Inline {
    /// Parses `chars` starting in the given style; `bare_links`: recognise
    /// bare URLs (not inside a link's text).
    fn parse(&mut self, chars: &[char], bold: bool, italic: bool, bare_links: bool) -> Vec<Atom> {
        let n = chars.len();
        let run_len = |i: usize| chars[i..].iter().take_while(|&&c| c == chars[i]).count();
        let ws_before = |i: usize| i == 0 || chars[i - 1].is_whitespace();
        let ws_after = |j: usize| j >= n || chars[j].is_whitespace();
        let alnum_before = |i: usize| i > 0 && chars[i - 1].is_alphanumeric();
        let alnum_after = |j: usize| j < n && chars[j].is_alphanumeric();
        // Last start of a delimiter run that can close bold, `*` italic, `_` italic.
        let (mut last_bold, mut last_star, mut last_under) = (None, None, None);
        let mut i = 0;
        while i < n {
            let len = run_len(i);
            let closes = !ws_before(i);
            if chars[i] == '*' && closes {
                if len == 2 || len == 3 {
                    last_bold = Some(i);
                }
                if len == 1 || len == 3 {
                    last_star = Some(i);
                }
            } else if chars[i] == '_' && len == 1 && closes && !alnum_after(i + 1) {
                last_under = Some(i);
            }
            i += len;
        }
        let later = |last: Option<usize>, i: usize| last.is_some_and(|l| l > i);

        let mut out = Vec::with_capacity(n);
        let (mut bold, mut star, mut under) = (bold, italic, false);
        let mut i = 0;
        while i < n {
            let c = chars[i];
            if c == '['
                && let Some((text, url, end)) = match_link(chars, i)
            {
                let url: String = chars[url].iter().collect();
                if is_safe_url(&url) {
                    self.links.push(url);
                    let id = self.links.len() as u32;
                    let mut inner = self.parse(&chars[text], bold, star || under, false);
                    for a in &mut inner {
                        a.link = id;
                    }
                    out.extend(inner);
                } else {
                    let it = star || under;
                    out.extend(chars[i..end].iter().map(|&c| Atom::new(c, bold, it, 0)));
                }
                i = end;
                continue;
            }
            if bare_links
                && matches!(c, 'h' | 'H')
                && !alnum_before(i)
                && let Some(end) = match_bare_url(chars, i)
            {
                let url: String = chars[i..end].iter().collect();
                self.links.push(url);
                let id = self.links.len() as u32;
                let it = star || under;
                out.extend(chars[i..end].iter().map(|&c| Atom::new(c, bold, it, id)));
                i = end;
                continue;
            }
            if c == '*' {
                let len = run_len(i);
                if len <= 3 {
                    let (opens, closes) = (!ws_after(i + len), !ws_before(i));
                    let mut literal = 0;
                    if len >= 2 {
                        if bold && closes {
                            bold = false;
                        } else if !bold && opens && later(last_bold, i) {
                            bold = true;
                        } else {
                            literal += 2;
                        }
                    }
                    if len != 2 {
                        if star && closes {
                            star = false;
                        } else if !star && opens && later(last_star, i) {
                            star = true;
                        } else {
                            literal += 1;
                        }
                    }
                    let it = star || under;
                    out.extend((0..literal).map(|_| Atom::new('*', bold, it, 0)));
                    i += len;
                    continue;
                }
                let it = star || under;
                out.extend((0..len).map(|_| Atom::new('*', bold, it, 0)));
                i += len;
                continue;
            }
            if c == '_' {
                let len = run_len(i);
                if len == 1 {
                    if under && !ws_before(i) && !alnum_after(i + 1) {
                        under = false;
                        i += 1;
                        continue;
                    }
                    if !under && !ws_after(i + 1) && !alnum_before(i) && later(last_under, i) {
                        under = true;
                        i += 1;
                        continue;
                    }
                }
                let it = star || under;
                out.extend((0..len).map(|_| Atom::new('_', bold, it, 0)));
                i += len;
                continue;
            }
            out.push(Atom::new(c, bold, star || under, 0));
            i += 1;
        }
        out
    }
}

/// `[text](url)` at `i`: the ranges of text and URL and the end.
fn match_link(
    chars: &[char],
    i: usize,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>, usize)> {
    let n = chars.len();
    let limit = n.min(i + 1 + MAX_LINK_SCAN);
    let close = (i + 1..limit).find(|&j| chars[j] == ']')?;
    if close == i + 1 || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let url_start = close + 2;
    let limit = n.min(url_start + MAX_LINK_SCAN);
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().take(limit).skip(url_start) {
        match c {
            c if c.is_whitespace() => return None,
            '(' => depth += 1,
            ')' if depth == 0 => {
                return (j > url_start).then_some((i + 1..close, url_start..j, j + 1));
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A bare `http://` or `https://` URL at `i`: its end (trailing punctuation
/// and unbalanced closing parentheses are not part of it).
fn match_bare_url(chars: &[char], i: usize) -> Option<usize> {
    let prefix_len = ["https://", "http://"].iter().find_map(|p| {
        let p: Vec<char> = p.chars().collect();
        let head = chars.get(i..i + p.len())?;
        head.iter()
            .zip(&p)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
            .then_some(p.len())
    })?;
    let mut end = i + prefix_len;
    while end < chars.len() && !chars[end].is_whitespace() && end - i < MAX_LINK_SCAN {
        end += 1;
    }
    loop {
        let &last = chars[..end].last()?;
        let unbalanced_paren = last == ')' && {
            let open = chars[i..end].iter().filter(|&&c| c == '(').count();
            let close = chars[i..end].iter().filter(|&&c| c == ')').count();
            close > open
        };
        if matches!(
            last,
            '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '"' | '*' | '_' | ']' | '>'
        ) || unbalanced_paren
        {
            end -= 1;
        } else {
            break;
        }
    }
    (end > i + prefix_len).then_some(end)
}

/// Only http, https and mailto URLs become links.
fn is_safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len())
        && !url.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &TextLine) -> String {
        line.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn texts(lines: &[TextLine]) -> Vec<String> {
        lines.iter().map(text_of).collect()
    }

    fn runs(text: &str) -> Vec<TextRun> {
        wrap(text, 10_000.0, None)
            .into_iter()
            .flat_map(|l| l.runs)
            .collect()
    }

    fn run(text: &str, bold: bool, italic: bool, link: Option<&str>) -> TextRun {
        TextRun {
            text: text.into(),
            bold,
            italic,
            link: link.map(String::from),
        }
    }

    /// Reference widths printed by `scripts/gen-metrics.py` from the TTFs.
    #[test]
    fn widths_match_the_font() {
        assert_eq!(metrics::UNITS_PER_EM, 2048);
        assert_eq!(text_width("Goal", false), 27.328125); // 4664 units
        assert_eq!(text_width("Goal", true), 30.304_688); // 5172 units
        assert_eq!(
            text_width("The system is acceptably safe", false),
            181.417_97
        ); // 30962
        assert_eq!(
            text_width("The system is acceptably safe", true),
            203.332_03
        ); // 34702
        assert_eq!(text_width("G1", true), 18.199_219); // 3106
        assert_eq!(text_width("WWW", false), 35.595_703); // 6075
        assert_eq!(text_width("iii", false), 10.001_953); // 1707
        assert_eq!(text_width(BULLET, false), 10.892_578); // 1859
        assert_eq!(text_width("Größe €5 – “ok”", false), 95.953125); // 16376
        assert_eq!(text_width("", false), 0.0);
    }

    #[test]
    fn bold_is_wider_and_italic_never_narrower() {
        for s in ["Goal", "The system is acceptably safe", "G1.2", "«»ľ"] {
            assert!(text_width(s, true) > text_width(s, false), "{s}");
            assert!(styled_width(s, false, true) >= text_width(s, false), "{s}");
            assert!(styled_width(s, true, true) >= text_width(s, true), "{s}");
        }
        // DejaVu Sans Oblique's « is wider than the upright one.
        assert!(styled_width("«", false, true) > text_width("«", false));
    }

    #[test]
    fn fallbacks_are_conservative() {
        // Not in the tables: at least 1 em; CJK exactly 1 em.
        assert_eq!(text_width("漢", false), FONT_SIZE);
        assert!(text_width("\u{1F600}", false) >= 1.8 * FONT_SIZE);
        assert!(text_width("\u{1F600}", true) >= text_width("\u{1F600}", false));
        for c in ['A', 'W', 'é', 'Ж', '→', '∀', '\u{2031}'] {
            assert!(text_width(&c.to_string(), false) <= text_width("\u{1F600}", false));
        }
        // Control characters measure as U+FFFD.
        assert_eq!(text_width("\u{7}", false), text_width("\u{fffd}", false));
        assert!(text_width("\u{fffd}", false) > 0.0);
    }

    #[test]
    fn fonts_are_embedded() {
        assert!(FONT_REGULAR.starts_with(&[0, 1, 0, 0]));
        assert!(FONT_BOLD.starts_with(&[0, 1, 0, 0]));
    }

    #[test]
    fn empty_and_blank_text_give_no_lines() {
        assert!(wrap("", 100.0, None).is_empty());
        assert!(wrap(" \n\t\n  ", 100.0, None).is_empty());
        assert!(wrap("", 100.0, Some(10)).is_empty());
    }

    #[test]
    fn soft_breaks_join_and_paragraphs_are_kept() {
        // As in Markdown: a single line break is a space, a blank line starts a
        // paragraph, two trailing spaces or a backslash force a break.
        let lines = wrap(
            "\n\nfirst\r\nsecond\n\n\n\nthird  \nfourth\\\nfifth\n\n",
            1000.0,
            None,
        );
        assert_eq!(
            texts(&lines),
            ["first second", "", "third", "fourth", "fifth"]
        );
        assert_eq!(lines[1].width, 0.0);
        assert!(lines[1].runs.is_empty());
        assert_eq!(lines[0].width, text_width("first second", false));
    }

    #[test]
    fn greedy_wrap_by_width() {
        let text = "The system is acceptably safe to operate in its intended environment";
        let lines = wrap(text, 100.0, None);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 100.0, "{l:?}");
            assert_eq!(l.width, text_width(&text_of(l), false));
        }
        // Greedy: the next line's first word would not have fitted.
        for pair in lines.windows(2) {
            let first = text_of(&pair[1]);
            let first = first.split(' ').next().unwrap_or_default();
            let joined = format!("{} {first}", text_of(&pair[0]));
            assert!(text_width(&joined, false) > 100.0);
        }
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn long_words_are_broken_by_characters() {
        let word = "Supercalifragilisticexpialidocious".repeat(3);
        let lines = wrap(&format!("a {word} b"), 60.0, None);
        assert_eq!(text_of(&lines[0]), "a");
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width <= 60.0, "{l:?}");
        }
        assert_eq!(texts(&lines).concat().replace(' ', ""), format!("a{word}b"));
    }

    #[test]
    fn every_line_fits_for_random_texts() {
        // A small deterministic generator (xorshift).
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet: Vec<char> =
            "aeiou WMil.,-*_[]()\nÄß€—→•漢\u{1F600}\u{7}http://x.y/ **b** *i* - "
                .chars()
                .collect();
        for _ in 0..2000 {
            let len = (next() % 120) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            // At least a bullet and the widest character (a fallback, bold).
            let max_width = 40.0 + (next() % 300) as f32;
            for l in wrap(&text, max_width, None) {
                assert!(l.width <= max_width, "{text:?} {max_width} {l:?}");
                let measured: f32 = l.indent
                    + l.runs
                        .iter()
                        .map(|r| styled_width(&r.text, r.bold, r.italic))
                        .sum::<f32>();
                assert!((measured - l.width).abs() < 1e-3, "{text:?} {l:?}");
                for r in &l.runs {
                    assert!(!r.text.chars().any(char::is_control), "{r:?}");
                }
            }
            let n = 1 + (next() % 30) as u32;
            for l in wrap(&text, 0.0, Some(n)) {
                let chars: usize = l.runs.iter().map(|r| r.text.chars().count()).sum();
                let indent = (l.indent / text_width(BULLET, false)).round() as usize * 2;
                let bullet = if l.bullet { 2 } else { 0 };
                assert!(
                    chars + indent <= n as usize || chars - bullet == 1,
                    "{text:?} {n} {l:?}"
                );
            }
        }
    }

    #[test]
    fn char_wrap_counts_characters() {
        let lines = wrap("aaaa bbbb cccc WWWW iiii", 1.0, Some(9));
        assert_eq!(texts(&lines), ["aaaa bbbb", "cccc WWWW", "iiii"]);
        assert_eq!(lines[1].width, text_width("cccc WWWW", false));
        let lines = wrap("abcdefghij", 1000.0, Some(4));
        assert_eq!(texts(&lines), ["abcd", "efgh", "ij"]);
        assert_eq!(texts(&wrap("ab", 1.0, Some(0))), ["a", "b"]);
    }

    #[test]
    fn bullets_have_a_hanging_indent() {
        let text = "Intro\n- first item that is long enough to wrap\n* second\n  - nested item wraps too\n\n-not a bullet";
        let lines = wrap(text, 120.0, None);
        let bw = text_width(BULLET, false);
        assert_eq!(text_of(&lines[0]), "Intro");
        assert!(!lines[0].bullet);
        assert!(lines[1].bullet);
        assert_eq!(lines[1].indent, 0.0);
        assert!(text_of(&lines[1]).starts_with("• first"));
        assert_eq!(lines[1].runs.len(), 1);
        assert!(!lines[1].runs[0].bold && lines[1].runs[0].link.is_none());
        assert!(!lines[2].bullet);
        assert_eq!(lines[2].indent, bw);
        let second = lines.iter().position(|l| text_of(l) == "• second");
        let second = second.unwrap_or_else(|| panic!("{:?}", texts(&lines)));
        assert!(lines[second].bullet);
        let nested = &lines[second + 1];
        assert!(nested.bullet);
        assert_eq!(nested.indent, bw);
        assert!(text_of(nested).starts_with("• nested"));
        assert_eq!(lines[second + 2].indent, 2.0 * bw);
        assert_eq!(text_of(lines.last().unwrap_or(&lines[0])), "-not a bullet");
        for l in &lines {
            assert!(l.width <= 120.0);
            assert_eq!(l.width, l.indent + text_width(&text_of(l), false));
        }
        // A lone marker is not a bullet.
        assert!(!wrap("- ", 100.0, None).iter().any(|l| l.bullet));
        assert_eq!(texts(&wrap("-", 100.0, None)), ["-"]);
    }

    #[test]
    fn emphasis() {
        assert_eq!(
            runs("a **b c** d"),
            [
                run("a ", false, false, None),
                run("b c", true, false, None),
                run(" d", false, false, None)
            ]
        );
        assert_eq!(
            runs("*x* and _y_"),
            [
                run("x", false, true, None),
                run(" and ", false, false, None),
                run("y", false, true, None)
            ]
        );
        assert_eq!(runs("***both***"), [run("both", true, true, None)]);
        assert_eq!(
            runs("**bold _it_**"),
            [run("bold ", true, false, None), run("it", true, true, None)]
        );
        // Literal: unmatched, spaced, intraword underscores, rules.
        for s in [
            "a * b * c",
            "2*3",
            "**open",
            "snake_case_name",
            "x ____ y",
            "_a",
        ] {
            assert_eq!(runs(s), [run(s, false, false, None)], "{s}");
        }
        // Markup does not span paragraphs; soft breaks join lines first.
        assert_eq!(texts(&wrap("**a\n\nb**", 100.0, None)), ["**a", "", "b**"]);
        assert_eq!(texts(&wrap("**a\nb**", 100.0, None)), ["a b"]);
        // Bold measures bold.
        let l = &wrap("**Goal**", 100.0, None)[0];
        assert_eq!(l.width, text_width("Goal", true));
    }

    #[test]
    fn links() {
        assert_eq!(
            runs("see [the spec](https://example.org/a_(b)) now"),
            [
                run("see ", false, false, None),
                run("the spec", false, false, Some("https://example.org/a_(b)")),
                run(" now", false, false, None)
            ]
        );
        assert_eq!(
            runs("mail [us](mailto:a@b.c)"),
            [
                run("mail ", false, false, None),
                run("us", false, false, Some("mailto:a@b.c"))
            ]
        );
        assert_eq!(
            runs("[**bold** link](http://x.org)"),
            [
                run("bold", true, false, Some("http://x.org")),
                run(" link", false, false, Some("http://x.org"))
            ]
        );
        // Bare links, without trailing punctuation.
        assert_eq!(
            runs("at https://example.org/x, (http://a.b/c)."),
            [
                run("at ", false, false, None),
                run(
                    "https://example.org/x",
                    false,
                    false,
                    Some("https://example.org/x")
                ),
                run(", (", false, false, None),
                run("http://a.b/c", false, false, Some("http://a.b/c")),
                run(").", false, false, None)
            ]
        );
        // Anything else is shown verbatim, never a link.
        for s in [
            "[click](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](data:text/html,hi)",
            "[x](file:///etc/passwd)",
            "[x](https://)",
            "[x](http ://a.b)",
            "javascript:alert(1)",
            "ftp://a.b/c",
            "xhttp://a.b",
        ] {
            assert_eq!(runs(s), [run(s, false, false, None)], "{s}");
        }
        // A link that wraps keeps its URL on every line.
        let lines = wrap("[a very long link text](https://x.y)", 50.0, None);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(
                l.runs
                    .iter()
                    .all(|r| r.link.as_deref() == Some("https://x.y"))
            );
        }
    }

    #[test]
    fn control_characters_are_replaced() {
        let lines = wrap("a\u{0}b\u{1b}[31m\u{7f}\u{85}c\td\u{c}", 1000.0, None);
        assert_eq!(
            texts(&lines),
            ["a\u{fffd}b\u{fffd}[31m\u{fffd}\u{fffd}c d\u{fffd}"]
        );
        assert_eq!(lines[0].width, text_width(&text_of(&lines[0]), false));
    }

    /// Every table entry equals the advance in the embedded font (so the
    /// metrics cannot drift from the font files), and everything the font
    /// maps measures at most the fallback.
    #[test]
    fn metrics_match_the_embedded_fonts() {
        for (data, bold) in [(FONT_REGULAR, false), (FONT_BOLD, true)] {
            let face = ttf_parser::Face::parse(data, 0).expect("font parses");
            assert_eq!(face.units_per_em(), metrics::UNITS_PER_EM);
            assert_eq!(face.ascender(), metrics::ASCENT);
            assert_eq!(face.descender(), metrics::DESCENT);
            let font_advance = |cp: u32| {
                let c = char::from_u32(cp)?;
                let g = face.glyph_index(c)?;
                face.glyph_hor_advance(g)
            };
            let dense: &[u16] = if bold { &BOLD_DENSE } else { &REGULAR_DENSE };
            for (i, &w) in dense.iter().enumerate() {
                let cp = DENSE_FIRST + i as u32;
                assert_eq!(font_advance(cp).unwrap_or(MISSING), w, "U+{cp:04X}");
            }
            let sparse: &[u16] = if bold { &BOLD_SPARSE } else { &REGULAR_SPARSE };
            for (&cp, &w) in SPARSE_CODEPOINTS.iter().zip(sparse) {
                assert_eq!(font_advance(cp).unwrap_or(MISSING), w, "U+{cp:04X}");
            }
            let fallback = if bold {
                BOLD_FALLBACK
            } else {
                REGULAR_FALLBACK
            };
            for cp in 0..0x11_0000 {
                if let (Some(w), Some(c)) = (font_advance(cp), char::from_u32(cp)) {
                    assert!(w <= fallback, "U+{cp:04X}");
                    assert!(advance(c, bold, false) >= w, "U+{cp:04X}");
                }
            }
        }
    }

    #[test]
    fn tables_are_sorted() {
        assert!(metrics::SPARSE_CODEPOINTS.windows(2).all(|w| w[0] < w[1]));
        assert!(metrics::REGULAR_ITALIC.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(metrics::BOLD_ITALIC.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(metrics::SPARSE_CODEPOINTS.binary_search(&0x2022).is_ok());
        assert!(metrics::SPARSE_CODEPOINTS.binary_search(&0x20AC).is_ok());
    }
}
