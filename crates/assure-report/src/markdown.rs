//! The Markdown report: the HTML report's content as text and tables, with
//! the diagrams as SVG images beside it, for git reviews and wikis.
//!
//! Case text is written so that it renders literally in CommonMark and
//! GitHub Markdown ([`esc::push_md`](crate::esc::push_md)): no HTML, no
//! link or image from a case takes effect except http(s)/mailto links
//! written in the case's own light Markdown.

use crate::data::{ReportData, always_counted, kind_label};
use crate::diagrams::Diagram;
use crate::esc::{md, push_md, safe_url};
use assure_core::Severity;
use assure_core::model::ElementKind;
use assure_layout::text::wrap;
use std::fmt::Write;

/// A Markdown report and the images it links.
#[derive(Clone, Debug)]
pub struct MarkdownReport {
    /// The Markdown text.
    pub text: String,
    /// Images: file name inside the image folder, SVG text.
    pub images: Vec<(String, String)>,
}

/// File name of the legend image (`file_stem` never makes a name starting
/// with `_l`, so no module view can take it).
pub const LEGEND_FILE: &str = "_legend.svg";

/// The GitHub-style heading anchor of an element id.
pub fn anchor(id: &str) -> String {
    let mut s = String::from("el-");
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            s.push(c);
        } else if c == ' ' {
            s.push('-');
        }
    }
    s
}

/// A URL inside `( )` of a Markdown link: parentheses, spaces and `<>`
/// percent-encoded.
fn md_url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c => out.push(c),
        }
    }
    out
}

/// A statement's light Markdown, re-written safely on one line: bold,
/// italic, safe links kept; bullets joined with "; ".
fn statement(s: &str) -> String {
    let mut out = String::new();
    for (i, line) in wrap(s, f32::INFINITY, None).iter().enumerate() {
        if i > 0 {
            out.push_str(if line.bullet { "; " } else { " " });
        }
        if line.bullet {
            out.push_str("• ");
        }
        for run in &line.runs {
            let t = md(&run.text);
            let styled = match (run.bold, run.italic) {
                (true, true) => format!("***{t}***"),
                (true, false) => format!("**{t}**"),
                (false, true) => format!("*{t}*"),
                _ => t,
            };
            match run.link.as_deref().and_then(safe_url) {
                Some(u) => {
                    let _ = write!(out, "[{styled}]({})", md_url(u));
                }
                None => out.push_str(&styled),
            }
        }
    }
    out
}

fn link(data: &ReportData, i: usize) -> String {
    let id = &data.elements[i].id;
    format!("[{}](#{})", md(id), anchor(id))
}

