//! Calibration: a monotone map from the raw bead posterior to a probability that holds on
//! gold data.
//!
//! The posterior of forward-backward is a probability *under the scoring model*, and the
//! model assumes that the two texts are translations of each other. A [`Calibration`] makes
//! it a probability all things considered, in two steps:
//!
//! 1. [`ParallelModel`]: the probability that the stretch of text around a bead is parallel
//!    at all, a logistic model of the mean bead cost in a window of beads around it and over
//!    the whole document (unrelated texts align into beads of high cost everywhere; a
//!    parallel stretch inside unrelated text stands out locally). The posterior is
//!    multiplied by it.
//! 2. One piecewise-linear, non-decreasing map per bead kind (1-1, merges such as 1-2 or
//!    2-1, skips 1-0 and 0-1) from that product to the share of right beads, fitted by
//!    isotonic regression on development gold ([`CalibrationMap::fit`]).
//!
//! The fitted default lives in `src/align/fitted.rs` and is rewritten by
//! `cargo run --release --example calibration -- --fit src/align/fitted.rs`.

use std::fmt;

use super::change_confidence::{ReorderEvidence, ReorderModel};

/// The kind of a bead for calibration purposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BeadKind {
    /// One German sentence, one English sentence.
    OneToOne,
    /// Sentences on both sides, more than one on some side (1-2, 2-1, 2-2, ...).
    Merge,
    /// Sentences on one side only (an addition or an omission).
    Skip,
}

impl BeadKind {
    /// The kind of a bead with `german` German and `english` English sentences.
    ///
    /// ```
    /// use satzweise::quality::BeadKind;
    /// assert_eq!(BeadKind::of(1, 1), BeadKind::OneToOne);
    /// assert_eq!(BeadKind::of(2, 1), BeadKind::Merge);
    /// assert_eq!(BeadKind::of(0, 1), BeadKind::Skip);
    /// ```
    pub fn of(german: usize, english: usize) -> BeadKind {
        match (german, english) {
            (1, 1) => BeadKind::OneToOne,
            (0, _) | (_, 0) => BeadKind::Skip,
            _ => BeadKind::Merge,
        }
    }

    /// All kinds, in a fixed order.
    pub const ALL: [BeadKind; 3] = [BeadKind::OneToOne, BeadKind::Merge, BeadKind::Skip];
}

impl fmt::Display for BeadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BeadKind::OneToOne => "1-1",
            BeadKind::Merge => "merge",
            BeadKind::Skip => "skip",
        })
    }
}

/// A non-decreasing piecewise-linear map from `[0, 1]` to `[0, 1]`, given by its knots.
///
/// Between knots the map interpolates linearly; below the first knot it runs linearly from
/// `(0, 0)`, above the last one to `(1, last y)`. With no knot it is the identity.
///
/// ```
/// use satzweise::quality::CalibrationMap;
/// let map = CalibrationMap::from_knots(vec![(0.5, 0.3), (0.9, 0.8)]);
/// assert!((map.apply(0.7) - 0.55).abs() < 1e-12);
/// assert!((map.apply(0.25) - 0.15).abs() < 1e-12);
/// assert_eq!(CalibrationMap::identity().apply(0.42), 0.42);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "KnotsRecord"))]
pub struct CalibrationMap {
    knots: Vec<(f64, f64)>,
}

/// A map as read from a file: repaired by [`CalibrationMap::from_knots`] on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KnotsRecord {
    knots: Vec<(f64, f64)>,
}

#[cfg(feature = "serde")]
impl From<KnotsRecord> for CalibrationMap {
    fn from(record: KnotsRecord) -> CalibrationMap {
        CalibrationMap::from_knots(record.knots)
    }
}

impl CalibrationMap {
    /// The identity map (no knot).
    pub fn identity() -> CalibrationMap {
        CalibrationMap { knots: Vec::new() }
    }

    /// A map through the given knots `(raw, calibrated)`. Knots outside `[0, 1]`, not finite,
    /// or breaking monotonicity are repaired: coordinates are clamped, knots sorted by `raw`,
    /// and each `calibrated` value raised to at least the previous one.
    pub fn from_knots(mut knots: Vec<(f64, f64)>) -> CalibrationMap {
        knots.retain(|(x, y)| x.is_finite() && y.is_finite());
        for (x, y) in &mut knots {
            *x = x.clamp(0.0, 1.0);
            *y = y.clamp(0.0, 1.0);
        }
        knots.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut floor = 0.0f64;
        for (_, y) in &mut knots {
            floor = floor.max(*y);
            *y = floor;
        }
        knots.dedup_by(|b, a| a.0 == b.0);
        CalibrationMap { knots }
    }

    /// The knots `(raw, calibrated)`, sorted.
    pub fn knots(&self) -> &[(f64, f64)] {
        &self.knots
    }

