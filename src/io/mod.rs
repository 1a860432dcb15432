//! Reading and writing alignments in the formats other tools use.
//!
//! Every format has a writer that takes an [`Alignment`] and a reader that gives back what
//! the format holds, with errors that name the source and the line. Each writer's
//! documentation describes its format (what is written, escaped or left out):
//!
//! | format | writer | reader | holds |
//! |---|---|---|---|
//! | vecalign bead lines `[0]:[0, 1]:0.973` | [`write_vecalign`] | [`read_bead_lines`], [`read_bead_file`] | indices, confidence |
//! | TSV German ⇥ English ⇥ confidence | [`write_tsv`] | [`read_tsv`] | texts, confidence |
//! | JSON lines, one object per bead | [`write_jsonl`] | [`read_jsonl`] | indices, texts, shape, cost, confidence |
//! | Moses: two line-aligned files | [`write_moses`] | [`read_moses`] | texts of linked pairs |
//! | TMX 1.4b translation memory | [`write_tmx`] | [`read_tmx`] | texts of linked pairs, confidence |
//! | hunalign ladder `0⇥0⇥0.97` | [`write_ladder`] | [`read_ladder`] | bead boundaries, confidence |
//! | XLIFF 2.0, a unit per bead | [`write_xliff`] | [`read_xliff`] | indices, texts, confidence, QA flags |
//!
//! [`Format`] lists them all by name, with what each carries ([`Format::carries`]), and
//! writes and reads any of them; [`Format::write_path`] writes files that appear complete
//! or not at all ([`AtomicFile`]).
//!
//! The whole [`Alignment`] (both texts with their sentence spans, and the beads) serializes
//! with serde (crate feature `serde`), for example as one JSON object.
//!
//! Formats that hold indices come back to an [`Alignment`] with [`alignment_from_beads`]
//! (and [`ladder_to_beads`] for a ladder), given the two texts.
//!
//! Readers take any [`std::io::BufRead`] and a `source_name` (a file name, or
//! `"<stdin>"`) that errors repeat; they accept a leading byte-order mark (so a file whose
//! first text starts with U+FEFF loses it), `\r\n` line ends and the lone `\r` of old Mac
//! files, and report bytes that are not UTF-8 as [`ErrorKind::InvalidUtf8`] with the byte
//! offset.
//!
//! [`ErrorKind::InvalidUtf8`]: crate::ErrorKind::InvalidUtf8

mod atomic;
mod format;
mod indices;
#[cfg(feature = "serde")]
mod jsonl;
mod ladder;
mod moses;
mod tmx;
mod tsv;
mod vecalign;
mod xliff;
mod xml;

use std::io::BufRead;
use std::path::PathBuf;

use crate::align::{Alignment, Bead};
use crate::error::{Error, ErrorKind, Result};
use crate::text::Text;

pub use atomic::AtomicFile;
pub use format::{Carries, Contents, Format};
pub use indices::Indices;
#[cfg(feature = "serde")]
pub use jsonl::{JsonlBead, read_jsonl, write_jsonl};
pub use ladder::{Rung, ladder_to_beads, read_ladder, write_ladder};
pub use moses::{read_moses, write_moses};
pub use tmx::{TmxUnit, read_tmx, write_tmx};
pub use tsv::{read_tsv, write_tsv};
pub use vecalign::{
    BeadLine, read_bead_file, read_bead_lines, write_vecalign, write_vecalign_beads,
};
pub use xliff::{XliffUnit, read_xliff, write_xliff};

/// A German text and its English counterpart, as the text formats (TSV, Moses, TMX) hold
/// them: no indices, the sentences of a bead joined with single spaces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextPair {
    /// The German side.
    pub german: String,
    /// The English side.
    pub english: String,
    /// The confidence, when the format holds one.
    pub confidence: Option<f64>,
}

impl TextPair {
    /// The linked pairs of an alignment (beads with sentences on both sides), as written by
    /// [`write_moses`] and [`write_tmx`].
    pub fn pairs_of(alignment: &Alignment) -> Vec<TextPair> {
        alignment
            .pairs()
            .map(|p| TextPair {
                german: p.german_text().into_owned(),
                english: p.english_text().into_owned(),
                confidence: Some(p.confidence()),
            })
            .collect()
    }
}

