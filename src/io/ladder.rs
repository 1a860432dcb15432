//! The hunalign ladder: one rung per line, `german⇥english⇥score`.
//!
//! The format is documented on [`write_ladder`], its public face.

use std::io::{BufRead, Write};

use super::{BeadLine, digits, for_each_line, write_error};
use crate::align::Alignment;
use crate::error::{Error, Result};

/// One rung of a ladder.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rung {
    /// German sentence position (number of German sentences before the rung).
    pub german: usize,
    /// English sentence position.
    pub english: usize,
    /// Confidence of the bead that starts at this rung.
    pub score: f64,
}

/// Writes the ladder of `alignment`: a rung at the start of every bead, with the bead's
/// confidence (three decimals), and a final rung at the end of both texts. Fails, writing
/// nothing, when the alignment is not monotone (a ladder cannot say it).
///
/// # The format
///
/// The hunalign ladder: one rung per line, `german⇥english⇥score`.
///
/// A rung is a pair of sentence positions; consecutive rungs bound a bead, which covers the
/// German sentences from the first rung's German position up to the next rung's, and the
/// same for English. The last rung sits at the end of both texts (the numbers of German and
/// English sentences) and closes the last bead. The score of a rung is the confidence of the
/// bead that starts at it; the final rung's score means nothing and is written as 0.
///
/// ```text
/// 0→0→0.981
/// 1→1→0.912
/// 1→3→0.975
/// 2→4→0
/// ```
///
/// (→ stands for a tab.) Here bead `[0]:[0]`, then `[]:[1, 2]` (an omission) then `[1]:[3]`.
///
/// A ladder can only hold a monotone alignment ([`Alignment::is_monotone`]): the writer
/// refuses beads with holes or beads that cross, which the bead-line formats hold.
///
/// ```
/// let alignment = satzweise::Aligner::new().align_lines("Eins.\nZwei.", "One.\nTwo.")?;
/// let mut out = Vec::new();
/// satzweise::io::write_ladder(&alignment, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("0\t0\t"));
/// assert!(text.ends_with("\n2\t2\t0\n"));
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_ladder(alignment: &Alignment, mut writer: impl Write) -> Result<()> {
    if !alignment.is_monotone() {
        return Err(Error::invalid(
            "a ladder holds only monotone alignments: this one has beads with holes or beads \
             that cross (write bead lines or JSON lines instead)",
        ));
    }
    for bead in alignment.beads() {
        writeln!(
            writer,
            "{}\t{}\t{:.3}",
            bead.german().start(),
            bead.english().start(),
            bead.confidence()
        )
        .map_err(write_error)?;
    }
    writeln!(
        writer,
        "{}\t{}\t0",
        alignment.german_text().len(),
        alignment.english_text().len()
    )
    .map_err(write_error)
}

/// Reads a ladder: rungs of two or three fields separated by tabs or spaces (a missing score
/// reads 0), in order (neither position may go back). Blank lines are skipped.
///
/// ```
/// let rungs = satzweise::io::read_ladder("0\t0\t0.9\n1\t2\t0\n".as_bytes(), "ladder")?;
/// assert_eq!(rungs.len(), 2);
/// assert!(satzweise::io::read_ladder("1\t1\n0\t2\n".as_bytes(), "ladder").is_err());
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn read_ladder(reader: impl BufRead, source_name: &str) -> Result<Vec<Rung>> {
    let mut rungs: Vec<Rung> = Vec::new();
    for_each_line(reader, source_name, |number, line| {
        let (fields, count) = fields(line);
        if count == 0 {
            return Ok(());
        }
        let [first, second, third, _] = fields;
        let third = (count == 3).then_some(third);
        if !(2..=3).contains(&count) {
            return Err(Error::syntax(
                source_name,
                number,
                format!("expected german<TAB>english<TAB>score, found {line:?}"),
            ));
        };
        let position = |field: &str| {
            if let Some(position) = digits(field) {
                return Ok(position);
            }
            field.parse::<usize>().map_err(|_| {
                Error::syntax(
                    source_name,
                    number,
                    format!("{field:?} is not a sentence position"),
                )
            })
        };
        let german = position(first)?;
        let english = position(second)?;
        let score = match third {
            None => 0.0,
            Some(field) => field.parse::<f64>().map_err(|_| {
                Error::syntax(
                    source_name,
                    number,
                    format!("score {field:?} is not a number"),
                )
            })?,
        };
        if let Some(last) = rungs.last()
            && (german < last.german || english < last.english)
        {
            return Err(Error::syntax(
                source_name,
                number,
                format!(
                    "rung {german} {english} goes back from {} {}",
                    last.german, last.english
                ),
            ));
        }
        rungs.push(Rung {
            german,
            english,
            score,
        });
        Ok(())
    })?;
    Ok(rungs)
}

