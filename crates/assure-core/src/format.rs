//! The case format: its keys (one table, from which the JSON Schema and the
//! "did you mean" suggestions are derived) and the lowering of YAML nodes into
//! model elements and modules.

use crate::codes;
use crate::diag::Diagnostic;
use crate::model::{
    AcpDecl, ChallengeDecl, ChoiceDecl, Element, ElementKind, Extends, HorizontalIndex, KindSource,
    Layer, Module, ModuleId, RefName, UsesEntry,
};
use crate::span::{FileId, Span, Spanned};
use crate::yaml::{Node, ScalarStyle2, Value, parse_bool};
use serde_json::{Value as Json, json};

/// The kind of value a key takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// A string (numbers and booleans are taken as their text).
    Text,
    /// A string that may not be empty or blank.
    NonEmptyText,
    /// One id or a list of ids.
    IdList,
    /// `true` / `false`.
    Bool,
    /// An integer.
    Int,
    /// A list of strings (a single string is accepted).
    StringList,
    /// An element type name.
    TypeName,
    /// `{relative: n}` or `{absolute: n | last}`.
    HorizontalIndex,
    /// `{ACPname: id | [ids]}`.
    AcpMap,
    /// `X` or `"X -> Y"`.
    Challenge,
    /// `[{module: M, develops: {id: [ids]}}]`.
    ExtendsList,
    /// `{code: level}`.
    SeverityMap,
    /// An id, a list of ids, or `{id: label}`.
    LinkLabels,
    /// A list of ids, `{over: [ids], label: text}`, or a list of such mappings.
    Choice,
}

/// Where a key comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOrigin {
    /// Part of the gsn2x dialect.
    Gsn2x,
    /// An assure extension.
    Assure,
}

/// One key of the format.
#[derive(Debug)]
pub struct KeySpec {
    /// The key as written.
    pub name: &'static str,
    /// Its value type.
    pub ty: KeyType,
    /// gsn2x or assure.
    pub origin: KeyOrigin,
    /// One-line documentation (also the JSON Schema description).
    pub doc: &'static str,
}

macro_rules! keys {
    ($($name:literal : $ty:ident, $origin:ident, $doc:literal;)*) => {
        &[$(KeySpec { name: $name, ty: KeyType::$ty, origin: KeyOrigin::$origin, doc: $doc }),*]
    };
}

/// Keys of an element.
pub static ELEMENT_KEYS: &[KeySpec] = keys! {
    "text": Text, Gsn2x, "The statement (light Markdown: *italic*, **bold**, bullets, [links](https://…)).";
    "supportedBy": IdList, Gsn2x, "SupportedBy relationships: ids of the elements that support this one.";
    "inContextOf": IdList, Gsn2x, "InContextOf relationships: ids of context, assumptions and justifications.";
    "undeveloped": Bool, Gsn2x, "Marks a goal or strategy as intentionally not (yet) developed.";
    "url": Text, Gsn2x, "A link shown on the element.";
    "classes": StringList, Gsn2x, "CSS classes for diagrams.";
    "nodeType": TypeName, Gsn2x, "Explicit element type (overrides the id prefix).";
    "type": TypeName, Assure, "Explicit element type (assure spelling of nodeType).";
    "rankIncrement": Int, Gsn2x, "Layout hint: move the element this many layers down.";
    "horizontalIndex": HorizontalIndex, Gsn2x, "Layout hint: {relative: n} or {absolute: n | last}.";
    "charWrap": Int, Gsn2x, "Layout hint: wrap text after this many characters.";
    "acp": AcpMap, Gsn2x, "Assurance claim points: ACP name -> the element itself or a directly related element.";
    "challenges": Challenge, Gsn2x, "Dialectic: the element (X) or relationship (\"X -> Y\") this counter element challenges.";
    "defeated": Bool, Gsn2x, "Dialectic: the element is defeated by a challenge.";
    "defeatedRelation": IdList, Gsn2x, "Dialectic: ids whose relationship with this element is defeated.";
    "allow": StringList, Assure, "Rule codes (or names) not reported for this element, e.g. [T002].";
    "owner": NonEmptyText, Assure, "The organisation responsible for upholding or providing this element (overrides the module's owner).";
    "public": Bool, Assure, "Part of its module's interface (GSN v3 1:4): drawn with the public indicator.";
    "multiplicity": LinkLabels, Assure, "Pattern (GSN v3 1:3): supporters whose SupportedBy link carries multiplicity (filled ball): an id, a list of ids, or {id: label} with labels such as n or 1..*.";
    "optional": IdList, Assure, "Pattern (GSN v3 1:3): supporters whose SupportedBy link is optional (hollow ball).";
    "choice": Choice, Assure, "Pattern (GSN v3 1:3): a choice between SupportedBy links: a list of ids, {over: [ids], label: \"1 of 2\"}, or a list of such mappings.";
    "module": NonEmptyText, Assure, "Module and contract references: the name of the module referred to.";
};

