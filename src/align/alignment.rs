//! The result of an alignment and its typed views.

use std::borrow::Cow;
use std::iter::FusedIterator;
use std::ops::Range;

use super::shape::BeadShape;
use crate::error::{Error, Result};
use crate::text::{EnglishIndex, GermanIndex, IndexIter, IndexRange, SentenceIndex, Side, Text};

/// One bead: a run of German sentences linked to a run of English sentences.
///
/// Either run may be empty: a bead with no German sentence is an *omission* (an English
/// reference sentence the German does not render), one with no English sentence an
/// *addition*.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bead {
    german: IndexRange<GermanIndex>,
    english: IndexRange<EnglishIndex>,
    cost: f64,
    confidence: f64,
}

impl Bead {
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
            cost,
            confidence,
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

    /// The German sentences of the bead.
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.german
    }

    /// The English sentences of the bead.
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.english
    }

    /// How many sentences each side holds.
    pub fn shape(&self) -> BeadShape {
        BeadShape::new(
            self.german.len().min(u8::MAX as usize) as u8,
            self.english.len().min(u8::MAX as usize) as u8,
        )
    }

    /// The bead's cost under the aligner's scorer: a negative log-likelihood in nats up to a
    /// constant, lower is better (see [`crate::score`]). Not comparable across documents;
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
}

/// Two texts and the beads that link their sentences.
///
/// The beads are in order and cover every sentence of both sides exactly once. Everything
/// else is a view: [`beads`](Alignment::beads), [`pairs`](Alignment::pairs),
/// [`omissions`](Alignment::omissions), [`additions`](Alignment::additions),
/// [`confident`](Alignment::confident).
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
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    german: Text,
    english: Text,
    beads: Vec<Bead>,
}

impl Alignment {
    /// Builds an alignment, checking that the beads are in order and cover every sentence of
    /// both texts exactly once.
    pub fn from_parts(german: Text, english: Text, beads: Vec<Bead>) -> Result<Alignment> {
        let (mut next_german, mut next_english) = (0, 0);
        for (k, bead) in beads.iter().enumerate() {
            let (g, e) = (bead.german.to_usize(), bead.english.to_usize());
            if g.start != next_german || e.start != next_english {
                return Err(Error::invalid(format!(
                    "bead {k} starts at German {} / English {}, expected {next_german} / {next_english}",
                    g.start, e.start
                )));
            }
            if g.is_empty() && e.is_empty() {
                return Err(Error::invalid(format!("bead {k} is empty on both sides")));
            }
            next_german = g.end;
            next_english = e.end;
        }
        if next_german != german.len() || next_english != english.len() {
            return Err(Error::invalid(format!(
                "beads cover {next_german} of {} German and {next_english} of {} English sentences",
                german.len(),
                english.len()
            )));
        }
        Ok(Alignment {
            german,
            english,
            beads,
        })
    }

    pub(crate) fn from_parts_unchecked(german: Text, english: Text, beads: Vec<Bead>) -> Alignment {
        debug_assert!(
            Alignment::from_parts(german.clone(), english.clone(), beads.clone()).is_ok()
        );
        Alignment {
            german,
            english,
            beads,
        }
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

    /// Takes the texts and beads apart.
    pub fn into_parts(self) -> (Text, Text, Vec<Bead>) {
        (self.german, self.english, self.beads)
    }
}

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

    /// The German sentence indices.
    pub fn german(&self) -> IndexRange<GermanIndex> {
        self.bead.german
    }

    /// The English sentence indices.
    pub fn english(&self) -> IndexRange<EnglishIndex> {
        self.bead.english
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
            .german
            .iter()
            .map(move |i| text.sentence(i.get()).unwrap_or(""))
    }

    /// The English sentences, in order.
    pub fn english_sentences(
        &self,
    ) -> impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator + 'a {
        let text = &self.alignment.english;
        self.bead
            .english
            .iter()
            .map(move |i| text.sentence(i.get()).unwrap_or(""))
    }

    /// The German sentences joined with single spaces (borrowed when there is one).
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
    current: Option<(IndexIter<I>, f64)>,
}

/// Omitted English sentences, created by [`Alignment::omissions`].
pub type Omissions<'a> = UnalignedSentences<'a, EnglishIndex>;

/// Added German sentences, created by [`Alignment::additions`].
pub type Additions<'a> = UnalignedSentences<'a, GermanIndex>;

impl<'a, I: SentenceIndex> Iterator for UnalignedSentences<'a, I> {
    type Item = Unaligned<'a, I>;
    fn next(&mut self) -> Option<Unaligned<'a, I>> {
        loop {
            if let Some((indices, confidence)) = &mut self.current {
                if let Some(index) = indices.next() {
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
            }
            let bead = self.beads.find(|b| match I::SIDE {
                Side::German => b.bead().is_addition(),
                Side::English => b.bead().is_omission(),
            })?;
            let run = match I::SIDE {
                Side::German => bead.german().to_usize(),
                Side::English => bead.english().to_usize(),
            };
            self.current = Some((IndexRange::<I>::from_usize(run).iter(), bead.confidence()));
        }
    }
}

impl<I: SentenceIndex> FusedIterator for UnalignedSentences<'_, I> {}

#[cfg(feature = "serde")]
mod serde_impl {
    //! JSON shape: `{"german": TEXT, "english": TEXT, "beads": [BEAD]}` where TEXT is
    //! `{"source": "...", "sentences": [{"start", "end", "paragraph", "text"}]}` and BEAD is
    //! `{"german": [0], "english": [0, 1], "shape": "1-2", "cost": 1.5, "confidence": 0.97}`.

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
                .iter()
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

    /// The run of consecutive `indices`; `None` when there is none.
    fn run(indices: &[usize], side: &str, k: usize) -> Result<Option<Range<usize>>> {
        let Some(&first) = indices.first() else {
            return Ok(None);
        };
        for (offset, &index) in indices.iter().enumerate() {
            if first.checked_add(offset) != Some(index) {
                return Err(Error::invalid(format!(
                    "bead {k}: {side} indices are not consecutive"
                )));
            }
        }
        // `first + len - 1` is the last index, so `first + len` overflows only past usize::MAX.
        let end = first.checked_add(indices.len()).ok_or_else(|| {
            Error::invalid(format!("bead {k}: {side} index {} is too large", first))
        })?;
        Ok(Some(first..end))
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
                        german: b.german.to_usize().collect(),
                        english: b.english.to_usize().collect(),
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
                let (mut next_german, mut next_english) = (0, 0);
                let mut beads = Vec::with_capacity(record.beads.len());
                for (k, b) in record.beads.iter().enumerate() {
                    let g = run(&b.german, "German", k)?.unwrap_or(next_german..next_german);
                    let e = run(&b.english, "English", k)?.unwrap_or(next_english..next_english);
                    if !b.cost.is_finite() || !(0.0..=1.0).contains(&b.confidence) {
                        return Err(Error::invalid(format!(
                            "bead {k}: cost {} or confidence {} out of range",
                            b.cost, b.confidence
                        )));
                    }
                    if b.shape != BeadShape::new(g.len().min(255) as u8, e.len().min(255) as u8) {
                        return Err(Error::invalid(format!(
                            "bead {k}: shape {} does not match its indices",
                            b.shape
                        )));
                    }
                    next_german = g.end;
                    next_english = e.end;
                    beads.push(Bead::from_ranges(g, e, b.cost, b.confidence));
                }
                Alignment::from_parts(german, english, beads)
            };
            convert().map_err(serde::de::Error::custom)
        }
    }
}
