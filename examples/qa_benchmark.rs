//! The QA benchmark: how well the quality flags find translation errors a reviewer looks for.
//!
//! There is no public gold for translation errors, so the benchmark is made:
//! `tools/inject_qa_errors.py` takes any 1-1 parallel text (line i of the German renders
//! line i of the English), injects errors into the German side (a number changed, a unit
//! changed, a name dropped or replaced, a negation dropped, a sentence dropped, a sentence
//! added, a sentence left untranslated, a clause dropped, two sentences swapped), and writes
//! the truth beside the texts. This example aligns each pair line by line, maps every flag
//! to the injected errors of the bead it sits on, and prints precision and recall per flag
//! kind.
//!
//! ```text
//! python3 tools/inject_qa_errors.py /tmp/satzweise-qa            # wmt21-de-en, seed 13
//! python3 tools/inject_qa_errors.py --seed 7 MY_DIR /tmp/my-qa     # any NAME.de/NAME.en pairs
//! cargo run --release --example qa_benchmark -- /tmp/satzweise-qa
//! cargo run --release --example qa_benchmark -- /tmp/satzweise-qa --show name_one_side
//! ```
//!
//! `--show KIND` also prints every flag of one kind that is not right (false alarms, flags
//! on other errors and on the original's differences, each with its reason) and the errors
//! of its kind that it missed. `--reorder` aligns with the reorder pass on.
//!
//! How a flag counts (see `--help` for the full table): *right* when its bead holds a line
//! of an injected error of the kind the flag is meant to find (number mismatch: a changed
//! number; unit mismatch: a changed unit; name on one side: a changed or dropped name;
//! negation: a dropped "nicht" or a "kein" made "ein"; omission: a dropped sentence;
//! addition: an added sentence; untranslated: an untranslated sentence; unusual length: a
//! dropped clause; reordered: a swap); *explained* when its bead holds a dropped clause,
//! dropped sentence or added sentence whose text has the number, name or negation the flag
//! names; *on other errors* when its bead holds another injected error that does not explain
//! it; *real in original* when the original pair (`NAME.orig.de`) raises the same kind on
//! the line and `tools/qa_original_verdicts.tsv` judges that difference of the original
//! translation real (a converted unit, a name left out). Every other flag is a false alarm,
//! the original's differences judged `lexical` (the same content said otherwise) or not
//! judged at all included: on a source other than wmt21-de-en, where nothing is judged,
//! every flag the original pair raises counts against precision. `precision` is (right +
//! explained + real in original) / flags; `precision, any error` counts the flags on other
//! errors for. The swap is also listed, with every other error, as found when any flag or a
//! confidence below 0.5 marks its bead.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use satzweise::quality::{Flag, FlagKind, Report};
use satzweise::{Aligner, Text};

#[path = "common/cli.rs"]
mod cli;

/// One injected error: its kind and its lines on each side.
struct Truth {
    kind: String,
    german: Vec<usize>,
    english: Vec<usize>,
    /// The German text the error removed or added (a dropped clause or sentence, an added
    /// sentence), or what it changed.
    detail: String,
}

fn indices(field: &str) -> Vec<usize> {
    field
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

fn read_truth(path: &Path) -> Result<Vec<Truth>, String> {
    let text = satzweise::read_text_file(path).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, german, english, rest @ ..] = fields.as_slice() else {
            return Err(format!(
                "{}:{}: not kind, german, english",
                path.display(),
                k + 1
            ));
        };
        out.push(Truth {
            kind: (*kind).to_string(),
            german: indices(german),
            english: indices(english),
            detail: rest.first().map_or_else(String::new, |d| (*d).to_string()),
        });
    }
    Ok(out)
}

/// The injected error kind a flag kind is meant to find.
fn target(kind: FlagKind) -> Option<&'static str> {
    Some(match kind {
        FlagKind::NumberMismatch => "number",
        FlagKind::NameOneSide => "name",
        FlagKind::Omission => "dropped",
        FlagKind::Addition => "added",
        FlagKind::LengthRatio => "clause",
        FlagKind::Untranslated => "untranslated",
        FlagKind::UnitMismatch => "unit",
        FlagKind::Negation => "negation",
        FlagKind::Reordered => "swapped",
        _ => return None,
    })
}

