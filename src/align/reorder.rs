//! Beyond the monotone path: after the search, a local look for beads with holes and beads
//! that cross.
//!
//! The search returns a monotone path of contiguous beads. Translations are not always like
//! that: a figure caption printed in the middle of a sentence on one side only, a sentence
//! moved a few places, two sentences in swapped order. Forced into a monotone path, such a
//! region becomes a merge that swallows the stray sentence, or an omission next to an
//! addition. This pass looks at every *site* of the path where that may have happened (a bead
//! of low posterior, an unaligned sentence, a merge) and, within [`ReorderConfig::reach`]
//! beads of it, tries four local changes:
//!
//! - **hole**: an inner sentence of a bead's side leaves it for a bead of its own (`[250]:[291,
//!   293, 294]` and `[]:[292]` instead of `[250]:[291, 292, 293, 294]`);
//! - **move**: one sentence goes from its bead to a bead a few places away (`[449]:[530]`,
//!   `[]:[532]`, `[450]:[531, 533, 534, 535]` instead of `[449]:[530, 531]`, `[]:[532]`,
//!   `[450]:[533, 534, 535]`);
//! - **split**: a merged bead becomes two beads that cross (`[455]:[541]`, `[456]:[540]`
//!   instead of `[455, 456]:[540, 541]`);
//! - **swap**: two nearby beads exchange their English sides.
//!
//! A change is priced by the same built-in signals as the search's beads (on sets of
//! sentences: [`SetCosts`]), plus [`ReorderConfig::hole_cost`] for each hole it opens and
//! [`ReorderConfig::crossing_cost`] for each pair of beads it makes cross, and taken only
//! when it lowers the cost of the path by more than [`ReorderConfig::min_gain`] (in a split
//! the word evidence weighs [`ReorderConfig::link_evidence`] times); changes that
//! leave the path monotone are not this pass's business (the search weighed them). A link of
//! a crossing change whose own words say less than [`ReorderConfig::bare_link_words`] for it
//! is left as unaligned sentences instead (a deleted and an inserted sentence beside a pair are
//! a skip, not a crossing). The beads a change makes get the posterior `1 / (1 + exp(-gain /
//! temperature))` of the change against the monotone beads it replaces; each link among them
//! also carries its own evidence ([`ReorderEvidence`]), from which the calibration's
//! [`ReorderModel`](crate::quality::ReorderModel) gives its confidence (the halves of a split
//! share the change's gain, not its rightness).
//!
//! Each site costs a bounded number of candidates, so the pass is linear in the length of the
//! document. It runs with the built-in signals only: with a scorer of the user's (which prices
//! runs, not sets) it is skipped.

use std::ops::Range;

use super::{AnchorBound, BuiltInScorers, ReorderEvidence};
use crate::error::{Error, Result};
use crate::features::PairFeatures;
use crate::score::two_sided_tail_cost;
use crate::search::{FoundBead, FoundPath};

