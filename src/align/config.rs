//! Aligner configuration: serializable, validated once by the builder, grouped by concern.

use std::sync::Arc;

use super::calibration::Calibration;
use super::reorder::ReorderConfig;
use super::shape::BeadShape;
use crate::error::{Error, Result};
use crate::features::WordTranslations;
use crate::features::{CHANCE_POWER, IDF_POWER};
use crate::lang::Lang;
use crate::score::{AnchorScorer, LengthScorer, Scorer, ShapePrior, TranslationScorer};
pub use crate::search::SearchConfig;

/// Everything that determines an [`Aligner`](crate::Aligner)'s output, except user scorers.
///
/// Serialize it next to a corpus to make the run reproducible. Build one with
/// [`AlignerBuilder`] or start from `AlignerConfig::default()` and change fields.
///
/// The settings are grouped by concern, one small struct a group: the
/// [`languages`](LanguageConfig) of the texts, the bead [`shapes`](ShapeConfig) the search may
/// use, the [`costs`](CostConfig) of the signals that score a bead, the
/// [`refinement`](RefinementConfig) between the first and the second pass, the
/// [`search`](SearchConfig) and the [`calibration`](Calibration) of the confidences. Each
/// setting keeps its name inside its group (`skip_cost` is `costs.skip_cost`); in JSON a
/// group, and any setting of a group, may be left out and keeps its default, and a name that
/// is not a setting is rejected.
///
/// ```
/// use satzweise::{Aligner, AlignerConfig};
/// let mut config = AlignerConfig::default();
/// config.costs.skip_cost = 3.0;
/// let aligner = Aligner::from_config(config)?;
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct AlignerConfig {
    /// Languages of the two texts.
    pub languages: LanguageConfig,
    /// Bead shapes the search may use.
    pub shapes: ShapeConfig,
    /// Costs and weights of the signals that score a candidate bead.
    pub costs: CostConfig,
    /// What the first pass teaches the second.
    pub refinement: RefinementConfig,
    /// Temperature of the posterior that gives each bead its confidence: costs are divided by
    /// it. Higher values spread probability over more alignments.
    ///
    /// It stands beside [`calibration`](AlignerConfig::calibration) rather than in a group:
    /// together they turn costs into confidences (the temperature shapes the posterior, the
    /// calibration maps it), it changes no cost (so it is not one of the `costs`) and the
    /// search only applies it (so it is not a `search` speed setting). It does change the
    /// beads of the second pass, since the confident beads of the first teach it.
    pub temperature: f64,
    /// Search settings.
    pub search: SearchConfig,
    /// The search for reordered beads (holes, crossings) after the monotone search.
    pub reorder: ReorderConfig,
    /// The map from each bead's raw posterior to its reported confidence (quality issue:
    /// calibrated on development gold; `Calibration::identity()` reports the raw posterior).
    pub calibration: Calibration,
}

impl Default for AlignerConfig {
    /// The defaults of each signal live with the signal (the crate's shape prior, length and
    /// anchor scorers, and the evidence weighting of the features); the groups gather them.
    fn default() -> Self {
        AlignerConfig {
            languages: LanguageConfig::default(),
            shapes: ShapeConfig::default(),
            costs: CostConfig::default(),
            refinement: RefinementConfig::default(),
            temperature: 1.0,
            search: SearchConfig::default(),
            reorder: ReorderConfig::default(),
            calibration: Calibration::default(),
        }
    }
}

/// Languages of the two texts: they choose the segmentation rules.
///
/// ```
/// use satzweise::{AlignerConfig, Lang};
/// let mut config = AlignerConfig::default();
/// config.languages.english = Lang::Fr;
/// assert_eq!(config.languages.german, Lang::De);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct LanguageConfig {
    /// Language of the first text (segmentation rules).
    pub german: Lang,
    /// Language of the second text, the reference (segmentation rules).
    pub english: Lang,
}

impl Default for LanguageConfig {
    fn default() -> Self {
        LanguageConfig {
            german: Lang::De,
            english: Lang::En,
        }
    }
}

