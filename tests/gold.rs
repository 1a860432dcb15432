//! Regression floors on the shared gold sets (read from ../shared/data when it is there).
//!
//! The floors sit a little under the figures measured when they were set (see the README's
//! accuracy table), so that a change that loses accuracy fails here.

use std::path::{Path, PathBuf};

use satzweise::eval::{Scores, score_document};
use satzweise::io::{BeadLine, read_bead_file};
use satzweise::{Aligner, AlignerConfig, DocumentPair, Lang, Text};

fn data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} not found", dir.display());
        None
    }
}

fn documents(dir: &Path, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(suffix)
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The German file `NAME.de` and its counterpart `NAME.OTHER`, one sentence per line.
fn document_pair(dir: &Path, name: &str, other: &str) -> (Text, Text) {
    let read = |ext: &str| satzweise::read_text_file(dir.join(format!("{name}.{ext}"))).unwrap();
    (Text::from_lines(read("de")), Text::from_lines(read(other)))
}

fn evaluate(dir: &Path, names: &[String], other: &str, gold: &str, aligner: &Aligner) -> Scores {
    let mut pooled = Scores::default();
    for name in names {
        let (german, english) = document_pair(dir, name, other);
        let alignment = aligner.align_texts(german, english).unwrap();
        let gold = read_bead_file(dir.join(format!("{name}.{gold}"))).unwrap();
        pooled.add(score_document(&gold, &BeadLine::from_alignment(&alignment)));
    }
    pooled
}

fn german_french() -> Aligner {
    let mut config = AlignerConfig::default();
    config.english = Lang::Fr;
    Aligner::from_config(config).unwrap()
}

#[test]
fn textberg_dev_stays_above_its_floor() {
    let Some(data) = data() else { return };
    let scores = evaluate(
        &data.join("textberg-de-fr"),
        &["dev".into()],
        "fr",
        "defr",
        &german_french(),
    );
    println!(
        "textberg dev: strict {:.4} lax {:.4}",
        scores.f1_strict(),
        scores.f1_lax()
    );
    assert!(scores.f1_strict() >= 0.90, "{}", scores.f1_strict());
    assert!(scores.f1_lax() >= 0.99, "{}", scores.f1_lax());
}

#[test]
fn wmt_perturbed_stays_above_its_floor() {
    let Some(data) = data() else { return };
    let dir = data.join("wmt21-de-en-perturbed");
    let scores = evaluate(
        &dir,
        &documents(&dir, ".deen"),
        "en",
        "deen",
        &Aligner::new(),
    );
    println!(
        "wmt21 perturbed: strict {:.4} lax {:.4}",
        scores.f1_strict(),
        scores.f1_lax()
    );
    assert!(scores.f1_strict() >= 0.975, "{}", scores.f1_strict());
    assert!(scores.f1_lax() >= 0.995, "{}", scores.f1_lax());
}

#[test]
fn wmt_one_to_one_stays_nearly_perfect() {
    let Some(data) = data() else { return };
    let dir = data.join("wmt21-de-en");
    let scores = evaluate(
        &dir,
        &documents(&dir, ".deen"),
        "en",
        "deen",
        &Aligner::new(),
    );
    println!(
        "wmt21: strict {:.4} lax {:.4}",
        scores.f1_strict(),
        scores.f1_lax()
    );
    assert!(scores.f1_strict() >= 0.995, "{}", scores.f1_strict());
}

#[test]
fn eval_matches_the_reference_scorer_on_a_real_file() {
    // The reference scorer's numbers for the gold against itself and against a shifted copy.
    let Some(data) = data() else { return };
    let gold = read_bead_file(data.join("textberg-de-fr/dev.defr")).unwrap();
    let perfect = score_document(&gold, &gold);
    assert_eq!(perfect.f1_strict(), 1.0);
    assert_eq!(perfect.f1_lax(), 1.0);
}

#[test]
fn aligning_together_is_deterministic_and_no_worse() {
    let Some(data) = data() else { return };
    let dir = data.join("wmt21-de-en-perturbed");
    let names: Vec<String> = documents(&dir, ".deen").into_iter().take(6).collect();
    let docs =
        || -> Vec<(Text, Text)> { names.iter().map(|n| document_pair(&dir, n, "en")).collect() };
    let aligner = Aligner::new();
    let together = || -> Vec<_> {
        let batch = docs()
            .into_iter()
            .map(|(g, e)| ((), DocumentPair::texts(g, e)));
        aligner
            .align_batch(batch)
            .chunk_size(usize::MAX)
            .learn_across()
            .map(|(_, alignment)| alignment.unwrap())
            .collect()
    };
    let (first, second) = (together(), together());
    assert_eq!(first, second);
    let (mut together, mut alone) = (Scores::default(), Scores::default());
    for ((name, joint), (g, e)) in names.iter().zip(&first).zip(docs()) {
        let gold = read_bead_file(dir.join(format!("{name}.deen"))).unwrap();
        together.add(score_document(&gold, &BeadLine::from_alignment(joint)));
        let single = aligner.align_texts(g, e).unwrap();
        alone.add(score_document(&gold, &BeadLine::from_alignment(&single)));
    }
    println!(
        "together {:.4}, alone {:.4}",
        together.f1_strict(),
        alone.f1_strict()
    );
    assert!(together.f1_strict() >= alone.f1_strict() - 0.01);
}
