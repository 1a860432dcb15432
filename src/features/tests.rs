//! Unit tests of the features.

use super::evidence::{EvidenceCounter, STAMPS, SideStamps};
use super::link::{char_counts, may_reach_near_identity};
use super::translation::TranslationEvidence;
use super::*;
use std::ops::Range;

/// Features weighted by kind and document frequency only (no discount for chance matches),
/// so that the evidence of one- and two-sentence documents shows.
fn plain<'a>(german: &'a Text, english: &'a Text) -> PairFeatures<'a> {
    let scheme = WeightScheme {
        idf_power: 1.0,
        chance_power: 0.0,
        ..WeightScheme::default()
    };
    PairFeatures::with_scheme(german, english, scheme)
}

#[test]
fn numbers_match_across_notations() {
    let german = Text::from_sentences(["Es kostet 1.000,5 Euro am 29. Mai."]);
    let english = Text::from_sentences(["It costs 1,000.5 euros on May 29th."]);
    let pair = plain(&german, &english);
    let evidence = pair.evidence(0..1, 0..1);
    // 10005 and 29 are shared, both sides.
    assert!(evidence.german_matched >= 2.0, "{evidence:?}");
    assert_eq!(evidence.german_unmatched, 0.0);
}

#[test]
fn near_identical_names_link() {
    let german = Text::from_sentences(["Aserbaidschan und Litauen.", "Nichts."]);
    let english = Text::from_sentences(["Azerbaijan and Lithuania.", "Nothing."]);
    let pair = plain(&german, &english);
    assert!(pair.evidence(0..1, 0..1).german_matched > 0.5);
    assert_eq!(pair.evidence(1..2, 1..2), Evidence::default());
    assert!(pair.evidence(0..1, 1..2).german_unmatched > 0.5);
}

#[test]
fn empty_runs_have_no_evidence() {
    let german = Text::from_sentences(["2020"]);
    let english = Text::from_sentences(["2020"]);
    let pair = plain(&german, &english);
    assert_eq!(pair.evidence(0..0, 0..1), Evidence::default());
    assert_eq!(pair.evidence(0..1, 0..1).german_matched, 1.0);
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 256,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5a72_7765_6973_6517),
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]

    #[test]
    fn the_near_identity_bound_never_rejects_a_near_identical_pair(
        a in "[aeinrstkä]{5,14}",
        edits in proptest::collection::vec((0usize..16, "[aeinrstkäz]?"), 0..4),
    ) {
        // `b` is `a` with a few characters replaced, dropped or appended.
        let mut chars: Vec<char> = a.chars().collect();
        for (at, with) in &edits {
            match (with.chars().next(), *at < chars.len()) {
                (Some(c), true) => chars[*at] = c,
                (Some(c), false) => chars.push(c),
                (None, true) => {
                    chars.remove(*at);
                }
                (None, false) => {}
            }
        }
        let b: String = chars.into_iter().collect();
        let (a_len, b_len) = (a.chars().count(), b.chars().count());
        let (Some(a_counts), Some(b_counts)) = (char_counts(&a), char_counts(&b)) else {
            unreachable!("short words")
        };
        if strsim::jaro_winkler(&a, &b) >= 0.9 {
            proptest::prop_assert!(may_reach_near_identity(&a_counts, a_len, &b_counts, b_len));
        }
    }
}

#[test]
fn the_near_identity_bound_rejects_unlike_words() {
    let bound = |a: &str, b: &str| {
        let (a_counts, b_counts) = (char_counts(a).unwrap(), char_counts(b).unwrap());
        may_reach_near_identity(&a_counts, a.len(), &b_counts, b.len())
    };
    assert!(bound("aserbaidshan", "aserbaijan"));
    assert!(bound("litauen", "lituania"));
    assert!(!bound("regierung", "government"));
}

#[test]
fn a_type_counts_once_per_run() {
    let german = Text::from_sentences(["Im Jahr 2020.", "Seit 2020.", "Nichts."]);
    let english = Text::from_sentences(["In 2020.", "Since 2020.", "Nothing."]);
    let pair = plain(&german, &english);
    let one = pair.evidence(0..1, 0..1);
    assert!(one.german_matched > 0.0, "{one:?}");
    assert_eq!(pair.evidence(0..2, 0..1), one);
    // The same weights; "Nichts." links nothing in the merged bead.
    let merged = Evidence {
        unlinked_sentences: 1,
        unlinked_length: pair.german.lengths()[2],
        ..one
    };
    assert_eq!(pair.evidence(0..3, 0..2), merged);
    assert_eq!(pair.evidence(2..3, 2..3), Evidence::default());
}

