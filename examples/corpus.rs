//! A corpus pipeline stage: aligns the document pairs of a JSON-lines corpus on all cores and
//! never drops a document.
//!
//! ```text
//! cargo run --release --example corpus -- [--presegmented] [--tsv] [--config FILE] [--chunk N] [INPUT]
//! ```
//!
//! Each input line is `{"id": ..., "de": "...", "en": "..."}` (the id may be any JSON value).
//! Each output line is `{"id": ..., "beads": [...], "mean_confidence": ...}`, one for every
//! input line that is not blank, in input order; each bead has its German and English
//! sentence indices, cost and confidence. A malformed line, a missing field, invalid UTF-8
//! (reported with its line and byte offset) or a document that fails to align gives
//! `{"id": ..., "error": "..."}` (`"line": N` in place of the id when the line has none) and
//! the stream goes on. A leading byte order mark is skipped. The output is the same whatever
//! the number of threads (`RAYON_NUM_THREADS`).
//!
//! `--tsv` reads bleualign-cpp's standard input instead (`url1 TAB url2 TAB base64(German)
//! TAB base64(English) [TAB ...]`, one sentence per line inside the base64) and writes its
//! output layout, `url1 TAB url2 TAB German TAB English TAB confidence`, one line per bead
//! that links both sides; error records go to standard error.
//!
//! Reads INPUT, or standard input when INPUT is absent or `-`. `--config FILE` reads an
//! `AlignerConfig` as JSON. A count of the documents done is drawn on standard error when it
//! is a terminal.
//!
//! Exit codes: 0 when every document aligned, 1 when any failed (or the input could not be
//! read, or the output written, or its reader went away: documents would be lost), 2 on a
//! usage error.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/stage.rs"]
mod stage;

use std::io::{BufReader, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use cli::Failure;
use satzweise::Aligner;

const USAGE: &str = "usage: corpus [--presegmented] [--tsv] [--config FILE] [--chunk N] [INPUT]

Aligns the document pairs of a JSON-lines corpus ({\"id\", \"de\", \"en\"} a line) on all
cores and writes one JSON line per document, in input order; a document that cannot be read
or aligned gives an error record and the stream goes on.

  --presegmented  the \"de\" and \"en\" fields hold one sentence per line (otherwise they
                  are split into sentences)
  --tsv           read and write bleualign-cpp's tab-separated layout instead
  --config FILE   an aligner configuration (satzweise::AlignerConfig as JSON)
  --chunk N       document pairs aligned together (default: 64 per thread)
  -h, --help      this text

INPUT is the corpus; standard input when absent or `-`.

Exit codes: 0 every document aligned, 1 some failed (or the input could not be read or the
output written), 2 usage error.
";

/// How often the count of documents done is redrawn on a terminal.
const PROGRESS_EVERY: usize = 256;

fn main() -> ExitCode {
    cli::run("corpus", USAGE, |args| {
        let presegmented = args.flag(&["--presegmented"]);
        let tsv = args.flag(&["--tsv"]);
        let config = args.value(&["--config"])?;
        let chunk: Option<usize> = args.parsed(&["--chunk"])?;
        if chunk == Some(0) {
            return Err(Failure::usage("--chunk must be at least 1"));
        }
        let input = args.operands(0, 1)?.pop();
        let aligner = match &config {
            None => Aligner::new(),
            Some(path) => {
                let config = cli::read_config(Some(path))?;
                Aligner::from_config(config)
                    .map_err(|e| Failure::runtime(format!("{path}: {e}")))?
            }
        };
        let options = stage::Options {
            layout: if tsv {
                stage::Layout::Tsv
            } else {
                stage::Layout::Jsonl
            },
            presegmented,
            chunk,
        };
        let summary = run(&aligner, input.as_deref(), options).map_err(Failure::runtime)?;
        if summary.failed == 0 {
            Ok(())
        } else {
            Err(Failure::runtime(format!(
                "{} of {} documents failed",
                summary.failed, summary.documents
            )))
        }
    })
}

fn run(
    aligner: &Aligner,
    input: Option<&str>,
    options: stage::Options,
) -> Result<stage::Summary, String> {
    let terminal = std::io::stderr().is_terminal();
    let mut done = 0usize;
    let tick = || {
        done += 1;
        if terminal && done.is_multiple_of(PROGRESS_EVERY) {
            let _ = write!(std::io::stderr(), "\rcorpus: {done} documents");
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    // Not locked: the progress count writes to standard error between records.
    let mut err = std::io::stderr();
    let result = match input {
        Some(path) if path != "-" => {
            let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
            stage::run(
                aligner,
                BufReader::new(file),
                &mut out,
                &mut err,
                options,
                tick,
            )
            .map_err(|e| format!("{path} or standard output: {e}"))
        }
        _ => stage::run(
            aligner,
            std::io::stdin().lock(),
            &mut out,
            &mut err,
            options,
            tick,
        )
        .map_err(|e| format!("standard input or output: {e}")),
    };
    if terminal {
        let _ = writeln!(err);
    }
    result
}
