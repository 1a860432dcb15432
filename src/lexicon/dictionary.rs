//! Bilingual German → English dictionaries: a source of word translations for the aligner.
//!
//! Documented on [`Dictionary`], its public face.

use std::io::BufRead;

use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};
use crate::features::WordTranslations;
use crate::normalize::{skeleton, word_key};

/// German → English word translations, keyed by [`word_key`].
///
/// A [`Dictionary`] maps German words to English words, both stored under their
/// [`word_key`] (folded case, umlauts written out, spelling skeleton), the form
/// in which the aligner's features compare words. It implements [`WordTranslations`], so
/// [`AlignerBuilder::dictionary`](crate::AlignerBuilder::dictionary) takes it: every German word
/// of a document whose translation occurs in the English text becomes an anchor.
///
/// Three sources:
///
/// - plain TSV, `German<TAB>English` per line ([`Dictionary::from_tsv_reader`],
///   [`Dictionary::from_tsv_file`]);
/// - the Ding format of the TU Chemnitz dictionary, which the Debian package `trans-de-en`
///   installs as `/usr/share/trans/de-en` ([`Dictionary::from_ding_reader`],
///   [`Dictionary::from_ding_file`]);
/// - a small German–English core lexicon built into the crate ([`Dictionary::core_de_en`]).
///
/// # What is kept
///
/// The aligner compares single word tokens, so a dictionary keeps only pairs in which **both
/// sides are one word** after cleaning. A term is one word when it starts with a letter, has
/// at least two characters, and holds only letters and digits (no space, hyphen, slash, dot
/// or apostrophe: the aligner's tokenizer would split such a term into several tokens).
/// Cleaning, on both formats:
///
/// - surrounding white space is trimmed;
/// - on the English side a leading `to ` (the infinitive marker, `to go` → `go`) is removed.
///
/// and on the Ding format only, before that:
///
/// - tags and notes in braces `{m}`, brackets `[ugs.]`, parentheses `(an etw.)` and angle
///   brackets `<Abfahrtszeitpunkt>` are removed (nested ones too);
/// - a trailing abbreviation between slashes (`departure /dep./`) is removed.
///
/// Everything else (phrases, idioms, example sentences, multi-word terms) is dropped.
///
/// ```
/// use satzweise::{Dictionary, WordTranslations, word_key};
///
/// let ding = "# a comment\n\
///             Jahr {n} | Jahre {pl} | vor Jahren :: year | years | years ago\n\
///             gehen {vi} /g./; laufen :: to go; to walk\n";
/// let dictionary = Dictionary::from_ding_reader(ding.as_bytes())?;
/// assert_eq!(dictionary.translations(&word_key("Jahre")), [word_key("years")]);
/// assert!(dictionary.translations(&word_key("laufen")).contains(&word_key("walk")));
/// // "vor Jahren" is a phrase: not kept.
/// assert!(dictionary.translations(&word_key("vor Jahren")).is_empty());
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// German key → English keys, each once, in the order first seen.
    entries: FxHashMap<String, Vec<String>>,
    /// Number of (German, English) key pairs.
    pairs: usize,
    /// Ding lines that were not comments or blank and could not be parsed.
    skipped_lines: usize,
}

impl WordTranslations for Dictionary {
    fn translations(&self, german_key: &str) -> &[String] {
        self.entries.get(german_key).map_or(&[], Vec::as_slice)
    }
}

/// The built-in lexicon's source: `German<TAB>English`, written for this crate.
const CORE_DE_EN: &str = include_str!("de_en.tsv");

/// Every English word of the built-in lexicon as written (case kept), in file order: what the
/// QA name check reads to tell common English words from names.
pub(crate) fn core_de_en_english_words() -> impl Iterator<Item = &'static str> {
    CORE_DE_EN
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .flat_map(|(_, english)| english.split(';'))
        .map(str::trim)
}

impl Dictionary {
    /// An empty dictionary.
    pub fn new() -> Self {
        Dictionary::default()
    }

