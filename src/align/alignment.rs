//! The result of an alignment and its typed views.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ops::Range;

use super::change_confidence::ReorderEvidence;
use super::shape::BeadShape;
use crate::error::{Error, Result};
use crate::text::{EnglishIndex, GermanIndex, IndexRange, SentenceIndex, Side, Text};

/// One bead: German sentences linked to English sentences.
///
/// Either side may be empty: a bead with no German sentence is an *omission* (an English
/// reference sentence the German does not render), one with no English sentence an
/// *addition*.
///
/// Almost always each side is a run of consecutive sentences, and [`german`](Bead::german) and
/// [`english`](Bead::english) are those runs. A side may also be a set of sentences with
/// holes (a figure caption printed in the middle of a sentence on one side only: German 450
/// with English 531 and 533–535, while English 532 sits in a bead of its own); then the range
/// accessors give the side's hull, from its first to its last sentence, and
/// [`german_indices`](Bead::german_indices) and [`english_indices`](Bead::english_indices)
/// list the sentences themselves, as they always do. [`is_contiguous`](Bead::is_contiguous)
/// tells the two apart. A non-contiguous side spans at most [`Bead::MAX_SPREAD`] sentences.
///
/// ```
/// use satzweise::{Bead, EnglishIndex, GermanIndex};
/// let bead = Bead::from_indices(
///     [GermanIndex::new(450)],
///     [531, 533, 534, 535].map(EnglishIndex::new),
///     0.0,
///     0.9,
/// )?;
/// assert!(!bead.is_contiguous());
/// assert_eq!(bead.shape().to_string(), "1-4");
/// assert_eq!(bead.english().to_usize(), 531..536); // the hull
/// let english: Vec<usize> = bead.english_indices().map(|i| i.get()).collect();
/// assert_eq!(english, [531, 533, 534, 535]);
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bead {
    german: IndexRange<GermanIndex>,
    english: IndexRange<EnglishIndex>,
    /// Bit `k` set: German sentence `german.start + k` lies in the hull but not in the bead
    /// (0 for a contiguous side).
    german_gaps: u64,
    /// The same for the English side.
    english_gaps: u64,
    cost: f64,
    confidence: f64,
}

/// A side given as indices: its hull and its gaps (see [`Bead`]'s fields); fails on a repeated
/// index or a non-contiguous side that spreads over more than [`Bead::MAX_SPREAD`] sentences.
pub(crate) fn side_of(mut indices: Vec<usize>, side: &str) -> Result<(Range<usize>, u64)> {
    indices.sort_unstable();
    if let Some(pair) = indices.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(Error::invalid(format!(
            "{side} sentence {} is listed twice in one bead",
            pair[0]
        )));
    }
    let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
        return Ok((0..0, 0));
    };
    let end = last
        .checked_add(1)
        .ok_or_else(|| Error::invalid(format!("{side} index {last} is too large")))?;
    let spread = end - first;
    if spread == indices.len() {
        return Ok((first..end, 0));
    }
    if spread > Bead::MAX_SPREAD {
        return Err(Error::invalid(format!(
            "the {side} side {first}..={last} of a bead has holes and spreads over {spread} \
             sentences (at most {})",
            Bead::MAX_SPREAD
        )));
    }
    let mut gaps = bits(0, spread);
    for index in indices {
        gaps &= !(1u64 << (index - first));
    }
    Ok((first..end, gaps))
}

/// The bits `from..to` of a word (`to` at most 64).
fn bits(from: usize, to: usize) -> u64 {
    if to <= from {
        0
    } else {
        (u64::MAX >> (64 - (to - from))) << from
    }
}

impl Bead {
    /// The most sentences a side of a bead that is not contiguous may span, from its first to
    /// its last sentence (a contiguous side may be of any length).
    pub const MAX_SPREAD: usize = 64;

    /// A bead of the given runs, cost and confidence (clamped to `[0, 1]`).
    pub fn new(
        german: IndexRange<GermanIndex>,
        english: IndexRange<EnglishIndex>,
        cost: f64,
        confidence: f64,
    ) -> Self {
        let confidence = if confidence.is_nan() {
            0.0
        } else {
            confidence.clamp(0.0, 1.0)
        };
        Bead {
            german,
            english,
            german_gaps: 0,
            english_gaps: 0,
            cost,
            confidence,
        }
    }

