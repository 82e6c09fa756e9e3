//! Hostile and malformed inputs through [`assure_core::load::load`]: every one
//! must give a located diagnostic with the right code (never a panic, a hang or
//! a stack overflow), and whatever could be read must still be loaded.

use assure_core::load::{Limits, Loaded, MemWorld, ReadError, World, load};
use assure_core::{Diagnostic, Span};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROOT: &str = "case/main.gsn.yaml";

// ---------------------------------------------------------------- helpers

fn load_world(world: &dyn World, root: &str) -> Loaded {
    load(world, &[PathBuf::from(root)], &Limits::default())
        .unwrap_or_else(|e| panic!("root error: {e}"))
}

/// Loads `files` (the first is the root) from memory.
fn load_files(files: &[(&str, &[u8])]) -> Loaded {
    let mut world = MemWorld::new();
    for (path, bytes) in files {
        world = world.with(path, bytes.to_vec());
    }
    let loaded = load_world(&world, files[0].0);
    assert_spans_valid(&loaded);
    loaded
}

/// Loads one file as `case/main.gsn.yaml`.
fn load_one(src: impl AsRef<[u8]>) -> Loaded {
    load_files(&[(ROOT, src.as_ref())])
}

fn ids(l: &Loaded) -> Vec<&str> {
    l.case.elements.iter().map(|e| &*e.id).collect()
}

fn dump(l: &Loaded) -> String {
    let mut s = String::new();
    for d in &l.diagnostics {
        let lc = l.sources.start(d.primary.span);
        s.push_str(&format!(
            "  {} {}:{}:{} {} (help: {:?})\n",
            d.code,
            l.sources.get(d.primary.span.file).name,
            lc.line,
            lc.column,
            d.message,
            d.help
        ));
    }
    s
}

fn codes(l: &Loaded) -> Vec<&'static str> {
    l.diagnostics.iter().map(|d| d.code).collect()
}

/// The only diagnostic of the load, which must have `code`.
fn only<'a>(l: &'a Loaded, code: &str) -> &'a Diagnostic {
    assert_eq!(
        codes(l),
        [code],
        "expected exactly one {code}:\n{}",
        dump(l)
    );
    &l.diagnostics[0]
}

/// (line, column), both 1-based, of the start of a span.
fn at(l: &Loaded, span: Span) -> (u32, u32) {
    let lc = l.sources.start(span);
    (lc.line, lc.column)
}

fn file_name(l: &Loaded, span: Span) -> &str {
    &l.sources.get(span.file).name
}

fn assert_no_diagnostics(l: &Loaded) {
    assert!(
        l.diagnostics.is_empty(),
        "unexpected diagnostics:\n{}",
        dump(l)
    );
}

/// Every span of every diagnostic lies inside its file, on character boundaries,
/// and can be turned into a line and column.
fn assert_spans_valid(l: &Loaded) {
    for d in &l.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.related) {
            let s = label.span;
            let text = &l.sources.get(s.file).text;
            assert!(s.start <= s.end, "{} span {s:?} reversed", d.code);
            assert!(
                s.end as usize <= text.len(),
                "{} span {s:?} past the end ({} bytes)",
                d.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize),
                "{} span {s:?} not on a char boundary",
                d.code
            );
            let (start, end) = (l.sources.start(s), l.sources.end(s));
            assert!(start.line >= 1 && start.column >= 1 && start <= end);
        }
    }
}

/// Runs `f` on a thread with a small stack: deep input must not recurse.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the loader overflowed a 256 KiB stack or panicked");
}

/// A [`World`] that records which files were read (contents, not metadata).
struct Recording<W> {
    inner: W,
    reads: RefCell<Vec<PathBuf>>,
}

impl<W: World> Recording<W> {
    fn new(inner: W) -> Self {
        Recording {
            inner,
            reads: RefCell::new(Vec::new()),
        }
    }
    fn was_read(&self, needle: &str) -> bool {
        self.reads
            .borrow()
            .iter()
            .any(|p| p.to_string_lossy().contains(needle))
    }
}

impl<W: World> World for Recording<W> {
    fn read(&self, path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
        self.reads.borrow_mut().push(path.to_path_buf());
        self.inner.read(path, max_size)
    }
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, ReadError> {
        self.inner.canonicalize(path)
    }
    fn is_dir(&self, path: &Path) -> bool {
        self.inner.is_dir(path)
    }
    fn list_dir(&self, path: &Path) -> Result<Vec<PathBuf>, ReadError> {
        self.inner.list_dir(path)
    }
}

/// The real file system, refusing files over `max_size` before reading them.
struct FsWorld;

