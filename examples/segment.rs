//! Splits a text file into sentences, one per line.
//!
//! ```text
//! cargo run --release --example segment -- --lang de FILE
//! cargo run --release --example segment -- --lang en --spans FILE
//! ```
//!
//! With `--spans` each line starts with the sentence's byte offsets in the file and its
//! paragraph number, tab-separated: `start<TAB>end<TAB>paragraph<TAB>sentence`. Line breaks
//! inside a sentence cannot occur (every line break ends a sentence).
//!
//! A missing file or invalid UTF-8 is reported with the file name, exit status 1; a usage
//! error exits with status 2.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use satzweise::{Lang, Segmenter, read_text_file};

/// Split a text file into sentences, one per line.
#[derive(Parser)]
struct Args {
    /// Language of the text: de, en, fr or xx.
    #[arg(long)]
    lang: Lang,
    /// Print byte offsets (start, end) and the paragraph number before each sentence.
    #[arg(long)]
    spans: bool,
    /// The text file (UTF-8).
    file: PathBuf,
}

fn run(args: &Args) -> Result<(), String> {
    let text = read_text_file(&args.file).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    for sentence in Segmenter::new(args.lang).sentences(&text) {
        let written = if args.spans {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                sentence.start(),
                sentence.end(),
                sentence.paragraph(),
                sentence.as_str()
            )
        } else {
            writeln!(out, "{}", sentence.as_str())
        };
        if let Err(e) = written {
            // A closed pipe (`| head`) ends the output quietly.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(());
            }
            return Err(format!("writing to standard output: {e}"));
        }
    }
    out.flush()
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(e)
            }
        })
        .map_err(|e| format!("writing to standard output: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
