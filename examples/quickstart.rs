//! The embedded default: aligns a German news article with its English reference (both
//! shipped in `examples/data/`) and prints the beads side by side.
//!
//! ```text
//! cargo run --release --example quickstart           # a side-by-side table and a summary
//! cargo run --release --example quickstart -- --json # the Alignment as JSON
//! ```

use std::process::ExitCode;

use satzweise::eval::score_document;
use satzweise::io::BeadLine;
use satzweise::{Aligner, Alignment};

const GERMAN: &str = include_str!("data/article.de.txt");
const ENGLISH: &str = include_str!("data/article.en.txt");
const GOLD: &str = include_str!("data/article.gold");

#[path = "common/cli.rs"]
mod cli;

/// The width of each text column: the table fills the terminal (`COLUMNS`, or 100 columns
/// when the output is not a terminal); the shape and confidence columns and the rules take
/// 28 characters.
fn column_width() -> usize {
    (cli::terminal_width().saturating_sub(28) / 2).max(12)
}

const USAGE: &str = "usage: quickstart [--json]

Aligns the German article shipped in examples/data with its English reference and prints
the beads side by side (as wide as the terminal), or the Alignment as JSON.

  --json       print the alignment as JSON
  -h, --help   this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> ExitCode {
    cli::run("quickstart", USAGE, |args| {
        let json = args.flag(&["--json"]);
        args.finish()?;
        let alignment = Aligner::new().align(GERMAN, ENGLISH)?;
        if json {
            let text = serde_json::to_string_pretty(&alignment).map_err(cli::Failure::runtime)?;
            outln!("{text}");
        } else {
            print_table(&alignment, column_width());
            print_summary(&alignment);
        }
        Ok(())
    })
}

/// Breaks `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

fn print_table(alignment: &Alignment, column: usize) {
    let rule = format!(
        "+{}+{}+-------+------------+",
        "-".repeat(column + 2),
        "-".repeat(column + 2)
    );
    outln!("{rule}");
    outln!(
        "| {} | {} | shape | confidence |",
        pad("German", column),
        pad("English", column)
    );
    outln!("{rule}");
    for bead in alignment {
        let german = wrap(&bead.german_text(), column);
        let english = wrap(&bead.english_text(), column);
        for k in 0..german.len().max(english.len()) {
            let (shape, confidence) = if k == 0 {
                (
                    bead.shape().to_string(),
                    format!("{:.3}", bead.confidence()),
                )
            } else {
                (String::new(), String::new())
            };
            outln!(
                "| {} | {} | {:<5} | {:>10} |",
                pad(german.get(k).map_or("", String::as_str), column),
                pad(english.get(k).map_or("", String::as_str), column),
                shape,
                confidence
            );
        }
        outln!("{rule}");
    }
}

fn print_summary(alignment: &Alignment) {
    let beads = alignment.beads().len();
    let mean = if beads == 0 {
        0.0
    } else {
        alignment.beads().map(|b| b.confidence()).sum::<f64>() / beads as f64
    };
    let mut shapes: Vec<(String, usize)> = Vec::new();
    for bead in alignment {
        let shape = bead.shape().to_string();
        match shapes.iter_mut().find(|(s, _)| *s == shape) {
            Some((_, count)) => *count += 1,
            None => shapes.push((shape, 1)),
        }
    }
    let shapes: Vec<String> = shapes.iter().map(|(s, n)| format!("{n}× {s}")).collect();
    let gold: Vec<BeadLine> = GOLD.lines().filter_map(|l| l.parse().ok()).collect();
    let scores = score_document(&gold, &BeadLine::from_alignment(alignment));
    outln!(
        "{} German and {} English sentences in {beads} beads ({}); mean confidence {mean:.3}; \
         {} omitted, {} added; strict F1 against the hand-made gold {:.3}, lax {:.3}",
        alignment.german_text().len(),
        alignment.english_text().len(),
        shapes.join(", "),
        alignment.omissions().count(),
        alignment.additions().count(),
        scores.f1_strict(),
        scores.f1_lax()
    );
}
