//! The review queue: findings ordered by risk, the riskiest first.

use std::iter::FusedIterator;

use super::{CheckedBead, FlagKind, Report};

impl FlagKind {
    /// How much a flag of this kind weighs when it is right, in `[0, 1]`: a sentence left
    /// untranslated, dropped or added (1.0, 0.9, 0.9) before a number (0.8), markup (0.7), a
    /// name (0.6), a reordering (0.5: worth a look, often no error), an unusual length (0.4), a
    /// question or exclamation mark and an inconsistent rendering (0.3).
    /// untranslated, dropped or added (1.0, 0.9, 0.9) before a number or its unit (0.8),
    /// markup (0.7), a name (0.6), a negation on one side only (0.5: paraphrase often moves
    /// it into a word such as "uncertain"), an unusual length (0.4), a question or exclamation mark and an
    /// inconsistent rendering (0.3).
    pub fn severity(self) -> f64 {
        match self {
            FlagKind::Untranslated => 1.0,
            FlagKind::Omission | FlagKind::Addition => 0.9,
            FlagKind::NumberMismatch | FlagKind::UnitMismatch => 0.8,
            FlagKind::Negation => 0.5,
            FlagKind::NameOneSide => 0.6,
            FlagKind::Markup => 0.7,
            FlagKind::Reordered => 0.5,
            FlagKind::LengthRatio => 0.4,
            FlagKind::Punctuation | FlagKind::Inconsistent => 0.3,
        }
    }
}

/// A bead a reviewer should look at, with its risk. Yielded by [`Report::review_queue`].
#[derive(Debug, Clone, Copy)]
pub struct Finding<'r, 'a> {
    bead: CheckedBead<'r, 'a>,
    risk: f64,
}

impl<'r, 'a> Finding<'r, 'a> {
    /// The bead and its flags.
    pub fn bead(&self) -> CheckedBead<'r, 'a> {
        self.bead
    }

    /// The risk, in `[0, 1]`: the larger of the heaviest flag's
    /// [`severity`](FlagKind::severity) times the bead's confidence (a flag on a bead that
    /// is surely aligned right points at a translation error) and half the chance that the
    /// bead itself is wrong (`(1 - confidence) / 2`: the alignment is unsure there).
    pub fn risk(&self) -> f64 {
        self.risk
    }
}

/// Findings by falling risk, created by [`Report::review_queue`].
#[derive(Debug, Clone)]
pub struct ReviewQueue<'r, 'a> {
    findings: std::vec::IntoIter<Finding<'r, 'a>>,
}

impl<'r, 'a> Iterator for ReviewQueue<'r, 'a> {
    type Item = Finding<'r, 'a>;
    fn next(&mut self) -> Option<Self::Item> {
        self.findings.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.findings.size_hint()
    }
}

impl DoubleEndedIterator for ReviewQueue<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.findings.next_back()
    }
}

impl ExactSizeIterator for ReviewQueue<'_, '_> {}
impl FusedIterator for ReviewQueue<'_, '_> {}

/// Below this confidence an unflagged bead is a finding too.
const UNSURE: f64 = 0.5;

impl<'a> Report<'a> {
    /// The beads to review, riskiest first: every flagged bead and every bead of confidence
    /// below 0.5, ordered by [`Finding::risk`] (ties in text order).
    ///
    /// ```
    /// use satzweise::Aligner;
    /// use satzweise::quality::{FlagKind, Report};
    ///
    /// let alignment = Aligner::new().align_sentences(
    ///     &["Die 29. Sitzung kostet 1,5 Mio. Euro.", "Sie beginnt am 3. Mai in Baku.",
    ///       "Der Vorsitz geht an Aserbaidschan."],
    ///     &["The 28th session costs 1.5 million euros.", "It begins on 3 May in Baku.",
    ///       "The chair goes to Azerbaijan."],
    /// )?;
    /// let report = Report::new(&alignment);
    /// let queue: Vec<_> = report.review_queue().collect();
    /// assert_eq!(queue[0].bead().flags()[0].kind(), FlagKind::NumberMismatch);
    /// assert!(queue.windows(2).all(|w| w[0].risk() >= w[1].risk()));
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn review_queue(&self) -> ReviewQueue<'_, 'a> {
        let mut findings: Vec<Finding<'_, 'a>> = self
            .beads()
            .filter_map(|bead| {
                let confidence = bead.confidence();
                let severity = bead
                    .flags()
                    .iter()
                    .map(|f| f.kind().severity())
                    .fold(0.0, f64::max);
                if severity == 0.0 && confidence >= UNSURE {
                    return None;
                }
                let risk = (severity * confidence).max((1.0 - confidence) / 2.0);
                Some(Finding { bead, risk })
            })
            .collect();
        findings.sort_by(|a, b| b.risk.total_cmp(&a.risk));
        ReviewQueue {
            findings: findings.into_iter(),
        }
    }
}
