//! Quality through the public API: flags, adapters, verdict, calibration config.

use satzweise::quality::{Calibration, CalibrationMap, Flag, FlagKind, Report};
use satzweise::{Aligner, AlignerConfig, Side};

const GERMAN: [&str; 6] = [
    "Vizeaußenminister Fariz Rzayev empfing am 3. Oktober eine Delegation aus Litauen.",
    "Die Gespräche dauerten zwei Stunden und drehten sich um Handel und Verkehr.",
    "Der Umsatz stieg im Vorjahr um 1,5 Mio. Euro auf 12 Mio. Euro.",
    "Die 29. Sitzung findet im November in Baku statt.",
    "Jonas Survila dankte den Gastgebern für den Empfang.",
    "Weitere Treffen sind geplant.",
];
const ENGLISH: [&str; 6] = [
    "Deputy Foreign Minister Fariz Rzayev received a delegation from Lithuania on 3 October.",
    "The talks lasted two hours and focused on trade and transport.",
    "Trade grew by 1.5 million euros to 12 million euros last year.",
    "The 28th session will take place in Baku in November.",
    "Survila thanked the hosts for the reception, Rzayev said.",
    "Further meetings are planned.",
];

#[test]
fn flags_name_what_differs() {
    let alignment = Aligner::new().align_sentences(&GERMAN, &ENGLISH).unwrap();
    let report = Report::new(&alignment);
    let flagged: Vec<_> = report.flagged().collect();
    let kinds: Vec<Vec<FlagKind>> = flagged
        .iter()
        .map(|f| f.flags().iter().map(Flag::kind).collect())
        .collect();
    assert_eq!(flagged.len(), 2, "{kinds:?}");
    assert_eq!(flagged[0].bead().german_text(), GERMAN[3]);
    assert_eq!(kinds[0], [FlagKind::NumberMismatch]);
    // "Jonas" opens its German sentence, where every word is capitalised: not reported.
    assert_eq!(
        flagged[1].flags(),
        [Flag::NameOneSide {
            name: "Rzayev".into(),
            side: Side::English
        }]
    );
    let report = Report::new(&alignment);
    assert_eq!(report.flag_count(), 2);
    assert_eq!(report.flagged().count(), 2);
    assert_eq!(report.beads().len(), alignment.beads().len());
    let verdict = report.verdict();
    assert_eq!(verdict.flags(), 2);
    assert_eq!(verdict.coverage(), 1.0);
    assert_eq!(verdict.shapes()[0].count, 6);
}

#[test]
fn omissions_and_additions_are_flagged_with_a_reason() {
    use satzweise::{Alignment, Bead, IndexRange, Text};
    let german = Text::from_sentences(["Eins.", "Tags:", "Zwei."]);
    let english = Text::from_sentences(["One.", "Two.", "An extra sentence."]);
    let beads = vec![
        Bead::new(
            IndexRange::from_usize(0..1),
            IndexRange::from_usize(0..1),
            0.0,
            0.9,
        ),
        Bead::new(
            IndexRange::from_usize(1..2),
            IndexRange::from_usize(1..1),
            0.0,
            0.8,
        ),
        Bead::new(
            IndexRange::from_usize(2..3),
            IndexRange::from_usize(1..2),
            0.0,
            0.9,
        ),
        Bead::new(
            IndexRange::from_usize(3..3),
            IndexRange::from_usize(2..3),
            0.0,
            0.7,
        ),
    ];
    let alignment = Alignment::from_parts(german, english, beads).unwrap();
    let reasons: Vec<String> = Report::new(&alignment)
        .flagged()
        .flat_map(|b| b.flags().to_vec())
        .map(|f| f.reason())
        .collect();
    assert_eq!(
        reasons,
        [
            "addition: 1 German sentence with no English counterpart",
            "omission: 1 English reference sentence not rendered in the German"
        ]
    );
    let verdict = Report::new(&alignment).verdict();
    assert!((verdict.coverage() - 4.0 / 6.0).abs() < 1e-12);
    assert!((verdict.mean_confidence() - 0.825).abs() < 1e-12);
    assert_eq!(alignment.low_confidence(0.85).count(), 2);
}

