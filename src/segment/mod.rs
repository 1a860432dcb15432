//! Sentence segmentation of running text, by language.
//!
//! A [`Segmenter`] yields [`Sentence`]s that borrow the input and know their byte span in it.
//! The language is always chosen by the caller ([`Lang`]), never guessed.
//!
//! The rules and conventions are documented on [`Segmenter`]. The language tables live in
//! `de.rs`, `en.rs` and `fr.rs` (facts only: abbreviations, sentence openers, month names), the
//! boundary decision in `rules.rs`.

mod de;
mod en;
mod fr;
mod rules;

use std::iter::FusedIterator;

use crate::lang::Lang;
use crate::text::{SentenceSpan, Text};
use rules::{Candidates, Rules};

/// Splits text into sentences with the rules of one language.
///
/// # Conventions
///
/// - **Lines.** Every line break (`\n`; a `\r` before it is white space) ends a sentence:
///   headlines, list items and chat messages have no final punctuation. Every non-blank line
///   starts a new paragraph, so that news files with one paragraph per line keep their
///   paragraphs; blank lines add no further paragraph. A line without a sentence in it
///   ("Tags:") is a sentence of its own.
/// - **Boundaries inside a line.** A sentence ends after `.`, `!`, `?`, `…` (or a run of them,
///   "?!", "...") together with the closing quotes and brackets after it („…“ »…« «…» ‚…‘
///   "…" (…)), when white space follows. Colons never end a sentence. A full stop does not end
///   the sentence after
///   - an abbreviation of the language ("z. B.", "bzw.", "Dr.", "Anm. d. R.", "Mr.", "e.g.");
///     some abbreviations end a sentence when a typical sentence opener follows ("usw. Die",
///     "Inc. The"), some are abbreviations only before a number ("Nr. 5", "Jan. 2024", "No. 5");
///   - a German ordinal or date ("die 29. Sitzung", "am 3. Oktober", "Friedrich II.", "3.10.",
///     "am 3. 10. 2024"). Before a capitalised word a number is a day when a month follows, ends
///     the sentence when a sentence opener follows ("Sie wurde 3. Der Sieger …"), is an
///     ordinal after an article or preposition ("zum 130. Geburtstag") and ends the sentence
///     after a noun used as a label ("Größe 42. Passt gut."). Years and other numbers of four
///     digits or more ("2024.") end sentences. Numbered items ("1. Die Regierung …" at the start
///     of a sentence, or after a colon or comma) are enumerations;
///   - an initial ("G. O. Dyhrenfurth", "J. K. Rowling"), or an initialism ("U.S."), unless a
///     sentence opener follows;
///   - anything when the next word starts in lower case, except after a plain word (two
///     letters or more, with a vowel, no abbreviation: "Das war gut. dann …", common in chat).
///     `!` and `?` end a sentence before a lower-case word too, unless a closing quote comes
///     between („Kommst du?“ fragte er).
/// - **Chat.** An emoticon (":)", ";-(", ":D") or emoji standing alone ends a sentence when a
///   capitalised word follows ("Geht nicht :( Hat jemand eine Idee?"); emoticons right after a
///   sentence end stay with that sentence ("Danke! :)").
/// - **Numbers, URLs, e-mail addresses** have no white space after their inner full stops
///   ("3.5", "1.000.000", "21.30 Uhr", "www.example.de", "info@example.de") and never split.
/// - **White space** is Unicode white space plus the byte-order mark and the zero-width space.
///   Sentences start and end on non-space characters; the gaps between them are kept
///   ([`Sentence::gap_before`], [`Sentences::rest`]), so that gaps and sentences rebuild the
///   input exactly.
///
/// ```
/// use satzweise::{Lang, Segmenter};
/// let text = "Die bevorstehende 29. Sitzung beginnt am 3. Oktober. Z. B. hier.\nTags:";
/// let sentences: Vec<&str> = Segmenter::new(Lang::De).sentences(text).map(|s| s.as_str()).collect();
/// assert_eq!(sentences, ["Die bevorstehende 29. Sitzung beginnt am 3. Oktober.", "Z. B. hier.", "Tags:"]);
/// ```
///
/// The scan is byte-level and allocates nothing: only bytes that can start a terminator (or an
/// emoticon) stop it, each line end is found once with `memchr`, and abbreviations are found
/// by binary search in static sorted tables. Memory is that of the iterator (a few words);
/// collecting the spans takes memory proportional to the number of sentences.
///
/// ```
/// use satzweise::{Lang, Segmenter};
/// let segmenter = Segmenter::new(Lang::En);
/// let sentences: Vec<&str> = segmenter
///     .sentences("Mr. Smith arrived at 5 p.m. on Monday. He left.")
///     .map(|s| s.as_str())
///     .collect();
/// assert_eq!(sentences, ["Mr. Smith arrived at 5 p.m. on Monday.", "He left."]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Segmenter {
    rules: &'static Rules,
}

