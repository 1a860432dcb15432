//! Features computed once per sentence, before the search.
//!
//! Scoring a bead must never re-read raw text, so everything a [`Scorer`](crate::Scorer)
//! needs is extracted here into compact arrays:
//!
//! - the length of each sentence in characters (white space excluded);
//! - its *tokens*: words, numbers and marked punctuation, each interned as a type id of its
//!   side (each type once per sentence);
//! - *links* between German and English types that are evidence of translation: the same
//!   number (`1.000,5` = `1,000.5`, `29.` = `29th`), the same or a near-identical word after
//!   folding (names, cognates, acronyms: `Rzayev`, `Aserbaidschan` / `Azerbaijan`), the same
//!   marked punctuation, and word pairs learned from the document pair itself
//!   ([`PairFeatures::learn_lexicon`]) or given by a dictionary.
//!
//! A token is *linkable* when one of its links points at a type that occurs on the other side
//! of the document pair; only linkable tokens are evidence. For a candidate bead,
//! [`PairFeatures::evidence`] counts the linkable tokens of each side that find a partner on
//! the other side of the bead (matched) and those that do not (unmatched).

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::cooccurrence::Cooccurrence;
use crate::normalize::word_key_into;
use crate::text::Text;

/// The kinds of tokens, which carry different weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum AnchorKind {
    /// A number, with separators removed: German `1.000,5` and English `1,000.5` both read
    /// `10005`; ordinals `29.` and `29th` both read `29`.
    Number = 0,
    /// A word.
    Word = 1,
    /// Marked punctuation: `?`, `!`, `:`, `;`, quotes, brackets, `%`, currency signs.
    Punctuation = 2,
}

/// Type ids of one side, sentence by sentence (a compressed sparse row table).
#[derive(Debug, Clone, Default)]
struct Rows {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            offsets: vec![0],
            values: Vec::new(),
        }
    }

    fn push_row(&mut self, row: impl IntoIterator<Item = u32>) {
        self.values.extend(row);
        self.offsets.push(self.values.len() as u32);
    }

    fn row(&self, k: usize) -> &[u32] {
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&start), Some(&end)) => &self.values[start as usize..end as usize],
            _ => &[],
        }
    }

    fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// `rows` rows from `(row, value)` pairs sorted and free of repeats: row `k` holds the
    /// values paired with `k`, in order.
    fn from_sorted_pairs(rows: usize, pairs: &[(u32, u32)]) -> Rows {
        let mut table = Rows {
            offsets: Vec::with_capacity(rows + 1),
            values: Vec::with_capacity(pairs.len()),
        };
        table.offsets.push(0);
        let mut rest = pairs;
        for k in 0..rows as u32 {
            let end = rest.partition_point(|&(row, _)| row == k);
            table.push_row(rest[..end].iter().map(|&(_, value)| value));
            rest = &rest[end..];
        }
        table
    }

    /// The `(row, value)` pairs of the table, sorted.
    fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.rows()).flat_map(move |k| self.row(k).iter().map(move |&v| (k as u32, v)))
    }
}

/// A type of one side's vocabulary.
#[derive(Debug, Clone)]
struct TypeInfo {
    kind: AnchorKind,
    /// Folded key (a skeleton for words, digits for numbers).
    key: Box<str>,
    /// Number of sentences the type occurs in.
    sentences: u32,
}

/// Per-sentence features of one side.
#[derive(Debug, Clone, Default)]
pub struct SideFeatures {
    lengths: Vec<f32>,
    shapes: Vec<SentenceShape>,
    /// Every type of each sentence, sorted, each once.
    tokens: Rows,
    /// The linkable types of each sentence, sorted, each once.
    linkable: Rows,
    types: Vec<TypeInfo>,
    /// Weight of each type as evidence (0 when it is not linkable).
    weights: Vec<f32>,
    /// Links from each type to types of the other side, sorted, each once.
    links: Rows,
    /// What evidence needs of each type, in one place: its weight and its link, or
    /// [`MANY_LINKS`] when it has several (or none).
    evidence_links: Vec<(f32, u32)>,
    /// Whether `tokens` was freed (see [`PairFeatures::release_tokens`]).
    tokens_released: bool,
}

/// Stands for the link of a type that has more than one (or none) in
/// `SideFeatures::evidence_links`.
const MANY_LINKS: u32 = u32::MAX;

impl SideFeatures {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether the side has no sentence.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Length of sentence `k` in characters, white space excluded (0 past the end).
    pub fn length(&self, k: usize) -> f32 {
        self.lengths.get(k).copied().unwrap_or(0.0)
    }

    /// The length of every sentence, in characters without white space.
    pub(crate) fn lengths(&self) -> &[f32] {
        &self.lengths
    }

    /// Surface traits of sentence `k` (default past the end).
    pub fn shape(&self, k: usize) -> SentenceShape {
        self.shapes.get(k).copied().unwrap_or_default()
    }

    /// Summed length of the sentences in `run`.
    pub fn run_length(&self, run: Range<usize>) -> f32 {
        self.lengths.get(run).map_or(0.0, |l| l.iter().sum())
    }

    /// The type ids of sentence `k`, sorted, each once.
    pub fn tokens(&self, k: usize) -> &[u32] {
        self.tokens.row(k)
    }

    /// The linkable type ids of sentence `k` (those with a partner type on the other side of
    /// the document pair), sorted, each once.
    pub fn linkable(&self, k: usize) -> &[u32] {
        self.linkable.row(k)
    }

