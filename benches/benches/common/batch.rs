//! The batch benchmark both bench files run: a batch of documents aligned with one and with
//! two threads.

use criterion::{BenchmarkId, Criterion, Throughput};
use satzweise::{Aligner, DocumentPair};

/// Benchmarks `align_batch` on `documents` (holding `sentences` sentences in all) as the
/// criterion group `name`, on thread pools of one and two threads.
pub fn batch_on_one_and_two_threads(
    c: &mut Criterion,
    name: &str,
    documents: &[(usize, DocumentPair)],
    sentences: usize,
) {
    let aligner = Aligner::new();
    let mut group = c.benchmark_group(name);
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
