//! temp
fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .take(2)
        .map(|a| a.parse().unwrap())
        .collect();
    let (n, m) = (args[0], args.get(1).copied().unwrap_or(1));
    let dir = std::env::args().nth(3);
    let t = std::time::Instant::now();
    let files = assure_gen::generate(&assure_gen::GenOptions {
        elements: n,
        modules: m,
        seed: 0,
    });
    let el = t.elapsed();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    println!(
        "{n} elements, {} files: {:.3} s, {} bytes ({:.2} MB)",
        files.len(),
        el.as_secs_f64(),
        bytes,
        bytes as f64 / 1e6
    );
    if let Some(d) = dir {
        std::fs::create_dir_all(&d).unwrap();
        for (name, y) in &files {
            std::fs::write(format!("{d}/{name}"), y).unwrap();
        }
    }
}
