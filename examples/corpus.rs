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
//! `AlignerConfig` as JSON. A progress bar is drawn on standard error when it is a terminal.
//!
//! Exit codes: 0 when every document aligned, 1 when any failed (or the input could not be
//! read, or the output written), 2 on a usage error.

#[path = "common/stage.rs"]
mod stage;

use std::io::{BufReader, BufWriter, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use satzweise::{Aligner, AlignerConfig};

/// Align the document pairs of a JSON-lines corpus.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The "de" and "en" fields hold one sentence per line (otherwise they are split into
    /// sentences).
    #[arg(long)]
    presegmented: bool,
    /// Read and write bleualign-cpp's tab-separated layout instead of JSON lines.
    #[arg(long)]
    tsv: bool,
    /// An aligner configuration (JSON, the fields of `AlignerConfig`; missing fields keep
    /// their defaults).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Document pairs aligned together (default: 64 per thread).
    #[arg(long)]
    chunk: Option<usize>,
    /// The corpus; standard input when absent or `-`.
    input: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
        Ok(summary) => {
            eprintln!(
                "corpus: {} of {} documents failed",
                summary.failed, summary.documents
            );
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("corpus: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<stage::Summary, String> {
    let aligner = match &args.config {
        None => Aligner::new(),
        Some(path) => {
            let text = satzweise::read_text_file(path).map_err(|e| e.to_string())?;
            let config: AlignerConfig =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            Aligner::from_config(config).map_err(|e| format!("{}: {e}", path.display()))?
        }
    };
    let options = stage::Options {
        layout: if args.tsv {
            stage::Layout::Tsv
        } else {
            stage::Layout::Jsonl
        },
        presegmented: args.presegmented,
        chunk: args.chunk,
    };
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
    let tick = || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut err = std::io::stderr().lock();
    let result = match args.input.as_deref() {
        Some(path) if path.as_os_str() != "-" => {
            let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            stage::run(
                &aligner,
                BufReader::new(file),
                &mut out,
                &mut err,
                options,
                tick,
            )
            .map_err(|e| format!("{} or standard output: {e}", path.display()))
        }
        _ => stage::run(
            &aligner,
            std::io::stdin().lock(),
            &mut out,
            &mut err,
            options,
            tick,
        )
        .map_err(|e| format!("standard input or output: {e}")),
    };
    if let Some(bar) = &progress {
        bar.finish();
    }
    result
}
