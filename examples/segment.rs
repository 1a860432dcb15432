//! Splits a text file into sentences, one per line.
//!
//! ```text
//! cargo run --release --example segment -- --lang de FILE
//! cargo run --release --example segment -- --lang en --spans FILE
//! ```
//!
//! With `--spans` each line starts with the sentence's byte offsets in the file (a leading
//! byte-order mark counted) and its paragraph number, tab-separated:
//! `start<TAB>end<TAB>paragraph<TAB>sentence`. `--line-breaks` says what a line break means
//! (`auto`, the default, reads it from the text; `paragraph`; `line`); the layout used is
//! printed to standard error. Line breaks inside a sentence (wrapped text) and tabs are
//! written as spaces, so that each sentence stays one line. `-` reads standard input.
//!
//! Exit codes: 0 success, 1 runtime error (a missing file, invalid UTF-8: the message names
//! the file), 2 usage error.

use std::io::Write;
use std::process::ExitCode;

use std::borrow::Cow;

use satzweise::{Lang, LineBreaks, Segmenter};

#[path = "common/cli.rs"]
mod cli;

use cli::{Failure, Output};

const USAGE: &str = "usage: segment --lang LANG [--spans] [--line-breaks MODE] FILE

Splits a text file (UTF-8; `-` for standard input) into sentences, one per line.

  --lang LANG   language of the text: de, en, fr or xx
  --spans       print the byte offsets in the file (start, end) and the paragraph number
                before each sentence, tab-separated
  --line-breaks MODE
                what a line break means: auto (default; read from the text), paragraph
                (hard-wrapped text) or line (every line a unit)
  -h, --help    this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> ExitCode {
    cli::run("segment", USAGE, |args| {
        let spans = args.flag(&["--spans"]);
        let line_breaks: LineBreaks = args.parsed(&["--line-breaks"])?.unwrap_or_default();
        let lang: Lang = args
            .parsed(&["--lang"])?
            .ok_or_else(|| Failure::usage("--lang is required"))?;
        let file = args.operands(1, 1)?.remove(0);
        let (text, offset) = cli::read_input_with_offset(&file)?;
        let mut out = Output::open(None)?;
        let mut sentences = Segmenter::new(lang)
            .line_breaks(line_breaks)
            .sentences(&text);
        eprintln!("segment: line breaks: {}", sentences.layout());
        for sentence in sentences.by_ref() {
            let line = one_line(sentence.as_str());
            let written = if spans {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{line}",
                    sentence.start() + offset,
                    sentence.end() + offset,
                    sentence.paragraph(),
                )
            } else {
                writeln!(out, "{line}")
            };
            written.map_err(|e| out.error(e))?;
        }
        out.finish()
    })
}

/// The sentence with its line breaks and tabs as spaces; a word broken after a hyphen at a
/// line end (`US-\nRegierung`) is written without the break (`US-Regierung`).
fn one_line(sentence: &str) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\n' | '\r' | '\t' | '\u{85}' | '\u{2028}' | '\u{2029}');
    if !sentence.contains(breaks) {
        return Cow::Borrowed(sentence);
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
    Cow::Owned(out)
}
