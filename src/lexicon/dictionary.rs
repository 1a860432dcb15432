//! Bilingual German → English dictionaries: a source of word translations for the aligner.
//!
//! Documented on [`Dictionary`], its public face.

use std::io::BufRead;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};
use crate::features::WordTranslations;
use crate::normalize::word_key;
use crate::text::normalize::word_key_into;

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
    /// The German keys, numbered in the order first seen.
    german: Interner,
    /// The English keys, numbered in the order first seen.
    english: Interner,
    /// What each German key (by number) is translated by: the groups it is in.
    entries: Vec<Entry>,
    /// The groups of German keys beyond their first, as a list per key (see [`Entry`]).
    links: Vec<Link>,
    /// A group is the English keys of one entry of a file (a Ding sub-entry side, a TSV
    /// column, one inserted pair), each once, nonempty: all groups' keys, concatenated.
    group_keys: Vec<u32>,
    /// Where each group ends in `group_keys`.
    group_ends: Vec<usize>,
    /// The translations of each German key as strings, made on the first lookup of the key.
    lookups: OnceLock<Box<[Lookup]>>,
    /// Number of (German, English) key pairs, counted when first asked.
    pairs: OnceLock<usize>,
    /// Ding lines that were not comments or blank and could not be parsed.
    skipped_lines: usize,
}

/// The groups a German key is in, in the order it was read in them: the first, then a linked
/// list of the others through [`Dictionary::links`] (most keys are in one group only).
#[derive(Debug, Clone, Copy)]
struct Entry {
    first: u32,
    /// The second group's link and the last group's link, or [`NONE`].
    head: u32,
    tail: u32,
}

/// One more group of a German key, and the next link of the same key (or [`NONE`]).
#[derive(Debug, Clone, Copy)]
struct Link {
    group: u32,
    next: u32,
}

const NONE: u32 = u32::MAX;

/// The translations of one German key as strings, once looked up.
type Lookup = OnceLock<Box<[String]>>;

impl WordTranslations for Dictionary {
    fn translations(&self, german_key: &str) -> &[String] {
        let Some(id) = self.german.find(german_key) else {
            return &[];
        };
        let lookups = self
            .lookups
            .get_or_init(|| (0..self.entries.len()).map(|_| OnceLock::new()).collect());
        lookups.get(id as usize).map_or(&[], |lookup| {
            lookup.get_or_init(|| {
                let mut ids = Vec::new();
                self.union(id, &mut ids);
                ids.iter()
                    .map(|&e| self.english.get(e).to_owned())
                    .collect()
            })
        })
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
        *self.pairs.get_or_init(|| {
            let (mut ids, mut marks) = (Vec::new(), Vec::new());
            (0..self.entries.len() as u32)
                .map(|id| self.marked_union(id, &mut ids, &mut marks))
                .sum()
        })
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
        let before = self.pair_count();
        let mut kept = Dictionary {
            skipped_lines: self.skipped_lines,
            ..Dictionary::default()
        };
        let (mut ids, mut group, mut marks) = (Vec::new(), Vec::new(), Vec::new());
        for id in 0..self.entries.len() as u32 {
            self.marked_union(id, &mut ids, &mut marks);
            ids.truncate(max);
            group.clear();
            for &e in &ids {
                // The kept dictionary holds fewer keys than this one: interning cannot fail.
                group.extend(kept.english.intern(self.english.get(e)));
            }
            if let Some(g) = kept.add_group(&group) {
                kept.attach(self.german.get(id), g);
            }
        }
        *self = kept;
        before - self.pair_count()
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
        let (Some(g), Some(e)) = (
            single_word(german.trim()),
            single_word(strip_infinitive(english.trim())),
        ) else {
            return false;
        };
        let Some(e) = self.english.intern(&word_key(e)) else {
            return false;
        };
        match self.add_group(&[e]) {
            Some(group) => self.attach(&word_key(g), group),
            None => false,
        }
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
        let skipped_lines = self.skipped_lines + other.skipped_lines;
        if self.entries.is_empty() {
            *self = other;
            self.skipped_lines = skipped_lines;
            return;
        }
        self.skipped_lines = skipped_lines;
        // Other's English keys and groups by their numbers here, then its keys' groups in
        // their order: linear in the size of `other`, whatever its pairs.
        let english: Vec<Option<u32>> = (0..other.english.len() as u32)
            .map(|e| self.english.intern(other.english.get(e)))
            .collect();
        let mut group = Vec::new();
        let groups: Vec<Option<u32>> = (0..other.group_ends.len())
            .map(|g| {
                group.clear();
                group.extend(
                    other
                        .group(g as u32)
                        .iter()
                        .filter_map(|&e| english.get(e as usize).copied().flatten()),
                );
                self.add_group(&group)
            })
            .collect();
        for id in 0..other.entries.len() as u32 {
            let german = other.german.get(id);
            for g in other.groups_of(id) {
                if let Some(g) = groups.get(g as usize).copied().flatten() {
                    self.attach(german, g);
                }
            }
        }
    }

