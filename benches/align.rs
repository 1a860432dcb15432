//! Throughput of the default pipeline (features + search + scores) on pre-split input, and
//! of the batch API with one and two threads.
//!
//! Inputs repeat the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set; when
//! `../shared` is absent, synthetic sentences stand in. Sizes above 10,000 pairs take too
//! long for criterion's repetitions on a shared machine: `examples/scale.rs` prints those.

use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use satzweise::{Aligner, DocumentPair, Text};

/// German and English lines of the dev sets, or synthetic ones.
fn dev_lines() -> (Vec<String>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut german = Vec::new();
    let mut english = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("wmt21-de-en")) {
        let mut names: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "de"))
            .collect();
        names.sort();
        for de in names {
            if let (Ok(g), Ok(e)) = (
                std::fs::read_to_string(&de),
                std::fs::read_to_string(de.with_extension("en")),
            ) {
                german.extend(g.lines().map(str::to_owned));
                english.extend(e.lines().map(str::to_owned));
            }
        }
    }
    let textberg = root.join("textberg-de-fr");
    if let (Ok(g), Ok(e)) = (
        std::fs::read_to_string(textberg.join("dev.de")),
        std::fs::read_to_string(textberg.join("dev.fr")),
    ) {
        german.extend(g.lines().map(str::to_owned));
        english.extend(e.lines().map(str::to_owned));
    }
    if german.is_empty() || english.is_empty() {
        eprintln!("../shared/data is absent: benchmarking synthetic sentences");
        return (0..2000)
            .map(|k| {
                let words = 3 + (k * 7919) % 23;
                (
                    format!(
                        "{} Haus {k}.",
                        "Regierung und die Sitzung ".repeat(words / 4)
                    ),
                    format!(
                        "{} house {k}.",
                        "government and the session ".repeat(words / 4)
                    ),
                )
            })
            .unzip();
    }
    (german, english)
}

fn repeat(lines: &[String], count: usize) -> String {
    let mut text = String::new();
    for line in lines.iter().cycle().take(count) {
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn pipeline(c: &mut Criterion) {
    let (german, english) = dev_lines();
    let aligner = Aligner::new();
    let mut group = c.benchmark_group("align_presplit");
    group.sample_size(10);
    for size in [1_000usize, 10_000] {
        let english_size = (size as f64 * english.len() as f64 / german.len() as f64).round();
        let g = repeat(&german, size);
        let e = repeat(&english, english_size as usize);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &size, |b, _| {
            b.iter(|| {
                aligner
                    .align_texts(Text::from_lines(g.clone()), Text::from_lines(e.clone()))
                    .map(|a| a.beads().len())
            })
        });
    }
    group.finish();
}

fn batch(c: &mut Criterion) {
    let (german, english) = dev_lines();
    // 1,000 documents of 20 to 139 sentence pairs, cut from the dev lines.
    let documents: Vec<(usize, DocumentPair)> = (0..1000)
        .map(|k| {
            let len = 20 + (k * 37) % 120;
            let start = (k * 53) % german.len().saturating_sub(len).max(1);
            let end = (start + len).min(german.len()).min(english.len());
            (
                k,
                DocumentPair::lines(
                    german[start..end].join("\n"),
                    english[start..end].join("\n"),
                ),
            )
        })
        .collect();
    let sentences: usize = (0..1000).map(|k| 20 + (k * 37) % 120).sum();
    let aligner = Aligner::new();
    let mut group = c.benchmark_group("batch_1000_documents");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sentences as u64));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        group.bench_with_input(BenchmarkId::new("threads", threads), &threads, |b, _| {
            b.iter(|| {
                pool.install(|| {
                    aligner
                        .align_batch(documents.iter().cloned())
                        .filter(|(_, a)| a.is_ok())
                        .count()
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline, batch);
criterion_main!(benches);
