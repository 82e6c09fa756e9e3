//! PNG (resvg) and PDF (krilla + krilla-svg) from our SVG, with the fonts the
//! layout measured (DejaVu Sans, embedded in assure-layout) and no system
//! fonts, so the output is the same on every machine.

use crate::RenderError;
use assure_layout::text::{FONT_BOLD, FONT_FAMILY, FONT_REGULAR};
use resvg::usvg;

/// Parses `svg` with only the embedded fonts and no file access.
fn tree(svg: &str) -> Result<usvg::Tree, RenderError> {
    let mut opt = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        resources_dir: None,
        ..usvg::Options::default()
    };
    let db = opt.fontdb_mut();
    db.load_font_data(FONT_REGULAR.to_vec());
    db.load_font_data(FONT_BOLD.to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    db.set_serif_family(FONT_FAMILY);
    db.set_monospace_family(FONT_FAMILY);
    // usvg 0.47 panics in its text layout on some character sequences (two
    // characters without a glyph followed by a combining mark, such as
    // "\u{FFF2}\u{FFFD}\u{05A2}"). A case's text must never crash us: the
    // panic becomes an error naming the way out.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        usvg::Tree::from_str(svg, &opt)
    }));
    match parsed {
        Ok(tree) => tree.map_err(|e| RenderError::Svg(e.to_string())),
        Err(_) => Err(RenderError::Svg(
            "the text of this diagram contains a character sequence the PNG/PDF text engine (usvg) cannot lay out; the SVG output is not affected".into(),
        )),
    }
}

#[cfg(feature = "png")]
use crate::{MAX_PNG_PIXELS, MAX_PNG_SIDE};

/// Rasterises `svg` (as made by [`crate::svg`]) at `scale` (1.0 = one pixel
/// per unit) on a white background and encodes it as PNG. Deterministic.
#[cfg(feature = "png")]
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    let tree = tree(svg)?;
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let size = tree.size();
    let w = (size.width() * scale).ceil().max(1.0);
    let h = (size.height() * scale).ceil().max(1.0);
    let (wi, hi) = (w.min(u32::MAX as f32) as u32, h.min(u32::MAX as f32) as u32);
    if u64::from(wi) * u64::from(hi) > MAX_PNG_PIXELS || wi > MAX_PNG_SIDE || hi > MAX_PNG_SIDE {
        return Err(RenderError::TooLarge {
            width: wi,
            height: hi,
        });
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(wi, hi).ok_or(RenderError::TooLarge {
        width: wi,
        height: hi,
    })?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| RenderError::Svg(e.to_string()))
}

/// Converts `svg` (as made by [`crate::svg`]) to a one-page vector PDF, one
/// point per unit, with the text as real text in the embedded (subset) DejaVu
/// Sans. No creation date or other clock-derived metadata: deterministic.
///
/// A page is at most [`crate::MAX_PDF_PAGE`] points a side: a larger drawing
/// is scaled down as a whole (it stays vector, so zooming in keeps it
/// sharp); see [`crate::pdf_scale`].
#[cfg(feature = "pdf")]
pub fn pdf(svg: &str) -> Result<Vec<u8>, RenderError> {
    use krilla::Document;
    use krilla::geom::Size;
    use krilla::page::PageSettings;
    use krilla_svg::{SurfaceExt, SvgSettings};

    let tree = tree(svg)?;
    let (w, h) = (tree.size().width(), tree.size().height());
    let k = crate::pdf_scale(w, h);
    let (w, h) = (
        (w * k).min(crate::MAX_PDF_PAGE),
        (h * k).min(crate::MAX_PDF_PAGE),
    );
    let size = Size::from_wh(w, h).ok_or_else(|| RenderError::Pdf("empty page".into()))?;
    let mut doc = Document::new();
    let mut page = doc.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    surface
        .draw_svg(&tree, size, SvgSettings::default())
        .ok_or_else(|| RenderError::Pdf("cannot draw the diagram".into()))?;
    surface.finish();
    page.finish();
    doc.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

#[cfg(all(test, feature = "png"))]
mod tests {
    #[test]
    fn text_that_crashes_usvg_is_an_error_not_a_panic() {
        let loaded = assure_core::load::load_str(&[(
            "a.gsn.yaml",
            "G1:\n  text: \"\\uFFF2\\uFFFD\\u05A2\"\n",
        )]);
        let scene = assure_layout::layout(
            &loaded.case,
            &assure_layout::View::Complete,
            &assure_layout::LayoutOptions::default(),
        );
        let svg = crate::svg(&scene, &crate::SvgOptions::default());
        assert!(matches!(
            super::png(&svg, 1.0),
            Err(crate::RenderError::Svg(_))
        ));
    }
}
