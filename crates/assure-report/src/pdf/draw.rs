//! Turns laid-out [`Page`]s into a PDF with krilla: DejaVu Sans embedded
//! (subset) for all text, diagrams drawn once each as a reusable XObject
//! (krilla's [`Graphic`]) from their SVG via krilla-svg, the running header
//! and footer, links, the outline and deterministic metadata.

use super::layout::{INK, Item, MARGIN_X, MUTED, Page, RULE, Rgb, TocEntry, fit_line, width};
use assure_layout::text::{FONT_BOLD, FONT_FAMILY, FONT_REGULAR};
use krilla::Document;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::graphic::Graphic;
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

/// What the document says about itself (no clock: only what is given).
pub(crate) struct DocInfo {
    /// Title (clean).
    pub title: String,
    /// Owner (clean), as author.
    pub owner: Option<String>,
    /// Generator, as creator.
    pub generator: String,
    /// `YYYY-MM-DD…` when the user gave a date.
    pub date: Option<String>,
    /// Left part of the running footer.
    pub footer: String,
}

/// SVG parsing options with only the embedded fonts and no file access (as
/// `assure-render` uses for its one-page PDFs). Made once per document: the
/// font database is shared by every diagram and tile.
fn svg_options() -> usvg::Options<'static> {
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
    opt
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        width,
        ..Stroke::default()
    }
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(Rect::from_xywh(x, y, w.max(0.01), h.max(0.01))?);
    pb.finish()
}

struct Fonts {
    regular: Font,
    bold: Font,
}

fn text(
    s: &mut Surface,
    f: &Fonts,
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    color: Rgb,
    t: &str,
) {
    if t.is_empty() || !(x.is_finite() && y.is_finite()) {
        return;
    }
    s.set_fill(Some(fill(color)));
    s.set_stroke(None);
    let font = if bold { &f.bold } else { &f.regular };
    s.draw_text(
        Point::from_xy(x, y),
        font.clone(),
        size,
        t,
        false,
        TextDirection::LeftToRight,
    );
}

