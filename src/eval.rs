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

use crate::error::{Error, Result};
use crate::io::BeadLine;

type Key = (Vec<usize>, Vec<usize>);

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
}
