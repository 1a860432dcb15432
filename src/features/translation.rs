//! The lexical translation model of a document pair: IBM Model 1 in both directions, learned
//! from beads believed right, and the per-sentence evidence it gives a candidate bead.
//!
//! For a candidate bead, every sentence of either side is judged on its own against the other
//! side's run: the mean, over its modelled words `w`, of the log-likelihood ratio
//! `ln(λ·p(w | other run) / p(w) + 1 - λ)`, where `p(w | other run)` is Model 1's probability
//! of `w` given the other run's words (and the empty word) and `p(w)` the chance of `w` (its
//! share of the words of its side), so that a word explained no better than by chance scores
//! 0, one explained by its translation scores up to the cap, and one that nothing explains
//! `ln(1 - λ)`. The mean is taken over `n + PRIOR_WORDS` words, so that a sentence of few
//! words says less. A bead's evidence is the sum over its sentences, half a sentence each: two
//! 1-1 beads and the 2-2 of the same four sentences earn alike when every sentence is
//! explained, and a sentence merged into a bead that does not render it costs.
//!
//! Only words seen in at least two sentences of each side's training beads are modelled
//! (rare words seen once would act as garbage collectors of Model 1's probability mass).

use std::cell::RefCell;
use std::ops::Range;

use super::PairFeatures;
use super::rows::Rows;
use super::side::SideFeatures;
use super::tokenize::AnchorKind;
use rustc_hash::FxHashMap;

use crate::lexicon::{CorpusTranslationModel, TranslationTable};

/// The mixing weight λ of the model against chance.
const LAMBDA: f32 = 0.5;
/// The most a word's log-likelihood ratio counts.
const MAX_RATIO: f32 = 2.0;
/// Words a sentence's mean is shrunk with (each scores 0).
const PRIOR_WORDS: f32 = 2.0;
/// Rounds of EM.
const ITERATIONS: usize = 5;
/// Sentences of the other side each sentence is read against to learn what chance gives it.
pub(crate) const CHANCE_PARTNERS: usize = 4;
/// Where between chance (0) and a true pair's typical evidence (1) a sentence's shortfall
/// starts: a sentence explained better than this pays nothing, one explained no better than
/// by a random partner pays its whole gap (measured on the development sets, 2026-12-06:
/// 0.5 breaks many true pairs that the model explains loosely, 0.2 and 0.3 fewer).
const SHORTFALL_MIDPOINT: f32 = 0.2;
/// The fewest confident 1-1 beads that calibrate the shortfall.
pub(crate) const SHORTFALL_MIN_BEADS: usize = 10;

/// Model 1 in both directions over the modelled words of a document pair.
#[derive(Debug, Clone, Default)]
pub(crate) struct TranslationModel {
    /// The modelled word types of each sentence, per side.
    german_words: Rows,
    english_words: Rows,
    /// `t(English | German)` and `t(German | English)`.
    english_given_german: TranslationTable,
    german_given_english: TranslationTable,
    /// The chance of each type among its side's modelled words.
    german_chance: Vec<f32>,
    english_chance: Vec<f32>,
    /// What each sentence's words earn against its true partner and against chance, once
    /// calibrated (see [`PairFeatures::calibrate_translation_shortfall`]).
    shortfall: Option<ShortfallTargets>,
}

/// For each sentence of each side, the summed log-likelihood ratio of its words below which
/// it falls short (what a random partner gives it plus [`SHORTFALL_MIDPOINT`] of the way to
/// what a true partner gives a sentence of its words) and the most it can fall short (that
/// way, reached when a partner explains it no better than a random sentence).
#[derive(Debug, Clone, Default)]
struct ShortfallTargets {
    german: Vec<(f32, f32)>,
    english: Vec<(f32, f32)>,
}

/// The translation evidence of a candidate bead (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TranslationEvidence {
    /// Summed per-sentence evidence of the German sentences.
    pub german: f32,
    /// Summed per-sentence evidence of the English sentences.
    pub english: f32,
    /// Summed shortfall of the bead's sentences, of both sides, in nats of summed
    /// log-likelihood ratio: how far the words of each fall short of a little better than
    /// chance, at most as far as a random sentence of the document would leave them (0 until
    /// calibrated, see [`PairFeatures::calibrate_translation_shortfall`]).
    pub shortfall: f32,
}

