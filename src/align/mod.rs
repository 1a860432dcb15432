//! The aligner: configuration, search, and the alignment it returns.

mod alignment;
mod batch;
mod calibration;
mod change_confidence;
mod config;
mod fitted;
mod reorder;
mod shape;

pub(crate) use alignment::out_of_order;
pub use alignment::{
    Addition, Additions, Alignment, Bead, BeadRef, Beads, ConfidentBeads, Omission, Omissions,
    Pair, Pairs, ReorderedBeads, SentenceIndices, Unaligned, UnalignedSentences,
};
pub use batch::{Batch, DocumentPair};
pub use calibration::{
    BeadKind, BeadLetters, Calibration, CalibrationMap, ParallelModel, RawBead, SKIP_FEATURES,
    SkipDocument, SkipModel,
};
pub use change_confidence::{REORDER_FEATURES, ReorderEvidence, ReorderModel};
pub use config::{
    AlignerBuilder, AlignerConfig, CostConfig, LanguageConfig, RefinementConfig, SearchConfig,
    ShapeConfig,
};
pub use reorder::ReorderConfig;
pub use shape::BeadShape;

use crate::error::{Error, ErrorKind, Result};
use std::ops::Range;
use std::sync::Arc;

use crate::features::{EvidenceCounter, PairFeatures, WeightScheme, WordTranslations};
use crate::lexicon::CorpusTranslationModel;
use crate::score::{
    AnchorScorer, Candidate, LengthScorer, Scorer, ShapePrior, SkipTable, TranslationScorer,
    two_sided_tail_cost,
};
use crate::search::{self, BeadCost};
use crate::text::Text;

/// The reorder pass's evidence for the beads its changes made, by bead position.
type BeadEvidence = Vec<(usize, ReorderEvidence)>;

/// Aligns document pairs: built once from a configuration, then used for any number of pairs,
/// from any number of threads (`Aligner` is `Send + Sync`).
///
/// ```
/// use satzweise::Aligner;
/// let aligner = Aligner::new();
/// let alignment = aligner.align(
///     "Die 29. Sitzung beginnt am 3. Oktober. Sie dauert zwei Wochen.",
///     "The 29th session begins on 3 October. It lasts two weeks.",
/// )?;
/// assert_eq!(alignment.beads().len(), 2);
/// for bead in &alignment {
///     assert_eq!(bead.shape().to_string(), "1-1");
/// }
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Aligner {
    config: AlignerConfig,
    built_in: BuiltInScorers,
    /// The user's scorers with their weights (0 weights left out).
    extras: Vec<(f64, Arc<dyn Scorer>)>,
    shapes: Vec<(usize, usize)>,
    dictionaries: Vec<Arc<dyn WordTranslations>>,
}

impl Default for Aligner {
    fn default() -> Self {
        Aligner::new()
    }
}

impl Aligner {
    /// An aligner with the default configuration (German and English).
    pub fn new() -> Aligner {
        Aligner::from_config(AlignerConfig::default()).expect("the default configuration is valid")
    }