/// German words that negate, as the benchmark's own judge of whether a dropped clause took a
/// negation with it. Kept apart from the checker's list in `src/quality/negation.rs` on
/// purpose (the benchmark must not grade the checker by the checker's own words); it holds
/// the common words only, so it errs towards calling a negation flag unexplained.
const NEGATIONS: &[&str] = &[
    "nicht",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "keinerlei",
    "nie",
    "niemals",
    "niemand",
    "nichts",
    "weder",
];

/// Whether an injected error of another kind than the flag's target makes the very
/// difference the flag names: a dropped clause or sentence, or an added sentence, whose German
/// text holds one of the flag's numbers or its name, or a negation for a negation flag (a
/// dropped clause that took "28" with it makes the number flag on its bead right).
fn explains(truth: &Truth, flag: &Flag) -> bool {
    if !matches!(truth.kind.as_str(), "clause" | "dropped" | "added") {
        return false;
    }
    let text = truth.detail.to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_number = |item: &String| {
        let digits: String = item
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        !digits.is_empty() && words.iter().any(|w| w.contains(digits.as_str()))
    };
    match flag {
        Flag::NumberMismatch { german, english } => german.iter().chain(english).any(has_number),
        Flag::NameOneSide { name, .. } => {
            let name = name.to_lowercase();
            let stem: String = name.chars().take(5).collect();
            words.iter().any(|w| w.starts_with(stem.as_str()))
        }
        Flag::Negation { .. } => words.iter().any(|w| NEGATIONS.contains(w)),
        _ => false,
    }
}