    /// A bead of any sets of German and English sentences (in any order; they need not be
    /// consecutive), cost and confidence (clamped to `[0, 1]`). Fails when an index is given
    /// twice or a side with holes spreads over more than [`Bead::MAX_SPREAD`] sentences. An empty
    /// side gets its place from [`Alignment::from_parts`].
    pub fn from_indices(
        german: impl IntoIterator<Item = GermanIndex>,
        english: impl IntoIterator<Item = EnglishIndex>,
        cost: f64,
        confidence: f64,
    ) -> Result<Self> {
        Bead::from_index_lists(
            german.into_iter().map(GermanIndex::get).collect(),
            english.into_iter().map(EnglishIndex::get).collect(),
            cost,
            confidence,
        )
    }

    /// [`from_indices`](Bead::from_indices) on plain sentence numbers.
    pub(crate) fn from_index_lists(
        german: Vec<usize>,
        english: Vec<usize>,
        cost: f64,
        confidence: f64,
    ) -> Result<Self> {
        Ok(Bead::from_sides(
            side_of(german, "German")?,
            side_of(english, "English")?,
            cost,
            confidence,
        ))
    }

    /// A bead of sides given as hulls with their holes (see the fields).
    pub(crate) fn from_sides(
        (german, german_gaps): (Range<usize>, u64),
        (english, english_gaps): (Range<usize>, u64),
        cost: f64,
        confidence: f64,
    ) -> Self {
        Bead {
            german_gaps,
            english_gaps,
            ..Bead::from_ranges(german, english, cost, confidence)
        }
    }

    pub(crate) fn from_ranges(
        german: Range<usize>,
        english: Range<usize>,
        cost: f64,
        confidence: f64,
    ) -> Self {
        Bead::new(
            IndexRange::from_usize(german),
            IndexRange::from_usize(english),
            cost,
            confidence,
        )
    }

    /// The German sentences of the bead: their run, or for a side with holes its hull (from
    /// the first to the last sentence; see [`german_indices`](Bead::german_indices)).
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.german
    }

    /// The English sentences of the bead: their run, or for a side with holes its hull (see
    /// [`english_indices`](Bead::english_indices)).
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.english
    }

    /// The German sentences of the bead, in order, whether or not they are consecutive.
    pub fn german_indices(&self) -> SentenceIndices<GermanIndex> {
        SentenceIndices::new(self.german.to_usize(), self.german_gaps)
    }

    /// The English sentences of the bead, in order, whether or not they are consecutive.
    pub fn english_indices(&self) -> SentenceIndices<EnglishIndex> {
        SentenceIndices::new(self.english.to_usize(), self.english_gaps)
    }

    /// Whether each side is a run of consecutive sentences (the common case; then
    /// [`german`](Bead::german) and [`english`](Bead::english) hold exactly the bead's
    /// sentences).
    pub fn is_contiguous(&self) -> bool {
        self.german_gaps == 0 && self.english_gaps == 0
    }

    /// How many sentences each side holds.
    pub fn shape(&self) -> BeadShape {
        let count = |len: usize, gaps: u64| (len - gaps.count_ones() as usize).min(255) as u8;
        BeadShape::new(
            count(self.german.len(), self.german_gaps),
            count(self.english.len(), self.english_gaps),
        )
    }

    /// The bead's cost under the aligner's scorer: a negative log-likelihood in nats up to a
    /// constant, lower is better (see [the cost convention](crate::Scorer#the-cost-convention)). Not comparable across documents;
    /// filter on [`confidence`](Bead::confidence) instead.
    pub fn cost(&self) -> f64 {
        self.cost
    }

    /// The confidence in the bead, in `[0, 1]`: the probability that this exact bead (these
    /// German sentences linked to exactly these English sentences) is right. It is the
    /// posterior probability of the bead under the aligner's scoring model, summed over all
    /// alignments the search considered (forward-backward over the same lattice), mapped
    /// through the configured calibration ([`crate::quality`]) so that among beads of
    /// confidence 0.9 about nine in ten are right on gold data.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// Whether the bead holds English sentences and no German one.
    pub fn is_omission(&self) -> bool {
        self.german.is_empty() && !self.english.is_empty()
    }

    /// Whether the bead holds German sentences and no English one.
    pub fn is_addition(&self) -> bool {
        self.english.is_empty() && !self.german.is_empty()
    }

    /// Whether both sides hold sentences.
    fn is_link(&self) -> bool {
        !self.german.is_empty() && !self.english.is_empty()
    }
}

/// The sentence indices of one side of a bead, in order, created by
/// [`Bead::german_indices`] and [`Bead::english_indices`] (and their twins on [`BeadRef`]).
#[derive(Debug, Clone)]
pub struct SentenceIndices<I> {
    /// The hull's first sentence (bit 0 of `gaps`).
    base: usize,
    /// What is left to yield: `next..end` of the hull.
    next: usize,
    end: usize,
    gaps: u64,
    marker: PhantomData<I>,
}

