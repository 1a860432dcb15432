//! A text and its sentences, each a byte span into the original string.

use std::fmt;
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ops::Range;

use crate::error::Error;

pub mod normalize;
pub(crate) mod numbers;
mod read;
pub(crate) mod similarity;

pub use read::{decode_utf8, read_text_file};
pub(crate) use read::{for_each_line, read_all};

macro_rules! sentence_index {
    ($(#[$doc:meta])* $name:ident, $side:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(usize);

        impl $name {
            /// Wraps a 0-based sentence number.
            pub const fn new(index: usize) -> Self {
                $name(index)
            }

            /// The 0-based sentence number.
            pub const fn get(self) -> usize {
                self.0
            }
        }

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                $name(index)
            }
        }

        impl From<$name> for usize {
            fn from(index: $name) -> usize {
                index.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl SentenceIndex for $name {
            const SIDE: Side = $side;
            fn new(index: usize) -> Self {
                $name(index)
            }
            fn get(self) -> usize {
                self.0
            }
        }
    };
}

/// The two sides of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Side {
    /// The German text.
    German,
    /// The English reference (or, with pre-split input, any other language).
    English,
}

/// A sentence index of one side: [`GermanIndex`] or [`EnglishIndex`].
///
/// The two index types are distinct so that a German index can never look up an English
/// sentence.
pub trait SentenceIndex: Copy + Ord + fmt::Debug + fmt::Display + private::Sealed {
    /// The side this index type belongs to.
    const SIDE: Side;
    /// Wraps a 0-based sentence number.
    fn new(index: usize) -> Self;
    /// The 0-based sentence number.
    fn get(self) -> usize;
}

mod private {
    pub trait Sealed {}
    impl Sealed for super::GermanIndex {}
    impl Sealed for super::EnglishIndex {}
}

sentence_index!(
    /// The 0-based number of a German sentence in its [`Text`].
    GermanIndex,
    Side::German
);
sentence_index!(
    /// The 0-based number of an English (reference side) sentence in its [`Text`].
    EnglishIndex,
    Side::English
);

/// A half-open run `start..end` of sentence indices of one side.
///
/// Unlike `Range<GermanIndex>` it iterates, knows its length and is `Copy`.
///
/// ```
/// use satzweise::{GermanIndex, IndexRange};
/// let run = IndexRange::new(GermanIndex::new(2), GermanIndex::new(4));
/// assert_eq!(run.len(), 2);
/// assert_eq!(run.iter().map(|i| i.get()).collect::<Vec<_>>(), [2, 3]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndexRange<I> {
    start: I,
    end: I,
}

impl<I: SentenceIndex> IndexRange<I> {
    /// The run `start..end`; an `end` before `start` gives the empty run at `start`.
    pub fn new(start: I, end: I) -> Self {
        IndexRange {
            start,
            end: end.max(start),
        }
    }

    /// The run of plain numbers `range`.
    pub fn from_usize(range: Range<usize>) -> Self {
        Self::new(I::new(range.start), I::new(range.end))
    }

    /// First index of the run (the position where an empty run sits).
    pub fn start(&self) -> I {
        self.start
    }

    /// One past the last index.
    pub fn end(&self) -> I {
        self.end
    }

    /// Number of sentences in the run.
    pub fn len(&self) -> usize {
        self.end.get() - self.start.get()
    }

    /// Whether the run holds no sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `index` lies in the run.
    pub fn contains(&self, index: I) -> bool {
        self.start <= index && index < self.end
    }

    /// The run as plain numbers.
    pub fn to_usize(&self) -> Range<usize> {
        self.start.get()..self.end.get()
    }

    /// The indices of the run, in order.
    pub fn iter(&self) -> IndexIter<I> {
        IndexIter {
            range: self.to_usize(),
            marker: PhantomData,
        }
    }
}

/// `32..33`, as a `Range<usize>` prints.
///
/// ```
/// use satzweise::{GermanIndex, IndexRange};
/// let run = IndexRange::new(GermanIndex::new(32), GermanIndex::new(33));
/// assert_eq!(run.to_string(), "32..33");
/// assert_eq!(format!("{run:?}"), "32..33");
/// ```
impl<I: SentenceIndex> fmt::Display for IndexRange<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl<I: SentenceIndex> fmt::Debug for IndexRange<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<I: SentenceIndex> IntoIterator for IndexRange<I> {
    type Item = I;
    type IntoIter = IndexIter<I>;
    fn into_iter(self) -> IndexIter<I> {
        self.iter()
    }
}

