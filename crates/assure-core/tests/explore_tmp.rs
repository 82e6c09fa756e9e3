use assure_core::load::{Limits, MemWorld, load};
use std::path::PathBuf;

fn show(name: &str, bytes: &[u8]) {
    let w = MemWorld::new().with("case/a.gsn.yaml", bytes.to_vec());
    let t = std::time::Instant::now();
    let l = load(&w, &[PathBuf::from("case/a.gsn.yaml")], &Limits::default()).unwrap();
    println!("=== {name} ({:?})", t.elapsed());
    println!(
        "  ids: {:?}",
        l.case.elements.iter().map(|e| &*e.id).collect::<Vec<_>>()
    );
    for d in &l.diagnostics {
        let lc = l.sources.start(d.primary.span);
        println!(
            "  {} {}:{} [{}..{}] {} | help={:?}",
            d.code, lc.line, lc.column, d.primary.span.start, d.primary.span.end, d.message, d.help
        );
    }
}

#[test]
fn explore() {
    show("json_tabs", b"{\n\t\"G1\": {\n\t\t\"text\": \"a\\u00e9\\/\",\n\t\t\"supportedBy\": [\"Sn1\"]\n\t},\n\t\"Sn1\":{\"text\":\"b\",\"undeveloped\":false}\n}\n");
    show(
        "json_compact",
        b"{\"G1\":{\"text\":\"a\",\"supportedBy\":[\"Sn1\"]},\"Sn1\":{\"text\":\"b\"}}",
    );
    show(
        "cr_nonascii",
        "G\u{e9}:\r  text: a\rG2:\r  text: b\r  undeveloped: 3\r".as_bytes(),
    );
    show(
        "crlf_nonascii",
        "G\u{e9}:\r\n  text: a\r\nG2:\r\n  text: b\r\n  undeveloped: 3\r\n".as_bytes(),
    );
    show(
        "tab_nonascii",
        "G\u{e9}:\n  text: \u{e9}\u{e9}\nG2:\n\ttext: b\n".as_bytes(),
    );
    show(
        "unclosed_quote",
        b"G1:\n  text: a\nG2:\n  text: \"abc\nG3:\n  text: c\n",
    );
    show(
        "unclosed_brace",
        b"G1:\n  text: a\nG2: {text: b\nG3:\n  text: c\n",
    );
    let mut deep = b"G1:\n  text: a\nG2: ".to_vec();
    deep.extend(std::iter::repeat_n(b'{', 100_000));
    show("deep_brace", &deep);
    let mut deep = b"G1:\n  text: a\nG2: ".to_vec();
    deep.extend(std::iter::repeat_n(b"- ".as_slice(), 100_000).flatten());
    show("deep_dash", &deep);
    let mut deep = String::from("G1:\n  text: a\nG2:\n");
    for i in 0..2000 {
        deep.push_str(&" ".repeat(i + 1));
        deep.push_str("k:\n");
    }
    show("deep_block", deep.as_bytes());
    let t = std::time::Instant::now();
    let mut long = String::from("G1:\n  text: a\nG2:\n  classes: [");
    for _ in 0..100_000 {
        long.push_str("\u{e9}\u{e9}\u{e9}, ");
    }
    long.push_str("]\n");
    println!("len {}", long.len());
    show("long_nonascii_100k_items", long.as_bytes());
    println!("{:?}", t.elapsed());
}
