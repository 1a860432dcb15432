// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Isotonic regression per bead kind (prior weight 4, blocks of at least 25 beads) of strict correctness on
// the raw posterior, over 1332 beads: Text+Berg dev and the development half of
// wmt21-de-en-perturbed (de-orig-00..05, en-orig-00..05). Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.553148, 0.684277),
            (0.736440, 0.860199),
            (0.954745, 0.993905),
            (0.996548, 0.999872),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.464333, 0.350237),
            (0.682212, 0.668347),
            (0.812115, 0.908282),
            (0.912422, 0.911218),
            (0.971596, 0.978164),
            (0.994014, 0.999681),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.456593, 0.892075)]),
    }
}
