//! A fast path for the block-YAML subset that case files are written in.
//!
//! It reads top-level entries one at a time. Each entry is either understood
//! completely — block mappings and `- item` sequences of scalars, plain,
//! single- and double-quoted single-line scalars, one-line flow sequences of
//! scalars, `{}`, literal block scalars (`|`, `|-`, `|+`), comments — or the
//! fast path stops *before* that entry and reports where, and the caller
//! hands the rest of the file to the full YAML parser. Everything the fast
//! path accepts, it reads exactly as the full parser would (a differential
//! test and fuzz target hold it to that); it never reports an error itself.

use super::{Node, ScalarStyle2, Value};

/// Outcome of the fast path over one file.
pub enum Outcome {
    /// The whole text was read.
    Done,
    /// Stopped before the entry starting at this byte offset (of the text given).
    StoppedAt(usize),
}

struct Line<'a> {
    /// Byte offset of the line start.
    start: usize,
    /// The line without its end-of-line characters.
    text: &'a str,
}

/// Splits off lines; `\r\n` and `\n` end lines. A lone `\r` is left to the full parser.
struct Lines<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lines<'a> {
    fn peek(&self) -> Option<Line<'a>> {
        if self.pos >= self.src.len() {
            return None;
        }
        let rest = &self.src[self.pos..];
        let end = memchr_newline(rest.as_bytes()).unwrap_or(rest.len());
        let mut text = &rest[..end];
        if let Some(t) = text.strip_suffix('\r') {
            text = t;
        }
        Some(Line {
            start: self.pos,
            text,
        })
    }

    fn advance(&mut self) {
        let rest = &self.src.as_bytes()[self.pos..];
        self.pos += memchr_newline(rest).map_or(rest.len(), |i| i + 1);
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// Indentation (spaces) of a line, or `None` if a tab follows it. (Lone
/// carriage returns never reach here: `entries` leaves such files to the full parser.)
fn indent(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let n = b.iter().take_while(|&&c| c == b' ').count();
    if b.get(n) == Some(&b'\t') {
        return None;
    }
    Some(n)
}

/// Blank or comment-only.
fn is_blank(text: &str) -> bool {
    let t = text.trim_start_matches(' ');
    t.is_empty() || t.starts_with('#')
}

struct Unsupported;

type R<T> = Result<T, Unsupported>;

fn scalar(value: &str, style: ScalarStyle2, start: usize, end: usize) -> Node {
    Node {
        value: Value::Scalar(value.into(), style),
        start: start as u32,
        end: end as u32,
    }
}

/// Characters that may not start a plain scalar in this subset.
fn bad_plain_start(c: u8) -> bool {
    matches!(
        c,
        b'[' | b']'
            | b'{'
            | b'}'
            | b','
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
            | b'#'
            | b'?'
            | b'-'
            | b':'
    )
}

/// A plain scalar occupying `s` (already trimmed of leading spaces), up to a
/// comment or the end. Returns the value's byte length within `s`.
fn plain_len(s: &str, in_flow: bool) -> R<usize> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Ok(0);
    }
    if bad_plain_start(b[0]) {
        // `-x`, `:x`, `?x` are valid plain scalars but rare; leave them to the full parser.
        return Err(Unsupported);
    }
    let mut end = b.len();
    for i in 0..b.len() {
        match b[i] {
            b'#' if i > 0 && b[i - 1] == b' ' => {
                end = i;
                break;
            }
            b':' if i + 1 == b.len() || b[i + 1] == b' ' => return Err(Unsupported),
            b':' if in_flow && matches!(b[i + 1], b',' | b'[' | b']' | b'{' | b'}') => {
                return Err(Unsupported);
            }
            b'\t' => return Err(Unsupported),
            b',' | b'[' | b']' | b'{' | b'}' if in_flow => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let v = s[..end].trim_end_matches(' ');
    Ok(v.len())
}

/// Parses a scalar or one-line flow sequence starting at `s` (offset `base`),
/// which must be followed only by spaces and an optional comment.
fn inline_value(s: &str, base: usize) -> R<Node> {
    let b = s.as_bytes();
    match b.first() {
        None => Ok(scalar("", ScalarStyle2::Plain, base, base)),
        Some(b'"') | Some(b'\'') => {
            let (node, used) = quoted(s, base)?;
            rest_is_comment(&s[used..])?;
            Ok(node)
        }
        Some(b'[') => {
            let (node, used) = flow_seq(s, base)?;
            rest_is_comment(&s[used..])?;
            Ok(node)
        }
        Some(b'{') => {
            let inner = s[1..].trim_start_matches(' ');
            if let Some(after) = inner.strip_prefix('}') {
                rest_is_comment(after)?;
                let end = base + s.len() - after.len();
                Ok(Node {
                    value: Value::Map(Vec::new()),
                    start: base as u32,
                    end: end as u32,
                })
            } else {
                Err(Unsupported)
            }
        }
        Some(_) => {
            let n = plain_len(s, false)?;
            Ok(scalar(&s[..n], ScalarStyle2::Plain, base, base + n))
        }
    }
}

fn rest_is_comment(s: &str) -> R<()> {
    let t = s.trim_start_matches(' ');
    if t.is_empty() || (t.starts_with('#') && t.len() < s.len()) {
        Ok(())
    } else {
        Err(Unsupported)
    }
}

/// A single-line quoted scalar at the start of `s`; returns it and the bytes used.
fn quoted(s: &str, base: usize) -> R<(Node, usize)> {
    let b = s.as_bytes();
    let q = b[0];
    let mut out = String::new();
    let mut i = 1;
    let mut run = 1;
    while i < b.len() {
        let c = b[i];
        if c == q {
            if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                out.push_str(&s[run..i + 1]);
                i += 2;
                run = i;
                continue;
            }
            out.push_str(&s[run..i]);
            let node = scalar(&out, ScalarStyle2::Quoted, base, base + i + 1);
            return Ok((node, i + 1));
        }
        if q == b'"' && c == b'\\' {
            out.push_str(&s[run..i]);
            let esc = *b.get(i + 1).ok_or(Unsupported)?;
            out.push(match esc {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'0' => '\0',
                _ => return Err(Unsupported),
            });
            i += 2;
            run = i;
            continue;
        }
        if c == b'\t' {
            return Err(Unsupported);
        }
        i += 1;
    }
    Err(Unsupported) // multi-line or unterminated
}

