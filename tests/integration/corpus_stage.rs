//! The corpus pipeline stage (examples/corpus.rs): every input line gives one record, in
//! input order, and a bad line or a failed document never stops the stream.

#![cfg(feature = "serde")]

#[path = "../../examples/common/stage.rs"]
mod stage;

use satzweise::{Aligner, AlignerConfig, BeadShape};
use serde_json::Value;
use stage::{Layout, Options, Summary};

const JSONL: Options = Options {
    layout: Layout::Jsonl,
    presegmented: false,
    chunk: None,
};

/// Runs the stage on `input` and returns the summary, the output records and the error
/// stream.
fn run_with(aligner: &Aligner, input: &[u8], options: Options) -> (Summary, Vec<Value>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let summary = stage::run(aligner, input, &mut out, &mut err, options, || {})
        .expect("in-memory streams do not fail");
    let records = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("every output line is JSON"))
        .collect();
    (summary, records, String::from_utf8(err).unwrap())
}

fn run(input: &[u8]) -> (Summary, Vec<Value>) {
    let (summary, records, _) = run_with(&Aligner::new(), input, JSONL);
    (summary, records)
}

const GOOD: &str = r#"{"id": 1, "de": "Der Berg ist hoch. Er liegt in Bern.", "en": "The mountain is high. It is in Bern."}"#;

fn error_of(record: &Value) -> &str {
    record["error"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error record: {record}"))
}

#[test]
fn a_good_document_gives_its_beads() {
    let (summary, records) = run(GOOD.as_bytes());
    assert_eq!(
        summary,
        Summary {
            documents: 1,
            failed: 0
        }
    );
    assert_eq!(records[0]["id"], 1);
    let beads = records[0]["beads"].as_array().unwrap();
    assert_eq!(beads.len(), 2);
    assert_eq!(beads[1]["de"], serde_json::json!([1]));
    assert_eq!(beads[1]["en"], serde_json::json!([1]));
}

#[test]
fn a_malformed_line_gives_an_error_record_with_its_line_and_the_stream_goes_on() {
    let input = format!("{GOOD}\n{{\"id\": 2, \"de\": \n\n{GOOD}\n");
    let (summary, records) = run(input.as_bytes());
    assert_eq!(
        summary,
        Summary {
            documents: 3,
            failed: 1
        }
    );
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["line"], 2);
    assert!(records[1].get("id").is_none());
    assert!(
        error_of(&records[1]).contains("malformed JSON"),
        "{}",
        records[1]
    );
    // The blank line 3 is skipped but counted: the last record is line 4's document.
    assert_eq!(records[2]["id"], 1);
    assert!(records[2]["beads"].is_array());
}

#[test]
fn a_missing_or_mistyped_field_gives_an_error_record_with_the_id() {
    let input = concat!(
        r#"{"id": "a", "de": "Eins."}"#,
        "\n",
        r#"{"id": "b", "de": 5, "en": "One."}"#,
        "\n",
        r#"{"de": "Eins.", "en": "One."}"#,
        "\n",
        r#"[1, 2]"#,
        "\n"
    );
    let (summary, records) = run(input.as_bytes());
    assert_eq!(
        summary,
        Summary {
            documents: 4,
            failed: 3
        }
    );
    assert_eq!(records[0]["id"], "a");
    assert!(error_of(&records[0]).contains("\"en\" is missing"));
    assert_eq!(records[1]["id"], "b");
    assert!(error_of(&records[1]).contains("\"de\" is not a string"));
    // A document without an id is named by its line.
    assert_eq!(records[2]["line"], 3);
    assert!(records[2]["beads"].is_array());
    assert_eq!(records[3]["line"], 4);
    assert!(error_of(&records[3]).contains("not a JSON object"));
}

