//! Strict and lax precision, recall and F1 of an alignment against gold beads.
//!
//! The definitions are those of the field (Sennrich and Volk 2011, as used by Vecalign), and
//! the numbers equal those of `score_alignments.py`:
//!
//! - Beads empty on both sides are dropped; a bead listed twice counts once.
//! - **Precision** runs over the test beads, additions and omissions included. A test bead is
//!   a *strict* hit if the identical bead is in the gold; otherwise a *lax* hit if one of its
//!   German sentences is linked in the gold to one of its English sentences. A test addition
//!   or omission not in the gold is never a lax hit.
//! - **Recall** runs over the gold beads with both sides non-empty, judged the same way
//!   against the test beads with both sides non-empty.
//! - Counts are summed over documents before the ratios are taken (micro average).
//! - A bead's sides are index lists, consecutive or not, compared as listed (the writers of
//!   this crate list them in order), so beads with holes and beads that cross score like any
//!   other: `[450]:[531, 533]` is a strict hit only against the same line in the gold.
//!
//! ```
//! use satzweise::eval::{Scores, score};
//! use satzweise::io::BeadLine;
//! let gold: Vec<BeadLine> = ["[0]:[0, 1]", "[1]:[2]"].iter().map(|l| l.parse().unwrap()).collect();
//! let test: Vec<BeadLine> = ["[0]:[0]", "[]:[1]", "[1]:[2]"].iter().map(|l| l.parse().unwrap()).collect();
//! let scores: Scores = score(&[gold], &[test])?;
//! assert_eq!(scores.precision_strict(), 1.0 / 3.0);
//! assert_eq!(scores.precision_lax(), 2.0 / 3.0);
//! assert_eq!(scores.recall_lax(), 1.0);
//! # Ok::<(), satzweise::Error>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::io::{BeadLine, Indices};
use crate::text::Text;

type Key = (Indices, Indices);

/// Hit and miss counts, summed over documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Counts {
    /// Beads that are strict hits.
    pub strict_hits: usize,
    /// Beads that are not strict hits.
    pub strict_misses: usize,
    /// Beads that are lax hits (strict hits included).
    pub lax_hits: usize,
    /// Beads that are not lax hits.
    pub lax_misses: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.strict_hits += other.strict_hits;
        self.strict_misses += other.strict_misses;
        self.lax_hits += other.lax_hits;
        self.lax_misses += other.lax_misses;
    }
}

/// Precision and recall counts, from which every ratio follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scores {
    /// Counts over the test beads.
    pub precision: Counts,
    /// Counts over the gold beads with both sides non-empty.
    pub recall: Counts,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Scores {
    /// Strict precision.
    pub fn precision_strict(&self) -> f64 {
        ratio(
            self.precision.strict_hits,
            self.precision.strict_hits + self.precision.strict_misses,
        )
    }
    /// Lax precision.
    pub fn precision_lax(&self) -> f64 {
        ratio(
            self.precision.lax_hits,
            self.precision.lax_hits + self.precision.lax_misses,
        )
    }
    /// Strict recall.
    pub fn recall_strict(&self) -> f64 {
        ratio(
            self.recall.strict_hits,
            self.recall.strict_hits + self.recall.strict_misses,
        )
    }
    /// Lax recall.
    pub fn recall_lax(&self) -> f64 {
        ratio(
            self.recall.lax_hits,
            self.recall.lax_hits + self.recall.lax_misses,
        )
    }
    /// Strict F1.
    pub fn f1_strict(&self) -> f64 {
        f1(self.precision_strict(), self.recall_strict())
    }
    /// Lax F1.
    pub fn f1_lax(&self) -> f64 {
        f1(self.precision_lax(), self.recall_lax())
    }

    /// Adds the counts of another document or set.
    pub fn add(&mut self, other: Scores) {
        self.precision.add(other.precision);
        self.recall.add(other.recall);
    }
}

fn key_set(beads: &[BeadLine]) -> HashSet<Key> {
    beads
        .iter()
        .filter(|b| !b.german.is_empty() || !b.english.is_empty())
        .map(|b| (b.german.clone(), b.english.clone()))
        .collect()
}

