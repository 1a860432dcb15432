//! The lexical translation model's evidence: how well each sentence of a bead is explained
//! by the other side's run.

use std::ops::Range;

use crate::features::PairFeatures;

/// Evidence of the document pair's own translation model (IBM Model 1 in both directions,
/// learned from the first pass's confident beads; see
/// [`PairFeatures::learn_translation_model`]).
///
/// The cost is `-weight × evidence`, where the evidence sums, over the sentences of the bead,
/// half of each sentence's mean log-likelihood ratio against chance
/// ([`PairFeatures::translation_evidence`]): it does not grow with the size of a bead beyond
/// what its sentences earn one by one, and a sentence that the other side does not explain
/// lowers it. Without a learned model, or for a bead with an empty side, the cost is 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TranslationScorer {
    /// Nats per unit of translation evidence.
    pub weight: f64,
    /// Nats per nat of shortfall of the bead's sentences against what a true partner gives
    /// them, at most what a random partner would leave them (the evidence's `shortfall`, once
    /// calibrated); 0 = off.
    pub shortfall: f64,
}

impl Default for TranslationScorer {
    fn default() -> Self {
        TranslationScorer {
            weight: 4.0,
            shortfall: 0.0,
        }
    }
}

impl TranslationScorer {
    /// The cost of the bead of the sentence runs `german` and `english`.
    pub(crate) fn run_cost(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        if self.weight == 0.0 && self.shortfall == 0.0 {
            return 0.0;
        }
        let evidence = pair.translation_evidence(german, english);
        -self.weight * f64::from(evidence.total()) + self.shortfall * f64::from(evidence.shortfall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Candidate, Scorer};
    use crate::text::Text;

    #[test]
    fn a_learned_model_prefers_the_translated_sentence() {
        let alternate = |even: &str, odd: &str| -> Vec<String> {
            (0..30)
                .map(|k| if k % 2 == 0 { even } else { odd }.to_string())
                .collect()
        };
        let german = Text::from_sentences(alternate("Der Berg ist hoch.", "Das Haus ist alt."));
        let english = Text::from_sentences(alternate("The mountain is high.", "The house is old."));
        let mut pair = PairFeatures::new(&german, &english);
        let beads: Vec<_> = (0..30).map(|k| (k..k + 1, k..k + 1)).collect();
        assert!(pair.learn_translation_model(&beads) > 0);
        let scorer = TranslationScorer::default();
        let bead = |g: Range<usize>, e| scorer.cost(&pair, Candidate::from_ranges(g, e));
        assert!(bead(0..1, 0..1) < bead(0..1, 1..2));
    }
}
