//! Differential target: the YAML fast path must read everything it accepts
//! exactly as the full parser does (same entries, values, styles and scalar
//! positions, same error), as `crates/assure-core/tests/fast_path.rs` checks on
//! generated input.

#![no_main]

use assure_core::yaml::{Node, ScalarStyle2, Value, YamlLimits, parse_entries_with};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

/// A comparable rendering of a tree: values, styles, and scalar start offsets.
fn render(n: &Node, out: &mut String) {
    match &n.value {
        Value::Scalar(s, st) => {
            let _ = write!(
                out,
                "S({s:?},{},{})",
                matches!(st, ScalarStyle2::Plain),
                n.start
            );
        }
        Value::Seq(items) => {
            out.push('[');
            for i in items {
                render(i, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Map(items) => {
            out.push('{');
            for (k, v) in items {
                render(k, out);
                out.push(':');
                render(v, out);
                out.push(',');
            }
            out.push('}');
        }
    }
}

fn parse(src: &str, fast: bool) -> String {
    let mut out = String::new();
    let r = parse_entries_with(
        src,
        &YamlLimits::default(),
        &mut |k: Node, v: Node| {
            render(&k, &mut out);
            out.push_str(" => ");
            render(&v, &mut out);
            out.push('\n');
        },
        fast,
    );
    match r {
        Ok(b) => {
            let _ = write!(out, "ok {b}");
        }
        Err(e) => {
            let _ = write!(out, "err {} {}", e.offset, e.message);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let (fast, full) = (parse(src, true), parse(src, false));
    if fast == full {
        return;
    }
    // On an error the full parser may stop before delivering an entry that the
    // fast path already delivered (it needs a token of lookahead): the error
    // must be the same and the full parser's entries a prefix.
    let (fast_last, full_last) = (
        fast.lines().last().unwrap_or(""),
        full.lines().last().unwrap_or(""),
    );
    assert!(
        fast_last.starts_with("err")
            && fast_last == full_last
            && fast.starts_with(full.trim_end_matches(full_last)),
        "fast path differs on:\n{src:?}\nfast:\n{fast}\nfull:\n{full}"
    );
});
