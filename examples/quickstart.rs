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
const COLUMN: usize = 50;

fn main() -> ExitCode {
    let json = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--json") => true,
        Some("-h" | "--help") => {
            println!(
                "usage: quickstart [--json]\n\nAligns the shipped German article with its English reference."
            );
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("quickstart: unknown argument {other:?}\nusage: quickstart [--json]");
            return ExitCode::from(2);
        }
    };
    let alignment = match Aligner::new().align(GERMAN, ENGLISH) {
        Ok(alignment) => alignment,
        Err(error) => {
            eprintln!("quickstart: {error}");
            return ExitCode::from(1);
        }
    };
    if json {
        match serde_json::to_string_pretty(&alignment) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("quickstart: {error}");
                return ExitCode::from(1);
            }
        }
    } else {
        print_table(&alignment);
        print_summary(&alignment);
    }
    ExitCode::SUCCESS
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

fn print_table(alignment: &Alignment) {
    let rule = format!(
        "+{}+{}+-------+------------+",
        "-".repeat(COLUMN + 2),
        "-".repeat(COLUMN + 2)
    );
    println!("{rule}");
    println!(
        "| {} | {} | shape | confidence |",
        pad("German", COLUMN),
        pad("English", COLUMN)
    );
    println!("{rule}");
    for bead in alignment {
        let german = wrap(&bead.german_text(), COLUMN);
        let english = wrap(&bead.english_text(), COLUMN);
        for k in 0..german.len().max(english.len()) {
            let (shape, confidence) = if k == 0 {
                (
                    bead.shape().to_string(),
                    format!("{:.3}", bead.confidence()),
                )
            } else {
                (String::new(), String::new())
            };
            println!(
                "| {} | {} | {:<5} | {:>10} |",
                pad(german.get(k).map_or("", String::as_str), COLUMN),
                pad(english.get(k).map_or("", String::as_str), COLUMN),
                shape,
                confidence
            );
        }
        println!("{rule}");
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
    println!(
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