/// A one-line flow sequence of scalars `[a, "b", c]`.
fn flow_seq(s: &str, base: usize) -> R<(Node, usize)> {
    let mut items = Vec::new();
    let mut i = 1;
    let b = s.as_bytes();
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        match b.get(i) {
            None => return Err(Unsupported),
            Some(b']') if items.is_empty() => {
                return Ok((seq_node(items, base, base + i + 1), i + 1));
            }
            Some(b'"') | Some(b'\'') => {
                let (node, used) = quoted(&s[i..], base + i)?;
                items.push(node);
                i += used;
            }
            Some(_) => {
                let n = plain_len(&s[i..], true)?;
                if n == 0 {
                    return Err(Unsupported);
                }
                items.push(scalar(
                    &s[i..i + n],
                    ScalarStyle2::Plain,
                    base + i,
                    base + i + n,
                ));
                i += n;
            }
        }
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        match b.get(i) {
            Some(b',') => {
                i += 1;
                // a trailing comma before `]` is valid YAML
                let mut j = i;
                while b.get(j) == Some(&b' ') {
                    j += 1;
                }
                if b.get(j) == Some(&b']') {
                    return Ok((seq_node(items, base, base + j + 1), j + 1));
                }
            }
            Some(b']') => return Ok((seq_node(items, base, base + i + 1), i + 1)),
            _ => return Err(Unsupported),
        }
    }
}

