//! The interactive HTML report: one self-contained file (fonts, styles,
//! script, diagrams inside; nothing fetched), usable from `file://`.
//!
//! Layout of the page: header (case, owner, modules, version), dashboard,
//! diagrams (one tab per module view plus the architecture view, pannable
//! and zoomable, with an element panel), registers (elements, evidence,
//! assumptions and justifications, glossary, findings: sortable, filterable,
//! CSV), the notation legend.
//!
//! The header, dashboard and legend are written as HTML here and read
//! without a script. The script (`assets/report.js`) adds the diagrams (kept
//! in inert `<template>`s and attached one at a time), the element panel,
//! search, and the registers, whose rows are data (cells as HTML escaped
//! here) drawn a page at a time and sorted, filtered and exported as CSV
//! over all rows — so a 10,000-element case opens in a few seconds.
//!
//! Security invariants: every case string goes through [`crate::esc`]; the
//! page carries a Content-Security-Policy allowing only its own script and
//! style (by hash), `data:` fonts and images, no connections, no forms, no
//! base URL; the element data is JSON in a non-executed script block with
//! every `<` escaped; links from a case are http(s)/mailto only.

use crate::b64;
use crate::data::{ReportData, always_counted, kind_label};
use crate::diagrams::Diagram;
use crate::esc::{push_attr, push_markdown, push_text, text};
use assure_core::Severity;
use assure_core::model::ElementKind;
use assure_layout::Scene;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::fmt::Write;

const SCRIPT: &str = include_str!("../assets/report.js");
const STYLE: &str = include_str!("../assets/report.css");

/// Options of [`html`].
#[derive(Clone, Debug)]
pub struct HtmlOptions {
    /// Embed the DejaVu Sans fonts the diagrams are measured with (about
    /// 2 MB); without them the browser's sans-serif is used and long lines
    /// may overflow their boxes slightly.
    pub embed_fonts: bool,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions { embed_fonts: true }
    }
}

fn sha256_b64(s: &str) -> String {
    b64::encode(&Sha256::digest(s.as_bytes()))
}

/// The page's style: fonts, the diagrams' default look, the report's own.
fn style(opts: &HtmlOptions) -> String {
    let mut css = String::with_capacity(STYLE.len() + 2_000_000);
    if opts.embed_fonts {
        for (font, weight) in [
            (assure_layout::text::FONT_REGULAR, "normal"),
            (assure_layout::text::FONT_BOLD, "bold"),
        ] {
            let _ = writeln!(
                css,
                "@font-face{{font-family:'DejaVu Sans';font-weight:{weight};font-style:normal;src:url(data:font/ttf;base64,{})}}",
                b64::encode(font)
            );
        }
    }
    css.push_str(assure_render::DEFAULT_CSS);
    css.push('\n');
    css.push_str(STYLE);
    css
}

fn id_link(out: &mut String, id: &str) {
    out.push_str("<a class=\"ar-ref\" href=\"#");
    push_attr(out, &assure_render::escape::fragment(id));
    out.push_str("\">");
    push_text(out, id);
    out.push_str("</a>");
}

fn id_links(out: &mut String, data: &ReportData, list: &[usize]) {
    for (k, &i) in list.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        id_link(out, &data.elements[i].id);
    }
}

fn header(out: &mut String, data: &ReportData) {
    out.push_str("<header class=\"ar-header\"><h1>");
    push_text(out, &data.title);
    out.push_str("</h1><dl class=\"ar-meta\">");
    if let Some(o) = &data.owner {
        out.push_str("<dt>Owner</dt><dd>");
        push_text(out, o);
        out.push_str("</dd>");
    }
    out.push_str("<dt>Modules</dt><dd>");
    for (i, m) in data.modules.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str("<span class=\"ar-module\" title=\"");
        push_attr(out, &m.file);
        out.push_str("\">");
        push_text(out, &m.name);
        out.push_str("</span>");
        if let Some(o) = &m.owner
            && Some(o) != data.owner.as_ref()
        {
            out.push_str(" (");
            push_text(out, o);
            out.push(')');
        }
    }
    out.push_str("</dd><dt>Version</dt><dd>");
    match &data.meta.commit {
        Some(c) => {
            out.push_str("commit <code>");
            push_text(out, c);
            out.push_str("</code>");
            if data.meta.dirty {
                out.push_str(" with uncommitted changes");
            }
            out.push_str("; ");
        }
        None => out.push_str("not under version control; "),
    }
    out.push_str("content SHA-256 <code class=\"ar-hash\">");
    push_text(out, &data.content_hash);
    out.push_str("</code></dd>");
    if let Some(d) = &data.meta.date {
        out.push_str("<dt>Date</dt><dd>");
        push_text(out, d);
        out.push_str("</dd>");
    }
    out.push_str("<dt>Made with</dt><dd>");
    push_text(out, &data.meta.generator);
    out.push_str("</dd></dl>");
    if let Some(brief) = data.modules.first().and_then(|m| m.brief.as_deref()) {
        out.push_str("<p class=\"ar-brief\">");
        push_text(out, brief);
        out.push_str("</p>");
    }
    out.push_str("</header>\n");
}

