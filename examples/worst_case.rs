//! The search's worst cases, each generated at a given size and measured in its own process:
//! CPU time, peak memory, time per sentence, both against clean WMT text of the same size,
//! and for the omission cases how much of the gap was found.
//!
//! ```text
//! cargo run --release --example worst_case                    # every case, 10,000 lines a side
//! cargo run --release --example worst_case -- 4000 --timeout 60
//! cargo run --release --example worst_case -- --case gap-1000 --large
//! ```
//!
//! The omission cases and the clean reference use the lines of `../shared/data/wmt21-de-en`
//! (repeated up to the size) when they are there, else generated sentences (with a message).

#[path = "common/cli.rs"]
mod cli;
#[path = "common/resources.rs"]
mod resources;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use cli::{Args, Failure};
use resources::{cpu_seconds, peak_kb};
use satzweise::Aligner;

const USAGE: &str =
    "usage: worst_case [SIZE] [--case NAME]... [--timeout SECS] [--large] [--data DIR]

Generates each worst case of the search at SIZE lines a side (default 10000) and aligns it
in a process of its own; prints per case the CPU seconds, the peak memory, the CPU time per
sentence (German plus English), both as a ratio to clean WMT text of the same size, and for
the omission cases how many of the missing sentences were reported as omissions and how
many omissions and additions were spurious.

Cases: identical (one line pair repeated), identical-longer (the same with a tenth more
English lines), one-char (one-character lines), one-char-shorter (a tenth fewer English
lines), equal-length
(different lines of one length), alternating (very short and very long sentences in turn),
omit-10 and omit-40 (10% and 40% of the German left out, in 10 and 4 gaps), gap-1000 (lines
5,001-6,000 of 10,000 left out, whatever SIZE), gap-50000 (50,000 of 120,000, only with
--large), and the robust engineer's token-1mb (a 1 MB token on each side in clean text) and
long-sentences (every 500th line 6,000 words long).

  --case NAME      only this case (repeatable)
  --timeout SECS   stop a case after SECS seconds of wall time (default 600)
  --large          also the 50,000-of-120,000 omission
  --data DIR       the gold sets (default ../shared/data beside the crate)
  -h, --help       this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

/// Every case, in the order they are printed; the clean reference comes first.
const CASES: [&str; 14] = [
    "clean",
    "identical",
    "identical-longer",
    "one-char",
    "one-char-shorter",
    "equal-length",
    "alternating",
    "omit-10",
    "omit-40",
    "gap-1000",
    "gap-50000",
    "gaps-merges",
    "token-1mb",
    "long-sentences",
];

fn main() -> ExitCode {
    cli::run("worst_case", USAGE, body)
}

fn body(args: &mut Args) -> Result<(), Failure> {
    let data = args
        .value(&["--data"])?
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if let Some(case) = args.value(&["--child"])? {
        let size = parse_size(&args.operands(1, 1)?[0])?;
        return child(&case, size, &data);
    }
    let timeout: f64 = args.parsed(&["--timeout"])?.unwrap_or(600.0);
    if !(timeout > 0.0 && timeout.is_finite()) {
        return Err(Failure::usage("--timeout must be a positive number"));
    }
    let large = args.flag(&["--large"]);
    let chosen = args.values(&["--case"])?;
    for case in &chosen {
        if !CASES.contains(&case.as_str()) {
            return Err(Failure::usage(format!("unknown case {case:?}")));
        }
    }
    let size = match args.operands(0, 1)?.first() {
        Some(size) => parse_size(size)?,
        None => 10_000,
    };
    if !data.join("wmt21-de-en").is_dir() {
        eprintln!(
            "worst_case: {} not found: clean and omission cases use generated sentences",
            data.join("wmt21-de-en").display()
        );
    }
    let cases: Vec<&str> = CASES
        .iter()
        .copied()
        .filter(|&c| c != "clean")
        .filter(|&c| chosen.is_empty() || chosen.iter().any(|x| x == c))
        .filter(|&c| c != "gap-50000" || large || chosen.iter().any(|x| x == c))
        .collect();
    let me = std::env::current_exe()
        .map_err(|e| Failure::runtime(format!("cannot find my own executable: {e}")))?;
    let run = |case: &str, lines: usize| measure(&me, case, lines, &data, timeout);
    outln!(
        "{:<15} {:>7} {:>7} {:>9} {:>9} {:>8} {:>7} {:>7} {:>11} {:>9} {:>9}",
        "case",
        "German",
        "English",
        "CPU s",
        "peak MB",
        "µs/sent",
        "× CPU",
        "× mem",
        "gap found",
        "spur. om.",
        "additions"
    );
    // Clean text of each size a case needs, measured once.
    let mut references: Vec<(usize, Measured)> = Vec::new();
    for case in cases {
        let lines = case_size(case, size);
        if !references.iter().any(|(l, _)| *l == lines) {
            let clean = run("clean", lines)?;
            print_row("clean", &clean, None);
            references.push((lines, clean));
        }
        let reference = references.iter().find(|(l, _)| *l == lines).map(|(_, r)| r);
        print_row(case, &run(case, lines)?, reference);
    }
    Ok(())
}

