#!/usr/bin/env python3
"""Generate crates/assure-layout/src/metrics.rs from the DejaVu Sans fonts.

Usage (from the repository root, needs `pip install fonttools`):

    python3 scripts/gen-metrics.py [--oblique DIR]

Reads assets/fonts/DejaVuSans.ttf and assets/fonts/DejaVuSans-Bold.ttf (the
fonts the renderers embed) and writes the advance widths, in font units, of
every covered codepoint. Where the oblique faces (DejaVuSans-Oblique.ttf,
DejaVuSans-BoldOblique.ttf from Debian's fonts-dejavu-core, looked up in
--oblique DIR, default /usr/share/fonts/truetype/dejavu) advance further than
the upright face, the wider advance is recorded in a separate italic table, so
that italic text measures at least as wide as whichever face a viewer uses.

Also prints reference widths of a few strings (used in the unit tests of
crates/assure-layout/src/text.rs).
"""

import argparse
import hashlib
import os
import sys

from fontTools.ttLib import TTFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONTS = os.path.join(ROOT, "assets", "fonts")
OUT = os.path.join(ROOT, "crates", "assure-layout", "src", "metrics.rs")

# Dense table: Basic Latin .. Latin Extended-B.
DENSE = (0x20, 0x24F)
# Sparse table: further blocks that statements plausibly use.
SPARSE_RANGES = [
    (0x0250, 0x02FF),  # IPA extensions, spacing modifier letters
    (0x0300, 0x036F),  # combining diacritical marks (zero width)
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, ...)
    (0x2000, 0x206F),  # general punctuation (dashes, quotes, bullet, spaces)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20CF),  # currency symbols (incl. euro sign U+20AC)
    (0x2100, 0x214F),  # letterlike symbols (trade mark, ...)
    (0x2150, 0x218F),  # number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2300, 0x23FF),  # miscellaneous technical
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols
    (0x2700, 0x27BF),  # dingbats (check marks, crosses)
    (0xFFFD, 0xFFFD),  # replacement character (control characters)
]
MISSING = 0xFFFF

SAMPLES = [
    ("Goal", False),
    ("Goal", True),
    ("The system is acceptably safe", False),
    ("The system is acceptably safe", True),
    ("G1", True),
    ("WWW", False),
    ("iii", False),
    ("• ", False),
    ("Größe €5 – “ok”", False),
]


def widths(font):
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    return {cp: hmtx[g][0] for cp, g in cmap.items()}


def in_sparse(cp):
    return any(lo <= cp <= hi for lo, hi in SPARSE_RANGES)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def rust_dense(name, doc, w):
    vals = [w.get(cp, MISSING) for cp in range(DENSE[0], DENSE[1] + 1)]
    out = [f"/// {doc}", f"pub static {name}: [u16; {len(vals)}] = ["]
    for i in range(0, len(vals), 12):
        out.append("    " + " ".join(f"{v}," for v in vals[i : i + 12]))
    out.append("];")
    return "\n".join(out)


def rust_list(name, doc, ty, vals, fmt=str):
    out = [f"/// {doc}", f"pub static {name}: [{ty}; {len(vals)}] = ["]
    for i in range(0, len(vals), 10):
        out.append("    " + " ".join(f"{fmt(v)}," for v in vals[i : i + 10]))
    out.append("];")
    return "\n".join(out)


def rust_pairs(name, doc, pairs):
    out = [f"/// {doc}", f"pub static {name}: [(u32, u16); {len(pairs)}] = ["]
    for i in range(0, len(pairs), 6):
        out.append(
            "    " + " ".join(f"(0x{cp:04X}, {v})," for cp, v in pairs[i : i + 6])
        )
    out.append("];")
    return "\n".join(out)


