// Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.
// Parallel model: logistic regression (window 8 beads, ridge 0.01) of
// true against mismatched pairs over 57 development documents (Text+Berg dev in pieces of
// about 60 beads), bias shifted to a prior of 0.95 for parallel pairs. Maps: isotonic regression
// per bead kind (prior weight 4, blocks of at least 25 beads) of strict
// correctness on the posterior times the parallel probability, over 1341 beads of true pairs:
// Text+Berg dev and the development half of wmt21-de-en-perturbed (de-orig-00..05,
// en-orig-00..05). Skips: logistic regression (ridge 1) of strict correctness
// on the skip model's features over the 94 skip beads of the same true pairs.
// Batch calibration (`fitted_batch`): the same fits on the same data aligned with
// `align_batch(..).learn_across()`, each set's true pairs in one batch and its other pairs
// in one batch with them (1350 beads of true pairs, 105 skips).
// Reorder model: logistic regression (ridge 1) of strict correctness on the
// evidence of the 133 beads (66 right) the reorder pass makes in
// Text+Berg dev, the development half of wmt21-de-en-perturbed and the sets of
// tools/make_dev_sets.sh seed7, seed29, del8, del15, short-del8, del8b, del8c, del15b, del15c, aligned one at a time with the pass on.
// Do not edit by hand.

use super::calibration::{Calibration, CalibrationMap, ParallelModel, SkipModel};
use super::change_confidence::ReorderModel;

/// The calibration fitted on development gold.
pub(crate) fn fitted() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.587002, 0.644934),
            (0.717748, 0.892103),
            (0.796090, 0.971875),
            (0.832212, 0.976857),
            (0.865017, 0.976857),
            (0.886471, 0.976857),
            (0.918028, 0.976857),
            (0.934139, 0.990916),
            (0.942539, 0.990916),
            (0.948867, 0.992947),
            (0.951906, 0.993366),
            (0.956627, 0.994017),
            (0.960836, 0.994598),
            (0.963983, 0.995032),
            (0.967599, 0.995032),
            (0.970738, 0.995964),
            (0.972318, 0.996182),
            (0.973235, 0.996308),
            (0.974186, 0.996439),
            (0.975242, 0.996585),
            (0.976572, 0.996769),
            (0.978063, 0.996974),
            (0.978990, 0.997102),
            (0.980163, 0.997264),
            (0.981381, 0.997432),
            (0.983759, 0.997432),
            (0.985902, 0.998055),
            (0.986685, 0.998163),
            (0.987533, 0.998280),
            (0.988801, 0.998455),
            (0.990071, 0.998631),
            (0.992316, 0.998940),
            (0.994270, 0.999210),
            (0.996171, 0.999472),
            (0.998759, 0.999897),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.451188, 0.346074),
            (0.687333, 0.719677),
            (0.820967, 0.947996),
            (0.920383, 0.947996),
            (0.975362, 0.966152),
            (0.991868, 0.998878),
            (0.999435, 0.999935),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.281441, 0.804588), (0.941320, 0.927912)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.054527,
            local: -0.466475,
            document: -0.318716,
            posterior: 1.411361,
            earning: 5.132550,
        },
        skips: SkipModel {
            weights: vec![
                -1.738280, 0.054355, 0.574018, -0.090204, 0.633519, 0.518650, 0.145237,
            ],
        },
        batch: Some(Box::new(fitted_batch())),
        reorder: ReorderModel {
            weights: vec![-4.522592, 0.267535, 0.430505],
        },
    }
}

/// The calibration fitted on development gold aligned in batches that learn across
/// their documents.
fn fitted_batch() -> Calibration {
    Calibration {
        one_to_one: CalibrationMap::from_knots(vec![
            (0.607178, 0.600990),
            (0.767769, 0.830037),
            (0.860298, 0.980731),
            (0.906927, 0.987162),
            (0.925957, 0.989787),
            (0.955560, 0.989787),
            (0.974383, 0.996467),
            (0.989500, 0.996467),
            (0.993780, 0.999142),
            (0.994176, 0.999197),
            (0.994532, 0.999246),
            (0.994829, 0.999287),
            (0.995103, 0.999325),
            (0.995511, 0.999381),
            (0.995830, 0.999425),
            (0.996070, 0.999458),
            (0.996321, 0.999493),
            (0.996543, 0.999523),
            (0.996780, 0.999556),
            (0.996953, 0.999580),
            (0.997149, 0.999607),
            (0.997331, 0.999632),
            (0.997526, 0.999659),
            (0.997702, 0.999683),
            (0.997880, 0.999708),
            (0.998109, 0.999739),
            (0.998331, 0.999770),
            (0.998534, 0.999798),
            (0.998704, 0.999821),
            (0.998887, 0.999847),
            (0.999113, 0.999878),
            (0.999551, 0.999961),
        ]),
        merge: CalibrationMap::from_knots(vec![
            (0.529343, 0.462632),
            (0.780018, 0.866209),
            (0.957391, 0.947240),
            (0.996597, 0.999531),
            (0.998355, 0.999773),
            (0.999379, 0.999938),
        ]),
        skip: CalibrationMap::from_knots(vec![(0.208747, 0.700547), (0.926851, 0.953212)]),
        parallel: ParallelModel {
            window: 8,
            bias: -2.290507,
            local: -0.378038,
            document: 0.028501,
            posterior: 4.075506,
            earning: 1.245307,
        },
        skips: SkipModel {
            weights: vec![
                -2.433172, 0.133801, 0.794709, -0.003486, 0.494097, 0.347106, 0.558238,
            ],
        },
        batch: None,
        reorder: ReorderModel {
            weights: vec![-4.522592, 0.267535, 0.430505],
        },
    }
}
