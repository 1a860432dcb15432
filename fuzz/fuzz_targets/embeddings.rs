//! Feeds arbitrary bytes to the embedding readers and scores every run of a small pair of
//! texts: errors are fine, panics and non-finite costs from finite input are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::{
    Candidate, EmbeddingOptions, EmbeddingScorer, EmbeddingTable, PairFeatures, Scorer, Text,
};

fuzz_target!(|data: &[u8]| {
    // First byte: dimension hint; then the overlaps text up to a NUL byte, then the matrix.
    let Some((&hint, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (overlaps, matrix) = rest.split_at(split);
    let matrix = matrix.get(1..).unwrap_or(&[]);
    let dim = if hint == 0 { None } else { Some(hint as usize % 9) };
    let Ok(table) = EmbeddingTable::from_bytes(overlaps, matrix, dim) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(overlaps) else {
        return;
    };
    let german = Text::from_lines(text);
    let english = Text::from_lines(text);
    let mut options = EmbeddingOptions::default();
    options.max_run = 3;
    let Ok(scorer) = EmbeddingScorer::with_options(table.clone(), table, options) else {
        return;
    };
    let scorer = scorer.for_document(&german, &english);
    let pair = PairFeatures::new(&german, &english);
    let (n, m) = (german.len().min(6), english.len().min(6));
    for i in 0..=n {
        for j in 0..=m {
            for a in 0..3 {
                for b in 0..3 {
                    let bead = Candidate::from_ranges(i..(i + a).min(n + 1), j..(j + b).min(m + 1));
                    let cost = scorer.cost(&pair, bead);
                    assert!(!cost.is_nan());
                }
            }
        }
    }
});