    /// Number of German words (keys) with at least one translation.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of (German word, English word) pairs, counted once each.
    pub fn pair_count(&self) -> usize {
        self.pairs
    }

    /// Number of lines of Ding input that were neither blank nor comments and could not be
    /// parsed (no `::`, or a different number of ` | ` sub-entries on the two sides, or
    /// invalid UTF-8). Such lines are skipped rather than failing the whole file, since the
    /// format is informal and hand-edited copies have stray lines (the 2023 Debian file has
    /// none); TSV input never skips (a bad line is an error).
    pub fn skipped_lines(&self) -> usize {
        self.skipped_lines
    }

    /// Keeps at most `max` translations of each German word, the first ones read (the Ding
    /// file lists a word's main senses first), and drops German words with none left.
    /// Returns the number of pairs removed.
    ///
    /// Many translations per word make a dictionary a weaker signal: each one is a chance of
    /// a match in a neighbouring sentence that does not translate it.
    ///
    /// ```
    /// use satzweise::{Dictionary, WordTranslations};
    /// use satzweise::word_key;
    /// let mut dictionary = Dictionary::from_tsv_reader("Bank\tbank; bench; sandbank\n".as_bytes())?;
    /// assert_eq!(dictionary.limit_translations(2), 1);
    /// assert_eq!(dictionary.translations("bank"), [word_key("bank"), word_key("bench")]);
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn limit_translations(&mut self, max: usize) -> usize {
        let before = self.pairs;
        self.entries.retain(|_, translations| {
            translations.truncate(max);
            !translations.is_empty()
        });
        self.pairs = self.entries.values().map(Vec::len).sum();
        before - self.pairs
    }

    /// Adds one translation pair after cleaning both words as TSV terms are cleaned (trim;
    /// `to ` removed before an English verb). Returns whether the pair was kept: both sides
    /// must be single words (see the [`Dictionary`] documentation).
    ///
    /// ```
    /// use satzweise::{Dictionary, WordTranslations};
    /// let mut dictionary = Dictionary::new();
    /// assert!(dictionary.insert("Straße", "street"));
    /// assert!(dictionary.insert("gehen", "to go"));
    /// assert!(!dictionary.insert("vor Jahren", "years ago"));
    /// // Keys are word keys: "Straße" is stored as "strase", "street" as "stret".
    /// assert_eq!(dictionary.translations("strase"), ["stret"]);
    /// assert_eq!(dictionary.len(), 2);
    /// ```
    pub fn insert(&mut self, german: &str, english: &str) -> bool {
        match (
            single_word(german.trim()),
            single_word(strip_infinitive(english.trim())),
        ) {
            (Some(g), Some(e)) => {
                self.insert_keys(&key(g), &key(e));
                true
            }
            _ => false,
        }
    }

    fn insert_keys(&mut self, german: &str, english: &str) {
        if let Some(translations) = self.entries.get_mut(german) {
            if translations.iter().any(|t| t == english) {
                return;
            }
            push_translation(translations, english);
        } else {
            self.entries
                .insert(german.to_owned(), vec![english.to_owned()]);
        }
        self.pairs += 1;
    }

    /// Adds every pair of `other` to this dictionary (and its count of skipped lines).
    ///
    /// ```
    /// use satzweise::{Dictionary, WordTranslations};
    /// let mut a = Dictionary::from_tsv_reader("Haus\thouse\n".as_bytes())?;
    /// let b = Dictionary::from_tsv_reader("Haus\tbuilding\nBaum\ttree\n".as_bytes())?;
    /// a.merge(b);
    /// assert_eq!(a.translations("haus"), ["house", "building"]);
    /// assert_eq!(a.len(), 2);
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn merge(&mut self, other: Dictionary) {
        self.skipped_lines += other.skipped_lines;
        if self.entries.is_empty() {
            self.entries = other.entries;
            self.pairs = other.pairs;
            return;
        }
        for (german, translations) in &other.entries {
            for english in translations {
                self.insert_keys(german, english);
            }
        }
    }

