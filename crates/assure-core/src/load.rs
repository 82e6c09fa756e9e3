//! Loading a case: files through a [`World`] (the core does no I/O), `uses`
//! followed depth-first with cycle detection, each file parsed and lowered, then
//! every reference resolved to [`ElementId`]s.

use crate::codes;
use crate::diag::Diagnostic;
use crate::format::Lowerer;
use crate::model::{
    Acp, AcpTarget, Adjacency, BadLinkRef, Cardinality, Case, ChallengeDecl, ChallengeTarget,
    Choice, Duplicate, ElementId, LinkRefProblem, Module, ModuleId, RefName, Relation, RelationId,
    RelationKind, Unresolved,
};
use crate::source::SourceDb;
use crate::span::{FileId, Span, Spanned};
use crate::yaml::{YamlErrorKind, YamlLimits, parse_entries};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No such file.
    NotFound,
    /// Larger than the limit (size in bytes).
    TooLarge(u64),
    /// Anything else, with the system's message.
    Other(String),
}

/// Everything the loader needs from the outside world. The CLI reads the disk;
/// tests, the fuzzer and editors supply files from memory.
pub trait World {
    /// Reads a whole file, refusing files larger than `max_size` bytes before reading them.
    fn read(&self, path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError>;
    /// Resolves `.`/`..` and symbolic links; fails if the path does not exist.
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, ReadError>;
    /// Whether `path` is a directory.
    fn is_dir(&self, path: &Path) -> bool;
    /// The files directly inside a directory.
    fn list_dir(&self, path: &Path) -> Result<Vec<PathBuf>, ReadError>;
    /// How to show `path` to the user.
    fn display(&self, path: &Path) -> String {
        path.display().to_string()
    }
}

/// Files held in memory: for tests, fuzzing and editors.
#[derive(Debug, Default, Clone)]
pub struct MemWorld {
    /// Path → contents. Paths are used as given (no normalisation beyond `..`).
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemWorld {
    /// An empty world.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file.
    pub fn with(mut self, path: &str, contents: impl Into<Vec<u8>>) -> Self {
        self.files.insert(PathBuf::from(path), contents.into());
        self
    }
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl World for MemWorld {
    fn read(&self, path: &Path, max_size: u64) -> Result<Vec<u8>, ReadError> {
        let f = self
            .files
            .get(&normalize(path))
            .ok_or(ReadError::NotFound)?;
        if f.len() as u64 > max_size {
            return Err(ReadError::TooLarge(f.len() as u64));
        }
        Ok(f.clone())
    }
    fn canonicalize(&self, path: &Path) -> Result<PathBuf, ReadError> {
        let p = normalize(path);
        if self.files.contains_key(&p) || self.is_dir(&p) {
            Ok(p)
        } else {
            Err(ReadError::NotFound)
        }
    }
    fn is_dir(&self, path: &Path) -> bool {
        let p = normalize(path);
        p.as_os_str().is_empty() || self.files.keys().any(|k| k.starts_with(&p) && *k != p)
    }
    fn list_dir(&self, path: &Path) -> Result<Vec<PathBuf>, ReadError> {
        let p = normalize(path);
        Ok(self
            .files
            .keys()
            .filter(|k| k.parent() == Some(&p))
            .cloned()
            .collect())
    }
}

/// Documented limits (see `docs/format.md#limits`).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest file read, in bytes (default 256 MiB).
    pub max_file_size: u64,
    /// Most files per case (default 10,000).
    pub max_files: usize,
    /// Most elements per case (default 10,000,000).
    pub max_elements: usize,
    /// YAML limits per file.
    pub yaml: YamlLimits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 256 << 20,
            max_files: 10_000,
            max_elements: 10_000_000,
            yaml: YamlLimits::default(),
        }
    }
}

/// The result of loading.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The case (possibly partial when files had errors).
    pub case: Case,
    /// Every file read.
    pub sources: SourceDb,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// The folder the case lives in (the first root's folder).
    pub case_dir: Option<PathBuf>,
}

/// A path given by the user that cannot be loaded at all (exit status 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootError(pub String);

