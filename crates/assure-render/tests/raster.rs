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
