//! Tab-separated values: German text, English text, confidence.
//!
//! The format is documented on [`write_tsv`], its public face.

use std::io::{BufRead, Write};

use super::{TextPair, for_each_line, one_line, write_error};
use crate::align::Alignment;
use crate::error::{Error, Result};

/// Writes one line per bead: German text, English text, confidence (three decimals),
/// separated by tabs.
///
/// # The format
///
/// Tab-separated values: German text, English text, confidence.
///
/// One bead per line, the sentences of each side joined with single spaces; tabs and line
/// breaks inside a sentence become spaces (the only change the writer makes to the text).
/// Omissions and additions are written too, with an empty field on their empty side, so
/// that no sentence is lost. A side with holes ([`Bead::is_contiguous`](crate::Bead)) is
/// written as its own sentences in order, joined; the sentences of its holes are on the lines
/// of their own beads, and beads that cross are written in the alignment's order. The format
/// holds no indices, so the reordering itself does not show:
///
/// ```text
/// Sie findet im November statt.<TAB>It will take place in November.<TAB>0.981
/// Tags:<TAB><TAB>0.912
/// ```
///
/// ```
/// let alignment = satzweise::Aligner::new().align_lines("Eins.\nZwei.", "One.\nTwo.")?;
/// let mut out = Vec::new();
/// satzweise::io::write_tsv(&alignment, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("Eins.\tOne.\t"));
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_tsv(alignment: &Alignment, mut writer: impl Write) -> Result<()> {
    for bead in alignment.beads() {
        writeln!(
            writer,
            "{}\t{}\t{:.3}",
            one_line(&bead.german_text()),
            one_line(&bead.english_text()),
            bead.confidence()
        )
        .map_err(write_error)?;
    }
    Ok(())
}

/// Reads TSV lines of two or three fields (German, English, optional confidence); blank
/// lines are skipped. Errors name `source_name` and the line.
///
/// ```
/// let pairs = satzweise::io::read_tsv("Eins.\tOne.\t0.9\nZwei.\tTwo.\n".as_bytes(), "pairs.tsv")?;
/// assert_eq!(pairs[0].english, "One.");
/// assert_eq!(pairs[0].confidence, Some(0.9));
/// assert_eq!(pairs[1].confidence, None);
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn read_tsv(reader: impl BufRead, source_name: &str) -> Result<Vec<TextPair>> {
    let mut pairs = Vec::new();
    for_each_line(reader, source_name, |number, line| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let mut fields = line.split('\t');
        let (Some(german), Some(english)) = (fields.next(), fields.next()) else {
            return Err(Error::syntax(
                source_name,
                number,
                "expected German<TAB>English[<TAB>confidence], found no tab",
            ));
        };
        let confidence = match fields.next() {
            None => None,
            Some(field) => Some(field.trim().parse::<f64>().map_err(|_| {
                Error::syntax(
                    source_name,
                    number,
                    format!("confidence {field:?} is not a number"),
                )
            })?),
        };
        if fields.next().is_some() {
            return Err(Error::syntax(
                source_name,
                number,
                "more than three tab-separated fields",
            ));
        }
        pairs.push(TextPair {
            german: german.to_owned(),
            english: english.to_owned(),
            confidence,
        });
        Ok(())
    })?;
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_omissions() {
        let alignment = crate::Aligner::new()
            .align_lines("Eins.\nZwei.", "One.\nTwo.\nTags: a, b, c")
            .unwrap();
        let mut out = Vec::new();
        write_tsv(&alignment, &mut out).unwrap();
        let pairs = read_tsv(&out[..], "out").unwrap();
        assert_eq!(pairs.len(), alignment.beads().len());
        for (pair, bead) in pairs.iter().zip(alignment.beads()) {
            assert_eq!(pair.german, bead.german_text());
            assert_eq!(pair.english, bead.english_text());
        }
    }

    #[test]
    fn bad_lines_are_named() {
        let err = read_tsv("a\tb\n\nno tab here\n".as_bytes(), "x.tsv").unwrap_err();
        assert!(err.to_string().starts_with("x.tsv:3:"), "{err}");
        assert!(read_tsv("a\tb\tzero\n".as_bytes(), "x").is_err());
        assert!(read_tsv("a\tb\t1\tq\n".as_bytes(), "x").is_err());
    }
}
