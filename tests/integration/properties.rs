//! Property tests of the invariants in DESIGN.md: beads are monotone and cover every sentence
//! once; the output does not depend on the number of threads; NFC and NFD forms of a text
//! align alike; alignments and configurations survive a serde round trip.

use crate::common;

use proptest::prelude::*;

use crate::seeded;
use satzweise::{Aligner, Alignment, SearchConfig};
#[cfg(feature = "serde")]
use satzweise::{AlignerConfig, BeadShape, Lang};
use unicode_normalization::UnicodeNormalization;

/// Sentence-like strings: words of German and English letters (umlauts, accents), digits,
/// punctuation, and now and then anything at all.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-ZÄÖÜa-zäöüßéèçñ0-9]{1,12}( [A-Za-zäöüÄÖÜßéà0-9.,:;!?\"()-]{1,12}){0,12}[.!?]?",
        1 => "\\PC{0,30}",
        1 => any::<String>(),
    ]
}

fn sentences(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(sentence(), 0..max)
}

fn ranges(a: &Alignment) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    a.beads()
        .map(|b| (b.german().to_usize(), b.english().to_usize()))
        .collect()
}

/// Beads in order, each starting where the previous ended, none empty on both sides,
/// together covering every sentence of both sides once; confidences in [0, 1].
fn assert_covers(alignment: &Alignment) -> Result<(), TestCaseError> {
    common::coverage(alignment).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(seeded::deterministic(96, 0x5a72776569736604))]

    #[test]
    fn beads_are_monotone_and_cover_each_sentence_once(
        german in sentences(25),
        english in sentences(25),
    ) {
        let alignment = Aligner::new().align_sentences(&german, &english).unwrap();
        prop_assert_eq!(alignment.german_text().len(), german.len());
        prop_assert_eq!(alignment.english_text().len(), english.len());
        assert_covers(&alignment)?;
    }

    #[test]
    fn raw_text_alignment_covers_too(german in "\\PC{0,300}", english in "\\PC{0,300}") {
        let alignment = Aligner::new().align(&german, &english).unwrap();
        assert_covers(&alignment)?;
    }

    /// The banded (coarse-to-fine) search keeps the invariant as well.
    #[test]
    fn banded_search_covers(german in sentences(60), english in sentences(60)) {
        let mut search = SearchConfig::default();
        search.exact_cells = 16;
        search.band_width = 2;
        search.max_band_width = 8;
        let aligner = Aligner::builder().search(search).build().unwrap();
        let alignment = aligner.align_sentences(&german, &english).unwrap();
        assert_covers(&alignment)?;
    }

    /// NFC and NFD spellings of the same sentences give the same beads and, up to rounding,
    /// the same confidences.
    #[test]
    fn nfc_and_nfd_align_alike(german in sentences(12), english in sentences(12)) {
        let nfc = |v: &[String]| v.iter().map(|s| s.nfc().collect::<String>()).collect::<Vec<_>>();
        let nfd = |v: &[String]| v.iter().map(|s| s.nfd().collect::<String>()).collect::<Vec<_>>();
        let aligner = Aligner::new();
        let composed = aligner.align_sentences(&nfc(&german), &nfc(&english)).unwrap();
        let decomposed = aligner.align_sentences(&nfd(&german), &nfd(&english)).unwrap();
        prop_assert_eq!(ranges(&composed), ranges(&decomposed));
        for (a, b) in composed.beads().zip(decomposed.beads()) {
            prop_assert!((a.confidence() - b.confidence()).abs() < 1e-9, "{} vs {}", a.confidence(), b.confidence());
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn alignment_survives_json(german in sentences(10), english in sentences(10)) {
        let alignment = Aligner::new().align_sentences(&german, &english).unwrap();
        let json = serde_json::to_string(&alignment).unwrap();
        let back: Alignment = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, alignment);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn config_survives_json(
        shapes in prop::collection::vec((0u8..=8, 0u8..=8), 1..10),
        weights in prop::array::uniform6(0.0f64..100.0),
        exact_cells in any::<usize>(),
        band in 0usize..1000,
        english in prop::sample::select(vec![Lang::De, Lang::En, Lang::Fr, Lang::Other]),
    ) {
        let mut config = AlignerConfig::default();
        config.languages.english = english;
        config.shapes.allowed = shapes.into_iter().map(|(a, b)| BeadShape::new(a, b)).collect();
        config.costs.length_weight = weights[0];
        config.costs.length_variance = weights[1];
        config.costs.anchor_weight = weights[2];
        config.costs.merge_cost = weights[3];
        config.costs.skip_cost = weights[4];
        config.temperature = weights[5];
        config.search.exact_cells = exact_cells;
        config.search.band_width = band;
        config.search.max_band_width = band * 2;
        let json = serde_json::to_string(&config).unwrap();
        let back: AlignerConfig = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, config);
    }
}

/// A batch of document pairs aligned in a pool of 1 thread and in a pool of 4 gives the same
/// alignments, bit for bit.
#[cfg(feature = "rayon")]
mod threads {
    use super::*;
    use rayon::prelude::*;

    fn align_in_pool(threads: usize, docs: &[(Vec<String>, Vec<String>)]) -> Vec<Alignment> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let aligner = Aligner::new();
        pool.install(|| {
            docs.par_iter()
                .map(|(g, e)| aligner.align_sentences(g, e).unwrap())
                .collect()
        })
    }

    proptest! {
        #![proptest_config(seeded::deterministic(16, 0x5a72776569736605))]

        #[test]
        fn same_output_with_1_and_4_threads(
            docs in prop::collection::vec((sentences(20), sentences(20)), 1..12),
        ) {
            let one = align_in_pool(1, &docs);
            let four = align_in_pool(4, &docs);
            prop_assert_eq!(one, four);
        }
    }

    /// Pieces of different sizes of the development document of textberg (never the test
    /// files); the whole document takes over a minute twice in a debug build.
    #[test]
    fn same_output_with_1_and_4_threads_on_real_data() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/textberg-de-fr");
        let (Ok(de), Ok(fr)) = (
            std::fs::read_to_string(dir.join("dev.de")),
            std::fs::read_to_string(dir.join("dev.fr")),
        ) else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        let de: Vec<String> = de.lines().map(str::to_owned).collect();
        let fr: Vec<String> = fr.lines().map(str::to_owned).collect();
        let mut docs = Vec::new();
        for (k, size) in [40usize, 90, 120, 7, 60].into_iter().enumerate() {
            let start = k * 37;
            let g = de.iter().skip(start).take(size).cloned().collect();
            let f = fr.iter().skip(start).take(size + k).cloned().collect();
            docs.push((g, f));
        }
        assert_eq!(align_in_pool(1, &docs), align_in_pool(4, &docs));
    }
}
