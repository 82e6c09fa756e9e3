//! YAML (and JSON, as its subset) to a small span-carrying tree, streamed one
//! top-level entry at a time so that a 100 MB file never exists as one tree.
//!
//! Built on `saphyr-parser`'s event stream. Limits (nesting depth, alias
//! expansion) are enforced here; every failure becomes a [`YamlError`] with a
//! byte offset.

mod fast;

use rustc_hash::FxHashMap;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

/// What a scalar looked like in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle2 {
    /// Unquoted: subject to YAML's typing (`true`, `12`, `null`).
    Plain,
    /// Quoted or block: always a string.
    Quoted,
}

/// A YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar, with its text as written (after YAML unescaping).
    Scalar(Box<str>, ScalarStyle2),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order (duplicates kept; the loader reports them).
    Map(Vec<(Node, Node)>),
}

/// A value with its byte range in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Byte offset of the start.
    pub start: u32,
    /// Byte offset of the end.
    pub end: u32,
}

impl Node {
    /// True for an empty plain scalar, `~` or `null` (YAML's null).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s, ScalarStyle2::Plain) if matches!(&**s, "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The scalar text, if this is a scalar.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s, _) => Some(s),
            _ => None,
        }
    }

    /// A short noun for messages: "a string", "a list", "a mapping".
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing (null)",
            Value::Scalar(s, ScalarStyle2::Plain) if parse_bool(s).is_some() => "a boolean",
            Value::Scalar(s, ScalarStyle2::Plain) if s.parse::<i64>().is_ok() => "a number",
            Value::Scalar(..) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// Appends a canonical rendering of the tree — values, styles and scalar
    /// start offsets — used to compare two readings of the same text (the
    /// fast path's differential tests and fuzz target).
    pub fn write_comparable(&self, out: &mut String) {
        match &self.value {
            Value::Scalar(s, st) => {
                out.push_str(&format!(
                    "S({s:?},{},{})",
                    matches!(st, ScalarStyle2::Plain),
                    self.start
                ));
            }
            Value::Seq(items) => {
                out.push('[');
                for i in items {
                    i.write_comparable(out);
                    out.push(',');
                }
                out.push(']');
            }
            Value::Map(items) => {
                out.push('{');
                for (k, v) in items {
                    k.write_comparable(out);
                    out.push(':');
                    v.write_comparable(out);
                    out.push(',');
                }
                out.push('}');
            }
        }
    }

    fn count(&self) -> usize {
        match &self.value {
            Value::Scalar(..) => 1,
            Value::Seq(v) => 1 + v.iter().map(Node::count).sum::<usize>(),
            Value::Map(v) => 1 + v.iter().map(|(k, v)| k.count() + v.count()).sum::<usize>(),
        }
    }
}

/// YAML 1.2 core-schema booleans (plus the capitalised forms).
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Limits applied while reading one file.
#[derive(Clone, Copy, Debug)]
pub struct YamlLimits {
    /// Maximum nesting of sequences and mappings.
    pub max_depth: usize,
    /// Maximum number of nodes that aliases may expand to, per file.
    pub max_alias_nodes: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 64,
            max_alias_nodes: 100_000,
        }
    }
}

/// Why a file could not be read further.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Byte offset of the problem.
    pub offset: u32,
    /// What went wrong.
    pub message: String,
    /// A hint, if we have one.
    pub help: Option<String>,
    /// Which kind of failure (for the diagnostic code).
    pub kind: YamlErrorKind,
}

/// Classes of [`YamlError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// Not well-formed YAML.
    Syntax,
    /// The document is not a mapping at the top.
    NotAMapping,
    /// A configured limit was exceeded.
    Limit,
}

/// What the caller receives for each top-level entry.
pub trait EntrySink {
    /// One `key: value` pair of the top-level mapping.
    fn entry(&mut self, key: Node, value: Node);
}

impl<F: FnMut(Node, Node)> EntrySink for F {
    fn entry(&mut self, key: Node, value: Node) {
        self(key, value)
    }
}

/// Maps saphyr's (line, char column) markers to byte offsets.
struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    line_starts: &'a [u32],
    base: usize,
    /// The last marker mapped: (0-based line, char column, byte offset in `text`).
    /// Markers mostly move forward, so walking on from here keeps a long
    /// non-ASCII line linear instead of quadratic (one walk from the line
    /// start per event).
    cursor: std::cell::Cell<(usize, usize, usize)>,
}

