//! The configuration rule: what validates aligns every input, with every sentence covered and
//! finite numbers; the rest is rejected with a message that names the field.

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use satzweise::{Aligner, AlignerConfig, Alignment, BeadShape, SearchConfig};

/// Every sentence of both sides in exactly one bead, in order; finite costs, confidences in
/// `[0, 1]`.
fn check(alignment: &Alignment, n: usize, m: usize) -> Result<(), String> {
    let (mut i, mut j) = (0, 0);
    for bead in alignment.beads() {
        let (g, e) = (bead.german().to_usize(), bead.english().to_usize());
        if g.start != i || e.start != j || (g.is_empty() && e.is_empty()) {
            return Err(format!("bead {g:?} {e:?} after ({i}, {j})"));
        }
        if !bead.cost().is_finite() || !(0.0..=1.0).contains(&bead.confidence()) {
            return Err(format!(
                "bead {g:?} {e:?}: cost {} confidence {}",
                bead.cost(),
                bead.confidence()
            ));
        }
        (i, j) = (g.end, e.end);
    }
    if (i, j) != (n, m) {
        return Err(format!("covers ({i}, {j}) of ({n}, {m})"));
    }
    Ok(())
}

fn rejected(config: &AlignerConfig, field: &str) {
    let err = config.validate().expect_err(field);
    assert!(
        err.to_string().contains(field),
        "the error does not name {field}: {err}"
    );
    let err = Aligner::from_config(config.clone()).expect_err(field);
    assert!(err.to_string().contains(field), "{err}");
}

fn sentences(count: usize, word: &str) -> Vec<String> {
    (0..count)
        .map(|k| format!("{word} {k} {}.", "x".repeat(k % 17)))
        .collect()
}

