//! The coarse levels: blocks of `2^k` sentences aligned with a cheap length model, coarsest
//! first, each level in a band around the path of the level above.

use super::CostFn;
use super::config::SearchConfig;
use super::gaps::follow_gaps;
use super::lattice::{Band, Lattice, Work, best_path};
use super::windows::banded_path;
use crate::score::two_sided_tail_cost;

/// The path at sentence resolution that the coarse levels find. They use every shape: runs of
/// skipped blocks included, which a long untranslated passage needs (without them the path
/// loses its way on such documents).
///
/// The length model's ratio of English to German characters is read off the whole document,
/// which a long omission distorts (50,000 English lines left without German make the English
/// look 1.7 times longer): under that ratio every pair of blocks looks like a partial
/// omission, and the coarsest path drifts evenly from one corner to the other instead of
/// jumping across the gap, which makes every level below widen its band along the whole
/// document. So when there are levels below the coarsest and one side is longer than the
/// other by [`MIN_IMBALANCE`], the coarsest path is followed across its gaps with the real
/// cost function first (as the fine level's guide is, see [`follow_gaps`]). When that finds
/// a jump and the ratio read again off the sentences the followed path pairs differs from
/// the whole document's by [`MAX_SKEW`], the levels below are searched under the corrected
/// ratio in a band around the followed path that may not widen far (see
/// [`CoarseModel::guide`]), and the followed path's own jumps are kept in the result (see
/// [`keep_jumps`]). Smaller gaps leave the ratio nearly right: the levels and the fine
/// level's gap check follow them as they are.
pub(super) fn coarse_path(
    german_lengths: &[f32],
    english_lengths: &[f32],
    shapes: &[(usize, usize)],
    cost: CostFn<'_>,
    config: &SearchConfig,
    work: Option<&Work>,
) -> Vec<(usize, usize)> {
    let mut model = CoarseModel::new(german_lengths, english_lengths, cost);
    let mut accepted = None;
    let factor = model.coarsest_factor(config);
    let (n, m) = (model.n(), model.m());
    if factor > 2
        && imbalanced(n, m)
        && let Some(top) = model.level(factor, None, shapes, config, work)
    {
        let top = sentence_path(&top, factor, n, m);
        let lattice = Lattice::new(n, m, shapes, cost, None).counted(work);
        let followed = follow_gaps(&lattice, &top, config);
        if followed != top
            && let Some(ratio) = model.paired_ratio(&followed)
            && skewed(ratio, model.ratio)
        {
            model.ratio = ratio;
            accepted = Some(followed);
        }
    }
    let guide = model.guide(shapes, config, work, accepted.as_deref());
    match &accepted {
        Some(followed) => keep_jumps(&guide, followed, 4 * factor),
        None => guide,
    }
}

/// The ratio of English to German characters over the sentences that `path` (nodes at
/// sentence resolution, from `(0, 0)` to the end) pairs, when it differs from the whole
/// document's as [`coarse_path`] requires before it takes a followed path (one side longer
/// by [`MIN_IMBALANCE`], the ratios apart by [`MAX_SKEW`]): a long omission skews the whole
/// document's ratio, and the fine level's length model should read the corrected one.
pub(crate) fn corrected_ratio(
    german_lengths: &[f32],
    english_lengths: &[f32],
    path: &[(usize, usize)],
) -> Option<f64> {
    if !imbalanced(german_lengths.len(), english_lengths.len()) {
        return None;
    }
    let total = |lengths: &[f32]| lengths.iter().map(|&l| f64::from(l)).sum::<f64>();
    let (german, english) = (total(german_lengths), total(english_lengths));
    if german <= 0.0 || english <= 0.0 {
        return None;
    }
    let whole = (english / german).clamp(0.2, 5.0);
    let run = |lengths: &[f32], from: usize, to: usize| -> f64 {
        lengths.get(from..to).map_or(0.0, total)
    };
    let paired = paired_ratio(
        path,
        |i0, i1| run(german_lengths, i0, i1),
        |j0, j1| run(english_lengths, j0, j1),
    )?;
    skewed(paired, whole).then_some(paired)
}