#[test]
fn low_confidence_complements_confident() {
    let alignment = Aligner::new().align_sentences(&GERMAN, &ENGLISH).unwrap();
    for threshold in [0.0, 0.5, 0.9, 0.99, 1.0] {
        assert_eq!(
            alignment.low_confidence(threshold).count() + alignment.confident(threshold).count(),
            alignment.beads().len()
        );
    }
}

#[test]
fn parallel_score_separates_translations_from_unrelated_text() {
    let unrelated = [
        "Rain is expected over the hills in the afternoon.",
        "The match ended in a draw after extra time.",
        "Prices for fresh vegetables fell sharply this spring.",
        "A new bridge opens to traffic next week.",
        "Critics praised the orchestra's performance.",
        "Schools will close early on Friday.",
    ];
    let aligner = Aligner::new();
    let true_pair = aligner.align_sentences(&GERMAN, &ENGLISH).unwrap();
    let false_pair = aligner.align_sentences(&GERMAN, &unrelated).unwrap();
    let (t, f) = (
        Report::new(&true_pair).verdict().parallel_score(),
        Report::new(&false_pair).verdict().parallel_score(),
    );
    assert!(t > 0.5 && f < 0.5, "true {t}, false {f}");
}

#[test]
fn calibration_changes_confidence_not_beads() {
    let mut config = AlignerConfig::default();
    config.calibration = Calibration::identity();
    let raw = Aligner::from_config(config).unwrap();
    let mut squash = Calibration::identity();
    squash.one_to_one = CalibrationMap::from_knots(vec![(1.0, 0.5)]);
    let squashed = Aligner::builder().calibration(squash).build().unwrap();
    let a = raw.align_sentences(&GERMAN, &ENGLISH).unwrap();
    let b = squashed.align_sentences(&GERMAN, &ENGLISH).unwrap();
    for (x, y) in a.beads().zip(b.beads()) {
        assert_eq!(x.german(), y.german());
        assert_eq!(x.english(), y.english());
        assert!((y.confidence() - x.confidence() * 0.5).abs() < 1e-9);
    }
}

#[cfg(feature = "serde")]
#[test]
fn calibration_round_trips_through_serde() {
    let config = AlignerConfig::default();
    let json = serde_json::to_string(&config).unwrap();
    let back: AlignerConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(back, config);
    // A configuration written before calibration existed still loads, with the default.
    let old: AlignerConfig = serde_json::from_str(r#"{"costs": {"skip_cost": 3.0}}"#).unwrap();
    assert_eq!(old.calibration, Calibration::default());
}

#[cfg(feature = "serde")]
#[test]
fn verdict_serializes_with_parallel_score() {
    let alignment = Aligner::new().align_sentences(&GERMAN, &ENGLISH).unwrap();
    let json = serde_json::to_value(Report::new(&alignment).verdict()).unwrap();
    let score = json["parallel_score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
    assert_eq!(json["flags_by_kind"]["number_mismatch"], 1);
}

#[test]
fn empty_and_one_sided_documents() {
    let aligner = Aligner::new();
    let none: [&str; 0] = [];
    for (g, e) in [
        (&none[..], &none[..]),
        (&GERMAN[..], &none[..]),
        (&none[..], &ENGLISH[..]),
    ] {
        let alignment = aligner.align_sentences(g, e).unwrap();
        let verdict = Report::new(&alignment).verdict();
        assert_eq!(verdict.parallel_score(), 0.0);
        assert!(verdict.mean_confidence().is_finite());
        let report = Report::new(&alignment);
        assert_eq!(report.flagged().count(), alignment.beads().len());
    }
}
