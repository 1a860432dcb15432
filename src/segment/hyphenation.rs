//! Words hyphenated at a line end in wrapped text: `Zusam-\nmenarbeit` is one word,
//! `Aserbaidschan-\nLitauen` keeps its hyphen.
//!
//! Sentences are spans of the original text, so the span of a sentence in wrapped text covers
//! both parts of such a word, line break included. What the scorers read is the sentence
//! with the soft hyphens taken out ([`Hyphenation::join`]). Which hyphens are soft is decided
//! by evidence in the document itself, in this order:
//!
//! 1. the hyphenated form written on one line elsewhere (`Corona-Pandemie`) keeps the hyphen;
//! 2. the joined form written elsewhere (`Zusammenarbeit`) removes it;
//! 3. a continuation that is not a lower-case letter (`Aserbaidschan-\nLitauen`,
//!    `COVID-\n19`: German capitalises the nouns of a hyphenated compound) keeps it;
//! 4. a lower-case continuation that is a word of its own elsewhere in the document
//!    (`Hand-\nund Fußbremse`, `well-\nknown`) keeps it;
//! 5. any other lower-case continuation (`Wiederherstellungs-\nprozess`) removes it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::layout::{Layout, LineBreaks};
use super::rules::is_space;

/// The words of one text broken at a line end after a hyphen: the byte offset of each such
/// `-`, and whether it is soft (the parts make one word) or belongs to the word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hyphenation {
    breaks: Vec<(usize, bool)>,
}

/// A hyphen at a line end between two letters.
struct Candidate {
    hyphen: usize,
    /// The letters and digits of the word before the hyphen (after any earlier hyphen of it).
    left: Range<usize>,
    /// The letters (and digits) of the word that opens the next line.
    right: Range<usize>,
}

impl Hyphenation {
    /// Finds the soft hyphens of `text`. Costs one `memchr` pass when no line ends in a
    /// hyphen, and one pass over the words of the text when some do.
    pub(crate) fn of(text: &str) -> Hyphenation {
        let candidates = candidates(text);
        if candidates.is_empty() {
            return Hyphenation::default();
        }
        let words = Words::of(text);
        let breaks = candidates
            .iter()
            .map(|c| (c.hyphen, is_soft(&words, text, c)))
            .collect();
        Hyphenation { breaks }
    }

    /// The text of `span` as the scorers read it: the line break and indentation after each
    /// hyphen at a line end taken out, and the hyphen too when it is soft
    /// (`Zusam-\nmenarbeit` → `Zusammenarbeit`, `US-\nRegierung` → `US-Regierung`).
    pub(crate) fn join<'t>(&self, text: &'t str, span: Range<usize>) -> Cow<'t, str> {
        let sentence = text.get(span.clone()).unwrap_or("");
        let from = self.breaks.partition_point(|&(h, _)| h < span.start);
        let inside = self.breaks[from..]
            .iter()
            .take_while(|&&(h, _)| h < span.end)
            .copied();
        let mut joined: Option<String> = None;
        let mut copied = span.start;
        for (hyphen, soft) in inside {
            let out = joined.get_or_insert_with(|| String::with_capacity(sentence.len()));
            let keep = if soft { hyphen } else { hyphen + 1 };
            out.push_str(text.get(copied..keep).unwrap_or(""));
            let rest = text.get(hyphen + 1..span.end).unwrap_or("");
            copied = span.end - rest.trim_start_matches(is_space).len();
        }
        match joined {
            None => Cow::Borrowed(sentence),
            Some(mut out) => {
                out.push_str(text.get(copied..span.end).unwrap_or(""));
                Cow::Owned(out)
            }
        }
    }
}

/// Whether the hyphen of `c` is soft, by the evidence of the document's `words`.
fn is_soft(words: &Words, text: &str, c: &Candidate) -> bool {
    let left = &text[c.left.clone()];
    let right = &text[c.right.clone()];
    let lower = |s: &str| s.to_lowercase();
    if !left.chars().all(char::is_alphabetic) {
        // "24-\nStunden", "COVID19-\nFälle": a number is never split by a soft hyphen.
        return false;
    }
    if words.whole.contains(&lower(&format!("{left}-{right}"))) {
        return false;
    }
    if words.whole.contains(&lower(&format!("{left}{right}"))) {
        return true;
    }
    if !right.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // The continuation itself opens the next line once: elsewhere means twice.
    words.standalone.get(&lower(right)).copied().unwrap_or(0) < 2
}

