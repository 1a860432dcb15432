//! Per-bead translation-QA flags.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::numbers::{Number, numbers};
use crate::align::{Alignment, BeadRef};
use crate::lexicon::Dictionary;
use crate::lexicon::WordTranslations;
use crate::normalize::word_key;
use crate::text::Side;

/// What a [`Flag`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FlagKind {
    /// A number on one side has no equal on the other.
    NumberMismatch,
    /// A name occurs on one side of the bead only.
    NameOneSide,
    /// The bead's length ratio lies far outside the document's own distribution.
    LengthRatio,
    /// An English reference sentence that the German does not render.
    Omission,
    /// A German sentence with no English counterpart.
    Addition,
    /// German text that is the English copied, or reads as English: left untranslated.
    Untranslated,
    /// A URL, e-mail address, placeholder or inline tag on one side has no equal on the other.
    Markup,
    /// A `?` or `!` on one side only.
    Punctuation,
    /// The same German sentence is rendered differently elsewhere in the document.
    Inconsistent,
    /// The bead breaks the order of the document: a side with holes, or it crosses another.
    Reordered,
    /// A number of equal value on both sides counts different units (`19 Prozent`, `19 euros`).
    UnitMismatch,
    /// One side negates ("nicht", "kein", "never", "n't", ...) and the other does not.
    Negation,
}

impl FlagKind {
    /// Every kind, in a fixed order.
    pub const ALL: [FlagKind; 12] = [
        FlagKind::NumberMismatch,
        FlagKind::NameOneSide,
        FlagKind::LengthRatio,
        FlagKind::Omission,
        FlagKind::Addition,
        FlagKind::Untranslated,
        FlagKind::Markup,
        FlagKind::Punctuation,
        FlagKind::Inconsistent,
        FlagKind::Reordered,
        FlagKind::UnitMismatch,
        FlagKind::Negation,
    ];

    /// A short name: `number_mismatch`, `name_one_side`, `length_ratio`, `omission`,
    /// `addition`, `untranslated`, `markup`, `punctuation`, `inconsistent`, `reordered`,
    /// `unit_mismatch`, `negation`.
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::NumberMismatch => "number_mismatch",
            FlagKind::NameOneSide => "name_one_side",
            FlagKind::LengthRatio => "length_ratio",
            FlagKind::Omission => "omission",
            FlagKind::Addition => "addition",
            FlagKind::Untranslated => "untranslated",
            FlagKind::Markup => "markup",
            FlagKind::Punctuation => "punctuation",
            FlagKind::Inconsistent => "inconsistent",
            FlagKind::Reordered => "reordered",
            FlagKind::UnitMismatch => "unit_mismatch",
            FlagKind::Negation => "negation",
        }
    }
}

impl fmt::Display for FlagKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A warning about one bead, with what was found; [`reason`](Flag::reason) words it for a
/// reviewer.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Flag {
    /// Numbers (as written) with no equal value on the other side.
    NumberMismatch {
        /// German numbers with no English equal.
        german: Vec<String>,
        /// English numbers with no German equal.
        english: Vec<String>,
    },
    /// A name the document spells alike on both sides, present here on one side only.
    NameOneSide {
        /// The name as written.
        name: String,
        /// The side it occurs on.
        side: Side,
    },
    /// English characters per German character far from the document's typical ratio.
    LengthRatio {
        /// This bead's ratio.
        ratio: f64,
        /// The document's median ratio over linked beads.
        typical: f64,
        /// Distance from the median in robust standard deviations of the log ratio.
        z: f64,
    },
    /// English sentences left without German.
    Omission {
        /// How many sentences.
        sentences: usize,
    },
    /// German sentences left without English.
    Addition {
        /// How many sentences.
        sentences: usize,
    },
    /// The German side is the English copied, or is written in English.
    Untranslated {
        /// Whether the German is identical to the English (else it reads as English).
        identical: bool,
    },
    /// URLs, e-mail addresses, placeholders or inline tags (as written) with no equal on the
    /// other side.
    Markup {
        /// German tokens with no English equal.
        german: Vec<String>,
        /// English tokens with no German equal.
        english: Vec<String>,
    },
    /// A question or exclamation mark on one side only.
    Punctuation {
        /// The mark, `?` or `!`.
        mark: char,
        /// The side that has it.
        side: Side,
    },
    /// The German of this 1-1 bead occurs in other 1-1 beads with another English.
    Inconsistent {
        /// How many different English renderings the document has of this German sentence.
        renderings: usize,
    },
    /// The bead is out of the document's order: sentences inside the span of a side belong
    /// to other beads, or the bead crosses other beads (its German comes before theirs, its
    /// English after, or the other way round).
    Reordered {
        /// German sentences between the bead's first and last German sentence that other
        /// beads hold.
        german_elsewhere: Vec<usize>,
        /// English sentences between the bead's first and last English sentence that other
        /// beads hold.
        english_elsewhere: Vec<usize>,
        /// How many other beads with sentences on both sides it crosses.
        crossings: usize,
    },
    /// Numbers of equal value whose units differ, each written with the unit read for it.
    UnitMismatch {
        /// The German numbers and their units, e.g. `19 euro`.
        german: Vec<String>,
        /// The English numbers of the same values and their units, e.g. `19 percent`.
        english: Vec<String>,
    },
    /// A negation on one side only.
    Negation {
        /// The side that negates.
        side: Side,
    },
}

impl Flag {
    /// The kind of flag.
    pub fn kind(&self) -> FlagKind {
        match self {
            Flag::NumberMismatch { .. } => FlagKind::NumberMismatch,
            Flag::NameOneSide { .. } => FlagKind::NameOneSide,
            Flag::LengthRatio { .. } => FlagKind::LengthRatio,
            Flag::Omission { .. } => FlagKind::Omission,
            Flag::Addition { .. } => FlagKind::Addition,
            Flag::Untranslated { .. } => FlagKind::Untranslated,
            Flag::Markup { .. } => FlagKind::Markup,
            Flag::Punctuation { .. } => FlagKind::Punctuation,
            Flag::Inconsistent { .. } => FlagKind::Inconsistent,
            Flag::Reordered { .. } => FlagKind::Reordered,
            Flag::UnitMismatch { .. } => FlagKind::UnitMismatch,
            Flag::Negation { .. } => FlagKind::Negation,
        }
    }

    /// A sentence a reviewer can read, e.g. `number mismatch: German "29." has no English
    /// equal; English "28th" has no German equal`.
    pub fn reason(&self) -> String {
        self.to_string()
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes which items of each side have no equal on the other (`German "3" has no English
/// equal; English "4" has no German equal`), a side with none left out.
fn write_unmatched(
    f: &mut fmt::Formatter<'_>,
    german: &[String],
    english: &[String],
) -> fmt::Result {
    if !german.is_empty() {
        write!(f, "German {} has no English equal", quoted(german))?;
    }
    if !english.is_empty() {
        if !german.is_empty() {
            f.write_str("; ")?;
        }
        write!(f, "English {} has no German equal", quoted(english))?;
    }
    Ok(())
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Flag::NumberMismatch { german, english } => {
                f.write_str("number mismatch: ")?;
                write_unmatched(f, german, english)
            }
            Flag::NameOneSide { name, side } => {
                let (here, there) = match side {
                    Side::German => ("German", "English"),
                    Side::English => ("English", "German"),
                };
                write!(
                    f,
                    "name on one side only: \"{name}\" is in the {here} but not in the {there} of this bead"
                )
            }
            Flag::LengthRatio { ratio, typical, z } => write!(
                f,
                "unusual length: the English is {ratio:.2}× the German, the document's typical ratio is {typical:.2}× ({z:+.1} robust standard deviations)"
            ),
            Flag::Omission { sentences } => write!(
                f,
                "omission: {sentences} English reference sentence{} not rendered in the German",
                if *sentences == 1 { "" } else { "s" }
            ),
            Flag::Addition { sentences } => write!(
                f,
                "addition: {sentences} German sentence{} with no English counterpart",
                if *sentences == 1 { "" } else { "s" }
            ),
            Flag::Untranslated { identical: true } => {
                f.write_str("untranslated: the German is identical to the English")
            }
            Flag::Untranslated { identical: false } => {
                f.write_str("untranslated: the German side is written in English")
            }
            Flag::Markup { german, english } => {
                f.write_str("markup mismatch: ")?;
                write_unmatched(f, german, english)
            }
            Flag::Inconsistent { renderings } => write!(
                f,
                "inconsistent: this German sentence is rendered {renderings} different ways in the document"
            ),
            Flag::Reordered {
                german_elsewhere,
                english_elsewhere,
                crossings,
            } => {
                f.write_str("reordered: ")?;
                let mut parts = Vec::new();
                for (side, elsewhere) in
                    [("German", german_elsewhere), ("English", english_elsewhere)]
                {
                    if !elsewhere.is_empty() {
                        let listed: Vec<String> = elsewhere.iter().map(|k| k.to_string()).collect();
                        parts.push(format!(
                            "the {side} side is not consecutive ({side} sentence{} {} in between belong{} to other beads)",
                            if elsewhere.len() == 1 { "" } else { "s" },
                            listed.join(", "),
                            if elsewhere.len() == 1 { "s" } else { "" },
                        ));
                    }
                }
                if *crossings > 0 {
                    parts.push(format!(
                        "the translation changes the order: this bead crosses {crossings} other bead{}",
                        if *crossings == 1 { "" } else { "s" }
                    ));
                }
                f.write_str(&parts.join("; "))
            }
            Flag::UnitMismatch { german, english } => {
                let pairs: Vec<String> = german
                    .iter()
                    .zip(english)
                    .map(|(g, e)| format!("German \"{g}\" against English \"{e}\""))
                    .collect();
                write!(f, "unit mismatch: {}", pairs.join("; "))
            }
            Flag::Negation { side } => {
                let (here, there) = match side {
                    Side::German => ("German", "English"),
                    Side::English => ("English", "German"),
                };
                write!(
                    f,
                    "negation on one side only: the {here} negates (not, no, never, ...), the {there} does not"
                )
            }
            Flag::Punctuation { mark, side } => {
                let (here, there) = match side {
                    Side::German => ("German", "English"),
                    Side::English => ("English", "German"),
                };
                let what = if *mark == '?' {
                    "question"
                } else {
                    "exclamation"
                };
                write!(
                    f,
                    "punctuation: the {here} has a {what} mark \"{mark}\", the {there} has none"
                )
            }
        }
    }
}

