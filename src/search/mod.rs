//! Coarse-to-fine search: time and memory linear in the document length.
//!
//! A document whose lattice is larger than [`SearchConfig::exact_cells`] is searched in three
//! steps:
//!
//! 1. **Coarse levels.** Blocks of `2^k` sentences are aligned with a cheap length model on
//!    prefix sums (O(1) per candidate bead), first exactly at the coarsest level that fits
//!    `coarse_cells`, then level by level in a narrow band around the projected path of the
//!    level above.
//! 2. **Fine level.** The real cost function is used only in a band of
//!    [`SearchConfig::band_width`] around the projected path of the 2-sentence level.
//! 3. **Windows.** Every level is cut into windows of [`SearchConfig::window_rows`] rows that
//!    overlap by [`SearchConfig::window_margin`] rows on each side. A window's first and last
//!    rows are free (the path may start and end anywhere on them), so windows are independent:
//!    they run in parallel (with the `rayon` feature), each keeps its own memory only while it
//!    runs, and each widens its own band when the best path runs along the band's edge. The
//!    paths of neighbouring windows are joined at a node they share near the boundary; if they
//!    share none, the margins are doubled and the level is searched again. Posteriors of the
//!    beads come from the window that owns them, whose margin is far enough from the free
//!    rows for the boundary not to matter.
//!
//! Memory is linear: the band, the guide path and the result, plus one window's tables per
//! thread.

mod config;
mod lattice;

pub use config::SearchConfig;
pub(crate) use lattice::BeadCost;

use crate::score::two_sided_tail_cost;
use lattice::{Band, BandPath, End, Lattice, best_path, solve, touches_edge};

/// One bead found by the search, in sentence indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundBead {
    pub(crate) german: std::ops::Range<usize>,
    pub(crate) english: std::ops::Range<usize>,
    pub(crate) cost: f64,
    pub(crate) posterior: f64,
}

/// The cost function of a level (see [`BeadCost`]).
type CostFn<'a> = BeadCost<'a>;

/// Aligns `german_lengths.len()` German with `english_lengths.len()` English sentences; the
/// lengths (in characters) guide the coarse levels, `cost` scores beads at the fine level.
/// `coarse` caches the coarse path between searches of the same pair: when it holds a path
/// from `(0, 0)` to `(n, m)`, the coarse levels are skipped (they read only the lengths and the
/// cost of leaving a sentence out, which the refinement of a pair does not change); when it
/// is empty, the path the coarse levels find is left in it. `None` when no path exists under
/// `shapes`.
pub(crate) fn search(
    german_lengths: &[f32],
    english_lengths: &[f32],
    shapes: &[(usize, usize)],
    cost: CostFn<'_>,
    config: &SearchConfig,
    temperature: f64,
    coarse: &mut Option<Vec<(usize, usize)>>,
) -> Option<Vec<FoundBead>> {
    let (n, m) = (german_lengths.len(), english_lengths.len());
    let cells = (n + 1).saturating_mul(m + 1);
    let path = if cells <= config.exact_cells || config.band_width == 0 {
        best_path(
            &Lattice::new(n, m, shapes, cost, Some(temperature)),
            &Band::full(n, m),
        )?
    } else {
        let reusable = coarse
            .as_ref()
            .is_some_and(|path| path.first() == Some(&(0, 0)) && path.last() == Some(&(n, m)));
        if !reusable {
            *coarse = Some(coarse_path(
                german_lengths,
                english_lengths,
                shapes,
                cost,
                config,
            ));
        }
        let guide = coarse.as_deref().unwrap_or(&[]);
        let width = config.band_width;
        let lattice = Lattice::new(n, m, shapes, cost, Some(temperature));
        banded_path(&lattice, guide, config, width)?
    };
    Some(
        path.nodes
            .windows(2)
            .zip(path.costs.iter().zip(&path.posteriors))
            .map(|(w, (&cost, &posterior))| FoundBead {
                german: w[0].0..w[1].0,
                english: w[0].1..w[1].1,
                cost,
                posterior,
            })
            .collect(),
    )
}