    /// Fits a map by isotonic regression (pool adjacent violators) of `correct` on `raw`,
    /// each pooled block shrunk towards the identity by `prior_weight` pseudo-observations
    /// (so that a block of three right beads does not map to certainty), and blocks of fewer
    /// than `min_block` beads pooled with their neighbours. Each knot is a block: its mean raw
    /// value and its shrunk share of right beads.
    ///
    /// ```
    /// use satzweise::quality::CalibrationMap;
    /// // The model says 0.9 but is right half the time; says 0.5 and is always wrong.
    /// let samples: Vec<(f64, bool)> = (0..100)
    ///     .map(|k| (if k < 50 { 0.5 } else { 0.9 }, k >= 50 && k % 2 == 0))
    ///     .collect();
    /// let map = CalibrationMap::fit(&samples, 0.0, 1);
    /// assert!((map.apply(0.9) - 0.5).abs() < 1e-9);
    /// assert!(map.apply(0.5) < 1e-9);
    /// ```
    pub fn fit(samples: &[(f64, bool)], prior_weight: f64, min_block: usize) -> CalibrationMap {
        let mut sorted: Vec<(f64, f64)> = samples
            .iter()
            .filter(|(x, _)| x.is_finite())
            .map(|&(x, ok)| (x.clamp(0.0, 1.0), if ok { 1.0 } else { 0.0 }))
            .collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Blocks: (sum of x, sum of y, count), pooled while their means violate order.
        let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
        let prior = prior_weight.max(0.0);
        let mean = |b: &(f64, f64, f64)| (b.1 + prior * b.0 / b.2) / (b.2 + prior);
        for (x, y) in sorted {
            // Equal raw values must share a block: a map cannot split them.
            match blocks.last_mut() {
                Some(last) if last.0 / last.2 == x => {
                    last.0 += x;
                    last.1 += y;
                    last.2 += 1.0;
                }
                _ => blocks.push((x, y, 1.0)),
            }
            while blocks.len() >= 2 {
                let n = blocks.len();
                if mean(&blocks[n - 2]) < mean(&blocks[n - 1]) {
                    break;
                }
                let Some(top) = blocks.pop() else { break };
                if let Some(below) = blocks.last_mut() {
                    below.0 += top.0;
                    below.1 += top.1;
                    below.2 += top.2;
                }
            }
        }
        // Pool blocks too small to say much with their neighbours (pooling adjacent blocks
        // of a monotone sequence keeps it monotone).
        let mut pooled: Vec<(f64, f64, f64)> = Vec::new();
        let mut open: Option<(f64, f64, f64)> = None;
        for b in blocks {
            let acc = match open.take() {
                Some(a) => (a.0 + b.0, a.1 + b.1, a.2 + b.2),
                None => b,
            };
            if acc.2 >= min_block as f64 {
                pooled.push(acc);
            } else {
                open = Some(acc);
            }
        }
        if let Some(rest) = open {
            match pooled.last_mut() {
                Some(last) => {
                    last.0 += rest.0;
                    last.1 += rest.1;
                    last.2 += rest.2;
                }
                None => pooled.push(rest),
            }
        }
        CalibrationMap::from_knots(pooled.iter().map(|b| (b.0 / b.2, mean(b))).collect())
    }

    /// The calibrated value of `raw` (clamped to `[0, 1]`; NaN maps to 0).
    pub fn apply(&self, raw: f64) -> f64 {
        if raw.is_nan() {
            return 0.0;
        }
        let x = raw.clamp(0.0, 1.0);
        let (Some(&first), Some(&last)) = (self.knots.first(), self.knots.last()) else {
            return x;
        };
        let lerp = |(x0, y0): (f64, f64), (x1, y1): (f64, f64)| {
            if x1 <= x0 {
                y1
            } else {
                y0 + (y1 - y0) * (x - x0) / (x1 - x0)
            }
        };
        if x <= first.0 {
            return lerp((0.0, 0.0f64.min(first.1)), first);
        }
        if x >= last.0 {
            return last.1;
        }
        let k = self.knots.partition_point(|&(kx, _)| kx <= x);
        match (self.knots.get(k.wrapping_sub(1)), self.knots.get(k)) {
            (Some(&a), Some(&b)) => lerp(a, b),
            _ => x,
        }
    }
}

/// The probability that the text around a bead is parallel at all, from bead costs and
/// posteriors.
///
/// Each linked bead (sentences on both sides) contributes its cost per two sentences and its
/// raw posterior; the probability of bead `k` is `1 / (1 + exp(-z))` with
/// `z = bias + local · c + document · d + posterior · q + earning · s`, where `c` and `q` are
/// the mean cost and mean posterior of the linked beads within `window` beads of `k`, `s` the
/// share of them whose cost is below 0, and `d` the mean cost over the document. Unrelated
/// texts align into costly, unsure beads everywhere; a parallel stretch inside unrelated text
/// stands out in its windows. [`ParallelModel::fit`] fits the
/// weights by logistic regression on true document pairs against mismatched ones;
/// [`ParallelModel::none`] (the identity calibration's) says 1 everywhere.
///
/// ```
/// use satzweise::quality::ParallelModel;
/// // Low costs (strong evidence) are parallel, high costs are not.
/// let model = ParallelModel {
///     window: 2, bias: 0.0, local: -1.0, document: -1.0, posterior: 0.0, earning: 0.0,
/// };
/// let clear = model.probabilities(&[(1, 1, -6.0, 0.9), (1, 1, -5.0, 0.9), (0, 1, 0.5, 0.6), (1, 1, -7.0, 1.0)]);
/// assert!(clear.iter().all(|&p| p > 0.99));
/// let unrelated = model.probabilities(&[(1, 1, 2.0, 0.3), (1, 1, 1.5, 0.5), (1, 1, 2.5, 0.2)]);
/// assert!(unrelated.iter().all(|&p| p < 0.05));
/// assert_eq!(ParallelModel::none().probabilities(&[(1, 1, 3.0, 0.5)]), vec![1.0]);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ParallelModel {
    /// Beads on each side of a bead that make its local window.
    pub window: usize,
    /// The constant of the logistic model.
    pub bias: f64,
    /// The weight of the window's mean cost.
    pub local: f64,
    /// The weight of the document's mean cost.
    pub document: f64,
    /// The weight of the window's mean raw posterior.
    pub posterior: f64,
    /// The weight of the share of the window's linked beads that earn anything (a cost below
    /// 0): in unrelated text, a few beads earn much from a chance number or name and pull the
    /// mean cost down, but most earn nothing.
    #[cfg_attr(feature = "serde", serde(default))]
    pub earning: f64,
}

