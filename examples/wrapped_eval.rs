//! Alignment of paragraph-layout and hard-wrapped text against the WMT line gold.
//!
//! ```text
//! python3 tools/wrap_paragraphs.py --out /tmp/wrapped
//! cargo run --release --example wrapped_eval -- [--inputs /tmp/wrapped] [--data ../shared/data] [--line-breaks auto|paragraph|line]
//! ```
//!
//! The inputs are built by `tools/wrap_paragraphs.py` from `wmt21-de-en`: the gold lines of a
//! chunk grouped into paragraphs (`para`), and the same paragraphs wrapped at W columns on both
//! sides (`wW`), on the German side only (`wW-de`) or on the English side only (`wW-en`).
//! Each input is segmented (the layout as `--line-breaks` says, by default read from the
//! text) and aligned with the default aligner.
//!
//! Each gold line is found in the input by counting non-space characters (wrapping only
//! changes white space). Per layout the example prints
//! - **exact**: the share of the aligner's beads whose German side is exactly one gold line
//!   and whose English side is exactly the same line's translation (gold beads are all 1-1);
//! - **recall**: the share of gold beads found so;
//! - **fragments**: beads with a side that does not start and end on a boundary of a gold
//!   line or of a sentence the segmenter finds in the paragraph layout (`para`; positions
//!   compared by non-space characters), that is a piece of a sentence cut at a line break;
//!   the number of them with confidence ≥ 0.9 and the highest such confidence;
//! - **pieces**: sentences (either side) that do not start and end on such a boundary (a
//!   sentence cut at a line break, even when the aligner put the pieces back together);
//! - **cross**: beads that cross a paragraph boundary on one side only;
//! - the layout the segmenter chose for each side (documents read as paragraphs / all).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use satzweise::{Aligner, Lang, LineBreaks, Segmenter, Text, read_text_file};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/layout.rs"]
mod layout;
#[path = "common/sets.rs"]
mod sets;
use layout::solid_counts;

const USAGE: &str = "usage: wrapped_eval [--inputs DIR] [--data DIR] [--line-breaks MODE] [--show]

Measures alignment on paragraph-layout and hard-wrapped versions of the WMT21 de-en gold
(build the inputs first: python3 tools/wrap_paragraphs.py --out /tmp/wrapped).

  --inputs DIR        the folder tools/wrap_paragraphs.py wrote (default /tmp/wrapped)
  --data DIR          the shared data folder (default ../shared/data beside the checkout)
  --line-breaks MODE  what a line break means: auto (default), paragraph or line
  --show              print every fragment bead
  -h, --help          this text

Exit codes: 0 success, 1 runtime error (missing data or inputs), 2 usage error.
";

/// `println!` that ends the program quietly when standard output is closed (`| head`).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// What to measure.
struct Args {
    /// The folder `tools/wrap_paragraphs.py` wrote.
    inputs: PathBuf,
    /// The shared data folder (for the gold lines).
    data: PathBuf,
    /// What a line break means: auto (read from each text), paragraph or line.
    line_breaks: LineBreaks,
    /// Print every fragment bead.
    show: bool,
}

/// Byte ranges of the gold lines in `input`, found by counting non-space characters.
fn locate(lines: &[&str], input: &str) -> Option<Vec<(usize, usize)>> {
    let mut chars = input.char_indices().filter(|(_, c)| !c.is_whitespace());
    let mut ranges = Vec::with_capacity(lines.len());
    for line in lines {
        let mut start = None;
        let mut end = None;
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            let (at, found) = chars.next()?;
            if found != c {
                return None;
            }
            start.get_or_insert(at);
            end = Some(at + found.len_utf8());
        }
        let at = start.unwrap_or(ranges.last().map_or(0, |r: &(usize, usize)| r.1));
        ranges.push((at, end.unwrap_or(at)));
    }
    Some(ranges)
}

#[derive(Default)]
struct Tally {
    beads: usize,
    gold: usize,
    exact: usize,
    fragments: usize,
    confident_fragments: usize,
    /// Beads that cross a paragraph boundary on one side only.
    one_sided_crossings: usize,
    /// Sentences (either side) that are pieces of a reference sentence or gold line.
    pieces: usize,
    max_fragment_confidence: f64,
    documents: usize,
    german_paragraph: usize,
    english_paragraph: usize,
}

