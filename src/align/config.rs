//! Aligner configuration: serializable, validated once by the builder.

use std::sync::Arc;

use super::shape::BeadShape;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::score::Scorer;

/// How the search trades exactness for speed.
///
/// Short documents (at most [`exact_cells`](SearchConfig::exact_cells) cells in the lattice)
/// are searched exactly. Longer ones are searched coarse to fine: blocks of 2, 4, 8, …
/// sentences are aligned with a cheap length model, and the full cost function is only
/// evaluated in a band around the path of 2-sentence blocks. Every level is cut into
/// overlapping windows that are searched independently (in parallel with the `rayon`
/// feature), so time and memory grow linearly with the length.
///
/// ```
/// use satzweise::{Aligner, SearchConfig};
/// let mut search = SearchConfig::default();
/// search.band_width = 8;
/// let aligner = Aligner::builder().search(search).build()?;
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct SearchConfig {
    /// Documents whose lattice has at most this many cells (`(n + 1) × (m + 1)`) are searched
    /// exactly; longer ones coarse to fine.
    pub exact_cells: usize,
    /// Half-width, in sentences, of the band searched around the coarse path. 0 forces the
    /// exact search whatever the length (quadratic: for tests and short texts only).
    pub band_width: usize,
    /// A window's band is doubled while its best path runs along the band's edge, up to this
    /// width.
    pub max_band_width: usize,
    /// The coarsest level of blocks is the first whose lattice has at most this many cells;
    /// it is searched exactly.
    pub coarse_cells: usize,
    /// Half-width, in blocks, of the band of each coarse level around the path of the level
    /// above.
    pub coarse_band_width: usize,
    /// Rows (German sentences, or blocks) that each window owns.
    pub window_rows: usize,
    /// Rows a window reaches beyond the rows it owns on each side, so that its free first and
    /// last rows do not change the path or the confidences of the rows it owns. Doubled
    /// automatically when two neighbouring windows disagree.
    pub window_margin: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            exact_cells: 1 << 12,
            band_width: 3,
            max_band_width: 256,
            coarse_cells: 1 << 16,
            coarse_band_width: 3,
            window_rows: 1024,
            window_margin: 64,
        }
    }
}

/// Everything that determines an [`Aligner`](crate::Aligner)'s output, except user scorers.
///
/// Serialize it next to a corpus to make the run reproducible. Build one with
/// [`AlignerBuilder`] or start from `AlignerConfig::default()` and change fields.
///
/// ```
/// use satzweise::{Aligner, AlignerConfig};
/// let mut config = AlignerConfig::default();
/// config.skip_cost = 3.0;
/// let aligner = Aligner::from_config(config)?;
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
#[non_exhaustive]
pub struct AlignerConfig {
    /// Language of the first text (segmentation rules).
    pub german: Lang,
    /// Language of the second text, the reference (segmentation rules).
    pub english: Lang,
    /// Bead shapes the search may use. Without `1-0` and `0-1` some pairs of texts have no
    /// alignment at all.
    pub shapes: Vec<BeadShape>,
    /// Weight of the Gale-Church length cost.
    pub length_weight: f64,
    /// Variance of the length model (English characters per German character).
    pub length_variance: f64,
    /// Nats per unit of shared anchor weight (numbers, names, cognates, punctuation).
    pub anchor_weight: f64,
    /// Cost of each extra sentence in a merged bead.
    pub merge_cost: f64,
    /// Cost of leaving a sentence unaligned.
    pub skip_cost: f64,
    /// Temperature of the posterior that gives each bead its confidence: costs are divided by
    /// it. Higher values spread probability over more alignments.
    pub temperature: f64,
    /// Search settings.
    pub search: SearchConfig,
}

impl Default for AlignerConfig {
    fn default() -> Self {
        AlignerConfig {
            german: Lang::De,
            english: Lang::En,
            shapes: BeadShape::defaults(),
            length_weight: 1.0,
            length_variance: 6.8,
            anchor_weight: 4.0,
            merge_cost: 2.3,
            skip_cost: 4.5,
            temperature: 1.0,
            search: SearchConfig::default(),
        }
    }
}