#[cfg(feature = "serde")]
#[test]
fn unknown_fields_are_rejected_by_name() {
    for (json, field) in [
        (r#"{"skip_costt": 3}"#, "skip_costt"),
        (r#"{"costs": {"skip_costt": 3}}"#, "skip_costt"),
        (r#"{"shapes": {"max_skip_runn": 3}}"#, "max_skip_runn"),
        (r#"{"languages": {"germn": "de"}}"#, "germn"),
        (r#"{"refinement": {"fit_lenght": false}}"#, "fit_lenght"),
        (r#"{"search": {"band_widht": 3}}"#, "band_widht"),
        (
            r#"{"calibration": {"one_to_one": {"knots": [], "x": 1}}}"#,
            "x",
        ),
        (r#"{"calibration": {"merges": {"knots": []}}}"#, "merges"),
    ] {
        let err = serde_json::from_str::<AlignerConfig>(json).unwrap_err();
        assert!(err.to_string().contains(field), "{json}: {err}");
    }
    let config: AlignerConfig = serde_json::from_str(r#"{"costs": {"skip_cost": 3}}"#).unwrap();
    assert_eq!(config.costs.skip_cost, 3.0);
    assert_eq!(config.refinement, AlignerConfig::default().refinement);
}

#[cfg(feature = "serde")]
#[test]
fn a_flat_field_of_the_old_layout_is_rejected_by_name() {
    // Before the settings were grouped these sat at the top level; read there now they would
    // be lost, so each is rejected by its name.
    for (json, field) in [
        (r#"{"skip_cost": 3}"#, "skip_cost"),
        (r#"{"max_skip_run": 4}"#, "max_skip_run"),
        (r#"{"english": "fr"}"#, "english"),
        (r#"{"learn_lexicon": false}"#, "learn_lexicon"),
    ] {
        let err = serde_json::from_str::<AlignerConfig>(json).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("unknown field `{field}`")),
            "{json}: {err}"
        );
    }
    // `shapes` is a group now, not the list of shapes.
    assert!(serde_json::from_str::<AlignerConfig>(r#"{"shapes": [[1, 1]]}"#).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn the_default_config_serialises_grouped_and_reads_back_equal() {
    let config = AlignerConfig::default();
    let value = serde_json::to_value(&config).unwrap();
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let top = [
        "calibration",
        "costs",
        "languages",
        "refinement",
        "reorder",
        "search",
        "shapes",
        "temperature",
    ];
    assert_eq!(keys, top);
    assert_eq!(value["costs"]["skip_cost"], config.costs.skip_cost);
    assert_eq!(value["costs"].as_object().unwrap().len(), 21);
    assert_eq!(value["shapes"]["max_skip_run"], 8);
    assert!(value["shapes"]["allowed"].is_array());
    assert_eq!(value["refinement"]["learn_lexicon"], true);
    assert!(value["languages"]["german"].is_string());
    let json = serde_json::to_string_pretty(&config).unwrap();
    let back: AlignerConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(back, config);
}

#[cfg(feature = "serde")]
#[test]
fn a_deserialised_calibration_map_is_repaired() {
    let json = r#"{"calibration": {"one_to_one": {"knots": [[0.5, 2.84], [0.2, 0.9]]}}}"#;
    let config: AlignerConfig = serde_json::from_str(json).unwrap();
    let map = &config.calibration.one_to_one;
    assert_eq!(map.apply(1.0), 1.0);
    assert!(
        map.knots()
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1)
    );
    assert!(
        map.knots()
            .iter()
            .all(|&(x, y)| (0.0..=1.0).contains(&x) && y <= 1.0)
    );
}

#[test]
fn as_many_shapes_as_validate_allows_align() {
    let mut config = AlignerConfig::default();
    // 1-0 and 0-1 each bring `max_skip_run - 1` more shapes.
    config.shapes.max_skip_run = 122;
    rejected(&config, "shapes.max_skip_run");
    config.shapes.max_skip_run = 121;
    let aligner = Aligner::from_config(config).unwrap();
    let (german, english) = (sentences(30, "Satz"), sentences(20, "Sentence"));
    let alignment = aligner.align_sentences(&german, &english).unwrap();
    check(&alignment, 30, 20).unwrap();
}

#[test]
fn search_settings_that_broke_the_search_are_rejected() {
    let search = |change: fn(&mut SearchConfig)| {
        let mut config = AlignerConfig::default();
        change(&mut config.search);
        config
    };
    for coarse in [0, 1, 3] {
        let mut config = AlignerConfig::default();
        config.search.coarse_cells = coarse;
        rejected(&config, "search.coarse_cells");
    }
    rejected(
        &search(|s| {
            s.exact_cells = 0;
            s.window_margin = usize::MAX;
        }),
        "search.window_margin",
    );
    rejected(
        &search(|s| {
            s.band_width = usize::MAX / 2;
            s.max_band_width = usize::MAX;
        }),
        "search.band_width",
    );
    rejected(&search(|s| s.window_rows = 0), "search.window_rows");
    rejected(&search(|s| s.first_pass_rows = 0), "search.first_pass_rows");
    rejected(&search(|s| s.max_band_width = 1), "search.max_band_width");
}

#[test]
fn shapes_that_are_no_beads_are_rejected_by_their_path() {
    for allowed in [
        vec![],
        vec![BeadShape::new(0, 0)],
        vec![BeadShape::new(9, 1)],
    ] {
        let mut config = AlignerConfig::default();
        config.shapes.allowed = allowed;
        rejected(&config, "shapes.allowed");
    }
    let mut config = AlignerConfig::default();
    config.shapes.max_skip_run = 0;
    rejected(&config, "shapes.max_skip_run");
    let mut config = AlignerConfig::default();
    config.refinement.lexicon_min_dice = -0.5;
    rejected(&config, "refinement.lexicon_min_dice");
}

#[test]
fn numbers_that_overflow_the_costs_are_rejected() {
    let mut config = AlignerConfig::default();
    config.temperature = 1e-300;
    rejected(&config, "temperature");
    let mut config = AlignerConfig::default();
    config.costs.skip_cost = 1e308;
    rejected(&config, "costs.skip_cost");
    let mut config = AlignerConfig::default();
    config.costs.anchor_weight = f64::NAN;
    rejected(&config, "costs.anchor_weight");
    let mut config = AlignerConfig::default();
    config.costs.length_variance = f64::INFINITY;
    rejected(&config, "costs.length_variance");
}

#[cfg(feature = "serde")]
#[test]
fn an_alignment_with_an_overflowing_index_is_rejected() {
    let aligner = Aligner::new();
    let alignment = aligner
        .align_sentences(&["Eins.", "Zwei."], &["One.", "Two."])
        .unwrap();
    let json = serde_json::to_string(&alignment).unwrap();
    let huge = json.replacen(r#""german":[1]"#, r#""german":[18446744073709551615]"#, 1);
    assert_ne!(json, huge);
    let err = serde_json::from_str::<Alignment>(&huge).unwrap_err();
    assert!(err.to_string().contains("bead 1"), "{err}");
    let back: Alignment = serde_json::from_str(&json).unwrap();
    assert_eq!(back.beads().len(), 2);
}

#[test]
fn an_io_error_says_its_cause_once_in_the_chain() {
    let missing = std::env::temp_dir().join("satzweise-no-such-dir/none.txt");
    let err = satzweise::read_text_file(&missing).unwrap_err();
    let source = std::error::Error::source(&err).expect("the I/O error is the source");
    let (outer, inner) = (err.to_string(), source.to_string());
    assert!(outer.contains("none.txt"), "{outer}");
    assert!(!outer.contains(&inner), "{outer} repeats {inner}");
}

/// Values of one field, from the ordinary to the absurd.
/// Most draws valid (some at the edges of the valid range), a few beyond them.
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        200 => 0.0f64..10.0,
        10 => Just(0.0),
        10 => Just(1e6),
        5 => Just(1e-3),
        5 => Just(1e-300),
        1 => Just(1e7),
        1 => Just(1e308),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(-1.0),
    ]
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        100 => 1usize..300,
        4 => Just(1),
        4 => Just(2),
        2 => Just(16),
        2 => Just(1 << 12),
        2 => Just(1 << 24),
        1 => Just(0),
        1 => Just(3),
        1 => Just(1 << 40),
        1 => Just(usize::MAX),
    ]
}

fn shape() -> impl Strategy<Value = BeadShape> {
    prop_oneof![
        30 => (0u8..4, 1u8..4),
        10 => (1u8..4, Just(0u8)),
        1 => Just((0u8, 0u8)),
        1 => (0u8..12, 0u8..12),
    ]
    .prop_map(|(a, b)| BeadShape::new(a, b))
}

fn config() -> impl Strategy<Value = AlignerConfig> {
    let shapes = prop::collection::vec(shape(), 0..8);
    let floats = prop::collection::vec(float(), 15);
    let sizes = prop::collection::vec(size(), 8);
    (
        shapes,
        floats,
        sizes,
        prop_oneof![20 => 1u8..20, 1 => any::<u8>()],
        any::<(bool, bool, bool)>(),
        0u32..5,
    )
        .prop_map(|(shapes, f, s, run, (fit, learn, skips), count)| {
            let mut config = AlignerConfig::default();
            config.shapes.allowed = shapes;
            if skips {
                config
                    .shapes
                    .allowed
                    .extend([BeadShape::new(1, 0), BeadShape::new(0, 1)]);
            }
            config.costs.length_weight = f[0];
            config.costs.length_variance = f[1];
            config.costs.anchor_weight = f[2];
            config.costs.unmatched_weight = f[3];
            config.costs.idf_power = f[4];
            config.costs.chance_power = f[5];
            config.refinement.refine_min_confidence = f[6];
            config.refinement.lexicon_min_dice = f[7];
            config.costs.merge_cost = f[8];
            config.costs.open_merge_cost = f[9];
            config.costs.closure_mismatch_cost = f[10];
            config.costs.debris_factor = f[11];
            config.costs.skip_cost = f[12];
            config.costs.skip_extend_cost = f[13];
            config.temperature = if f[14] == 0.0 { 1.0 } else { f[14] };
            config.refinement.fit_length = fit;
            config.refinement.learn_lexicon = learn;
            config.refinement.lexicon_min_count = count;
            config.shapes.max_skip_run = run;
            config.search.exact_cells = s[0];
            config.search.band_width = s[1];
            config.search.first_pass_rows = s[2];
            config.search.max_band_width = s[1].saturating_add(s[3]);
            config.search.coarse_cells = s[4];
            config.search.coarse_band_width = s[5];
            config.search.window_rows = s[6];
            config.search.window_margin = s[7];
            config
        })
}

/// Sentence pairs sharing numbers and words, with random sentences left out on either side.
fn document() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    prop::collection::vec((0u32..500, 1usize..12, 0u8..8), 0..40).prop_map(|items| {
        let (mut german, mut english) = (Vec::new(), Vec::new());
        for (seed, words, kind) in items {
            let de = format!("{} {seed}.", "wort ".repeat(words).trim_end());
            let en = format!("{} {seed}.", "word ".repeat(words).trim_end());
            match kind {
                0 => german.push(de),
                1 => english.push(en),
                _ => {
                    german.push(de);
                    english.push(en);
                }
            }
        }
        (german, english)
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        rng_seed: RngSeed::Fixed(0x5a72_7765_6973_6516),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any configuration that validates aligns random inputs with full coverage and finite
    /// scores (with `1-0` and `0-1` among its shapes; without them some pairs of texts have
    /// no alignment, which is the one error allowed).
    #[test]
    fn any_configuration_that_validates_aligns_with_full_coverage(
        config in config(),
        (german, english) in document(),
    ) {
        if config.validate().is_err() {
            prop_assert!(Aligner::from_config(config).is_err());
            return Ok(());
        }
        let skips = config.shapes.allowed.contains(&BeadShape::new(1, 0))
            && config.shapes.allowed.contains(&BeadShape::new(0, 1));
        let aligner = Aligner::from_config(config).unwrap();
        match aligner.align_sentences(&german, &english) {
            Ok(alignment) => {
                if let Err(problem) = check(&alignment, german.len(), english.len()) {
                    return Err(TestCaseError::fail(problem));
                }
            }
            Err(err) => prop_assert!(!skips, "{}", err),
        }
    }
}

/// A scorer of the user's that returns what no cost should be.
#[derive(Debug)]
struct Broken(f64);

impl satzweise::Scorer for Broken {
    fn cost(&self, _: &satzweise::PairFeatures<'_>, _: satzweise::Candidate) -> f64 {
        self.0
    }
}

#[test]
fn user_scorers_with_non_finite_weights_are_rejected() {
    for weight in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300] {
        let err = Aligner::builder()
            .scorer(weight, Broken(0.0))
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("weight"), "{err}");
    }
}

#[test]
fn user_scorers_returning_non_finite_costs_still_align() {
    let (german, english) = (sentences(40, "Satz"), sentences(35, "Sentence"));
    for cost in [f64::NEG_INFINITY, f64::INFINITY, f64::NAN, -1e300] {
        let aligner = Aligner::builder()
            .scorer(1.0, Broken(cost))
            .build()
            .unwrap();
        let alignment = aligner.align_sentences(&german, &english).unwrap();
        check(&alignment, 40, 35).unwrap();
    }
}
