//! Layout: what a line break means in a document.
//!
//! A line break either ends a unit the segmenter never crosses (a line in the one-unit-per-line
//! layout of news files, subtitles and chat; a paragraph, heading or list item in wrapped
//! text) or is white space inside a paragraph that a program or a writer wrapped. This module
//! finds line breaks (`\n`, `\r\n`, a lone `\r`, NEL, U+2028; U+2029 always ends a paragraph),
//! tells the two layouts apart from the text itself ([`LineBreaks::Auto`]), and finds where the
//! unit that holds a position ends.
//!
//! The detection reads every line once before the first sentence and allocates nothing: a
//! histogram of line lengths gives the wrap width, and each break between two non-blank lines
//! is judged by the line before it (does it end mid-sentence, would the first word of the next
//! line have fitted on it) and the line after it (does it start in lower case).

use std::fmt;
use std::str::FromStr;

use super::rules::is_space;

/// What a single line break means, set with [`Segmenter::line_breaks`](super::Segmenter::line_breaks).
///
/// ```
/// use satzweise::{Lang, LineBreaks, Segmenter};
/// let text = "Die Zusammenarbeit der beiden Länder\nist eng. Sie wächst.\n\nNeuer Absatz.";
/// let wrapped = Segmenter::new(Lang::De).line_breaks(LineBreaks::Paragraph);
/// let sentences: Vec<&str> = wrapped.sentences(text).map(|s| s.as_str()).collect();
/// assert_eq!(
///     sentences,
///     ["Die Zusammenarbeit der beiden Länder\nist eng.", "Sie wächst.", "Neuer Absatz."]
/// );
/// // Every line a unit, as in news files with one paragraph per line:
/// let lines = Segmenter::new(Lang::De).line_breaks(LineBreaks::Line);
/// assert_eq!(lines.sentences(text).count(), 4);
/// // The default reads the layout from the text: here a break in mid-sentence before a
/// // lower-case word, so the text is wrapped.
/// assert_eq!(Segmenter::new(Lang::De).layout_of(text), LineBreaks::Paragraph);
/// assert_eq!("line".parse::<LineBreaks>().unwrap(), LineBreaks::Line);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum LineBreaks {
    /// Decide per document from the text: [`Paragraph`](LineBreaks::Paragraph) when its line
    /// breaks fall in mid-sentence at a regular width (hard-wrapped text), else
    /// [`Line`](LineBreaks::Line). In wrapped text a short line that ends without a hyphen or
    /// comma and is followed by a capitalised line (a heading, a signature) also ends its
    /// paragraph.
    #[default]
    Auto,
    /// A single line break is white space; a paragraph ends at a blank line, at U+2029, before
    /// a list item (`- `, `* `, `• `), a Markdown heading (`# `) and an indented line.
    Paragraph,
    /// Every line break ends a sentence, and every non-blank line is a paragraph.
    Line,
}

impl LineBreaks {
    /// The name used by [`FromStr`] and [`Display`](fmt::Display): `auto`, `paragraph`,
    /// `line`.
    pub fn as_str(self) -> &'static str {
        match self {
            LineBreaks::Auto => "auto",
            LineBreaks::Paragraph => "paragraph",
            LineBreaks::Line => "line",
        }
    }
}

impl fmt::Display for LineBreaks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LineBreaks {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "auto" => Ok(LineBreaks::Auto),
            "paragraph" => Ok(LineBreaks::Paragraph),
            "line" => Ok(LineBreaks::Line),
            _ => Err(crate::Error::invalid(format!(
                "unknown line-break mode {s:?} (expected auto, paragraph or line)"
            ))),
        }
    }
}

/// Which line break characters a text holds, so that the common cases scan with `memchr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// Only `\n`.
    Newline,
    /// `\n` and `\r`.
    Returns,
    /// NEL, U+2028 or U+2029 as well.
    Unicode,
}

/// A line break found in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Break {
    /// Byte offset of its first byte.
    pub(crate) at: usize,
    /// Byte offset one past it (`\r\n` is one break).
    pub(crate) end: usize,
    /// U+2029, which always ends a paragraph.
    pub(crate) paragraph: bool,
}

