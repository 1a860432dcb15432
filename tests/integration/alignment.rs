//! Invariants of every alignment, on random inputs, through the public API only.

use proptest::prelude::*;

use crate::seeded;
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
    #![proptest_config(seeded::deterministic(64, 0x5a72776569736601))]

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
    assert!(
        aligner
            .config()
            .shapes
            .allowed
            .contains(&BeadShape::new(4, 3))
    );
    assert!(
        !aligner
            .config()
            .shapes
            .allowed
            .contains(&BeadShape::new(0, 2))
    );
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
            serde_json::from_str(r#"{"costs": {"skip_cost": 2.0}}"#).unwrap();
        assert_eq!(partial.costs.skip_cost, 2.0);
    }
}

/// Every sentence of both sides is in exactly one bead, whatever the order of the beads.
fn assert_each_sentence_once(alignment: &Alignment) {
    let mut german = vec![0usize; alignment.german_text().len()];
    let mut english = vec![0usize; alignment.english_text().len()];
    for bead in alignment {
        assert!(!(bead.german().is_empty() && bead.english().is_empty()));
        assert!((0.0..=1.0).contains(&bead.confidence()));
        assert!(bead.cost().is_finite());
        assert_eq!(bead.shape().german(), bead.german_indices().len());
        assert_eq!(bead.shape().english(), bead.english_indices().len());
        for g in bead.german_indices() {
            assert!(bead.german().contains(g));
            german[g.get()] += 1;
        }
        for e in bead.english_indices() {
            assert!(bead.english().contains(e));
            english[e.get()] += 1;
        }
        assert_eq!(
            bead.is_contiguous(),
            bead.german_indices().len() == bead.german().len()
                && bead.english_indices().len() == bead.english().len()
        );
    }
    assert!(german.iter().chain(&english).all(|&n| n == 1));
    assert_eq!(alignment.is_monotone(), alignment.reordered().len() == 0);
}

/// An aligner that looks for reordered beads eagerly (no penalty, no margin).
fn eager_reorder() -> Aligner {
    let mut config = satzweise::AlignerConfig::default();
    config.reorder.enabled = true;
    config.reorder.hole_cost = 0.0;
    config.reorder.crossing_cost = 0.0;
    config.reorder.min_gain = 0.0;
    config.reorder.site_below = 1.0;
    Aligner::from_config(config).unwrap()
}

proptest! {
    #![proptest_config(seeded::deterministic(48, 0x5a72776569736602))]

    #[test]
    fn reordering_keeps_every_sentence_in_one_bead(
        german in prop::collection::vec(sentence(), 0..30),
        english in prop::collection::vec(sentence(), 0..30),
    ) {
        let aligner = eager_reorder();
        let alignment = aligner.align_sentences(&german, &english).unwrap();
        assert_each_sentence_once(&alignment);
        // The same input, the same output.
        prop_assert_eq!(aligner.align_sentences(&german, &english).unwrap(), alignment);
    }
}

/// Sentences of the two sides of a swapped pair: each German sentence shares its numbers and
/// names with one English sentence.
fn swapped_pair() -> (Vec<String>, Vec<String>) {
    let mut german: Vec<String> = (0..12)
        .map(|k| {
            format!(
                "Im Jahr {} besuchte Anna Keller {} Gipfel im Wallis.",
                1900 + k,
                k + 3
            )
        })
        .collect();
    let mut english: Vec<String> = (0..12)
        .map(|k| {
            format!(
                "In {} Anna Keller climbed {} summits in the Valais.",
                1900 + k,
                k + 3
            )
        })
        .collect();
    german[5] = "Die Seilschaft Zermatt-Matterhorn zählte 4478 Meter und 17 Haken.".into();
    german[6] = "Am 14. Juli 1865 erreichten Whymper und Croz den Gipfel.".into();
    english[5] = "On 14 July 1865 Whymper and Croz reached the summit.".into();
    english[6] = "The Zermatt-Matterhorn rope team counted 4478 metres and 17 pitons.".into();
    german.truncate(12);
    english.truncate(12);
    (german, english)
}

