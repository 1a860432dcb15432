//! The corpus pipeline stage behind `examples/corpus.rs`: document pairs in (JSON lines, or
//! the tab-separated layout of bleualign-cpp's standard input), one record per document out,
//! in input order, and never a document dropped.
//!
//! Every input line that is not blank gives exactly one output record. A line that cannot be
//! read as a document (malformed JSON, a missing field, invalid UTF-8, bad base64) or a
//! document that fails to align gives an error record, `{"id": ..., "error": "..."}` (with
//! `"line": N` in place of the id when the line has none), and the stream goes on. A byte
//! order mark at the start of the input is skipped. The output does not depend on the number
//! of threads: each document is aligned on its own, by the same deterministic search.

use std::io::{self, BufRead, Write};

use satzweise::{Aligner, Alignment, DocumentPair};
use serde_json::{Map, Value, json};

/// The input layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON object a line: `{"id": ..., "de": "...", "en": "..."}`; output JSON lines.
    Jsonl,
    /// bleualign-cpp's standard input: `url1 TAB url2 TAB base64(German) TAB base64(English)
    /// [TAB ...]`, each decoded text one sentence per line (further columns, such as a machine
    /// translation, are ignored). Output: `url1 TAB url2 TAB German TAB English TAB score` for
    /// each bead that links both sides, bleualign-cpp's output layout; error records go to the
    /// error stream as JSON lines.
    Tsv,
}

/// How the stage runs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The input layout.
    pub layout: Layout,
    /// JSON lines: the "de" and "en" fields hold one sentence per line.
    pub presegmented: bool,
    /// Documents aligned together; `None` for the library's default.
    pub chunk: Option<usize>,
}

/// What a run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read (every line that is not blank).
    pub documents: usize,
    /// Documents that gave an error record.
    pub failed: usize,
}

/// Where a document came from: its 1-based line number and its id (a JSON value, or the
/// two URLs of a TSV line), when it has one.
#[derive(Debug, Clone)]
struct Origin {
    line: usize,
    id: Option<Value>,
}

/// A document to align, or why the line is not one.
type Key = (Origin, Result<(), String>);

/// One input line: its number, the byte offset of its start in the input, and its bytes
/// without the line end.
struct RawLine {
    number: usize,
    offset: usize,
    bytes: Vec<u8>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the lines of `input` as bytes, so that invalid UTF-8 can be reported line by line.
/// Stops at the first read error, which it leaves in `error`.
fn raw_lines<'a, R: BufRead + 'a>(
    mut input: R,
    error: &'a mut Option<io::Error>,
) -> impl Iterator<Item = RawLine> + 'a {
    let mut number = 0;
    let mut offset = 0;
    std::iter::from_fn(move || {
        let mut bytes = Vec::new();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(n) => {
                number += 1;
                let mut start = offset;
                offset += n;
                if number == 1 && bytes.starts_with(BOM) {
                    bytes.drain(..BOM.len());
                    start += BOM.len();
                }
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                    if bytes.last() == Some(&b'\r') {
                        bytes.pop();
                    }
                }
                Some(RawLine {
                    number,
                    offset: start,
                    bytes,
                })
            }
            Err(e) => {
                *error = Some(e);
                None
            }
        }
    })
}

/// Decodes a line as UTF-8, or says where it is not.
fn decode(line: &RawLine) -> Result<&str, String> {
    std::str::from_utf8(&line.bytes).map_err(|e| {
        let at = e.valid_up_to();
        format!(
            "invalid UTF-8 at byte offset {} of the input (line {}, byte {} of the line)",
            line.offset + at,
            line.number,
            at + 1
        )
    })
}

/// The id and document pair of one JSON line.
fn parse_json(text: &str, presegmented: bool) -> (Option<Value>, Result<DocumentPair, String>) {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            // serde_json says "at line 1 column N": the line is the input's, not the JSON's.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(&*message, |(m, _)| m);
            let column = e.column();
            return (
                None,
                Err(format!("malformed JSON at column {column}: {message}")),
            );
        }
    };
    let Value::Object(mut object) = value else {
        return (None, Err("the line is not a JSON object".into()));
    };
    let id = object.remove("id");
    let mut field = |name: &str| match object.remove(name) {
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(format!("field {name:?} is not a string")),
        None => Err(format!("field {name:?} is missing")),
    };
    let pair = field("de").and_then(|german| {
        let english = field("en")?;
        Ok(if presegmented {
            DocumentPair::lines(german, english)
        } else {
            DocumentPair::raw(german, english)
        })
    });
    (id, pair)
}

/// The URLs and document pair of one TSV line.
fn parse_tsv(text: &str) -> (Option<Value>, Result<DocumentPair, String>) {
    let columns: Vec<&str> = text.split('\t').collect();
    if columns.len() < 4 {
        let id = (columns.len() >= 2).then(|| json!([columns[0], columns[1]]));
        return (
            id,
            Err(format!(
                "expected at least 4 tab-separated columns (url1, url2, base64 German, base64 \
                 English), found {}",
                columns.len()
            )),
        );
    }
    let id = Some(json!([columns[0], columns[1]]));
    let text = |k: usize, name: &str| {
        let bytes = base64_decode(columns[k]).map_err(|e| format!("column {name}: {e}"))?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "column {name}: invalid UTF-8 at byte {} of the decoded text",
                e.utf8_error().valid_up_to()
            )
        })
    };
    let pair = text(2, "3 (German)")
        .and_then(|german| Ok(DocumentPair::lines(german, text(3, "4 (English)")?)));
    (id, pair)
}

