//! The shape prior: what a bead's shape costs before any evidence.

use std::ops::Range;

use crate::features::{PairFeatures, SentenceShape};

/// The prior cost of a bead's shape, aware of fragments and debris.
///
/// - 1-1 costs 0.
/// - A bead with two non-empty sides pays, for every sentence boundary inside it,
///   `merge_cost`, or `open_merge_cost` when the boundary looks like a line broken inside a
///   sentence (the line before ends with `,`, `;`, `:` or a dash, or the line after starts in
///   lower case), which asks to be merged; see [`SentenceShape`](crate::features::SentenceShape).
/// - A bead whose German and English runs disagree on ending open (one ends like a headline,
///   the other like a sentence) pays `closure_mismatch_cost`.
/// - Where both texts are laid out in paragraphs (see
///   [`SentenceShape::opens_paragraph`](crate::features::SentenceShape)), a bead that crosses a
///   paragraph boundary on one side only pays `paragraph_cost`.
/// - Unaligned sentences (a bead with an empty side) pay `skip_cost` for the first sentence and
///   `skip_extend_cost` for each further one, each multiplied by `debris_factor` when the
///   sentence looks like debris.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapePrior {
    /// Cost of each sentence boundary inside a merged bead after a closed sentence.
    pub merge_cost: f64,
    /// Cost of each sentence boundary inside a merged bead after an open-ended sentence.
    pub open_merge_cost: f64,
    /// Cost of a bead whose two sides disagree on ending open.
    pub closure_mismatch_cost: f64,
    /// Cost of leaving one sentence unaligned (a 1-0 or 0-1 bead).
    pub skip_cost: f64,
    /// Cost of each further sentence in one run of unaligned sentences.
    pub skip_extend_cost: f64,
    /// Factor on the skip cost of a sentence that looks like debris.
    pub debris_factor: f64,
    /// Cost of a bead that crosses a paragraph boundary on one side only, when both texts
    /// have paragraphs.
    pub paragraph_cost: f64,
    /// Share of a sentence's skip cost taken off when nothing links it near its place (see
    /// [`PairFeatures`]'s local links, learned after a first pass); in `[0, 1]`, 0 = off.
    pub unlinked_skip_discount: f64,
}

impl Default for ShapePrior {
    fn default() -> Self {
        ShapePrior {
            merge_cost: 2.3,
            open_merge_cost: 1.0,
            closure_mismatch_cost: 1.0,
            skip_cost: 4.0,
            skip_extend_cost: 1.5,
            debris_factor: 0.5,
            paragraph_cost: PARAGRAPH_COST,
            unlinked_skip_discount: 0.0,
        }
    }
}

/// Default of [`ShapePrior::paragraph_cost`].
pub(crate) const PARAGRAPH_COST: f64 = 1.0;

impl ShapePrior {
    /// The cost of leaving the German sentences `german` and the English sentences `english`
    /// unaligned in one bead (one side is empty; the sentences need not be consecutive): the
    /// skip cost of the first, the extension cost of the rest, scaled by the document's skip
    /// factor, the discount of unlinked sentences and the debris factor.
    pub(crate) fn skip_cost_of(
        &self,
        pair: &PairFeatures<'_>,
        german: impl IntoIterator<Item = usize>,
        english: impl IntoIterator<Item = usize>,
    ) -> f64 {
        let (g, e) = (pair.german(), pair.english());
        let skipped = german
            .into_iter()
            .map(|k| (g.shape(k), pair.german_unlinked(k)))
            .chain(
                english
                    .into_iter()
                    .map(|k| (e.shape(k), pair.english_unlinked(k))),
            );
        skipped
            .enumerate()
            .map(|(n, (shape, unlinked))| {
                let base = if n == 0 {
                    self.skip_cost
                } else {
                    self.skip_extend_cost
                };
                let base = base
                    * pair.skip_factor()
                    * (1.0 - self.unlinked_skip_discount * f64::from(unlinked));
                if shape.debris {
                    base * self.debris_factor
                } else {
                    base
                }
            })
            .sum()
    }

