//! Splits a text file into sentences, one per line.
//!
//! ```text
//! cargo run --release --example segment -- --lang de FILE
//! cargo run --release --example segment -- --lang en --spans FILE
//! ```
//!
//! With `--spans` each line starts with the sentence's byte offsets in the file (a leading
//! byte-order mark counted) and its paragraph number, tab-separated:
//! `start<TAB>end<TAB>paragraph<TAB>sentence`. Line breaks inside a sentence cannot occur
//! (every line break ends a sentence). `-` reads standard input.
//!
//! Exit codes: 0 success, 1 runtime error (a missing file, invalid UTF-8: the message names
//! the file), 2 usage error.

use std::io::Write;
use std::process::ExitCode;

use satzweise::{Lang, Segmenter};

#[path = "common/cli.rs"]
mod cli;

use cli::{Failure, Output};

const USAGE: &str = "usage: segment --lang LANG [--spans] FILE

Splits a text file (UTF-8; `-` for standard input) into sentences, one per line.

  --lang LANG   language of the text: de, en, fr or xx
  --spans       print the byte offsets in the file (start, end) and the paragraph number
                before each sentence, tab-separated
  -h, --help    this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> ExitCode {
    cli::run("segment", USAGE, |args| {
        let spans = args.flag(&["--spans"]);
        let lang: Lang = args
            .parsed(&["--lang"])?
            .ok_or_else(|| Failure::usage("--lang is required"))?;
        let file = args.operands(1, 1)?.remove(0);
        let (text, offset) = cli::read_input_with_offset(&file)?;
        let mut out = Output::open(None)?;
        for sentence in Segmenter::new(lang).sentences(&text) {
            let written = if spans {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    sentence.start() + offset,
                    sentence.end() + offset,
                    sentence.paragraph(),
                    sentence.as_str()
                )
            } else {
                writeln!(out, "{}", sentence.as_str())
            };
            written.map_err(|e| out.error(e))?;
        }
        out.finish()
    })
}
