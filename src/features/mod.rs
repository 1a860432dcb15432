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
        let ((mut german, _), (mut english, english_index)) = crate::par::join_sized(
            bytes,
            || extract_side(german_text),
            || extract_side(english_text),
        );
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

    /// The same features with no hold on the texts, which can then be freed: both text
    /// references become an empty text. Only for passes that read no text (no user scorer).
    pub(crate) fn without_texts(self) -> PairFeatures<'static> {
        PairFeatures {
            german_text: &crate::text::EMPTY,
            english_text: &crate::text::EMPTY,
            german: self.german,
            english: self.english,
            scheme: self.scheme,
            length_ratio: self.length_ratio,
            length_variance: self.length_variance,
            translation: self.translation,
            local_links: self.local_links,
            skip_factor: self.skip_factor,
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
