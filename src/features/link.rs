//! Linking: which German and English types are evidence of translation (the same number,
//! punctuation or spelling, near-identical words, learned or given word pairs).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::PairFeatures;
use super::intern::KeyIndex;
use super::rows::Rows;
use super::side::{SideFeatures, TypeInfo};
use super::tokenize::AnchorKind;
use crate::lexicon::{Cooccurrence, WordTranslations};
use crate::text::similarity::jaro_winkler;

impl PairFeatures<'_> {
    /// Learns word links from beads believed right: a German and an English type are linked
    /// when each is the other's best partner by the Dice coefficient of the beads they occur
    /// in, they share at least `min_count` beads, and the coefficient is at least `min_dice`.
    /// Types already linked keep their links. Returns the number of new links.
    pub(crate) fn learn_lexicon(
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
    pub(crate) fn add_translations(&mut self, source: &dyn WordTranslations) -> usize {
        if self.german.tokens_released || self.english.tokens_released {
            return 0;
        }
        let english_ids: FxHashMap<&str, u32> = self
            .english
            .types
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == AnchorKind::Word)
            .map(|(id, t)| (self.english.key_of(t), id as u32))
            .collect();
        let mut pairs = Vec::new();
        for (g, info) in self.german.types.iter().enumerate() {
            if info.kind != AnchorKind::Word {
                continue;
            }
            for key in source.translations(self.german.key_of(info)) {
                if let Some(&e) = english_ids.get(key.as_str())
                    && !self.german.links(g as u32).contains(&e)
                {
                    pairs.push((g as u32, e));
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
}

/// Links types that both sides spell alike: numbers, punctuation, words of four or more
/// characters with the same folded skeleton, and near-identical longer words.
/// `english_index` holds the English types by key.
pub(super) fn link_identical(
    german: &mut SideFeatures,
    english: &mut SideFeatures,
    english_index: &KeyIndex,
) {
    let mut pairs = Vec::new();
    let mut german_linked = vec![false; german.types.len()];
    let mut english_linked = vec![false; english.types.len()];
    for (g, info) in german.types.iter().enumerate() {
        if info.kind == AnchorKind::Word && german.key_of(info).chars().count() < 4 {
            continue;
        }
        if let Some(&e) = english_index[info.kind as usize].get(german.key_of(info)) {
            pairs.push((g as u32, e));
            german_linked[g] = true;
            english_linked[e as usize] = true;
        }
    }
    // Near-identical words among those still unlinked, bucketed by their first two characters,
    // each bucket sorted by length so that a word is compared with words of similar length.
    let long_word = |side: &SideFeatures, t: &TypeInfo| {
        t.kind == AnchorKind::Word && side.key_of(t).chars().count() >= 5
    };
    // One list for all buckets, sorted by prefix, then as each bucket: a bucket is a slice
    // of it, and a small document's many one-word buckets allocate nothing of their own.
    type Candidate = ((char, char), usize, u32, Option<CharCounts>);
    let mut buckets: Vec<Candidate> = Vec::new();
    for (e, info) in english.types.iter().enumerate() {
        if long_word(english, info)
            && !english_linked[e]
            && let Some(prefix) = prefix2(english.key_of(info))
        {
            buckets.push((
                prefix,
                english.key_of(info).chars().count(),
                e as u32,
                char_counts(english.key_of(info)),
            ));
        }
    }
    buckets.sort_unstable();
    for (g, info) in german.types.iter().enumerate() {
        if !long_word(german, info) || german_linked[g] {
            continue;
        }
        let Some(prefix) = prefix2(german.key_of(info)) else {
            continue;
        };
        let first = buckets.partition_point(|c| c.0 < prefix);
        let candidates =
            &buckets[first..first + buckets[first..].partition_point(|c| c.0 == prefix)];
        if candidates.is_empty() {
            continue;
        }
        let length = german.key_of(info).chars().count();
        let counts = char_counts(german.key_of(info));
        // Lengths nearest the word's own first (0, -1, +1, ... -4, +4), and at most
        // MAX_NEAR_CANDIDATES comparisons, so a huge vocabulary sharing one prefix stays linear.
        let near = [0isize, -1, 1, -2, 2, -3, 3, -4, 4]
            .into_iter()
            .filter_map(|d| length.checked_add_signed(d))
            .flat_map(|len| {
                let start = candidates.partition_point(|c| c.1 < len);
                let end = candidates.partition_point(|c| c.1 <= len);
                candidates.get(start..end).unwrap_or_default()
            })
            .take(MAX_NEAR_CANDIDATES);
        let mut best: Option<(f64, u32)> = None;
        for &(_, other_length, e, ref other_counts) in near {
            if let (Some(a), Some(b)) = (&counts, other_counts)
                && !may_reach_near_identity(a, length, b, other_length)
            {
                continue;
            }
            let other = english.key_of(&english.types[e as usize]);
            let similarity = jaro_winkler(german.key_of(info), other);
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
pub(super) type CharCounts = [u8; 32];

/// The [`CharCounts`] of `key`, or `None` when a class holds more than 255 characters.
pub(super) fn char_counts(key: &str) -> Option<CharCounts> {
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
pub(super) fn may_reach_near_identity(
    a: &CharCounts,
    a_len: usize,
    b: &CharCounts,
    b_len: usize,
) -> bool {
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
