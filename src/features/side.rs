//! The features of one side: per-sentence lengths, cues, token and linkable rows, the
//! vocabulary with its weights and links.

use std::ops::Range;

use super::cues::SentenceShape;
use super::rows::{PackedRow, PackedRows, Rows};
use super::tokenize::AnchorKind;

/// A type of one side's vocabulary.
#[derive(Debug, Clone)]
pub(super) struct TypeInfo {
    pub(super) kind: AnchorKind,
    /// Where the folded key (a skeleton for words, digits for numbers) starts and ends in the
    /// side's [`keys`](SideFeatures::keys).
    pub(super) key: (u32, u32),
    /// Number of sentences the type occurs in.
    pub(super) sentences: u32,
}

/// Per-sentence features of one side.
#[derive(Debug, Clone, Default)]
pub struct SideFeatures {
    pub(super) lengths: Vec<f32>,
    pub(super) shapes: Vec<SentenceShape>,
    /// Whether some sentence opens a paragraph.
    pub(super) has_paragraphs: bool,
    /// Every type of each sentence, sorted, each once (packed: read only to learn the lexicon
    /// and to rebuild `linkable`).
    pub(super) tokens: PackedRows,
    /// The linkable types of each sentence, sorted, each once.
    pub(super) linkable: Rows,
    /// For each entry of `linkable`, how many sentences back the same type occurred last
    /// (0: not within [`FAR_PREVIOUS`] sentences, which stands for that far or further).
    pub(super) linkable_previous: Vec<u8>,
    pub(super) types: Vec<TypeInfo>,
    /// The folded keys of all types, one after the other (one buffer: a box for each key was
    /// most of the allocations of a small document).
    pub(super) keys: String,
    /// Weight of each type as evidence (0 when it is not linkable).
    pub(super) weights: Vec<f32>,
    /// Links from each type to types of the other side, sorted, each once.
    pub(super) links: Rows,
    /// What evidence needs of each type, in one place: its weight and its link, or
    /// [`MANY_LINKS`] when it has several (or none).
    pub(super) evidence_links: Vec<(f32, u32)>,
    /// Whether `tokens` was freed (see [`PairFeatures::release_tokens`]).
    pub(super) tokens_released: bool,
}

/// Stands for the link of a type that has more than one (or none) in
/// `SideFeatures::evidence_links`.
pub(super) const MANY_LINKS: u32 = u32::MAX;

/// The distance to the previous occurrence that `SideFeatures::linkable_previous` keeps for
/// this many sentences and any more.
pub(super) const FAR_PREVIOUS: u8 = u8::MAX;

impl SideFeatures {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Length of sentence `k` in characters, white space excluded (0 past the end).
    pub fn length(&self, k: usize) -> f32 {
        self.lengths.get(k).copied().unwrap_or(0.0)
    }

    /// The length of every sentence, in characters without white space.
    pub(crate) fn lengths(&self) -> &[f32] {
        &self.lengths
    }

    /// Surface traits of sentence `k` (default past the end).
    pub fn shape(&self, k: usize) -> SentenceShape {
        self.shapes.get(k).copied().unwrap_or_default()
    }

    /// Surface traits of every sentence.
    pub(crate) fn shapes(&self) -> &[SentenceShape] {
        &self.shapes
    }

    /// Whether the text is laid out in paragraphs that group sentences (some sentence
    /// [opens a paragraph](SentenceShape::opens_paragraph)).
    pub fn has_paragraphs(&self) -> bool {
        self.has_paragraphs
    }

    /// Summed length of the sentences in `run`.
    pub fn run_length(&self, run: Range<usize>) -> f32 {
        self.lengths.get(run).map_or(0.0, |l| l.iter().sum())
    }

    /// The type ids of sentence `k`, sorted, each once.
    pub(crate) fn tokens(&self, k: usize) -> PackedRow<'_> {
        self.tokens.row(k)
    }

    /// The linkable type ids of sentence `k` (those with a partner type on the other side of
    /// the document pair), sorted, each once.
    pub(crate) fn linkable(&self, k: usize) -> &[u32] {
        self.linkable.row(k)
    }

    /// The linkable type ids of sentence `k`, with, for each, the distance in sentences back to
    /// the last sentence it occurs in (0 when none of the last [`FAR_PREVIOUS`] has it, which
    /// stands for that far back or further).
    pub(super) fn linkable_with_previous(&self, k: usize) -> (&[u32], &[u8]) {
        let offsets = &self.linkable.offsets;
        match (offsets.get(k), offsets.get(k + 1)) {
            (Some(&start), Some(&end)) => {
                let entries = start as usize..end as usize;
                (
                    &self.linkable.values[entries.clone()],
                    &self.linkable_previous[entries],
                )
            }
            _ => (&[], &[]),
        }
    }

    /// Sets the linkable rows and the distances to each entry's previous occurrence.
    pub(super) fn set_linkable(&mut self, linkable: Rows) {
        self.linkable_previous = linkable.previous_distances(self.types.len(), FAR_PREVIOUS);
        self.linkable = linkable;
    }

    /// Weight of a type as evidence, in `[0, 1]`.
    pub(crate) fn weight(&self, type_id: u32) -> f32 {
        self.weights.get(type_id as usize).copied().unwrap_or(0.0)
    }

    /// The types of the other side that `type_id` links to.
    pub(crate) fn links(&self, type_id: u32) -> &[u32] {
        self.links.row(type_id as usize)
    }

    /// The word types of the sentences in `run`, sorted, each once, into `out`.
    /// Only words that occur in at least `min_sentences` sentences are kept.
    pub(crate) fn word_set(&self, run: Range<usize>, min_sentences: u32, out: &mut Vec<u32>) {
        out.clear();
        for k in run {
            out.extend(self.tokens(k).filter(|&t| {
                let info = &self.types[t as usize];
                info.kind == AnchorKind::Word && info.sentences >= min_sentences
            }));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The folded key of a type (for diagnostics).
    pub(crate) fn key(&self, type_id: u32) -> Option<&str> {
        self.types.get(type_id as usize).map(|t| self.key_of(t))
    }

    /// The folded key of `info`, a type of this side.
    pub(super) fn key_of(&self, info: &TypeInfo) -> &str {
        &self.keys[info.key.0 as usize..info.key.1 as usize]
    }
}