/// The search for reordered beads after the monotone search (configuration group `reorder`).
///
/// Off by default. Measured on 2026-12-06 with the defaults below, one document at a time
/// (strict / lax F1, off → on; `evaluate --config` with `{"reorder":{"enabled":true}}`):
/// Text+Berg dev 0.9125 / 0.9918 → 0.9164 / 0.9918 (a swapped pair found); WMT21 perturbed
/// 0.9868 / 0.9986 → 0.9874 / 0.9980; WMT21 1-1 0.9993 / 1.0000 unchanged, with no bead out
/// of order; the seeded perturbed sets no lower strict (del8 0.9593 → 0.9612, seed29 0.9848
/// unchanged), lax lower by up to 0.0024: a merge of a deleted and an inserted sentence beside
/// a pair can still split into a right bead and a wrong one that cross, when the wrong one's
/// words say something for it (else it is left unaligned: [`bare_link_words`](Self::bare_link_words)).
/// That is why the pass stays off. The links it makes have a confidence of their own
/// ([`ReorderModel`](crate::quality::ReorderModel)): with the pass on, precision at
/// confidence ≥ 0.9 is 0.9788 on Text+Berg test (0.9772 off) and 0.9957 on WMT21 perturbed
/// (0.9963 off; measured 2026-12-06). In the QA benchmark it finds
/// 22, 21 and 21 of the 23 swaps of seeds 13, 2 and 5, every `reordered` flag on a swap. It
/// costs 1.02 times the CPU time of the monotone run on 100,000 lines of WMT21 1-1 and 1.18
/// times on 91,750 lines of WMT21 perturbed.
///
/// ```
/// use satzweise::{Aligner, AlignerConfig};
/// let mut german: Vec<String> = (0..8)
///     .map(|k| format!("Im Jahr {} bestieg Anna Keller {} Gipfel.", 1900 + k, k + 3))
///     .collect();
/// let mut english: Vec<String> = (0..8)
///     .map(|k| format!("In {} Anna Keller climbed {} summits.", 1900 + k, k + 3))
///     .collect();
/// german[3] = "Die Seilschaft Zermatt-Matterhorn zählte 4478 Meter und 17 Haken.".into();
/// german[4] = "Am 14. Juli 1865 erreichten Whymper und Croz den Gipfel.".into();
/// english[3] = "On 14 July 1865 Whymper and Croz reached the summit.".into();
/// english[4] = "The Zermatt-Matterhorn rope team counted 4478 metres and 17 pitons.".into();
///
/// let mut config = AlignerConfig::default();
/// config.reorder.enabled = true;
/// let alignment = Aligner::from_config(config)?.align_sentences(&german, &english)?;
/// assert!(!alignment.is_monotone());
/// let crossed: Vec<(usize, usize)> = alignment
///     .reordered()
///     .map(|b| (b.german().start().get(), b.english().start().get()))
///     .collect();
/// assert_eq!(crossed, [(3, 4), (4, 3)]);
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct ReorderConfig {
    /// Whether the pass runs.
    pub enabled: bool,
    /// Cost of each hole a change opens in a side of a bead (a run of sentences inside the
    /// side's hull that belong to other beads).
    pub hole_cost: f64,
    /// Cost of each pair of beads a change makes cross.
    pub crossing_cost: f64,
    /// How much a change must lower the cost of the path, in nats, to be taken.
    pub min_gain: f64,
    /// Beads whose posterior is below this are sites (unaligned sentences and merges are
    /// sites whatever their posterior).
    pub site_below: f64,
    /// How many beads away from a site a sentence may move, or a bead may swap with.
    pub reach: usize,
    /// How much the word evidence (anchors, links, the translation model) counts in the gain
    /// of a split, beside the lengths and the shape costs: 1 counts it as the costs do, 0
    /// leaves the split to the lengths and shapes. A merged bead matches words across its
    /// sentences that the two crossing beads split from it cannot (the swapped sentences of a
    /// pair share names and numbers), so at 1 a swap the search merged is seldom split. The
    /// crossing itself must still be paid by the evidence ([`crossing_cost`](Self::crossing_cost)),
    /// and the other changes count the evidence as the costs do.
    pub link_evidence: f64,
    /// A link that a change making beads cross would make, whose own words say less than
    /// this for it (minus the word-evidence part of its cost, in nats), is no crossing but
    /// unaligned sentences: its sentences are left unaligned, each in a bead of its own. (A
    /// merge of a deleted and an inserted sentence beside a pair otherwise splits into the
    /// pair and a bead of the two that crosses it.) At `-MAX_COST` every such link stays.
    pub bare_link_words: f64,
}

impl Default for ReorderConfig {
    fn default() -> Self {
        ReorderConfig {
            enabled: false,
            hole_cost: 2.0,
            crossing_cost: 0.5,
            min_gain: 2.0,
            site_below: 0.9,
            reach: 3,
            link_evidence: 0.5,
            bare_link_words: -1.0,
        }
    }
}

impl ReorderConfig {
    /// The most beads a site's window may reach on either side.
    pub const MAX_REACH: usize = 8;

    /// The largest [`link_evidence`](Self::link_evidence).
    pub const MAX_LINK_EVIDENCE: f64 = 10.0;

    pub(crate) fn validate(&self) -> Result<()> {
        for (name, value) in [
            ("reorder.hole_cost", self.hole_cost),
            ("reorder.crossing_cost", self.crossing_cost),
            ("reorder.min_gain", self.min_gain),
        ] {
            if !(0.0..=super::config::MAX_COST).contains(&value) {
                return Err(Error::config(format!(
                    "{name} must be at least 0 and at most {:e}, not {}",
                    super::config::MAX_COST,
                    super::config::shown(value)
                )));
            }
        }
        if !(-super::config::MAX_COST..=super::config::MAX_COST).contains(&self.bare_link_words) {
            return Err(Error::config(format!(
                "reorder.bare_link_words must lie in [-{0:e}, {0:e}], not {1}",
                super::config::MAX_COST,
                super::config::shown(self.bare_link_words)
            )));
        }
        if !(0.0..=1.0).contains(&self.site_below) {
            return Err(Error::config(format!(
                "reorder.site_below must lie in [0, 1], not {}",
                self.site_below
            )));
        }
        if !(0.0..=Self::MAX_LINK_EVIDENCE).contains(&self.link_evidence) {
            return Err(Error::config(format!(
                "reorder.link_evidence must lie in [0, {}], not {}",
                Self::MAX_LINK_EVIDENCE,
                super::config::shown(self.link_evidence)
            )));
        }
        if !(1..=Self::MAX_REACH).contains(&self.reach) {
            return Err(Error::config(format!(
                "reorder.reach must lie in 1..={}, not {}",
                Self::MAX_REACH,
                self.reach
            )));
        }
        Ok(())
    }
}

/// A bead of the path: its sentences on each side, in order (consecutive or not), its cost and
/// its posterior.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    pub(crate) german: Vec<usize>,
    pub(crate) english: Vec<usize>,
    pub(crate) cost: f64,
    pub(crate) posterior: f64,
    /// The bead's own evidence when a change of the pass made it.
    pub(crate) changed: Option<ReorderEvidence>,
}

impl Placed {
    fn is_link(&self) -> bool {
        !self.german.is_empty() && !self.english.is_empty()
    }