    /// A builder to configure an aligner.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::new()
    }

    /// An aligner with the built-in scorers weighted as `config` says.
    pub fn from_config(config: AlignerConfig) -> Result<Aligner> {
        Aligner::from_builder(&AlignerBuilder {
            config,
            ..AlignerBuilder::default()
        })
    }

    pub(crate) fn from_builder(builder: &AlignerBuilder) -> Result<Aligner> {
        let config = builder.config.clone();
        config.validate()?;
        let built_in = BuiltInScorers {
            prior: ShapePrior {
                merge_cost: config.costs.merge_cost,
                open_merge_cost: config.costs.open_merge_cost,
                closure_mismatch_cost: config.costs.closure_mismatch_cost,
                skip_cost: config.costs.skip_cost,
                skip_extend_cost: config.costs.skip_extend_cost,
                debris_factor: config.costs.debris_factor,
                paragraph_cost: config.costs.paragraph_cost,
                unlinked_skip_discount: config.costs.unlinked_skip_discount,
            },
            length_weight: config.costs.length_weight,
            length: LengthScorer {
                variance: config.costs.length_variance,
            },
            anchor: AnchorScorer {
                matched: config.costs.anchor_weight,
                unmatched: config.costs.unmatched_weight,
                unlinked_sentence: config.costs.unlinked_sentence_cost,
                unlinked_length: config.costs.unlinked_sentence_length,
                unlinked_needs_match: config.costs.unlinked_sentence_needs_match,
            },
            translation: TranslationScorer {
                weight: config.costs.translation_weight,
                shortfall: config.costs.translation_shortfall_weight,
            },
        };
        let mut extras = Vec::new();
        for (k, (weight, extra)) in builder.scorers.iter().enumerate() {
            if !(-config::MAX_COST..=config::MAX_COST).contains(weight) {
                return Err(Error::config(format!(
                    "the weight of added scorer {k} ({extra:?}) must be finite and at most \
                     {:e} in size, not {weight}",
                    config::MAX_COST
                )));
            }
            if *weight != 0.0 {
                extras.push((*weight, extra.clone()));
            }
        }
        let shapes = config.search_shapes();
        Ok(Aligner {
            config,
            built_in,
            extras,
            shapes,
            dictionaries: builder.dictionaries.clone(),
        })
    }

    /// The configuration this aligner was built with.
    pub fn config(&self) -> &AlignerConfig {
        &self.config
    }

    /// Splits both raw texts into sentences (with the rules of the configured languages) and
    /// aligns them.
    pub fn align(&self, german: &str, english: &str) -> Result<Alignment> {
        self.align_texts(
            Text::segment(german, self.config.languages.german),
            Text::segment(english, self.config.languages.english),
        )
    }

    /// Aligns texts that hold one sentence per line (sentence `k` is line `k`).
    pub fn align_lines(&self, german: &str, english: &str) -> Result<Alignment> {
        self.align_texts(Text::from_lines(german), Text::from_lines(english))
    }

    /// Aligns sentences given one by one.
    pub fn align_sentences<G, E>(&self, german: &[G], english: &[E]) -> Result<Alignment>
    where
        G: AsRef<str>,
        E: AsRef<str>,
    {
        self.align_texts(
            Text::from_sentences(german.iter().map(AsRef::as_ref)),
            Text::from_sentences(english.iter().map(AsRef::as_ref)),
        )
    }

    /// Aligns two texts already split into sentences.
    pub fn align_texts(&self, german: Text, english: Text) -> Result<Alignment> {
        let found = self.run(&german, &english, None, None, None);
        self.finish(german, english, found, false)
    }

    /// The beads of [`align_texts`](Self::align_texts) without the texts: with no scorer of
    /// your own installed, both texts are freed as soon as their features are read, so that
    /// a long document needs little more memory than its features (a million lines a side
    /// held 274 MB of text through the whole search). The beads are the same as those of
    /// `align_texts(german, english)?.into_parts().2`; write them with
    /// [`io::write_vecalign_beads`](crate::io::write_vecalign_beads).
    ///
    /// ```
    /// use satzweise::{Aligner, Text};
    /// let aligner = Aligner::new();
    /// let (german, english) = (Text::from_lines("Eins.\nZwei."), Text::from_lines("One.\nTwo."));
    /// let beads = aligner.align_beads(german.clone(), english.clone())?;
    /// assert_eq!(beads, aligner.align_texts(german, english)?.into_parts().2);
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn align_beads(&self, german: Text, english: Text) -> Result<Vec<Bead>> {
        if !self.extras.is_empty() {
            // A scorer of your own may read the texts in every pass.
            return Ok(self.align_texts(german, english)?.into_parts().2);
        }
        let sentences = (german.len(), english.len());
        let (mut features, letters) =
            PairFeatures::from_owned_texts((german, english), self.weight_scheme(), letter_counts);
        self.add_dictionaries(&mut features);
        let found = self.run_features(features, &Extras::new(&[], &[]), None, None);
        let path = found.ok_or_else(|| {
            Error::new(ErrorKind::NoAlignment {
                german: sentences.0,
                english: sentences.1,
            })
        })?;
        let letters = (Letters::Counted(&letters.0), Letters::Counted(&letters.1));
        // The beads alone: the reorder pass's evidence is kept only by an `Alignment`.
        let (beads, _evidence) = self.beads_of(letters, path, false)?;
        alignment::checked_beads(sentences, beads)
    }

    /// The passes over one document pair: [`features`](Self::features), then either one
    /// [`search`](Self::search) or, when the model learns from the document,
    /// [`refined_search`](Self::refined_search); then, with `teaching`,
    /// [`teach`](Self::teach). With `extra`, its word pairs are links too; with `corpus`, the
    /// translation model learned across a batch replaces the document's own.
    pub(crate) fn run(
        &self,
        german: &Text,
        english: &Text,
        extra: Option<&dyn WordTranslations>,
        corpus: Option<&CorpusTranslationModel>,
        teaching: Option<&mut Vec<(Vec<String>, Vec<String>)>>,
    ) -> Option<reorder::Path> {
        let features = self.features(german, english, extra);
        let prepared: Vec<Option<Box<dyn Scorer + '_>>> = self
            .extras
            .iter()
            .map(|(_, scorer)| scorer.prepare(german, english))
            .collect();
        let extras = Extras::new(&self.extras, &prepared);
        self.run_features(features, &extras, corpus, teaching)
    }

    /// The passes of [`run`](Self::run) after the features are extracted.
    fn run_features(
        &self,
        mut features: PairFeatures<'_>,
        extras: &Extras<'_>,
        corpus: Option<&CorpusTranslationModel>,
        teaching: Option<&mut Vec<(Vec<String>, Vec<String>)>>,
    ) -> Option<reorder::Path> {
        // The token tables serve only the lexicon learning and the teaching of a corpus; with no
        // user scorer to read them, the last pass does not need them (a third of the features'
        // memory on a long document).
        let can_release = extras.is_empty() && teaching.is_none();
        let found = if self.config.refinement.fit_length
            || self.config.refinement.learn_lexicon
            || self.config.costs.translation_weight > 0.0
        {
            self.refined_search(&mut features, extras, corpus, can_release)
        } else {
            self.search(&features, extras, (&mut None, false))
        };
        if let (Some(teaching), Some(beads)) = (teaching, &found) {
            self.teach(&features, beads.iter(), teaching);
        }
        let found = found?;
        // The pass prices sets of sentences with the built-in signals only.
        if !(self.config.reorder.enabled && extras.is_empty()) {
            return Some(reorder::Path::Runs(found));
        }
        let mut path = reorder::place(&found);
        drop(found);
        let costs = reorder::SetCosts::new(&self.built_in, &features, &self.shapes);
        reorder::reorder(
            &mut path,
            &costs,
            &self.config.reorder,
            self.config.temperature,
        );
        Some(reorder::Path::Sets(path))
    }

    /// Pass 0: the features of both texts under the configured weighting, linked by the
    /// aligner's dictionaries and `extra`.
    fn features<'t>(
        &self,
        german: &'t Text,
        english: &'t Text,
        extra: Option<&dyn WordTranslations>,
    ) -> PairFeatures<'t> {
        let mut features = PairFeatures::with_scheme(german, english, self.weight_scheme());
        self.add_dictionaries(&mut features);
        if let Some(extra) = extra {
            features.add_translations(extra);
        }
        features
    }

    /// How the features weigh a type, under the configuration.
    fn weight_scheme(&self) -> WeightScheme {
        WeightScheme {
            idf_power: self.config.costs.idf_power as f32,
            chance_power: self.config.costs.chance_power as f32,
            ..WeightScheme::default()
        }
    }

    /// Links the features' types by the aligner's dictionaries, when configured to.
    fn add_dictionaries(&self, features: &mut PairFeatures<'_>) {
        if self.config.refinement.dictionary_links {
            for dictionary in &self.dictionaries {
                features.add_translations(dictionary.as_ref());
            }
        }
    }

    /// A first pass that teaches the model (over a sample of a long document, over the whole
    /// of a short one), the refinement, and a second pass over the whole document with the
    /// refined model (only when the refinement changed something, for a short document).
    fn refined_search(
        &self,
        features: &mut PairFeatures<'_>,
        extras: &Extras<'_>,
        corpus: Option<&CorpusTranslationModel>,
        can_release: bool,
    ) -> Option<search::FoundPath> {
        // The guide first: when a long omission skewed the length ratio, the first pass runs
        // once, under the corrected ratio. The guide already followed across the gaps under
        // the old ratio is kept: following it again under the new one moved no bead on any
        // measured set and cost a tenth of a long-gap document's instructions.
        let mut coarse = None;
        self.guide(features, extras, &mut coarse);
        self.correct_length_ratio(features, &coarse);
        // `true`: the guide is taken as it is (followed across its gaps already).
        if features.german().len() > self.config.search.first_pass_rows
            && let Some(sample) = self.sample(features, extras, (&mut coarse, true))
        {
            // A long document: learn from a sample, then one pass over the whole.
            self.refine(features, sample.iter().cloned(), corpus);
            if can_release {
                features.release_tokens();
            }
            if !extras.is_empty() {
                coarse = None;
            }
            return self.search(features, extras, (&mut coarse, false));
        }
        let first = self.search(features, extras, (&mut coarse, true))?;
        // The second pass searches the whole band again, not just near the first path: where
        // the first pass went astray for a long stretch, the refined model finds its way back
        // only with room to do so.
        if !self.refine(features, first.iter(), corpus) {
            return Some(first);
        }
        if can_release {
            features.release_tokens();
        }
        if !extras.is_empty() {
            // A scorer of the user's might price a skipped sentence differently once refined:
            // let the coarse levels run again.
            coarse = None;
        }
        self.search(features, extras, (&mut coarse, false))
    }

    /// Appends the confident beads of `found` to `teaching` as word keys (German, English),
    /// for learning across documents.
    fn teach(
        &self,
        features: &PairFeatures<'_>,
        found: impl Iterator<Item = search::FoundBead>,
        teaching: &mut Vec<(Vec<String>, Vec<String>)>,
    ) {
        let (mut german_words, mut english_words) = (Vec::new(), Vec::new());
        let keys = |side: &crate::SideFeatures, words: &[u32]| -> Vec<String> {
            words
                .iter()
                .filter_map(|&t| side.key(t))
                .map(str::to_owned)
                .collect()
        };
        for (g, e) in self.teaching_beads(found) {
            features.german().word_set(g, 1, &mut german_words);
            features.english().word_set(e, 1, &mut english_words);
            teaching.push((
                keys(features.german(), &german_words),
                keys(features.english(), &english_words),
            ));
        }
    }

    /// Turns the path into an alignment, with calibrated confidences (by the batch
    /// calibration when `learned_across`: the costs came from a model learned across a batch).
    pub(crate) fn finish(
        &self,
        german: Text,
        english: Text,
        path: Option<reorder::Path>,
        learned_across: bool,
    ) -> Result<Alignment> {
        let path = path.ok_or_else(|| {
            Error::new(ErrorKind::NoAlignment {
                german: german.len(),
                english: english.len(),
            })
        })?;
        let letters = (Letters::Text(&german), Letters::Text(&english));
        let (beads, evidence) = self.beads_of(letters, path, learned_across)?;
        let alignment = Alignment::from_parts(german, english, beads)?;
        Ok(if evidence.is_empty() {
            alignment
        } else {
            alignment.with_reorder_evidence(evidence)
        })
    }

    /// The beads of a path, with their calibrated confidences, and the reorder pass's
    /// evidence for the beads its changes made (by bead position; empty for a monotone path).
    fn beads_of(
        &self,
        (german, english): (Letters<'_>, Letters<'_>),
        path: reorder::Path,
        learned_across: bool,
    ) -> Result<(Vec<Bead>, BeadEvidence)> {
        // The reported confidence is the calibrated posterior (see `crate::quality`), which
        // weighs in how parallel the text around each bead looks.
        let calibration = if learned_across {
            self.config.calibration.for_batch()
        } else {
            &self.config.calibration
        };
        let beads = match path {
            reorder::Path::Runs(found) => {
                let count = reorder::runs(&found).count();
                let sides = reorder::runs(&found)
                    .map(|b| ((b.german.clone(), b.english.clone()), b.cost, b.posterior));
                let confidences = calibrated(calibration, (&german, &english), count, sides, &[]);
                reorder::runs(&found)
                    .zip(confidences)
                    .map(|(b, confidence)| {
                        Bead::from_ranges(b.german, b.english, b.cost, confidence)
                    })
                    .collect()
            }
            reorder::Path::Sets(placed) => {
                let sides = placed.iter().map(|b| {
                    let sides = (b.german.iter().copied(), b.english.iter().copied());
                    (sides, b.cost, b.posterior)
                });
                let changed: Vec<Option<ReorderEvidence>> =
                    placed.iter().map(|b| b.changed).collect();
                let confidences = calibrated(
                    calibration,
                    (&german, &english),
                    placed.len(),
                    sides,
                    &changed,
                );
                let mut beads = Vec::with_capacity(placed.len());
                for (b, confidence) in placed.into_iter().zip(confidences) {
                    beads.push(Bead::from_index_lists(
                        b.german, b.english, b.cost, confidence,
                    )?);
                }
                let evidence = changed
                    .into_iter()
                    .enumerate()
                    .filter_map(|(k, e)| Some((k, e?)))
                    .collect();
                return Ok((beads, evidence));
            }
        };
        Ok((beads, Vec::new()))
    }

    /// The confident beads with two non-empty sides, at most 20,000 of them, evenly spread.
    fn teaching_beads(
        &self,
        found: impl Iterator<Item = search::FoundBead>,
    ) -> Vec<(Range<usize>, Range<usize>)> {
        /// Learning from more beads than this costs time and teaches little more.
        const MAX_TEACHING_BEADS: usize = 20_000;
        let confident: Vec<(Range<usize>, Range<usize>)> = found
            .filter(|b| {
                b.posterior >= self.config.refinement.refine_min_confidence
                    && !b.german.is_empty()
                    && !b.english.is_empty()
            })
            .map(|b| (b.german, b.english))
            .collect();
        let stride = confident.len().div_ceil(MAX_TEACHING_BEADS).max(1);
        confident.into_iter().step_by(stride).collect()
    }

    /// Sets the length model's ratio to the one the sentences paired by the `coarse` path
    /// show, when a long omission skewed the whole document's (see
    /// `search::corrected_ratio`): under the skewed ratio, the first pass merges and skips
    /// where the text is parallel, and the length model fitted to its beads keeps the skew.
    fn correct_length_ratio(
        &self,
        features: &mut PairFeatures<'_>,
        coarse: &Option<Vec<(usize, usize)>>,
    ) {
        let Some(path) = coarse else {
            return;
        };
        let lengths = (features.german().lengths(), features.english().lengths());
        if let Some(ratio) = search::corrected_ratio(lengths.0, lengths.1, path)
            && ratio != features.length_ratio()
        {
            features.set_length_ratio(ratio);
        }
    }

    /// Leaves in `coarse` the guide a first pass would follow (see `search::guide`).
    fn guide(
        &self,
        features: &PairFeatures<'_>,
        extras: &Extras<'_>,
        coarse: &mut Option<Vec<(usize, usize)>>,
    ) {
        self.with_bead_cost(features, extras, |german, english, cost| {
            search::guide(
                german,
                english,
                &self.shapes,
                cost,
                &self.config.search,
                coarse,
            )
        })
    }

    /// The first-pass beads of a sample of a long document (see [`SearchConfig::first_pass_rows`]);
    /// `coarse` caches the coarse path as for [`search`](Self::search).
    fn sample(
        &self,
        features: &PairFeatures<'_>,
        extras: &Extras<'_>,
        coarse: (&mut Option<Vec<(usize, usize)>>, bool),
    ) -> Option<Vec<search::FoundBead>> {
        self.with_bead_cost(features, extras, |german, english, cost| {
            search::sample(
                german,
                english,
                &self.shapes,
                cost,
                &self.config.search,
                self.config.temperature,
                self.config.search.first_pass_rows,
                coarse,
            )
        })
    }

    /// The best path and its beads' posteriors; `coarse` caches the coarse path between the
    /// passes over one pair (with `true`: followed across its gaps already, taken as it is).
    fn search(
        &self,
        features: &PairFeatures<'_>,
        extras: &Extras<'_>,
        coarse: (&mut Option<Vec<(usize, usize)>>, bool),
    ) -> Option<search::FoundPath> {
        self.with_bead_cost(features, extras, |german, english, cost| {
            search::search(
                german,
                english,
                &self.shapes,
                cost,
                &self.config.search,
                self.config.temperature,
                coarse,
                None,
            )
        })
    }

    /// Calls `run` with both sides' sentence lengths and the cost of a bead under `features`
    /// and the document's `extras`: the exact cost, or infinity when a cheap bound shows it
    /// above the cutoff (only when every user scorer has a lower bound).
    fn with_bead_cost<R>(
        &self,
        features: &PairFeatures<'_>,
        extras: &Extras<'_>,
        run: impl FnOnce(&[f32], &[f32], BeadCost<'_>) -> R,
    ) -> R {
        let floor = extras.lower_bound();
        let bound = AnchorBound::new(features, &self.shapes, &self.built_in.prior);
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize, cutoff: f64| {
            let built_in = match floor {
                Some(floor) if cutoff < f64::INFINITY => {
                    let cost =
                        self.built_in
                            .cost_within(features, &bound, i0..i1, j0..j1, cutoff - floor);
                    if cost == f64::INFINITY {
                        return cost;
                    }
                    cost
                }
                _ => self.built_in.cost(features, &bound, i0..i1, j0..j1),
            };
            if extras.is_empty() {
                return built_in;
            }
            extras.add_costs(built_in, features, Candidate::from_ranges(i0..i1, j0..j1))
        };
        run(
            features.german().lengths(),
            features.english().lengths(),
            &cost,
        )
    }

    /// Teaches the features what the first pass found: the length model from its confident
    /// 1-1 beads, word pairs from all its confident beads. Returns whether anything changed.
    fn refine(
        &self,
        features: &mut PairFeatures<'_>,
        first: impl Iterator<Item = search::FoundBead> + Clone,
        corpus: Option<&CorpusTranslationModel>,
    ) -> bool {
        let teaching = self.teaching_beads(first.clone());
        let one_to_one: Vec<_> = teaching
            .iter()
            .filter(|(g, e)| g.len() == 1 && e.len() == 1)
            .cloned()
            .collect();
        let before = features.length_variance();
        if self.config.refinement.fit_length {
            features.fit_length_model(&one_to_one);
        }
        let learned = if self.config.refinement.learn_lexicon {
            features.learn_lexicon(
                &teaching,
                self.config.refinement.lexicon_min_count,
                self.config.refinement.lexicon_min_dice as f32,
            )
        } else {
            0
        };
        let modelled = match corpus {
            _ if self.config.costs.translation_weight == 0.0 => 0,
            Some(corpus) => features.adopt_translation_model(corpus),
            None if self.config.refinement.document_translation_model => {
                features.learn_translation_model(&teaching)
            }
            None => 0,
        };
        if modelled > 0 && self.config.costs.translation_shortfall_weight > 0.0 {
            features.calibrate_translation_shortfall(&teaching);
        }
        let skips_relearned = self.config.costs.unlinked_skip_discount > 0.0;
        let mut skips_rescaled = false;
        let has_model = features.has_translation_model();
        let rate = if has_model {
            self.config.costs.adaptive_skip
        } else {
            self.config.costs.adaptive_skip_without_model
        };
        if rate > 0.0 {
            let factor = self.document_skip_factor(first.clone(), rate, has_model);
            skips_rescaled = factor != features.skip_factor();
            features.set_skip_factor(factor);
        }
        if skips_relearned {
            let beads: Vec<_> = first.map(|b| (b.german, b.english)).collect();
            features.learn_local_links(&beads);
        }
        learned > 0
            || modelled > 0
            || skips_relearned
            || skips_rescaled
            || features.length_variance() != before
    }

    /// The factor on a document's skip costs (see [`CostConfig::adaptive_skip`] and
    /// [`CostConfig::adaptive_skip_without_model`]), read from the median cost of its first
    /// pass's 1-1 beads: 1 when they earn no more than the reference (3 nats when a
    /// translation model scored them, `modelled`, 2 when anchors and the lexicon did), falling
    /// by `rate` per nat they earn beyond it, down to [`ADAPTIVE_SKIP_FLOOR`]. Where true pairs
    /// earn much, a sentence that earns nothing stands out, and leaving it unaligned may cost
    /// less: the deletion cost follows the document's own cost distribution. 1 with fewer than
    /// 10 such beads.
    fn document_skip_factor(
        &self,
        first: impl Iterator<Item = search::FoundBead>,
        rate: f64,
        modelled: bool,
    ) -> f64 {
        let mut costs: Vec<f64> = first
            .filter(|b| b.german.len() == 1 && b.english.len() == 1)
            .map(|b| b.cost)
            .collect();
        if costs.len() < 10 {
            return 1.0;
        }
        costs.sort_unstable_by(f64::total_cmp);
        let median = costs[costs.len() / 2];
        let reference = if modelled {
            ADAPTIVE_SKIP_REFERENCE
        } else {
            ADAPTIVE_SKIP_REFERENCE_WITHOUT_MODEL
        };
        (1.0 + rate * (median - reference)).clamp(ADAPTIVE_SKIP_FLOOR, 1.0)
    }
}