impl<I> SentenceIndices<I> {
    fn new(hull: Range<usize>, gaps: u64) -> Self {
        SentenceIndices {
            base: hull.start,
            next: hull.start,
            end: hull.end,
            gaps,
            marker: PhantomData,
        }
    }

    fn is_member(&self, k: usize) -> bool {
        self.gaps == 0 || (self.gaps >> (k - self.base)) & 1 == 0
    }

    fn remaining(&self) -> usize {
        let span = self.end - self.next;
        if self.gaps == 0 || span == 0 {
            return span;
        }
        let holes = self.gaps & bits(self.next - self.base, self.end - self.base);
        span - holes.count_ones() as usize
    }
}

impl<I: SentenceIndex> Iterator for SentenceIndices<I> {
    type Item = I;
    fn next(&mut self) -> Option<I> {
        while self.next < self.end {
            let k = self.next;
            self.next += 1;
            if self.is_member(k) {
                return Some(I::new(k));
            }
        }
        None
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining();
        (n, Some(n))
    }
}

impl<I: SentenceIndex> DoubleEndedIterator for SentenceIndices<I> {
    fn next_back(&mut self) -> Option<I> {
        while self.next < self.end {
            self.end -= 1;
            if self.is_member(self.end) {
                return Some(I::new(self.end));
            }
        }
        None
    }
}

impl<I: SentenceIndex> ExactSizeIterator for SentenceIndices<I> {}
impl<I: SentenceIndex> FusedIterator for SentenceIndices<I> {}

/// Two texts and the beads that link their sentences.
///
/// The beads cover every sentence of both sides exactly once. Everything else is a view:
/// [`beads`](Alignment::beads), [`pairs`](Alignment::pairs),
/// [`omissions`](Alignment::omissions), [`additions`](Alignment::additions),
/// [`confident`](Alignment::confident), [`reordered`](Alignment::reordered).
///
/// Usually the beads are *monotone* ([`is_monotone`](Alignment::is_monotone)): in order,
/// each a run of consecutive sentences on each side, each starting where the one before ended.
/// A translation that moves a sentence elsewhere or swaps two of them gives beads with holes
/// ([`Bead::is_contiguous`]) or beads that cross, listed in the order of the document; the
/// aligner finds such beads when [`ReorderConfig`](crate::ReorderConfig) allows.
///
/// ```
/// use satzweise::Aligner;
/// let alignment = Aligner::new().align_sentences(
///     &["Fariz Rzayev leitete die Delegation.", "Sie reiste am 3. Mai.", "Tags:"],
///     &["Fariz Rzayev led the delegation.", "It travelled on 3 May."],
/// )?;
/// let pairs: Vec<_> = alignment.pairs().map(|p| (p.german_text().into_owned(), p.english_text().into_owned())).collect();
/// assert_eq!(pairs[1], ("Sie reiste am 3. Mai.".to_string(), "It travelled on 3 May.".to_string()));
/// assert_eq!(alignment.additions().map(|a| a.text()).collect::<Vec<_>>(), ["Tags:"]);
/// assert!(alignment.is_monotone());
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    german: Text,
    english: Text,
    beads: Vec<Bead>,
    /// The beads the reorder pass made, by position, with their evidence.
    reorder_evidence: Vec<(usize, ReorderEvidence)>,
}

impl Alignment {
    /// Builds an alignment, checking that the beads cover every sentence of both texts
    /// exactly once and that no bead is empty on both sides. The beads may be in any order,
    /// have holes and cross; an empty side is placed where the side of the bead before it
    /// ended (where a monotone alignment has it).
    ///
    /// ```
    /// use satzweise::{Alignment, Bead, EnglishIndex, GermanIndex, Text};
    /// let german = Text::from_lines("Eins.\nZwei.");
    /// let english = Text::from_lines("Two.\nOne.");
    /// let bead = |g: usize, e: usize| {
    ///     Bead::from_indices([GermanIndex::new(g)], [EnglishIndex::new(e)], 0.0, 1.0)
    /// };
    /// let swapped = Alignment::from_parts(german.clone(), english.clone(), vec![bead(0, 1)?, bead(1, 0)?])?;
    /// assert!(!swapped.is_monotone());
    /// assert_eq!(swapped.reordered().count(), 2);
    /// assert!(Alignment::from_parts(german, english, vec![bead(0, 1)?, bead(1, 1)?]).is_err());
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    pub fn from_parts(german: Text, english: Text, beads: Vec<Bead>) -> Result<Alignment> {
        let beads = checked_beads((german.len(), english.len()), beads)?;
        Ok(Alignment {
            german,
            english,
            beads,
            reorder_evidence: Vec::new(),
        })
    }

    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn from_parts_unchecked(german: Text, english: Text, beads: Vec<Bead>) -> Alignment {
        debug_assert!(
            Alignment::from_parts(german.clone(), english.clone(), beads.clone()).is_ok()
        );
        Alignment {
            german,
            english,
            beads,
            reorder_evidence: Vec::new(),
        }
    }