impl World for FsWorld {
    fn read(&self, path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            _ => ReadError::Other(e.to_string()),
        })?;
        if meta.len() > max_size {
            return Err(ReadError::TooLarge(meta.len()));
        }
        std::fs::read(path).map_err(|e| ReadError::Other(e.to_string()))
    }
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, ReadError> {
        std::fs::canonicalize(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            _ => ReadError::Other(e.to_string()),
        })
    }
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }
    fn list_dir(&self, path: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let entries = std::fs::read_dir(path).map_err(|e| ReadError::Other(e.to_string()))?;
        Ok(entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
    }
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "assure-hostile-{tag}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

// ---------------------------------------------------------------- YAML syntax

#[test]
fn unclosed_bracket_before_next_element() {
    let l = load_one("G1:\n  text: a\nG2:\n  supportedBy: [Sn1, Sn2\nSn1:\n  text: b\n");
    let d = only(&l, "L001");
    // The parser notices at the `:` of `Sn1:`, still inside the open list.
    assert_eq!(at(&l, d.primary.span), (5, 4), "{}", dump(&l));
    assert!(d.message.starts_with("invalid YAML"), "{}", d.message);
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn unclosed_bracket_at_end_of_file() {
    let l = load_one("G1:\n  text: a\nG2:\n  supportedBy: [Sn1, Sn2\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span), (5, 1));
    assert!(d.message.contains("']'"), "{}", d.message);
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn unclosed_brace_and_quote() {
    let l = load_one("G1:\n  text: a\nG2: {text: b\nG3:\n  text: c\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span).0, 4);
    assert!(d.message.contains("'}'"), "{}", d.message);
    assert_eq!(ids(&l), ["G1"]);

    let l = load_one("G1:\n  text: a\nG2:\n  text: \"abc\nG3:\n  text: c\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span).0, 4);
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn key_indented_too_far() {
    let l = load_one("G1:\n  text: a\nG2:\n  text: b\n   supportedBy: [x]\nG3:\n  text: c\n");
    let d = only(&l, "L001");
    // at the `:` after the over-indented key
    assert_eq!(at(&l, d.primary.span), (5, 15), "{}", dump(&l));
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn key_indented_too_little() {
    let l = load_one("G1:\n  text: a\nG2:\n    text: b\n  supportedBy: [x]\nG3:\n  text: c\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span), (5, 3), "{}", dump(&l));
    assert_eq!(ids(&l), ["G1", "G2"]);
}

#[test]
fn tab_indentation_is_l001_with_help() {
    for (src, line) in [
        ("G1:\n  text: a\nG2:\n\ttext: b\n", 4),
        // non-ASCII text before the error takes the slow offset path
        ("G\u{e9}:\n  text: \u{e9}t\u{e9}\nG2:\n\ttext: b\n", 4),
        // saphyr sees a continuation line of the plain scalar `a`
        ("G1:\n  text: a\n\tG2:\n  text: b\n", 3),
        ("G\u{e9}:\n  text: \u{e9}\n  \tG2:\n  text: b\n", 3),
    ] {
        let l = load_one(src);
        let d = only(&l, "L001");
        assert_eq!(at(&l, d.primary.span).0, line, "{src:?}\n{}", dump(&l));
        assert_eq!(
            l.sources.snippet(Span::new(
                d.primary.span.file,
                d.primary.span.start,
                d.primary.span.start + 1
            )),
            "\t",
            "{src:?}: points at the tab"
        );
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.contains("tabs"), "{src:?}: help {help:?}");
    }
}

#[test]
fn tabs_inside_strings_and_json_whitespace_are_fine() {
    let l = load_one("G1:\n  text: \"a\tb\"\n  url: |\n    x\ty\nG2:\n  text: b\n");
    assert_no_diagnostics(&l);
    assert_eq!(
        l.case.elements[0].text.as_ref().map(|t| &*t.value),
        Some("a\tb")
    );
}

#[test]
fn second_document() {
    let l = load_one("G1:\n  text: a\n---\nG2:\n  text: b\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span), (3, 1));
    assert!(d.message.contains("second"), "{}", d.message);
    assert_eq!(ids(&l), ["G1"]);
    // a leading `---` and a trailing `...` are fine
    let l = load_one("---\nG1:\n  text: a\n...\n");
    assert_no_diagnostics(&l);
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn top_level_must_be_a_mapping() {
    for (src, found) in [
        ("- G1\n- G2\n", "a list"),
        ("[G1, G2]\n", "a list"),
        ("hello\n", "a string"),
        ("\"G1: x\"\n", "a string"),
        ("42\n", "a number"),
        ("true\n", "a boolean"),
    ] {
        let l = load_one(src);
        let d = only(&l, "L001");
        assert_eq!(at(&l, d.primary.span), (1, 1), "{src:?}");
        assert!(
            d.message.contains("must be a mapping") && d.message.contains(found),
            "{src:?}: {}",
            d.message
        );
        assert!(d.help.is_some());
        assert!(ids(&l).is_empty());
    }
}

#[test]
fn empty_whitespace_comment_only_and_null_files() {
    for src in [
        "",
        "\n\n",
        "   \n",
        "# only\n# comments\n",
        "# no newline",
        "~\n",
        "---\n",
        "\u{feff}",
    ] {
        let l = load_one(src);
        assert_no_diagnostics(&l);
        assert!(ids(&l).is_empty(), "{src:?}");
        assert_eq!(l.case.modules.len(), 1, "{src:?}");
    }
}

// ---------------------------------------------------------------- encodings and line ends

#[test]
fn invalid_utf8_in_the_middle() {
    let src = b"G1:\n  text: a\nG2:\n  text: b\xFFc\nG3:\n  text: c\n";
    let l = load_one(src);
    let d = only(&l, "L002");
    assert_eq!(at(&l, d.primary.span), (4, 10), "{}", dump(&l));
    assert!(d.message.contains("0xFF"), "{}", d.message);
    assert_eq!(d.help.as_deref(), Some("save the file as UTF-8"));
    // As documented (docs/format.md, Encodings), a file with L002 is not parsed.
    assert!(ids(&l).is_empty());
}

#[test]
fn invalid_utf8_module_does_not_stop_the_case() {
    let l = load_files(&[
        (
            ROOT,
            b"module:\n  uses: [latin1.gsn.yaml]\nG1:\n  text: a\n".as_slice(),
        ),
        ("case/latin1.gsn.yaml", b"G2:\n  text: Sch\xE4den\n"),
    ]);
    let d = only(&l, "L002");
    assert_eq!(file_name(&l, d.primary.span), "case/latin1.gsn.yaml");
    assert_eq!(at(&l, d.primary.span), (2, 12));
    assert_eq!(ids(&l), ["G1"]);
    assert_eq!(l.case.modules.len(), 2);
}

#[test]
fn utf16_byte_order_marks() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("G1:\n  text: a\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("G1:\n  text: a\n".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for src in [le, be] {
        let l = load_one(&src);
        let d = only(&l, "L002");
        assert_eq!(at(&l, d.primary.span), (1, 1));
        assert!(d.message.contains("UTF-16"), "{}", d.message);
    }
}

#[test]
fn utf8_bom_loads_with_right_spans() {
    let src = "\u{feff}G1:\n  text: \u{e9}t\u{e9}\nG2:\n  text: b\n  undeveloped: 3\n";
    let l = load_one(src);
    let d = only(&l, "L003");
    assert_eq!(at(&l, d.primary.span), (5, 16));
    assert_eq!(l.sources.snippet(d.primary.span), "3");
    assert_eq!(ids(&l), ["G1", "G2"]);
    let g1 = &l.case.elements[0];
    assert_eq!(l.sources.snippet(g1.span), "G1");
    assert_eq!(at(&l, g1.span), (1, 1), "a BOM is not a column");
    let g2 = &l.case.elements[1];
    assert_eq!(l.sources.snippet(g2.span), "G2");
    assert_eq!(at(&l, g2.span), (3, 1));
    assert_eq!(g1.text.as_ref().map(|t| &*t.value), Some("\u{e9}t\u{e9}"));
}

#[test]
fn crlf_line_endings() {
    let src = "G1:\r\n  text: |\r\n    line one\r\n    line two\r\n  supportedBy: [G2]\r\nG2:\r\n  text: b\r\n  undeveloped: 3\r\n";
    let l = load_one(src);
    let d = only(&l, "L003");
    assert_eq!(at(&l, d.primary.span), (8, 16));
    assert_eq!(l.sources.snippet(d.primary.span), "3");
    assert_eq!(ids(&l), ["G1", "G2"]);
    assert_eq!(at(&l, l.case.elements[1].span), (6, 1));
    assert_eq!(
        l.case.elements[0].text.as_ref().map(|t| &*t.value),
        Some("line one\nline two\n"),
        "no carriage returns in values"
    );
    assert_eq!(l.case.relations.len(), 1);
    // the same with a non-ASCII character (the other offset path)
    let l = load_one(src.replace("line one", "l\u{ee}ne one"));
    assert_eq!(at(&l, only(&l, "L003").primary.span), (8, 16));
}

#[test]
fn lone_cr_line_endings() {
    for src in [
        "G1:\r  text: a\rG2:\r  text: b\r  undeveloped: 3\r",
        "G\u{e9}:\r  text: \u{e9}\rG2:\r  text: b\r  undeveloped: 3\r",
    ] {
        let l = load_one(src);
        let d = only(&l, "L003");
        assert_eq!(at(&l, d.primary.span), (5, 16), "{src:?}");
        assert_eq!(l.sources.snippet(d.primary.span), "3");
        assert_eq!(at(&l, l.case.elements[1].span), (3, 1));
        assert_eq!(l.case.elements.len(), 2);
    }
}

#[test]
fn nul_bytes() {
    let l = load_one(b"G1:\n  text: a\nG2:\n  text: a\x00b\nG3:\n  text: c\n");
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span), (4, 10), "{}", dump(&l));
    assert!(d.message.contains("unprintable"), "{}", d.message);
    // "unprintable" contains "tab": the help about tabs must not be given
    assert!(
        !d.help.as_deref().unwrap_or_default().contains("tab"),
        "{:?}",
        d.help
    );
    assert_eq!(ids(&l), ["G1"]);
    // a NUL anywhere else: no panic, valid spans (checked by `load_one`)
    for src in [
        &b"\x00"[..],
        b"G1:\n  text: a\n\x00\n",
        b"G1: {text: \"\x00\"}\n",
        b"# \x00\nG1: {}\n",
    ] {
        load_one(src);
    }
}

// ---------------------------------------------------------------- anchors and limits

#[test]
fn anchors_and_aliases_used_legitimately() {
    let l = load_one(
        "G1:\n  text: &t Shared text\n  supportedBy: &s [Sn1, Sn2]\nG2:\n  text: *t\n  supportedBy: *s\nSn1:\n  text: c\nSn2:\n  text: d\n",
    );
    assert_no_diagnostics(&l);
    assert_eq!(ids(&l), ["G1", "G2", "Sn1", "Sn2"]);
    assert_eq!(l.case.relations.len(), 4);
    let g2 = &l.case.elements[1];
    assert_eq!(g2.text.as_ref().map(|t| &*t.value), Some("Shared text"));
    // the items of an alias keep the place where they are written (at the anchor)
    assert_eq!(at(&l, g2.supported_by[0].span), (3, 20));
}

#[test]
fn alias_bomb_is_l009_and_quick() {
    let mut src = String::from("G1:\n  text: a\nX:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 10].join(", ");
        src.push_str(&format!("  b{i}: &b{i} [{refs}]\n"));
    }
    src.push_str("G3:\n  text: c\n");
    let t = Instant::now();
    let l = load_one(&src);
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "took {:?}",
        t.elapsed()
    );
    let d = only(&l, "L009");
    assert!(d.message.contains("aliases"), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or_default().contains("alias bomb"));
    // a: 11 nodes, b0: 111, b1: 1,111, b2: 11,111; the aliases on the line of
    // b3 (10 × 11,111) go over the budget of 100,000
    assert_eq!(at(&l, d.primary.span).0, 8, "{}", dump(&l));
    assert_eq!(ids(&l), ["G1"]);
}

fn deep(prefix: &str, unit: &str, n: usize) -> String {
    let mut s = String::with_capacity(prefix.len() + unit.len() * n);
    s.push_str(prefix);
    for _ in 0..n {
        s.push_str(unit);
    }
    s
}

#[test]
fn deep_flow_nesting_is_l009_without_stack_overflow() {
    on_small_stack(|| {
        for (prefix, unit) in [
            ("G1:\n  text: a\nG2: ", "["),
            ("G1:\n  text: a\nG2: ", "{"),
            ("G1:\n  text: a\nG2: ", "[a, "),
            ("G1:\n  text: a\nG2: ", "{a: "),
            ("G\u{e9}:\n  text: a\nG2: ", "["),
        ] {
            let t = Instant::now();
            let l = load_one(deep(prefix, unit, 100_000));
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "{unit:?} took {:?}",
                t.elapsed()
            );
            let d = only(&l, "L009");
            assert_eq!(at(&l, d.primary.span).0, 3, "{unit:?}\n{}", dump(&l));
            assert_eq!(l.case.elements.len(), 1, "{unit:?}");
        }
        // deep but within the limit: closed again, loads
        let src = format!(
            "G1:\n  text: a\n  layer: {}{}\n",
            "[".repeat(40),
            "]".repeat(40)
        );
        let l = load_one(src);
        assert!(
            !codes(&l).contains(&"L009") && !codes(&l).contains(&"L001"),
            "{}",
            dump(&l)
        );
    });
}

#[test]
fn deep_block_nesting_is_l009_without_stack_overflow() {
    on_small_stack(|| {
        // `- - - - …` on one line: nested block sequences
        let l = load_one(deep("G1:\n  text: a\nG2:\n", "- ", 100_000));
        let d = only(&l, "L009");
        assert_eq!(at(&l, d.primary.span).0, 4);
        assert_eq!(ids(&l), ["G1"]);
        // ever deeper indentation, one key per line
        let mut src = String::from("G1:\n  text: a\nG2:\n");
        for i in 1..5_000 {
            src.push_str(&" ".repeat(i));
            src.push_str("k:\n");
        }
        let l = load_one(src);
        let d = only(&l, "L009");
        assert!(d.message.contains("nesting"), "{}", d.message);
        assert_eq!(ids(&l), ["G1"]);
    });
}

#[test]
fn file_size_limit_on_real_sparse_files() {
    let dir = TempDir::new("size");
    let big = dir.0.join("big.gsn.yaml");
    // Sparse: sets the length without writing 200 MiB.
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(200 << 20))
        .expect("create sparse file");
    std::fs::write(
        dir.0.join("main.gsn.yaml"),
        "module:\n  uses: [big.gsn.yaml]\nG1:\n  text: a\n",
    )
    .expect("write main");
    let limits = Limits {
        max_file_size: 100 << 20,
        ..Limits::default()
    };
    let world = Recording::new(FsWorld);
    let t = Instant::now();

    // as a `uses` target: L009 at the entry, the rest loaded
    let l = load(&world, &[dir.0.join("main.gsn.yaml")], &limits).expect("loads");
    assert_spans_valid(&l);
    let d = only(&l, "L009");
    assert!(file_name(&l, d.primary.span).ends_with("main.gsn.yaml"));
    assert_eq!(at(&l, d.primary.span), (2, 10));
    assert_eq!(l.sources.snippet(d.primary.span), "big.gsn.yaml");
    assert!(
        d.message.contains("200 MiB") && d.message.contains("limit of 100 MiB"),
        "{}",
        d.message
    );
    assert_eq!(ids(&l), ["G1"]);

    // given directly: L009 at the start of the file, which counts as empty
    let l = load(&world, std::slice::from_ref(&big), &limits).expect("loads");
    let d = only(&l, "L009");
    assert_eq!(at(&l, d.primary.span), (1, 1));
    assert!(d.message.contains("limit of 100 MiB"), "{}", d.message);
    assert!(d.help.is_some());
    assert!(ids(&l).is_empty());

    // and over the default limit of 256 MiB
    std::fs::File::options()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_len(300 << 20))
        .expect("grow sparse file");
    let l = load(&world, std::slice::from_ref(&big), &Limits::default()).expect("loads");
    assert!(only(&l, "L009").message.contains("limit of 256 MiB"));

    assert!(world.was_read("big.gsn.yaml"), "the read was attempted…");
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "…but refused before reading ({:?})",
        t.elapsed()
    );
}

#[test]
fn file_size_limit_in_memory() {
    let world = MemWorld::new()
        .with(ROOT, "module:\n  uses: [big.gsn.yaml]\nG1:\n  text: a\n")
        .with("case/big.gsn.yaml", vec![b'#'; 2048]);
    let limits = Limits {
        max_file_size: 1024,
        ..Limits::default()
    };
    let l = load(&world, &[PathBuf::from(ROOT)], &limits).expect("loads");
    assert_eq!(at(&l, only(&l, "L009").primary.span), (2, 10));
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn element_count_limit() {
    let world = MemWorld::new().with(ROOT, "G1: {}\nG2: {}\nG3: {}\nG4: {}\n");
    let limits = Limits {
        max_elements: 2,
        ..Limits::default()
    };
    let l = load(&world, &[PathBuf::from(ROOT)], &limits).expect("loads");
    assert_eq!(at(&l, only(&l, "L009").primary.span), (3, 1));
    assert_eq!(ids(&l), ["G1", "G2"]);
}

// ---------------------------------------------------------------- modules

#[test]
fn missing_uses_target() {
    let l = load_files(&[
        (
            ROOT,
            b"module:\n  name: Main\n  uses: [missing.gsn.yaml, other.gsn.yaml]\nG1:\n  text: a\n  supportedBy: [G2]\n"
                .as_slice(),
        ),
        ("case/other.gsn.yaml", b"G2:\n  text: b\n  undeveloped: true\n"),
    ]);
    let d = only(&l, "L006");
    assert_eq!(at(&l, d.primary.span), (3, 10));
    assert_eq!(l.sources.snippet(d.primary.span), "missing.gsn.yaml");
    assert!(d.message.contains("missing.gsn.yaml"), "{}", d.message);
    assert_eq!(ids(&l), ["G1", "G2"]);
    assert_eq!(l.case.relations.len(), 1);
}

#[test]
fn uses_a_directory() {
    let l = load_files(&[
        (ROOT, b"module:\n  uses: [sub]\nG1: {}\n".as_slice()),
        ("case/sub/x.gsn.yaml", b"G2: {}\n"),
    ]);
    let d = only(&l, "L006");
    assert_eq!(at(&l, d.primary.span), (2, 10));
    assert!(d.message.contains("directory"), "{}", d.message);
}

#[test]
fn circular_uses() {
    let l = load_files(&[
        (
            "case/a.gsn.yaml",
            b"module:\n  uses: [b.gsn.yaml]\nG1:\n  text: a\n  supportedBy: [G2]\n".as_slice(),
        ),
        (
            "case/b.gsn.yaml",
            b"module:\n  uses: [a.gsn.yaml]\nG2:\n  text: b\n  undeveloped: true\n",
        ),
    ]);
    let d = only(&l, "L007");
    assert_eq!(file_name(&l, d.primary.span), "case/b.gsn.yaml");
    assert_eq!(at(&l, d.primary.span), (2, 10));
    assert_eq!(l.sources.snippet(d.primary.span), "a.gsn.yaml");
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| (file_name(&l, r.span), at(&l, r.span)))
        .collect();
    assert_eq!(related, [("case/a.gsn.yaml", (2, 10))]);
    // each module loaded once, both elements there
    assert_eq!(l.case.modules.len(), 2);
    assert_eq!(ids(&l), ["G1", "G2"]);
    assert_eq!(l.case.relations.len(), 1);
}

#[test]
fn self_use_and_longer_circle() {
    let l = load_files(&[(
        ROOT,
        b"module:\n  uses: [main.gsn.yaml]\nG1: {}\n".as_slice(),
    )]);
    assert_eq!(at(&l, only(&l, "L007").primary.span), (2, 10));

    let l = load_files(&[
        (
            "case/a.gsn.yaml",
            b"module: {uses: [b.gsn.yaml]}\nA1: {}\n".as_slice(),
        ),
        ("case/b.gsn.yaml", b"module: {uses: [c.gsn.yaml]}\nB1: {}\n"),
        (
            "case/c.gsn.yaml",
            b"module: {uses: [./a.gsn.yaml]}\nC1: {}\n",
        ),
    ]);
    let d = only(&l, "L007");
    assert_eq!(file_name(&l, d.primary.span), "case/c.gsn.yaml");
    assert_eq!(d.related.len(), 2, "the rest of the circle");
    assert_eq!(ids(&l), ["A1", "B1", "C1"]);
}

/// A world with the root at `{prefix}main.gsn.yaml`, a module beside it, and
/// files outside the case folder that must never be read.
fn outside_world(prefix: &str) -> Recording<MemWorld> {
    Recording::new(
        MemWorld::new()
            .with(
                &format!("{prefix}main.gsn.yaml"),
                "module:\n  uses:\n    - ../outside.gsn.yaml\n    - /abs/secret.gsn.yaml\n    - sub/../../outside.gsn.yaml\n    - ok.gsn.yaml\nG1:\n  text: a\n",
            )
            .with(&format!("{prefix}ok.gsn.yaml"), "G2:\n  text: b\n")
            .with("outside.gsn.yaml", "X1:\n  text: outside\n")
            .with("../outside.gsn.yaml", "X2:\n  text: outside\n")
            .with("/abs/secret.gsn.yaml", "X3:\n  text: secret\n"),
    )
}

#[test]
fn uses_outside_the_case_folder_is_refused_unread() {
    // MemWorld paths are relative: a bare root name gives an empty case folder,
    // which must not let `..` through.
    for (prefix, root) in [
        ("case/", ROOT),
        ("", "main.gsn.yaml"),
        ("", "./main.gsn.yaml"),
    ] {
        let world = outside_world(prefix);
        let l = load_world(&world, root);
        assert_spans_valid(&l);
        assert_eq!(codes(&l), ["L008"; 3], "{root}\n{}", dump(&l));
        let lines: Vec<_> = l
            .diagnostics
            .iter()
            .map(|d| at(&l, d.primary.span))
            .collect();
        assert_eq!(lines, [(3, 7), (4, 7), (5, 7)], "{root}");
        assert!(l.diagnostics[1].message.contains("absolute"));
        assert!(l.diagnostics[0].message.contains("outside"));
        assert!(l.diagnostics.iter().all(|d| d.message.contains("not read")));
        assert_eq!(ids(&l), ["G1", "G2"], "{root}");
        assert!(
            !world.was_read("outside"),
            "{root}: {:?}",
            world.reads.borrow()
        );
        assert!(
            !world.was_read("secret"),
            "{root}: {:?}",
            world.reads.borrow()
        );
    }
}

#[test]
fn root_that_cannot_be_read_is_a_root_error() {
    let world = MemWorld::new();
    let err = load(
        &world,
        &[PathBuf::from("case/nope.gsn.yaml")],
        &Limits::default(),
    )
    .expect_err("no such file");
    assert!(err.0.contains("nope.gsn.yaml"), "{err}");
}

// ---------------------------------------------------------------- the format

#[test]
fn duplicate_keys() {
    let l = load_one("G1:\n  text: first\n  text: second\nG2:\n  text: b\n");
    let d = only(&l, "L005");
    assert_eq!(at(&l, d.primary.span), (3, 3));
    assert_eq!(d.related.len(), 1);
    assert_eq!(at(&l, d.related[0].span), (2, 3));
    assert!(
        d.message.contains("`text`") && d.message.contains("`G1`"),
        "{}",
        d.message
    );
    assert_eq!(ids(&l), ["G1", "G2"]);
    assert_eq!(
        l.case.elements[0].text.as_ref().map(|t| &*t.value),
        Some("first")
    );

    let l = load_one("module:\n  name: A\nmodule:\n  name: B\nG2:\n  text: b\n");
    let d = only(&l, "L005");
    assert_eq!(at(&l, d.primary.span), (3, 1));
    assert_eq!(&*l.case.modules[0].name.value, "A");

    let l = load_one("G1:\n  text: a\n  type: Goal\n  nodeType: Goal\n");
    assert_eq!(at(&l, only(&l, "L005").primary.span), (4, 3));
}

/// (key, value as written, expected type as named in the message, column offset of the
/// offending node inside the value)
const ELEMENT_TYPE_CASES: &[(&str, &str, &str, usize)] = &[
    ("text", "[a, b]", "a string", 0),
    ("text", "{a: b}", "a string", 0),
    ("supportedBy", "{a: b}", "an id or a list of ids", 0),
    ("supportedBy", "[Sn1, [a]]", "an id", 6),
    ("inContextOf", "{C1: x}", "an id or a list of ids", 0),
    ("undeveloped", "maybe", "a boolean", 0),
    ("undeveloped", "\"true\"", "a boolean", 0),
    ("undeveloped", "1", "a boolean", 0),
    ("undeveloped", "[true]", "a boolean", 0),
    ("defeated", "yes", "a boolean", 0),
    ("url", "[x]", "a string", 0),
    ("classes", "{a: b}", "a list of strings", 0),
    ("classes", "[ok, [a]]", "a list of strings", 5),
    ("allow", "{T001: x}", "a list of strings", 0),
    ("nodeType", "[Goal]", "a string", 0),
    ("nodeType", "Banana", "an element type", 0),
    ("type", "Gaol", "an element type", 0),
    ("rankIncrement", "high", "an integer", 0),
    ("rankIncrement", "1.5", "an integer", 0),
    ("charWrap", "[1]", "an integer", 0),
    (
        "horizontalIndex",
        "3",
        "a mapping `{relative: n}` or `{absolute: n | last}`",
        0,
    ),
    (
        "horizontalIndex",
        "{relative: x}",
        "a mapping `{relative: n}`",
        0,
    ),
    (
        "horizontalIndex",
        "{absolute: 1, relative: 2}",
        "a mapping `{relative: n}`",
        0,
    ),
    ("acp", "[ACP1]", "a mapping `{ACPname: id or [ids]}`", 0),
    ("acp", "{ACP1: {x: y}}", "an id or a list of ids", 7),
    ("challenges", "[G1]", "an id or a relationship", 0),
    ("defeatedRelation", "{a: b}", "an id or a list of ids", 0),
];

#[test]
fn wrong_value_types_of_element_keys() {
    for &(key, value, expected, col) in ELEMENT_TYPE_CASES {
        let src = format!("G0:\n  text: fine\nG1:\n  {key}: {value}\nG2:\n  text: b\n");
        let l = load_one(&src);
        let d = only(&l, "L003");
        let want = format!("`{key}` of `G1` expects {expected}");
        assert!(
            d.message.contains(&want),
            "{key}: {value}: {:?} lacks {want:?}",
            d.message
        );
        let value_col = 2 + key.len() + 2 + 1;
        assert_eq!(
            at(&l, d.primary.span),
            (4, (value_col + col) as u32),
            "{key}: {value}"
        );
        assert_eq!(ids(&l), ["G0", "G1", "G2"], "{key}: {value}");
    }
}

const MODULE_TYPE_CASES: &[(&str, &str, &str)] = &[
    ("name", "[a]", "a string"),
    ("brief", "{a: b}", "a string"),
    ("uses", "{a: b}", "a list of strings"),
    (
        "extends",
        "3",
        "a list of `{module: name, develops: {id: [ids]}}`",
    ),
    ("stylesheets", "{a: b}", "a list of strings"),
    ("charWrap", "wide", "an integer"),
    ("layers", "{a: b}", "a list of strings"),
    (
        "severity",
        "[T001]",
        "a mapping `{code: allow | hint | warn | error}`",
    ),
];

#[test]
fn wrong_value_types_of_module_keys() {
    for &(key, value, expected) in MODULE_TYPE_CASES {
        let src = format!("module:\n  {key}: {value}\nG1:\n  text: a\n");
        let l = load_one(&src);
        let d = only(&l, "L003");
        let want = format!("`{key}` of `module` expects {expected}");
        assert!(
            d.message.contains(&want),
            "{key}: {value}: {:?} lacks {want:?}",
            d.message
        );
        assert_eq!(
            at(&l, d.primary.span),
            (2, (2 + key.len() + 2 + 1) as u32),
            "{key}"
        );
        assert_eq!(ids(&l), ["G1"], "{key}");
    }
    // the module block itself
    let l = load_one("module: [a]\nG1:\n  text: a\n");
    let d = only(&l, "L003");
    assert!(d.message.contains("expects a mapping"), "{}", d.message);
    assert_eq!(at(&l, d.primary.span), (1, 9));
    assert_eq!(ids(&l), ["G1"]);
}

#[test]
fn unknown_key_typo_suggests_the_known_key() {
    let l = load_one("G1:\n  text: a\n  supportedby: [G2]\nG2:\n  text: b\n");
    let d = only(&l, "L004");
    assert_eq!(at(&l, d.primary.span), (3, 3));
    assert_eq!(l.sources.snippet(d.primary.span), "supportedby");
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("did you mean `supportedBy`?"), "{help}");
    assert_eq!(ids(&l), ["G1", "G2"]);
    assert!(l.case.relations.is_empty(), "a typo is not a relation");

    for (typo, known) in [
        ("txt", "text"),
        ("inContexOf", "inContextOf"),
        ("undevelopped", "undeveloped"),
    ] {
        let l = load_one(format!("G1:\n  {typo}: x\n"));
        let help = only(&l, "L004").help.clone().unwrap_or_default();
        assert!(
            help.contains(&format!("did you mean `{known}`?")),
            "{typo}: {help}"
        );
    }
}

#[test]
fn element_whose_value_is_not_a_mapping() {
    for (src, found) in [
        ("G1:\n  - a\n  - b\nG2:\n  text: b\n", "a list"),
        ("G1: [a, b]\nG2:\n  text: b\n", "a list"),
        ("G1: hello\nG2:\n  text: b\n", "a string"),
        ("G1: 12\nG2:\n  text: b\n", "a number"),
    ] {
        let l = load_one(src);
        let d = only(&l, "L003");
        assert!(
            d.message.contains("element `G1` must be a mapping") && d.message.contains(found),
            "{src:?}: {}",
            d.message
        );
        let want = if src.starts_with("G1:\n") {
            (2, 3)
        } else {
            (1, 5)
        };
        assert_eq!(at(&l, d.primary.span), want, "{src:?}");
        assert!(d.help.is_some());
        // the element exists (without keys), and so does the next one
        assert_eq!(ids(&l), ["G1", "G2"], "{src:?}");
    }
    // a null element is fine
    let l = load_one("G1:\nG2: ~\nG3: {}\n");
    assert_no_diagnostics(&l);
    assert_eq!(ids(&l), ["G1", "G2", "G3"]);
}

#[test]
fn invalid_ids() {
    let src = "\"\":\n  text: a\n\"  \":\n  text: a\n\"G1 -> G2\":\n  text: b\n\"G\\nX\":\n  text: c\n\"G\\tY\":\n  text: c\nG3:\n  text: d\n";
    let l = load_one(src);
    assert_eq!(codes(&l), ["L011"; 5], "{}", dump(&l));
    let places: Vec<_> = l
        .diagnostics
        .iter()
        .map(|d| at(&l, d.primary.span))
        .collect();
    assert_eq!(places, [(1, 1), (3, 1), (5, 1), (7, 1), (9, 1)]);
    assert!(l.diagnostics[0].message.contains("empty"));
    assert!(l.diagnostics[1].message.contains("empty"));
    assert!(l.diagnostics[2].message.contains("->"));
    assert!(l.diagnostics[3].message.contains("line break"));
    assert!(l.diagnostics[4].message.contains("control character"));
    assert_eq!(ids(&l), ["G3"]);
}

#[test]
fn ids_that_are_not_scalars_or_not_strings() {
    let l = load_one("? [a, b]\n: {text: x}\nG2:\n  text: b\n");
    let d = only(&l, "L003");
    assert!(d.message.contains("plain names"), "{}", d.message);
    assert_eq!(at(&l, d.primary.span), (1, 3));
    assert_eq!(ids(&l), ["G2"]);
    // numbers and booleans are ids written as text
    let l = load_one("1:\n  text: a\ntrue:\n  text: b\n");
    assert_no_diagnostics(&l);
    assert_eq!(ids(&l), ["1", "true"]);
}

#[test]
fn json_files_load() {
    let compact = r#"{"module":{"name":"J","uses":["b.json"]},"G1":{"text":"a\u00e9\/","supportedBy":["G2"],"inContextOf":"C1"},"C1":{"text":"c"}}"#;
    let pretty = "{\n\t\"module\": {\"name\": \"J\", \"uses\": [\"b.json\"]},\n\t\"G1\": {\n\t\t\"text\": \"a\\u00e9/\",\n\t\t\"supportedBy\": [\"G2\"],\n\t\t\"inContextOf\": \"C1\"\n\t},\n\t\"C1\": {\"text\": \"c\"}\n}\n";
    for src in [compact, pretty] {
        let l = load_files(&[
            ("case/main.gsn.json", src.as_bytes()),
            (
                "case/b.json",
                br#"{"G2": {"text": "b", "undeveloped": true, "rankIncrement": 2}}"#,
            ),
        ]);
        assert_no_diagnostics(&l);
        assert_eq!(ids(&l), ["G1", "C1", "G2"]);
        assert_eq!(l.case.relations.len(), 2);
        assert_eq!(&*l.case.modules[0].name.value, "J");
        assert_eq!(
            l.case.elements[0].text.as_ref().map(|t| &*t.value),
            Some("a\u{e9}/")
        );
    }
    // and a JSON error is located: the comma missing at the end of line 2 is
    // noticed at the next key; the elements before are loaded
    let l = load_files(&[(
        "case/main.gsn.json",
        b"{\"G1\": {\"text\": \"a\"},\n \"G2\": {\"text\": \"b\"}\n \"G3\": {}}".as_slice(),
    )]);
    let d = only(&l, "L001");
    assert_eq!(at(&l, d.primary.span), (3, 2), "{}", dump(&l));
    assert!(d.message.contains("','"), "{}", d.message);
    assert_eq!(ids(&l), ["G1", "G2"]);
}

#[test]
fn one_million_character_lines() {
    // a long ASCII value, then an error whose place must still be right
    let src = format!(
        "G1:\n  text: {}\nG2:\n  text: b\n  undeveloped: 3\n",
        "x".repeat(1_000_000)
    );
    let l = load_one(&src);
    assert_eq!(at(&l, only(&l, "L003").primary.span), (5, 16));
    assert_eq!(
        l.case.elements[0].text.as_ref().map(|t| t.value.len()),
        Some(1_000_000)
    );

    // the same in non-ASCII, error on the long line itself
    let src = format!(
        "G1:\n  text: a\nG2: {{text: {}, undeveloped: 3}}\n",
        "\u{e9}".repeat(1_000_000)
    );
    let l = load_one(&src);
    let d = only(&l, "L003");
    assert_eq!(at(&l, d.primary.span), (3, 1_000_000 + 27));
    assert_eq!(l.sources.snippet(d.primary.span), "3");

    // many scalars on one long non-ASCII line: offsets must not be found by
    // walking from the line start for each one (that was quadratic). The block
    // form may be read by the fast path; a flow mapping goes to the full parser.
    let items = "\u{e9}t\u{e9}, ".repeat(100_000);
    for (src, line, first_col) in [
        (
            format!("G1:\n  text: a\nG2:\n  classes: [{items}]\n  undeveloped: 3\n"),
            4,
            13,
        ),
        (
            format!("G1:\n  text: a\nG2: {{classes: [{items}], undeveloped: 3}}\n"),
            3,
            16,
        ),
    ] {
        let t = Instant::now();
        let l = load_one(&src);
        assert!(
            t.elapsed() < Duration::from_secs(15),
            "took {:?}",
            t.elapsed()
        );
        let d = only(&l, "L003");
        assert_eq!(l.sources.snippet(d.primary.span), "3");
        let three = src.rfind('3').unwrap_or_default();
        let line_start = src[..three].rfind('\n').map_or(0, |i| i + 1);
        let want_col = src[line_start..three].chars().count() as u32 + 1;
        assert_eq!(
            at(&l, d.primary.span),
            (src[..three].lines().count() as u32, want_col)
        );
        assert_eq!(l.case.elements[1].classes.len(), 100_000);
        let last = l.case.elements[1].classes[99_999].span;
        assert_eq!(at(&l, last), (line, (first_col + 99_999 * 5) as u32));
    }
}

#[test]
fn random_binary_garbage_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..300 {
        let len = rng.below(2048);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if round % 3 == 0 {
            // mostly printable ASCII with a few bad bytes
            for b in &mut bytes {
                *b = if rng.below(50) == 0 {
                    0x80 | *b
                } else {
                    b" \n:-[]{}#&*!|>'\"GSnt,?"[(*b as usize) % 22]
                };
            }
        }
        let l = load_one(&bytes);
        if std::str::from_utf8(&bytes).is_err() && !bytes.is_empty() {
            assert!(codes(&l).contains(&"L002"), "round {round}");
        }
    }
}