    /// Reads a TSV dictionary: one `German<TAB>English` pair per line; either column may list
    /// several terms separated by `;` (every German term is paired with every English term).
    /// Blank lines and lines starting with `#` are ignored; multi-word terms are dropped (see
    /// the [`Dictionary`] documentation). A column may list at most 64 terms.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) naming the line, for a line without a
    /// tab, with an empty column, or with invalid UTF-8; [`ErrorKind::Io`](crate::ErrorKind::Io)
    /// when reading fails.
    ///
    /// ```
    /// use satzweise::{Dictionary, WordTranslations};
    /// let dictionary = Dictionary::from_tsv_reader("# core\nJahr\tyear\nsagte\tsaid; told\n".as_bytes())?;
    /// assert_eq!(dictionary.translations("sagte"), ["said", "told"]);
    /// let error = Dictionary::from_tsv_reader("Jahr year\n".as_bytes()).unwrap_err();
    /// assert_eq!(error.to_string(), "TSV dictionary:1: no tab between the German and the English term");
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn from_tsv_reader(reader: impl BufRead) -> Result<Dictionary> {
        read_tsv(reader, "TSV dictionary", Path::new(""))
    }

    /// Reads a TSV dictionary file (see [`from_tsv_reader`](Self::from_tsv_reader)); errors
    /// name the file.
    pub fn from_tsv_file(path: impl AsRef<Path>) -> Result<Dictionary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        read_tsv(
            std::io::BufReader::new(file),
            &path.display().to_string(),
            path,
        )
    }

    /// Reads a dictionary in the Ding format: `German | German :: English | English` per line,
    /// `::` between the languages, ` | ` between aligned sub-entries (the same number on both
    /// sides), `;` between synonyms, which are all paired with each other within one
    /// sub-entry. Lines starting with `#` and blank lines are ignored; lines that do not parse
    /// are skipped and counted in [`skipped_lines`](Self::skipped_lines), and so are lines with
    /// a sub-entry of more than 64 synonyms on one side. What is kept of each
    /// term is described in the [`Dictionary`] documentation.
    ///
    /// # Errors
    ///
    /// Only [`ErrorKind::Io`](crate::ErrorKind::Io), when reading fails.
    pub fn from_ding_reader(reader: impl BufRead) -> Result<Dictionary> {
        read_ding(reader, Path::new(""))
    }

    /// Reads a Ding dictionary file, such as `/usr/share/trans/de-en` (see
    /// [`from_ding_reader`](Self::from_ding_reader)).
    ///
    /// ```no_run
    /// use std::sync::Arc;
    /// use satzweise::{Aligner, Dictionary};
    /// let dictionary = Dictionary::from_ding_file("/usr/share/trans/de-en")?;
    /// let aligner = Aligner::builder().dictionary(Arc::new(dictionary)).build()?;
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn from_ding_file(path: impl AsRef<Path>) -> Result<Dictionary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        read_ding(std::io::BufReader::with_capacity(1 << 16, file), path)
    }

    /// The German–English core lexicon built into the crate: about two thousand frequent
    /// words of news text (function words, common verbs in their frequent inflected forms,
    /// nouns in singular and plural, adjectives, adverbs) with their common English
    /// translations, written for satzweise. Parsed once, on first use, then shared.
    ///
    /// ```
    /// use satzweise::{Aligner, Dictionary, WordTranslations};
    /// use satzweise::word_key;
    /// let core = Dictionary::core_de_en();
    /// assert!(core.len() > 1000);
    /// assert!(core.translations(&word_key("Regierung")).contains(&word_key("government")));
    /// let aligner = Aligner::builder().dictionary(core).build()?;
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn core_de_en() -> Arc<Dictionary> {
        static CORE: OnceLock<Arc<Dictionary>> = OnceLock::new();
        CORE.get_or_init(|| {
            // The file is part of the crate and a unit test parses it without error; should it
            // ever fail, an empty dictionary (no anchors) is the safe result.
            Arc::new(Dictionary::from_tsv_reader(CORE_DE_EN.as_bytes()).unwrap_or_default())
        })
        .clone()
    }
}

