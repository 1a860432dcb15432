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
//! Peak memory is the process's high-water mark (`VmHWM`, Linux only).

use std::process::{Command, ExitCode};
use std::time::Instant;

use satzweise::{Aligner, Lang, Text};

const CASES: [&str; 4] = [
    "long-line",
    "two-long-lines",
    "million-lines",
    "sentences-on-one-line",
];

fn main() -> ExitCode {
    let Some(case) = std::env::args().nth(1) else {
        let Ok(me) = std::env::current_exe() else {
            eprintln!("stress: cannot find my own executable");
            return ExitCode::from(1);
        };
        for case in CASES {
            match Command::new(&me).arg(case).status() {
                Ok(status) if status.success() => {}
                Ok(status) => eprintln!("stress: {case} failed: {status}"),
                Err(e) => eprintln!("stress: cannot run {case}: {e}"),
            }
        }
        return ExitCode::SUCCESS;
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
                "stress: unknown case {other:?}; cases: {}",
                CASES.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    println!(
        "{case:>22}: {summary}; {:.2} s, peak memory {}",
        start.elapsed().as_secs_f64(),
        peak_memory()
    );
    ExitCode::SUCCESS
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
