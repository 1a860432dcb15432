//! Prints how the default pipeline scales with the document length, stage by stage.
//!
//! ```text
//! cargo run --release --example scale -- [SIZES...]
//! ```
//!
//! Each size is a number of sentence pairs (default: 1000 10000 100000 1000000). The input is
//! made by repeating the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set when
//! they are present, synthetic sentences otherwise. For each size it prints the time of the
//! features, of the whole alignment (features + search + scores) and the sentences per
//! second, best of `SCALE_RUNS` runs (default 3) to damp the noise of a shared machine.

use std::time::{Duration, Instant};

use satzweise::{Aligner, PairFeatures, Text};

#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "usage: scale [SIZES...]

Prints how the default pipeline scales with the document length: for each size (sentence
pairs; default 1000 10000 100000 1000000) the time of the features and of the whole
alignment, best of SCALE_RUNS runs (environment variable, default 3).

  -h, --help   this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> std::process::ExitCode {
    cli::run("scale", USAGE, |args| {
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

#[path = "common/corpus.rs"]
mod corpus;