impl TranslationEvidence {
    /// Half the summed evidence of every sentence of the bead.
    pub fn total(&self) -> f32 {
        (self.german + self.english) / 2.0
    }
}

impl PairFeatures<'_> {
    /// Learns the translation model (IBM Model 1 in both directions) from beads believed
    /// right, typically the confident beads of a first pass; replaces any model learned
    /// before. Returns the number of kept translation entries (0 when the tokens were released
    /// or the beads teach nothing).
    pub(crate) fn learn_translation_model(
        &mut self,
        beads: &[(Range<usize>, Range<usize>)],
    ) -> usize {
        if self.german.tokens_released || self.english.tokens_released || beads.is_empty() {
            return 0;
        }
        let (mut german, mut english) = (Vec::new(), Vec::new());
        let mut pairs = Vec::with_capacity(beads.len());
        // Types seen in at least two sentences of the training beads.
        let mut german_seen = vec![0u32; self.german.types.len()];
        let mut english_seen = vec![0u32; self.english.types.len()];
        for (g, e) in beads {
            for k in g.clone() {
                for t in self.german.tokens(k) {
                    german_seen[t as usize] += 1;
                }
            }
            for k in e.clone() {
                for t in self.english.tokens(k) {
                    english_seen[t as usize] += 1;
                }
            }
        }
        let modelled = |side: &SideFeatures, seen: &[u32], t: u32| {
            seen[t as usize] >= 2 && side.types[t as usize].kind == AnchorKind::Word
        };
        for (g, e) in beads {
            german.clear();
            english.clear();
            for k in g.clone() {
                german.extend(
                    self.german
                        .tokens(k)
                        .filter(|&t| modelled(&self.german, &german_seen, t)),
                );
            }
            for k in e.clone() {
                english.extend(
                    self.english
                        .tokens(k)
                        .filter(|&t| modelled(&self.english, &english_seen, t)),
                );
            }
            if !german.is_empty() && !english.is_empty() {
                pairs.push((german.clone(), english.clone()));
            }
        }
        if pairs.is_empty() {
            return 0;
        }
        let (german_types, english_types) = (self.german.types.len(), self.english.types.len());
        let english_given_german =
            TranslationTable::train(&pairs, german_types, english_types, ITERATIONS);
        let swapped: Vec<(Vec<u32>, Vec<u32>)> = pairs.into_iter().map(|(g, e)| (e, g)).collect();
        let german_given_english =
            TranslationTable::train(&swapped, english_types, german_types, ITERATIONS);
        let (german_words, german_chance) =
            modelled_words(&self.german, |t| modelled(&self.german, &german_seen, t));
        let (english_words, english_chance) =
            modelled_words(&self.english, |t| modelled(&self.english, &english_seen, t));
        let entries = english_given_german.len() + german_given_english.len();
        self.translation = Some(std::sync::Arc::new(TranslationModel::new(
            (german_words, german_chance),
            (english_words, english_chance),
            english_given_german,
            german_given_english,
        )));
        entries
    }

    /// Adopts the translation model learned across a batch (see
    /// [`Batch::learn_across`](crate::Batch::learn_across)) for this document pair: the
    /// document's word types that the batch model knows become its modelled words, under the
    /// batch's probabilities; the chance of each word is its share of the document's modelled
    /// words. Replaces any model learned before. Returns the number of kept translation
    /// entries (0 when the tokens were released or the model knows none of the words).
    pub(crate) fn adopt_translation_model(&mut self, corpus: &CorpusTranslationModel) -> usize {
        if self.german.tokens_released || self.english.tokens_released || corpus.is_empty() {
            return 0;
        }
        let ids = |side: &SideFeatures, id: &dyn Fn(&str) -> Option<u32>| -> Vec<Option<u32>> {
            side.types
                .iter()
                .map(|info| {
                    (info.kind == AnchorKind::Word)
                        .then(|| id(side.key_of(info)))
                        .flatten()
                })
                .collect()
        };
        let german_ids = ids(&self.german, &|key| corpus.german_id(key));
        let english_ids = ids(&self.english, &|key| corpus.english_id(key));
        let local = |ids: &[Option<u32>]| -> FxHashMap<u32, u32> {
            ids.iter()
                .enumerate()
                .filter_map(|(t, id)| id.map(|id| (id, t as u32)))
                .collect()
        };
        let (german_local, english_local) = (local(&german_ids), local(&english_ids));
        let english_given_german = corpus.english_given_german().remap(
            &german_ids,
            |t| english_local.get(&t).copied(),
            self.english.types.len(),
        );
        let german_given_english = corpus.german_given_english().remap(
            &english_ids,
            |t| german_local.get(&t).copied(),
            self.german.types.len(),
        );
        let entries = english_given_german.len() + german_given_english.len();
        if entries == 0 {
            return 0;
        }
        let (german_words, german_chance) =
            modelled_words(&self.german, |t| german_ids[t as usize].is_some());
        let (english_words, english_chance) =
            modelled_words(&self.english, |t| english_ids[t as usize].is_some());
        self.translation = Some(std::sync::Arc::new(TranslationModel::new(
            (german_words, german_chance),
            (english_words, english_chance),
            english_given_german,
            german_given_english,
        )));
        entries
    }

    /// The most translation evidence each German and each English sentence can give (empty
    /// without a model), plus rounding room. A word's probability given any run is at most
    /// the largest of its translation probabilities (Model 1 averages them), so its ratio is at
    /// most that of the largest.
    pub(crate) fn translation_ceilings(&self) -> (Vec<f32>, Vec<f32>) {
        let Some(model) = &self.translation else {
            return (Vec::new(), Vec::new());
        };
        let ceiling = |rows: &Rows, table: &TranslationTable, chance: &[f32]| {
            let best = table.best_probabilities(chance.len());
            let word = |t: u32| ratio(best[t as usize], chance[t as usize]);
            (0..rows.rows())
                .map(|k| {
                    let row = rows.row(k);
                    let sum: f32 = row.iter().map(|&t| word(t)).sum();
                    sum.max(0.0) / (row.len() as f32 + PRIOR_WORDS) + 1e-3
                })
                .collect()
        };
        (
            ceiling(
                &model.german_words,
                &model.german_given_english,
                &model.german_chance,
            ),
            ceiling(
                &model.english_words,
                &model.english_given_german,
                &model.english_chance,
            ),
        )
    }

    /// Calibrates the shortfall of each sentence (see [`TranslationEvidence::shortfall`])
    /// against `beads`, the beads believed right that taught the model: a word of a true
    /// pair earns the median, over the sentences of their 1-1 beads, of a sentence's summed
    /// log-likelihood ratio per modelled word; a sentence paired with a random one earns, as
    /// Vecalign normalises its similarities, the mean of what it earns against
    /// [`CHANCE_PARTNERS`] sentences of the other side spread evenly around the document from
    /// its place. A sentence falls short below [`SHORTFALL_MIDPOINT`] of the way from chance to
    /// its words times the true rate, by at most that way (explained no better than by a
    /// random partner), so that a long sentence of content words that should link something
    /// may fall shorter than a short one. Linear in the document:
    /// [`CHANCE_PARTNERS`] single-sentence beads a sentence. Returns whether it calibrated
    /// (a model, at least [`SHORTFALL_MIN_BEADS`] 1-1 beads and [`CHANCE_PARTNERS`] + 1
    /// sentences a side).
    pub(crate) fn calibrate_translation_shortfall(
        &mut self,
        beads: &[(Range<usize>, Range<usize>)],
    ) -> bool {
        let Some(model) = &self.translation else {
            return false;
        };
        let one_to_one: Vec<(usize, usize)> = beads
            .iter()
            .filter(|(g, e)| g.len() == 1 && e.len() == 1)
            .map(|(g, e)| (g.start, e.start))
            .collect();
        let (germans, englishes) = (model.german_words.rows(), model.english_words.rows());
        if one_to_one.len() < SHORTFALL_MIN_BEADS
            || germans <= CHANCE_PARTNERS
            || englishes <= CHANCE_PARTNERS
        {
            return false;
        }
        let targets = SCRATCH.with_borrow_mut(|scratch| ShortfallTargets {
            german: model.shortfall_targets(
                scratch,
                (&model.english_words, &model.german_words),
                (&model.german_given_english, &model.german_chance),
                one_to_one.iter().map(|&(g, e)| (e, g)),
            ),
            english: model.shortfall_targets(
                scratch,
                (&model.german_words, &model.english_words),
                (&model.english_given_german, &model.english_chance),
                one_to_one.iter().copied(),
            ),
        });
        if let Some(model) = &mut self.translation {
            std::sync::Arc::make_mut(model).shortfall = Some(targets);
        }
        true
    }

    /// Whether a translation model was learned.
    pub(crate) fn has_translation_model(&self) -> bool {
        self.translation.is_some()
    }

    /// The translation evidence of the bead linking `german` with `english` (0 without a
    /// model, or when a run is empty).
    pub(crate) fn translation_evidence(
        &self,
        german: Range<usize>,
        english: Range<usize>,
    ) -> TranslationEvidence {
        let Some(model) = &self.translation else {
            return TranslationEvidence::default();
        };
        if german.is_empty() || english.is_empty() {
            return TranslationEvidence::default();
        }
        model.evidence(german, english)
    }

    /// [`translation_evidence`](Self::translation_evidence) of a bead whose sides are any sets
    /// of sentences, each given in order (the same numbers for runs).
    pub(crate) fn set_translation_evidence(
        &self,
        german: &[usize],
        english: &[usize],
    ) -> TranslationEvidence {
        let Some(model) = &self.translation else {
            return TranslationEvidence::default();
        };
        if german.is_empty() || english.is_empty() {
            return TranslationEvidence::default();
        }
        model.evidence(german.iter().copied(), english.iter().copied())
    }
}