fn links(data: &ReportData, list: &[usize]) -> String {
    list.iter()
        .map(|&i| link(data, i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    out.push('|');
    for h in head {
        let _ = write!(out, " {h} |");
    }
    out.push_str("\n|");
    for _ in head {
        out.push_str("---|");
    }
    out.push('\n');
    for r in rows {
        out.push('|');
        for c in r {
            let _ = write!(out, " {c} |");
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The Markdown report. Diagram images are linked as `image_dir/<stem>.svg`
/// (`image_dir` relative to the Markdown file, without a trailing slash).
pub fn markdown(
    data: &ReportData,
    diagrams: &[Diagram],
    legend: &assure_layout::Scene,
    image_dir: &str,
) -> MarkdownReport {
    let mut out = String::with_capacity(4096 + data.elements.len() * 600);
    let _ = writeln!(out, "# {} — assurance case report\n", md(&data.title));
    let mut facts: Vec<Vec<String>> = Vec::new();
    if let Some(o) = &data.owner {
        facts.push(vec!["Owner".into(), md(o)]);
    }
    facts.push(vec![
        "Modules".into(),
        data.modules
            .iter()
            .map(|m| match &m.owner {
                Some(o) if Some(o) != data.owner.as_ref() => format!("{} ({})", md(&m.name), md(o)),
                _ => md(&m.name),
            })
            .collect::<Vec<_>>()
            .join(", "),
    ]);
    let version = match &data.meta.commit {
        Some(c) => format!(
            "commit `{}`{}; content SHA-256 `{}`",
            c.replace('`', ""),
            if data.meta.dirty {
                " with uncommitted changes"
            } else {
                ""
            },
            data.content_hash
        ),
        None => format!(
            "not under version control; content SHA-256 `{}`",
            data.content_hash
        ),
    };
    facts.push(vec!["Version".into(), version]);
    if let Some(d) = &data.meta.date {
        facts.push(vec!["Date".into(), md(d)]);
    }
    facts.push(vec!["Made with".into(), md(&data.meta.generator)]);
    table(&mut out, &["", ""], &facts);
    if let Some(b) = data.modules.first().and_then(|m| m.brief.as_deref()) {
        out.push_str("> ");
        push_md(&mut out, b);
        out.push_str("\n\n");
    }
    out.push_str("Contents: [Dashboard](#dashboard) · [Diagrams](#diagrams) · [Elements](#elements) · [Evidence register](#evidence-register) · [Assumptions and justifications](#assumptions-and-justifications) · [Glossary of context](#glossary-of-context) · [Findings](#findings) · [Notation](#notation)\n\n");

    // Dashboard.
    out.push_str("## Dashboard\n\n### Elements by type\n\n");
    let mut rows: Vec<Vec<String>> = data
        .counts()
        .into_iter()
        .filter(|(k, n)| *n > 0 || always_counted(*k))
        .map(|(k, n)| vec![kind_label(k), n.to_string()])
        .collect();
    rows.push(vec![
        "**Total**".into(),
        format!("**{}**", data.elements.len()),
    ]);
    table(&mut out, &["Type", "Count"], &rows);
    out.push_str("### Findings by severity\n\n");
    let rows: Vec<Vec<String>> = [Severity::Error, Severity::Warning, Severity::Hint]
        .iter()
        .map(|&s| vec![s.as_str().into(), data.findings_of(s).to_string()])
        .collect();
    table(&mut out, &["Severity", "Count"], &rows);
    let und = data.undeveloped_goals();
    let _ = writeln!(out, "### Undeveloped goals ({})\n", und.len());
    if und.is_empty() {
        out.push_str("None.\n\n");
    } else {
        let _ = writeln!(out, "{}\n", links(data, &und));
    }
    out.push_str("### Assumptions by owner\n\n");
    let groups = data.assumptions_by_owner();
    if groups.is_empty() {
        out.push_str("None.\n\n");
    }
    for (owner, external, list) in &groups {
        let who = owner.as_deref().map_or("No owner stated".to_string(), md);
        let _ = writeln!(
            out,
            "- **{who}** ({}){}: {}",
            list.len(),
            if *external {
                " — **to be upheld by another organisation**"
            } else {
                ""
            },
            links(data, list)
        );
    }
    out.push('\n');
    out.push_str("### Evidence status\n\n");
    let rows: Vec<Vec<String>> = data
        .evidence_counts()
        .into_iter()
        .map(|(s, n)| vec![s.label().into(), n.to_string()])
        .collect();
    table(&mut out, &["Status", "Solutions"], &rows);
    out.push_str("### Six-step status of goals\n\n");
    let rows: Vec<Vec<String>> = data
        .goals_by_step()
        .into_iter()
        .map(|(label, n)| vec![label, n.to_string()])
        .collect();
    table(&mut out, &["Reached", "Goals"], &rows);

    // Diagrams.
    let mut images = Vec::with_capacity(diagrams.len() + 1);
    out.push_str("## Diagrams\n\n");
    for d in diagrams {
        let file = format!("{}.svg", d.stem);
        let _ = writeln!(
            out,
            "### {}\n\n![{} diagram]({image_dir}/{file})\n",
            md(&d.title),
            md(&d.title)
        );
        images.push((file, d.svg(true)));
    }

    // Elements.
    out.push_str("## Elements\n\n");
    let mut order = data.of_kinds(&ElementKind::KNOWN);
    order.extend(data.of_kinds(&[ElementKind::Unknown]));
    for &i in &order {
        let e = &data.elements[i];
        // An explicit anchor (letters, digits, `-`, `_` only): heading
        // slugs differ between Markdown renderers.
        let _ = writeln!(
            out,
            "<a id=\"{}\"></a>\n\n### {}\n",
            anchor(&e.id),
            md(&e.id)
        );
        let mut line = format!(
            "*{}* · module {}",
            kind_label(e.kind),
            md(&data.modules[e.module].name)
        );
        if let Some(o) = &e.owner {
            let _ = write!(line, " · owner {}", md(o));
            if e.external {
                line.push_str(" (**external**)");
            }
        }
        let _ = write!(
            line,
            " · defined at {}:{}:{}",
            md(&e.location.0),
            e.location.1,
            e.location.2
        );
        let _ = writeln!(out, "{line}\n");
        if !e.text.is_empty() {
            let _ = writeln!(out, "> {}\n", statement(&e.text));
        }
        let mut facts: Vec<String> = Vec::new();
        if let Some(u) = &e.url {
            facts.push(format!("Reference: <{}>", md_url(u)));
        } else if let Some(u) = &e.unsafe_url {
            facts.push(format!("Reference (not a safe link): {}", md(u)));
        }
        if let Some(ev) = e.evidence {
            facts.push(format!("Evidence status: {}", ev.label()));
        }
        if e.undeveloped {
            facts.push("Undeveloped".into());
        }
        if e.defeated {
            facts.push("Defeated".into());
        }
        if let Some(s) = &e.steps {
            let mut t = format!("Six-step status: {}", s.label(e.undeveloped));
            if !s.missing.is_empty() {
                let _ = write!(
                    t,
                    " — missing: {}",
                    s.missing
                        .iter()
                        .map(|m| md(m))
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
            facts.push(t);
        }
        for (label, list) in [
            ("Supports", &e.supports),
            ("Supported by", &e.supported_by),
            ("In context of", &e.context),
            ("Inherited context and assumptions", &e.inherited),
            ("Context of", &e.context_of),
            ("Challenges", &e.challenges),
            ("Challenged by", &e.challenged_by),
        ] {
            if !list.is_empty() {
                facts.push(format!("{label}: {}", links(data, list)));
            }
        }
        for &f in &e.findings {
            let f = &data.findings[f];
            facts.push(format!(
                "Finding: **{}** {} — {}",
                f.severity.as_str(),
                md(&f.code),
                md(&f.message)
            ));
        }
        for f in facts {
            let _ = writeln!(out, "- {f}");
        }
        out.push('\n');
    }

    // Registers.
    out.push_str("## Evidence register\n\n");
    let rows: Vec<Vec<String>> = data
        .of_kinds(&[ElementKind::Solution, ElementKind::CounterSolution])
        .into_iter()
        .map(|i| {
            let e = &data.elements[i];
            vec![
                link(data, i),
                statement(&e.text),
                match (&e.url, &e.unsafe_url) {
                    (Some(u), _) => format!("<{}>", md_url(u)),
                    (None, Some(u)) => md(u),
                    _ => String::new(),
                },
                links(
                    data,
                    if e.kind == ElementKind::CounterSolution {
                        &e.challenges
                    } else {
                        &e.supports
                    },
                ),
                e.owner.as_deref().map(md).unwrap_or_default(),
                e.evidence
                    .map_or("counter evidence", |s| s.label())
                    .to_string(),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Id", "Solution", "Reference", "Supports", "Owner", "Status"],
        &rows,
    );
    out.push_str("## Assumptions and justifications\n\n");
    let rows: Vec<Vec<String>> = data
        .of_kinds(&[ElementKind::Assumption, ElementKind::Justification])
        .into_iter()
        .map(|i| {
            let e = &data.elements[i];
            vec![
                link(data, i),
                kind_label(e.kind),
                statement(&e.text),
                match (&e.owner, e.external) {
                    (Some(o), true) => format!("**{}** (external)", md(o)),
                    (o, _) => o.as_deref().map(md).unwrap_or_default(),
                },
                links(data, &e.context_of),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Id", "Type", "Statement", "Owner", "Applies to"],
        &rows,
    );
    out.push_str("## Glossary of context\n\n");
    let rows: Vec<Vec<String>> = data
        .of_kinds(&[ElementKind::Context])
        .into_iter()
        .map(|i| {
            let e = &data.elements[i];
            vec![
                link(data, i),
                statement(&e.text),
                links(data, &e.context_of),
            ]
        })
        .collect();
    table(&mut out, &["Id", "Definition", "Applies to"], &rows);
    out.push_str("## Findings\n\n");
    let rows: Vec<Vec<String>> = data
        .findings
        .iter()
        .map(|f| {
            vec![
                f.severity.as_str().into(),
                md(&f.code),
                f.element.map(|e| link(data, e)).unwrap_or_default(),
                md(&f.message),
                format!("{}:{}:{}", md(&f.location.0), f.location.1, f.location.2),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Severity", "Code", "Element", "Message", "Location"],
        &rows,
    );
    out.push_str("## Notation\n\n");
    let _ = writeln!(
        out,
        "![GSN notation legend]({image_dir}/{LEGEND_FILE})\n\nGoal Structuring Notation, GSN Community Standard v3: solid arrowheads mean *supported by*, hollow ones *in context of*; a dashed red line with an open arrowhead *challenges*."
    );
    images.push((
        LEGEND_FILE.to_string(),
        assure_render::svg(legend, &assure_render::SvgOptions::default()),
    ));
    MarkdownReport { text: out, images }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_keep_safe_markdown_only() {
        assert_eq!(
            statement("**b** and [x](https://e.org/a(b)) [y](javascript:z) <i>"),
            "**b** and [x](https://e.org/a%28b%29) \\[y\\](javascript:z) &lt;i&gt;"
        );
    }

    #[test]
    fn anchors_are_plain() {
        assert_eq!(anchor("G1"), "el-g1");
        assert_eq!(anchor("G 1.2<x>"), "el-g-12x");
    }
}