/// The median first-pass 1-1 cost (nats) at and above which a document scored by a
/// translation model keeps its full skip costs (see [`Aligner::document_skip_factor`]).
const ADAPTIVE_SKIP_REFERENCE: f64 = -3.0;
/// The same for a document scored by anchors and its learned lexicon only (their 1-1 beads
/// earn less than the translation model's).
const ADAPTIVE_SKIP_REFERENCE_WITHOUT_MODEL: f64 = -2.0;
/// The least factor on a document's skip costs.
const ADAPTIVE_SKIP_FLOOR: f64 = 0.6;

/// The user's scorers for one document (each prepared for it where it asked to be), with
/// their weights.
struct Extras<'s> {
    scorers: Vec<(f64, &'s dyn Scorer)>,
}

impl<'s> Extras<'s> {
    fn new(
        extras: &'s [(f64, Arc<dyn Scorer>)],
        prepared: &'s [Option<Box<dyn Scorer + 's>>],
    ) -> Self {
        let scorers = extras
            .iter()
            .zip(prepared)
            .map(|((weight, scorer), prepared)| {
                let scorer: &dyn Scorer = match prepared {
                    Some(prepared) => prepared.as_ref(),
                    None => scorer.as_ref(),
                };
                (*weight, scorer)
            })
            .collect();
        Extras { scorers }
    }

    fn is_empty(&self) -> bool {
        self.scorers.is_empty()
    }

    /// `cost` plus the weighted costs of the scorers, summed in order; each cost made finite:
    /// NaN and costs beyond ±[`config::MAX_COST`] become that bound, so that no bead is
    /// unusable and no sum overflows (an infinite cost would make some inputs unalignable, a
    /// negative infinite one every path equally good).
    fn add_costs(&self, cost: f64, features: &PairFeatures<'_>, bead: Candidate) -> f64 {
        self.scorers.iter().fold(cost, |sum, (weight, scorer)| {
            sum + weight * finite(scorer.cost(features, bead))
        })
    }

    /// The least the scorers can add to a bead's cost, when every one of them knows a lower
    /// bound (0 with no scorer).
    fn lower_bound(&self) -> Option<f64> {
        let mut floor = 0.0;
        for (weight, scorer) in &self.scorers {
            if *weight < 0.0 {
                return None;
            }
            floor += weight * finite(scorer.lower_bound()?);
        }
        Some(floor)
    }
}

