//! The confidence of the beads the reorder pass makes, from each bead's own evidence.
//!
//! A change of the [reorder pass](super::ReorderConfig) (a hole, a move, a split, a swap)
//! replaces a few monotone beads by beads out of order. The change as a whole wins by its
//! gain, but its beads need not all be right: a merge of a deleted and an inserted sentence
//! beside a pair splits into the right pair and a wrong bead that crosses it. So each bead a
//! change makes carries a [`ReorderEvidence`] of its own (what its words say, what it earns
//! against leaving its sentences unaligned, how much the change won by), and a
//! [`ReorderModel`] (a logistic model fitted on development gold) turns it into the
//! probability that the bead is right.

/// What a link (a bead with sentences on both sides) made by the reorder pass has of its own
/// evidence (see
/// [`Alignment::reorder_evidence`](crate::Alignment::reorder_evidence)).
///
/// ```
/// use satzweise::{Aligner, AlignerConfig};
/// let mut german: Vec<String> = (0..8)
///     .map(|k| format!("Im Jahr {} bestieg Anna Keller {} Gipfel.", 1900 + k, k + 3))
///     .collect();
/// let mut english: Vec<String> = (0..8)
///     .map(|k| format!("In {} Anna Keller climbed {} summits.", 1900 + k, k + 3))
///     .collect();
/// german[3] = "Die Seilschaft Zermatt-Matterhorn zählte 4478 Meter und 17 Haken.".into();
/// german[4] = "Am 14. Juli 1865 erreichten Whymper und Croz den Gipfel.".into();
/// english[3] = "On 14 July 1865 Whymper and Croz reached the summit.".into();
/// english[4] = "The Zermatt-Matterhorn rope team counted 4478 metres and 17 pitons.".into();
/// let mut config = AlignerConfig::default();
/// config.reorder.enabled = true;
/// let alignment = Aligner::from_config(config)?.align_sentences(&german, &english)?;
/// // The two crossing beads of the swap, each with words of its own.
/// let changed = alignment.reorder_evidence();
/// assert_eq!(changed.len(), 2);
/// assert!(changed.iter().all(|(_, e)| e.crossing && e.words > 0.0));
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReorderEvidence {
    /// How much the change that made the bead lowered the cost of the path, in nats,
    /// penalties included.
    pub gain: f64,
    /// How much more the change gained than the best other change considered at its site
    /// (its gain when it was the only one).
    pub margin: f64,
    /// How much cheaper the bead is than leaving its sentences unaligned, in nats.
    pub earning: f64,
    /// What the words of the bead say for it: minus the word-evidence part of its cost, in
    /// nats.
    pub words: f64,
    /// How much dearer the best bead made of this one and one more sentence of another link
    /// of the change is (that link keeping the rest, or leaving it unaligned), in nats: near
    /// 0 or below, the bead may well lack a sentence (30 when the change made no other link).
    pub closure: f64,
    /// Whether the change made beads cross (else it only opened holes).
    pub crossing: bool,
}

/// Number of weights of the [`ReorderModel`] (bias included).
pub const REORDER_FEATURES: usize = 3;

/// Values beyond this size (in nats) say nothing more.
const NATS_CLAMP: f64 = 30.0;

impl ReorderEvidence {
    /// The model's inputs: `[1, words, earning]` (clamped to ±30 nats). The gain of the change
    /// and its margin say little of which of its beads are right (the halves of a split share
    /// them): fitted with them, their weights came out small and the fit no better in
    /// leave-one-out log loss on the development beads.
    /// Nor is the [`closure`](Self::closure) read: its weight came out small, of either sign
    /// from one fit to the next.
    ///
    /// ```
    /// use satzweise::quality::ReorderEvidence;
    /// let e = ReorderEvidence {
    ///     gain: 3.0, margin: 1.0, earning: 4.0, words: 2.5, closure: 0.0, crossing: true,
    /// };
    /// assert_eq!(e.features(), [1.0, 2.5, 4.0]);
    /// ```
    pub fn features(&self) -> [f64; REORDER_FEATURES] {
        let nats = |v: f64| {
            if v.is_finite() {
                v.clamp(-NATS_CLAMP, NATS_CLAMP)
            } else {
                0.0
            }
        };
        [1.0, nats(self.words), nats(self.earning)]
    }
}