impl TranslationModel {
    /// The evidence of the bead of the non-empty sentence sets `german` and `english`.
    fn evidence<G, E>(&self, german: G, english: E) -> TranslationEvidence
    where
        G: Iterator<Item = usize> + Clone,
        E: Iterator<Item = usize> + Clone,
    {
        let targets = self.shortfall.as_ref();
        SCRATCH.with_borrow_mut(|scratch| {
            let (english_evidence, english_shortfall) = self.side_evidence(
                scratch,
                (&self.german_words, german.clone()),
                (&self.english_words, english.clone()),
                (&self.english_given_german, &self.english_chance),
                targets.map(|t| t.english.as_slice()),
            );
            let (german_evidence, german_shortfall) = self.side_evidence(
                scratch,
                (&self.english_words, english),
                (&self.german_words, german),
                (&self.german_given_english, &self.german_chance),
                targets.map(|t| t.german.as_slice()),
            );
            TranslationEvidence {
                english: english_evidence,
                german: german_evidence,
                shortfall: english_shortfall + german_shortfall,
            }
        })
    }
}

thread_local! {
    /// Scratch of [`PairFeatures::translation_evidence`], one per thread.
    static SCRATCH: RefCell<Scratch> = const {
        RefCell::new(Scratch { generation: 0, marks: Vec::new(), sums: Vec::new() })
    };
}

