//! Measures what the confidence means: reliability tables against gold, expected calibration
//! error, precision of confident beads; refits the calibration; evaluates the parallel score.
//!
//! ```text
//! cargo run --release --example calibration                 # tables with the built-in calibration
//! cargo run --release --example calibration -- --raw        # tables of the raw posterior
//! cargo run --release --example calibration -- --fit src/align/fitted.rs
//! cargo run --release --example calibration -- --parallel   # ROC AUC of the parallel score
//! cargo run --release --example calibration -- --flags      # how often flagged beads are wrong
//! ```
//!
//! Data (read from `../shared/data`, skipped with a message when absent):
//! - Text+Berg (German–French): `dev` for fitting, `test0`…`test6` pooled for reporting only.
//! - `wmt21-de-en-perturbed` (German–English): the **development half** is the chunks
//!   `de-orig-00`…`de-orig-05` and `en-orig-00`…`en-orig-05` (12 chunks); the other 11
//!   chunks are held out. Tables are printed for both halves and for all 23.
//!
//! A bead is *strictly correct* when it equals a gold bead (same German and same English
//! indices). The confidence is taken as `align --presegmented --format vecalign` prints it,
//! rounded to three decimals.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use satzweise::io::{BeadLine, read_bead_file};
use satzweise::quality::{BeadKind, Calibration};
use satzweise::{Aligner, Lang, Text};

/// One aligned document with its gold.
struct Doc {
    name: String,
    german: String,
    english: String,
    gold: Vec<BeadLine>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

fn read(path: &Path) -> Option<String> {
    satzweise::read_text_file(path).ok()
}

fn load(
    dir: &Path,
    name: &str,
    german_ext: &str,
    english_ext: &str,
    gold_ext: &str,
) -> Option<Doc> {
    let base = dir.join(name);
    Some(Doc {
        name: name.to_string(),
        german: read(&base.with_extension(german_ext))?,
        english: read(&base.with_extension(english_ext))?,
        gold: read_bead_file(base.with_extension(gold_ext)).ok()?,
    })
}

fn textberg(names: &[&str]) -> Vec<Doc> {
    let dir = data_dir().join("textberg-de-fr");
    names
        .iter()
        .filter_map(|n| load(&dir, n, "de", "fr", "defr"))
        .collect()
}

/// The 23 chunks of `wmt21-de-en-perturbed` in their listed order, each marked dev or not.
fn wmt_chunks() -> Vec<(String, bool)> {
    let mut chunks = Vec::new();
    for k in 0..12 {
        chunks.push((format!("de-orig-{k:02}"), k <= 5));
    }
    for k in 0..11 {
        chunks.push((format!("en-orig-{k:02}"), k <= 5));
    }
    chunks
}

fn wmt(dev: Option<bool>) -> Vec<Doc> {
    let dir = data_dir().join("wmt21-de-en-perturbed");
    wmt_chunks()
        .into_iter()
        .filter(|(_, is_dev)| dev.is_none_or(|d| d == *is_dev))
        .filter_map(|(n, _)| load(&dir, &n, "de", "en", "deen"))
        .collect()
}

/// `(german sentences, english sentences, confidence as printed, strictly correct)`.
type Sample = (usize, usize, f64, bool);

fn samples(aligner: &Aligner, docs: &[Doc]) -> Vec<Sample> {
    let mut out = Vec::new();
    for doc in docs {
        let alignment = match aligner.align_texts(
            Text::from_lines(doc.german.as_str()),
            Text::from_lines(doc.english.as_str()),
        ) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{}: {e}", doc.name);
                continue;
            }
        };
        let gold: HashSet<(Vec<usize>, Vec<usize>)> = doc
            .gold
            .iter()
            .map(|b| (b.german.clone(), b.english.clone()))
            .collect();
        for line in BeadLine::from_alignment(&alignment) {
            let printed = (line.score.unwrap_or(0.0) * 1000.0).round() / 1000.0;
            let correct = gold.contains(&(line.german.clone(), line.english.clone()));
            out.push((line.german.len(), line.english.len(), printed, correct));
        }
    }
    out
}

