//! The diagnostic codes the loader itself emits (`L…`). Rule codes live in
//! `assure-check`, one file per rule; these live together because they are
//! all facets of one thing: reading files.

use crate::diag::{CodeMeta, Severity};

/// Not well-formed YAML or JSON.
pub static L001: CodeMeta = CodeMeta {
    code: "L001",
    name: "invalid-syntax",
    summary: "The file is not well-formed YAML (or JSON)",
    default_severity: Severity::Error,
    configurable: false,
    clause: "format",
    gsn2x: None,
    doc: "## What it checks\n\nThe file must parse as one YAML 1.2 document (JSON files are read as the YAML subset they are). \
Tabs in indentation, unclosed brackets or quotes, bad indentation, a second `---` document and a top level that is not a mapping are reported here, \
at the line and column where the parser stopped. Elements read before that point are still checked.\n\n\
## Why\n\nA case that does not parse cannot be checked; pointing at the exact place saves a hunt.\n\n\
## Example\n\n```yaml\nG1:\n\ttext: indented with a tab\n```\n\nUse instead:\n\n```yaml\nG1:\n  text: indented with spaces\n```\n",
};

/// Not UTF-8.
pub static L002: CodeMeta = CodeMeta {
    code: "L002",
    name: "invalid-encoding",
    summary: "The file is not valid UTF-8",
    default_severity: Severity::Error,
    configurable: false,
    clause: "format",
    gsn2x: None,
    doc: "## What it checks\n\nCase files are UTF-8 (a leading byte-order mark is accepted and ignored). \
The first invalid byte is reported with its line and column; UTF-16 files are recognised by their byte-order mark and named as such.\n\n\
## Why\n\nText exchanged between organisations must mean the same everywhere; guessing encodings silently corrupts statements.\n\n\
## Example\n\nA file saved as Latin-1 containing `Sch\\xe4den` fails; re-save it as UTF-8.\n",
};

/// A key's value has the wrong type.
pub static L003: CodeMeta = CodeMeta {
    code: "L003",
    name: "wrong-value-type",
    summary: "A key's value has the wrong type",
    default_severity: Severity::Error,
    configurable: false,
    clause: "format",
    gsn2x: None,
    doc: "## What it checks\n\nEach key of the format expects a kind of value (see `docs/format.md`): `text` a string, `supportedBy` an id or a list of ids, \
`undeveloped` a boolean, `horizontalIndex` a mapping with `relative` or `absolute`, and so on. The message names the key, the expected type and what was found.\n\n\
## Why\n\nA mistyped value silently dropped would change the argument; a vague parser error (\"did not match any variant\") does not say what to fix.\n\n\
## Example\n\n```yaml\nG1:\n  text: A claim\n  undeveloped: maybe\n```\n\nUse instead:\n\n```yaml\nG1:\n  text: A claim\n  undeveloped: true\n```\n",
};

/// Unknown key.
pub static L004: CodeMeta = CodeMeta {
    code: "L004",
    name: "unknown-key",
    summary: "A key the format does not know (kept as a gsn2x layer)",
    default_severity: Severity::Warning,
    configurable: true,
    clause: "format (gsn2x layers)",
    gsn2x: None,
    doc: "## What it checks\n\ngsn2x keeps any unknown key as a \"layer\" of extra information, so a typo such as `supportedby:` silently drops a relationship. \
assure keeps the key as a layer too (files stay compatible) but warns, and suggests the known key when the name is close (`did you mean supportedBy?`). \
Declare intended layers in the module block (`module: {layers: [risk, owner_note]}`) to silence the warning for them.\n\n\
## Why\n\nA misspelt relationship key removes part of the argument without any other symptom.\n\n\
## Example\n\n```yaml\nG1:\n  text: A claim\n  supportedby: [Sn1]\nSn1:\n  text: Test report TR-1\n```\n\nUse instead:\n\n```yaml\nG1:\n  text: A claim\n  supportedBy: [Sn1]\nSn1:\n  text: Test report TR-1\n```\n",
};

/// Duplicate key in one mapping.
pub static L005: CodeMeta = CodeMeta {
    code: "L005",
    name: "duplicate-key",
    summary: "The same key appears twice in one mapping",
    default_severity: Severity::Error,
    configurable: false,
    clause: "format",
    gsn2x: None,
    doc: "## What it checks\n\nA key written twice in the same element or module block (`text:` twice, say). The first value is used; the second is reported. \
(A second element with the same id is rule G001.)\n\n## Why\n\nYAML forbids duplicate keys; tools disagree on which value wins.\n\n\
## Example\n\n```yaml\nG1:\n  text: First\n  text: Second\n```\n",
};

/// A `uses` target that cannot be read.
pub static L006: CodeMeta = CodeMeta {
    code: "L006",
    name: "missing-module-file",
    summary: "A `uses` entry names a file that cannot be read",
    default_severity: Severity::Error,
    configurable: false,
    clause: "GSN 1:4 (module dependencies)",
    gsn2x: Some("C06"),
    doc: "## What it checks\n\nEvery path under `module: uses:` is read relative to the file that names it; a missing or unreadable file is reported at the entry.\n\n\
## Why\n\nA dependency that cannot be loaded leaves every reference into it unresolved.\n\n## Example\n\n```yaml\nmodule:\n  name: Main\n  uses: [hazards.gsn.yaml]   # no such file\n```\n",
};