/// Sums of `t(target | source run)` over target types, valid where the mark is current.
#[derive(Debug)]
struct Scratch {
    generation: u32,
    marks: Vec<u32>,
    sums: Vec<f32>,
}

impl TranslationModel {
    /// The model of both sides' modelled words (rows and chances) and both tables.
    fn new(
        (german_words, german_chance): (Rows, Vec<f32>),
        (english_words, english_chance): (Rows, Vec<f32>),
        english_given_german: TranslationTable,
        german_given_english: TranslationTable,
    ) -> TranslationModel {
        TranslationModel {
            german_words,
            english_words,
            english_given_german,
            german_given_english,
            german_chance,
            english_chance,
            shortfall: None,
        }
    }

    /// Summed per-sentence evidence of the sentences of `target` given the `source` run,
    /// under `table` = `t(target | source)`, and their summed shortfall against `targets`
    /// (0 without).
    fn side_evidence(
        &self,
        scratch: &mut Scratch,
        (source_words, source): (&Rows, impl Iterator<Item = usize>),
        (target_words, target): (&Rows, impl Iterator<Item = usize>),
        (table, chance): (&TranslationTable, &[f32]),
        targets: Option<&[(f32, f32)]>,
    ) -> (f32, f32) {
        let norm = scratch.explain(source_words, source, table, chance.len());
        let (mut evidence, mut shortfall) = (0.0, 0.0);
        for k in target {
            let row = target_words.row(k);
            if row.is_empty() {
                continue;
            }
            let sum = scratch.row_sum(row, table, chance, norm);
            evidence += sum / (row.len() as f32 + PRIOR_WORDS);
            // Under Model 1's own norm: a merged run explains a word no better than the one
            // sentence that renders it (read against the mean sentence instead, a 2-2 earned
            // more than the two 1-1 of the same sentences and won on the clean WMT21 set).
            if let Some(&(expected, gap)) = targets.and_then(|t| t.get(k)) {
                shortfall += (expected - sum).clamp(0.0, gap);
            }
        }
        (evidence, shortfall)
    }