#[test]
fn invalid_utf8_is_reported_with_line_and_byte_offset() {
    let mut input = Vec::new();
    input.extend_from_slice(GOOD.as_bytes());
    input.push(b'\n');
    let line_start = input.len();
    input.extend_from_slice(br#"{"id": 2, "de": "Gr"#);
    let bad_at = input.len();
    input.extend_from_slice(b"\xFC\xDFe.\", \"en\": \"Hello.\"}\n");
    input.extend_from_slice(GOOD.as_bytes());
    let (summary, records) = run(&input);
    assert_eq!(
        summary,
        Summary {
            documents: 3,
            failed: 1
        }
    );
    assert_eq!(records[1]["line"], 2);
    let error = error_of(&records[1]);
    assert!(
        error.contains(&format!("byte offset {bad_at} ")),
        "{error} (line starts at {line_start})"
    );
    assert!(error.contains("line 2"), "{error}");
    assert_eq!(records[2]["id"], 1);
}

#[test]
fn a_leading_bom_and_crlf_line_ends_are_accepted() {
    let input = format!("\u{FEFF}{GOOD}\r\n{GOOD}\r\n");
    let (summary, records) = run(input.as_bytes());
    assert_eq!(
        summary,
        Summary {
            documents: 2,
            failed: 0
        }
    );
    assert_eq!(records[0], records[1]);
}

#[test]
fn a_document_that_fails_to_align_gives_an_error_record_and_the_stream_goes_on() {
    let mut config = AlignerConfig::default();
    config.shapes.allowed = vec![BeadShape::new(1, 1)];
    let aligner = Aligner::from_config(config).unwrap();
    let input = format!(
        "{}\n{GOOD}\n",
        r#"{"id": [7], "de": "Eins. Zwei.", "en": ""}"#
    );
    let (summary, records, _) = run_with(&aligner, input.as_bytes(), JSONL);
    assert_eq!(
        summary,
        Summary {
            documents: 2,
            failed: 1
        }
    );
    assert_eq!(records[0]["id"], serde_json::json!([7]));
    assert!(
        error_of(&records[0]).contains("alignment"),
        "{}",
        records[0]
    );
    assert_eq!(records[1]["beads"].as_array().unwrap().len(), 2);
}

#[test]
fn output_order_is_input_order_whatever_the_chunk_size() {
    let lines: Vec<String> = (0..25)
        .map(|k| {
            if k % 7 == 3 {
                format!("{{\"id\": {k}, \"de\": ")
            } else {
                format!(
                    r#"{{"id": {k}, "de": "Es gibt {k} Berge. Sie sind hoch.", "en": "There are {k} mountains. They are high."}}"#
                )
            }
        })
        .collect();
    let input = lines.join("\n");
    let one = |chunk| {
        let options = Options {
            chunk: Some(chunk),
            ..JSONL
        };
        run_with(&Aligner::new(), input.as_bytes(), options).1
    };
    let reference = one(1);
    assert_eq!(reference.len(), 25);
    for (k, record) in reference.iter().enumerate() {
        let id = record.get("id").and_then(Value::as_u64);
        if k % 7 == 3 {
            assert_eq!(record["line"], k + 1);
        } else {
            assert_eq!(id, Some(k as u64));
        }
    }
    assert_eq!(one(4), reference);
    assert_eq!(one(64), reference);
}

/// Standard base64 of `bytes`, for building bleualign-cpp input.
fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| (n << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(DIGITS[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn tsv_reads_bleualign_input_and_writes_its_output_layout() {
    let german = "Der Berg ist hoch.\nEr liegt in der Schweiz.\nDas Wetter ist gut.\n";
    let english = "The mountain is high.\nIt is in Switzerland.\nThe weather is good.\n";
    let input = format!(
        "http://a.de\thttp://a.com\t{}\t{}\t{}\nhttp://b.de\thttp://b.com\tnot*base64\t{}\t\n",
        base64(german.as_bytes()),
        base64(english.as_bytes()),
        base64(b"machine translation, ignored"),
        base64(english.as_bytes()),
    );
    let options = Options {
        layout: Layout::Tsv,
        ..JSONL
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let summary = stage::run(
        &Aligner::new(),
        input.as_bytes(),
        &mut out,
        &mut err,
        options,
        || {},
    )
    .unwrap();
    assert_eq!(
        summary,
        Summary {
            documents: 2,
            failed: 1
        }
    );
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert_eq!(
        rows[1][..4],
        [
            "http://a.de",
            "http://a.com",
            "Er liegt in der Schweiz.",
            "It is in Switzerland."
        ]
    );
    let score: f64 = rows[1][4].parse().unwrap();
    assert!((0.0..=1.0).contains(&score));
    let error: Value = serde_json::from_str(String::from_utf8(err).unwrap().trim()).unwrap();
    assert_eq!(
        error["id"],
        serde_json::json!(["http://b.de", "http://b.com"])
    );
    assert!(error_of(&error).contains("base64"), "{error}");
}