    /// The alignment with `evidence` as the beads the reorder pass made.
    pub(crate) fn with_reorder_evidence(
        mut self,
        evidence: Vec<(usize, ReorderEvidence)>,
    ) -> Alignment {
        self.reorder_evidence = evidence;
        self
    }

    /// The beads the reorder pass made (by their position in [`beads`](Alignment::beads)),
    /// each with its own evidence, in order; empty when the pass did not run or changed
    /// nothing. Their confidence comes from this evidence (see
    /// [`ReorderModel`](crate::quality::ReorderModel)).
    pub fn reorder_evidence(&self) -> &[(usize, ReorderEvidence)] {
        &self.reorder_evidence
    }

    /// The German text. (Throughout the crate `german()` is a run of sentence indices and
    /// `german_text()` what is written.)
    pub fn german_text(&self) -> &Text {
        &self.german
    }

    /// The English text.
    pub fn english_text(&self) -> &Text {
        &self.english
    }

    /// German sentence `index`.
    pub fn german_sentence(&self, index: GermanIndex) -> Option<&str> {
        self.german.sentence(index.get())
    }

    /// English sentence `index`.
    pub fn english_sentence(&self, index: EnglishIndex) -> Option<&str> {
        self.english.sentence(index.get())
    }

    /// The beads as stored.
    pub fn bead_slice(&self) -> &[Bead] {
        &self.beads
    }

    /// The beads, in order, as views that can reach their sentences.
    pub fn beads(&self) -> Beads<'_> {
        Beads {
            alignment: self,
            inner: self.beads.iter(),
        }
    }

    /// The beads with a confidence of at least `min_confidence`, in order.
    pub fn confident(&self, min_confidence: f64) -> ConfidentBeads<'_> {
        ConfidentBeads {
            beads: self.beads(),
            threshold: min_confidence,
            above: true,
        }
    }

    /// The beads whose confidence is below `threshold`, in order (the complement of
    /// [`confident`](Alignment::confident)).
    pub fn low_confidence(&self, threshold: f64) -> ConfidentBeads<'_> {
        ConfidentBeads {
            beads: self.beads(),
            threshold,
            above: false,
        }
    }

    /// The linked sentence pairs: every bead with sentences on both sides, its runs joined
    /// with single spaces.
    pub fn pairs(&self) -> Pairs<'_> {
        Pairs {
            beads: self.beads(),
        }
    }

    /// English reference sentences that the German does not render (in beads with no German
    /// sentence), in order.
    pub fn omissions(&self) -> Omissions<'_> {
        UnalignedSentences {
            beads: self.beads(),
            current: None,
        }
    }

    /// German sentences with no English counterpart, in order.
    pub fn additions(&self) -> Additions<'_> {
        UnalignedSentences {
            beads: self.beads(),
            current: None,
        }
    }

    /// Whether the beads are in order, each a run of consecutive sentences on both sides that
    /// starts where the bead before it ended (what a monotone sentence aligner returns).
    pub fn is_monotone(&self) -> bool {
        let (mut next_german, mut next_english) = (0, 0);
        for bead in &self.beads {
            if !bead.is_contiguous()
                || bead.german.start().get() != next_german
                || bead.english.start().get() != next_english
            {
                return false;
            }
            next_german = bead.german.end().get();
            next_english = bead.english.end().get();
        }
        true
    }

    /// The beads that break the monotone order, in order: those with a side that is not
    /// contiguous, and those with sentences on both sides that cross another such bead (its
    /// German side starts before the other's and its English side after it, or the other way
    /// round). Empty for a monotone alignment.
    pub fn reordered(&self) -> ReorderedBeads<'_> {
        ReorderedBeads {
            alignment: self,
            indices: reordered_positions(&self.beads).into_iter(),
        }
    }

    /// Takes the texts and beads apart.
    pub fn into_parts(self) -> (Text, Text, Vec<Bead>) {
        (self.german, self.english, self.beads)
    }
}

