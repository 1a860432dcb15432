// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Parallel model: logistic regression (window 8 beads, ridge 0.01) of
// true against mismatched pairs over 57 development documents (Text+Berg dev in pieces of
// about 60 beads), bias shifted to a prior of 0.95 for parallel pairs. Maps: isotonic regression
// per bead kind (prior weight 4, blocks of at least 25 beads) of strict
// correctness on the posterior times the parallel probability, over 1324 beads of true pairs:
// Text+Berg dev and the development half of wmt21-de-en-perturbed (de-orig-00..05,
// en-orig-00..05). Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap, ParallelModel};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.576553, 0.719555),
            (0.942263, 0.988725),
            (0.986125, 0.998086),
            (0.986786, 0.998177),
            (0.987795, 0.998317),
            (0.988915, 0.998471),
            (0.990169, 0.998644),
            (0.992566, 0.998975),
            (0.994663, 0.999264),
            (0.996379, 0.999501),
            (0.998919, 0.999902),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.392963, 0.285728),
            (0.644736, 0.589474),
            (0.855802, 0.875790),
            (0.969911, 0.961477),
            (0.991465, 0.998823),
            (0.999292, 0.999925),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.453537, 0.910177)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.735331,
            local: -0.842860,
            document: -0.277807,
            posterior: 5.256776,
        },
    }
}