    /// Number of types in the side's vocabulary.
    pub fn vocabulary_len(&self) -> usize {
        self.types.len()
    }

    /// Weight of a type as evidence, in `[0, 1]`.
    pub fn weight(&self, type_id: u32) -> f32 {
        self.weights.get(type_id as usize).copied().unwrap_or(0.0)
    }

    /// The types of the other side that `type_id` links to.
    pub fn links(&self, type_id: u32) -> &[u32] {
        self.links.row(type_id as usize)
    }

    /// The word types of the sentences in `run`, sorted, each once, into `out`.
    /// Only words that occur in at least `min_sentences` sentences are kept.
    pub(crate) fn word_set(&self, run: Range<usize>, min_sentences: u32, out: &mut Vec<u32>) {
        out.clear();
        for k in run {
            out.extend(self.tokens(k).iter().copied().filter(|&t| {
                let info = &self.types[t as usize];
                info.kind == AnchorKind::Word && info.sentences >= min_sentences
            }));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The folded key of a type (for diagnostics).
    pub fn key(&self, type_id: u32) -> Option<&str> {
        self.types.get(type_id as usize).map(|t| &*t.key)
    }
}

/// Surface traits of a sentence that tell fragments and debris from sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentenceShape {
    /// The sentence ends without sentence-final punctuation (`.`, `!`, `?`, `…`, possibly
    /// followed by closing quotes or brackets): a headline, a caption, or a fragment.
    pub open_end: bool,
    /// The sentence ends as if it went on: with `,`, `;`, `:`, a dash or hyphen, an opening
    /// bracket or quote (a line broken inside a sentence).
    pub continues: bool,
    /// The first letter of the sentence is lower case (it continues the line before).
    pub starts_lower: bool,
    /// The sentence looks like debris rather than text: fewer than 12 letters, or fewer letters
    /// than other non-space characters (page numbers, OCR noise, `Tags:`).
    pub debris: bool,
}

impl SentenceShape {
    fn of(sentence: &str) -> SentenceShape {
        let trimmed = sentence.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | ')' | ']' | '»' | '«' | '“' | '”' | '’' | '‘' | '›' | '‹'
                )
        });
        let open_end = !trimmed.ends_with(['.', '!', '?', '…']);
        let continues = sentence
            .trim_end()
            .ends_with([',', ';', ':', '-', '–', '—', '(', '[', '„', '«', '»', '"']);
        let starts_lower = sentence
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        let (mut letters, mut others) = (0usize, 0usize);
        for c in sentence.chars() {
            if c.is_alphabetic() {
                letters += 1;
            } else if !c.is_whitespace() {
                others += 1;
            }
        }
        SentenceShape {
            open_end,
            continues,
            starts_lower,
            debris: letters < 12 || letters < others,
        }
    }
}

/// A source of German → English word translations, such as a bilingual dictionary.
///
/// Words are given and returned under their [`word_key`](crate::normalize::word_key).
pub trait WordTranslations: Send + Sync + std::fmt::Debug {
    /// The keys of the English translations of the German word with key `german_key`
    /// (empty when there is none).
    fn translations(&self, german_key: &str) -> &[String];
}

/// Matched and unmatched evidence of a candidate bead, in weight units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// Summed weight of the German bead's linkable types that have a partner in its English run.
    pub german_matched: f32,
    /// Summed weight of the German bead's linkable types without a partner in its English run.
    pub german_unmatched: f32,
    /// Summed weight of the English bead's linkable types that have a partner in its German run.
    pub english_matched: f32,
    /// Summed weight of the English bead's linkable types without a partner in its German run.
    pub english_unmatched: f32,
}

/// How evidence is weighted; part of the aligner configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WeightScheme {
    /// A type occurring in `df` sentences weighs `kind weight × df^-idf_power`.
    pub(crate) idf_power: f32,
    /// Weights are also multiplied by `(1 - share)^chance_power`, where `share` is the part of
    /// the other side's sentences that hold one of the type's partners.
    pub(crate) chance_power: f32,
    pub(crate) number: f32,
    pub(crate) word: f32,
    pub(crate) punctuation: f32,
}

impl Default for WeightScheme {
    fn default() -> Self {
        WeightScheme {
            idf_power: 1.0,
            chance_power: 0.0,
            number: 1.0,
            word: 0.6,
            punctuation: 0.3,
        }
    }
}

/// The features of a document pair: both sides, the links between their types, and the
/// length model's parameters.
#[derive(Debug, Clone)]
pub struct PairFeatures<'a> {
    german_text: &'a Text,
    english_text: &'a Text,
    german: SideFeatures,
    english: SideFeatures,
    scheme: WeightScheme,
    length_ratio: f64,
    length_variance: Option<f64>,
}

impl<'a> PairFeatures<'a> {
    /// Extracts the features of both texts, with links by identity and near-identity only.
    pub fn new(german_text: &'a Text, english_text: &'a Text) -> Self {
        Self::with_scheme(german_text, english_text, WeightScheme::default())
    }