    /// The (expected, gap) pair of every sentence of the target side (see
    /// [`PairFeatures::calibrate_translation_shortfall`]), from the `pairs` (source sentence,
    /// target sentence) of true 1-1 beads.
    fn shortfall_targets(
        &self,
        scratch: &mut Scratch,
        (source_words, target_words): (&Rows, &Rows),
        (table, chance): (&TranslationTable, &[f32]),
        pairs: impl Iterator<Item = (usize, usize)>,
    ) -> Vec<(f32, f32)> {
        let mut rates: Vec<f32> = pairs
            .filter(|&(_, k)| !target_words.row(k).is_empty())
            .map(|(j, k)| {
                let sum = Self::sentence_sum(
                    scratch,
                    (source_words, j),
                    (target_words, k),
                    (table, chance),
                );
                sum / target_words.row(k).len() as f32
            })
            .collect();
        let (targets, sources) = (target_words.rows(), source_words.rows());
        if rates.is_empty() {
            return vec![(0.0, 0.0); targets];
        }
        rates.sort_unstable_by(f32::total_cmp);
        let rate = rates[rates.len() / 2];
        (0..targets)
            .map(|k| {
                let words = target_words.row(k).len() as f32;
                if words == 0.0 {
                    return (0.0, 0.0);
                }
                let place = k * sources / targets;
                let chance_sum: f32 = (1..=CHANCE_PARTNERS)
                    .map(|r| {
                        let j = (place + sources * r / (CHANCE_PARTNERS + 1)) % sources;
                        Self::sentence_sum(
                            scratch,
                            (source_words, j),
                            (target_words, k),
                            (table, chance),
                        )
                    })
                    .sum();
                let at_chance = chance_sum / CHANCE_PARTNERS as f32;
                let gap = SHORTFALL_MIDPOINT * (rate * words - at_chance).max(0.0);
                (at_chance + gap, gap)
            })
            .collect()
    }

    /// The summed log-likelihood ratio of target sentence `k`'s words given the single source
    /// sentence `j` (0 when either has no modelled words).
    fn sentence_sum(
        scratch: &mut Scratch,
        (source_words, j): (&Rows, usize),
        (target_words, k): (&Rows, usize),
        (table, chance): (&TranslationTable, &[f32]),
    ) -> f32 {
        let row = target_words.row(k);
        if row.is_empty() {
            return 0.0;
        }
        let norm = scratch.explain(source_words, std::iter::once(j), table, chance.len());
        scratch.row_sum(row, table, chance, norm)
    }
}

impl Scratch {
    /// Sums `t(target | s)` over the words `s` of the `source` run into the scratch (for
    /// `types` target types), and returns Model 1's norm `1 / (words + 1)`.
    fn explain(
        &mut self,
        source_words: &Rows,
        source: impl Iterator<Item = usize>,
        table: &TranslationTable,
        types: usize,
    ) -> f32 {
        if self.marks.len() < types {
            self.marks.resize(types, 0);
            self.sums.resize(types, 0.0);
        }
        if self.generation == u32::MAX {
            self.marks.fill(0);
            self.generation = 0;
        }
        self.generation += 1;
        let generation = self.generation;
        let mut source_count = 0usize;
        for k in source {
            for &s in source_words.row(k) {
                source_count += 1;
                let (targets, probabilities) = table.translations(s);
                for (&t, &p) in targets.iter().zip(probabilities) {
                    let t = t as usize;
                    if self.marks[t] != generation {
                        self.marks[t] = generation;
                        self.sums[t] = 0.0;
                    }
                    self.sums[t] += p;
                }
            }
        }
        1.0 / (source_count as f32 + 1.0)
    }

    /// The summed log-likelihood ratio of the words of `row` given the run in the scratch.
    fn row_sum(&self, row: &[u32], table: &TranslationTable, chance: &[f32], norm: f32) -> f32 {
        let mut sum = 0.0;
        for &t in row {
            let linked = if self.marks[t as usize] == self.generation {
                self.sums[t as usize]
            } else {
                0.0
            };
            sum += ratio((table.empty(t) + linked) * norm, chance[t as usize]);
        }
        sum
    }
}

