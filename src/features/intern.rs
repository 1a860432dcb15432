//! Interning: every sentence of a text split into tokens, each token a type id of its side
//! (numbered in order of first occurrence), with the sentence lengths and cues on the way.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::cues::SentenceShape;
use super::rows::Rows;
use super::side::{SideFeatures, TypeInfo};
use super::tokenize::{AnchorKind, Token, tokenize};
use crate::normalize::word_key_into;
use crate::text::Text;

/// The type ids of one side by key, one map per [`AnchorKind`].
pub(super) type KeyIndex = [FxHashMap<Box<str>, u32>; 3];

/// Splits every sentence of a text into interned types; returns the side and its types by key.
pub(super) fn extract_side(text: &Text) -> (SideFeatures, KeyIndex) {
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
    // Paragraphs are anchors only when they group sentences (pre-split lines are all
    // paragraphs of one sentence).
    let spans = text.spans();
    let grouped = spans.windows(2).any(|w| w[0].paragraph == w[1].paragraph)
        && spans.windows(2).any(|w| w[0].paragraph != w[1].paragraph);
    for (k, span) in spans.iter().enumerate() {
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
        let mut shape = SentenceShape::of(sentence);
        shape.opens_paragraph = grouped
            && k > 0
            && spans
                .get(k - 1)
                .is_some_and(|p| p.paragraph != span.paragraph);
        shapes.push(shape);
        tokens.push_row(row.iter().copied());
    }
    drop(spellings);
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
        tokens_released: false,
    };
    (side, index)
}
