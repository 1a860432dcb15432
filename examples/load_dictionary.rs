//! Loads a Ding dictionary (by default the Debian `trans-de-en` file) and the built-in core
//! lexicon, and prints their sizes and load times (best of several runs).
//!
//! ```text
//! cargo run --release --example load_dictionary -- /usr/share/trans/de-en 5
//! ```

use std::process::ExitCode;
use std::time::Instant;

use satzweise::Dictionary;

#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "usage: load_dictionary [DING_FILE [RUNS]]

Loads a Ding dictionary (default /usr/share/trans/de-en, Debian package trans-de-en) RUNS
times (default 5) and the built-in core lexicon, and prints their sizes and load times.

  -h, --help   this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> ExitCode {
    cli::run("load_dictionary", USAGE, |args| {
        let operands = args.operands(0, 2)?;
        let path = operands
            .first()
            .cloned()
            .unwrap_or_else(|| "/usr/share/trans/de-en".to_owned());
        let runs: usize = match operands.get(1) {
            Some(runs) => runs
                .parse()
                .map_err(|e| cli::Failure::usage(format!("RUNS {runs:?}: {e}")))?,
            None => 5,
        };
        load(&path, runs)
    })
}

fn load(path: &str, runs: usize) -> Result<(), cli::Failure> {
    let mut best = f64::INFINITY;
    let mut dictionary = Dictionary::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let loaded = Dictionary::from_ding_file(path)?;
        best = best.min(start.elapsed().as_secs_f64());
        // The previous dictionary is dropped here, outside the timed part.
        dictionary = loaded;
    }
    outln!(
        "{path}: {} German words, {} pairs, {} lines skipped; load {:.0} ms (best of {runs})",
        dictionary.len(),
        dictionary.pair_count(),
        dictionary.skipped_lines(),
        best * 1000.0
    );
    let start = Instant::now();
    let core = Dictionary::core_de_en();
    outln!(
        "core lexicon: {} German words, {} pairs; parse {:.1} ms",
        core.len(),
        core.pair_count(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}
