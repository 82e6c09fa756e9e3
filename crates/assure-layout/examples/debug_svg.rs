//! Draws a bare-bones SVG of a case's complete view from the scene's shapes
//! (for eyeballing the layout; the real renderer is `assure-render`):
//! `cargo run -p assure-layout --example debug_svg -- FILE.gsn.yaml... > out.svg`.

use assure_layout::{LayoutOptions, Shape, View, layout};
use std::fmt::Write;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<(String, String)> = paths
        .iter()
        .map(|p| (p.clone(), std::fs::read_to_string(p).unwrap_or_default()))
        .collect();
    let refs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, s)| (p.as_str(), s.as_str()))
        .collect();
    let case = assure_core::load::load_str(&refs).case;
    let s = layout(&case, &View::Complete, &LayoutOptions::default());
    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="DejaVu Sans" font-size="12"><rect width="100%" height="100%" fill="white"/>"#,
        s.width, s.height
    );
    for n in &s.nodes {
        let st = r#"fill="none" stroke="black""#;
        let _ = match n.shape() {
            Shape::Rect { x, y, w, h } => writeln!(
                o,
                r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" {st}/>"#
            ),
            Shape::RoundRect { x, y, w, h, r } => writeln!(
                o,
                r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" {st}/>"#
            ),
            Shape::Parallelogram { x, y, w, h, skew } => writeln!(
                o,
                r#"<polygon points="{},{y} {},{y} {},{} {x},{}" {st}/>"#,
                x + skew,
                x + w,
                x + w - skew,
                y + h,
                y + h
            ),
            Shape::Circle { cx, cy, r } => {
                writeln!(o, r#"<circle cx="{cx}" cy="{cy}" r="{r}" {st}/>"#)
            }
            Shape::Ellipse { cx, cy, rx, ry } => writeln!(
                o,
                r#"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" {st}/>"#
            ),
        };
        let _ = writeln!(
            o,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="silver" stroke-dasharray="2"/>"#,
            n.x, n.y, n.w, n.h
        );
        let (tx, ty, _, _) = n.text_box();
        let _ = writeln!(
            o,
            r#"<text x="{tx}" y="{}" font-weight="bold">{}</text>"#,
            ty + 12.0,
            n.title
        );
        for (i, l) in n.lines.iter().enumerate() {
            let t: String = l.runs.iter().map(|r| r.text.as_str()).collect();
            let t = t.replace('&', "&amp;").replace('<', "&lt;");
            let _ = writeln!(
                o,
                r#"<text x="{}" y="{}">{t}</text>"#,
                tx + l.indent,
                ty + 12.0 + 15.0 * (i + 1) as f32
            );
        }
    }
    for e in &s.edges {
        let pts: Vec<String> = e
            .points
            .iter()
            .map(|p| format!("{},{}", p.0, p.1))
            .collect();
        let dash = if e.kind == assure_layout::EdgeKind::Challenges {
            r#" stroke-dasharray="5""#
        } else {
            ""
        };
        let _ = writeln!(
            o,
            r#"<polyline points="{}" fill="none" stroke="blue"{dash}/>"#,
            pts.join(" ")
        );
        if let Some(p) = e.points.last() {
            let _ = writeln!(o, r#"<circle cx="{}" cy="{}" r="2" fill="red"/>"#, p.0, p.1);
        }
    }
    o.push_str("</svg>\n");
    print!("{o}");
}
