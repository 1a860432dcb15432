//! A lexicon learned across many document pairs.

use std::collections::HashMap;

use super::{Cooccurrence, WordTranslations};

/// Word pairs learned from the confident beads of many documents (see
/// [`Batch::learn_across`](crate::Batch::learn_across)), usable as a dictionary for further documents.
#[derive(Debug, Clone, Default)]
pub(crate) struct LearnedLexicon {
    translations: HashMap<String, Vec<String>>,
}

impl LearnedLexicon {
    /// Learns mutual-best Dice word pairs from beads given as word keys (German, English),
    /// see [`word_key`](crate::normalize::word_key).
    pub fn learn<'a>(
        beads: &'a [(Vec<String>, Vec<String>)],
        min_count: u32,
        min_dice: f64,
    ) -> Self {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut keys: Vec<&str> = Vec::new();
        let mut counts = Cooccurrence::default();
        for (german, english) in beads {
            // German and English keys live in one id space; the sides keep them apart.
            let mut intern = |key: &'a str| -> u32 {
                *ids.entry(key).or_insert_with(|| {
                    keys.push(key);
                    (keys.len() - 1) as u32
                })
            };
            let mut g: Vec<u32> = german.iter().map(|k| intern(k)).collect();
            let mut e: Vec<u32> = english.iter().map(|k| intern(k)).collect();
            g.sort_unstable();
            g.dedup();
            e.sort_unstable();
            e.dedup();
            counts.add_bead(&g, &e);
        }
        let mut translations: HashMap<String, Vec<String>> = HashMap::new();
        for (a, b) in counts.mutual_best(min_count, min_dice as f32) {
            translations
                .entry(keys[a as usize].to_owned())
                .or_default()
                .push(keys[b as usize].to_owned());
        }
        LearnedLexicon { translations }
    }
}

impl WordTranslations for LearnedLexicon {
    fn translations(&self, german_key: &str) -> &[String] {
        self.translations.get(german_key).map_or(&[], Vec::as_slice)
    }
}
