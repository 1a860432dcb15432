//! Weighting: how much a linkable type counts as evidence (its kind, its rarity, and how
//! likely its partners are to occur by chance).

use super::PairFeatures;
use super::rows::Rows;
use super::side::{MANY_LINKS, SideFeatures};
use super::tokenize::AnchorKind;

/// How evidence is weighted; part of the aligner configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WeightScheme {
    /// A type occurring in `df` sentences weighs `kind weight × df^-idf_power`.
    pub(crate) idf_power: f32,
    /// Weights are also multiplied by `(1 - share)^chance_power`, where `share` is the part of
    /// the other side's sentences that hold one of the type's partners.
    pub(crate) chance_power: f32,
    pub(crate) number: f32,
    pub(crate) word: f32,
    pub(crate) punctuation: f32,
}

/// The default of [`WeightScheme::idf_power`] (and of the aligner's `idf_power`).
pub(crate) const IDF_POWER: f64 = 0.4;
/// The default of [`WeightScheme::chance_power`] (and of the aligner's `chance_power`).
pub(crate) const CHANCE_POWER: f64 = 2.0;

/// The aligner's weighting, so that [`PairFeatures::new`] weighs evidence as the aligner does.
impl Default for WeightScheme {
    fn default() -> Self {
        WeightScheme {
            idf_power: IDF_POWER as f32,
            chance_power: CHANCE_POWER as f32,
            number: 1.0,
            word: 0.6,
            punctuation: 0.3,
        }
    }
}

impl PairFeatures<'_> {
    /// Recomputes weights and linkable rows after the links changed.
    pub(super) fn refresh(&mut self) {
        let scheme = self.scheme;
        // In how many sentences of its own side each type's partners occur (at most all).
        let partner_share = |this: &SideFeatures, other: &SideFeatures| -> Vec<f32> {
            let sentences = other.len().max(1) as f32;
            (0..this.types.len())
                .map(|t| {
                    let df: u32 = this
                        .links
                        .row(t)
                        .iter()
                        .map(|&t| other.types.get(t as usize).map_or(0, |i| i.sentences))
                        .sum();
                    (df as f32 / sentences).min(1.0)
                })
                .collect()
        };
        // Each side is weighed and its linkable rows rebuilt on a thread of its own (a long
        // document's sides take a few hundred milliseconds each); SPLIT_BYTES counts text,
        // about 160 bytes a sentence.
        let bytes = (self.german.len() + self.english.len()) * 160;
        let (german_share, english_share) = crate::par::join_sized(
            bytes,
            || partner_share(&self.german, &self.english),
            || partner_share(&self.english, &self.german),
        );
        let weigh = |this: &mut SideFeatures, share: Vec<f32>| {
            this.weights = this
                .types
                .iter()
                .enumerate()
                .zip(&share)
                .map(|((t, info), &share)| {
                    if this.links.row(t).is_empty() {
                        return 0.0;
                    }
                    let kind = match info.kind {
                        AnchorKind::Number => scheme.number,
                        AnchorKind::Word => scheme.word,
                        AnchorKind::Punctuation => scheme.punctuation,
                    };
                    let idf = (info.sentences.max(1) as f32).powf(-scheme.idf_power);
                    // A match that chance would give in most sentence pairs tells little: scale
                    // by how rare the partners are on the other side.
                    let rarity = if scheme.chance_power > 0.0 {
                        (1.0 - share).max(0.0).powf(scheme.chance_power)
                    } else {
                        1.0
                    };
                    kind * idf * rarity
                })
                .collect();
            // The old rows go first, and the new ones are counted before they are filled, so
            // that they take no more room than they need: a long document's tables are large
            // (growing by doubling, a million sentences' rows left 40 MiB unused, and the
            // tables passed through twice their size while they grew).
            this.linkable = Rows::new();
            let weights = &this.weights;
            let linked = |t: &u32| weights[*t as usize] > 0.0;
            let rows = this.tokens.rows();
            let entries: usize = (0..rows)
                .map(|k| this.tokens.row(k).filter(linked).count())
                .sum();
            let mut linkable = Rows::with_capacity(rows, entries);
            for k in 0..rows {
                linkable.push_row(this.tokens.row(k).filter(linked));
            }
            this.set_linkable(linkable);
            this.evidence_links = (0..this.types.len())
                .map(|t| match this.links.row(t) {
                    &[link] => (this.weights[t], link),
                    _ => (this.weights[t], MANY_LINKS),
                })
                .collect();
        };
        let (german, english) = (&mut self.german, &mut self.english);
        crate::par::join_sized(
            bytes,
            || weigh(german, german_share),
            || weigh(english, english_share),
        );
    }
}
