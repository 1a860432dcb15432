// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Parallel model: logistic regression (window 8 beads, ridge 0.01) of
// true against mismatched pairs over 57 development documents (Text+Berg dev in pieces of
// about 60 beads), bias shifted to a prior of 0.95 for parallel pairs. Maps: isotonic regression
// per bead kind (prior weight 4, blocks of at least 25 beads) of strict
// correctness on the posterior times the parallel probability, over 1333 beads of true pairs:
// Text+Berg dev and the development half of wmt21-de-en-perturbed (de-orig-00..05,
// en-orig-00..05). Skips: logistic regression (ridge 1) of strict correctness
// on the skip model's features over the 86 skip beads of the same true pairs.
// Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap, ParallelModel, SkipModel};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.575360, 0.596601),
            (0.728052, 0.928007),
            (0.791632, 0.936777),
            (0.832250, 0.976862),
            (0.862782, 0.976862),
            (0.885517, 0.984209),
            (0.908629, 0.984209),
            (0.927318, 0.989975),
            (0.937393, 0.989975),
            (0.946142, 0.989975),
            (0.950553, 0.993180),
            (0.954394, 0.993709),
            (0.958576, 0.994286),
            (0.962766, 0.994864),
            (0.966989, 0.994864),
            (0.970478, 0.995928),
            (0.971985, 0.996136),
            (0.973218, 0.996306),
            (0.974243, 0.996447),
            (0.975237, 0.996584),
            (0.976327, 0.996735),
            (0.977708, 0.996925),
            (0.978706, 0.997063),
            (0.979855, 0.997221),
            (0.981181, 0.997404),
            (0.983694, 0.997404),
            (0.985879, 0.998052),
            (0.986583, 0.998149),
            (0.987386, 0.998260),
            (0.988447, 0.998406),
            (0.989545, 0.998558),
            (0.991412, 0.998816),
            (0.993714, 0.999133),
            (0.995598, 0.999393),
            (0.997369, 0.999637),
            (0.999444, 0.999928),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.430457, 0.257394),
            (0.653760, 0.600418),
            (0.805442, 0.904199),
            (0.882653, 0.904199),
            (0.968631, 0.959409),
            (0.990873, 0.998741),
            (0.998997, 0.999900),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.455681, 0.842475)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.588462,
            local: -0.778644,
            document: -0.258356,
            posterior: 5.498613,
        },
        skips: SkipModel {
            weights: vec![-1.190104, 0.355393, 0.635386, -0.168141, 0.402523, 0.822753],
        },
    }
}