/// Keys of the `module:` block.
pub static MODULE_KEYS: &[KeySpec] = keys! {
    "name": Text, Gsn2x, "Module name (defaults to the file name without .gsn.yaml).";
    "brief": Text, Gsn2x, "One-line description of the module.";
    "uses": StringList, Gsn2x, "Other module files this module uses, relative to this file.";
    "extends": ExtendsList, Gsn2x, "Undeveloped elements of other modules that this module develops.";
    "stylesheets": StringList, Gsn2x, "CSS files for diagrams.";
    "charWrap": Int, Gsn2x, "Layout hint: default wrap width.";
    "layers": StringList, Assure, "Names of extra element keys that are intended layers (not typos).";
    "severity": SeverityMap, Assure, "Rule severities for this case: {code-or-name: allow | hint | warn | error}.";
    "owner": NonEmptyText, Assure, "The organisation responsible for this module's elements (e.g. the manufacturer).";
};

/// Keys reserved for later versions of the format (evidence, ownership,
/// cross-organisation cases, patterns). Reported and ignored.
pub static RESERVED_KEYS: &[&str] = &[
    "evidence",
    "imports",
    "discharges",
    "pattern",
    "parameters",
    "cites",
    "interface",
    "review",
    "version",
];

/// The closest known key to `key`, if it is plausibly a typo.
pub fn suggest_key(key: &str, known: &[KeySpec]) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    let mut best: Option<(&'static str, f64)> = None;
    for k in known {
        if k.name.eq_ignore_ascii_case(key) {
            return Some(k.name);
        }
        let d = strsim::damerau_levenshtein(&lower, &k.name.to_ascii_lowercase());
        let limit = if k.name.len() <= 4 { 1 } else { 2 };
        if d <= limit {
            let score = d as f64;
            if best.is_none_or(|(_, s)| score < s) {
                best = Some((k.name, score));
            }
        }
    }
    best.map(|(n, _)| n)
}

/// Turns YAML nodes of one file into model parts, reporting problems.
pub struct Lowerer<'a> {
    /// The file being lowered.
    pub file: FileId,
    /// Where diagnostics go.
    pub diags: &'a mut Vec<Diagnostic>,
    /// Unknown-key warnings of elements, with the key: held back until the
    /// module block (which may declare them as layers) has been read.
    pub unknown_keys: Vec<(Box<str>, Diagnostic)>,
}

fn text_of(n: &Node) -> Option<Box<str>> {
    match &n.value {
        Value::Scalar(s, _) => Some(s.clone()),
        _ => None,
    }
}

