//! The fast (coarse-to-fine, windowed) search against the exact one.

use crate::common;
use crate::seeded;

use proptest::prelude::*;
use satzweise::eval::GoldSet;
use satzweise::io::BeadLine;
use satzweise::{Aligner, Alignment, Lang, SearchConfig, eval};

/// Forces the fast search on any length, with small windows so that short documents are cut
/// into several.
fn fast_aligner(english: Lang) -> Aligner {
    let mut search = SearchConfig::default();
    search.exact_cells = 0;
    search.window_rows = 64;
    search.window_margin = 16;
    Aligner::builder()
        .languages(Lang::De, english)
        .search(search)
        .build()
        .unwrap()
}

fn exact_aligner(english: Lang) -> Aligner {
    Aligner::builder()
        .languages(Lang::De, english)
        .exact_search()
        .build()
        .unwrap()
}

fn ranges(alignment: &Alignment) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    alignment
        .beads()
        .map(|b| (b.german().to_usize(), b.english().to_usize()))
        .collect()
}

/// A German sentence and its translation built from the same seed: the translation may be
/// split in two, and some sentences are left out on either side.
fn document() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    prop::collection::vec((0u32..1000, 1usize..30, 0u8..20), 0..60).prop_map(|items| {
        let mut german = Vec::new();
        let mut english = Vec::new();
        for (seed, words, kind) in items {
            let de: Vec<String> = (0..words)
                .map(|w| format!("wort{}", (seed as usize + w) % 13))
                .collect();
            let en: Vec<String> = (0..words)
                .map(|w| format!("w{}", (seed as usize * 3 + w) % 11))
                .collect();
            match kind {
                0 => german.push(format!("{} {seed}.", de.join(" "))),
                1 => english.push(format!("{} {seed}.", en.join(" "))),
                2 if words > 3 => {
                    german.push(format!("{} {seed}.", de.join(" ")));
                    english.push(format!("{}.", en[..words / 2].join(" ")));
                    english.push(format!("{} {seed}.", en[words / 2..].join(" ")));
                }
                _ => {
                    german.push(format!("{} {seed}.", de.join(" ")));
                    english.push(format!("{} {seed}.", en.join(" ")));
                }
            }
        }
        (german, english)
    })
}