    pub(crate) fn with_scheme(
        german_text: &'a Text,
        english_text: &'a Text,
        scheme: WeightScheme,
    ) -> Self {
        // The sides are independent until they are linked; each numbers its types in order of
        // first occurrence, so ids do not depend on the number of threads.
        #[cfg(feature = "rayon")]
        let ((mut german, _), (mut english, english_index)) =
            rayon::join(|| extract_side(german_text), || extract_side(english_text));
        #[cfg(not(feature = "rayon"))]
        let ((mut german, _), (mut english, english_index)) =
            (extract_side(german_text), extract_side(english_text));
        link_identical(&mut german, &mut english, &english_index);
        drop(english_index);
        let german_total: f64 = german.lengths.iter().map(|&l| l as f64).sum();
        let english_total: f64 = english.lengths.iter().map(|&l| l as f64).sum();
        let length_ratio = if german_total > 0.0 && english_total > 0.0 {
            (english_total / german_total).clamp(0.2, 5.0)
        } else {
            1.0
        };
        let mut features = PairFeatures {
            german_text,
            english_text,
            german,
            english,
            scheme,
            length_ratio,
            length_variance: None,
        };
        features.refresh();
        features
    }

    /// Recomputes weights and linkable rows after the links changed.
    fn refresh(&mut self) {
        let scheme = self.scheme;
        // In how many sentences of its own side each type's partners occur (at most all).
        let partner_share = |this: &SideFeatures, other: &SideFeatures| -> Vec<f32> {
            let sentences = other.len().max(1) as f32;
            (0..this.types.len())
                .map(|t| {
                    let df: u32 = this
                        .links
                        .row(t)
                        .iter()
                        .map(|&t| other.types.get(t as usize).map_or(0, |i| i.sentences))
                        .sum();
                    (df as f32 / sentences).min(1.0)
                })
                .collect()
        };
        let german_share = partner_share(&self.german, &self.english);
        let english_share = partner_share(&self.english, &self.german);
        for (this, share) in [
            (&mut self.german, german_share),
            (&mut self.english, english_share),
        ] {
            this.weights = this
                .types
                .iter()
                .enumerate()
                .zip(&share)
                .map(|((t, info), &share)| {
                    if this.links.row(t).is_empty() {
                        return 0.0;
                    }
                    let kind = match info.kind {
                        AnchorKind::Number => scheme.number,
                        AnchorKind::Word => scheme.word,
                        AnchorKind::Punctuation => scheme.punctuation,
                    };
                    let idf = (info.sentences.max(1) as f32).powf(-scheme.idf_power);
                    // A match that chance would give in most sentence pairs tells little: scale
                    // by how rare the partners are on the other side.
                    let rarity = if scheme.chance_power > 0.0 {
                        (1.0 - share).max(0.0).powf(scheme.chance_power)
                    } else {
                        1.0
                    };
                    kind * idf * rarity
                })
                .collect();
            let mut linkable = Rows::new();
            for k in 0..this.tokens.rows() {
                let weights = &this.weights;
                linkable.push_row(
                    this.tokens
                        .row(k)
                        .iter()
                        .copied()
                        .filter(|&t| weights[t as usize] > 0.0),
                );
            }
            this.linkable = linkable;
            this.evidence_links = (0..this.types.len())
                .map(|t| match this.links.row(t) {
                    &[link] => (this.weights[t], link),
                    _ => (this.weights[t], MANY_LINKS),
                })
                .collect();
        }
    }

    /// Frees both sides' per-sentence token tables when nothing will read them again: the
    /// built-in scorers read only the linkable tables, which stay. Afterwards `tokens` and word
    /// sets are empty and the links are frozen (adding links changes nothing). The aligner
    /// calls this before its last pass over a document when no user scorer is installed.
    pub(crate) fn release_tokens(&mut self) {
        for side in [&mut self.german, &mut self.english] {
            side.tokens = Rows::new();
            side.tokens_released = true;
        }
    }

