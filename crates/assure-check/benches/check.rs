//! Criterion benchmarks of load + check on generated cases, in memory (no disk):
//! the per-phase view behind the whole-process numbers of `bench/run.sh`.

use assure_core::{Limits, MemWorld, load};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn world(elements: usize) -> MemWorld {
    let mut w = MemWorld::new();
    for (name, text) in assure_gen::generate(&assure_gen::GenOptions {
        elements,
        modules: 1,
        seed: 1,
    }) {
        w = w.with(&name, text);
    }
    w
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+check");
    g.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let w = world(n);
        let roots = [PathBuf::from("index.gsn.yaml")];
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("load", n), &w, |b, w| {
            b.iter(|| black_box(load(w, &roots, &Limits::default()).map(|l| l.case.elements.len())))
        });
        let loaded = load(&w, &roots, &Limits::default()).expect("generated case loads");
        g.bench_with_input(BenchmarkId::new("check", n), &loaded, |b, l| {
            b.iter(|| {
                black_box(
                    assure_check::check(l, &assure_check::Config::default())
                        .diagnostics
                        .len(),
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
