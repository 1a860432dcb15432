//! Batch alignment of a corpus: a stream of document pairs in, their alignments out in the
//! same order.
//!
//! [`Aligner::align_batch`] reads the input a chunk at a time, aligns the pairs of a chunk in
//! parallel (with the `rayon` feature; one after the other without it) and hands the results
//! out in input order. Only one chunk of documents and results is held at a time, so a corpus
//! of any size streams through in bounded memory. The output does not depend on the number of
//! threads: each pair is aligned on its own, by the same deterministic search.

use std::collections::VecDeque;
use std::fmt;
use std::iter::FusedIterator;

use crate::align::{Aligner, Alignment};
use crate::error::Result;
use crate::lexicon::{CorpusTranslationModel, LearnedLexicon};
use crate::text::Text;

/// One document pair of a batch: both sides as raw text (segmented into sentences with the
/// aligner's languages), as one sentence per line, or as [`Text`]s already split.
///
/// The work of segmenting is done by the thread that aligns the pair.
///
/// ```
/// use satzweise::DocumentPair;
/// let raw = DocumentPair::raw("Es regnet. Wir bleiben.", "It rains. We stay.");
/// let lines = DocumentPair::lines("Es regnet.\nWir bleiben.\n", "It rains.\nWe stay.\n");
/// # let _ = (raw, lines);
/// ```
#[derive(Debug, Clone)]
pub struct DocumentPair {
    german: Source,
    english: Source,
}

#[derive(Debug, Clone)]
enum Source {
    Raw(String),
    Lines(String),
    Text(Text),
}

impl DocumentPair {
    /// Running text on both sides, to be split into sentences.
    pub fn raw(german: impl Into<String>, english: impl Into<String>) -> Self {
        DocumentPair {
            german: Source::Raw(german.into()),
            english: Source::Raw(english.into()),
        }
    }

    /// One sentence per line on both sides (see [`Text::from_lines`]).
    pub fn lines(german: impl Into<String>, english: impl Into<String>) -> Self {
        DocumentPair {
            german: Source::Lines(german.into()),
            english: Source::Lines(english.into()),
        }
    }

    /// Texts already split into sentences.
    pub fn texts(german: Text, english: Text) -> Self {
        DocumentPair {
            german: Source::Text(german),
            english: Source::Text(english),
        }
    }
}

impl DocumentPair {
    /// Both sides as texts, raw text segmented with the aligner's languages.
    fn into_texts(self, aligner: &Aligner) -> (Text, Text) {
        let text = |source: Source, lang| match source {
            Source::Raw(raw) => Text::segment(raw, lang),
            Source::Lines(lines) => Text::from_lines(lines),
            Source::Text(text) => text,
        };
        let config = aligner.config();
        (
            text(self.german, config.languages.german),
            text(self.english, config.languages.english),
        )
    }
}

impl Aligner {
    /// Aligns one [`DocumentPair`].
    pub(crate) fn align_document(&self, pair: DocumentPair) -> Result<Alignment> {
        let (german, english) = pair.into_texts(self);
        self.align_texts(german, english)
    }