fn seq_node(items: Vec<Node>, start: usize, end: usize) -> Node {
    Node {
        value: Value::Seq(items),
        start: start as u32,
        end: end as u32,
    }
}

/// Splits `key: rest` / `key:` at the start of `s`. Returns (key node, offset of the rest).
fn key_of(s: &str, base: usize) -> R<(Node, usize)> {
    let b = s.as_bytes();
    if b.first().is_some_and(|&c| c == b'"' || c == b'\'') {
        let (node, used) = quoted(s, base)?;
        if b.get(used) != Some(&b':') || !matches!(b.get(used + 1), None | Some(b' ')) {
            return Err(Unsupported);
        }
        return Ok((node, used + 1));
    }
    if b.is_empty() || bad_plain_start(b[0]) {
        return Err(Unsupported);
    }
    for i in 0..b.len() {
        match b[i] {
            b':' if matches!(b.get(i + 1), None | Some(b' ')) => {
                if i > 1000 {
                    return Err(Unsupported); // YAML caps implicit keys at 1024 characters
                }
                let k = s[..i].trim_end_matches(' ');
                return Ok((scalar(k, ScalarStyle2::Plain, base, base + k.len()), i + 1));
            }
            b'#' if i > 0 && b[i - 1] == b' ' => return Err(Unsupported),
            b'\t' | b'[' | b']' | b'{' | b'}' | b',' => return Err(Unsupported),
            _ => {}
        }
    }
    Err(Unsupported)
}

struct Reader<'a> {
    lines: Lines<'a>,
    /// Nesting of block collections; deep input goes to the full parser, which enforces the limit.
    depth: usize,
}

/// Deepest block nesting the fast path reads (far below the documented limit).
const MAX_FAST_DEPTH: usize = 32;

impl<'a> Reader<'a> {
    fn skip_blank(&mut self) -> R<()> {
        while let Some(l) = self.lines.peek() {
            if !is_blank(l.text) {
                break;
            }
            indent(l.text).ok_or(Unsupported)?;
            self.lines.advance();
        }
        Ok(())
    }

    /// Fails if the next non-blank line is indented deeper than `ind`: it would
    /// continue the value just read (a multi-line plain scalar, say).
    fn no_continuation(&mut self, ind: usize) -> R<()> {
        self.skip_blank()?;
        match self.lines.peek() {
            Some(l) if indent(l.text).ok_or(Unsupported)? > ind => Err(Unsupported),
            _ => Ok(()),
        }
    }

