//! Aligns gold triples (German, other side, gold beads) and prints strict and lax precision,
//! recall and F1 per file and pooled, plus recall per gold bead shape.
//!
//! ```text
//! cargo run --release --example evaluate -- --set textberg-dev
//! cargo run --release --example evaluate -- --set wmt-perturbed --config my-config.json
//! cargo run --release --example evaluate -- --triple a.de a.fr a.defr --triple b.de b.fr b.defr
//! cargo run --release --example evaluate -- --set wmt-perturbed --concatenate
//! ```
//!
//! `--core-lexicon` and `--ding PATH` add the built-in German–English lexicon and a Ding
//! dictionary (such as `/usr/share/trans/de-en`) to the aligner, for German–English sets only.
//!
//! Named sets read `../shared/data` (or `--data DIR`): `textberg-dev`, `textberg-test`
//! (test0–test6 pooled), `wmt`, `wmt-perturbed`. `--dir DIR` reads every gold triple of a
//! folder (`NAME.de` with `NAME.en` and `NAME.deen`, or `NAME.fr` and `NAME.defr`), such as the
//! variants `tools/make_dev_sets.sh` makes. Files hold one sentence per line.
//!
//! Besides F1, each set prints the exact recall per gold shape, the exact precision per found
//! shape, and the recall of unaligned gold sentences (1-0, 0-1) by length in non-space
//! characters.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use satzweise::eval::{Scores, ShapeCounts, score_document};
use satzweise::io::{BeadLine, read_bead_file};
use satzweise::{Aligner, AlignerConfig, Alignment, Dictionary, Error, Lang, Text};

/// Evaluate the aligner on gold sentence alignments.
#[derive(Debug, Parser)]
struct Args {
    /// A named gold set: textberg-dev, textberg-test, wmt, wmt-perturbed.
    #[arg(long)]
    set: Vec<String>,
    /// One gold triple: GERMAN OTHER GOLD (repeatable).
    #[arg(long, num_args = 3, value_names = ["GERMAN", "OTHER", "GOLD"])]
    triple: Vec<PathBuf>,
    /// A folder of gold triples (repeatable): every `NAME.de` with `NAME.en` and `NAME.deen`
    /// (or `NAME.fr` and `NAME.defr`).
    #[arg(long)]
    dir: Vec<PathBuf>,
    /// Where the named sets live.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// An aligner configuration as JSON (fields not given keep their defaults).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Add a Ding dictionary (German–English sets only).
    #[arg(long)]
    ding: Option<PathBuf>,
    /// Keep only the first N translations of each German word of the Ding dictionary.
    #[arg(long, value_name = "N")]
    ding_max_translations: Option<usize>,
    /// Add the built-in German–English core lexicon (German–English sets only).
    #[arg(long)]
    core_lexicon: bool,
    /// Print only the pooled line of each set.
    #[arg(long)]
    quiet: bool,
    /// Align the documents of each set together, learning a lexicon across them
    /// (`Aligner::align_batch` with `Batch::learn_across`), instead of one by one.
    #[arg(long)]
    together: bool,
    /// Join the documents of each set into one long document (and their gold beads into one
    /// gold): tests the search and the sampled first pass of long documents on real gold.
    #[arg(long, conflicts_with = "together")]
    concatenate: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("evaluate: {error}");
            ExitCode::from(1)
        }
    }
}