impl Offsets<'_> {
    fn of(&self, m: Marker) -> u32 {
        if self.ascii {
            return (m.index() + self.base).min(self.text.len() + self.base) as u32;
        }
        let line = m.line().max(1) - 1;
        let Some(&ls) = self.line_starts.get(line) else {
            return (self.text.len() + self.base) as u32;
        };
        let ls = (ls as usize).min(self.text.len());
        let (cl, cc, cb) = self.cursor.get();
        let (mut n, from) = if cl == line && cc <= m.col() && cb >= ls {
            (cc, cb)
        } else {
            (0, ls)
        };
        let mut off = self.text.len();
        for (i, _) in self.text[from..].char_indices() {
            if n == m.col() {
                off = from + i;
                self.cursor.set((line, n, off));
                break;
            }
            n += 1;
        }
        (off + self.base) as u32
    }
}

fn line_starts(text: &str) -> Vec<u32> {
    let b = text.as_bytes();
    let mut v = vec![0u32];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => v.push(i as u32 + 1),
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                v.push(i as u32 + 1);
            }
            _ => {}
        }
        i += 1;
    }
    v
}

enum Frame {
    Seq(Vec<Node>, u32),
    Map(Vec<(Node, Node)>, Option<Node>, u32),
}

/// Parses `src` (which may start with a BOM) and hands each top-level entry to
/// `sink`. Returns `Ok(true)` if the document had a top-level mapping (or was
/// empty: `Ok(false)`), or the first error; entries before the error have
/// already been delivered.
pub fn parse_entries(
    src: &str,
    limits: &YamlLimits,
    sink: &mut dyn EntrySink,
) -> Result<bool, YamlError> {
    parse_entries_with(src, limits, sink, true)
}

/// Files at least this large are cut in two at a top-level key and the halves
/// read by the fast path on two threads.
pub const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// [`parse_entries`], optionally without the fast path (for differential tests).
pub fn parse_entries_with(
    src: &str,
    limits: &YamlLimits,
    sink: &mut dyn EntrySink,
    use_fast_path: bool,
) -> Result<bool, YamlError> {
    parse_entries_tuned(src, limits, sink, use_fast_path, PARALLEL_MIN_BYTES)
}

/// Where to cut `text` for parallel reading: the start of the first line
/// after the middle that begins in column 0 with something that can only be a
/// top-level key (not a space, comment, sequence dash or document marker).
fn split_point(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = text.len() / 2;
    while let Some(nl) = memchr::memchr(b'\n', &b[i..]) {
        let start = i + nl + 1;
        match b.get(start) {
            None => return None,
            Some(b' ' | b'#' | b'\n' | b'\r' | b'\t' | b'-' | b'.' | b'%') => i = start,
            Some(_) => return Some(start),
        }
    }
    None
}

