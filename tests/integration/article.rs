//! The shipped article pair against its hand-written gold alignment.

use satzweise::eval::score_document;
use satzweise::io::BeadLine;
use satzweise::{Aligner, Lang, Text};

const GERMAN: &str = include_str!("../../examples/data/article.de.txt");
const ENGLISH: &str = include_str!("../../examples/data/article.en.txt");
const GOLD: &str = include_str!("../../examples/data/article.gold");

fn gold() -> Vec<BeadLine> {
    GOLD.lines()
        .map(|l| l.parse().expect("gold line"))
        .collect()
}

#[test]
fn segmentation_matches_the_gold_indices() {
    let german = Text::segment(GERMAN, Lang::De);
    let english = Text::segment(ENGLISH, Lang::En);
    assert_eq!(
        german.len(),
        10,
        "{:#?}",
        german.sentences().collect::<Vec<_>>()
    );
    assert_eq!(
        english.len(),
        9,
        "{:#?}",
        english.sentences().collect::<Vec<_>>()
    );
    assert_eq!(german.sentence(9), Some("Tags:"));
    assert!(
        german
            .sentence(7)
            .unwrap()
            .contains("bevorstehende 29. Sitzung")
    );
}

#[test]
fn article_alignment_reaches_the_gold() {
    let alignment = Aligner::new().align(GERMAN, ENGLISH).unwrap();
    let test = BeadLine::from_alignment(&alignment);
    let scores = score_document(&gold(), &test);
    println!(
        "article: strict F1 {:.3}, lax F1 {:.3}",
        scores.f1_strict(),
        scores.f1_lax()
    );
    for line in &test {
        println!("{line:.3}");
    }
    assert!(
        scores.f1_strict() >= 0.9,
        "strict F1 {}",
        scores.f1_strict()
    );
    assert!(scores.f1_lax() >= 0.99, "lax F1 {}", scores.f1_lax());
}

#[test]
fn debris_line_is_an_addition_and_merge_and_split_are_found() {
    let alignment = Aligner::new().align(GERMAN, ENGLISH).unwrap();
    let additions: Vec<&str> = alignment.additions().map(|a| a.text()).collect();
    assert_eq!(additions, ["Tags:"]);
    let shapes: Vec<String> = alignment.beads().map(|b| b.shape().to_string()).collect();
    assert!(shapes.contains(&"2-1".to_string()), "{shapes:?}");
    assert!(shapes.contains(&"1-2".to_string()), "{shapes:?}");
}
