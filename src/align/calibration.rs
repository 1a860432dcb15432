//! Calibration: a monotone map from the raw bead posterior to a probability that holds on
//! gold data.
//!
//! The posterior of forward-backward is a probability *under the scoring model*; where the
//! model is over- or under-confident, the share of right beads among those scored 0.9 is not
//! 0.9. A [`Calibration`] corrects this with one piecewise-linear, non-decreasing map per bead
//! kind (1-1, merges such as 1-2 or 2-1, skips 1-0 and 0-1), fitted by isotonic regression
//! on development gold ([`CalibrationMap::fit`]). The fitted default lives in
//! `src/align/fitted.rs` and is rewritten by
//! `cargo run --release --example calibration -- --fit src/align/fitted.rs`.

use std::fmt;

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

/// One calibration map per [`BeadKind`], applied to every bead's posterior to give its
/// [`confidence`](crate::Bead::confidence).
///
/// `Calibration::default()` is the map fitted on development gold (Text+Berg `dev` and the
/// documented development half of `wmt21-de-en-perturbed`); [`Calibration::identity`] keeps
/// the raw posterior.
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
        }
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
    /// whose raw posterior is `posterior`.
    pub fn apply(&self, german: usize, english: usize, posterior: f64) -> f64 {
        self.map(BeadKind::of(german, english)).apply(posterior)
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn degenerate_inputs_do_not_panic() {
        assert_eq!(CalibrationMap::fit(&[], 1.0, 5), CalibrationMap::identity());
        let map = CalibrationMap::fit(&[(f64::NAN, true), (0.3, true)], 1.0, 5);
        assert!(map.apply(f64::NAN) == 0.0);
        assert!(map.apply(2.0) <= 1.0);
        let map = CalibrationMap::from_knots(vec![(0.5, 0.9), (0.6, 0.1), (f64::INFINITY, 1.0)]);
        assert_eq!(map.knots(), &[(0.5, 0.9), (0.6, 0.9)]);
    }
}