/// The first four fields of a line separated by white space, as [`str::split_whitespace`]
/// gives them, and their number (at most 4: a ladder line has two or three). An ASCII line (a
/// ladder line always is) is split in one pass over its bytes, without decoding characters.
fn fields(line: &str) -> ([&str; 4], usize) {
    let mut fields = [""; 4];
    let mut count = 0;
    let mut start = None;
    for (k, b) in line.bytes().enumerate() {
        match b {
            // Vertical tab and non-ASCII characters may be white space to `split_whitespace`.
            0x0b | 0x80.. => return unicode_fields(line),
            b' ' | b'\t' | b'\n' | b'\x0c' | b'\r' => {
                if let Some(from) = start.take() {
                    fields[count] = &line[from..k];
                    count += 1;
                    if count == 4 {
                        return (fields, count);
                    }
                }
            }
            _ => {
                start.get_or_insert(k);
            }
        }
    }
    if let Some(from) = start {
        fields[count] = &line[from..];
        count += 1;
    }
    (fields, count)
}

/// [`fields`] of a line that is not ASCII.
fn unicode_fields(line: &str) -> ([&str; 4], usize) {
    let mut fields = [""; 4];
    let mut count = 0;
    for (slot, field) in fields.iter_mut().zip(line.split_whitespace()) {
        *slot = field;
        count += 1;
    }
    (fields, count)
}