/// Whether one side, of `n` and `m` sentences, is longer than the other by [`MIN_IMBALANCE`]:
/// only then can a gap skew the document's character ratio by [`MAX_SKEW`] (below that, the
/// levels and the fine level's gap check find the gaps).
fn imbalanced(n: usize, m: usize) -> bool {
    n.abs_diff(m) as f64 >= MIN_IMBALANCE * n.max(m) as f64
}

/// Whether the ratio of a path's pairs, `paired`, lies [`MAX_SKEW`] or more away from the
/// whole document's, `whole`.
fn skewed(paired: f64, whole: f64) -> bool {
    !(1.0 / MAX_SKEW..=MAX_SKEW).contains(&(paired / whole))
}

/// The English-to-German ratio of characters over the steps of `path` that pair sentences of
/// both sides (`german(i0, i1)` and `english(j0, j1)` give the characters of a run), leaving
/// out the runs it skips; `None` when it pairs no characters.
fn paired_ratio(
    path: &[(usize, usize)],
    german: impl Fn(usize, usize) -> f64,
    english: impl Fn(usize, usize) -> f64,
) -> Option<f64> {
    let (mut german_total, mut english_total) = (0.0f64, 0.0f64);
    for pair in path.windows(2) {
        let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
        if i1 > i0 && j1 > j0 {
            german_total += german(i0, i1);
            english_total += english(j0, j1);
        }
    }
    (german_total > 0.0 && english_total > 0.0)
        .then(|| (english_total / german_total).clamp(0.2, 5.0))
}

/// `guide` with the stretches around the jumps of `followed` (rows within `reach` of a row
/// where `followed` moves off its diagonal by at least [`JUMP`] sentences within
/// `2 × reach` rows) taken from `followed`. The levels below the coarsest see only
/// lengths: across a jump they may split it into several at tied offsets (text repeated
/// with a period), which the real cost function found to cost more than the one jump.
fn keep_jumps(
    guide: &[(usize, usize)],
    followed: &[(usize, usize)],
    reach: usize,
) -> Vec<(usize, usize)> {
    let excess = |k: usize| followed[k].1 as i64 - followed[k].0 as i64;
    // The row ranges around the jumps, merged.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut behind = 0usize;
    let mut ahead = 0usize;
    for k in 0..followed.len() {
        let row = followed[k].0;
        while followed[behind].0 + reach < row {
            behind += 1;
        }
        while ahead + 1 < followed.len() && followed[ahead + 1].0 <= row + reach {
            ahead += 1;
        }
        if excess(ahead).abs_diff(excess(behind)) >= JUMP as u64 {
            let (low, high) = (row.saturating_sub(reach), row + reach);
            match ranges.last_mut() {
                Some(last) if low <= last.1 => last.1 = last.1.max(high),
                _ => ranges.push((low, high)),
            }
        }
    }
    if ranges.is_empty() {
        return guide.to_vec();
    }
    let inside = |row: usize| {
        let k = ranges.partition_point(|&(_, high)| high < row);
        ranges.get(k).is_some_and(|&(low, _)| low <= row)
    };
    let mut nodes: Vec<(usize, usize)> = guide
        .iter()
        .filter(|&&(i, _)| !inside(i))
        .chain(followed.iter().filter(|&&(i, _)| inside(i)))
        .copied()
        .collect();
    nodes.sort_unstable();
    // The two paths meet where a range starts or ends: keep the columns monotone.
    let mut column = 0usize;
    for node in &mut nodes {
        column = column.max(node.1);
        node.1 = column;
    }
    nodes.dedup();
    nodes
}

/// The least share of the longer side by which it must exceed the other for [`coarse_path`]
/// to follow the coarsest path's gaps.
const MIN_IMBALANCE: f64 = 0.2;

/// The least factor by which the ratio of the followed path's pairs must differ from the
/// whole document's for [`coarse_path`] to take the followed path.
const MAX_SKEW: f64 = 1.25;

/// The least move off the diagonal, in sentences, that [`keep_jumps`] keeps.
const JUMP: usize = 32;