    /// Adds a group of distinct English keys; its number, or `None` when it is empty or the
    /// dictionary holds `u32::MAX` groups.
    fn add_group(&mut self, english: &[u32]) -> Option<u32> {
        let number = u32::try_from(self.group_ends.len())
            .ok()
            .filter(|&n| n != NONE)?;
        if english.is_empty() {
            return None;
        }
        self.group_keys.extend_from_slice(english);
        self.group_ends.push(self.group_keys.len());
        Some(number)
    }

    /// Makes `group` translate `german`; false when the dictionary cannot take another key.
    fn attach(&mut self, german: &str, group: u32) -> bool {
        self.attach_hashed(german, Interner::hash(german), group)
    }

    /// [`attach`](Self::attach) of a key whose [`Interner::hash`] is `hash`.
    fn attach_hashed(&mut self, german: &str, hash: u64, group: u32) -> bool {
        let Some(id) = self.german.intern_hashed(german, hash) else {
            return false;
        };
        self.lookups = OnceLock::new();
        self.pairs = OnceLock::new();
        let Some(entry) = self.entries.get(id as usize).copied() else {
            self.entries.push(Entry {
                first: group,
                head: NONE,
                tail: NONE,
            });
            return true;
        };
        let last = match self.links.get(entry.tail as usize) {
            Some(link) => link.group,
            None => entry.first,
        };
        if last == group {
            return true;
        }
        let Ok(link) = u32::try_from(self.links.len()) else {
            return false;
        };
        if link == NONE {
            return false;
        }
        self.links.push(Link { group, next: NONE });
        match self.links.get_mut(entry.tail as usize) {
            Some(tail) => tail.next = link,
            None => self.entries[id as usize].head = link,
        }
        self.entries[id as usize].tail = link;
        true
    }

    /// The English keys of group `g`.
    fn group(&self, g: u32) -> &[u32] {
        let g = g as usize;
        let start = match g.checked_sub(1) {
            Some(before) => self.group_ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.group_ends.get(g).copied().unwrap_or(start);
        self.group_keys.get(start..end).unwrap_or(&[])
    }

    /// The groups of German key `id`, in order.
    fn groups_of(&self, id: u32) -> impl Iterator<Item = u32> + '_ {
        let entry = self.entries.get(id as usize);
        let mut link = entry.map_or(NONE, |e| e.head);
        entry
            .map(|e| e.first)
            .into_iter()
            .chain(std::iter::from_fn(move || {
                let at = self.links.get(link as usize)?;
                link = at.next;
                Some(at.group)
            }))
    }

    /// The English keys of German key `id` into `ids`, each once, in the order first read;
    /// returns their number.
    fn union(&self, id: u32, ids: &mut Vec<u32>) -> usize {
        ids.clear();
        let mut groups = self.groups_of(id);
        if let Some(first) = groups.next() {
            // A group's keys are distinct: only the next groups can repeat one.
            ids.extend_from_slice(self.group(first));
        }
        let mut seen: Option<rustc_hash::FxHashSet<u32>> = None;
        for g in groups {
            for &e in self.group(g) {
                let new = match seen.as_mut() {
                    Some(seen) => seen.insert(e),
                    None => !ids.contains(&e),
                };
                if new {
                    ids.push(e);
                }
                if seen.is_none() && ids.len() > 32 {
                    seen = Some(ids.iter().copied().collect());
                }
            }
        }
        ids.len()
    }