/// The document's distribution of log length ratios over linked beads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LengthModel {
    /// Median of ln(English length / German length).
    pub(crate) median: f64,
    /// Robust standard deviation (1.4826 × median absolute deviation), floored.
    pub(crate) spread: f64,
    /// Linked beads the model was estimated from.
    pub(crate) samples: usize,
}

/// Beyond this many robust standard deviations a length ratio is flagged.
const LENGTH_Z: f64 = 3.0;
/// ... and only if the two sides differ by at least this many characters.
const LENGTH_MIN_DIFFERENCE: f64 = 20.0;
/// A merge whose longer side lies beyond this many robust standard deviations ...
const MERGE_Z: f64 = 1.5;
/// ... and fits the document's ratio within this many once one sentence of at least
/// [`MERGE_MIN_LETTERS`] letters is left out, holds that sentence unrendered.
const MERGE_FIT_Z: f64 = 2.0;
/// See [`MERGE_FIT_Z`].
const MERGE_MIN_LETTERS: f64 = 20.0;

pub(crate) fn letters(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

pub(crate) fn log_ratio(german: f64, english: f64) -> f64 {
    ((english + 1.0) / (german + 1.0)).ln()
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

impl LengthModel {
    fn new(alignment: &Alignment) -> LengthModel {
        let mut ratios: Vec<f64> = alignment
            .beads()
            .filter(|b| !b.german().is_empty() && !b.english().is_empty())
            .map(|b| log_ratio(letters(&b.german_text()), letters(&b.english_text())))
            .collect();
        let samples = ratios.len();
        let center = median(&mut ratios);
        let mut deviations: Vec<f64> = ratios.iter().map(|r| (r - center).abs()).collect();
        let spread = (1.4826 * median(&mut deviations)).max(0.08);
        LengthModel {
            median: center,
            spread,
            samples,
        }
    }

    /// How many robust standard deviations a bead of these letter counts lies from the
    /// document's typical length ratio.
    fn z(&self, german_letters: f64, english_letters: f64) -> f64 {
        (log_ratio(german_letters, english_letters) - self.median) / self.spread
    }
}

/// Whether two keys spell one name: equal, or both of six letters or more, near in length
/// (an inflection adds a few letters; "Künstlers" is no spelling of "Künstlerverein") and
/// close by Jaro-Winkler.
fn alike(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    a == b
        || (la >= 6
            && lb >= 6
            && la.abs_diff(lb) <= 3
            && crate::text::similarity::jaro_winkler(a, b) >= 0.9)
}

/// A key with the German umlauts' written-out "e" dropped ("tueringer" → "turinger"): English
/// writes the names of German places and people with the plain vowel ("Thuringia",
/// "Zurich", "Dusseldorf").
fn plain_vowels(key: &str) -> String {
    key.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// The words of a sentence, each with its position since the last sentence start: 0 for the
/// first word and for a word after `.`, `!`, `?` or `:` (a line may hold several sentences).
/// A hyphen parts words: German writes names into compounds ("Oscar-Gewinnerin",
/// "AfD-Fraktion"), English mostly not ("Oscar winner").
fn words(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut position = 0usize;
    let mut restart = true;
    sentence
        .split_inclusive(|c: char| !c.is_alphanumeric())
        .filter_map(move |piece| {
            let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
            let ends = piece.ends_with(['.', '!', '?', ':']);
            let item = (!word.is_empty()).then(|| {
                let k = if restart { 0 } else { position };
                restart = false;
                position = k + 1;
                (k, word)
            });
            if ends {
                restart = true;
            }
            item
        })
}

/// English words written with a capital for grammar, not because they name something.
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "And"
            | "But"
            | "For"
            | "With"
            | "From"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "Their"
            | "She"
            | "They"
            | "Mr"
            | "Mrs"
            | "Ms"
    )
}

fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        || (word.chars().count() >= 2
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && word.chars().any(char::is_uppercase))
}

/// Whether an English sentence is written in title case ("Talks On Trade And Energy"):
/// three in four of its words of four letters or more capitalised, and at least two of them
/// words the document writes in lower case elsewhere (so that a sentence of names is not a
/// title).
fn is_title_case(sentence: &str, lowercase: &HashSet<String>) -> bool {
    let long: Vec<&str> = words(sentence)
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised: Vec<&&str> = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let common = capitalised
        .iter()
        .filter(|w| lowercase.contains(&word_key(w)))
        .count();
    long.len() >= 3 && capitalised.len() * 4 >= long.len() * 3 && common >= 2
}

/// Whether the German renders the English words on either side of word `n` one right after
/// the other, leaving nothing in the place of word `n` ("auf und" for "on Facebook and"):
/// both neighbours are lower-case words that a German word translates by the core lexicon.
fn slot_left_empty(
    dictionary: &Dictionary,
    german_keys: &[String],
    english_words: &[(usize, &str)],
    n: usize,
) -> bool {
    let neighbour = |m: usize| {
        english_words
            .get(m)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, w)| word_key(w))
    };
    let (Some(left), Some(right)) = (neighbour(n - 1), neighbour(n + 1)) else {
        return false;
    };
    let renders = |g: &String, e: &String| dictionary.translations(g).contains(e);
    german_keys
        .windows(2)
        .any(|pair| renders(&pair[0], &left) && renders(&pair[1], &right))
}

/// Document-level state for checking beads.
pub(crate) struct Checker {
    length: LengthModel,
    /// German word key → the English name keys it spells alike, for German words whose
    /// sentence frequency is close to the name's (else the word is mostly something else).
    german_to_names: HashMap<String, Vec<String>>,
    /// English name keys spelled alike by some German word of close frequency.
    english_names: HashSet<String>,
    /// English name keys that no German word of the document spells alike and that are no
    /// common English words ([`super::names`]): names the German may have dropped
    /// everywhere, or a name the document writes once.
    lone_names: HashSet<String>,
    /// Keys of English words the document writes in lower case somewhere.
    lowercase: HashSet<String>,
    /// Folded German sentence of a 1-1 bead → the folded English renderings it has.
    renderings: HashMap<String, HashSet<String>>,
    /// Per German sentence: whether it ends as a sentence cut short by segmentation would,
    /// in a number or a one-letter abbreviation and a full stop ("Royal Mail 1.").
    cut_ends: Vec<bool>,
    /// First German sentence of each linked bead that crosses others → how many it crosses.
    crossings: HashMap<usize, usize>,
    /// Misread pairs around a German sentence cut short ([`misread_pairs`]): the first
    /// English sentence of each omission bead that is part of one (flagged not at all) ...
    misread_omissions: HashSet<usize>,
    /// ... and the first German sentence of the bead that holds the cut sentence → the
    /// letters (German, English) of the pair it should have made, flagged for length.
    cut_pairs: HashMap<usize, (f64, f64)>,
}

/// Whether a German sentence of `german` letters is cut short against an English one of
/// `english` letters: the English far longer than the document's ratio expects, by the
/// thresholds of the length flag.
fn cut_short(model: &LengthModel, german: f64, english: f64) -> bool {
    model.samples >= 5
        && model.z(german, english) > LENGTH_Z
        && english - german * model.median.exp() >= LENGTH_MIN_DIFFERENCE
}

/// How many words of a German sentence the English renders: by a translation of the core
/// lexicon or by a word spelled loosely alike (a name, a number, a loan word).
fn shared_words(dictionary: &Dictionary, german: &str, english: &str) -> usize {
    let english: HashSet<String> = words(english).map(|(_, w)| word_key(w)).collect();
    let german: HashSet<String> = words(german).map(|(_, w)| word_key(w)).collect();
    german
        .iter()
        .filter(|g| {
            dictionary
                .translations(g)
                .iter()
                .any(|t| english.contains(t))
                || (g.chars().count() >= 4 && english.iter().any(|e| loosely_alike(g, e)))
        })
        .count()
}

/// Omissions that are misread pairs around a German sentence cut short (a dropped clause,
/// or segmentation, leaves a German sentence far shorter than its English): the search
/// then leaves the English sentence unlinked, beside either the short German sentence left
/// unlinked too (`[g]:[]`, `[]:[e]`), or merged with its neighbour into one bead
/// (`[]:[e]`, `[g, g+1]:[e+1]`, where one of `g`-`e` and `g+1`-`e+1` fits the document's
/// length ratio and the other is cut short, and `g` shares more words with `e` than with
/// `e+1`). The English is rendered, only in part: a length finding, not an omission.
/// Returns the omission beads' first English sentences and, keyed by the first German
/// sentence of the bead holding the cut sentence, the letters of the pair it should form.
fn misread_pairs(
    alignment: &Alignment,
    model: &LengthModel,
) -> (HashSet<usize>, HashMap<usize, (f64, f64)>) {
    let mut omissions = HashSet::new();
    let mut cut = HashMap::new();
    let dictionary = Dictionary::core_de_en();
    let beads: Vec<BeadRef<'_>> = alignment.beads().collect();
    let letters_of = |sentences: Vec<&str>| sentences.into_iter().map(letters).collect::<Vec<_>>();
    for (n, bead) in beads.iter().enumerate() {
        if !bead.german().is_empty() || bead.english().len() != 1 {
            continue;
        }
        let e = letters(&bead.english_text());
        let neighbours = [n.checked_sub(1), Some(n + 1)];
        for (before, m) in [true, false].into_iter().zip(neighbours) {
            let Some(other) = m.and_then(|m| beads.get(m)) else {
                continue;
            };
            let german = letters_of(other.german_sentences().collect());
            let english: f64 = letters(&other.english_text());
            let key = other.german().start().get();
            if other.english().is_empty() && german.len() == 1 {
                // [g]:[] beside [e]: the pair g-e with g cut short, sharing a word.
                if cut_short(model, german[0], e)
                    && shared_words(&dictionary, &other.german_text(), &bead.english_text()) > 0
                {
                    omissions.insert(bead.english().start().get());
                    cut.insert(key, (german[0], e));
                    break;
                }
            } else if german.len() >= 2 && other.english().len() == 1 {
                // The German sentence nearest the omission renders it; the rest of the
                // merged bead is cut short against its English.
                let near = if before {
                    german[german.len() - 1]
                } else {
                    german[0]
                };
                let rest: f64 = german.iter().sum::<f64>() - near;
                let fits = |g: f64, e: f64| model.samples >= 5 && model.z(g, e).abs() < MERGE_FIT_Z;
                // ... and shares more words with it than with the merged bead's English.
                let near_text = if before {
                    other.german_sentences().last()
                } else {
                    other.german_sentences().next()
                }
                .unwrap_or("");
                let english_text = other.english_text();
                if shared_words(&dictionary, near_text, &bead.english_text())
                    <= shared_words(&dictionary, near_text, &english_text)
                {
                    continue;
                }
                let pair = if fits(near, e) && cut_short(model, rest, english) {
                    Some((rest, english))
                } else if fits(rest, english) && cut_short(model, near, e) {
                    Some((near, e))
                } else {
                    None
                };
                if let Some(pair) = pair {
                    omissions.insert(bead.english().start().get());
                    cut.insert(key, pair);
                    break;
                }
            }
        }
    }
    (omissions, cut)
}

