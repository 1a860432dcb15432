//! Measures what the confidence means: reliability tables against gold, expected calibration
//! error, precision of confident beads; refits the calibration; evaluates the parallel score.
//!
//! ```text
//! cargo run --release --example calibration                 # tables with the built-in calibration
//! cargo run --release --example calibration -- --raw        # tables of the raw posterior
//! cargo run --release --example calibration -- --together   # each set aligned as one batch
//! cargo run --release --example calibration -- --fit src/align/fitted.rs \
//!     --dev-set /tmp/satzweise-dev/seed7 ... --dev-set /tmp/satzweise-dev/del15c
//!                                     # the reorder model also on tools/make_dev_sets.sh's sets
//! cargo run --release --example calibration -- --reorder-samples   # the reorder pass's beads
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

use satzweise::eval::GoldSet;
use satzweise::io::BeadLine;
use satzweise::quality::{
    BeadKind, Calibration, ParallelModel, RawBead, ReorderEvidence, ReorderModel, SkipDocument,
    SkipModel,
};
use satzweise::{Aligner, Alignment, Lang, Text};

/// One aligned document with its gold.
struct Doc {
    name: String,
    german: String,
    english: String,
    gold: Vec<BeadLine>,
}

/// Where the gold sets live: `--data DIR`, else `../shared/data` beside the checkout.
static DATA: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

