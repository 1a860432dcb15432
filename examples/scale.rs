//! Prints how the default pipeline scales with the document length, stage by stage.
//!
//! ```text
//! cargo run --release --example scale -- [SIZES...]
//! cargo run --release --example scale -- --documents N
//! ```
//!
//! Each size is a number of sentence pairs (default: 1000 10000 100000 1000000). The input is
//! made by repeating the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set when
//! they are present, synthetic sentences otherwise. For each size it prints the time of the
//! features, of the whole alignment (features + search + scores) and the sentences per
//! second, best of `SCALE_RUNS` runs (default 3) to damp the noise of a shared machine.
//!
//! `--documents N` measures the corpus case instead: N small documents of 2 to 10 lines cut
//! from the one-to-one WMT lines and joined into running text, as the corpus bench of
//! `benches/kernel.rs` cuts them, segmented and aligned with `Aligner::align_batch` (on rayon's
//! threads: `RAYON_NUM_THREADS` chooses how many). It prints the wall time, microseconds a
//! sentence and a document, and a digest of the output, so that runs with different thread
//! counts can be compared; measure CPU time around the process.

use std::time::{Duration, Instant};

use satzweise::{Aligner, PairFeatures, Text};

#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "usage: scale [SIZES...] | scale --documents N

Prints how the default pipeline scales with the document length: for each size (sentence
pairs; default 1000 10000 100000 1000000) the time of the features and of the whole
alignment, best of SCALE_RUNS runs (environment variable, default 3).

  --documents N   the corpus case instead: N documents of 2 to 10 lines cut from the WMT
                  lines, segmented and aligned as a batch (RAYON_NUM_THREADS threads); prints
                  µs a sentence and a document and a digest of the output
  -h, --help      this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> std::process::ExitCode {
    cli::run("scale", USAGE, |args| {
        if let Some(documents) = args.parsed::<usize>(&["--documents"])? {
            args.finish()?;
            return measure_corpus_case(documents);
        }
        let sizes = args
            .operands(0, usize::MAX)?
            .iter()
            .map(|a| {
                a.parse::<usize>()
                    .map_err(|e| cli::Failure::usage(format!("size {a:?}: {e}")))
            })
            .collect::<Result<Vec<usize>, _>>()?;
        measure(sizes)
    })
}

fn measure(sizes: Vec<usize>) -> Result<(), cli::Failure> {
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    let runs: usize = std::env::var("SCALE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    let (german, english, one_to_one, source) = corpus::pairs();
    outln!("input: {source}; best of {runs} runs");
    outln!(
        "{:>9} {:>12} {:>12} {:>14} {:>12}",
        "pairs",
        "features s",
        "align s",
        "sentences/s",
        "µs/sentence"
    );
    let aligner = Aligner::new();
    for size in sizes {
        // The dev sets repeat as a unit, so the English side keeps its own line count per
        // cycle (Text+Berg has more French than German lines).
        let english_size =
            corpus::english_lines_for(size, german.len(), english.len(), one_to_one) as f64;
        let german_text = corpus::repeat(&german, size);
        let english_text = corpus::repeat(&english, english_size as usize);
        let mut features = Duration::MAX;
        let mut total = Duration::MAX;
        for _ in 0..runs {
            let g = Text::from_lines(german_text.clone());
            let e = Text::from_lines(english_text.clone());
            let start = Instant::now();
            let pair = PairFeatures::new(&g, &e);
            features = features.min(start.elapsed());
            drop(pair);
            let start = Instant::now();
            let alignment = aligner.align_texts(g, e);
            total = total.min(start.elapsed());
            alignment?;
        }
        let seconds = total.as_secs_f64();
        outln!(
            "{size:>9} {:>12.3} {seconds:>12.3} {:>14.0} {:>12.2}",
            features.as_secs_f64(),
            size as f64 / seconds,
            seconds * 1e6 / size as f64
        );
    }
    Ok(())
}

/// The corpus case: `count` small documents aligned as a batch, timed, with a digest of the
/// output to compare thread counts by.
fn measure_corpus_case(count: usize) -> Result<(), cli::Failure> {
    let (german, english, one_to_one, source) = corpus::pairs();
    let (pairs, sentences) = corpus::small_documents(&german, &english, one_to_one, count);
    outln!("input: {count} documents, {sentences} line pairs, cut from {source}");
    let aligner = Aligner::new();
    let (start, cpu_start) = (Instant::now(), process_cpu_seconds());
    let mut digest = Digest::default();
    for (k, alignment) in aligner.align_batch(pairs) {
        digest.add(k as u64);
        for bead in alignment?.beads() {
            let (g, e) = (bead.german().to_usize(), bead.english().to_usize());
            for n in [g.start, g.end, e.start, e.end] {
                digest.add(n as u64);
            }
            digest.add(bead.cost().to_bits());
            digest.add(bead.confidence().to_bits());
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let per = |seconds: f64| {
        format!(
            "{seconds:.3} s, {:.2} µs a line pair, {:.1} µs a document",
            seconds * 1e6 / sentences.max(1) as f64,
            seconds * 1e6 / count.max(1) as f64
        )
    };
    outln!("wall {}", per(wall));
    if let (Some(before), Some(after)) = (cpu_start, process_cpu_seconds()) {
        outln!("CPU  {} (all threads)", per(after - before));
    }
    outln!("output digest {:016x}", digest.0);
    Ok(())
}

/// CPU seconds the process has used so far, all threads together (Linux: `/proc/self/stat`,
/// in the kernel's 10 ms ticks); `None` elsewhere.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses: utime and stime are the
    // 14th and 15th fields of the line, the 12th and 13th after the name.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |k: usize| fields.get(k)?.parse::<f64>().ok();
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// FNV-1a over 64-bit words: equal output, equal digest.
struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    fn add(&mut self, word: u64) {
        for byte in word.to_le_bytes() {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[path = "common/corpus.rs"]
mod corpus;
