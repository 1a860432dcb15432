//! An Xbench-style QA checklist: one tab-separated row per finding, for a reviewer's
//! spreadsheet or QA tool.
//!
//! ```text
//! segment<TAB>german<TAB>english<TAB>issue<TAB>severity
//! 4 [3]:[3]<TAB>Die 29. Sitzung …<TAB>The 28th session …<TAB>number mismatch: …<TAB>high
//! ```
//!
//! The segment is the bead's number in the alignment followed by its German and English
//! sentence indices; the severity is `high`, `medium` or `low` (a flag's
//! [`severity`](super::FlagKind::severity) of at least 0.8, at least 0.5, below). A bead of
//! confidence below 0.5 without a flag gets a row `unsure alignment` of severity `low`.
//! Tabs and line breaks inside a text become spaces.

use std::io::{BufRead, Write};

use super::Report;
use crate::error::{Error, Result};
use crate::io::{for_each_line, one_line, write_error};

/// The header row of a checklist.
const HEADER: &str = "segment\tgerman\tenglish\tissue\tseverity";

/// One row of a checklist, as written and read back by [`read_checklist`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistRow {
    /// The bead's number and indices, e.g. `4 [3]:[3]`.
    pub segment: String,
    /// The German text.
    pub german: String,
    /// The English text.
    pub english: String,
    /// What is wrong, in words ([`Flag::reason`](super::Flag::reason)).
    pub issue: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
}

fn severity_word(severity: f64) -> &'static str {
    if severity >= 0.8 {
        "high"
    } else if severity >= 0.5 {
        "medium"
    } else {
        "low"
    }
}

fn indices(range: std::ops::Range<usize>) -> String {
    let v: Vec<String> = range.map(|k| k.to_string()).collect();
    format!("[{}]", v.join(", "))
}

impl Report<'_> {
    /// The checklist rows: every flag of every bead, and the unsure beads, in text order.
    pub fn checklist(&self) -> Vec<ChecklistRow> {
        let mut rows = Vec::new();
        for (k, checked) in self.beads().enumerate() {
            let bead = checked.bead();
            let row = |issue: String, severity: &str| ChecklistRow {
                segment: format!(
                    "{k} {}:{}",
                    indices(bead.german().to_usize()),
                    indices(bead.english().to_usize())
                ),
                german: one_line(&bead.german_text()).into_owned(),
                english: one_line(&bead.english_text()).into_owned(),
                issue: one_line(&issue).into_owned(),
                severity: severity.to_string(),
            };
            for flag in checked.flags() {
                rows.push(row(flag.reason(), severity_word(flag.kind().severity())));
            }
            if checked.flags().is_empty() && checked.confidence() < 0.5 {
                let issue = format!(
                    "unsure alignment: confidence {:.2}, check the pairing",
                    checked.confidence()
                );
                rows.push(row(issue, "low"));
            }
        }
        rows
    }

    /// Writes the [`checklist`](Report::checklist) with its header row.
    ///
    /// ```
    /// use satzweise::Aligner;
    /// use satzweise::quality::{Report, read_checklist};
    ///
    /// let alignment = Aligner::new().align_sentences(
    ///     &["Die 29. Sitzung beginnt.", "Sie dauert zwei Tage."],
    ///     &["The 28th session begins.", "It lasts two days."],
    /// )?;
    /// let report = Report::new(&alignment);
    /// let mut out = Vec::new();
    /// report.write_checklist(&mut out)?;
    /// let text = String::from_utf8(out).unwrap();
    /// assert!(text.starts_with("segment\tgerman\tenglish\tissue\tseverity\n0 [0]:[0]\t"));
    /// assert_eq!(read_checklist(text.as_bytes(), "qa.tsv")?, report.checklist());
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn write_checklist(&self, mut writer: impl Write) -> Result<()> {
        writeln!(writer, "{HEADER}").map_err(write_error)?;
        for row in self.checklist() {
            writeln!(
                writer,
                "{}\t{}\t{}\t{}\t{}",
                row.segment, row.german, row.english, row.issue, row.severity
            )
            .map_err(write_error)?;
        }
        Ok(())
    }
}

/// Reads a checklist written by [`Report::write_checklist`]: the header row, then rows of
/// five tab-separated fields. Errors name `source_name` and the line.
pub fn read_checklist(reader: impl BufRead, source_name: &str) -> Result<Vec<ChecklistRow>> {
    let mut rows = Vec::new();
    let mut header = false;
    for_each_line(reader, source_name, |number, line| {
        if line.trim().is_empty() {
            return Ok(());
        }
        if !header {
            header = true;
            if line == HEADER {
                return Ok(());
            }
            return Err(Error::syntax(
                source_name,
                number,
                format!("expected the header {HEADER:?}"),
            ));
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [segment, german, english, issue, severity] = fields.as_slice() else {
            return Err(Error::syntax(
                source_name,
                number,
                format!("expected 5 tab-separated fields, found {}", fields.len()),
            ));
        };
        rows.push(ChecklistRow {
            segment: (*segment).to_string(),
            german: (*german).to_string(),
            english: (*english).to_string(),
            issue: (*issue).to_string(),
            severity: (*severity).to_string(),
        });
        Ok(())
    })?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_checklists_are_errors() {
        assert!(read_checklist("no header\n".as_bytes(), "x.tsv").is_err());
        let short = format!("{HEADER}\na\tb\tc\n");
        let error = read_checklist(short.as_bytes(), "x.tsv").unwrap_err();
        assert!(error.to_string().contains("x.tsv"), "{error}");
        assert_eq!(read_checklist("".as_bytes(), "x.tsv").unwrap(), vec![]);
    }
}