    /// [`union`](Self::union) for a pass over every German key: `marks` (empty at the first
    /// call, then kept between calls of the pass, which take each key once) holds for each
    /// English key the last German key + 1 it was taken for, so that repeats are found
    /// without hashing (a key in one group only, most of them, needs no marks).
    fn marked_union(&self, id: u32, ids: &mut Vec<u32>, marks: &mut Vec<u32>) -> usize {
        ids.clear();
        let mut groups = self.groups_of(id);
        let Some(first) = groups.next() else {
            return 0;
        };
        ids.extend_from_slice(self.group(first));
        let mut groups = groups.peekable();
        if groups.peek().is_none() {
            return ids.len();
        }
        if marks.is_empty() {
            marks.resize(self.english.len(), 0);
        }
        let mark = id + 1;
        for &e in ids.iter() {
            if let Some(m) = marks.get_mut(e as usize) {
                *m = mark;
            }
        }
        for g in groups {
            for &e in self.group(g) {
                if let Some(m) = marks.get_mut(e as usize)
                    && *m != mark
                {
                    *m = mark;
                    ids.push(e);
                }
            }
        }
        ids.len()
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
    let mut group = Group::default();
    let mut keys = Keys::default();
    let mut batch = Batch::default();
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
        let terms = |column: &str| column.bytes().filter(|&b| b == b';').count() + 1;
        if terms(german) > MAX_SYNONYMS || terms(english) > MAX_SYNONYMS {
            return Err(Error::syntax(
                source_name,
                number,
                format!("more than {MAX_SYNONYMS} terms in a column"),
            ));
        }
        batch.clear();
        for e in english.split(';') {
            if let Some(e) = single_word(strip_infinitive(e.trim())) {
                batch.push(keys.key(e), false);
            }
        }
        for g in german.split(';') {
            if let Some(g) = single_word(g.trim()) {
                batch.push(keys.key(g), true);
            }
        }
        batch.end_entry();
        batch.store(&mut dictionary, &mut group, source_name)
    })?;
    Ok(dictionary)
}

/// The most synonyms a reader pairs with each other in one entry (a TSV column, a Ding
/// sub-entry side). Every German term of an entry is paired with every English one, so
/// without a bound one line of n synonyms a side would make n² pairs: real entries list a
/// handful; a longer one is an error (TSV) or a skipped line (Ding).
///
/// The readers store an entry once, as a group of English keys that each of its German keys
/// points to, so that neither time nor memory grows with the pairs: the pairs are made for
/// one German key when it is looked up.
const MAX_SYNONYMS: usize = 64;

/// The entry being read: its English keys (the group) and whether the group is stored yet.
#[derive(Default)]
struct Group {
    english: Vec<u32>,
    stored: Option<u32>,
}

impl Group {
    fn clear(&mut self) {
        self.english.clear();
        self.stored = None;
    }

    /// Adds an English key to the entry (once; an entry has at most [`MAX_SYNONYMS`]).
    fn english(
        &mut self,
        dictionary: &mut Dictionary,
        key: &str,
        hash: u64,
        source: &str,
    ) -> Result<()> {
        let id = dictionary
            .english
            .intern_hashed(key, hash)
            .ok_or_else(|| too_many(source))?;
        if !self.english.contains(&id) {
            self.english.push(id);
        }
        Ok(())
    }

    /// Pairs a German key with every English key of the entry (none: nothing is stored).
    fn german(
        &mut self,
        dictionary: &mut Dictionary,
        key: &str,
        hash: u64,
        source: &str,
    ) -> Result<()> {
        if self.english.is_empty() {
            return Ok(());
        }
        let group = match self.stored {
            Some(group) => group,
            None => {
                let group = dictionary
                    .add_group(&self.english)
                    .ok_or_else(|| too_many(source))?;
                self.stored = Some(group);
                group
            }
        };
        if dictionary.attach_hashed(key, hash, group) {
            Ok(())
        } else {
            Err(too_many(source))
        }
    }
}

fn too_many(source: &str) -> Error {
    Error::invalid(format!(
        "{source}: more than {} words or entries in one dictionary",
        u32::MAX - 1
    ))
}

