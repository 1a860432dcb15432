//! The coarse levels: blocks of `2^k` sentences aligned with a cheap length model, coarsest
//! first, each level in a band around the path of the level above.

use super::CostFn;
use super::config::SearchConfig;
use super::lattice::{Band, Lattice, Work, best_path};
use super::windows::banded_path;
use crate::score::two_sided_tail_cost;

/// The path at sentence resolution that the coarse levels find. They use every shape: runs of
/// skipped blocks included, which a long untranslated passage needs (without them the path
/// loses its way on such documents).
pub(super) fn coarse_path(
    german_lengths: &[f32],
    english_lengths: &[f32],
    shapes: &[(usize, usize)],
    cost: CostFn<'_>,
    config: &SearchConfig,
    work: Option<&Work>,
) -> Vec<(usize, usize)> {
    CoarseModel::new(german_lengths, english_lengths, cost).guide(shapes, config, work)
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
        let lg = self.german[g1] - self.german[g0];
        let le = self.english[e1] - self.english[e0];
        let mean = ((lg + le / self.ratio) / 2.0).max(1.0);
        let delta = (le - self.ratio * lg) / (COARSE_VARIANCE * self.ratio * mean).sqrt();
        // Unequal counts must be absorbed by merges or skips inside the block.
        let extra = 0.5 * self.german_skip.min(self.english_skip) * a.abs_diff(b) as f64;
        // Equal blocks larger than 1-1 are the same as several 1-1 blocks: a small price
        // keeps the path on the finer shapes.
        let square = if a == b && a > 1 { 0.01 } else { 0.0 };
        two_sided_tail_cost(delta) + extra + square
    }

    /// The path at sentence resolution that the coarse levels find, to guide the fine level.
    fn guide(
        &self,
        shapes: &[(usize, usize)],
        config: &SearchConfig,
        work: Option<&Work>,
    ) -> Vec<(usize, usize)> {
        let (n, m) = (self.n(), self.m());
        // The coarsest level: the least power of two whose lattice fits `coarse_cells`.
        let mut factor = 2usize;
        while (n.div_ceil(factor) + 1).saturating_mul(m.div_ceil(factor) + 1) > config.coarse_cells
        {
            factor *= 2;
        }
        let mut guide: Option<Vec<(usize, usize)>> = None;
        while factor >= 2 {
            let (units_n, units_m) = (n.div_ceil(factor), m.div_ceil(factor));
            let unit_cost = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| {
                self.cost(
                    (i0 * factor).min(n),
                    (i1 * factor).min(n),
                    (j0 * factor).min(m),
                    (j1 * factor).min(m),
                )
            };
            let level = Lattice::new(units_n, units_m, shapes, &unit_cost, None).counted(work);
            let path = match &guide {
                None => best_path(&level, &Band::full(units_n, units_m)),
                Some(upper) => {
                    let projected: Vec<(usize, usize)> = upper
                        .iter()
                        .map(|&(i, j)| ((i * 2).min(units_n), (j * 2).min(units_m)))
                        .collect();
                    banded_path(&level, &projected, config, config.coarse_band_width)
                }
            };
            // A level without a path (shapes that cannot pair these counts) leaves the guide
            // of the level above, or the diagonal.
            if let Some(path) = path {
                guide = Some(path.nodes);
            } else if guide.is_some() {
                guide = guide.map(|g| {
                    g.into_iter()
                        .map(|(i, j)| ((i * 2).min(units_n), (j * 2).min(units_m)))
                        .collect()
                });
            }
            factor /= 2;
        }
        match guide {
            Some(path) => path
                .into_iter()
                .map(|(i, j)| ((i * 2).min(n), (j * 2).min(m)))
                .collect(),
            None => vec![(0, 0), (n, m)],
        }
    }
}