/// Judges every bead of `candidates` against `reference`.
fn hits(reference: &HashSet<Key>, candidates: &HashSet<Key>) -> Counts {
    let mut links: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (german, english) in reference {
        for &g in german {
            links.entry(g).or_default().extend(english.iter().copied());
        }
    }
    let mut counts = Counts::default();
    for bead in candidates {
        if reference.contains(bead) {
            counts.strict_hits += 1;
            counts.lax_hits += 1;
            continue;
        }
        counts.strict_misses += 1;
        let (german, english) = bead;
        let linked = german.iter().any(|g| {
            links
                .get(g)
                .is_some_and(|l| english.iter().any(|e| l.contains(e)))
        });
        if linked {
            counts.lax_hits += 1;
        } else {
            counts.lax_misses += 1;
        }
    }
    counts
}

/// Scores one document.
pub fn score_document(gold: &[BeadLine], test: &[BeadLine]) -> Scores {
    let gold_set = key_set(gold);
    let test_set = key_set(test);
    let linked = |set: &HashSet<Key>| -> HashSet<Key> {
        set.iter()
            .filter(|(g, e)| !g.is_empty() && !e.is_empty())
            .cloned()
            .collect()
    };
    Scores {
        precision: hits(&gold_set, &test_set),
        recall: hits(&linked(&test_set), &linked(&gold_set)),
    }
}

/// Scores documents pooled: `gold[k]` against `test[k]`, counts summed.
pub fn score(gold: &[Vec<BeadLine>], test: &[Vec<BeadLine>]) -> Result<Scores> {
    if gold.len() != test.len() {
        return Err(Error::invalid(format!(
            "{} gold documents but {} test documents",
            gold.len(),
            test.len()
        )));
    }
    let mut total = Scores::default();
    for (g, t) in gold.iter().zip(test) {
        total.add(score_document(g, t));
    }
    Ok(total)
}

/// Which beads of a document break the monotone order, as [`Alignment::reordered`] has it:
/// those with a side whose indices are not a run of consecutive sentences (in any order, so
/// `[218, 227]` and `[227, 218]` alike), and those with sentences on both sides that cross
/// another such bead (one starts before the other in German and after it in English, a side
/// starting at its lowest index). One entry per bead of `beads`.
///
/// ```
/// use satzweise::eval::non_monotone;
/// use satzweise::io::BeadLine;
/// let beads: Vec<BeadLine> = ["[0]:[0]", "[1]:[1, 3]", "[]:[2]", "[2]:[5]", "[3]:[4]"]
///     .iter()
///     .map(|l| l.parse().unwrap())
///     .collect();
/// assert_eq!(non_monotone(&beads), [false, true, false, true, true]);
/// ```
///
/// [`Alignment::reordered`]: crate::Alignment::reordered
pub fn non_monotone(beads: &[BeadLine]) -> Vec<bool> {
    let is_run = |side: &[usize]| {
        side.iter()
            .min()
            .zip(side.iter().max())
            .is_none_or(|(low, high)| high - low + 1 == side.len())
    };
    crate::align::out_of_order(beads.iter().map(|b| {
        let starts = b.german.iter().min().zip(b.english.iter().min());
        (
            is_run(&b.german) && is_run(&b.english),
            starts.map(|(&g, &e)| (g, e)),
        )
    }))
}

/// The beads that break the monotone order ([`non_monotone`]) in the gold and in the test,
/// and how many of each the other has exactly, summed over documents. As in [`score`], a
/// bead listed twice counts once and a bead empty on both sides not at all; a bead is the
/// same as another when both sides are listed alike.
///
/// ```
/// use satzweise::eval::ReorderCounts;
/// use satzweise::io::BeadLine;
/// let parse = |lines: &[&str]| -> Vec<BeadLine> { lines.iter().map(|l| l.parse().unwrap()).collect() };
/// let gold = parse(&["[0]:[0, 2]", "[]:[1]", "[1]:[4]", "[2]:[3]"]);
/// let test = parse(&["[0]:[0, 1, 2]", "[1]:[4]", "[2]:[3]"]);
/// let counts = ReorderCounts::of_document(&gold, &test);
/// assert_eq!((counts.gold, counts.gold_found), (3, 2)); // the hole is missed, the swap found
/// assert_eq!((counts.predicted, counts.predicted_right), (2, 2));
/// assert_eq!(counts.recall(), Some(2.0 / 3.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReorderCounts {
    /// Gold beads that break the monotone order.
    pub gold: usize,
    /// Of those, how many the test has exactly.
    pub gold_found: usize,
    /// Test beads that break the monotone order.
    pub predicted: usize,
    /// Of those, how many are in the gold exactly.
    pub predicted_right: usize,
}