/// The bead shapes the search may use.
///
/// ```
/// use satzweise::{AlignerConfig, BeadShape};
/// let mut config = AlignerConfig::default();
/// config.shapes.allowed.retain(|&s| s != BeadShape::new(2, 2));
/// config.shapes.max_skip_run = 4;
/// assert!(config.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct ShapeConfig {
    /// Bead shapes the search may use. Without `1-0` and `0-1` some pairs of texts have no
    /// alignment at all.
    pub allowed: Vec<BeadShape>,
    /// The longest run of unaligned sentences the search treats as one gap. Gaps are still
    /// reported as one bead per sentence.
    pub max_skip_run: u8,
}

impl Default for ShapeConfig {
    fn default() -> Self {
        ShapeConfig {
            allowed: BeadShape::defaults(),
            max_skip_run: 8,
        }
    }
}

/// Costs and weights of the signals that score a candidate bead: the length model, the
/// anchors and the shape prior. All are in nats; lower costs are better.
///
/// ```
/// use satzweise::AlignerConfig;
/// let mut config = AlignerConfig::default();
/// config.costs.skip_cost = 3.0;
/// config.costs.anchor_weight *= 2.0;
/// assert!(config.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct CostConfig {
    /// Weight of the Gale-Church length cost.
    pub length_weight: f64,
    /// Variance of the length model (English characters per German character).
    pub length_variance: f64,
    /// Nats gained per unit of matched anchor weight (numbers, names, cognates, punctuation,
    /// learned word pairs found on both sides of a bead).
    pub anchor_weight: f64,
    /// Nats lost per unit of unmatched anchor weight (linkable tokens of a bead whose partner
    /// is not in the bead).
    pub unmatched_weight: f64,
    /// Nats lost by each sentence of a merged bead (more than one sentence on a side) that
    /// links nothing in the other run: no anchor or word pair of it has its partner there. A
    /// sentence must earn its place in a bead; one that does not is cheaper left unaligned.
    pub unlinked_sentence_cost: f64,
    /// Non-space characters at which a sentence that links nothing in a merged bead pays the
    /// full `unlinked_sentence_cost`; shorter ones pay in proportion (their sentences' summed
    /// length over this, at most one cost each). 0 = each pays in full.
    pub unlinked_sentence_length: f64,
    /// Whether the unlinked-sentence cost is paid only by beads that match some evidence
    /// (another sentence of the bead links): a bead of unrelated sentences pays nothing.
    pub unlinked_sentence_needs_match: bool,
    /// A token type occurring in `df` sentences weighs `df^-idf_power` (times its kind's weight).
    pub idf_power: f64,
    /// Anchor weights are also multiplied by `(1 - share)^chance_power`, where `share` is the
    /// part of the other side's sentences holding a partner of the token: a word whose
    /// translation is in every sentence matches by chance and tells little.
    pub chance_power: f64,
    /// Cost of each sentence boundary inside a merged bead (after a closed sentence).
    pub merge_cost: f64,
    /// Cost of each sentence boundary inside a merged bead after an open-ended sentence (a
    /// line broken inside a sentence).
    pub open_merge_cost: f64,
    /// Cost of a bead whose sides disagree on ending open (headline against sentence).
    pub closure_mismatch_cost: f64,
    /// Factor on the skip cost of a sentence that looks like debris.
    pub debris_factor: f64,
    /// Cost of leaving a sentence unaligned.
    pub skip_cost: f64,
    /// Cost of each further sentence in a run of consecutive unaligned sentences on one side
    /// (a block of captions or notes is one gap, not many).
    pub skip_extend_cost: f64,
    /// Cost of a bead that crosses a paragraph boundary on one side only, when both texts
    /// group their sentences into paragraphs (never charged on pre-split lines).
    pub paragraph_cost: f64,
    /// Nats per unit of evidence of the translation model (IBM Model 1 in both directions, learned
    /// from the document pairs themselves). A batch aligned with
    /// [`Batch::learn_across`](crate::Batch::learn_across) learns it from the confident beads
    /// of the first passes of all its documents; a single document learns its own only with
    /// [`RefinementConfig::document_translation_model`]. 0 learns no model.
    pub translation_weight: f64,
    /// Nats per nat (of summed log-likelihood ratio) that the words of a bead's sentences fall
    /// short of a little better than chance: each sentence is read against 4 sentences of the
    /// other side spread around the document (what chance gives it, as Vecalign normalises
    /// its similarities) and expects its modelled words times the rate a word of the
    /// document's confident 1-1 beads earns; below a fifth of the way from chance to that it
    /// pays, at most that fifth. A pair of sentences that match no better than random ones
    /// pays in proportion to the evidence such sentences normally show, so that an omission
    /// beside an addition may be two skips, not a 1-1. Needs a translation model (a batch, or
    /// [`RefinementConfig::document_translation_model`]); 0 = off. Off by default: on the
    /// development sets of 2026-12-06 every weight that finds more skips breaks loosely
    /// translated true pairs too (see the README's ablation notes).
    pub translation_shortfall_weight: f64,
    /// How much a document scored by a translation model lowers its skip costs per nat that
    /// the median of its first pass's 1-1 beads earns beyond 3 nats (down to 0.6 of the
    /// costs); 0 = off. Where true pairs earn much, a sentence that earns nothing stands out.
    pub adaptive_skip: f64,
    /// The same for a document scored without a translation model (anchors and the lexicon
    /// learned from it), per nat beyond 2 nats; 0 = off.
    pub adaptive_skip_without_model: f64,
    /// Share of a sentence's skip cost taken off when, after a first pass, nothing links it to
    /// the other side near its place (no matched anchor, no translation evidence); in
    /// `[0, 1]`, 0 = off.
    pub unlinked_skip_discount: f64,
}