    fn is_empty(&self) -> bool {
        self.german.is_empty() && self.english.is_empty()
    }
}

/// The path of a document pair as it reaches the alignment.
pub(crate) enum Path {
    /// The search's path as found, every side a run of consecutive sentences: the path
    /// whenever the reorder pass did not run. Its gaps are split only when read (see
    /// [`runs`]), so a long document's path costs no allocation per bead.
    Runs(FoundPath),
    /// The path after the reorder pass, whose sides may have holes.
    Sets(Vec<Placed>),
}

/// The beads of `found` with every gap split into one bead per unaligned sentence, each with
/// an equal share of the gap's cost and the gap's posterior (an empty side is `0..0`).
pub(crate) fn runs(found: &FoundPath) -> impl Iterator<Item = FoundBead> + '_ {
    found.iter().flat_map(split_gap)
}

/// `bead` alone when it links sentences of both sides; else one bead per sentence of its gap
/// (see [`runs`]).
fn split_gap(bead: FoundBead) -> impl Iterator<Item = FoundBead> {
    let linked = !bead.german.is_empty() && !bead.english.is_empty();
    let (german_skips, english_skips) = if linked {
        (0..0, 0..0)
    } else {
        (bead.german.clone(), bead.english.clone())
    };
    let share = bead.cost / (german_skips.len() + english_skips.len()) as f64;
    let posterior = bead.posterior;
    let skip = move |german: Range<usize>, english: Range<usize>| FoundBead {
        german,
        english,
        cost: share,
        posterior,
    };
    let german_skips = german_skips.map(move |g| skip(g..g + 1, 0..0));
    let english_skips = english_skips.map(move |e| skip(0..0, e..e + 1));
    linked
        .then_some(bead)
        .into_iter()
        .chain(german_skips)
        .chain(english_skips)
}

/// The search's beads as the path of [`Placed`] beads, split as by [`runs`].
pub(crate) fn place(found: &FoundPath) -> Vec<Placed> {
    runs(found)
        .map(|b| Placed {
            german: b.german.collect(),
            english: b.english.collect(),
            cost: b.cost,
            posterior: b.posterior,
            changed: None,
        })
        .collect()
}

/// The run that `indices` (in order) form, `None` when they have holes; `0..0` when empty.
fn run_of(indices: &[usize]) -> Option<Range<usize>> {
    match (indices.first(), indices.last()) {
        (Some(&first), Some(&last)) => {
            (last - first + 1 == indices.len()).then_some(first..last + 1)
        }
        _ => Some(0..0),
    }
}

/// The holes of a side: runs of sentences inside its hull that it does not hold.
fn holes(indices: &[usize]) -> usize {
    indices.windows(2).filter(|w| w[1] > w[0] + 1).count()
}

/// Whether a side with holes stays within [`Bead::MAX_SPREAD`](super::Bead::MAX_SPREAD).
fn fits(indices: &[usize]) -> bool {
    match (indices.first(), indices.last()) {
        (Some(&first), Some(&last)) => {
            last - first + 1 == indices.len() || last - first < super::Bead::MAX_SPREAD
        }
        _ => true,
    }
}

/// The cost of beads whose sides are any sets of sentences under the built-in signals: for
/// runs exactly the search's cost; for sets with holes the same signals over the sentences
/// the bead holds (merge costs for each boundary between consecutive members, lengths and
/// evidence of the members).
pub(crate) struct SetCosts<'a, 'f> {
    built_in: &'a BuiltInScorers,
    features: &'a PairFeatures<'f>,
    /// The search's evidence kernel, for beads that are runs.
    bound: AnchorBound<'a, 'f>,
}

impl<'a, 'f> SetCosts<'a, 'f> {
    /// Costs over `features` with the aligner's built-in signals, for beads of at most the
    /// aligner's `shapes` (larger runs are priced too, only slower).
    pub(crate) fn new(
        built_in: &'a BuiltInScorers,
        features: &'a PairFeatures<'f>,
        shapes: &[(usize, usize)],
    ) -> Self {
        SetCosts {
            built_in,
            features,
            bound: AnchorBound::new(features, shapes, &built_in.prior),
        }
    }

    /// The cost of leaving the sentences of `german` and `english` unaligned, each in a bead of
    /// its own (as the aligner reports unaligned sentences).
    pub(crate) fn unaligned_cost(&self, german: &[usize], english: &[usize]) -> f64 {
        let alone = |german: Range<usize>, english: Range<usize>| {
            self.built_in.prior.run_cost(self.features, german, english)
        };
        german.iter().map(|&k| alone(k..k + 1, 0..0)).sum::<f64>()
            + english.iter().map(|&k| alone(0..0, k..k + 1)).sum::<f64>()
    }

