//! Source files and position arithmetic: byte offset ↔ line / column.

use crate::span::{FileId, Span};
use std::sync::Arc;

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user should see it (relative where possible).
    pub name: String,
    /// The full text (valid UTF-8; a BOM, if any, is kept).
    pub text: Arc<str>,
    /// Byte offset of the start of every line (`\n`, `\r\n` and lone `\r` end a line).
    line_starts: Vec<u32>,
}

/// A 1-based line and column, columns counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
}

impl SourceFile {
    /// Creates a file and indexes its lines.
    pub fn new(name: String, text: Arc<str>) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0u32];
        if memchr::memchr(b'\r', bytes).is_none() {
            line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i as u32 + 1));
            return SourceFile {
                name,
                text,
                line_starts,
            };
        }
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceFile {
            name,
            text,
            line_starts,
        }
    }

    /// Byte offset of the start of 1-based `line` (clamped to the file).
    pub fn line_start(&self, line: usize) -> usize {
        let idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        self.line_starts[idx] as usize
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line index containing `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset of the character column `col` (0-based, in chars) on 1-based `line`.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let start = self.line_start(line);
        let rest = &self.text[start..];
        let mut off = start;
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if n == col || c == '\n' || c == '\r' {
                return start + i;
            }
            off = start + i + c.len_utf8();
        }
        off
    }

    /// Line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let column = floor_char_boundary(&self.text, offset)
            .checked_sub(start)
            .map(|n| self.text[start..start + n].chars().count())
            .unwrap_or(0);
        // A byte-order mark is not a column.
        let bom = usize::from(line == 0 && offset >= 3 && self.text.starts_with('\u{feff}'));
        LineCol {
            line: line as u32 + 1,
            column: (column - bom) as u32 + 1,
        }
    }

    /// The column of `offset` counted in UTF-16 code units (1-based), for editors.
    pub fn utf16_column(&self, offset: usize) -> u32 {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let start = self.line_starts[self.line_index(offset)] as usize;
        self.text[start..offset]
            .chars()
            .map(char::len_utf16)
            .sum::<usize>() as u32
            + 1
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// All files of a run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceDb {
    files: Vec<SourceFile>,
}

impl SourceDb {
    /// An empty database.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, text: Arc<str>) -> FileId {
        self.files.push(SourceFile::new(name, text));
        FileId(self.files.len() as u32 - 1)
    }

    /// The file behind `id`.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// All files with their ids, in load order.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// Line and column of the start of `span`.
    pub fn start(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.start as usize)
    }

    /// Line and column of the end of `span`.
    pub fn end(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.end as usize)
    }

    /// The text a span covers (empty if out of range).
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file).text.get(span.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_handles_crlf_cr_and_multibyte() {
        let f = SourceFile::new("t".into(), "a\r\nbé c\rd\n".into());
        assert_eq!(f.line_count(), 4);
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'c' is after "bé " = 4 bytes, 3 chars
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 4 });
        assert_eq!(f.offset_of(2, 3), 7);
        assert_eq!(f.line_col(9), LineCol { line: 3, column: 1 });
        assert_eq!(f.utf16_column(7), 4);
    }
}
