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
//!   by the aligner's refinement pass) or given by a dictionary.
//!
//! A token is *linkable* when one of its links points at a type that occurs on the other side
//! of the document pair; only linkable tokens are evidence. For a candidate bead,
//! [`PairFeatures::evidence`] counts the linkable tokens of each side that find a partner on
//! the other side of the bead (matched) and those that do not (unmatched).

mod cues;
mod evidence;
mod intern;
mod length;
mod link;
mod omission;
mod rows;
mod side;
#[cfg(test)]
mod tests;
pub(crate) mod tokenize;
mod translation;
mod weight;

pub(crate) use crate::lexicon::WordTranslations;
pub(crate) use cues::SentenceShape;
pub(crate) use evidence::{Evidence, EvidenceCounter};
pub(crate) use side::SideFeatures;
pub(crate) use weight::{CHANCE_POWER, IDF_POWER, WeightScheme};

use intern::extract_side;
use link::link_identical;
use rows::PackedRows;

use crate::text::Text;

/// The features of a document pair, computed once before the search: what every
/// [`Scorer`](crate::Scorer) is given with each candidate bead.
///
/// A scorer of your own reads the two texts ([`german_text`](Self::german_text),
/// [`english_text`](Self::english_text)); the features the built-in signals read (interned
/// tokens, links, weights) are the crate's own and not part of its API.
///
/// ```
/// use satzweise::{PairFeatures, Text};
/// let german = Text::from_lines("Eins.\nZwei.");
/// let english = Text::from_lines("One.\nTwo.");
/// let pair = PairFeatures::new(&german, &english);
/// assert_eq!(pair.english_text().sentence(1), Some("Two."));
/// ```
#[derive(Debug, Clone)]
pub struct PairFeatures<'a> {
    pub(super) german_text: &'a Text,
    pub(super) english_text: &'a Text,
    pub(super) german: SideFeatures,
    pub(super) english: SideFeatures,
    pub(super) scheme: WeightScheme,
    pub(super) length_ratio: f64,
    pub(super) length_variance: Option<f64>,
    /// The lexical translation model, once learned.
    pub(super) translation: Option<std::sync::Arc<translation::TranslationModel>>,
    /// How unlinked each sentence is near its first-pass place, once learned.
    pub(super) local_links: Option<std::sync::Arc<omission::LocalLinks>>,
    /// The factor on this document's skip costs (1 unless the first pass set it).
    pub(super) skip_factor: f64,
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
        let bytes = german_text.as_str().len() + english_text.as_str().len();
        let ((german, _), (english, english_index)) = crate::par::join_sized(
            bytes,
            || extract_side(german_text),
            || extract_side(english_text),
        );
        Self::linked(
            (german_text, english_text),
            (german, english),
            english_index,
            scheme,
        )
    }

    /// Extracts the features of both texts as [`with_scheme`](Self::with_scheme) does, and
    /// `per_side` of each, freeing each text as soon as its side is read (before the sides are
    /// linked). The features hold no text: both text references are an empty text, which only
    /// passes that read no text (no user scorer) may use.
    pub(crate) fn from_owned_texts<T: Send>(
        (german_text, english_text): (Text, Text),
        scheme: WeightScheme,
        per_side: impl Fn(&Text) -> T + Sync,
    ) -> (PairFeatures<'static>, (T, T)) {
        let bytes = german_text.as_str().len() + english_text.as_str().len();
        let side = |text: Text| {
            let (features, index) = extract_side(&text);
            let extra = per_side(&text);
            drop(text);
            (features, index, extra)
        };
        let ((german, _, german_extra), (english, english_index, english_extra)) =
            crate::par::join_sized(bytes, || side(german_text), || side(english_text));
        let texts = (&crate::text::EMPTY, &crate::text::EMPTY);
        let features = PairFeatures::linked(texts, (german, english), english_index, scheme);
        (features, (german_extra, english_extra))
    }

    /// Links the extracted sides and weighs their types.
    fn linked(
        (german_text, english_text): (&'a Text, &'a Text),
        (mut german, mut english): (SideFeatures, SideFeatures),
        english_index: intern::KeyIndex,
        scheme: WeightScheme,
    ) -> Self {
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
            translation: None,
            local_links: None,
            skip_factor: 1.0,
        };
        features.refresh();
        features
    }

    /// Frees both sides' per-sentence token tables when nothing will read them again: the
    /// built-in scorers read only the linkable tables, which stay. Afterwards `tokens` and word
    /// sets are empty and the links are frozen (adding links changes nothing). The aligner
    /// calls this before its last pass over a document when no user scorer is installed.
    pub(crate) fn release_tokens(&mut self) {
        for side in [&mut self.german, &mut self.english] {
            side.tokens = PackedRows::new();
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
    pub(crate) fn german(&self) -> &SideFeatures {
        &self.german
    }

    /// English sentence features.
    pub(crate) fn english(&self) -> &SideFeatures {
        &self.english
    }
}