/// Rebuilds an [`Alignment`] from bead lines (read from a vecalign, JSONL or ladder file) and
/// the two texts they index.
///
/// The beads must cover every sentence of both texts once; a side's indices need not be
/// consecutive and beads may cross (see [`Alignment::from_parts`], [`Bead::MAX_SPREAD`]). A bead
/// line's score becomes the bead's confidence (clamped to `[0, 1]`, 0 when absent). The files
/// hold no cost, so every bead's cost is 0.
///
/// ```
/// use satzweise::Text;
/// use satzweise::io::{BeadLine, alignment_from_beads};
/// let german = Text::from_lines("Eins.\nZwei und drei.");
/// let english = Text::from_lines("One.\nTwo.\nThree.");
/// let beads: Vec<BeadLine> = ["[0]:[0]:0.9", "[1]:[1, 2]:0.8"]
///     .iter()
///     .map(|l| l.parse())
///     .collect::<Result<_, _>>()?;
/// let alignment = alignment_from_beads(german, english, &beads)?;
/// assert_eq!(alignment.beads().nth(1).unwrap().english_text(), "Two. Three.");
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn alignment_from_beads(german: Text, english: Text, beads: &[BeadLine]) -> Result<Alignment> {
    let mut out = Vec::with_capacity(beads.len());
    for (k, line) in beads.iter().enumerate() {
        let bead = Bead::from_index_lists(
            line.german.to_vec(),
            line.english.to_vec(),
            0.0,
            line.score.unwrap_or(0.0),
        )
        .map_err(|e| Error::invalid(format!("bead {k}: {e}")))?;
        out.push(bead);
    }
    Alignment::from_parts(german, english, out)
}

/// Calls `line` with each line of `reader` (1-based number, text without its line end);
/// strips a byte-order mark at the start, fails on invalid UTF-8 with its byte offset.
pub(crate) fn for_each_line(
    reader: impl BufRead,
    source_name: &str,
    mut line: impl FnMut(usize, &str) -> Result<()>,
) -> Result<()> {
    let source = std::path::Path::new(source_name);
    crate::text::for_each_line(reader, source, |number, start, bytes| {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::InvalidUtf8 {
                path: Some(PathBuf::from(source_name)),
                offset: start + e.valid_up_to(),
            })
        })?;
        line(number, text)
    })
}

/// A field of ASCII digits only as a number, unless it overflows (the general parser then
/// takes the field, and gives its error or its reading of a sign).
pub(crate) fn digits(field: &str) -> Option<usize> {
    if field.is_empty() {
        return None;
    }
    field.bytes().try_fold(0usize, |n, b| {
        let digit = b.wrapping_sub(b'0');
        (digit <= 9)
            .then_some(())
            .and_then(|()| n.checked_mul(10)?.checked_add(usize::from(digit)))
    })
}

/// Reads all of `reader` as UTF-8 (byte offset of the first bad byte on failure), without a
/// leading byte-order mark.
pub(crate) fn read_all(reader: impl BufRead, source_name: &str) -> Result<String> {
    crate::text::read_all(reader, std::path::Path::new(source_name))
}

/// An error while writing (the writers do not know the name of their sink).
pub(crate) fn write_error(error: std::io::Error) -> Error {
    Error::io("", error)
}