/// `cost` clamped to ±[`config::MAX_COST`], NaN to the upper bound.
fn finite(cost: f64) -> f64 {
    if cost.is_nan() {
        config::MAX_COST
    } else {
        cost.clamp(-config::MAX_COST, config::MAX_COST)
    }
}

/// The built-in scorers, kept apart so the search can bound their sum cheaply.
#[derive(Debug, Clone, Copy)]
struct BuiltInScorers {
    prior: ShapePrior,
    length_weight: f64,
    length: LengthScorer,
    anchor: AnchorScorer,
    translation: TranslationScorer,
}

impl BuiltInScorers {
    /// The exact cost of the bead: the shape prior, the weighted length cost, the anchors,
    /// the translation model, summed in this order.
    fn cost(
        &self,
        features: &PairFeatures<'_>,
        bound: &AnchorBound<'_, '_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        let mut cost = self.prior_cost(features, bound, german.clone(), english.clone());
        if self.length_weight != 0.0 {
            let delta = self.length.delta(features, german.clone(), english.clone());
            cost += self.length_weight * delta.map_or(0.0, two_sided_tail_cost);
        }
        cost += self
            .anchor
            .evidence_cost(bound.evidence.evidence(german.clone(), english.clone()));
        cost + self.translation.run_cost(features, german, english)
    }

