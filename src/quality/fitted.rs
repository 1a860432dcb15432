// Written by `cargo run --release --example calibration -- --fit src/quality/fitted.rs`.
// Isotonic regression per bead kind (prior weight 4, blocks of at least 25 beads) of strict correctness on
// the raw posterior, over 1323 beads: Text+Berg dev and the development half of
// wmt21-de-en-perturbed (de-orig-00..05, en-orig-00..05). Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.577769, 0.810369),
            (0.946145, 0.989219),
            (0.995076, 0.999908),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.450552, 0.357643),
            (0.661148, 0.633697),
            (0.870178, 0.863386),
            (0.970056, 0.972006),
            (0.992911, 0.999698),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.456743, 0.933679)]),
    }
}
