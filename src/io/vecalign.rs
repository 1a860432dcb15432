//! Vecalign bead lines.
//!
//! The format is documented on [`write_vecalign`], its public face.

use std::fmt;
use std::io::{BufRead, Write};
use std::str::FromStr;

use super::{Indices, for_each_line, write_error};
use crate::align::{Alignment, Bead};
use crate::error::{Error, Result};

/// One line of a bead file: German and English sentence indices (not necessarily
/// consecutive: some gold beads skip a sentence) and an optional score.
///
/// Each side is an [`Indices`], a list that dereferences to `[usize]` and converts from and
/// into `Vec<usize>` (`vec![0, 1].into()`, `line.german.to_vec()`): it holds one index or
/// none without an allocation, so that a file of a million beads reads into half the memory
/// of two `Vec<usize>` a bead.
///
/// ```
/// use satzweise::io::BeadLine;
/// let line: BeadLine = "[0]:[0, 1]:0.973".parse()?;
/// assert_eq!(line.german, [0]);
/// assert_eq!(line.english, [0, 1]);
/// assert_eq!(line.score, Some(0.973));
/// assert_eq!(line.to_string(), "[0]:[0, 1]:0.973");
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BeadLine {
    /// German (source) sentence indices.
    pub german: Indices,
    /// English (target) sentence indices.
    pub english: Indices,
    /// The third field, if any (a confidence or a cost).
    pub score: Option<f64>,
}

impl BeadLine {
    /// The bead lines of an alignment, with each bead's confidence as the score.
    pub fn from_alignment(alignment: &Alignment) -> Vec<BeadLine> {
        alignment
            .beads()
            .map(|b| BeadLine {
                german: b.german_indices().map(|i| i.get()).collect(),
                english: b.english_indices().map(|i| i.get()).collect(),
                score: Some(b.confidence()),
            })
            .collect()
    }
}

impl fmt::Display for BeadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let precision = f.precision();
        write_fields(
            f,
            self.german.iter().copied(),
            self.english.iter().copied(),
            self.score,
            precision,
        )
    }
}

/// The fields of a bead line, `[0]:[0, 1]:0.973`: what both [`BeadLine`]'s `Display` and
/// [`write_vecalign`] (which writes each bead as it goes, with no line in between) print.
fn write_fields(
    out: &mut impl fmt::Write,
    german: impl Iterator<Item = usize>,
    english: impl Iterator<Item = usize>,
    score: Option<f64>,
    precision: Option<usize>,
) -> fmt::Result {
    write_list(out, german)?;
    out.write_str(":")?;
    write_list(out, english)?;
    if let Some(score) = score {
        match precision {
            Some(p) => write!(out, ":{score:.p$}")?,
            None => write!(out, ":{score}")?,
        }
    }
    Ok(())
}

fn write_list(out: &mut impl fmt::Write, indices: impl Iterator<Item = usize>) -> fmt::Result {
    out.write_str("[")?;
    for (k, index) in indices.enumerate() {
        if k > 0 {
            out.write_str(", ")?;
        }
        write!(out, "{index}")?;
    }
    out.write_str("]")
}

impl FromStr for BeadLine {
    type Err = Error;

    fn from_str(line: &str) -> Result<BeadLine> {
        parse_bead_line(line).map_err(|message| Error::syntax("bead line", 1, message))
    }
}

fn parse_bead_line(line: &str) -> std::result::Result<BeadLine, String> {
    // `:` found with memchr rather than `str::split`'s searcher: most fields are a few bytes.
    let mut rest = Some(line);
    let mut fields = std::iter::from_fn(|| {
        let text = rest?;
        let (field, after) = match memchr::memchr(b':', text.as_bytes()) {
            Some(k) => (&text[..k], Some(&text[k + 1..])),
            None => (text, None),
        };
        rest = after;
        Some(field)
    })
    .map(trim)
    .filter(|f| !f.is_empty());
    let (Some(german), Some(english), score, None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(format!("not a bead line: {line:?}"));
    };
    let german = parse_list(german)?;
    let english = parse_list(english)?;
    let score = match score {
        Some(field) => Some(
            field
                .parse::<f64>()
                .map_err(|_| format!("score {field:?} is not a number"))?,
        ),
        None => None,
    };
    Ok(BeadLine {
        german,
        english,
        score,
    })
}