    /// The shape prior of the bead, from the pass's table of skip costs when it has one.
    #[inline(always)]
    fn prior_cost(
        &self,
        features: &PairFeatures<'_>,
        bound: &AnchorBound<'_, '_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        match &bound.skips {
            Some(table) if german.is_empty() || english.is_empty() => {
                table.run_cost(features, german, english)
            }
            _ => self.prior.run_cost(features, german, english),
        }
    }

    /// The cost of the bead, the same as [`cost`](Self::cost) (summed in the same order), or
    /// infinity when a cheap lower bound already exceeds `cutoff`: the shape prior and the
    /// length cost are exact and cheap, no anchor evidence can lower the cost by more than the
    /// matched weight of every linkable type in the bead, and no translation evidence by more
    /// than each sentence's ceiling. Inlined into the search's one cost closure, which calls
    /// it for every bead with a cutoff.
    #[inline(always)]
    fn cost_within(
        &self,
        features: &PairFeatures<'_>,
        bound: &AnchorBound<'_, '_>,
        german: Range<usize>,
        english: Range<usize>,
        cutoff: f64,
    ) -> f64 {
        if german.is_empty() || english.is_empty() {
            // Only the prior prices a bead with an empty side: the length, anchor and
            // translation terms and their bounds are zeros, which change no sum of the prior's
            // (never -0 for a non-empty run of skipped sentences).
            let prior = self.prior_cost(features, bound, german, english);
            return if prior - AnchorBound::SLACK > cutoff {
                f64::INFINITY
            } else {
                prior
            };
        }
        let best_evidence = self.anchor.matched * bound.weight(&german, &english)
            + self.translation.weight * bound.translation(&german, &english);
        let mut cheap = self.prior_cost(features, bound, german.clone(), english.clone());
        if self.length_weight != 0.0 {
            let delta = self.length.delta(features, german.clone(), english.clone());
            if let Some(delta) = delta {
                // -ln erfc(x) >= x² for x >= 0: a bound without the logarithm.
                let at_least = self.length_weight * delta * delta / 2.0;
                if cheap + at_least - best_evidence - AnchorBound::SLACK > cutoff {
                    return f64::INFINITY;
                }
            }
            cheap += self.length_weight * delta.map_or(0.0, two_sided_tail_cost);
        }
        if cheap - best_evidence - AnchorBound::SLACK > cutoff {
            return f64::INFINITY;
        }
        cheap += self
            .anchor
            .evidence_cost(bound.evidence.evidence(german.clone(), english.clone()));
        // With the anchors counted, only the translation evidence can still lower the cost.
        let best_translation = self.translation.weight * bound.translation(&german, &english);
        if cheap - best_translation - AnchorBound::SLACK > cutoff {
            return f64::INFINITY;
        }
        cheap + self.translation.run_cost(features, german, english)
    }
}

