//! Aligns gold triples (German, other side, gold beads) and prints strict and lax precision,
//! recall and F1 per file and pooled, plus recall per gold bead shape.
//!
//! ```text
//! cargo run --release --example evaluate -- --set textberg-dev
//! cargo run --release --example evaluate -- --set wmt-perturbed --config my-config.json
//! cargo run --release --example evaluate -- --triple a.de a.fr a.defr --triple b.de b.fr b.defr
//! cargo run --release --example evaluate -- --set wmt-perturbed --concatenate
//! cargo run --release --example evaluate -- --set textberg-dev --data /work/shared/data
//! cargo run --release --example evaluate -- --set textberg-dev --beads /tmp/beads
//! ```
//!
//! `--core-lexicon` and `--ding PATH` add the built-in German–English lexicon and a Ding
//! dictionary (such as `/usr/share/trans/de-en`) to the aligner, for German–English sets only.
//!
//! Named sets read `../shared/data` (or `--data DIR`): `textberg-dev`, `textberg-test`
//! (test0–test6 pooled), `wmt`, `wmt-perturbed`. `--dir DIR` reads every gold document of a
//! folder (`NAME.de` with `NAME.en` and `NAME.deen`, or `NAME.fr` and `NAME.defr`), such as the
//! variants `tools/make_dev_sets.sh` makes. Files hold one sentence per line.
//!
//! Besides F1, each set prints the beads that break the monotone order (with holes, or
//! crossing others: `satzweise::eval::ReorderCounts`), in the gold and found, and how many of
//! each the other has exactly; the exact recall per gold shape, the exact precision per found
//! shape, and the precision and recall of unaligned gold sentences (1-0, 0-1), the recall by
//! length in non-space characters. `--beads DIR` writes the found beads of every document
//! (vecalign bead lines) to `DIR/SET/NAME.beads`, for a look at them or for
//! `score_alignments.py`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use satzweise::eval::{GoldSet, ReorderCounts, Scores, ShapeCounts, score_document};
use satzweise::io::{BeadLine, read_bead_file};
use satzweise::{Aligner, Alignment, Dictionary, Lang, Text};

#[path = "common/cli.rs"]
mod cli;
#[path = "common/sets.rs"]
mod sets;

use cli::Failure;

const USAGE: &str =
    "usage: evaluate [OPTIONS] (--set NAME | --dir DIR | --triple GERMAN OTHER GOLD)...

Aligns gold documents and prints strict and lax precision, recall and F1 per file and
pooled, the beads that break the monotone order (holes, crossings) in the gold and found and
how many of each the other has exactly, exact recall per gold bead shape and precision per
found shape, and the recall of unaligned sentences by length.

  --set NAME           a named gold set: textberg-dev, textberg-test, wmt, wmt-perturbed
                       (repeatable); read from --data
  --dir DIR            every gold document of a folder: NAME.de with NAME.en and NAME.deen
                       (or NAME.fr and NAME.defr), e.g. from tools/make_dev_sets.sh
                       (repeatable)
  --triple G O GOLD    one document: German file, other file, gold bead file (repeatable)
  --data DIR           where the named sets live (default ../shared/data beside the
                       checkout; the sets are not in the repository: see the README)
  --config JSON        an aligner configuration file (satzweise::AlignerConfig as JSON)
  --beads DIR          write the found beads of every document (vecalign bead lines) to
                       DIR/SET/NAME.beads (SET: the set's name, or its folder's name)
  --ding PATH          add a Ding dictionary (German-English sets only)
  --ding-max-translations N
                       keep the first N translations of each German word of --ding
  --core-lexicon       add the built-in German-English core lexicon
  --quiet              print only the pooled lines of each set (F1, non-monotone beads)
  --together           align the documents of each set together, learning a lexicon
                       across them (Aligner::align_batch with Batch::learn_across)
  --concatenate        join the documents of each set into one long document
  -h, --help           this text

Exit codes: 0 success, 1 runtime error (a missing gold set: the message names the path),
2 usage error.
";

/// The parsed command line.
#[derive(Debug)]
struct Args {
    set: Vec<String>,
    dir: Vec<PathBuf>,
    triple: Vec<PathBuf>,
    data: PathBuf,
    config: Option<String>,
    beads: Option<PathBuf>,
    ding: Option<PathBuf>,
    ding_max_translations: Option<usize>,
    core_lexicon: bool,
    quiet: bool,
    together: bool,
    concatenate: bool,
}

