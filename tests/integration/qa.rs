//! Translation QA a reviewer can trust: confidence that knows when the texts are not
//! translations of each other.

use std::path::{Path, PathBuf};

use satzweise::{Aligner, Text};

const GERMAN: [&str; 6] = [
    "Vizeaußenminister Fariz Rzayev empfing am 3. Oktober eine Delegation aus Litauen.",
    "Die Gespräche dauerten zwei Stunden und drehten sich um Handel und Verkehr.",
    "Der Umsatz stieg im Vorjahr um 1,5 Mio. Euro auf 12 Mio. Euro.",
    "Die 29. Sitzung findet im November in Baku statt.",
    "Jonas Survila dankte den Gastgebern für den Empfang.",
    "Weitere Treffen sind geplant.",
];
const ENGLISH: [&str; 6] = [
    "Deputy Foreign Minister Fariz Rzayev received a delegation from Lithuania on 3 October.",
    "The talks lasted two hours and focused on trade and transport.",
    "Trade grew by 1.5 million euros to 12 million euros last year.",
    "The 29th session will take place in Baku in November.",
    "Jonas Survila thanked the hosts for the reception.",
    "Further meetings are planned.",
];

#[test]
fn parallel_text_keeps_its_confidence() {
    let parallel = Aligner::new().align_sentences(&GERMAN, &ENGLISH).unwrap();
    let confident = parallel.beads().filter(|b| b.confidence() >= 0.5).count();
    assert_eq!(confident, parallel.beads().len(), "{parallel:?}");
}

#[test]
fn a_parallel_stretch_inside_unrelated_text_stands_out() {
    // Twelve unrelated sentences, the six parallel ones, twelve unrelated ones again; the
    // unrelated sentences' lengths do not follow each other either.
    let clauses_de = [
        "der Zug hatte Verspätung",
        "es regnete den ganzen Tag",
        "die Brücke blieb gesperrt",
        "niemand wusste Bescheid",
    ];
    let clauses_en = [
        "stir the apples gently",
        "leave the dough to rest",
        "warm the oven slowly",
        "serve with cream",
    ];
    let sentence = |clauses: &[&str; 4], k: usize, n: usize| {
        let parts: Vec<&str> = (0..n).map(|i| clauses[(k + i) % 4]).collect();
        format!("{}.", parts.join(", und "))
    };
    let german_filler: Vec<String> = (0..12)
        .map(|k| sentence(&clauses_de, k, k % 4 + 1))
        .collect();
    let filler: Vec<String> = (0..12)
        .map(|k| sentence(&clauses_en, k, (k * 3 + 2) % 5 + 1).replace(", und ", ", and "))
        .collect();
    let german: Vec<&str> = german_filler
        .iter()
        .map(String::as_str)
        .chain(GERMAN)
        .chain(german_filler.iter().map(String::as_str))
        .collect();
    let english: Vec<&str> = filler
        .iter()
        .map(String::as_str)
        .chain(ENGLISH)
        .chain(filler.iter().map(String::as_str))
        .collect();
    let alignment = Aligner::new().align_sentences(&german, &english).unwrap();
    for bead in alignment.beads() {
        let g = bead.german().to_usize();
        let inside = g.start >= 12 && g.end <= 18 && !g.is_empty();
        let far_outside = g.end <= 4 || g.start >= 26;
        if far_outside {
            assert!(bead.confidence() < 0.5, "{bead:?}");
        }
        if inside && bead.english().to_usize().start == g.start {
            assert!(bead.confidence() > 0.5, "{bead:?}");
        }
    }
}

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wmt21-de-en-perturbed");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Each German chunk with the next chunk's English: at most 1% of beads may reach 0.5; the
/// true pairs keep their confidence.
#[test]
fn next_chunk_pairs_are_not_trusted() {
    let Some(dir) = shared() else { return };
    let names = [
        "de-orig-06",
        "de-orig-07",
        "en-orig-06",
        "en-orig-07",
        "en-orig-08",
    ];
    let read = |name: &str, ext: &str| {
        satzweise::read_text_file(dir.join(format!("{name}.{ext}"))).unwrap()
    };
    let aligner = Aligner::new();
    let (mut beads, mut confident, mut true_sum, mut true_beads) = (0, 0, 0.0, 0);
    for (k, name) in names.iter().enumerate() {
        let next = names[(k + 1) % names.len()];
        let german = read(name, "de");
        let unrelated = aligner
            .align_texts(
                Text::from_lines(german.as_str()),
                Text::from_lines(read(next, "en")),
            )
            .unwrap();
        beads += unrelated.beads().len();
        confident += unrelated.beads().filter(|b| b.confidence() >= 0.5).count();
        let parallel = aligner
            .align_texts(Text::from_lines(german), Text::from_lines(read(name, "en")))
            .unwrap();
        true_sum += parallel.beads().map(|b| b.confidence()).sum::<f64>();
        true_beads += parallel.beads().len();
    }
    assert!(
        confident * 100 <= beads,
        "{confident} of {beads} unrelated beads ≥ 0.5"
    );
    let mean = true_sum / true_beads as f64;
    assert!(mean > 0.9, "mean confidence {mean} on true pairs");
}

/// The hand-judged verdicts the QA benchmark reads (tools/qa_original_verdicts.tsv): each
/// line names a flag kind, a verdict and the hash of an English line, and holds no data text.
#[test]
fn the_qa_benchmark_verdicts_are_well_formed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/qa_original_verdicts.tsv");
    let text = std::fs::read_to_string(&path).expect("tools/qa_original_verdicts.tsv is readable");
    let kinds: Vec<&str> = satzweise::quality::FlagKind::ALL
        .iter()
        .map(|k| k.name())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut lines = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line}");
        assert!(kinds.contains(&fields[0]), "{line}");
        assert!(
            ["real", "lexical", "notation"].contains(&fields[1]),
            "{line}"
        );
        assert!(
            fields[2].len() == 16 && fields[2].bytes().all(|b| b.is_ascii_hexdigit()),
            "{line}"
        );
        // A note is a place and a few words of the judge's, not a sentence of the data.
        assert!(fields[3].split_whitespace().count() <= 8, "{line}");
        assert!(seen.insert((fields[0], fields[2])), "judged twice: {line}");
        lines += 1;
    }
    assert!(lines > 100, "{lines} verdicts");
}