impl ReorderCounts {
    /// The counts of one document.
    pub fn of_document(gold: &[BeadLine], test: &[BeadLine]) -> ReorderCounts {
        let out_of_order = |beads: &[BeadLine]| -> HashSet<Key> {
            beads
                .iter()
                .zip(non_monotone(beads))
                .filter(|(b, out)| *out && (!b.german.is_empty() || !b.english.is_empty()))
                .map(|(b, _)| (b.german.clone(), b.english.clone()))
                .collect()
        };
        let (gold_set, test_set) = (key_set(gold), key_set(test));
        let (gold_out, test_out) = (out_of_order(gold), out_of_order(test));
        ReorderCounts {
            gold: gold_out.len(),
            gold_found: gold_out.intersection(&test_set).count(),
            predicted: test_out.len(),
            predicted_right: test_out.intersection(&gold_set).count(),
        }
    }

    /// Adds the counts of another document or set.
    pub fn add(&mut self, other: ReorderCounts) {
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.predicted += other.predicted;
        self.predicted_right += other.predicted_right;
    }

    /// The share of the gold's non-monotone beads that the test has; `None` without any.
    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| ratio(self.gold_found, self.gold))
    }

    /// The share of the test's non-monotone beads that are in the gold; `None` without any.
    pub fn precision(&self) -> Option<f64> {
        (self.predicted > 0).then(|| ratio(self.predicted_right, self.predicted))
    }
}

/// A gold set on disk, laid out as in the Text+Berg corpus and the WMT21 sets: in one
/// folder, for every document `NAME`, the German text `NAME.de` and the other side
/// `NAME.OTHER` (one sentence per line), and the gold beads `NAME.deOTHER` (vecalign bead
/// lines, [`read_bead_file`](crate::io::read_bead_file)): `dev.de`, `dev.fr`, `dev.defr`.
///
/// ```
/// use satzweise::eval::{GoldSet, score};
/// let dir = std::env::temp_dir().join(format!("satzweise-doc-gold-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("a.de"), "Eins.\nZwei.\n")?;
/// std::fs::write(dir.join("a.en"), "One.\nTwo.\n")?;
/// std::fs::write(dir.join("a.deen"), "[0]:[0]\n[1]:[1]\n")?;
/// let set = GoldSet::open(&dir, "en")?;
/// assert_eq!(set.names(), ["a"]);
/// let document = set.documents().next().unwrap();
/// let (german, english) = document.texts()?;
/// let alignment = satzweise::Aligner::new().align_texts(german, english)?;
/// let test = satzweise::io::BeadLine::from_alignment(&alignment);
/// assert_eq!(score(&[document.gold()?], &[test])?.f1_strict(), 1.0);
///
/// let missing = GoldSet::with_documents(&dir, "en", ["b"]).unwrap_err();
/// assert!(missing.to_string().contains("b.de"), "{missing}");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSet {
    dir: PathBuf,
    other: String,
    names: Vec<String>,
}

impl GoldSet {
    /// Every document of `dir` that has a gold file `NAME.deOTHER`, in the order of their
    /// names. Fails, naming the folder, when it cannot be read or holds no gold file, and
    /// naming the file when a document lacks its German or other text.
    pub fn open(dir: impl AsRef<Path>, other: &str) -> Result<GoldSet> {
        let dir = dir.as_ref();
        let suffix = format!(".de{other}");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let name = entry.file_name();
                name.to_str()?.strip_suffix(&suffix).map(str::to_owned)
            })
            .collect();
        if names.is_empty() {
            return Err(Error::invalid(format!(
                "{}: no gold file (*{suffix})",
                dir.display()
            )));
        }
        names.sort();
        GoldSet::with_documents(dir, other, names)
    }

    /// The documents `names` of `dir`; fails, naming the first missing file.
    pub fn with_documents<S: Into<String>>(
        dir: impl AsRef<Path>,
        other: &str,
        names: impl IntoIterator<Item = S>,
    ) -> Result<GoldSet> {
        let set = GoldSet {
            dir: dir.as_ref().to_path_buf(),
            other: other.to_owned(),
            names: names.into_iter().map(Into::into).collect(),
        };
        for document in set.documents() {
            for path in [
                document.german_path(),
                document.other_path(),
                document.gold_path(),
            ] {
                if !path.is_file() {
                    return Err(Error::io(
                        &path,
                        std::io::Error::new(
                            std::io::ErrorKind::NotFound,
                            "gold set file not found",
                        ),
                    ));
                }
            }
        }
        Ok(set)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The extension of the other side: `fr`, `en`.
    pub fn other(&self) -> &str {
        &self.other
    }

    /// The document names.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The documents, in order.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = GoldDocument<'_>> + '_ {
        self.names
            .iter()
            .map(move |name| GoldDocument { set: self, name })
    }
}