/// Characters that readers of line-based files take for line ends: `\n`, `\r`, vertical tab,
/// form feed, the file, group and record separators, NEL, U+2028 and U+2029 (the set of
/// Python's `str.splitlines`).
pub(crate) const LINE_ENDS: [char; 10] = [
    '\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// Replaces tabs and line ends ([`LINE_ENDS`]) with spaces, so that a text stays one field of
/// one line.
pub(crate) fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| c == '\t' || LINE_ENDS.contains(&c);
    if text.contains(breaks) {
        std::borrow::Cow::Owned(text.replace(breaks, " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writers_put_no_line_end_of_any_kind_inside_a_record() {
        for end in LINE_ENDS {
            assert_eq!(one_line(&format!("a{end}b\tc")), "a b c");
            let alignment = crate::Aligner::new()
                .align_sentences(&[format!("Eins{end}zwei.")], &[format!("One{end}two.")])
                .unwrap();
            let mut tsv = Vec::new();
            write_tsv(&alignment, &mut tsv).unwrap();
            let (mut german, mut english) = (Vec::new(), Vec::new());
            write_moses(&alignment, &mut german, &mut english).unwrap();
            for out in [tsv, german, english] {
                let out = String::from_utf8(out).unwrap();
                let ends = out.chars().filter(|c| LINE_ENDS.contains(c)).count();
                assert_eq!(ends, 1, "{end:?} in {out:?}");
            }
        }
    }

    #[test]
    fn lines_strip_bom_and_crlf_and_report_offsets() {
        let mut seen = Vec::new();
        for_each_line("\u{feff}a\r\nb\n\nc".as_bytes(), "x", |n, l| {
            seen.push((n, l.to_owned()));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                (1, "a".to_owned()),
                (2, "b".to_owned()),
                (3, String::new()),
                (4, "c".to_owned())
            ]
        );
        let err = for_each_line(&b"ok\nbad\xff"[..], "f.txt", |_, _| Ok(())).unwrap_err();
        assert_eq!(err.to_string(), "f.txt: invalid UTF-8 at byte offset 6");
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_old_mac_files() {
        let mut seen = Vec::new();
        for_each_line("\u{feff}a\rb\r\r\nc\rd".as_bytes(), "x", |n, l| {
            seen.push((n, l.to_owned()));
            Ok(())
        })
        .unwrap();
        let expected = [(1, "a"), (2, "b"), (3, ""), (4, "c"), (5, "d")];
        assert_eq!(seen, expected.map(|(n, l)| (n, l.to_owned())));
        // A whole file in old Mac line ends reads as its lines, in every line format.
        let tsv = read_tsv("Eins.\tOne.\t0.5\rZwei.\tTwo.\r".as_bytes(), "mac.tsv").unwrap();
        assert_eq!(tsv.len(), 2);
        assert_eq!(
            (tsv[1].german.as_str(), tsv[1].english.as_str()),
            ("Zwei.", "Two.")
        );
        let rungs = read_ladder("0 0 0.9\r1 1 0.8\r2 2 0\r".as_bytes(), "mac.ladder").unwrap();
        assert_eq!(rungs.len(), 3);
        assert_eq!(
            read_bead_lines("[0]:[0]\r[1]:[1]".as_bytes(), "mac")
                .unwrap()
                .len(),
            2
        );
        let (mut german, mut english) = (Vec::new(), Vec::new());
        let alignment = crate::Aligner::new()
            .align_lines("Eins.\nZwei.", "One.\nTwo.")
            .unwrap();
        write_moses(&alignment, &mut german, &mut english).unwrap();
        let mac = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace('\n', "\r");
        let pairs = read_moses(
            mac(german).as_bytes(),
            "mac.de",
            mac(english).as_bytes(),
            "mac.en",
        )
        .unwrap();
        assert_eq!(pairs.len(), 2);
        // Offsets of bad bytes still count from the start of the file.
        let err = for_each_line(&b"ok\rbad\xff"[..], "f.txt", |_, _| Ok(())).unwrap_err();
        assert_eq!(err.to_string(), "f.txt: invalid UTF-8 at byte offset 6");
    }

    #[test]
    fn beads_must_cover_each_sentence_once() {
        let g = || Text::from_lines("a\nb");
        let e = || Text::from_lines("x");
        let line = |s: &str| s.parse::<BeadLine>().unwrap();
        assert!(alignment_from_beads(g(), e(), &[line("[0, 1]:[0]")]).is_ok());
        assert!(alignment_from_beads(g(), e(), &[line("[0]:[0]")]).is_err());
        assert!(alignment_from_beads(g(), e(), &[line("[0, 2]:[0]")]).is_err());
        assert!(alignment_from_beads(g(), e(), &[line("[0, 0]:[0]")]).is_err());
        // Out of order is allowed now: the beads still cover every sentence once.
        let reordered = alignment_from_beads(g(), e(), &[line("[1]:[0]"), line("[0]:[]")]).unwrap();
        assert!(!reordered.is_monotone());
        let wide = Text::from_lines("s\n".repeat(70));
        let holes = (0..70).filter(|k| k % 2 == 1).map(|k| format!("[]:[{k}]"));
        let mut lines: Vec<BeadLine> = holes.map(|l| line(&l)).collect();
        let evens: Vec<String> = (0..70)
            .filter(|k| k % 2 == 0)
            .map(|k| k.to_string())
            .collect();
        lines.push(line(&format!("[0]:[{}]", evens.join(", "))));
        lines.push(line("[1]:[]"));
        let err = alignment_from_beads(g(), wide, &lines).unwrap_err();
        assert!(err.to_string().contains("at most 64"), "{err}");
        assert!(alignment_from_beads(g(), e(), &[line(&format!("[{}]:[0]", usize::MAX))]).is_err());
    }
}