fn data_dir() -> PathBuf {
    DATA.get()
        .cloned()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

fn read(path: &Path) -> Option<String> {
    satzweise::read_text_file(path).ok()
}

/// The gold beads of `doc` as (German, English) index lists.
fn gold_beads(doc: &Doc) -> HashSet<(Vec<usize>, Vec<usize>)> {
    doc.gold
        .iter()
        .map(|b| (b.german.to_vec(), b.english.to_vec()))
        .collect()
}

/// Document `name` of the gold set in `dir` whose other side is `other`, if present.
fn load(dir: &Path, name: &str, other: &str) -> Option<Doc> {
    let set = GoldSet::with_documents(dir, other, [name]).ok()?;
    let document = set.documents().next()?;
    Some(Doc {
        name: name.to_string(),
        german: read(&document.german_path())?,
        english: read(&document.other_path())?,
        gold: document.gold().ok()?,
    })
}

/// Every document of the gold set in `dir` (German with English, else with French).
fn load_dir(dir: &Path) -> Vec<Doc> {
    let set = match GoldSet::open(dir, "en") {
        Ok(set) => set,
        Err(_) => match GoldSet::open(dir, "fr") {
            Ok(set) => set,
            Err(e) => {
                eprintln!("calibration: {}: {e}", dir.display());
                return Vec::new();
            }
        },
    };
    set.documents()
        .filter_map(|document| {
            Some(Doc {
                name: document.name().to_string(),
                german: read(&document.german_path())?,
                english: read(&document.other_path())?,
                gold: document.gold().ok()?,
            })
        })
        .collect()
}

fn textberg(names: &[&str]) -> Vec<Doc> {
    let dir = data_dir().join("textberg-de-fr");
    names.iter().filter_map(|n| load(&dir, n, "fr")).collect()
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
        .filter_map(|(n, _)| load(&dir, &n, "en"))
        .collect()
}

/// `(german sentences, english sentences, confidence as printed, strictly correct)`.
type Sample = (usize, usize, f64, bool);

/// Whether `--together` is given: every set is aligned as one batch that learns across its
/// documents (`Aligner::align_batch(..).learn_across()`), as `evaluate --together` does.
static TOGETHER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn together() -> bool {
    TOGETHER.load(std::sync::atomic::Ordering::Relaxed)
}

/// Each `(german, english)` pair (one sentence a line) aligned: one by one, or with
/// `together` as one batch learning across all of them; errors are printed and give `None`.
fn align_all(aligner: &Aligner, pairs: &[(&str, &str)], together: bool) -> Vec<Option<Alignment>> {
    let report = |result: satzweise::Result<Alignment>| {
        result.map_err(|e| eprintln!("calibration: {e}")).ok()
    };
    if together {
        let batch = pairs
            .iter()
            .map(|&(g, e)| ((), satzweise::DocumentPair::lines(g, e)));
        aligner
            .align_batch(batch)
            .chunk_size(usize::MAX)
            .learn_across()
            .map(|(_, result)| report(result))
            .collect()
    } else {
        pairs
            .iter()
            .map(|&(g, e)| report(aligner.align_texts(Text::from_lines(g), Text::from_lines(e))))
            .collect()
    }
}

fn samples(aligner: &Aligner, docs: &[Doc]) -> Vec<Sample> {
    let pairs: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.german.as_str(), d.english.as_str()))
        .collect();
    let mut out = Vec::new();
    for (doc, alignment) in docs.iter().zip(align_all(aligner, &pairs, together())) {
        let Some(alignment) = alignment else {
            continue;
        };
        let gold = gold_beads(doc);
        for line in BeadLine::from_alignment(&alignment) {
            let printed = (line.score.unwrap_or(0.0) * 1000.0).round() / 1000.0;
            let correct = gold.contains(&(line.german.to_vec(), line.english.to_vec()));
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
    outln!("\n## {title}\n");
    if samples.is_empty() {
        outln!("(no data: ../shared/data is absent)");
        return;
    }
    outln!("| confidence | beads | mean confidence | strictly correct |");
    outln!("| --- | ---: | ---: | ---: |");
    for (k, b) in bin(samples).iter().enumerate() {
        let range = format!("{:.1}–{:.1}", k as f64 / 10.0, (k + 1) as f64 / 10.0);
        if b.count == 0 {
            outln!("| {range} | 0 | – | – |");
        } else {
            outln!(
                "| {range} | {} | {:.3} | {:.3} |",
                b.count,
                b.mean_confidence(),
                b.accuracy()
            );
        }
    }
    let (ece, precision, confident) = summary(samples);
    let right = samples.iter().filter(|s| s.3).count();
    outln!(
        "\nbeads {}, strictly correct {:.3}, ECE {:.4}, precision at confidence ≥ 0.9: {:.4} ({} beads, {:.1}% of all)",
        samples.len(),
        right as f64 / samples.len() as f64,
        ece,
        precision,
        confident,
        100.0 * confident as f64 / samples.len() as f64
    );
}

/// The aligner configuration of `--config FILE` (JSON), else the default: the calibration
/// and the languages are set over it.
static CONFIG: std::sync::OnceLock<satzweise::AlignerConfig> = std::sync::OnceLock::new();

fn base_config() -> satzweise::AlignerConfig {
    CONFIG.get().cloned().unwrap_or_default()
}

/// The aligner of `--config` (or the default) for German–English.
fn default_aligner() -> Aligner {
    Aligner::from_config(base_config()).unwrap_or_else(|e| {
        eprintln!("calibration: {e}");
        std::process::exit(1);
    })
}

fn aligner(english: Lang, calibration: &Calibration) -> Aligner {
    match Aligner::builder()
        .config(base_config())
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
    outln!("# Reliability of the confidence ({label})");
    let fr = aligner(Lang::Fr, calibration);
    let en = aligner(Lang::En, calibration);
    let tests: Vec<String> = (0..7).map(|k| format!("test{k}")).collect();
    let test_names: Vec<&str> = tests.iter().map(String::as_str).collect();
    let textberg_dev = samples(&fr, &textberg(&["dev"]));
    table("Text+Berg dev (fitting data)", &textberg_dev);
    let textberg_test = samples(&fr, &textberg(&test_names));
    table("Text+Berg test0–6 pooled (reporting only)", &textberg_test);
    table(
        "wmt21-de-en-perturbed, development half (fitting data)",
        &samples(&en, &wmt(Some(true))),
    );
    table(
        "wmt21-de-en-perturbed, held-out half",
        &samples(&en, &wmt(Some(false))),
    );
    let wmt_all = samples(&en, &wmt(None));
    table("wmt21-de-en-perturbed, all 23 chunks", &wmt_all);
    skips("Text+Berg dev (fitting data)", &textberg_dev);
    skips("Text+Berg test0–6", &textberg_test);
    skips("wmt21-de-en-perturbed, all 23 chunks", &wmt_all);
    unrelated(
        &en,
        &wmt(None),
        "wmt21-de-en-perturbed: German chunk k with English chunk k+1",
    );
    unrelated(
        &fr,
        &textberg(&test_names),
        "Text+Berg test0–6: German test k with French test k+1",
    );
}

/// The skip beads (1-0, 0-1) alone: their reliability table and the ROC AUC of their
/// confidence against their correctness (can a reviewer rank omissions and additions?).
fn skips(title: &str, samples: &[Sample]) {
    let skipped: Vec<Sample> = samples
        .iter()
        .copied()
        .filter(|s| s.0 == 0 || s.1 == 0)
        .collect();
    table(&format!("{title}: skip beads alone"), &skipped);
    let right: Vec<f64> = skipped.iter().filter(|s| s.3).map(|s| s.2).collect();
    let wrong: Vec<f64> = skipped.iter().filter(|s| !s.3).map(|s| s.2).collect();
    let distinct: HashSet<u64> = skipped.iter().map(|s| s.2.to_bits()).collect();
    if right.is_empty() || wrong.is_empty() {
        println!(
            "ROC AUC of skip confidence against correctness: undefined ({} right, {} wrong skips); {} distinct confidences",
            right.len(),
            wrong.len(),
            distinct.len()
        );
    } else {
        println!(
            "ROC AUC of skip confidence against correctness: {:.4} ({} right, {} wrong skips); {} distinct confidences",
            auc(&right, &wrong),
            right.len(),
            wrong.len(),
            distinct.len()
        );
    }
}

/// Mismatched pairs (each German document with the next document's other side): every
/// bead is wrong, so the confidence should say so.
fn unrelated(aligner: &Aligner, docs: &[Doc], title: &str) {
    println!("\n## Unrelated pairs: {title}\n");
    if docs.len() < 2 {
        println!("(no data: ../shared/data is absent)");
        return;
    }
    // With --together the mismatched pairs are aligned in one batch with the true pairs
    // (half the batch unrelated): the batch model learns from both, as in use.
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if together() {
        pairs.extend(docs.iter().map(|d| (d.german.as_str(), d.english.as_str())));
    }
    let true_pairs = pairs.len();
    for (k, doc) in docs.iter().enumerate() {
        let next = &docs[(k + 1) % docs.len()];
        pairs.push((doc.german.as_str(), next.english.as_str()));
    }
    let confidences: Vec<f64> = align_all(aligner, &pairs, together())
        .into_iter()
        .skip(true_pairs)
        .flatten()
        .flat_map(|a| a.beads().map(|b| b.confidence()).collect::<Vec<_>>())
        .collect();
    let above = confidences.iter().filter(|&&c| c >= 0.5).count();
    let max = confidences.iter().copied().fold(0.0, f64::max);
    let mean = confidences.iter().sum::<f64>() / confidences.len().max(1) as f64;
    println!(
        "beads {}, with confidence ≥ 0.5: {above} ({:.2}%), mean confidence {mean:.4}, highest {max:.4}",
        confidences.len(),
        100.0 * above as f64 / confidences.len().max(1) as f64
    );
}

/// A document pair aligned with the raw posterior: each bead's `(german, english, cost)`,
/// its raw posterior and whether it is strictly correct (never, for a mismatched pair).
struct RawDoc {
    beads: Vec<RawBead>,
    /// Letters and digits of each bead's German and English sentences (the skip model's).
    letters: Vec<(usize, usize)>,
    posteriors: Vec<f64>,
    correct: Vec<bool>,
    /// Per bead: whether the text around it is parallel.
    parallel: Vec<bool>,
    /// A true translation pair (its beads calibrate the maps).
    translation: bool,
}

/// A pair to align for fitting: German, English (one sentence a line), gold, and
/// `parallel_below`: `None` for a translation pair (every bead parallel) and
/// `Some((german, english))` for a pair whose German lines below `german` and English lines
/// below `english` translate each other and the rest not (`Some((0, 0))`: unrelated).
struct Pending<'a> {
    german: &'a str,
    english: String,
    gold: Option<&'a [BeadLine]>,
    parallel_below: Option<(usize, usize)>,
}

