//! The lexicon: word translations given by a dictionary, learned from a document pair or a
//! batch of them, and the co-occurrence counts that learning uses.

mod cooccurrence;
mod corpus_model;
mod dictionary;
mod learned;
mod model1;

pub(crate) use cooccurrence::Cooccurrence;
pub(crate) use corpus_model::CorpusTranslationModel;
#[cfg(test)]
pub(crate) use corpus_model::word_keys;
pub use dictionary::Dictionary;
pub(crate) use dictionary::core_de_en_english_words;
pub(crate) use learned::LearnedLexicon;
pub(crate) use model1::TranslationTable;

/// A source of German → English word translations, such as a bilingual dictionary.
///
/// Words are given and returned under their [`word_key`](crate::normalize::word_key).
pub trait WordTranslations: Send + Sync + std::fmt::Debug {
    /// The keys of the English translations of the German word with key `german_key`
    /// (empty when there is none).
    fn translations(&self, german_key: &str) -> &[String];
}