fn main() -> ExitCode {
    cli::run("evaluate", USAGE, |line| {
        let args = Args {
            set: line.values(&["--set"])?,
            dir: line
                .values(&["--dir"])?
                .into_iter()
                .map(PathBuf::from)
                .collect(),
            triple: line
                .groups(&["--triple"], 3)?
                .into_iter()
                .flatten()
                .map(PathBuf::from)
                .collect(),
            data: line
                .value(&["--data"])?
                .map_or_else(sets::default_data, PathBuf::from),
            config: line.value(&["--config"])?,
            beads: line.value(&["--beads"])?.map(PathBuf::from),
            ding: line.value(&["--ding"])?.map(PathBuf::from),
            ding_max_translations: line.parsed(&["--ding-max-translations"])?,
            core_lexicon: line.flag(&["--core-lexicon"]),
            quiet: line.flag(&["--quiet"]),
            together: line.flag(&["--together"]),
            concatenate: line.flag(&["--concatenate"]),
        };
        line.finish()?;
        args_done(args)
    })
}

fn args_done(args: Args) -> Result<(), Failure> {
    if args.set.is_empty() && args.dir.is_empty() && args.triple.is_empty() {
        return Err(Failure::usage("give at least one --set, --dir or --triple"));
    }
    if args.together && args.concatenate {
        return Err(Failure::usage(
            "--together and --concatenate exclude each other",
        ));
    }
    run(&args)
}

/// The (German, other, gold) files of a named set, and the other side's language.
fn named_set(data: &std::path::Path, name: &str) -> Result<(Vec<[PathBuf; 3]>, Lang), Failure> {
    if !sets::NAMES.contains(&name) {
        return Err(Failure::usage(format!(
            "unknown set {name:?} (expected one of {})",
            sets::NAMES.join(", ")
        )));
    }
    let (set, lang) = sets::named(data, name).map_err(Failure::Runtime)?;
    let files = set
        .documents()
        .map(|d| [d.german_path(), d.other_path(), d.gold_path()])
        .collect();
    Ok((files, lang))
}

/// The (German, other, gold) files of every gold document of a folder, German–English if it
/// has any, else German–French, and the other side's language.
fn folder_set(dir: &std::path::Path) -> Result<(Vec<[PathBuf; 3]>, Lang), Failure> {
    let (set, lang) = match GoldSet::open(dir, "en") {
        Ok(set) => (set, Lang::En),
        Err(_) => (GoldSet::open(dir, "fr")?, Lang::Fr),
    };
    let files = set
        .documents()
        .map(|d| [d.german_path(), d.other_path(), d.gold_path()])
        .collect();
    Ok((files, lang))
}

/// The ROC AUC of the confidences of found skip beads (1-0, 0-1) against their strict
/// correctness: the chance that a right skip outranks a wrong one (ties count half); `None`
/// without both kinds.
fn skip_auc(skips: &[(f64, bool)]) -> Option<f64> {
    let mut sorted = skips.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut wins, mut wrong_below, mut k) = (0.0, 0usize, 0);
    let right = skips.iter().filter(|s| s.1).count();
    let wrong = skips.len() - right;
    if right == 0 || wrong == 0 {
        return None;
    }
    // Walk groups of equal confidence: each right skip beats the wrong ones below its group
    // and ties with the wrong ones in it.
    while k < sorted.len() {
        let end = k + sorted[k..]
            .iter()
            .take_while(|s| s.0 == sorted[k].0)
            .count();
        let group_wrong = sorted[k..end].iter().filter(|s| !s.1).count();
        let group_right = end - k - group_wrong;
        wins += group_right as f64 * (wrong_below as f64 + group_wrong as f64 / 2.0);
        wrong_below += group_wrong;
        k = end;
    }
    Some(wins / (right * wrong) as f64)
}