/// A path of blocks of `factor` sentences at sentence resolution: each block step becomes the
/// straight run of nodes from its start to its end, one a German sentence (or one node for a
/// step that consumes no German).
fn sentence_path(
    blocks: &[(usize, usize)],
    factor: usize,
    n: usize,
    m: usize,
) -> Vec<(usize, usize)> {
    let at = |(i, j): (usize, usize)| ((i * factor).min(n), (j * factor).min(m));
    let mut nodes = Vec::with_capacity(n + 2);
    if let Some(&first) = blocks.first() {
        nodes.push(at(first));
    }
    for pair in blocks.windows(2) {
        let ((i0, j0), (i1, j1)) = (at(pair[0]), at(pair[1]));
        let rows = i1 - i0;
        if rows == 0 {
            nodes.push((i1, j1));
            continue;
        }
        nodes.extend((1..=rows).map(|r| (i0 + r, j0 + (j1 - j0) * r / rows)));
    }
    nodes.dedup();
    nodes
}

/// The cheap model of the coarse levels: a Gale-Church length cost on blocks of sentences
/// (prefix sums make every bead O(1)) plus shape priors read off the real cost function.
struct CoarseModel {
    german: Vec<f64>,
    english: Vec<f64>,
    ratio: f64,
    german_skip: f64,
    english_skip: f64,
    german_extend: f64,
    english_extend: f64,
}

/// Room, in nats, between the coarse model's bound and a cutoff: far above the error of the
/// `erfc` fit (1e-7) and the rounding of the search's sums.
const COARSE_SLACK: f64 = 1e-3;

/// Variance of the coarse length model (Gale and Church's value).
pub(super) const COARSE_VARIANCE: f64 = crate::score::GALE_CHURCH_VARIANCE;

impl CoarseModel {
    fn new(german_lengths: &[f32], english_lengths: &[f32], cost: CostFn<'_>) -> CoarseModel {
        let prefix = |lengths: &[f32]| {
            let mut sums = Vec::with_capacity(lengths.len() + 1);
            let mut total = 0.0f64;
            sums.push(0.0);
            for &l in lengths {
                total += f64::from(l);
                sums.push(total);
            }
            sums
        };
        let german = prefix(german_lengths);
        let english = prefix(english_lengths);
        let (gt, et) = (
            german.last().copied().unwrap_or(0.0),
            english.last().copied().unwrap_or(0.0),
        );
        let ratio = if gt > 0.0 && et > 0.0 {
            (et / gt).clamp(0.2, 5.0)
        } else {
            1.0
        };
        // What the real cost function charges for leaving a sentence out.
        let probe = |c: f64| {
            if c.is_finite() {
                c.clamp(0.5, 50.0)
            } else {
                5.0
            }
        };
        let german_skip = if german_lengths.is_empty() {
            5.0
        } else {
            probe(cost(0, 1, 0, 0, f64::INFINITY))
        };
        let english_skip = if english_lengths.is_empty() {
            5.0
        } else {
            probe(cost(0, 0, 0, 1, f64::INFINITY))
        };
        // What each further sentence of a run of skipped ones costs (a gap is priced like the
        // fine level's runs: entering it costs the skip, extending it less). A coarse model
        // that charged the full skip for every sentence of a block would rather spread a long
        // omission over thousands of rows of unequal blocks than follow it.
        let extend = |skip: f64, run: f64| {
            if run.is_finite() {
                (run - skip).clamp(0.1, skip)
            } else {
                skip
            }
        };
        let german_extend = if german_lengths.len() < 2 {
            german_skip
        } else {
            extend(german_skip, cost(0, 2, 0, 0, f64::INFINITY))
        };
        let english_extend = if english_lengths.len() < 2 {
            english_skip
        } else {
            extend(english_skip, cost(0, 0, 0, 2, f64::INFINITY))
        };
        CoarseModel {
            german,
            english,
            ratio,
            german_skip,
            english_skip,
            german_extend,
            english_extend,
        }
    }

    fn n(&self) -> usize {
        self.german.len() - 1
    }

