//! The aligner on arbitrary pairs of texts: never panics, and the beads cover both sides.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::{Aligner, SearchConfig};

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // The two texts are separated by the first NUL (or the second is empty).
    let (german, english) = text.split_once('\0').unwrap_or((&text, ""));
    let aligner = if mode & 4 == 0 {
        Aligner::new()
    } else {
        // A tiny exact threshold forces the banded coarse-to-fine search.
        let mut search = SearchConfig::default();
        search.exact_cells = 4;
        search.band_width = 1;
        search.max_band_width = 4;
        Aligner::builder().search(search).build().unwrap()
    };
    let alignment = match mode & 3 {
        0 => aligner.align(german, english),
        1 => aligner.align_lines(german, english),
        _ => {
            let g: Vec<&str> = german.split(['.', '\n']).collect();
            let e: Vec<&str> = english.split(['.', '\n']).collect();
            aligner.align_sentences(&g, &e)
        }
    }
    .expect("the default shapes align any pair");
    common::assert_covers(&alignment);
    for bead in &alignment {
        let _ = bead.german_text();
        let _ = bead.english_text();
    }
});
