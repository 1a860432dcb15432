//! The dev sets repeated to any size, or synthetic text when `../shared` is absent: the input
//! of `examples/scale.rs` and `benches/align.rs`.

use std::path::{Path, PathBuf};

/// German and English lines of the dev sets, how many lines at their start pair one to
/// one (the WMT lines), and where they came from.
pub fn pairs() -> (Vec<String>, Vec<String>, usize, String) {
    let Some(root) = shared_data() else {
        return fallback();
    };
    let mut german = Vec::new();
    let mut english = Vec::new();
    let wmt = root.join("wmt21-de-en");
    if let Ok(entries) = std::fs::read_dir(&wmt) {
        let mut names: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "de"))
            .collect();
        names.sort();
        for de in names {
            let en = de.with_extension("en");
            if let (Ok(g), Ok(e)) = (std::fs::read_to_string(&de), std::fs::read_to_string(&en)) {
                german.extend(g.lines().map(str::to_owned));
                english.extend(e.lines().map(str::to_owned));
            }
        }
    }
    let one_to_one = german.len().min(english.len());
    let textberg = root.join("textberg-de-fr");
    if let (Ok(g), Ok(e)) = (
        std::fs::read_to_string(textberg.join("dev.de")),
        std::fs::read_to_string(textberg.join("dev.fr")),
    ) {
        german.extend(g.lines().map(str::to_owned));
        english.extend(e.lines().map(str::to_owned));
    }
    if german.is_empty() || english.is_empty() {
        return fallback();
    }
    (
        german,
        english,
        one_to_one,
        "wmt21-de-en + textberg dev lines, repeated".into(),
    )
}

fn fallback() -> (Vec<String>, Vec<String>, usize, String) {
    let (g, e) = synthetic(2000);
    (
        g,
        e,
        2000,
        "synthetic sentences (../shared is absent)".into(),
    )
}

/// The `shared/data` folder beside the checkout (`../shared/data` seen from the crate
/// root, or from the benches crate inside it), if there is one.
pub fn shared_data() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .take(3)
        .map(|dir| dir.join("../shared/data"))
        .find(|dir| dir.is_dir())
}

/// How many English lines go with the first `size` German lines of the repeated dev
/// sets: whole cycles give whole cycles, and a cut inside the one-to-one part of a cycle
/// is the same cut on both sides, so the two files remain translations of each other.
pub fn english_lines_for(
    size: usize,
    german_cycle: usize,
    english_cycle: usize,
    one_to_one: usize,
) -> usize {
    let (cycles, rest) = (size / german_cycle, size % german_cycle);
    let rest = if rest <= one_to_one {
        rest
    } else {
        // Inside the Text+Berg part: in proportion.
        let german_rest = (german_cycle - one_to_one) as f64;
        let english_rest = (english_cycle - one_to_one) as f64;
        one_to_one + ((rest - one_to_one) as f64 * english_rest / german_rest).round() as usize
    };
    cycles * english_cycle + rest
}

/// `count` documents of 2 to 10 sentence pairs cut in order from the first `one_to_one`
/// lines (the WMT lines, which pair one to one), their lines joined by a space (the aligner
/// splits them again), as `python/benchmarks/make_wmt_docs.py` cuts them: the corpus
/// builder's case. Returns the documents, numbered, and how many line pairs they hold. The
/// lengths follow a fixed sequence, so every run cuts the same documents.
pub fn small_documents(
    german: &[String],
    english: &[String],
    one_to_one: usize,
    count: usize,
) -> (Vec<(usize, satzweise::DocumentPair)>, usize) {
    let lines = one_to_one.min(german.len()).min(english.len()).max(1);
    let (mut documents, mut sentences, mut at) = (Vec::with_capacity(count), 0, 0);
    for k in 0..count {
        let len = 2 + (k * 7 + k / 3) % 9;
        if at + len > lines {
            at = (at + len) % lines.saturating_sub(len).max(1);
        }
        let end = (at + len).min(lines);
        documents.push((
            k,
            satzweise::DocumentPair::raw(german[at..end].join(" "), english[at..end].join(" ")),
        ));
        sentences += end - at;
        at = end;
    }
    (documents, sentences)
}

/// `count` numbered German/English sentence pairs of varied length.
pub fn synthetic(count: usize) -> (Vec<String>, Vec<String>) {
    let words_de = [
        "Haus",
        "Regierung",
        "und",
        "die",
        "Sitzung",
        "beginnt",
        "heute",
    ];
    let words_en = [
        "house",
        "government",
        "and",
        "the",
        "session",
        "begins",
        "today",
    ];
    (0..count)
        .map(|k| {
            let len = 3 + (k * 7919) % 23;
            let de: Vec<&str> = (0..len).map(|w| words_de[(k + w) % 7]).collect();
            let en: Vec<&str> = (0..len).map(|w| words_en[(k + w) % 7]).collect();
            (
                format!("{} {}.", de.join(" "), k % 1000),
                format!("{} {}.", en.join(" "), k % 1000),
            )
        })
        .unzip()
}

/// The first `count` lines of `lines` repeated, joined with line ends.
pub fn repeat(lines: &[String], count: usize) -> String {
    let mut text = String::new();
    for line in lines.iter().cycle().take(count) {
        text.push_str(line);
        text.push('\n');
    }
    text
}
