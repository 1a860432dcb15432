//! Aligns a corpus of document pairs given as JSON lines, on all cores.
//!
//! ```text
//! cargo run --release --example corpus -- [--presegmented] [--chunk N] [INPUT]
//! ```
//!
//! Each input line is `{"id": ..., "de": "...", "en": "..."}` (the id may be any JSON value).
//! Each output line is `{"id": ..., "beads": [...], "mean_confidence": ...}` in input order,
//! each bead with its German and English sentence indices, cost and confidence; a document
//! that cannot be aligned gives `{"id": ..., "error": "..."}`. Reads INPUT, or standard input
//! when INPUT is absent or `-`. A progress bar is drawn on standard error when it is a
//! terminal; otherwise the program is a plain filter.
//!
//! Exit codes: 0 on success, 1 on a runtime error (unreadable input, a line that is not a
//! document), 2 on a usage error.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use satzweise::{Aligner, Alignment, DocumentPair};
use serde_json::{Value, json};

/// Align the document pairs of a JSON-lines corpus.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The "de" and "en" fields hold one sentence per line (otherwise they are split into
    /// sentences).
    #[arg(long)]
    presegmented: bool,
    /// Document pairs aligned together (default: 64 per thread).
    #[arg(long)]
    chunk: Option<usize>,
    /// The corpus (JSON lines); standard input when absent or `-`.
    input: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("corpus: {error}");
            ExitCode::from(1)
        }
    }
}

/// The line number and id of a document, or why the line is not a document.
type Key = (usize, Result<Value, String>);

fn run(args: &Args) -> Result<(), String> {
    let reader: Box<dyn BufRead> = match args.input.as_deref() {
        None => Box::new(std::io::stdin().lock()),
        Some(path) if path.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(path) => Box::new(BufReader::new(
            std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
    };
    let presegmented = args.presegmented;
    let mut read_error: Option<String> = None;
    let documents = reader
        .lines()
        .enumerate()
        .map_while(|(k, line)| match line {
            Ok(line) => Some((k, line)),
            Err(e) => {
                read_error = Some(format!("line {}: {e}", k + 1));
                None
            }
        })
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(k, line)| -> (Key, DocumentPair) {
            match parse(&line, presegmented) {
                Ok((id, pair)) => ((k, Ok(id)), pair),
                Err(e) => ((k, Err(e)), DocumentPair::lines("", "")),
            }
        });
    let aligner = Aligner::new();
    let mut batch = aligner.align_batch(documents);
    if let Some(chunk) = args.chunk {
        batch = batch.chunk_size(chunk);
    }
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents, {per_sec}, {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for ((k, id), alignment) in batch {
        let id = id.map_err(|e| format!("line {}: {e}", k + 1))?;
        let record = match alignment {
            Ok(alignment) => record(id, &alignment),
            Err(error) => json!({ "id": id, "error": error.to_string() }),
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| format!("<stdout>: {e}"))?;
        writeln!(out).map_err(|e| format!("<stdout>: {e}"))?;
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    out.flush().map_err(|e| format!("<stdout>: {e}"))?;
    if let Some(bar) = &progress {
        bar.finish();
    }
    match read_error {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The id and document pair of one input line.
fn parse(line: &str, presegmented: bool) -> Result<(Value, DocumentPair), String> {
    let mut value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let mut field = |name: &str| match value.get_mut(name).map(Value::take) {
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(format!("field {name:?} is not a string")),
        None => Err(format!("field {name:?} is missing")),
    };
    let german = field("de")?;
    let english = field("en")?;
    let id = value.get_mut("id").map(Value::take).unwrap_or(Value::Null);
    let pair = if presegmented {
        DocumentPair::lines(german, english)
    } else {
        DocumentPair::raw(german, english)
    };
    Ok((id, pair))
}

/// The output record of one aligned document.
fn record(id: Value, alignment: &Alignment) -> Value {
    let beads: Vec<Value> = alignment
        .beads()
        .map(|b| {
            json!({
                "de": b.german().to_usize().collect::<Vec<_>>(),
                "en": b.english().to_usize().collect::<Vec<_>>(),
                "cost": (b.cost() * 1000.0).round() / 1000.0,
                "confidence": (b.confidence() * 1000.0).round() / 1000.0,
            })
        })
        .collect();
    let count = beads.len().max(1) as f64;
    let mean = alignment.beads().map(|b| b.confidence()).sum::<f64>() / count;
    json!({
        "id": id,
        "beads": beads,
        "mean_confidence": (mean * 1000.0).round() / 1000.0,
    })
}