/// A line's key in the verdicts file: the 64-bit FNV-1a hash of its bytes, in hex (the file
/// names lines by hash so that it holds none of the data's text).
fn line_key(line: &str) -> String {
    let hash = line.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The verdicts on the differences the original translations already have: (flag kind,
/// English line key) → verdict (`real`, `lexical` or `notation`), read from a TSV file with
/// the columns kind, verdict, [`line_key`] of the English line, note.
fn read_verdicts(path: &Path) -> Result<HashMap<(String, String), String>, String> {
    let text = satzweise::read_text_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = HashMap::new();
    for (k, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, verdict, english, ..] = fields.as_slice() else {
            return Err(format!(
                "{}:{}: not kind, verdict, English line key",
                path.display(),
                k + 1
            ));
        };
        if !matches!(*verdict, "real" | "lexical" | "notation") {
            return Err(format!(
                "{}:{}: verdict {verdict:?} is none of real, lexical, notation",
                path.display(),
                k + 1
            ));
        }
        out.insert(
            ((*kind).to_string(), (*english).to_string()),
            (*verdict).to_string(),
        );
    }
    Ok(out)
}

#[derive(Default)]
struct Counts {
    flags: usize,
    right: usize,
    explained: usize,
    other_error: usize,
    original_real: usize,
    original_other: usize,
}

const USAGE: &str = "usage: qa_benchmark [--show KIND] [--verdicts FILE] [--list-original]
                    [--reorder] [--config JSON] [DIR]

Aligns every pair of a QA benchmark made by tools/inject_qa_errors.py (default folder
/tmp/satzweise-qa) and prints the precision and recall of each flag kind against the
injected errors.

How a flag counts (each flag is counted once, in the first class that fits):
  right               its bead holds a line of an injected error of the kind the flag is
                      meant to find (number_mismatch: a changed number, name_one_side: a
                      changed or dropped name, negation: a dropped negation, omission: a
                      dropped sentence, addition: an added sentence, untranslated: English
                      copied, unit_mismatch: a changed unit, length_ratio: a dropped clause,
                      reordered: two swapped sentences)
  explained           its bead holds a dropped clause, dropped sentence or added sentence
                      whose German text has the number or name the flag names (or a
                      negation, for a negation flag): the flag names the injected difference
  on other errors     its bead holds another injected error that does not explain it (a
                      swap aligned across): a reviewer finds a problem, not the one named
  real in original    no injected error, but the original pair (NAME.orig.de) raises the
                      same kind on the line and the verdicts file judges that difference
                      of the original translation `real` (a number that really differs or
                      is missing, a value converted to other units, a name left out)
  false alarms        everything else, including flags the original pair raises too whose
                      difference is judged `lexical` (the same value in a word the checker
                      cannot read: \"Sechzig\" for 1860), `notation` (a notation the checker
                      should read) or not judged at all (column \"original, not real\")
  precision           (right + explained + real in original) / flags
  precision, any error  the same with the flags on other errors counted for
  recall              the injected errors of the kind with a flag of the kind on their bead

  --show KIND      also print every flag of one kind that is not right (false alarms,
                   flags on other errors and on the original's differences, with their
                   reasons) and the errors of its kind that it missed
  --verdicts FILE  the verdicts on the original translations' differences (TSV: kind,
                   verdict, key of the English line (FNV-1a 64 of its bytes, hex), note;
                   default tools/qa_original_verdicts.tsv of the crate, judged by hand on
                   ../shared/data/wmt21-de-en; on other texts no difference is judged and
                   every flag of the original counts as a false alarm)
  --list-original  print the original pairs' flags that no verdict judges, as verdict
                   lines to fill in (kind, `?`, line key, NAME:LINE and reason), instead
                   of the tables
  --reorder        align with the reorder pass on (`reorder.enabled`)
  --config JSON    an aligner configuration file (satzweise::AlignerConfig as JSON)
  -h, --help       this text

Exit codes: 0 success, 1 runtime error (no benchmark in DIR), 2 usage error.
";

/// What the run is asked for.
struct Options {
    show: Option<String>,
    verdicts: PathBuf,
    list_original: bool,
    reorder: bool,
    config: satzweise::AlignerConfig,
}

fn main() -> ExitCode {
    cli::run("qa_benchmark", USAGE, |args| {
        let show = args.value(&["--show"])?;
        let verdicts = args.value(&["--verdicts"])?.map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/qa_original_verdicts.tsv"),
            PathBuf::from,
        );
        let list_original = args.flag(&["--list-original"]);
        let reorder = args.flag(&["--reorder"]);
        let config = match args.value(&["--config"])? {
            Some(path) => {
                let text = satzweise::read_text_file(Path::new(&path))
                    .map_err(|e| cli::Failure::runtime(format!("{path}: {e}")))?;
                serde_json::from_str(&text)
                    .map_err(|e| cli::Failure::runtime(format!("{path}: {e}")))?
            }
            None => satzweise::AlignerConfig::default(),
        };
        let dir = args
            .operands(0, 1)?
            .pop()
            .map_or_else(|| PathBuf::from("/tmp/satzweise-qa"), PathBuf::from);
        let options = Options {
            show,
            verdicts,
            list_original,
            reorder,
            config,
        };
        run(&dir, &options)
    })
}

/// Prints one flag of a bead with the bead's text, under `--show`.
fn print_flag(name: &str, b: &satzweise::quality::CheckedBead<'_, '_>, why: &str, flag: &Flag) {
    outln!(
        "{name} {:?}:{:?}{why}: {}\n    {}\n    {}",
        b.bead().german().to_usize(),
        b.bead().english().to_usize(),
        flag.reason(),
        b.bead().german_text(),
        b.bead().english_text()
    );
}

