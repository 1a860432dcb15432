//! Invariants of every alignment, on random inputs, through the public API only.

use proptest::prelude::*;
use satzweise::{Aligner, Alignment, BeadShape};

/// Beads are in order and cover every sentence of both sides exactly once.
fn assert_covering(alignment: &Alignment) {
    let (mut german, mut english) = (0, 0);
    for bead in alignment {
        assert_eq!(bead.german().start().get(), german);
        assert_eq!(bead.english().start().get(), english);
        assert!(!(bead.german().is_empty() && bead.english().is_empty()));
        assert!((0.0..=1.0).contains(&bead.confidence()));
        assert!(bead.cost().is_finite());
        german = bead.german().end().get();
        english = bead.english().end().get();
    }
    assert_eq!(german, alignment.german_text().len());
    assert_eq!(english, alignment.english_text().len());
}

fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-ZÄÖÜ][a-zäöüß]{0,12}( [a-zäöüß0-9]{1,10}){0,20}[.!?]",
        "[0-9]{1,6}",
        ".{0,40}",
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn presplit_beads_are_monotone_and_cover(
        german in prop::collection::vec(sentence(), 0..25),
        english in prop::collection::vec(sentence(), 0..25),
    ) {
        let alignment = Aligner::new().align_sentences(&german, &english).unwrap();
        assert_covering(&alignment);
        prop_assert_eq!(alignment.german_text().len(), german.len());
        prop_assert_eq!(alignment.english_text().len(), english.len());
    }

    #[test]
    fn raw_text_beads_are_monotone_and_cover(german in ".{0,300}", english in ".{0,300}") {
        let alignment = Aligner::new().align(&german, &english).unwrap();
        assert_covering(&alignment);
        for (k, sentence) in alignment.german_text().sentences().enumerate() {
            let span = alignment.german_text().span(k).unwrap();
            prop_assert_eq!(&german[span.range()], sentence);
        }
    }

    #[test]
    fn narrow_search_keeps_the_invariants(
        german in prop::collection::vec(sentence(), 0..60),
        english in prop::collection::vec(sentence(), 0..60),
    ) {
        let mut search = satzweise::SearchConfig::default();
        search.exact_cells = 16;
        search.band_width = 2;
        search.max_band_width = 4;
        let aligner = Aligner::builder().search(search).build().unwrap();
        let alignment = aligner.align_sentences(&german, &english).unwrap();
        assert_covering(&alignment);
    }
}

#[test]
fn larger_shapes_are_configurable() {
    let aligner = Aligner::builder().max_bead(4, 4).build().unwrap();
    assert!(aligner.config().shapes.contains(&BeadShape::new(4, 3)));
    assert!(!aligner.config().shapes.contains(&BeadShape::new(0, 2)));
    let alignment = aligner
        .align_sentences(
            &["Ein langer Satz mit 12 Teilen, 3 Zahlen und 7 Namen wie Bern und Zürich."],
            &[
                "A long",
                "sentence with 12",
                "parts, 3 numbers",
                "and 7 names such as Bern and Zurich.",
            ],
        )
        .unwrap();
    assert_covering(&alignment);
}

#[test]
fn typed_iterators_agree_with_the_beads() {
    let alignment = Aligner::new()
        .align_sentences(
            &["Erster Satz mit 2020.", "Zweiter Satz.", "Tags:"],
            &[
                "First sentence with 2020.",
                "An English sentence the German lacks entirely here.",
                "Second sentence.",
            ],
        )
        .unwrap();
    assert_covering(&alignment);
    let beads = alignment.beads();
    assert_eq!(beads.len(), alignment.bead_slice().len());
    let reversed: Vec<_> = alignment
        .beads()
        .rev()
        .map(|b| b.german().start())
        .collect();
    let mut forward: Vec<_> = alignment.beads().map(|b| b.german().start()).collect();
    forward.reverse();
    assert_eq!(reversed, forward);
    let paired: usize = alignment.pairs().count();
    let skips = alignment
        .beads()
        .filter(|b| b.german().is_empty() || b.english().is_empty())
        .count();
    assert_eq!(paired + skips, alignment.beads().len());
    assert_eq!(alignment.confident(0.0).count(), alignment.beads().len());
    assert!(alignment.confident(1.1).next().is_none());
    for omission in alignment.omissions() {
        assert_eq!(
            alignment.english_sentence(omission.index()),
            Some(omission.text())
        );
    }
    for addition in alignment.additions() {
        assert_eq!(
            alignment.german_sentence(addition.index()),
            Some(addition.text())
        );
    }
}

#[cfg(feature = "serde")]
mod serde_round_trip {
    use super::*;

    #[test]
    fn alignment_reads_back_equal() {
        let alignment = Aligner::new()
            .align(
                "Dr. Müller kam am 3. Mai. Er blieb \"zwei\" Wochen.\nTags:",
                "Dr Müller came on 3 May. He stayed for two weeks.",
            )
            .unwrap();
        let json = serde_json::to_string(&alignment).unwrap();
        assert!(json.contains("\"shape\":\"1-1\""), "{json}");
        assert!(
            json.contains("\"text\":\"Dr. Müller kam am 3. Mai.\""),
            "{json}"
        );
        let back: Alignment = serde_json::from_str(&json).unwrap();
        assert_eq!(back, alignment);
    }

    #[test]
    fn tampered_json_is_rejected() {
        let alignment = Aligner::new()
            .align_sentences(&["Eins.", "Zwei."], &["One.", "Two."])
            .unwrap();
        let json = serde_json::to_string(&alignment).unwrap();
        let skipping = json.replacen("\"german\":[1]", "\"german\":[0]", 1);
        assert!(serde_json::from_str::<Alignment>(&skipping).is_err());
        let wrong_text = json.replacen("\"text\":\"Eins.\"", "\"text\":\"Drei.\"", 1);
        assert!(serde_json::from_str::<Alignment>(&wrong_text).is_err());
    }

    #[test]
    fn config_round_trips() {
        let config = Aligner::builder()
            .skip_cost(1.25)
            .max_bead(2, 3)
            .build()
            .unwrap()
            .config()
            .clone();
        let json = serde_json::to_string(&config).unwrap();
        let back: satzweise::AlignerConfig = serde_json::from_str(&json).unwrap();
        assert_eq!(back, config);
        let partial: satzweise::AlignerConfig =
            serde_json::from_str(r#"{"skip_cost": 2.0}"#).unwrap();
        assert_eq!(partial.skip_cost, 2.0);
    }
}