/// The beads of a first pass over a sample of a long document: up to `rows` German rows, in
/// windows of [`SearchConfig::window_rows`] spread evenly along the coarse path, each searched
/// like a window of the full search. Enough to teach the length model and the lexicon at a
/// fraction of a full pass; the beads do not form one path. Returns them with the coarse
/// path, or `None` when the document is short enough for the exact search, which has no
/// coarse path to sample.
pub(crate) fn sample(
    german_lengths: &[f32],
    english_lengths: &[f32],
    shapes: &[(usize, usize)],
    cost: CostFn<'_>,
    config: &SearchConfig,
    temperature: f64,
    rows: usize,
) -> Option<Sample> {
    let (n, m) = (german_lengths.len(), english_lengths.len());
    let cells = (n + 1).saturating_mul(m + 1);
    if cells <= config.exact_cells || config.band_width == 0 {
        return None;
    }
    let guide = coarse_path(german_lengths, english_lengths, shapes, cost, config);
    let core_rows = config.window_rows.max(1).min(n);
    let count = rows
        .div_ceil(core_rows)
        .clamp(1, n.div_ceil(core_rows).max(1));
    let margin = config.window_margin.max(1);
    // Core k starts at k/count of the way through the rows that leave room for a whole core.
    let cores: Vec<(usize, usize)> = (0..count)
        .map(|k| {
            let start = k * (n - core_rows) / count.max(2).saturating_sub(1).max(1);
            let start = start.min(n - core_rows);
            (start, start + core_rows)
        })
        .collect();
    let lattice = Lattice::new(n, m, shapes, cost, Some(temperature));
    let solve_core = |&(core_start, core_end): &(usize, usize)| -> Vec<FoundBead> {
        let first = core_start.saturating_sub(margin);
        let last = (core_end + margin).min(n);
        let Some(window) = window_path(
            &lattice,
            &guide,
            config,
            config.band_width,
            (first, last),
            margin,
        ) else {
            return Vec::new();
        };
        let path = window.path;
        path.nodes
            .windows(2)
            .zip(path.costs.iter().zip(&path.posteriors))
            .filter(|(w, _)| w[0].0 >= core_start && w[1].0 <= core_end)
            .map(|(w, (&cost, &posterior))| FoundBead {
                german: w[0].0..w[1].0,
                english: w[0].1..w[1].1,
                cost,
                posterior,
            })
            .collect()
    };
    let found: Vec<Vec<FoundBead>> = crate::par::map(&cores, solve_core);
    // Cores may overlap (a short document with many rows asked for): keep each bead once.
    let mut beads: Vec<FoundBead> = found.into_iter().flatten().collect();
    beads.sort_by_key(|b| (b.german.start, b.english.start, b.german.end, b.english.end));
    beads.dedup_by(|a, b| a.german == b.german && a.english == b.english);
    Some(Sample {
        beads,
        coarse: guide,
    })
}

/// What [`sample`] found: first-pass beads of a sample, and the coarse path it followed.
pub(crate) struct Sample {
    pub(crate) beads: Vec<FoundBead>,
    pub(crate) coarse: Vec<(usize, usize)>,
}

/// The path at sentence resolution that the coarse levels find. They use every shape: runs of
/// skipped blocks included, which a long untranslated passage needs (without them the path
/// loses its way on such documents).
fn coarse_path(
    german_lengths: &[f32],
    english_lengths: &[f32],
    shapes: &[(usize, usize)],
    cost: CostFn<'_>,
    config: &SearchConfig,
) -> Vec<(usize, usize)> {
    CoarseModel::new(german_lengths, english_lengths, cost).guide(shapes, config)
}

/// The cheap model of the coarse levels: a Gale-Church length cost on blocks of sentences
/// (prefix sums make every bead O(1)) plus shape priors read off the real cost function.
struct CoarseModel {
    german: Vec<f64>,
    english: Vec<f64>,
    ratio: f64,
    german_skip: f64,
    english_skip: f64,
}

