//! Runs the adversarial inputs at full size and prints time and peak memory of each.
//!
//! ```text
//! cargo run --release --example stress            # every case, each in its own process
//! cargo run --release --example stress -- CASE    # one case
//! ```
//!
//! Cases: `long-line` (a 10 MB German line without punctuation against one short English
//! sentence), `two-long-lines` (10 MB of distinct words on each side, one line each),
//! `million-lines` (1,000,000 short presegmented lines a side), `sentences-on-one-line`
//! (2 MB of short sentences on a single line: exercises the segmenter's per-sentence work).
//! CPU time and peak memory are the process's (`/proc/self`, Linux only).

use std::process::{Command, ExitCode};
use std::time::Instant;

use satzweise::{Aligner, Lang, Text};

#[path = "common/resources.rs"]
mod resources;
use resources::{cpu_seconds, peak_kb};

const CASES: [&str; 4] = [
    "long-line",
    "two-long-lines",
    "million-lines",
    "sentences-on-one-line",
];

const USAGE: &str = "usage: stress [CASE [LINES]]

Runs the adversarial inputs at full size and prints time and peak memory of each: every
case, each in its own process, or only CASE (long-line, two-long-lines, million-lines,
sentences-on-one-line; LINES scales million-lines down).

  -h, --help   this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> ExitCode {
    if matches!(std::env::args().nth(1).as_deref(), Some("-h" | "--help")) {
        // A closed pipe (`--help | head -1`) is no error.
        let _ = std::io::Write::write_all(&mut std::io::stdout(), USAGE.as_bytes());
        return ExitCode::SUCCESS;
    }
    let Some(case) = std::env::args().nth(1) else {
        let Ok(me) = std::env::current_exe() else {
            eprintln!("stress: cannot find my own executable");
            return ExitCode::from(1);
        };
        let mut failed = false;
        for case in CASES {
            match Command::new(&me).arg(case).status() {
                Ok(status) if status.success() => {}
                Ok(status) => {
                    eprintln!("stress: {case} failed: {status}");
                    failed = true;
                }
                Err(e) => {
                    eprintln!("stress: cannot run {case}: {e}");
                    failed = true;
                }
            }
        }
        return if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
    };
    let start = Instant::now();
    let aligner = Aligner::new();
    let summary = match case.as_str() {
        "long-line" => {
            let german: String = (0..2_000_000)
                .map(|k| format!("w{:03} ", k % 997))
                .collect();
            let alignment = aligner.align(&german, "a short English sentence").unwrap();
            format!(
                "{} MB line -> {} German sentence(s), {} bead(s)",
                german.len() / 1_000_000,
                alignment.german_text().len(),
                alignment.beads().len()
            )
        }
        "two-long-lines" => {
            let german: String = (0..1_000_000).map(|k| format!("Wort{k:05} ")).collect();
            let english: String = (0..1_000_000).map(|k| format!("Word{k:05} ")).collect();
            let alignment = aligner.align(&german, &english).unwrap();
            format!(
                "2 × {} MB lines -> {} bead(s)",
                german.len() / 1_000_000,
                alignment.beads().len()
            )
        }
        "million-lines" => {
            // An optional second argument scales the case down (number of lines).
            let n: usize = std::env::args()
                .nth(2)
                .and_then(|n| n.parse().ok())
                .unwrap_or(1_000_000);
            let german: String = (0..n).map(|k| format!("Zeile {k}.\n")).collect();
            let english: String = (0..n).map(|k| format!("Line {k}.\n")).collect();
            let alignment = aligner.align_lines(&german, &english).unwrap();
            format!(
                "{n} lines a side -> {} beads, {} one-to-one",
                alignment.beads().len(),
                alignment
                    .beads()
                    .filter(|b| b.german().len() == 1 && b.english().len() == 1)
                    .count()
            )
        }
        "sentences-on-one-line" => {
            let german = "Das ist gut. ".repeat(150_000);
            let text = Text::segment(german.as_str(), Lang::De);
            format!(
                "{} MB line -> {} sentences (segmentation only)",
                german.len() / 1_000_000,
                text.len()
            )
        }
        other => {
            eprintln!(
                "stress: usage error: unknown case {other:?}; cases: {}\n(see stress --help)",
                CASES.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    let peak = match peak_kb() {
        0.0 => "unknown".to_owned(),
        kb => format!("{kb} kB"),
    };
    println!(
        "{case:>22}: {summary}; {:.2} s, {:.2} s CPU, peak memory {peak}",
        start.elapsed().as_secs_f64(),
        cpu_seconds()
    );
    ExitCode::SUCCESS
}