/// The checks of [`Alignment::from_parts`] on texts of `sentences` (German, English)
/// sentences; returns the beads with each empty side placed where the side of the bead
/// before it ended.
pub(crate) fn checked_beads(sentences: (usize, usize), mut beads: Vec<Bead>) -> Result<Vec<Bead>> {
    let mut german_seen = vec![false; sentences.0];
    let mut english_seen = vec![false; sentences.1];
    let (mut next_german, mut next_english) = (0, 0);
    for (k, bead) in beads.iter_mut().enumerate() {
        if bead.german.is_empty() && bead.english.is_empty() {
            return Err(Error::invalid(format!("bead {k} is empty on both sides")));
        }
        // Each side's indices are read where they are, with no list made a bead.
        mark_seen(
            &mut german_seen,
            bead.german_indices().map(|i| i.get()),
            k,
            "German",
        )?;
        mark_seen(
            &mut english_seen,
            bead.english_indices().map(|i| i.get()),
            k,
            "English",
        )?;
        if bead.german.is_empty() {
            bead.german = IndexRange::from_usize(next_german..next_german);
        }
        if bead.english.is_empty() {
            bead.english = IndexRange::from_usize(next_english..next_english);
        }
        next_german = bead.german.end().get();
        next_english = bead.english.end().get();
    }
    let covered = |seen: &[bool]| seen.iter().filter(|&&s| s).count();
    let (g, e) = (covered(&german_seen), covered(&english_seen));
    if g != sentences.0 || e != sentences.1 {
        return Err(Error::invalid(format!(
            "beads cover {g} of {} German and {e} of {} English sentences",
            sentences.0, sentences.1
        )));
    }
    Ok(beads)
}

/// Marks the sentences of bead `k`'s `side` as seen; fails on one past the end of the text
/// or seen before.
fn mark_seen(
    seen: &mut [bool],
    indices: impl Iterator<Item = usize>,
    k: usize,
    side: &str,
) -> Result<()> {
    for index in indices {
        match seen.get_mut(index) {
            None => {
                return Err(Error::invalid(format!(
                    "bead {k} holds {side} sentence {index}, past the {} of the text",
                    seen.len()
                )));
            }
            Some(true) => {
                return Err(Error::invalid(format!(
                    "bead {k} holds {side} sentence {index}, which an earlier bead holds"
                )));
            }
            Some(slot) => *slot = true,
        }
    }
    Ok(())
}

/// The positions of the beads of [`Alignment::reordered`].
fn reordered_positions(beads: &[Bead]) -> Vec<usize> {
    let order = out_of_order(beads.iter().map(|b| {
        let starts = b
            .is_link()
            .then(|| (b.german.start().get(), b.english.start().get()));
        (b.is_contiguous(), starts)
    }));
    order
        .iter()
        .enumerate()
        .filter_map(|(k, &r)| r.then_some(k))
        .collect()
}

/// Which beads break the monotone order, given for each bead whether both its sides are runs
/// of consecutive sentences and, when it has sentences on both sides, the first sentence of
/// each side: the beads that are not contiguous, and the linked beads that cross another
/// linked bead (one starts before the other in German and after it in English). The one
/// definition behind [`Alignment::reordered`] and [`eval::non_monotone`](crate::eval::non_monotone).
pub(crate) fn out_of_order(
    beads: impl IntoIterator<Item = (bool, Option<(usize, usize)>)>,
) -> Vec<bool> {
    let mut reordered = Vec::new();
    // The linked beads by their first German sentence: one crosses another exactly when an
    // earlier one starts later in English, or a later one earlier.
    let mut links: Vec<(usize, usize, usize)> = Vec::new();
    for (k, (contiguous, starts)) in beads.into_iter().enumerate() {
        reordered.push(!contiguous);
        if let Some((german, english)) = starts {
            links.push((german, english, k));
        }
    }
    links.sort_unstable();
    let mut latest = None::<usize>;
    for &(_, english, k) in &links {
        if latest.is_some_and(|latest| latest > english) {
            reordered[k] = true;
        }
        latest = latest.max(Some(english));
    }
    let mut earliest = None::<usize>;
    for &(_, english, k) in links.iter().rev() {
        if earliest.is_some_and(|earliest| earliest < english) {
            reordered[k] = true;
        }
        earliest = Some(earliest.map_or(english, |e| e.min(english)));
    }
    reordered
}

/// The beads that break the monotone order, created by [`Alignment::reordered`].
#[derive(Debug, Clone)]
pub struct ReorderedBeads<'a> {
    alignment: &'a Alignment,
    indices: std::vec::IntoIter<usize>,
}