    /// The cost of the bead of `german` and `english` (each in order, not both empty).
    pub(crate) fn cost(&self, german: &[usize], english: &[usize]) -> f64 {
        if let (Some(g), Some(e)) = (run_of(german), run_of(english)) {
            return self.built_in.cost(self.features, &self.bound, g, e);
        }
        let (gs, es) = (self.features.german(), self.features.english());
        let prior = &self.built_in.prior;
        if german.is_empty() || english.is_empty() {
            // Unaligned sentences, priced as the search prices a skipped run.
            return prior.skip_cost_of(
                self.features,
                german.iter().copied(),
                english.iter().copied(),
            );
        }
        let boundaries = |side: &crate::SideFeatures, indices: &[usize]| -> f64 {
            indices
                .windows(2)
                .map(|w| {
                    if side.shape(w[0]).continues || side.shape(w[1]).starts_lower {
                        prior.open_merge_cost
                    } else {
                        prior.merge_cost
                    }
                })
                .sum()
        };
        let mut cost = boundaries(gs, german) + boundaries(es, english);
        let (last_german, last_english) = (german[german.len() - 1], english[english.len() - 1]);
        if gs.shape(last_german).open_end != es.shape(last_english).open_end {
            cost += prior.closure_mismatch_cost;
        }
        let crosses = |side: &crate::SideFeatures, indices: &[usize]| {
            indices[1..].iter().any(|&k| side.shape(k).opens_paragraph)
        };
        if prior.paragraph_cost != 0.0
            && crosses(gs, german) != crosses(es, english)
            && gs.has_paragraphs()
            && es.has_paragraphs()
        {
            cost += prior.paragraph_cost;
        }
        if self.built_in.length_weight != 0.0 {
            let length = |side: &crate::SideFeatures, indices: &[usize]| -> f64 {
                indices.iter().map(|&k| f64::from(side.length(k))).sum()
            };
            let delta = self.built_in.length.delta_of(
                length(gs, german),
                length(es, english),
                self.features.length_ratio(),
            );
            cost += self.built_in.length_weight * two_sided_tail_cost(delta);
        }
        cost + self.evidence_cost(german, english)
    }

    /// The part of [`cost`](Self::cost) that the words of the bead give: the anchors and the
    /// translation model, matched words lowering it and unmatched ones raising it; 0 for a
    /// bead with an empty side.
    pub(crate) fn evidence_cost(&self, german: &[usize], english: &[usize]) -> f64 {
        if german.is_empty() || english.is_empty() {
            return 0.0;
        }
        let evidence = self.features.set_evidence(german, english);
        let mut cost = self.built_in.anchor.evidence_cost(evidence);
        if self.built_in.translation.weight != 0.0 {
            cost -= self.built_in.translation.weight
                * f64::from(
                    self.features
                        .set_translation_evidence(german, english)
                        .total(),
                );
        }
        cost
    }
}

/// A change to the path: the beads at `replaced` become `with` (in place, in order; beads
/// left empty are dropped), and `added` beads go right after the first replaced one.
#[derive(Debug, Clone)]
struct Change {
    replaced: Vec<usize>,
    with: Vec<Placed>,
    added: Vec<Placed>,
    /// How much the change lowers the cost of the path, penalties included.
    gain: f64,
    /// How much more it gains than the best other change considered at its site.
    margin: f64,
    /// Whether it makes beads cross.
    crossing: bool,
}

/// The pass itself: looks at every site of `path` and applies the best change there while
/// one clearly wins.
pub(crate) fn reorder(
    path: &mut Vec<Placed>,
    costs: &SetCosts<'_, '_>,
    config: &ReorderConfig,
    temperature: f64,
) {
    let is_site = |b: &Placed| {
        !b.is_empty()
            && (b.posterior < config.site_below
                || !b.is_link()
                || b.german.len() > 1
                || b.english.len() > 1)
    };
    // New beads (the sentences that leave for a bead of their own) wait here with the
    // position they follow, so that the positions of the path stay put during the pass.
    let mut added: Vec<(usize, Placed)> = Vec::new();
    for site in 0..path.len() {
        // A site changes at most a few times: each change lowers the cost by `min_gain`.
        for _ in 0..4 {
            if !is_site(&path[site]) {
                break;
            }
            let Some(mut change) = best_change(path, site, costs, config) else {
                break;
            };
            if change.crossing {
                unalign_bare_links(&mut change, costs, config);
            }
            let posterior = 1.0 / (1.0 + (-change.gain / temperature).exp());
            // Each link the change makes carries its own evidence, which its confidence
            // reads (`Calibration::reorder`); unaligned sentences go by the skip model.
            let made: Vec<&Placed> = change.with.iter().chain(&change.added).collect();
            let evidence = |bead: &Placed| {
                bead.is_link().then(|| ReorderEvidence {
                    gain: change.gain,
                    margin: change.margin,
                    earning: costs.unaligned_cost(&bead.german, &bead.english) - bead.cost,
                    words: -costs.evidence_cost(&bead.german, &bead.english),
                    closure: closure(bead, &made, costs),
                    crossing: change.crossing,
                })
            };
            let evidence: Vec<Option<ReorderEvidence>> =
                made.iter().map(|&bead| evidence(bead)).collect();
            let mut evidence = evidence.into_iter();
            for (&k, mut bead) in change.replaced.iter().zip(change.with) {
                bead.posterior = posterior;
                bead.changed = evidence.next().flatten();
                path[k] = bead;
            }
            for mut bead in change.added {
                bead.posterior = posterior;
                bead.changed = evidence.next().flatten();
                added.push((change.replaced[0], bead));
            }
        }
    }
    if added.is_empty() && path.iter().all(|b| !b.is_empty()) {
        return;
    }
    added.sort_by_key(|(after, _)| *after);
    let mut added = added.into_iter().peekable();
    let old = std::mem::take(path);
    for (k, bead) in old.into_iter().enumerate() {
        if !bead.is_empty() {
            path.push(bead);
        }
        while let Some((_, bead)) = added.next_if(|(after, _)| *after == k) {
            path.push(bead);
        }
    }
}