impl Default for ParallelModel {
    fn default() -> Self {
        ParallelModel::none()
    }
}

/// A bead as the calibration sees it: `(german sentences, english sentences, cost, raw
/// posterior)`.
pub type RawBead = (usize, usize, f64, f64);

/// Bead costs beyond this size say nothing more; clamping keeps the model's input bounded.
const COST_CLAMP: f64 = 30.0;

/// Number of weights of the parallel model (bias included).
const WEIGHTS: usize = 5;

impl ParallelModel {
    /// The model that takes every text for parallel (probability 1).
    pub fn none() -> ParallelModel {
        ParallelModel {
            window: 0,
            bias: 0.0,
            local: 0.0,
            document: 0.0,
            posterior: 0.0,
            earning: 0.0,
        }
    }

    /// Whether this is [`ParallelModel::none`] in effect (no weight).
    pub fn is_none(&self) -> bool {
        self.weights().iter().all(|&w| w == 0.0)
    }

    fn weights(&self) -> [f64; WEIGHTS] {
        [
            self.bias,
            self.local,
            self.document,
            self.posterior,
            self.earning,
        ]
    }

    /// The features of each bead: `[1, window mean cost, document mean cost, window mean
    /// posterior, window share of beads with a cost below 0]` over the linked beads, the cost
    /// taken per two sentences. `beads` holds `(german sentences, english sentences, cost, raw
    /// posterior)`.
    pub fn features(&self, beads: &[RawBead]) -> Vec<[f64; WEIGHTS]> {
        self.feature_rows(beads).collect()
    }

    /// The rows of [`features`](Self::features) one bead at a time (a long document's
    /// confidences need no table of them).
    fn feature_rows(&self, beads: &[RawBead]) -> impl Iterator<Item = [f64; WEIGHTS]> + use<> {
        let linked: Vec<Option<(f64, f64)>> = beads
            .iter()
            .map(|&(g, e, cost, posterior)| {
                (g > 0 && e > 0 && cost.is_finite()).then(|| {
                    let cost = (cost * 2.0 / (g + e) as f64).clamp(-COST_CLAMP, COST_CLAMP);
                    let posterior = if posterior.is_finite() {
                        posterior.clamp(0.0, 1.0)
                    } else {
                        0.0
                    };
                    (cost, posterior)
                })
            })
            .collect();
        // Prefix sums of linked costs, posteriors, counts and earning beads, for windows in
        // O(1).
        let mut sums = vec![(0.0, 0.0, 0usize, 0usize); linked.len() + 1];
        for (k, c) in linked.iter().enumerate() {
            let (s, q, n, m) = sums[k];
            sums[k + 1] = match c {
                Some((cost, posterior)) => {
                    (s + cost, q + posterior, n + 1, m + usize::from(*cost < 0.0))
                }
                None => (s, q, n, m),
            };
        }
        let (total, _, count, _) = sums[linked.len()];
        // With no linked bead there is no evidence of a translation: as costly as can be.
        let document = if count == 0 {
            COST_CLAMP
        } else {
            total / count as f64
        };
        let (beads_len, window) = (linked.len(), self.window);
        drop(linked);
        (0..beads_len).map(move |k| {
            let lo = k.saturating_sub(window);
            let hi = (k + window + 1).min(beads_len);
            let n = sums[hi].2 - sums[lo].2;
            if n == 0 {
                [1.0, document, document, 0.0, 0.0]
            } else {
                let earning = (sums[hi].3 - sums[lo].3) as f64 / n as f64;
                let n = n as f64;
                let cost = (sums[hi].0 - sums[lo].0) / n;
                let posterior = (sums[hi].1 - sums[lo].1) / n;
                [1.0, cost, document, posterior, earning]
            }
        })
    }

    /// The probability, for each bead, that the text around it is parallel, in `[0, 1]`.
    /// `beads` holds `(german sentences, english sentences, cost, raw posterior)` in order.
    pub fn probabilities(&self, beads: &[RawBead]) -> Vec<f64> {
        if self.is_none() {
            return vec![1.0; beads.len()];
        }
        let w = self.weights();
        self.feature_rows(beads)
            .map(|x| logistic(dot(&w, &x)))
            .collect()
    }

