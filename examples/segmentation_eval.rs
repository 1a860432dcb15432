//! Boundary precision, recall and F1 of the segmenter on the shared gold sets.
//!
//! ```text
//! cargo run --release --example segmentation_eval -- [--data ../shared/data] [--errors]
//! ```
//!
//! **German**: `wmt21-de-segmentation/NAME.txt` (one paragraph per line) with its gold
//! `NAME.sents` (one sentence per line, a blank line between paragraphs). As the README of that
//! set says, only boundaries *inside* paragraphs are counted: line ends are given.
//!
//! **English**, built at run time, deterministically: the English side of `wmt21-de-en`
//! (`de-orig-NN.en`) is the human translation of the same German lines, one line per German
//! gold sentence (the gold of `de-orig-NN.deen` is all 1-1). The English lines are grouped into
//! paragraphs exactly as the German gold sentences are grouped in `de-orig-NN.sents`, and joined
//! with one space; a line without final punctuation (`.`, `!`, `?`, `…`, with closing quotes)
//! becomes a paragraph of its own, as headline-like lines are in the German set (WMT
//! translators sometimes leave it off where the German sentence has it). Lines that hold more than one sentence cannot serve as gold; they are left
//! out (their paragraph keeps its other lines). They are the lines listed in
//! [`ENGLISH_MULTI_SENTENCE_LINES`], found by reading every English line that has a `.`, `!`,
//! `?` or `…` (with closing quotes) followed by a space and a capital or digit inside it, and
//! keeping those a reader splits; the list is fixed, not computed by the segmenter.
//!
//! `--errors` prints every false and missed boundary with its context.
//!
//! `--wrapped DIR` also scores the German set hard-wrapped: `DIR/NAME.txt` holds the same
//! paragraphs wrapped at some width with a blank line between them, as
//! `tools/wrap_paragraphs.py` writes them (`OUT/segmentation/wW`). Boundaries are compared by
//! the number of non-space characters before them, since wrapping changes only white space;
//! again only boundaries inside gold paragraphs count.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use satzweise::{Lang, Segmenter, read_text_file};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/layout.rs"]
mod layout;
#[path = "common/sets.rs"]
mod sets;
use layout::{solid_counts, solid_len};

const USAGE: &str = "usage: segmentation_eval [--data DIR] [--errors] [--wrapped DIR ...]

Measures sentence boundary precision, recall and F1 of the segmenter on the WMT21 German
segmentation gold and the English side of wmt21-de-en.

  --data DIR   the shared data folder (default ../shared/data beside the checkout; the
               gold sets are not in the repository: see the README)
  --errors     print each wrong or missed boundary with its context
  --wrapped DIR
               also score the German set hard-wrapped: DIR/NAME.txt holds the same
               paragraphs wrapped at some width (tools/wrap_paragraphs.py); repeatable
  -h, --help   this text

Exit codes: 0 success, 1 runtime error (missing data: the message names the path),
2 usage error.
";

struct Args {
    data: PathBuf,
    errors: bool,
    /// Folders of hard-wrapped German inputs (`NAME.txt`) to score as well.
    wrapped: Vec<PathBuf>,
}

/// English lines (file, 1-based line number) that hold two or more sentences.
const ENGLISH_MULTI_SENTENCE_LINES: &[(&str, usize)] = &[
    ("de-orig-02", 79),
    ("de-orig-03", 24),
    ("de-orig-03", 62),
    ("de-orig-04", 42),
    ("de-orig-04", 71),
    ("de-orig-06", 23),
    ("de-orig-06", 46),
    ("de-orig-06", 47),
    ("de-orig-06", 52),
    ("de-orig-06", 55),
    ("de-orig-06", 61),
    ("de-orig-06", 63),
    ("de-orig-06", 71),
    ("de-orig-08", 87),
    ("de-orig-09", 5),
    ("de-orig-09", 67),
    ("de-orig-10", 80),
];