/// Each line as text, or `Err(())` when it is not UTF-8: reported (TSV) or skipped (Ding).
fn for_each_line(
    reader: impl BufRead,
    path: &Path,
    mut each: impl FnMut(usize, std::result::Result<&str, ()>) -> Result<()>,
) -> Result<()> {
    crate::text::for_each_line(reader, path, |number, _, line| {
        each(number, std::str::from_utf8(line).map_err(|_| ()))
    })
}

fn read_tsv(reader: impl BufRead, source_name: &str, path: &Path) -> Result<Dictionary> {
    let mut dictionary = Dictionary::new();
    let mut seen = Seen::default();
    for_each_line(reader, path, |number, line| {
        let line = line.map_err(|()| Error::syntax(source_name, number, "invalid UTF-8"))?;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return Ok(());
        }
        let Some((german, english)) = line.split_once('\t') else {
            return Err(Error::syntax(
                source_name,
                number,
                "no tab between the German and the English term",
            ));
        };
        if german.trim().is_empty() || english.trim().is_empty() {
            return Err(Error::syntax(
                source_name,
                number,
                "empty German or English term",
            ));
        }
        if german.split(';').count() > MAX_SYNONYMS || english.split(';').count() > MAX_SYNONYMS {
            return Err(Error::syntax(
                source_name,
                number,
                format!("more than {MAX_SYNONYMS} terms in a column"),
            ));
        }
        for g in german.split(';') {
            for e in english.split(';') {
                if let (Some(g), Some(e)) = (
                    single_word(g.trim()),
                    single_word(strip_infinitive(e.trim())),
                ) {
                    seen.insert(&mut dictionary, &key(g), &key(e));
                }
            }
        }
        Ok(())
    })?;
    Ok(dictionary)
}

/// The most synonyms a reader pairs with each other in one entry (a TSV column, a Ding
/// sub-entry side). Every German term of an entry is paired with every English one, so
/// without a bound one line of n synonyms a side would make n² pairs: real entries list a
/// handful; a longer one is an error (TSV) or a skipped line (Ding).
const MAX_SYNONYMS: usize = 64;

/// Appends a translation; the first few grow the list one at a time (most words have one to
/// three translations, and a list's default growth would reserve four).
fn push_translation(translations: &mut Vec<String>, english: &str) {
    if translations.len() < 4 {
        translations.reserve_exact(1);
    }
    translations.push(english.to_owned());
}

/// Where a reader finds the translations it has inserted for the German keys with many: the
/// check of [`Dictionary::insert_keys`] runs over a key's translations, which is quadratic
/// when a key gathers thousands of them across lines. Past [`Seen::LINEAR`] translations a
/// key gets an index from each translation's hash to its position; a hash shared by two
/// different translations falls back to the scan, so the result is exact.
#[derive(Default)]
struct Seen {
    index: FxHashMap<String, FxHashMap<u64, usize>>,
}

impl Seen {
    /// Keys with more translations than this are looked up in their index.
    const LINEAR: usize = 16;

    fn insert(&mut self, dictionary: &mut Dictionary, german: &str, english: &str) {
        let Some(translations) = dictionary.entries.get_mut(german) else {
            dictionary
                .entries
                .insert(german.to_owned(), vec![english.to_owned()]);
            dictionary.pairs += 1;
            return;
        };
        if translations.len() < Self::LINEAR {
            if translations.iter().any(|t| t == english) {
                return;
            }
            push_translation(translations, english);
            dictionary.pairs += 1;
            return;
        }
        let index = match self.index.get_mut(german) {
            Some(index) => index,
            None => {
                let mut index = FxHashMap::default();
                for (at, translation) in translations.iter().enumerate() {
                    index.entry(hash(translation)).or_insert(at);
                }
                self.index.entry(german.to_owned()).or_insert(index)
            }
        };
        let h = hash(english);
        match index.get(&h) {
            Some(&at) if translations[at] == english => return,
            Some(_) if translations.iter().any(|t| t == english) => return,
            Some(_) => {}
            None => {
                index.insert(h, translations.len());
            }
        }
        translations.push(english.to_owned());
        dictionary.pairs += 1;
    }
}

