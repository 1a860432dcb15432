//! The Gale-Church length model.

use std::ops::Range;

use crate::features::PairFeatures;

/// A Gale-Church length model: the English length of a bead is normally distributed around
/// `ratio × German length` with a variance proportional to the bead's mean length, where
/// `ratio` is the document pair's own ratio of English to German characters and the variance
/// per character is `variance × ratio`. The ratio is the one the aligner's refinement fitted to
/// the confident beads of a first pass ([`PairFeatures::length_ratio`]); the variance stays the
/// configured one.
///
/// The cost is `-ln(2 (1 - Φ(|δ|)))`, the two-sided tail probability of the standardized
/// difference `δ`; 0 for a perfect fit. Beads with an empty side cost 0 here (their price is
/// the [`ShapePrior`](super::ShapePrior)'s skip cost).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthScorer {
    /// Variance of English characters per German character (Gale and Church found
    /// [`GALE_CHURCH_VARIANCE`]).
    pub variance: f64,
}

/// The variance of the length model that Gale and Church measured: 6.8 characters² per
/// character.
pub const GALE_CHURCH_VARIANCE: f64 = 6.8;

impl Default for LengthScorer {
    fn default() -> Self {
        LengthScorer {
            variance: GALE_CHURCH_VARIANCE,
        }
    }
}

impl LengthScorer {
    /// The cost of the bead of the sentence runs `german` and `english`.
    pub(crate) fn run_cost(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
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
        Some(self.delta_of_lengths(pair, german_length, english_length))
    }

    /// The standardized length difference of a bead of `german_length` and `english_length`
    /// characters (non-empty sides).
    pub(crate) fn delta_of_lengths(
        &self,
        pair: &PairFeatures<'_>,
        german_length: f64,
        english_length: f64,
    ) -> f64 {
        let ratio = pair.length_ratio();
        let mean = ((german_length + english_length / ratio) / 2.0).max(1.0);
        (english_length - ratio * german_length) / (self.variance * ratio * mean).sqrt()
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