/// The indices of an [`IndexRange`], created by [`IndexRange::iter`].
#[derive(Debug, Clone)]
pub struct IndexIter<I> {
    range: Range<usize>,
    marker: PhantomData<I>,
}

impl<I: SentenceIndex> Iterator for IndexIter<I> {
    type Item = I;
    fn next(&mut self) -> Option<I> {
        self.range.next().map(I::new)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl<I: SentenceIndex> DoubleEndedIterator for IndexIter<I> {
    fn next_back(&mut self) -> Option<I> {
        self.range.next_back().map(I::new)
    }
}

impl<I: SentenceIndex> ExactSizeIterator for IndexIter<I> {}
impl<I: SentenceIndex> FusedIterator for IndexIter<I> {}

/// Where a sentence sits in its text: a byte span and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SentenceSpan {
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 0-based number of the paragraph (blank-line separated block; with pre-split input,
    /// the line number) that holds the sentence.
    pub paragraph: usize,
}

impl SentenceSpan {
    /// The span as a byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A text and its sentences.
///
/// `Text` owns the original string and records each sentence as a byte span into it, so that
/// every sentence is shown exactly as written and can be mapped back to its place.
///
/// ```
/// use satzweise::{Lang, Text};
/// let text = Text::segment("Dr. Müller kam am 3. Mai. Er blieb.", Lang::De);
/// let sentences: Vec<&str> = text.sentences().collect();
/// assert_eq!(sentences, ["Dr. Müller kam am 3. Mai.", "Er blieb."]);
/// assert_eq!(text.span(1).unwrap().start, 27); // "ü" takes two bytes
/// ```
#[derive(Debug, Clone, Default)]
pub struct Text {
    source: String,
    spans: SpanTable,
}

/// A text of no sentences, for what must hold a text reference after the text itself was
/// freed (see `PairFeatures::from_owned_texts`).
pub(crate) static EMPTY: Text = Text {
    source: String::new(),
    spans: SpanTable::Narrow(Vec::new()),
};

/// Two texts are equal when their sources and their spans are.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.source == other.source && self.spans().eq(other.spans())
    }
}

impl Eq for Text {}

/// The spans of a text: 12 bytes a sentence (start, end and paragraph as `u32`) when every
/// number fits, as it does in any text under 4 GiB split by the crate; [`SentenceSpan`]s
/// (24 bytes) otherwise. A million pre-split lines a side kept 46 MiB of spans as
/// `SentenceSpan`s.
#[derive(Debug, Clone)]
enum SpanTable {
    Narrow(Vec<[u32; 3]>),
    Wide(Vec<SentenceSpan>),
}

impl Default for SpanTable {
    fn default() -> Self {
        SpanTable::Narrow(Vec::new())
    }
}

impl SpanTable {
    /// The narrow table when every span fits in it, the wide one otherwise.
    fn of(spans: Vec<SentenceSpan>) -> SpanTable {
        let narrow = |s: &SentenceSpan| {
            Some([
                u32::try_from(s.start).ok()?,
                u32::try_from(s.end).ok()?,
                u32::try_from(s.paragraph).ok()?,
            ])
        };
        match spans.iter().map(narrow).collect::<Option<Vec<[u32; 3]>>>() {
            Some(narrow) => SpanTable::Narrow(narrow),
            None => SpanTable::Wide(spans),
        }
    }

    fn len(&self) -> usize {
        match self {
            SpanTable::Narrow(spans) => spans.len(),
            SpanTable::Wide(spans) => spans.len(),
        }
    }

    fn get(&self, index: usize) -> Option<SentenceSpan> {
        match self {
            SpanTable::Narrow(spans) => spans.get(index).map(widen),
            SpanTable::Wide(spans) => spans.get(index).copied(),
        }
    }

    fn iter(&self) -> Spans<'_> {
        Spans(match self {
            SpanTable::Narrow(spans) => SpansInner::Narrow(spans.iter()),
            SpanTable::Wide(spans) => SpansInner::Wide(spans.iter()),
        })
    }
}