impl AlignerConfig {
    /// Checks the configuration: at least one shape, no `0-0` shape, shapes of at most 8
    /// sentences a side, finite non-negative weights, positive temperature.
    pub fn validate(&self) -> Result<()> {
        if self.shapes.is_empty() {
            return Err(Error::config("no bead shape allowed"));
        }
        for shape in &self.shapes {
            if shape.german() == 0 && shape.english() == 0 {
                return Err(Error::config("the 0-0 bead shape is not a bead"));
            }
            if shape.german() > 8 || shape.english() > 8 {
                return Err(Error::config(format!(
                    "bead shape {shape} is larger than 8-8"
                )));
            }
        }
        let weights = [
            ("length_weight", self.length_weight),
            ("anchor_weight", self.anchor_weight),
            ("merge_cost", self.merge_cost),
            ("skip_cost", self.skip_cost),
        ];
        for (name, value) in weights {
            if !value.is_finite() || value < 0.0 {
                return Err(Error::config(format!(
                    "{name} must be finite and non-negative, not {value}"
                )));
            }
        }
        if !(self.length_variance.is_finite() && self.length_variance > 0.0) {
            return Err(Error::config("length_variance must be positive"));
        }
        if !(self.temperature.is_finite() && self.temperature > 0.0) {
            return Err(Error::config("temperature must be positive"));
        }
        if self.search.max_band_width < self.search.band_width {
            return Err(Error::config("max_band_width is below band_width"));
        }
        if self.search.window_rows == 0 || self.search.window_margin == 0 {
            return Err(Error::config(
                "window_rows and window_margin must be positive",
            ));
        }
        Ok(())
    }
}

/// Builds an [`Aligner`](crate::Aligner): set what differs from the defaults, then
/// [`build`](AlignerBuilder::build), which validates.
///
/// ```
/// use satzweise::{Aligner, BeadShape, Lang};
/// let aligner = Aligner::builder()
///     .languages(Lang::De, Lang::En)
///     .shapes([BeadShape::new(1, 1), BeadShape::new(1, 2), BeadShape::new(2, 1)])
///     .skip_cost(3.0)
///     .build()?;
/// assert_eq!(aligner.config().shapes.len(), 3);
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AlignerBuilder {
    pub(crate) config: AlignerConfig,
    pub(crate) scorers: Vec<(f64, Arc<dyn Scorer>)>,
}

impl AlignerBuilder {
    /// A builder with the default configuration.
    pub fn new() -> Self {
        AlignerBuilder::default()
    }

    /// Starts from a whole configuration.
    pub fn config(&mut self, config: AlignerConfig) -> &mut Self {
        self.config = config;
        self
    }

    /// Languages of the two texts (segmentation rules).
    pub fn languages(&mut self, german: Lang, english: Lang) -> &mut Self {
        self.config.german = german;
        self.config.english = english;
        self
    }

    /// Allowed bead shapes.
    pub fn shapes(&mut self, shapes: impl IntoIterator<Item = BeadShape>) -> &mut Self {
        self.config.shapes = shapes.into_iter().collect();
        self
    }

    /// Allows every shape with at most `german` German and `english` English sentences
    /// (and at least one on some side).
    pub fn max_bead(&mut self, german: u8, english: u8) -> &mut Self {
        self.config.shapes = (0..=german)
            .flat_map(|a| (0..=english).map(move |b| BeadShape::new(a, b)))
            .filter(|s| !(s.german() == 0 && s.english() == 0))
            .filter(|s| !s.is_skip() || s.german() + s.english() == 1)
            .collect();
        self
    }

    /// Cost of leaving a sentence unaligned.
    pub fn skip_cost(&mut self, cost: f64) -> &mut Self {
        self.config.skip_cost = cost;
        self
    }

    /// Cost of each extra sentence in a merged bead.
    pub fn merge_cost(&mut self, cost: f64) -> &mut Self {
        self.config.merge_cost = cost;
        self
    }

    /// Weight of the anchor signal.
    pub fn anchor_weight(&mut self, weight: f64) -> &mut Self {
        self.config.anchor_weight = weight;
        self
    }

    /// Weight of the length signal.
    pub fn length_weight(&mut self, weight: f64) -> &mut Self {
        self.config.length_weight = weight;
        self
    }

    /// Temperature of the confidence posterior.
    pub fn temperature(&mut self, temperature: f64) -> &mut Self {
        self.config.temperature = temperature;
        self
    }

    /// Search settings.
    pub fn search(&mut self, search: SearchConfig) -> &mut Self {
        self.config.search = search;
        self
    }

    /// Forces the exact (quadratic) search whatever the document length.
    pub fn exact_search(&mut self) -> &mut Self {
        self.config.search.band_width = 0;
        self
    }

    /// Adds a scorer of your own, with a weight, to the built-in ones.
    pub fn scorer(&mut self, weight: f64, scorer: impl Scorer + 'static) -> &mut Self {
        self.scorers.push((weight, Arc::new(scorer)));
        self
    }

    /// Validates the configuration and builds the aligner.
    pub fn build(&self) -> Result<crate::Aligner> {
        crate::Aligner::from_builder(self)
    }
}