fn parse_size(text: &str) -> Result<usize, Failure> {
    match text.replace('_', "").parse::<usize>() {
        Ok(size) if (10..=10_000_000).contains(&size) => Ok(size),
        _ => Err(Failure::usage(format!(
            "SIZE must be a number of lines from 10 to 10000000, not {text:?}"
        ))),
    }
}

/// The lines a side the case is generated with (the English side, for the omissions).
fn case_size(case: &str, size: usize) -> usize {
    match case {
        "gap-1000" => 10_000,
        "gaps-merges" => 4000,
        "gap-50000" => 120_000,
        _ => size,
    }
}

/// What a child reported, or that it ran out of time.
enum Measured {
    Done(Report),
    TimedOut(f64),
    Failed(String),
}

/// One case's figures, as the child prints them.
struct Report {
    german: usize,
    english: usize,
    cpu: f64,
    peak_kb: f64,
    /// Missing German sentences (English without a counterpart) in the generated pair.
    missing: usize,
    /// Of those, how many the alignment reports as omissions.
    found: usize,
    spurious_omissions: usize,
    additions: usize,
}

impl Report {
    fn to_line(&self) -> String {
        format!(
            "{} {} {} {} {} {} {} {}",
            self.german,
            self.english,
            self.cpu,
            self.peak_kb,
            self.missing,
            self.found,
            self.spurious_omissions,
            self.additions
        )
    }

    fn from_line(line: &str) -> Option<Report> {
        let v: Vec<f64> = line
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        let &[
            german,
            english,
            cpu,
            peak_kb,
            missing,
            found,
            spurious,
            additions,
        ] = &v[..]
        else {
            return None;
        };
        Some(Report {
            german: german as usize,
            english: english as usize,
            cpu,
            peak_kb,
            missing: missing as usize,
            found: found as usize,
            spurious_omissions: spurious as usize,
            additions: additions as usize,
        })
    }
}

/// Runs `case` in a child process, killing it after `timeout` seconds.
fn measure(
    me: &Path,
    case: &str,
    lines: usize,
    data: &Path,
    timeout: f64,
) -> Result<Measured, Failure> {
    let mut child = Command::new(me)
        .args(["--child", case, "--data"])
        .arg(data)
        .arg(lines.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::runtime(format!("cannot run {case}: {e}")))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                if let Some(mut stdout) = child.stdout.take() {
                    let _ = stdout.read_to_string(&mut out);
                }
                if !status.success() {
                    return Ok(Measured::Failed(status.to_string()));
                }
                return Ok(Report::from_line(out.trim()).map_or_else(
                    || Measured::Failed(format!("unreadable report {out:?}")),
                    Measured::Done,
                ));
            }
            Ok(None) if start.elapsed().as_secs_f64() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Ok(Measured::TimedOut(timeout));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(Failure::runtime(format!("{case}: {e}"))),
        }
    }
}