fn widen(&[start, end, paragraph]: &[u32; 3]) -> SentenceSpan {
    SentenceSpan {
        start: start as usize,
        end: end as usize,
        paragraph: paragraph as usize,
    }
}

/// The spans of a [`Text`]'s sentences, in order, created by [`Text::spans`].
#[derive(Debug, Clone)]
pub struct Spans<'a>(SpansInner<'a>);

#[derive(Debug, Clone)]
enum SpansInner<'a> {
    Narrow(std::slice::Iter<'a, [u32; 3]>),
    Wide(std::slice::Iter<'a, SentenceSpan>),
}

impl Iterator for Spans<'_> {
    type Item = SentenceSpan;
    fn next(&mut self) -> Option<SentenceSpan> {
        match &mut self.0 {
            SpansInner::Narrow(spans) => spans.next().map(widen),
            SpansInner::Wide(spans) => spans.next().copied(),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            SpansInner::Narrow(spans) => spans.size_hint(),
            SpansInner::Wide(spans) => spans.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Spans<'_> {
    fn next_back(&mut self) -> Option<SentenceSpan> {
        match &mut self.0 {
            SpansInner::Narrow(spans) => spans.next_back().map(widen),
            SpansInner::Wide(spans) => spans.next_back().copied(),
        }
    }
}

impl ExactSizeIterator for Spans<'_> {}
impl FusedIterator for Spans<'_> {}

impl Text {
    /// Takes text that holds one sentence per line: sentence `k` is line `k` (0-based), its
    /// line end (`\n`, `\r\n` or a lone `\r`) excluded. Empty lines are empty sentences, so indices stay
    /// line numbers. A final line end does not start another line.
    ///
    /// ```
    /// use satzweise::Text;
    /// let text = Text::from_lines("Erster Satz.\r\n\nDritter.\n");
    /// assert_eq!(text.sentences().collect::<Vec<_>>(), ["Erster Satz.", "", "Dritter."]);
    /// ```
    pub fn from_lines(source: impl Into<String>) -> Self {
        let source = source.into();
        let bytes = source.as_bytes();
        // One span a line end, and one for a last line without one: exact for `\n` files
        // (growth by doubling would leave up to half of the table unused on a long text).
        let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
        // Every offset and line number of a text under 4 GiB fits the narrow table.
        let spans = if u32::try_from(bytes.len()).is_ok() {
            let mut spans = Vec::with_capacity(lines);
            for_each_line_span(bytes, |start, end| {
                spans.push([start as u32, end as u32, spans.len() as u32])
            });
            SpanTable::Narrow(spans)
        } else {
            let mut spans = Vec::with_capacity(lines);
            for_each_line_span(bytes, |start, end| {
                spans.push(SentenceSpan {
                    start,
                    end,
                    paragraph: spans.len(),
                })
            });
            SpanTable::Wide(spans)
        };
        Text { source, spans }
    }

    /// Builds a text from sentences given one by one; they are joined with `\n` in the source.
    ///
    /// A sentence that itself holds a line break stays one sentence.
    pub fn from_sentences<S: AsRef<str>>(sentences: impl IntoIterator<Item = S>) -> Self {
        let mut source = String::new();
        let mut spans = Vec::new();
        for (k, sentence) in sentences.into_iter().enumerate() {
            if k > 0 {
                source.push('\n');
            }
            let start = source.len();
            source.push_str(sentence.as_ref());
            spans.push(SentenceSpan {
                start,
                end: source.len(),
                paragraph: k,
            });
        }
        Text {
            source,
            spans: SpanTable::of(spans),
        }
    }

    /// Builds a text from a source and spans, checking that every span lies inside the
    /// source, on character boundaries, in order and without overlap.
    pub fn from_parts(source: String, spans: Vec<SentenceSpan>) -> crate::Result<Self> {
        Self::check_spans(&source, &spans)?;
        Ok(Text {
            source,
            spans: SpanTable::of(spans),
        })
    }

    /// A text from spans its maker guarantees (in order, on character boundaries, inside the
    /// source), such as the segmenter's.
    pub(crate) fn from_trusted_spans(source: String, spans: Vec<SentenceSpan>) -> Self {
        Text {
            source,
            spans: SpanTable::of(spans),
        }
    }

    fn check_spans(source: &str, spans: &[SentenceSpan]) -> crate::Result<()> {
        let mut previous_end = 0;
        let mut previous_paragraph = 0;
        for (k, span) in spans.iter().enumerate() {
            if span.start > span.end
                || span.end > source.len()
                || !source.is_char_boundary(span.start)
                || !source.is_char_boundary(span.end)
            {
                return Err(Error::invalid(format!(
                    "sentence {k}: span {}..{} is not a character range of the {}-byte text",
                    span.start,
                    span.end,
                    source.len()
                )));
            }
            if span.start < previous_end || span.paragraph < previous_paragraph {
                return Err(Error::invalid(format!(
                    "sentence {k}: spans or paragraphs out of order"
                )));
            }
            previous_end = span.end;
            previous_paragraph = span.paragraph;
        }
        Ok(())
    }

    /// The original text.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the text has no sentence.
    pub fn is_empty(&self) -> bool {
        self.spans.len() == 0
    }

    /// Sentence `index` (0-based), as written in the original text.
    pub fn sentence(&self, index: usize) -> Option<&str> {
        self.spans.get(index).map(|s| &self.source[s.range()])
    }

    /// Where sentence `index` sits in the original text.
    pub fn span(&self, index: usize) -> Option<SentenceSpan> {
        self.spans.get(index)
    }

    /// All sentence spans, in order.
    ///
    /// ```
    /// use satzweise::Text;
    /// let text = Text::from_lines("Eins.\nZwei.");
    /// let starts: Vec<usize> = text.spans().map(|s| s.start).collect();
    /// assert_eq!(starts, [0, 6]);
    /// ```
    pub fn spans(&self) -> Spans<'_> {
        self.spans.iter()
    }

    /// The sentences, in order.
    pub fn sentences(&self) -> TextSentences<'_> {
        TextSentences {
            source: &self.source,
            spans: self.spans.iter(),
        }
    }

    /// Takes the original string back.
    pub fn into_string(self) -> String {
        self.source
    }
}