fn nav(out: &mut String) {
    out.push_str(
        "<nav class=\"ar-nav\"><a href=\"#ar-dashboard\">Dashboard</a><a href=\"#ar-diagrams\">Diagrams</a>\
<a href=\"#ar-elements\">Elements</a><a href=\"#ar-evidence\">Evidence</a><a href=\"#ar-assumptions\">Assumptions</a>\
<a href=\"#ar-glossary\">Glossary</a><a href=\"#ar-findings\">Findings</a><a href=\"#ar-legend\">Legend</a>\
<span class=\"ar-search\"><input id=\"ar-search\" type=\"search\" placeholder=\"Search ids and text (press /)\" autocomplete=\"off\" aria-label=\"Search elements\" disabled>\
<span id=\"ar-results\" class=\"ar-results\" role=\"listbox\" hidden></span></span></nav>\n",
    );
}

fn card_start(out: &mut String, title: &str) {
    out.push_str("<div class=\"ar-card\"><h3>");
    push_text(out, title);
    out.push_str("</h3>");
}

fn dashboard(out: &mut String, data: &ReportData) {
    out.push_str("<section id=\"ar-dashboard\"><h2>Dashboard</h2><div class=\"ar-cards\">");

    card_start(out, "Elements");
    out.push_str("<table class=\"ar-mini\">");
    for (k, n) in data.counts() {
        if n == 0 && !always_counted(k) {
            continue;
        }
        let _ = write!(
            out,
            "<tr><th>{}</th><td data-count=\"{}\">{n}</td></tr>",
            kind_label(k),
            k.name()
        );
    }
    let _ = write!(
        out,
        "<tr class=\"ar-total\"><th>Total</th><td data-count=\"total\">{}</td></tr></table></div>",
        data.elements.len()
    );

    card_start(out, "Findings");
    out.push_str("<table class=\"ar-mini\">");
    for s in [Severity::Error, Severity::Warning, Severity::Hint] {
        let n = data.findings_of(s);
        let _ = write!(
            out,
            "<tr class=\"ar-sev-{0}\"><th>{0}s</th><td data-count=\"{0}\">{n}</td></tr>",
            s.as_str()
        );
    }
    out.push_str("</table><p><a href=\"#ar-findings\">All findings</a></p></div>");

    let undeveloped = data.undeveloped_goals();
    card_start(out, "Undeveloped goals");
    let _ = write!(
        out,
        "<p class=\"ar-big\" data-count=\"undeveloped\">{}</p>",
        undeveloped.len()
    );
    if !undeveloped.is_empty() {
        out.push_str("<p>");
        let shown = &undeveloped[..undeveloped.len().min(30)];
        id_links(out, data, shown);
        if undeveloped.len() > shown.len() {
            let _ = write!(out, " and {} more", undeveloped.len() - shown.len());
        }
        out.push_str("</p>");
    }
    out.push_str("</div>");

    card_start(out, "Assumptions by owner");
    let groups = data.assumptions_by_owner();
    if groups.is_empty() {
        out.push_str("<p>No assumptions.</p>");
    }
    for (owner, external, list) in &groups {
        out.push_str(if *external {
            "<div class=\"ar-owner ar-external\"><h4>"
        } else {
            "<div class=\"ar-owner\"><h4>"
        });
        match owner {
            Some(o) => push_text(out, o),
            None => out.push_str("No owner stated"),
        }
        let _ = write!(out, " <span class=\"ar-n\">({})</span>", list.len());
        if *external {
            out.push_str(" <span class=\"ar-badge\">to be upheld by another organisation</span>");
        }
        out.push_str("</h4><p>");
        let shown = &list[..list.len().min(30)];
        id_links(out, data, shown);
        if list.len() > shown.len() {
            let _ = write!(out, " and {} more", list.len() - shown.len());
        }
        out.push_str("</p></div>");
    }
    out.push_str("</div>");

    card_start(out, "Evidence");
    out.push_str("<table class=\"ar-mini\">");
    for (s, n) in data.evidence_counts() {
        let _ = write!(
            out,
            "<tr><th>{}</th><td data-count=\"{}\">{n}</td></tr>",
            s.label(),
            s.label().replace(' ', "-")
        );
    }
    out.push_str("</table><p><a href=\"#ar-evidence\">Evidence register</a></p></div>");

    card_start(out, "Six-step status of goals");
    out.push_str("<table class=\"ar-mini\">");
    for (label, count) in data.goals_by_step() {
        let _ = write!(out, "<tr><th>{label}</th><td>{count}</td></tr>");
    }
    out.push_str("</table></div>");

    out.push_str("</div></section>\n");
}