impl Lowerer<'_> {
    /// The span of a node.
    pub fn span(&self, n: &Node) -> Span {
        Span::new(self.file, n.start, n.end)
    }

    fn wrong_type(&mut self, owner: &str, key: &str, expected: &str, node: &Node) {
        let d = Diagnostic::new(
            &codes::L003,
            self.span(node),
            format!(
                "`{key}` of `{owner}` expects {expected}, found {}",
                node.kind_name()
            ),
        )
        .with_label(format!("expected {expected}"));
        self.diags.push(d);
    }

    fn text(&mut self, owner: &str, key: &str, n: &Node) -> Option<Spanned<Box<str>>> {
        if n.is_null() {
            return None;
        }
        match text_of(n) {
            Some(s) => Some(Spanned::new(s, self.span(n))),
            None => {
                self.wrong_type(owner, key, "a string", n);
                None
            }
        }
    }

    /// A string that is not empty or blank (`owner`).
    fn non_empty_text(&mut self, owner: &str, key: &str, n: &Node) -> Option<Spanned<Box<str>>> {
        match text_of(n) {
            Some(s) if !n.is_null() && !s.trim().is_empty() => Some(Spanned::new(s, self.span(n))),
            Some(_) => {
                let d = Diagnostic::new(
                    &codes::L003,
                    self.span(n),
                    format!(
                        "`{key}` of `{owner}` expects a non-empty string, found an empty value"
                    ),
                )
                .with_label("expected a non-empty string");
                self.diags.push(d);
                None
            }
            None => {
                self.wrong_type(owner, key, "a non-empty string", n);
                None
            }
        }
    }

    fn boolean(&mut self, owner: &str, key: &str, n: &Node) -> Option<Spanned<bool>> {
        match &n.value {
            Value::Scalar(s, ScalarStyle2::Plain) if parse_bool(s).is_some() => {
                Some(Spanned::new(parse_bool(s).unwrap_or(false), self.span(n)))
            }
            _ => {
                self.wrong_type(owner, key, "a boolean (`true` or `false`)", n);
                None
            }
        }
    }

    fn int(&mut self, owner: &str, key: &str, n: &Node) -> Option<Spanned<i64>> {
        match n.as_scalar().and_then(|s| s.trim().parse::<i64>().ok()) {
            Some(v) => Some(Spanned::new(v, self.span(n))),
            None => {
                self.wrong_type(owner, key, "an integer", n);
                None
            }
        }
    }

    fn id_ref(&mut self, owner: &str, key: &str, n: &Node) -> Option<RefName> {
        match text_of(n) {
            Some(s) => Some(RefName {
                name: s,
                span: self.span(n),
            }),
            None => {
                self.wrong_type(owner, key, "an id", n);
                None
            }
        }
    }

    /// An id or a list of ids.
    fn id_list(&mut self, owner: &str, key: &str, n: &Node) -> Vec<RefName> {
        match &n.value {
            _ if n.is_null() => Vec::new(),
            Value::Scalar(..) => self.id_ref(owner, key, n).into_iter().collect(),
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| self.id_ref(owner, key, i))
                .collect(),
            Value::Map(_) => {
                self.wrong_type(owner, key, "an id or a list of ids", n);
                Vec::new()
            }
        }
    }

    fn string_list(&mut self, owner: &str, key: &str, n: &Node) -> Vec<Spanned<Box<str>>> {
        match &n.value {
            _ if n.is_null() => Vec::new(),
            Value::Scalar(s, _) => vec![Spanned::new(s.clone(), self.span(n))],
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| match text_of(i) {
                    Some(s) => Some(Spanned::new(s, self.span(i))),
                    None => {
                        self.wrong_type(owner, key, "a list of strings", i);
                        None
                    }
                })
                .collect(),
            Value::Map(_) => {
                self.wrong_type(owner, key, "a list of strings", n);
                Vec::new()
            }
        }
    }

    /// Reports duplicate keys in a mapping and returns the entries to use
    /// (first occurrence of each key).
    fn dedup<'n>(
        &mut self,
        owner: &str,
        entries: &'n [(Node, Node)],
    ) -> Vec<(&'n str, &'n Node, &'n Node)> {
        let mut out: Vec<(&str, &Node, &Node)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let Some(name) = k.as_scalar() else {
                self.diags.push(Diagnostic::new(
                    &codes::L003,
                    self.span(k),
                    format!(
                        "keys inside `{owner}` must be plain names, found {}",
                        k.kind_name()
                    ),
                ));
                continue;
            };
            if let Some((_, first, _)) = out.iter().find(|(n, _, _)| *n == name) {
                let first_span = self.span(first);
                self.diags.push(
                    Diagnostic::new(
                        &codes::L005,
                        self.span(k),
                        format!("`{name}` is given twice in `{owner}`; the first value is used"),
                    )
                    .with_related(first_span, "first given here"),
                );
                continue;
            }
            out.push((name, k, v));
        }
        out
    }

    fn unknown_key(&mut self, owner: &str, key: &str, k: &Node, known: &[KeySpec]) -> bool {
        if RESERVED_KEYS.contains(&key) {
            self.diags.push(
                Diagnostic::new(
                    &codes::L010,
                    self.span(k),
                    format!("`{key}` is reserved for a later version of the format and is ignored"),
                )
                .with_help("see docs/format.md#reserved-keys"),
            );
            return false;
        }
        let mut d = Diagnostic::new(
            &codes::L004,
            self.span(k),
            format!("unknown key `{key}` in `{owner}`"),
        );
        d = match suggest_key(key, known) {
            Some(s) => d.with_help(format!("did you mean `{s}`? (an unknown key with a single value is kept as a gsn2x layer; any other is ignored)")),
            None if std::ptr::eq(known, ELEMENT_KEYS) => d.with_help(format!(
                "if `{key}` is an intended layer, declare it: `module: {{layers: [{key}]}}`"
            )),
            None => d.with_help("see docs/format.md for the keys this block accepts"),
        };
        if std::ptr::eq(known, ELEMENT_KEYS) {
            self.unknown_keys.push((key.into(), d));
        } else {
            self.diags.push(d);
        }
        true
    }

    /// Lowers one element (`id: {…}`).
    pub fn element(&mut self, key: &Node, value: &Node, module: ModuleId) -> Option<Element> {
        let Some(id) = key.as_scalar() else {
            self.diags.push(Diagnostic::new(
                &codes::L003,
                self.span(key),
                format!("element ids must be plain names, found {}", key.kind_name()),
            ));
            return None;
        };
        if let Some(problem) = id_problem(id) {
            self.diags.push(
                Diagnostic::new(
                    &codes::L011,
                    self.span(key),
                    format!("invalid element id: {problem}"),
                )
                .with_label("this id"),
            );
            return None;
        }
        let mut e = Element::new(id.into(), self.span(key), module);
        let entries: &[(Node, Node)] = match &value.value {
            Value::Map(m) => m,
            _ if value.is_null() => &[],
            _ => {
                self.diags.push(
                    Diagnostic::new(
                        &codes::L003,
                        self.span(value),
                        format!("element `{id}` must be a mapping of keys such as `text` and `supportedBy`, found {}", value.kind_name()),
                    )
                    .with_help(format!("write `{id}:` on its own line, then indented `text: …`")),
                );
                &[]
            }
        };
        let mut explicit_type: Option<(Spanned<Box<str>>, &str)> = None;
        for (name, k, v) in self.dedup(id, entries) {
            match name {
                "text" => e.text = self.text(id, name, v),
                "supportedBy" => e.supported_by = self.id_list(id, name, v),
                "inContextOf" => e.in_context_of = self.id_list(id, name, v),
                "undeveloped" => e.undeveloped = self.boolean(id, name, v),
                "defeated" => e.defeated = self.boolean(id, name, v),
                "url" => e.url = self.text(id, name, v),
                "classes" => e.classes = self.string_list(id, name, v),
                "allow" => e.allow = self.string_list(id, name, v),
                "owner" => e.owner = self.non_empty_text(id, name, v),
                "public" => e.public = self.boolean(id, name, v),
                "module" => e.module_ref = self.non_empty_text(id, name, v),
                "multiplicity" => {
                    let m = self.link_labels(id, name, v);
                    e.links.get_or_insert_default().multiplicity = m;
                }
                "optional" => {
                    let o = self.id_list(id, name, v);
                    e.links.get_or_insert_default().optional = o;
                }
                "choice" => {
                    let c = self.choices(id, v);
                    e.links.get_or_insert_default().choices = c;
                }
                "nodeType" | "type" => {
                    if let Some((prev, _)) = &explicit_type {
                        let prev_span = prev.span;
                        self.diags.push(
                            Diagnostic::new(&codes::L005, self.span(k), format!("`{id}` gives its type twice (`type` and `nodeType`); the first is used"))
                                .with_related(prev_span, "first given here"),
                        );
                    } else if let Some(t) = self.text(id, name, v) {
                        explicit_type = Some((t, name));
                    }
                }
                "rankIncrement" => e.hints.rank_increment = self.int(id, name, v),
                "charWrap" => {
                    e.hints.char_wrap = self
                        .int(id, name, v)
                        .map(|s| Spanned::new(s.value.clamp(0, u32::MAX as i64) as u32, s.span))
                }
                "horizontalIndex" => e.hints.horizontal_index = self.horizontal_index(id, v),
                "acp" => e.acps = self.acps(id, v),
                "challenges" => e.challenges = self.challenge(id, v).map(Box::new),
                "defeatedRelation" => e.defeated_relation = self.id_list(id, name, v),
                _ => {
                    if self.unknown_key(id, name, k, ELEMENT_KEYS)
                        && let Some(val) = text_of(v)
                    {
                        e.layers.push(Layer {
                            key: Spanned::new(name.into(), self.span(k)),
                            value: Spanned::new(val, self.span(v)),
                        });
                    }
                }
            }
        }
        let prefix = ElementKind::from_prefix(id);
        match explicit_type {
            Some((t, key)) => match ElementKind::parse(&t.value) {
                Some(kind) => {
                    e.kind = kind;
                    e.kind_source = KindSource::Explicit(t.span);
                }
                None => {
                    let names: Vec<&str> = ElementKind::KNOWN.iter().map(|k| k.name()).collect();
                    self.diags.push(
                        Diagnostic::new(
                            &codes::L003,
                            t.span,
                            format!(
                                "`{key}` of `{id}` expects an element type, found `{}`",
                                t.value
                            ),
                        )
                        .with_help(format!("one of: {}", names.join(", "))),
                    );
                    if let Some(p) = prefix {
                        e.kind = p;
                        e.kind_source = KindSource::Prefix;
                    }
                }
            },
            None => {
                if let Some(p) = prefix {
                    e.kind = p;
                    e.kind_source = KindSource::Prefix;
                }
            }
        }
        Some(e)
    }

    /// `multiplicity:` — an id, a list of ids, or `{id: label}`.
    fn link_labels(
        &mut self,
        owner: &str,
        key: &str,
        v: &Node,
    ) -> Vec<(RefName, Option<Spanned<Box<str>>>)> {
        let Value::Map(m) = &v.value else {
            return self
                .id_list(owner, key, v)
                .into_iter()
                .map(|r| (r, None))
                .collect();
        };
        let mut out = Vec::new();
        for (name, k, label) in self.dedup(&format!("{owner}.{key}"), m) {
            let r = RefName {
                name: name.into(),
                span: self.span(k),
            };
            let label = if label.is_null() {
                None
            } else {
                match text_of(label) {
                    Some(t) => Some(Spanned::new(t, self.span(label))),
                    None => {
                        self.wrong_type(owner, key, "a label such as `n` or `1..*`", label);
                        None
                    }
                }
            };
            out.push((r, label));
        }
        out
    }

    /// `choice:` — a list of ids (one group), `{over: [ids], label: …}`, or a
    /// list of such mappings.
    fn choices(&mut self, owner: &str, v: &Node) -> Vec<ChoiceDecl> {
        let expected =
            "a list of ids, or `{over: [ids], label: \"1 of 2\"}`, or a list of such mappings";
        match &v.value {
            _ if v.is_null() => Vec::new(),
            Value::Map(_) => self.choice_group(owner, v).into_iter().collect(),
            Value::Seq(items) if items.iter().any(|i| matches!(i.value, Value::Map(_))) => {
                let mut out = Vec::new();
                for i in items {
                    if matches!(i.value, Value::Map(_)) {
                        out.extend(self.choice_group(owner, i));
                    } else {
                        self.wrong_type(owner, "choice", expected, i);
                    }
                }
                out
            }
            Value::Seq(_) => vec![ChoiceDecl {
                span: self.span(v),
                over: self.id_list(owner, "choice", v),
                label: None,
            }],
            Value::Scalar(..) => {
                self.wrong_type(owner, "choice", expected, v);
                Vec::new()
            }
        }
    }

    fn choice_group(&mut self, owner: &str, v: &Node) -> Option<ChoiceDecl> {
        let Value::Map(m) = &v.value else {
            return None;
        };
        let mut over = None;
        let mut label = None;
        for (name, k, val) in self.dedup(&format!("{owner}.choice"), m) {
            match name {
                "over" => over = Some(self.id_list(owner, "choice", val)),
                "label" => label = self.text(owner, "choice", val),
                _ => {
                    self.diags.push(
                        Diagnostic::new(
                            &codes::L004,
                            self.span(k),
                            format!("unknown key `{name}` in a `choice` of `{owner}`"),
                        )
                        .with_help("a choice group has `over: [ids]` and `label: text`"),
                    );
                }
            }
        }
        match over {
            Some(over) => Some(ChoiceDecl {
                span: self.span(v),
                over,
                label,
            }),
            None => {
                self.diags.push(Diagnostic::new(
                    &codes::L003,
                    self.span(v),
                    format!("a `choice` of `{owner}` needs `over: [ids]`"),
                ));
                None
            }
        }
    }

    fn horizontal_index(&mut self, owner: &str, v: &Node) -> Option<Spanned<HorizontalIndex>> {
        let expected = "a mapping `{relative: n}` or `{absolute: n | last}`";
        let Value::Map(m) = &v.value else {
            self.wrong_type(owner, "horizontalIndex", expected, v);
            return None;
        };
        if m.len() != 1 {
            self.wrong_type(owner, "horizontalIndex", expected, v);
            return None;
        }
        let (k, val) = &m[0];
        let s = val.as_scalar().map(str::trim);
        let idx = match (k.as_scalar(), s) {
            (Some("relative"), Some(s)) => s.parse().ok().map(HorizontalIndex::Relative),
            (Some("absolute"), Some("last")) => Some(HorizontalIndex::Last),
            (Some("absolute"), Some(s)) => s.parse().ok().map(HorizontalIndex::Absolute),
            _ => None,
        };
        if idx.is_none() {
            self.wrong_type(owner, "horizontalIndex", expected, v);
        }
        idx.map(|i| Spanned::new(i, self.span(v)))
    }

    fn acps(&mut self, owner: &str, v: &Node) -> Vec<AcpDecl> {
        let Value::Map(m) = &v.value else {
            if !v.is_null() {
                self.wrong_type(owner, "acp", "a mapping `{ACPname: id or [ids]}`", v);
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, k, val) in self.dedup(&format!("{owner}.acp"), m) {
            out.push(AcpDecl {
                name: Spanned::new(name.into(), self.span(k)),
                targets: self.id_list(owner, "acp", val),
            });
        }
        out
    }

    fn challenge(&mut self, owner: &str, v: &Node) -> Option<(ChallengeDecl, Span)> {
        let Some(s) = v.as_scalar() else {
            self.wrong_type(
                owner,
                "challenges",
                "an id or a relationship `\"X -> Y\"`",
                v,
            );
            return None;
        };
        let span = self.span(v);
        let decl = match s.split_once("->") {
            Some((a, b)) => {
                // Sub-spans are exact for plain and single-line quoted scalars; otherwise the whole value.
                let sub = |part: &str| -> Span {
                    let raw = self.span(v);
                    part.as_ptr()
                        .addr()
                        .checked_sub(s.as_ptr().addr())
                        .map(|off| {
                            let quote = u32::from(!matches!(
                                &v.value,
                                Value::Scalar(_, ScalarStyle2::Plain)
                            ));
                            let st = raw.start + quote + off as u32;
                            Span::new(raw.file, st, (st + part.len() as u32).min(raw.end))
                        })
                        .unwrap_or(raw)
                };
                let (a, b) = (a.trim(), b.trim());
                ChallengeDecl::Relation(
                    RefName {
                        name: a.into(),
                        span: sub(a),
                    },
                    RefName {
                        name: b.into(),
                        span: sub(b),
                    },
                )
            }
            None => ChallengeDecl::Element(RefName {
                name: s.trim().into(),
                span,
            }),
        };
        Some((decl, span))
    }

    /// Lowers a `module:` block into `m` (whose name defaults to the file stem).
    pub fn module(&mut self, value: &Node, m: &mut Module) {
        let Value::Map(entries) = &value.value else {
            if !value.is_null() {
                self.wrong_type(
                    "module",
                    "module",
                    "a mapping (name, brief, uses, …)",
                    value,
                );
            }
            return;
        };
        for (name, k, v) in self.dedup("module", entries) {
            match name {
                "name" => {
                    if let Some(t) = self.text("module", name, v) {
                        m.name = t;
                        m.name_explicit = true;
                    }
                }
                "brief" => m.brief = self.text("module", name, v),
                "owner" => m.owner = self.non_empty_text("module", name, v),
                "uses" => {
                    m.uses = self
                        .string_list("module", name, v)
                        .into_iter()
                        .map(|path| UsesEntry { path, target: None })
                        .collect()
                }
                "stylesheets" => m.stylesheets = self.string_list("module", name, v),
                "layers" => m.layers = self.string_list("module", name, v),
                "extends" => m.extends = self.extends(v),
                "severity" => m.severity = self.severity(v),
                "charWrap" => {
                    self.int("module", name, v);
                }
                _ => {
                    if self.unknown_key("module", name, k, MODULE_KEYS)
                        && let Some(val) = text_of(v)
                    {
                        m.extra.push(Layer {
                            key: Spanned::new(name.into(), self.span(k)),
                            value: Spanned::new(val, self.span(v)),
                        });
                    }
                }
            }
        }
    }

    fn extends(&mut self, v: &Node) -> Vec<Extends> {
        let expected = "a list of `{module: name, develops: {id: [ids]}}`";
        let items: Vec<&Node> = match &v.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Map(_) => vec![v],
            _ if v.is_null() => Vec::new(),
            _ => {
                self.wrong_type("module", "extends", expected, v);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for item in items {
            let Value::Map(m) = &item.value else {
                self.wrong_type("module", "extends", expected, item);
                continue;
            };
            let mut module = None;
            let mut develops = Vec::new();
            for (name, k, val) in self.dedup("extends", m) {
                match name {
                    "module" => module = self.text("extends", name, val),
                    "develops" => match &val.value {
                        Value::Map(d) => {
                            for (foreign, fk, locals) in self.dedup("develops", d) {
                                let fr = RefName {
                                    name: foreign.into(),
                                    span: self.span(fk),
                                };
                                let locals = self.id_list("develops", foreign, locals);
                                develops.push((fr, locals));
                            }
                        }
                        _ => self.wrong_type(
                            "extends",
                            "develops",
                            "a mapping `{foreign id: [local ids]}`",
                            val,
                        ),
                    },
                    _ => {
                        self.unknown_key("extends", name, k, &[]);
                    }
                }
            }
            match module {
                Some(module) => out.push(Extends {
                    module,
                    target: None,
                    develops,
                }),
                None => self.diags.push(Diagnostic::new(
                    &codes::L003,
                    self.span(item),
                    "an `extends` entry needs `module: <name>`",
                )),
            }
        }
        out
    }

    fn severity(&mut self, v: &Node) -> Vec<crate::model::SeveritySetting> {
        let Value::Map(m) = &v.value else {
            if !v.is_null() {
                self.wrong_type(
                    "module",
                    "severity",
                    "a mapping `{code: allow | hint | warn | error}`",
                    v,
                );
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, k, val) in self.dedup("severity", m) {
            // A missing level is kept as "" so that configuration reports it (L012).
            let level = match text_of(val) {
                Some(t) => Spanned::new(t, self.span(val)),
                None if val.is_null() => Spanned::new("".into(), self.span(k)),
                None => {
                    self.wrong_type("severity", name, "a level (allow, hint, warn, error)", val);
                    continue;
                }
            };
            out.push((Spanned::new(name.into(), self.span(k)), level));
        }
        out
    }
}

/// Why `id` cannot be an element id, if it cannot.
pub fn id_problem(id: &str) -> Option<&'static str> {
    if id.trim().is_empty() {
        Some("it is empty")
    } else if id.contains("->") {
        Some("it contains `->`, which `challenges` uses to name a relationship")
    } else if id.chars().any(char::is_control) {
        Some("it contains a line break or control character")
    } else {
        None
    }
}

fn key_schema(k: &KeySpec) -> Json {
    let ids =
        json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]});
    let mut s = match k.ty {
        KeyType::Text => json!({"type": ["string", "number", "boolean"]}),
        KeyType::NonEmptyText => {
            json!({"type": ["string", "number", "boolean"], "minLength": 1, "pattern": "\\S"})
        }
        KeyType::IdList => ids.clone(),
        KeyType::Bool => json!({"type": "boolean"}),
        KeyType::Int => json!({"type": "integer"}),
        KeyType::StringList => {
            json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})
        }
        KeyType::TypeName => {
            json!({"enum": ElementKind::KNOWN.iter().map(|k| k.name()).collect::<Vec<_>>()})
        }
        KeyType::HorizontalIndex => json!({"oneOf": [
            {"type": "object", "properties": {"relative": {"type": "integer"}}, "required": ["relative"], "additionalProperties": false},
            {"type": "object", "properties": {"absolute": {"oneOf": [{"type": "integer"}, {"const": "last"}]}}, "required": ["absolute"], "additionalProperties": false}
        ]}),
        KeyType::AcpMap => json!({"type": "object", "additionalProperties": ids}),
        KeyType::Challenge => {
            json!({"type": "string", "pattern": "^\\s*[^\\s]+(\\s*->\\s*[^\\s]+)?\\s*$"})
        }
        KeyType::ExtendsList => json!({"type": "array", "items": {
            "type": "object",
            "properties": {
                "module": {"type": "string"},
                "develops": {"type": "object", "additionalProperties": ids}
            },
            "required": ["module"],
            "additionalProperties": false
        }}),
        KeyType::LinkLabels => json!({"oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "object", "additionalProperties": {"type": ["string", "number", "null"]}}
        ]}),
        KeyType::Choice => {
            let group = json!({
                "type": "object",
                "properties": {
                    "over": {"type": "array", "items": {"type": "string"}},
                    "label": {"type": ["string", "number"]}
                },
                "required": ["over"],
                "additionalProperties": false
            });
            // anyOf: an empty list is both a list of ids and a list of groups.
            json!({"anyOf": [
                {"type": "array", "items": {"type": "string"}},
                group.clone(),
                {"type": "array", "items": group}
            ]})
        }
        KeyType::SeverityMap => {
            json!({"type": "object", "additionalProperties": {"enum": ["allow", "off", "ignore", "hint", "info", "warn", "warning", "error", "deny"]}})
        }
    };
    if let Json::Object(o) = &mut s {
        o.insert("description".into(), Json::String(k.doc.into()));
    }
    s
}