/// The beads between consecutive rungs, each with the score of the rung it starts at, for
/// texts of `german_sentences` and `english_sentences` sentences.
///
/// Rungs must advance on at least one side at every step and stay within the texts: a
/// rung past their end is an error that says so, before any index is expanded, so the beads
/// hold at most `german_sentences + english_sentences` indices whatever the file says (a
/// 218 KB ladder of rungs `k*10000 k*10000` cannot become gigabytes of indices). The first
/// rung should be `0 0` and the last the end of both texts, which
/// [`alignment_from_beads`](super::alignment_from_beads) checks.
///
/// ```
/// use satzweise::io::{Rung, ladder_to_beads};
/// let rungs = [Rung { german: 0, english: 0, score: 0.9 }, Rung { german: 1, english: 2, score: 0.0 }];
/// let beads = ladder_to_beads(&rungs, 1, 2)?;
/// assert_eq!(beads[0].to_string(), "[0]:[0, 1]:0.9");
/// let error = ladder_to_beads(&rungs, 1, 1).unwrap_err();
/// assert!(error.to_string().contains("past the end of the texts"), "{error}");
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn ladder_to_beads(
    rungs: &[Rung],
    german_sentences: usize,
    english_sentences: usize,
) -> Result<Vec<BeadLine>> {
    if let Some((k, rung)) = rungs
        .iter()
        .enumerate()
        .find(|(_, r)| r.german > german_sentences || r.english > english_sentences)
    {
        return Err(Error::invalid(format!(
            "rung {k} ({} {}) is past the end of the texts ({german_sentences} German, \
             {english_sentences} English sentences)",
            rung.german, rung.english
        )));
    }
    let mut beads = Vec::with_capacity(rungs.len().saturating_sub(1));
    for (k, pair) in rungs.windows(2).enumerate() {
        let [from, to] = pair else { continue };
        if to.german < from.german
            || to.english < from.english
            || (to.german == from.german && to.english == from.english)
        {
            return Err(Error::invalid(format!(
                "rung {} ({} {}) does not advance from rung {k} ({} {})",
                k + 1,
                to.german,
                to.english,
                from.german,
                from.english
            )));
        }
        beads.push(BeadLine {
            german: (from.german..to.german).into(),
            english: (from.english..to.english).into(),
            score: Some(from.score),
        });
    }
    Ok(beads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_beads() {
        let alignment = crate::Aligner::new()
            .align_lines("Eins.\nZwei.\nDrei.", "One.\nTwo.\nTags: x\nThree.")
            .unwrap();
        let mut out = Vec::new();
        write_ladder(&alignment, &mut out).unwrap();
        let rungs = read_ladder(&out[..], "out").unwrap();
        assert_eq!(rungs.len(), alignment.beads().len() + 1);
        let beads = ladder_to_beads(
            &rungs,
            alignment.german_text().len(),
            alignment.english_text().len(),
        )
        .unwrap();
        let back = super::super::alignment_from_beads(
            alignment.german_text().clone(),
            alignment.english_text().clone(),
            &beads,
        )
        .unwrap();
        for (a, b) in back.beads().zip(alignment.beads()) {
            assert_eq!(a.german(), b.german());
            assert_eq!(a.english(), b.english());
            assert!((a.confidence() - b.confidence()).abs() <= 0.0005);
        }
    }

    #[test]
    fn a_ladder_expands_to_no_more_indices_than_the_texts_hold() {
        // Rungs `k*10000 k*10000 0.5`, k = 0..10000 (218 KB), used to become 1.57 GB of
        // indices; against texts of 300 sentences a side they are an error at once.
        let ladder: String = (0..10_000u64)
            .map(|k| format!("{} {} 0.5\n", k * 10_000, k * 10_000))
            .collect();
        let rungs = read_ladder(ladder.as_bytes(), "big.ladder").unwrap();
        let error = ladder_to_beads(&rungs, 300, 300).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("rung 1 (10000 10000) is past the end"),
            "{error}"
        );
        // Within the texts the beads hold each index once.
        let small: Vec<Rung> = (0..=300)
            .map(|k| Rung {
                german: k,
                english: k,
                score: 0.5,
            })
            .collect();
        let beads = ladder_to_beads(&small, 300, 300).unwrap();
        let indices: usize = beads.iter().map(|b| b.german.len() + b.english.len()).sum();
        assert_eq!(indices, 600);
    }

    #[test]
    fn fields_split_on_any_white_space_and_bad_lines_are_named() {
        let rungs = read_ladder(
            "0 0\n\n 1\t2 \t0.5 \r\n2\u{b}3\x0c0.25\n3\u{a0}4\u{3000}1\n  \t\n".as_bytes(),
            "a.ladder",
        )
        .unwrap();
        let read: Vec<(usize, usize, f64)> = rungs
            .iter()
            .map(|r| (r.german, r.english, r.score))
            .collect();
        assert_eq!(read, [(0, 0, 0.0), (1, 2, 0.5), (2, 3, 0.25), (3, 4, 1.0)]);
        for (input, message) in [
            (
                "0 0\n7\n",
                "a.ladder:2: expected german<TAB>english<TAB>score, found \"7\"",
            ),
            (
                "0 0 0 0\n",
                "a.ladder:1: expected german<TAB>english<TAB>score, found \"0 0 0 0\"",
            ),
            ("0 -1\n", "a.ladder:1: \"-1\" is not a sentence position"),
            ("0\u{a0}x\n", "a.ladder:1: \"x\" is not a sentence position"),
            ("1 1 high\n", "a.ladder:1: score \"high\" is not a number"),
            ("2 2\n1 3\n", "a.ladder:2: rung 1 3 goes back from 2 2"),
        ] {
            let error = read_ladder(input.as_bytes(), "a.ladder").unwrap_err();
            assert_eq!(error.to_string(), message, "{input:?}");
        }
        let error = read_ladder(&b"0 0\n1 \xff\n"[..], "a.ladder").unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.ladder: invalid UTF-8 at byte offset 6"
        );
    }

    #[test]
    fn the_byte_split_and_digits_agree_with_the_general_parsers() {
        for line in [
            "",
            " ",
            "0 0",
            "1\t2\t0.5",
            " 1\t2 \t0.5 \r",
            "2\u{b}3\x0c0.25",
            "3\u{a0}4\u{3000}1",
            "a b c d e",
            "x\u{85}y",
            "12 34 56 78",
            "\t\n\x0c\r",
            "é 1",
        ] {
            let (fields, count) = fields(line);
            let expected: Vec<&str> = line.split_whitespace().take(4).collect();
            assert_eq!(&fields[..count], expected, "{line:?}");
        }
        for field in [
            "0",
            "007",
            "+5",
            "-1",
            "",
            "1a",
            "18446744073709551615",
            "99999999999999999999",
        ] {
            assert_eq!(
                digits(field).or(field.parse().ok()),
                field.parse().ok(),
                "{field:?}"
            );
            if let Some(n) = digits(field) {
                assert_eq!(Ok(n), field.parse::<usize>(), "{field:?}");
            }
        }
    }

    #[test]
    fn rungs_that_stand_still_are_rejected() {
        let rungs = read_ladder("0 0 1\n0 0 1\n".as_bytes(), "l").unwrap();
        assert!(ladder_to_beads(&rungs, 0, 0).is_err());
        let err = read_ladder("0 0\nx 1\n".as_bytes(), "l.ladder").unwrap_err();
        assert!(err.to_string().starts_with("l.ladder:2:"), "{err}");
    }
}