fn diagrams_section(out: &mut String, diagrams: &[Diagram]) {
    out.push_str(
        "<section id=\"ar-diagrams\"><h2>Diagrams</h2><div class=\"ar-tabs\" role=\"tablist\">",
    );
    for (i, d) in diagrams.iter().enumerate() {
        let _ = write!(
            out,
            "<button type=\"button\" role=\"tab\" data-view=\"{i}\" aria-selected=\"false\">"
        );
        push_text(out, &d.title);
        out.push_str("</button>");
    }
    out.push_str(
        "</div><div class=\"ar-workspace\"><div class=\"ar-viewer\"><div id=\"ar-canvas\" class=\"ar-canvas\" tabindex=\"0\" aria-label=\"Diagram: drag to pan, wheel to zoom\">\
<noscript><p>The diagrams need JavaScript. <code>assure render</code> writes the same diagrams as SVG files.</p></noscript></div>\
<div class=\"ar-zoom\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">\u{2212}</button>\
<button type=\"button\" data-zoom=\"fit\" title=\"Whole diagram\">Fit</button></div></div>\
<aside id=\"ar-details\" class=\"ar-details\" aria-live=\"polite\"><p class=\"ar-hint\">Click an element in a diagram or a register to see its details here.</p></aside></div></section>\n",
    );
}

/// A register: the section's frame is HTML; its rows are data (cells as
/// HTML made and escaped here) that the script shows a page at a time, so a
/// register of 10,000 rows costs the browser no more than one of 300.
/// `cols` are (header, sort type); each row is its `data-id` and cells.
#[allow(clippy::too_many_arguments)]
fn register(
    out: &mut String,
    regs: &mut Vec<Value>,
    name: &str,
    title: &str,
    intro: &str,
    cols: &[(&str, &str)],
    rows: Vec<(String, Vec<String>)>,
    extra_class: impl Fn(usize) -> Option<&'static str>,
) {
    let _ = write!(
        out,
        "<section id=\"ar-{name}\"><h2>{title}</h2><p class=\"ar-intro\">{intro}</p>\
<div class=\"ar-register\" data-register=\"{name}\" data-rows=\"{}\"><div class=\"ar-tools\">\
<input type=\"search\" class=\"ar-filter\" placeholder=\"Filter rows\" aria-label=\"Filter {title}\" disabled>\
<span class=\"ar-count\">{} rows</span><button type=\"button\" class=\"ar-csv\" disabled>Download CSV</button></div>\
<table><thead><tr>",
        rows.len(),
        rows.len()
    );
    for (h, sort) in cols {
        let _ = write!(
            out,
            "<th data-sort=\"{sort}\" aria-sort=\"none\" tabindex=\"0\">{h}</th>"
        );
    }
    out.push_str("</tr></thead><tbody></tbody></table><noscript><p>The registers need JavaScript; <code>assure report --format md</code> writes them as text.</p></noscript>\
<p class=\"ar-more\" hidden><button type=\"button\">Show more rows</button></p></div></section>\n");
    let rows: Vec<Value> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (id, cells))| {
            let mut v = json!({"i": id, "h": cells});
            if let (Some(c), Some(o)) = (extra_class(i), v.as_object_mut()) {
                o.insert("c".into(), json!(c));
            }
            v
        })
        .collect();
    regs.push(json!({"name": name, "rows": rows}));
}

