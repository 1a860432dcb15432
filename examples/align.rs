//! Aligns a German file with its English reference and prints the beads.
//!
//! ```text
//! cargo run --release --example align -- [--presegmented] [--format vecalign|tsv|json] [--summary] GERMAN ENGLISH
//! ```
//!
//! Exit codes: 0 on success, 1 on a runtime error (unreadable file, invalid UTF-8), 2 on a
//! usage error.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use satzweise::{Aligner, Lang, Text};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// One bead per line: `[0]:[0, 1]:0.973` (German indices : English indices : confidence).
    Vecalign,
    /// German text, English text, confidence, tab-separated, one bead per line.
    Tsv,
    /// The whole alignment as one JSON object.
    Json,
}

/// Align a German text with its English reference, sentence by sentence.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The files hold one sentence per line (indices are line numbers from 0).
    #[arg(long)]
    presegmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "vecalign")]
    format: Format,
    /// Print the document verdict (quality) as one JSON object instead of the beads.
    #[arg(long)]
    summary: bool,
    /// Language of the second file (segmentation rules when not presegmented).
    #[arg(long, default_value = "en")]
    english_lang: String,
    /// The German text.
    german: PathBuf,
    /// The English (reference) text.
    english: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("align: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<(), satzweise::Error> {
    let english_lang: Lang = args.english_lang.parse()?;
    let german = satzweise::read_text_file(&args.german)?;
    let english = satzweise::read_text_file(&args.english)?;
    let aligner = Aligner::builder()
        .languages(Lang::De, english_lang)
        .build()?;
    let (german, english) = if args.presegmented {
        (Text::from_lines(german), Text::from_lines(english))
    } else {
        (
            Text::segment(german, Lang::De),
            Text::segment(english, english_lang),
        )
    };
    let alignment = aligner.align_texts(german, english)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.summary {
        let verdict = alignment.report().verdict();
        serde_json::to_writer(&mut out, &verdict)
            .map_err(|e| satzweise::Error::from(satzweise::ErrorKind::Invalid(e.to_string())))?;
        writeln!(out).map_err(stdout_error)?;
        return out.flush().map_err(stdout_error);
    }
    match args.format {
        Format::Vecalign => satzweise::io::write_vecalign(&alignment, &mut out)?,
        Format::Tsv => satzweise::io::write_tsv(&alignment, &mut out)?,
        Format::Json => {
            serde_json::to_writer(&mut out, &alignment).map_err(|e| {
                satzweise::Error::from(satzweise::ErrorKind::Invalid(e.to_string()))
            })?;
            writeln!(out).map_err(stdout_error)?;
        }
    }
    out.flush().map_err(stdout_error)
}

fn stdout_error(e: std::io::Error) -> satzweise::Error {
    satzweise::ErrorKind::Io {
        path: PathBuf::from("<stdout>"),
        source: e,
    }
    .into()
}
