//! Interning: every sentence of a text split into tokens, each token a type id of its side
//! (numbered in order of first occurrence), with the sentence lengths and cues on the way.

use std::borrow::Cow;
use std::hash::Hasher;

use rustc_hash::FxHasher;

use super::cues::SentenceShape;
use super::rows::{PackedRows, Rows};
use super::side::{SideFeatures, TypeInfo};
use super::tokenize::{AnchorKind, Token, tokenize};
use crate::normalize::word_key_into;
use crate::text::Text;

/// The type ids of one side by key, one table per [`AnchorKind`].
pub(super) type KeyIndex = [KeyTable; 3];

/// Strings to ids, the strings kept one after the other in one buffer: interning a string
/// allocates nothing of its own (a map of boxed strings would allocate for every type, and a
/// small document's types are nearly all new). Open addressing with linear probing, at most
/// half full.
///
/// Entries cannot be removed or changed; the table is read through [`get`](KeyTable::get) and
/// filled through [`insert`](KeyTable::insert).
#[derive(Debug, Default)]
pub(super) struct KeyTable {
    /// The strings, in order of insertion.
    text: String,
    /// For each string: where it ends in `text` (it starts where the one before ends), its
    /// hash and its id.
    entries: Vec<KeyEntry>,
    /// Indices into `entries`, or [`KeyTable::EMPTY`]; a power of two long (or empty).
    slots: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct KeyEntry {
    end: usize,
    hash: u64,
    id: u32,
}

impl KeyTable {
    const EMPTY: u32 = u32::MAX;

    /// A table with room for `count` strings before it grows.
    fn with_capacity(count: usize) -> KeyTable {
        KeyTable {
            text: String::with_capacity(count * 8),
            entries: Vec::with_capacity(count),
            slots: vec![Self::EMPTY; (2 * count).next_power_of_two().max(16)],
        }
    }

    fn hash(key: &str) -> u64 {
        let mut hasher = FxHasher::default();
        hasher.write(key.as_bytes());
        let hash = hasher.finish();
        // The slot comes from the low bits: fold the high ones in.
        hash ^ (hash >> 29)
    }

    fn key_of(&self, entry: usize) -> &str {
        let start = entry.checked_sub(1).map_or(0, |e| self.entries[e].end);
        &self.text[start..self.entries[entry].end]
    }

