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

mod anchors;
pub mod embeddings;
mod length;
mod prior;
mod translation;

pub use anchors::AnchorScorer;
pub(crate) use length::two_sided_tail_cost;
pub use length::{GALE_CHURCH_VARIANCE, LengthScorer};
pub use prior::ShapePrior;
pub use translation::TranslationScorer;

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