#[test]
fn stamps_survive_the_wraparound_of_epochs() {
    let german = Text::from_sentences(["Es kostet 1.000,5 Euro.", "Am 29. Mai.", "Ja!"]);
    let english = Text::from_sentences(["It costs 1,000.5 euros.", "On May 29th.", "No."]);
    let pair = plain(&german, &english);
    let runs = [
        (0..1, 0..1),
        (0..1, 1..2),
        (0..2, 0..2),
        (1..3, 0..1),
        (2..3, 2..3),
    ];
    let expected: Vec<Evidence> = runs
        .iter()
        .map(|(g, e)| pair.evidence(g.clone(), e.clone()))
        .collect();
    STAMPS.with_borrow_mut(|stamps| {
        stamps.german.epoch = SideStamps::LAST_EPOCH - 2;
        stamps.english.epoch = SideStamps::LAST_EPOCH - 1;
    });
    for _ in 0..3 {
        for ((g, e), &want) in runs.iter().zip(&expected) {
            assert_eq!(pair.evidence(g.clone(), e.clone()), want, "{g:?} {e:?}");
        }
    }
    assert!(STAMPS.with_borrow(|stamps| stamps.german.epoch.max(stamps.english.epoch)) < 100);
}

/// The evidence as the definition says: the union of each run's linkable rows in order of
/// first occurrence, each type matched when one of its links is in the other run's union.
fn evidence_by_definition(
    pair: &PairFeatures<'_>,
    german: Range<usize>,
    english: Range<usize>,
) -> Evidence {
    if german.is_empty() || english.is_empty() {
        return Evidence::default();
    }
    let union = |side: &SideFeatures, run: Range<usize>| {
        let mut types: Vec<u32> = Vec::new();
        for k in run {
            for &t in side.linkable(k) {
                if !types.contains(&t) {
                    types.push(t);
                }
            }
        }
        types
    };
    let (german_types, english_types) = (
        union(&pair.german, german.clone()),
        union(&pair.english, english.clone()),
    );
    let sums = |side: &SideFeatures, own: &[u32], other: &[u32]| {
        let (mut matched, mut unmatched) = (0.0f32, 0.0f32);
        for &t in own {
            if side.links(t).iter().any(|l| other.contains(l)) {
                matched += side.weight(t);
            } else {
                unmatched += side.weight(t);
            }
        }
        (matched, unmatched)
    };
    let (german_matched, german_unmatched) = sums(&pair.german, &german_types, &english_types);
    let (english_matched, english_unmatched) = sums(&pair.english, &english_types, &german_types);
    // A sentence is unlinked when none of its own types has a link in the other run.
    let unlinked = |side: &SideFeatures, run: Range<usize>, other: &[u32]| {
        let sentences: Vec<usize> = run
            .filter(|&k| {
                !side
                    .linkable(k)
                    .iter()
                    .any(|&t| side.links(t).iter().any(|l| other.contains(l)))
            })
            .collect();
        let length = sentences
            .iter()
            .fold(0.0f32, |sum, &k| sum + side.lengths()[k]);
        (sentences.len() as u32, length)
    };
    let (unlinked_sentences, unlinked_length) = if german.len() + english.len() > 2 {
        let (g_count, g_length) = unlinked(&pair.german, german, &english_types);
        let (e_count, e_length) = unlinked(&pair.english, english, &german_types);
        (g_count + e_count, g_length + e_length)
    } else {
        (0, 0.0)
    };
    Evidence {
        german_matched,
        german_unmatched,
        english_matched,
        english_unmatched,
        unlinked_sentences,
        unlinked_length,
    }
}