impl Segmenter {
    /// A segmenter with the rules of `lang`.
    pub fn new(lang: Lang) -> Self {
        Segmenter {
            rules: Rules::for_lang(lang),
        }
    }

    /// The sentences of `text`, in order, as spans into it.
    pub fn sentences<'t>(&self, text: &'t str) -> Sentences<'t> {
        Sentences {
            text,
            position: 0,
            line_end: 0,
            paragraph: 0,
            seen_line: false,
            rules: self.rules,
            candidates: Candidates::default(),
        }
    }
}

/// One sentence: a slice of the input and where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'t> {
    text: &'t str,
    gap: &'t str,
    span: SentenceSpan,
}

impl<'t> Sentence<'t> {
    /// The sentence as written.
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// Byte span and paragraph of the sentence.
    pub fn span(&self) -> SentenceSpan {
        self.span
    }

    /// Byte offset of the first byte in the input.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// 0-based paragraph number.
    pub fn paragraph(&self) -> usize {
        self.span.paragraph
    }

    /// The white space between the previous sentence (or the start of the input) and this
    /// one. Gaps and sentences, followed by [`Sentences::rest`], rebuild the input exactly:
    ///
    /// ```
    /// use satzweise::{Lang, Segmenter};
    /// let text = " Erster Satz.  Zweiter.\n\nDritter \n";
    /// let mut sentences = Segmenter::new(Lang::De).sentences(text);
    /// let mut rebuilt = String::new();
    /// for sentence in sentences.by_ref() {
    ///     rebuilt.push_str(sentence.gap_before());
    ///     rebuilt.push_str(sentence.as_str());
    /// }
    /// rebuilt.push_str(sentences.rest());
    /// assert_eq!(rebuilt, text);
    /// ```
    pub fn gap_before(&self) -> &'t str {
        self.gap
    }
}

/// The sentences of a text, created by [`Segmenter::sentences`].
#[derive(Debug, Clone)]
pub struct Sentences<'t> {
    text: &'t str,
    /// End of the last sentence yielded (or 0).
    position: usize,
    /// Byte offset of the `\n` that ends the current line, or the text length.
    line_end: usize,
    paragraph: usize,
    seen_line: bool,
    rules: &'static Rules,
    candidates: Candidates,
}

impl<'t> Sentences<'t> {
    /// The part of the input after the last sentence yielded so far; once the iterator is
    /// exhausted, the white space that trails the last sentence.
    pub fn rest(&self) -> &'t str {
        self.text.get(self.position..).unwrap_or("")
    }
}

impl<'t> Iterator for Sentences<'t> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip white space; a line break moves to the next paragraph.
        let mut start = self.position;
        let mut newline = false;
        loop {
            let &b = bytes.get(start)?;
            if b == b'\n' {
                newline = true;
                start += 1;
            } else if b.is_ascii() {
                // `is_space`, not `u8::is_ascii_whitespace`, which leaves out the vertical tab.
                if !rules::is_space(char::from(b)) {
                    break;
                }
                start += 1;
            } else {
                let c = text.get(start..).and_then(|r| r.chars().next())?;
                if !rules::is_space(c) {
                    break;
                }
                start += c.len_utf8();
            }
        }
        if newline || !self.seen_line {
            if newline && self.seen_line {
                self.paragraph += 1;
            }
            self.seen_line = true;
            self.line_end = memchr::memchr(b'\n', bytes.get(start..).unwrap_or(&[]))
                .map_or(bytes.len(), |k| start + k);
        }
        let end = rules::sentence_end(self.rules, &mut self.candidates, text, start, self.line_end);
        // Trim trailing white space (a `\r` before the line break among it).
        let sentence = text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(rules::is_space);
        let end = start + sentence.len();
        let gap = text.get(self.position..start).unwrap_or("");
        self.position = end;
        Some(Sentence {
            text: sentence,
            gap,
            span: SentenceSpan {
                start,
                end,
                paragraph: self.paragraph,
            },
        })
    }
}

impl FusedIterator for Sentences<'_> {}

/// Segmenting is how running text becomes a [`Text`]; the constructor lives with the segmenter
/// so that `text` needs nothing from `segment`.
impl Text {
    /// Splits running text into sentences with the rules of `lang`.
    pub fn segment(source: impl Into<String>, lang: Lang) -> Self {
        let source = source.into();
        let spans = Segmenter::new(lang)
            .sentences(&source)
            .map(|s| s.span())
            .collect();
        Text::from_trusted_spans(source, spans)
    }
}

#[cfg(test)]
mod tests;