/// The resolved layout of one text: how [`super::Sentences`] finds the end of a unit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    breaks: Breaks,
    /// Whether single line breaks are white space.
    paragraphs: bool,
    /// Wrap width in characters (0: unknown), read in the paragraph layout.
    width: usize,
    /// Whether a short line ends its paragraph (text found to be wrapped).
    short_lines: bool,
    /// How many columns short of the width a wrapped line may stop (`fmt` balances lines,
    /// `textwrap` fills them): read from the breaks that are surely wraps.
    slack: usize,
}

impl Layout {
    /// The layout of `text` under `mode`.
    pub(crate) fn new(text: &str, mode: LineBreaks) -> Layout {
        let bytes = text.as_bytes();
        let breaks = if memchr::memmem::find(bytes, "\u{2028}".as_bytes()).is_some()
            || memchr::memmem::find(bytes, "\u{2029}".as_bytes()).is_some()
            || memchr::memmem::find(bytes, "\u{85}".as_bytes()).is_some()
        {
            Breaks::Unicode
        } else if memchr::memchr(b'\r', bytes).is_some() {
            Breaks::Returns
        } else {
            Breaks::Newline
        };
        let mut layout = Layout {
            breaks,
            paragraphs: false,
            width: 0,
            short_lines: false,
            slack: 0,
        };
        match mode {
            LineBreaks::Line => {}
            LineBreaks::Paragraph => {
                layout.paragraphs = true;
                layout.width = layout.width_of(text).unwrap_or(0);
            }
            _ => {
                let wrapped = layout
                    .width_of(text)
                    .and_then(|w| Some((w, layout.wrap_slack(text, w)?)));
                if let Some((width, slack)) = wrapped {
                    layout.paragraphs = true;
                    layout.short_lines = true;
                    layout.width = width;
                    layout.slack = slack;
                }
            }
        }
        layout
    }

    /// The mode this layout resolved to: [`LineBreaks::Paragraph`] or [`LineBreaks::Line`].
    pub(crate) fn mode(&self) -> LineBreaks {
        if self.paragraphs {
            LineBreaks::Paragraph
        } else {
            LineBreaks::Line
        }
    }

    /// The first line break at or after `from`.
    pub(crate) fn next_break(&self, bytes: &[u8], from: usize) -> Option<Break> {
        let rest = bytes.get(from..)?;
        let at = match self.breaks {
            Breaks::Newline => from + memchr::memchr(b'\n', rest)?,
            Breaks::Returns => from + memchr::memchr2(b'\n', b'\r', rest)?,
            Breaks::Unicode => {
                let mut k = 0;
                loop {
                    let &b = rest.get(k)?;
                    let hit = match b {
                        b'\n' | b'\r' => true,
                        0xC2 => rest.get(k + 1) == Some(&0x85),
                        0xE2 => {
                            rest.get(k + 1) == Some(&0x80)
                                && matches!(rest.get(k + 2), Some(0xA8 | 0xA9))
                        }
                        _ => false,
                    };
                    if hit {
                        break from + k;
                    }
                    k += 1;
                }
            }
        };
        let (end, paragraph) = match bytes[at] {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => (at + 2, false),
            b'\n' | b'\r' => (at + 1, false),
            0xC2 => (at + 2, false),
            _ => (at + 3, bytes.get(at + 2) == Some(&0xA9)),
        };
        Some(Break { at, end, paragraph })
    }

    /// Where the unit that starts at `start` (a non-space character) ends: the line break
    /// that ends it, or the text length.
    pub(crate) fn unit_end(&self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        if !self.paragraphs {
            return self.next_break(bytes, start).map_or(bytes.len(), |b| b.at);
        }
        let mut line = Line::read(self, text, line_start(text, start));
        loop {
            let Some(end) = line.end else {
                return bytes.len();
            };
            if end.paragraph {
                return end.at;
            }
            let next = Line::read(self, text, end.end);
            if next.blank || self.ends_paragraph(&line, &next) {
                return end.at;
            }
            line = next;
        }
    }

