//! Segmenter throughput on German and English news text.
//!
//! The text is the German (and English) news of `../shared/data/wmt21-de-en` (all chunks,
//! about 270 KB per language), once and repeated to about 4 MB; without the shared data a short built-in German paragraph is repeated instead.
//! Criterion reports bytes per second (`cargo bench --bench segment`).

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use satzweise::{Lang, Segmenter};

const FALLBACK_DE: &str = "Die bevorstehende 29. Sitzung der Konferenz beginnt am 3. Oktober \
2024 um 21.30 Uhr. Dr. Müller sprach u. a. über die Kosten von ca. 1.000.000 Euro, z. B. für \
Gebäude. „Wir kommen“, sagte er. Friedrich II. ließ das Schloss bauen.\n";

const FALLBACK_EN: &str = "Mr. Smith arrived in the U.S. at 5 p.m. on Jan. 6, 2021. He said \
\"We will come.\" Prices rose 3.5 percent, e.g. for food. Apple Inc. reported results.\n";

/// The text of every `*.suffix` file of the wmt21-de-en folder, or `fallback`.
fn news(suffix: &str, fallback: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/wmt21-de-en");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == suffix))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut text = String::new();
    for file in files {
        if let Ok(part) = std::fs::read_to_string(&file) {
            text.push_str(&part);
            text.push('\n');
        }
    }
    if text.is_empty() {
        eprintln!("{} not found: benchmarking built-in text", dir.display());
        text.push_str(fallback);
    }
    text
}

fn repeat_to(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
    }
    out
}

fn bench_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for (lang, suffix, fallback) in [(Lang::De, "de", FALLBACK_DE), (Lang::En, "en", FALLBACK_EN)] {
        let base = news(suffix, fallback);
        for size in [0, 4 * 1024 * 1024] {
            // Size 0: the news once.
            let text = repeat_to(&base, size.max(1));
            let segmenter = Segmenter::new(lang);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("news-{lang}"), text.len()),
                &text,
                |b, text| b.iter(|| segmenter.sentences(black_box(text)).count()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