impl<'a> Iterator for ReorderedBeads<'a> {
    type Item = BeadRef<'a>;
    fn next(&mut self) -> Option<BeadRef<'a>> {
        let alignment = self.alignment;
        self.indices.next().map(|k| BeadRef {
            alignment,
            bead: &alignment.beads[k],
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for ReorderedBeads<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let alignment = self.alignment;
        self.indices.next_back().map(|k| BeadRef {
            alignment,
            bead: &alignment.beads[k],
        })
    }
}

impl ExactSizeIterator for ReorderedBeads<'_> {}
impl FusedIterator for ReorderedBeads<'_> {}

impl<'a> IntoIterator for &'a Alignment {
    type Item = BeadRef<'a>;
    type IntoIter = Beads<'a>;
    fn into_iter(self) -> Beads<'a> {
        self.beads()
    }
}

/// A bead together with the alignment it belongs to, so that it can show its sentences.
#[derive(Debug, Clone, Copy)]
pub struct BeadRef<'a> {
    alignment: &'a Alignment,
    bead: &'a Bead,
}

impl<'a> BeadRef<'a> {
    /// The bead itself.
    pub fn bead(&self) -> &'a Bead {
        self.bead
    }

    /// The German sentence indices: their run, or the hull of a side with holes (see
    /// [`Bead::german`]).
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.bead.german
    }

    /// The English sentence indices: their run, or the hull of a side with holes.
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.bead.english
    }

    /// The German sentences of the bead, in order (see [`Bead::german_indices`]).
    pub fn german_indices(&self) -> SentenceIndices<GermanIndex> {
        self.bead.german_indices()
    }

    /// The English sentences of the bead, in order (see [`Bead::english_indices`]).
    pub fn english_indices(&self) -> SentenceIndices<EnglishIndex> {
        self.bead.english_indices()
    }

    /// See [`Bead::is_contiguous`].
    pub fn is_contiguous(&self) -> bool {
        self.bead.is_contiguous()
    }

    /// The shape, e.g. `1-2`.
    pub fn shape(&self) -> BeadShape {
        self.bead.shape()
    }

    /// See [`Bead::cost`].
    pub fn cost(&self) -> f64 {
        self.bead.cost
    }

    /// See [`Bead::confidence`].
    pub fn confidence(&self) -> f64 {
        self.bead.confidence
    }

    /// The German sentences, in order.
    pub fn german_sentences(
        &self,
    ) -> impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator + 'a {
        let text = &self.alignment.german;
        self.bead
            .german_indices()
            .map(move |i| text.sentence(i.get()).unwrap_or(""))
    }

    /// The English sentences, in order.
    pub fn english_sentences(
        &self,
    ) -> impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator + 'a {
        let text = &self.alignment.english;
        self.bead
            .english_indices()
            .map(move |i| text.sentence(i.get()).unwrap_or(""))
    }

    /// The German sentences joined with single spaces (borrowed when there is one); those of a
    /// side with holes in order, without the sentences of the holes.
    pub fn german_text(&self) -> Cow<'a, str> {
        join(self.german_sentences())
    }

    /// The English sentences joined with single spaces (borrowed when there is one).
    pub fn english_text(&self) -> Cow<'a, str> {
        join(self.english_sentences())
    }
}

fn join<'a>(mut sentences: impl Iterator<Item = &'a str>) -> Cow<'a, str> {
    let Some(first) = sentences.next() else {
        return Cow::Borrowed("");
    };
    match sentences.next() {
        None => Cow::Borrowed(first),
        Some(second) => {
            let mut joined = format!("{first} {second}");
            for s in sentences {
                joined.push(' ');
                joined.push_str(s);
            }
            Cow::Owned(joined)
        }
    }
}

/// The beads of an [`Alignment`], created by [`Alignment::beads`].
#[derive(Debug, Clone)]
pub struct Beads<'a> {
    alignment: &'a Alignment,
    inner: std::slice::Iter<'a, Bead>,
}

impl<'a> Iterator for Beads<'a> {
    type Item = BeadRef<'a>;
    fn next(&mut self) -> Option<BeadRef<'a>> {
        let alignment = self.alignment;
        self.inner.next().map(|bead| BeadRef { alignment, bead })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl DoubleEndedIterator for Beads<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let alignment = self.alignment;
        self.inner
            .next_back()
            .map(|bead| BeadRef { alignment, bead })
    }
}

impl ExactSizeIterator for Beads<'_> {}
impl FusedIterator for Beads<'_> {}

/// The beads on one side of a confidence threshold: at or above it, created by
/// [`Alignment::confident`], or below it, created by [`Alignment::low_confidence`].
#[derive(Debug, Clone)]
pub struct ConfidentBeads<'a> {
    beads: Beads<'a>,
    threshold: f64,
    /// Whether the beads at or above the threshold are kept (else those below).
    above: bool,
}

impl ConfidentBeads<'_> {
    fn keeps(&self, bead: &BeadRef<'_>) -> bool {
        (bead.confidence() >= self.threshold) == self.above
    }
}