/// [`str::trim`], without decoding characters where the ends are ASCII.
fn trim(text: &str) -> &str {
    let trimmed = text.trim_ascii();
    match (trimmed.as_bytes().first(), trimmed.as_bytes().last()) {
        (Some(&first), Some(&last)) if !first.is_ascii() || !last.is_ascii() => trimmed.trim(),
        // Vertical tab is white space to `str::trim`, not to the ASCII trim.
        (Some(&first), Some(&last)) if first == 0x0b || last == 0x0b => trimmed.trim(),
        _ => trimmed,
    }
}

fn parse_list(field: &str) -> std::result::Result<Indices, String> {
    let inner = field
        .strip_prefix('[')
        .and_then(|f| f.strip_suffix(']'))
        .ok_or_else(|| format!("{field:?} is not a [list] of indices"))?;
    if trim(inner).is_empty() {
        return Ok(Indices::new());
    }
    let parse = |index: &str| {
        super::digits(index)
            .map_or_else(|| index.parse::<usize>(), Ok)
            .map_err(|_| format!("{index:?} is not a sentence index"))
    };
    let commas = inner.bytes().filter(|&b| b == b',').count();
    if commas == 0 {
        // One index, the most common list: no vector to build.
        return Ok(Indices::from([parse(trim(inner))?]));
    }
    let mut indices = Vec::with_capacity(commas + 1);
    for index in inner.split(',').map(trim) {
        indices.push(parse(index)?);
    }
    Ok(indices.into())
}

/// Reads bead lines, skipping blank lines; errors name `source_name` and the line.
pub fn read_bead_lines(reader: impl BufRead, source_name: &str) -> Result<Vec<BeadLine>> {
    let mut beads = Vec::new();
    for_each_line(reader, source_name, |number, line| {
        if !line.trim().is_empty() {
            beads.push(parse_bead_line(line).map_err(|m| Error::syntax(source_name, number, m))?);
        }
        Ok(())
    })?;
    Ok(beads)
}

/// Reads a bead file.
pub fn read_bead_file(path: impl AsRef<std::path::Path>) -> Result<Vec<BeadLine>> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read_bead_lines(std::io::BufReader::new(file), &path.display().to_string())
}

/// Writes an alignment as bead lines with the confidence to three decimals:
/// `[0]:[0, 1]:0.973`.
///
/// # The format
///
/// Vecalign bead lines.
///
/// The bead-line format used by the field's gold sets (Bleualign, Vecalign, the files under
/// `shared/data`) puts one bead per line: German indices, a colon, English indices, and
/// optionally a colon and a score:
///
/// ```text
/// [0]:[0, 1]:0.973
/// [1, 2]:[2]
/// []:[3]
/// ```
///
/// A side lists its sentences in order, so a bead with holes or beads that cross are written
/// as they are: `[450]:[531, 533, 534, 535]` with `[]:[532]` on a line of its own.
pub fn write_vecalign(alignment: &Alignment, writer: impl Write) -> Result<()> {
    write_vecalign_beads(alignment.beads().map(|b| b.bead()), writer)
}