/// Calls `line` with the byte range of every line of `bytes`: a line ends at `\n`, `\r\n` or
/// a lone `\r` (old Mac files), and a final line end does not start another line.
fn for_each_line_span(bytes: &[u8], mut line: impl FnMut(usize, usize)) {
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |k| start + k);
        line(start, end);
        start = end + 1;
        if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            start += 1;
        }
    }
}

/// The sentences of a [`Text`] as string slices, created by [`Text::sentences`].
#[derive(Debug, Clone)]
pub struct TextSentences<'a> {
    source: &'a str,
    spans: Spans<'a>,
}

impl<'a> Iterator for TextSentences<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        self.spans.next().map(|s| &self.source[s.range()])
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.spans.size_hint()
    }
}

impl DoubleEndedIterator for TextSentences<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.spans.next_back().map(|s| &self.source[s.range()])
    }
}

impl ExactSizeIterator for TextSentences<'_> {}
impl FusedIterator for TextSentences<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_lines_keeps_empty_lines_and_strips_crlf() {
        let text = Text::from_lines("a\r\n\r\nb");
        assert_eq!(text.sentences().collect::<Vec<_>>(), ["a", "", "b"]);
        assert_eq!(Text::from_lines("").len(), 0);
        assert_eq!(Text::from_lines("\n").len(), 1);
        // Old Mac files end their lines with a lone `\r`.
        let text = Text::from_lines("a\rb\r\rc\r");
        assert_eq!(text.sentences().collect::<Vec<_>>(), ["a", "b", "", "c"]);
    }

    #[test]
    fn from_parts_rejects_bad_spans() {
        let span = |start, end| SentenceSpan {
            start,
            end,
            paragraph: 0,
        };
        assert!(Text::from_parts("äb".into(), vec![span(0, 1)]).is_err());
        assert!(Text::from_parts("ab".into(), vec![span(0, 3)]).is_err());
        assert!(Text::from_parts("ab".into(), vec![span(1, 2), span(0, 1)]).is_err());
        assert!(Text::from_parts("ab".into(), vec![span(0, 1), span(1, 2)]).is_ok());
    }
}