    /// Whether the break between the non-blank lines `line` and `next` ends a paragraph.
    fn ends_paragraph(&self, line: &Line, next: &Line) -> bool {
        if next.indent > line.indent {
            return true;
        }
        // A line that ends in mid-sentence and had no room for the next word was wrapped,
        // even when the next line starts with a dash or a number ("… anbaut\n- die Gurken").
        // A list item itself is followed by the next item, not by its continuation.
        let wrapped =
            self.width > 0 && !line.structure && line.ends_open() && fills(line, next, self.width);
        if next.structure {
            return !wrapped;
        }
        if !self.short_lines {
            return false;
        }
        // A short line (the next word would have fitted, with more room to spare than the
        // wrapped lines of this text leave) that does not continue the sentence, before a
        // line that starts a new one: a heading, a greeting, a signature.
        line.length + 1 + next.first_chunk + self.slack < self.width
            && !matches!(line.last, '-' | ',' | ';' | '(' | '/')
            && !next.first.is_lowercase()
    }

    /// The wrap width: the line length (in characters) that at most a tenth of the non-blank
    /// lines exceed; `None` with fewer than two such lines.
    fn width_of(&self, text: &str) -> Option<usize> {
        const CAP: usize = 1024;
        let mut histogram = [0u32; CAP];
        let mut lines = 0u32;
        let mut start = 0;
        while start < text.len() {
            let line = Line::read(self, text, start);
            if !line.blank {
                histogram[line.length.min(CAP - 1)] += 1;
                lines += 1;
            }
            let Some(end) = line.end else { break };
            start = end.end;
        }
        if lines < 2 {
            return None;
        }
        let mut above = 0u32;
        let mut width = CAP - 1;
        while width > 0 && (above + histogram[width]) * 10 <= lines {
            above += histogram[width];
            width -= 1;
        }
        Some(width.max(1))
    }

    /// When the text reads as hard-wrapped at `width` (most breaks between non-blank lines
    /// fall in mid-sentence, and either the next line starts in lower case or its first word
    /// would not have fitted on the line before), the room wrapped lines leave: the most
    /// columns any sure wrap (mid-sentence, lower case next) leaves free after the next word;
    /// a quarter of the width with fewer than five sure wraps.
    fn wrap_slack(&self, text: &str, width: usize) -> Option<usize> {
        let mut slack = 0;
        let mut sure = 0u32;
        let (mut inner, mut wrapped) = (0u32, 0u32);
        let mut start = 0;
        let mut previous: Option<Line> = None;
        while start < text.len() {
            let line = Line::read(self, text, start);
            if line.blank {
                previous = None;
            } else {
                if let Some(before) = previous.filter(|_| !line.structure) {
                    inner += 1;
                    // A line at least half full that ends in mid-sentence; wrapped prose is
                    // not narrower than 30 columns (word lists and verse are).
                    if width >= 30
                        && before.length * 2 >= width
                        && before.mid_sentence()
                        && (fills(&before, &line, width) || line.first.is_lowercase())
                    {
                        wrapped += 1;
                        if line.first.is_lowercase() {
                            let used = before.length + 1 + line.first_chunk;
                            slack = slack.max(width.saturating_sub(used));
                            sure += 1;
                        }
                    }
                }
                previous = Some(line);
            }
            match line.end {
                Some(end) => {
                    if end.paragraph {
                        previous = None;
                    }
                    start = end.end;
                }
                None => break,
            }
        }
        if wrapped == 0 || wrapped * 2 < inner {
            return None;
        }
        if sure < 5 {
            return Some(width / 4);
        }
        Some(slack)
    }
}

/// Whether the first word of `next` would not have fitted on `line` (with a fifth of the
/// width to spare: programs that balance lines, such as `fmt`, stop short of the width).
fn fills(line: &Line, next: &Line, width: usize) -> bool {
    (line.length + 1 + next.first_chunk) * 5 > width * 4
}

/// What the layout needs to know about one line.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// The break that ends it (`None` for the last line).
    end: Option<Break>,
    /// Only white space.
    blank: bool,
    /// Characters of leading white space.
    indent: usize,
    /// Characters up to the last non-space one.
    length: usize,
    /// Characters of its first word, up to white space.
    first_chunk: usize,
    first: char,
    last: char,
    /// The last character before any closing quotes and brackets: `.` in `„Ja.“`, `e` in
    /// `(local time)`.
    end_mark: char,
    /// It starts a list item or a heading.
    structure: bool,
}