fn print_row(case: &str, measured: &Measured, reference: Option<&Measured>) {
    let report = match measured {
        Measured::Done(report) => report,
        Measured::TimedOut(seconds) => {
            outln!("{case:<15} stopped after {seconds} s wall time");
            return;
        }
        Measured::Failed(why) => {
            outln!("{case:<15} failed: {why}");
            return;
        }
    };
    let per_sentence = |r: &Report| r.cpu * 1e6 / (r.german + r.english).max(1) as f64;
    let (cpu_ratio, memory_ratio) = match reference {
        Some(Measured::Done(clean)) => (
            format!("{:.2}", per_sentence(report) / per_sentence(clean)),
            format!("{:.2}", report.peak_kb / clean.peak_kb),
        ),
        _ => ("-".to_owned(), "-".to_owned()),
    };
    let gap = |value: String| {
        if report.missing > 0 {
            value
        } else {
            "-".to_owned()
        }
    };
    outln!(
        "{:<15} {:>7} {:>7} {:>9.2} {:>9.1} {:>8.1} {:>7} {:>7} {:>11} {:>9} {:>9}",
        case,
        report.german,
        report.english,
        report.cpu,
        report.peak_kb / 1024.0,
        per_sentence(report),
        cpu_ratio,
        memory_ratio,
        gap(format!("{}/{}", report.found, report.missing)),
        gap(report.spurious_omissions.to_string()),
        gap(report.additions.to_string())
    );
}

/// The child: generates the case, aligns it, prints one report line.
fn child(case: &str, size: usize, data: &Path) -> Result<(), Failure> {
    let (german, english, missing) = generate(case, size, data)?;
    let aligner = Aligner::new();
    let before = cpu_seconds();
    let alignment = aligner.align_lines(&german.join("\n"), &english.join("\n"))?;
    let cpu = cpu_seconds() - before;
    let is_missing = |k: usize| missing.binary_search(&k).is_ok();
    let omitted: Vec<usize> = alignment.omissions().map(|o| o.index().get()).collect();
    let found = omitted.iter().filter(|&&k| is_missing(k)).count();
    let report = Report {
        german: german.len(),
        english: english.len(),
        cpu,
        peak_kb: peak_kb(),
        missing: missing.len(),
        found,
        spurious_omissions: omitted.len() - found,
        additions: alignment.additions().count(),
    };
    outln!("{}", report.to_line());
    Ok(())
}

/// A generated case: German lines, English lines, and the English lines whose German was
/// left out (sorted).
type Case = (Vec<String>, Vec<String>, Vec<usize>);

/// German lines, English lines, and the English lines whose German was left out (sorted).
fn generate(case: &str, size: usize, data: &Path) -> Result<Case, Failure> {
    let same = |de: &str, en: &str| (vec![de.to_owned(); size], vec![en.to_owned(); size]);
    let (german, english) = match case {
        "identical" => same("Das ist der gleiche Satz.", "This is the same sentence."),
        "one-char" => same("a", "a"),
        // The fuzz findings: ties plus a one-sided surplus of a tenth.
        "identical-longer" => (
            vec!["Das ist der gleiche Satz.".to_owned(); size],
            vec!["This is the same sentence.".to_owned(); size + size / 10],
        ),
        "one-char-shorter" => (
            vec!["a".to_owned(); size],
            vec!["a".to_owned(); size - size / 10],
        ),
        "equal-length" => {
            // Distinct lines of 40 characters: pseudo-random words, no shared tokens.
            let mut random = Random(17);
            let mut line = |letters: &[u8]| -> String {
                let mut text = String::new();
                while text.len() < 39 {
                    if !text.is_empty() && random.below(6) == 0 {
                        text.push(' ');
                    }
                    text.push(letters[random.below(letters.len())] as char);
                }
                text.truncate(39);
                text.push('.');
                text
            };
            let de = (0..size).map(|_| line(b"aeiklmnrstu")).collect();
            let en = (0..size).map(|_| line(b"bcdfghopqwy")).collect();
            (de, en)
        }
        "alternating" => {
            let long_de = "Der Ausschuss hat nach langer und sorgfältiger Beratung, an der \
                           sich alle Mitglieder beteiligten, beschlossen, den Bericht mit \
                           einigen Änderungen anzunehmen und ihn dem Rat vorzulegen.";
            let long_en = "After long and careful deliberation, in which all members took \
                           part, the committee decided to adopt the report with some \
                           amendments and to submit it to the Council.";
            let de = (0..size)
                .map(|k| if k % 2 == 0 { "Ja." } else { long_de }.to_owned())
                .collect();
            let en = (0..size)
                .map(|k| if k % 2 == 0 { "Yes." } else { long_en }.to_owned())
                .collect();
            (de, en)
        }
        "clean" | "omit-10" | "omit-40" | "gap-1000" | "gap-50000" | "gaps-merges" => {
            clean(size, data)?
        }
        "token-1mb" => {
            let (mut de, mut en) = clean(size, data)?;
            let token: String = (0..1 << 20)
                .map(|k| (b'a' + (k % 26) as u8) as char)
                .collect();
            de[size / 2] = token.clone();
            en[size / 2] = token;
            (de, en)
        }
        "long-sentences" => {
            let (mut de, mut en) = clean(size, data)?;
            for k in (250..size).step_by(500) {
                de[k] = words(6000, "wort", k);
                en[k] = words(6000, "word", k);
            }
            (de, en)
        }
        _ => return Err(Failure::usage(format!("unknown case {case:?}"))),
    };
    // The German runs left out of the omission cases (English line numbers).
    let gaps: Vec<std::ops::Range<usize>> = match case {
        "omit-10" | "omit-40" => {
            let (count, share) = if case == "omit-10" { (10, 10) } else { (4, 40) };
            let gap = size * share / 100 / count;
            (0..count)
                .map(|k| {
                    let start = size * (2 * k + 1) / (2 * count) - gap / 2;
                    start..start + gap
                })
                .collect()
        }
        "gap-1000" => std::iter::once(5000..6000).collect(),
        "gaps-merges" => vec![500..650, 1300..1600, 2300..2800],
        "gap-50000" => std::iter::once(35_000..85_000).collect(),
        _ => Vec::new(),
    };
    let missing: Vec<usize> = gaps.iter().flat_map(|g| g.clone()).collect();
    let merged = if case == "gaps-merges" {
        3300..3500
    } else {
        0..0
    };
    let mut kept = Vec::new();
    let mut k = 0;
    while k < german.len() {
        if missing.binary_search(&k).is_ok() {
            k += 1;
        } else if merged.contains(&k) && k + 1 < german.len() {
            kept.push(format!("{} {}", german[k], german[k + 1]));
            k += 2;
        } else {
            kept.push(german[k].clone());
            k += 1;
        }
    }
    let german = kept;
    Ok((german, english, missing))
}

