//! IBM Model 1 learned across a batch of document pairs, on word keys, so that every
//! document of the batch can use what the others teach.

use rustc_hash::FxHashMap;

use super::{TranslationTable, WordTranslations};

/// Rounds of EM.
const ITERATIONS: usize = 5;

/// Model 1 in both directions, trained on the confident beads of the first passes of a whole
/// batch (see [`Batch::learn_across`](crate::Batch::learn_across)). Only words seen in at least
/// two training beads of their side are modelled: a word seen once would act as a garbage
/// collector of Model 1's probability mass (it would explain whatever stood beside it).
#[derive(Debug, Clone, Default)]
pub(crate) struct CorpusTranslationModel {
    /// Id of each modelled German word key.
    german_ids: FxHashMap<String, u32>,
    /// Id of each modelled English word key.
    english_ids: FxHashMap<String, u32>,
    /// `t(English | German)` on these ids.
    english_given_german: TranslationTable,
    /// `t(German | English)` on these ids.
    german_given_english: TranslationTable,
}

impl CorpusTranslationModel {
    /// Trains both directions on `beads` of word keys (German, English), each bead listing a
    /// key once, with the entries of `dictionaries` as extra training pairs: each modelled
    /// German word with its modelled translations, one pair a dictionary. A dictionary thus
    /// tells the model which words translate each other, and the model's per-sentence
    /// evidence, which does not grow with the size of a bead, weighs them. Time and memory are
    /// linear in the co-occurring word pairs of the beads and the dictionaries' entries.
    pub(crate) fn learn(
        beads: &[(Vec<String>, Vec<String>)],
        dictionaries: &[&dyn WordTranslations],
    ) -> CorpusTranslationModel {
        let german_ids = frequent_ids(beads.iter().map(|(g, _)| g.as_slice()));
        let english_ids = frequent_ids(beads.iter().map(|(_, e)| e.as_slice()));
        let ids = |keys: &[String], table: &FxHashMap<String, u32>| -> Vec<u32> {
            keys.iter().filter_map(|k| table.get(k).copied()).collect()
        };
        let mut pairs: Vec<(Vec<u32>, Vec<u32>)> = beads
            .iter()
            .map(|(g, e)| (ids(g, &german_ids), ids(e, &english_ids)))
            .filter(|(g, e)| !g.is_empty() && !e.is_empty())
            .collect();
        // German keys in id order, so that the pairs do not depend on hashing.
        let mut german_keys: Vec<(&str, u32)> =
            german_ids.iter().map(|(k, &id)| (k.as_str(), id)).collect();
        german_keys.sort_unstable_by_key(|&(_, id)| id);
        for dictionary in dictionaries {
            for &(key, id) in &german_keys {
                let english = ids(dictionary.translations(key), &english_ids);
                if !english.is_empty() {
                    pairs.push((vec![id], english));
                }
            }
        }
        let (german_types, english_types) = (german_ids.len(), english_ids.len());
        let english_given_german =
            TranslationTable::train(&pairs, german_types, english_types, ITERATIONS);
        let swapped: Vec<(Vec<u32>, Vec<u32>)> = pairs.into_iter().map(|(g, e)| (e, g)).collect();
        let german_given_english =
            TranslationTable::train(&swapped, english_types, german_types, ITERATIONS);
        CorpusTranslationModel {
            german_ids,
            english_ids,
            english_given_german,
            german_given_english,
        }
    }

    /// The id of a modelled German word key.
    pub(crate) fn german_id(&self, key: &str) -> Option<u32> {
        self.german_ids.get(key).copied()
    }

    /// The id of a modelled English word key.
    pub(crate) fn english_id(&self, key: &str) -> Option<u32> {
        self.english_ids.get(key).copied()
    }

    /// `t(English | German)` on the model's ids.
    pub(crate) fn english_given_german(&self) -> &TranslationTable {
        &self.english_given_german
    }

    /// `t(German | English)` on the model's ids.
    pub(crate) fn german_given_english(&self) -> &TranslationTable {
        &self.german_given_english
    }

    /// Whether the model holds no translation.
    pub(crate) fn is_empty(&self) -> bool {
        self.english_given_german.len() == 0 && self.german_given_english.len() == 0
    }
}

/// Ids of the keys seen in at least two of `sides`, in order of first occurrence (so that they
/// do not depend on hashing).
fn frequent_ids<'a>(sides: impl Iterator<Item = &'a [String]> + Clone) -> FxHashMap<String, u32> {
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    for keys in sides.clone() {
        for key in keys {
            *seen.entry(key.as_str()).or_insert(0) += 1;
        }
    }
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    for keys in sides {
        for key in keys {
            if seen[key.as_str()] >= 2 && !ids.contains_key(key) {
                let id = ids.len() as u32;
                ids.insert(key.clone(), id);
            }
        }
    }
    ids
}

/// The [`word_key`](crate::word_key)s of the words of `words` (separated by spaces), as the
/// beads of a batch hand them to [`CorpusTranslationModel::learn`]: for tests.
#[cfg(test)]
pub(crate) fn word_keys(words: &str) -> Vec<String> {
    words.split(' ').map(crate::word_key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use word_keys as keys;

    #[test]
    fn learns_across_beads_and_leaves_words_seen_once_out() {
        let beads = vec![
            (keys("das haus"), keys("the house")),
            (keys("das buch"), keys("the book")),
            (keys("ein haus"), keys("a house")),
            (keys("ein buch selten"), keys("a book rare")),
        ];
        let model = CorpusTranslationModel::learn(&beads, &[]);
        assert_eq!(model.german_id("selten"), None);
        assert_eq!(model.english_id("rare"), None);
        let haus = model.german_id("haus").unwrap();
        let house = model.english_id("house").unwrap();
        let (targets, _) = model.english_given_german().translations(haus);
        assert_eq!(targets.first(), Some(&house));
        assert!(!model.is_empty());
        assert!(CorpusTranslationModel::learn(&[], &[]).is_empty());
    }

    #[derive(Debug)]
    struct OneEntry;

    impl WordTranslations for OneEntry {
        fn translations(&self, german_key: &str) -> &[String] {
            static BOOK: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
            if german_key == crate::word_key("buch") {
                BOOK.get_or_init(|| keys("book"))
            } else {
                &[]
            }
        }
    }

    #[test]
    fn a_dictionary_entry_decides_what_the_beads_leave_open() {
        // "buch" and "heft" always come together: the beads alone cannot tell which of
        // "book" and "booklet" each renders.
        let beads = vec![
            (keys("buch heft"), keys("book booklet")),
            (keys("buch heft"), keys("booklet book")),
        ];
        let odds = |model: &CorpusTranslationModel| {
            let buch = model.german_id(&crate::word_key("buch")).unwrap();
            let (targets, probabilities) = model.english_given_german().translations(buch);
            let of = |key: &str| {
                let id = model.english_id(&crate::word_key(key)).unwrap();
                targets
                    .iter()
                    .position(|&t| t == id)
                    .map_or(0.0, |k| probabilities[k])
            };
            of("book") / of("booklet")
        };
        let alone = CorpusTranslationModel::learn(&beads, &[]);
        let taught = CorpusTranslationModel::learn(&beads, &[&OneEntry]);
        assert!((odds(&alone) - 1.0).abs() < 1e-3, "{}", odds(&alone));
        assert!(odds(&taught) > 1.5, "{}", odds(&taught));
    }
}