/// [`parse_entries_with`] with the size from which files are read on two threads
/// (tests use 0 to cut every input).
pub fn parse_entries_tuned(
    src: &str,
    limits: &YamlLimits,
    sink: &mut dyn EntrySink,
    use_fast_path: bool,
    parallel_min: usize,
) -> Result<bool, YamlError> {
    let (text, base) = match src.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (src, 0),
    };
    // The fast path reads what it can; the full parser re-reads the file from
    // the start, delivering only the entries the fast path did not.
    let mut delivered = false;
    let split = (use_fast_path && text.len() >= parallel_min)
        .then(|| split_point(text))
        .flatten();
    let outcome = if !use_fast_path {
        fast::Outcome::StoppedAt(0)
    } else if let Some(mid) = split {
        // Both halves start at a top-level key, so each reads as it would in
        // the whole file as long as everything before it was read by the fast
        // path too; the second half's entries are kept only in that case.
        let (first, second) = text.split_at(mid);
        let mut later: Vec<(Node, Node)> = Vec::new();
        let (first_outcome, second_outcome) = std::thread::scope(|scope| {
            let handle =
                scope.spawn(|| fast::entries(second, base + mid, &mut |k, v| later.push((k, v))));
            let o = fast::entries(first, base, &mut |k, v| {
                delivered = true;
                sink.entry(k, v);
            });
            (o, handle.join())
        });
        match first_outcome {
            fast::Outcome::StoppedAt(at) => fast::Outcome::StoppedAt(at),
            fast::Outcome::Done => {
                for (k, v) in later {
                    delivered = true;
                    sink.entry(k, v);
                }
                match second_outcome {
                    Ok(fast::Outcome::Done) => fast::Outcome::Done,
                    Ok(fast::Outcome::StoppedAt(at)) => fast::Outcome::StoppedAt(mid + at),
                    Err(_) => fast::Outcome::StoppedAt(mid),
                }
            }
        }
    } else {
        fast::entries(text, base, &mut |k, v| {
            delivered = true;
            sink.entry(k, v);
        })
    };
    let skip_before = match outcome {
        fast::Outcome::Done => return Ok(delivered),
        fast::Outcome::StoppedAt(at) => (at + base) as u32,
    };
    let ls = if text.is_ascii() {
        Vec::new()
    } else {
        line_starts(text)
    };
    let offs = Offsets {
        text,
        ascii: text.is_ascii(),
        line_starts: &ls,
        base,
        cursor: std::cell::Cell::new((usize::MAX, 0, 0)),
    };
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: FxHashMap<usize, Node> = FxHashMap::default();
    // Frames that carry an anchor id, parallel to `stack`.
    let mut anchor_ids: Vec<usize> = Vec::new();
    let mut alias_budget = limits.max_alias_nodes;
    let mut docs = 0usize;
    let mut top_is_map = false;
    // Depth 0 = outside any document; the top-level mapping is stack[0].
    loop {
        let Some(item) = parser.next_event() else {
            return Ok(top_is_map);
        };
        let (event, span) = match item {
            Ok(x) => x,
            Err(e) => {
                let mut m = e.info().to_string();
                // Whole words only: "unprintable" contains "tab" too.
                let help = if m
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w == "tab" || w == "tabs")
                {
                    Some("YAML indentation must use spaces, not tabs".to_string())
                } else {
                    None
                };
                if let Some(first) = m.get(..1) {
                    m = first.to_uppercase() + &m[1..];
                }
                // The scanner's own nesting guard (flow collections) is a limit, not a syntax error.
                let kind = if m.to_ascii_lowercase().contains("recursion limit") {
                    YamlErrorKind::Limit
                } else {
                    YamlErrorKind::Syntax
                };
                let mut offset = offs.of(*e.marker());
                // saphyr reports an indentation tab after it (block indentation)
                // or at the start of the plain scalar whose continuation line it
                // indents: point at the tab itself.
                if help.is_some() {
                    let off = (offset as usize).saturating_sub(base).min(text.len());
                    let line_start = text[..off].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                    if let Some(tab) = indentation_tab(text, line_start)
                        && (tab <= off || m.contains("found a tab"))
                    {
                        offset = (tab + base) as u32;
                    }
                }
                return Err(YamlError {
                    offset,
                    message: if kind == YamlErrorKind::Limit {
                        "nesting too deep for the YAML scanner".to_string()
                    } else {
                        format!("invalid YAML: {m}")
                    },
                    help,
                    kind,
                });
            }
        };
        let start = offs.of(span.start);
        let end = offs.of(span.end);
        let completed: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::Nothing => None,
            Event::StreamEnd => return Ok(top_is_map),
            Event::DocumentStart(_) => {
                docs += 1;
                if docs > 1 {
                    return Err(YamlError {
                        offset: start,
                        message: "a case file holds one YAML document; found a second one".into(),
                        help: Some(
                            "split the documents into separate files, or remove the `---` line"
                                .into(),
                        ),
                        kind: YamlErrorKind::Syntax,
                    });
                }
                None
            }
            Event::DocumentEnd => None,
            Event::Alias(id) => {
                let Some(node) = anchors.get(&id) else {
                    return Err(YamlError {
                        offset: start,
                        message: "alias refers to an unknown anchor".into(),
                        help: None,
                        kind: YamlErrorKind::Syntax,
                    });
                };
                let n = node.count();
                if n > alias_budget {
                    return Err(YamlError {
                        offset: start,
                        message: format!(
                            "YAML aliases expand to more than {} nodes in this file",
                            limits.max_alias_nodes
                        ),
                        help: Some("aliases that refer to aliases grow exponentially (an \"alias bomb\"); write the values out".into()),
                        kind: YamlErrorKind::Limit,
                    });
                }
                alias_budget -= n;
                let mut node = node.clone();
                node.start = start;
                node.end = end.max(start);
                Some((node, 0))
            }
            Event::Scalar(value, style, anchor, _tag) => {
                let style = match style {
                    ScalarStyle::Plain => ScalarStyle2::Plain,
                    _ => ScalarStyle2::Quoted,
                };
                Some((
                    Node {
                        value: Value::Scalar(value.into_owned().into_boxed_str(), style),
                        start,
                        end,
                    },
                    anchor,
                ))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.is_empty() {
                    if !matches!(event, Event::MappingStart(..)) {
                        return Err(not_a_mapping(start, "a list"));
                    }
                    top_is_map = true;
                }
                if stack.len() > limits.max_depth {
                    return Err(YamlError {
                        offset: start,
                        message: format!("nesting deeper than {} levels", limits.max_depth),
                        help: Some("a case file needs only a few levels; this looks like generated or hostile input".into()),
                        kind: YamlErrorKind::Limit,
                    });
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map(Vec::new(), None, start)
                } else {
                    Frame::Seq(Vec::new(), start)
                });
                anchor_ids.push(anchor);
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = stack.pop();
                let anchor = anchor_ids.pop().unwrap_or(0);
                match frame {
                    Some(Frame::Seq(items, s)) => Some((
                        Node {
                            value: Value::Seq(items),
                            start: s,
                            end,
                        },
                        anchor,
                    )),
                    Some(Frame::Map(items, _, s)) => {
                        if stack.is_empty() {
                            // the top-level mapping: its entries were streamed out
                            None
                        } else {
                            Some((
                                Node {
                                    value: Value::Map(items),
                                    start: s,
                                    end,
                                },
                                anchor,
                            ))
                        }
                    }
                    None => None,
                }
            }
        };
        let Some((node, anchor)) = completed else {
            continue;
        };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        let depth = stack.len();
        match stack.last_mut() {
            None => {
                // a scalar document
                if node.is_null() {
                    continue;
                }
                return Err(not_a_mapping(node.start, node.kind_name()));
            }
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(items, key, _)) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if depth == 1 {
                        if k.start >= skip_before {
                            sink.entry(k, node);
                        }
                    } else {
                        items.push((k, node));
                    }
                }
            },
        }
    }
}