/// Errors of the German gold, found by reading every disagreement: WMT lines that hold two
/// sentences (the README names the first) and one sentence WMT cut in two. Each is the text
/// just before and just after the boundary, and whether a boundary belongs there. The figures
/// are reported on the gold as distributed and, separately, with these corrected.
const GERMAN_GOLD_ERRATA: &[(&str, &str, &str, bool)] = &[
    ("de-orig-04", "zum 130.", "Geburtstag des Gmünder", false),
    ("de-orig-06", "die Autobahn 8.", "Immer wieder", true),
    ("de-orig-08", "sein Plan B.", "Einen Tag nach Klein", true),
    ("de-orig-09", "von Tempo 30.", "Die politisch", true),
];

/// Gold: paragraphs, each a list of sentences.
type Paragraphs = Vec<Vec<String>>;

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }

    fn report(&self, name: &str) {
        let p = ratio(self.correct, self.predicted);
        let r = ratio(self.correct, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        outln!(
            "{name:<32} gold {:>5}  predicted {:>5}  correct {:>5}  P {p:.4}  R {r:.4}  F1 {f:.4}",
            self.gold,
            self.predicted,
            self.correct
        );
    }
}

/// Whether `line` ends in `.`, `!`, `?` or `…`, possibly followed by closing quotes or
/// brackets.
fn ends_with_sentence_punctuation(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '“', '’', '»', '«', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Reads a `.sents` file: sentences, blank lines between paragraphs.
fn read_paragraphs(path: &Path) -> satzweise::Result<Paragraphs> {
    let text = read_text_file(path)?;
    let mut paragraphs: Paragraphs = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else {
            paragraphs
                .last_mut()
                .expect("never empty")
                .push(line.to_owned());
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    Ok(paragraphs)
}

/// Scores the `lang` segmenter on `input`, the paragraphs of `gold` laid out in any white
/// space (one paragraph per line, or hard-wrapped with blank lines between paragraphs).
///
/// Boundaries are counted in non-space characters from the start, since a layout changes only
/// white space, and only boundaries inside gold paragraphs count. `errata` adds or removes gold
/// boundaries of file `name` (found by the text around them in `input`). With `show_errors`,
/// each false and missed boundary is printed after `label`.
fn score(
    lang: Lang,
    name: &str,
    gold: &Paragraphs,
    input: &str,
    errata: &[(&str, &str, &str, bool)],
    show_errors: Option<&str>,
) -> Counts {
    let counts = solid_counts(input);
    // Gold boundaries and paragraph ends, in non-space characters from the start.
    let mut boundaries = Vec::new();
    let mut paragraph_ends = Vec::new();
    let mut at = 0;
    for paragraph in gold {
        for (k, sentence) in paragraph.iter().enumerate() {
            at += solid_len(sentence);
            if k + 1 < paragraph.len() {
                boundaries.push(at);
            }
        }
        paragraph_ends.push(at);
    }
    for &(file, before, after, boundary) in errata {
        if file != name {
            continue;
        }
        match input.find(&format!("{before} {after}")) {
            Some(byte) => {
                let b = counts[byte + before.len()];
                if boundary {
                    boundaries.push(b);
                } else {
                    boundaries.retain(|&g| g != b);
                }
            }
            None => eprintln!("warning: erratum {before:?} not found in {name}"),
        }
    }
    boundaries.sort_unstable();
    boundaries.dedup();
    let paragraph_of = |at: u32| paragraph_ends.partition_point(|&e| e < at);
    // Predicted: the end of each sentence whose successor starts in the same paragraph.
    let sentences: Vec<_> = Segmenter::new(lang).sentences(input).collect();
    let mut predicted = Vec::new();
    for pair in sentences.windows(2) {
        let (end, next) = (counts[pair[0].end()], counts[pair[1].start()] + 1);
        if paragraph_of(end) == paragraph_of(next) {
            predicted.push(end);
        }
    }
    let correct = predicted
        .iter()
        .filter(|b| boundaries.binary_search(b).is_ok())
        .count();
    if let Some(label) = show_errors {
        let context = |at: u32| {
            let byte = counts.partition_point(|&c| c < at);
            let mut from = byte.saturating_sub(50);
            while !input.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (byte + 40).min(input.len());
            while !input.is_char_boundary(to) {
                to += 1;
            }
            format!("{}▮{}", &input[from..byte], &input[byte..to]).replace('\n', "⏎")
        };
        for &b in predicted
            .iter()
            .filter(|b| boundaries.binary_search(b).is_err())
        {
            outln!("{name}{label} false split: {}", context(b));
        }
        for &b in boundaries.iter().filter(|b| !predicted.contains(b)) {
            outln!("{name}{label} missed:      {}", context(b));
        }
    }
    Counts {
        gold: boundaries.len(),
        predicted: predicted.len(),
        correct,
    }
}

/// `paragraphs` as one line each, their sentences joined with one space.
fn one_paragraph_a_line(paragraphs: &Paragraphs) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn run(args: &Args) -> satzweise::Result<()> {
    let segmentation = args.data.join("wmt21-de-segmentation");
    let parallel = args.data.join("wmt21-de-en");
    let mut german = Counts::default();
    let mut german_corrected = Counts::default();
    let mut english = Counts::default();
    let mut wrapped = vec![Counts::default(); args.wrapped.len()];
    for n in 0..12 {
        let name = format!("de-orig-{n:02}");
        let gold = read_paragraphs(&segmentation.join(format!("{name}.sents")))?;
        // The input file must be the gold joined as the README says.
        let input = read_text_file(segmentation.join(format!("{name}.txt")))?;
        let joined: Vec<String> = gold.iter().map(|p| p.join(" ")).collect();
        if input.lines().collect::<Vec<_>>() != joined {
            eprintln!("warning: {name}.txt is not its gold joined by spaces");
        }
        let lines = one_paragraph_a_line(&gold);
        let show = args.errors.then_some("");
        german.add(score(Lang::De, &name, &gold, &lines, &[], show));
        german_corrected.add(score(
            Lang::De,
            &name,
            &gold,
            &lines,
            GERMAN_GOLD_ERRATA,
            None,
        ));
        for (dir, counts) in args.wrapped.iter().zip(&mut wrapped) {
            let input = read_text_file(dir.join(format!("{name}.txt")))?;
            let show = args.errors.then_some(" wrapped");
            counts.add(score(Lang::De, &name, &gold, &input, &[], show));
        }

        let en_text = read_text_file(parallel.join(format!("{name}.en")))?;
        let en_lines: Vec<&str> = en_text.lines().collect();
        let sizes: Vec<usize> = gold.iter().map(Vec::len).collect();
        if sizes.iter().sum::<usize>() != en_lines.len() {
            eprintln!("warning: {name}.en does not have one line per German gold sentence");
            continue;
        }
        let mut paragraphs: Paragraphs = Vec::new();
        let mut line = 0;
        for size in sizes {
            let mut paragraph = Vec::new();
            for _ in 0..size {
                line += 1;
                let multi = ENGLISH_MULTI_SENTENCE_LINES.contains(&(name.as_str(), line));
                let text = en_lines[line - 1].trim();
                if multi || text.is_empty() {
                    continue;
                }
                if ends_with_sentence_punctuation(text) {
                    paragraph.push(text.to_owned());
                } else {
                    // A line without final punctuation is a paragraph of its own, as
                    // headline-like lines are in the German set.
                    if !paragraph.is_empty() {
                        paragraphs.push(std::mem::take(&mut paragraph));
                    }
                    paragraphs.push(vec![text.to_owned()]);
                }
            }
            if !paragraph.is_empty() {
                paragraphs.push(paragraph);
            }
        }
        let lines = one_paragraph_a_line(&paragraphs);
        let show = args.errors.then_some("");
        english.add(score(Lang::En, &name, &paragraphs, &lines, &[], show));
    }
    german.report("German");
    german_corrected.report("German, gold errata corrected");
    english.report("English");
    for (dir, counts) in args.wrapped.iter().zip(&wrapped) {
        let label = dir.file_name().unwrap_or(dir.as_os_str()).to_string_lossy();
        counts.report(&format!("German, wrapped ({label})"));
    }
    Ok(())
}

fn main() -> ExitCode {
    cli::run("segmentation_eval", USAGE, |line| {
        let args = Args {
            data: line
                .value(&["--data"])?
                .map_or_else(sets::default_data, PathBuf::from),
            errors: line.flag(&["--errors"]),
            wrapped: line
                .values(&["--wrapped"])?
                .into_iter()
                .map(PathBuf::from)
                .collect(),
        };
        line.finish()?;
        sets::require(&args.data, "wmt21-de-segmentation").map_err(cli::Failure::runtime)?;
        Ok(run(&args)?)
    })
}