/// What the bead-cost kernel keeps for one pass over a document pair: the per-sentence sums of
/// linkable weight as prefix sums (the most evidence a run can match), the same for the
/// translation evidence, and the counter of the anchor evidence. (The lengths are summed
/// afresh: a bead has at most a few sentences a side, and prefix sums of them would cost 16
/// bytes a sentence pair for no measurable gain.)
struct AnchorBound<'f, 'a> {
    german: Vec<f64>,
    english: Vec<f64>,
    german_translation: Vec<f64>,
    english_translation: Vec<f64>,
    evidence: EvidenceCounter<'f, 'a>,
    /// The pass's skip costs, when the prior has a table of them.
    skips: Option<SkipTable>,
}

impl<'f, 'a> AnchorBound<'f, 'a> {
    /// Room for the rounding of the evidence's `f32` sums.
    const SLACK: f64 = 1e-3;

    /// The kernel's data for `features`, for beads of the given `shapes` under `prior`.
    fn new(features: &'f PairFeatures<'a>, shapes: &[(usize, usize)], prior: &ShapePrior) -> Self {
        let prefix = |side: &crate::SideFeatures| {
            let mut sums = Vec::with_capacity(side.len() + 1);
            let mut total = 0.0f64;
            sums.push(total);
            for k in 0..side.len() {
                total += side
                    .linkable(k)
                    .iter()
                    .map(|&t| f64::from(side.weight(t)))
                    .sum::<f64>();
                sums.push(total);
            }
            sums
        };
        let running = |values: &mut dyn Iterator<Item = f64>, count: usize| {
            let mut sums = Vec::with_capacity(count + 1);
            let mut total = 0.0f64;
            sums.push(total);
            for value in values {
                total += value;
                sums.push(total);
            }
            sums
        };
        let (german_ceiling, english_ceiling) = features.translation_ceilings();
        // Only beads with two sides have evidence.
        let longest = shapes
            .iter()
            .filter(|&&(a, b)| a > 0 && b > 0)
            .fold((1, 1), |(a, b), &(x, y)| (a.max(x), b.max(y)));
        AnchorBound {
            german: prefix(features.german()),
            english: prefix(features.english()),
            german_translation: running(
                &mut german_ceiling.iter().map(|&c| f64::from(c)),
                german_ceiling.len(),
            ),
            english_translation: running(
                &mut english_ceiling.iter().map(|&c| f64::from(c)),
                english_ceiling.len(),
            ),
            evidence: EvidenceCounter::new(features, longest),
            skips: prior.skip_table(features),
        }
    }

    /// The most translation evidence the bead can have (0 without a model or with an empty
    /// run).
    fn translation(&self, german: &Range<usize>, english: &Range<usize>) -> f64 {
        if german.is_empty() || english.is_empty() || self.german_translation.len() < 2 {
            return 0.0;
        }
        let at = |sums: &[f64], k: usize| sums.get(k).copied().unwrap_or(0.0);
        let g =
            at(&self.german_translation, german.end) - at(&self.german_translation, german.start);
        let e = at(&self.english_translation, english.end)
            - at(&self.english_translation, english.start);
        (g + e) / 2.0
    }

    /// Half the summed linkable weight of both runs (the anchor scorer's matched term at most);
    /// 0 when a run is empty (such beads have no evidence).
    fn weight(&self, german: &Range<usize>, english: &Range<usize>) -> f64 {
        if german.is_empty() || english.is_empty() {
            return 0.0;
        }
        let g = self.german[german.end] - self.german[german.start];
        let e = self.english[english.end] - self.english[english.start];
        (g + e) / 2.0
    }
}

/// The confidences `calibration` gives the `count` beads of `path`, each its sides (sentence
/// numbers of `texts`), its cost and its raw posterior; `changed` holds the evidence of the
/// beads the reorder pass made (empty when it did not run).
fn calibrated<G, E>(
    calibration: &Calibration,
    (german, english): (&Letters<'_>, &Letters<'_>),
    count: usize,
    path: impl Iterator<Item = ((G, E), f64, f64)>,
    changed: &[Option<ReorderEvidence>],
) -> Vec<f64>
where
    G: ExactSizeIterator<Item = usize>,
    E: ExactSizeIterator<Item = usize>,
{
    let mut inputs = (Vec::with_capacity(count), Vec::with_capacity(count));
    inputs.extend(path.map(|((g, e), cost, posterior)| {
        let raw = (g.len(), e.len(), cost, posterior);
        (raw, (german.of(g), english.of(e)))
    }));
    calibration.confidences_with_evidence(&inputs.0, &inputs.1, changed)
}

