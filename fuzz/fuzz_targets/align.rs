//! The aligner on arbitrary pairs of texts: never panics, and the beads cover both sides.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::{Aligner, Alignment, SearchConfig};

fn check(alignment: &Alignment) {
    let (mut g, mut e) = (0, 0);
    for bead in alignment.beads() {
        let (gr, er) = (bead.german().to_usize(), bead.english().to_usize());
        assert_eq!((gr.start, er.start), (g, e));
        assert!(!(gr.is_empty() && er.is_empty()));
        assert!((0.0..=1.0).contains(&bead.confidence()));
        (g, e) = (gr.end, er.end);
    }
    assert_eq!((g, e), (alignment.german_text().len(), alignment.english_text().len()));
}

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
    check(&alignment);
    for bead in &alignment {
        let _ = bead.german_text();
        let _ = bead.english_text();
    }
});