fn read_ding(reader: impl BufRead, path: &Path) -> Result<Dictionary> {
    let mut dictionary = Dictionary::new();
    let source = path.display().to_string();
    let mut scratch = String::new();
    let mut keys = Keys::default();
    let mut group = Group::default();
    let mut batch = Batch::default();
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
        let sub_entries = ding_sub_entries(german);
        if english.contains("::")
            || sub_entries.is_none()
            || sub_entries != ding_sub_entries(english)
        {
            dictionary.skipped_lines += 1;
            return Ok(());
        }
        batch.clear();
        for (g, e) in german.split('|').zip(english.split('|')) {
            for synonym in e.split(';') {
                let word = ding_term(synonym, &mut scratch).map(strip_infinitive);
                if let Some(word) = word.and_then(single_word) {
                    batch.push(keys.key(word), false);
                }
            }
            for synonym in g.split(';') {
                if let Some(word) = ding_term(synonym, &mut scratch).and_then(single_word) {
                    batch.push(keys.key(word), true);
                }
            }
            batch.end_entry();
        }
        batch.store(&mut dictionary, &mut group, &source)
    })?;
    Ok(dictionary)
}

/// The number of ` | ` sub-entries of one side of a Ding line, or `None` when one of them
/// lists more than [`MAX_SYNONYMS`] synonyms: one pass over the bytes.
fn ding_sub_entries(side: &str) -> Option<usize> {
    let (mut entries, mut synonyms) = (1, 1);
    for b in side.bytes() {
        match b {
            b'|' => {
                entries += 1;
                synonyms = 1;
            }
            b';' => {
                synonyms += 1;
                if synonyms > MAX_SYNONYMS {
                    return None;
                }
            }
            _ => {}
        }
    }
    Some(entries)
}

/// Strings stored once each, numbered in the order first seen: one buffer of their bytes
/// and an open-addressing table of their numbers (about 16 bytes a string beside its bytes,
/// where a map of `String`s costs 60 or more).
#[derive(Debug, Clone, Default)]
struct Interner {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
    /// Each slot: the number + 1 of a string in the low half (0 for a free slot), the high
    /// half of its hash in the high half (compared first: a slot of another string is
    /// passed without reading its bytes; growing the table places strings by it, without
    /// hashing them again). The length is 0 or a power of two, kept over 4/3 of the
    /// strings (half full, the table's cache misses cost more than its longer probes).
    table: Vec<u64>,
}

