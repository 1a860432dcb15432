//! Moses-style parallel files: two files, line `k` of one the translation of line `k` of the
//!
//! The format is documented on [`write_moses`], its public face.

use std::io::{BufRead, Write};

use super::{TextPair, for_each_line, write_error};
use crate::align::Alignment;
use crate::error::{Error, Result};

/// Writes the linked pairs of `alignment`: the German sides to `german`, the English sides
/// to `english`, one pair per line.
///
/// # The format
///
/// Moses-style parallel files: two files, line `k` of one the translation of line `k` of the
/// other.
///
/// This is the format machine-translation training reads, so only linked pairs are written:
/// beads with sentences on both sides, each side's sentences joined with single spaces and
/// line breaks inside a sentence turned into spaces. Omissions and additions are left out,
/// and so are confidences (filter with [`Alignment::confident`] before writing if needed).
/// A side with holes is written as its own sentences in order, joined (the sentences of its
/// holes go with their own beads); beads that cross are written in the alignment's order,
/// each still a correct pair.
///
/// ```
/// let alignment = satzweise::Aligner::new().align_lines("Eins.\nZwei.", "One.\nTwo.")?;
/// let (mut de, mut en) = (Vec::new(), Vec::new());
/// satzweise::io::write_moses(&alignment, &mut de, &mut en)?;
/// assert_eq!(de, b"Eins.\nZwei.\n");
/// assert_eq!(en, b"One.\nTwo.\n");
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_moses(
    alignment: &Alignment,
    mut german: impl Write,
    mut english: impl Write,
) -> Result<()> {
    for pair in alignment.pairs() {
        writeln!(german, "{}", one_line_no_tab(&pair.german_text())).map_err(write_error)?;
        writeln!(english, "{}", one_line_no_tab(&pair.english_text())).map_err(write_error)?;
    }
    Ok(())
}

/// Line ends ([`LINE_ENDS`](super::LINE_ENDS)) become spaces; tabs may stay (Moses files are
/// not tab-separated).
fn one_line_no_tab(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(super::LINE_ENDS) {
        std::borrow::Cow::Owned(text.replace(super::LINE_ENDS, " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Reads two line-aligned files into pairs (without confidence). Both must have the same
/// number of lines; the error names the shorter file and its line count.
///
/// ```
/// let pairs = satzweise::io::read_moses(
///     "Eins.\nZwei.\n".as_bytes(), "train.de",
///     "One.\nTwo.\n".as_bytes(), "train.en",
/// )?;
/// assert_eq!(pairs[1].german, "Zwei.");
/// assert!(satzweise::io::read_moses("a\n".as_bytes(), "x.de", "".as_bytes(), "x.en").is_err());
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn read_moses(
    german: impl BufRead,
    german_name: &str,
    english: impl BufRead,
    english_name: &str,
) -> Result<Vec<TextPair>> {
    let mut german_lines = Vec::new();
    for_each_line(german, german_name, |_, line| {
        german_lines.push(line.to_owned());
        Ok(())
    })?;
    let mut pairs = Vec::with_capacity(german_lines.len());
    let mut german_lines = german_lines.into_iter();
    let mut english_count = 0;
    for_each_line(english, english_name, |number, line| {
        english_count = number;
        let Some(german) = german_lines.next() else {
            return Err(Error::syntax(
                english_name,
                number,
                format!("{english_name} has more lines than {german_name}"),
            ));
        };
        pairs.push(TextPair {
            german,
            english: line.to_owned(),
            confidence: None,
        });
        Ok(())
    })?;
    if german_lines.len() > 0 {
        return Err(Error::syntax(
            german_name,
            english_count + 1,
            format!("{german_name} has more lines than {english_name} ({english_count})"),
        ));
    }
    Ok(pairs)
}