/// Decodes standard base64 (RFC 4648, `+` and `/`, padding optional).
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const STANDARD_PADDING_OPTIONAL: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    STANDARD_PADDING_OPTIONAL
        .decode(text)
        .map_err(|e| format!("not base64: {e}"))
}

/// Aligns every document of `input` with `aligner` and writes one record per document to
/// `output` (and, in the TSV layout, error records to `errors`), in input order. Calls
/// `progress` after each document. An I/O error stops the run; a bad document never does.
pub fn run<R: BufRead, W: Write, E: Write>(
    aligner: &Aligner,
    input: R,
    output: &mut W,
    errors: &mut E,
    options: Options,
    mut progress: impl FnMut(),
) -> io::Result<Summary> {
    let mut read_error = None;
    let mut summary = Summary::default();
    {
        let documents = raw_lines(input, &mut read_error)
            .filter(|line| !line.bytes.trim_ascii().is_empty())
            .map(|line| -> (Key, DocumentPair) {
                let (id, pair) = match decode(&line) {
                    Err(e) => (None, Err(e)),
                    Ok(text) => match options.layout {
                        Layout::Jsonl => parse_json(text, options.presegmented),
                        Layout::Tsv => parse_tsv(text),
                    },
                };
                let origin = Origin {
                    line: line.number,
                    id,
                };
                match pair {
                    Ok(pair) => ((origin, Ok(())), pair),
                    // A line that is not a document is carried through in order, aligned as an
                    // empty pair (no work) and reported as an error.
                    Err(e) => ((origin, Err(e)), DocumentPair::lines("", "")),
                }
            });
        let mut batch = aligner.align_batch(documents);
        if let Some(chunk) = options.chunk {
            batch = batch.chunk_size(chunk);
        }
        for ((origin, parsed), aligned) in batch {
            summary.documents += 1;
            let outcome = parsed.and_then(|()| aligned.map_err(|e| e.to_string()));
            match (outcome, options.layout) {
                (Ok(alignment), Layout::Jsonl) => {
                    write_json(output, &record(&origin, &alignment))?;
                }
                (Ok(alignment), Layout::Tsv) => write_tsv(output, &origin, &alignment)?,
                (Err(error), layout) => {
                    summary.failed += 1;
                    let record = error_record(&origin, &error);
                    match layout {
                        Layout::Jsonl => write_json(output, &record)?,
                        Layout::Tsv => write_json(errors, &record)?,
                    }
                }
            }
            progress();
        }
    }
    output.flush()?;
    errors.flush()?;
    match read_error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

fn write_json(out: &mut impl Write, record: &Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// The id of a record: `"id": ...` when the line has one, `"line": N` otherwise.
fn origin_fields(origin: &Origin) -> Map<String, Value> {
    let mut fields = Map::new();
    match &origin.id {
        Some(id) => fields.insert("id".into(), id.clone()),
        None => fields.insert("line".into(), Value::from(origin.line)),
    };
    fields
}

/// `{"id": ..., "error": "..."}`, or `{"line": N, "error": "..."}`.
fn error_record(origin: &Origin, error: &str) -> Value {
    let mut fields = origin_fields(origin);
    fields.insert("error".into(), Value::from(error));
    Value::Object(fields)
}

/// The output record of one aligned document: its id, its beads (German and English sentence
/// indices, cost, confidence) and the mean confidence of its beads.
fn record(origin: &Origin, alignment: &Alignment) -> Value {
    let beads: Vec<Value> = alignment
        .beads()
        .map(|b| {
            json!({
                "de": b.german().to_usize().collect::<Vec<_>>(),
                "en": b.english().to_usize().collect::<Vec<_>>(),
                "cost": b.cost(),
                "confidence": b.confidence(),
            })
        })
        .collect();
    let count = beads.len().max(1) as f64;
    let mean = alignment.beads().map(|b| b.confidence()).sum::<f64>() / count;
    let mut fields = origin_fields(origin);
    fields.insert("beads".into(), Value::Array(beads));
    fields.insert("mean_confidence".into(), Value::from(mean));
    Value::Object(fields)
}

/// bleualign-cpp's output: one line per bead linking both sides.
fn write_tsv(out: &mut impl Write, origin: &Origin, alignment: &Alignment) -> io::Result<()> {
    let urls: Vec<&str> = match &origin.id {
        Some(Value::Array(urls)) => urls.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let flat = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    for pair in alignment.pairs() {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.4}",
            urls.first().copied().unwrap_or(""),
            urls.get(1).copied().unwrap_or(""),
            flat(&pair.german_text()),
            flat(&pair.english_text()),
            pair.confidence()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::base64_decode;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(base64_decode("TWFu").unwrap(), b"Man");
        assert_eq!(base64_decode("TWE=").unwrap(), b"Ma");
        assert_eq!(base64_decode("TWE").unwrap(), b"Ma");
        assert_eq!(base64_decode("TQ==").unwrap(), b"M");
        assert!(base64_decode("T").is_err());
        assert!(base64_decode("TW*u").is_err());
    }
}
