// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Isotonic regression per bead kind (prior weight 4, blocks of at least 25 beads) of strict correctness on
// the raw posterior, over 1325 beads: Text+Berg dev and the development half of
// wmt21-de-en-perturbed (de-orig-00..05, en-orig-00..05). Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.558920, 0.766748),
            (0.947723, 0.989204),
            (0.995748, 0.999866),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.437296, 0.346748),
            (0.672824, 0.676087),
            (0.820714, 0.852589),
            (0.914762, 0.883892),
            (0.969200, 0.974473),
            (0.992265, 0.999644),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.450919, 0.933380)]),
    }
}
