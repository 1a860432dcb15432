//! Aligning many document pairs together, with a lexicon learned across all of them.

use std::collections::HashMap;

use super::{Aligner, Alignment};
use crate::cooccurrence::Cooccurrence;
use crate::error::Result;
use crate::features::WordTranslations;
use crate::text::Text;

/// Word pairs learned from the confident beads of many documents (see
/// [`Aligner::align_corpus`]), usable as a dictionary for further documents.
#[derive(Debug, Clone, Default)]
pub struct LearnedLexicon {
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

    /// Number of German words with a learned translation.
    pub fn len(&self) -> usize {
        self.translations.len()
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.translations.is_empty()
    }
}

impl WordTranslations for LearnedLexicon {
    fn translations(&self, german_key: &str) -> &[String] {
        self.translations.get(german_key).map_or(&[], Vec::as_slice)
    }
}

impl Aligner {
    /// Aligns document pairs together: a first pass over every pair, a lexicon learned from
    /// the confident beads of all of them ([`LearnedLexicon`]), then a second pass over every
    /// pair with it. Small documents profit most: one news article teaches little, a hundred
    /// teach a vocabulary.
    ///
    /// Results come in input order; with the `rayon` feature the passes run in parallel, and
    /// the output is the same whatever the number of threads. Memory holds all documents; for
    /// a stream, call it on chunks.
    ///
    /// ```
    /// use satzweise::{Aligner, Text};
    /// let documents = vec![
    ///     (Text::from_sentences(["Der Berg ist hoch."]), Text::from_sentences(["The mountain is high."])),
    ///     (Text::from_sentences(["Ein Berg.", "Zwei Hütten."]), Text::from_sentences(["A mountain.", "Two huts."])),
    /// ];
    /// let alignments = Aligner::new().align_corpus(documents);
    /// assert_eq!(alignments.len(), 2);
    /// assert_eq!(alignments[1].as_ref().unwrap().beads().len(), 2);
    /// ```
    pub fn align_corpus(&self, documents: Vec<(Text, Text)>) -> Vec<Result<Alignment>> {
        let first_pass = |(german, english): &(Text, Text)| {
            let mut teaching = Vec::new();
            self.run(german, english, None, Some(&mut teaching));
            teaching
        };
        #[cfg(feature = "rayon")]
        let teaching: Vec<Vec<(Vec<String>, Vec<String>)>> = {
            use rayon::prelude::*;
            documents.par_iter().map(first_pass).collect()
        };
        #[cfg(not(feature = "rayon"))]
        let teaching: Vec<Vec<(Vec<String>, Vec<String>)>> =
            documents.iter().map(first_pass).collect();
        let teaching: Vec<(Vec<String>, Vec<String>)> = teaching.into_iter().flatten().collect();
        let lexicon = LearnedLexicon::learn(
            &teaching,
            self.config.lexicon_min_count,
            self.config.lexicon_min_dice,
        );
        let second_pass = |(german, english): (Text, Text)| {
            let found = self.run(&german, &english, Some(&lexicon), None);
            self.finish(german, english, found)
        };
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            documents.into_par_iter().map(second_pass).collect()
        }
        #[cfg(not(feature = "rayon"))]
        documents.into_iter().map(second_pass).collect()
    }
}