/// How much dearer, in nats, the best bead made of `bead` and one more sentence of another
/// link of `made` is (that link keeping the rest of its sentences, or leaving them unaligned
/// when a side is left empty) than `bead` and that link as they are; [`NO_RIVAL`] when there
/// is no such sentence. Near 0 or below, the sentence may as well belong to `bead`.
fn closure(bead: &Placed, made: &[&Placed], costs: &SetCosts<'_, '_>) -> f64 {
    let priced = |b: &Placed| {
        if b.is_link() {
            b.cost
        } else {
            costs.unaligned_cost(&b.german, &b.english)
        }
    };
    let price = |german: &[usize], english: &[usize]| {
        if german.is_empty() || english.is_empty() {
            costs.unaligned_cost(german, english)
        } else {
            costs.cost(german, english)
        }
    };
    let mut best = NO_RIVAL;
    for other in made {
        // Only other links: the sentences a change leaves unaligned sit beside the right
        // half of a split as near rivals (fitted with them, a lower closure read as *more*
        // often right).
        if std::ptr::eq(*other, bead) || !other.is_link() {
            continue;
        }
        let now = bead.cost + priced(other);
        for side in [Side::German, Side::English] {
            for (k, &moved) in side.of(other).iter().enumerate() {
                let mut grown = side.of(bead).clone();
                grown.insert(grown.partition_point(|&x| x < moved), moved);
                let mut rest = side.of(other).clone();
                rest.remove(k);
                let rival = match side {
                    Side::German => price(&grown, &bead.english) + price(&rest, &other.english),
                    Side::English => price(&bead.german, &grown) + price(&other.german, &rest),
                };
                best = best.min(rival - now);
            }
        }
    }
    best
}

/// [`closure`] of a bead with no other link in its change: as clear as can be.
pub(crate) const NO_RIVAL: f64 = 30.0;

/// The links of a crossing `change` whose words say less than
/// [`ReorderConfig::bare_link_words`] for them left unaligned: each becomes empty (dropped
/// from the path) and its sentences beads of their own among the change's added beads.
fn unalign_bare_links(change: &mut Change, costs: &SetCosts<'_, '_>, config: &ReorderConfig) {
    let bare = |b: &Placed| {
        b.is_link() && -costs.evidence_cost(&b.german, &b.english) < config.bare_link_words
    };
    let alone = |b: &Placed| -> Vec<Placed> {
        let german = b.german.iter().map(|&g| (vec![g], Vec::new()));
        let english = b.english.iter().map(|&e| (Vec::new(), vec![e]));
        german
            .chain(english)
            .map(|(german, english)| Placed {
                cost: costs.cost(&german, &english),
                german,
                english,
                posterior: 0.0,
                changed: None,
            })
            .collect()
    };
    let mut unaligned = Vec::new();
    for b in change.with.iter_mut().filter(|b| bare(b)) {
        unaligned.extend(alone(b));
        b.german.clear();
        b.english.clear();
        b.cost = 0.0;
    }
    let added = std::mem::take(&mut change.added);
    for b in added {
        if bare(&b) {
            unaligned.extend(alone(&b));
        } else {
            change.added.push(b);
        }
    }
    change.added.extend(unaligned);
}