fn hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}

fn read_ding(reader: impl BufRead, path: &Path) -> Result<Dictionary> {
    let mut dictionary = Dictionary::new();
    let mut scratch = String::new();
    // Terms of the current sub-entry, concatenated, with their end offsets.
    let (mut german_terms, mut german_ends) = (String::new(), Vec::new());
    let (mut english_terms, mut english_ends) = (String::new(), Vec::new());
    let mut keys = KeyCache::default();
    // The German terms' keys, concatenated, with their end offsets.
    let (mut german_keys, mut german_key_ends) = (String::new(), Vec::new());
    let mut seen = Seen::default();
    for_each_line(reader, path, |_, line| {
        let Ok(line) = line else {
            dictionary.skipped_lines += 1;
            return Ok(());
        };
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return Ok(());
        }
        let Some((german, english)) = trimmed.split_once("::") else {
            dictionary.skipped_lines += 1;
            return Ok(());
        };
        if english.contains("::")
            || german.split('|').count() != english.split('|').count()
            || german
                .split('|')
                .chain(english.split('|'))
                .any(|side| side.split(';').count() > MAX_SYNONYMS)
        {
            dictionary.skipped_lines += 1;
            return Ok(());
        }
        for (g, e) in german.split('|').zip(english.split('|')) {
            german_terms.clear();
            german_ends.clear();
            for synonym in g.split(';') {
                if let Some(word) = ding_term(synonym, &mut scratch).and_then(single_word) {
                    german_terms.push_str(word);
                    german_ends.push(german_terms.len());
                }
            }
            if german_ends.is_empty() {
                continue;
            }
            english_terms.clear();
            english_ends.clear();
            for synonym in e.split(';') {
                let word = ding_term(synonym, &mut scratch).map(strip_infinitive);
                if let Some(word) = word.and_then(single_word) {
                    english_terms.push_str(word);
                    english_ends.push(english_terms.len());
                }
            }
            if english_ends.is_empty() {
                continue;
            }
            german_keys.clear();
            german_key_ends.clear();
            for term in terms(&german_terms, &german_ends) {
                german_keys.push_str(keys.key(term));
                german_key_ends.push(german_keys.len());
            }
            for term in terms(&english_terms, &english_ends) {
                let english = keys.key(term);
                for german in terms(&german_keys, &german_key_ends) {
                    seen.insert(&mut dictionary, german, english);
                }
            }
        }
        Ok(())
    })?;
    Ok(dictionary)
}

/// The terms of a concatenation, given their end offsets.
fn terms<'t>(joined: &'t str, ends: &'t [usize]) -> impl Iterator<Item = &'t str> + 't {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts
        .zip(ends)
        .map(|(start, &end)| joined.get(start..end).unwrap_or(""))
}

/// Word keys computed once per term while it is in the cache (the Ding file repeats its terms
/// a lot).
#[derive(Default)]
struct KeyCache(FxHashMap<String, String>);

impl KeyCache {
    /// The most terms kept: neighbouring lines share their terms, so a small cache keeps most
    /// of the gain, and its memory stays bounded on any file.
    const CAPACITY: usize = 1 << 14;

    fn key(&mut self, term: &str) -> &str {
        if !self.0.contains_key(term) {
            if self.0.len() >= Self::CAPACITY {
                self.0.clear();
            }
            self.0.insert(term.to_owned(), key(term));
        }
        self.0.get(term).map_or("", String::as_str)
    }
}

