//! # satzweise
//!
//! Sentence alignment of German text with its English reference: which German sentences
//! render which English ones, how sure that is, and what is left over.
//!
//! The path of the data:
//!
//! 1. **Segment** each text into sentences ([`Segmenter`], [`Text`]), or take sentences
//!    already split, one per line. Every sentence keeps its byte span in the original text.
//! 2. **Features** are computed once per sentence ([`PairFeatures`]): length, numbers, names
//!    and cognates, marked punctuation.
//! 3. **Score** candidate beads with [`Scorer`]s (a Gale-Church length model, anchors, your
//!    own) and **search** the best sequence of beads by dynamic programming, coarse to fine
//!    so that long documents stay linear in time and memory.
//! 4. The result is an [`Alignment`]: both texts and the beads, each with a cost and a
//!    confidence (the calibrated posterior probability that the bead is right), plus QA
//!    flags and a document verdict ([`quality`]), readers and writers for the field's file
//!    formats ([`io`]) and strict/lax precision, recall and F1 against gold ([`eval`]).
//!
//! Many document pairs: [`Aligner::align_batch`] streams them through all cores in input
//! order; with [`Batch::learn_across`] they also learn a lexicon from each other.
//!
//! ```
//! use satzweise::Aligner;
//!
//! let aligner = Aligner::new();
//! let alignment = aligner.align(
//!     "Vizeminister Rzayev informierte über die bevorstehende 29. Sitzung (COP29). \
//!      Sie findet im November statt.",
//!     "Deputy Minister Rzayev gave an update on the upcoming 29th session (COP29). \
//!      It will take place in November.",
//! )?;
//! for bead in &alignment {
//!     println!("{} | {} | {} | {:.2}", bead.german_text(), bead.english_text(), bead.shape(), bead.confidence());
//! }
//! assert_eq!(alignment.pairs().count(), 2);
//! # Ok::<(), satzweise::Error>(())
//! ```
//!
//! The second text need not be English: with sentences given one per line the aligner relies
//! only on signals that hold across languages (lengths, numbers, names, punctuation), so it
//! aligns German with French too.
//!
//! ## Features
//!
//! - `serde` (default): serialize [`Alignment`] and [`AlignerConfig`].
//! - `rayon` (default): align batches of document pairs in parallel.

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod align;
mod error;
pub mod eval;
mod features;
pub mod io;
mod lang;
mod lexicon;
mod par;
pub mod quality;
mod score;
mod search;
mod segment;
mod text;

pub use align::{
    Addition, Additions, Aligner, AlignerBuilder, AlignerConfig, Alignment, Batch, Bead, BeadRef,
    BeadShape, Beads, ConfidentBeads, CostConfig, DocumentPair, LanguageConfig, Omission,
    Omissions, Pair, Pairs, RefinementConfig, ReorderConfig, ReorderedBeads, SearchConfig,
    SentenceIndices, ShapeConfig, Unaligned, UnalignedSentences,
};
pub use error::{Error, ErrorKind, Result};
pub use features::PairFeatures;
pub use lang::Lang;
pub use lexicon::{Dictionary, WordTranslations};
pub use score::{
    Candidate, DocumentEmbeddings, EmbeddingOptions, EmbeddingScorer, EmbeddingTable, Scorer,
    WeightedSum,
};
pub use segment::{LineBreaks, Segmenter, Sentence, Sentences};
pub use text::normalize::word_key;
pub use text::{
    EnglishIndex, GermanIndex, IndexIter, IndexRange, SentenceIndex, SentenceSpan, Side, Spans,
    Text, TextSentences, decode_utf8, read_text_file,
};

// Paths the crate's own modules use.
pub(crate) use features::SideFeatures;
pub(crate) use text::normalize;