#[test]
fn the_counter_gives_the_definition_to_the_bit_in_any_order() {
    let german = Text::segment(
        include_str!("../../examples/data/article.de.txt"),
        crate::Lang::De,
    );
    let english = Text::segment(
        include_str!("../../examples/data/article.en.txt"),
        crate::Lang::En,
    );
    let pair = PairFeatures::new(&german, &english);
    let (n, m) = (german.len(), english.len());
    let mut beads = Vec::new();
    for i1 in 0..=n {
        for j1 in 0..=m {
            for a in 0..=4.min(i1) {
                for b in 0..=4.min(j1) {
                    beads.push((i1 - a..i1, j1 - b..j1));
                }
            }
        }
    }
    let want: Vec<Evidence> = beads
        .iter()
        .map(|(g, e)| evidence_by_definition(&pair, g.clone(), e.clone()))
        .collect();
    assert!(
        want.iter()
            .filter(|e| e.german_matched > 0.0 && e.german_unmatched > 0.0)
            .count()
            > 10
    );
    assert!(want.iter().filter(|e| e.unlinked_sentences > 0).count() > 10);
    // Row by row as the search asks, backwards, and strided; with counters that know the
    // longest runs and with one that is told too little.
    let orders: [Box<dyn Fn(usize) -> usize>; 3] = [
        Box::new(|k| k),
        Box::new(|k| beads.len() - 1 - k),
        Box::new(|k| (k * 7919) % beads.len()),
    ];
    for order in &orders {
        for longest in [(4, 4), (1, 2)] {
            let counter = EvidenceCounter::new(&pair, longest);
            for k in 0..beads.len() {
                let at = order(k);
                let (g, e) = beads[at].clone();
                let got = counter.evidence(g.clone(), e.clone());
                let same = |x: f32, y: f32| x.to_bits() == y.to_bits();
                let w = want[at];
                assert!(
                    same(got.german_matched, w.german_matched)
                        && same(got.german_unmatched, w.german_unmatched)
                        && same(got.english_matched, w.english_matched)
                        && same(got.english_unmatched, w.english_unmatched)
                        && got.unlinked_sentences == w.unlinked_sentences
                        && same(got.unlinked_length, w.unlinked_length),
                    "{g:?} {e:?}: {got:?} against {w:?}"
                );
            }
        }
    }
}

#[test]
fn long_runs_count_a_type_once() {
    // A type repeated every 300 sentences: further back than the kept distances reach.
    let german: Vec<String> = (0..700)
        .map(|k| {
            if k % 300 == 0 {
                "Im Jahr 2020.".to_owned()
            } else {
                format!("Satz {}.", k + 5000)
            }
        })
        .collect();
    let english: Vec<String> = (0..700)
        .map(|k| format!("Sentence {}.", k + 9000))
        .collect();
    let (german, english) = (
        Text::from_sentences(&german),
        Text::from_sentences(&english),
    );
    let pair = plain(&german, &english);
    for (g, e) in [
        (0..700, 0..700),
        (1..650, 3..600),
        (299..601, 0..1),
        (0..1, 0..700),
    ] {
        assert_eq!(
            pair.evidence(g.clone(), e.clone()),
            evidence_by_definition(&pair, g.clone(), e.clone()),
            "{g:?} {e:?}"
        );
    }
}

#[test]
fn a_lexicon_is_learned_from_beads() {
    let german: Vec<String> = (0..30)
        .map(|k| match k % 2 {
            0 => format!("Der Berg {k} ist hoch."),
            _ => format!("Das Haus {k} ist alt."),
        })
        .collect();
    let english: Vec<String> = (0..30)
        .map(|k| match k % 2 {
            0 => format!("The mountain {k} is high."),
            _ => format!("The house {k} is old."),
        })
        .collect();
    let (german, english) = (
        Text::from_sentences(&german),
        Text::from_sentences(&english),
    );
    let mut pair = plain(&german, &english);
    let beads: Vec<_> = (0..30).map(|k| (k..k + 1, k..k + 1)).collect();
    let right_before = pair.evidence(0..1, 0..1).german_matched;
    assert!(pair.learn_lexicon(&beads, 2, 0.5) >= 1);
    // "Berg" and "Der" co-occur with "mountain" equally often here; either link tells a
    // mountain sentence from a house sentence.
    let right = pair.evidence(0..1, 0..1);
    let wrong = pair.evidence(0..1, 1..2);
    assert!(right.german_matched > right_before, "{right:?}");
    assert!(
        right.german_matched > wrong.german_matched,
        "{right:?} {wrong:?}"
    );
    assert!(wrong.german_unmatched > 0.0, "{wrong:?}");
}

