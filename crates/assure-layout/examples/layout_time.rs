//! Times loading and laying out generated cases: `cargo run --release -p
//! assure-layout --example layout_time -- 10000 100000`.

use assure_layout::{LayoutOptions, View, layout};
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    for n in sizes {
        let files = assure_gen::generate(&assure_gen::GenOptions {
            elements: n,
            modules: 1,
            seed: 1,
        });
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, s)| (p.as_str(), s.as_str()))
            .collect();
        let t0 = Instant::now();
        let case = assure_core::load::load_str(&refs).case;
        let t1 = Instant::now();
        let scene = layout(&case, &View::Complete, &LayoutOptions::default());
        let t2 = Instant::now();
        println!(
            "{n} elements: load {:.3} s, layout {:.3} s; {} nodes, {} edges, {:.0} x {:.0}",
            (t1 - t0).as_secs_f64(),
            (t2 - t1).as_secs_f64(),
            scene.nodes.len(),
            scene.edges.len(),
            scene.width,
            scene.height
        );
    }
}
