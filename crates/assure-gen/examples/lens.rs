fn main() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..30 {
        for (_, y) in assure_gen::generate(&assure_gen::GenOptions {
            elements: 200_000,
            modules: 1,
            seed,
        }) {
            for l in y.lines() {
                if let Some(t) = l.strip_prefix("  text: ") {
                    if t.len() > 90 || t.len() < 40 {
                        let p: String = t
                            .chars()
                            .map(|c| if c.is_ascii_digit() { '#' } else { c })
                            .collect();
                        seen.insert((t.len(), p));
                    }
                }
            }
        }
    }
    for (l, p) in seen {
        println!("{l} {p}");
    }
}