impl Default for CostConfig {
    fn default() -> Self {
        let prior = ShapePrior::default();
        let length = LengthScorer::default();
        let anchor = AnchorScorer::default();
        CostConfig {
            length_weight: 1.0,
            length_variance: length.variance,
            anchor_weight: anchor.matched,
            unmatched_weight: anchor.unmatched,
            unlinked_sentence_cost: anchor.unlinked_sentence,
            unlinked_sentence_length: anchor.unlinked_length,
            unlinked_sentence_needs_match: anchor.unlinked_needs_match,
            idf_power: IDF_POWER,
            chance_power: CHANCE_POWER,
            merge_cost: prior.merge_cost,
            open_merge_cost: prior.open_merge_cost,
            closure_mismatch_cost: prior.closure_mismatch_cost,
            debris_factor: prior.debris_factor,
            skip_cost: prior.skip_cost,
            skip_extend_cost: prior.skip_extend_cost,
            paragraph_cost: prior.paragraph_cost,
            translation_weight: TranslationScorer::default().weight,
            translation_shortfall_weight: TranslationScorer::default().shortfall,
            adaptive_skip: 0.12,
            adaptive_skip_without_model: 0.15,
            unlinked_skip_discount: prior.unlinked_skip_discount,
        }
    }
}

/// What the first pass teaches the second: after a first pass, the aligner learns from the
/// document's confident beads and aligns again.
///
/// ```
/// use satzweise::AlignerConfig;
/// let mut config = AlignerConfig::default();
/// config.refinement.learn_lexicon = false;
/// config.refinement.fit_length = false; // one pass only
/// assert!(config.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct RefinementConfig {
    /// After a first pass, fit the length model's ratio of English to German characters to
    /// the document's own confident 1-1 beads and align again (the variance stays
    /// `costs.length_variance`).
    pub fit_length: bool,
    /// After a first pass, learn word pairs from the document's confident beads (mutual-best
    /// Dice) and align again with them as anchors.
    pub learn_lexicon: bool,
    /// Beads of the first pass at or above this confidence teach the second.
    pub refine_min_confidence: f64,
    /// A learned word pair must co-occur in at least this many beads.
    pub lexicon_min_count: u32,
    /// A learned word pair needs at least this Dice coefficient.
    pub lexicon_min_dice: f64,
    /// Whether a document aligned on its own learns a translation model from its first pass
    /// (with a nonzero `costs.translation_weight`). Off by default: within one document it
    /// adds under half a point of strict F1 on the development sets at 2.8 times the CPU time
    /// on 100,000 lines; across a batch the model is learned whatever this says.
    pub document_translation_model: bool,
    /// Whether the word pairs of the aligner's dictionaries link words as anchors (a bonus for
    /// every matched pair of a bead). Either way they are training pairs of the translation
    /// model of a batch (see [`Batch::learn_across`](crate::Batch::learn_across)). On by
    /// default: without the links the core lexicon no longer costs strict F1 on the clean
    /// WMT sets of a batch, but no longer finds the omissions of short lines either.
    pub dictionary_links: bool,
}

