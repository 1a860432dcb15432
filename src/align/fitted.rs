// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Parallel model: logistic regression (window 8 beads, ridge 0.01) of
// true against mismatched pairs over 57 development documents (Text+Berg dev in pieces of
// about 60 beads), bias shifted to a prior of 0.95 for parallel pairs. Maps: isotonic regression
// per bead kind (prior weight 4, blocks of at least 25 beads) of strict
// correctness on the posterior times the parallel probability, over 1333 beads of true pairs:
// Text+Berg dev and the development half of wmt21-de-en-perturbed (de-orig-00..05,
// en-orig-00..05). Skips: logistic regression (ridge 1) of strict correctness
// on the skip model's features over the 86 skip beads of the same true pairs.
// Batch calibration (`fitted_batch`): the same fits on the same data aligned with
// `align_batch(..).learn_across()`, each set's true pairs in one batch and its other pairs
// in one batch with them (1351 beads of true pairs, 105 skips).
// Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap, ParallelModel, SkipModel};

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.575236, 0.596584),
            (0.728003, 0.928000),
            (0.791580, 0.936770),
            (0.832177, 0.976852),
            (0.862737, 0.976852),
            (0.885400, 0.984193),
            (0.908571, 0.984193),
            (0.927226, 0.989962),
            (0.937336, 0.989962),
            (0.946091, 0.989962),
            (0.950521, 0.993175),
            (0.954351, 0.993704),
            (0.958514, 0.994278),
            (0.962717, 0.994858),
            (0.966996, 0.994858),
            (0.970499, 0.995931),
            (0.972009, 0.996139),
            (0.973240, 0.996309),
            (0.974274, 0.996452),
            (0.975242, 0.996585),
            (0.976367, 0.996740),
            (0.977734, 0.996929),
            (0.978713, 0.997064),
            (0.979900, 0.997228),
            (0.981213, 0.997409),
            (0.983656, 0.997409),
            (0.985815, 0.998043),
            (0.986515, 0.998140),
            (0.987299, 0.998248),
            (0.988335, 0.998391),
            (0.989437, 0.998543),
            (0.991201, 0.998786),
            (0.993566, 0.999112),
            (0.995426, 0.999369),
            (0.997191, 0.999613),
            (0.999376, 0.999924),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.430407, 0.257388),
            (0.653674, 0.600408),
            (0.805297, 0.904179),
            (0.882552, 0.904179),
            (0.968573, 0.959406),
            (0.990862, 0.998740),
            (0.998992, 0.999899),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.455643, 0.842473)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.545397,
            local: -0.763795,
            document: -0.248820,
            posterior: 5.473137,
        },
        skips: SkipModel {
            weights: vec![-1.190104, 0.355393, 0.635386, -0.168141, 0.402523, 0.822753],
        },
        batch: Some(Box::new(fitted_batch())),
    }
}

/// The calibration fitted on development gold aligned in batches that learn across
/// their documents.
fn fitted_batch() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.594595, 0.560593),
            (0.764717, 0.829616),
            (0.855983, 0.980136),
            (0.902637, 0.986571),
            (0.926188, 0.989819),
            (0.956745, 0.989819),
            (0.975260, 0.996588),
            (0.989928, 0.996588),
            (0.994160, 0.999194),
            (0.994523, 0.999245),
            (0.994867, 0.999292),
            (0.995148, 0.999331),
            (0.995431, 0.999370),
            (0.995790, 0.999419),
            (0.996088, 0.999460),
            (0.996297, 0.999489),
            (0.996556, 0.999525),
            (0.996757, 0.999553),
            (0.996952, 0.999580),
            (0.997146, 0.999606),
            (0.997329, 0.999632),
            (0.997508, 0.999656),
            (0.997717, 0.999685),
            (0.997865, 0.999706),
            (0.998082, 0.999735),
            (0.998300, 0.999765),
            (0.998495, 0.999792),
            (0.998679, 0.999818),
            (0.998840, 0.999840),
            (0.999032, 0.999866),
            (0.999259, 0.999898),
            (0.999677, 0.999968),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.535030, 0.448337),
            (0.779671, 0.866162),
            (0.951688, 0.951802),
            (0.995883, 0.964949),
            (0.997936, 0.999715),
            (0.999342, 0.999948),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.213102, 0.685194), (0.928175, 0.953320)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.274526,
            local: -0.425605,
            document: 0.040116,
            posterior: 5.155056,
        },
        skips: SkipModel {
            weights: vec![-2.211348, 0.615007, 1.096271, 0.391226, 0.434940, 0.611128],
        },
        batch: None,
    }
}