/// One document of a [`GoldSet`].
#[derive(Debug, Clone, Copy)]
pub struct GoldDocument<'a> {
    set: &'a GoldSet,
    name: &'a str,
}

impl GoldDocument<'_> {
    /// The document's name (`dev`, `test3`, `de-orig-00`).
    pub fn name(&self) -> &str {
        self.name
    }

    fn path(&self, extension: &str) -> PathBuf {
        self.set.dir.join(format!("{}.{extension}", self.name))
    }

    /// `NAME.de`.
    pub fn german_path(&self) -> PathBuf {
        self.path("de")
    }

    /// `NAME.OTHER`.
    pub fn other_path(&self) -> PathBuf {
        self.path(&self.set.other)
    }

    /// `NAME.deOTHER`.
    pub fn gold_path(&self) -> PathBuf {
        self.path(&format!("de{}", self.set.other))
    }

    /// Both texts, one sentence per line ([`Text::from_lines`]).
    pub fn texts(&self) -> Result<(Text, Text)> {
        Ok((
            Text::from_lines(crate::read_text_file(self.german_path())?),
            Text::from_lines(crate::read_text_file(self.other_path())?),
        ))
    }

    /// The gold beads.
    pub fn gold(&self) -> Result<Vec<BeadLine>> {
        crate::io::read_bead_file(self.gold_path())
    }
}

/// Exact hits per bead shape: precision over the test beads of each shape, recall over the gold
/// beads of each shape, and recall of unaligned gold sentences (1-0 and 0-1 beads) by length.
///
/// A shape is written `m-n` (German sentences, English sentences). A bead is a hit when the
/// identical bead is in the other set.
///
/// ```
/// use satzweise::eval::ShapeCounts;
/// use satzweise::io::BeadLine;
/// let gold: Vec<BeadLine> = ["[0]:[0]", "[1]:[]", "[2]:[1]"].iter().map(|l| l.parse().unwrap()).collect();
/// let test: Vec<BeadLine> = ["[0]:[0]", "[1, 2]:[1]"].iter().map(|l| l.parse().unwrap()).collect();
/// let mut counts = ShapeCounts::default();
/// counts.add_document(&gold, &test, |_german| 40.0, |_english| 40.0);
/// assert_eq!(counts.recall("1-0"), Some(0.0));
/// assert_eq!(counts.precision("1-1"), Some(1.0));
/// assert_eq!(counts.precision("2-1"), Some(0.0));
/// assert_eq!(counts.unaligned_by_length()[1], (0, 1)); // 30–60 characters: 0 of 1 found
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShapeCounts {
    /// Per shape: (test beads that are hits, test beads).
    pub predicted: std::collections::BTreeMap<String, (usize, usize)>,
    /// Per shape: (gold beads found, gold beads).
    pub gold: std::collections::BTreeMap<String, (usize, usize)>,
    /// Per length bucket of [`LENGTH_BUCKETS`]: (unaligned gold sentences found, unaligned
    /// gold sentences).
    unaligned: [(usize, usize); 5],
}

/// The upper bounds (exclusive) of the length buckets of [`ShapeCounts::unaligned_by_length`],
/// in non-space characters; the last bucket is everything longer.
pub const LENGTH_BUCKETS: [f64; 4] = [30.0, 60.0, 100.0, 160.0];

fn shape_name(bead: &BeadLine) -> String {
    format!("{}-{}", bead.german.len(), bead.english.len())
}

