//! Loads a Ding dictionary (by default the Debian `trans-de-en` file) and the built-in core
//! lexicon, and prints their sizes and load times (best of several runs).
//!
//! ```text
//! cargo run --release --example load_dictionary -- /usr/share/trans/de-en 5
//! ```

use std::time::Instant;

use satzweise::Dictionary;

fn main() -> Result<(), satzweise::Error> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "/usr/share/trans/de-en".to_owned());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut best = f64::INFINITY;
    let mut dictionary = Dictionary::new();
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let loaded = Dictionary::from_ding_file(&path)?;
        best = best.min(start.elapsed().as_secs_f64());
        // The previous dictionary is dropped here, outside the timed part.
        dictionary = loaded;
    }
    println!(
        "{path}: {} German words, {} pairs, {} lines skipped; load {:.0} ms (best of {runs})",
        dictionary.len(),
        dictionary.pair_count(),
        dictionary.skipped_lines(),
        best * 1000.0
    );
    let start = Instant::now();
    let core = Dictionary::core_de_en();
    println!(
        "core lexicon: {} German words, {} pairs; parse {:.1} ms",
        core.len(),
        core.pair_count(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}
