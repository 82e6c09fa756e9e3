//! Property test: whatever text a case carries (ids, statements, module
//! names, owners, URLs), the HTML report keeps exactly its own two script
//! blocks, its JSON parses back to the same ids, no case text becomes markup,
//! and the Markdown lets no HTML tag through.

use assure_check::Config;
use assure_report::{HtmlOptions, Meta, ReportData};
use proptest::prelude::*;

/// A YAML double-quoted scalar holding `s` (every character escaped as
/// needed, so any string survives the trip).
fn yaml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20
                || c == '\u{7f}'
                || c == '\u{85}'
                || c == '\u{2028}'
                || c == '\u{2029}' =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>x()</script>",
        "</script>",
        "</svg>",
        "<img src=x onerror=y>",
        "\"",
        "'",
        "&",
        "&lt;",
        "]]>",
        "<!--",
        "-->",
        "javascript:alert(1)",
        "[l](javascript:x)",
        "**b**",
        "*i*",
        "\u{202E}",
        "\u{2066}",
        "\u{7}",
        "\u{FEFF}",
        "\u{200B}",
        "\n",
        "\t",
        "{{x}}",
        "${x}",
        "`code`",
        "|",
        "#",
        "- ",
        "1. ",
        "a",
        "Ω",
        "😀",
        " ",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
    #[test]
    fn case_text_never_becomes_markup(
        text in hostile_text(),
        module in hostile_text(),
        owner in hostile_text(),
        url in hostile_text(),
    ) {
        let yaml = format!(
            "module:\n  name: {}\n  owner: {}\nG1:\n  text: {}\n  supportedBy: [Sn1]\nSn1:\n  text: {}\n  url: {}\n",
            yaml_str(&format!("m{module}")),
            yaml_str(&format!("o{owner}")),
            yaml_str(&text),
            yaml_str(&text),
            yaml_str(&format!("u{url}")),
        );
        let loaded = assure_core::load::load_str(&[("a.gsn.yaml", &yaml)]);
        let report = assure_check::check(&loaded, &Config::default());
        let data = ReportData::build(&loaded, &report, Meta::default());
        // The texts really reached the report.
        prop_assert_eq!(data.elements.len(), 2);
        prop_assert_eq!(&data.elements[0].text, text.trim_end());
        let diagrams = assure_report::diagrams(&loaded.case);
        let legend = assure_report::legend();
        let html = assure_report::html(&data, &diagrams, &legend, &HtmlOptions { embed_fonts: false });
        prop_assert_eq!(html.matches("<script").count(), 2);
        prop_assert!(!html.contains("<img"));
        prop_assert!(!html.contains("x()</script>"));
        prop_assert!(!html.contains("href=\"javascript"));
        let raw_control = html.chars().any(|c| matches!(c, '\u{202E}' | '\u{2066}' | '\u{7}'));
        prop_assert!(!raw_control, "a raw control character in the HTML");
        let start = html.find("id=\"ar-data\">").expect("data") + "id=\"ar-data\">".len();
        let end = start + html[start..].find("</script>").expect("end");
        let json: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON");
        prop_assert_eq!(json["elements"].as_array().map(Vec::len), Some(data.elements.len()));
        let md = assure_report::markdown(&data, &diagrams, &legend, "d");
        prop_assert!(!md.text.contains("<script") && !md.text.contains("<img") && !md.text.contains("<svg"));
        let raw_control = md.text.chars().any(|c| c == '\u{202E}');
        prop_assert!(!raw_control, "a raw override in the Markdown");
    }
}
