//! The body of every fuzz target, as a plain function of the input bytes: a panic is a
//! finding. `fuzz_targets/NAME.rs` hands libFuzzer's input to the function of that name; the
//! replay test (`tests/replay.rs`) runs the same functions on stable over the committed
//! seeds, so a finding once fixed stays fixed without a nightly toolchain.

use satzweise::io::BeadLine;
use satzweise::{
    Aligner, Alignment, Candidate, Dictionary, EmbeddingOptions, EmbeddingScorer, EmbeddingTable,
    Lang, PairFeatures, Scorer, SearchConfig, Segmenter, Text, WordTranslations,
};

use crate::common::assert_covers;
use crate::generate;

/// A fuzz target: its name (as in `fuzz/Cargo.toml`) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every target by name, in the order of `fuzz/Cargo.toml`.
pub const TARGETS: [Target; 15] = [
    ("align", align),
    ("bead_lines", bead_lines),
    ("tsv", tsv),
    ("jsonl", jsonl),
    ("tmx", tmx),
    ("ladder", ladder),
    ("json_alignment", json_alignment),
    ("segment", segment),
    ("dictionary", dictionary),
    ("embeddings", embeddings),
    ("long_tokens", long_tokens),
    ("repetitive", repetitive),
    ("hostile_tmx", hostile_tmx),
    ("hostile_dictionary", hostile_dictionary),
    ("hostile_ladder", hostile_ladder),
];

/// The aligner on arbitrary pairs of texts: never panics, and the beads cover both sides.
pub fn align(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // The two texts are separated by the first NUL (or the second is empty).
    let (german, english) = text.split_once('\0').unwrap_or((&text, ""));
    let aligner = if mode & 4 == 0 {
        Aligner::new()
    } else {
        // A tiny exact threshold forces the banded coarse-to-fine search.
        let mut search = SearchConfig::default();
        search.exact_cells = 4;
        search.band_width = 1;
        search.max_band_width = 4;
        Aligner::builder().search(search).build().unwrap()
    };
    let alignment = match mode & 3 {
        0 => aligner.align(german, english),
        1 => aligner.align_lines(german, english),
        _ => {
            let g: Vec<&str> = german.split(['.', '\n']).collect();
            let e: Vec<&str> = english.split(['.', '\n']).collect();
            aligner.align_sentences(&g, &e)
        }
    }
    .expect("the default shapes align any pair");
    check(&alignment);
}

/// Coverage, and every bead's texts readable.
fn check(alignment: &Alignment) {
    assert_covers(alignment);
    for bead in alignment {
        let _ = bead.german_text();
        let _ = bead.english_text();
    }
}

/// Vecalign bead lines: never panics; what parses prints back to a line that parses alike.
pub fn bead_lines(data: &[u8]) {
    let Ok(lines) = satzweise::io::read_bead_lines(data, "fuzz") else {
        return;
    };
    for line in lines {
        let again: BeadLine = line.to_string().parse().expect("printed bead line parses");
        assert_eq!(again.german, line.german);
        assert_eq!(again.english, line.english);
        match (line.score, again.score) {
            (Some(a), Some(b)) => assert!(a == b || (a.is_nan() && b.is_nan()), "{a} {b}"),
            (None, None) => {}
            other => panic!("score changed: {other:?}"),
        }
    }
}

/// TSV and Moses readers: never panic; no record holds a line end or a tab.
pub fn tsv(data: &[u8]) {
    if let Ok(pairs) = satzweise::io::read_tsv(data, "fuzz.tsv") {
        for pair in pairs {
            assert!(!pair.german.contains('\n') && !pair.english.contains('\t'));
        }
    }
    // Moses: the input split at its first NUL into two files.
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (german, english) = data.split_at(split);
    let english = english.get(1..).unwrap_or(&[]);
    let _ = satzweise::io::read_moses(german, "fuzz.de", english, "fuzz.en");
}

/// JSON lines: never panics; records that parse write and parse back alike.
pub fn jsonl(data: &[u8]) {
    let Ok(beads) = satzweise::io::read_jsonl(data, "fuzz.jsonl") else {
        return;
    };
    for bead in beads {
        let _ = bead.to_bead_line();
        let json = serde_json::to_string(&bead).expect("a parsed record serializes");
        let again: satzweise::io::JsonlBead = serde_json::from_str(&json).expect("and parses");
        assert_eq!(again.german_text, bead.german_text);
    }
}