/// Sentence starts and ends (in non-space characters) of the paragraph layout of one side.
fn reference_boundaries(path: &Path, lang: Lang) -> satzweise::Result<(Vec<u32>, Vec<u32>)> {
    let text = read_text_file(path)?;
    let counts = solid_counts(&text);
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    for sentence in Segmenter::new(lang).sentences(&text) {
        starts.push(counts[sentence.start()]);
        ends.push(counts[sentence.end()]);
    }
    Ok((starts, ends))
}

fn span_of(text: &Text, run: std::ops::Range<usize>) -> Option<(usize, usize)> {
    if run.is_empty() {
        return None;
    }
    Some((text.span(run.start)?.start, text.span(run.end - 1)?.end))
}

fn evaluate(
    args: &Args,
    layout: &str,
    aligner: &Aligner,
    tally: &mut Tally,
) -> satzweise::Result<()> {
    let gold_dir = args.data.join("wmt21-de-en");
    let dir = args.inputs.join("align").join(layout);
    let mut names: Vec<String> = std::fs::read_dir(gold_dir.as_path())
        .map_err(|e| satzweise::ErrorKind::Io {
            path: gold_dir.clone(),
            source: e,
        })?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".deen").map(str::to_owned))
        .collect();
    names.sort();
    for name in names {
        let gold_de = read_text_file(gold_dir.join(format!("{name}.de")))?;
        let gold_en = read_text_file(gold_dir.join(format!("{name}.en")))?;
        let input_de = read_text_file(dir.join(format!("{name}.de")))?;
        let input_en = read_text_file(dir.join(format!("{name}.en")))?;
        let lines_de: Vec<&str> = gold_de.lines().collect();
        let lines_en: Vec<&str> = gold_en.lines().collect();
        let (Some(at_de), Some(at_en)) =
            (locate(&lines_de, &input_de), locate(&lines_en, &input_en))
        else {
            eprintln!("warning: {layout}/{name} does not hold its gold lines; skipped");
            continue;
        };
        let para = args.inputs.join("align").join("para");
        let mut reference_de = reference_boundaries(&para.join(format!("{name}.de")), Lang::De)?;
        let mut reference_en = reference_boundaries(&para.join(format!("{name}.en")), Lang::En)?;
        let (counts_de, counts_en) = (solid_counts(&input_de), solid_counts(&input_en));
        for (reference, at, counts) in [
            (&mut reference_de, &at_de, &counts_de),
            (&mut reference_en, &at_en, &counts_en),
        ] {
            reference.0.extend(at.iter().map(|r| counts[r.0]));
            reference.1.extend(at.iter().map(|r| counts[r.1]));
            reference.0.sort_unstable();
            reference.1.sort_unstable();
        }
        let segment_de = Segmenter::new(Lang::De).line_breaks(args.line_breaks);
        let segment_en = Segmenter::new(Lang::En).line_breaks(args.line_breaks);
        tally.documents += 1;
        tally.german_paragraph +=
            usize::from(segment_de.layout_of(&input_de) == LineBreaks::Paragraph);
        tally.english_paragraph +=
            usize::from(segment_en.layout_of(&input_en) == LineBreaks::Paragraph);
        let german = Text::segment_with(input_de, &segment_de);
        let english = Text::segment_with(input_en, &segment_en);
        let alignment = aligner.align_texts(german, english)?;
        let whole = |reference: &(Vec<u32>, Vec<u32>), counts: &[u32], (s, e): (usize, usize)| {
            reference.0.binary_search(&counts[s]).is_ok()
                && reference.1.binary_search(&counts[e]).is_ok()
        };
        tally.gold += lines_de.len();
        for (text, reference, counts) in [
            (alignment.german_text(), &reference_de, &counts_de),
            (alignment.english_text(), &reference_en, &counts_en),
        ] {
            tally.pieces += text
                .spans()
                .filter(|s| !whole(reference, counts, (s.start, s.end)))
                .count();
        }
        for bead in alignment.beads() {
            tally.beads += 1;
            let de = span_of(alignment.german_text(), bead.german().to_usize());
            let en = span_of(alignment.english_text(), bead.english().to_usize());
            let crosses = |text: &Text, run: std::ops::Range<usize>| {
                run.len() > 1
                    && text.span(run.start).map(|s| s.paragraph)
                        != text.span(run.end - 1).map(|s| s.paragraph)
            };
            let (de_crosses, en_crosses) = (
                crosses(alignment.german_text(), bead.german().to_usize()),
                crosses(alignment.english_text(), bead.english().to_usize()),
            );
            tally.one_sided_crossings += usize::from(de_crosses != en_crosses);
            if args.show && de_crosses != en_crosses {
                say!(
                    "{layout}/{name} one-sided paragraph crossing {:?}:{:?}: {:?} | {:?}",
                    bead.german(),
                    bead.english(),
                    bead.german_text(),
                    bead.english_text()
                );
            }
            let exact = match (de, en) {
                (Some(d), Some(e)) => at_de
                    .iter()
                    .zip(&at_en)
                    .any(|(gd, ge)| *gd == d && *ge == e),
                _ => false,
            };
            tally.exact += usize::from(exact);
            let fragment = de.is_some_and(|d| !whole(&reference_de, &counts_de, d))
                || en.is_some_and(|e| !whole(&reference_en, &counts_en, e));
            if fragment {
                tally.fragments += 1;
                let confidence = bead.confidence();
                tally.max_fragment_confidence = tally.max_fragment_confidence.max(confidence);
                tally.confident_fragments += usize::from(confidence >= 0.9);
                if args.show {
                    say!(
                        "{layout}/{name} fragment {confidence:.3}: {:?} | {:?}",
                        bead.german_text(),
                        bead.english_text()
                    );
                }
            }
        }
    }
    Ok(())
}