fn run(dir: &Path, options: &Options) -> Result<(), cli::Failure> {
    let show = options.show.as_deref();
    let verdicts = if options.verdicts.exists() {
        read_verdicts(&options.verdicts).map_err(cli::Failure::runtime)?
    } else {
        HashMap::new()
    };
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".truth.tsv").map(str::to_owned)
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    if names.is_empty() {
        return Err(cli::Failure::runtime(format!(
            "no NAME.truth.tsv in {}; make the benchmark first:\n    python3 tools/inject_qa_errors.py {}",
            dir.display(),
            dir.display()
        )));
    }
    let mut config = options.config.clone();
    config.reorder.enabled |= options.reorder;
    let aligner = Aligner::from_config(config).map_err(cli::Failure::runtime)?;
    let mut by_flag: BTreeMap<FlagKind, Counts> = BTreeMap::new();
    // Per injected kind: (errors, found).
    let mut by_error: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // Per injected kind: errors found by any flag or a confidence below 0.5.
    let mut by_error_any: BTreeMap<String, usize> = BTreeMap::new();
    let mut unjudged: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut lines = 0;
    for name in &names {
        let base = dir.join(name);
        let read = |ext: &str| satzweise::read_text_file(base.with_extension(ext));
        let (german, english, mut truth) = match (
            read("de"),
            read("en"),
            read_truth(&dir.join(format!("{name}.truth.tsv"))),
        ) {
            (Ok(g), Ok(e), Ok(t)) => (g, e, t),
            (g, e, t) => {
                eprintln!(
                    "qa_benchmark: {name}: {:?} {:?} {:?}",
                    g.err(),
                    e.err(),
                    t.err()
                );
                continue;
            }
        };
        // An added sentence's text is the German line itself.
        let german_lines: Vec<&str> = german.lines().collect();
        for t in &mut truth {
            if t.kind == "added" {
                t.detail = t
                    .german
                    .iter()
                    .filter_map(|&g| german_lines.get(g))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        let english_lines: Vec<String> = english.lines().map(str::to_string).collect();
        let alignment = match aligner.align_texts(
            Text::from_lines(german.clone()),
            Text::from_lines(english.clone()),
        ) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("qa_benchmark: {name}: {e}");
                continue;
            }
        };
        lines += alignment.english_text().len();
        // (kind, English line) of the flags the original pair already raises, with a reason.
        let mut original: HashMap<(FlagKind, usize), String> = HashMap::new();
        if let Ok(orig) = read("orig.de")
            && let Ok(clean) =
                aligner.align_texts(Text::from_lines(orig), Text::from_lines(english.clone()))
        {
            for b in Report::new(&clean).beads() {
                for f in b.flags() {
                    for e in b.bead().english().to_usize() {
                        original.insert((f.kind(), e), f.reason());
                    }
                }
            }
        }
        let report = Report::new(&alignment);
        let beads: Vec<_> = report.beads().collect();
        let touches = |truth: &Truth, b: &satzweise::quality::CheckedBead<'_, '_>| {
            let bead = b.bead();
            truth
                .german
                .iter()
                .any(|g| bead.german().to_usize().contains(g))
                || truth
                    .english
                    .iter()
                    .any(|e| bead.english().to_usize().contains(e))
        };
        for b in &beads {
            for flag in b.flags() {
                let counts = by_flag.entry(flag.kind()).or_default();
                counts.flags += 1;
                let wanted = target(flag.kind());
                let here: Vec<&Truth> = truth.iter().filter(|t| touches(t, b)).collect();
                let shown = show == Some(flag.kind().name());
                if here.iter().any(|t| Some(t.kind.as_str()) == wanted) {
                    counts.right += 1;
                } else if here.iter().any(|t| explains(t, flag)) {
                    counts.explained += 1;
                } else if !here.is_empty() {
                    counts.other_error += 1;
                    if shown {
                        let kinds: Vec<&str> = here.iter().map(|t| t.kind.as_str()).collect();
                        print_flag(name, b, &format!(" (on {})", kinds.join(", ")), flag);
                    }
                } else {
                    let in_original: Vec<usize> = b
                        .bead()
                        .english()
                        .to_usize()
                        .filter(|&e| original.contains_key(&(flag.kind(), e)))
                        .collect();
                    let verdict = in_original.iter().find_map(|&e| {
                        let line = english_lines.get(e)?;
                        verdicts.get(&(flag.kind().name().to_string(), line_key(line)))
                    });
                    match verdict.map(String::as_str) {
                        Some("real") => counts.original_real += 1,
                        _ if !in_original.is_empty() => {
                            counts.original_other += 1;
                            if verdict.is_none() {
                                for &e in &in_original {
                                    if let Some(line) = english_lines.get(e) {
                                        unjudged.insert(
                                            (flag.kind().name().to_string(), line_key(line)),
                                            format!("{name}:{e} {}", original[&(flag.kind(), e)]),
                                        );
                                    }
                                }
                            }
                            if shown {
                                let why = match verdict {
                                    Some(v) => format!(" (in the original, judged {v})"),
                                    None => " (in the original, not judged)".to_string(),
                                };
                                print_flag(name, b, &why, flag);
                            }
                        }
                        _ if shown => print_flag(name, b, "", flag),
                        _ => {}
                    }
                }
            }
        }
        for t in &truth {
            let entry = by_error.entry(t.kind.clone()).or_default();
            entry.0 += 1;
            let named_by = FlagKind::ALL
                .iter()
                .copied()
                .find(|&k| target(k) == Some(t.kind.as_str()));
            let found = beads
                .iter()
                .filter(|b| touches(t, b))
                .any(|b| match named_by {
                    Some(kind) => b.flags().iter().any(|f| f.kind() == kind),
                    None => !b.flags().is_empty() || b.confidence() < 0.5,
                });
            entry.1 += usize::from(found);
            let marked = beads
                .iter()
                .filter(|b| touches(t, b))
                .any(|b| !b.flags().is_empty() || b.confidence() < 0.5);
            *by_error_any.entry(t.kind.clone()).or_default() += usize::from(marked);
            if !found && named_by.is_some_and(|k| show == Some(k.name())) {
                for b in beads.iter().filter(|b| touches(t, b)) {
                    outln!(
                        "{name} missed {}: {:?}:{:?}\n    {}\n    {}",
                        t.kind,
                        b.bead().german().to_usize(),
                        b.bead().english().to_usize(),
                        b.bead().german_text(),
                        b.bead().english_text()
                    );
                }
            }
        }
    }
    if options.list_original {
        for ((kind, line), reason) in &unjudged {
            outln!("{kind}\t?\t{line}\t{reason}");
        }
        return Ok(());
    }
    let share = |a: usize, b: usize| {
        if b == 0 {
            f64::NAN
        } else {
            a as f64 / b as f64
        }
    };
    outln!(
        "# QA benchmark: {} ({} pairs, {lines} English lines)\n",
        dir.display(),
        names.len()
    );
    outln!(
        "| flag | flags | right | explained | on other errors | real in original | original, not real | false alarms | precision | precision, any error | errors of its kind | found | recall |"
    );
    outln!(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for kind in FlagKind::ALL {
        let c = by_flag.remove(&kind).unwrap_or_default();
        let (errors, found) = target(kind)
            .and_then(|t| by_error.get(t).copied())
            .unwrap_or((0, 0));
        let good = c.right + c.explained + c.original_real;
        let false_alarms = c.flags - good - c.other_error;
        outln!(
            "| {kind} | {} | {} | {} | {} | {} | {} | {false_alarms} | {:.3} | {:.3} | {errors} | {found} | {:.3} |",
            c.flags,
            c.right,
            c.explained,
            c.other_error,
            c.original_real,
            c.original_other,
            share(good, c.flags),
            share(good + c.other_error, c.flags),
            share(found, errors)
        );
    }
    outln!(
        "\nEvery injected error, found when any flag or a confidence below 0.5 marks its bead:\n"
    );
    outln!("| error | errors | found | recall |\n| --- | ---: | ---: | ---: |");
    for (kind, (errors, _)) in &by_error {
        let found = by_error_any.get(kind).copied().unwrap_or(0);
        outln!(
            "| {kind} | {errors} | {found} | {:.3} |",
            share(found, *errors)
        );
    }
    Ok(())
}