/// For each bead with sentences on both sides that crosses others, keyed by its first German
/// sentence: how many it crosses (counted with a Fenwick tree over the English starts, so a
/// document in reverse order costs `n log n`, not `n²`).
fn crossings(alignment: &Alignment) -> HashMap<usize, usize> {
    if alignment.is_monotone() {
        return HashMap::new();
    }
    let mut links: Vec<(usize, usize)> = alignment
        .beads()
        .filter(|b| !b.german().is_empty() && !b.english().is_empty())
        .map(|b| (b.german().start().get(), b.english().start().get()))
        .collect();
    links.sort_unstable();
    let size = alignment.english_text().len() + 1;
    let mut counts = vec![0usize; links.len()];
    // Earlier in German, later in English; then later in German, earlier in English.
    let mut tree = vec![0usize; size + 1];
    for (n, &(_, e)) in links.iter().enumerate() {
        counts[n] += n - prefix(&tree, e + 1);
        add(&mut tree, e + 1);
    }
    let mut tree = vec![0usize; size + 1];
    for (n, &(_, e)) in links.iter().enumerate().rev() {
        counts[n] += prefix(&tree, e);
        add(&mut tree, e + 1);
    }
    links
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|(&(g, _), c)| (g, c))
        .collect()
}

/// Adds one at 1-based position `at` of a Fenwick tree.
fn add(tree: &mut [usize], mut at: usize) {
    while at < tree.len() {
        tree[at] += 1;
        at += at & at.wrapping_neg();
    }
}

/// The sum of positions `1..=at` of a Fenwick tree.
fn prefix(tree: &[usize], mut at: usize) -> usize {
    let mut sum = 0;
    while at > 0 {
        sum += tree[at];
        at -= at & at.wrapping_neg();
    }
    sum
}

/// A sentence for comparing renderings: lower case, white space folded.
fn fold(sentence: &str) -> String {
    sentence
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The English renderings of each German sentence of four words or more in 1-1 beads.
fn renderings(alignment: &Alignment) -> HashMap<String, HashSet<String>> {
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    for bead in alignment.beads() {
        if bead.german().len() != 1 || bead.english().len() != 1 {
            continue;
        }
        let german = bead.german_text();
        if german.split_whitespace().count() < 4 {
            continue;
        }
        out.entry(fold(&german))
            .or_default()
            .insert(fold(&bead.english_text()));
    }
    out.retain(|_, english| english.len() > 1);
    out
}

/// Whether a sentence ends in a number or a one-letter word and a full stop.
fn ends_like_a_cut(sentence: &str) -> bool {
    let Some(head) = sentence.trim_end().strip_suffix('.') else {
        return false;
    };
    let last = head.rsplit(char::is_whitespace).next().unwrap_or("");
    last.chars().last().is_some_and(|c| c.is_ascii_digit())
        || (last.chars().count() == 1 && last.chars().all(char::is_alphabetic))
}

/// Whether two sentence frequencies are close enough for a word to be the same name on both
/// sides ("Sonntag" in ten German sentences against the newspaper "Welt am Sonntag" once in
/// the English is mostly a weekday).
fn close_frequency(a: usize, b: usize) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    hi <= lo + 1 || hi * 2 <= lo * 3
}