/// Expected calibration error over 10 equal-width bins, and the precision of beads with
/// confidence ≥ 0.9 (with their count).
fn summary(samples: &[Sample]) -> (f64, f64, usize) {
    let bins = bin(samples);
    let total = samples.len().max(1) as f64;
    let ece = bins
        .iter()
        .map(|b| b.count as f64 / total * (b.accuracy() - b.mean_confidence()).abs())
        .sum();
    let confident: Vec<&Sample> = samples.iter().filter(|s| s.2 >= 0.9).collect();
    let right = confident.iter().filter(|s| s.3).count();
    let precision = if confident.is_empty() {
        0.0
    } else {
        right as f64 / confident.len() as f64
    };
    (ece, precision, confident.len())
}

#[derive(Default, Clone, Copy)]
struct Bin {
    count: usize,
    confidence: f64,
    correct: usize,
}

impl Bin {
    fn mean_confidence(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.confidence / self.count as f64
        }
    }
    fn accuracy(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.correct as f64 / self.count as f64
        }
    }
}

fn bin(samples: &[Sample]) -> [Bin; 10] {
    let mut bins = [Bin::default(); 10];
    for s in samples {
        let k = ((s.2 * 10.0).floor() as usize).min(9);
        bins[k].count += 1;
        bins[k].confidence += s.2;
        bins[k].correct += usize::from(s.3);
    }
    bins
}

fn table(title: &str, samples: &[Sample]) {
    println!("\n## {title}\n");
    if samples.is_empty() {
        println!("(no data: ../shared/data is absent)");
        return;
    }
    println!("| confidence | beads | mean confidence | strictly correct |");
    println!("| --- | ---: | ---: | ---: |");
    for (k, b) in bin(samples).iter().enumerate() {
        let range = format!("{:.1}–{:.1}", k as f64 / 10.0, (k + 1) as f64 / 10.0);
        if b.count == 0 {
            println!("| {range} | 0 | – | – |");
        } else {
            println!(
                "| {range} | {} | {:.3} | {:.3} |",
                b.count,
                b.mean_confidence(),
                b.accuracy()
            );
        }
    }
    let (ece, precision, confident) = summary(samples);
    let right = samples.iter().filter(|s| s.3).count();
    println!(
        "\nbeads {}, strictly correct {:.3}, ECE {:.4}, precision at confidence ≥ 0.9: {:.4} ({} beads, {:.1}% of all)",
        samples.len(),
        right as f64 / samples.len() as f64,
        ece,
        precision,
        confident,
        100.0 * confident as f64 / samples.len() as f64
    );
}

fn aligner(english: Lang, calibration: &Calibration) -> Aligner {
    match Aligner::builder()
        .languages(Lang::De, english)
        .calibration(calibration.clone())
        .build()
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("calibration: {e}");
            std::process::exit(1);
        }
    }
}

fn reliability(calibration: &Calibration, label: &str) {
    println!("# Reliability of the confidence ({label})");
    let fr = aligner(Lang::Fr, calibration);
    let en = aligner(Lang::En, calibration);
    let tests: Vec<String> = (0..7).map(|k| format!("test{k}")).collect();
    let test_names: Vec<&str> = tests.iter().map(String::as_str).collect();
    table(
        "Text+Berg dev (fitting data)",
        &samples(&fr, &textberg(&["dev"])),
    );
    table(
        "Text+Berg test0–6 pooled (reporting only)",
        &samples(&fr, &textberg(&test_names)),
    );
    table(
        "wmt21-de-en-perturbed, development half (fitting data)",
        &samples(&en, &wmt(Some(true))),
    );
    table(
        "wmt21-de-en-perturbed, held-out half",
        &samples(&en, &wmt(Some(false))),
    );
    table(
        "wmt21-de-en-perturbed, all 23 chunks",
        &samples(&en, &wmt(None)),
    );
}

