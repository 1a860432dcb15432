//! Normalization and folding of words for comparison across languages.
//!
//! Scoring compares words of two languages, so it folds away differences that carry no
//! meaning for alignment: Unicode normalization form (NFC and NFD give the same result),
//! case, diacritics, German umlauts and ß (`Ä` → `ae`, `ß` → `ss`), and a few spelling habits
//! that differ between German and English or French (`c`/`k`, `z`/`s`, `ph`/`f`, `y`/`i`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Folds a word for cross-language comparison: lower case, no diacritics, umlauts and ß
/// written out (the crate folds into buffers, [`fold_into`]; this is the tests' form).
#[cfg(test)]
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), so that a caller folding many words reuses one buffer.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // ASCII is NFC and NFD already, lower-cases one letter to one, and has no combining
        // marks: folding is lower-casing.
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if unicode_normalization::is_nfc_quick(word.chars()) == IsNormalized::Yes {
        // Composing would give the same characters back.
        fold_chars(word.chars(), out);
    } else {
        fold_chars(word.nfc(), out);
    }
}

/// Folds NFC characters one by one.
fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            // What the general arm below gives for ASCII, without its iterators.
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => {
                for d in c.to_lowercase().nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// Folds further to a spelling skeleton on which German, English and French cognates tend to
/// agree: `c`→`k`, `z`→`s`, `ph`→`f`, `th`→`t`, `y`→`i`, `w`→`v`, `sch`→`sh`, `qu`→`k`,
/// doubled letters once. The input should already be [`fold`](fold_into)ed (the crate writes
/// skeletons into buffers, [`skeleton_into`]; this is the tests' form).
#[cfg(test)]
pub(crate) fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    skeleton_into(folded, &mut out);
    out
}

/// [`skeleton`] into `out` (cleared first).
pub(crate) fn skeleton_into(folded: &str, out: &mut String) {
    out.clear();
    if folded.is_ascii() {
        // Bytes are characters: no need to collect them.
        let bytes = folded.as_bytes();
        skeleton_of(bytes.len(), |k| bytes.get(k).map(|&b| char::from(b)), out);
    } else {
        let chars: Vec<char> = folded.chars().collect();
        skeleton_of(chars.len(), |k| chars.get(k).copied(), out);
    }
}

/// The skeleton of the `len` characters that `at` gives by index.
fn skeleton_of(len: usize, at: impl Fn(usize) -> Option<char>, out: &mut String) {
    let mut k = 0;
    let mut last: Option<char> = None;
    while k < len {
        let Some(c) = at(k) else { break };
        let next = at(k + 1);
        let (mapped, step) = match (c, next) {
            ('s', Some('c')) if at(k + 2) == Some('h') => ('S', 3),
            ('p', Some('h')) => ('f', 2),
            ('t', Some('h')) => ('t', 2),
            ('q', Some('u')) => ('k', 2),
            ('c', Some('k')) => ('k', 2),
            ('c', _) => ('k', 1),
            ('z', _) => ('s', 1),
            ('y', _) => ('i', 1),
            ('w', _) => ('v', 1),
            _ => (c, 1),
        };
        k += step;
        if last == Some(mapped) {
            continue;
        }
        last = Some(mapped);
        if mapped == 'S' {
            out.push_str("sh");
        } else {
            out.push(mapped);
        }
    }
}

/// The key under which words are compared across languages, and under which a
/// [`WordTranslations`](crate::WordTranslations) source gives and returns its words.
///
/// The key folds away what carries no meaning for alignment: Unicode normalization form
/// (NFC and NFD give the same key), case, diacritics, German umlauts and ß (`Ä` → `ae`,
/// `ß` → `ss`), and spelling habits on which German, English and French cognates differ:
/// `c`→`k`, `z`→`s`, `ph`→`f`, `th`→`t`, `y`→`i`, `w`→`v`, `sch`→`sh`, `qu`→`k`, doubled
/// letters once.
///
/// ```
/// use satzweise::word_key;
/// assert_eq!(word_key("Außenminister"), word_key("aussenminister"));
/// assert_eq!(word_key("Mu\u{0308}ller"), word_key("M\u{00fc}ller"));
/// assert_eq!(word_key("philosophie"), word_key("filosofie"));
/// assert_eq!(word_key("Kommission"), word_key("commission"));
/// assert_eq!(word_key("STRASSE"), word_key("Straße"));
/// ```
pub fn word_key(word: &str) -> String {
    let (mut folded, mut key) = (String::new(), String::new());
    word_key_into(word, &mut folded, &mut key);
    key
}