impl<'a> Iterator for ConfidentBeads<'a> {
    type Item = BeadRef<'a>;
    fn next(&mut self) -> Option<BeadRef<'a>> {
        while let Some(bead) = self.beads.next() {
            if self.keeps(&bead) {
                return Some(bead);
            }
        }
        None
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.beads.size_hint().1)
    }
}

impl DoubleEndedIterator for ConfidentBeads<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while let Some(bead) = self.beads.next_back() {
            if self.keeps(&bead) {
                return Some(bead);
            }
        }
        None
    }
}

impl FusedIterator for ConfidentBeads<'_> {}

/// A linked pair of texts with its confidence, yielded by [`Alignment::pairs`].
#[derive(Debug, Clone)]
pub struct Pair<'a> {
    bead: BeadRef<'a>,
}

impl<'a> Pair<'a> {
    /// The German sentences of the pair.
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.bead.german()
    }

    /// The English sentences of the pair.
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.bead.english()
    }

    /// The German side (sentences joined with single spaces).
    pub fn german_text(&self) -> Cow<'a, str> {
        self.bead.german_text()
    }

    /// The English side (sentences joined with single spaces).
    pub fn english_text(&self) -> Cow<'a, str> {
        self.bead.english_text()
    }

    /// See [`Bead::confidence`].
    pub fn confidence(&self) -> f64 {
        self.bead.confidence()
    }

    /// The bead behind the pair.
    pub fn bead(&self) -> BeadRef<'a> {
        self.bead
    }
}

/// The linked pairs of an [`Alignment`], created by [`Alignment::pairs`].
#[derive(Debug, Clone)]
pub struct Pairs<'a> {
    beads: Beads<'a>,
}

impl<'a> Iterator for Pairs<'a> {
    type Item = Pair<'a>;
    fn next(&mut self) -> Option<Pair<'a>> {
        self.beads
            .find(|b| !b.german().is_empty() && !b.english().is_empty())
            .map(|bead| Pair { bead })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.beads.size_hint().1)
    }
}

impl DoubleEndedIterator for Pairs<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.beads
            .rfind(|b| !b.german().is_empty() && !b.english().is_empty())
            .map(|bead| Pair { bead })
    }
}

impl FusedIterator for Pairs<'_> {}

/// A sentence of one side that no sentence of the other renders: an [`Omission`] (an English
/// sentence the German leaves out) or an [`Addition`] (a German sentence with no English
/// counterpart).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unaligned<'a, I> {
    index: I,
    text: &'a str,
    confidence: f64,
}

/// An English sentence the German does not render, yielded by [`Alignment::omissions`].
pub type Omission<'a> = Unaligned<'a, EnglishIndex>;

/// A German sentence with no English counterpart, yielded by [`Alignment::additions`].
pub type Addition<'a> = Unaligned<'a, GermanIndex>;

impl<'a, I: SentenceIndex> Unaligned<'a, I> {
    /// Index of the sentence.
    pub fn index(&self) -> I {
        self.index
    }
    /// The sentence.
    pub fn text(&self) -> &'a str {
        self.text
    }
    /// Confidence of the bead that leaves it unaligned.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }
}

/// The unaligned sentences of one side, in order: [`Omissions`] or [`Additions`].
#[derive(Debug, Clone)]
pub struct UnalignedSentences<'a, I> {
    beads: Beads<'a>,
    current: Option<(SentenceIndices<I>, f64)>,
}

/// Omitted English sentences, created by [`Alignment::omissions`].
pub type Omissions<'a> = UnalignedSentences<'a, EnglishIndex>;

/// Added German sentences, created by [`Alignment::additions`].
pub type Additions<'a> = UnalignedSentences<'a, GermanIndex>;

impl<'a, I: SentenceIndex> Iterator for UnalignedSentences<'a, I> {
    type Item = Unaligned<'a, I>;
    fn next(&mut self) -> Option<Unaligned<'a, I>> {
        loop {
            if let Some((indices, confidence)) = &mut self.current
                && let Some(index) = indices.next()
            {
                let alignment = self.beads.alignment;
                let text = match I::SIDE {
                    Side::German => &alignment.german,
                    Side::English => &alignment.english,
                };
                return Some(Unaligned {
                    index,
                    text: text.sentence(index.get()).unwrap_or(""),
                    confidence: *confidence,
                });
            }
            let bead = self.beads.find(|b| match I::SIDE {
                Side::German => b.bead().is_addition(),
                Side::English => b.bead().is_omission(),
            })?;
            let (run, gaps) = match I::SIDE {
                Side::German => (bead.german().to_usize(), bead.bead.german_gaps),
                Side::English => (bead.english().to_usize(), bead.bead.english_gaps),
            };
            self.current = Some((SentenceIndices::new(run, gaps), bead.confidence()));
        }
    }
}

