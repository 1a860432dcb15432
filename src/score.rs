//! Bead costs: the [`Scorer`] trait and the built-in signals.
//!
//! # The cost convention
//!
//! A cost is a negative log-likelihood in nats, up to a constant that is the same for every
//! bead: **lower is better**, any finite value is allowed (an anchor match makes a cost
//! negative), and the cost of an alignment is the sum of the costs of its beads. The search
//! finds the alignment of least cost; the confidence of a bead is its posterior probability
//! under the distribution `P(alignment) ∝ exp(-cost / temperature)`.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::features::PairFeatures;

/// Scores candidate beads: one implementation per signal, combined by [`WeightedSum`].
///
/// `german` and `english` are the sentence runs of the candidate bead (either may be empty,
/// not both). Implementations read only the precomputed [`PairFeatures`] (or, for signals of
/// their own, the texts it refers to) and must be cheap: the search calls them for every
/// candidate bead.
///
/// ```
/// use std::ops::Range;
/// use satzweise::{Aligner, PairFeatures, Scorer};
///
/// /// Penalizes beads whose English side has a question mark the German side lacks.
/// #[derive(Debug)]
/// struct QuestionMarks;
///
/// impl Scorer for QuestionMarks {
///     fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
///         let asks = |text: &satzweise::Text, run: Range<usize>| {
///             run.into_iter().any(|k| text.sentence(k).unwrap_or("").contains('?'))
///         };
///         if asks(pair.english_text(), english) && !asks(pair.german_text(), german) { 1.0 } else { 0.0 }
///     }
/// }
///
/// let aligner = Aligner::builder().scorer(1.0, QuestionMarks).build()?;
/// let alignment = aligner.align_sentences(&["Kommst du?"], &["Are you coming?"])?;
/// assert_eq!(alignment.beads().len(), 1);
/// # Ok::<(), satzweise::Error>(())
/// ```
pub trait Scorer: Send + Sync + fmt::Debug {
    /// The cost of linking `german` with `english`, following the crate's cost convention.
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64;
}

impl<S: Scorer + ?Sized> Scorer for Arc<S> {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        (**self).cost(pair, german, english)
    }
}

impl<S: Scorer + ?Sized> Scorer for Box<S> {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        (**self).cost(pair, german, english)
    }
}

/// A Gale-Church length model: the English length of a bead is normally distributed around
/// `ratio × German length` with a variance proportional to the bead's mean length, where
/// `ratio` is the document pair's own ratio of English to German characters and the variance
/// per character is `variance × ratio`, or the document's own once
/// [`PairFeatures::fit_length_model`] ran (with `fitted` set).
///
/// The cost is `-ln(2 (1 - Φ(|δ|)))`, the two-sided tail probability of the standardized
/// difference `δ`; 0 for a perfect fit. Beads with an empty side cost 0 here (their price is
/// the [`ShapePrior`]'s skip cost).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthScorer {
    /// Variance of English characters per German character (Gale and Church found 6.8).
    pub variance: f64,
    /// Use the variance fitted to the document pair when there is one.
    pub fitted: bool,
}

impl Default for LengthScorer {
    fn default() -> Self {
        LengthScorer {
            variance: 6.8,
            fitted: true,
        }
    }
}

impl Scorer for LengthScorer {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        self.delta(pair, german, english)
            .map_or(0.0, two_sided_tail_cost)
    }
}

impl LengthScorer {
    /// The standardized length difference of the bead; `None` when a side is empty.
    pub(crate) fn delta(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> Option<f64> {
        if german.is_empty() || english.is_empty() {
            return None;
        }
        let german_length = pair.german().run_length(german) as f64;
        let english_length = pair.english().run_length(english) as f64;
        let ratio = pair.length_ratio();
        let mean = ((german_length + english_length / ratio) / 2.0).max(1.0);
        Some((english_length - ratio * german_length) / (self.variance * ratio * mean).sqrt())
    }
}

/// `-ln(2 (1 - Φ(|δ|)))` for a standard normal Φ, accurate in the far tail.
pub(crate) fn two_sided_tail_cost(delta: f64) -> f64 {
    let z = delta.abs();
    let x = z / std::f64::consts::SQRT_2;
    if z < 5.0 {
        -ln_erfc(x)
    } else {
        // Asymptotic tail: erfc(x) ≈ exp(-x²) / (x √π).
        x * x + (x * std::f64::consts::PI.sqrt()).ln()
    }
}

/// `ln erfc(x)` for `x ≥ 0`, from Numerical Recipes' Chebyshev fit of the complementary
/// error function (|relative error| < 1.2e-7). The fit is `t · exp(P(t))`, so its logarithm
/// is `ln t + P(t)`: one logarithm, no exponential.
fn ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let exponent = -x * x - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + exponent
}

/// Anchors: numbers, names and cognates, marked punctuation, and learned or given word
/// pairs that link the two runs (see [`crate::features`]).
///
/// The cost is `-matched × m + unmatched × u`, where `m` is the mean over both sides of the
/// weight of linkable tokens that find their partner in the other run and `u` the mean weight of
/// those that do not ([`PairFeatures::evidence`]). A bead with an empty side has no evidence and
/// costs 0 here, so a sentence full of unmatched anchors is cheaper to leave unaligned than to
/// merge into a bead that does not render it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnchorScorer {
    /// Nats gained per unit of matched weight.
    pub matched: f64,
    /// Nats lost per unit of unmatched weight.
    pub unmatched: f64,
}

impl Default for AnchorScorer {
    fn default() -> Self {
        AnchorScorer {
            matched: 4.0,
            unmatched: 1.0,
        }
    }
}