/// `count` words `PREFIX<number>` with a full stop, different for each `seed`.
fn words(count: usize, prefix: &str, seed: usize) -> String {
    let mut random = Random(seed as u64 + 1);
    let mut text: Vec<String> = (0..count)
        .map(|_| format!("{prefix}{}", random.below(5000)))
        .collect();
    if let Some(last) = text.last_mut() {
        last.push('.');
    }
    text.join(" ")
}

/// `size` line pairs of WMT news (the set's documents in order, repeated), or generated
/// sentences when the set is not there.
fn clean(size: usize, data: &Path) -> Result<(Vec<String>, Vec<String>), Failure> {
    let folder = data.join("wmt21-de-en");
    let (mut de, mut en) = (Vec::new(), Vec::new());
    if folder.is_dir() {
        let mut stems: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(|e| Failure::runtime(format!("{}: {e}", folder.display())))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "de"))
            .collect();
        stems.sort();
        for stem in stems {
            let german = cli::read_input(&stem.to_string_lossy())?;
            let english = cli::read_input(&stem.with_extension("en").to_string_lossy())?;
            let (g, e): (Vec<&str>, Vec<&str>) =
                (german.lines().collect(), english.lines().collect());
            if g.len() != e.len() {
                return Err(Failure::runtime(format!(
                    "{}: {} German and {} English lines",
                    stem.display(),
                    g.len(),
                    e.len()
                )));
            }
            de.extend(g.into_iter().map(str::to_owned));
            en.extend(e.into_iter().map(str::to_owned));
        }
    }
    if de.is_empty() {
        let mut random = Random(5);
        for k in 0..2000 {
            let length = 4 + random.below(25);
            let seed = random.below(1 << 20);
            de.push(format!(
                "{} {k}.",
                words(length, "wort", seed).trim_end_matches('.')
            ));
            en.push(format!(
                "{} {k}.",
                words(length, "word", seed).trim_end_matches('.')
            ));
        }
    }
    let repeat = |lines: &[String]| lines.iter().cycle().take(size).cloned().collect();
    Ok((repeat(&de), repeat(&en)))
}

/// A small seeded generator (64-bit LCG), so that every run generates the same text.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound as u64) as usize
    }
}