    /// The skip costs of `pair` as a table, when every sentence's share of a skip depends
    /// only on whether it opens the run and whether it looks like debris: when the discount of
    /// unlinked sentences is off (`1 - 0 × unlinked` is 1 for every sentence). `None` otherwise.
    pub(crate) fn skip_table(&self, pair: &PairFeatures<'_>) -> Option<SkipTable> {
        if self.unlinked_skip_discount != 0.0 {
            return None;
        }
        // The very products `skip_cost_of` forms, so that a sum of the table's entries is
        // that sum to the bit.
        let share = |base: f64, debris: bool| {
            let base = base * pair.skip_factor() * (1.0 - self.unlinked_skip_discount * 0.0);
            if debris {
                base * self.debris_factor
            } else {
                base
            }
        };
        Some(SkipTable([
            [share(self.skip_cost, false), share(self.skip_cost, true)],
            [
                share(self.skip_extend_cost, false),
                share(self.skip_extend_cost, true),
            ],
        ]))
    }

    /// The cost of the bead of the sentence runs `german` and `english`.
    #[inline]
    pub(crate) fn run_cost(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        let (g, e) = (pair.german(), pair.english());
        if german.is_empty() || english.is_empty() {
            return self.skip_cost_of(pair, german, english);
        }
        // The sentences' shapes, past the end the default (as `SideFeatures::shape` gives).
        let (g_shapes, e_shapes) = (g.shapes(), e.shapes());
        let shape = |shapes: &[SentenceShape], k: usize| -> SentenceShape {
            shapes.get(k).copied().unwrap_or_default()
        };
        let boundary = |shapes: &[SentenceShape], k: usize| {
            if shape(shapes, k).continues || shape(shapes, k + 1).starts_lower {
                self.open_merge_cost
            } else {
                self.merge_cost
            }
        };
        let mut cost = 0.0;
        for k in german.start..german.end - 1 {
            cost += boundary(g_shapes, k);
        }
        for k in english.start..english.end - 1 {
            cost += boundary(e_shapes, k);
        }
        if shape(g_shapes, german.end - 1).open_end != shape(e_shapes, english.end - 1).open_end {
            cost += self.closure_mismatch_cost;
        }
        let crosses = |shapes: &[SentenceShape], run: Range<usize>| {
            (run.start + 1..run.end).any(|k| shape(shapes, k).opens_paragraph)
        };
        // The flags first: pre-split lines have no paragraphs, and then the runs are not read.
        if self.paragraph_cost != 0.0
            && g.has_paragraphs()
            && e.has_paragraphs()
            && crosses(g_shapes, german.clone()) != crosses(e_shapes, english.clone())
        {
            cost += self.paragraph_cost;
        }
        cost
    }
}

/// The share of a skip of each sentence of one pass over a document pair (see
/// [`ShapePrior::skip_table`]): `[opens the run or extends it][looks like debris]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SkipTable([[f64; 2]; 2]);

