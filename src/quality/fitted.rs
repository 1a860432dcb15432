// Written by `cargo run --release --example calibration -- --fit src/quality/fitted.rs`.
// Isotonic regression per bead kind (prior weight 4, blocks of at least 25 beads) of strict correctness on
// the raw posterior, over 1330 beads: Text+Berg dev and the development half of
// wmt21-de-en-perturbed (de-orig-00..05, en-orig-00..05). Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.535333, 0.679495),
            (0.735833, 0.733627),
            (0.854516, 0.903207),
            (0.970991, 0.990767),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.417719, 0.324191),
            (0.612400, 0.498262),
            (0.746455, 0.594211),
            (0.946073, 0.840821),
            (0.999796, 0.999985),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.647000, 0.794114)]),
    }
}