/// Where the skip calibration reads the letters and digits of a side's sentences: the text
/// itself, or a count for each sentence made before the text was freed.
enum Letters<'a> {
    Text(&'a Text),
    Counted(&'a [u32]),
}

impl Letters<'_> {
    /// The letters and digits of `sentences`.
    fn of(&self, sentences: impl Iterator<Item = usize>) -> usize {
        match self {
            Letters::Text(text) => sentences
                .filter_map(|k| text.sentence(k))
                .map(letters_in)
                .sum(),
            Letters::Counted(counts) => sentences
                .filter_map(|k| counts.get(k))
                .map(|&n| n as usize)
                .sum(),
        }
    }
}

/// The letters and digits of each sentence of `text`.
fn letter_counts(text: &Text) -> Vec<u32> {
    text.sentences()
        .map(|s| u32::try_from(letters_in(s)).unwrap_or(u32::MAX))
        .collect()
}

/// The letters and digits of `sentence`, which the skip calibration reads.
fn letters_in(sentence: &str) -> usize {
    // ASCII is read byte by byte (no decoding, no table lookup): most sentences are ASCII.
    if sentence.is_ascii() {
        return sentence.bytes().filter(u8::is_ascii_alphanumeric).count();
    }
    sentence
        .chars()
        // Combining marks are no letters of their own: NFC and NFD text count alike.
        .filter(|&c| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c)
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn aligner_is_send_and_sync() {
        assert_send_sync::<Aligner>();
        assert_send_sync::<Alignment>();
    }

    #[test]
    fn a_document_whose_pairs_earn_much_skips_more_cheaply() {
        let aligner = Aligner::new();
        let beads = |cost: f64| -> Vec<search::FoundBead> {
            (0..20)
                .map(|k| search::FoundBead {
                    german: k..k + 1,
                    english: k..k + 1,
                    cost,
                    posterior: 1.0,
                })
                .collect()
        };
        let rate = aligner.config.costs.adaptive_skip_without_model;
        assert!(rate > 0.0);
        // Pairs that earn no more than the reference keep the full skip cost.
        assert_eq!(
            aligner.document_skip_factor(beads(-1.0).into_iter(), rate, false),
            1.0
        );
        // One nat beyond it takes `rate` off; the floor holds however much they earn.
        let factor = aligner.document_skip_factor(beads(-3.0).into_iter(), rate, false);
        assert!((factor - (1.0 - rate)).abs() < 1e-12, "{factor}");
        assert_eq!(
            aligner.document_skip_factor(beads(-50.0).into_iter(), rate, false),
            ADAPTIVE_SKIP_FLOOR
        );
        // A translation model's pairs earn more: its reference lies further down.
        assert_eq!(
            aligner.document_skip_factor(beads(-3.0).into_iter(), rate, true),
            1.0
        );
        // Too few pairs to tell: no change.
        assert_eq!(
            aligner.document_skip_factor(beads(-50.0)[..5].iter().cloned(), rate, false),
            1.0
        );
    }

    #[test]
    fn a_line_that_links_nothing_is_left_out_not_merged() {
        // The third German line renders nothing of the English: without the cost of an
        // unlinked sentence, merging it into its neighbour is cheaper than leaving it out.
        let german = [
            "Im Jahr 1987 kamen 250 Besucher nach Zürich.",
            "Am 3. Mai 2001 waren es 4500 in Genf.",
            "Das hat man damals sehr gern gesehen.",
            "Im Jahr 2010 zählte Basel 7300 Gäste.",
        ];
        let english = [
            "In 1987, 250 visitors came to Zürich.",
            "On 3 May 2001 there were 4500 in Geneva.",
            "In 2010, Basel counted 7300 guests.",
        ];
        let shapes = |config: AlignerConfig| -> Vec<(usize, usize)> {
            Aligner::from_config(config)
                .unwrap()
                .align_sentences(&german, &english)
                .unwrap()
                .beads()
                .map(|b| (b.german().len(), b.english().len()))
                .collect()
        };
        let mut free = AlignerConfig::default();
        free.costs.unlinked_sentence_cost = 0.0;
        free.costs.adaptive_skip_without_model = 0.0;
        let mut paying = free.clone();
        paying.costs.unlinked_sentence_cost = 3.0;
        assert_eq!(shapes(free), vec![(1, 1), (2, 1), (1, 1)]);
        assert_eq!(shapes(paying), vec![(1, 1), (1, 1), (1, 0), (1, 1)]);
    }

    #[test]
    fn empty_sides_align() {
        let aligner = Aligner::new();
        let none: [&str; 0] = [];
        assert_eq!(
            aligner.align_sentences(&none, &none).unwrap().beads().len(),
            0
        );
        let only_english = aligner.align_sentences(&none, &["One.", "Two."]).unwrap();
        assert_eq!(only_english.omissions().count(), 2);
        let only_german = aligner.align("Eins. Zwei.", "").unwrap();
        assert_eq!(only_german.additions().count(), 2);
    }

    #[test]
    fn one_to_one_only_cannot_align_unequal_counts() {
        let aligner = Aligner::builder()
            .shapes([BeadShape::new(1, 1)])
            .build()
            .unwrap();
        let err = aligner.align_sentences(&["a"], &["b", "c"]).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::NoAlignment {
                german: 1,
                english: 2
            }
        ));
    }

    #[test]
    fn banded_search_equals_exact_search_on_a_clean_pair() {
        let german: Vec<String> = (0..300)
            .map(|k| format!("Satz Nummer {k} mit {} Wörtern.", k % 7))
            .collect();
        let english: Vec<String> = (0..300)
            .map(|k| format!("Sentence number {k} with {} words.", k % 7))
            .collect();
        let exact = Aligner::builder().exact_search().build().unwrap();
        let search = SearchConfig {
            exact_cells: 100,
            band_width: 4,
            ..SearchConfig::default()
        };
        let banded = Aligner::builder().search(search).build().unwrap();
        let a = exact.align_sentences(&german, &english).unwrap();
        let b = banded.align_sentences(&german, &english).unwrap();
        let ranges = |x: &Alignment| {
            x.beads()
                .map(|b| (b.german().to_usize(), b.english().to_usize()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ranges(&a), ranges(&b));
    }

    #[test]
    fn the_cheap_bound_never_prunes_a_bead_below_its_cutoff() {
        let german = include_str!("../../examples/data/article.de.txt");
        let english = include_str!("../../examples/data/article.en.txt");
        let aligner = Aligner::new();
        let (german, english) = (
            Text::segment(german, crate::Lang::De),
            Text::segment(english, crate::Lang::En),
        );
        let mut features = PairFeatures::new(&german, &english);
        // With a translation model too, so that its ceiling is checked as well.
        let diagonal: Vec<_> = (0..german.len().min(english.len()))
            .map(|k| (k..k + 1, k..k + 1))
            .collect();
        assert!(features.learn_translation_model(&diagonal) > 0);
        let bound = AnchorBound::new(&features, &aligner.shapes, &aligner.built_in.prior);
        let mut pruned = 0;
        for i0 in 0..german.len() {
            for j0 in 0..english.len() {
                for &(a, b) in &aligner.shapes {
                    let (i1, j1) = (i0 + a, j0 + b);
                    if i1 > german.len() || j1 > english.len() {
                        continue;
                    }
                    let exact = aligner.built_in.cost(&features, &bound, i0..i1, j0..j1);
                    let by_scorers = aligner.built_in.prior.run_cost(&features, i0..i1, j0..j1)
                        + aligner.built_in.length.run_cost(&features, i0..i1, j0..j1)
                        + aligner.built_in.anchor.run_cost(&features, i0..i1, j0..j1)
                        + aligner
                            .built_in
                            .translation
                            .run_cost(&features, i0..i1, j0..j1);
                    // The kernel gives what the scorers give, to the bit.
                    assert_eq!(
                        exact.to_bits(),
                        by_scorers.to_bits(),
                        "{i0}..{i1} {j0}..{j1}"
                    );
                    let within = |cutoff: f64| {
                        aligner
                            .built_in
                            .cost_within(&features, &bound, i0..i1, j0..j1, cutoff)
                    };
                    // At or above its own cost, a bead is always scored, and exactly.
                    assert_eq!(within(exact), exact, "{i0}..{i1} {j0}..{j1}");
                    assert_eq!(within(exact + 5.0), exact);
                    // Below, it may be given up on (and then only then).
                    let low = within(exact - 20.0);
                    assert!(low == exact || low == f64::INFINITY);
                    pruned += usize::from(low == f64::INFINITY);
                }
            }
        }
        assert!(pruned > 0, "the bound never pruned anything");
    }

    /// Counts its calls; costs 0.5 a bead with two sides, with or without saying so.
    #[derive(Debug, Default)]
    struct Counting {
        calls: std::sync::atomic::AtomicUsize,
        bounded: bool,
    }

    impl Scorer for Counting {
        fn cost(&self, _: &PairFeatures<'_>, bead: Candidate) -> f64 {
            self.calls
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if bead.german().is_empty() || bead.english().is_empty() {
                0.0
            } else {
                0.5
            }
        }

        fn lower_bound(&self) -> Option<f64> {
            self.bounded.then_some(0.0)
        }
    }

    #[test]
    fn a_user_scorer_with_a_lower_bound_keeps_the_pruning() {
        let german = include_str!("../../examples/data/article.de.txt");
        let english = include_str!("../../examples/data/article.en.txt");
        let run = |bounded: bool| {
            let counting = Arc::new(Counting {
                bounded,
                ..Counting::default()
            });
            let aligner = Aligner::builder()
                .scorer(1.0, counting.clone())
                .build()
                .unwrap();
            let alignment = aligner.align(german, english).unwrap();
            let beads: Vec<_> = alignment
                .beads()
                .map(|b| (b.german().to_usize(), b.english().to_usize(), b.cost()))
                .collect();
            (
                beads,
                counting.calls.load(std::sync::atomic::Ordering::Relaxed),
            )
        };
        let (exact, all_calls) = run(false);
        let (pruned, fewer_calls) = run(true);
        assert_eq!(exact, pruned);
        assert!(fewer_calls < all_calls, "{fewer_calls} of {all_calls}");
    }

    #[test]
    fn align_beads_gives_the_beads_of_align_texts() {
        // The article six times (about 80 sentences a side), whole and with every third German
        // sentence left out; once more with the sample path of a long document (a first pass
        // over windows) taken from 40 sentences on.
        let german = &include_str!("../../examples/data/article.de.txt").repeat(6);
        let english = &include_str!("../../examples/data/article.en.txt").repeat(6);
        let cut = Text::from_sentences(
            Text::segment(german, crate::Lang::De)
                .sentences()
                .enumerate()
                .filter(|(k, _)| k % 3 != 1)
                .map(|(_, s)| s.to_owned()),
        );
        let mut sampled = AlignerConfig::default();
        sampled.search.first_pass_rows = 40;
        let mut reordering = AlignerConfig::default();
        reordering.reorder.enabled = true;
        for config in [AlignerConfig::default(), sampled, reordering] {
            let aligner = Aligner::from_config(config).unwrap();
            for german in [Text::segment(german, crate::Lang::De), cut.clone()] {
                let english = Text::segment(english, crate::Lang::En);
                let whole = aligner
                    .align_texts(german.clone(), english.clone())
                    .unwrap();
                let beads = aligner.align_beads(german, english).unwrap();
                assert!(beads.len() > 20, "{} beads", beads.len());
                assert_eq!(beads, whole.into_parts().2);
            }
        }
    }

    #[test]
    fn letters_are_counted_alike_byte_by_byte_and_char_by_char() {
        let by_chars = |s: &str| {
            s.chars()
                .filter(|&c| {
                    c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c)
                })
                .count()
        };
        for s in [
            "",
            "Plain ASCII, 42 words!",
            "\t\x0b\x0c\r\n x",
            "Grüße aus Zürich",
            "u\u{308}ber 3²",
        ] {
            assert_eq!(letters_in(s), by_chars(s), "{s:?}");
        }
        assert_eq!(letters_in("Grüße 12"), 7);
    }
}
