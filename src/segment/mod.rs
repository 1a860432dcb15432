//! Sentence segmentation of running text, by language.
//!
//! A [`Segmenter`] yields [`Sentence`]s that borrow the input and know their byte span in it.
//! Line structure is respected: every line break ends a sentence (headlines and list items
//! have no final punctuation), and every non-blank line starts a new paragraph, so that news
//! files with one paragraph per line keep their paragraphs. Inside a line, a sentence ends at
//! `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white space, unless
//! the rules of the language say the full stop belongs to an abbreviation, an ordinal, a date
//! or an initial.
//!
//! ```
//! use satzweise::{Lang, Segmenter};
//! let text = "Die bevorstehende 29. Sitzung beginnt am 3. Oktober. Z. B. hier.\nTags:";
//! let sentences: Vec<&str> = Segmenter::new(Lang::De).sentences(text).map(|s| s.as_str()).collect();
//! assert_eq!(sentences, ["Die bevorstehende 29. Sitzung beginnt am 3. Oktober.", "Z. B. hier.", "Tags:"]);
//! ```

mod rules;

use std::iter::FusedIterator;

use crate::lang::Lang;
use crate::text::SentenceSpan;
use rules::Rules;

/// Splits text into sentences with the rules of one language.
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
            paragraph: 0,
            seen_line: false,
            rules: self.rules,
        }
    }
}

/// One sentence: a slice of the input and where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'t> {
    text: &'t str,
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
}

/// The sentences of a text, created by [`Segmenter::sentences`].
#[derive(Debug, Clone)]
pub struct Sentences<'t> {
    text: &'t str,
    position: usize,
    paragraph: usize,
    seen_line: bool,
    rules: &'static Rules,
}

impl<'t> Iterator for Sentences<'t> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        let bytes = self.text.as_bytes();
        loop {
            // Skip white space; a line break moves to the next paragraph.
            let mut newline = false;
            while self.position < bytes.len() {
                let rest = &self.text[self.position..];
                let c = rest.chars().next()?;
                if c == '\n' {
                    newline = true;
                } else if !c.is_whitespace() && c != '\u{feff}' {
                    break;
                }
                self.position += c.len_utf8();
            }
            if self.position >= bytes.len() {
                return None;
            }
            if newline && self.seen_line {
                self.paragraph += 1;
            }
            self.seen_line = true;
            let line_end = self.text[self.position..]
                .find('\n')
                .map_or(self.text.len(), |k| self.position + k);
            let start = self.position;
            let end = rules::sentence_end(self.rules, self.text, start, line_end);
            self.position = end;
            // Trim trailing white space (a `\r` before the line break among it).
            let trimmed = self.text[start..end].trim_end();
            if trimmed.is_empty() {
                continue;
            }
            let end = start + trimmed.len();
            return Some(Sentence {
                text: trimmed,
                span: SentenceSpan {
                    start,
                    end,
                    paragraph: self.paragraph,
                },
            });
        }
    }
}

impl FusedIterator for Sentences<'_> {}
