//! Page layout of the PDF report: a display list per page (text lines,
//! rectangles, rules, diagram placements, links), built by a [`Flow`] that
//! keeps a cursor, breaks pages, wraps text and lays out tables whose header
//! row repeats on every page. Nothing here knows krilla: [`super::draw`]
//! turns the pages into PDF.
//!
//! Units are PDF points, origin top left, y down; `y` of a text item is its
//! baseline. Widths are measured with the DejaVu Sans metrics compiled into
//! `assure-layout` (the fonts the PDF embeds).

use assure_layout::text::{FONT_SIZE, text_width};

/// An RGB colour.
pub(crate) type Rgb = (u8, u8, u8);

/// Body text.
pub(crate) const INK: Rgb = (0x1f, 0x29, 0x37);
/// Headings, rules under headings, links.
pub(crate) const ACCENT: Rgb = (0x1d, 0x4e, 0x89);
/// Secondary text (captions, running header and footer).
pub(crate) const MUTED: Rgb = (0x5b, 0x65, 0x73);
/// Hairlines between table rows.
pub(crate) const RULE: Rgb = (0xc9, 0xd1, 0xdb);
/// Table header background.
pub(crate) const HEAD_FILL: Rgb = (0xdd, 0xe6, 0xf0);
/// Every other table row.
pub(crate) const ZEBRA: Rgb = (0xf5, 0xf7, 0xfa);
/// Errors, external owners.
pub(crate) const RED: Rgb = (0xb0, 0x1c, 0x1c);
/// Warnings.
pub(crate) const AMBER: Rgb = (0x9a, 0x5b, 0x00);

/// A4 portrait, in points.
pub(crate) const A4: (f32, f32) = (595.28, 841.89);
/// A3 portrait, in points.
pub(crate) const A3: (f32, f32) = (841.89, 1190.55);
/// Left and right margin.
pub(crate) const MARGIN_X: f32 = 56.7;
/// Where the body starts (below the running header).
pub(crate) const TOP: f32 = 72.0;
/// Space kept free at the bottom (the running footer).
pub(crate) const BOTTOM: f32 = 62.0;

/// Body text size.
pub(crate) const BODY: f32 = 9.5;
/// Table text size.
pub(crate) const SMALL: f32 = 8.0;

/// One thing drawn on a page.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    /// A rectangle, filled and/or stroked.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        width: f32,
    },
    /// Diagram `id` (an index into the report's SVG sources) drawn with
    /// `page = (tx, ty) + scale · svg`, clipped to `clip` (x, y, w, h).
    Graphic {
        id: usize,
        scale: f32,
        tx: f32,
        ty: f32,
        clip: (f32, f32, f32, f32),
    },
    /// A link to a page (absolute index) at `dest_y`.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        page: usize,
        dest_y: f32,
    },
}

/// One page.
#[derive(Clone, Debug)]
pub(crate) struct Page {
    /// Width and height.
    pub size: (f32, f32),
    /// What is drawn, in order.
    pub items: Vec<Item>,
    /// Whether the running header and footer are drawn (not on the title page).
    pub chrome: bool,
    /// The section the page belongs to (shown in the running header).
    pub section: String,
}

/// An entry of the table of contents and the PDF outline.
#[derive(Clone, Debug)]
pub(crate) struct TocEntry {
    /// 0 for sections, 1 for subsections.
    pub level: u8,
    /// Title (one line, clean).
    pub title: String,
    /// Page index within the flow that made it.
    pub page: usize,
    /// Where on the page the heading is.
    pub y: f32,
}

/// Width of `s` (clean text, one line) at `size`.
pub(crate) fn width(s: &str, size: f32, bold: bool) -> f32 {
    text_width(s, bold) * size / FONT_SIZE
}

/// Width of one character at `size`.
fn char_width(c: char, size: f32, bold: bool) -> f32 {
    let mut b = [0u8; 4];
    width(c.encode_utf8(&mut b), size, bold)
}