/// Prints the per-shape figures of a set.
fn print_shapes(name: &str, counts: &ShapeCounts, skips: &[(f64, bool)]) {
    let fraction = |(hits, all): (usize, usize)| format!("{hits}/{all}");
    let recall: Vec<String> = counts
        .gold
        .iter()
        .map(|(shape, &c)| format!("{shape} {}", fraction(c)))
        .collect();
    outln!(
        "{name:<16} exact recall by gold shape: {}",
        recall.join(", ")
    );
    let precision: Vec<String> = counts
        .predicted
        .iter()
        .map(|(shape, &c)| format!("{shape} {}", fraction(c)))
        .collect();
    outln!(
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
    outln!(
        "{name:<16} unaligned (1-0, 0-1): P {p:.3} R {r:.3}; recall by length: {}",
        by_length.join(", ")
    );
    let right = skips.iter().filter(|s| s.1).count();
    let auc = skip_auc(skips).map_or_else(|| "-".to_owned(), |auc| format!("{auc:.4}"));
    outln!(
        "{name:<16} skip confidence ROC AUC {auc} ({right} right, {} wrong skips)",
        skips.len() - right
    );
}

/// A set of gold documents to evaluate.
struct EvalSet {
    /// The name it is printed with.
    name: String,
    /// The folder of its beads under `--beads`.
    folder: String,
    /// (German, other, gold) files of each document.
    triples: Vec<[PathBuf; 3]>,
    /// The other side's language, when known.
    lang: Option<Lang>,
}

fn run(args: &Args) -> Result<(), Failure> {
    let config = cli::read_config(args.config.as_deref())?;
    let mut sets: Vec<EvalSet> = Vec::new();
    for name in &args.set {
        let (files, lang) = named_set(&args.data, name)?;
        sets.push(EvalSet {
            name: name.clone(),
            folder: name.clone(),
            triples: files,
            lang: Some(lang),
        });
    }
    for dir in &args.dir {
        let (files, lang) = folder_set(dir)?;
        let folder = dir
            .file_name()
            .map_or_else(|| "dir".to_owned(), |n| n.to_string_lossy().into_owned());
        sets.push(EvalSet {
            name: dir.display().to_string(),
            folder,
            triples: files,
            lang: Some(lang),
        });
    }
    if !args.triple.is_empty() {
        let triples = args
            .triple
            .chunks(3)
            .map(|c| [c[0].clone(), c[1].clone(), c[2].clone()])
            .collect();
        sets.push(EvalSet {
            name: "triples".into(),
            folder: "triples".into(),
            triples,
            lang: None,
        });
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
    for EvalSet {
        name,
        folder,
        triples,
        lang,
    } in sets
    {
        let beads_dir = match &args.beads {
            Some(dir) => {
                let dir = dir.join(&folder);
                std::fs::create_dir_all(&dir)
                    .map_err(|e| Failure::runtime(format!("{}: {e}", dir.display())))?;
                Some(dir)
            }
            None => None,
        };
        let mut config = config.clone();
        if lang == Some(Lang::Fr) {
            config.languages.english = Lang::Fr;
        }
        let mut builder = Aligner::builder();
        if config.languages.english == Lang::En {
            for dictionary in &dictionaries {
                builder.dictionary(dictionary.clone());
            }
        }
        let aligner = builder.config(config).build()?;
        let mut pooled = Scores::default();
        let mut reorder = ReorderCounts::default();
        let mut shapes = ShapeCounts::default();
        let mut skips: Vec<(f64, bool)> = Vec::new();
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
        let alignments: Vec<Result<Alignment, satzweise::Error>> = if args.together {
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
            let gold_beads: std::collections::HashSet<(&[usize], &[usize])> = gold
                .iter()
                .map(|b| (b.german.as_slice(), b.english.as_slice()))
                .collect();
            for (bead, line) in alignment.beads().zip(&test) {
                if line.german.is_empty() != line.english.is_empty() {
                    let key = (line.german.as_slice(), line.english.as_slice());
                    skips.push((bead.confidence(), gold_beads.contains(&key)));
                }
            }
            let stem = german.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
            if let Some(dir) = &beads_dir {
                let languages = (Lang::De, lang.unwrap_or(Lang::En));
                satzweise::io::Format::Vecalign.write_path(
                    &alignment,
                    languages,
                    &dir.join(format!("{stem}.beads")),
                )?;
            }
            let scores = score_document(&gold, &test);
            pooled.add(scores);
            reorder.add(ReorderCounts::of_document(&gold, &test));
            shapes.add_document(
                &gold,
                &test,
                |k| non_space(alignment.german_text(), k),
                |k| non_space(alignment.english_text(), k),
            );
            if !args.quiet {
                outln!(
                    "{stem:<40} strict P {:.3} R {:.3} F1 {:.3} | lax P {:.3} R {:.3} F1 {:.3}",
                    scores.precision_strict(),
                    scores.recall_strict(),
                    scores.f1_strict(),
                    scores.precision_lax(),
                    scores.recall_lax(),
                    scores.f1_lax()
                );
            }
        }
        outln!(
            "{name:<16} pooled strict P {:.4} R {:.4} F1 {:.4} | lax P {:.4} R {:.4} F1 {:.4}",
            pooled.precision_strict(),
            pooled.recall_strict(),
            pooled.f1_strict(),
            pooled.precision_lax(),
            pooled.recall_lax(),
            pooled.f1_lax()
        );
        outln!(
            "{name:<16} non-monotone beads: gold {}, found exactly {} | predicted {}, in gold {}",
            reorder.gold,
            reorder.gold_found,
            reorder.predicted,
            reorder.predicted_right
        );
        if !args.quiet {
            print_shapes(&name, &shapes, &skips);
        }
    }
    Ok(())
}