    /// Fits the weights by logistic regression (Newton's method with a ridge penalty of
    /// `ridge` on the slopes) of parallelism on the features of every bead of each document:
    /// `documents` holds each document's beads `(german, english, cost, raw posterior)` and,
    /// for each bead, whether the text around it is parallel (all `true` for a translation
    /// pair, all `false` for unrelated texts, mixed for a parallel stretch inside unrelated
    /// text). Each document weighs the same whatever its length.
    ///
    /// ```
    /// use satzweise::quality::ParallelModel;
    /// let true_pair: Vec<_> = (0..30).map(|k| (1, 1, -5.0 - (k % 3) as f64, 0.95)).collect();
    /// let false_pair: Vec<_> = (0..30).map(|k| (1, 1, 1.0 + (k % 4) as f64 / 2.0, 0.4)).collect();
    /// let documents = [(true_pair.clone(), vec![true; 30]), (false_pair.clone(), vec![false; 30])];
    /// let model = ParallelModel::fit(&documents, 8, 1.0);
    /// assert!(model.probabilities(&true_pair).iter().all(|&p| p > 0.9));
    /// assert!(model.probabilities(&false_pair).iter().all(|&p| p < 0.1));
    /// ```
    pub fn fit(
        documents: &[(Vec<RawBead>, Vec<bool>)],
        window: usize,
        ridge: f64,
    ) -> ParallelModel {
        let shape = ParallelModel {
            window,
            ..ParallelModel::none()
        };
        // Samples: features, label, weight.
        let mut samples: Vec<([f64; WEIGHTS], f64, f64)> = Vec::new();
        for (beads, parallel) in documents {
            if beads.is_empty() {
                continue;
            }
            let weight = 1.0 / beads.len() as f64;
            for (x, &parallel) in shape.features(beads).into_iter().zip(parallel) {
                samples.push((x, f64::from(u8::from(parallel)), weight));
            }
        }
        if samples.is_empty() {
            return ParallelModel::none();
        }
        let Some(w) = fit_logistic(&samples, ridge) else {
            return ParallelModel::none();
        };
        ParallelModel {
            window,
            bias: w[0],
            local: w[1],
            document: w[2],
            posterior: w[3],
            earning: w[4],
        }
    }
}

