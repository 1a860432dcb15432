//! How strongly each sentence is linked to the other side near its place: what decides
//! whether a sentence that finds no partner is left unaligned or merged into a neighbour.
//!
//! After a first pass, every sentence sits in a bead. Its *local link weight* is the matched
//! anchor weight of the sentence on its own against the other side's run of its first-pass
//! bead widened by one sentence each way (for a sentence the first pass left unaligned, the
//! two sentences around the gap), plus the positive translation evidence of the same pair
//! when a translation model was learned. A short line with no number, name or cognate that
//! the first pass merged into a neighbour has no link weight there; a sentence that renders
//! part of its neighbour's partner has some. The shape prior lowers the skip cost of a
//! sentence by a share that falls off with its local link weight (see
//! [`ShapePrior`](crate::score::ShapePrior)).

use std::ops::Range;

use super::PairFeatures;

/// Link weight at which a sentence's skip discount has fallen to `1/e` of its full size.
const LINK_SCALE: f32 = 0.25;

/// The per-sentence local link weights of both sides, learned from a first pass.
#[derive(Debug, Clone, Default)]
pub(crate) struct LocalLinks {
    /// For each German sentence, how unlinked it is near its place, in `[0, 1]`.
    german: Vec<f32>,
    /// The same for each English sentence.
    english: Vec<f32>,
}

impl PairFeatures<'_> {
    /// Sets the factor on every skip cost of this document (see
    /// [`skip_factor`](Self::skip_factor)).
    pub(crate) fn set_skip_factor(&mut self, factor: f64) {
        self.skip_factor = factor;
    }

    /// The factor on every skip cost of this document: 1 until the aligner's first pass set it
    /// from how much the document's own 1-1 beads earn.
    pub(crate) fn skip_factor(&self) -> f64 {
        self.skip_factor
    }
}

impl PairFeatures<'_> {
    /// Learns each sentence's local link weight from `beads`, the beads of a first pass in
    /// order (empty runs included); sentences in no bead count as linked. Replaces what was
    /// learned before.
    pub(crate) fn learn_local_links(&mut self, beads: &[(Range<usize>, Range<usize>)]) {
        let (german_count, english_count) = (self.german.len(), self.english.len());
        let mut links = LocalLinks {
            german: vec![0.0; german_count],
            english: vec![0.0; english_count],
        };
        let widen =
            |run: &Range<usize>, len: usize| run.start.saturating_sub(1)..(run.end + 1).min(len);
        for (german, english) in beads {
            let english_window = widen(english, english_count);
            for k in german.clone().filter(|&k| k < german_count) {
                let weight = self.link_weight(k..k + 1, english_window.clone(), true);
                links.german[k] = unlinked(weight);
            }
            let german_window = widen(german, german_count);
            for k in english.clone().filter(|&k| k < english_count) {
                let weight = self.link_weight(german_window.clone(), k..k + 1, false);
                links.english[k] = unlinked(weight);
            }
        }
        self.local_links = Some(std::sync::Arc::new(links));
    }

    /// The matched anchor weight and positive translation evidence of the single sentence on
    /// the German side (`german_side`) or the English side against the other run.
    fn link_weight(&self, german: Range<usize>, english: Range<usize>, german_side: bool) -> f32 {
        if german.is_empty() || english.is_empty() {
            return 0.0;
        }
        let evidence = self.evidence(german.clone(), english.clone());
        let translation = self.translation_evidence(german, english);
        if german_side {
            evidence.german_matched + translation.german.max(0.0)
        } else {
            evidence.english_matched + translation.english.max(0.0)
        }
    }

    /// How unlinked German sentence `k` is near its place, in `[0, 1]` (0 before a first pass
    /// taught it).
    pub(crate) fn german_unlinked(&self, k: usize) -> f32 {
        self.local_links
            .as_ref()
            .and_then(|links| links.german.get(k).copied())
            .unwrap_or(0.0)
    }

    /// How unlinked English sentence `k` is near its place, in `[0, 1]` (0 before a first
    /// pass taught it).
    pub(crate) fn english_unlinked(&self, k: usize) -> f32 {
        self.local_links
            .as_ref()
            .and_then(|links| links.english.get(k).copied())
            .unwrap_or(0.0)
    }
}

/// 1 for no link weight, falling off exponentially with it.
fn unlinked(weight: f32) -> f32 {
    (-weight.max(0.0) / LINK_SCALE).exp()
}
