//! Quality: what each bead's confidence means, translation-QA flags with reasons a reviewer
//! can read, and a verdict on the whole document pair.
//!
//! - [`Calibration`]: the map from the search's raw posterior to the confidence a bead
//!   reports, fitted on development gold so that among beads of confidence 0.9 about nine in
//!   ten are right.
//! - [`Flag`]: a per-bead warning (number mismatch, a name on one side only, an unusual
//!   length ratio, an omission, an addition, an untranslated sentence, a URL, e-mail address,
//!   placeholder or tag on one side only, a `?` or `!` on one side only, a number's unit
//!   changed, a negation on one side only) with
//!   [`Flag::reason`].
//! - [`Report::review_queue`]: the flagged and unsure beads as [`Finding`]s, riskiest first;
//!   [`Report::write_checklist`]: the same findings as an Xbench-style TSV checklist.
//! - [`Report`]: the flags of every bead of an [`Alignment`], with iterator adapters, and the
//!   document [`Verdict`]: coverage, shape shares, mean confidence, number of flags and a
//!   [`parallel_score`](Verdict::parallel_score) that tells translation pairs from unrelated
//!   texts.
//!
//! ```
//! use satzweise::Aligner;
//! use satzweise::quality::{FlagKind, Report};
//!
//! let alignment = Aligner::new().align_sentences(
//!     &["Die 29. Sitzung kostet 1,5 Mio. Euro.", "Sie beginnt am 3. Mai in Baku."],
//!     &["The 28th session costs 1.5 million euros.", "It begins on 3 May in Baku."],
//! )?;
//! let report = Report::new(&alignment);
//! let flagged: Vec<_> = report.flagged().collect();
//! assert_eq!(flagged.len(), 1);
//! assert_eq!(flagged[0].flags()[0].kind(), FlagKind::NumberMismatch);
//! assert!(flagged[0].flags()[0].reason().contains("29."));
//! let verdict = report.verdict();
//! assert_eq!(verdict.flags(), 1);
//! assert_eq!(verdict.coverage(), 1.0);
//! assert!((0.0..=1.0).contains(&verdict.parallel_score()));
//! # Ok::<(), satzweise::Error>(())
//! ```

mod checklist;
mod flags;
mod markup;
mod names;
mod negation;
mod numbers;
mod review;
mod units;
mod verdict;

pub use crate::align::{
    BeadKind, BeadLetters, Calibration, CalibrationMap, ParallelModel, REORDER_FEATURES, RawBead,
    ReorderEvidence, ReorderModel, SKIP_FEATURES, SkipDocument, SkipModel,
};
pub use checklist::{ChecklistRow, read_checklist};
pub use flags::{Flag, FlagKind};
pub use review::{Finding, ReviewQueue};
pub use verdict::{ShapeShare, Verdict};

use std::iter::FusedIterator;

use crate::align::{Alignment, BeadRef, Beads};

/// The quality of every bead of an alignment: its flags, and the document verdict. Created by
/// [`Report::new`].
#[derive(Debug, Clone)]
pub struct Report<'a> {
    alignment: &'a Alignment,
    flags: Vec<Vec<Flag>>,
    length_model: flags::LengthModel,
}

impl<'a> Report<'a> {
    /// Checks every bead of `alignment`.
    pub fn new(alignment: &'a Alignment) -> Report<'a> {
        let checker = flags::Checker::new(alignment);
        let flags = alignment.beads().map(|b| checker.check(&b)).collect();
        Report {
            alignment,
            flags,
            length_model: checker.length_model(),
        }
    }

    /// The alignment reported on.
    pub fn alignment(&self) -> &'a Alignment {
        self.alignment
    }

    /// Every bead with its flags (possibly none), in order.
    pub fn beads(&self) -> CheckedBeads<'_, 'a> {
        CheckedBeads {
            beads: self.alignment.beads(),
            flags: self.flags.iter(),
        }
    }

    /// The beads with at least one flag, in order.
    pub fn flagged(&self) -> impl DoubleEndedIterator<Item = CheckedBead<'_, 'a>> + '_ {
        self.beads().filter(|b| !b.flags.is_empty())
    }

    /// The beads whose confidence is below `threshold`, in order.
    pub fn low_confidence(
        &self,
        threshold: f64,
    ) -> impl DoubleEndedIterator<Item = CheckedBead<'_, 'a>> + '_ {
        self.beads()
            .filter(move |b| b.bead.confidence() < threshold)
    }

    /// The beads a reviewer should look at: flagged, or below `threshold` in confidence.
    pub fn to_review(
        &self,
        threshold: f64,
    ) -> impl DoubleEndedIterator<Item = CheckedBead<'_, 'a>> + '_ {
        self.beads()
            .filter(move |b| !b.flags.is_empty() || b.bead.confidence() < threshold)
    }

    /// All flags, bead by bead.
    pub fn flag_count(&self) -> usize {
        self.flags.iter().map(Vec::len).sum()
    }

    /// The document verdict.
    pub fn verdict(&self) -> Verdict {
        Verdict::new(self.alignment, &self.flags, &self.length_model)
    }
}

/// A bead and its flags, yielded by [`Report::beads`] and the adapters.
#[derive(Debug, Clone, Copy)]
pub struct CheckedBead<'r, 'a> {
    bead: BeadRef<'a>,
    flags: &'r [Flag],
}

impl<'r, 'a> CheckedBead<'r, 'a> {
    /// The bead.
    pub fn bead(&self) -> BeadRef<'a> {
        self.bead
    }

    /// Its flags; empty when nothing looks wrong.
    pub fn flags(&self) -> &'r [Flag] {
        self.flags
    }

    /// See [`Bead::confidence`](crate::Bead::confidence).
    pub fn confidence(&self) -> f64 {
        self.bead.confidence()
    }
}

/// Beads with their flags, created by [`Report::beads`].
#[derive(Debug, Clone)]
pub struct CheckedBeads<'r, 'a> {
    beads: Beads<'a>,
    flags: std::slice::Iter<'r, Vec<Flag>>,
}

impl<'r, 'a> Iterator for CheckedBeads<'r, 'a> {
    type Item = CheckedBead<'r, 'a>;
    fn next(&mut self) -> Option<Self::Item> {
        let bead = self.beads.next()?;
        let flags = self.flags.next().map_or(&[][..], Vec::as_slice);
        Some(CheckedBead { bead, flags })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.beads.size_hint()
    }
}

impl DoubleEndedIterator for CheckedBeads<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let bead = self.beads.next_back()?;
        let flags = self.flags.next_back().map_or(&[][..], Vec::as_slice);
        Some(CheckedBead { bead, flags })
    }
}

impl ExactSizeIterator for CheckedBeads<'_, '_> {}
impl FusedIterator for CheckedBeads<'_, '_> {}