impl Scorer for AnchorScorer {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        let evidence = pair.evidence(german, english);
        let matched = (evidence.german_matched + evidence.english_matched) as f64 / 2.0;
        let unmatched = (evidence.german_unmatched + evidence.english_unmatched) as f64 / 2.0;
        -self.matched * matched + self.unmatched * unmatched
    }
}

/// The prior cost of a bead's shape, aware of fragments and debris.
///
/// - 1-1 costs 0.
/// - A bead with two non-empty sides pays, for every sentence boundary inside it,
///   `merge_cost`, or `open_merge_cost` when the boundary looks like a line broken inside a
///   sentence (the line before ends with `,`, `;`, `:` or a dash, or the line after starts in
///   lower case), which asks to be merged; see [`SentenceShape`](crate::features::SentenceShape).
/// - A bead whose German and English runs disagree on ending open (one ends like a headline,
///   the other like a sentence) pays `closure_mismatch_cost`.
/// - Unaligned sentences (a bead with an empty side) pay `skip_cost` for the first sentence and
///   `skip_extend_cost` for each further one, each multiplied by `debris_factor` when the
///   sentence looks like debris.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapePrior {
    /// Cost of each sentence boundary inside a merged bead after a closed sentence.
    pub merge_cost: f64,
    /// Cost of each sentence boundary inside a merged bead after an open-ended sentence.
    pub open_merge_cost: f64,
    /// Cost of a bead whose two sides disagree on ending open.
    pub closure_mismatch_cost: f64,
    /// Cost of leaving one sentence unaligned (a 1-0 or 0-1 bead).
    pub skip_cost: f64,
    /// Cost of each further sentence in one run of unaligned sentences.
    pub skip_extend_cost: f64,
    /// Factor on the skip cost of a sentence that looks like debris.
    pub debris_factor: f64,
}

impl Default for ShapePrior {
    fn default() -> Self {
        ShapePrior {
            merge_cost: 2.3,
            open_merge_cost: 1.0,
            closure_mismatch_cost: 1.0,
            skip_cost: 4.5,
            skip_extend_cost: 1.0,
            debris_factor: 0.5,
        }
    }
}

impl Scorer for ShapePrior {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        let (g, e) = (pair.german(), pair.english());
        if german.is_empty() || english.is_empty() {
            let skipped = german
                .map(|k| g.shape(k))
                .chain(english.map(|k| e.shape(k)));
            return skipped
                .enumerate()
                .map(|(n, shape)| {
                    let base = if n == 0 {
                        self.skip_cost
                    } else {
                        self.skip_extend_cost
                    };
                    if shape.debris {
                        base * self.debris_factor
                    } else {
                        base
                    }
                })
                .sum();
        }
        let boundary = |side: &crate::SideFeatures, k: usize| {
            if side.shape(k).continues || side.shape(k + 1).starts_lower {
                self.open_merge_cost
            } else {
                self.merge_cost
            }
        };
        let mut cost = 0.0;
        for k in german.start..german.end - 1 {
            cost += boundary(g, k);
        }
        for k in english.start..english.end - 1 {
            cost += boundary(e, k);
        }
        if g.shape(german.end - 1).open_end != e.shape(english.end - 1).open_end {
            cost += self.closure_mismatch_cost;
        }
        cost
    }
}

/// A weighted sum of scorers, itself a scorer.
///
/// ```
/// use satzweise::score::{AnchorScorer, LengthScorer, WeightedSum};
/// let combined = WeightedSum::new()
///     .with(1.0, LengthScorer::default())
///     .with(0.5, AnchorScorer::default());
/// assert_eq!(combined.len(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct WeightedSum {
    parts: Vec<(f64, Arc<dyn Scorer>)>,
}

impl WeightedSum {
    /// An empty sum (every bead costs 0).
    pub fn new() -> Self {
        WeightedSum::default()
    }

    /// Adds `scorer` with `weight`.
    pub fn with(mut self, weight: f64, scorer: impl Scorer + 'static) -> Self {
        self.push(weight, Arc::new(scorer));
        self
    }

    /// Adds a shared scorer with `weight`.
    pub fn push(&mut self, weight: f64, scorer: Arc<dyn Scorer>) {
        self.parts.push((weight, scorer));
    }

    /// Number of scorers in the sum.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the sum has no scorer.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

impl Scorer for WeightedSum {
    fn cost(&self, pair: &PairFeatures<'_>, german: Range<usize>, english: Range<usize>) -> f64 {
        self.parts
            .iter()
            .filter(|(weight, _)| *weight != 0.0)
            .map(|(weight, scorer)| weight * scorer.cost(pair, german.clone(), english.clone()))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_cost_is_continuous_and_zero_at_zero() {
        assert!(two_sided_tail_cost(0.0).abs() < 1e-6);
        let below = two_sided_tail_cost(4.999);
        let above = two_sided_tail_cost(5.001);
        assert!((below - above).abs() < 0.05, "{below} vs {above}");
        assert!(two_sided_tail_cost(1e6).is_finite());
        assert!(two_sided_tail_cost(2.0) > two_sided_tail_cost(1.0));
        // Two-sided tails of the normal: P(|Z| > 1) = 0.3173, P(|Z| > 2) = 0.0455.
        assert!((two_sided_tail_cost(1.0) - -(0.317_31f64.ln())).abs() < 1e-4);
        assert!((two_sided_tail_cost(-2.0) - -(0.045_50f64.ln())).abs() < 1e-3);
    }
}