/// Variance of the coarse length model (Gale and Church's value).
const COARSE_VARIANCE: f64 = crate::score::GALE_CHURCH_VARIANCE;

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
        CoarseModel {
            german,
            english,
            ratio,
            german_skip,
            english_skip,
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
            return self.english_skip * b as f64;
        }
        if b == 0 {
            return self.german_skip * a as f64;
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
    fn guide(&self, shapes: &[(usize, usize)], config: &SearchConfig) -> Vec<(usize, usize)> {
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
            let level = Lattice::new(units_n, units_m, shapes, &unit_cost, None);
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

/// One window's result: its rows and its best path.
struct WindowPath {
    path: BandPath,
}

/// The best path in a band of `width` around `guide`, searched window by window.
fn banded_path(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
    width: usize,
) -> Option<BandPath> {
    let n = lattice.n;
    let mut margin = config.window_margin.max(1);
    loop {
        // Each window owns at least two margins of rows, so the joins stay in order.
        let rows = config.window_rows.max(2 * margin);
        let single = n <= rows + 2 * margin;
        let cores: Vec<(usize, usize)> = if single {
            vec![(0, n)]
        } else {
            (0..n.div_ceil(rows))
                .map(|k| (k * rows, ((k + 1) * rows).min(n)))
                .collect()
        };
        let solve_core = |&(core_start, core_end): &(usize, usize)| {
            let first = core_start.saturating_sub(margin);
            let last = (core_end + margin).min(n);
            window_path(lattice, guide, config, width, (first, last), margin)
        };
        let windows: Vec<Option<WindowPath>> = crate::par::map(&cores, solve_core);
        let windows: Vec<WindowPath> = windows.into_iter().collect::<Option<_>>()?;
        if let Some(path) = join(&windows, &cores, margin, lattice) {
            return Some(path);
        }
        if single {
            return None;
        }
        margin *= 2;
    }
}

/// Searches the rows `first..=last`, doubling the band while the path runs along its edge
/// (away from the free rows) and the band may still grow.
fn window_path(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
    mut width: usize,
    (first, last): (usize, usize),
    margin: usize,
) -> Option<WindowPath> {
    let (n, m) = (lattice.n, lattice.m);
    let start = if first == 0 { End::Fixed } else { End::Free };
    let end = if last == n { End::Fixed } else { End::Free };
    // Nodes this close to a free row may lie on the edge because the row is free.
    let inner_first = if start == End::Free {
        first + margin / 2
    } else {
        first
    };
    let inner_last = if end == End::Free {
        last.saturating_sub(margin / 2)
    } else {
        last
    };
    loop {
        let band = Band::around_path(guide, n, m, width, first..=last);
        let full_width = band.cells() >= (last - first + 1) * (m + 1);
        let found = solve(lattice, &band, start, end);
        let widen = match &found {
            Some(path) => {
                let inner: Vec<(usize, usize)> = path
                    .nodes
                    .iter()
                    .copied()
                    .filter(|&(i, _)| (inner_first..=inner_last).contains(&i))
                    .collect();
                touches_edge(&band, &inner, m)
            }
            None => true,
        };
        if !widen || width >= config.max_band_width || full_width {
            return found.map(|path| WindowPath { path });
        }
        width = (width * 2).min(config.max_band_width.max(1));
    }
}

/// Joins the window paths at a node shared by neighbours near each boundary. Where two
/// neighbours share no node there (two paths of nearly equal cost run side by side), the
/// first path is followed to its node nearest the boundary, the second from its first node
/// beyond that one, and the gap between them is bridged by an exact search of the small
/// rectangle they span. `None` when the two paths lie too far apart there (the margin was too
/// short) or a bridge finds no path.
fn join(
    windows: &[WindowPath],
    cores: &[(usize, usize)],
    margin: usize,
    lattice: &Lattice<'_>,
) -> Option<BandPath> {
    let mut joined = BandPath {
        nodes: Vec::new(),
        costs: Vec::new(),
        posteriors: Vec::new(),
    };
    // Index into the current window's nodes where its part starts.
    let mut from = 0usize;
    for (k, window) in windows.iter().enumerate() {
        let path = &window.path;
        let (to, next_from, bridge) = match (windows.get(k + 1), cores.get(k)) {
            (Some(next), Some(&(_, boundary))) => {
                match shared_node(&path.nodes, &next.path.nodes, boundary, margin / 2) {
                    Some((x, y)) => (x, y, None),
                    None => {
                        let x = (from..path.nodes.len())
                            .min_by_key(|&x| path.nodes[x].0.abs_diff(boundary))?;
                        let start = path.nodes[x];
                        let y =
                            next.path.nodes.iter().position(|&(i, j)| {
                                i >= start.0 && j >= start.1 && (i, j) != start
                            })?;
                        let end = next.path.nodes[y];
                        // Paths side by side meet again within a few cells; paths that went
                        // apart mean the margin was too short for this boundary.
                        if (end.0 - start.0) + (end.1 - start.1) > MAX_BRIDGE_STEP {
                            return None;
                        }
                        let bridge = bridge_path(start, end, lattice)?;
                        (x, y, Some(bridge))
                    }
                }
            }
            _ => (path.nodes.len() - 1, 0, None),
        };
        if to < from {
            return None;
        }
        append(&mut joined, path, from, to);
        if let Some(bridge) = bridge {
            append(&mut joined, &bridge, 0, bridge.nodes.len() - 1);
        }
        from = next_from;
    }
    Some(joined)
}

/// Appends the beads of `path` between its nodes `from` and `to`.
fn append(joined: &mut BandPath, path: &BandPath, from: usize, to: usize) {
    if joined.nodes.is_empty() {
        joined.nodes.push(path.nodes[from]);
    }
    joined.nodes.extend_from_slice(&path.nodes[from + 1..=to]);
    joined.costs.extend_from_slice(&path.costs[from..to]);
    if !path.posteriors.is_empty() {
        joined
            .posteriors
            .extend_from_slice(&path.posteriors[from..to]);
    }
}

/// Cells a bridge between two window paths may search.
const MAX_BRIDGE_CELLS: usize = 1 << 20;

/// Rows plus columns between the two ends of a bridge, at most.
const MAX_BRIDGE_STEP: usize = 8;

/// The best path from node `start` to node `end`, searched exactly.
fn bridge_path(
    start: (usize, usize),
    end: (usize, usize),
    lattice: &Lattice<'_>,
) -> Option<BandPath> {
    let cost = lattice.cost;
    let (n, m) = (end.0 - start.0, end.1 - start.1);
    if (n + 1).saturating_mul(m + 1) > MAX_BRIDGE_CELLS {
        return None;
    }
    let shifted = |i0: usize, i1: usize, j0: usize, j1: usize, cutoff: f64| {
        cost(
            i0 + start.0,
            i1 + start.0,
            j0 + start.1,
            j1 + start.1,
            cutoff,
        )
    };
    let bridge = Lattice::new(n, m, lattice.shapes, &shifted, lattice.temperature);
    let mut path = best_path(&bridge, &Band::full(n, m))?;
    for node in &mut path.nodes {
        *node = (node.0 + start.0, node.1 + start.1);
    }
    Some(path)
}

/// The node both paths (sorted) hold whose row is closest to `boundary`, within `reach`
/// rows; its positions in `a` and `b`.
fn shared_node(
    a: &[(usize, usize)],
    b: &[(usize, usize)],
    boundary: usize,
    reach: usize,
) -> Option<(usize, usize)> {
    let low = boundary.saturating_sub(reach);
    let high = boundary + reach;
    let mut x = a.partition_point(|&(i, _)| i < low);
    let mut y = b.partition_point(|&(i, _)| i < low);
    let mut found: Option<(usize, usize, usize)> = None;
    while x < a.len() && y < b.len() {
        let (p, q) = (a[x], b[y]);
        if p.0 > high || q.0 > high {
            break;
        }
        match p.cmp(&q) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let distance = p.0.abs_diff(boundary);
                if found.is_none_or(|(d, _, _)| distance < d) {
                    found = Some((distance, x, y));
                }
                x += 1;
                y += 1;
            }
        }
    }
    found.map(|(_, x, y)| (x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [(usize, usize); 8] = [
        (1, 1),
        (1, 0),
        (0, 1),
        (1, 2),
        (2, 1),
        (2, 2),
        (1, 3),
        (3, 1),
    ];

    #[test]
    fn shared_node_prefers_the_boundary() {
        let a = [(0, 0), (4, 4), (5, 5), (7, 7)];
        let b = [(3, 2), (4, 4), (5, 5), (8, 8)];
        assert_eq!(shared_node(&a, &b, 5, 2), Some((2, 2)));
        assert_eq!(shared_node(&a, &b, 10, 1), None);
    }

    /// A synthetic translation: German lengths random, English lengths follow a random bead
    /// sequence with noise, and the cost is a length model.
    fn synthetic(seed: u64, beads: usize) -> (Vec<f32>, Vec<f32>) {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        let (mut german, mut english) = (Vec::new(), Vec::new());
        for _ in 0..beads {
            let r = next();
            let (a, b) = if r < 0.85 {
                (1, 1)
            } else if r < 0.92 {
                (1, 2)
            } else {
                (2, 1)
            };
            let lengths: Vec<f32> = (0..a).map(|_| (20.0 + 150.0 * next()) as f32).collect();
            let total: f32 = lengths.iter().sum();
            german.extend(lengths);
            for _ in 0..b {
                english.push(total / b as f32 * (0.9 + 0.2 * next() as f32));
            }
        }
        (german, english)
    }

    fn length_cost<'a>(
        german: &'a [f32],
        english: &'a [f32],
    ) -> impl Fn(usize, usize, usize, usize, f64) -> f64 + Sync + 'a {
        move |i0, i1, j0, j1, _| {
            let (a, b) = (i1 - i0, j1 - j0);
            if a == 0 || b == 0 {
                return 4.5 * (a + b) as f64;
            }
            let lg: f64 = german[i0..i1].iter().map(|&l| f64::from(l)).sum();
            let le: f64 = english[j0..j1].iter().map(|&l| f64::from(l)).sum();
            let mean = ((lg + le) / 2.0).max(1.0);
            two_sided_tail_cost((le - lg) / (COARSE_VARIANCE * mean).sqrt())
                + 2.3 * (a + b - 2) as f64
        }
    }

    #[test]
    fn windows_give_the_exact_path_on_a_long_synthetic_document() {
        let (german, english) = synthetic(7, 1200);
        let cost = length_cost(&german, &english);
        let exact = SearchConfig {
            band_width: 0,
            ..SearchConfig::default()
        };
        let fast = SearchConfig {
            exact_cells: 0,
            window_rows: 200,
            window_margin: 40,
            ..SearchConfig::default()
        };
        let a = search(&german, &english, &SHAPES, &cost, &exact, 1.0, &mut None).unwrap();
        // The band leaves out paths far from the best one: their share of a posterior is tiny
        // at width 1, and smaller still at the default width 2.
        for (width, tolerance) in [(1, 1e-4), (2, 1e-6)] {
            let config = SearchConfig {
                band_width: width,
                ..fast.clone()
            };
            let b = search(&german, &english, &SHAPES, &cost, &config, 1.0, &mut None).unwrap();
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(&b) {
                assert_eq!((&x.german, &x.english), (&y.german, &y.english));
                let difference = (x.posterior - y.posterior).abs();
                assert!(difference < tolerance, "width {width}: {x:?} vs {y:?}");
            }
        }
    }

    #[test]
    fn a_long_stretch_of_split_sentences_keeps_the_exact_path() {
        // 150 beads 1-1, then 120 beads where the English splits every sentence in three
        // (a translator who writes short sentences, or a side cut into lines), then 150 1-1.
        // The coarse levels must be able to follow 1-3 blocks, or the band loses the path.
        let (mut german, mut english) = (Vec::new(), Vec::new());
        let mut state = 99u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f32 / (1u64 << 31) as f32
        };
        for k in 0..420 {
            let length = 30.0 + 150.0 * next();
            german.push(length);
            if (150..270).contains(&k) {
                for _ in 0..3 {
                    english.push(length / 3.0 * (0.9 + 0.2 * next()));
                }
            } else {
                english.push(length * (0.9 + 0.2 * next()));
            }
        }
        let cost = length_cost(&german, &english);
        let exact = SearchConfig {
            band_width: 0,
            ..SearchConfig::default()
        };
        let fast = SearchConfig {
            exact_cells: 0,
            window_rows: 128,
            window_margin: 32,
            // Little room to widen: the coarse path itself must be near the right one.
            max_band_width: 2,
            ..SearchConfig::default()
        };
        let a = search(&german, &english, &SHAPES, &cost, &exact, 1.0, &mut None).unwrap();
        let b = search(&german, &english, &SHAPES, &cost, &fast, 1.0, &mut None).unwrap();
        let ranges = |found: &[FoundBead]| -> Vec<_> {
            found
                .iter()
                .map(|f| (f.german.clone(), f.english.clone()))
                .collect()
        };
        assert_eq!(ranges(&a), ranges(&b));
        let splits = a.iter().filter(|f| f.english.len() == 3).count();
        assert!(splits >= 100, "{splits} beads 1-3 in the exact path");
    }

    #[test]
    fn one_side_empty_or_both() {
        let cost = |_: usize, _: usize, _: usize, _: usize, _: f64| 1.0;
        let fast = SearchConfig {
            exact_cells: 0,
            window_rows: 8,
            window_margin: 2,
            ..SearchConfig::default()
        };
        let lengths = [10.0f32; 50];
        let none: [f32; 0] = [];
        for (g, e) in [
            (&lengths[..], &none[..]),
            (&none[..], &lengths[..]),
            (&none, &none),
        ] {
            let found = search(g, e, &SHAPES, &cost, &fast, 1.0, &mut None).unwrap();
            assert_eq!(found.len(), g.len().max(e.len()));
        }
    }

    #[test]
    fn a_sample_holds_beads_of_the_full_path() {
        let (german, english) = synthetic(11, 3000);
        let cost = length_cost(&german, &english);
        let config = SearchConfig {
            exact_cells: 0,
            window_rows: 200,
            window_margin: 40,
            ..SearchConfig::default()
        };
        let full = search(&german, &english, &SHAPES, &cost, &config, 1.0, &mut None).unwrap();
        let Sample {
            beads: sample,
            coarse,
        } = sample(&german, &english, &SHAPES, &cost, &config, 1.0, 600).unwrap();
        assert_eq!(coarse.first(), Some(&(0, 0)));
        assert_eq!(coarse.last(), Some(&(german.len(), english.len())));
        // Three windows of 200 rows: about 600 German sentences, from the start to the end.
        let rows: usize = sample.iter().map(|b| b.german.len()).sum();
        assert!((550..=600).contains(&rows), "{rows} rows");
        assert_eq!(sample.first().map(|b| b.german.start), Some(0));
        assert_eq!(sample.last().map(|b| b.german.end), Some(german.len()));
        let agree = sample
            .iter()
            .filter(|b| {
                full.iter()
                    .any(|f| f.german == b.german && f.english == b.english)
            })
            .count();
        assert!(
            agree * 100 >= sample.len() * 98,
            "{agree} of {}",
            sample.len()
        );
        // A document short enough for the exact search has no sample.
        let short = SearchConfig::default();
        assert!(sample_is_none(&german[..20], &english[..20], &cost, &short));
    }

    fn sample_is_none(
        german: &[f32],
        english: &[f32],
        cost: CostFn<'_>,
        config: &SearchConfig,
    ) -> bool {
        sample(german, english, &SHAPES, cost, config, 1.0, 600).is_none()
    }
}