impl std::fmt::Display for RootError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const CASE_SUFFIXES: [&str; 5] = [".gsn.yaml", ".gsn.yml", ".gsn.json", ".yaml", ".json"];

/// The module name derived from a file name (`hazards.gsn.yaml` → `hazards`).
pub fn stem_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    CASE_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name)
        .to_string()
}

/// Expands a user-given path into the files to load and the case folder.
fn expand_root(world: &dyn World, root: &Path) -> Result<(Vec<PathBuf>, PathBuf), RootError> {
    let shown = world.display(root);
    if world.is_dir(root) {
        let index = root.join("index.gsn.yaml");
        if world.canonicalize(&index).is_ok() {
            return Ok((vec![index], root.to_path_buf()));
        }
        let mut files: Vec<PathBuf> = world
            .list_dir(root)
            .map_err(|e| {
                RootError(format!(
                    "cannot read directory {shown}: {}",
                    read_error_text(&e)
                ))
            })?
            .into_iter()
            .filter(|p| {
                let n = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                n.ends_with(".gsn.yaml") || n.ends_with(".gsn.yml") || n.ends_with(".gsn.json")
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(RootError(format!(
                "{shown} is a directory without index.gsn.yaml or any *.gsn.yaml file"
            )));
        }
        return Ok((files, root.to_path_buf()));
    }
    match world.canonicalize(root) {
        Ok(_) => {
            // A bare file name lives in ".": never let the case folder be empty,
            // which every path would "start with".
            let dir = root
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            Ok((vec![root.to_path_buf()], dir))
        }
        Err(e) => Err(RootError(format!(
            "cannot read {shown}: {}",
            read_error_text(&e)
        ))),
    }
}

fn read_error_text(e: &ReadError) -> String {
    match e {
        ReadError::NotFound => "no such file or directory".into(),
        ReadError::TooLarge(n) => format!("the file is {} MiB", n >> 20),
        ReadError::Other(m) => m.clone(),
    }
}

struct Loader<'w> {
    world: &'w dyn World,
    limits: Limits,
    out: Loaded,
    by_path: FxHashMap<PathBuf, ModuleId>,
    paths: Vec<PathBuf>,
    too_many_elements: bool,
}

/// Loads the case made of `roots` (files, or directories holding
/// `index.gsn.yaml` or `*.gsn.yaml` files). Errors inside files become
/// diagnostics; only paths that cannot be read at all are a [`RootError`].
pub fn load(world: &dyn World, roots: &[PathBuf], limits: &Limits) -> Result<Loaded, RootError> {
    let mut loader = Loader {
        world,
        limits: *limits,
        out: Loaded::default(),
        by_path: FxHashMap::default(),
        paths: Vec::new(),
        too_many_elements: false,
    };
    let mut expanded = Vec::new();
    for root in roots {
        let (files, dir) = expand_root(world, root)?;
        let canon_dir = world.canonicalize(&dir).unwrap_or(dir);
        if loader.out.case_dir.is_none() {
            loader.out.case_dir = Some(canon_dir.clone());
        }
        for f in files {
            expanded.push((f, canon_dir.clone()));
        }
    }
    for (file, dir) in expanded {
        let canon = world.canonicalize(&file).map_err(|e| {
            RootError(format!(
                "cannot read {}: {}",
                world.display(&file),
                read_error_text(&e)
            ))
        })?;
        if loader.by_path.contains_key(&canon) {
            continue;
        }
        let m = match loader.load_file(&file, &canon, None) {
            Ok(m) => m,
            Err(e) => {
                return Err(RootError(format!(
                    "cannot read {}: {}",
                    world.display(&file),
                    read_error_text(&e)
                )));
            }
        };
        loader.follow_uses(m, &dir);
    }
    let Loader { mut out, .. } = loader;
    resolve(&mut out.case);
    Ok(out)
}