    /// The id of `key`, if it was inserted (the tests below show the use).
    pub(super) fn get(&self, key: &str) -> Option<&u32> {
        if self.slots.is_empty() {
            return None;
        }
        let hash = Self::hash(key);
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let entry = self.slots[slot];
            if entry == Self::EMPTY {
                return None;
            }
            let found = &self.entries[entry as usize];
            if found.hash == hash && self.key_of(entry as usize) == key {
                return Some(&found.id);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds `key` with `id`; `key` must not be in the table yet.
    fn insert(&mut self, key: &str, id: u32) {
        debug_assert!(self.get(key).is_none(), "{key:?} inserted twice");
        if 2 * (self.entries.len() + 1) > self.slots.len() {
            self.grow();
        }
        let hash = Self::hash(key);
        self.text.push_str(key);
        let index = u32::try_from(self.entries.len()).expect("fewer than 2^32 types");
        self.entries.push(KeyEntry {
            end: self.text.len(),
            hash,
            id,
        });
        self.place(index, hash);
    }

    fn place(&mut self, index: u32, hash: u64) {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while self.slots[slot] != Self::EMPTY {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = index;
    }

    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(16);
        self.slots = vec![Self::EMPTY; size];
        for index in 0..self.entries.len() {
            self.place(index as u32, self.entries[index].hash);
        }
    }
}

/// Splits every sentence of a text into interned types; returns the side and its types by key.
pub(super) fn extract_side(text: &Text) -> (SideFeatures, KeyIndex) {
    // Most types of a text are words; room for them is reserved from the text's size (up to
    // a bound, past which a long text's tables grow as they need).
    let expected_words = (text.as_str().len() / 12).clamp(16, 1 << 14);
    let mut index: KeyIndex = [
        KeyTable::with_capacity(16),
        KeyTable::with_capacity(expected_words),
        KeyTable::with_capacity(16),
    ];
    // Words as written, to skip folding when a spelling comes again (as most do).
    let mut spellings = KeyTable::with_capacity(expected_words);
    let mut types: Vec<TypeInfo> = Vec::with_capacity(expected_words);
    let mut lengths = Vec::with_capacity(text.len());
    let mut shapes = Vec::with_capacity(text.len());
    let mut tokens = PackedRows::new();
    tokens.reserve_rows(text.len());
    let mut row: Vec<u32> = Vec::new();
    let (mut digits, mut folded, mut key) = (String::new(), String::new(), String::new());
    let mut keys = String::with_capacity(expected_words * 8);
    let mut intern = |types: &mut Vec<TypeInfo>, kind: AnchorKind, key: &str| -> u32 {
        let ids = &mut index[kind as usize];
        if let Some(&id) = ids.get(key) {
            return id;
        }
        let id = types.len() as u32;
        let offset = |at: usize| u32::try_from(at).expect("a side's keys under 4 GiB");
        let start = offset(keys.len());
        keys.push_str(key);
        types.push(TypeInfo {
            kind,
            key: (start, offset(keys.len())),
            sentences: 0,
        });
        ids.insert(key, id);
        id
    };
    // Words hyphenated at a line end in wrapped text are read joined.
    let hyphenation = crate::segment::Hyphenation::of(text.as_str());
    // Paragraphs are anchors only when they group sentences (pre-split lines are all
    // paragraphs of one sentence).
    let pairs = || text.spans().zip(text.spans().skip(1));
    let grouped = pairs().any(|(a, b)| a.paragraph == b.paragraph)
        && pairs().any(|(a, b)| a.paragraph != b.paragraph);
    let mut previous_paragraph = None;
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
                        spellings.insert(word, id);
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
        let mut shape = SentenceShape::of(sentence);
        shape.opens_paragraph = grouped && previous_paragraph.is_some_and(|p| p != span.paragraph);
        previous_paragraph = Some(span.paragraph);
        shapes.push(shape);
        tokens.push_row(row.iter().copied());
    }
    drop(spellings);
    // The rows grew by doubling: on a long text the slack would be up to half of the largest
    // table the side keeps (it lives until the lexicon is learned).
    tokens.shrink_to_fit();
    types.shrink_to_fit();
    keys.shrink_to_fit();
    let side = SideFeatures {
        lengths,
        has_paragraphs: shapes.iter().any(|s| s.opens_paragraph),
        shapes,
        tokens,
        linkable: Rows::new(),
        linkable_previous: Vec::new(),
        weights: Vec::new(),
        links: Rows::from_sorted_pairs(types.len(), &[]),
        evidence_links: Vec::new(),
        types,
        keys,
        tokens_released: false,
    };
    (side, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_table_finds_every_key_it_was_given_and_no_other() {
        let mut table = KeyTable::default();
        assert_eq!(table.get("haus"), None);
        // Prefixes of each other, the empty string, non-ASCII keys, and enough keys to grow
        // the table several times from its smallest size.
        let keys: Vec<String> = (0..5000)
            .map(|k| match k % 4 {
                0 => "a".repeat(k / 4),
                1 => format!("wort{k}"),
                2 => format!("grüße{k}ß"),
                _ => format!("{k}"),
            })
            .collect();
        for (id, key) in keys.iter().enumerate() {
            table.insert(key, id as u32);
        }
        for (id, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), Some(&(id as u32)), "{key:?}");
        }
        let longest = "a".repeat(1250);
        for missing in ["b", "wort0", "grüße2", "wort-1", &longest] {
            assert_eq!(table.get(missing), None, "{missing:?}");
        }
    }

    #[test]
    fn a_key_table_sized_ahead_holds_more_than_its_room() {
        let mut table = KeyTable::with_capacity(3);
        for k in 0..100u32 {
            table.insert(&k.to_string(), k * 2);
        }
        assert!((0..100u32).all(|k| table.get(&k.to_string()) == Some(&(k * 2))));
    }
}
