//! Normalization and folding of words for comparison across languages.
//!
//! Scoring compares words of two languages, so it folds away differences that carry no
//! meaning for alignment: Unicode normalization form (NFC and NFD give the same result),
//! case, diacritics, German umlauts and ß (`Ä` → `ae`, `ß` → `ss`), and a few spelling habits
//! that differ between German and English or French (`c`/`k`, `z`/`s`, `ph`/`f`, `y`/`i`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a word for cross-language comparison: lower case, no diacritics, umlauts and ß
/// written out.
///
/// ```
/// use satzweise::normalize::fold;
/// assert_eq!(fold("Außenminister"), "aussenminister");
/// assert_eq!(fold("Müller"), "mueller");
/// assert_eq!(fold("Besançon"), "besancon");
/// assert_eq!(fold("Mu\u{0308}ller"), fold("M\u{00fc}ller"));
/// ```
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfc() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => {
                for d in c.to_lowercase().nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
    out
}

/// Folds further to a spelling skeleton on which German, English and French cognates tend to
/// agree: `c`→`k`, `z`→`s`, `ph`→`f`, `th`→`t`, `y`→`i`, `w`→`v`, `sch`→`sh`, `qu`→`k`,
/// doubled letters once. The input should already be [`fold`]ed.
///
/// ```
/// use satzweise::normalize::skeleton;
/// assert_eq!(skeleton("kommission"), skeleton("commission"));
/// assert_eq!(skeleton("philosophie"), "filosofie");
/// ```
pub fn skeleton(folded: &str) -> String {
    let bytes: Vec<char> = folded.chars().collect();
    let mut out = String::with_capacity(folded.len());
    let mut k = 0;
    let mut last: Option<char> = None;
    while k < bytes.len() {
        let c = bytes[k];
        let next = bytes.get(k + 1).copied();
        let (mapped, step) = match (c, next) {
            ('s', Some('c')) if bytes.get(k + 2) == Some(&'h') => ('S', 3),
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
    out
}

/// The key under which words are compared across languages: [`skeleton`] of [`fold`].
///
/// Dictionaries and lexicons store their words under this key.
///
/// ```
/// use satzweise::normalize::word_key;
/// assert_eq!(word_key("Kommission"), word_key("commission"));
/// assert_eq!(word_key("STRASSE"), word_key("Straße"));
/// ```
pub fn word_key(word: &str) -> String {
    skeleton(&fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_nfd_fold_alike() {
        let nfc = "Ærøskøbing Zürich Straße";
        let nfd: String = nfc.nfd().collect();
        assert_eq!(fold(nfc), fold(&nfd));
    }

    #[test]
    fn skeleton_joins_cognates() {
        assert_eq!(skeleton(&fold("Zentrum")), skeleton(&fold("zentrum")));
        assert_eq!(skeleton("diskussion"), skeleton("discussion"));
    }
}