fn fit(path: &Path) {
    let raw = Calibration::identity();
    let mut all = samples(&aligner(Lang::Fr, &raw), &textberg(&["dev"]));
    all.extend(samples(&aligner(Lang::En, &raw), &wmt(Some(true))));
    if all.is_empty() {
        eprintln!(
            "calibration: no development data under {}",
            data_dir().display()
        );
        std::process::exit(1);
    }
    let fitted = Calibration::fit(&all, PRIOR_WEIGHT, MIN_BLOCK);
    let header = format!(
        "Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.\n\
         Isotonic regression per bead kind (prior weight {PRIOR_WEIGHT}, blocks of at least {MIN_BLOCK} beads) of strict correctness on\n\
         the raw posterior, over {} beads: Text+Berg dev and the development half of\n\
         wmt21-de-en-perturbed (de-orig-00..05, en-orig-00..05). Do not edit by hand.",
        all.len()
    );
    if let Err(e) = std::fs::write(path, rust_source(&fitted, &header)) {
        eprintln!("calibration: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("wrote {} (rebuild to use it)", path.display());
    reliability(&fitted, "freshly fitted calibration");
}

/// Pseudo-observations pulling each isotonic block towards the identity.
const PRIOR_WEIGHT: f64 = 4.0;
/// Fewest beads behind one knot of the map.
const MIN_BLOCK: usize = 25;

/// ROC AUC: the probability that a random positive scores above a random negative (ties
/// count one half).
fn auc(positives: &[f64], negatives: &[f64]) -> f64 {
    if positives.is_empty() || negatives.is_empty() {
        return 0.0;
    }
    let mut wins = 0.0;
    for p in positives {
        for n in negatives {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (positives.len() * negatives.len()) as f64
}

fn parallel() {
    println!("# Parallel score: true pairs against German chunk k + English chunk k+1\n");
    let dir = data_dir().join("wmt21-de-en-perturbed");
    let chunks = wmt_chunks();
    let docs: Vec<(Doc, bool)> = chunks
        .iter()
        .filter_map(|(n, dev)| Some((load(&dir, n, "de", "en", "deen")?, *dev)))
        .collect();
    if docs.len() < 2 {
        println!("(no data: ../shared/data is absent)");
        return;
    }
    let aligner = Aligner::new();
    println!("| pair | kind | parallel_score | coverage | mean conf | length corr | numbers |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    let (mut pos, mut neg, mut pos_dev, mut neg_dev) = (vec![], vec![], vec![], vec![]);
    for (k, (doc, dev)) in docs.iter().enumerate() {
        let next = &docs[(k + 1) % docs.len()].0;
        for (english, is_true) in [(&doc.english, true), (&next.english, false)] {
            let Ok(alignment) = aligner.align_texts(
                Text::from_lines(doc.german.as_str()),
                Text::from_lines(english.as_str()),
            ) else {
                continue;
            };
            let v = satzweise::quality::Report::new(&alignment).verdict();
            let name = if is_true {
                doc.name.clone()
            } else {
                format!("{} × {}", doc.name, next.name)
            };
            println!(
                "| {name} | {} | {:.4} | {:.3} | {:.3} | {:.3} | {:.3} |",
                if is_true { "true" } else { "false" },
                v.parallel_score(),
                v.coverage(),
                v.mean_confidence(),
                v.length_correlation(),
                v.number_agreement()
            );
            let score = v.parallel_score();
            match (is_true, dev) {
                (true, true) => pos_dev.push(score),
                (false, true) => neg_dev.push(score),
                _ => {}
            }
            if is_true {
                pos.push(score)
            } else {
                neg.push(score)
            }
        }
    }
    // Text+Berg (German–French, literary): the same test, reported only, never tuned on.
    let names = [
        "dev", "test0", "test1", "test2", "test3", "test4", "test5", "test6",
    ];
    let tb = textberg(&names);
    let (mut tb_pos, mut tb_neg) = (vec![], vec![]);
    for (k, doc) in tb.iter().enumerate() {
        let Some(next) = tb.get((k + 1) % tb.len()) else {
            continue;
        };
        for (french, is_true) in [(&doc.english, true), (&next.english, false)] {
            if let Ok(a) = aligner.align_texts(
                Text::from_lines(doc.german.as_str()),
                Text::from_lines(french.as_str()),
            ) {
                let score = satzweise::quality::Report::new(&a)
                    .verdict()
                    .parallel_score();
                if is_true {
                    tb_pos.push(score)
                } else {
                    tb_neg.push(score)
                }
            }
        }
    }
    if !tb.is_empty() {
        println!(
            "Text+Berg German–French: true pairs {:?}, false pairs {:?}, ROC AUC {:.4}",
            tb_pos
                .iter()
                .map(|s| (s * 1000.0).round() / 1000.0)
                .collect::<Vec<_>>(),
            tb_neg
                .iter()
                .map(|s| (s * 1000.0).round() / 1000.0)
                .collect::<Vec<_>>(),
            auc(&tb_pos, &tb_neg)
        );
    }
    let min_true = pos.iter().copied().fold(f64::INFINITY, f64::min);
    let max_false = neg.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    println!(
        "\nROC AUC, development half: {:.4} ({} true, {} false pairs)",
        auc(&pos_dev, &neg_dev),
        pos_dev.len(),
        neg_dev.len()
    );
    println!(
        "ROC AUC, all chunks: {:.4} ({} true, {} false pairs); lowest true score {:.4}, highest false score {:.4}",
        auc(&pos, &neg),
        pos.len(),
        neg.len(),
        min_true,
        max_false
    );
}

/// For each flag kind: how many beads carry it and how many of those are strictly wrong,
/// against the same figures for unflagged beads (all of wmt21-de-en-perturbed).
fn flags() {
    use satzweise::quality::FlagKind;
    println!("# QA flags against gold (wmt21-de-en-perturbed, all chunks; Text+Berg test0–6)\n");
    let tests: Vec<String> = (0..7).map(|k| format!("test{k}")).collect();
    let test_names: Vec<&str> = tests.iter().map(String::as_str).collect();
    for (title, docs) in [
        ("wmt21-de-en-perturbed", wmt(None)),
        ("Text+Berg test0–6", textberg(&test_names)),
    ] {
        let aligner = Aligner::new();
        let mut by_kind: Vec<(FlagKind, usize, usize)> =
            FlagKind::ALL.iter().map(|&k| (k, 0, 0)).collect();
        let (mut clean, mut clean_wrong) = (0, 0);
        for doc in &docs {
            let Ok(alignment) = aligner.align_texts(
                Text::from_lines(doc.german.as_str()),
                Text::from_lines(doc.english.as_str()),
            ) else {
                continue;
            };
            let gold: HashSet<(Vec<usize>, Vec<usize>)> = doc
                .gold
                .iter()
                .map(|b| (b.german.clone(), b.english.clone()))
                .collect();
            for checked in satzweise::quality::Report::new(&alignment).beads() {
                let b = checked.bead();
                let key = (
                    b.german().to_usize().collect(),
                    b.english().to_usize().collect(),
                );
                let wrong = !gold.contains(&key);
                if checked.flags().is_empty() {
                    clean += 1;
                    clean_wrong += usize::from(wrong);
                }
                for flag in checked.flags() {
                    if let Some(entry) = by_kind.iter_mut().find(|e| e.0 == flag.kind()) {
                        entry.1 += 1;
                        entry.2 += usize::from(wrong);
                    }
                }
            }
        }
        println!("## {title}\n\n| flag | beads | strictly wrong |\n| --- | ---: | ---: |");
        for (kind, n, wrong) in by_kind {
            let share = if n == 0 { 0.0 } else { wrong as f64 / n as f64 };
            println!("| {kind} | {n} | {wrong} ({:.0}%) |", 100.0 * share);
        }
        let share = if clean == 0 {
            0.0
        } else {
            clean_wrong as f64 / clean as f64
        };
        println!(
            "| (no flag) | {clean} | {clean_wrong} ({:.0}%) |\n",
            100.0 * share
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => reliability(&Calibration::default(), "built-in calibration"),
        Some("--raw") => reliability(&Calibration::identity(), "raw posterior, no calibration"),
        Some("--fit") => match args.get(1) {
            Some(path) => fit(Path::new(path)),
            None => {
                eprintln!("usage: calibration --fit PATH");
                std::process::exit(2);
            }
        },
        Some("--parallel") => parallel(),
        Some("--flags") => flags(),
        Some(other) => {
            eprintln!("calibration: unknown argument {other:?}; try --raw, --fit PATH, --parallel");
            std::process::exit(2);
        }
    }
}

/// Rust source of a function `fitted()` returning `calibration`, as stored in
/// `src/align/fitted.rs`.
fn rust_source(calibration: &Calibration, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\nuse super::calibration::{Calibration, CalibrationMap};\n\n");
    out.push_str("/// The calibration fitted on development gold.\n");
    out.push_str("pub(crate) fn fitted() -> Calibration {\n    Calibration {\n");
    for kind in BeadKind::ALL {
        let field = match kind {
            BeadKind::OneToOne => "one_to_one",
            BeadKind::Merge => "merge",
            BeadKind::Skip => "skip",
        };
        out.push_str(&format!(
            "        {field}: CalibrationMap::from_knots(vec![\n"
        ));
        for (x, y) in calibration.map(kind).knots() {
            out.push_str(&format!("            ({x:.6}, {y:.6}),\n"));
        }
        out.push_str("        ]),\n");
    }
    out.push_str("    }\n}\n");
    out
}