impl Default for RefinementConfig {
    fn default() -> Self {
        RefinementConfig {
            fit_length: true,
            learn_lexicon: true,
            refine_min_confidence: 0.9,
            lexicon_min_count: 2,
            lexicon_min_dice: 0.5,
            document_translation_model: false,
            dictionary_links: true,
        }
    }
}

/// The largest cost or weight a configuration may set: far above any useful value, and small
/// enough that the cost of a million beads stays finite.
pub(crate) const MAX_COST: f64 = 1e6;

/// The most shapes the search can tell apart (its back-pointers are bytes; one value is free).
pub(crate) const MAX_SHAPES: usize = u8::MAX as usize;

/// A number as an error message shows it: in exponent form when it is very large or very
/// small (`1e308`, `1e-300`, not three hundred digits).
pub(crate) fn shown(value: f64) -> String {
    if value != 0.0 && value.is_finite() && !(1e-4..1e7).contains(&value.abs()) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// Checks that each named weight is finite, non-negative and at most [`MAX_COST`].
fn check_weights<const N: usize>(weights: [(&str, f64); N]) -> Result<()> {
    for (name, value) in weights {
        if !(0.0..=MAX_COST).contains(&value) {
            return Err(Error::config(format!(
                "{name} must be finite, non-negative and at most {MAX_COST:e}, not {}",
                shown(value)
            )));
        }
    }
    Ok(())
}

impl AlignerConfig {
    /// Checks the configuration. What validates aligns every input (when the shapes include
    /// `1-0` and `0-1`) with every sentence covered and finite costs; the rest is rejected
    /// with a message that names the field by its path (`costs.skip_cost`):
    ///
    /// - at least one shape in `shapes.allowed`, no `0-0` shape, shapes of at most 8
    ///   sentences a side, `shapes.max_skip_run` at least 1, and at most 255 shapes once runs
    ///   of up to `shapes.max_skip_run` skipped sentences are counted;
    /// - costs and weights (`costs.*`, `refinement.refine_min_confidence`,
    ///   `refinement.lexicon_min_dice`) finite, non-negative and at most 10⁶;
    ///   `costs.length_variance` in `[10⁻⁶, 10⁶]`; `temperature` in `[10⁻³, 10³]`;
    /// - search widths and window sizes at least 1 (`search.band_width` may be 0, the exact
    ///   search) and at most 2²⁴; `search.coarse_cells` at least 16.
    ///
    /// ```
    /// use satzweise::AlignerConfig;
    /// let mut config = AlignerConfig::default();
    /// config.shapes.max_skip_run = 200;
    /// let err = config.validate().unwrap_err();
    /// assert!(err.to_string().contains("shapes.max_skip_run"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.shapes.validate()?;
        self.costs.validate()?;
        self.refinement.validate()?;
        if !(1e-3..=1e3).contains(&self.temperature) {
            return Err(Error::config(format!(
                "temperature must be between 1e-3 and 1e3, not {}",
                shown(self.temperature)
            )));
        }
        self.reorder.validate()?;
        self.search.validate()
    }

    /// The shapes the search uses (see [`ShapeConfig::search_shapes`]).
    pub(crate) fn search_shapes(&self) -> Vec<(usize, usize)> {
        self.shapes.search_shapes()
    }
}