fn run(args: &Args) -> satzweise::Result<()> {
    if !args.inputs.join("align").join("para").is_dir() {
        return Err(satzweise::ErrorKind::InvalidConfig(format!(
            "{} has no align/para: run `python3 tools/wrap_paragraphs.py --out {}` first",
            args.inputs.display(),
            args.inputs.display()
        ))
        .into());
    }
    let aligner = Aligner::builder().languages(Lang::De, Lang::En).build()?;
    let mut layouts = vec!["para".to_owned()];
    let mut widths: Vec<String> = std::fs::read_dir(args.inputs.join("align"))
        .map_err(|e| satzweise::ErrorKind::Io {
            path: args.inputs.clone(),
            source: e,
        })?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with('w'))
        .collect();
    widths.sort_by_key(|n| (n.len(), n.clone()));
    layouts.extend(widths);
    say!(
        "{:<8} {:>6} {:>6} {:>8} {:>8} {:>10} {:>6} {:>6} {:>6} {:>6}  layout de / en",
        "input",
        "beads",
        "gold",
        "exact",
        "recall",
        "fragments",
        "≥0.9",
        "max",
        "pieces",
        "cross"
    );
    let mut baseline = None;
    for layout in &layouts {
        let mut tally = Tally::default();
        evaluate(args, layout, &aligner, &mut tally)?;
        let exact = tally.exact as f64 / tally.beads.max(1) as f64;
        let recall = tally.exact as f64 / tally.gold.max(1) as f64;
        let delta = match baseline {
            None => {
                baseline = Some(exact);
                String::new()
            }
            Some(b) => format!(" ({:+.2} pt)", 100.0 * (exact - b)),
        };
        say!(
            "{layout:<8} {:>6} {:>6} {:>7.2}% {:>7.2}% {:>10} {:>6} {:>6.3} {:>6} {:>6}  paragraph {}/{} / {}/{}{delta}",
            tally.beads,
            tally.gold,
            100.0 * exact,
            100.0 * recall,
            tally.fragments,
            tally.confident_fragments,
            tally.max_fragment_confidence,
            tally.pieces,
            tally.one_sided_crossings,
            tally.german_paragraph,
            tally.documents,
            tally.english_paragraph,
            tally.documents,
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    cli::run("wrapped_eval", USAGE, |line| {
        let args = Args {
            inputs: line
                .value(&["--inputs"])?
                .map_or_else(|| PathBuf::from("/tmp/wrapped"), PathBuf::from),
            data: line
                .value(&["--data"])?
                .map_or_else(sets::default_data, PathBuf::from),
            line_breaks: line.parsed(&["--line-breaks"])?.unwrap_or_default(),
            show: line.flag(&["--show"]),
        };
        line.finish()?;
        sets::require(&args.data, "wmt21-de-en").map_err(cli::Failure::runtime)?;
        Ok(run(&args)?)
    })
}