/// How many sentences each key occurs in, among the words `keep` accepts.
fn sentence_frequencies<'t>(
    sentences: impl Iterator<Item = &'t str>,
    keep: impl Fn(usize, &str) -> bool,
) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for sentence in sentences {
        let here: HashSet<String> = words(sentence)
            .filter(|(k, w)| keep(*k, w))
            .map(|(_, w)| word_key(w))
            .collect();
        for key in here {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
}

impl Checker {
    pub(crate) fn new(alignment: &Alignment) -> Checker {
        // English name candidates: capitalised words not at the start of a sentence.
        let lowercase: HashSet<String> = alignment
            .english_text()
            .sentences()
            .flat_map(words)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, w)| word_key(w))
            .collect();
        let prose = alignment
            .english_text()
            .sentences()
            .filter(|s| !is_title_case(s, &lowercase));
        // German nouns are capitalised too: a German word is no name when the document also
        // writes it in lower case ("die Deutschen", "der deutschen Regierung") or the core
        // lexicon translates it ("Zeiten", "Straße"); an English word is no name when the
        // document writes it in lower case ("City", "the city") or it translates a German word
        // of the document ("Ministry" for "Ministerium").
        let dictionary = Dictionary::core_de_en();
        let german_lowercase: HashSet<String> = alignment
            .german_text()
            .sentences()
            .flat_map(words)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, w)| word_key(w))
            .collect();
        let german_words = sentence_frequencies(alignment.german_text().sentences(), |_, w| {
            w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase)
        });
        let translated: HashSet<&str> = german_words
            .keys()
            .chain(&german_lowercase)
            .flat_map(|key| dictionary.translations(key))
            .map(String::as_str)
            .collect();
        let german_words: HashMap<String, usize> = german_words
            .into_iter()
            .filter(|(key, _)| {
                !german_lowercase.contains(key) && dictionary.translations(key).is_empty()
            })
            .collect();
        let candidates: HashMap<String, usize> = sentence_frequencies(prose, |k, w| {
            k > 0 && w.chars().count() >= 3 && is_capitalized(w) && !is_function_word(w)
        })
        .into_iter()
        .filter(|(key, _)| !lowercase.contains(key) && !translated.contains(key.as_str()))
        .collect();
        // Candidates bucketed by their first two letters: spellings alike enough to be one
        // name share them, and the buckets keep long documents from comparing every pair.
        let prefix = |key: &str| -> Option<(char, char)> {
            let mut chars = key.chars();
            Some((chars.next()?, chars.next()?))
        };
        let mut by_initial: HashMap<(char, char), Vec<(&String, usize)>> = HashMap::new();
        for (key, &count) in &candidates {
            if let Some(first) = prefix(key) {
                by_initial.entry(first).or_default().push((key, count));
            }
        }
        let mut german_to_names: HashMap<String, Vec<String>> = HashMap::new();
        let mut english_names = HashSet::new();
        for (key, &german_count) in &german_words {
            let Some(first) = prefix(key) else {
                continue;
            };
            for &(candidate, english_count) in by_initial.get(&first).into_iter().flatten() {
                if alike(key, candidate) && close_frequency(german_count, english_count) {
                    english_names.insert(candidate.clone());
                    german_to_names
                        .entry(key.clone())
                        .or_default()
                        .push(candidate.clone());
                }
            }
        }
        let lone_names = candidates
            .into_keys()
            .filter(|key| !english_names.contains(key) && !super::names::is_common_english(key))
            .collect();
        let (german_kept, english_kept) =
            rendered_as_themselves(alignment, &german_to_names, &english_names);
        let length = LengthModel::new(alignment);
        let (misread_omissions, cut_pairs) = misread_pairs(alignment, &length);
        let institution_words = only_in_institution_names(alignment, &english_names);
        german_to_names.retain(|key, names| {
            german_kept.contains(key) && !names.iter().all(|n| institution_words.contains(n))
        });
        english_names.retain(|key| english_kept.contains(key));
        Checker {
            length,
            german_to_names,
            english_names,
            lone_names,
            lowercase,
            cut_ends: alignment
                .german_text()
                .sentences()
                .map(ends_like_a_cut)
                .collect(),
            renderings: renderings(alignment),
            crossings: crossings(alignment),
            misread_omissions,
            cut_pairs,
        }
    }

    /// The flag of a bead that is out of the document's order.
    fn reordered_flag(&self, bead: &BeadRef<'_>) -> Option<Flag> {
        let crossings = if bead.german().is_empty() || bead.english().is_empty() {
            0
        } else {
            self.crossings
                .get(&bead.german().start().get())
                .copied()
                .unwrap_or(0)
        };
        if bead.is_contiguous() && crossings == 0 {
            return None;
        }
        fn elsewhere<I: crate::text::SentenceIndex>(
            hull: std::ops::Range<usize>,
            members: impl Iterator<Item = I>,
        ) -> Vec<usize> {
            let members: HashSet<usize> = members.map(|i| i.get()).collect();
            hull.filter(|k| !members.contains(k)).collect()
        }
        Some(Flag::Reordered {
            german_elsewhere: elsewhere(bead.german().to_usize(), bead.german_indices()),
            english_elsewhere: elsewhere(bead.english().to_usize(), bead.english_indices()),
            crossings,
        })
    }

    pub(crate) fn length_model(&self) -> LengthModel {
        self.length
    }

    pub(crate) fn check(&self, bead: &BeadRef<'_>) -> Vec<Flag> {
        let mut flags = Vec::new();
        if let Some(flag) = self.reordered_flag(bead) {
            flags.push(flag);
        }
        let cut_pair = self.cut_pairs.get(&bead.german().start().get());
        if bead.german().is_empty() {
            if !bead.english().is_empty()
                && !self
                    .misread_omissions
                    .contains(&bead.english().start().get())
            {
                flags.push(Flag::Omission {
                    sentences: bead.english_indices().len(),
                });
            }
            return flags;
        }
        if bead.english().is_empty() {
            if let Some(&(g, e)) = cut_pair {
                flags.push(self.length_ratio(g, e));
            } else if !self.is_fragment(bead) {
                flags.push(Flag::Addition {
                    sentences: bead.german_indices().len(),
                });
            }
            return flags;
        }
        if cut_pair.is_none()
            && let Some(flag) = self.merged_skip(bead)
        {
            flags.push(flag);
        }
        let (german, english) = (bead.german_text(), bead.english_text());
        if let Some(flag) = untranslated_flag(&german, &english) {
            flags.push(flag);
        }
        if bead.german().len() == 1
            && bead.english().len() == 1
            && let Some(english) = self.renderings.get(&fold(&german))
        {
            flags.push(Flag::Inconsistent {
                renderings: english.len(),
            });
        }
        if let Some(flag) = number_flag(&german, &english) {
            flags.push(flag);
        }
        if let Some(flag) = unit_flag(&german, &english) {
            flags.push(flag);
        }
        if let Some(in_german) = super::negation::one_sided(&german, &english) {
            let side = if in_german {
                Side::German
            } else {
                Side::English
            };
            flags.push(Flag::Negation { side });
        }
        if let Some((g, e)) = super::markup::unmatched_tokens(&german, &english) {
            flags.push(Flag::Markup {
                german: g,
                english: e,
            });
        }
        for (mark, in_german) in super::markup::differing_marks(&german, &english) {
            let side = if in_german {
                Side::German
            } else {
                Side::English
            };
            flags.push(Flag::Punctuation { mark, side });
        }
        self.name_flags(bead, &mut flags);
        if let Some(flag) = self.length_flag(&german, &english) {
            flags.push(flag);
        } else if let Some(&(g, e)) = cut_pair {
            flags.push(self.length_ratio(g, e));
        }
        flags
    }

    /// Whether a German bead with no English is a piece of a sentence that segmentation cut
    /// off ("Wir versenden mit Royal Mail 1." / "Klasse."): at most four words, after a
    /// German sentence that ends in a number or a one-letter abbreviation with its full stop,
    /// or starting in lower case.
    fn is_fragment(&self, bead: &BeadRef<'_>) -> bool {
        let range = bead.german().to_usize();
        let text = bead.german_text();
        if range.len() != 1 || text.split_whitespace().count() > 4 {
            return false;
        }
        let lower_start = text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let cut_after = range
            .start
            .checked_sub(1)
            .and_then(|k| self.cut_ends.get(k))
            .is_some_and(|&cut| cut);
        lower_start || cut_after
    }

    /// The omission or addition inside a merged bead: the search may fold an unrendered
    /// sentence into its neighbour's bead (`[g]:[e, e+1]` where the German renders only `e`)
    /// when a skip bead costs more. The bead's side with more sentences is then far longer
    /// than the document's ratio expects, and fits it once one of its sentences is left out.
    fn merged_skip(&self, bead: &BeadRef<'_>) -> Option<Flag> {
        let model = &self.length;
        if model.samples < 5 {
            return None;
        }
        let german: Vec<f64> = bead.german_sentences().map(letters).collect();
        let english: Vec<f64> = bead.english_sentences().map(letters).collect();
        let z = |g: f64, e: f64| model.z(g, e);
        let (g, e) = (german.iter().sum::<f64>(), english.iter().sum::<f64>());
        // Leaving out one sentence of `side` (whose total is `total`) fits the ratio.
        let one_too_many = |side: &[f64], total: f64, fit: &dyn Fn(f64) -> f64| {
            side.iter()
                .any(|&n| n >= MERGE_MIN_LETTERS && fit(total - n).abs() < MERGE_FIT_Z)
        };
        let z_all = z(g, e);
        if english.len() >= 2 && english.len() > german.len() && z_all > MERGE_Z {
            return one_too_many(&english, e, &|rest| z(g, rest))
                .then_some(Flag::Omission { sentences: 1 });
        }
        if german.len() >= 2 && german.len() > english.len() && z_all < -MERGE_Z {
            return one_too_many(&german, g, &|rest| z(rest, e))
                .then_some(Flag::Addition { sentences: 1 });
        }
        None
    }

    fn length_flag(&self, german: &str, english: &str) -> Option<Flag> {
        let model = &self.length;
        if model.samples < 5 {
            return None;
        }
        let (g, e) = (letters(german), letters(english));
        let z = model.z(g, e);
        let expected = g * model.median.exp();
        (z.abs() > LENGTH_Z && (e - expected).abs() >= LENGTH_MIN_DIFFERENCE)
            .then(|| self.length_ratio(g, e))
    }

    /// The length flag of a German side of `g` letters against an English side of `e`.
    fn length_ratio(&self, g: f64, e: f64) -> Flag {
        let model = &self.length;
        Flag::LengthRatio {
            ratio: if g > 0.0 { e / g } else { f64::INFINITY },
            typical: model.median.exp(),
            z: model.z(g, e),
        }
    }

    fn name_flags(&self, bead: &BeadRef<'_>, flags: &mut Vec<Flag>) {
        if self.english_names.is_empty() && self.lone_names.is_empty() {
            return;
        }
        let german_keys: Vec<String> = bead
            .german_sentences()
            .flat_map(words)
            .map(|(_, w)| word_key(w))
            .collect();
        let english_keys: Vec<String> = bead
            .english_sentences()
            .flat_map(words)
            .map(|(_, w)| word_key(w))
            .collect();
        let dictionary = Dictionary::core_de_en();
        // The English place names and adjectives the German words of the bead render, by
        // the core lexicon or the exonyms ("bayerischen" → "bavarian").
        let renders = |key: &str| -> Vec<&str> {
            dictionary
                .translations(key)
                .iter()
                .filter(|t| super::names::is_proper_english(t))
                .chain(super::names::exonyms(key))
                .map(String::as_str)
                .collect()
        };
        let german_renders: Vec<&str> = german_keys.iter().flat_map(|g| renders(g)).collect();
        // Whether an English key is in the German of the bead: spelled alike, as the head of
        // a German compound ("Südostasien" for "Asia"), or rendered.
        let in_german_key = |key: &str| {
            german_keys
                .iter()
                .any(|g| loosely_alike(key, g) || ends_alike(g, key))
                || german_renders.iter().any(|r| loosely_alike(key, r))
                || kept_compound(&dictionary, key, &german_keys)
        };
        // Whether a German key is in the English of the bead.
        let in_english_key = |key: &str| {
            english_keys.iter().any(|e| loosely_alike(key, e))
                || renders(key)
                    .iter()
                    .any(|r| english_keys.iter().any(|e| loosely_alike(r, e)))
        };
        let mut seen: HashSet<String> = HashSet::new();
        let mut german_flags: Vec<Flag> = Vec::new();
        let mut english_flags: Vec<Flag> = Vec::new();
        // German words that say a name otherwise: a noun of a kind of place or body that the
        // English does not render ("die Revierstadt" for "Dortmund"), or a demonym of a place
        // the English does not name ("die Londoner" for "Chelsea").
        let english_renders = |renderings: &[String]| {
            renderings.iter().any(|r| {
                english_keys
                    .iter()
                    .any(|e| e == r || e.strip_suffix('s') == Some(r.as_str()))
            })
        };
        let document_name = |key: &str| {
            self.german_to_names.contains_key(key)
                || self.english_names.contains(key)
                || self.lone_names.contains(key)
        };
        // (Computed only for a bead with one English name missing.)
        let periphrases = || -> HashSet<String> {
            bead.german_sentences()
                .flat_map(words)
                .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
                .filter(|&(_, w)| {
                    let kind = !self.german_to_names.contains_key(&word_key(w))
                        && super::names::place_kind_renderings(w)
                            .is_some_and(|r| !english_renders(&r));
                    let demonym =
                        super::names::is_demonym(w, document_name) && !in_english_key(&word_key(w));
                    kind || demonym
                })
                .map(|(_, w)| word_key(w))
                .collect()
        };
        // German words that the document links to an English name.
        // (A sentence-initial word is capitalised anyway: "Was" is no name there.)
        for sentence in bead.german_sentences() {
            let sentence_words: Vec<(usize, &str)> = words(sentence).collect();
            let joined = joined_to_next(sentence);
            for (n, &(k, word)) in sentence_words.iter().enumerate() {
                if k == 0 || !word.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                let key = word_key(word);
                if !self.german_to_names.contains_key(&key) || !seen.insert(key.clone()) {
                    continue;
                }
                if in_english_key(&key) {
                    continue;
                }
                // One side writes the full name, the other a part of it ("Ashok Gehlot" /
                // "Mr Gehlot"): a linked name joined to this one is in the English, and the
                // English has no other capitalised word in this one's place ("The Game" for
                // "Mac Game" is a name changed).
                let joined = |m: usize| joined.get(m).copied().unwrap_or(false);
                let part_present = |m: usize, before: bool| {
                    sentence_words.get(m).is_some_and(|&(_, w)| {
                        let key = word_key(w);
                        self.german_to_names.contains_key(&key)
                            && in_english_key(&key)
                            && !english_has_other_part(bead, &key, before)
                    })
                };
                if (n > 0 && joined(n - 1) && part_present(n - 1, false))
                    || (joined(n) && part_present(n + 1, true))
                {
                    continue;
                }
                german_flags.push(Flag::NameOneSide {
                    name: word.to_string(),
                    side: Side::German,
                });
            }
        }
        // The German words of the bead with their joins, for names said otherwise.
        let german_words: Vec<(String, bool, bool)> = bead
            .german_sentences()
            .flat_map(|sentence| {
                let joined = joined_to_next(sentence);
                words(sentence)
                    .enumerate()
                    .map(|(n, (_, w))| {
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        (
                            word_key(w),
                            capital,
                            joined.get(n).copied().unwrap_or(false),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        // Whether the German renders a part of a longer English name in words of its own:
        // the name's other part `other` is in the German, joined there on the same side to
        // a common German word whose translation is the English word beyond the part, also
        // capitalised (`beyond`): "Grazer Kinderklinik" for "Grazer Primary Hospital". A
        // German word there that renders nothing of the name ("Arbeitgeberpräsident
        // Kramer" for "president Ingo Kramer"), or another name ("Jamie Jonathan" for
        // "Jamie Vardy"), leaves the part missing.
        let said_otherwise = |other: &str, after_other: bool, beyond: Option<&str>| {
            let Some(beyond) = beyond.filter(|w| is_capitalized(w)).map(word_key) else {
                return false;
            };
            german_words.iter().enumerate().any(|(i, (g, _, joined))| {
                if !loosely_alike(other, g) {
                    return false;
                }
                let neighbour = if after_other {
                    (*joined).then(|| german_words.get(i + 1)).flatten()
                } else {
                    i.checked_sub(1)
                        .and_then(|j| german_words.get(j))
                        .filter(|(_, _, joined)| *joined)
                };
                neighbour.is_some_and(|(x, capital, _)| {
                    *capital && common_german_renders(&dictionary, x, &beyond)
                })
            })
        };
        // English names, capitalised and not first in their sentence (in a title, where
        // every word is capitalised, a capital says nothing). A name the German spells
        // nowhere in the document counts only as part of a longer name whose other part the
        // German of the bead has ("Ingo Kramer" against "Ingo"), or where the German leaves
        // its place empty ("auf und" for "on Facebook and"): alone it is mostly a name the
        // translation renders in its own way ("Bavaria" for "Bayern").
        let prose = bead
            .english_sentences()
            .filter(|s| !is_title_case(s, &self.lowercase));
        for sentence in prose {
            let sentence_words: Vec<(usize, &str)> = words(sentence).collect();
            let joined = joined_to_next(sentence);
            let quoted = in_quotes(sentence);
            for (n, &(k, word)) in sentence_words.iter().enumerate() {
                if !is_capitalized(word) || is_function_word(word) {
                    continue;
                }
                let key = word_key(word);
                // A common word capitalised ("Union", "Street") is mostly part of a name the
                // German translates; a name that opens its sentence is mostly one the German
                // renders as "er" or "sie" ("Lucas said ..." / "Er sagte ...").
                if k == 0 || super::names::is_common_english_or_plural(&key) {
                    continue;
                }
                // A word written once inside quotation marks is mostly a title word (titles
                // are translated: "A Bronx Tale"), and a verb form capitalised is a headline's.
                let lone_word = !is_acronym(word)
                    && !super::names::has_common_noun_ending(word)
                    && !super::names::is_verb_form(word)
                    && !quoted.get(n).copied().unwrap_or(false);
                let is_name = self.english_names.contains(&key)
                    || (self.lone_names.contains(&key)
                        && lone_word
                        && n > 0
                        && slot_left_empty(&dictionary, &german_keys, &sentence_words, n))
                    || (self.lone_names.contains(&key) && lone_word && {
                        let name_part = |m: usize| {
                            sentence_words.get(m).is_some_and(|&(_, w)| {
                                let key = word_key(w);
                                is_capitalized(w)
                                    && !is_acronym(w)
                                    && (self.english_names.contains(&key)
                                        || self.lone_names.contains(&key))
                                    && in_german_key(&key)
                            })
                        };
                        let joined = |m: usize| joined.get(m).copied().unwrap_or(false);
                        // The word beyond this one, away from the other part `m`.
                        let beyond = |after_other: bool| {
                            let m = if after_other {
                                Some(n + 1).filter(|_| joined(n))
                            } else {
                                n.checked_sub(1).filter(|&m| joined(m))
                            };
                            m.and_then(|m| sentence_words.get(m)).map(|&(_, w)| w)
                        };
                        let part = |m: usize, after_other: bool| {
                            name_part(m)
                                && !said_otherwise(
                                    &word_key(sentence_words[m].1),
                                    after_other,
                                    beyond(after_other),
                                )
                        };
                        (n > 0 && joined(n - 1) && part(n - 1, true))
                            || (joined(n) && part(n + 1, false))
                    });
                if !is_name || !seen.insert(key.clone()) {
                    continue;
                }
                if !in_german_key(&key) {
                    english_flags.push(Flag::NameOneSide {
                        name: word.to_string(),
                        side: Side::English,
                    });
                }
            }
        }
        // One English name the German lacks, beside a German word that says a name
        // otherwise: that word renders it (and a demonym so used names no place).
        let periphrases = if english_flags.len() == 1 {
            periphrases()
        } else {
            HashSet::new()
        };
        if !periphrases.is_empty() {
            english_flags.clear();
            german_flags.retain(|flag| {
                !matches!(flag, Flag::NameOneSide { name, .. } if periphrases.contains(&word_key(name)))
            });
        }
        flags.extend(german_flags);
        flags.extend(english_flags);
    }
}

/// Whether an English word is a German compound the English keeps ("the Kurstadt
/// director"), rendered in the German by another compound of the same first part
/// ("Kurdirektorin"): its last part is a German word of the core lexicon, of four letters or
/// more, and a German word of the bead begins with its first part, of three or more.
fn kept_compound(dictionary: &Dictionary, key: &str, german_keys: &[String]) -> bool {
    let chars: Vec<char> = key.chars().collect();
    (3..chars.len().saturating_sub(3)).any(|cut| {
        let head: String = chars[..cut].iter().collect();
        let tail: String = chars[cut..].iter().collect();
        !dictionary.translations(&tail).is_empty()
            && german_keys
                .iter()
                .any(|g| g != key && g.starts_with(&head) && g.chars().count() >= cut + 3)
    })
}

/// The core lexicon's translations of a German word, or of the head of a compound
/// ("Kinderklinik": "Klinik"; heads of five letters or more, as shorter ones end names as
/// well: "Ackermann", "Dortmund").
fn compound_translations<'d>(
    dictionary: &'d Dictionary,
    key: &str,
) -> impl Iterator<Item = &'d String> {
    let chars: Vec<char> = key.chars().collect();
    let heads = (3..chars.len().saturating_sub(4)).map(move |cut| chars[cut..].iter().collect());
    std::iter::once(key.to_string())
        .chain(heads)
        .flat_map(|head: String| dictionary.translations(&head).iter())
}

/// Whether a German word or its compound head ([`compound_translations`]) translates the
/// English `key`.
fn common_german_renders(dictionary: &Dictionary, german: &str, key: &str) -> bool {
    compound_translations(dictionary, german).any(|t| t == key)
}

/// Whether an English sentence of the bead writes the name part `key` with another
/// capitalised word joined to it on one side (`before`: the word before it), an honorific
/// aside ("Mr Gehlot"): a part the German renders otherwise, or a name changed.
fn english_has_other_part(bead: &BeadRef<'_>, key: &str, before: bool) -> bool {
    bead.english_sentences().any(|sentence| {
        let sentence_words: Vec<(usize, &str)> = words(sentence).collect();
        let joined = joined_to_next(sentence);
        let joined = |m: usize| joined.get(m).copied().unwrap_or(false);
        sentence_words.iter().enumerate().any(|(n, &(_, w))| {
            if !loosely_alike(key, &word_key(w)) {
                return false;
            }
            let other = if before {
                n.checked_sub(1).filter(|&m| joined(m))
            } else {
                Some(n + 1).filter(|_| joined(n))
            };
            other
                .and_then(|m| sentence_words.get(m))
                .is_some_and(|&(_, o)| {
                    o.chars().next().is_some_and(char::is_uppercase)
                        && !matches!(o, "Mr" | "Mrs" | "Ms" | "Dr" | "Prof")
                })
        })
    })
}

/// Whether a German compound ends in a word spelled loosely alike an English name
/// ("Südostasien" / "Asia", "Nordrhein" / "Rhine"): German writes a place into compounds.
fn ends_alike(german: &str, english: &str) -> bool {
    let (lg, le) = (german.chars().count(), english.chars().count());
    if le < 4 || lg < le + 3 {
        return false;
    }
    (le..=le + 2).any(|len| {
        let tail: String = german.chars().skip(lg - len).collect();
        spelled_loosely_alike(&tail, english)
    })
}

/// For each word of a sentence, in the order of [`words`]: whether it stands inside double
/// quotation marks (`"..."`, `“...”`, `„...“`, `«...»`).
fn in_quotes(sentence: &str) -> Vec<bool> {
    let base = sentence.as_ptr() as usize;
    words(sentence)
        .map(|(_, w)| {
            let at = w.as_ptr() as usize - base;
            let marks = sentence[..at]
                .chars()
                .filter(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»'))
                .count();
            marks % 2 == 1
        })
        .collect()
}

/// The linked names that the translation mostly renders as themselves: of the linked beads
/// whose German holds the German word (or whose English holds the English name), at least
/// half hold a word spelled loosely alike on the other side. A word the document translates
/// in its own way more often than not ("Landrat" as "county commissioner", "Secretary" for
/// "Innenministerin") is mostly no name, and its absence from one bead says nothing; an
/// injected or real error leaves one bead of several without the name.
fn rendered_as_themselves(
    alignment: &Alignment,
    german_to_names: &HashMap<String, Vec<String>>,
    english_names: &HashSet<String>,
) -> (HashSet<String>, HashSet<String>) {
    // Per key: (beads it is in, beads whose other side renders it).
    let mut german: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut english: HashMap<&str, (usize, usize)> = HashMap::new();
    for bead in alignment.beads() {
        if bead.german().is_empty() || bead.english().is_empty() {
            continue;
        }
        let keys = |sentences: Vec<&str>| -> HashSet<String> {
            sentences
                .into_iter()
                .flat_map(words)
                .map(|(_, w)| word_key(w))
                .collect()
        };
        let german_keys = keys(bead.german_sentences().collect());
        let english_keys = keys(bead.english_sentences().collect());
        for (key, _) in german_keys
            .iter()
            .filter_map(|k| german_to_names.get_key_value(k))
        {
            let entry = german.entry(key.as_str()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(english_keys.iter().any(|e| loosely_alike(key, e)));
        }
        for key in english_keys.iter().filter_map(|k| english_names.get(k)) {
            let entry = english.entry(key.as_str()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(german_keys.iter().any(|g| loosely_alike(key, g)));
        }
    }
    let kept = |counts: HashMap<&str, (usize, usize)>| -> HashSet<String> {
        counts
            .into_iter()
            .filter(|&(_, (total, rendered))| rendered * 2 >= total)
            .map(|(key, _)| key.to_string())
            .collect()
    };
    (kept(german), kept(english))
}

/// The linked English names that the English writes only joined to a title word ("Pakistan
/// Cricket Board", "Football Association", "Downing Street"): mostly a common noun
/// capitalised as part of an institution's name, which the German may keep as a loan word
/// where the English says otherwise ("drei Test Cricket" for "three Tests"); a German word
/// linked only to such names is no name the English must have. (The English name stays
/// one the German must have: "Downing Street" is a name.)
fn only_in_institution_names(
    alignment: &Alignment,
    english_names: &HashSet<String>,
) -> HashSet<String> {
    // Per name: (occurrences, occurrences joined to a title word).
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for sentence in alignment.english_text().sentences() {
        let sentence_words: Vec<(usize, &str)> = words(sentence).collect();
        let joined = joined_to_next(sentence);
        let joined = |m: usize| joined.get(m).copied().unwrap_or(false);
        let title_word = |m: usize| {
            sentence_words.get(m).is_some_and(|&(_, w)| {
                is_capitalized(w) && super::names::is_title_word(&word_key(w))
            })
        };
        for (n, &(_, word)) in sentence_words.iter().enumerate() {
            let key = word_key(word);
            if !english_names.contains(&key) {
                continue;
            }
            let inside =
                (n > 0 && joined(n - 1) && title_word(n - 1)) || (joined(n) && title_word(n + 1));
            let entry = counts.entry(key).or_default();
            entry.0 += 1;
            entry.1 += usize::from(inside);
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (total, inside))| inside == total)
        .map(|(key, _)| key)
        .collect()
}

/// Whether a word is written in capitals only, a plural `s` aside ("CFO", "MLAs"): an
/// abbreviation the German may well spell out.
fn is_acronym(word: &str) -> bool {
    let stem = word.strip_suffix('s').unwrap_or(word);
    stem.chars().filter(|c| c.is_uppercase()).count() >= 2 && !stem.chars().any(char::is_lowercase)
}

/// For each word of a sentence, in the order of [`words`]: whether only one space or hyphen
/// parts it from the next word, as the parts of one name are ("Hellas Verona",
/// "Saint-Germain").
fn joined_to_next(sentence: &str) -> Vec<bool> {
    let mut out = Vec::new();
    let mut between = String::new();
    let mut in_word = false;
    for c in sentence.chars() {
        if c.is_alphanumeric() {
            if !in_word && !out.is_empty() {
                let last = out.len() - 1;
                out[last] = between == " " || between == "-";
            }
            if !in_word {
                out.push(false);
                between.clear();
            }
            in_word = true;
        } else {
            if in_word {
                between.clear();
            }
            in_word = false;
            between.push(c);
        }
    }
    out
}

/// Whether two keys may be the same name within one bead, where inflection, derivation,
/// abbreviation and compounds are allowed for ("Aserbaidschans", "aserbaidschanische" /
/// "Azerbaijani"; "Mars" / "Martian", "Colorado" / "Colo."; "Außenminister" / "Minister",
/// "Kurgartencafés" / "Café").
fn loosely_alike(a: &str, b: &str) -> bool {
    spelled_loosely_alike(a, b) || {
        let (pa, pb) = (plain_vowels(a), plain_vowels(b));
        (pa != a || pb != b) && spelled_loosely_alike(&pa, &pb)
    }
}

/// [`loosely_alike`] on the keys as they are.
fn spelled_loosely_alike(a: &str, b: &str) -> bool {
    if alike(a, b) {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    (common >= 5 && common * 5 >= shorter * 4)
        || (common >= 3 && common + 1 >= shorter)
        || (shorter >= 5 && crate::text::similarity::jaro_winkler(a, b) >= 0.85)
        || (shorter >= 4 && (la > lb && a.contains(b) || lb > la && b.contains(a)))
}

/// English words that are rare in German text (no "in", "die", "also", ...).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "was", "were", "with", "for", "that", "this", "it",
    "on", "by", "from", "has", "have", "had", "be", "been", "will", "would", "not", "a", "an",
    "which", "who", "their", "they", "he", "she", "at", "or", "but", "its",
];

/// German words that are rare in English text.
const GERMAN_FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "sind", "war", "mit", "für", "dass", "nicht", "ein", "eine",
    "einen", "von", "zu", "den", "dem", "des", "auf", "im", "sich", "es", "auch", "wird", "hat",
    "sie", "er", "wir", "ich", "bei", "nach", "aus", "oder", "aber", "wie",
];

/// The untranslated flag of a linked bead, if any: the German side identical to the English
/// (ignoring case and white space), or written in English (English function words clearly
/// outnumber German ones).
pub(crate) fn untranslated_flag(german: &str, english: &str) -> Option<Flag> {
    let words: Vec<String> = german
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 3 {
        return None;
    }
    if fold(german) == fold(english) {
        return Some(Flag::Untranslated { identical: true });
    }
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    let (en, de) = (count(ENGLISH_FUNCTION_WORDS), count(GERMAN_FUNCTION_WORDS));
    (words.len() >= 5 && en >= 2 && en > 2 * de && en * 5 >= words.len())
        .then_some(Flag::Untranslated { identical: false })
}

fn unmatched(side: &[Number], other: &[Number]) -> Vec<String> {
    // Greedy one-to-one matching, so that "3 and 3" against "3" leaves one 3 over; numbers in
    // digits first, and each to an equal in digits where there is one, so that a number word
    // ("Halbfinale", the last 4) takes no digits ("4. oder 5. September") away from the
    // number they render ("4th or 5th").
    let mut used = vec![false; other.len()];
    let mut left = Vec::new();
    let digits_first = side
        .iter()
        .filter(|n| n.digits)
        .chain(side.iter().filter(|n| !n.digits));
    for number in digits_first {
        let free = |digits: bool| {
            other.iter().enumerate().position(|(k, o)| {
                o.digits == digits && !used.get(k).copied().unwrap_or(true) && number.matches(o)
            })
        };
        match free(true).or_else(|| free(false)) {
            Some(k) => {
                if let Some(u) = used.get_mut(k) {
                    *u = true;
                }
            }
            None if number.digits => left.push(number.text.clone()),
            None => {}
        }
    }
    left
}

/// The number-mismatch flag of a linked bead, if any: numbers written in digits on one side
/// with no equal value (in digits or words) on the other.
pub(crate) fn number_flag(german: &str, english: &str) -> Option<Flag> {
    let g = numbers(german);
    let e = numbers(english);
    if !g.iter().chain(&e).any(|n| n.digits) {
        return None;
    }
    let german = unmatched(&g, &e);
    let english = unmatched(&e, &g);
    (!german.is_empty() || !english.is_empty()).then_some(Flag::NumberMismatch { german, english })
}

/// The unit-mismatch flag of a linked bead, if any: numbers of equal value on both sides
/// whose units differ (see [`super::units`]).
pub(crate) fn unit_flag(german: &str, english: &str) -> Option<Flag> {
    let pairs = super::units::differing_units(german, &numbers(german), english, &numbers(english));
    (!pairs.is_empty()).then(|| {
        let (german, english) = pairs.into_iter().unzip();
        Flag::UnitMismatch { german, english }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_flags() {
        assert!(number_flag("Die 29. Sitzung.", "The 29th session.").is_none());
        assert!(number_flag("1,5 Mio. Euro", "1.5 million euros").is_none());
        let flag = number_flag("Die 29. Sitzung.", "The 28th session.").unwrap();
        assert_eq!(
            flag.reason(),
            "number mismatch: German \"29.\" has no English equal; English \"28th\" has no German equal"
        );
        assert!(number_flag("Zwei Tage.", "2 days.").is_none());
        assert!(number_flag("Drei Tage.", "2 days.").is_some());
        assert!(number_flag("3 und 3", "3").is_some());
        // A number word takes no digits away from the digits they render.
        assert!(
            number_flag(
                "Halbfinal-Gegner am 4. oder 5. September",
                "semi-final opponent on the 4th or 5th of September"
            )
            .is_none()
        );
    }

    /// The notations of one value that translators use (issue 13): none is a mismatch, and
    /// a value that really differs still is.
    #[test]
    fn one_value_in_other_notations_is_no_mismatch() {
        let same = [
            ("bis 13 Uhr", "until 1 pm"),
            ("1.000,5 Euro", "1,000.5 euros"),
            ("am 3. Juni", "on June 3"),
            ("am 03.06.2021", "on 3 June 2021"),
            ("am 12.10. in Rom", "on October 12 in Rome"),
            ("nach dem 11. September", "after 9/11"),
            ("vier Millionen Euro", "4 million euros"),
            ("31 Personen", "Thirty-one people"),
            ("einunddreißig Personen", "31 people"),
            ("60 Tage", "sixty days"),
            ("ein vierjähriger Junge", "a 4-year-old boy"),
            ("der 2:0-Sieg", "the 2-0 win"),
            ("im Winter 1968/69", "in the winter of 1968/1969"),
            ("1,4 Millionen Fälle", "14 lakh cases"),
            ("ein 1-Billionen-Paket", "a $1 trillion package"),
            ("3 bis 8 Millionen Pfund", "between £3million and £8million"),
            ("bis 10 Uhr (02:00 GMT)", "until 10 a.m. (0200GMT)"),
            ("auf 85 km2", "over 85 square kilometres"),
            ("(3½ und 1½ Jahre alt)", "(3 1/2 and 1 1/2 years old)"),
            ("gegen den Tabellenvierten", "against the 4th-placed team"),
        ];
        for (german, english) in same {
            assert_eq!(number_flag(german, english), None, "{german} / {english}");
        }
        let differ = [
            ("bis 14 Uhr", "until 1 pm"),
            ("am 03.06.2021", "on 4 June 2021"),
            ("vier Millionen Euro", "5 million euros"),
            ("der 2:0-Sieg", "the 3-0 win"),
            ("im Winter 1968/69", "in the winter of 1968/1970"),
            ("3 bis 8 Millionen Pfund", "between £4million and £8million"),
            ("auf 85 km2", "over 86 km2"),
            ("(3½ Jahre alt)", "(3 1/4 years old)"),
        ];
        for (german, english) in differ {
            assert!(
                number_flag(german, english).is_some(),
                "{german} / {english}"
            );
        }
    }

    /// The flags of each bead that the default aligner finds for the sentences, in order.
    fn flags_of(german: &[&str], english: &[&str]) -> Vec<Vec<Flag>> {
        let alignment = crate::Aligner::new()
            .align_sentences(german, english)
            .expect("the default aligner aligns any sentences");
        crate::quality::Report::new(&alignment)
            .beads()
            .map(|b| b.flags().to_vec())
            .collect()
    }

    /// The names that name-one-side flags of `flags` report, in order.
    fn flagged_names(flags: &[Vec<Flag>]) -> Vec<String> {
        flags
            .iter()
            .flatten()
            .filter_map(|f| match f {
                Flag::NameOneSide { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn german_nouns_and_english_common_words_are_not_names() {
        let flags = flags_of(
            &[
                "Die Deutschen lieben die Deutsche Bahn.",
                "Viele Deutschen fahren mit der deutschen Bahn nach Berlin.",
                "In der Stadt gab es Streit.",
                "Das Ministerium der Stadt Berlin schweigt.",
            ],
            &[
                "The Germans love the Deutsche Bahn.",
                "Many Germans take the German railway to Berlin.",
                "There was a dispute in the city.",
                "The Ministry of the City of Berlin is silent.",
            ],
        );
        // "Deutschen" is written in lower case elsewhere, "City" too, "Ministry" translates
        // "Ministerium": none is a name missing from the other side.
        let names = flagged_names(&flags);
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn names_inside_german_compounds_are_found() {
        let german = [
            "Die Oscar-Gewinnerin Olivia de Havilland ist tot.",
            "Sie gewann ihren ersten Oscar im Jahr 1946.",
            "Die AfD-Fraktion im Landtag schwieg.",
            "Später sprach die AfD doch.",
        ];
        let english = [
            "The Oscar winner Olivia de Havilland is dead.",
            "She won her first Oscar in 1946.",
            "The AfD fraction in the state parliament kept silent.",
            "Later the AfD did speak.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // The name dropped from a sentence whose other mention is inside a compound.
        let mut dropped = german;
        dropped[1] = "Sie gewann ihren ersten Preis im Jahr 1946.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Oscar"]);
    }

    #[test]
    fn a_name_written_once_counts_as_part_of_a_longer_name() {
        let german = [
            "Arbeitgeberpräsident Ingo Kramer sprach mit der Presse.",
            "Die Regierung in Bayern schwieg dazu.",
            "Danach fuhr Kramer nach Hause.",
        ];
        let english = [
            "Employers' president Ingo Kramer spoke to the press.",
            "The government in Bavaria was silent.",
            "Then Kramer went home.",
        ];
        // "Bavaria" renders "Bayern" in words of its own: no name missing.
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // "Ingo", written once, is missing beside "Kramer", which the German has.
        let mut dropped = german;
        dropped[0] = "Arbeitgeberpräsident Kramer sprach mit der Presse.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Ingo"]);
    }

    #[test]
    fn a_demonym_or_adjective_of_a_place_counts_as_its_name() {
        let german = [
            "Der TSV steht im Finale des bayerischen Toto-Pokals.",
            "Das Spiel ist am Samstag in Kempten.",
        ];
        let english = [
            "TSV is in the final of the Bavarian Toto-Pokal.",
            "The match is on Saturday in Kempten.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // The adjective dropped: the place is missing from the German.
        let mut dropped = german;
        dropped[0] = "Der TSV steht im Finale des Toto-Pokals.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Bavarian"]);
    }

    #[test]
    fn titles_in_quotation_marks_and_capitalised_verbs_are_not_names() {
        let german = [
            "Pitts spielte in „In den Straßen der Bronx“ die Hauptrolle.",
            "Chouhan positiv auf Covid getestet, meldet sein Büro.",
            "Danach sprach Pitts mit Jamie Vardy.",
        ];
        let english = [
            "Pitts starred in \"A Bronx Tale\" on stage.",
            "Chouhan Testing Covid positive, his office reports.",
            "Then Pitts talked to Jamie Vardy.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // Outside quotation marks, a word written once beside a name part is a name.
        let mut dropped = german;
        dropped[2] = "Danach sprach Pitts mit Jamie.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Vardy"]);
    }

    #[test]
    fn a_part_of_a_name_said_otherwise_is_no_name_missing() {
        let german = [
            "Das Kind wird an der Grazer Kinderklinik betreut.",
            "Die Regierung von Ashok Gehlot steckt in einer Krise.",
            "Ashok Gehlot sprach am Montag vor der Presse.",
            "Danach sprach Gehlot mit Jamie Vardy.",
        ];
        let english = [
            "The child is cared for at the Grazer Primary Hospital.",
            "Mr Gehlot's government is in crisis.",
            "Ashok Gehlot spoke to the press on Monday.",
            "Then Gehlot talked to Jamie Vardy.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // Another name in the place of a part is a name changed.
        let mut changed = german;
        changed[3] = "Danach sprach Gehlot mit Jamie Jonathan.";
        assert_eq!(flagged_names(&flags_of(&changed, &english)), ["Vardy"]);
    }

    #[test]
    fn one_thing_named_otherwise_is_no_name_missing() {
        let german = [
            "Die Zahl der Corona-Fälle steigt in Berlin.",
            "In Berlin trifft Corona vor allem Ältere.",
            "Das Gebiet ist am stärksten von Covid-19 betroffen.",
            "In der Downing Street wurde am Montag beraten.",
            "Das Land gilt der britischen Regierung als sicher.",
        ];
        let english = [
            "The number of Corona cases is rising in Berlin.",
            "In Berlin, Corona hits the elderly most.",
            "The area is hit hardest by Corona-19.",
            "There were talks in Downing Street on Monday.",
            "The country is deemed safe by Downing Street.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // Neither the illness nor the government named at all: the name is missing.
        let mut dropped = german;
        dropped[2] = "Das Gebiet ist am stärksten von der Krise betroffen.";
        dropped[4] = "Das Land gilt den Behörden als sicher.";
        assert_eq!(
            flagged_names(&flags_of(&dropped, &english)),
            ["Corona", "Downing"]
        );
    }

    #[test]
    fn a_german_compound_the_english_keeps_is_rendered_by_its_first_part() {
        let german = [
            "Die Kurstadt feiert am Sonntag ein Fest.",
            "Das Fest in der Kurstadt beginnt um zehn.",
            "Das war schön, sagt Kurdirektorin Sylvie Thormann.",
        ];
        let english = [
            "The Kurstadt celebrates a festival on Sunday.",
            "The festival in the Kurstadt starts at ten.",
            "That was nice, said the Kurstadt director, Sylvie Thormann.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        let mut dropped = german;
        dropped[2] = "Das war schön, sagt Direktorin Sylvie Thormann.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Kurstadt"]);
    }

    #[test]
    fn a_demonym_or_a_place_epithet_renders_a_name() {
        let german = [
            "Der Klub Chelsea kommt aus London.",
            "Am Dienstag spielt Chelsea in Dortmund.",
            "Die Spieler trainieren für das Spiel gegen die Londoner.",
            "Das Stadion in Dortmund ist voll.",
            "Die Arena in der Revierstadt fasst 81.000 Zuschauer.",
        ];
        let english = [
            "The club Chelsea is from London.",
            "On Tuesday, Chelsea play in Dortmund.",
            "The players train for the game against Chelsea.",
            "The stadium in Dortmund is full.",
            "The arena in Dortmund holds 81,000 spectators.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // A common noun or another place in their stead: the names are missing.
        let mut dropped = german;
        dropped[2] = "Die Spieler trainieren für das Spiel gegen die Gäste.";
        dropped[4] = "Die Arena in Frankfurt fasst 81.000 Zuschauer.";
        assert_eq!(
            flagged_names(&flags_of(&dropped, &english)),
            ["Chelsea", "Dortmund"]
        );
    }

    #[test]
    fn a_common_noun_inside_an_institution_name_is_no_name() {
        let german = [
            "Der Pakistan Cricket Board tagte am Montag.",
            "Pakistan und England spielen drei Test Cricket.",
            "Der Trainer liebt den Sport.",
        ];
        let english = [
            "The Pakistan Cricket Board met on Monday.",
            "Pakistan and England will play three Tests.",
            "The coach loves the sport.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // Written alone as well, the word is a name, missing from the second bead.
        let (mut alone_german, mut alone_english) = (german, english);
        alone_german[2] = "Der Trainer liebt Cricket.";
        alone_english[2] = "The coach loves Cricket.";
        assert_eq!(
            flagged_names(&flags_of(&alone_german, &alone_english)),
            ["Cricket"]
        );
    }

    #[test]
    fn a_name_written_once_whose_place_the_german_leaves_empty_is_missing() {
        let german = [
            "O'Brien teilte das Video auf Facebook und sagte, sie sei froh.",
            "Die Polizei sprach mit O'Brien.",
        ];
        let english = [
            "O'Brien shared the video on Facebook and said she was glad.",
            "The police talked to O'Brien.",
        ];
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // Said otherwise, the name leaves no empty place: no flag.
        let mut otherwise = german;
        otherwise[0] = "O'Brien teilte das Video auf der Plattform und sagte, sie sei froh.";
        assert!(flagged_names(&flags_of(&otherwise, &english)).is_empty());
        let mut dropped = german;
        dropped[0] = "O'Brien teilte das Video auf und sagte, sie sei froh.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Facebook"]);
    }

    #[test]
    fn a_place_inside_a_german_compound_is_found() {
        assert!(ends_alike("suedostasien", "asia"));
        assert!(ends_alike("nordrhein", "rhine"));
        assert!(!ends_alike("asien", "asia"));
        assert!(!ends_alike("landesregierung", "asia"));
        let dictionary = Dictionary::core_de_en();
        assert!(common_german_renders(
            &dictionary,
            "kinderklinik",
            "hospital"
        ));
        assert!(!common_german_renders(&dictionary, "ackermann", "man"));
    }

    #[test]
    fn a_word_the_document_mostly_translates_is_no_name() {
        let german = [
            "Landrat Werner Bumeder sprach am Morgen.",
            "Der Landrat verbot die Feier.",
            "Auch der Landrat kam am Abend.",
            "Der Kreischef dankte allen Helfern.",
            "Der Bezirkschef lobte Bumeder sehr.",
        ];
        let english = [
            "County commissioner Werner Bumeder spoke in the morning.",
            "The Landrat banned the party.",
            "The county commissioner came in the evening as well.",
            "The Landrat thanked all helpers.",
            "The Landrat praised Bumeder a lot.",
        ];
        // "Landrat" is written alike in one bead of the three on either side: the translation
        // has words of its own for it, and the beads without it lack no name.
        assert!(flagged_names(&flags_of(&german, &english)).is_empty());
        // "Bumeder" is rendered in both beads that have it: dropping it is flagged.
        let mut dropped = german;
        dropped[4] = "Der Bezirkschef lobte ihn sehr.";
        assert_eq!(flagged_names(&flags_of(&dropped, &english)), ["Bumeder"]);
    }

    #[test]
    fn umlauts_match_plain_vowels_and_compounds_are_no_spellings() {
        let key = |w: &str| word_key(w);
        assert!(loosely_alike(&key("Thuringia"), &key("Thüringer")));
        assert!(loosely_alike(&key("Zurich"), &key("Zürich")));
        assert!(loosely_alike(&key("Dusseldorf"), &key("Düsseldorfer")));
        assert!(!loosely_alike(&key("Thuringia"), &key("Bayern")));
        assert!(alike(&key("Lewandowski"), &key("Lewandowskis")));
        assert!(!alike(&key("Künstlers"), &key("Künstlerverein")));
    }

    #[test]
    fn title_case_words_are_not_names() {
        let german = [
            "Die Minister sprachen lange mit Baerbock über Handel.",
            "Gespräche über Handel und Verkehr",
            "Sie wollen sich bald wieder treffen.",
        ];
        let count = |english: &[&str]| flags_of(&german, english).iter().flatten().count();
        // In prose, "Baerbock" mid-sentence is a name missing from the German.
        assert_eq!(
            count(&[
                "The ministers talked at length with Baerbock about trade.",
                "Talks about trade, transport and Baerbock",
                "They want to meet again soon.",
            ]),
            1
        );
        // In a title every word is capitalised: nothing to flag.
        assert_eq!(
            count(&[
                "The ministers talked at length with Baerbock about trade.",
                "Talks About Trade, Transport And Baerbock",
                "They want to meet again soon.",
            ]),
            0
        );
    }

    #[test]
    fn markup_and_marks_that_differ_are_flagged() {
        let flags = flags_of(
            &[
                "Mehr dazu unter https://example.org/a oder bei info@example.org.",
                "Hallo {name}, Sie haben <b>%d</b> neue Nachrichten.",
                "Kommt der Zug heute noch an?",
                "Wir freuen uns sehr auf den Besuch!",
            ],
            &[
                "More at https://example.org/b or from info@example.org.",
                "Hello {name}, you have <b>%d</b> new messages.",
                "The train arrives today.",
                "We are much looking forward to the visit!",
            ],
        );
        let kinds: Vec<Vec<FlagKind>> = flags
            .iter()
            .map(|f| f.iter().map(Flag::kind).collect())
            .collect();
        assert_eq!(
            kinds,
            [
                vec![FlagKind::Markup],
                vec![],
                vec![FlagKind::Punctuation],
                vec![]
            ]
        );
        assert_eq!(
            flags[0][0].reason(),
            "markup mismatch: German \"https://example.org/a\" has no English equal; English \"https://example.org/b\" has no German equal"
        );
    }

    #[test]
    fn an_omission_inside_a_merged_bead_is_flagged() {
        use crate::align::{Alignment, Bead};
        use crate::text::Text;
        let pairs = [
            (
                "Der Zug fuhr am Morgen pünktlich in Basel ab.",
                "The train left Basel on time in the morning.",
            ),
            (
                "Die Fahrgäste waren zufrieden.",
                "The passengers were pleased.",
            ),
            (
                "In Zürich stiegen viele Reisende zu.",
                "Many travellers got on in Zurich.",
            ),
            (
                "Das Wetter blieb den ganzen Tag sonnig.",
                "The weather stayed sunny all day.",
            ),
            (
                "Am Abend erreichte der Zug Mailand.",
                "In the evening the train reached Milan.",
            ),
            ("Dort endete die Reise.", "The journey ended there."),
        ];
        let german: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        let mut english: Vec<&str> = pairs.iter().map(|p| p.1).collect();
        english.insert(
            3,
            "A long delay on the Gotthard line had been feared for weeks by the railway.",
        );
        // The bead [3]:[3, 4] holds an English sentence the German does not render.
        let mut beads: Vec<Bead> = (0..3)
            .map(|k| Bead::from_ranges(k..k + 1, k..k + 1, 0.0, 0.9))
            .collect();
        beads.push(Bead::from_ranges(3..4, 3..5, 0.0, 0.9));
        beads.extend((4..6).map(|k| Bead::from_ranges(k..k + 1, k + 1..k + 2, 0.0, 0.9)));
        let alignment = Alignment::from_parts_unchecked(
            Text::from_lines(german.join("\n")),
            Text::from_lines(english.join("\n")),
            beads.clone(),
        );
        let report = crate::quality::Report::new(&alignment);
        let omissions: Vec<usize> = report
            .beads()
            .enumerate()
            .filter(|(_, b)| b.flags().iter().any(|f| f.kind() == FlagKind::Omission))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(omissions, [3]);
        // A merge whose English renders the German in two sentences is no omission.
        let mut split = english.clone();
        split.remove(3);
        split[3] = "The weather stayed sunny.";
        split.insert(4, "It did so all day.");
        let alignment = Alignment::from_parts_unchecked(
            Text::from_lines(german.join("\n")),
            Text::from_lines(split.join("\n")),
            beads,
        );
        let report = crate::quality::Report::new(&alignment);
        assert!(report.beads().all(|b| b.flags().is_empty()), "{report:?}");
    }

    /// Kinds of the flags of each bead of a fixed alignment.
    fn kinds_of(
        german: &[&str],
        english: &[&str],
        beads: Vec<crate::align::Bead>,
    ) -> Vec<Vec<FlagKind>> {
        let alignment = crate::align::Alignment::from_parts_unchecked(
            crate::text::Text::from_lines(german.join("\n")),
            crate::text::Text::from_lines(english.join("\n")),
            beads,
        );
        crate::quality::Report::new(&alignment)
            .beads()
            .map(|b| b.flags().iter().map(Flag::kind).collect())
            .collect()
    }

    #[test]
    fn a_misread_pair_around_a_sentence_cut_short_is_a_length_finding() {
        use crate::align::Bead;
        let pairs = [
            (
                "Der Laden öffnet am Montag um neun Uhr.",
                "The shop opens on Monday at nine.",
            ),
            (
                "Wir haben neue Schuhe im Angebot.",
                "We have new shoes on offer.",
            ),
            ("Die Preise sind gesunken.", "Prices have fallen."),
            (
                "Als Grund nannte er.",
                "As the reason he gave the rising cost of rent and energy in the city centre.",
            ),
            ("Der Versand ist kostenlos.", "Shipping is free."),
            (
                "Bestellungen gehen am selben Tag raus.",
                "Orders go out the same day.",
            ),
            (
                "Rückgaben sind bis zu dreißig Tage möglich.",
                "Returns are possible for up to thirty days.",
            ),
        ];
        let german: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        let english: Vec<&str> = pairs.iter().map(|p| p.1).collect();
        let one = |k: usize| Bead::from_ranges(k..k + 1, k..k + 1, 0.0, 0.9);
        // The cut sentence left unlinked beside its English: [3]:[], []:[3].
        let mut beads: Vec<Bead> = (0..3).map(one).collect();
        beads.push(Bead::from_ranges(3..4, 3..3, 0.0, 0.9));
        beads.push(Bead::from_ranges(4..4, 3..4, 0.0, 0.9));
        beads.extend((4..7).map(one));
        let kinds = kinds_of(&german, &english, beads);
        assert_eq!(kinds[3], [FlagKind::LengthRatio], "{kinds:?}");
        assert!(kinds[4].is_empty(), "{kinds:?}");
        // The cut sentence merged with the next: []:[3], [3, 4]:[4].
        let mut beads: Vec<Bead> = (0..3).map(one).collect();
        beads.push(Bead::from_ranges(3..3, 3..4, 0.0, 0.9));
        beads.push(Bead::from_ranges(3..5, 4..5, 0.0, 0.9));
        beads.extend((5..7).map(one));
        let kinds = kinds_of(&german, &english, beads);
        assert!(kinds[3].is_empty(), "{kinds:?}");
        assert_eq!(kinds[4], [FlagKind::LengthRatio], "{kinds:?}");
        // A sentence dropped whole beside a merge that fits stays an omission.
        let mut dropped = english.clone();
        dropped[3] = "Many customers asked about the new collection.";
        let mut beads: Vec<Bead> = (0..3).map(one).collect();
        beads.push(Bead::from_ranges(3..3, 3..4, 0.0, 0.9));
        beads.push(Bead::from_ranges(3..5, 4..5, 0.0, 0.9));
        beads.extend((5..7).map(one));
        let kinds = kinds_of(&german, &dropped, beads);
        assert_eq!(kinds[3], [FlagKind::Omission], "{kinds:?}");
    }

    /// The flags of a German sentence left alone (bead `[1]:[]`) between two 1-1 beads.
    fn additions_of(second_german: &str) -> usize {
        use crate::align::{Alignment, Bead};
        use crate::text::Text;
        let german = Text::from_lines(format!(
            "Wir versenden alle Bestellungen mit Royal Mail 1.\n{second_german}\nDie Lieferung dauert zwei Tage."
        ));
        let english = Text::from_lines(
            "We send all orders by Royal Mail 1st Class.\nDelivery takes two days.",
        );
        let beads = vec![
            Bead::from_ranges(0..1, 0..1, 0.0, 0.9),
            Bead::from_ranges(1..2, 1..1, 0.0, 0.9),
            Bead::from_ranges(2..3, 1..2, 0.0, 0.9),
        ];
        let alignment = Alignment::from_parts_unchecked(german, english, beads);
        crate::quality::Report::new(&alignment)
            .verdict()
            .flags_by_kind()[&FlagKind::Addition]
    }

    #[test]
    fn a_sentence_cut_by_segmentation_is_no_addition() {
        // "1. Klasse" cut after "1.": the piece is no addition.
        assert_eq!(additions_of("Klasse."), 0);
        // A sentence of its own in the same place is one.
        assert_eq!(additions_of("Das Wetter in London war gestern warm."), 1);
        assert!(ends_like_a_cut("mit Royal Mail 1."));
        assert!(!ends_like_a_cut("Wir danken Ihnen."));
    }

    #[test]
    fn the_same_sentence_rendered_two_ways_is_inconsistent() {
        let flags = flags_of(
            &[
                "Bitte schließen Sie die Tür.",
                "Der Zug fährt gleich ab.",
                "Bitte schließen Sie die Tür.",
                "Bitte schließen Sie die Tür.",
            ],
            &[
                "Please close the door.",
                "The train is about to leave.",
                "Kindly shut the door.",
                "Please close the door.",
            ],
        );
        let inconsistent: Vec<usize> = flags
            .iter()
            .enumerate()
            .filter(|(_, f)| f.iter().any(|f| f.kind() == FlagKind::Inconsistent))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(inconsistent, [0, 2, 3]);
        assert_eq!(
            flags[0][0].reason(),
            "inconsistent: this German sentence is rendered 2 different ways in the document"
        );
    }

    #[test]
    fn untranslated_flags() {
        let en = "The talks lasted two hours and focused on trade.";
        assert_eq!(
            untranslated_flag(en, en),
            Some(Flag::Untranslated { identical: true })
        );
        let copied = "The talks lasted two hours and covered trade and transport.";
        assert_eq!(
            untranslated_flag(copied, en),
            Some(Flag::Untranslated { identical: false })
        );
        let de = "Die Gespräche dauerten zwei Stunden und drehten sich um Handel.";
        assert_eq!(untranslated_flag(de, en), None);
        // Names and short headlines written alike on both sides are not untranslated.
        assert_eq!(untranslated_flag("Fariz Rzayev", "Fariz Rzayev"), None);
        // German with an English quotation stays German.
        let quoted =
            "Er sagte, die Lage sei \"under control\", und es gebe keinen Grund zur Sorge.";
        assert_eq!(untranslated_flag(quoted, en), None);
    }

    #[test]
    fn names_and_skips() {
        let flags = flags_of(
            &[
                "Jonas Survila traf Fariz Rzayev.",
                "Er sprach mit Survila.",
                "Es regnete.",
            ],
            &[
                "Jonas Survila met Fariz Rzayev.",
                "He spoke with Rzayev.",
                "It rained.",
            ],
        );
        let flagged: Vec<&Vec<Flag>> = flags.iter().filter(|f| !f.is_empty()).collect();
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        let reasons: Vec<String> = flagged[0].iter().map(Flag::reason).collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[0].contains("\"Survila\" is in the German"));
        assert!(reasons[1].contains("\"Rzayev\" is in the English"));
    }
}