#[test]
fn a_swapped_pair_becomes_two_crossing_beads() {
    let (german, english) = swapped_pair();
    let monotone = Aligner::new().align_sentences(&german, &english).unwrap();
    assert!(monotone.is_monotone());
    let mut config = satzweise::AlignerConfig::default();
    config.reorder.enabled = true;
    let alignment = Aligner::from_config(config)
        .unwrap()
        .align_sentences(&german, &english)
        .unwrap();
    assert_each_sentence_once(&alignment);
    let reordered: Vec<(Vec<usize>, Vec<usize>)> = alignment
        .reordered()
        .map(|b| {
            (
                b.german_indices().map(|i| i.get()).collect(),
                b.english_indices().map(|i| i.get()).collect(),
            )
        })
        .collect();
    assert_eq!(reordered, [(vec![5], vec![6]), (vec![6], vec![5])]);
    let report = satzweise::quality::Report::new(&alignment);
    let reasons: Vec<String> = report
        .flagged()
        .flat_map(|b| b.flags().iter().map(|f| f.reason()).collect::<Vec<_>>())
        .filter(|r| r.starts_with("reordered"))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("crosses 1 other bead"), "{reasons:?}");
}

#[test]
fn a_bead_with_a_hole_reads_as_its_sentences() {
    use satzweise::{Bead, EnglishIndex, GermanIndex, Text};
    let german = Text::from_lines("Inzwischen gelten 5000 Rupien.\nElf.");
    let english = Text::from_lines("En attendant,\n.:--\nl'indemnité est de 5000 roupies.\nOnze.");
    let g = |k: usize| GermanIndex::new(k);
    let e = |k: usize| EnglishIndex::new(k);
    let beads = vec![
        Bead::from_indices([g(0)], [e(0), e(2)], 0.0, 0.9).unwrap(),
        Bead::from_indices([], [e(1)], 0.0, 0.8).unwrap(),
        Bead::from_indices([g(1)], [e(3)], 0.0, 0.9).unwrap(),
    ];
    let alignment = Alignment::from_parts(german, english, beads).unwrap();
    assert_each_sentence_once(&alignment);
    let first = alignment.beads().next().unwrap();
    assert!(!first.is_contiguous());
    assert_eq!(first.english().to_usize(), 0..3);
    assert_eq!(
        first.english_text(),
        "En attendant, l'indemnité est de 5000 roupies."
    );
    assert_eq!(first.shape(), BeadShape::new(1, 2));
    // The omission sits where the German side of the bead before it ended.
    let omission = alignment.beads().nth(1).unwrap();
    assert_eq!(omission.german().start().get(), 1);
    assert_eq!(
        alignment
            .omissions()
            .map(|o| o.index().get())
            .collect::<Vec<_>>(),
        [1]
    );
    assert_eq!(alignment.reordered().count(), 1);
    let report = satzweise::quality::Report::new(&alignment);
    let reason = report
        .flagged()
        .flat_map(|b| b.flags().iter().map(|f| f.reason()).collect::<Vec<_>>())
        .find(|r| r.starts_with("reordered"))
        .unwrap();
    assert!(
        reason.contains("English sentence 1 in between belongs to other beads"),
        "{reason}"
    );
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&alignment).unwrap();
        assert!(json.contains("\"english\":[0,2]"), "{json}");
        let back: Alignment = serde_json::from_str(&json).unwrap();
        assert_eq!(back, alignment);
    }
}

#[test]
fn beads_that_do_not_cover_once_are_rejected() {
    use satzweise::{Bead, EnglishIndex, GermanIndex, Text};
    let german = || Text::from_lines("a\nb");
    let english = || Text::from_lines("x\ny");
    let bead = |g: &[usize], e: &[usize]| {
        Bead::from_indices(
            g.iter().map(|&k| GermanIndex::new(k)),
            e.iter().map(|&k| EnglishIndex::new(k)),
            0.0,
            1.0,
        )
        .unwrap()
    };
    let twice = vec![bead(&[0], &[0, 1]), bead(&[1], &[1])];
    assert!(Alignment::from_parts(german(), english(), twice).is_err());
    let missing = vec![bead(&[0, 1], &[1])];
    assert!(Alignment::from_parts(german(), english(), missing).is_err());
    let past_the_end = vec![bead(&[0, 1], &[0, 1, 2])];
    assert!(Alignment::from_parts(german(), english(), past_the_end).is_err());
    assert!(Bead::from_indices([GermanIndex::new(0), GermanIndex::new(0)], [], 0.0, 1.0).is_err());
    let wide = Bead::from_indices([GermanIndex::new(0), GermanIndex::new(64)], [], 0.0, 1.0);
    assert!(wide.unwrap_err().to_string().contains("at most 64"));
    let crossing = vec![bead(&[0], &[1]), bead(&[1], &[0])];
    let crossing = Alignment::from_parts(german(), english(), crossing).unwrap();
    assert!(!crossing.is_monotone());
    assert_eq!(crossing.reordered().count(), 2);
}