/// Circular `uses`.
pub static L007: CodeMeta = CodeMeta {
    code: "L007",
    name: "circular-uses",
    summary: "Modules use each other in a circle",
    default_severity: Severity::Error,
    configurable: false,
    clause: "GSN 1:4.5.2",
    gsn2x: Some("C06"),
    doc: "## What it checks\n\nA chain of `uses:` that returns to a file already being loaded (`a` uses `b`, `b` uses `a`). Each module is loaded once; the closing entry is reported with the chain as related locations.\n\n\
## Why\n\nModule dependencies must form a hierarchy; a circle has no bottom to argue from.\n\n## Example\n\n```yaml\n# a.gsn.yaml\nmodule: {name: A, uses: [b.gsn.yaml]}\n# b.gsn.yaml\nmodule: {name: B, uses: [a.gsn.yaml]}\n```\n",
};

/// A path leaving the case folder.
pub static L008: CodeMeta = CodeMeta {
    code: "L008",
    name: "path-outside-case",
    summary: "A `uses` path leads outside the case folder",
    default_severity: Severity::Error,
    configurable: false,
    clause: "security (files from other organisations)",
    gsn2x: None,
    doc: "## What it checks\n\n`uses` paths must stay inside the folder of the case being loaded (the folder of the file or directory given on the command line): \
absolute paths and paths whose `..` (or a symbolic link) leave it are refused and not read.\n\n\
## Why\n\nCases arrive from other organisations; a case must not make the tool read files elsewhere on the reader's machine.\n\n\
## Example\n\n```yaml\nmodule:\n  name: Main\n  uses: [../../etc/passwd]\n```\n",
};

/// A limit was exceeded.
pub static L009: CodeMeta = CodeMeta {
    code: "L009",
    name: "limit-exceeded",
    summary: "Input exceeds a documented limit (size, nesting, aliases, count)",
    default_severity: Severity::Error,
    configurable: false,
    clause: "robustness",
    gsn2x: None,
    doc: "## What it checks\n\nThe loader's limits (see `docs/format.md#limits`): file size, nesting depth, YAML alias expansion, number of files and elements. \
Each is far above what real cases need, and each protects against hostile input such as alias bombs.\n\n\
## Why\n\nA case handed over by another organisation must not be able to exhaust the reader's memory or time.\n\n\
## Example\n\n```yaml\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n# ... and so on: exponential growth\n```\n",
};

/// A reserved key.
pub static L010: CodeMeta = CodeMeta {
    code: "L010",
    name: "reserved-key",
    summary: "A key reserved for a later version of the format",
    default_severity: Severity::Warning,
    configurable: true,
    clause: "format",
    gsn2x: None,
    doc: "## What it checks\n\nKeys such as `evidence`, `imports`, `discharges`, `cites`, `interface` and the pattern-definition keys `pattern` and `parameters` \
are reserved for capabilities that are being added. This version ignores them and says so, rather than keeping them as layers whose meaning would change later.\n\n\
## Why\n\nA key that looks meaningful but is ignored gives false confidence.\n\n## Example\n\n```yaml\nSn1:\n  text: Test report TR-1\n  evidence: reports/tr-1.pdf\n```\n",
};

/// An invalid element identifier.
pub static L011: CodeMeta = CodeMeta {
    code: "L011",
    name: "invalid-id",
    summary: "An element identifier is empty or contains characters ids may not hold",
    default_severity: Severity::Error,
    configurable: false,
    clause: "GSN 1:2.1.2",
    gsn2x: None,
    doc: "## What it checks\n\nIdentifiers must be non-empty, single-line, and free of control characters and of the `->` that the `challenges` key uses to name a relationship.\n\n\
## Why\n\nAn identifier is how other elements, other modules and other organisations cite an element; it must be writable in every reference.\n\n\
## Example\n\n```yaml\n\"G1 -> G2\":\n  text: Not an id\n```\n",
};

/// Bad rule configuration.
pub static L012: CodeMeta = CodeMeta {
    code: "L012",
    name: "invalid-configuration",
    summary: "A severity setting names an unknown rule or level",
    default_severity: Severity::Warning,
    configurable: true,
    clause: "configuration",
    gsn2x: None,
    doc: "## What it checks\n\nEntries under `module: severity:` (or `[severity]` in `assure.toml`) must name a known rule code or name and one of `allow`, `hint`, `warn`, `error`. \
Non-configurable codes (syntax errors and the like) cannot be changed.\n\n\
## Why\n\nA misspelt code would silently leave a rule at its default.\n\n## Example\n\n```yaml\nmodule:\n  name: Main\n  severity:\n    T001: sometimes\n```\n",
};

/// Every loader code.
pub static ALL: [&CodeMeta; 12] = [
    &L001, &L002, &L003, &L004, &L005, &L006, &L007, &L008, &L009, &L010, &L011, &L012,
];