impl Line {
    /// Whether the line ends without closing a sentence (or a heading with a colon).
    fn mid_sentence(&self) -> bool {
        !matches!(
            self.last,
            '.' | '!' | '?' | '…' | ':' | '"' | '“' | '”' | '«' | '»' | '\'' | ')'
        )
    }

    /// Whether no sentence ends at the end of the line, closing quotes and brackets looked
    /// through (`(local time)` goes on, `„Ja.“` ends).
    fn ends_open(&self) -> bool {
        !matches!(self.end_mark, '.' | '!' | '?' | '…' | ':')
    }

    fn read(layout: &Layout, text: &str, start: usize) -> Line {
        let end = layout.next_break(text.as_bytes(), start);
        let content = text
            .get(start..end.map_or(text.len(), |b| b.at))
            .unwrap_or("");
        let trimmed = content.trim_end_matches(is_space);
        let body = trimmed.trim_start_matches(is_space);
        let indent = char_count(trimmed.get(..trimmed.len() - body.len()).unwrap_or(""));
        // The whole first word: a wrapper may break after a hyphen inside it, but not always
        // ("Covid-19-Patienten" stays whole), and counting more keeps a wrapped line wrapped.
        // No-break spaces join ("19.\u{a0}Juni" is one word to a wrapper).
        let breaks_line = |c: char| is_space(c) && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
        let first_chunk = char_count(body.split(breaks_line).next().unwrap_or(""));
        let mut chars = body.chars();
        let first = chars.next().unwrap_or(' ');
        let second = chars.next().unwrap_or(' ');
        Line {
            end,
            blank: body.is_empty(),
            indent,
            length: char_count(trimmed),
            first_chunk,
            first,
            last: body.chars().next_back().unwrap_or(' '),
            end_mark: body
                .trim_end_matches(['"', '\'', '“', '”', '‘', '’', '«', '»', '‹', '›', ')', ']'])
                .chars()
                .next_back()
                .unwrap_or(' '),
            structure: is_item_start(body, first, second),
        }
    }
}