impl Loader<'_> {
    /// Reads, parses and lowers one file into a new module.
    fn load_file(
        &mut self,
        path: &Path,
        canon: &Path,
        from: Option<Span>,
    ) -> Result<ModuleId, ReadError> {
        let bytes = self.world.read(path, self.limits.max_file_size);
        let bytes = match bytes {
            Ok(b) => b,
            Err(ReadError::TooLarge(n)) => {
                if let Some(span) = from {
                    self.out.diagnostics.push(Diagnostic::new(
                        &codes::L009,
                        span,
                        format!(
                            "{} is {} MiB, more than the limit of {} MiB",
                            self.world.display(path),
                            n >> 20,
                            self.limits.max_file_size >> 20
                        ),
                    ));
                }
                // Register an empty file so that the error has a home.
                let file = self
                    .out
                    .sources
                    .add(self.world.display(path), Arc::from(""));
                let m = self.new_module(path, canon, file);
                if from.is_none() {
                    self.out.diagnostics.push(
                        Diagnostic::new(
                            &codes::L009,
                            Span::file_start(file),
                            format!(
                                "the file is {} MiB, more than the limit of {} MiB",
                                n >> 20,
                                self.limits.max_file_size >> 20
                            ),
                        )
                        .with_help("split the case into modules (`module: uses:`)"),
                    );
                }
                return Ok(m);
            }
            Err(e) => return Err(e),
        };
        let (text, encoding_error) = decode(bytes);
        let file = self
            .out
            .sources
            .add(self.world.display(path), Arc::from(text));
        let m = self.new_module(path, canon, file);
        if let Some((offset, message)) = encoding_error {
            self.out.diagnostics.push(
                Diagnostic::new(&codes::L002, Span::new(file, offset, offset), message)
                    .with_help("save the file as UTF-8"),
            );
            return Ok(m);
        }
        self.parse_module(m, file);
        Ok(m)
    }

    fn new_module(&mut self, path: &Path, canon: &Path, file: FileId) -> ModuleId {
        let id = ModuleId(self.out.case.modules.len() as u32);
        self.out.case.modules.push(Module {
            name: Spanned::new(stem_name(path).into(), Span::file_start(file)),
            name_explicit: false,
            file,
            brief: None,
            owner: None,
            uses: Vec::new(),
            extends: Vec::new(),
            stylesheets: Vec::new(),
            layers: Vec::new(),
            severity: Vec::new(),
            extra: Vec::new(),
            elements: Vec::new(),
        });
        self.by_path.insert(canon.to_path_buf(), id);
        self.paths.push(path.to_path_buf());
        id
    }

    fn parse_module(&mut self, m: ModuleId, file: FileId) {
        let text = self.out.sources.get(file).text.clone();
        let mut diags = Vec::new();
        let mut lowerer = Lowerer {
            file,
            diags: &mut diags,
            unknown_keys: Vec::new(),
        };
        let mut module = self.out.case.modules[m.0 as usize].clone();
        let elements = &mut self.out.case.elements;
        let max = self.limits.max_elements;
        let mut over = self.too_many_elements;
        let mut module_seen: Option<Span> = None;
        let result = parse_entries(
            &text,
            &self.limits.yaml,
            &mut |key: crate::yaml::Node, value: crate::yaml::Node| {
                if key.as_scalar() == Some("module") {
                    let span = lowerer.span(&key);
                    if let Some(first) = module_seen {
                        lowerer.diags.push(
                            Diagnostic::new(
                                &codes::L005,
                                span,
                                "the `module` block is given twice; the first is used",
                            )
                            .with_related(first, "first given here"),
                        );
                        return;
                    }
                    module_seen = Some(span);
                    module.name.span = span;
                    lowerer.module(&value, &mut module);
                    return;
                }
                if elements.len() >= max {
                    if !over {
                        over = true;
                        lowerer.diags.push(Diagnostic::new(
                            &codes::L009,
                            lowerer.span(&key),
                            format!(
                                "the case has more than {max} elements; the rest are not loaded"
                            ),
                        ));
                    }
                    return;
                }
                if let Some(e) = lowerer.element(&key, &value, m) {
                    module.elements.push(ElementId(elements.len() as u32));
                    elements.push(e);
                }
            },
        );
        let unknown = std::mem::take(&mut lowerer.unknown_keys);
        self.too_many_elements = over;
        for (key, d) in unknown {
            if !module.layers.iter().any(|l| l.value == key) {
                diags.push(d);
            }
        }
        if let Err(e) = result {
            let code = match e.kind {
                YamlErrorKind::Limit => &codes::L009,
                _ => &codes::L001,
            };
            let mut d = Diagnostic::new(code, Span::new(file, e.offset, e.offset), e.message);
            if let Some(h) = e.help {
                d = d.with_help(h);
            }
            diags.push(d);
        }
        self.out.case.modules[m.0 as usize] = module;
        self.out.diagnostics.extend(diags);
    }

    /// Follows `uses` depth-first from module `root`, loading each file once.
    fn follow_uses(&mut self, root: ModuleId, case_dir: &Path) {
        let mut stack: Vec<(ModuleId, usize)> = vec![(root, 0)];
        let mut on_stack: FxHashMap<ModuleId, Span> = FxHashMap::default();
        on_stack.insert(
            root,
            Span::file_start(self.out.case.modules[root.0 as usize].file),
        );
        while let Some(&mut (m, ref mut next)) = stack.last_mut() {
            let i = *next;
            let module = &self.out.case.modules[m.0 as usize];
            if i >= module.uses.len() {
                on_stack.remove(&m);
                stack.pop();
                continue;
            }
            *next += 1;
            let entry = module.uses[i].path.clone();
            let base = self.paths[m.0 as usize]
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let Some(target) = self.resolve_use(&base, case_dir, &entry) else {
                continue;
            };
            match self.by_path.get(&target.1).copied() {
                Some(t) => {
                    self.out.case.modules[m.0 as usize].uses[i].target = Some(t);
                    if on_stack.contains_key(&t) {
                        let mut d = Diagnostic::new(
                            &codes::L007,
                            entry.span,
                            format!(
                                "`{}` is already being loaded: the modules use each other in a circle",
                                entry.value
                            ),
                        );
                        for (sm, si) in &stack {
                            if let Some(u) = self.out.case.modules[sm.0 as usize]
                                .uses
                                .get(si.wrapping_sub(1))
                                && u.path.span != entry.span
                            {
                                d = d.with_related(u.path.span, "part of the circle");
                            }
                        }
                        self.out.diagnostics.push(d);
                    }
                }
                None => {
                    if self.out.case.modules.len() >= self.limits.max_files {
                        self.out.diagnostics.push(Diagnostic::new(
                            &codes::L009,
                            entry.span,
                            format!("the case has more than {} files", self.limits.max_files),
                        ));
                        continue;
                    }
                    match self.load_file(&target.0, &target.1, Some(entry.span)) {
                        Ok(t) => {
                            self.out.case.modules[m.0 as usize].uses[i].target = Some(t);
                            on_stack.insert(t, entry.span);
                            stack.push((t, 0));
                        }
                        Err(e) => self.out.diagnostics.push(
                            Diagnostic::new(
                                &codes::L006,
                                entry.span,
                                format!("cannot read `{}`: {}", entry.value, read_error_text(&e)),
                            )
                            .with_help("`uses` paths are relative to the file that names them"),
                        ),
                    }
                }
            }
        }
    }

    /// The path to read and its canonical form, or a diagnostic.
    fn resolve_use(
        &mut self,
        base: &Path,
        case_dir: &Path,
        entry: &Spanned<Box<str>>,
    ) -> Option<(PathBuf, PathBuf)> {
        let written = Path::new(&*entry.value);
        let outside = |this: &mut Self, why: &str| {
            this.out.diagnostics.push(
                Diagnostic::new(
                    &codes::L008,
                    entry.span,
                    format!("`{}` {why}; it was not read", entry.value),
                )
                .with_help("module files must be inside the case folder; copy the module in, or load it as a second path on the command line"),
            );
        };
        if written.is_absolute() || written.has_root() {
            outside(self, "is an absolute path");
            return None;
        }
        let path = base.join(written);
        // Decide "outside" lexically first (from the folder of the including
        // file, which exists), so that whether a file outside the case exists
        // is never probed or revealed; symbolic links are checked below.
        let base_dir = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        };
        if let Ok(canon_base) = self.world.canonicalize(base_dir) {
            let lexical = normalize(&canon_base.join(written));
            let up = |p: &Path| p.components().next() == Some(Component::ParentDir);
            if !lexical.starts_with(case_dir) || (up(&lexical) && !up(case_dir)) {
                outside(self, "leads outside the case folder");
                return None;
            }
        }
        let canon = match self.world.canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                self.out.diagnostics.push(
                    Diagnostic::new(
                        &codes::L006,
                        entry.span,
                        format!("cannot read `{}`: {}", entry.value, read_error_text(&e)),
                    )
                    .with_help("`uses` paths are relative to the file that names them"),
                );
                return None;
            }
        };
        // A relative case folder (a `MemWorld` root such as `main.gsn.yaml`
        // gives the empty path, which every path "starts with"): a `..` left in
        // front after normalising still leads outside it.
        let up = |p: &Path| p.components().next() == Some(Component::ParentDir);
        if !canon.starts_with(case_dir) || (up(&canon) && !up(case_dir)) {
            outside(self, "leads outside the case folder");
            return None;
        }
        if self.world.is_dir(&canon) {
            self.out.diagnostics.push(Diagnostic::new(
                &codes::L006,
                entry.span,
                format!("`{}` is a directory, not a module file", entry.value),
            ));
            return None;
        }
        Some((path, canon))
    }
}

