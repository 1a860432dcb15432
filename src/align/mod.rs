//! The aligner: configuration, search, and the alignment it returns.

mod alignment;
mod config;
mod dp;
mod search;
mod shape;

pub use alignment::{
    Addition, Additions, Alignment, Bead, BeadRef, Beads, ConfidentBeads, Omission, Omissions,
    Pair, Pairs,
};
pub use config::{AlignerBuilder, AlignerConfig, SearchConfig};
pub use shape::BeadShape;

use crate::error::{Error, ErrorKind, Result};
use crate::features::PairFeatures;
use crate::score::{AnchorScorer, LengthScorer, Scorer, ShapePrior, WeightedSum};
use crate::text::Text;

/// Aligns document pairs: built once from a configuration, then used for any number of pairs,
/// from any number of threads (`Aligner` is `Send + Sync`).
///
/// ```
/// use satzweise::Aligner;
/// let aligner = Aligner::new();
/// let alignment = aligner.align(
///     "Die 29. Sitzung beginnt am 3. Oktober. Sie dauert zwei Wochen.",
///     "The 29th session begins on 3 October. It lasts two weeks.",
/// )?;
/// assert_eq!(alignment.beads().len(), 2);
/// for bead in &alignment {
///     assert_eq!(bead.shape().to_string(), "1-1");
/// }
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Aligner {
    config: AlignerConfig,
    scorer: WeightedSum,
    shapes: Vec<(usize, usize)>,
}

impl Default for Aligner {
    fn default() -> Self {
        Aligner::new()
    }
}

impl Aligner {
    /// An aligner with the default configuration (German and English).
    pub fn new() -> Aligner {
        Aligner::from_config(AlignerConfig::default()).expect("the default configuration is valid")
    }

    /// A builder to configure an aligner.
    pub fn builder() -> AlignerBuilder {
        AlignerBuilder::new()
    }

    /// An aligner with the built-in scorers weighted as `config` says.
    pub fn from_config(config: AlignerConfig) -> Result<Aligner> {
        Aligner::from_builder(&AlignerBuilder {
            config,
            scorers: Vec::new(),
        })
    }

    pub(crate) fn from_builder(builder: &AlignerBuilder) -> Result<Aligner> {
        let config = builder.config.clone();
        config.validate()?;
        let mut scorer = WeightedSum::new()
            .with(
                1.0,
                ShapePrior {
                    merge_cost: config.merge_cost,
                    skip_cost: config.skip_cost,
                },
            )
            .with(
                config.length_weight,
                LengthScorer {
                    variance: config.length_variance,
                },
            )
            .with(
                1.0,
                AnchorScorer {
                    weight: config.anchor_weight,
                },
            );
        for (weight, extra) in &builder.scorers {
            scorer.push(*weight, extra.clone());
        }
        let mut shapes: Vec<(usize, usize)> = config
            .shapes
            .iter()
            .map(|s| (s.german(), s.english()))
            .collect();
        shapes.sort_unstable();
        shapes.dedup();
        Ok(Aligner {
            config,
            scorer,
            shapes,
        })
    }

    /// The configuration this aligner was built with.
    pub fn config(&self) -> &AlignerConfig {
        &self.config
    }

    /// The combined scorer: shape prior, length, anchors, then any added scorers.
    pub fn scorer(&self) -> &dyn Scorer {
        &self.scorer
    }

    /// Splits both raw texts into sentences (with the rules of the configured languages) and
    /// aligns them.
    pub fn align(&self, german: &str, english: &str) -> Result<Alignment> {
        self.align_texts(
            Text::segment(german, self.config.german),
            Text::segment(english, self.config.english),
        )
    }

    /// Aligns texts that hold one sentence per line (sentence `k` is line `k`).
    pub fn align_lines(&self, german: &str, english: &str) -> Result<Alignment> {
        self.align_texts(Text::from_lines(german), Text::from_lines(english))
    }

    /// Aligns sentences given one by one.
    pub fn align_sentences<G, E>(&self, german: &[G], english: &[E]) -> Result<Alignment>
    where
        G: AsRef<str>,
        E: AsRef<str>,
    {
        self.align_texts(
            Text::from_sentences(german.iter().map(AsRef::as_ref)),
            Text::from_sentences(english.iter().map(AsRef::as_ref)),
        )
    }

    /// Aligns two texts already split into sentences.
    pub fn align_texts(&self, german: Text, english: Text) -> Result<Alignment> {
        let found = {
            let features = PairFeatures::new(&german, &english);
            let cost = |i0: usize, i1: usize, j0: usize, j1: usize| {
                self.scorer.cost(&features, i0..i1, j0..j1)
            };
            let german_lengths: Vec<f32> = (0..german.len())
                .map(|k| features.german().length(k))
                .collect();
            let english_lengths: Vec<f32> = (0..english.len())
                .map(|k| features.english().length(k))
                .collect();
            search::search(
                &german_lengths,
                &english_lengths,
                &self.shapes,
                &cost,
                &self.config.search,
                self.config.temperature,
            )
        };
        let found = found.ok_or_else(|| {
            Error::new(ErrorKind::NoAlignment {
                german: german.len(),
                english: english.len(),
            })
        })?;
        let beads = found
            .into_iter()
            .map(|b| Bead::from_ranges(b.german, b.english, b.cost, b.posterior))
            .collect();
        Ok(Alignment::from_parts_unchecked(german, english, beads))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn aligner_is_send_and_sync() {
        assert_send_sync::<Aligner>();
        assert_send_sync::<Alignment>();
    }

    #[test]
    fn empty_sides_align() {
        let aligner = Aligner::new();
        let none: [&str; 0] = [];
        assert_eq!(
            aligner.align_sentences(&none, &none).unwrap().beads().len(),
            0
        );
        let only_english = aligner.align_sentences(&none, &["One.", "Two."]).unwrap();
        assert_eq!(only_english.omissions().count(), 2);
        let only_german = aligner.align("Eins. Zwei.", "").unwrap();
        assert_eq!(only_german.additions().count(), 2);
    }

    #[test]
    fn one_to_one_only_cannot_align_unequal_counts() {
        let aligner = Aligner::builder()
            .shapes([BeadShape::new(1, 1)])
            .build()
            .unwrap();
        let err = aligner.align_sentences(&["a"], &["b", "c"]).unwrap_err();
        assert!(matches!(
            err.kind(),
            ErrorKind::NoAlignment {
                german: 1,
                english: 2
            }
        ));
    }

    #[test]
    fn banded_search_equals_exact_search_on_a_clean_pair() {
        let german: Vec<String> = (0..300)
            .map(|k| format!("Satz Nummer {k} mit {} Wörtern.", k % 7))
            .collect();
        let english: Vec<String> = (0..300)
            .map(|k| format!("Sentence number {k} with {} words.", k % 7))
            .collect();
        let exact = Aligner::builder().exact_search().build().unwrap();
        let mut search = SearchConfig::default();
        search.exact_cells = 100;
        search.band_width = 4;
        let banded = Aligner::builder().search(search).build().unwrap();
        let a = exact.align_sentences(&german, &english).unwrap();
        let b = banded.align_sentences(&german, &english).unwrap();
        let ranges = |x: &Alignment| {
            x.beads()
                .map(|b| (b.german().to_usize(), b.english().to_usize()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ranges(&a), ranges(&b));
    }
}
