//! The stages of the bead-cost kernel on their own: the per-sentence features of a document
//! pair, and the corpus case of 500 small documents (2 to 10 sentences each) with one and with
//! two threads. (The anchor evidence of each bead is crate-internal; its counter is held to the
//! one-bead definition by the features' unit tests.)
//!
//! Inputs repeat the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set; when
//! `../shared` is absent, synthetic sentences stand in.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use satzweise::{PairFeatures, Text};

// Shared with benches/align.rs, which uses the line counts this bench has no need for.
#[path = "common/batch.rs"]
mod batch;
#[allow(dead_code)]
#[path = "../../examples/common/corpus.rs"]
mod corpus;

fn texts(lines: usize) -> (Text, Text) {
    let (german, english, _, _) = corpus::pairs();
    // The WMT lines pair one to one, so the diagonal is the path.
    (
        Text::from_lines(corpus::repeat(&german, lines)),
        Text::from_lines(corpus::repeat(&english, lines)),
    )
}

fn features(c: &mut Criterion) {
    let mut group = c.benchmark_group("features");
    group.sample_size(10);
    for lines in [1_000usize, 10_000] {
        let (german, english) = texts(lines);
        group.throughput(Throughput::Elements(lines as u64));
        group.bench_with_input(BenchmarkId::from_parameter(lines), &lines, |b, _| {
            b.iter(|| PairFeatures::new(&german, &english))
        });
    }
    group.finish();
}

fn small_corpus(c: &mut Criterion) {
    let (german, english, one_to_one, _) = corpus::pairs();
    let (documents, sentences) = corpus::small_documents(&german, &english, one_to_one, 500);
    batch::batch_on_one_and_two_threads(c, "corpus_500_small_documents", &documents, sentences);
}

criterion_group!(benches, features, small_corpus);
criterion_main!(benches);