/// The best change around `site` that gains more than `min_gain`.
fn best_change(
    path: &[Placed],
    site: usize,
    costs: &SetCosts<'_, '_>,
    config: &ReorderConfig,
) -> Option<Change> {
    let lo = site.saturating_sub(config.reach);
    let hi = (site + config.reach + 1).min(path.len());
    let mut best: Option<Change> = None;
    // The gain of the best change that is not `best` (over every change considered, taken
    // or not for falling short of `min_gain`).
    let mut runner_up = f64::NEG_INFINITY;
    // `monotone` is the word evidence of the monotone explanation of the change's sentences
    // when it is not that of the replaced beads (a split: the two beads in order).
    let mut consider = |replaced: Vec<usize>,
                        with: Vec<Placed>,
                        added: Vec<Placed>,
                        monotone: Option<f64>| {
        if with
            .iter()
            .chain(&added)
            .any(|b| !fits(&b.german) || !fits(&b.english))
        {
            return;
        }
        // Each link the change makes must earn its place: cheaper, by `min_gain`, than
        // leaving its sentences unaligned.
        if with.iter().chain(&added).any(|b| {
            b.is_link() && b.cost + config.min_gain > costs.unaligned_cost(&b.german, &b.english)
        }) {
            return;
        }
        let before: f64 = replaced.iter().map(|&k| path[k].cost).sum();
        let after: f64 = with.iter().chain(&added).map(|b| b.cost).sum();
        let Some((penalty, crossings)) = penalty(path, lo, hi, &replaced, &with, &added, config)
        else {
            return;
        };
        let evidence = |b: &Placed| costs.evidence_cost(&b.german, &b.english);
        // In a split, the word evidence weighs `link_evidence` times what it weighs in the costs.
        let reweigh = config.link_evidence != 1.0 && monotone.is_some();
        // The evidence of the new beads, counted once for the reweighing and the crossings.
        let crossed: f64 = if reweigh || crossings > 0 {
            with.iter().chain(&added).map(evidence).sum()
        } else {
            0.0
        };
        let reweighed = if reweigh {
            let before: f64 = replaced.iter().map(|&k| evidence(&path[k])).sum();
            (config.link_evidence - 1.0) * (before - crossed)
        } else {
            0.0
        };
        if crossings > 0 {
            // A crossing claims that the words say the order is not the monotone one: the
            // evidence alone, without the merge costs a split saves or the lengths that fit
            // better crossed, must pay for the crossings.
            let monotone =
                monotone.unwrap_or_else(|| replaced.iter().map(|&k| evidence(&path[k])).sum());
            if monotone - crossed <= config.crossing_cost * crossings as f64 {
                return;
            }
        }
        let gain = before - after + reweighed - penalty;
        let best_gain = best.as_ref().map_or(f64::NEG_INFINITY, |b| b.gain);
        if gain > config.min_gain && gain > best_gain {
            runner_up = runner_up.max(best_gain);
            best = Some(Change {
                replaced,
                with,
                added,
                gain,
                margin: 0.0,
                crossing: crossings > 0,
            });
        } else {
            runner_up = runner_up.max(gain);
        }
    };
    let bead = |german: Vec<usize>, english: Vec<usize>| {
        let cost = if german.is_empty() && english.is_empty() {
            0.0
        } else {
            costs.cost(&german, &english)
        };
        Placed {
            german,
            english,
            cost,
            posterior: 0.0,
            changed: None,
        }
    };
    let here = &path[site];
    // Hole: an inner sentence of one side leaves for a bead of its own.
    if here.is_link() {
        for side in [Side::German, Side::English] {
            let own = side.of(here);
            for k in 1..own.len().saturating_sub(1) {
                let mut rest = own.clone();
                let gone = rest.remove(k);
                let (with, alone) = match side {
                    Side::German => (
                        bead(rest, here.english.clone()),
                        bead(vec![gone], Vec::new()),
                    ),
                    Side::English => (
                        bead(here.german.clone(), rest),
                        bead(Vec::new(), vec![gone]),
                    ),
                };
                consider(vec![site], vec![with], vec![alone], None);
            }
        }
    }
    // Split: a merged bead becomes two beads that cross.
    if here.german.len() > 1 && here.english.len() > 1 {
        for i in 1..here.german.len() {
            for j in 1..here.english.len() {
                let first = bead(here.german[..i].to_vec(), here.english[j..].to_vec());
                let second = bead(here.german[i..].to_vec(), here.english[..j].to_vec());
                let in_order = costs.evidence_cost(&here.german[..i], &here.english[..j])
                    + costs.evidence_cost(&here.german[i..], &here.english[j..]);
                consider(vec![site], vec![first], vec![second], Some(in_order));
            }
        }
    }
    for other in lo..hi {
        if other == site || path[other].is_empty() {
            continue;
        }
        // Move: one sentence goes from one bead to the other, in both directions.
        for (from, to) in [(site, other), (other, site)] {
            let (source, target) = (&path[from], &path[to]);
            if !target.is_link() {
                continue;
            }
            for side in [Side::German, Side::English] {
                let own = side.of(source);
                if source.is_link() && own.len() < 2 {
                    // Taking a link's only sentence of a side makes it unaligned: a move the
                    // search can weigh with a skip.
                    continue;
                }
                for k in 0..own.len() {
                    let mut rest = own.clone();
                    let moved = rest.remove(k);
                    let mut grown = side.of(target).clone();
                    let at = grown.partition_point(|&x| x < moved);
                    grown.insert(at, moved);
                    let (source, target) = match side {
                        Side::German => (
                            bead(rest, source.english.clone()),
                            bead(grown, target.english.clone()),
                        ),
                        Side::English => (
                            bead(source.german.clone(), rest),
                            bead(target.german.clone(), grown),
                        ),
                    };
                    consider(vec![from, to], vec![source, target], Vec::new(), None);
                }
            }
        }
        // Swap: two links exchange their English sides.
        if here.is_link() && path[other].is_link() {
            let there = &path[other];
            let first = bead(here.german.clone(), there.english.clone());
            let second = bead(there.german.clone(), here.english.clone());
            consider(vec![site, other], vec![first, second], Vec::new(), None);
        }
    }
    best.map(|mut change| {
        change.margin = if runner_up.is_finite() {
            change.gain - runner_up
        } else {
            change.gain
        };
        change
    })
}