/// Whether a line that starts with `body` opens a list item or a heading: a bullet (`- `,
/// `* `, `• `), a Markdown heading (`# `) or a number of up to three digits with `.` or `)`
/// and a space (`1. `, `12) `).
fn is_item_start(body: &str, first: char, second: char) -> bool {
    if matches!(first, '-' | '*' | '•' | '·' | '‣' | '◦' | '▪' | '#') {
        return is_space(second) || (first == '#' && second == '#');
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(body.as_bytes().get(digits), Some(b'.' | b')'))
        && body
            .as_bytes()
            .get(digits + 1)
            .is_some_and(u8::is_ascii_whitespace)
}

/// Characters in `s` (bytes that do not continue a UTF-8 sequence).
fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The start of the line that holds `at`: `at` moved back over the white space before it that
/// is not a line break.
fn line_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    let kept = head.trim_end_matches(|c: char| is_space(c) && !is_line_break(c));
    kept.len()
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(text: &str) -> LineBreaks {
        Layout::new(text, LineBreaks::Auto).mode()
    }

    #[test]
    fn breaks_of_every_kind_are_found() {
        for (text, at, end, paragraph) in [
            ("a\nb", 1, 2, false),
            ("a\r\nb", 1, 3, false),
            ("a\rb", 1, 2, false),
            ("a\u{85}b", 1, 3, false),
            ("a\u{2028}b", 1, 4, false),
            ("a\u{2029}b", 1, 4, true),
        ] {
            let layout = Layout::new(text, LineBreaks::Line);
            let found = layout.next_break(text.as_bytes(), 0).unwrap();
            assert_eq!(
                (found.at, found.end, found.paragraph),
                (at, end, paragraph),
                "{text:?}"
            );
        }
        // "…" and „“ share the lead byte 0xE2 with U+2028 and are no breaks.
        let text = "„a…“\u{2028}";
        let layout = Layout::new(text, LineBreaks::Line);
        assert_eq!(layout.next_break(text.as_bytes(), 0).unwrap().at, 10);
    }

    #[test]
    fn one_sentence_per_line_is_read_as_lines() {
        let text = "Schlagzeile ohne Punkt\nDer erste Satz steht hier.\nDer zweite auch.\n\
                    Zwischentitel\nUnd noch ein Satz, der etwas länger ist als die anderen.\n";
        assert_eq!(mode(text), LineBreaks::Line);
        assert_eq!(mode("Eine Zeile."), LineBreaks::Line);
        assert_eq!(mode(""), LineBreaks::Line);
    }

    #[test]
    fn wrapped_text_is_read_as_paragraphs() {
        let text = "Nach einer Corona-Masseninfektion auf einem großen Gemüsehof im\n\
                    niederbayerischen Mamming stehen fast 500 Menschen unter Quarantäne\n\
                    und dürfen den Betrieb nicht mehr verlassen. Ein Sicherheitsdienst\n\
                    überwacht das Ausgehverbot.\n";
        assert_eq!(mode(text), LineBreaks::Paragraph);
    }

    #[test]
    fn short_lines_in_wrapped_text_end_their_paragraph() {
        let text = "Mamming: Erntehelfer angesteckt\n\
                    Nach einer Corona-Masseninfektion auf einem großen Gemüsehof im\n\
                    niederbayerischen Mamming stehen fast 500 Menschen unter Quarantäne\n\
                    und dürfen den Betrieb nicht mehr verlassen. Ein Sicherheitsdienst\n\
                    überwacht das Ausgehverbot.\n";
        let layout = Layout::new(text, LineBreaks::Auto);
        assert_eq!(layout.mode(), LineBreaks::Paragraph);
        assert_eq!(layout.unit_end(text, 0), text.find('\n').unwrap());
        let second = text.find('\n').unwrap() + 1;
        assert_eq!(layout.unit_end(text, second), text.len() - 1);
    }

    #[test]
    fn no_break_spaces_hold_the_first_word_together() {
        // "19.\u{a0}Juni" did not fit on the line before: a wrap, not a short line.
        let line = "Die Agentur gab an, dass zwischen dem";
        let text = format!(
            "{line} 19.\u{a0}Juni\nund 11. Juli erste Symptome zeigten, die sich nach Wochen\n\
             manifestieren. Die Zahl der Fälle stieg weiter an, so die\nBehörde, und sie \
             rechnet mit weiteren Fällen in den\nnächsten Tagen, sagte ein Sprecher am\n\
             Freitag. Der Ausbruch begann im Juni in\nmehreren Bundesstaaten, hieß es.\n\n\
             Zweiter Absatz mit einem Satz, der länger\nist als die anderen Zeilen davor.\n"
        );
        let layout = Layout::new(&text, LineBreaks::Auto);
        assert_eq!(layout.mode(), LineBreaks::Paragraph);
        let wrapped = text.replacen(&format!("{line} "), &format!("{line}\n"), 1);
        let layout = Layout::new(&wrapped, LineBreaks::Auto);
        assert_eq!(layout.unit_end(&wrapped, 0), wrapped.find("\n\n").unwrap());
    }

    #[test]
    fn structure_ends_paragraphs() {
        let layout = |t| Layout::new(t, LineBreaks::Paragraph);
        let text = "Wir liefern:\n- Äpfel\n- Birnen";
        assert_eq!(layout(text).unit_end(text, 0), 12);
        let text = "Punkte:\n1. Erstens\n2) Zweitens";
        assert_eq!(layout(text).unit_end(text, 8), 18);
        // A dash after a wrapped line that ends in a bracket continues the sentence.
        let text = "Der Sturm soll am Sonntag (Ortszeit)\n- dann nur noch als Sturm - die Insel erreichen.";
        let mut wide = Layout::new(text, LineBreaks::Paragraph);
        wide.width = 36;
        assert_eq!(wide.unit_end(text, 0), text.len());
        let text = "Absatz eins\n    eingerückt";
        assert_eq!(layout(text).unit_end(text, 0), 11);
        let text = "Absatz eins\u{2029}zwei";
        assert_eq!(layout(text).unit_end(text, 0), 11);
        let text = "  Eingerückter Anfang\nweiter im Absatz";
        assert_eq!(layout(text).unit_end(text, 2), text.len());
    }

    #[test]
    fn modes_parse_and_print() {
        for mode in [LineBreaks::Auto, LineBreaks::Paragraph, LineBreaks::Line] {
            assert_eq!(mode.to_string().parse::<LineBreaks>().unwrap(), mode);
        }
        assert!("lines".parse::<LineBreaks>().is_err());
    }
}