fn cell_id(data: &ReportData, i: usize) -> String {
    let mut s = String::new();
    id_link(&mut s, &data.elements[i].id);
    s
}

fn cell_links(data: &ReportData, list: &[usize]) -> String {
    let mut s = String::new();
    id_links(&mut s, data, list);
    s
}

fn cell_md(t: &str) -> String {
    let mut s = String::new();
    push_markdown(&mut s, t);
    s
}

fn cell_opt(t: Option<&str>) -> String {
    t.map(text).unwrap_or_default()
}

fn registers(out: &mut String, data: &ReportData) -> Vec<Value> {
    let mut regs = Vec::new();
    let all: Vec<usize> = data.of_kinds(&ElementKind::KNOWN);
    let mut unknown = data.of_kinds(&[ElementKind::Unknown]);
    let mut all = all;
    all.append(&mut unknown);
    let rows: Vec<(String, Vec<String>)> = all
        .iter()
        .map(|&i| {
            let e = &data.elements[i];
            let status = match (&e.steps, e.evidence) {
                (Some(s), _) => s.label(e.undeveloped),
                (None, Some(ev)) => ev.label().to_string(),
                _ if e.undeveloped => "undeveloped".into(),
                _ => String::new(),
            };
            (
                e.id.clone(),
                vec![
                    cell_id(data, i),
                    kind_label(e.kind),
                    text(&data.modules[e.module].name),
                    cell_md(&e.text),
                    text(&status),
                    e.findings.len().to_string(),
                ],
            )
        })
        .collect();
    register(
        out,
        &mut regs,
        "elements",
        "Elements",
        "Every element of the case. Click an id to see it in its diagram.",
        &[
            ("Id", "id"),
            ("Type", "text"),
            ("Module", "text"),
            ("Statement", "text"),
            ("Status", "text"),
            ("Findings", "num"),
        ],
        rows,
        |_| None,
    );

    let ev = data.of_kinds(&[ElementKind::Solution, ElementKind::CounterSolution]);
    let rows: Vec<(String, Vec<String>)> = ev
        .iter()
        .map(|&i| {
            let e = &data.elements[i];
            let reference = match (&e.url, &e.unsafe_url) {
                (Some(u), _) => {
                    let mut s = String::from("<a href=\"");
                    push_attr(&mut s, u);
                    s.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
                    push_text(&mut s, u);
                    s.push_str("</a>");
                    s
                }
                (None, Some(u)) => format!("<span class=\"ar-unsafe\">{}</span>", text(u)),
                _ => String::new(),
            };
            let target = if e.kind == ElementKind::CounterSolution {
                &e.challenges
            } else {
                &e.supports
            };
            (
                e.id.clone(),
                vec![
                    cell_id(data, i),
                    cell_md(&e.text),
                    reference,
                    cell_links(data, target),
                    cell_opt(e.owner.as_deref()),
                    text(e.evidence.map_or("counter evidence", |s| s.label())),
                    text(&data.modules[e.module].name),
                ],
            )
        })
        .collect();
    register(
        out,
        &mut regs,
        "evidence",
        "Evidence register",
        "Solutions and the evidence they reference, with the claims they support.",
        &[
            ("Id", "id"),
            ("Solution", "text"),
            ("Reference", "text"),
            ("Supports", "text"),
            ("Owner", "text"),
            ("Status", "text"),
            ("Module", "text"),
        ],
        rows,
        |_| None,
    );

    let aj = data.of_kinds(&[ElementKind::Assumption, ElementKind::Justification]);
    let rows: Vec<(String, Vec<String>)> = aj
        .iter()
        .map(|&i| {
            let e = &data.elements[i];
            let owner = match (&e.owner, e.external) {
                (Some(o), true) => format!("{} <span class=\"ar-badge\">external</span>", text(o)),
                (o, _) => cell_opt(o.as_deref()),
            };
            (
                e.id.clone(),
                vec![
                    cell_id(data, i),
                    kind_label(e.kind),
                    cell_md(&e.text),
                    owner,
                    cell_links(data, &e.context_of),
                    text(&data.modules[e.module].name),
                ],
            )
        })
        .collect();
    register(
        out,
        &mut regs,
        "assumptions",
        "Assumptions and justifications",
        "Assumptions owned by another organisation are obligations on that organisation: they are highlighted.",
        &[
            ("Id", "id"),
            ("Type", "text"),
            ("Statement", "text"),
            ("Owner", "text"),
            ("Applies to", "text"),
            ("Module", "text"),
        ],
        rows,
        |k| data.elements[aj[k]].external.then_some("ar-external"),
    );

    let cx = data.of_kinds(&[ElementKind::Context]);
    let rows: Vec<(String, Vec<String>)> = cx
        .iter()
        .map(|&i| {
            let e = &data.elements[i];
            (
                e.id.clone(),
                vec![
                    cell_id(data, i),
                    cell_md(&e.text),
                    cell_links(data, &e.context_of),
                    text(&data.modules[e.module].name),
                ],
            )
        })
        .collect();
    register(
        out,
        &mut regs,
        "glossary",
        "Glossary of context",
        "The contexts of the case: the defined terms, documents and environments its claims are made in.",
        &[
            ("Id", "id"),
            ("Definition", "text"),
            ("Applies to", "text"),
            ("Module", "text"),
        ],
        rows,
        |_| None,
    );

    let rows: Vec<(String, Vec<String>)> = data
        .findings
        .iter()
        .map(|f| {
            let mut msg = text(&f.message);
            if let Some(h) = &f.help {
                msg.push_str("<br><span class=\"ar-help\">");
                push_text(&mut msg, h);
                msg.push_str("</span>");
            }
            (
                f.element
                    .map(|e| data.elements[e].id.clone())
                    .unwrap_or_default(),
                vec![
                    format!(
                        "<span class=\"ar-sev ar-sev-{0}\">{0}</span>",
                        f.severity.as_str()
                    ),
                    text(&f.code),
                    f.element.map(|e| cell_id(data, e)).unwrap_or_default(),
                    msg,
                    text(&format!(
                        "{}:{}:{}",
                        f.location.0, f.location.1, f.location.2
                    )),
                ],
            )
        })
        .collect();
    register(
        out,
        &mut regs,
        "findings",
        "Findings",
        "What <code>assure check</code> reports about the case: GSN v3 rules, ISO/TS 81001-2-1 requirements and the format.",
        &[
            ("Severity", "sev"),
            ("Code", "text"),
            ("Element", "id"),
            ("Message", "text"),
            ("Location", "text"),
        ],
        rows,
        |_| None,
    );
    regs
}