/// The probability that a link made by the reorder pass is right, from its
/// [`ReorderEvidence`]: `1 / (1 + exp(-w · x))`, `x` its
/// [`features`](ReorderEvidence::features), times the [`ParallelModel`](super::ParallelModel)
/// probability of the text around it. With no weights ([`ReorderModel::none`]) such beads
/// keep the posterior of their change through the map of their kind.
///
/// ```
/// use satzweise::quality::{ReorderEvidence, ReorderModel};
/// // Words that link the bead weigh for it.
/// let model = ReorderModel { weights: vec![-1.0, 1.0, 0.0] };
/// let linked = ReorderEvidence { words: 4.0, ..ReorderEvidence::default() };
/// let bare = ReorderEvidence { words: 0.0, ..ReorderEvidence::default() };
/// assert!(model.probability(&linked).unwrap() > 0.9);
/// assert!(model.probability(&bare).unwrap() < 0.3);
/// assert_eq!(ReorderModel::none().probability(&linked), None);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReorderModel {
    /// The weights of the logistic model, one per feature (bias first); empty for none.
    pub weights: Vec<f64>,
}

impl ReorderModel {
    /// The model with no weights: the beads of a change keep its posterior.
    pub fn none() -> ReorderModel {
        ReorderModel {
            weights: Vec::new(),
        }
    }

    /// Whether this is [`ReorderModel::none`] (or has weights of the wrong number).
    pub fn is_none(&self) -> bool {
        self.weights.len() != REORDER_FEATURES
    }

    /// The probability that a bead of this evidence is right, in a text taken for parallel;
    /// `None` with no model.
    pub fn probability(&self, evidence: &ReorderEvidence) -> Option<f64> {
        if self.is_none() {
            return None;
        }
        let z: f64 = self
            .weights
            .iter()
            .zip(evidence.features())
            .map(|(w, x)| w * x)
            .sum();
        let p = 1.0 / (1.0 + (-z).exp());
        Some(if p.is_finite() { p } else { 0.0 })
    }

    /// Fits the weights by logistic regression (ridge penalty `ridge` on all weights but the
    /// constant) of strict correctness on the evidence of the beads the reorder pass made in
    /// development documents.
    ///
    /// ```
    /// use satzweise::quality::{ReorderEvidence, ReorderModel};
    /// let bead = |words: f64| ReorderEvidence { gain: 3.0, margin: 1.0, words, ..ReorderEvidence::default() };
    /// let samples: Vec<(ReorderEvidence, bool)> =
    ///     (0..40).map(|k| (bead(if k % 2 == 0 { 5.0 } else { -1.0 }), k % 2 == 0)).collect();
    /// let model = ReorderModel::fit(&samples, 1.0);
    /// assert!(model.probability(&bead(5.0)).unwrap() > 0.8);
    /// assert!(model.probability(&bead(-1.0)).unwrap() < 0.2);
    /// ```
    pub fn fit(samples: &[(ReorderEvidence, bool)], ridge: f64) -> ReorderModel {
        let rows: Vec<([f64; REORDER_FEATURES], f64, f64)> = samples
            .iter()
            .map(|(e, right)| (e.features(), f64::from(u8::from(*right)), 1.0))
            .collect();
        if rows.is_empty() {
            return ReorderModel::none();
        }
        match super::calibration::fit_logistic(&rows, ridge) {
            Some(w) => ReorderModel {
                weights: w.to_vec(),
            },
            None => ReorderModel::none(),
        }
    }
}