/// The modelled word types of each sentence of `side` (those `modelled` accepts), and the
/// chance of each type: its share of the side's modelled words (at least one count).
fn modelled_words(side: &SideFeatures, modelled: impl Fn(u32) -> bool) -> (Rows, Vec<f32>) {
    let mut rows = Rows::new();
    let mut counts = vec![0u32; side.types.len()];
    let mut total = 0u32;
    for k in 0..side.len() {
        let row = side.tokens(k).filter(|&t| modelled(t));
        rows.push_row(row.inspect(|&t| {
            counts[t as usize] += 1;
            total += 1;
        }));
    }
    let chance = counts
        .iter()
        .map(|&c| (c.max(1) as f32) / (total.max(1) as f32))
        .collect();
    (rows, chance)
}

/// The capped log-likelihood ratio of a word of probability `p` under the model and `chance`
/// by chance (monotone in `p`).
fn ratio(p: f32, chance: f32) -> f32 {
    (LAMBDA * p / chance + (1.0 - LAMBDA)).ln().min(MAX_RATIO)
}

#[cfg(test)]
mod tests {
    use crate::Text;
    use crate::features::PairFeatures;
    use crate::lexicon::{CorpusTranslationModel, word_keys as keys};

    #[test]
    fn a_document_adopts_what_the_batch_learned() {
        let beads = vec![
            (keys("haus alt"), keys("house old")),
            (keys("haus rot"), keys("house red")),
            (keys("berg alt"), keys("mountain old")),
            (keys("berg rot"), keys("mountain red")),
        ];
        let corpus = CorpusTranslationModel::learn(&beads, &[]);
        let german = Text::from_lines("Das Haus.\nDer Berg.\n");
        let english = Text::from_lines("The house.\nThe mountain.\n");
        let mut pair = PairFeatures::new(&german, &english);
        assert!(!pair.has_translation_model());
        assert!(pair.adopt_translation_model(&corpus) > 0);
        assert!(pair.has_translation_model());
        let evidence = |g: std::ops::Range<usize>, e| pair.translation_evidence(g, e).total();
        assert!(evidence(0..1, 0..1) > evidence(0..1, 1..2));
        assert!(evidence(1..2, 1..2) > evidence(1..2, 0..1));
        // Nothing known: nothing adopted.
        let unknown = CorpusTranslationModel::learn(&[(keys("x y"), keys("z w"))], &[]);
        assert_eq!(pair.adopt_translation_model(&unknown), 0);
    }
}

#[cfg(test)]
mod shortfall_tests {
    use crate::Text;
    use crate::features::PairFeatures;

    #[test]
    fn a_pair_no_better_than_chance_falls_short_and_a_true_pair_does_not() {
        let cycle = |lines: [&str; 4]| -> Vec<String> {
            (0..29).map(|k| lines[k % 4].to_string()).collect()
        };
        let german = Text::from_sentences(cycle([
            "Der Berg ist hoch und steil.",
            "Das Haus ist alt und rot.",
            "Die Katze schläft im Garten.",
            "Ein Zug fährt nach Bern.",
        ]));
        let english = Text::from_sentences(cycle([
            "The mountain is high and steep.",
            "The house is old and red.",
            "The cat sleeps in the garden.",
            "A train goes to Bern.",
        ]));
        let mut pair = PairFeatures::new(&german, &english);
        let beads: Vec<_> = (0..29).map(|k| (k..k + 1, k..k + 1)).collect();
        assert!(pair.learn_translation_model(&beads) > 0);
        let shortfall = |pair: &PairFeatures<'_>, g: usize, e: usize| {
            pair.translation_evidence(g..g + 1, e..e + 1).shortfall
        };
        // Not calibrated: nothing falls short.
        assert_eq!(shortfall(&pair, 4, 5), 0.0);
        assert!(pair.calibrate_translation_shortfall(&beads));
        assert!(shortfall(&pair, 4, 4) < 1e-3, "{}", shortfall(&pair, 4, 4));
        assert!(shortfall(&pair, 4, 5) > 0.1, "{}", shortfall(&pair, 4, 5));
        // Too few beads calibrate nothing.
        let mut few = PairFeatures::new(&german, &english);
        assert!(few.learn_translation_model(&beads) > 0);
        assert!(!few.calibrate_translation_shortfall(&beads[..5]));
    }
}