/// The data the script needs (details panel, search, register rows), as JSON.
fn element_json(data: &ReportData, diagrams: &[Diagram], registers: Vec<Value>) -> Value {
    let elements: Vec<Value> = data
        .elements
        .iter()
        .map(|e| {
            let mut text_html = String::new();
            push_markdown(&mut text_html, &e.text);
            let mut v = json!({
                "i": e.id,
                "k": kind_label(e.kind),
                "m": e.module,
                "t": e.text,
                "h": text_html,
                "l": format!("{}:{}:{}", e.location.0, e.location.1, e.location.2),
            });
            let o = v.as_object_mut();
            if let Some(o) = o {
                let mut put = |k: &str, list: &[usize]| {
                    if !list.is_empty() {
                        o.insert(k.into(), json!(list));
                    }
                };
                put("s", &e.supports);
                put("b", &e.supported_by);
                put("c", &e.context);
                put("n", &e.inherited);
                put("co", &e.context_of);
                put("ch", &e.challenges);
                put("cb", &e.challenged_by);
                put("f", &e.findings);
                if let Some(ow) = &e.owner {
                    o.insert("o".into(), json!(ow));
                }
                if e.external {
                    o.insert("x".into(), json!(1));
                }
                if let Some(u) = &e.url {
                    o.insert("u".into(), json!(u));
                }
                if let Some(u) = &e.unsafe_url {
                    o.insert("uu".into(), json!(u));
                }
                if e.undeveloped {
                    o.insert("d".into(), json!(1));
                }
                if e.defeated {
                    o.insert("df".into(), json!(1));
                }
                if let Some(s) = &e.steps {
                    o.insert(
                        "st".into(),
                        json!({"r": s.reached, "d": s.done, "m": s.missing, "label": s.label(e.undeveloped)}),
                    );
                }
                if let Some(ev) = e.evidence {
                    o.insert("ev".into(), json!(ev.label()));
                }
            }
            v
        })
        .collect();
    let findings: Vec<Value> = data
        .findings
        .iter()
        .map(|f| {
            json!({
                "c": f.code,
                "s": f.severity.as_str(),
                "m": f.message,
                "h": f.help,
                "l": format!("{}:{}:{}", f.location.0, f.location.1, f.location.2),
            })
        })
        .collect();
    let views: Vec<Value> = diagrams
        .iter()
        .map(|d| {
            // Each box of the view (x, y, w, h, in drawing order): the script
            // keeps only the elements near the screen in the document.
            let boxes: Vec<f32> = d
                .scene
                .nodes
                .iter()
                .flat_map(|n| [n.x, n.y, n.w, n.h])
                .map(|v| (v * 10.0).round() / 10.0)
                .collect();
            json!({"t": d.title, "stem": d.stem, "m": d.module, "b": boxes})
        })
        .collect();
    let modules: Vec<Value> = data.modules.iter().map(|m| json!(m.name)).collect();
    json!({
        "elements": elements,
        "findings": findings,
        "views": views,
        "modules": modules,
        "registers": registers,
    })
}

