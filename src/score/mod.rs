//! Bead costs: the [`Scorer`] trait (its cost convention is documented there), the
//! built-in signals, and embeddings.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::features::PairFeatures;
use crate::text::{EnglishIndex, GermanIndex, IndexRange, Text};

mod anchors;
mod embeddings;
mod length;
mod prior;
mod translation;

pub(crate) use anchors::AnchorScorer;
pub use embeddings::{DocumentEmbeddings, EmbeddingOptions, EmbeddingScorer, EmbeddingTable};
pub(crate) use length::two_sided_tail_cost;
pub(crate) use length::{GALE_CHURCH_VARIANCE, LengthScorer};
pub(crate) use prior::{ShapePrior, SkipTable};
pub(crate) use translation::TranslationScorer;

/// The built-in signals compute their cost on plain sentence ranges (`run_cost`, which the
/// search's bead-cost kernel calls directly); this gives each the [`Scorer`] impl that
/// forwards a [`Candidate`] to it.
macro_rules! scorer_by_run_cost {
    ($($scorer:ty),+ $(,)?) => {$(
        impl Scorer for $scorer {
            fn cost(&self, pair: &PairFeatures<'_>, bead: Candidate) -> f64 {
                self.run_cost(pair, bead.german().to_usize(), bead.english().to_usize())
            }
        }
    )+};
}

scorer_by_run_cost!(AnchorScorer, LengthScorer, ShapePrior, TranslationScorer);

/// A candidate bead the search asks the cost of: a run of German and a run of English
/// sentences (either may be empty, not both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Candidate {
    german: IndexRange<GermanIndex>,
    english: IndexRange<EnglishIndex>,
}

impl Candidate {
    /// The bead of `german` and `english`.
    pub fn new(german: IndexRange<GermanIndex>, english: IndexRange<EnglishIndex>) -> Self {
        Candidate { german, english }
    }

    /// The bead of the plain sentence numbers `german` and `english`.
    pub fn from_ranges(german: Range<usize>, english: Range<usize>) -> Self {
        Candidate {
            german: IndexRange::from_usize(german),
            english: IndexRange::from_usize(english),
        }
    }

    /// The German run.
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.german
    }

    /// The English run.
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.english
    }
}

/// Scores candidate beads: the aligner's built-in signals (lengths, anchors, the shape prior)
/// and any of your own, which [`AlignerBuilder::scorer`](crate::AlignerBuilder::scorer) adds
/// with a weight ([`WeightedSum`] combines several into one).
///
/// # The cost convention
///
/// A cost is a negative log-likelihood in nats, up to a constant that is the same for every
/// bead: **lower is better**, any finite value is allowed (an anchor match makes a cost
/// negative), and the cost of an alignment is the sum of the costs of its beads. The search
/// finds the alignment of least cost; the confidence of a bead is its posterior probability
/// under the distribution `P(alignment) ∝ exp(-cost / temperature)`.
///
/// Implementations read the precomputed [`PairFeatures`] (or, for signals of their own, the
/// texts it refers to) and must be cheap: the search calls them for every candidate bead.
///
/// Two optional methods keep a scorer of your own fast and right:
///
/// - [`lower_bound`](Scorer::lower_bound): a cost the scorer never goes below. With it, the
///   search still gives up early on beads that the built-in signals already price out; without
///   it, every candidate is scored in full.
/// - [`prepare`](Scorer::prepare): per-document data. The aligner calls it once for each
///   document pair and scores that pair's beads with the scorer it returns, so data that
///   belongs to one document (its embeddings) travels with the document, and one `Aligner`
///   serves any number of documents.
///
/// Costs that are not finite are made so by the aligner (NaN and `+∞` become `10⁶`, `-∞`
/// becomes `-10⁶`), so that a scorer cannot make an input unalignable.
///
/// ```
/// use satzweise::{Aligner, Candidate, PairFeatures, Scorer};
///
/// /// Penalizes beads whose English side has a question mark the German side lacks.
/// #[derive(Debug)]
/// struct QuestionMarks;
///
/// impl Scorer for QuestionMarks {
///     fn cost(&self, pair: &PairFeatures<'_>, bead: Candidate) -> f64 {
///         let asks = |text: &satzweise::Text, run: std::ops::Range<usize>| {
///             run.into_iter().any(|k| text.sentence(k).unwrap_or("").contains('?'))
///         };
///         let (german, english) = (bead.german().to_usize(), bead.english().to_usize());
///         if asks(pair.english_text(), english) && !asks(pair.german_text(), german) { 1.0 } else { 0.0 }
///     }
///
///     fn lower_bound(&self) -> Option<f64> {
///         Some(0.0)
///     }
/// }
///
/// let aligner = Aligner::builder().scorer(1.0, QuestionMarks).build()?;
/// let alignment = aligner.align_lines("Kommst du?", "Are you coming?")?;
/// assert_eq!(alignment.beads().len(), 1);
/// # Ok::<(), satzweise::Error>(())
/// ```
pub trait Scorer: Send + Sync + fmt::Debug {
    /// The cost of `bead`, following the crate's cost convention.
    fn cost(&self, pair: &PairFeatures<'_>, bead: Candidate) -> f64;

    /// A cost that [`cost`](Scorer::cost) never goes below, on any bead of any document, when
    /// the scorer knows one; `None` (the default) when it does not.
    fn lower_bound(&self) -> Option<f64> {
        None
    }

    /// The scorer to use for the document pair `german` / `english`, when it needs data of that
    /// document (the default, `None`, scores every document with `self`).
    fn prepare<'s>(&'s self, german: &Text, english: &Text) -> Option<Box<dyn Scorer + 's>> {
        let _ = (german, english);
        None
    }
}