impl ShapeConfig {
    /// Checks the shapes (see [`AlignerConfig::validate`]).
    fn validate(&self) -> Result<()> {
        if self.allowed.is_empty() {
            return Err(Error::config("shapes.allowed: no bead shape allowed"));
        }
        for shape in &self.allowed {
            if shape.german() == 0 && shape.english() == 0 {
                return Err(Error::config(
                    "shapes.allowed: the 0-0 bead shape is not a bead",
                ));
            }
            if shape.german() > 8 || shape.english() > 8 {
                return Err(Error::config(format!(
                    "shapes.allowed: bead shape {shape} is larger than 8-8"
                )));
            }
        }
        if self.max_skip_run == 0 {
            return Err(Error::config("shapes.max_skip_run must be at least 1"));
        }
        let shapes = self.search_shapes().len();
        if shapes > MAX_SHAPES {
            return Err(Error::config(format!(
                "shapes.max_skip_run {} makes {shapes} shapes with the skip runs, more than the \
                 {MAX_SHAPES} the search can tell apart",
                self.max_skip_run
            )));
        }
        Ok(())
    }

    /// The shapes the search uses: the allowed ones and, when `1-0` (`0-1`) is among them,
    /// the runs of up to `max_skip_run` skipped German (English) sentences, sorted.
    pub(crate) fn search_shapes(&self) -> Vec<(usize, usize)> {
        let mut shapes: Vec<(usize, usize)> = self
            .allowed
            .iter()
            .map(|s| (s.german(), s.english()))
            .collect();
        // Runs of unaligned sentences: one gap in the search, one bead per sentence in the result.
        let run = usize::from(self.max_skip_run);
        if shapes.contains(&(1, 0)) {
            shapes.extend((2..=run).map(|k| (k, 0)));
        }
        if shapes.contains(&(0, 1)) {
            shapes.extend((2..=run).map(|k| (0, k)));
        }
        shapes.sort_unstable();
        shapes.dedup();
        shapes
    }
}

impl CostConfig {
    /// Checks the costs (see [`AlignerConfig::validate`]).
    fn validate(&self) -> Result<()> {
        check_weights([
            ("costs.length_weight", self.length_weight),
            ("costs.anchor_weight", self.anchor_weight),
            ("costs.unmatched_weight", self.unmatched_weight),
            ("costs.idf_power", self.idf_power),
            ("costs.chance_power", self.chance_power),
            ("costs.merge_cost", self.merge_cost),
            ("costs.open_merge_cost", self.open_merge_cost),
            ("costs.closure_mismatch_cost", self.closure_mismatch_cost),
            ("costs.debris_factor", self.debris_factor),
            ("costs.skip_cost", self.skip_cost),
            ("costs.skip_extend_cost", self.skip_extend_cost),
            ("costs.paragraph_cost", self.paragraph_cost),
            ("costs.translation_weight", self.translation_weight),
            (
                "costs.translation_shortfall_weight",
                self.translation_shortfall_weight,
            ),
            ("costs.unlinked_sentence_cost", self.unlinked_sentence_cost),
            ("costs.unlinked_skip_discount", self.unlinked_skip_discount),
            (
                "costs.unlinked_sentence_length",
                self.unlinked_sentence_length,
            ),
            ("costs.adaptive_skip", self.adaptive_skip),
            (
                "costs.adaptive_skip_without_model",
                self.adaptive_skip_without_model,
            ),
        ])?;
        if self.unlinked_skip_discount > 1.0 {
            return Err(Error::config(format!(
                "costs.unlinked_skip_discount must be at most 1, not {}",
                shown(self.unlinked_skip_discount)
            )));
        }
        if !(1e-6..=1e6).contains(&self.length_variance) {
            return Err(Error::config(format!(
                "costs.length_variance must be between 1e-6 and 1e6, not {}",
                shown(self.length_variance)
            )));
        }
        Ok(())
    }
}