    /// The German text.
    pub fn german_text(&self) -> &'a Text {
        self.german_text
    }

    /// The English text.
    pub fn english_text(&self) -> &'a Text {
        self.english_text
    }

    /// German sentence features.
    pub fn german(&self) -> &SideFeatures {
        &self.german
    }

    /// English sentence features.
    pub fn english(&self) -> &SideFeatures {
        &self.english
    }

    /// English characters per German character: over the whole document pair at first
    /// (clamped to 0.2..=5; 1 when a side is empty), over confident beads once
    /// [`fit_length_model`](Self::fit_length_model) ran.
    pub fn length_ratio(&self) -> f64 {
        self.length_ratio
    }

    /// The variance of English length given German length per character, once fitted.
    pub fn length_variance(&self) -> Option<f64> {
        self.length_variance
    }

    /// Fits the length model's ratio and variance to beads believed right (German run,
    /// English run), typically the confident 1-1 beads of a first pass. Needs at least 20
    /// beads; with fewer, nothing changes.
    pub fn fit_length_model(&mut self, beads: &[(Range<usize>, Range<usize>)]) {
        let lengths: Vec<(f64, f64)> = beads
            .iter()
            .map(|(g, e)| {
                (
                    self.german.run_length(g.clone()) as f64,
                    self.english.run_length(e.clone()) as f64,
                )
            })
            .filter(|&(g, e)| g > 0.0 && e > 0.0)
            .collect();
        if lengths.len() < 20 {
            return;
        }
        let (sum_g, sum_e) = lengths
            .iter()
            .fold((0.0, 0.0), |(a, b), (g, e)| (a + g, b + e));
        let ratio = (sum_e / sum_g).clamp(0.2, 5.0);
        // Squared residuals per unit of mean length; the largest tenth is dropped as outliers.
        let mut residuals: Vec<(f64, f64)> = lengths
            .iter()
            .map(|&(g, e)| {
                let mean = ((g + e / ratio) / 2.0).max(1.0);
                ((e - ratio * g).powi(2), mean)
            })
            .collect();
        residuals.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
        let keep = residuals.len() - residuals.len() / 10;
        let (squares, means) = residuals[..keep]
            .iter()
            .fold((0.0, 0.0), |(s, m), (r, l)| (s + r, m + l));
        if means > 0.0 && squares > 0.0 {
            self.length_ratio = ratio;
            // Trimming a tenth of a normal sample's tail shrinks the variance by about a third.
            self.length_variance = Some((squares / means * 1.5).clamp(0.5, 200.0));
        }
    }

    /// Learns word links from beads believed right: a German and an English type are linked
    /// when each is the other's best partner by the Dice coefficient of the beads they occur
    /// in, they share at least `min_count` beads, and the coefficient is at least `min_dice`.
    /// Types already linked keep their links. Returns the number of new links.
    pub fn learn_lexicon(
        &mut self,
        beads: &[(Range<usize>, Range<usize>)],
        min_count: u32,
        min_dice: f32,
    ) -> usize {
        let mut counts = Cooccurrence::default();
        let (mut german, mut english) = (Vec::new(), Vec::new());
        for (g, e) in beads {
            // A word seen in fewer sentences than `min_count` cannot co-occur that often.
            self.german.word_set(g.clone(), min_count, &mut german);
            self.english.word_set(e.clone(), min_count, &mut english);
            counts.add_bead(&german, &english);
        }
        let pairs: Vec<(u32, u32)> = counts
            .mutual_best(min_count, min_dice)
            .into_iter()
            .filter(|&(a, b)| !self.german.links(a).contains(&b))
            .collect();
        let added = pairs.len();
        if added > 0 {
            self.add_links(&pairs);
        }
        added
    }

    /// Adds links between German and English type ids (none once the tokens are released:
    /// the linkable tables could not be rebuilt).
    pub(crate) fn add_links(&mut self, pairs: &[(u32, u32)]) {
        if self.german.tokens_released || self.english.tokens_released {
            return;
        }
        let (german_types, english_types) = (self.german.types.len(), self.english.types.len());
        let mut all: Vec<(u32, u32)> = self.german.links.pairs().collect();
        all.extend(
            pairs
                .iter()
                .filter(|&&(g, e)| (g as usize) < german_types && (e as usize) < english_types),
        );
        set_links(&mut self.german, &mut self.english, all);
        self.refresh();
    }

    /// Links every German word type to the English word types that `source` gives as its
    /// translations and that occur in the English text. Returns the number of new links.
    pub fn add_translations(&mut self, source: &dyn WordTranslations) -> usize {
        if self.german.tokens_released || self.english.tokens_released {
            return 0;
        }
        let english_ids: FxHashMap<&str, u32> = self
            .english
            .types
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == AnchorKind::Word)
            .map(|(id, t)| (&*t.key, id as u32))
            .collect();
        let mut pairs = Vec::new();
        for (g, info) in self.german.types.iter().enumerate() {
            if info.kind != AnchorKind::Word {
                continue;
            }
            for key in source.translations(&info.key) {
                if let Some(&e) = english_ids.get(key.as_str()) {
                    if !self.german.links(g as u32).contains(&e) {
                        pairs.push((g as u32, e));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let added = pairs.len();
        if added > 0 {
            self.add_links(&pairs);
        }
        added
    }

    /// Matched and unmatched evidence of the bead linking `german` with `english`.
    ///
    /// A linkable type of a German sentence is matched when one of its links occurs in some
    /// English sentence of the bead, and the other way round. With an empty run on either
    /// side, nothing is counted.
    pub fn evidence(&self, german: Range<usize>, english: Range<usize>) -> Evidence {
        if german.is_empty() || english.is_empty() {
            return Evidence::default();
        }
        MARKS.with_borrow_mut(|scratch| {
            let Scratch {
                generation,
                german_marks,
                english_marks,
                german_union,
                english_union,
            } = scratch;
            let generation = next_generation(
                generation,
                (german_marks, self.german.types.len()),
                (english_marks, self.english.types.len()),
            );
            let german_set = mark_run(&self.german, german, german_marks, generation, german_union);
            let english_set = mark_run(
                &self.english,
                english,
                english_marks,
                generation,
                english_union,
            );
            if german_set.is_empty() && english_set.is_empty() {
                return Evidence::default();
            }
            let (german_matched, german_unmatched) =
                side_evidence(&self.german, german_set, english_marks, generation);
            let (english_matched, english_unmatched) =
                side_evidence(&self.english, english_set, german_marks, generation);
            Evidence {
                german_matched,
                german_unmatched,
                english_matched,
                english_unmatched,
            }
        })
    }
}

thread_local! {
    /// Scratch of [`PairFeatures::evidence`], one per thread (it runs on many threads at once).
    static MARKS: RefCell<Scratch> = const {
        RefCell::new(Scratch {
            generation: 0,
            german_marks: Vec::new(),
            english_marks: Vec::new(),
            german_union: Vec::new(),
            english_union: Vec::new(),
        })
    };
}

/// Membership sets over the type ids of both sides, and room for the union of a run's rows.
///
/// Id `t` is in a side's current set when its mark equals the current generation, so starting
/// new sets costs one increment. The marks are shared by all documents aligned on the thread:
/// they grow, never shrink.
#[derive(Debug)]
struct Scratch {
    generation: u32,
    german_marks: Vec<u32>,
    english_marks: Vec<u32>,
    german_union: Vec<u32>,
    english_union: Vec<u32>,
}

/// Empties both sets of marks, which hold ids below the given vocabulary sizes from now on,
/// and returns the generation that marks members.
fn next_generation(
    generation: &mut u32,
    (german_marks, german_types): (&mut Vec<u32>, usize),
    (english_marks, english_types): (&mut Vec<u32>, usize),
) -> u32 {
    if german_marks.len() < german_types {
        german_marks.resize(german_types, 0);
    }
    if english_marks.len() < english_types {
        english_marks.resize(english_types, 0);
    }
    if *generation == u32::MAX {
        // Old marks would come back into use: forget them.
        german_marks.fill(0);
        english_marks.fill(0);
        *generation = 0;
    }
    *generation += 1;
    *generation
}

/// Marks the linkable types of the sentences of `run` with `generation` and returns them,
/// each once: the row itself when one sentence has linkable types, else their union in
/// `union`, in order of first occurrence (the marks tell repeats, no sorting needed).
fn mark_run<'s>(
    side: &'s SideFeatures,
    run: Range<usize>,
    marks: &mut [u32],
    generation: u32,
    union: &'s mut Vec<u32>,
) -> &'s [u32] {
    let mut rows = run.map(|k| side.linkable(k)).filter(|row| !row.is_empty());
    let Some(first) = rows.next() else {
        return &[];
    };
    let Some(second) = rows.next() else {
        // A row holds each type once already.
        for &t in first {
            marks[t as usize] = generation;
        }
        return first;
    };
    union.clear();
    for row in [first, second].into_iter().chain(rows) {
        for &t in row {
            let mark = &mut marks[t as usize];
            if *mark != generation {
                *mark = generation;
                union.push(t);
            }
        }
    }
    union
}