/// What the fast search promises against the exact one: the same beads at the same costs.
/// Its confidences are posteriors over the band around the path (the windows cut the lattice
/// and the band leaves far paths out), so they are probabilities but not the exact search's:
/// on one document of this generator they differ by 0.0015.
fn same_beads_and_costs(exact: &Alignment, fast: &Alignment) -> Result<(), TestCaseError> {
    prop_assert_eq!(ranges(fast), ranges(exact));
    for (a, b) in fast.beads().zip(exact.beads()) {
        prop_assert!((a.cost() - b.cost()).abs() <= 1e-9 * (1.0 + b.cost().abs()));
        prop_assert!((0.0..=1.0).contains(&a.confidence()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(seeded::deterministic(48, 0x5a72_7765_6973_6501))]

    /// The fast search always returns a complete monotone alignment that costs at least as
    /// much as the exact one, and on these translations (a clear diagonal) the same beads at
    /// the same costs.
    #[test]
    fn fast_search_equals_exact_search_on_small_documents((german, english) in document()) {
        let exact = exact_aligner(Lang::En).align_sentences(&german, &english).unwrap();
        let fast = fast_aligner(Lang::En).align_sentences(&german, &english).unwrap();
        prop_assert_eq!(common::coverage(&fast), Ok(()));
        let total = |a: &Alignment| a.beads().map(|b| b.cost()).sum::<f64>();
        prop_assert!(total(&fast) >= total(&exact) - 1e-9);
        same_beads_and_costs(&exact, &fast)?;
    }

}

proptest! {
    #![proptest_config(seeded::deterministic(48, 0x5a72_7765_6973_6502))]

    /// On random, unrelated sentences the fast search may pick another path, but a complete
    /// one that is never cheaper than the exact optimum.
    #[test]
    fn fast_search_is_complete_on_unrelated_text(
        german in prop::collection::vec("[a-zäöü0-9 .]{0,40}", 0..50),
        english in prop::collection::vec("[a-z0-9 .]{0,40}", 0..50),
    ) {
        let exact = exact_aligner(Lang::En).align_sentences(&german, &english).unwrap();
        let fast = fast_aligner(Lang::En).align_sentences(&german, &english).unwrap();
        prop_assert_eq!(common::coverage(&fast), Ok(()));
        let total = |a: &Alignment| a.beads().map(|b| b.cost()).sum::<f64>();
        prop_assert!(total(&fast) >= total(&exact) - 1e-6);
    }
}

/// F1 of `aligner` over a gold set.
fn f1(aligner: &Aligner, set: &GoldSet) -> (f64, f64) {
    let mut gold: Vec<Vec<BeadLine>> = Vec::new();
    let mut test: Vec<Vec<BeadLine>> = Vec::new();
    for document in set.documents() {
        let (german, english) = document.texts().unwrap();
        let alignment = aligner.align_texts(german, english).unwrap();
        test.push(BeadLine::from_alignment(&alignment));
        gold.push(document.gold().unwrap());
    }
    let scores = eval::score(&gold, &test).unwrap();
    (scores.f1_strict(), scores.f1_lax())
}

#[test]
fn fast_search_keeps_the_f1_of_the_exact_search_on_the_dev_sets() {
    let Some(root) = common::shared_data() else {
        return;
    };
    let sets = [
        (
            GoldSet::with_documents(root.join("textberg-de-fr"), "fr", ["dev"]).unwrap(),
            Lang::Fr,
        ),
        (
            GoldSet::open(root.join("wmt21-de-en"), "en").unwrap(),
            Lang::En,
        ),
        (
            GoldSet::open(root.join("wmt21-de-en-perturbed"), "en").unwrap(),
            Lang::En,
        ),
    ];
    for (gold_set, lang) in sets {
        let set = gold_set.dir().display();
        let exact = f1(&exact_aligner(lang), &gold_set);
        let fast = f1(&fast_aligner(lang), &gold_set);
        let default = f1(
            &Aligner::builder()
                .languages(Lang::De, lang)
                .build()
                .unwrap(),
            &gold_set,
        );
        println!("{set}: exact {exact:?} fast {fast:?} default {default:?}");
        for (a, b) in [(exact, fast), (exact, default)] {
            assert!(
                (a.0 - b.0).abs() <= 0.002,
                "{set} strict: exact {} fast {}",
                a.0,
                b.0
            );
            assert!(
                (a.1 - b.1).abs() <= 0.002,
                "{set} lax: exact {} fast {}",
                a.1,
                b.1
            );
        }
    }
}

/// A long document, so that the fast search cuts it into many windows, aligned in pools of
/// one and four threads: the beads and their confidences are bit for bit the same.
#[cfg(feature = "rayon")]
#[test]
fn long_document_gives_the_same_output_with_one_and_four_threads() {
    let mut german = Vec::new();
    let mut english = Vec::new();
    for k in 0..3000usize {
        let words = 4 + (k * 7919) % 19;
        let de: Vec<String> = (0..words)
            .map(|w| format!("wort{}", (k + w) % 23))
            .collect();
        german.push(format!("{} {}.", de.join(" "), k % 97));
        if k % 11 == 3 {
            english.push(format!("{}.", "half ".repeat(words / 2).trim_end()));
            english.push(format!(
                "{} {}.",
                "word ".repeat(words / 2).trim_end(),
                k % 97
            ));
        } else if k % 29 != 5 {
            english.push(format!("{} {}.", "word ".repeat(words).trim_end(), k % 97));
        }
    }
    let mut search = SearchConfig::default();
    search.window_rows = 256;
    search.window_margin = 32;
    let aligner = Aligner::builder().search(search).build().unwrap();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| {
                let alignment = aligner.align_sentences(&german, &english).unwrap();
                alignment
                    .beads()
                    .map(|b| {
                        (
                            b.german().to_usize(),
                            b.english().to_usize(),
                            b.confidence().to_bits(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
    };
    let one = run(1);
    assert_eq!(one.len(), run(4).len());
    assert_eq!(one, run(4));
}