impl ShapeCounts {
    /// Adds one document's counts; `german_length(k)` and `english_length(k)` give the length
    /// of sentence `k` in non-space characters (for the buckets of unaligned sentences).
    pub fn add_document(
        &mut self,
        gold: &[BeadLine],
        test: &[BeadLine],
        german_length: impl Fn(usize) -> f64,
        english_length: impl Fn(usize) -> f64,
    ) {
        let gold_set = key_set(gold);
        let test_set = key_set(test);
        for bead in test
            .iter()
            .filter(|b| !b.german.is_empty() || !b.english.is_empty())
        {
            let entry = self.predicted.entry(shape_name(bead)).or_default();
            entry.1 += 1;
            entry.0 += usize::from(gold_set.contains(&(bead.german.clone(), bead.english.clone())));
        }
        for bead in gold
            .iter()
            .filter(|b| !b.german.is_empty() || !b.english.is_empty())
        {
            let hit = test_set.contains(&(bead.german.clone(), bead.english.clone()));
            let entry = self.gold.entry(shape_name(bead)).or_default();
            entry.1 += 1;
            entry.0 += usize::from(hit);
            let length = match (bead.german.as_slice(), bead.english.as_slice()) {
                ([g], []) => german_length(*g),
                ([], [e]) => english_length(*e),
                _ => continue,
            };
            let bucket = LENGTH_BUCKETS
                .iter()
                .position(|&bound| length < bound)
                .unwrap_or(LENGTH_BUCKETS.len());
            self.unaligned[bucket].1 += 1;
            self.unaligned[bucket].0 += usize::from(hit);
        }
    }

