//! Features computed once per sentence, before the search.
//!
//! Scoring a bead must never re-read raw text, so everything a [`Scorer`](crate::Scorer)
//! needs is extracted here into compact arrays: the length of each sentence and its
//! *anchors*: numbers, words that look alike in both languages (names, cognates), and marked
//! punctuation, each interned as a `u32` id that is shared by both sides of the pair when the
//! two sides spell it alike.

use std::collections::HashMap;
use std::ops::Range;

use crate::normalize::{fold, skeleton};
use crate::text::Text;

/// The kinds of anchors, which carry different weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum AnchorKind {
    /// A number, with separators removed: German `1.000,5` and English `1,000.5` both read
    /// `10005`; ordinals `29.` and `29th` both read `29`.
    Number = 0,
    /// A word of four or more letters that both sides spell alike after folding (names,
    /// cognates, acronyms).
    Word = 1,
    /// Marked punctuation: `?`, `!`, `:`, `;`, quotes, brackets.
    Punctuation = 2,
}

/// Per-sentence features of one side.
#[derive(Debug, Clone, Default)]
pub struct SideFeatures {
    lengths: Vec<f32>,
    anchor_offsets: Vec<u32>,
    anchors: Vec<u32>,
}

impl SideFeatures {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether the side has no sentence.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Length of sentence `k` in characters, white space excluded.
    pub fn length(&self, k: usize) -> f32 {
        self.lengths[k]
    }

    /// Summed length of the sentences in `run`.
    pub fn run_length(&self, run: Range<usize>) -> f32 {
        self.lengths[run].iter().sum()
    }

    /// The anchor ids of sentence `k` that also occur on the other side of the pair, sorted,
    /// each once.
    pub fn anchors(&self, k: usize) -> &[u32] {
        let start = self.anchor_offsets[k] as usize;
        let end = self.anchor_offsets[k + 1] as usize;
        &self.anchors[start..end]
    }
}

/// The features of a document pair: both sides plus the weight of every shared anchor.
#[derive(Debug, Clone)]
pub struct PairFeatures<'a> {
    german_text: &'a Text,
    english_text: &'a Text,
    german: SideFeatures,
    english: SideFeatures,
    anchor_weights: Vec<f32>,
    length_ratio: f64,
}

