//! Regression floors on the shared gold sets (read from ../shared/data when it is there).
//!
//! The floors sit a little under the figures measured when they were set (see the README's
//! accuracy table), so that a change that loses accuracy fails here.

use crate::common;

use satzweise::eval::{GoldSet, Scores, score_document};
use satzweise::io::{BeadLine, read_bead_file};
use satzweise::{Aligner, AlignerConfig, DocumentPair, Lang, Text};

/// A gold set and the F1 it must keep.
struct Floor {
    /// The folder under `../shared/data`.
    folder: &'static str,
    /// The extension of the other side.
    other: &'static str,
    /// The documents, or every document of the folder.
    documents: Option<&'static [&'static str]>,
    /// The least strict and lax F1, pooled.
    strict: f64,
    lax: f64,
}

const FLOORS: [Floor; 3] = [
    Floor {
        folder: "textberg-de-fr",
        other: "fr",
        documents: Some(&["dev"]),
        strict: 0.90,
        lax: 0.99,
    },
    Floor {
        folder: "wmt21-de-en-perturbed",
        other: "en",
        documents: None,
        strict: 0.975,
        lax: 0.995,
    },
    Floor {
        folder: "wmt21-de-en",
        other: "en",
        documents: None,
        strict: 0.995,
        lax: 0.995,
    },
];

fn open(data: &std::path::Path, folder: &str, other: &str, documents: Option<&[&str]>) -> GoldSet {
    let dir = data.join(folder);
    match documents {
        Some(names) => GoldSet::with_documents(dir, other, names.iter().copied()),
        None => GoldSet::open(dir, other),
    }
    .unwrap()
}

/// The aligner for a set whose other side has the extension `other`.
fn aligner_for(other: &str) -> Aligner {
    let mut config = AlignerConfig::default();
    config.languages.english = if other == "fr" { Lang::Fr } else { Lang::En };
    Aligner::from_config(config).unwrap()
}

fn evaluate(set: &GoldSet, aligner: &Aligner) -> Scores {
    let mut pooled = Scores::default();
    for document in set.documents() {
        let (german, english) = document.texts().unwrap();
        let alignment = aligner.align_texts(german, english).unwrap();
        let gold = document.gold().unwrap();
        pooled.add(score_document(&gold, &BeadLine::from_alignment(&alignment)));
    }
    pooled
}

#[test]
fn every_gold_set_stays_above_its_floor() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let mut below = Vec::new();
    for floor in &FLOORS {
        let set = open(&data, floor.folder, floor.other, floor.documents);
        let scores = evaluate(&set, &aligner_for(floor.other));
        println!(
            "{}: strict {:.4} lax {:.4}",
            floor.folder,
            scores.f1_strict(),
            scores.f1_lax()
        );
        if scores.f1_strict() < floor.strict || scores.f1_lax() < floor.lax {
            below.push(format!(
                "{}: strict {:.4} (floor {}), lax {:.4} (floor {})",
                floor.folder,
                scores.f1_strict(),
                floor.strict,
                scores.f1_lax(),
                floor.lax
            ));
        }
    }
    assert!(below.is_empty(), "below the floor: {below:?}");
}

#[test]
fn eval_matches_the_reference_scorer_on_a_real_file() {
    // The reference scorer's numbers for the gold against itself and against a shifted copy.
    let Some(data) = common::shared_data() else {
        return;
    };
    let gold = read_bead_file(data.join("textberg-de-fr/dev.defr")).unwrap();
    let perfect = score_document(&gold, &gold);
    assert_eq!(perfect.f1_strict(), 1.0);
    assert_eq!(perfect.f1_lax(), 1.0);
}

#[test]
fn aligning_together_is_deterministic_and_no_worse() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let set = open(&data, "wmt21-de-en-perturbed", "en", None);
    let documents: Vec<_> = set.documents().take(6).collect();
    let docs = || -> Vec<(Text, Text)> { documents.iter().map(|d| d.texts().unwrap()).collect() };
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
    for ((document, joint), (g, e)) in documents.iter().zip(&first).zip(docs()) {
        let gold = document.gold().unwrap();
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
