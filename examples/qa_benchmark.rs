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
//! `--show KIND` also prints the false alarms of one flag kind, its flags on beads of other
//! injected errors (with their kinds), each with its reason, and the errors of its kind that
//! it missed.
//!
//! A flag counts as *right* when its bead holds a line of an injected error of the kind the
//! flag is meant to find (number mismatch: a changed number; unit mismatch: a changed unit;
//! name on one side: a changed or dropped name; negation: a dropped "nicht" or a "kein"
//! made "ein"; omission: a dropped sentence; addition: an added sentence; untranslated: an
//! untranslated sentence; unusual length: a dropped clause). A flag on a line with an error
//! of another kind is counted apart (`on other errors`): a reviewer who follows it finds a
//! real problem, but not the one the flag names (a dropped clause may take a name or a
//! "nicht" with it). `precision` counts those against the flag, `precision, any error` for
//! it. Flags on lines whose bead the original pair flags as well are `already in the
//! original` (differences of the original translation) and count neither way; the other
//! flags are false alarms. The swap has no flag kind of its own: it is reported as found
//! when any flag or a confidence below 0.5 marks its bead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use satzweise::quality::{FlagKind, Report};
use satzweise::{Aligner, Text};

#[path = "common/cli.rs"]
mod cli;

/// One injected error: its kind and its lines on each side.
struct Truth {
    kind: String,
    german: Vec<usize>,
    english: Vec<usize>,
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
        let [kind, german, english, ..] = fields.as_slice() else {
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
        _ => return None,
    })
}

#[derive(Default)]
struct Counts {
    flags: usize,
    right: usize,
    other_error: usize,
    original: usize,
}

const USAGE: &str = "usage: qa_benchmark [--show KIND] [DIR]

Aligns every pair of a QA benchmark made by tools/inject_qa_errors.py (default folder
/tmp/satzweise-qa) and prints the precision and recall of each flag kind against the
injected errors.

  --show KIND   also print the false alarms of one flag kind, its flags on beads
                of other errors (with their reasons) and the errors it missed
  -h, --help    this text

Exit codes: 0 success, 1 runtime error (no benchmark in DIR), 2 usage error.
";

fn main() -> ExitCode {
    cli::run("qa_benchmark", USAGE, |args| {
        let show = args.value(&["--show"])?;
        let dir = args
            .operands(0, 1)?
            .pop()
            .map_or_else(|| PathBuf::from("/tmp/satzweise-qa"), PathBuf::from);
        run(&dir, show)
    })
}

fn run(dir: &Path, show: Option<String>) -> Result<(), cli::Failure> {
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
    let aligner = Aligner::new();
    let mut by_flag: BTreeMap<FlagKind, Counts> = BTreeMap::new();
    // Per injected kind: (errors, found).
    let mut by_error: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut lines = 0;
    for name in &names {
        let base = dir.join(name);
        let read = |ext: &str| satzweise::read_text_file(base.with_extension(ext));
        let (german, english, truth) = match (
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
        let alignment =
            match aligner.align_texts(Text::from_lines(german), Text::from_lines(english)) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("qa_benchmark: {name}: {e}");
                    continue;
                }
            };
        lines += alignment.english_text().len();
        // (kind, English line) of the flags the original pair already raises.
        let mut original: std::collections::HashSet<(FlagKind, usize)> = Default::default();
        if let Ok(orig) = read("orig.de") {
            let english = read("en").unwrap_or_default();
            if let Ok(clean) =
                aligner.align_texts(Text::from_lines(orig), Text::from_lines(english))
            {
                for b in Report::new(&clean).beads() {
                    for f in b.flags() {
                        for e in b.bead().english().to_usize() {
                            original.insert((f.kind(), e));
                        }
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
                if here.iter().any(|t| Some(t.kind.as_str()) == wanted) {
                    counts.right += 1;
                } else if !here.is_empty() {
                    counts.other_error += 1;
                    if show.as_deref() == Some(flag.kind().name()) {
                        let kinds: Vec<&str> = here.iter().map(|t| t.kind.as_str()).collect();
                        outln!(
                            "{name} {:?}:{:?} (on {}): {}\n    {}\n    {}",
                            b.bead().german().to_usize(),
                            b.bead().english().to_usize(),
                            kinds.join(", "),
                            flag.reason(),
                            b.bead().german_text(),
                            b.bead().english_text()
                        );
                    }
                } else if b
                    .bead()
                    .english()
                    .to_usize()
                    .any(|e| original.contains(&(flag.kind(), e)))
                {
                    counts.original += 1;
                } else if show.as_deref() == Some(flag.kind().name()) {
                    outln!(
                        "{name} {:?}:{:?}: {}\n    {}\n    {}",
                        b.bead().german().to_usize(),
                        b.bead().english().to_usize(),
                        flag.reason(),
                        b.bead().german_text(),
                        b.bead().english_text()
                    );
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
            if !found && named_by.is_some_and(|k| show.as_deref() == Some(k.name())) {
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
        "| flag | flags | right | on other errors | already in the original | false alarms | precision | precision, any error | errors of its kind | found | recall |"
    );
    outln!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for kind in FlagKind::ALL {
        let c = by_flag.get(&kind).map_or((0, 0, 0, 0), |c| {
            (c.flags, c.right, c.other_error, c.original)
        });
        let (errors, found) = target(kind)
            .and_then(|t| by_error.get(t).copied())
            .unwrap_or((0, 0));
        outln!(
            "| {kind} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {errors} | {found} | {:.3} |",
            c.0,
            c.1,
            c.2,
            c.3,
            c.0 - c.1 - c.2 - c.3,
            share(c.1, c.0 - c.3),
            share(c.1 + c.2, c.0 - c.3),
            share(found, errors)
        );
    }
    outln!(
        "\nErrors no flag kind names, found when any flag or a confidence below 0.5 marks their bead:\n"
    );
    outln!("| error | errors | found | recall |\n| --- | ---: | ---: | ---: |");
    for (kind, (errors, found)) in &by_error {
        if FlagKind::ALL
            .iter()
            .any(|&k| target(k) == Some(kind.as_str()))
        {
            continue;
        }
        outln!(
            "| {kind} | {errors} | {found} | {:.3} |",
            share(*found, *errors)
        );
    }
    Ok(())
}