    /// Adds the counts of another document or set.
    pub fn add(&mut self, other: &ShapeCounts) {
        for (mine, theirs) in [
            (&mut self.predicted, &other.predicted),
            (&mut self.gold, &other.gold),
        ] {
            for (shape, (hits, all)) in theirs {
                let entry = mine.entry(shape.clone()).or_default();
                entry.0 += hits;
                entry.1 += all;
            }
        }
        for (mine, theirs) in self.unaligned.iter_mut().zip(other.unaligned) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    /// Exact precision of the test beads of `shape`; `None` when there are none.
    pub fn precision(&self, shape: &str) -> Option<f64> {
        self.predicted
            .get(shape)
            .filter(|c| c.1 > 0)
            .map(|&(hits, all)| ratio(hits, all))
    }

    /// Exact recall of the gold beads of `shape`; `None` when there are none.
    pub fn recall(&self, shape: &str) -> Option<f64> {
        self.gold
            .get(shape)
            .filter(|c| c.1 > 0)
            .map(|&(hits, all)| ratio(hits, all))
    }

    /// Unaligned gold sentences (found, all) per length bucket: below 30, 30–60, 60–100,
    /// 100–160 and from 160 non-space characters.
    pub fn unaligned_by_length(&self) -> [(usize, usize); 5] {
        self.unaligned
    }

    /// Precision and recall of unaligned sentences (1-0 and 0-1 beads together).
    pub fn unaligned_precision_recall(&self) -> (f64, f64) {
        let sum = |map: &std::collections::BTreeMap<String, (usize, usize)>| {
            ["1-0", "0-1"]
                .iter()
                .filter_map(|s| map.get(*s))
                .fold((0, 0), |(h, a), &(hits, all)| (h + hits, a + all))
        };
        let (p, r) = (sum(&self.predicted), sum(&self.gold));
        (ratio(p.0, p.1), ratio(r.0, r.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beads(lines: &[&str]) -> Vec<BeadLine> {
        lines.iter().map(|l| l.parse().unwrap()).collect()
    }

    #[test]
    fn matches_the_reference_selftest() {
        let gold = beads(&["[0]:[0, 1]", "[1]:[2]", "[2]:[]", "[3, 4]:[3]"]);
        let perfect = score(std::slice::from_ref(&gold), std::slice::from_ref(&gold)).unwrap();
        assert_eq!(perfect.f1_strict(), 1.0);
        assert_eq!(perfect.f1_lax(), 1.0);
        let test = beads(&["[0]:[0]", "[]:[1]", "[1]:[2]", "[2]:[]", "[3, 4]:[3]"]);
        let s = score(&[gold], &[test]).unwrap();
        assert_eq!(s.precision_strict(), 3.0 / 5.0);
        assert_eq!(s.precision_lax(), 4.0 / 5.0);
        assert_eq!(s.recall_strict(), 2.0 / 3.0);
        assert_eq!(s.recall_lax(), 1.0);
    }

    /// Counts that `score_alignments.py` gives for beads with holes and crossing beads
    /// (`{'precision': [1, 3, 2, 2], 'recall': [1, 3, 2, 2]}`).
    #[test]
    fn matches_the_reference_on_holes_and_crossings() {
        let gold = beads(&[
            "[450]:[531, 533]",
            "[]:[532]",
            "[451]:[534]",
            "[452]:[535]",
            "[453]:[536]",
        ]);
        let test = beads(&[
            "[450]:[531, 532, 533]",
            "[451]:[535]",
            "[452]:[534]",
            "[453]:[536]",
        ]);
        let s = score(&[gold], &[test]).unwrap();
        let counts = |c: Counts| [c.strict_hits, c.strict_misses, c.lax_hits, c.lax_misses];
        assert_eq!(counts(s.precision), [1, 3, 2, 2]);
        assert_eq!(counts(s.recall), [1, 3, 2, 2]);
        // As the reference, a side is compared as listed: `[227, 218]` is not `[218, 227]`.
        let listed = score(
            &[beads(&["[227, 218]:[198]"])],
            &[beads(&["[218, 227]:[198]"])],
        );
        assert_eq!(listed.unwrap().precision.strict_hits, 0);
    }

    #[test]
    fn non_monotone_marks_holes_and_both_beads_of_a_crossing() {
        let gold = beads(&[
            "[449]:[530]",
            "[450]:[531, 533, 534, 535]",
            "[]:[532]",
            "[451]:[537]",
            "[452]:[536]",
            "[453]:[]",
            "[454]:[538]",
        ]);
        assert_eq!(
            non_monotone(&gold),
            [false, true, false, true, true, false, false]
        );
        // Unaligned sentences never cross; an order listed backwards is a hole all the same.
        assert_eq!(
            non_monotone(&beads(&["[]:[1]", "[0]:[0]", "[1]:[]", "[2]:[2]"])),
            [false; 4]
        );
        assert_eq!(
            non_monotone(&beads(&["[227, 218]:[198]", "[219]:[199]"])),
            [true, false]
        );
        assert_eq!(non_monotone(&beads(&["[1, 0]:[0]"])), [false]);
    }

    #[test]
    fn non_monotone_agrees_with_the_alignments_reordered_beads() {
        use crate::{Alignment, Bead, EnglishIndex, GermanIndex, Text};
        let german = Text::from_lines("a\nb\nc\nd\ne");
        let english = Text::from_lines("a\nb\nc\nd\ne");
        let bead = |g: &[usize], e: &[usize]| {
            Bead::from_indices(
                g.iter().copied().map(GermanIndex::new),
                e.iter().copied().map(EnglishIndex::new),
                0.0,
                1.0,
            )
            .unwrap()
        };
        let alignment = Alignment::from_parts(
            german,
            english,
            vec![
                bead(&[0], &[0, 2]),
                bead(&[], &[1]),
                bead(&[1], &[4]),
                bead(&[2, 3], &[3]),
                bead(&[4], &[]),
            ],
        )
        .unwrap();
        let lines = BeadLine::from_alignment(&alignment);
        let marked: Vec<usize> = non_monotone(&lines)
            .iter()
            .enumerate()
            .filter_map(|(k, &out)| out.then_some(k))
            .collect();
        let reordered: Vec<Vec<usize>> = alignment
            .reordered()
            .map(|b| b.german_indices().map(|i| i.get()).collect())
            .collect();
        let expected: Vec<Vec<usize>> = marked.iter().map(|&k| lines[k].german.to_vec()).collect();
        assert_eq!(marked, [0, 2, 3]);
        assert_eq!(reordered, expected);
    }

    #[test]
    fn reorder_counts_judge_each_side_exactly_and_once() {
        let gold = beads(&[
            "[450]:[531, 533]",
            "[]:[532]",
            "[451]:[535]",
            "[452]:[534]",
            "[452]:[534]",
            "[453]:[536]",
        ]);
        let test = beads(&[
            "[450]:[531, 532, 533]",
            "[451]:[535]",
            "[452]:[534]",
            "[453]:[537]",
            "[454]:[536]",
            "[]:[]",
        ]);
        let counts = ReorderCounts::of_document(&gold, &test);
        // Gold: the hole and the swapped pair (listed twice, counted once); the test has the pair.
        // Test: the pair, and the crossing of [453]:[537] with [454]:[536], which gold lacks.
        assert_eq!(
            counts,
            ReorderCounts {
                gold: 3,
                gold_found: 2,
                predicted: 4,
                predicted_right: 2,
            }
        );
        assert_eq!(counts.precision(), Some(0.5));
        let mut pooled = counts;
        pooled.add(ReorderCounts::of_document(&test, &test));
        assert_eq!(
            (
                pooled.gold,
                pooled.gold_found,
                pooled.predicted,
                pooled.predicted_right
            ),
            (7, 6, 8, 6)
        );
        let monotone = beads(&["[0]:[0]", "[1]:[1]"]);
        let none = ReorderCounts::of_document(&monotone, &monotone);
        assert_eq!((none.recall(), none.precision()), (None, None));
    }
}