/// The TMX reader: never panics on any bytes.
pub fn tmx(data: &[u8]) {
    if let Ok(units) = satzweise::io::read_tmx(data, "fuzz.tmx") {
        for unit in units {
            let _ = unit.to_pair("de", "en");
        }
    }
}

/// The hunalign ladder reader and its conversion to beads and to an alignment: never panic,
/// and the beads expand to no more indices than the texts hold.
pub fn ladder(data: &[u8]) {
    let Ok(rungs) = satzweise::io::read_ladder(data, "fuzz.ladder") else {
        return;
    };
    // Texts as long as the last rung says, within a bound.
    let (n, m) = rungs.last().map_or((0, 0), |r| (r.german, r.english));
    let (n, m) = (n.min(100_000), m.min(100_000));
    let Ok(beads) = satzweise::io::ladder_to_beads(&rungs, n, m) else {
        return;
    };
    let indices: usize = beads.iter().map(|b| b.german.len() + b.english.len()).sum();
    assert!(
        indices <= n + m,
        "{indices} indices for {n} + {m} sentences"
    );
    let german = Text::from_sentences((0..n).map(|_| "x"));
    let english = Text::from_sentences((0..m).map(|_| "y"));
    let _ = satzweise::io::alignment_from_beads(german, english, &beads);
}

