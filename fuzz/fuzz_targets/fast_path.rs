//! Differential target: the YAML fast path must read everything it accepts
//! exactly as the full parser does (same entries, values, styles and scalar
//! positions, same error), as `crates/assure-core/tests/fast_path.rs` checks on
//! generated input.

#![no_main]

use assure_core::yaml::{Node, YamlLimits, parse_entries_with};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;

fn parse(src: &str, fast: bool) -> String {
    let mut out = String::new();
    let r = parse_entries_with(
        src,
        &YamlLimits::default(),
        &mut |k: Node, v: Node| {
            k.write_comparable(&mut out);
            out.push_str(" => ");
            v.write_comparable(&mut out);
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