/// `pending` aligned (see [`align_all`]) and read as [`RawDoc`]s; failures are left out.
fn raw_docs(aligner: &Aligner, pending: &[Pending<'_>], together: bool) -> Vec<RawDoc> {
    let pairs: Vec<(&str, &str)> = pending
        .iter()
        .map(|p| (p.german, p.english.as_str()))
        .collect();
    pending
        .iter()
        .zip(align_all(aligner, &pairs, together))
        .filter_map(|(p, alignment)| Some(raw_doc(&alignment?, p.gold, p.parallel_below)))
        .collect()
}

/// An alignment read as a [`RawDoc`] (see [`Pending`] for `gold` and `parallel_below`).
fn raw_doc(
    alignment: &Alignment,
    gold: Option<&[BeadLine]>,
    parallel_below: Option<(usize, usize)>,
) -> RawDoc {
    let gold: HashSet<(Vec<usize>, Vec<usize>)> = gold
        .into_iter()
        .flatten()
        .map(|b| (b.german.to_vec(), b.english.to_vec()))
        .collect();
    let mut doc = RawDoc {
        beads: Vec::new(),
        letters: Vec::new(),
        posteriors: Vec::new(),
        correct: Vec::new(),
        parallel: Vec::new(),
        translation: parallel_below.is_none(),
    };
    for b in alignment.beads() {
        let key: (Vec<usize>, Vec<usize>) = (
            b.german().to_usize().collect(),
            b.english().to_usize().collect(),
        );
        doc.beads
            .push((key.0.len(), key.1.len(), b.cost(), b.confidence()));
        doc.posteriors.push(b.confidence());
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        doc.letters
            .push((letters(&b.german_text()), letters(&b.english_text())));
        doc.correct.push(gold.contains(&key));
        doc.parallel.push(match parallel_below {
            None => true,
            Some((g, e)) => key.0.iter().all(|&i| i < g) && key.1.iter().all(|&j| j < e),
        });
    }
    doc
}

/// The lines of `text` rotated by half their number: a text that does not translate
/// `text`'s partner but has its domain and its style.
fn rotated(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let half = lines.len() / 2;
    lines[half..]
        .iter()
        .chain(&lines[..half])
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// `doc` cut into pieces of about `beads` gold beads each (the last piece takes the rest),
/// with their gold re-indexed: more documents, of more varied evidence, from the same data.
fn pieces(doc: &Doc, beads: usize) -> Vec<Doc> {
    let german: Vec<&str> = doc.german.lines().collect();
    let english: Vec<&str> = doc.english.lines().collect();
    let count = (doc.gold.len() / beads.max(1)).max(1);
    let size = doc.gold.len().div_ceil(count);
    doc.gold
        .chunks(size.max(1))
        .enumerate()
        .filter_map(|(k, gold)| {
            let g0 = gold.iter().flat_map(|b| b.german.iter()).min().copied()?;
            let g1 = gold.iter().flat_map(|b| b.german.iter()).max().copied()?;
            let e0 = gold.iter().flat_map(|b| b.english.iter()).min().copied()?;
            let e1 = gold.iter().flat_map(|b| b.english.iter()).max().copied()?;
            let shift = |v: &[usize], by: usize| v.iter().map(|i| i - by).collect::<Vec<_>>();
            Some(Doc {
                name: format!("{}#{k}", doc.name),
                german: german.get(g0..=g1)?.join("\n"),
                english: english.get(e0..=e1)?.join("\n"),
                gold: gold
                    .iter()
                    .map(|b| BeadLine {
                        german: shift(&b.german, g0).into(),
                        english: shift(&b.english, e0).into(),
                        score: None,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// Development data for fitting: the true pairs of Text+Berg dev (cut into pieces of about
/// 60 beads) and of the development half of wmt21-de-en-perturbed, as many mismatched
/// pairs (each piece's or chunk's German with the next one's other side), and as many pairs
/// parallel in their first half only. With `together`, each set's true pairs are aligned as
/// one batch learning across them, and its other pairs in one batch with the true pairs.
fn development(raw: &Calibration, together: bool) -> Vec<RawDoc> {
    let (fr, en) = (aligner(Lang::Fr, raw), aligner(Lang::En, raw));
    let mut docs = Vec::new();
    let textberg_dev: Vec<Doc> = textberg(&["dev"])
        .iter()
        .flat_map(|d| pieces(d, TEXTBERG_PIECE))
        .collect();
    let wmt_dev = wmt(Some(true));
    for (set, aligner) in [(&textberg_dev, &fr), (&wmt_dev, &en)] {
        let true_pairs: Vec<Pending<'_>> = set
            .iter()
            .map(|doc| Pending {
                german: &doc.german,
                english: doc.english.clone(),
                gold: Some(&doc.gold),
                parallel_below: None,
            })
            .collect();
        let mut others = Vec::new();
        for (k, doc) in set.iter().enumerate() {
            let next = &set[(k + 1) % set.len()];
            let other = if set.len() > 1 {
                next.english.clone()
            } else {
                rotated(&doc.english)
            };
            others.extend(spliced(doc, &other));
            others.push(Pending {
                german: &doc.german,
                english: other,
                gold: None,
                parallel_below: Some((0, 0)),
            });
        }
        docs.extend(raw_docs(aligner, &true_pairs, together));
        if together {
            let count = true_pairs.len();
            let mut batch = true_pairs;
            batch.extend(others);
            docs.extend(raw_docs(aligner, &batch, true).into_iter().skip(count));
        } else {
            docs.extend(raw_docs(aligner, &others, false));
        }
    }
    docs
}

/// `doc`'s German with the English of its first half of gold beads followed by the second
/// half of `other`: a parallel stretch, then unrelated text.
fn spliced<'a>(doc: &'a Doc, other: &str) -> Option<Pending<'a>> {
    let first = doc.gold.get(..doc.gold.len() / 2)?;
    let cut = |side: fn(&BeadLine) -> &[usize]| {
        first
            .iter()
            .flat_map(|b| side(b).iter())
            .max()
            .map_or(0, |i| i + 1)
    };
    let (german_cut, english_cut) = (cut(|b| &b.german), cut(|b| &b.english));
    let other: Vec<&str> = other.lines().collect();
    let english: Vec<&str> = doc
        .english
        .lines()
        .take(english_cut)
        .chain(other[other.len() / 2..].iter().copied())
        .collect();
    Some(Pending {
        german: &doc.german,
        english: english.join("\n"),
        gold: None,
        parallel_below: Some((german_cut, english_cut)),
    })
}

/// A calibration fitted on `docs`, with the number of beads behind its maps and of skips
/// behind its skip model.
fn fit_on(docs: &[RawDoc]) -> (Calibration, usize, usize) {
    let documents: Vec<(Vec<RawBead>, Vec<bool>)> = docs
        .iter()
        .map(|d| (d.beads.clone(), d.parallel.clone()))
        .collect();
    let mut parallel = ParallelModel::fit(&documents, PARALLEL_WINDOW, PARALLEL_RIDGE);
    // The fit sees as many mismatched as true pairs; in use a pair handed to the aligner is
    // far more often a translation: shift the log odds by the prior.
    parallel.bias += (PARALLEL_PRIOR / (1.0 - PARALLEL_PRIOR)).ln();
    // The maps are fitted on true pairs, on the posterior times the parallel probability.
    let mut all: Vec<Sample> = Vec::new();
    for doc in docs.iter().filter(|d| d.translation) {
        let p = parallel.probabilities(&doc.beads);
        for (k, &(g, e, _, _)) in doc.beads.iter().enumerate() {
            all.push((g, e, doc.posteriors[k] * p[k], doc.correct[k]));
        }
    }
    let mut fitted = Calibration::fit(&all, PRIOR_WEIGHT, MIN_BLOCK);
    // Skips: a logistic model of their correctness on true pairs.
    let skip_documents: Vec<SkipDocument<'_>> = docs
        .iter()
        .filter(|d| d.translation)
        .map(|d| SkipDocument {
            beads: &d.beads,
            letters: &d.letters,
            correct: &d.correct,
        })
        .collect();
    fitted.skips = SkipModel::fit(&skip_documents, SKIP_RIDGE);
    let skip_count: usize = skip_documents
        .iter()
        .map(|d| d.beads.iter().filter(|b| (b.0 == 0) != (b.1 == 0)).count())
        .sum();
    fitted.parallel = parallel;
    (fitted, all.len(), skip_count)
}

fn fit(path: &Path) {
    let raw = Calibration::identity();
    let docs = development(&raw, false);
    if docs.is_empty() {
        eprintln!(
            "calibration: no development data under {}",
            data_dir().display()
        );
        std::process::exit(1);
    }
    let (mut fitted, beads, skips) = fit_on(&docs);
    // Batches that learn across their documents: the same fit on the same data aligned so.
    let batch_docs = development(&raw, true);
    let (batch, batch_beads, batch_skips) = fit_on(&batch_docs);
    fitted.batch = Some(Box::new(batch));
    let (reorder_samples, reorder_right) = fit_reorder(&mut fitted);
    let dev_sets: Vec<String> = DEV_SETS
        .get()
        .into_iter()
        .flatten()
        .map(|d| {
            d.file_name().map_or_else(
                || d.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let header = format!(
        "Written by `cargo run --release --example calibration -- --fit src/align/fitted.rs`.\n\
         Parallel model: logistic regression (window {PARALLEL_WINDOW} beads, ridge {PARALLEL_RIDGE}) of\n\
         true against mismatched pairs over {} development documents (Text+Berg dev in pieces of\n\
         about {TEXTBERG_PIECE} beads), bias shifted to a prior of {PARALLEL_PRIOR} for parallel pairs. Maps: isotonic regression\n\
         per bead kind (prior weight {PRIOR_WEIGHT}, blocks of at least {MIN_BLOCK} beads) of strict\n\
         correctness on the posterior times the parallel probability, over {beads} beads of true pairs:\n\
         Text+Berg dev and the development half of wmt21-de-en-perturbed (de-orig-00..05,\n\
         en-orig-00..05). Skips: logistic regression (ridge {SKIP_RIDGE}) of strict correctness\n\
         on the skip model's features over the {skips} skip beads of the same true pairs.\n\
         Batch calibration (`fitted_batch`): the same fits on the same data aligned with\n\
         `align_batch(..).learn_across()`, each set's true pairs in one batch and its other pairs\n\
         in one batch with them ({batch_beads} beads of true pairs, {batch_skips} skips).\n\
         Reorder model: logistic regression (ridge {REORDER_RIDGE}) of strict correctness on the\n\
         evidence of the {reorder_samples} beads ({reorder_right} right) the reorder pass makes in\n\
         Text+Berg dev, the development half of wmt21-de-en-perturbed and the sets of\n\
         tools/make_dev_sets.sh {}, aligned one at a time with the pass on.\n\
         Do not edit by hand.",
        docs.len(),
        if dev_sets.is_empty() {
            "(none)".to_string()
        } else {
            dev_sets.join(", ")
        },
    );
    // The source file appears complete or not at all.
    let written = satzweise::io::AtomicFile::create(path).and_then(|mut file| {
        std::io::Write::write_all(&mut file, rust_source(&fitted, &header).as_bytes()).map_err(
            |e| satzweise::ErrorKind::Io {
                path: path.to_path_buf(),
                source: e,
            },
        )?;
        file.commit()
    });
    if let Err(e) = written {
        eprintln!("calibration: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    outln!("wrote {} (rebuild to use it)", path.display());
    reliability(&fitted, "freshly fitted calibration");
}

/// Ridge penalty on the reorder model's slopes.
const REORDER_RIDGE: f64 = 1.0;

/// More development sets (gold folders) for the reorder model: `--dev-set DIR`.
static DEV_SETS: std::sync::OnceLock<Vec<PathBuf>> = std::sync::OnceLock::new();

/// The development documents of the reorder model: Text+Berg dev, the development half of
/// wmt21-de-en-perturbed and every `--dev-set`, each with its language.
fn reorder_development() -> Vec<(Vec<Doc>, Lang)> {
    let mut sets = vec![(textberg(&["dev"]), Lang::Fr), (wmt(Some(true)), Lang::En)];
    for dir in DEV_SETS.get().into_iter().flatten() {
        let docs = load_dir(dir);
        let lang = if docs.is_empty() || dir.join(format!("{}.en", docs[0].name)).exists() {
            Lang::En
        } else {
            Lang::Fr
        };
        sets.push((docs, lang));
    }
    sets
}

/// The beads the reorder pass makes in `docs` aligned with `calibration` and the pass on:
/// each bead's evidence, whether it is strictly right, and its confidence.
fn reorder_samples(
    calibration: &Calibration,
    docs: &[Doc],
    lang: Lang,
) -> Vec<(ReorderEvidence, bool, f64)> {
    let mut config = base_config();
    config.reorder.enabled = true;
    let aligner = match Aligner::builder()
        .config(config)
        .languages(Lang::De, lang)
        .calibration(calibration.clone())
        .build()
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("calibration: {e}");
            std::process::exit(1);
        }
    };
    let mut out = Vec::new();
    for doc in docs {
        let Ok(alignment) = aligner.align_texts(
            Text::from_lines(&doc.german),
            Text::from_lines(&doc.english),
        ) else {
            continue;
        };
        let gold = gold_beads(doc);
        let beads: Vec<_> = alignment.beads().collect();
        for &(k, evidence) in alignment.reorder_evidence() {
            let b = &beads[k];
            let key = (
                b.german().to_usize().collect::<Vec<_>>(),
                b.english().to_usize().collect::<Vec<_>>(),
            );
            out.push((evidence, gold.contains(&key), b.confidence()));
        }
    }
    out
}

/// Fits `fitted`'s reorder model on [`reorder_development`]; the number of samples and of
/// right ones.
fn fit_reorder(fitted: &mut Calibration) -> (usize, usize) {
    let mut samples = Vec::new();
    for (docs, lang) in reorder_development() {
        samples.extend(
            reorder_samples(fitted, &docs, lang)
                .into_iter()
                .map(|(e, right, _)| (e, right)),
        );
    }
    fitted.reorder = ReorderModel::fit(&samples, REORDER_RIDGE);
    // Batches keep the model of single documents (too few beads out of order to fit apart).
    if let Some(batch) = fitted.batch.as_mut() {
        batch.reorder = fitted.reorder.clone();
    }
    let right = samples.iter().filter(|s| s.1).count();
    (samples.len(), right)
}

/// `--reorder-samples`: the reorder pass's beads on the development sets as a table.
fn print_reorder_samples() {
    let calibration = Calibration::default();
    println!("set\tgain\tmargin\tearning\twords\tcrossing\tright\tconfidence\tclosure");
    let names = ["textberg-dev", "wmt21-perturbed-dev-half"]
        .map(String::from)
        .into_iter()
        .chain(
            DEV_SETS
                .get()
                .into_iter()
                .flatten()
                .map(|d| d.display().to_string()),
        );
    for ((docs, lang), name) in reorder_development().into_iter().zip(names) {
        for (e, right, confidence) in reorder_samples(&calibration, &docs, lang) {
            println!(
                "{name}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{confidence:.4}\t{:.4}",
                e.gain,
                e.margin,
                e.earning,
                e.words,
                u8::from(e.crossing),
                u8::from(right),
                e.closure
            );
        }
    }
}

/// Gold beads of one piece of Text+Berg dev when fitting.
const TEXTBERG_PIECE: usize = 60;
/// Beads on each side of a bead in the parallel model's window.
const PARALLEL_WINDOW: usize = 8;
/// Prior probability that a document pair handed to the aligner is a translation (the fit
/// itself sees one mismatched pair per true pair).
const PARALLEL_PRIOR: f64 = 0.95;
/// Ridge penalty on the parallel model's slopes.
const PARALLEL_RIDGE: f64 = 0.01;

/// Ridge penalty on the skip model's slopes.
const SKIP_RIDGE: f64 = 1.0;

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
    outln!("# Parallel score: true pairs against German chunk k + English chunk k+1\n");
    let dir = data_dir().join("wmt21-de-en-perturbed");
    let chunks = wmt_chunks();
    let docs: Vec<(Doc, bool)> = chunks
        .iter()
        .filter_map(|(n, dev)| Some((load(&dir, n, "en")?, *dev)))
        .collect();
    if docs.len() < 2 {
        outln!("(no data: ../shared/data is absent)");
        return;
    }
    let aligner = default_aligner();
    outln!("| pair | kind | parallel_score | coverage | mean conf | length corr | numbers |");
    outln!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
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
            outln!(
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
        outln!(
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
    outln!(
        "\nROC AUC, development half: {:.4} ({} true, {} false pairs)",
        auc(&pos_dev, &neg_dev),
        pos_dev.len(),
        neg_dev.len()
    );
    outln!(
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
    outln!("# QA flags against gold (wmt21-de-en-perturbed, all chunks; Text+Berg test0–6)\n");
    let tests: Vec<String> = (0..7).map(|k| format!("test{k}")).collect();
    let test_names: Vec<&str> = tests.iter().map(String::as_str).collect();
    for (title, docs) in [
        ("wmt21-de-en-perturbed", wmt(None)),
        ("Text+Berg test0–6", textberg(&test_names)),
    ] {
        let aligner = default_aligner();
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
            let gold = gold_beads(doc);
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
        outln!("## {title}\n\n| flag | beads | strictly wrong |\n| --- | ---: | ---: |");
        for (kind, n, wrong) in by_kind {
            let share = if n == 0 { 0.0 } else { wrong as f64 / n as f64 };
            outln!("| {kind} | {n} | {wrong} ({:.0}%) |", 100.0 * share);
        }
        let share = if clean == 0 {
            0.0
        } else {
            clean_wrong as f64 / clean as f64
        };
        outln!(
            "| (no flag) | {clean} | {clean_wrong} ({:.0}%) |\n",
            100.0 * share
        );
    }
}

const USAGE: &str =
    "usage: calibration [--raw | --fit PATH | --parallel | --flags | --reorder-samples]
                   [--together] [--data DIR] [--config JSON] [--dev-set DIR]...

Measures what the confidence means against the gold sets of ../shared/data or --data DIR
(not in the repository: see the README; tables are skipped with a message when absent).

  (no option)   reliability tables with the built-in calibration
  --raw         reliability tables of the raw posterior
  --fit PATH    refit the calibration (single documents and batches) and write it as
                Rust source to PATH
  --parallel    ROC AUC of the parallel score
  --flags       how often flagged beads are wrong
  --reorder-samples  the evidence of the beads the reorder pass makes on the development
                sets, whether each is right and its confidence (tab-separated)
  --dev-set DIR a gold folder of more development documents for the reorder model
                (--fit, --reorder-samples; repeatable), e.g. /tmp/satzweise-dev/del8
  --together    align each set as one batch that learns across its documents (as
                `evaluate --together`), calibrated by the batch calibration
  --data DIR    where the gold sets live (default ../shared/data beside the checkout)
  --config JSON an aligner configuration file (satzweise::AlignerConfig as JSON; its
                languages and calibration are replaced by the tables' own)
  -h, --help    this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

fn main() -> std::process::ExitCode {
    cli::run("calibration", USAGE, |args| {
        let raw = args.flag(&["--raw"]);
        let fit_path = args.value(&["--fit"])?;
        let parallel_only = args.flag(&["--parallel"]);
        let flags_only = args.flag(&["--flags"]);
        TOGETHER.store(
            args.flag(&["--together"]),
            std::sync::atomic::Ordering::Relaxed,
        );
        if let Some(dir) = args.value(&["--data"])? {
            DATA.set(PathBuf::from(dir))
                .expect("set once, before any read");
        }
        let reorder_only = args.flag(&["--reorder-samples"]);
        let dev_sets = args.values(&["--dev-set"])?;
        DEV_SETS
            .set(dev_sets.into_iter().map(PathBuf::from).collect())
            .expect("set once, before any read");
        if let Some(path) = args.value(&["--config"])? {
            let config = cli::read_config(Some(&path))?;
            CONFIG.set(config).expect("set once, before any alignment");
        }
        args.finish()?;
        let chosen = usize::from(raw)
            + usize::from(fit_path.is_some())
            + usize::from(parallel_only)
            + usize::from(flags_only)
            + usize::from(reorder_only);
        if chosen > 1 {
            return Err(cli::Failure::usage(
                "give one of --raw, --fit, --parallel, --flags, --reorder-samples",
            ));
        }
        match fit_path {
            Some(path) => fit(Path::new(&path)),
            None if raw => reliability(&Calibration::identity(), "raw posterior, no calibration"),
            None if parallel_only => parallel(),
            None if flags_only => flags(),
            None if reorder_only => print_reorder_samples(),
            None if together() => reliability(
                &Calibration::default(),
                "built-in calibration, each set aligned as one learning batch",
            ),
            None => reliability(&Calibration::default(), "built-in calibration"),
        }
        Ok(())
    })
}

#[path = "common/cli.rs"]
mod cli;

/// Rust source of the functions `fitted()` returning `calibration` and `fitted_batch()`
/// returning its batch calibration, as stored in `src/align/fitted.rs`.
fn rust_source(calibration: &Calibration, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(
        "\nuse super::calibration::{Calibration, CalibrationMap, ParallelModel, SkipModel};\n\
         use super::change_confidence::ReorderModel;\n\n",
    );
    out.push_str("/// The calibration fitted on development gold.\n");
    out.push_str("pub(crate) fn fitted() -> Calibration {\n");
    out.push_str(&calibration_source(
        calibration,
        if calibration.batch.is_some() {
            "Some(Box::new(fitted_batch()))"
        } else {
            "None"
        },
    ));
    out.push_str("}\n");
    if let Some(batch) = &calibration.batch {
        out.push_str(
            "\n/// The calibration fitted on development gold aligned in batches that learn across\n\
             /// their documents.\n",
        );
        out.push_str("fn fitted_batch() -> Calibration {\n");
        out.push_str(&calibration_source(batch, "None"));
        out.push_str("}\n");
    }
    out
}

/// The struct expression of `calibration` (indented as a function body), its `batch` field
/// given as `batch`.
fn calibration_source(calibration: &Calibration, batch: &str) -> String {
    let mut out = String::from("    Calibration {\n");
    for kind in BeadKind::ALL {
        let field = match kind {
            BeadKind::OneToOne => "one_to_one",
            BeadKind::Merge => "merge",
            BeadKind::Skip => "skip",
        };
        // Laid out as rustfmt lays it out: on one line when it fits in 100 columns.
        let knots: Vec<String> = calibration
            .map(kind)
            .knots()
            .iter()
            .map(|(x, y)| format!("({x:.6}, {y:.6})"))
            .collect();
        let one_line = format!(
            "        {field}: CalibrationMap::from_knots(vec![{}]),\n",
            knots.join(", ")
        );
        if one_line.chars().count() <= 101 {
            out.push_str(&one_line);
        } else {
            out.push_str(&format!(
                "        {field}: CalibrationMap::from_knots(vec![\n"
            ));
            for knot in &knots {
                out.push_str(&format!("            {knot},\n"));
            }
            out.push_str("        ]),\n");
        }
    }
    let p = &calibration.parallel;
    out.push_str(&format!(
        "        parallel: ParallelModel {{\n            window: {},\n            bias: {:.6},\n            local: {:.6},\n            document: {:.6},\n            posterior: {:.6},\n            earning: {:.6},\n        }},\n",
        p.window, p.bias, p.local, p.document, p.posterior, p.earning
    ));
    let skips = (!calibration.skips.is_none()).then_some(&calibration.skips.weights[..]);
    push_logistic_model(&mut out, "skips", "SkipModel", skips);
    out.push_str(&format!("        batch: {batch},\n"));
    let reorder = (!calibration.reorder.is_none()).then_some(&calibration.reorder.weights[..]);
    push_logistic_model(&mut out, "reorder", "ReorderModel", reorder);
    out.push_str("    }\n");
    out
}

/// Writes the field `field` of a logistic model of type `model`: its weights on one line, as
/// rustfmt lays out a short list of numbers, or `model::none()` without weights.
fn push_logistic_model(out: &mut String, field: &str, model: &str, weights: Option<&[f64]>) {
    match weights {
        None => out.push_str(&format!("        {field}: {model}::none(),\n")),
        Some(weights) => {
            let weights: Vec<String> = weights.iter().map(|w| format!("{w:.6}")).collect();
            out.push_str(&format!(
                "        {field}: {model} {{\n            weights: vec![{}],\n        }},\n",
                weights.join(", ")
            ));
        }
    }
}