/// A whole Alignment from JSON: never panics; what deserializes is valid and round-trips.
pub fn json_alignment(data: &[u8]) {
    let Ok(alignment) = serde_json::from_slice::<Alignment>(data) else {
        return;
    };
    // Deserialization checks the invariants, so every view must work.
    for bead in &alignment {
        let _ = bead.german_text();
        let _ = bead.english_text();
    }
    let _ = alignment.omissions().count() + alignment.additions().count();
    let json = serde_json::to_string(&alignment).expect("serializes");
    let again: Alignment = serde_json::from_str(&json).expect("round-trips");
    assert_eq!(again.bead_slice().len(), alignment.bead_slice().len());
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// The segmenter never panics and its spans keep every invariant, in every language, on any
/// bytes that are UTF-8: in order, on character boundaries, trimmed, and with the gaps they
/// rebuild the text.
pub fn segment(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::De, Lang::En, Lang::Fr, Lang::Other] {
        let mut sentences = Segmenter::new(lang).sentences(text);
        let mut rebuilt = String::with_capacity(text.len());
        let mut previous_end = 0;
        let mut previous_paragraph = 0;
        for sentence in sentences.by_ref() {
            let span = sentence.span();
            assert!(previous_end <= span.start && span.start < span.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(&text[span.start..span.end], sentence.as_str());
            assert!(span.paragraph >= previous_paragraph);
            assert!(sentence.gap_before().chars().all(is_space));
            assert!(!sentence.as_str().starts_with(is_space));
            assert!(!sentence.as_str().ends_with(is_space));
            rebuilt.push_str(sentence.gap_before());
            rebuilt.push_str(sentence.as_str());
            previous_end = span.end;
            previous_paragraph = span.paragraph;
        }
        assert!(sentences.rest().chars().all(is_space));
        rebuilt.push_str(sentences.rest());
        assert_eq!(rebuilt, text);
    }
}

/// The Ding and TSV dictionary readers: a dictionary or an error, never a panic.
pub fn dictionary(data: &[u8]) {
    if let Ok(ding) = Dictionary::from_ding_reader(data) {
        let _ = ding.translations("haus");
        assert!(ding.pair_count() >= ding.len());
    }
    if let Ok(tsv) = Dictionary::from_tsv_reader(data) {
        assert!(tsv.pair_count() >= tsv.len());
        assert_eq!(tsv.skipped_lines(), 0);
    }
    if let Some((german, english)) = std::str::from_utf8(data)
        .ok()
        .and_then(|text| text.split_once('\t'))
    {
        let mut dictionary = Dictionary::new();
        dictionary.insert(german, english);
    }
}

/// The embedding readers and every run of a small pair of texts: errors are fine, panics
/// and NaN costs from finite input are not.
pub fn embeddings(data: &[u8]) {
    // First byte: dimension hint; then the overlaps text up to a NUL byte, then the matrix.
    let Some((&hint, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (overlaps, matrix) = rest.split_at(split);
    let matrix = matrix.get(1..).unwrap_or(&[]);
    let dim = if hint == 0 {
        None
    } else {
        Some(hint as usize % 9)
    };
    let Ok(table) = EmbeddingTable::from_bytes(overlaps, matrix, dim) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(overlaps) else {
        return;
    };
    let german = Text::from_lines(text);
    let english = Text::from_lines(text);
    let mut options = EmbeddingOptions::default();
    options.max_run = 3;
    let Ok(scorer) = EmbeddingScorer::with_options(table.clone(), table, options) else {
        return;
    };
    let scorer = scorer.for_document(&german, &english);
    let pair = PairFeatures::new(&german, &english);
    let (n, m) = (german.len().min(6), english.len().min(6));
    for i in 0..=n {
        for j in 0..=m {
            for a in 0..3 {
                for b in 0..3 {
                    let bead = Candidate::from_ranges(i..(i + a).min(n + 1), j..(j + b).min(m + 1));
                    let cost = scorer.cost(&pair, bead);
                    assert!(!cost.is_nan());
                }
            }
        }
    }
}

/// Texts holding a token of up to a megabyte ([`generate::long_tokens`]): they align, and
/// both the segmenting and the pre-split path cover every sentence.
pub fn long_tokens(data: &[u8]) {
    let (german, english) = generate::long_tokens(data);
    let aligner = Aligner::new();
    let alignment = if data.first().is_some_and(|m| m & 4 == 0) {
        aligner.align(&german, &english)
    } else {
        aligner.align_lines(&german.replace(". ", ".\n"), &english.replace(". ", ".\n"))
    }
    .expect("the default shapes align any pair");
    check(&alignment);
}

/// Many lines that look alike ([`generate::repetitive`]): they align with every line covered.
pub fn repetitive(data: &[u8]) {
    let (german, english) = generate::repetitive(data);
    let alignment = Aligner::new()
        .align_sentences(&german, &english)
        .expect("the default shapes align any pair");
    check(&alignment);
    assert_eq!(alignment.german_text().len(), german.len());
    assert_eq!(alignment.english_text().len(), english.len());
}

/// Hostile TMX documents ([`generate::tmx`]): units or an error naming a line, never a panic;
/// what is read has no character XML cannot hold.
pub fn hostile_tmx(data: &[u8]) {
    let tmx = generate::tmx(data);
    match satzweise::io::read_tmx(tmx.as_slice(), "fuzz.tmx") {
        Ok(units) => {
            for unit in units {
                for text in [unit.text("de"), unit.text("en")].into_iter().flatten() {
                    assert!(
                        !text
                            .chars()
                            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
                        "a control character came through: {text:?}"
                    );
                }
                let _ = unit.to_pair("de", "en");
            }
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

/// Hostile dictionaries ([`generate::ding`], [`generate::tsv_dictionary`]): read, with each
/// translation of a word stored once.
pub fn hostile_dictionary(data: &[u8]) {
    let ding = generate::ding(data);
    if let Ok(dictionary) = Dictionary::from_ding_reader(ding.as_slice()) {
        assert!(dictionary.pair_count() >= dictionary.len());
        each_translation_once(&dictionary, &["bank", "wort", "haus"]);
    }
    let tsv = generate::tsv_dictionary(data);
    if let Ok(dictionary) = Dictionary::from_tsv_reader(tsv.as_slice()) {
        assert!(dictionary.pair_count() >= dictionary.len());
        each_translation_once(&dictionary, &["bank", "wort", "haus"]);
    }
}

fn each_translation_once(dictionary: &Dictionary, keys: &[&str]) {
    for key in keys {
        let translations = dictionary.translations(key);
        let mut sorted: Vec<&String> = translations.iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            translations.len(),
            "a translation of {key} twice"
        );
    }
}

/// Hostile ladders ([`generate::ladder`]) through the same checks as [`ladder`].
pub fn hostile_ladder(data: &[u8]) {
    ladder(&generate::ladder(data));
}