/// Writes beads as [`write_vecalign`] does, from the beads alone (as
/// [`Aligner::align_beads`](crate::Aligner::align_beads) returns them).
///
/// ```
/// use satzweise::{Aligner, Text};
/// let beads = Aligner::new().align_beads(Text::from_lines("Eins."), Text::from_lines("One."))?;
/// let mut out = Vec::new();
/// satzweise::io::write_vecalign_beads(&beads, &mut out)?;
/// assert!(String::from_utf8(out).unwrap().starts_with("[0]:[0]:"));
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_vecalign_beads<'b>(
    beads: impl IntoIterator<Item = &'b Bead>,
    mut writer: impl Write,
) -> Result<()> {
    // Bead by bead through one line buffer: a long document's lines are never all held at
    // once (a million beads as `BeadLine`s took over 100 MiB).
    let mut line = String::new();
    for bead in beads {
        line.clear();
        write_fields(
            &mut line,
            bead.german_indices().map(|i| i.get()),
            bead.english_indices().map(|i| i.get()),
            Some(bead.confidence()),
            Some(3),
        )
        .map_err(|e| write_error(std::io::Error::other(e)))?;
        line.push('\n');
        writer.write_all(line.as_bytes()).map_err(write_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_gold_forms() {
        let line: BeadLine = "[]:[9]".parse().unwrap();
        assert!(line.german.is_empty());
        assert_eq!(line.english, [9]);
        let line: BeadLine = " [3,4] : [5] ".parse().unwrap();
        assert_eq!(line.german, [3, 4]);
        assert!("[a]:[1]".parse::<BeadLine>().is_err());
        assert!("[1]".parse::<BeadLine>().is_err());
        assert!("[1]:[2]:x".parse::<BeadLine>().is_err());
    }

    #[test]
    fn writes_and_reads_back() {
        let alignment = crate::Aligner::new()
            .align_lines("Eins.\nZwei. Drei.\nVier.", "One.\nTwo.\nThree.\nFour.")
            .unwrap();
        let mut out = Vec::new();
        write_vecalign(&alignment, &mut out).unwrap();
        let lines = read_bead_lines(&out[..], "out").unwrap();
        assert_eq!(lines.len(), alignment.beads().len());
        for (line, bead) in lines.iter().zip(alignment.beads()) {
            assert_eq!(
                line.german,
                bead.german_indices().map(|i| i.get()).collect::<Vec<_>>()
            );
            assert_eq!(
                line.english,
                bead.english_indices().map(|i| i.get()).collect::<Vec<_>>()
            );
            assert!((line.score.unwrap() - bead.confidence()).abs() <= 0.0005);
        }
    }

    #[test]
    fn fields_and_indices_are_trimmed_of_any_white_space() {
        for (line, german, english, score) in [
            ("[0]:[0]", vec![0], vec![0], None),
            ("\t[1,2] :[3]: 0.5 ", vec![1, 2], vec![3], Some(0.5)),
            ("[ 4 ,\u{b}5\u{a0}]::[]:", vec![4, 5], vec![], None),
            ("\u{3000}[]:[ ]:1\u{85}", vec![], vec![], Some(1.0)),
        ] {
            let bead: BeadLine = line.parse().unwrap();
            assert_eq!(
                (Vec::from(bead.german), Vec::from(bead.english), bead.score),
                (german, english, score),
                "{line:?}"
            );
        }
        for (line, message) in [
            ("[0]", "not a bead line: \"[0]\""),
            ("[0]:[1]:0.5:x", "not a bead line: \"[0]:[1]:0.5:x\""),
            ("0:[1]", "\"0\" is not a [list] of indices"),
            ("[0]:[1,,2]", "\"\" is not a sentence index"),
            ("[0]:[-1]", "\"-1\" is not a sentence index"),
            ("[0]:[1]:high", "score \"high\" is not a number"),
        ] {
            let error =
                read_bead_lines(format!("[0]:[0]\n{line}\n").as_bytes(), "g.defr").unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("g.defr:2: {message}"),
                "{line:?}"
            );
        }
    }

    #[test]
    fn read_errors_name_the_line() {
        let err = read_bead_lines("[0]:[0]\n\nnonsense\n".as_bytes(), "gold.defr").unwrap_err();
        assert!(err.to_string().starts_with("gold.defr:3:"), "{err}");
    }
}