/// Replaces what must not reach the page as is: tabs become a space,
/// control characters (including bidirectional overrides) are shown as
/// `[U+XXXX]`. Newlines are kept when `newlines`, else become spaces.
pub(crate) fn clean(s: &str, newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' if newlines => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\r' => {}
            c if crate::esc::is_control(c) => {
                out.push_str(&format!("[U+{:04X}]", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// `s` (clean, one line) cut to fit `max` at `size`, with an ellipsis when cut.
pub(crate) fn fit_line(s: &str, size: f32, bold: bool, max: f32) -> String {
    if width(s, size, bold) <= max {
        return s.to_string();
    }
    let room = max - char_width('…', size, bold);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = char_width(c, size, bold);
        if w + cw > room {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Wraps clean text (newlines are hard breaks) into lines of at most `max`
/// points: greedily at spaces, words longer than a line between
/// characters. An empty text gives no lines; a blank line stays blank.
/// Linear in the length of `s`.
pub(crate) fn wrap(s: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    if s.trim().is_empty() {
        return lines;
    }
    let space = char_width(' ', size, bold);
    for para in s.trim_end().split('\n') {
        let mut line = String::new();
        let mut lw = 0.0f32;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let ww: f32 = word.chars().map(|c| char_width(c, size, bold)).sum();
            let gap = if line.is_empty() { 0.0 } else { space };
            if lw + gap + ww <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                lw += gap + ww;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                lw = 0.0;
            }
            if ww <= max {
                line.push_str(word);
                lw = ww;
                continue;
            }
            for c in word.chars() {
                let cw = char_width(c, size, bold);
                if lw + cw > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    lw = 0.0;
                }
                line.push(c);
                lw += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// A table cell: clean text (newlines allowed) and its style.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
}

impl Cell {
    /// Plain text cell (the text is cleaned here).
    pub fn plain(s: &str) -> Cell {
        Cell {
            text: clean(s, true),
            bold: false,
            color: INK,
        }
    }

    /// Bold cell.
    pub fn bold(s: &str) -> Cell {
        Cell {
            bold: true,
            ..Cell::plain(s)
        }
    }

    /// Coloured cell.
    pub fn colored(s: &str, color: Rgb, bold: bool) -> Cell {
        Cell {
            color,
            bold,
            ..Cell::plain(s)
        }
    }
}

/// Lays out pages of one kind of content with a cursor.
pub(crate) struct Flow {
    /// The pages made so far.
    pub pages: Vec<Page>,
    /// Table-of-contents entries (page indices within this flow).
    pub toc: Vec<TocEntry>,
    /// The cursor (top of the next thing drawn) on the last page.
    pub y: f32,
    /// Section named in the running header of new pages.
    pub section: String,
    /// Whether new pages get the running header and footer.
    pub chrome: bool,
    /// Where the last subheading began (page, item index, y, number of
    /// contents entries before it): a table that has to start on a new page
    /// takes the heading (and any text under it) along.
    keep: Option<(usize, usize, f32, usize)>,
}

/// Vertical padding of table cells.
const PAD_Y: f32 = 3.5;
/// Horizontal padding of table cells.
const PAD_X: f32 = 4.0;

impl Flow {
    /// An empty flow.
    pub fn new(chrome: bool) -> Flow {
        Flow {
            pages: Vec::new(),
            toc: Vec::new(),
            y: TOP,
            section: String::new(),
            chrome,
            keep: None,
        }
    }

    /// Starts a page of `size`.
    pub fn new_page(&mut self, size: (f32, f32)) {
        self.pages.push(Page {
            size,
            items: Vec::new(),
            chrome: self.chrome,
            section: self.section.clone(),
        });
        self.y = TOP;
        self.keep = None;
    }

    /// The current page (started if there is none).
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page(A4);
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Index of the current page.
    pub fn page_index(&mut self) -> usize {
        self.page();
        self.pages.len() - 1
    }

    /// Size of the current page.
    pub fn size(&mut self) -> (f32, f32) {
        self.page().size
    }

    /// Bottom of the body of the current page.
    pub fn bottom(&mut self) -> f32 {
        self.size().1 - BOTTOM
    }

    /// Left edge and width of the body.
    pub fn body(&mut self) -> (f32, f32) {
        let w = self.size().0;
        (MARGIN_X, w - 2.0 * MARGIN_X)
    }

    /// Adds an item to the current page.
    pub fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    /// Breaks the page unless `h` more points fit.
    pub fn need(&mut self, h: f32) {
        if self.pages.is_empty() || self.y + h > self.bottom() {
            let size = if self.pages.is_empty() {
                A4
            } else {
                self.size()
            };
            self.new_page(size);
        }
    }

    /// One line of text at the cursor's `x`, advancing by `lh`.
    pub fn text_line(&mut self, x: f32, text: String, size: f32, bold: bool, color: Rgb, lh: f32) {
        self.need(lh);
        let y = self.y + size * 0.95;
        self.push(Item::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
        self.y += lh;
    }

    /// A section heading on a new A4 page, in the table of contents.
    pub fn section(&mut self, title: &str) {
        self.section = clean(title, false);
        self.new_page(A4);
        self.heading1(title, true);
    }

    /// A big heading at the cursor, with a rule under it.
    pub fn heading1(&mut self, title: &str, toc: bool) {
        let title = clean(title, false);
        self.need(40.0);
        let (x, w) = self.body();
        if toc {
            let page = self.page_index();
            self.toc.push(TocEntry {
                level: 0,
                title: title.clone(),
                page,
                y: self.y,
            });
        }
        for line in wrap(&title, 17.0, true, w) {
            self.text_line(x, line, 17.0, true, ACCENT, 21.0);
        }
        let y = self.y + 2.0;
        self.push(Item::Line {
            x1: x,
            y1: y,
            x2: x + w,
            y2: y,
            color: ACCENT,
            width: 1.2,
        });
        self.y += 14.0;
    }

    /// A subheading, in the table of contents when `toc`.
    pub fn heading2(&mut self, title: &str, toc: bool) {
        let title = clean(title, false);
        self.need(48.0);
        let page = self.page_index();
        let mark = (page, self.pages[page].items.len(), self.y, self.toc.len());
        self.y += 6.0;
        let (x, w) = self.body();
        if toc {
            let page = self.page_index();
            self.toc.push(TocEntry {
                level: 1,
                title: title.clone(),
                page,
                y: self.y,
            });
        }
        for line in wrap(&title, 12.0, true, w) {
            self.text_line(x, line, 12.0, true, ACCENT, 16.0);
        }
        self.y += 4.0;
        self.keep = (self.page_index() == page).then_some(mark);
    }

    /// Starts a new page, taking along what was drawn since the last
    /// subheading when that is on the current page (no orphaned headings).
    fn break_keeping(&mut self) {
        let keep = self.keep.take();
        let size = self.size();
        let Some((page, k, y0, toc)) = keep.filter(|k| k.0 + 1 == self.pages.len()) else {
            self.new_page(size);
            return;
        };
        let n = self.pages[page].items.len();
        let moved = self.pages[page].items.split_off(k.min(n));
        let used = self.y - y0;
        self.new_page(size);
        let dy = TOP - y0;
        for mut it in moved {
            match &mut it {
                Item::Text { y, .. } | Item::Rect { y, .. } => *y += dy,
                Item::Graphic { ty, clip, .. } => {
                    *ty += dy;
                    clip.1 += dy;
                }
                Item::Line { y1, y2, .. } => {
                    *y1 += dy;
                    *y2 += dy;
                }
                Item::Link { y, .. } => *y += dy,
            }
            self.push(it);
        }
        let new_page = self.pages.len() - 1;
        for e in self.toc.iter_mut().skip(toc) {
            e.page = new_page;
            e.y += dy;
        }
        self.y = TOP + used;
    }

    /// A paragraph of text (cleaned here), wrapped to the body width.
    pub fn para(&mut self, text: &str, size: f32, bold: bool, color: Rgb) {
        let (x, w) = self.body();
        for line in wrap(&clean(text, true), size, bold, w) {
            self.text_line(x, line, size, bold, color, size * 1.35);
        }
        self.y += size * 0.6;
    }

    /// Vertical space.
    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    /// A table over `width` (a fraction of the body width) with columns
    /// `(header, share of the width)`. Cells wrap; a row taller than the
    /// rest of the page moves to the next one, or is split across pages
    /// when it is taller than a page; the header row repeats on every page.
    pub fn table(
        &mut self,
        width: f32,
        cols: &[(&str, f32)],
        rows: impl IntoIterator<Item = Vec<Cell>>,
    ) {
        let (x0, bw) = self.body();
        let tw = bw * width.clamp(0.1, 1.0);
        let total: f32 = cols.iter().map(|c| c.1).sum::<f32>().max(f32::EPSILON);
        let widths: Vec<f32> = cols.iter().map(|c| tw * c.1 / total).collect();
        let lh = SMALL * 1.3;
        let headers: Vec<Vec<String>> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap(c.0, SMALL, true, (w - 2.0 * PAD_X).max(1.0)))
            .collect();
        let head_lines = headers.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let head_h = head_lines as f32 * lh + 2.0 * PAD_Y;
        let mut head_drawn_on = None;
        let mut draw_head = |f: &mut Flow| {
            let page = f.page_index();
            if head_drawn_on == Some(page) {
                return;
            }
            head_drawn_on = Some(page);
            f.push(Item::Rect {
                x: x0,
                y: f.y,
                w: tw,
                h: head_h,
                fill: Some(HEAD_FILL),
                stroke: None,
            });
            let mut x = x0;
            for (lines, w) in headers.iter().zip(&widths) {
                for (k, l) in lines.iter().enumerate() {
                    f.push(Item::Text {
                        x: x + PAD_X,
                        y: f.y + PAD_Y + k as f32 * lh + SMALL * 0.95,
                        size: SMALL,
                        bold: true,
                        color: INK,
                        text: l.clone(),
                    });
                }
                x += w;
            }
            f.y += head_h;
            f.push(Item::Line {
                x1: x0,
                y1: f.y,
                x2: x0 + tw,
                y2: f.y,
                color: ACCENT,
                width: 0.8,
            });
        };
        let rows: Vec<Vec<Cell>> = rows.into_iter().collect();
        // A short table is kept on one page when it fits on one; any other
        // starts with its header and at least two lines of a row.
        let mut start_h = head_h + 2.0 * lh + 2.0 * PAD_Y;
        if rows.len() <= 12 {
            let total: f32 = rows
                .iter()
                .map(|row| {
                    let n = row
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| {
                            wrap(&c.text, SMALL, c.bold, (w - 2.0 * PAD_X).max(1.0)).len()
                        })
                        .max()
                        .unwrap_or(0)
                        .max(1);
                    n as f32 * lh + 2.0 * PAD_Y
                })
                .sum();
            if head_h + total <= (self.size().1 - TOP - BOTTOM) / 2.0 {
                start_h = start_h.max(head_h + total);
            }
        }
        if self.y + start_h > self.bottom() {
            self.break_keeping();
        }
        self.keep = None;
        draw_head(self);
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<(Vec<String>, &Cell)> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| (wrap(&c.text, SMALL, c.bold, (w - 2.0 * PAD_X).max(1.0)), c))
                .collect();
            let n = cells.iter().map(|c| c.0.len()).max().unwrap_or(0).max(1);
            let mut start = 0;
            let mut fresh = false;
            loop {
                let avail = self.bottom() - self.y - 2.0 * PAD_Y;
                let fit = if avail > 0.0 {
                    (avail / lh).floor() as usize
                } else {
                    0
                };
                let remaining = n - start;
                let page_fit = ((self.size().1 - BOTTOM - TOP - head_h - 2.0 * PAD_Y) / lh)
                    .floor()
                    .max(1.0) as usize;
                let take = if fit >= remaining {
                    remaining
                } else if !fresh && (fit < 3 || (start == 0 && remaining <= page_fit)) {
                    let size = self.size();
                    self.new_page(size);
                    draw_head(self);
                    fresh = true;
                    continue;
                } else {
                    fit.max(1)
                };
                let h = take as f32 * lh + 2.0 * PAD_Y;
                if r % 2 == 1 {
                    self.push(Item::Rect {
                        x: x0,
                        y: self.y,
                        w: tw,
                        h,
                        fill: Some(ZEBRA),
                        stroke: None,
                    });
                }
                let mut x = x0;
                for ((lines, cell), w) in cells.iter().zip(&widths) {
                    for (k, l) in lines.iter().skip(start).take(take).enumerate() {
                        if l.is_empty() {
                            continue;
                        }
                        self.push(Item::Text {
                            x: x + PAD_X,
                            y: self.y + PAD_Y + k as f32 * lh + SMALL * 0.95,
                            size: SMALL,
                            bold: cell.bold,
                            color: cell.color,
                            text: l.clone(),
                        });
                    }
                    x += w;
                }
                self.y += h;
                self.push(Item::Line {
                    x1: x0,
                    y1: self.y,
                    x2: x0 + tw,
                    y2: self.y,
                    color: RULE,
                    width: 0.4,
                });
                start += take;
                if start >= n {
                    break;
                }
                let size = self.size();
                self.new_page(size);
                draw_head(self);
                fresh = true;
            }
        }
        self.y += 10.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_fits_and_keeps_every_character() {
        let s = "The infusion pump delivers the programmed dose within ±5 % \
                 Averyveryveryveryveryveryveryveryverylongwordthatmustbebroken end";
        let lines = wrap(s, 9.0, false, 80.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(width(l, 9.0, false) <= 80.0 + 0.01, "{l}");
        }
        let joined: String = lines.concat().split_whitespace().collect();
        let orig: String = s.split_whitespace().collect();
        assert_eq!(joined, orig);
        assert!(wrap("", 9.0, false, 80.0).is_empty());
        assert_eq!(wrap("x", 9.0, false, 0.0), vec!["x"]);
    }

    #[test]
    fn control_characters_are_shown() {
        assert_eq!(
            clean("a\u{202E}b\u{7}c\td\r\ne", true),
            "a[U+202E]b[U+0007]c d\ne"
        );
        assert_eq!(clean("a\nb", false), "a b");
    }

    #[test]
    fn lines_are_cut_with_an_ellipsis() {
        let s = "x".repeat(1000);
        let f = fit_line(&s, 10.0, false, 100.0);
        assert!(f.ends_with('…') && width(&f, 10.0, false) <= 100.0);
        assert_eq!(fit_line("short", 10.0, false, 100.0), "short");
    }

    #[test]
    fn a_heading_goes_with_its_table() {
        let mut f = Flow::new(true);
        f.new_page(A4);
        f.y = A4.1 - BOTTOM - 60.0;
        f.heading2("Heading", true);
        let rows: Vec<Vec<Cell>> = (0..8).map(|i| vec![Cell::plain(&i.to_string())]).collect();
        f.table(1.0, &[("A", 1.0)], rows);
        assert_eq!(f.pages.len(), 2);
        assert!(f.pages[0].items.is_empty(), "the heading moved");
        assert_eq!(f.toc[0].page, 1);
        assert!(
            matches!(&f.pages[1].items[0], Item::Text { text, y, .. } if text == "Heading" && *y < TOP + 30.0)
        );
    }

    #[test]
    fn tables_split_rows_taller_than_a_page() {
        let mut f = Flow::new(true);
        f.new_page(A4);
        let long = "word ".repeat(20_000);
        f.table(
            1.0,
            &[("A", 1.0), ("B", 3.0)],
            vec![vec![Cell::plain("id"), Cell::plain(&long)]],
        );
        assert!(f.pages.len() > 5);
        for p in &f.pages {
            for it in &p.items {
                if let Item::Text { y, .. } = it {
                    assert!(*y < p.size.1 - BOTTOM + SMALL);
                }
            }
        }
    }
}