    fn m(&self) -> usize {
        self.english.len() - 1
    }

    /// Cost of linking German sentences `g0..g1` with English sentences `e0..e1`.
    fn cost(&self, g0: usize, g1: usize, e0: usize, e1: usize) -> f64 {
        let (a, b) = (g1 - g0, e1 - e0);
        if a == 0 {
            return self.english_skip + self.english_extend * (b - 1) as f64;
        }
        if b == 0 {
            return self.german_skip + self.german_extend * (a - 1) as f64;
        }
        let (delta, extra, square) = self.pair_terms(g0, g1, e0, e1);
        two_sided_tail_cost(delta) + extra + square
    }

    /// [`cost`](Self::cost), or infinity when a bound shows it above `cutoff`: the length
    /// term of a bead with two sides is at least `δ² / 2` (`-ln erfc(x) ≥ x²` for `x ≥ 0`, and
    /// the fit of `erfc` is far closer to it than [`COARSE_SLACK`]), which spares the tail's
    /// logarithm for the beads that cannot beat a cell's best.
    fn cost_within(&self, g0: usize, g1: usize, e0: usize, e1: usize, cutoff: f64) -> f64 {
        if g1 == g0 || e1 == e0 || cutoff == f64::INFINITY {
            return self.cost(g0, g1, e0, e1);
        }
        let (delta, extra, square) = self.pair_terms(g0, g1, e0, e1);
        if delta * delta / 2.0 + extra + square > cutoff + COARSE_SLACK {
            return f64::INFINITY;
        }
        two_sided_tail_cost(delta) + extra + square
    }

    /// The terms of the cost of a bead with two sides: the standardized length difference,
    /// the price of unequal block counts and that of equal blocks larger than 1-1.
    #[inline]
    fn pair_terms(&self, g0: usize, g1: usize, e0: usize, e1: usize) -> (f64, f64, f64) {
        let (a, b) = (g1 - g0, e1 - e0);
        let lg = self.german[g1] - self.german[g0];
        let le = self.english[e1] - self.english[e0];
        let mean = ((lg + le / self.ratio) / 2.0).max(1.0);
        let delta = (le - self.ratio * lg) / (COARSE_VARIANCE * self.ratio * mean).sqrt();
        // Unequal counts must be absorbed by merges or skips inside the block.
        let extra = 0.5 * self.german_skip.min(self.english_skip) * a.abs_diff(b) as f64;
        // Equal blocks larger than 1-1 are the same as several 1-1 blocks: a small price
        // keeps the path on the finer shapes.
        let square = if a == b && a > 1 { 0.01 } else { 0.0 };
        (delta, extra, square)
    }

    /// The English-to-German ratio of characters over the beads of `path` (nodes at sentence
    /// resolution) that pair sentences of both sides (see [`paired_ratio`]).
    fn paired_ratio(&self, path: &[(usize, usize)]) -> Option<f64> {
        paired_ratio(
            path,
            |i0, i1| self.german[i1] - self.german[i0],
            |j0, j1| self.english[j1] - self.english[j0],
        )
    }

    /// The coarsest level's block size: the least power of two (at least 2) whose lattice
    /// fits `coarse_cells`.
    fn coarsest_factor(&self, config: &SearchConfig) -> usize {
        let (n, m) = (self.n(), self.m());
        let mut factor = 2usize;
        while (n.div_ceil(factor) + 1).saturating_mul(m.div_ceil(factor) + 1) > config.coarse_cells
        {
            factor *= 2;
        }
        factor
    }

