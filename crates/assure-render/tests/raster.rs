//! PNG and PDF (with the `png` / `pdf` features).

#![cfg(any(feature = "png", feature = "pdf"))]

use assure_layout::{LayoutOptions, View, layout};
use assure_render::{SvgOptions, svg};

fn small_svg() -> String {
    let loaded = assure_core::load::load_str(&[(
        "index.gsn.yaml",
        "G1:\n  text: A **claim**\n  supportedBy: [Sn1]\nSn1:\n  text: Evidence\n",
    )]);
    let scene = layout(&loaded.case, &View::Complete, &LayoutOptions::default());
    svg(&scene, &SvgOptions::default())
}

#[cfg(feature = "png")]
#[test]
fn png_is_deterministic_and_has_text() {
    let s = small_svg();
    let a = assure_render::png(&s, 1.0).expect("png");
    assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(a, assure_render::png(&s, 1.0).expect("png"));
    // Without text the bitmap would be much more compressible.
    let blank = s.replace("<text", "<text display=\"none\"");
    assert!(a.len() > assure_render::png(&blank, 1.0).expect("png").len());
    assert!(matches!(
        assure_render::png(&s, 1000.0),
        Err(assure_render::RenderError::TooLarge { .. })
    ));
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_is_deterministic_vector_with_the_embedded_font() {
    let s = small_svg();
    let a = assure_render::pdf(&s).expect("pdf");
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, assure_render::pdf(&s).expect("pdf"));
    let has = |needle: &[u8]| a.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"DejaVuSans"), "the font is embedded");
    assert!(!has(b"CreationDate") && !has(b"ModDate"), "no dates");
}

/// The MediaBox of a one-page PDF, as [x0, y0, x1, y1].
#[cfg(feature = "pdf")]
fn media_box(pdf: &[u8]) -> [f32; 4] {
    let key = b"/MediaBox";
    let at = pdf
        .windows(key.len())
        .position(|w| w == key)
        .expect("a MediaBox");
    let rest = String::from_utf8_lossy(&pdf[at + key.len()..]);
    let inner = rest
        .trim_start()
        .strip_prefix('[')
        .and_then(|r| r.split(']').next())
        .expect("[...]");
    let v: Vec<f32> = inner
        .split_whitespace()
        .map(|x| x.parse().expect("number"))
        .collect();
    [v[0], v[1], v[2], v[3]]
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_pages_stay_within_the_page_size_limit() {
    // One point per unit while it fits.
    let m = media_box(&assure_render::pdf(&small_svg()).expect("pdf"));
    assert!(m[2] > 100.0 && m[2] < 1000.0, "{m:?}");
    // A drawing of 60 000 × 3 000 units is scaled down as a whole, keeping
    // its proportions (and its text: it stays vector).
    let wide = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"60000\" height=\"3000\" \
        viewBox=\"0 0 60000 3000\"><rect x=\"10\" y=\"10\" width=\"59980\" height=\"2980\" \
        fill=\"none\" stroke=\"#000\"/><text x=\"59000\" y=\"2900\">end</text></svg>";
    let a = assure_render::pdf(wide).expect("pdf");
    let m = media_box(&a);
    assert_eq!(m[0..2], [0.0, 0.0]);
    assert!(m[2] <= assure_render::MAX_PDF_PAGE && m[3] <= assure_render::MAX_PDF_PAGE);
    assert!((m[2] - 14_400.0).abs() < 0.5, "{m:?}");
    assert!((m[2] / m[3] - 20.0).abs() < 0.01, "{m:?}");
    assert_eq!(a, assure_render::pdf(wide).expect("pdf"));
    assert_eq!(assure_render::pdf_scale(1000.0, 14_400.0), 1.0);
    assert_eq!(assure_render::pdf_scale(28_800.0, 100.0), 0.5);
}