/// The penalty of a change for the holes and crossings it adds within the window `lo..hi`,
/// and how many crossings it adds; `None` when the window stays monotone (such a change is the
/// search's to weigh).
fn penalty(
    path: &[Placed],
    lo: usize,
    hi: usize,
    replaced: &[usize],
    with: &[Placed],
    added: &[Placed],
    config: &ReorderConfig,
) -> Option<(f64, isize)> {
    let hole_count = |beads: &mut dyn Iterator<Item = &Placed>| -> usize {
        beads.map(|b| holes(&b.german) + holes(&b.english)).sum()
    };
    let old_holes = hole_count(&mut replaced.iter().map(|&k| &path[k]));
    let new_holes = hole_count(&mut with.iter().chain(added));
    // The links of the window before and after, by their first sentences.
    let firsts = |beads: &mut dyn Iterator<Item = &Placed>| -> Vec<(usize, usize)> {
        beads
            .filter(|b| b.is_link())
            .map(|b| (b.german[0], b.english[0]))
            .collect()
    };
    let old = firsts(&mut (lo..hi).map(|k| &path[k]));
    let new = firsts(
        &mut (lo..hi)
            .filter(|k| !replaced.contains(k))
            .map(|k| &path[k])
            .chain(with)
            .chain(added),
    );
    let crossings = |links: &[(usize, usize)]| -> usize {
        let mut count = 0;
        for (n, a) in links.iter().enumerate() {
            for b in &links[n + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    count += 1;
                }
            }
        }
        count
    };
    let (old_crossings, new_crossings) = (crossings(&old), crossings(&new));
    if new_holes == 0 && new_crossings == 0 {
        return None;
    }
    Some((
        config.hole_cost * (new_holes as f64 - old_holes as f64)
            + config.crossing_cost * (new_crossings as f64 - old_crossings as f64),
        new_crossings as isize - old_crossings as isize,
    ))
}

/// One side of a bead.
#[derive(Debug, Clone, Copy)]
enum Side {
    German,
    English,
}

