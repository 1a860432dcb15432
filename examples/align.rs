//! Aligns a German file with its English reference and writes the beads in one of the
//! formats of `satzweise::io` (every `satzweise::io::Format`).
//!
//! ```text
//! cargo run --release --example align -- [--presegmented] [--line-breaks auto|paragraph|line] [--format FORMAT] [--output PATH] [--summary] [--config JSON] GERMAN ENGLISH
//! ```
//!
//! `--line-breaks` says what a line break means when the files are segmented (`auto`, the
//! default, reads it from each file; `paragraph` for hard-wrapped text; `line` when every line
//! is a unit); `--summary` reports the layout used for each side as `line_breaks`.
//!
//! Output goes to standard output, or to `--output PATH`; `moses` writes two files,
//! `PATH.de` and `PATH.en` (the language codes), and needs `--output`. A file written
//! appears complete or not at all (both Moses files, or neither).
//!
//! Input files must be UTF-8 (`-` reads standard input); a leading byte-order mark is
//! ignored, and `\r\n` line ends are read like `\n`.
//!
//! Exit codes: 0 on success, 1 on a runtime error (unreadable file, invalid UTF-8, a failed
//! write), 2 on a usage error (unknown option or format, missing argument, `moses` without
//! `--output`). Every error message starts with `align: ` and names the file it concerns.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use satzweise::io::Format;
use satzweise::{Aligner, Lang, LineBreaks, Segmenter, Text};

#[path = "common/cli.rs"]
mod cli;

use cli::{Failure, Output};

fn usage() -> String {
    let formats: Vec<String> = Format::all()
        .iter()
        .map(|f| format!("    {:<9} {}\n", f.name(), f.description()))
        .collect();
    format!(
        "usage: align [OPTIONS] GERMAN ENGLISH

Aligns a German text with its English reference, sentence by sentence (`-` reads a file
from standard input).

  --presegmented       the files hold one sentence per line (indices are line numbers)
  --line-breaks MODE   what a line break means when segmenting: auto (default; read from
                       each file), paragraph (hard-wrapped text) or line (every line a unit)
  --format FORMAT      output format (default vecalign):
{}  -o, --output PATH    write to this file instead of standard output (moses: the prefix
                       of two files PATH.de and PATH.en)
  --summary            print the document verdict (coverage, shapes, confidence, flags,
                       parallel_score) as one JSON object instead of the beads
  --list-formats       print the format names, one per line, and exit
  --english-lang LANG  language of the second file: de, en, fr or xx (default en)
  --config JSON        an aligner configuration file (satzweise::AlignerConfig as JSON)
  -h, --help           this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
",
        formats.concat()
    )
}

fn main() -> ExitCode {
    cli::run("align", &usage(), |args| {
        if args.flag(&["--list-formats"]) {
            args.finish()?;
            for format in Format::all() {
                outln!("{format}");
            }
            return Ok(());
        }
        let presegmented = args.flag(&["--presegmented"]);
        let line_breaks: LineBreaks = args.parsed(&["--line-breaks"])?.unwrap_or_default();
        let summary = args.flag(&["--summary"]);
        let format: Format = args.parsed(&["--format"])?.unwrap_or(Format::Vecalign);
        let output = args.value(&["-o", "--output"])?;
        let english_lang: Lang = args.parsed(&["--english-lang"])?.unwrap_or(Lang::En);
        let config = args.value(&["--config"])?;
        let files = args.operands(2, 2)?;
        if format.files() > 1 && output.is_none() && !summary {
            return Err(Failure::usage(format!(
                "--format {format} writes {} files and needs --output PREFIX",
                format.files()
            )));
        }
        if files[0] == "-" && files[1] == "-" {
            return Err(Failure::usage(
                "only one of the files can be standard input",
            ));
        }
        // Both files are read at once (a million lines a side take a few tenths of a second
        // each); standard input is read alone, so that an unreadable file fails at once.
        let (german, english) = if files.iter().any(|f| f == "-") {
            (cli::read_input(&files[0]), cli::read_input(&files[1]))
        } else {
            std::thread::scope(|scope| {
                let english = scope.spawn(|| cli::read_input(&files[1]));
                let german = cli::read_input(&files[0]);
                (
                    german,
                    english.join().expect("reading a file does not panic"),
                )
            })
        };
        let (german, english) = (german?, english?);
        let config = cli::read_config(config.as_deref())?;
        let aligner = Aligner::builder()
            .config(config)
            .languages(Lang::De, english_lang)
            .build()?;
        let german_segmenter = Segmenter::new(Lang::De).line_breaks(line_breaks);
        let english_segmenter = Segmenter::new(english_lang).line_breaks(line_breaks);
        let layouts = if presegmented {
            [LineBreaks::Line, LineBreaks::Line]
        } else {
            [
                german_segmenter.layout_of(&german),
                english_segmenter.layout_of(&english),
            ]
        };
        let (german, english) = if presegmented {
            std::thread::scope(|scope| {
                let english = scope.spawn(|| Text::from_lines(english));
                (
                    Text::from_lines(german),
                    english.join().expect("from_lines does not panic"),
                )
            })
        } else {
            (
                Text::segment_with(german, &german_segmenter),
                Text::segment_with(english, &english_segmenter),
            )
        };
        if format == Format::Vecalign && !summary {
            // Bead lines print no text: the aligner frees both texts once their features are
            // read (a million lines a side held 274 MB of text through the whole search).
            let beads = aligner.align_beads(german, english)?;
            let mut out = Output::open(output.as_deref())?;
            if let Err(error) = satzweise::io::write_vecalign_beads(&beads, &mut out) {
                return Err(match output.as_deref() {
                    Some(path) if path != "-" => Failure::runtime(format!("{path}: {error}")),
                    _ => error.into(),
                });
            }
            return out.finish();
        }
        let alignment = aligner.align_texts(german, english)?;
        let languages = (Lang::De, english_lang);
        if summary {
            let mut out = Output::open(output.as_deref())?;
            let verdict = satzweise::quality::Report::new(&alignment).verdict();
            let mut summary =
                serde_json::to_value(&verdict).map_err(|e| Failure::runtime(e.to_string()))?;
            if let Some(fields) = summary.as_object_mut() {
                // The layout each file was read in: "line" or "paragraph" (hard-wrapped text).
                fields.insert(
                    "line_breaks".into(),
                    serde_json::json!({
                        "german": layouts[0].as_str(),
                        "english": layouts[1].as_str(),
                    }),
                );
            }
            serde_json::to_writer(&mut out, &summary).map_err(|e| out.error(e.into()))?;
            writeln!(out).map_err(|e| out.error(e))?;
            return out.finish();
        }
        match output.as_deref() {
            Some(path) if path != "-" => {
                Ok(format.write_path(&alignment, languages, Path::new(path))?)
            }
            _ => {
                let mut out = Output::open(None)?;
                format.write(&alignment, languages, &mut out)?;
                out.finish()
            }
        }
    })
}