/// Decodes bytes as UTF-8, reporting the first invalid byte.
fn decode(bytes: Vec<u8>) -> (String, Option<(u32, String)>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return (
            String::new(),
            Some((0, "the file is UTF-16; case files must be UTF-8".into())),
        );
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = bytes.get(valid).copied().unwrap_or(0);
            // Keep the valid prefix so that the location can be shown with its line.
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            (
                text,
                Some((
                    valid as u32,
                    format!("invalid UTF-8: byte 0x{bad:02X} at byte offset {valid}"),
                )),
            )
        }
    }
}

/// Resolves every reference of the case into relations, ACPs and the records of what did not resolve.
pub fn resolve(case: &mut Case) {
    // 1. index, duplicates
    let mut index: FxHashMap<Box<str>, ElementId> = FxHashMap::default();
    index.reserve(case.elements.len());
    for (i, e) in case.elements.iter().enumerate() {
        let id = ElementId(i as u32);
        match index.get(&e.id) {
            Some(&first) => case.duplicates.push(Duplicate { first, second: id }),
            None => {
                index.insert(e.id.clone(), id);
            }
        }
    }
    let mut relations: Vec<Relation> = Vec::new();
    let mut unresolved = Vec::new();
    let lookup = |name: &RefName| index.get(&name.name).copied();
    // 2. supportedBy / inContextOf
    for (i, e) in case.elements.iter().enumerate() {
        let from = ElementId(i as u32);
        for (kind, refs) in [
            (RelationKind::SupportedBy, &e.supported_by),
            (RelationKind::InContextOf, &e.in_context_of),
        ] {
            for r in refs {
                match lookup(r) {
                    Some(to) => relations.push(Relation {
                        kind,
                        from,
                        to,
                        challenged: None,
                        span: r.span,
                        via_develops: false,
                        defeated: false,
                        cardinality: Cardinality::One,
                        choice: None,
                    }),
                    None => unresolved.push(Unresolved {
                        from,
                        key: kind.key(),
                        name: r.clone(),
                    }),
                }
            }
        }
    }
    // 3. extends / develops
    let module_by_name: FxHashMap<&str, ModuleId> = {
        let mut m = FxHashMap::default();
        for (i, module) in case.modules.iter().enumerate() {
            m.entry(&*module.name.value).or_insert(ModuleId(i as u32));
        }
        m
    };
    let mut extends_targets = Vec::new();
    for (mi, module) in case.modules.iter().enumerate() {
        for (xi, ext) in module.extends.iter().enumerate() {
            let target = module_by_name.get(&*ext.module.value).copied();
            extends_targets.push((mi, xi, target));
            let Some(target) = target else { continue };
            for (foreign, locals) in &ext.develops {
                let Some(f) =
                    lookup(foreign).filter(|f| case.elements[f.0 as usize].module == target)
                else {
                    continue;
                };
                for l in locals {
                    if let Some(to) =
                        lookup(l).filter(|t| case.elements[t.0 as usize].module.0 as usize == mi)
                    {
                        relations.push(Relation {
                            kind: RelationKind::SupportedBy,
                            from: f,
                            to,
                            challenged: None,
                            span: l.span,
                            via_develops: true,
                            defeated: false,
                            cardinality: Cardinality::One,
                            choice: None,
                        });
                    }
                }
            }
        }
    }
    drop(module_by_name);
    for (mi, xi, target) in extends_targets {
        case.modules[mi].extends[xi].target = target;
    }
    let n = case.elements.len();
    let adjacency = |rels: &[Relation]| {
        Adjacency::build(
            n,
            rels.iter()
                .enumerate()
                .map(|(i, r)| (r.from, RelationId(i as u32))),
        )
    };
    // 4. challenges of elements, then of relationships (which may be challenges themselves)
    let mut dangling = Vec::new();
    // Passes that need adjacency run only when the case uses what they resolve.
    let any_challenges = case.elements.iter().any(|e| e.challenges.is_some());
    let passes = if any_challenges { 0..2 } else { 0..0 };
    for pass in passes {
        let out = adjacency(&relations);
        let mut new = Vec::new();
        for (i, e) in case.elements.iter().enumerate() {
            let from = ElementId(i as u32);
            let Some((decl, span)) = e.challenges.as_deref() else {
                continue;
            };
            match (pass, decl) {
                (0, ChallengeDecl::Element(r)) => match lookup(r) {
                    Some(to) => new.push(Relation {
                        kind: RelationKind::Challenges,
                        from,
                        to,
                        challenged: Some(ChallengeTarget::Element(to)),
                        span: *span,
                        via_develops: false,
                        defeated: false,
                        cardinality: Cardinality::One,
                        choice: None,
                    }),
                    None => unresolved.push(Unresolved {
                        from,
                        key: "challenges",
                        name: r.clone(),
                    }),
                },
                (1, ChallengeDecl::Relation(a, b)) => {
                    let (ea, eb) = (lookup(a), lookup(b));
                    if ea.is_none() {
                        unresolved.push(Unresolved {
                            from,
                            key: "challenges",
                            name: a.clone(),
                        });
                    }
                    if eb.is_none() {
                        unresolved.push(Unresolved {
                            from,
                            key: "challenges",
                            name: b.clone(),
                        });
                    }
                    let (Some(x), Some(y)) = (ea, eb) else {
                        continue;
                    };
                    let found = out
                        .of(x)
                        .iter()
                        .find(|r| relations[r.0 as usize].to == y)
                        .or_else(|| out.of(y).iter().find(|r| relations[r.0 as usize].to == x))
                        .copied();
                    match found {
                        Some(rid) => new.push(Relation {
                            kind: RelationKind::Challenges,
                            from,
                            to: relations[rid.0 as usize].from,
                            challenged: Some(ChallengeTarget::Relation(rid)),
                            span: *span,
                            via_develops: false,
                            defeated: false,
                            cardinality: Cardinality::One,
                            choice: None,
                        }),
                        None => dangling.push((from, *span, x, y)),
                    }
                }
                _ => {}
            }
        }
        relations.extend(new);
    }
    // 5. defeatedRelation
    let out = adjacency(&relations);
    let mut bad_defeated = Vec::new();
    for (i, e) in case.elements.iter().enumerate() {
        let from = ElementId(i as u32);
        for r in &e.defeated_relation {
            let target = lookup(r);
            let rel = target.and_then(|t| {
                out.of(from)
                    .iter()
                    .find(|rid| relations[rid.0 as usize].to == t)
                    .copied()
            });
            match rel {
                Some(rid) => relations[rid.0 as usize].defeated = true,
                None => bad_defeated.push((from, r.clone())),
            }
        }
    }
    // 6. Link decorations: multiplicity, optional, choice.
    let mut choices = Vec::new();
    let mut bad_links = Vec::new();
    for (i, e) in case.elements.iter().enumerate() {
        let Some(decls) = e.links.as_deref() else {
            continue;
        };
        let from = ElementId(i as u32);
        // Where each decorated link was decorated first: (relation, span).
        let mut card_at: Vec<(RelationId, Span)> = Vec::new();
        let mut choice_at: Vec<(RelationId, Span)> = Vec::new();
        let find = |relations: &[Relation], r: &RefName| {
            let t = lookup(r)?;
            out.of(from)
                .iter()
                .find(|rid| {
                    let rel = &relations[rid.0 as usize];
                    rel.to == t && rel.kind == RelationKind::SupportedBy
                })
                .copied()
        };
        let cards = decls
            .multiplicity
            .iter()
            .map(|(r, l)| {
                (
                    "multiplicity",
                    r,
                    Cardinality::Multiple(l.as_ref().map(|l| l.value.clone())),
                )
            })
            .chain(
                decls
                    .optional
                    .iter()
                    .map(|r| ("optional", r, Cardinality::Optional)),
            );
        for (key, r, c) in cards {
            let problem = match find(&relations, r) {
                None => Some(LinkRefProblem::NotSupporter),
                Some(rid) => match card_at.iter().find(|(x, _)| *x == rid) {
                    Some((_, first)) => Some(LinkRefProblem::Conflict(*first)),
                    None => {
                        card_at.push((rid, r.span));
                        relations[rid.0 as usize].cardinality = c;
                        None
                    }
                },
            };
            if let Some(problem) = problem {
                bad_links.push(BadLinkRef {
                    from,
                    key,
                    name: r.clone(),
                    problem,
                });
            }
        }
        for decl in &decls.choices {
            let ci = choices.len() as u32;
            let mut rels = Vec::new();
            for r in &decl.over {
                let problem = match find(&relations, r) {
                    None => Some(LinkRefProblem::NotSupporter),
                    Some(rid) => match choice_at.iter().find(|(x, _)| *x == rid) {
                        Some((_, first)) => Some(LinkRefProblem::Conflict(*first)),
                        None => {
                            choice_at.push((rid, r.span));
                            relations[rid.0 as usize].choice = Some(ci);
                            rels.push(rid);
                            None
                        }
                    },
                };
                if let Some(problem) = problem {
                    bad_links.push(BadLinkRef {
                        from,
                        key: "choice",
                        name: r.clone(),
                        problem,
                    });
                }
            }
            choices.push(Choice {
                parent: from,
                span: decl.span,
                label: decl.label.clone(),
                relations: rels,
            });
        }
    }
    // 7. ACPs
    let mut acps = Vec::new();
    for (i, e) in case.elements.iter().enumerate() {
        let owner = ElementId(i as u32);
        for decl in &e.acps {
            for t in &decl.targets {
                let on = match lookup(t) {
                    None => AcpTarget::Unresolved,
                    Some(x) if x == owner => AcpTarget::Element(owner),
                    Some(x) => out
                        .of(owner)
                        .iter()
                        .find(|rid| {
                            let r = &relations[rid.0 as usize];
                            r.to == x && r.kind != RelationKind::Challenges
                        })
                        .map(|rid| AcpTarget::Relation(*rid))
                        .unwrap_or(AcpTarget::NotConnected(x)),
                };
                acps.push(Acp {
                    name: decl.name.clone(),
                    owner,
                    on,
                    target_span: t.span,
                });
            }
        }
    }
    case.outgoing = out;
    case.incoming = Adjacency::build(
        n,
        relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.to, RelationId(i as u32))),
    );
    case.relations = relations;
    case.acps = acps;
    case.unresolved = unresolved;
    case.dangling_challenges = dangling;
    case.bad_defeated_relations = bad_defeated;
    case.choices = choices;
    case.bad_link_refs = bad_links;
    case.index = index;
}

/// Convenience for tests and tools: loads files held in memory.
pub fn load_str(files: &[(&str, &str)]) -> Loaded {
    let mut world = MemWorld::new();
    for (p, s) in files {
        world = world.with(p, s.as_bytes());
    }
    let roots: Vec<PathBuf> = files
        .iter()
        .take(1)
        .map(|(p, _)| PathBuf::from(p))
        .collect();
    load(&world, &roots, &Limits::default()).unwrap_or_default()
}
