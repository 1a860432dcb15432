//! Throughput of the default pipeline (features + search + scores) on pre-split input, and
//! of the batch API with one and two threads.
//!
//! Inputs repeat the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set; when
//! `../shared` is absent, synthetic sentences stand in. Sizes above 10,000 pairs take too
//! long for criterion's repetitions on a shared machine: `examples/scale.rs` prints those.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use satzweise::{Aligner, DocumentPair, Text};

#[path = "common/batch.rs"]
mod batch;
// The corpus builder's documents are shared with the kernel bench and the scale example; this bench uses only part of them.
#[allow(dead_code)]
#[path = "../../examples/common/corpus.rs"]
mod corpus;

fn pipeline(c: &mut Criterion) {
    let (german, english, one_to_one, source) = corpus::pairs();
    eprintln!("input: {source}");
    let aligner = Aligner::new();
    let mut group = c.benchmark_group("align_presplit");
    group.sample_size(10);
    for size in [1_000usize, 10_000] {
        let english_size = corpus::english_lines_for(size, german.len(), english.len(), one_to_one);
        let g = corpus::repeat(&german, size);
        let e = corpus::repeat(&english, english_size);
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
    let (german, english, _, _) = corpus::pairs();
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
    batch::batch_on_one_and_two_threads(c, "batch_1000_documents", &documents, sentences);
}

criterion_group!(benches, pipeline, batch);
criterion_main!(benches);