#[test]
fn tab_after_a_sequence_dash() {
    // Found by the `fast_path` fuzz target: `-` and a tab starts a sequence
    // entry, which the fast path read as an empty value (dropping the list).
    let l = load_one("module:\n-\tname\nG1:\n  text: a\n");
    let d = only(&l, "L003");
    assert!(
        d.message.contains("`module` of `module` expects a mapping"),
        "{}",
        d.message
    );
    assert_eq!(at(&l, d.primary.span).0, 2);
    assert_eq!(ids(&l), ["G1"]);

    let l = load_one("G1:\n- x\n-\ty\nG2:\n  text: b\n");
    assert!(only(&l, "L003").message.contains("found a list"));
    assert_eq!(ids(&l), ["G1", "G2"]);

    let l = load_one("G1:\n  text: a\n  supportedBy:\n  -\tSn1\n  -\tSn2\nSn1: {}\nSn2: {}\n");
    assert_no_diagnostics(&l);
    assert_eq!(l.case.relations.len(), 2);
}

/// Values, styles and scalar starts, to compare the YAML fast path with the full parser.
fn render_yaml(src: &str, fast: bool) -> String {
    use assure_core::yaml::{Node, ScalarStyle2, Value, YamlLimits, parse_entries_with};
    fn render(n: &Node, out: &mut String) {
        match &n.value {
            Value::Scalar(s, st) => {
                out.push_str(&format!(
                    "S({s:?},{},{})",
                    *st == ScalarStyle2::Plain,
                    n.start
                ));
            }
            Value::Seq(items) => {
                out.push('[');
                items.iter().for_each(|i| render(i, out));
                out.push(']');
            }
            Value::Map(items) => {
                out.push('{');
                for (k, v) in items {
                    render(k, out);
                    out.push(':');
                    render(v, out);
                }
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    let mut sink = |k: Node, v: Node| {
        render(&k, &mut out);
        out.push_str(" => ");
        render(&v, &mut out);
        out.push('\n');
    };
    let r = parse_entries_with(src, &YamlLimits::default(), &mut sink, fast);
    out.push_str(&format!("{:?}", r.map_err(|e| (e.offset, e.message))));
    out
}

#[test]
fn fast_path_agrees_on_inputs_found_by_fuzzing() {
    for src in [
        // `-` and a tab: a sequence entry (was read as an empty value)
        "module:\n-\t\t \t  ",
        "a:\n-\tx\n",
        "a:\n- x\n-\ty\nb: 1\n",
        // a literal block ending in a line of spaces without a line break
        // (saphyr keeps one more line break than the fast path did)
        "G1:t: |\n t sue\n \n ",
        "a: |\n x\n ",
        "a: |\n x\n\n ",
    ] {
        assert_eq!(render_yaml(src, true), render_yaml(src, false), "{src:?}");
    }
}
