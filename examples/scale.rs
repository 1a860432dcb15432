//! Prints how the default pipeline scales with the document length, stage by stage.
//!
//! ```text
//! cargo run --release --example scale -- [SIZES...]
//! ```
//!
//! Each size is a number of sentence pairs (default: 1000 10000 100000 1000000). The input is
//! made by repeating the lines of `../shared/data/wmt21-de-en` and the Text+Berg dev set when
//! they are present, synthetic sentences otherwise. For each size it prints the time of the
//! features, of the whole alignment (features + search + scores) and the sentences per
//! second, best of `SCALE_RUNS` runs (default 3) to damp the noise of a shared machine.

use std::time::{Duration, Instant};

use satzweise::{Aligner, PairFeatures, Text};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    let runs: usize = std::env::var("SCALE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    let (german, english, source) = corpus::pairs();
    println!("input: {source}; best of {runs} runs");
    println!(
        "{:>9} {:>12} {:>12} {:>14} {:>12}",
        "pairs", "features s", "align s", "sentences/s", "µs/sentence"
    );
    let aligner = Aligner::new();
    for size in sizes {
        // The dev sets repeat as a unit, so the English side keeps its own line count per
        // cycle (Text+Berg has more French than German lines).
        let english_size = (size as f64 * english.len() as f64 / german.len() as f64).round();
        let german_text = corpus::repeat(&german, size);
        let english_text = corpus::repeat(&english, english_size as usize);
        let mut features = Duration::MAX;
        let mut total = Duration::MAX;
        for _ in 0..runs {
            let g = Text::from_lines(german_text.clone());
            let e = Text::from_lines(english_text.clone());
            let start = Instant::now();
            let pair = PairFeatures::new(&g, &e);
            features = features.min(start.elapsed());
            drop(pair);
            let start = Instant::now();
            let alignment = aligner.align_texts(g, e);
            total = total.min(start.elapsed());
            if let Err(error) = alignment {
                eprintln!("scale: {error}");
                return;
            }
        }
        let seconds = total.as_secs_f64();
        println!(
            "{size:>9} {:>12.3} {seconds:>12.3} {:>14.0} {:>12.2}",
            features.as_secs_f64(),
            size as f64 / seconds,
            seconds * 1e6 / size as f64
        );
    }
}

mod corpus {
    //! The dev sets, or synthetic text when `../shared` is absent.

    use std::path::Path;

    /// German and English lines of the dev sets and where they came from.
    pub fn pairs() -> (Vec<String>, Vec<String>, String) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
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
                if let (Ok(g), Ok(e)) = (std::fs::read_to_string(&de), std::fs::read_to_string(&en))
                {
                    german.extend(g.lines().map(str::to_owned));
                    english.extend(e.lines().map(str::to_owned));
                }
            }
        }
        let textberg = root.join("textberg-de-fr");
        if let (Ok(g), Ok(e)) = (
            std::fs::read_to_string(textberg.join("dev.de")),
            std::fs::read_to_string(textberg.join("dev.fr")),
        ) {
            german.extend(g.lines().map(str::to_owned));
            english.extend(e.lines().map(str::to_owned));
        }
        if german.is_empty() || english.is_empty() {
            let (g, e) = synthetic(2000);
            return (g, e, "synthetic sentences (../shared is absent)".into());
        }
        (
            german,
            english,
            "wmt21-de-en + textberg dev lines, repeated".into(),
        )
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
}