/// [`word_key`] into `key`, with `folded` as scratch (both cleared first).
pub(crate) fn word_key_into(word: &str, folded: &mut String, key: &mut String) {
    fold_into(word, folded);
    skeleton_into(folded, key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_skeletons_on_examples() {
        assert_eq!(fold("Außenminister"), "aussenminister");
        assert_eq!(fold("Müller"), "mueller");
        assert_eq!(fold("Besançon"), "besancon");
        assert_eq!(fold("Mu\u{0308}ller"), fold("M\u{00fc}ller"));
        assert_eq!(skeleton("kommission"), skeleton("commission"));
        assert_eq!(skeleton("philosophie"), "filosofie");
    }

    #[test]
    fn nfc_and_nfd_fold_alike() {
        let nfc = "Ærøskøbing Zürich Straße";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(nfc), fold(&nfd));
    }

    /// Folding as first written: NFC, then each character on its own, no fast paths.
    fn fold_reference(word: &str) -> String {
        let mut out = String::new();
        for c in word.nfc() {
            match c {
                'ä' | 'Ä' => out.push_str("ae"),
                'ö' | 'Ö' => out.push_str("oe"),
                'ü' | 'Ü' => out.push_str("ue"),
                'ß' | 'ẞ' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                _ => out.extend(c.to_lowercase().nfd().filter(|&d| !is_combining_mark(d))),
            }
        }
        out
    }

    #[test]
    fn fast_paths_fold_as_the_general_path() {
        for word in [
            "Außenminister",
            "MÜLLER",
            "Mu\u{0308}ller",
            "Besançon",
            "ÆRØSKØBING",
            "İstanbul",
            "ΣΟΦΙΑ",
            "Kommission",
            "schSCHphPH",
            "e\u{301}te\u{301}",
            "",
        ] {
            assert_eq!(fold(word), fold_reference(word), "{word}");
            let (mut folded, mut key) = (String::new(), String::new());
            word_key_into(word, &mut folded, &mut key);
            assert_eq!(key, word_key(word), "{word}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 256,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x5a72_7765_6973_6518),
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn fold_agrees_with_the_reference(word in "\\PC{0,12}") {
            proptest::prop_assert_eq!(fold(&word), fold_reference(&word));
        }

        #[test]
        fn word_keys_agree_with_the_references(word in "[A-Za-z0-9 .-]{0,12}[A-Za-zÄäßé]{0,3}") {
            let (mut folded, mut key) = (String::new(), String::new());
            word_key_into(&word, &mut folded, &mut key);
            proptest::prop_assert_eq!(key, skeleton_reference(&fold_reference(&word)));
        }

        #[test]
        fn skeleton_agrees_with_the_reference(word in "[a-z]{0,12}[a-zäöøé]{0,3}") {
            proptest::prop_assert_eq!(skeleton(&word), skeleton_reference(&word));
        }
    }

    /// The skeleton as first written, on a vector of characters.
    fn skeleton_reference(folded: &str) -> String {
        let chars: Vec<char> = folded.chars().collect();
        let mut out = String::new();
        let (mut k, mut last) = (0, None);
        while k < chars.len() {
            let next = chars.get(k + 1).copied();
            let (mapped, step) = match (chars[k], next) {
                ('s', Some('c')) if chars.get(k + 2) == Some(&'h') => ('S', 3),
                ('p', Some('h')) => ('f', 2),
                ('t', Some('h')) => ('t', 2),
                ('q', Some('u')) => ('k', 2),
                ('c', Some('k')) => ('k', 2),
                ('c', _) => ('k', 1),
                ('z', _) => ('s', 1),
                ('y', _) => ('i', 1),
                ('w', _) => ('v', 1),
                (c, _) => (c, 1),
            };
            k += step;
            if last != Some(mapped) {
                last = Some(mapped);
                if mapped == 'S' {
                    out.push_str("sh");
                } else {
                    out.push(mapped);
                }
            }
        }
        out
    }

    #[test]
    fn skeleton_joins_cognates() {
        assert_eq!(skeleton(&fold("Zentrum")), skeleton(&fold("zentrum")));
        assert_eq!(skeleton("diskussion"), skeleton("discussion"));
    }
}