/// Matched and unmatched weight of the types in `own`, where the other run's types are those
/// marked with `generation` in `other`.
fn side_evidence(side: &SideFeatures, own: &[u32], other: &[u32], generation: u32) -> (f32, f32) {
    let (mut matched, mut unmatched) = (0.0, 0.0);
    for &t in own {
        let (weight, link) = side.evidence_links[t as usize];
        let hit = if link != MANY_LINKS {
            other[link as usize] == generation
        } else {
            side.links(t)
                .iter()
                .any(|&l| other[l as usize] == generation)
        };
        if hit {
            matched += weight;
        } else {
            unmatched += weight;
        }
    }
    (matched, unmatched)
}

/// The type ids of one side by key, one map per [`AnchorKind`].
type KeyIndex = [FxHashMap<Box<str>, u32>; 3];

/// Splits every sentence of a text into interned types; returns the side and its types by key.
fn extract_side(text: &Text) -> (SideFeatures, KeyIndex) {
    let mut index: KeyIndex = Default::default();
    // Words as written, to skip folding when a spelling comes again (as most do).
    let mut spellings: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut types: Vec<TypeInfo> = Vec::new();
    let mut lengths = Vec::with_capacity(text.len());
    let mut shapes = Vec::with_capacity(text.len());
    let mut tokens = Rows::new();
    let mut row: Vec<u32> = Vec::new();
    let (mut digits, mut folded, mut key) = (String::new(), String::new(), String::new());
    let mut intern = |types: &mut Vec<TypeInfo>, kind: AnchorKind, key: &str| -> u32 {
        let ids = &mut index[kind as usize];
        if let Some(&id) = ids.get(key) {
            return id;
        }
        let id = types.len() as u32;
        types.push(TypeInfo {
            kind,
            key: key.into(),
            sentences: 0,
        });
        ids.insert(key.into(), id);
        id
    };
    // Words hyphenated at a line end in wrapped text are read joined.
    let hyphenation = crate::segment::Hyphenation::of(text.as_str());
    for span in text.spans() {
        let sentence = hyphenation.join(text.as_str(), span.range());
        let sentence: &str = &sentence;
        // NFC first, so that lengths, words and shapes do not depend on the normalization form
        // (a decomposed "u\u{308}" would count two characters and split the word it is in).
        let composed: Cow<'_, str> = match unicode_normalization::is_nfc_quick(sentence.chars()) {
            unicode_normalization::IsNormalized::Yes => Cow::Borrowed(sentence),
            _ => Cow::Owned(unicode_normalization::UnicodeNormalization::nfc(sentence).collect()),
        };
        let sentence: &str = &composed;
        row.clear();
        let length = tokenize(sentence, &mut digits, |token| {
            let id = match token {
                Token::Number(key) => intern(&mut types, AnchorKind::Number, key),
                Token::Punctuation(key) => intern(&mut types, AnchorKind::Punctuation, key),
                Token::Word(word) => match spellings.get(word) {
                    Some(&id) => id,
                    None => {
                        word_key_into(word, &mut folded, &mut key);
                        let id = intern(&mut types, AnchorKind::Word, &key);
                        spellings.insert(word.into(), id);
                        id
                    }
                },
            };
            row.push(id);
        });
        row.sort_unstable();
        row.dedup();
        for &t in &row {
            types[t as usize].sentences += 1;
        }
        lengths.push(length);
        shapes.push(SentenceShape::of(sentence));
        tokens.push_row(row.iter().copied());
    }
    drop(spellings);
    let side = SideFeatures {
        lengths,
        shapes,
        tokens,
        linkable: Rows::new(),
        weights: Vec::new(),
        links: Rows::from_sorted_pairs(types.len(), &[]),
        evidence_links: Vec::new(),
        types,
        tokens_released: false,
    };
    (side, index)
}