/// The (German, other, gold) files of a named set.
fn named_set(data: &Path, name: &str) -> Result<Vec<[PathBuf; 3]>, Error> {
    let (folder, other, gold, names): (&str, &str, &str, Vec<String>) = match name {
        "textberg-dev" => ("textberg-de-fr", "fr", "defr", vec!["dev".into()]),
        "textberg-test" => (
            "textberg-de-fr",
            "fr",
            "defr",
            (0..7).map(|k| format!("test{k}")).collect(),
        ),
        "wmt" | "wmt-perturbed" => {
            let folder = if name == "wmt" {
                "wmt21-de-en"
            } else {
                "wmt21-de-en-perturbed"
            };
            let dir = data.join(folder);
            let mut names: Vec<String> = std::fs::read_dir(&dir)
                .map_err(|e| satzweise::ErrorKind::Io {
                    path: dir.clone(),
                    source: e,
                })?
                .filter_map(|entry| entry.ok())
                .filter_map(|entry| {
                    entry
                        .file_name()
                        .to_str()?
                        .strip_suffix(".deen")
                        .map(str::to_owned)
                })
                .collect();
            names.sort();
            (folder, "en", "deen", names)
        }
        _ => {
            return Err(satzweise::ErrorKind::InvalidConfig(format!(
                "unknown set {name:?} (textberg-dev, textberg-test, wmt, wmt-perturbed)"
            ))
            .into());
        }
    };
    let dir = data.join(folder);
    Ok(names
        .iter()
        .map(|n| {
            [
                dir.join(format!("{n}.de")),
                dir.join(format!("{n}.{other}")),
                dir.join(format!("{n}.{gold}")),
            ]
        })
        .collect())
}

/// The gold triples of a folder, sorted by name.
fn folder_set(dir: &Path) -> Result<Vec<[PathBuf; 3]>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| satzweise::ErrorKind::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut triples: Vec<[PathBuf; 3]> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "de"))
        .filter_map(|german| {
            ["en", "fr"].iter().find_map(|other| {
                let text = german.with_extension(other);
                let gold = german.with_extension(format!("de{other}"));
                (text.exists() && gold.exists()).then(|| [german.clone(), text, gold])
            })
        })
        .collect();
    triples.sort();
    if triples.is_empty() {
        return Err(satzweise::ErrorKind::InvalidConfig(format!(
            "{}: no gold triples (NAME.de, NAME.en, NAME.deen)",
            dir.display()
        ))
        .into());
    }
    Ok(triples)
}

/// Prints the per-shape figures of a set.
fn print_shapes(name: &str, counts: &ShapeCounts) {
    let fraction = |(hits, all): (usize, usize)| format!("{hits}/{all}");
    let recall: Vec<String> = counts
        .gold
        .iter()
        .map(|(shape, &c)| format!("{shape} {}", fraction(c)))
        .collect();
    println!(
        "{name:<16} exact recall by gold shape: {}",
        recall.join(", ")
    );
    let precision: Vec<String> = counts
        .predicted
        .iter()
        .map(|(shape, &c)| format!("{shape} {}", fraction(c)))
        .collect();
    println!(
        "{name:<16} exact precision by found shape: {}",
        precision.join(", ")
    );
    let (p, r) = counts.unaligned_precision_recall();
    let buckets = ["<30", "30-60", "60-100", "100-160", ">=160"];
    let by_length: Vec<String> = buckets
        .iter()
        .zip(counts.unaligned_by_length())
        .map(|(bucket, c)| format!("{bucket} {}", fraction(c)))
        .collect();
    println!(
        "{name:<16} unaligned (1-0, 0-1): P {p:.3} R {r:.3}; recall by length: {}",
        by_length.join(", ")
    );
}