    /// The value after `key:` whose rest of line is `rest` (at `rest_off`),
    /// for a key at indentation `key_indent`.
    fn value(&mut self, rest: &str, rest_off: usize, key_indent: usize, colon: usize) -> R<Node> {
        let trimmed = rest.trim_start_matches(' ');
        let off = rest_off + rest.len() - trimmed.len();
        if !rest.is_empty() && !rest.starts_with(' ') {
            return Err(Unsupported);
        }
        if trimmed.starts_with('|') {
            return self.literal(trimmed, off, key_indent);
        }
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            let node = inline_value(trimmed, off)?;
            self.lines.advance();
            self.no_continuation(key_indent)?;
            return Ok(node);
        }
        // Nothing on the line: a nested block, or null.
        self.lines.advance();
        self.skip_blank()?;
        let Some(next) = self.lines.peek() else {
            return Ok(scalar("", ScalarStyle2::Plain, colon, colon));
        };
        let ind = indent(next.text).ok_or(Unsupported)?;
        let content = &next.text[ind..];
        // `-` and a tab starts a sequence entry too: left to the full parser.
        if content.starts_with("-\t") {
            return Err(Unsupported);
        }
        if ind > key_indent {
            if content.starts_with("- ") || content == "-" {
                return self.block_seq(ind);
            }
            return self.block_map(ind);
        }
        if ind == key_indent && (content.starts_with("- ") || content == "-") {
            return self.block_seq(ind);
        }
        Ok(scalar("", ScalarStyle2::Plain, colon, colon))
    }

    /// A literal block scalar `|`, `|-`, `|+` (no explicit indentation indicator).
    fn literal(&mut self, header: &str, off: usize, key_indent: usize) -> R<Node> {
        let h = &header[1..];
        let ind_end = h.find([' ', '#']).unwrap_or(h.len());
        let chomp = match &h[..ind_end] {
            "" => 0,
            "-" => -1,
            "+" => 1,
            _ => return Err(Unsupported), // explicit indentation indicators
        };
        let after = &h[ind_end..];
        let t = after.trim_start_matches(' ');
        if !(t.is_empty() || (t.starts_with('#') && t.len() < after.len())) {
            return Err(Unsupported);
        }
        self.lines.advance();
        let mut body: Vec<&str> = Vec::new();
        let mut first = (usize::MAX, off + 1);
        let mut content_indent: Option<usize> = None;
        let mut leading_blank_max = 0usize;
        while let Some(l) = self.lines.peek() {
            let spaces = l.text.bytes().take_while(|&c| c == b' ').count();
            let only_spaces = spaces == l.text.len();
            if l.text.as_bytes().get(spaces) == Some(&b'\t') && !only_spaces {
                return Err(Unsupported);
            }
            // A last line of spaces without a line break: saphyr keeps one more
            // line break there; leave it to the full parser.
            if only_spaces && spaces > 0 && l.start + l.text.len() == self.lines.src.len() {
                return Err(Unsupported);
            }
            match content_indent {
                None if only_spaces => {
                    leading_blank_max = leading_blank_max.max(spaces);
                    body.push("");
                    self.lines.advance();
                    continue;
                }
                None => {
                    if spaces <= key_indent || spaces < leading_blank_max {
                        break;
                    }
                    content_indent = Some(spaces);
                }
                Some(ci) => {
                    if !only_spaces && spaces < ci {
                        break;
                    }
                    if only_spaces && spaces > ci {
                        return Err(Unsupported); // chomping subtleties: leave to the full parser
                    }
                }
            }
            let ci = content_indent.unwrap_or(0);
            if !only_spaces {
                if first.0 == usize::MAX {
                    first.0 = l.start + ci;
                }
                first.1 = l.start + l.text.len();
            }
            body.push(if l.text.len() >= ci {
                &l.text[ci..]
            } else {
                ""
            });
            self.lines.advance();
        }
        if content_indent.is_none() {
            return Err(Unsupported); // empty block scalars: leave to the full parser
        }
        // Trailing blank lines belong to chomping.
        let mut trailing = 0;
        while body.last().is_some_and(|l| l.is_empty()) {
            body.pop();
            trailing += 1;
        }
        let mut text = body.join("\n");
        match chomp {
            -1 => {}
            0 => text.push('\n'),
            _ => {
                text.push('\n');
                for _ in 0..trailing {
                    text.push('\n');
                }
            }
        }
        // Like the full parser: the span starts at the first content character.
        Ok(scalar(&text, ScalarStyle2::Quoted, first.0, first.1))
    }

    fn block_map(&mut self, ind: usize) -> R<Node> {
        self.depth += 1;
        if self.depth > MAX_FAST_DEPTH {
            return Err(Unsupported);
        }
        let mut items: Vec<(Node, Node)> = Vec::new();
        let start = self.lines.peek().map_or(0, |l| l.start + ind);
        let mut end = start;
        loop {
            self.skip_blank()?;
            let Some(l) = self.lines.peek() else { break };
            let li = indent(l.text).ok_or(Unsupported)?;
            if li < ind {
                break;
            }
            if li > ind {
                return Err(Unsupported); // continuation lines, odd nesting
            }
            let content = &l.text[ind..];
            if content.starts_with("- ") || content == "-" {
                if items.is_empty() {
                    return Err(Unsupported);
                }
                break;
            }
            let base = l.start + ind;
            let (key, used) = key_of(content, base)?;
            let key_end = key.end as usize;
            let value = self.value(&content[used..], base + used, ind, base + used - 1)?;
            end = end.max(value.end as usize).max(key_end);
            items.push((key, value));
        }
        self.depth -= 1;
        Ok(Node {
            value: Value::Map(items),
            start: start as u32,
            end: end as u32,
        })
    }

    fn block_seq(&mut self, ind: usize) -> R<Node> {
        self.depth += 1;
        if self.depth > MAX_FAST_DEPTH {
            return Err(Unsupported);
        }
        let mut items = Vec::new();
        let start = self.lines.peek().map_or(0, |l| l.start + ind);
        let mut end = start;
        loop {
            self.skip_blank()?;
            let Some(l) = self.lines.peek() else { break };
            let li = indent(l.text).ok_or(Unsupported)?;
            if li != ind {
                if li > ind {
                    return Err(Unsupported);
                }
                break;
            }
            let content = &l.text[ind..];
            let Some(item) = content.strip_prefix("- ") else {
                if content == "-" || content.starts_with("-\t") {
                    return Err(Unsupported);
                }
                break;
            };
            let trimmed = item.trim_start_matches(' ');
            let off = l.start + ind + 2 + (item.len() - trimmed.len());
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('|') {
                return Err(Unsupported);
            }
            // `- key: value` (a mapping item) is left to the full parser.
            if key_of(trimmed, off).is_ok() {
                return Err(Unsupported);
            }
            let node = inline_value(trimmed, off)?;
            end = node.end as usize;
            items.push(node);
            self.lines.advance();
            self.no_continuation(ind)?;
        }
        self.depth -= 1;
        Ok(seq_node(items, start, end))
    }
}