impl SkipTable {
    /// [`ShapePrior::skip_cost_of`] of the runs `german` and `english` (one of them empty),
    /// summed in the same order from the same start, so equal to the bit.
    #[inline]
    pub(crate) fn run_cost(
        &self,
        pair: &PairFeatures<'_>,
        german: Range<usize>,
        english: Range<usize>,
    ) -> f64 {
        // `Sum` of `f64` starts at -0.
        let mut total = -0.0f64;
        let mut extends = 0usize;
        let (g, e) = (pair.german(), pair.english());
        for k in german {
            total += self.0[extends][usize::from(g.shape(k).debris)];
            extends = 1;
        }
        for k in english {
            total += self.0[extends][usize::from(e.shape(k).debris)];
            extends = 1;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, LineBreaks, Segmenter, Text};

    fn paragraphs(source: &str) -> Text {
        let segmenter = Segmenter::new(Lang::De).line_breaks(LineBreaks::Paragraph);
        Text::segment_with(source, &segmenter)
    }

    #[test]
    fn a_bead_crossing_a_paragraph_on_one_side_pays() {
        let german = paragraphs("Erster Satz. Zweiter Satz.\n\nDritter Satz. Vierter Satz.");
        let english = paragraphs("First one. Second one.\n\nThird one. Fourth one.");
        let pair = PairFeatures::new(&german, &english);
        let prior = ShapePrior::default();
        let with = |cost: f64| ShapePrior {
            paragraph_cost: cost,
            ..prior
        };
        // German 1..3 crosses the paragraph boundary, English 1..2 does not.
        let crossing =
            with(1.0).run_cost(&pair, 1..3, 1..2) - with(0.0).run_cost(&pair, 1..3, 1..2);
        assert!((crossing - 1.0).abs() < 1e-12);
        // Both sides cross, or neither: no charge.
        assert_eq!(
            with(1.0).run_cost(&pair, 1..3, 1..3),
            with(0.0).run_cost(&pair, 1..3, 1..3)
        );
        assert_eq!(
            with(1.0).run_cost(&pair, 0..2, 0..1),
            with(0.0).run_cost(&pair, 0..2, 0..1)
        );
    }

    #[test]
    fn a_document_skip_factor_scales_every_skip() {
        let german = Text::from_lines("Erster Satz.\nZweiter Satz.\nDritter Satz.");
        let english = Text::from_lines("First one.\nSecond one.");
        let mut pair = PairFeatures::new(&german, &english);
        let prior = ShapePrior::default();
        let full = prior.run_cost(&pair, 1..3, 0..0);
        assert!(full > prior.skip_extend_cost, "{full}");
        pair.set_skip_factor(0.5);
        assert!((prior.run_cost(&pair, 1..3, 0..0) - full / 2.0).abs() < 1e-12);
        // Beads with two sides do not change.
        assert_eq!(prior.run_cost(&pair, 0..2, 0..1), {
            pair.set_skip_factor(1.0);
            prior.run_cost(&pair, 0..2, 0..1)
        });
    }

    #[test]
    fn an_unlinked_sentence_skips_more_cheaply_than_a_linked_one() {
        let german = Text::from_lines("Der Vertrag von 1987.\nEs regnet.\nSo ist es.");
        let english = Text::from_lines("The treaty of 1987.\nThat is so.");
        let mut pair = PairFeatures::new(&german, &english);
        // The first pass: 0-0, then German 1 left out, then 2-1.
        pair.learn_local_links(&[(0..1, 0..1), (1..2, 1..1), (2..3, 1..2)]);
        let prior = ShapePrior {
            unlinked_skip_discount: 0.5,
            ..ShapePrior::default()
        };
        // German 0 holds 1987, whose partner is in its bead; German 1 has nothing near it.
        let share = |g: std::ops::Range<usize>, e: std::ops::Range<usize>| {
            prior.run_cost(&pair, g.clone(), e.clone())
                / ShapePrior::default().run_cost(&pair, g, e)
        };
        let (linked, unlinked) = (share(0..1, 0..0), share(1..2, 1..1));
        assert!((unlinked - 0.5).abs() < 1e-9, "{unlinked}");
        assert!(linked > 0.7 && linked < 1.0, "{linked}");
    }

    #[test]
    fn the_skip_table_gives_the_skip_costs_to_the_bit() {
        let german = Text::from_lines("Erster Satz der Seite.\n12\nZweiter Satz hier.\n– 3 –");
        let english = Text::from_lines("First one.\n7\nSecond sentence here.");
        let mut pair = PairFeatures::new(&german, &english);
        pair.set_skip_factor(0.77);
        let prior = ShapePrior::default();
        let table = prior.skip_table(&pair).unwrap();
        for start in 0..4 {
            for end in start..=4 {
                let (g, e) = (start..end, start.min(3)..end.min(3));
                assert_eq!(
                    table.run_cost(&pair, g.clone(), 0..0).to_bits(),
                    prior.run_cost(&pair, g.clone(), 0..0).to_bits()
                );
                assert_eq!(
                    table.run_cost(&pair, 0..0, e.clone()).to_bits(),
                    prior.run_cost(&pair, 0..0, e).to_bits()
                );
            }
        }
        // With the discount of unlinked sentences, shares differ by sentence: no table.
        let discounted = ShapePrior {
            unlinked_skip_discount: 0.5,
            ..prior
        };
        assert!(discounted.skip_table(&pair).is_none());
    }

    #[test]
    fn pre_split_lines_are_no_paragraphs() {
        let german = Text::from_lines("Erster Satz.\nZweiter Satz.\nDritter Satz.");
        let english = Text::from_lines("First one.\nSecond one.\nThird one.");
        let pair = PairFeatures::new(&german, &english);
        let prior = ShapePrior::default();
        let free = ShapePrior {
            paragraph_cost: 0.0,
            ..prior
        };
        assert_eq!(
            prior.run_cost(&pair, 0..2, 0..1),
            free.run_cost(&pair, 0..2, 0..1)
        );
    }
}