fn dot<const N: usize>(w: &[f64; N], x: &[f64; N]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

fn logistic(z: f64) -> f64 {
    let p = 1.0 / (1.0 + (-z).exp());
    if p.is_finite() { p } else { 0.0 }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let pivot = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..N {
            let f = a[row][col] / a[col][col];
            let pivot_row = a[col];
            for (v, p) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *v -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0f64; N];
    for row in (0..N).rev() {
        let s: f64 = (row + 1..N).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Logistic regression by Newton's method: `samples` hold `(features, label in {0, 1},
/// weight)`, feature 0 being the constant 1; `ridge` penalises every weight but the
/// constant's. `None` when the fit does not converge to finite weights.
pub(crate) fn fit_logistic<const N: usize>(
    samples: &[([f64; N], f64, f64)],
    ridge: f64,
) -> Option<[f64; N]> {
    let ridge = ridge.max(1e-6);
    let mut w = [0.0f64; N];
    for _ in 0..50 {
        let mut gradient = [0.0f64; N];
        let mut hessian = [[0.0f64; N]; N];
        for (x, y, weight) in samples {
            let p = logistic(dot(&w, x));
            for i in 0..N {
                gradient[i] += weight * (p - y) * x[i];
                for j in 0..N {
                    hessian[i][j] += weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..N {
            gradient[i] += ridge * w[i];
            hessian[i][i] += ridge;
        }
        hessian[0][0] += 1e-9;
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        for i in 0..N {
            w[i] -= step[i];
        }
        if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
            break;
        }
    }
    w.iter().all(|v| v.is_finite()).then_some(w)
}

/// Number of weights of the skip model (bias included).
pub const SKIP_FEATURES: usize = 7;

/// Logits beyond this size say nothing more.
const LOGIT_CLAMP: f64 = 8.0;

fn logit(p: f64) -> f64 {
    let p = if p.is_finite() {
        p.clamp(1e-6, 1.0 - 1e-6)
    } else {
        0.5
    };
    (p / (1.0 - p)).ln().clamp(-LOGIT_CLAMP, LOGIT_CLAMP)
}

/// Letters and digits of a bead's German and English sentences.
pub type BeadLetters = (usize, usize);

/// The probability that a skipped sentence (a bead 1-0 or 0-1) is truly left untranslated,
/// from more than its posterior.
///
/// The posterior of a skip says how sure the search is of the whole gap it lies in, and
/// sentences of one gap share it; on gold it runs *against* correctness (a lone skip the
/// search is sure of is often a sentence that belongs to the bead beside it). Whether a
/// sentence is rightly skipped shows better in how long the run of skipped sentences around
/// it is (a long run is a passage one side does not have), in its length, and in its side
/// (a reference sentence the German leaves out is more often a true omission than a German
/// sentence is a true addition). The probability is the mean [`ParallelModel`] probability
/// of the document times `1 / (1 + exp(-w · x))`, `x` the [`features`](SkipModel::features) of the bead;
/// [`SkipModel::fit`] fits `w` by logistic regression on development gold. With no weights
/// ([`SkipModel::none`]) skips keep the [`Calibration::skip`] map.
///
/// ```
/// use satzweise::quality::SkipModel;
/// // Linked beads around a lone English skip of 12 letters, then a run of three German skips.
/// let beads = [(1, 1, -5.0, 0.95), (0, 1, 1.0, 0.8), (1, 1, -5.0, 0.95), (1, 0, 3.0, 0.3),
///     (1, 0, 3.0, 0.3), (1, 0, 3.0, 0.3), (1, 1, -4.0, 0.9)];
/// let letters = [(40, 28), (0, 12), (40, 40), (80, 0), (90, 0), (70, 0), (40, 40)];
/// let features = SkipModel::features(&beads, &letters);
/// assert!(features[0].is_none());
/// assert_eq!(features[1].unwrap()[2], 0.0); // ln 1: a run of one
/// assert_eq!(features[1].unwrap()[5], 1.0); // on the English side
/// assert_eq!(features[4].unwrap()[3], 3f64.ln()); // a German run of three
/// // Long runs of additions weigh for a skip: the run of three scores above the lone skip.
/// let model = SkipModel { weights: vec![0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0] };
/// let p = model.probabilities(&beads, &letters, &[1.0; 7]);
/// assert!(p[4].unwrap() > p[1].unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SkipModel {
    /// The weights of the [`features`](SkipModel::features), [`SKIP_FEATURES`] of them, or
    /// none (no model).
    pub weights: Vec<f64>,
}

impl SkipModel {
    /// No model: skips keep their calibration map.
    pub fn none() -> SkipModel {
        SkipModel {
            weights: Vec::new(),
        }
    }

    /// Whether this is [`SkipModel::none`] (or has a wrong number of weights).
    pub fn is_none(&self) -> bool {
        self.weights.len() != SKIP_FEATURES || self.weights.iter().any(|w| !w.is_finite())
    }

    /// The features of each skip bead, `None` for a linked bead: `[1, logit of the raw
    /// posterior, ln of the length of the run of skip beads it is in for an English sentence
    /// (an omission; else 0), the same for a German sentence (an addition), ln(1 + letters
    /// of the skipped sentence), 1 for an English sentence and 0 for a German one, the logit
    /// of the lower raw posterior of the linked beads just before and after its run of skips
    /// (a skip whose neighbour the search doubts may belong in that neighbour)]`. (On
    /// gold, long runs of omissions are right far more often than long runs of additions,
    /// which are often a German passage that the reference renders in fewer sentences.)
    /// `beads` holds `(german sentences, english sentences, cost, raw posterior)` and
    /// `letters` each bead's [`BeadLetters`] (a shorter slice reads as 0).
    pub fn features(
        beads: &[RawBead],
        letters: &[BeadLetters],
    ) -> Vec<Option<[f64; SKIP_FEATURES]>> {
        SkipModel::feature_rows(beads, letters).collect()
    }

    /// The rows of [`features`](Self::features) one bead at a time.
    fn feature_rows<'b>(
        beads: &'b [RawBead],
        letters: &'b [BeadLetters],
    ) -> impl Iterator<Item = Option<[f64; SKIP_FEATURES]>> + 'b {
        let is_skip = |b: &RawBead| (b.0 == 0) != (b.1 == 0);
        // The run of skip beads the current bead is in: where it ends, its length, and the
        // lower posterior of the beads just before and after it (1 where there is none).
        let (mut run_end, mut run, mut neighbours) = (0, 0.0, 1.0);
        (0..beads.len()).map(move |k| {
            let bead = &beads[k];
            if !is_skip(bead) {
                return None;
            }
            if k >= run_end {
                run_end = k + beads[k..].iter().take_while(|b| is_skip(b)).count();
                run = ((run_end - k) as f64).ln();
                let before = k.checked_sub(1).map_or(1.0, |j| beads[j].3);
                let after = beads.get(run_end).map_or(1.0, |b| b.3);
                neighbours = before.min(after);
            }
            let (g, e) = letters.get(k).copied().unwrap_or((0, 0));
            let english = bead.0 == 0;
            Some([
                1.0,
                logit(bead.3),
                if english { run } else { 0.0 },
                if english { 0.0 } else { run },
                (1.0 + (g + e) as f64).ln(),
                f64::from(u8::from(english)),
                logit(neighbours),
            ])
        })
    }

    /// The probability of each skip bead being right, the mean of the parallel probabilities
    /// `parallel` of the beads (1 for an empty slice) times the model's (`None` for linked beads,
    /// and for every bead when there is no model); see [`features`](SkipModel::features).
    pub fn probabilities(
        &self,
        beads: &[RawBead],
        letters: &[BeadLetters],
        parallel: &[f64],
    ) -> Vec<Option<f64>> {
        if self.is_none() {
            return vec![None; beads.len()];
        }
        let mut w = [0.0; SKIP_FEATURES];
        w.copy_from_slice(&self.weights);
        // The document's mean parallel probability, not the bead's own: a passage one side
        // leaves out makes its surroundings look less parallel, yet it is the skips' case.
        let document = if parallel.is_empty() {
            1.0
        } else {
            parallel.iter().sum::<f64>() / parallel.len() as f64
        };
        SkipModel::feature_rows(beads, letters)
            .map(|x| x.map(|x| document * logistic(dot(&w, &x))))
            .collect()
    }

    /// Fits the weights by logistic regression (ridge penalty `ridge` on all weights but the
    /// constant) of strict correctness on the features of the skip beads of `documents`
    /// (true translation pairs): each document's beads, letters and per-bead correctness.
    /// The skips of one run weigh together as much as a lone skip.
    pub fn fit(documents: &[SkipDocument<'_>], ridge: f64) -> SkipModel {
        let mut samples = Vec::new();
        for doc in documents {
            let features = SkipModel::features(doc.beads, doc.letters);
            for (x, &right) in features.iter().zip(doc.correct) {
                if let Some(x) = x {
                    // The sentences of one run are one piece of evidence, not many: each
                    // weighs one over the run's length (features 2 and 3 hold its log).
                    let weight = (-(x[2] + x[3])).exp();
                    samples.push((*x, f64::from(u8::from(right)), weight));
                }
            }
        }
        if samples.is_empty() {
            return SkipModel::none();
        }
        match fit_logistic(&samples, ridge) {
            Some(w) => SkipModel {
                weights: w.to_vec(),
            },
            None => SkipModel::none(),
        }
    }
}

/// One document's beads for [`SkipModel::fit`].
#[derive(Debug, Clone, Copy)]
pub struct SkipDocument<'a> {
    /// `(german sentences, english sentences, cost, raw posterior)` of each bead.
    pub beads: &'a [RawBead],
    /// Letters and digits of each bead's German and English sentences.
    pub letters: &'a [BeadLetters],
    /// Whether each bead is strictly correct.
    pub correct: &'a [bool],
}

/// How each bead's [`confidence`](crate::Bead::confidence) is made from its raw posterior:
/// the posterior times the [`ParallelModel`]'s probability that the text around the bead is
/// parallel, through one calibration map per [`BeadKind`].
///
/// `Calibration::default()` is fitted on development data (Text+Berg `dev` and the
/// documented development half of `wmt21-de-en-perturbed`, with mismatched pairs of the
/// same chunks for the parallel model); [`Calibration::identity`] keeps the raw posterior.
///
/// ```
/// use satzweise::quality::Calibration;
/// let raw = Calibration::identity();
/// assert_eq!(raw.apply(1, 1, 0.8), 0.8);
/// let fitted = Calibration::default();
/// let (low, high) = (fitted.apply(1, 1, 0.2), fitted.apply(1, 1, 0.99));
/// assert!((0.0..=1.0).contains(&low) && low <= high);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Calibration {
    /// The map for 1-1 beads.
    pub one_to_one: CalibrationMap,
    /// The map for merged beads (1-2, 2-1, 2-2, ...).
    pub merge: CalibrationMap,
    /// The map for skipped sentences (1-0, 0-1).
    pub skip: CalibrationMap,
    /// The probability that the text around a bead is parallel.
    pub parallel: ParallelModel,
    /// The probability that a skipped sentence is right, which replaces the `skip` map when
    /// it has weights.
    pub skips: SkipModel,
    /// The calibration of documents aligned in a batch that learns across its documents
    /// ([`Batch::learn_across`](crate::Batch::learn_across)): the translation model learned
    /// from the batch lowers the costs and sharpens the posteriors, so single-document maps
    /// would misstate them. `None`: batches use this calibration too (see
    /// [`for_batch`](Calibration::for_batch)).
    pub batch: Option<Box<Calibration>>,
    /// The probability that a bead the reorder pass made is right, which replaces the map of
    /// its kind when it has weights.
    pub reorder: ReorderModel,
}

impl Default for Calibration {
    fn default() -> Self {
        super::fitted::fitted()
    }
}

impl Calibration {
    /// No calibration: every confidence is the raw posterior.
    pub fn identity() -> Calibration {
        Calibration {
            one_to_one: CalibrationMap::identity(),
            merge: CalibrationMap::identity(),
            skip: CalibrationMap::identity(),
            parallel: ParallelModel::none(),
            skips: SkipModel::none(),
            batch: None,
            reorder: ReorderModel::none(),
        }
    }

    /// The calibration that confidences of a batch learning across its documents go
    /// through: [`batch`](Calibration::batch) if set, else this one.
    ///
    /// ```
    /// use satzweise::quality::Calibration;
    /// let fitted = Calibration::default();
    /// assert!(fitted.batch.is_some() && fitted.for_batch().batch.is_none());
    /// let raw = Calibration::identity();
    /// assert_eq!(raw.for_batch(), &raw);
    /// ```
    pub fn for_batch(&self) -> &Calibration {
        self.batch.as_deref().unwrap_or(self)
    }

    /// The map for beads of `kind`.
    pub fn map(&self, kind: BeadKind) -> &CalibrationMap {
        match kind {
            BeadKind::OneToOne => &self.one_to_one,
            BeadKind::Merge => &self.merge,
            BeadKind::Skip => &self.skip,
        }
    }

    /// The calibrated confidence of a bead of `german` German and `english` English sentences
    /// whose raw posterior is `posterior`, in a text taken for parallel (the map alone; see
    /// [`Calibration::confidences`] for the whole calibration).
    pub fn apply(&self, german: usize, english: usize, posterior: f64) -> f64 {
        self.map(BeadKind::of(german, english)).apply(posterior)
    }

    /// The confidence of every bead of a document, in order: `beads` holds `(german
    /// sentences, english sentences, cost, raw posterior)`.
    ///
    /// ```
    /// use satzweise::quality::{Calibration, ParallelModel};
    /// let mut calibration = Calibration::identity();
    /// calibration.parallel = ParallelModel {
    ///     window: 3, bias: 0.0, local: -1.0, document: -1.0, posterior: 0.0, earning: 0.0,
    /// };
    /// let parallel = calibration.confidences(&[(1, 1, -6.0, 0.9), (1, 1, -4.0, 0.8)]);
    /// assert!(parallel[0] > 0.89 && parallel[1] > 0.79);
    /// let unrelated = calibration.confidences(&[(1, 1, 2.0, 0.9), (1, 1, 1.0, 0.8)]);
    /// assert!(unrelated.iter().all(|&c| c < 0.2));
    /// ```
    pub fn confidences(&self, beads: &[RawBead]) -> Vec<f64> {
        self.confidences_with_letters(beads, &[])
    }

    /// [`confidences`](Calibration::confidences) knowing the letters and digits of each
    /// bead's German and English sentences, which the [`SkipModel`] reads (a shorter slice
    /// reads as 0 letters).
    pub fn confidences_with_letters(&self, beads: &[RawBead], letters: &[BeadLetters]) -> Vec<f64> {
        self.confidences_with_evidence(beads, letters, &[])
    }

    /// [`confidences_with_letters`](Calibration::confidences_with_letters) knowing too which
    /// beads the reorder pass made and their evidence (`changed`, one entry a bead; a shorter
    /// slice reads as `None`): with a [`ReorderModel`], such a bead's confidence is its
    /// probability times the parallel probability of the text around it.
    ///
    /// ```
    /// use satzweise::quality::{Calibration, ReorderEvidence, ReorderModel};
    /// let mut calibration = Calibration::identity();
    /// calibration.reorder = ReorderModel { weights: vec![-3.0, 0.0, 0.0] };
    /// let beads = [(1, 1, -5.0, 0.95), (1, 1, -1.0, 0.99), (1, 1, -5.0, 0.95)];
    /// let changed = [None, Some(ReorderEvidence::default()), None];
    /// let confidences = calibration.confidences_with_evidence(&beads, &[], &changed);
    /// assert_eq!(confidences[0], 0.95);
    /// assert!(confidences[1] < 0.05);
    /// ```
    pub fn confidences_with_evidence(
        &self,
        beads: &[RawBead],
        letters: &[BeadLetters],
        changed: &[Option<ReorderEvidence>],
    ) -> Vec<f64> {
        let parallel = self.parallel.probabilities(beads);
        let skips = self.skips.probabilities(beads, letters, &parallel);
        beads
            .iter()
            .zip(parallel)
            .zip(skips)
            .enumerate()
            .map(|(k, ((&(g, e, _, posterior), p), skip))| {
                let changed = changed.get(k).copied().flatten();
                if let Some(probability) = changed.and_then(|c| self.reorder.probability(&c)) {
                    return p * probability;
                }
                skip.unwrap_or_else(|| self.apply(g, e, posterior * p))
            })
            .collect()
    }

    /// Fits one map per kind from `(german, english, raw posterior, strictly correct)`
    /// samples; see [`CalibrationMap::fit`].
    pub fn fit(
        samples: &[(usize, usize, f64, bool)],
        prior_weight: f64,
        min_block: usize,
    ) -> Calibration {
        let of_kind = |kind: BeadKind| {
            let picked: Vec<(f64, bool)> = samples
                .iter()
                .filter(|s| BeadKind::of(s.0, s.1) == kind)
                .map(|s| (s.2, s.3))
                .collect();
            CalibrationMap::fit(&picked, prior_weight, min_block)
        };
        Calibration {
            one_to_one: of_kind(BeadKind::OneToOne),
            merge: of_kind(BeadKind::Merge),
            skip: of_kind(BeadKind::Skip),
            parallel: ParallelModel::none(),
            skips: SkipModel::none(),
            batch: None,
            reorder: ReorderModel::none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_skip_of_a_run_reads_the_runs_length_and_the_beads_around_it() {
        // A run of three skips between linked beads of posterior 0.6 and 0.8, a lone skip at
        // the start (nothing before it), and a run of two at the end (nothing after it).
        let beads = [
            (0, 1, 1.0, 0.5),
            (1, 1, -5.0, 0.6),
            (1, 0, 2.0, 0.3),
            (0, 1, 2.0, 0.3),
            (1, 0, 2.0, 0.3),
            (1, 1, -5.0, 0.8),
            (0, 0, 0.0, 0.7),
            (0, 1, 2.0, 0.4),
            (0, 1, 2.0, 0.4),
        ];
        let features = SkipModel::features(&beads, &[]);
        let runs: Vec<Option<(f64, f64)>> = features
            .iter()
            .zip(&beads)
            .map(|(x, b)| x.map(|x| (if b.0 == 0 { x[2] } else { x[3] }, x[6])))
            .collect();
        let three = Some((3f64.ln(), logit(0.6)));
        let two = Some((2f64.ln(), logit(0.7)));
        assert_eq!(
            runs,
            [
                Some((0.0, logit(0.6))),
                None,
                three,
                three,
                three,
                None,
                None,
                two,
                two
            ]
        );
    }

    #[test]
    fn fitted_map_is_monotone_and_bounded() {
        let samples: Vec<(f64, bool)> = (0..500)
            .map(|k| {
                let x = (k as f64 * 0.618).fract();
                (x, (k * 7919 % 100) as f64 / 100.0 < x * x)
            })
            .collect();
        let map = CalibrationMap::fit(&samples, 2.0, 10);
        let mut last = 0.0;
        for k in 0..=100 {
            let y = map.apply(k as f64 / 100.0);
            assert!((0.0..=1.0).contains(&y));
            assert!(y >= last - 1e-12, "not monotone at {k}");
            last = y;
        }
        // Convex truth: the map must pull 0.5 well below 0.5.
        assert!(map.apply(0.5) < 0.4, "{}", map.apply(0.5));
    }

    #[test]
    fn the_skip_model_learns_that_runs_of_omissions_are_right() {
        // Documents of linked beads with one lone English skip (wrong) and one run of four
        // English skips (right), the lone one with the higher posterior.
        let mut beads = vec![(1, 1, -5.0, 0.95), (0, 1, 1.0, 0.9), (1, 1, -5.0, 0.95)];
        beads.extend([(0, 1, 2.0, 0.4); 4]);
        beads.push((1, 1, -5.0, 0.95));
        let letters = vec![
            (40, 40),
            (0, 30),
            (40, 40),
            (0, 50),
            (0, 60),
            (0, 40),
            (0, 70),
            (40, 40),
        ];
        let correct = vec![true, false, true, true, true, true, true, true];
        let documents: Vec<SkipDocument<'_>> = (0..10)
            .map(|_| SkipDocument {
                beads: &beads,
                letters: &letters,
                correct: &correct,
            })
            .collect();
        let model = SkipModel::fit(&documents, 1.0);
        assert!(!model.is_none());
        let p = model.probabilities(&beads, &letters, &[1.0; 8]);
        let (lone, run) = (p[1].unwrap(), p[4].unwrap());
        assert!(run > 0.5 && lone < 0.5 && p[0].is_none(), "{lone} {run}");
        // An unrelated document (parallel probability near 0) keeps its skips unsure.
        let p = model.probabilities(&beads, &letters, &[0.01; 8]);
        assert!(p[4].unwrap() < 0.05);
        // With the model, skips take its probability; without, the map.
        let mut calibration = Calibration::identity();
        assert_eq!(
            calibration.confidences_with_letters(&beads, &letters)[1],
            0.9
        );
        calibration.skips = model;
        assert!((calibration.confidences_with_letters(&beads, &letters)[1] - lone).abs() < 1e-12);
        assert!(SkipModel::fit(&[], 1.0).is_none());
    }

    #[test]
    fn a_batch_learning_across_goes_through_the_batch_calibration() {
        // Raw posteriors for single documents, every confidence halved in learning batches.
        let mut calibration = Calibration::identity();
        let mut halve = Calibration::identity();
        halve.one_to_one = CalibrationMap::from_knots(vec![(1.0, 0.5)]);
        halve.skip = CalibrationMap::from_knots(vec![(1.0, 0.5)]);
        halve.merge = CalibrationMap::from_knots(vec![(1.0, 0.5)]);
        calibration.batch = Some(Box::new(halve));
        let aligner = crate::Aligner::builder()
            .calibration(calibration)
            .build()
            .unwrap();
        let pair = || {
            crate::DocumentPair::lines(
                "Der Berg ist hoch.\nDie Hütte ist klein.\nWir gehen heim.",
                "The mountain is high.\nThe hut is small.\nWe go home.",
            )
        };
        let confidences = |alignment: &crate::Alignment| -> Vec<f64> {
            alignment.beads().map(|b| b.confidence()).collect()
        };
        let plain: Vec<f64> = aligner
            .align_batch([((), pair())])
            .map(|(_, a)| confidences(&a.unwrap()))
            .next()
            .unwrap();
        let single = aligner
            .align_lines(
                "Der Berg ist hoch.\nDie Hütte ist klein.\nWir gehen heim.",
                "The mountain is high.\nThe hut is small.\nWe go home.",
            )
            .unwrap();
        assert_eq!(plain, confidences(&single));
        let learned: Vec<f64> = aligner
            .align_batch([((), pair())])
            .learn_across()
            .map(|(_, a)| confidences(&a.unwrap()))
            .next()
            .unwrap();
        assert!(!learned.is_empty());
        assert!(learned.iter().all(|&c| c <= 0.5), "{learned:?}");
        assert!(plain.iter().any(|&c| c > 0.5), "{plain:?}");
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert_eq!(CalibrationMap::fit(&[], 1.0, 5), CalibrationMap::identity());
        let map = CalibrationMap::fit(&[(f64::NAN, true), (0.3, true)], 1.0, 5);
        assert!(map.apply(f64::NAN) == 0.0);
        assert!(map.apply(2.0) <= 1.0);
        let map = CalibrationMap::from_knots(vec![(0.5, 0.9), (0.6, 0.1), (f64::INFINITY, 1.0)]);
        assert_eq!(map.knots(), &[(0.5, 0.9), (0.6, 0.9)]);
    }
}