impl Interner {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = match id.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    /// The hash of `text`, mixed so that its high bits depend on all of it.
    fn hash(text: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher
            .hash_one(text)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The slot that holds `text` (of hash `hash`), or the free slot where it would go (the
    /// table is not empty).
    fn probe(&self, text: &str, hash: u64) -> usize {
        let mask = self.table.len() - 1;
        let bits = self.table.len().trailing_zeros();
        let tag = hash >> 32;
        let mut slot = (hash >> (64 - bits)) as usize;
        loop {
            let entry = self.table[slot];
            let id = entry as u32;
            if id == 0 || (entry >> 32 == tag && self.get(id - 1) == text) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The table entry where a probe for `hash` starts (0 for an empty table): read ahead of
    /// the probe, so that the reads of several keys wait for memory together.
    fn first_entry(&self, hash: u64) -> u64 {
        let bits = self.table.len().trailing_zeros();
        match self.table.len() {
            0 => 0,
            _ => self.table[(hash >> (64 - bits)) as usize],
        }
    }

    fn find(&self, text: &str) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        (self.table[self.probe(text, Self::hash(text))] as u32).checked_sub(1)
    }

    /// The number of `text`, stored if new; `None` when `u32::MAX - 1` strings are stored.
    fn intern(&mut self, text: &str) -> Option<u32> {
        self.intern_hashed(text, Self::hash(text))
    }

    /// [`intern`](Self::intern) of a string whose [`hash`](Self::hash) is `hash`.
    fn intern_hashed(&mut self, text: &str, hash: u64) -> Option<u32> {
        if (self.len() + 1) * 4 > self.table.len() * 3 {
            self.grow();
        }
        let slot = self.probe(text, hash);
        if let Some(id) = (self.table[slot] as u32).checked_sub(1) {
            return Some(id);
        }
        let id = u32::try_from(self.len()).ok().filter(|&id| id < NONE - 1)?;
        self.text.push_str(text);
        self.ends.push(self.text.len());
        self.table[slot] = (hash >> 32 << 32) | u64::from(id + 1);
        Some(id)
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(16);
        let old = std::mem::replace(&mut self.table, vec![0; size]);
        let mask = size - 1;
        let bits = size.trailing_zeros();
        for entry in old.into_iter().filter(|&entry| entry as u32 != 0) {
            // A slot is the high bits of the hash, which the tag holds while the table has
            // at most 2^32 slots; past that the string is hashed again.
            let mut slot = if bits <= 32 {
                ((entry >> 32) >> (32 - bits)) as usize
            } else {
                let id = entry as u32 - 1;
                (Self::hash(self.get(id)) >> (64 - bits)) as usize
            };
            // The strings are distinct: the first free slot is theirs.
            while self.table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.table[slot] = entry;
        }
    }
}

/// The word keys of one line of a dictionary, computed before any is stored: a key's first
/// look at its table is a read from memory (a table of a million keys is far larger than the
/// caches), and the reads of a line's keys, made one after the other before any result is
/// needed, wait for memory together instead of one by one.
#[derive(Default)]
struct Batch {
    text: String,
    /// Each key: where it ends in `text`, its hash and whether it is German.
    keys: Vec<(usize, u64, bool)>,
    /// Where each entry (the English keys, then the German keys of a TSV line or a Ding
    /// sub-entry) ends in `keys`.
    entries: Vec<usize>,
}

impl Batch {
    fn clear(&mut self) {
        self.text.clear();
        self.keys.clear();
        self.entries.clear();
    }

    fn push(&mut self, key: &str, german: bool) {
        self.text.push_str(key);
        self.keys
            .push((self.text.len(), Interner::hash(key), german));
    }

    fn end_entry(&mut self) {
        self.entries.push(self.keys.len());
    }

    /// Stores the entries in order, as if each key were stored when it was read.
    fn store(&self, dictionary: &mut Dictionary, group: &mut Group, source: &str) -> Result<()> {
        let ahead = self.keys.iter().fold(0, |seen, &(_, hash, german)| {
            let table = if german {
                &dictionary.german
            } else {
                &dictionary.english
            };
            seen ^ table.first_entry(hash)
        });
        std::hint::black_box(ahead);
        let (mut key, mut start) = (0, 0);
        for &end in &self.entries {
            group.clear();
            for &(text_end, hash, german) in self.keys.get(key..end).unwrap_or(&[]) {
                let text = self.text.get(start..text_end).unwrap_or("");
                start = text_end;
                if german {
                    group.german(dictionary, text, hash, source)?;
                } else {
                    group.english(dictionary, text, hash, source)?;
                }
            }
            key = end;
        }
        Ok(())
    }
}

/// Computes word keys into buffers of its own: no allocation per term.
#[derive(Default)]
struct Keys {
    folded: String,
    key: String,
}

impl Keys {
    /// [`word_key`] of `word`, valid until the next call.
    fn key(&mut self, word: &str) -> &str {
        word_key_into(word, &mut self.folded, &mut self.key);
        &self.key
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
    if term.is_ascii() {
        // ASCII letters and digits are the ASCII characters that are alphabetic and
        // alphanumeric.
        let bytes = term.as_bytes();
        let word = bytes.len() >= 2
            && bytes[0].is_ascii_alphabetic()
            && bytes[1..].iter().all(u8::is_ascii_alphanumeric);
        return word.then_some(term);
    }
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
        // A word in 500 entries: its lookup finds repeats in a set, not by a scan.
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
    fn an_entry_is_stored_once_and_paired_on_lookup() {
        // 64 × 64 synonyms: every German word gets all 64 English words, in the line's
        // order, without the readers making the 4,096 pairs.
        let side = |offset: usize| {
            (0..MAX_SYNONYMS)
                .map(|k| word(offset + k))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let ding = format!("{} :: {}\n", side(0), side(1000));
        let dictionary = Dictionary::from_ding_reader(ding.as_bytes()).unwrap();
        assert_eq!(dictionary.group_ends.len(), 1);
        assert_eq!(dictionary.group_keys.len(), MAX_SYNONYMS);
        assert!(dictionary.links.is_empty());
        let english: Vec<String> = (0..MAX_SYNONYMS)
            .map(|k| word_key(&word(1000 + k)))
            .collect();
        for k in [0, 17, MAX_SYNONYMS - 1] {
            assert_eq!(translations(&dictionary, &word(k)), english);
        }
        assert_eq!(dictionary.len(), MAX_SYNONYMS);
        assert_eq!(dictionary.pair_count(), MAX_SYNONYMS * MAX_SYNONYMS);
        // A word repeated in an entry and entries repeated across lines count once.
        let dictionary = Dictionary::from_ding_reader(
            "Haus; Haus :: house; house\nHaus :: home; house\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(
            translations(&dictionary, "Haus"),
            [word_key("house"), word_key("home")]
        );
        assert_eq!(dictionary.pair_count(), 2);
    }

    #[test]
    fn merge_and_limit_keep_the_order_of_the_groups() {
        let mut a = Dictionary::from_ding_reader(
            "Bank {f} | Baum :: bank; bench | tree\nBank :: sandbank\n".as_bytes(),
        )
        .unwrap();
        let b =
            Dictionary::from_tsv_reader("Bank\tbench; shore\nHaus\thouse\n".as_bytes()).unwrap();
        a.merge(b.clone());
        let bank = ["bank", "bench", "sandbank", "shore"].map(word_key);
        assert_eq!(translations(&a, "Bank"), bank);
        assert_eq!(translations(&a, "Haus"), [word_key("house")]);
        assert_eq!((a.len(), a.pair_count()), (3, 6));
        // A lookup made before a change is not served after it.
        assert!(a.insert("Haus", "home"));
        assert!(a.insert("Haus", "home"));
        assert_eq!(
            translations(&a, "Haus"),
            [word_key("house"), word_key("home")]
        );
        assert_eq!(a.pair_count(), 7);
        assert_eq!(a.limit_translations(2), 2);
        assert_eq!(translations(&a, "Bank"), bank[..2]);
        assert_eq!((a.len(), a.pair_count()), (3, 5));
        assert_eq!(a.limit_translations(0), 5);
        assert!(a.is_empty());
        assert!(translations(&a, "Bank").is_empty());
        // Into an empty dictionary, merging takes the other as it is.
        let mut empty = Dictionary::new();
        empty.merge(b);
        assert_eq!(
            translations(&empty, "Bank"),
            [word_key("bench"), word_key("shore")]
        );
    }

    #[test]
    fn the_interner_numbers_strings_in_order_across_growth() {
        let mut interner = Interner::default();
        assert_eq!(interner.find("x"), None);
        let words: Vec<String> = (0..5000).map(|k| format!("w{k}")).collect();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w), Some(k as u32));
        }
        for (k, w) in words.iter().enumerate().rev() {
            assert_eq!(interner.intern(w), Some(k as u32));
            assert_eq!(interner.find(w), Some(k as u32));
            assert_eq!(interner.get(k as u32), w);
        }
        assert_eq!(interner.find("w5000"), None);
        assert_eq!(interner.intern(""), Some(5000));
        assert_eq!(interner.find(""), Some(5000));
        assert_eq!(interner.get(7000), "");
        assert!(interner.table.len() * 3 >= interner.len() * 4);
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
    fn old_mac_line_ends_end_entries() {
        let tsv = Dictionary::from_tsv_reader("Haus\thouse\rBaum\ttree\r".as_bytes()).unwrap();
        assert_eq!(translations(&tsv, "Baum"), [word_key("tree")]);
        assert_eq!(tsv.pair_count(), 2);
        let error = Dictionary::from_tsv_reader("Haus\thouse\rBaum tree".as_bytes()).unwrap_err();
        assert!(error.to_string().contains(":2: no tab"), "{error}");
        let ding = Dictionary::from_ding_reader("Haus {n} :: house\rBaum {m} :: tree\r".as_bytes())
            .unwrap();
        assert_eq!((ding.pair_count(), ding.skipped_lines()), (2, 0));
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
            assert_eq!(Keys::default().key(word), word_key(word));
        }
    }

    #[test]
    fn ding_sub_entries_count_sides_and_bound_synonyms() {
        let many = vec!["w"; MAX_SYNONYMS + 1].join(";");
        let bound = vec!["w"; MAX_SYNONYMS].join(";");
        for side in [
            "",
            "a",
            "a | b",
            "a; b | c; d; e |",
            &many,
            &bound,
            &format!("x | {many}"),
        ] {
            let reference = side
                .split('|')
                .all(|s| s.split(';').count() <= MAX_SYNONYMS)
                .then(|| side.split('|').count());
            assert_eq!(ding_sub_entries(side), reference, "{side}");
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
        for word in [
            "Zß", "ab", "Ä7", "Straße", "ö", "1ä", "aé", "x\u{301}", "Wort!",
        ] {
            let mut chars = word.chars();
            let reference = chars.next().is_some_and(char::is_alphabetic)
                && chars.all(char::is_alphanumeric)
                && word.chars().count() >= 2;
            assert_eq!(single_word(word).is_some(), reference, "{word}");
        }
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