/// Every `-` that ends a line after a letter or digit, before a line that starts with a
/// letter or a digit. Lines end where the segmenter's layout ends them (`\n`, `\r\n`, `\r`,
/// NEL, U+2028; a U+2029 paragraph end joins nothing).
fn candidates(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let layout = Layout::new(text, LineBreaks::Line);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(line_break) = layout.next_break(bytes, from) {
        from = line_break.end;
        if line_break.paragraph {
            continue;
        }
        let head = &text[..line_break.at];
        let trimmed = head.trim_end_matches([' ', '\t']);
        let Some(before) = trimmed.strip_suffix('-') else {
            continue;
        };
        let hyphen = before.len();
        let left_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric())
            .last()
            .map_or(hyphen, |(k, _)| k);
        if left_start == hyphen {
            continue;
        }
        let tail = &text[line_break.end..];
        let line = tail.trim_start_matches([' ', '\t']);
        let right_start = line_break.end + (tail.len() - line.len());
        let right_len = line
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(line.len());
        if right_len == 0 {
            continue;
        }
        found.push(Candidate {
            hyphen,
            left: left_start..hyphen,
            right: right_start..right_start + right_len,
        });
    }
    found
}

/// The words of a text, lower-cased: whole (with inner hyphens) and standalone counts.
struct Words {
    /// Runs of letters, digits and inner hyphens.
    whole: HashSet<String>,
    /// How often each run without a hyphen occurs.
    standalone: HashMap<String, u32>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut whole = HashSet::new();
        let mut standalone: HashMap<String, u32> = HashMap::new();
        for run in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            let run = run.trim_matches('-');
            if run.is_empty() {
                continue;
            }
            let key = run.to_lowercase();
            if run.contains('-') {
                // "Corona-Masseninfektion" also stands for "Masseninfektion".
                for (k, _) in key.match_indices('-') {
                    whole.insert(key[k + 1..].to_owned());
                }
                whole.insert(key);
            } else {
                *standalone.entry(key.clone()).or_insert(0) += 1;
                whole.insert(key);
            }
        }
        Words { whole, standalone }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> String {
        Hyphenation::of(text).join(text, 0..text.len()).into_owned()
    }

    #[test]
    fn soft_hyphens_join_their_word() {
        assert_eq!(
            joined("Wir danken für die Zusam-\nmenarbeit."),
            "Wir danken für die Zusammenarbeit."
        );
        assert_eq!(
            joined("Der Wiederherstellungs-\r\n   prozess läuft."),
            "Der Wiederherstellungsprozess läuft."
        );
    }

    #[test]
    fn compounds_keep_their_hyphen_and_lose_the_line_break() {
        assert_eq!(
            joined("Das Spiel Aserbaidschan-\nLitauen endete torlos."),
            "Das Spiel Aserbaidschan-Litauen endete torlos."
        );
        assert_eq!(
            joined("Hand-\nund Fußbremse, Hand und Fuß."),
            "Hand-und Fußbremse, Hand und Fuß."
        );
        assert_eq!(
            joined("Im 24-\nStunden-Vergleich"),
            "Im 24-Stunden-Vergleich"
        );
        assert_eq!(
            joined("Die Corona-Pandemie und die Corona-\npandemie."),
            "Die Corona-Pandemie und die Corona-pandemie."
        );
    }

    #[test]
    fn evidence_in_the_document_decides() {
        // The joined form elsewhere: join, even before a capital.
        assert_eq!(
            joined("ZUSAMMENARBEIT! Die ZUSAMMEN-\nARBEIT."),
            "ZUSAMMENARBEIT! Die ZUSAMMENARBEIT."
        );
        // The continuation as a word of its own elsewhere: keep.
        assert_eq!(
            joined("It is well-\nknown. Everyone has known."),
            "It is well-known. Everyone has known."
        );
    }

    #[test]
    fn every_kind_of_line_end_joins_as_the_layout_reads_it() {
        for end in ["\n", "\r\n", "\r", "\u{85}", "\u{2028}"] {
            let text = format!("Wir danken für die Zusam-{end}menarbeit.");
            assert_eq!(
                joined(&text),
                "Wir danken für die Zusammenarbeit.",
                "{end:?}"
            );
        }
        // A paragraph ends there: no word runs across it.
        let text = "Wir danken für die Zusam-\u{2029}menarbeit.";
        assert_eq!(joined(text), text);
    }

    #[test]
    fn only_hyphens_inside_the_span_are_joined() {
        let text = "Zusam-\nmenarbeit. Zweiter Satz.";
        let hyphenation = Hyphenation::of(text);
        assert_eq!(hyphenation.join(text, 0..17), "Zusammenarbeit.");
        assert_eq!(hyphenation.join(text, 18..text.len()), "Zweiter Satz.");
        assert_eq!(hyphenation.join(text, 0..0), "");
        assert!(matches!(
            hyphenation.join(text, 18..text.len()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lines_without_hyphens_cost_nothing() {
        assert!(
            Hyphenation::of("Eine Zeile.\nNoch eine -\nund ein Strich.")
                .breaks
                .is_empty()
        );
        assert!(Hyphenation::of("").breaks.is_empty());
        assert!(Hyphenation::of("-\n-").breaks.is_empty());
    }
}