/// A shared or boxed scorer is the scorer it points to, every method forwarded (so that a
/// method added to [`Scorer`] is forwarded in one place).
macro_rules! scorer_through_pointer {
    ($($pointer:ident),+) => {$(
        impl<S: Scorer + ?Sized> Scorer for $pointer<S> {
            fn cost(&self, pair: &PairFeatures<'_>, bead: Candidate) -> f64 {
                (**self).cost(pair, bead)
            }
            fn lower_bound(&self) -> Option<f64> {
                (**self).lower_bound()
            }
            fn prepare<'s>(&'s self, german: &Text, english: &Text) -> Option<Box<dyn Scorer + 's>> {
                (**self).prepare(german, english)
            }
        }
    )+};
}

scorer_through_pointer!(Arc, Box);

/// A weighted sum of scorers, itself a scorer.
///
/// ```
/// use satzweise::{Candidate, PairFeatures, Scorer, Text, WeightedSum};
///
/// /// Costs each sentence of a bead the same.
/// #[derive(Debug)]
/// struct PerSentence(f64);
/// impl Scorer for PerSentence {
///     fn cost(&self, _: &PairFeatures<'_>, bead: Candidate) -> f64 {
///         self.0 * (bead.german().len() + bead.english().len()) as f64
///     }
///     fn lower_bound(&self) -> Option<f64> {
///         Some(0.0)
///     }
/// }
///
/// let combined = WeightedSum::new().with(1.0, PerSentence(1.0)).with(0.5, PerSentence(2.0));
/// let (german, english) = (Text::from_lines("Eins."), Text::from_lines("One."));
/// let pair = PairFeatures::new(&german, &english);
/// assert_eq!(combined.cost(&pair, Candidate::from_ranges(0..1, 0..1)), 4.0);
/// assert_eq!(combined.lower_bound(), Some(0.0));
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
    fn cost(&self, pair: &PairFeatures<'_>, bead: Candidate) -> f64 {
        self.parts
            .iter()
            .filter(|(weight, _)| *weight != 0.0)
            .map(|(weight, scorer)| weight * scorer.cost(pair, bead))
            .sum()
    }

    /// The weighted sum of the parts' bounds, when every part with a positive weight has one
    /// (a part with a negative weight would need an upper bound: then `None`).
    fn lower_bound(&self) -> Option<f64> {
        let mut bound = 0.0;
        for (weight, scorer) in self.parts.iter().filter(|(w, _)| *w != 0.0) {
            if *weight < 0.0 {
                return None;
            }
            bound += weight * scorer.lower_bound()?;
        }
        Some(bound)
    }
}