impl RefinementConfig {
    /// Checks the refinement settings (see [`AlignerConfig::validate`]).
    fn validate(&self) -> Result<()> {
        check_weights([
            (
                "refinement.refine_min_confidence",
                self.refine_min_confidence,
            ),
            ("refinement.lexicon_min_dice", self.lexicon_min_dice),
        ])
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
/// assert_eq!(aligner.config().shapes.allowed.len(), 3);
/// assert_eq!(aligner.config().costs.skip_cost, 3.0);
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AlignerBuilder {
    pub(crate) config: AlignerConfig,
    pub(crate) scorers: Vec<(f64, Arc<dyn Scorer>)>,
    pub(crate) dictionaries: Vec<Arc<dyn WordTranslations>>,
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
        self.config.languages.german = german;
        self.config.languages.english = english;
        self
    }

    /// Allowed bead shapes.
    pub fn shapes(&mut self, shapes: impl IntoIterator<Item = BeadShape>) -> &mut Self {
        self.config.shapes.allowed = shapes.into_iter().collect();
        self
    }

    /// Allows every shape with at most `german` German and `english` English sentences
    /// (and at least one on some side).
    pub fn max_bead(&mut self, german: u8, english: u8) -> &mut Self {
        self.config.shapes.allowed = (0..=german)
            .flat_map(|a| (0..=english).map(move |b| BeadShape::new(a, b)))
            .filter(|s| !(s.german() == 0 && s.english() == 0))
            .filter(|s| !s.is_skip() || s.german() + s.english() == 1)
            .collect();
        self
    }

    /// Cost of leaving a sentence unaligned.
    pub fn skip_cost(&mut self, cost: f64) -> &mut Self {
        self.config.costs.skip_cost = cost;
        self
    }

    /// Cost of each extra sentence in a merged bead.
    pub fn merge_cost(&mut self, cost: f64) -> &mut Self {
        self.config.costs.merge_cost = cost;
        self
    }

    /// Weight of the anchor signal.
    pub fn anchor_weight(&mut self, weight: f64) -> &mut Self {
        self.config.costs.anchor_weight = weight;
        self
    }

    /// Weight of the length signal.
    pub fn length_weight(&mut self, weight: f64) -> &mut Self {
        self.config.costs.length_weight = weight;
        self
    }

    /// Temperature of the confidence posterior.
    pub fn temperature(&mut self, temperature: f64) -> &mut Self {
        self.config.temperature = temperature;
        self
    }

    /// The map from raw posterior to reported confidence (quality issue).
    pub fn calibration(&mut self, calibration: Calibration) -> &mut Self {
        self.config.calibration = calibration;
        self
    }

    /// Search settings.
    pub fn search(&mut self, search: SearchConfig) -> &mut Self {
        self.config.search = search;
        self
    }

    /// Costs and weights of the signals (see [`CostConfig`]).
    pub fn costs(&mut self, costs: CostConfig) -> &mut Self {
        self.config.costs = costs;
        self
    }

    /// What the first pass teaches the second (see [`RefinementConfig`]).
    pub fn refinement(&mut self, refinement: RefinementConfig) -> &mut Self {
        self.config.refinement = refinement;
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

    /// Adds a source of word translations (a bilingual dictionary): its word pairs count as
    /// anchors wherever both words occur. Optional; the aligner never needs one.
    pub fn dictionary(&mut self, dictionary: Arc<dyn WordTranslations>) -> &mut Self {
        self.dictionaries.push(dictionary);
        self
    }

    /// Validates the configuration and builds the aligner.
    pub fn build(&self) -> Result<crate::Aligner> {
        crate::Aligner::from_builder(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unlinked_skip_discount_is_a_share() {
        let mut config = AlignerConfig::default();
        config.costs.unlinked_skip_discount = 1.0;
        assert!(config.validate().is_ok());
        config.costs.unlinked_skip_discount = 1.5;
        let err = config.validate().unwrap_err();
        assert!(
            err.to_string().contains("costs.unlinked_skip_discount"),
            "{err}"
        );
        config.costs.unlinked_skip_discount = 0.0;
        config.costs.adaptive_skip = -0.1;
        let err = config.validate().unwrap_err();
        assert!(err.to_string().contains("costs.adaptive_skip"), "{err}");
    }
}