fn run(args: &Args) -> Result<(), Error> {
    let config: AlignerConfig = match &args.config {
        Some(path) => {
            let text = satzweise::read_text_file(path)?;
            serde_json::from_str(&text).map_err(|e| {
                satzweise::ErrorKind::InvalidConfig(format!("{}: {e}", path.display()))
            })?
        }
        None => AlignerConfig::default(),
    };
    let mut sets: Vec<(String, Vec<[PathBuf; 3]>)> = Vec::new();
    for name in &args.set {
        sets.push((name.clone(), named_set(&args.data, name)?));
    }
    for dir in &args.dir {
        sets.push((dir.display().to_string(), folder_set(dir)?));
    }
    if !args.triple.is_empty() {
        let triples = args
            .triple
            .chunks(3)
            .map(|c| [c[0].clone(), c[1].clone(), c[2].clone()])
            .collect();
        sets.push(("triples".into(), triples));
    }
    let mut dictionaries: Vec<Arc<Dictionary>> = Vec::new();
    if args.core_lexicon {
        dictionaries.push(Dictionary::core_de_en());
    }
    if let Some(path) = &args.ding {
        let start = std::time::Instant::now();
        let mut dictionary = Dictionary::from_ding_file(path)?;
        if let Some(max) = args.ding_max_translations {
            dictionary.limit_translations(max);
        }
        eprintln!(
            "{}: {} German words, {} pairs, {} lines skipped, loaded in {:.0} ms",
            path.display(),
            dictionary.len(),
            dictionary.pair_count(),
            dictionary.skipped_lines(),
            start.elapsed().as_secs_f64() * 1000.0
        );
        dictionaries.push(Arc::new(dictionary));
    }
    for (name, triples) in sets {
        let mut config = config.clone();
        let french = triples
            .first()
            .is_some_and(|[_, other, _]| other.extension().is_some_and(|x| x == "fr"));
        config.english = if french { Lang::Fr } else { config.english };
        let mut builder = Aligner::builder();
        if config.english == Lang::En {
            for dictionary in &dictionaries {
                builder.dictionary(dictionary.clone());
            }
        }
        let aligner = builder.config(config).build()?;
        let mut pooled = Scores::default();
        let mut shapes = ShapeCounts::default();
        let mut documents = Vec::new();
        for [german, other, _] in &triples {
            documents.push((
                Text::from_lines(satzweise::read_text_file(german)?),
                Text::from_lines(satzweise::read_text_file(other)?),
            ));
        }
        let mut triples = triples;
        let mut concatenated_gold = None;
        if args.concatenate {
            let (mut german, mut english, mut gold) = (Vec::new(), Vec::new(), Vec::new());
            for ((g, e), [_, _, gold_path]) in documents.iter().zip(&triples) {
                let (dg, de) = (german.len(), english.len());
                for mut bead in read_bead_file(gold_path)? {
                    bead.german.iter_mut().for_each(|k| *k += dg);
                    bead.english.iter_mut().for_each(|k| *k += de);
                    gold.push(bead);
                }
                german.extend(g.sentences().map(str::to_owned));
                english.extend(e.sentences().map(str::to_owned));
            }
            documents = vec![(
                Text::from_sentences(&german),
                Text::from_sentences(&english),
            )];
            let stem = format!("{name}-concatenated");
            triples = vec![[stem.clone().into(), stem.clone().into(), stem.into()]];
            concatenated_gold = Some(gold);
        }
        let alignments: Vec<Result<Alignment, Error>> = if args.together {
            let batch = documents
                .into_iter()
                .map(|(g, e)| ((), satzweise::DocumentPair::texts(g, e)));
            aligner
                .align_batch(batch)
                .chunk_size(usize::MAX)
                .learn_across()
                .map(|(_, alignment)| alignment)
                .collect()
        } else {
            documents
                .into_iter()
                .map(|(g, e)| aligner.align_texts(g, e))
                .collect()
        };
        for ([german, _, gold], alignment) in triples.iter().zip(alignments) {
            let alignment = alignment?;
            let non_space = |text: &Text, k: usize| {
                text.sentence(k)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_whitespace()).count())
                    as f64
            };
            let test = BeadLine::from_alignment(&alignment);
            let gold = match concatenated_gold.take() {
                Some(gold) => gold,
                None => read_bead_file(gold)?,
            };
            let scores = score_document(&gold, &test);
            pooled.add(scores);
            shapes.add_document(
                &gold,
                &test,
                |k| non_space(alignment.german_text(), k),
                |k| non_space(alignment.english_text(), k),
            );
            if !args.quiet {
                println!(
                    "{:<40} strict P {:.3} R {:.3} F1 {:.3} | lax P {:.3} R {:.3} F1 {:.3}",
                    german.file_stem().and_then(|s| s.to_str()).unwrap_or("?"),
                    scores.precision_strict(),
                    scores.recall_strict(),
                    scores.f1_strict(),
                    scores.precision_lax(),
                    scores.recall_lax(),
                    scores.f1_lax()
                );
            }
        }
        println!(
            "{name:<16} pooled strict P {:.4} R {:.4} F1 {:.4} | lax P {:.4} R {:.4} F1 {:.4}",
            pooled.precision_strict(),
            pooled.recall_strict(),
            pooled.f1_strict(),
            pooled.precision_lax(),
            pooled.recall_lax(),
            pooled.f1_lax()
        );
        if !args.quiet {
            print_shapes(&name, &shapes);
        }
    }
    Ok(())
}
