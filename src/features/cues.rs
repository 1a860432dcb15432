//! Sentence cues: surface traits that tell fragments and debris from sentences.

/// Surface traits of a sentence that tell fragments and debris from sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentenceShape {
    /// The sentence ends without sentence-final punctuation (`.`, `!`, `?`, `…`, possibly
    /// followed by closing quotes or brackets): a headline, a caption, or a fragment.
    pub open_end: bool,
    /// The sentence ends as if it went on: with `,`, `;`, `:`, a dash or hyphen, an opening
    /// bracket or quote (a line broken inside a sentence).
    pub continues: bool,
    /// The first letter of the sentence is lower case (it continues the line before).
    pub starts_lower: bool,
    /// The sentence looks like debris rather than text: fewer than 12 letters, or fewer letters
    /// than other non-space characters (page numbers, OCR noise, `Tags:`).
    pub debris: bool,
    /// The sentence opens a paragraph of a text laid out in paragraphs (some paragraph holds
    /// two sentences or more; one-sentence-per-line input has none).
    pub opens_paragraph: bool,
}

impl SentenceShape {
    pub(super) fn of(sentence: &str) -> SentenceShape {
        let trimmed = sentence.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | ')' | ']' | '»' | '«' | '“' | '”' | '’' | '‘' | '›' | '‹'
                )
        });
        let open_end = !trimmed.ends_with(['.', '!', '?', '…']);
        let continues = sentence
            .trim_end()
            .ends_with([',', ';', ':', '-', '–', '—', '(', '[', '„', '«', '»', '"']);
        let starts_lower = sentence
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase);
        let (mut letters, mut others) = (0usize, 0usize);
        if sentence.is_ascii() {
            // The same counts byte by byte (`char::is_whitespace` of ASCII: tab to carriage
            // return and the space).
            for b in sentence.bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                } else if !matches!(b, b'\t'..=b'\r' | b' ') {
                    others += 1;
                }
            }
        } else {
            for c in sentence.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                } else if !c.is_whitespace() {
                    others += 1;
                }
            }
        }
        SentenceShape {
            open_end,
            continues,
            starts_lower,
            debris: letters < 12 || letters < others,
            opens_paragraph: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_counts_ascii_white_space_as_char_does() {
        // Twelve letters and vertical tabs (white space to `char`, not to `u8`): no debris,
        // in an ASCII sentence and in one with a non-ASCII letter.
        assert!(
            !SentenceShape::of("abcdefghijkl\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b")
                .debris
        );
        assert!(
            !SentenceShape::of("äbcdefghijkl\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b")
                .debris
        );
        assert!(SentenceShape::of("abcdefghijkl#############").debris);
        assert!(SentenceShape::of("äbcdefghijkl#############").debris);
        assert!(SentenceShape::of("abcdefghijk").debris);
    }
}