/// The JSON Schema (draft-07) of a case file, derived from the key tables.
pub fn json_schema() -> Json {
    let props = |keys: &[KeySpec]| -> serde_json::Map<String, Json> {
        keys.iter()
            .map(|k| (k.name.to_string(), key_schema(k)))
            .collect()
    };
    let mut element_props = props(ELEMENT_KEYS);
    let mut module_props = props(MODULE_KEYS);
    for r in RESERVED_KEYS {
        let reserved = json!({"description": "Reserved for a later version of the format; ignored with a warning."});
        element_props.insert((*r).to_string(), reserved.clone());
        module_props.insert((*r).to_string(), reserved);
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://assure.dev/schema/case.json",
        "title": "assure case file (a superset of the gsn2x YAML dialect)",
        "description": "One file is one module: a mapping from element ids to elements, plus an optional `module` block. See docs/format.md.",
        "type": "object",
        "properties": {
            "module": {
                "type": "object",
                "description": "The module block.",
                "properties": module_props,
                "additionalProperties": {"type": ["string", "number", "boolean", "null"]}
            }
        },
        "additionalProperties": {"$ref": "#/definitions/element"},
        "definitions": {
            "element": {
                "type": ["object", "null"],
                "description": "An element. Its type comes from the id prefix (CG, G, CSn, Sn, S, C, A, J) or from `type`/`nodeType`. Unknown keys with scalar values are kept as layers.",
                "properties": element_props,
                "additionalProperties": {"type": ["string", "number", "boolean", "null"]}
            }
        }
    })
}