/// The first tab at or after byte `from` (a line start) that stands in a line's indentation.
fn indentation_tab(text: &str, from: usize) -> Option<usize> {
    let mut in_indent = true;
    for (i, &c) in text.as_bytes().iter().enumerate().skip(from) {
        match c {
            b'\n' | b'\r' => in_indent = true,
            b'\t' if in_indent => return Some(i),
            b' ' => {}
            _ => in_indent = false,
        }
    }
    None
}

fn not_a_mapping(offset: u32, found: &str) -> YamlError {
    YamlError {
        offset,
        message: format!(
            "a case file must be a mapping from element ids to elements; found {found}"
        ),
        help: Some(
            "start the file with lines such as `G1:` followed by indented keys such as `text:`"
                .into(),
        ),
        kind: YamlErrorKind::NotAMapping,
    }
}

/// Parses a whole small document into one tree (used for configuration-sized inputs and tests).
pub fn parse_tree(src: &str, limits: &YamlLimits) -> Result<Vec<(Node, Node)>, YamlError> {
    let mut out = Vec::new();
    parse_entries(src, limits, &mut |k, v| out.push((k, v)))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(n: &Node) -> &str {
        n.as_scalar().unwrap_or("<not scalar>")
    }

    #[test]
    fn streams_entries_with_byte_spans() {
        let src = "G1:\n  text: héllo\nG2: {text: x}\n";
        let entries = parse_tree(src, &YamlLimits::default()).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(scalar(&entries[1].0), "G2");
        assert_eq!(
            &src[entries[1].0.start as usize..entries[1].0.end as usize],
            "G2"
        );
        let Value::Map(m) = &entries[0].1.value else {
            panic!()
        };
        assert_eq!(scalar(&m[0].1), "héllo");
    }

    #[test]
    fn bom_and_non_ascii_offsets() {
        let src = "\u{feff}Gé:\n  text: a\nG2: {}\n";
        let entries = parse_tree(src, &YamlLimits::default()).unwrap();
        let k = &entries[1].0;
        assert_eq!(&src[k.start as usize..k.end as usize], "G2");
    }

    #[test]
    fn alias_bomb_is_limited() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..8 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            src.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let err = parse_tree(&src, &YamlLimits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
    }

    #[test]
    fn deep_nesting_is_limited() {
        let src = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse_tree(&src, &YamlLimits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
    }

    #[test]
    fn second_document_is_an_error() {
        let err = parse_tree("a: 1\n---\nb: 2\n", &YamlLimits::default()).unwrap_err();
        assert!(err.message.contains("second"));
    }

    #[test]
    fn top_level_list_is_an_error() {
        let err = parse_tree("- a\n- b\n", &YamlLimits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::NotAMapping);
    }
}