def sample_units(w, s, fallback):
    return sum(w.get(ord(c), fallback) for c in s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oblique", default="/usr/share/fonts/truetype/dejavu")
    args = ap.parse_args()

    reg_path = os.path.join(FONTS, "DejaVuSans.ttf")
    bold_path = os.path.join(FONTS, "DejaVuSans-Bold.ttf")
    reg, bold = TTFont(reg_path), TTFont(bold_path)
    obl = TTFont(os.path.join(args.oblique, "DejaVuSans-Oblique.ttf"))
    bobl = TTFont(os.path.join(args.oblique, "DejaVuSans-BoldOblique.ttf"))

    upem = reg["head"].unitsPerEm
    for f in (bold, obl, bobl):
        assert f["head"].unitsPerEm == upem, "faces differ in units per em"
    assert reg["hhea"].ascent == bold["hhea"].ascent
    assert reg["hhea"].descent == bold["hhea"].descent

    wr, wb, wo, wbo = widths(reg), widths(bold), widths(obl), widths(bobl)
    reg_fallback = reg["hhea"].advanceWidthMax
    bold_fallback = bold["hhea"].advanceWidthMax

    sparse_cps = sorted(cp for cp in set(wr) | set(wb) if in_sparse(cp))

    def italic(upright, oblique):
        cps = [cp for cp in upright if DENSE[0] <= cp <= DENSE[1] or in_sparse(cp)]
        return sorted(
            (cp, oblique[cp])
            for cp in cps
            if cp in oblique and oblique[cp] > upright[cp]
        )

    parts = []
    parts.append(
        "// @generated by scripts/gen-metrics.py from assets/fonts/DejaVuSans.ttf\n"
        f"// (sha256 {sha256(reg_path)})\n"
        "// and assets/fonts/DejaVuSans-Bold.ttf\n"
        f"// (sha256 {sha256(bold_path)}),\n"
        "// DejaVu Sans 2.37 (Debian fonts-dejavu-core). Do not edit by hand: run\n"
        "// `python3 scripts/gen-metrics.py` (needs fonttools) and `rustfmt` it.\n"
    )
    parts.append(
        """//! Font metrics of DejaVu Sans and DejaVu Sans Bold (generated data).
//!
//! Advance widths in font units ([`UNITS_PER_EM`] to the em) of every
//! codepoint the fonts map in U+0020–U+024F ([`REGULAR_DENSE`] and
//! [`BOLD_DENSE`], indexed by `codepoint - DENSE_FIRST`, [`MISSING`] where the
//! font has no glyph) and in further blocks (Greek, Cyrillic, Latin Extended
//! Additional, general punctuation U+2000–U+206F, currency U+20A0–U+20CF,
//! letterlike, number forms, arrows U+2190–U+21FF, mathematical operators,
//! technical, enclosed alphanumerics, geometric shapes, symbols, dingbats,
//! U+FFFD; [`SPARSE_CODEPOINTS`], sorted for binary search, and the
//! `*_SPARSE` tables beside it).
//!
//! Italic is drawn with the oblique face where a viewer has it and as a
//! slanted upright face otherwise: the `*_ITALIC` tables list the codepoints
//! whose oblique advance is larger than the upright one, with the larger
//! value, so italic text measured with them is never too narrow.
//!
//! Codepoints the tables do not cover measure [`REGULAR_FALLBACK`] /
//! [`BOLD_FALLBACK`], the largest advance in each font (about 1.9 and 2 em),
//! except East Asian wide characters, which measure [`WIDE_FALLBACK`] (1 em,
//! the advance of CJK fonts). This is deliberately conservative: text may
//! measure wider than drawn, never narrower.
//!
//! No pair kerning and no ligatures are recorded: renderers must draw with
//! kerning and ligatures off (SVG/CSS `font-kerning: none;
//! font-variant-ligatures: none`) so drawn widths equal measured ones."""
    )
    parts.append(f"/// Font units per em of both faces.\npub const UNITS_PER_EM: u16 = {upem};")
    parts.append(
        f"/// Ascender (`hhea`), in font units above the baseline.\npub const ASCENT: i16 = {reg['hhea'].ascent};"
    )
    parts.append(
        f"/// Descender (`hhea`), in font units (negative: below the baseline).\npub const DESCENT: i16 = {reg['hhea'].descent};"
    )
    parts.append(
        f"/// First codepoint of the dense tables.\npub const DENSE_FIRST: u32 = 0x{DENSE[0]:04X};"
    )
    parts.append(
        f"/// Last codepoint of the dense tables.\npub const DENSE_LAST: u32 = 0x{DENSE[1]:04X};"
    )
    parts.append(
        f"/// Entry of a dense table whose codepoint the font does not map.\npub const MISSING: u16 = 0x{MISSING:04X};"
    )
    parts.append(
        f"/// Width of codepoints not covered, regular: the font's largest advance.\npub const REGULAR_FALLBACK: u16 = {reg_fallback};"
    )
    parts.append(
        f"/// Width of codepoints not covered, bold: the font's largest advance.\npub const BOLD_FALLBACK: u16 = {bold_fallback};"
    )
    parts.append(
        f"/// Width of East Asian wide codepoints not covered (1 em).\npub const WIDE_FALLBACK: u16 = {upem};"
    )
    parts.append(rust_dense("REGULAR_DENSE", "Regular advances of U+0020..=U+024F.", wr))
    parts.append(rust_dense("BOLD_DENSE", "Bold advances of U+0020..=U+024F.", wb))
    parts.append(
        rust_list(
            "SPARSE_CODEPOINTS",
            "Codepoints of the sparse tables, sorted (for binary search).",
            "u32",
            sparse_cps,
            lambda cp: f"0x{cp:04X}",
        )
    )
    parts.append(
        rust_list(
            "REGULAR_SPARSE",
            "Regular advances of [`SPARSE_CODEPOINTS`] ([`MISSING`]: not mapped).",
            "u16",
            [wr.get(cp, MISSING) for cp in sparse_cps],
        )
    )
    parts.append(
        rust_list(
            "BOLD_SPARSE",
            "Bold advances of [`SPARSE_CODEPOINTS`] ([`MISSING`]: not mapped).",
            "u16",
            [wb.get(cp, MISSING) for cp in sparse_cps],
        )
    )
    parts.append(
        rust_pairs(
            "REGULAR_ITALIC",
            "Oblique advances larger than the regular ones, sorted.",
            italic(wr, wo),
        )
    )
    parts.append(
        rust_pairs(
            "BOLD_ITALIC",
            "Bold oblique advances larger than the bold ones, sorted.",
            italic(wb, wbo),
        )
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    print(f"wrote {OUT}", file=sys.stderr)

    print(f"units per em {upem}; reference widths at 12 px:")
    for s, b in SAMPLES:
        w = wb if b else wr
        u = sample_units(w, s, bold_fallback if b else reg_fallback)
        print(f"  {s!r:40} bold={b!s:5} units={u:6} px={u * 12 / upem!r}")


if __name__ == "__main__":
    main()