#[test]
fn length_model_fits_a_document() {
    let german: Vec<String> = (0..40).map(|k| "x".repeat(20 + k)).collect();
    let english: Vec<String> = (0..40).map(|k| "y".repeat(40 + 2 * k + k % 3)).collect();
    let (german, english) = (
        Text::from_sentences(&german),
        Text::from_sentences(&english),
    );
    let mut pair = plain(&german, &english);
    let beads: Vec<_> = (0..40).map(|k| (k..k + 1, k..k + 1)).collect();
    pair.fit_length_model(&beads);
    assert!(
        (pair.length_ratio() - 2.0).abs() < 0.05,
        "{}",
        pair.length_ratio()
    );
    assert!(pair.length_variance().is_some());
}

#[derive(Debug)]
struct OneWord;

impl WordTranslations for OneWord {
    fn translations(&self, german_key: &str) -> &[String] {
        static HOUSE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        if german_key == crate::normalize::word_key("Haus") {
            HOUSE.get_or_init(|| vec![crate::normalize::word_key("house")])
        } else {
            &[]
        }
    }
}

#[test]
fn released_tokens_keep_the_evidence_and_freeze_the_links() {
    let german = Text::from_sentences(["Das Haus 2020 ist alt.", "Nichts hier."]);
    let english = Text::from_sentences(["The house 2020 is old.", "Nothing here."]);
    let mut pair = plain(&german, &english);
    let before = [pair.evidence(0..1, 0..1), pair.evidence(0..2, 0..2)];
    pair.release_tokens();
    assert!(pair.german().tokens(0).next().is_none());
    assert_eq!(
        before,
        [pair.evidence(0..1, 0..1), pair.evidence(0..2, 0..2)]
    );
    assert_eq!(pair.add_translations(&OneWord), 0);
    assert_eq!(pair.evidence(0..1, 0..1), before[0]);
    // Without the release, the same dictionary adds its link.
    let mut fresh = plain(&german, &english);
    assert_eq!(fresh.add_translations(&OneWord), 1);
}

#[test]
fn translation_evidence_does_not_grow_with_the_bead() {
    let german: Vec<String> = (0..40)
        .map(|k| match k % 2 {
            0 => format!("Der hohe Berg {k} liegt im Norden."),
            _ => format!("Das alte Haus {k} steht am Fluss."),
        })
        .collect();
    let english: Vec<String> = (0..40)
        .map(|k| match k % 2 {
            0 => format!("The high mountain {k} lies in the north."),
            _ => format!("The old house {k} stands by the river."),
        })
        .collect();
    let (german, english) = (
        Text::from_sentences(&german),
        Text::from_sentences(&english),
    );
    let mut pair = plain(&german, &english);
    assert_eq!(
        pair.translation_evidence(0..1, 0..1),
        TranslationEvidence::default()
    );
    let beads: Vec<_> = (0..40).map(|k| (k..k + 1, k..k + 1)).collect();
    assert!(pair.learn_translation_model(&beads) > 0);
    let total = |g: std::ops::Range<usize>, e: std::ops::Range<usize>| {
        pair.translation_evidence(g, e).total()
    };
    let (first, second) = (total(0..1, 0..1), total(1..2, 1..2));
    assert!(first > 0.0 && second > 0.0, "{first} {second}");
    // The 2-2 of two right 1-1 beads earns no more than they do apart.
    assert!(total(0..2, 0..2) <= first + second + 1e-4);
    // A sentence merged into a bead that does not render it lowers the evidence.
    assert!(total(0..1, 0..2) < first, "{} {first}", total(0..1, 0..2));
    // A wrong pair earns less than a right one.
    assert!(total(0..1, 1..2) < first.min(second));
    assert!(pair.translation_evidence(0..0, 0..1) == TranslationEvidence::default());
}

#[test]
fn set_evidence_of_runs_is_the_evidence_of_the_runs() {
    let german = Text::from_lines(include_str!("../../examples/data/article.de.txt"));
    let english = Text::from_lines(include_str!("../../examples/data/article.en.txt"));
    let pair = PairFeatures::new(&german, &english);
    let mut compared = 0;
    for g in 0..german.len() {
        for e in 0..english.len() {
            for (a, b) in [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1)] {
                let (gr, er) = (g..(g + a).min(german.len()), e..(e + b).min(english.len()));
                let runs = pair.evidence(gr.clone(), er.clone());
                let sets = pair.set_evidence(&gr.collect::<Vec<_>>(), &er.collect::<Vec<_>>());
                assert_eq!(runs, sets);
                compared += usize::from(runs.german_matched > 0.0);
            }
        }
    }
    assert!(compared > 10, "the article should give matched evidence");
}