/// Parses a `YYYY-MM-DD` prefix.
fn parse_date(d: &str) -> Option<DateTime> {
    let b = d.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| d.get(r)?.parse::<u16>().ok();
    let (y, m, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    Some(DateTime::new(y).month(m as u8).day(day as u8))
}

/// Writes the PDF. `sources` are the diagrams' SVGs ([`Item::Graphic`] ids);
/// `toc` entries carry absolute page indices.
pub(crate) fn write(
    pages: &[Page],
    sources: &[String],
    toc: &[TocEntry],
    info: &DocInfo,
) -> Result<Vec<u8>, String> {
    let fonts = Fonts {
        regular: Font::new(FONT_REGULAR.into(), 0).ok_or("cannot read the regular font")?,
        bold: Font::new(FONT_BOLD.into(), 0).ok_or("cannot read the bold font")?,
    };
    let svg_opts = svg_options();
    let mut doc = Document::new();
    let mut graphics: Vec<Option<Option<Graphic>>> = vec![None; sources.len()];
    let total = pages.len();
    for (n, p) in pages.iter().enumerate() {
        let size = Size::from_wh(p.size.0, p.size.1).ok_or("empty page")?;
        let mut page = doc.start_page_with(PageSettings::new(size));
        let mut links = Vec::new();
        {
            let mut s = page.surface();
            for it in &p.items {
                match it {
                    Item::Text {
                        x,
                        y,
                        size,
                        bold,
                        color,
                        text: t,
                    } => text(&mut s, &fonts, (*x, *y), *size, *bold, *color, t),
                    Item::Rect {
                        x,
                        y,
                        w,
                        h,
                        fill: f,
                        stroke: st,
                    } => {
                        if let Some(path) = rect_path(*x, *y, *w, *h) {
                            s.set_fill(f.map(fill));
                            s.set_stroke(st.map(|(c, w)| stroke(c, w)));
                            s.draw_path(&path);
                        }
                    }
                    Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        color,
                        width: w,
                    } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x1, *y1);
                        pb.line_to(*x2, *y2);
                        if let Some(path) = pb.finish() {
                            s.set_fill(None);
                            s.set_stroke(Some(stroke(*color, *w)));
                            s.draw_path(&path);
                        }
                    }
                    Item::Graphic {
                        id,
                        scale,
                        tx,
                        ty,
                        clip,
                    } => {
                        let Some(slot) = graphics.get_mut(*id) else {
                            continue;
                        };
                        if slot.is_none() {
                            *slot = Some(make_graphic(&mut s, &sources[*id], &svg_opts));
                        }
                        let (cx, cy) = (clip.0, clip.1);
                        let Some(clip) = rect_path(clip.0, clip.1, clip.2, clip.3) else {
                            continue;
                        };
                        let Some(Some(g)) = slot.as_ref() else {
                            text(
                                &mut s,
                                &fonts,
                                (cx + 4.0, cy + 14.0),
                                9.0,
                                false,
                                MUTED,
                                "This diagram could not be drawn (its SVG did not parse); \
                                 see the SVG or HTML report.",
                            );
                            continue;
                        };
                        if !(scale.is_finite() && *scale > 0.0 && tx.is_finite() && ty.is_finite())
                        {
                            continue;
                        }
                        s.push_clip_path(&clip, &FillRule::NonZero);
                        s.push_transform(&Transform::from_row(*scale, 0.0, 0.0, *scale, *tx, *ty));
                        s.draw_graphic(g.clone());
                        s.pop();
                        s.pop();
                    }
                    Item::Link {
                        x,
                        y,
                        w,
                        h,
                        page: target,
                        dest_y,
                    } => links.push((*x, *y, *w, *h, *target, *dest_y)),
                }
            }
            if p.chrome {
                chrome(&mut s, &fonts, p, info, n + 1, total);
            }
            s.finish();
        }
        for (x, y, w, h, target, dest_y) in links {
            if target >= total {
                continue;
            }
            if let Some(r) = Rect::from_xywh(x, y, w, h) {
                let dest = XyzDestination::new(target, Point::from_xy(0.0, dest_y.max(0.0)));
                page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(r, Target::Destination(dest.into())),
                    None,
                ));
            }
        }
        page.finish();
    }

    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for e in toc.iter().filter(|e| e.page < total) {
        let node = OutlineNode::new(
            e.title.chars().take(200).collect(),
            XyzDestination::new(e.page, Point::from_xy(0.0, e.y.max(0.0))),
        );
        if e.level == 0 {
            if let Some(done) = current.take() {
                outline.push_child(done);
            }
            current = Some(node);
        } else if let Some(parent) = current.as_mut() {
            parent.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(done) = current.take() {
        outline.push_child(done);
    }
    doc.set_outline(outline);

    let mut meta = Metadata::new()
        .title(info.title.chars().take(1000).collect())
        .creator(info.generator.clone())
        .language("en".into());
    if let Some(o) = &info.owner {
        meta = meta.authors(vec![o.chars().take(1000).collect()]);
    }
    if let Some(d) = info.date.as_deref().and_then(parse_date) {
        meta = meta.creation_date(d);
    }
    doc.set_metadata(meta);
    doc.finish()
        .map_err(|e| format!("cannot write the PDF: {e:?}"))
}

/// Draws `svg` once into a reusable graphic (`None` when it does not parse).
/// usvg lays out text while parsing and can panic on odd text (a combining
/// mark after a non-character in right-to-left text, found by the tests);
/// such a panic costs the diagram, not the report.
fn make_graphic(s: &mut Surface, svg: &str, opts: &usvg::Options) -> Option<Graphic> {
    let parse = std::panic::AssertUnwindSafe(|| usvg::Tree::from_str(svg, opts));
    let tree = std::panic::catch_unwind(parse).ok()?.ok()?;
    let size = Size::from_wh(tree.size().width(), tree.size().height())?;
    let mut sb = s.stream_builder();
    let drawn = {
        let mut inner = sb.surface();
        let drawn = inner.draw_svg(&tree, size, SvgSettings::default());
        inner.finish();
        drawn
    };
    drawn?;
    Some(Graphic::new(sb.finish(), false))
}

/// The running header (title, section) and footer (version, page number).
fn chrome(s: &mut Surface, f: &Fonts, p: &Page, info: &DocInfo, n: usize, total: usize) {
    let (w, h) = p.size;
    let x1 = MARGIN_X;
    let x2 = w - MARGIN_X;
    let size = 7.5;
    let half = (x2 - x1) / 2.0 - 10.0;
    let title = fit_line(&info.title, size, true, half);
    text(s, f, (x1, 40.0), size, true, MUTED, &title);
    let section = fit_line(&p.section, size, false, half);
    let sw = width(&section, size, false);
    text(s, f, (x2 - sw, 40.0), size, false, MUTED, &section);
    let mut pb = PathBuilder::new();
    pb.move_to(x1, 45.0);
    pb.line_to(x2, 45.0);
    pb.move_to(x1, h - 42.0);
    pb.line_to(x2, h - 42.0);
    if let Some(path) = pb.finish() {
        s.set_fill(None);
        s.set_stroke(Some(stroke(RULE, 0.5)));
        s.draw_path(&path);
    }
    let num = format!("Page {n} of {total}");
    let nw = width(&num, size, false);
    text(s, f, (x2 - nw, h - 31.0), size, false, INK, &num);
    let foot = fit_line(&info.footer, size, false, x2 - x1 - nw - 20.0);
    text(s, f, (x1, h - 31.0), size, false, MUTED, &foot);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(parse_date("2026-12-04").is_some());
        assert!(parse_date("2026-12-04T10:00").is_some());
        assert!(parse_date("04.12.2026").is_none());
        assert!(parse_date("2026-13-04").is_none());
        assert!(parse_date("").is_none());
    }
}