impl<'a> PairFeatures<'a> {
    /// Extracts the features of both texts.
    pub fn new(german_text: &'a Text, english_text: &'a Text) -> Self {
        let mut interner = Interner::default();
        let german_raw: Vec<RawSentence> = german_text
            .sentences()
            .map(|s| RawSentence::extract(s, &mut interner))
            .collect();
        let german_vocabulary = interner.names.len();
        let english_raw: Vec<RawSentence> = english_text
            .sentences()
            .map(|s| RawSentence::extract(s, &mut interner))
            .collect();
        // Near-identical words: a German word that the English side does not spell alike may
        // still be close (Aserbaidschan / Azerbaijan, Diskussionen / discussions).
        let rename = interner.link_near_identical(german_vocabulary, &german_raw, &english_raw);
        let ids = interner.names.len();
        let mut german_df = vec![0u32; ids];
        let mut english_df = vec![0u32; ids];
        let german_sets: Vec<Vec<u32>> = german_raw
            .iter()
            .map(|s| s.anchor_set(Some(&rename)))
            .collect();
        let english_sets: Vec<Vec<u32>> = english_raw.iter().map(|s| s.anchor_set(None)).collect();
        for set in &german_sets {
            for &id in set {
                german_df[id as usize] += 1;
            }
        }
        for set in &english_sets {
            for &id in set {
                english_df[id as usize] += 1;
            }
        }
        let anchor_weights: Vec<f32> = (0..ids)
            .map(|id| {
                let (g, e) = (german_df[id], english_df[id]);
                if g == 0 || e == 0 {
                    0.0
                } else {
                    interner.kind_weight(id as u32) / g.max(e) as f32
                }
            })
            .collect();
        let side = |raw: &[RawSentence], sets: Vec<Vec<u32>>| {
            let mut features = SideFeatures {
                lengths: raw.iter().map(|s| s.length).collect(),
                anchor_offsets: Vec::with_capacity(raw.len() + 1),
                anchors: Vec::new(),
            };
            features.anchor_offsets.push(0);
            for set in sets {
                features.anchors.extend(
                    set.into_iter()
                        .filter(|&id| anchor_weights[id as usize] > 0.0),
                );
                features.anchor_offsets.push(features.anchors.len() as u32);
            }
            features
        };
        let german = side(&german_raw, german_sets);
        let english = side(&english_raw, english_sets);
        let german_total: f64 = german.lengths.iter().map(|&l| l as f64).sum();
        let english_total: f64 = english.lengths.iter().map(|&l| l as f64).sum();
        let length_ratio = if german_total > 0.0 && english_total > 0.0 {
            (english_total / german_total).clamp(0.2, 5.0)
        } else {
            1.0
        };
        PairFeatures {
            german_text,
            english_text,
            german,
            english,
            anchor_weights,
            length_ratio,
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

    /// English characters per German character over the whole document pair (clamped to
    /// 0.2..=5; 1 when a side is empty).
    pub fn length_ratio(&self) -> f64 {
        self.length_ratio
    }

    /// Weight of an anchor id: its kind's weight divided by the larger number of sentences
    /// it occurs in on either side (a word that occurs everywhere tells little).
    pub fn anchor_weight(&self, id: u32) -> f32 {
        self.anchor_weights[id as usize]
    }

    /// Summed weight of the anchors that the German run and the English run share, each
    /// anchor counted once. In `[0, ∞)`; 0 when either run is empty.
    pub fn shared_anchor_weight(&self, german: Range<usize>, english: Range<usize>) -> f32 {
        if german.is_empty() || english.is_empty() {
            return 0.0;
        }
        let mut german_ids = SmallIds::default();
        for k in german {
            german_ids.extend(self.german.anchors(k));
        }
        let mut english_ids = SmallIds::default();
        for k in english {
            english_ids.extend(self.english.anchors(k));
        }
        let (a, b) = (german_ids.sorted(), english_ids.sorted());
        let (mut i, mut j, mut total) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    total += self.anchor_weights[a[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        total
    }
}

/// A small set of ids that lives on the stack while it is small.
struct SmallIds {
    inline: [u32; 32],
    len: usize,
    spill: Vec<u32>,
    runs: usize,
}

impl Default for SmallIds {
    fn default() -> Self {
        SmallIds {
            inline: [0; 32],
            len: 0,
            spill: Vec::new(),
            runs: 0,
        }
    }
}

impl SmallIds {
    fn extend(&mut self, ids: &[u32]) {
        self.runs += 1;
        if self.spill.is_empty() && self.len + ids.len() <= self.inline.len() {
            self.inline[self.len..self.len + ids.len()].copy_from_slice(ids);
            self.len += ids.len();
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.inline[..self.len]);
            }
            self.spill.extend_from_slice(ids);
        }
    }

    fn sorted(&mut self) -> &[u32] {
        let runs = self.runs;
        let ids: &mut [u32] = if self.spill.is_empty() {
            &mut self.inline[..self.len]
        } else {
            &mut self.spill
        };
        if runs <= 1 {
            return ids;
        }
        ids.sort_unstable();
        let mut write = 0;
        for read in 0..ids.len() {
            if write == 0 || ids[read] != ids[write - 1] {
                ids[write] = ids[read];
                write += 1;
            }
        }
        &ids[..write]
    }
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<(AnchorKind, String)>,
}

impl Interner {
    fn intern(&mut self, kind: AnchorKind, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(key.clone(), id);
        self.names.push((kind, key));
        id
    }

    fn kind_weight(&self, id: u32) -> f32 {
        match self.names[id as usize].0 {
            AnchorKind::Number => 1.0,
            AnchorKind::Word => 0.6,
            AnchorKind::Punctuation => 0.3,
        }
    }

    /// Maps German-only word ids to near-identical English word ids.
    fn link_near_identical(
        &self,
        german_vocabulary: usize,
        german: &[RawSentence],
        english: &[RawSentence],
    ) -> HashMap<u32, u32> {
        let mut in_german = vec![false; self.names.len()];
        let mut in_english = vec![false; self.names.len()];
        for s in german {
            for &id in &s.anchors {
                in_german[id as usize] = true;
            }
        }
        for s in english {
            for &id in &s.anchors {
                in_english[id as usize] = true;
            }
        }
        // English-only words, bucketed by their first two characters, each bucket sorted by
        // length (in characters) so that a German word compares with words of similar length.
        let mut buckets: HashMap<(char, char), Vec<(usize, u32)>> = HashMap::new();
        for (id, (kind, key)) in self.names.iter().enumerate() {
            if *kind == AnchorKind::Word && in_english[id] && !in_german[id] {
                if let Some(prefix) = prefix2(key) {
                    buckets
                        .entry(prefix)
                        .or_default()
                        .push((key.chars().count(), id as u32));
                }
            }
        }
        for bucket in buckets.values_mut() {
            bucket.sort_unstable();
        }
        let mut rename = HashMap::new();
        for (id, (kind, key)) in self.names.iter().enumerate().take(german_vocabulary) {
            if *kind != AnchorKind::Word || !in_german[id] || in_english[id] {
                continue;
            }
            let key_len = key.chars().count();
            if key_len < 5 {
                continue;
            }
            let Some(candidates) = prefix2(key).and_then(|p| buckets.get(&p)) else {
                continue;
            };
            let mut best: Option<(f64, u32)> = None;
            // At most MAX_NEAR_CANDIDATES comparisons per German word, so that a document
            // with a huge vocabulary sharing one prefix stays linear (a 10 MB line of
            // "wort1 wort2 …" against "word1 word2 …" was quadratic).
            // Lengths nearest to the word's own first: 0, -1, +1, ... -4, +4.
            let near = [0isize, -1, 1, -2, 2, -3, 3, -4, 4]
                .into_iter()
                .filter_map(|d| key_len.checked_add_signed(d))
                .flat_map(|len| {
                    let start = candidates.partition_point(|&(l, _)| l < len);
                    let end = candidates.partition_point(|&(l, _)| l <= len);
                    candidates.get(start..end).unwrap_or_default()
                })
                .take(MAX_NEAR_CANDIDATES);
            for &(other_len, candidate) in near {
                let other = &self.names[candidate as usize].1;
                if other_len < 5 {
                    continue;
                }
                let similarity = strsim::jaro_winkler(key, other);
                if similarity >= 0.9 && best.is_none_or(|(s, _)| similarity > s) {
                    best = Some((similarity, candidate));
                }
            }
            if let Some((_, candidate)) = best {
                rename.insert(id as u32, candidate);
            }
        }
        rename
    }
}

/// How many English words of similar length a German word is compared with, at most, when
/// looking for a near-identical spelling.
const MAX_NEAR_CANDIDATES: usize = 128;

fn prefix2(key: &str) -> Option<(char, char)> {
    let mut chars = key.chars();
    Some((chars.next()?, chars.next()?))
}

struct RawSentence {
    length: f32,
    anchors: Vec<u32>,
}

impl RawSentence {
    fn extract(sentence: &str, interner: &mut Interner) -> RawSentence {
        // NFC first, so that lengths and words do not depend on the normalization form
        // (a decomposed "u\u{308}" would count two characters and split the word it is in).
        let composed;
        let sentence = match unicode_normalization::is_nfc_quick(sentence.chars()) {
            unicode_normalization::IsNormalized::Yes => sentence,
            _ => {
                composed =
                    unicode_normalization::UnicodeNormalization::nfc(sentence).collect::<String>();
                composed.as_str()
            }
        };
        let mut anchors = Vec::new();
        let mut length = 0.0f32;
        let mut chars = sentence.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_whitespace() {
                length += 1.0;
            }
            if c.is_ascii_digit() {
                // A number: digits with inner separators.
                let mut digits = String::new();
                digits.push(c);
                let mut end = start + 1;
                while let Some(&(k, d)) = chars.peek() {
                    if d.is_ascii_digit() {
                        digits.push(d);
                    } else if matches!(d, '.' | ',' | '\'' | '’' | '\u{202f}')
                        && sentence[k + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_ascii_digit())
                    {
                    } else {
                        break;
                    }
                    length += 1.0;
                    end = k + d.len_utf8();
                    chars.next();
                }
                let _ = end;
                let trimmed = digits.trim_start_matches('0');
                let key = if trimmed.is_empty() { "0" } else { trimmed };
                anchors.push(interner.intern(AnchorKind::Number, format!("#{key}")));
            } else if c.is_alphabetic() {
                let mut end = start + c.len_utf8();
                while let Some(&(k, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        length += 1.0;
                        end = k + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let word = &sentence[start..end];
                if word.chars().count() >= 4 {
                    let key = skeleton(&fold(word));
                    anchors.push(interner.intern(AnchorKind::Word, format!("w{key}")));
                }
            } else if let Some(mark) = punctuation_class(c) {
                anchors.push(interner.intern(AnchorKind::Punctuation, format!("p{mark}")));
            }
        }
        RawSentence { length, anchors }
    }

    fn anchor_set(&self, rename: Option<&HashMap<u32, u32>>) -> Vec<u32> {
        let mut set: Vec<u32> = self
            .anchors
            .iter()
            .map(|id| rename.and_then(|r| r.get(id)).copied().unwrap_or(*id))
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }
}

fn punctuation_class(c: char) -> Option<char> {
    match c {
        '?' | '¿' => Some('?'),
        '!' | '¡' => Some('!'),
        ':' => Some(':'),
        ';' => Some(';'),
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '›' | '‹' => Some('"'),
        '(' | ')' | '[' | ']' => Some('('),
        '%' => Some('%'),
        '€' | '$' | '£' => Some('$'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_across_notations() {
        let german = Text::from_sentences(["Es kostet 1.000,5 Euro am 29. Mai."]);
        let english = Text::from_sentences(["It costs 1,000.5 euros on May 29th."]);
        let pair = PairFeatures::new(&german, &english);
        // 10005, 29, "euro" (cognate) are shared
        assert!(pair.shared_anchor_weight(0..1, 0..1) >= 2.0);
    }

    #[test]
    fn near_identical_names_link() {
        let german = Text::from_sentences(["Aserbaidschan und Litauen.", "Nichts."]);
        let english = Text::from_sentences(["Azerbaijan and Lithuania.", "Nothing."]);
        let pair = PairFeatures::new(&german, &english);
        assert!(pair.shared_anchor_weight(0..1, 0..1) > 0.5);
        assert_eq!(pair.shared_anchor_weight(1..2, 1..2), 0.0);
    }

    #[test]
    fn empty_runs_share_nothing() {
        let german = Text::from_sentences(["2020"]);
        let english = Text::from_sentences(["2020"]);
        let pair = PairFeatures::new(&german, &english);
        assert_eq!(pair.shared_anchor_weight(0..0, 0..1), 0.0);
        assert_eq!(pair.shared_anchor_weight(0..1, 0..1), 1.0);
    }
}
