//! Anchors: evidence that two runs render each other.

use std::ops::Range;

use crate::features::{Evidence, PairFeatures};

/// Anchors: numbers, names and cognates, marked punctuation, and learned or given word
/// pairs that link the two runs (see [`crate::features`]).
///
/// The cost is `-matched × m + unmatched × u + unlinked_sentence × s`, where `m` is the mean
/// over both sides of the weight of linkable tokens that find their partner in the other run,
/// `u` the mean weight of those that do not, and `s` the number of sentences of a merged bead
/// that link nothing in the other run ([`PairFeatures::evidence`]). A bead with an empty side
/// has no evidence and costs 0 here, so a sentence full of unmatched anchors is cheaper to
/// leave unaligned than to merge into a bead that does not render it; and each sentence of a
/// merged bead must earn its place: one that links nothing there pays, so that a short line
/// without anchors is not merged into a neighbour just because a skip costs more than a merge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnchorScorer {
    /// Nats gained per unit of matched weight.
    pub matched: f64,
    /// Nats lost per unit of unmatched weight.
    pub unmatched: f64,
    /// Nats lost per sentence of a merged bead that links nothing in the other run.
    pub unlinked_sentence: f64,
    /// Non-space characters at which an unlinked sentence pays the full `unlinked_sentence`:
    /// the sentences that link nothing pay `unlinked_sentence × min(count, length / this)`,
    /// so a short line, which has few words to link, pays less. 0 = each pays in full.
    pub unlinked_length: f64,
    /// Whether an unlinked sentence pays only in a bead that matches some evidence (another of
    /// its sentences links): then a bead of unrelated sentences, all unlinked, pays nothing.
    pub unlinked_needs_match: bool,
}

impl Default for AnchorScorer {
    fn default() -> Self {
        AnchorScorer {
            matched: 4.0,
            unmatched: 1.0,
            unlinked_sentence: UNLINKED_SENTENCE_COST,
            unlinked_length: 0.0,
            unlinked_needs_match: false,
        }
    }
}

/// Default of [`AnchorScorer::unlinked_sentence`].
pub(crate) const UNLINKED_SENTENCE_COST: f64 = 0.0;

impl AnchorScorer {
    /// The cost of the bead of the sentence runs `german` and `english`.
    pub(crate) fn run_cost(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        self.evidence_cost(pair.evidence(german, english))
    }

    /// The cost of a bead with `evidence`.
    #[inline]
    pub(crate) fn evidence_cost(&self, evidence: Evidence) -> f64 {
        let matched = (evidence.german_matched + evidence.english_matched) as f64 / 2.0;
        let unmatched = (evidence.german_unmatched + evidence.english_unmatched) as f64 / 2.0;
        let cost = -self.matched * matched + self.unmatched * unmatched;
        if evidence.unlinked_sentences == 0 || (self.unlinked_needs_match && matched <= 0.0) {
            return cost;
        }
        let count = f64::from(evidence.unlinked_sentences);
        let units = if self.unlinked_length > 0.0 {
            count.min(f64::from(evidence.unlinked_length) / self.unlinked_length)
        } else {
            count
        };
        cost + self.unlinked_sentence * units
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn a_sentence_that_links_nothing_in_a_merged_bead_pays() {
        let german = Text::from_lines("Im Jahr 1987.\nJa.\nDas Haus von 2004.");
        let english = Text::from_lines("In 1987.\nThe house of 2004.");
        let pair = PairFeatures::new(&german, &english);
        let scorer = AnchorScorer {
            unlinked_sentence: 2.0,
            ..AnchorScorer::default()
        };
        let free = AnchorScorer {
            unlinked_sentence: 0.0,
            ..scorer
        };
        // "Ja." links nothing to "In 1987.": the 2-1 pays once.
        let merged = scorer.run_cost(&pair, 0..2, 0..1) - free.run_cost(&pair, 0..2, 0..1);
        assert!((merged - 2.0).abs() < 1e-9, "{merged}");
        // A 1-1 bead pays nothing, linked or not.
        assert_eq!(
            scorer.run_cost(&pair, 0..1, 0..1),
            free.run_cost(&pair, 0..1, 0..1)
        );
        assert_eq!(
            scorer.run_cost(&pair, 1..2, 0..1),
            free.run_cost(&pair, 1..2, 0..1)
        );
    }

    #[test]
    fn an_unlinked_sentence_pays_by_its_length_and_only_beside_evidence() {
        let german = Text::from_lines("Im Jahr 1987.\nJa.\nDas Haus von 2004.");
        let english = Text::from_lines("In 1987.\nThe house of 2004.");
        let pair = PairFeatures::new(&german, &english);
        let free = AnchorScorer::default();
        let paying = |length: f64, needs_match: bool| AnchorScorer {
            unlinked_sentence: 2.0,
            unlinked_length: length,
            unlinked_needs_match: needs_match,
            ..free
        };
        let extra = |scorer: AnchorScorer, g: Range<usize>, e: Range<usize>| {
            scorer.run_cost(&pair, g.clone(), e.clone()) - free.run_cost(&pair, g, e)
        };
        // "Ja." has 3 non-space characters: at 30 for the full cost it pays a tenth of it.
        let short = extra(paying(30.0, false), 0..2, 0..1);
        assert!((short - 0.2).abs() < 1e-6, "{short}");
        // At most the full cost per sentence, however long.
        let capped = extra(paying(1.0, false), 0..2, 0..1);
        assert!((capped - 2.0).abs() < 1e-9, "{capped}");
        // Beside evidence (1987 matched) it pays; a bead that matches nothing does not.
        assert!(extra(paying(0.0, true), 0..2, 0..1) > 1.9);
        assert!(extra(paying(0.0, false), 1..3, 0..1) > 1.9);
        assert_eq!(extra(paying(0.0, true), 1..3, 0..1), 0.0);
    }
}