/// A token of a sentence, as [`tokenize`] finds it.
#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    /// The key of a number (its digits without leading zeros).
    Number(&'a str),
    /// A word of two or more characters, as written (not yet folded).
    Word(&'a str),
    /// The key of a punctuation mark (its class).
    Punctuation(&'static str),
}

/// Calls `emit` for every token of `sentence`; returns its length in characters without white
/// space. `digits` is scratch for number keys.
fn tokenize(sentence: &str, digits: &mut String, mut emit: impl FnMut(Token<'_>)) -> f32 {
    let mut length = 0u32;
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        length += 1;
        if c.is_ascii_digit() {
            digits.clear();
            digits.push(c);
            while let Some(&(k, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    digits.push(d);
                } else if matches!(d, '.' | ',' | '\'' | '’' | '\u{202f}' | '\u{a0}')
                    && sentence[k + d.len_utf8()..].starts_with(|n: char| n.is_ascii_digit())
                {
                } else {
                    break;
                }
                length += 1;
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0');
            emit(Token::Number(if trimmed.is_empty() {
                "0"
            } else {
                trimmed
            }));
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            let mut letters = 1;
            while let Some(&(k, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    length += 1;
                    letters += 1;
                    end = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if letters > 1 {
                emit(Token::Word(&sentence[start..end]));
            }
        } else if let Some(mark) = punctuation_class(c) {
            emit(Token::Punctuation(mark));
        }
    }
    length as f32
}

fn punctuation_class(c: char) -> Option<&'static str> {
    match c {
        '?' | '¿' => Some("?"),
        '!' | '¡' => Some("!"),
        ':' => Some(":"),
        ';' => Some(";"),
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '›' | '‹' => Some("\""),
        '(' | ')' | '[' | ']' => Some("("),
        '%' => Some("%"),
        '€' | '$' | '£' => Some("$"),
        _ => None,
    }
}

/// Links types that both sides spell alike: numbers, punctuation, words of four or more
/// characters with the same folded skeleton, and near-identical longer words.
/// `english_index` holds the English types by key.
fn link_identical(german: &mut SideFeatures, english: &mut SideFeatures, english_index: &KeyIndex) {
    let mut pairs = Vec::new();
    let mut german_linked = vec![false; german.types.len()];
    let mut english_linked = vec![false; english.types.len()];
    for (g, info) in german.types.iter().enumerate() {
        if info.kind == AnchorKind::Word && info.key.chars().count() < 4 {
            continue;
        }
        if let Some(&e) = english_index[info.kind as usize].get(&info.key) {
            pairs.push((g as u32, e));
            german_linked[g] = true;
            english_linked[e as usize] = true;
        }
    }
    // Near-identical words among those still unlinked, bucketed by their first two characters,
    // each bucket sorted by length so that a word is compared with words of similar length.
    let long_word = |t: &TypeInfo| t.kind == AnchorKind::Word && t.key.chars().count() >= 5;
    type Candidate = (usize, u32, Option<CharCounts>);
    let mut buckets: FxHashMap<(char, char), Vec<Candidate>> = FxHashMap::default();
    for (e, info) in english.types.iter().enumerate() {
        if long_word(info) && !english_linked[e] {
            if let Some(prefix) = prefix2(&info.key) {
                buckets.entry(prefix).or_default().push((
                    info.key.chars().count(),
                    e as u32,
                    char_counts(&info.key),
                ));
            }
        }
    }
    for bucket in buckets.values_mut() {
        bucket.sort_unstable();
    }
    for (g, info) in german.types.iter().enumerate() {
        if !long_word(info) || german_linked[g] {
            continue;
        }
        let Some(candidates) = prefix2(&info.key).and_then(|p| buckets.get(&p)) else {
            continue;
        };
        let length = info.key.chars().count();
        let counts = char_counts(&info.key);
        // Lengths nearest the word's own first (0, -1, +1, ... -4, +4), and at most
        // MAX_NEAR_CANDIDATES comparisons, so a huge vocabulary sharing one prefix stays linear.
        let near = [0isize, -1, 1, -2, 2, -3, 3, -4, 4]
            .into_iter()
            .filter_map(|d| length.checked_add_signed(d))
            .flat_map(|len| {
                let start = candidates.partition_point(|c| c.0 < len);
                let end = candidates.partition_point(|c| c.0 <= len);
                candidates.get(start..end).unwrap_or_default()
            })
            .take(MAX_NEAR_CANDIDATES);
        let mut best: Option<(f64, u32)> = None;
        for &(other_length, e, ref other_counts) in near {
            if let (Some(a), Some(b)) = (&counts, other_counts) {
                if !may_reach_near_identity(a, length, b, other_length) {
                    continue;
                }
            }
            let other = &english.types[e as usize].key;
            let similarity = strsim::jaro_winkler(&info.key, other);
            if similarity >= 0.9
                && best.is_none_or(|(s, o)| similarity > s || (similarity == s && e < o))
            {
                best = Some((similarity, e));
            }
        }
        if let Some((_, e)) = best {
            pairs.push((g as u32, e));
        }
    }
    set_links(german, english, pairs);
}

/// How many characters of a word fall in each of 32 classes (code point modulo 32).
type CharCounts = [u8; 32];

/// The [`CharCounts`] of `key`, or `None` when a class holds more than 255 characters.
fn char_counts(key: &str) -> Option<CharCounts> {
    let mut counts = [0u8; 32];
    for c in key.chars() {
        let count = &mut counts[(c as usize) % 32];
        *count = count.checked_add(1)?;
    }
    Some(counts)
}

/// Whether two words of `a_len` and `b_len` characters with the given [`CharCounts`] may have
/// a Jaro-Winkler similarity of 0.9 or more; `false` only when they cannot.
///
/// Winkler's prefix bonus gives at most `0.6 + 0.4 jaro`, so 0.9 needs `jaro >= 0.75`. Jaro is
/// at most `(m / a_len + m / b_len + 1) / 3` for `m` matched characters, and `m` is at most the
/// number of characters the words share, itself at most the shared counts per class. The test
/// is in integers, and words it rejects fall short of 0.75 by far more than rounding error.
fn may_reach_near_identity(a: &CharCounts, a_len: usize, b: &CharCounts, b_len: usize) -> bool {
    let shared: usize = a.iter().zip(b).map(|(&x, &y)| usize::from(x.min(y))).sum();
    // (shared / a + shared / b + 1) / 3 >= 3 / 4, times 12 a b.
    4 * shared * (a_len + b_len) + 4 * a_len * b_len >= 9 * a_len * b_len
}

/// Makes `pairs` (German type, English type) the links of both sides.
fn set_links(german: &mut SideFeatures, english: &mut SideFeatures, mut pairs: Vec<(u32, u32)>) {
    pairs.sort_unstable();
    pairs.dedup();
    german.links = Rows::from_sorted_pairs(german.types.len(), &pairs);
    for pair in &mut pairs {
        *pair = (pair.1, pair.0);
    }
    pairs.sort_unstable();
    english.links = Rows::from_sorted_pairs(english.types.len(), &pairs);
}

/// How many English words of similar length a German word is compared with, at most, when
/// looking for a near-identical spelling.
const MAX_NEAR_CANDIDATES: usize = 128;

fn prefix2(key: &str) -> Option<(char, char)> {
    let mut chars = key.chars();
    Some((chars.next()?, chars.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_across_notations() {
        let german = Text::from_sentences(["Es kostet 1.000,5 Euro am 29. Mai."]);
        let english = Text::from_sentences(["It costs 1,000.5 euros on May 29th."]);
        let pair = PairFeatures::new(&german, &english);
        let evidence = pair.evidence(0..1, 0..1);
        // 10005 and 29 are shared, both sides.
        assert!(evidence.german_matched >= 2.0, "{evidence:?}");
        assert_eq!(evidence.german_unmatched, 0.0);
    }

    #[test]
    fn near_identical_names_link() {
        let german = Text::from_sentences(["Aserbaidschan und Litauen.", "Nichts."]);
        let english = Text::from_sentences(["Azerbaijan and Lithuania.", "Nothing."]);
        let pair = PairFeatures::new(&german, &english);
        assert!(pair.evidence(0..1, 0..1).german_matched > 0.5);
        assert_eq!(pair.evidence(1..2, 1..2), Evidence::default());
        assert!(pair.evidence(0..1, 1..2).german_unmatched > 0.5);
    }

    #[test]
    fn empty_runs_have_no_evidence() {
        let german = Text::from_sentences(["2020"]);
        let english = Text::from_sentences(["2020"]);
        let pair = PairFeatures::new(&german, &english);
        assert_eq!(pair.evidence(0..0, 0..1), Evidence::default());
        assert_eq!(pair.evidence(0..1, 0..1).german_matched, 1.0);
    }

    proptest::proptest! {
        #[test]
        fn the_near_identity_bound_never_rejects_a_near_identical_pair(
            a in "[aeinrstkä]{5,14}",
            edits in proptest::collection::vec((0usize..16, "[aeinrstkäz]?"), 0..4),
        ) {
            // `b` is `a` with a few characters replaced, dropped or appended.
            let mut chars: Vec<char> = a.chars().collect();
            for (at, with) in &edits {
                match (with.chars().next(), *at < chars.len()) {
                    (Some(c), true) => chars[*at] = c,
                    (Some(c), false) => chars.push(c),
                    (None, true) => {
                        chars.remove(*at);
                    }
                    (None, false) => {}
                }
            }
            let b: String = chars.into_iter().collect();
            let (a_len, b_len) = (a.chars().count(), b.chars().count());
            let (Some(a_counts), Some(b_counts)) = (char_counts(&a), char_counts(&b)) else {
                unreachable!("short words")
            };
            if strsim::jaro_winkler(&a, &b) >= 0.9 {
                proptest::prop_assert!(may_reach_near_identity(&a_counts, a_len, &b_counts, b_len));
            }
        }
    }

    #[test]
    fn the_near_identity_bound_rejects_unlike_words() {
        let bound = |a: &str, b: &str| {
            let (a_counts, b_counts) = (char_counts(a).unwrap(), char_counts(b).unwrap());
            may_reach_near_identity(&a_counts, a.len(), &b_counts, b.len())
        };
        assert!(bound("aserbaidshan", "aserbaijan"));
        assert!(bound("litauen", "lituania"));
        assert!(!bound("regierung", "government"));
    }

    #[test]
    fn a_type_counts_once_per_run() {
        let german = Text::from_sentences(["Im Jahr 2020.", "Seit 2020.", "Nichts."]);
        let english = Text::from_sentences(["In 2020.", "Since 2020.", "Nothing."]);
        let pair = PairFeatures::new(&german, &english);
        let one = pair.evidence(0..1, 0..1);
        assert!(one.german_matched > 0.0, "{one:?}");
        assert_eq!(pair.evidence(0..2, 0..1), one);
        assert_eq!(pair.evidence(0..3, 0..2), one);
        assert_eq!(pair.evidence(2..3, 2..3), Evidence::default());
    }

    #[test]
    fn marks_survive_the_wraparound_of_generations() {
        let german = Text::from_sentences(["Es kostet 1.000,5 Euro.", "Am 29. Mai.", "Ja!"]);
        let english = Text::from_sentences(["It costs 1,000.5 euros.", "On May 29th.", "No."]);
        let pair = PairFeatures::new(&german, &english);
        let runs = [
            (0..1, 0..1),
            (0..1, 1..2),
            (0..2, 0..2),
            (1..3, 0..1),
            (2..3, 2..3),
        ];
        let expected: Vec<Evidence> = runs
            .iter()
            .map(|(g, e)| pair.evidence(g.clone(), e.clone()))
            .collect();
        MARKS.with_borrow_mut(|scratch| scratch.generation = u32::MAX - 2);
        for _ in 0..3 {
            for ((g, e), &want) in runs.iter().zip(&expected) {
                assert_eq!(pair.evidence(g.clone(), e.clone()), want, "{g:?} {e:?}");
            }
        }
        assert!(MARKS.with_borrow(|scratch| scratch.generation) < 100);
    }

    #[test]
    fn a_lexicon_is_learned_from_beads() {
        let german: Vec<String> = (0..30)
            .map(|k| match k % 2 {
                0 => format!("Der Berg {k} ist hoch."),
                _ => format!("Das Haus {k} ist alt."),
            })
            .collect();
        let english: Vec<String> = (0..30)
            .map(|k| match k % 2 {
                0 => format!("The mountain {k} is high."),
                _ => format!("The house {k} is old."),
            })
            .collect();
        let (german, english) = (
            Text::from_sentences(&german),
            Text::from_sentences(&english),
        );
        let mut pair = PairFeatures::new(&german, &english);
        let beads: Vec<_> = (0..30).map(|k| (k..k + 1, k..k + 1)).collect();
        let right_before = pair.evidence(0..1, 0..1).german_matched;
        assert!(pair.learn_lexicon(&beads, 2, 0.5) >= 1);
        // "Berg" and "Der" co-occur with "mountain" equally often here; either link tells a
        // mountain sentence from a house sentence.
        let right = pair.evidence(0..1, 0..1);
        let wrong = pair.evidence(0..1, 1..2);
        assert!(right.german_matched > right_before, "{right:?}");
        assert!(
            right.german_matched > wrong.german_matched,
            "{right:?} {wrong:?}"
        );
        assert!(wrong.german_unmatched > 0.0, "{wrong:?}");
    }

    #[test]
    fn length_model_fits_a_document() {
        let german: Vec<String> = (0..40).map(|k| "x".repeat(20 + k)).collect();
        let english: Vec<String> = (0..40).map(|k| "y".repeat(40 + 2 * k + k % 3)).collect();
        let (german, english) = (
            Text::from_sentences(&german),
            Text::from_sentences(&english),
        );
        let mut pair = PairFeatures::new(&german, &english);
        let beads: Vec<_> = (0..40).map(|k| (k..k + 1, k..k + 1)).collect();
        pair.fit_length_model(&beads);
        assert!(
            (pair.length_ratio() - 2.0).abs() < 0.05,
            "{}",
            pair.length_ratio()
        );
        assert!(pair.length_variance().is_some());
    }

    #[derive(Debug)]
    struct OneWord;

    impl WordTranslations for OneWord {
        fn translations(&self, german_key: &str) -> &[String] {
            static HOUSE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
            if german_key == crate::normalize::word_key("Haus") {
                HOUSE.get_or_init(|| vec![crate::normalize::word_key("house")])
            } else {
                &[]
            }
        }
    }

    #[test]
    fn released_tokens_keep_the_evidence_and_freeze_the_links() {
        let german = Text::from_sentences(["Das Haus 2020 ist alt.", "Nichts hier."]);
        let english = Text::from_sentences(["The house 2020 is old.", "Nothing here."]);
        let mut pair = PairFeatures::new(&german, &english);
        let before = [pair.evidence(0..1, 0..1), pair.evidence(0..2, 0..2)];
        pair.release_tokens();
        assert!(pair.german().tokens(0).is_empty());
        assert_eq!(
            before,
            [pair.evidence(0..1, 0..1), pair.evidence(0..2, 0..2)]
        );
        assert_eq!(pair.add_translations(&OneWord), 0);
        assert_eq!(pair.evidence(0..1, 0..1), before[0]);
        // Without the release, the same dictionary adds its link.
        let mut fresh = PairFeatures::new(&german, &english);
        assert_eq!(fresh.add_translations(&OneWord), 1);
    }
}
