//! Splits a text file into sentences, one per line.
//!
//! ```text
//! cargo run --release --example segment -- --lang de FILE
//! cargo run --release --example segment -- --lang en --spans FILE
//! cargo run --release --example segment -- --lang de --line-breaks paragraph FILE
//! ```
//!
//! With `--spans` each line starts with the sentence's byte offsets in the file (a leading
//! byte-order mark counted) and its paragraph number, tab-separated:
//! `start<TAB>end<TAB>paragraph<TAB>sentence`. `--line-breaks` says what a line break means
//! (`auto`, the default, reads it from the text; `paragraph`; `line`); the layout used is
//! printed to standard error. Line breaks inside a sentence (wrapped text) and tabs are
//! written as spaces, so that each sentence stays one line.
//!
//! A missing file or invalid UTF-8 is reported with the file name, exit status 1; a usage
//! error exits with status 2.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use satzweise::{Lang, LineBreaks, Segmenter, read_text_file};

/// Split a text file into sentences, one per line.
#[derive(Parser)]
struct Args {
    /// Language of the text: de, en, fr or xx.
    #[arg(long)]
    lang: Lang,
    /// Print byte offsets (start, end) and the paragraph number before each sentence.
    #[arg(long)]
    spans: bool,
    /// What a line break means: auto (read from the text), paragraph or line.
    #[arg(long, default_value = "auto")]
    line_breaks: LineBreaks,
    /// The text file (UTF-8).
    file: PathBuf,
}

fn run(args: &Args) -> Result<(), String> {
    let text = read_text_file(&args.file).map_err(|e| e.to_string())?;
    // `read_text_file` drops a leading byte-order mark; offsets are in the file.
    let bom = if starts_with_bom(&args.file) {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let mut sentences = Segmenter::new(args.lang)
        .line_breaks(args.line_breaks)
        .sentences(&text);
    eprintln!("segment: line breaks: {}", sentences.layout());
    for sentence in sentences.by_ref() {
        let line = one_line(sentence.as_str());
        let written = if args.spans {
            writeln!(
                out,
                "{}\t{}\t{}\t{line}",
                sentence.start() + bom,
                sentence.end() + bom,
                sentence.paragraph(),
            )
        } else {
            writeln!(out, "{line}")
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

/// Whether the file starts with the UTF-8 byte-order mark.
fn starts_with_bom(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == [0xEF, 0xBB, 0xBF]
}

/// The sentence with its line breaks and tabs as spaces; a word broken after a hyphen at a
/// line end (`US-\nRegierung`) is written without the break (`US-Regierung`).
fn one_line(sentence: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !sentence.contains(breaks) {
        return std::borrow::Cow::Borrowed(sentence);
    }
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(at) = rest.find(breaks) {
        let (head, tail) = rest.split_at(at);
        let after = tail.trim_start_matches(char::is_whitespace);
        let hyphenated = head.ends_with('-')
            && head[..head.len() - 1].ends_with(|c: char| c.is_alphanumeric())
            && tail.starts_with(['\n', '\r'])
            && after.starts_with(|c: char| c.is_alphanumeric());
        out.push_str(head);
        if hyphenated {
            rest = after;
        } else {
            out.push(' ');
            let skip = if tail.starts_with("\r\n") {
                2
            } else {
                tail.chars().next().map_or(0, char::len_utf8)
            };
            rest = &tail[skip..];
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
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
