//! Aligns a German file with its English reference and writes the beads in one of the
//! formats of `satzweise::io`.
//!
//! ```text
//! cargo run --release --example align -- [--presegmented] [--format FORMAT] [--output PATH] [--summary] [--config JSON] GERMAN ENGLISH
//! ```
//!
//! Formats: `vecalign` (default), `tsv`, `jsonl`, `json`, `moses`, `tmx`, `ladder`; see
//! `--help`. Output goes to standard output, or to `--output PATH`; `moses` writes two files,
//! `PATH.de` and `PATH.en` (the language codes), and needs `--output`.
//!
//! Input files must be UTF-8; a leading byte-order mark is ignored, and `\r\n` line ends are
//! read like `\n`.
//!
//! Exit codes: 0 on success, 1 on a runtime error (unreadable file, invalid UTF-8, a failed
//! write), 2 on a usage error (unknown option or format, missing argument, `moses` without
//! `--output`). Every error message starts with `align: ` and names the file it concerns.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use satzweise::{Aligner, AlignerConfig, Alignment, Lang, Text};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One bead per line: `[0]:[0, 1]:0.973` (German indices : English indices : confidence).
    Vecalign,
    /// German text, English text, confidence, tab-separated, one bead per line.
    Tsv,
    /// One JSON object per bead and line: indices, texts, shape, cost, confidence.
    Jsonl,
    /// The whole alignment (texts, sentence spans, beads) as one JSON object.
    Json,
    /// Two line-aligned files `OUTPUT.de` and `OUTPUT.en` with the linked pairs (needs `--output`).
    Moses,
    /// A TMX 1.4b translation memory of the linked pairs.
    Tmx,
    /// A hunalign ladder: `german<TAB>english<TAB>confidence` at the start of every bead.
    Ladder,
}

/// Align a German text with its English reference, sentence by sentence.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Exit codes: 0 success, 1 runtime error, 2 usage error."
)]
struct Args {
    /// The files hold one sentence per line (indices are line numbers from 0).
    #[arg(long)]
    presegmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "vecalign")]
    format: Format,
    /// Print the document verdict (coverage, shapes, confidence, flags, parallel_score) as
    /// one JSON object instead of the beads.
    #[arg(long)]
    summary: bool,
    /// Write to this file instead of standard output (for `moses`: the prefix of two files).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Language of the second file (segmentation rules when not presegmented): de, en, fr, xx.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    english_lang: Lang,
    /// An aligner configuration as JSON (`satzweise::AlignerConfig`; fields not given keep
    /// their defaults; the languages come from the options).
    #[arg(long)]
    config: Option<PathBuf>,
    /// The German text.
    german: PathBuf,
    /// The English (reference) text.
    english: PathBuf,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: satzweise::Error| e.to_string())
}

fn main() -> ExitCode {
    // clap prints --help/--version and exits 0, and exits 2 on a usage error.
    let args = Args::parse();
    if args.format == Format::Moses && args.output.is_none() && !args.summary {
        eprintln!("align: usage error: --format moses writes two files and needs --output PREFIX");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("align: {error}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<(), satzweise::Error> {
    let german = satzweise::read_text_file(&args.german)?;
    let english = satzweise::read_text_file(&args.english)?;
    let config: AlignerConfig = match &args.config {
        Some(path) => {
            let text = satzweise::read_text_file(path)?;
            serde_json::from_str(&text).map_err(|e| {
                satzweise::ErrorKind::InvalidConfig(format!("{}: {e}", path.display()))
            })?
        }
        None => AlignerConfig::default(),
    };
    let aligner = Aligner::builder()
        .config(config)
        .languages(Lang::De, args.english_lang)
        .build()?;
    let (german, english) = if args.presegmented {
        (Text::from_lines(german), Text::from_lines(english))
    } else {
        (
            Text::segment(german, Lang::De),
            Text::segment(english, args.english_lang),
        )
    };
    let alignment = aligner.align_texts(german, english)?;
    write_output(&alignment, args)
}

/// Writes `alignment` in the format and to the place `args` say.
fn write_output(alignment: &Alignment, args: &Args) -> Result<(), satzweise::Error> {
    use satzweise::io;
    if args.format == Format::Moses && !args.summary {
        let prefix = args.output.as_deref().unwrap_or(Path::new("aligned"));
        let german_path = with_suffix(prefix, Lang::De.code());
        let english_path = with_suffix(prefix, args.english_lang.code());
        let mut german = create(&german_path)?;
        let mut english = create(&english_path)?;
        io::write_moses(alignment, &mut german, &mut english)
            .map_err(|e| name_sink(e, &german_path))?;
        finish(german, &german_path)?;
        return finish(english, &english_path);
    }
    let (mut out, path): (Box<dyn Write>, PathBuf) = match &args.output {
        Some(path) => (Box::new(create(path)?), path.clone()),
        None => (
            Box::new(BufWriter::new(std::io::stdout().lock())),
            PathBuf::from("<stdout>"),
        ),
    };
    if args.summary {
        let verdict = satzweise::quality::Report::new(alignment).verdict();
        serde_json::to_writer(&mut out, &verdict)
            .map_err(|e| io_error(&path, std::io::Error::other(e)))?;
        writeln!(out).map_err(|e| io_error(&path, e))?;
        return finish(out, &path);
    }
    let written = match args.format {
        Format::Vecalign => io::write_vecalign(alignment, &mut out),
        Format::Tsv => io::write_tsv(alignment, &mut out),
        Format::Jsonl => io::write_jsonl(alignment, &mut out),
        Format::Json => serde_json::to_writer(&mut out, alignment)
            .map_err(|e| io_error(&path, std::io::Error::other(e)))
            .and_then(|()| writeln!(out).map_err(|e| io_error(&path, e))),
        Format::Tmx => io::write_tmx(
            alignment,
            &mut out,
            Lang::De.code(),
            args.english_lang.code(),
        ),
        Format::Ladder => io::write_ladder(alignment, &mut out),
        Format::Moses => Ok(()),
    };
    written.map_err(|e| name_sink(e, &path))?;
    finish(out, &path)
}

fn with_suffix(prefix: &Path, suffix: &str) -> PathBuf {
    let mut name = prefix.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn create(path: &Path) -> Result<BufWriter<File>, satzweise::Error> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| io_error(path, e))
}

fn finish(mut out: impl Write, path: &Path) -> Result<(), satzweise::Error> {
    out.flush().map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, source: std::io::Error) -> satzweise::Error {
    satzweise::ErrorKind::Io {
        path: path.to_path_buf(),
        source,
    }
    .into()
}

/// The writers do not know where they write: put the file name into their I/O errors.
fn name_sink(error: satzweise::Error, path: &Path) -> satzweise::Error {
    match error.into_kind() {
        satzweise::ErrorKind::Io { path: p, source } if p.as_os_str().is_empty() => {
            io_error(path, source)
        }
        kind => kind.into(),
    }
}