    /// The path of the level of blocks of `factor` sentences, in blocks: exact without a
    /// guide, else in a band around `guide` (in blocks of this level). `None` when the shapes
    /// cannot pair these counts.
    fn level(
        &self,
        factor: usize,
        guide: Option<&[(usize, usize)]>,
        shapes: &[(usize, usize)],
        config: &SearchConfig,
        work: Option<&Work>,
    ) -> Option<Vec<(usize, usize)>> {
        let (n, m) = (self.n(), self.m());
        let (units_n, units_m) = (n.div_ceil(factor), m.div_ceil(factor));
        let unit_cost = |i0: usize, i1: usize, j0: usize, j1: usize, cutoff: f64| {
            self.cost_within(
                (i0 * factor).min(n),
                (i1 * factor).min(n),
                (j0 * factor).min(m),
                (j1 * factor).min(m),
                cutoff,
            )
        };
        let level = Lattice::new(units_n, units_m, shapes, &unit_cost, None).counted(work);
        let path = match guide {
            None => best_path(&level, &Band::full(units_n, units_m)),
            Some(guide) => banded_path(&level, guide, config, config.coarse_band_width),
        };
        path.map(|path| path.nodes)
    }

    /// The path at sentence resolution that the coarse levels find, to guide the fine level:
    /// from the coarsest level down, or, given `followed` (the coarsest level's path followed
    /// across its gaps, at sentence resolution), from the level below the coarsest in a band
    /// around it that does not widen past twice its width: the levels see only lengths, and
    /// a band free to widen would drift away from the jumps again.
    fn guide(
        &self,
        shapes: &[(usize, usize)],
        config: &SearchConfig,
        work: Option<&Work>,
        followed: Option<&[(usize, usize)]>,
    ) -> Vec<(usize, usize)> {
        let (n, m) = (self.n(), self.m());
        let mut factor = self.coarsest_factor(config);
        // The guide of the next level, in its blocks.
        let mut projected: Option<Vec<(usize, usize)>> = None;
        let capped = SearchConfig {
            max_band_width: 2 * config.coarse_band_width,
            ..config.clone()
        };
        let config = match followed {
            Some(followed) if factor > 2 => {
                factor /= 2;
                let mut blocks: Vec<(usize, usize)> = followed
                    .iter()
                    .map(|&(i, j)| (i / factor, j / factor))
                    .collect();
                blocks.dedup();
                projected = Some(blocks);
                &capped
            }
            _ => config,
        };
        while factor >= 2 {
            let path = self.level(factor, projected.as_deref(), shapes, config, work);
            // A level without a path (shapes that cannot pair these counts) leaves the guide
            // of the level above, or the diagonal.
            let last = path.or_else(|| projected.take());
            factor /= 2;
            let (units_n, units_m) = (n.div_ceil(factor.max(1)), m.div_ceil(factor.max(1)));
            projected = last.as_ref().map(|path| {
                path.iter()
                    .map(|&(i, j)| ((i * 2).min(units_n), (j * 2).min(units_m)))
                    .collect()
            });
        }
        // `projected` holds the finest level's path at sentence resolution (factor 1).
        projected.unwrap_or_else(|| vec![(0, 0), (n, m)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jumps_of_the_followed_path_replace_a_split_jump() {
        // The levels split a jump of 300 English sentences at row 500 into three of 100 at
        // rows 300, 400 and 500; the followed path makes it in one.
        let mut guide: Vec<(usize, usize)> = Vec::new();
        let mut offset = 0;
        for i in 0..=1000 {
            if [300, 400, 500].contains(&i) {
                guide.push((i, i + offset));
                offset += 100;
            }
            guide.push((i, i + offset));
        }
        let mut followed: Vec<(usize, usize)> = (0..=500).map(|i| (i, i)).collect();
        followed.extend((500..=1000).map(|i| (i, i + 300)));
        let kept = keep_jumps(&guide, &followed, 256);
        assert!(
            kept.contains(&(500, 500)) && kept.contains(&(500, 800)),
            "{kept:?}"
        );
        assert!(!kept.contains(&(300, 400)) && !kept.contains(&(400, 600)));
        assert!(
            kept.windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1 && w[0] != w[1])
        );
        assert_eq!(kept.first(), Some(&(0, 0)));
        assert_eq!(kept.last(), Some(&(1000, 1300)));
        // Without a jump in the followed path, the guide stays as it is.
        let straight: Vec<(usize, usize)> = (0..=1000).map(|i| (i, i)).collect();
        assert_eq!(keep_jumps(&guide, &straight, 256), guide);
    }
}