impl<I: SentenceIndex> FusedIterator for UnalignedSentences<'_, I> {}

#[cfg(feature = "serde")]
mod serde_impl {
    //! JSON shape: `{"german": TEXT, "english": TEXT, "beads": [BEAD]}` where TEXT is
    //! `{"source": "...", "sentences": [{"start", "end", "paragraph", "text"}]}` and BEAD is
    //! `{"german": [0], "english": [0, 1], "shape": "1-2", "cost": 1.5, "confidence": 0.97}`;
    //! a side lists its sentences in order, consecutive or not (`"english": [531, 533]`).

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::*;
    use crate::text::SentenceSpan;

    #[derive(Serialize, Deserialize)]
    struct SentenceRecord<'a> {
        start: usize,
        end: usize,
        paragraph: usize,
        #[serde(borrow)]
        text: Cow<'a, str>,
    }

    #[derive(Serialize, Deserialize)]
    struct TextRecord<'a> {
        #[serde(borrow)]
        source: Cow<'a, str>,
        #[serde(borrow)]
        sentences: Vec<SentenceRecord<'a>>,
    }

    #[derive(Serialize, Deserialize)]
    struct BeadRecord {
        german: Vec<usize>,
        english: Vec<usize>,
        shape: BeadShape,
        cost: f64,
        confidence: f64,
    }

    #[derive(Serialize, Deserialize)]
    struct AlignmentRecord<'a> {
        #[serde(borrow)]
        german: TextRecord<'a>,
        #[serde(borrow)]
        english: TextRecord<'a>,
        beads: Vec<BeadRecord>,
    }

    fn text_record(text: &Text) -> TextRecord<'_> {
        TextRecord {
            source: Cow::Borrowed(text.as_str()),
            sentences: text
                .spans()
                .map(|s| SentenceRecord {
                    start: s.start,
                    end: s.end,
                    paragraph: s.paragraph,
                    text: Cow::Borrowed(&text.as_str()[s.range()]),
                })
                .collect(),
        }
    }

    fn text_from_record(record: TextRecord<'_>, side: &str) -> Result<Text> {
        let spans = record
            .sentences
            .iter()
            .map(|s| SentenceSpan {
                start: s.start,
                end: s.end,
                paragraph: s.paragraph,
            })
            .collect();
        let text = Text::from_parts(record.source.into_owned(), spans)?;
        for (k, sentence) in record.sentences.iter().enumerate() {
            if text.sentence(k) != Some(&*sentence.text) {
                return Err(Error::invalid(format!(
                    "{side} sentence {k}: text does not match its span in the source"
                )));
            }
        }
        Ok(text)
    }

    impl Serialize for Alignment {
        fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
            AlignmentRecord {
                german: text_record(&self.german),
                english: text_record(&self.english),
                beads: self
                    .beads
                    .iter()
                    .map(|b| BeadRecord {
                        german: b.german_indices().map(|i| i.get()).collect(),
                        english: b.english_indices().map(|i| i.get()).collect(),
                        shape: b.shape(),
                        cost: b.cost,
                        confidence: b.confidence,
                    })
                    .collect(),
            }
            .serialize(serializer)
        }
    }

    impl<'de> Deserialize<'de> for Alignment {
        fn deserialize<D: Deserializer<'de>>(
            deserializer: D,
        ) -> std::result::Result<Self, D::Error> {
            let record = AlignmentRecord::deserialize(deserializer)?;
            let convert = || -> Result<Alignment> {
                let german = text_from_record(record.german, "German")?;
                let english = text_from_record(record.english, "English")?;
                let mut beads = Vec::with_capacity(record.beads.len());
                for (k, b) in record.beads.into_iter().enumerate() {
                    if !b.cost.is_finite() || !(0.0..=1.0).contains(&b.confidence) {
                        return Err(Error::invalid(format!(
                            "bead {k}: cost {} or confidence {} out of range",
                            b.cost, b.confidence
                        )));
                    }
                    let bead = Bead::from_index_lists(b.german, b.english, b.cost, b.confidence)
                        .map_err(|e| Error::invalid(format!("bead {k}: {e}")))?;
                    if b.shape != bead.shape() {
                        return Err(Error::invalid(format!(
                            "bead {k}: shape {} does not match its indices",
                            b.shape
                        )));
                    }
                    beads.push(bead);
                }
                Alignment::from_parts(german, english, beads)
            };
            convert().map_err(serde::de::Error::custom)
        }
    }
}