    /// Aligns a stream of document pairs, each with a key of yours (an id, or `()`), and
    /// yields `(key, alignment)` in input order.
    ///
    /// Pairs are read [`chunk_size`](Batch::chunk_size) at a time (by default 64 per thread)
    /// and the pairs of a chunk are aligned in parallel when the `rayon` feature is on (in the
    /// current rayon thread pool: use `ThreadPool::install` to choose the threads). The
    /// results are the same whatever the number of threads.
    ///
    /// ```
    /// use satzweise::{Aligner, DocumentPair};
    /// let corpus = vec![
    ///     ("a", DocumentPair::raw("Es regnet. Wir bleiben.", "It rains. We stay.")),
    ///     ("b", DocumentPair::lines("Guten Tag.\n", "Good day.\n")),
    /// ];
    /// let aligner = Aligner::new();
    /// let mut ids = Vec::new();
    /// for (id, alignment) in aligner.align_batch(corpus) {
    ///     let alignment = alignment?;
    ///     ids.push(id);
    ///     assert!(alignment.beads().len() >= 1);
    /// }
    /// assert_eq!(ids, ["a", "b"]);
    /// # Ok::<(), satzweise::Error>(())
    /// ```
    ///
    /// With [`learn_across`](Batch::learn_across) the documents also teach each other a
    /// lexicon.
    pub fn align_batch<I, K>(&self, pairs: I) -> Batch<'_, I::IntoIter, K>
    where
        I: IntoIterator<Item = (K, DocumentPair)>,
        K: Send,
    {
        Batch {
            aligner: self,
            input: pairs.into_iter(),
            chunk_size: crate::par::batch_chunk_size(),
            ready: VecDeque::new(),
            done: false,
            teaching: None,
        }
    }
}

/// The alignments of a stream of document pairs, in input order, created by
/// [`Aligner::align_batch`].
pub struct Batch<'a, I, K> {
    aligner: &'a Aligner,
    input: I,
    chunk_size: usize,
    ready: VecDeque<(K, Result<Alignment>)>,
    done: bool,
    /// When learning across the batch: the confident beads of every first pass so far, as word
    /// keys (German, English).
    teaching: Option<Vec<(Vec<String>, Vec<String>)>>,
}

impl<I, K> Batch<'_, I, K> {
    /// Sets how many pairs are read and aligned together (at least 1). Larger chunks keep
    /// the threads busier; memory holds one chunk of pairs and of alignments.
    pub fn chunk_size(mut self, size: usize) -> Self {
        self.chunk_size = size.max(1);
        self
    }

    /// Learns a lexicon and a translation model across the batch: each chunk gets a first
    /// pass, a lexicon (mutual-best Dice word pairs) and IBM Model 1 in both directions (with a
    /// nonzero `costs.translation_weight`, the default; the aligner's dictionaries join its
    /// training pairs) are learned from the confident beads of the first passes of this chunk
    /// and of every chunk before it, and the chunk is aligned again with both. With the model,
    /// a document whose 1-1 beads earn much also skips more cheaply (`costs.adaptive_skip`). Small documents profit
    /// most: one news article teaches little, a hundred teach a vocabulary. With a chunk size
    /// of at least the batch's length every document learns from all the others; memory then
    /// holds the whole batch. The output does not depend on the number of threads.
    ///
    /// ```
    /// use satzweise::{Aligner, DocumentPair, Text};
    /// let documents = vec![
    ///     (1, DocumentPair::texts(Text::from_sentences(["Der Berg ist hoch."]), Text::from_sentences(["The mountain is high."]))),
    ///     (2, DocumentPair::lines("Ein Berg.\nZwei Hütten.", "A mountain.\nTwo huts.")),
    /// ];
    /// let aligner = Aligner::new();
    /// let alignments: Vec<_> = aligner.align_batch(documents).learn_across().collect();
    /// assert_eq!(alignments.len(), 2);
    /// assert_eq!(alignments[1].1.as_ref().unwrap().beads().len(), 2);
    /// ```
    pub fn learn_across(mut self) -> Self {
        self.teaching.get_or_insert_with(Vec::new);
        self
    }
}

impl<I, K> fmt::Debug for Batch<'_, I, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Batch")
            .field("chunk_size", &self.chunk_size)
            .field("ready", &self.ready.len())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<I, K> Iterator for Batch<'_, I, K>