/// Whether `src` holds characters YAML does not allow unescaped (controls,
/// lone carriage returns, non-characters) — the full parser decides about those.
fn has_special_chars(src: &str) -> bool {
    let b = src.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\r' if b.get(i + 1) != Some(&b'\n') => return true,
            0..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => return true,
            _ => {}
        }
    }
    !src.is_ascii()
        && src
            .chars()
            .any(|c| matches!(c, '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
}

/// Reads top-level entries of `src` (no BOM) into `sink`; offsets are shifted by `base`.
pub fn entries(src: &str, base: usize, sink: &mut dyn FnMut(Node, Node)) -> Outcome {
    if has_special_chars(src) {
        return Outcome::StoppedAt(0);
    }
    let mut r = Reader {
        lines: Lines { src, pos: 0 },
        depth: 0,
    };
    loop {
        let entry_start = r.lines.pos;
        if r.skip_blank().is_err() {
            return Outcome::StoppedAt(entry_start);
        }
        let at = r.lines.pos;
        let Some(l) = r.lines.peek() else {
            return Outcome::Done;
        };
        // Top-level keys sit in column 0; anything else (documents, directives,
        // flow mappings, indented starts) goes to the full parser.
        let text = l.text;
        if text.starts_with(' ')
            || text.starts_with("---")
            || text.starts_with("...")
            || text.starts_with('%')
        {
            return Outcome::StoppedAt(at);
        }
        let parsed = key_of(text, l.start).and_then(|(key, used)| {
            let value = r.value(&text[used..], l.start + used, 0, l.start + used - 1)?;
            Ok((key, value))
        });
        match parsed {
            Ok((mut key, mut value)) => {
                shift(&mut key, base);
                shift(&mut value, base);
                sink(key, value);
            }
            Err(Unsupported) => return Outcome::StoppedAt(at),
        }
    }
}

fn shift(n: &mut Node, base: usize) {
    if base == 0 {
        return;
    }
    n.start += base as u32;
    n.end += base as u32;
    match &mut n.value {
        Value::Scalar(..) => {}
        Value::Seq(items) => items.iter_mut().for_each(|i| shift(i, base)),
        Value::Map(items) => items.iter_mut().for_each(|(k, v)| {
            shift(k, base);
            shift(v, base);
        }),
    }
}