/// [`word_key`], with a fast path for ASCII words (where folding is lower-casing).
fn key(word: &str) -> String {
    if word.is_ascii() {
        skeleton(&word.to_ascii_lowercase())
    } else {
        word_key(word)
    }
}

/// Cleans one Ding synonym: removes `{…}`, `[…]`, `(…)`, `<…>` and a trailing `/abbr./`, and
/// trims. Returns the term only when what remains could be a single word (the English
/// infinitive marker is removed by the caller, so `to go` passes here).
fn ding_term<'s>(synonym: &'s str, scratch: &'s mut String) -> Option<&'s str> {
    let plain = !synonym
        .bytes()
        .any(|b| matches!(b, b'{' | b'[' | b'(' | b'<' | b'}' | b']' | b')' | b'>'));
    let term = if plain {
        synonym.trim()
    } else {
        strip_brackets(synonym, scratch)
    };
    finish_term(term)
}

/// Removes bracketed groups (nested ones too), then trims.
fn strip_brackets<'s>(synonym: &str, scratch: &'s mut String) -> &'s str {
    scratch.clear();
    let mut depth = 0usize;
    let mut kept_from = 0;
    // Brackets are ASCII, so byte positions next to them are character boundaries.
    for (k, b) in synonym.bytes().enumerate() {
        match b {
            b'{' | b'[' | b'(' | b'<' => {
                if depth == 0 {
                    scratch.push_str(synonym.get(kept_from..k).unwrap_or(""));
                }
                depth += 1;
            }
            b'}' | b']' | b')' | b'>' => {
                if depth > 0 {
                    depth -= 1;
                    if depth == 0 {
                        kept_from = k + 1;
                    }
                } else {
                    // A stray closing bracket: drop it, keep what surrounds it.
                    scratch.push_str(synonym.get(kept_from..k).unwrap_or(""));
                    kept_from = k + 1;
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        scratch.push_str(synonym.get(kept_from..).unwrap_or(""));
    }
    scratch.trim()
}

/// Removes a trailing `/abbr./`; returns the term when it could be a single word.
fn finish_term(mut term: &str) -> Option<&str> {
    if term.ends_with('/')
        && let Some(slash) = term.find(" /")
    {
        term = term[..slash].trim_end();
    }
    if term.is_empty() {
        return None;
    }
    // At most one space, for "to go"; anything longer is a phrase.
    match term.split_once(' ') {
        Some((first, rest)) if first == "to" && !rest.contains(' ') => Some(term),
        Some(_) => None,
        None => Some(term),
    }
}

/// Removes the English infinitive marker: `to go` → `go`.
fn strip_infinitive(term: &str) -> &str {
    term.strip_prefix("to ").map_or(term, str::trim_start)
}

/// The term when it is one word as the aligner's tokenizer sees it: a letter first, then
/// letters and digits only, at least two characters.
fn single_word(term: &str) -> Option<&str> {
    let mut chars = term.chars();
    let first = chars.next()?;
    let mut count = 1;
    if !first.is_alphabetic() {
        return None;
    }
    for c in chars {
        if !c.is_alphanumeric() {
            return None;
        }
        count += 1;
    }
    (count >= 2).then_some(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translations<'d>(dictionary: &'d Dictionary, german: &str) -> Vec<&'d str> {
        dictionary
            .translations(&word_key(german))
            .iter()
            .map(String::as_str)
            .collect()
    }

    #[test]
    fn ding_sub_entries_pair_in_order() {
        let line = "Abfahrt {f} /Abf./; Abflug {m} [transp.] | Abfahrten {pl}; Abflüge {pl} | Abfahrt des Zuges :: departure /dep./ | departures | train departure\n";
        let dictionary = Dictionary::from_ding_reader(line.as_bytes()).unwrap();
        assert_eq!(
            translations(&dictionary, "Abfahrt"),
            [word_key("departure")]
        );
        assert_eq!(translations(&dictionary, "Abflug"), [word_key("departure")]);
        assert_eq!(
            translations(&dictionary, "Abflüge"),
            [word_key("departures")]
        );
        assert_eq!(dictionary.len(), 4);
        assert_eq!(dictionary.pair_count(), 4);
        assert_eq!(dictionary.skipped_lines(), 0);
    }

    #[test]
    fn ding_cleans_tags_and_verbs() {
        let input = "Aas fressen {vi} [zool.] :: to scavenge\n\
                     abändern {vt}; (teilweise) ändern <abaendern> :: to modify; to alter (sth.)\n\
                     Müll {m} [envir.] :: waste; rubbish [Br.]; garbage [Am.]\n";
        let dictionary = Dictionary::from_ding_reader(input.as_bytes()).unwrap();
        assert!(translations(&dictionary, "Aas").is_empty());
        assert_eq!(
            translations(&dictionary, "ändern"),
            [word_key("modify"), word_key("alter")]
        );
        assert_eq!(translations(&dictionary, "Müll").len(), 3);
    }

    #[test]
    fn ding_skips_and_counts_irregular_lines() {
        let input =
            b"# comment\n\nno separator here\nA | B :: a\nHaus {n} :: house\n\xff\xfe :: x\n";
        let dictionary = Dictionary::from_ding_reader(&input[..]).unwrap();
        assert_eq!(dictionary.skipped_lines(), 3);
        assert_eq!(translations(&dictionary, "Haus"), [word_key("house")]);
    }

    /// A distinct word for each `k` (syllables of distinct consonants and vowels, so that
    /// no two share a [`word_key`]).
    fn word(k: usize) -> String {
        let syllable = |s: usize| {
            let (c, v) = (b"bdlmnr"[s % 6] as char, b"aio"[s / 6] as char);
            format!("{c}{v}")
        };
        format!(
            "{}{}{}",
            syllable(k % 18),
            syllable(k / 18 % 18),
            syllable(k / 324 % 18)
        )
    }

    #[test]
    fn an_entry_of_thousands_of_synonyms_is_skipped_not_squared() {
        // 2,000 × 2,000 synonyms used to make 4,000,000 pairs from one 38 KB line.
        let side = |offset: usize| {
            (0..2000)
                .map(|k| word(offset + k))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let line = format!("{} :: {}\nHaus :: house\n", side(0), side(2000));
        let dictionary = Dictionary::from_ding_reader(line.as_bytes()).unwrap();
        assert_eq!(dictionary.skipped_lines(), 1);
        assert_eq!(dictionary.pair_count(), 1);
        let tsv = format!("{}\t{}\n", side(0).replace(' ', ""), side(2000));
        let error = Dictionary::from_tsv_reader(tsv.as_bytes()).unwrap_err();
        assert!(
            error.to_string().contains(":1: more than 64 terms"),
            "{error}"
        );
        // At the bound, every pair is kept.
        let side = |offset: usize| {
            (0..MAX_SYNONYMS)
                .map(|k| word(offset + k))
                .collect::<Vec<_>>()
                .join(";")
        };
        let tsv = format!("{}\t{}\n", side(0), side(100));
        let dictionary = Dictionary::from_tsv_reader(tsv.as_bytes()).unwrap();
        assert_eq!(dictionary.pair_count(), MAX_SYNONYMS * MAX_SYNONYMS);
    }

    #[test]
    fn a_word_with_many_translations_keeps_each_once_in_order() {
        // Past `Seen::LINEAR` translations, duplicates are found in a set, not by a scan.
        let mut ding = String::new();
        for round in 0..2 {
            for k in 0..500 {
                ding.push_str(&format!("Wort :: {}\n", word(k)));
            }
            if round == 0 {
                ding.push_str(&format!("Wort :: {}; {}\n", word(3), word(499)));
            }
        }
        let dictionary = Dictionary::from_ding_reader(ding.as_bytes()).unwrap();
        let expected: Vec<String> = (0..500).map(|k| word_key(&word(k))).collect();
        let distinct: std::collections::HashSet<&String> = expected.iter().collect();
        assert_eq!(distinct.len(), 500);
        assert_eq!(translations(&dictionary, "Wort"), expected);
        assert_eq!(dictionary.pair_count(), 500);
        let tsv: String = (0..300)
            .chain(0..300)
            .map(|k| format!("Wort\t{}\n", word(k)))
            .collect();
        let dictionary = Dictionary::from_tsv_reader(tsv.as_bytes()).unwrap();
        assert_eq!(dictionary.pair_count(), 300);
    }

    #[test]
    fn tsv_errors_name_source_and_line() {
        let error = Dictionary::from_tsv_reader("Haus\thouse\n\nBaum tree\n".as_bytes())
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "TSV dictionary:3: no tab between the German and the English term"
        );
        let error = Dictionary::from_tsv_reader(&b"Haus\thouse\n\xc3\t\n"[..])
            .unwrap_err()
            .to_string();
        assert_eq!(error, "TSV dictionary:2: invalid UTF-8");
        let error = Dictionary::from_tsv_reader("Haus\t \n".as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.contains(":1:"), "{error}");
    }

    #[test]
    fn tsv_file_errors_name_the_file() {
        let dir = std::env::temp_dir().join(format!("satzweise-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.tsv");
        std::fs::write(&path, "gut\tgood\r\nschlecht\n").unwrap();
        let error = Dictionary::from_tsv_file(&path).unwrap_err().to_string();
        assert!(error.ends_with("bad.tsv:2: no tab between the German and the English term"));
        let missing = Dictionary::from_ding_file(dir.join("missing")).unwrap_err();
        assert!(matches!(missing.kind(), crate::ErrorKind::Io { .. }));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn fast_keys_equal_word_keys() {
        for word in [
            "Straße",
            "street",
            "Commission",
            "Kommission",
            "THEATRE",
            "G7",
            "Zürich",
        ] {
            assert_eq!(key(word), word_key(word));
        }
    }

    #[test]
    fn single_words_only() {
        assert_eq!(single_word("Haus"), Some("Haus"));
        assert_eq!(single_word("G7"), Some("G7"));
        assert_eq!(single_word("7G"), None);
        assert_eq!(single_word("a"), None);
        assert_eq!(single_word("E-Mail"), None);
        assert_eq!(single_word("sth."), None);
        assert_eq!(single_word(""), None);
    }

    #[test]
    fn merge_keeps_pairs_once() {
        let mut a = Dictionary::from_tsv_reader("Haus\thouse\n".as_bytes()).unwrap();
        let b = Dictionary::from_tsv_reader("Haus\thouse; home\n".as_bytes()).unwrap();
        a.merge(b);
        assert_eq!(
            translations(&a, "Haus"),
            [word_key("house"), word_key("home")]
        );
        assert_eq!(a.pair_count(), 2);
    }

    #[test]
    fn core_lexicon_parses_fully() {
        // Every line of the built-in file is a pair, and most are kept.
        let lines = CORE_DE_EN
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let core = Dictionary::from_tsv_reader(CORE_DE_EN.as_bytes()).unwrap();
        assert!(core.len() >= 1500, "{} German words", core.len());
        assert!(core.len() * 10 >= lines * 8, "{} of {lines}", core.len());
        assert_eq!(
            translations(&Dictionary::core_de_en(), "Jahren"),
            [word_key("years")]
        );
    }

    #[test]
    fn never_panics_on_odd_ding_lines() {
        for line in [
            "::",
            " :: ",
            "|::|",
            "{{{ :: }}}",
            ")] :: [(",
            "/ :: /",
            "a /b/ :: c /d/",
            " /x/ :: to /y/",
            "to :: to",
            "ä;;; :: ;;;",
        ] {
            let dictionary = Dictionary::from_ding_reader(line.as_bytes()).unwrap();
            let _ = dictionary.len();
        }
    }
}