/// JSON safe inside a `<script type="application/json">` block: no `<`,
/// `>` or `&` (so nothing can close the block), and every control character
/// of the case written as the visible text `U+XXXX` (the script shows these
/// strings with `textContent`, where a bidi override would still act) —
/// whether it appears raw or as a JSON escape (`\u0007`, `\b`, `\f`).
fn script_safe_json(v: &Value) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 50);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if crate::esc::is_control(ch) => {
                            let _ = write!(out, "U+{:04X}", ch as u32);
                        }
                        _ => {
                            out.push_str("\\u");
                            out.push_str(&hex);
                        }
                    }
                }
                Some('b') => out.push_str("U+0008"),
                Some('f') => out.push_str("U+000C"),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            c if crate::esc::is_control(c) => {
                let _ = write!(out, "U+{:04X}", c as u32);
            }
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// An SVG from the diagram phase, inline in HTML: without its XML prolog.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// The whole report page.
pub fn html(data: &ReportData, diagrams: &[Diagram], legend: &Scene, opts: &HtmlOptions) -> String {
    let css = style(opts);
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
        sha256_b64(SCRIPT),
        sha256_b64(&css)
    );
    let mut out = String::with_capacity(css.len() + 4096 + data.elements.len() * 2500);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
    push_attr(&mut out, &csp);
    out.push_str("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"");
    push_attr(&mut out, &data.meta.generator);
    out.push_str("\">\n<title>");
    push_text(&mut out, &data.title);
    out.push_str(" \u{2014} assurance case report</title>\n<style>");
    out.push_str(&css);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, data);
    nav(&mut out);
    out.push_str("<main>\n");
    dashboard(&mut out, data);
    diagrams_section(&mut out, diagrams);
    let regs = registers(&mut out, data);
    out.push_str("<section id=\"ar-legend\"><h2>Notation</h2><p class=\"ar-intro\">The Goal Structuring Notation (GSN Community Standard v3). Solid arrowheads: supported by; hollow: in context of; dashed red with an open arrowhead: challenges.</p><div class=\"ar-legend\">");
    // The legend's element ids are not the case's: drop them, so `#G1`
    // never lands on the legend.
    let legend_svg = assure_render::svg(
        legend,
        &assure_render::SvgOptions {
            default_style: false,
            ..assure_render::SvgOptions::default()
        },
    )
    .replace("<g id=\"", "<g data-legend=\"");
    out.push_str(inline_svg(&legend_svg));
    out.push_str("</div></section>\n</main>\n");
    for (i, d) in diagrams.iter().enumerate() {
        let _ = write!(out, "<template id=\"ar-view-{i}\">");
        out.push_str(inline_svg(&d.svg(false)));
        out.push_str("</template>\n");
    }
    out.push_str("<script type=\"application/json\" id=\"ar-data\">");
    out.push_str(&script_safe_json(&element_json(data, diagrams, regs)));
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::script_safe_json;
    use serde_json::json;

    #[test]
    fn json_block_is_inert_and_controls_visible() {
        let v = json!({"t": "</script>\u{7}\u{8}\u{c}\u{202E}\\u0007 ok\n"});
        let s = script_safe_json(&v);
        assert_eq!(
            s,
            r#"{"t":"\u003c/script\u003eU+0007U+0008U+000CU+202E\\u0007 ok\n"}"#
        );
        // Still valid JSON with the same meaning apart from the controls.
        let back: serde_json::Value = serde_json::from_str(&s).expect("valid");
        assert_eq!(back["t"], "</script>U+0007U+0008U+000CU+202E\\u0007 ok\n");
    }
}
