//! JSON lines: one JSON object per bead (crate feature `serde`).
//!
//! The format is documented on [`write_jsonl`], its public face.

use std::io::{BufRead, Write};

use super::{BeadLine, for_each_line, write_error};
use crate::align::{Alignment, BeadShape};
use crate::error::{Error, Result};

/// One line of a JSON-lines file: a bead with its texts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JsonlBead {
    /// German sentence indices.
    pub german: Vec<usize>,
    /// English sentence indices.
    pub english: Vec<usize>,
    /// The German sentences joined with single spaces.
    pub german_text: String,
    /// The English sentences joined with single spaces.
    pub english_text: String,
    /// The shape, e.g. `1-2`.
    pub shape: BeadShape,
    /// The bead's cost (see [`Bead::cost`](crate::Bead::cost)).
    pub cost: f64,
    /// The bead's confidence, in `[0, 1]`.
    pub confidence: f64,
}

impl JsonlBead {
    /// The bead line of this bead (indices and confidence).
    pub fn to_bead_line(&self) -> BeadLine {
        BeadLine {
            german: self.german.as_slice().into(),
            english: self.english.as_slice().into(),
            score: Some(self.confidence),
        }
    }
}

/// Writes one JSON object per bead, one per line.
///
/// # The format
///
/// JSON lines: one JSON object per bead (crate feature `serde`).
///
/// Every bead, omissions and additions included, with its indices, its texts and its
/// numbers; nothing about the bead is lost:
///
/// ```text
/// {"german":[0],"english":[0,1],"german_text":"…","english_text":"… …","shape":"1-2","cost":1.52,"confidence":0.973}
/// ```
///
/// A cost that is not finite (which JSON cannot write) is written as `null` and read back as
/// an error, so the writer replaces it with `f64::MAX` (positive or negative).
pub fn write_jsonl(alignment: &Alignment, mut writer: impl Write) -> Result<()> {
    for bead in alignment.beads() {
        let record = JsonlBead {
            german: bead.german_indices().map(|i| i.get()).collect(),
            english: bead.english_indices().map(|i| i.get()).collect(),
            german_text: bead.german_text().into_owned(),
            english_text: bead.english_text().into_owned(),
            shape: bead.shape(),
            cost: finite(bead.cost()),
            confidence: finite(bead.confidence()),
        };
        serde_json::to_writer(&mut writer, &record)
            .map_err(|e| Error::io("", std::io::Error::other(e)))?;
        writer.write_all(b"\n").map_err(write_error)?;
    }
    Ok(())
}

fn finite(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(f64::MIN, f64::MAX)
    }
}

/// Reads JSON lines written by [`write_jsonl`]; blank lines are skipped. Errors name
/// `source_name`, the line and what is wrong.
///
/// ```
/// let alignment = satzweise::Aligner::new().align_lines("Eins.\nZwei.", "One.\nTwo.")?;
/// let mut out = Vec::new();
/// satzweise::io::write_jsonl(&alignment, &mut out)?;
/// let beads = satzweise::io::read_jsonl(&out[..], "beads.jsonl")?;
/// assert_eq!(beads[1].english_text, "Two.");
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn read_jsonl(reader: impl BufRead, source_name: &str) -> Result<Vec<JsonlBead>> {
    let mut beads = Vec::new();
    for_each_line(reader, source_name, |number, line| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let bead: JsonlBead = serde_json::from_str(line)
            .map_err(|e| Error::syntax(source_name, number, e.to_string()))?;
        beads.push(bead);
        Ok(())
    })?;
    Ok(beads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let alignment = crate::Aligner::new()
            .align_lines("Eins.\nZwei \"zwei\".\nDrei.", "One.\nTwo \"two\".\nTags:")
            .unwrap();
        let mut out = Vec::new();
        write_jsonl(&alignment, &mut out).unwrap();
        let beads = read_jsonl(&out[..], "out").unwrap();
        assert_eq!(beads.len(), alignment.beads().len());
        for (record, bead) in beads.iter().zip(alignment.beads()) {
            assert_eq!(record.german_text, bead.german_text());
            assert_eq!(record.english_text, bead.english_text());
            assert_eq!(record.shape, bead.shape());
            assert_eq!(record.cost, bead.cost());
            assert_eq!(record.confidence, bead.confidence());
        }
    }

    #[test]
    fn a_cost_that_is_not_finite_is_written_so_that_it_reads_back() {
        use crate::{Bead, EnglishIndex, GermanIndex, Text};
        let bead = |g: usize, e: usize, cost: f64| {
            Bead::from_indices([GermanIndex::new(g)], [EnglishIndex::new(e)], cost, 0.5).unwrap()
        };
        let beads = vec![
            bead(0, 0, f64::INFINITY),
            bead(1, 1, f64::NEG_INFINITY),
            bead(2, 2, f64::NAN),
        ];
        let german = Text::from_lines("Eins.\nZwei.\nDrei.");
        let english = Text::from_lines("One.\nTwo.\nThree.");
        let alignment = Alignment::from_parts(german, english, beads).unwrap();
        let mut out = Vec::new();
        write_jsonl(&alignment, &mut out).unwrap();
        let text = std::str::from_utf8(&out).unwrap();
        assert!(!text.contains("null"), "{text}");
        let read = read_jsonl(&out[..], "out").unwrap();
        let costs: Vec<f64> = read.iter().map(|b| b.cost).collect();
        assert_eq!(costs, [f64::MAX, f64::MIN, 0.0]);
        assert!(read.iter().all(|b| b.confidence == 0.5));
    }

    #[test]
    fn errors_name_line() {
        let err = read_jsonl("\n{\"german\": 3}\n".as_bytes(), "b.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("b.jsonl:2:"), "{err}");
    }
}