impl Side {
    fn of(self, bead: &Placed) -> &Vec<usize> {
        match self {
            Side::German => &bead.german,
            Side::English => &bead.english,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn a_gap_is_read_as_one_bead_per_sentence_with_an_equal_share_of_its_cost() {
        let bead = |german: Range<usize>, english: Range<usize>, cost: f64| FoundBead {
            german,
            english,
            cost,
            posterior: 0.75,
        };
        let found = FoundPath::of_beads(&[
            bead(0..1, 0..2, -1.0),
            bead(1..3, 2..2, 3.0),
            bead(3..3, 2..3, 0.5),
        ]);
        let split: Vec<FoundBead> = runs(&found).collect();
        assert_eq!(
            split,
            [
                bead(0..1, 0..2, -1.0),
                bead(1..2, 0..0, 1.5),
                bead(2..3, 0..0, 1.5),
                bead(0..0, 2..3, 0.5),
            ]
        );
        let placed = place(&found);
        assert_eq!(placed.len(), split.len());
        for (set, run) in placed.iter().zip(&split) {
            assert_eq!(set.german, run.german.clone().collect::<Vec<_>>());
            assert_eq!(set.english, run.english.clone().collect::<Vec<_>>());
            assert_eq!((set.cost, set.posterior), (run.cost, run.posterior));
        }
    }

    /// A swap of two short sentences whose words say little ("Es regnete." and "Croz ging
    /// voran." swapped against their English): the evidence for the crossing is below the old
    /// crossing cost of 1.5 nats, above the default of 0.5.
    #[test]
    fn a_weakly_worded_swap_is_found_at_the_default_crossing_cost() {
        let mut german: Vec<String> = (0..8)
            .map(|k| format!("Im Jahr {} bestieg Anna Keller {} Gipfel.", 1900 + k, k + 3))
            .collect();
        let mut english: Vec<String> = (0..8)
            .map(|k| format!("In {} Anna Keller climbed {} summits.", 1900 + k, k + 3))
            .collect();
        german[3] = "Es regnete.".into();
        german[4] = "Croz ging voran.".into();
        english[3] = "Croz led the way.".into();
        english[4] = "It rained.".into();
        let crossed = |crossing_cost: f64, link_evidence: f64| -> Vec<(usize, usize)> {
            let mut config = crate::AlignerConfig::default();
            config.reorder.enabled = true;
            config.reorder.crossing_cost = crossing_cost;
            config.reorder.link_evidence = link_evidence;
            let alignment = crate::Aligner::from_config(config)
                .unwrap()
                .align_sentences(&german, &english)
                .unwrap();
            alignment
                .reordered()
                .map(|b| (b.german().start().get(), b.english().start().get()))
                .collect()
        };
        let defaults = ReorderConfig::default();
        assert_eq!(
            crossed(defaults.crossing_cost, defaults.link_evidence),
            [(3, 4), (4, 3)]
        );
        // A swap is no split: the weight of the evidence in a split does not matter here.
        assert_eq!(crossed(defaults.crossing_cost, 1.0), [(3, 4), (4, 3)]);
        assert_eq!(crossed(1.5, defaults.link_evidence), []);
    }

    #[test]
    fn link_evidence_must_lie_in_its_range() {
        for (weight, valid) in [
            (0.0, true),
            (0.5, true),
            (10.0, true),
            (-0.1, false),
            (10.5, false),
            (f64::NAN, false),
        ] {
            let config = ReorderConfig {
                link_evidence: weight,
                ..ReorderConfig::default()
            };
            let checked = config.validate();
            assert_eq!(checked.is_ok(), valid, "{weight}");
            if let Err(error) = checked {
                assert!(
                    error.to_string().contains("reorder.link_evidence"),
                    "{error}"
                );
            }
        }
    }

    #[test]
    fn bare_links_of_a_crossing_change_are_left_unaligned() {
        let german = Text::from_lines(include_str!("../../examples/data/article.de.txt"));
        let english = Text::from_lines(include_str!("../../examples/data/article.en.txt"));
        let features = PairFeatures::new(&german, &english);
        let aligner = crate::Aligner::new();
        let costs = SetCosts::new(&aligner.built_in, &features, &aligner.shapes);
        let bead = |german: Vec<usize>, english: Vec<usize>| Placed {
            cost: costs.cost(&german, &english),
            german,
            english,
            posterior: 0.0,
            changed: None,
        };
        let split = || Change {
            replaced: vec![0],
            with: vec![bead(vec![0], vec![1])],
            added: vec![bead(vec![1], vec![0])],
            gain: 3.0,
            margin: 3.0,
            crossing: true,
        };
        let words = |b: &Placed| -costs.evidence_cost(&b.german, &b.english);
        let change = split();
        let (first, second) = (words(&change.with[0]), words(&change.added[0]));
        // Below both: nothing changes.
        let mut kept = split();
        let config = ReorderConfig {
            bare_link_words: first.min(second) - 1.0,
            ..ReorderConfig::default()
        };
        unalign_bare_links(&mut kept, &costs, &config);
        assert_eq!(
            (kept.with, kept.added),
            (change.with.clone(), change.added.clone())
        );
        // Above both: both links become two unaligned sentences each, the first left empty.
        let mut bare = split();
        let config = ReorderConfig {
            bare_link_words: first.max(second) + 1.0,
            ..ReorderConfig::default()
        };
        unalign_bare_links(&mut bare, &costs, &config);
        assert!(bare.with[0].is_empty());
        let sides: Vec<(Vec<usize>, Vec<usize>)> = bare
            .added
            .iter()
            .map(|b| (b.german.clone(), b.english.clone()))
            .collect();
        assert_eq!(
            sides,
            [
                (vec![0], vec![]),
                (vec![], vec![1]),
                (vec![1], vec![]),
                (vec![], vec![0]),
            ]
        );
        assert!(
            bare.added
                .iter()
                .all(|b| b.cost.is_finite() && !b.is_link())
        );
        // The threshold must be a finite number of nats.
        for (value, valid) in [(-1.0, true), (0.0, true), (f64::NAN, false), (1e300, false)] {
            let config = ReorderConfig {
                bare_link_words: value,
                ..ReorderConfig::default()
            };
            assert_eq!(config.validate().is_ok(), valid, "{value}");
        }
    }

    #[test]
    fn runs_and_holes() {
        assert_eq!(run_of(&[3, 4, 5]), Some(3..6));
        assert_eq!(run_of(&[3, 5]), None);
        assert_eq!(run_of(&[]), Some(0..0));
        assert_eq!(holes(&[531, 533, 534, 535]), 1);
        assert_eq!(holes(&[1, 3, 5]), 2);
        assert!(fits(&[0, 63]));
        assert!(!fits(&[0, 64]));
        assert!(fits(&(0..100).collect::<Vec<_>>()));
    }

    #[test]
    fn set_costs_of_runs_are_the_search_costs() {
        let german = Text::from_lines(include_str!("../../examples/data/article.de.txt"));
        let english = Text::from_lines(include_str!("../../examples/data/article.en.txt"));
        let features = PairFeatures::new(&german, &english);
        let aligner = crate::Aligner::new();
        let costs = SetCosts::new(&aligner.built_in, &features, &aligner.shapes);
        let bound =
            crate::align::AnchorBound::new(&features, &aligner.shapes, &aligner.built_in.prior);
        let n = german.len().min(english.len()).min(12);
        for g in 0..n.saturating_sub(2) {
            for e in 0..n.saturating_sub(2) {
                for (a, b) in [(1, 1), (1, 2), (2, 1), (0, 1), (1, 0), (2, 2)] {
                    let (gr, er) = (g..g + a, e..e + b);
                    let exact = aligner
                        .built_in
                        .cost(&features, &bound, gr.clone(), er.clone());
                    let list = costs.cost(&gr.clone().collect::<Vec<_>>(), &er.collect::<Vec<_>>());
                    assert_eq!(exact, list);
                }
            }
        }
        // A side with a hole is priced over its members: one boundary fewer than its hull.
        let with_hole = costs.cost(&[0], &[0, 2]);
        assert!(with_hole.is_finite());
    }
}