where
    I: Iterator<Item = (K, DocumentPair)>,
    K: Send,
{
    type Item = (K, Result<Alignment>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.ready.is_empty() && !self.done {
            let chunk: Vec<(K, DocumentPair)> = self.input.by_ref().take(self.chunk_size).collect();
            if chunk.len() < self.chunk_size {
                self.done = true;
            }
            let aligner = self.aligner;
            match &mut self.teaching {
                None => {
                    let align =
                        |(key, pair): (K, DocumentPair)| (key, aligner.align_document(pair));
                    self.ready.extend(crate::par::map_owned(chunk, align));
                }
                Some(teaching) => self.ready.extend(aligner.align_learning(chunk, teaching)),
            }
        }
        self.ready.pop_front()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (low, high) = if self.done {
            (0, Some(0))
        } else {
            self.input.size_hint()
        };
        let buffered = self.ready.len();
        (
            low.saturating_add(buffered),
            high.and_then(|h| h.checked_add(buffered)),
        )
    }
}

impl<I, K> FusedIterator for Batch<'_, I, K>
where
    I: Iterator<Item = (K, DocumentPair)>,
    K: Send,
{
}

impl Aligner {
    /// Aligns `chunk` learning across documents (see [`Batch::learn_across`]): a first pass
    /// over each pair, whose confident beads join `teaching`, a lexicon learned from all of
    /// `teaching`, then a second pass over each pair with it.
    fn align_learning<K: Send>(
        &self,
        chunk: Vec<(K, DocumentPair)>,
        teaching: &mut Vec<(Vec<String>, Vec<String>)>,
    ) -> Vec<(K, Result<Alignment>)> {
        let (keys, pairs): (Vec<K>, Vec<DocumentPair>) = chunk.into_iter().unzip();
        let documents: Vec<(Text, Text)> =
            crate::par::map_owned(pairs, |pair| pair.into_texts(self));
        let first_pass = |(german, english): &(Text, Text)| {
            let mut taught = Vec::new();
            self.run(german, english, None, None, Some(&mut taught));
            taught
        };
        teaching.extend(
            crate::par::map(&documents, first_pass)
                .into_iter()
                .flatten(),
        );
        let lexicon = LearnedLexicon::learn(
            teaching,
            self.config.refinement.lexicon_min_count,
            self.config.refinement.lexicon_min_dice,
        );
        let dictionaries: Vec<&dyn crate::lexicon::WordTranslations> =
            self.dictionaries.iter().map(|d| d.as_ref()).collect();
        let model = (self.config.costs.translation_weight > 0.0)
            .then(|| CorpusTranslationModel::learn(teaching, &dictionaries));
        let second_pass = |(german, english): (Text, Text)| {
            let found = self.run(&german, &english, Some(&lexicon), model.as_ref(), None);
            self.finish(german, english, found, true)
        };
        keys.into_iter()
            .zip(crate::par::map_owned(documents, second_pass))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn corpus(count: usize) -> Vec<(usize, DocumentPair)> {
        (0..count)
            .map(|k| {
                let german: Vec<String> = (0..(5 + k % 40))
                    .map(|s| format!("Satz {s} im Dokument {k} über {} Dinge.", (s * k) % 17))
                    .collect();
                let english: Vec<String> = (0..(5 + k % 40))
                    .filter(|s| (s + k) % 9 != 0)
                    .map(|s| format!("Sentence {s} of document {k} on {} things.", (s * k) % 17))
                    .collect();
                (
                    k,
                    DocumentPair::lines(german.join("\n"), english.join("\n")),
                )
            })
            .collect()
    }

    /// Each document's key and its beads: German and English runs, the cost's and the
    /// confidence's bits.
    type Summary = Vec<(
        usize,
        Vec<(std::ops::Range<usize>, std::ops::Range<usize>, u64, u64)>,
    )>;

    fn summarise(results: impl Iterator<Item = (usize, Result<Alignment>)>) -> Summary {
        results
            .map(|(k, alignment)| {
                let beads = alignment
                    .unwrap()
                    .beads()
                    .map(|b| {
                        (
                            b.german().to_usize(),
                            b.english().to_usize(),
                            b.cost().to_bits(),
                            b.confidence().to_bits(),
                        )
                    })
                    .collect();
                (k, beads)
            })
            .collect()
    }

    fn summary(aligner: &Aligner, pairs: Vec<(usize, DocumentPair)>, chunk: usize) -> Summary {
        summarise(aligner.align_batch(pairs).chunk_size(chunk))
    }

    #[test]
    fn results_come_in_input_order_and_equal_one_by_one_alignment() {
        let aligner = Aligner::new();
        let batch = summary(&aligner, corpus(30), 7);
        assert_eq!(
            batch.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            (0..30).collect::<Vec<_>>()
        );
        for ((k, pair), (_, beads)) in corpus(30).into_iter().zip(&batch) {
            let single = aligner.align_document(pair).unwrap();
            assert_eq!(single.beads().len(), beads.len(), "document {k}");
        }
    }

    #[cfg(feature = "rayon")]
    #[test]
    fn same_output_with_one_and_four_threads() {
        let aligner = Aligner::new();
        let run =
            |threads: usize| crate::par::in_pool(threads, || summary(&aligner, corpus(40), 16));
        assert_eq!(run(1), run(4));
    }

    #[cfg(feature = "rayon")]
    #[test]
    fn learning_across_gives_the_same_output_with_one_and_four_threads() {
        let aligner = Aligner::new();
        assert!(aligner.config().costs.translation_weight > 0.0);
        let run = |threads: usize| {
            crate::par::in_pool(threads, || {
                summarise(
                    aligner
                        .align_batch(corpus(24))
                        .chunk_size(usize::MAX)
                        .learn_across(),
                )
            })
        };
        assert_eq!(run(1), run(4));
    }

    #[test]
    fn a_batch_translation_model_changes_costs_only_when_weighted() {
        // With the weight at 0 no model is learned: learning across then gives what the
        // learned lexicon alone gives, and the weight changes the costs of a batch.
        let mut config = crate::AlignerConfig::default();
        config.costs.translation_weight = 0.0;
        let without = Aligner::from_config(config).unwrap();
        let with = Aligner::new();
        let costs = |aligner: &Aligner| -> Vec<u64> {
            aligner
                .align_batch(corpus(12))
                .chunk_size(usize::MAX)
                .learn_across()
                .flat_map(|(_, a)| {
                    a.unwrap()
                        .beads()
                        .map(|b| b.cost().to_bits())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert_ne!(costs(&without), costs(&with));
        // A single document learns no model by default: its costs do not depend on the weight.
        let pair = || corpus(3).pop().unwrap().1;
        let single = |aligner: &Aligner| {
            let alignment = aligner.align_document(pair()).unwrap();
            alignment
                .beads()
                .map(|b| b.cost().to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(single(&without), single(&with));
    }

    #[test]
    fn input_is_read_one_chunk_at_a_time() {
        let aligner = Aligner::new();
        let read = Cell::new(0usize);
        let input = corpus(50).into_iter().inspect(|_| read.set(read.get() + 1));
        let mut batch = aligner.align_batch(input).chunk_size(8);
        assert!(batch.next().is_some());
        assert_eq!(read.get(), 8);
        assert_eq!(batch.by_ref().count(), 49);
        assert!(batch.next().is_none());
    }

    #[test]
    fn errors_stay_with_their_document() {
        let aligner = Aligner::builder()
            .shapes([crate::BeadShape::new(1, 1)])
            .build()
            .unwrap();
        let pairs = vec![
            (0, DocumentPair::lines("a\nb", "c\nd")),
            (1, DocumentPair::lines("a", "c\nd")),
            (2, DocumentPair::raw("", "")),
        ];
        let results: Vec<(i32, bool)> = aligner
            .align_batch(pairs)
            .map(|(k, r)| (k, r.is_ok()))
            .collect();
        assert_eq!(results, [(0, true), (1, false), (2, true)]);
    }
}
