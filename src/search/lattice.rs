//! The dynamic-programming core: best path and bead posteriors over a window of a band.
//!
//! Cell `(i, j)` means "the first `i` German and the first `j` English units are aligned".
//! A bead of shape `(a, b)` moves from `(i - a, j - b)` to `(i, j)`. A [`Band`] restricts
//! every row `i` of a run of rows to a contiguous run of columns `lo[i]..=hi[i]` with `lo`
//! and `hi` non-decreasing, so memory and time grow with the number of cells in the band,
//! never with `n × m` unless the band is full.
//!
//! [`solve`] searches one band. Its first and last rows are either *fixed* (the path starts
//! at `(0, 0)`, ends at `(n, m)`) or *free* (the path may start, or end, at any cell of that
//! row): free ends let the search cut a long document into overlapping windows that are
//! solved independently (see `search.rs`). Each bead cost is computed once per window and
//! kept, so the Viterbi, forward and backward passes call the cost function once per
//! candidate bead between them.

/// The cost of the bead of units `i0..i1` and `j0..j1`, called as `cost(i0, i1, j0, j1,
/// cutoff)`. A cost function may return infinity instead of any cost it can tell, cheaply, is
/// above `cutoff` (the search cannot use such a bead); with an infinite cutoff it must return
/// the exact cost.
pub(crate) type BeadCost<'a> = &'a (dyn Fn(usize, usize, usize, usize, f64) -> f64 + Sync);

/// How far above the best candidate of a cell, in units of the temperature, a candidate may be
/// left out of the posteriors: `exp(-30)` is far below anything a posterior can show.
const PRUNE_MARGIN: f64 = 15.0;

/// What a path pays in the Viterbi pass, per column, for starting or ending a free row away
/// from the middle of the band there. Far below any difference of real costs, it only breaks
/// ties: on a lattice where many diagonals cost the same (a document of repeated lines), the
/// best path of a window with free ends is the one along the guide, not one along the band's
/// edge, which would make the window widen its band for nothing. The posteriors and the
/// costs of the beads do not see it.
const OFF_CENTRE_TIE: f64 = 1e-9;

/// A set of cells over the rows `first..=last`: row `i` holds columns `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    first: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    /// Every cell of the `(n + 1) × (m + 1)` lattice.
    pub(crate) fn full(n: usize, m: usize) -> Band {
        Band::new(0, vec![0; n + 1], vec![m; n + 1])
    }

    fn new(first: usize, lo: Vec<usize>, hi: Vec<usize>) -> Band {
        let mut offset = Vec::with_capacity(lo.len() + 1);
        let mut total = 0;
        for (l, h) in lo.iter().zip(&hi) {
            offset.push(total);
            total += h - l + 1;
        }
        offset.push(total);
        Band {
            first,
            lo,
            hi,
            offset,
        }
    }

    /// The cells of rows `rows` (clamped to `0..=n`) within `width` rows and columns of a
    /// monotone path from `(0, 0)` to `(n, m)`, given as its nodes sorted by row. Only the
    /// path nodes near `rows` are read, so a window of a long path costs time in proportion to
    /// the window.
    pub(crate) fn around_path(
        path: &[(usize, usize)],
        n: usize,
        m: usize,
        width: usize,
        rows: std::ops::RangeInclusive<usize>,
    ) -> Band {
        let first = (*rows.start()).min(n);
        let last = (*rows.end()).clamp(first, n);
        // Rows whose raw extent matters: those within `width` of the window.
        let raw_first = first.saturating_sub(width);
        let raw_last = (last + width).min(n);
        let rows_len = raw_last - raw_first + 1;
        let mut raw_lo = vec![usize::MAX; rows_len];
        let mut raw_hi = vec![0usize; rows_len];
        let mut touch = |i: usize, j0: usize, j1: usize| {
            if (raw_first..=raw_last).contains(&i) {
                let k = i - raw_first;
                raw_lo[k] = raw_lo[k].min(j0.min(m));
                raw_hi[k] = raw_hi[k].max(j1.min(m));
            }
        };
        touch(0, 0, 0);
        touch(n, m, m);
        // The first segment that can reach `raw_first`: the last node at or before it.
        let start = path
            .partition_point(|&(i, _)| i < raw_first)
            .saturating_sub(1);
        for pair in path[start..].windows(2) {
            let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
            if i0 > raw_last {
                break;
            }
            for i in i0.max(raw_first)..=i1.min(raw_last) {
                touch(i, j0, j1);
            }
        }
        // Rows no path segment touched (only with a malformed guide) inherit from the row
        // before; then make the extents monotone.
        for k in 0..rows_len {
            if raw_lo[k] == usize::MAX {
                let previous = if k > 0 { raw_hi[k - 1] } else { 0 };
                raw_lo[k] = previous;
                raw_hi[k] = raw_hi[k].max(previous);
            }
            if k > 0 {
                raw_lo[k] = raw_lo[k].max(raw_lo[k - 1]).min(raw_hi[k]);
                raw_hi[k] = raw_hi[k].max(raw_hi[k - 1]);
            }
        }
        let lo = (first..=last)
            .map(|i| raw_lo[i.saturating_sub(width) - raw_first].saturating_sub(width))
            .collect();
        let hi = (first..=last)
            .map(|i| (raw_hi[(i + width).min(raw_last) - raw_first] + width).min(m))
            .collect();
        Band::new(first, lo, hi)
    }

    /// The band with the cell `(first row, column)` added: the first row reaches it, and
    /// every later row reaches at least as far right, so that a path from it stays inside.
    pub(crate) fn holding_start(self, column: usize) -> Band {
        let Band {
            first,
            mut lo,
            mut hi,
            ..
        } = self;
        if let (Some(low), Some(high)) = (lo.first_mut(), hi.first_mut()) {
            *low = (*low).min(column);
            *high = (*high).max(column);
        }
        for r in 1..hi.len() {
            if hi[r] >= column {
                break;
            }
            hi[r] = hi[r].max(hi[r - 1]);
        }
        Band::new(first, lo, hi)
    }

    /// The band with the cell `(last row, column)` added: the last row reaches it, and every
    /// earlier row reaches at least as far left, so that a path to it stays inside.
    pub(crate) fn holding_end(self, column: usize) -> Band {
        let Band {
            first,
            mut lo,
            mut hi,
            ..
        } = self;
        if let (Some(low), Some(high)) = (lo.last_mut(), hi.last_mut()) {
            *low = (*low).min(column);
            *high = (*high).max(column);
        }
        for r in (0..lo.len().saturating_sub(1)).rev() {
            if lo[r] <= column {
                break;
            }
            lo[r] = lo[r].min(lo[r + 1]);
        }
        Band::new(first, lo, hi)
    }

    /// Columns from the first row's first to the last row's last.
    pub(crate) fn columns(&self) -> usize {
        match (self.lo.first(), self.hi.last()) {
            (Some(&lo), Some(&hi)) => hi.saturating_sub(lo) + 1,
            _ => 0,
        }
    }

    /// Number of cells.
    pub(crate) fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    /// First row.
    pub(crate) fn first_row(&self) -> usize {
        self.first
    }

    /// Last row.
    pub(crate) fn last_row(&self) -> usize {
        self.first + self.lo.len().saturating_sub(1)
    }

    #[inline]
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let r = i.checked_sub(self.first)?;
        let (lo, hi) = (*self.lo.get(r)?, self.hi[r]);
        (lo <= j && j <= hi).then(|| self.offset[r] + j - lo)
    }

    /// The middle column of the band's row `r` (counted from its first row).
    fn centre(&self, r: usize) -> usize {
        (self.lo[r] + self.hi[r]) / 2
    }

    /// Whether `(i, j)` lies on the band's edge where the band does not end at the lattice's.
    pub(crate) fn on_inner_edge(&self, i: usize, j: usize, m: usize) -> bool {
        let Some(r) = i.checked_sub(self.first) else {
            return false;
        };
        match (self.lo.get(r), self.hi.get(r)) {
            (Some(&lo), Some(&hi)) => (j == lo && j > 0) || (j == hi && j < m),
            _ => false,
        }
    }
}

/// How a search treats the first or the last row of its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The path starts at `(0, 0)` (first row) or ends at `(n, m)` (last row).
    Fixed,
    /// The path may start, or end, at any cell of the row.
    Free,
    /// The path starts, or ends, at this column of the row (a node another window's path
    /// holds).
    At(usize),
}

/// The best path found in a band.
#[derive(Debug, Clone)]
pub(crate) struct BandPath {
    /// Path nodes, in order.
    pub(crate) nodes: Vec<(usize, usize)>,
    /// Cost of each bead (between consecutive nodes).
    pub(crate) costs: Vec<f64>,
    /// Posterior probability of each bead, when asked for.
    pub(crate) posteriors: Vec<f64>,
}

/// The lattice a search runs on: `(n + 1) × (m + 1)` cells of units (sentences, or blocks of
/// them), the bead shapes that step between cells, what a bead costs, and the temperature of
/// the posteriors (`None`: the best path only). Every level and window of the search is a
/// band of one such lattice.
#[derive(Clone, Copy)]
pub(crate) struct Lattice<'a> {
    /// German units.
    pub(crate) n: usize,
    /// English units.
    pub(crate) m: usize,
    /// `(German, English)` units of each bead shape.
    pub(crate) shapes: &'a [(usize, usize)],
    /// `cost(i0, i1, j0, j1, cutoff)`: the cost of the bead of units `i0..i1` and `j0..j1`.
    pub(crate) cost: BeadCost<'a>,
    /// Temperature of the posteriors, when they are wanted.
    pub(crate) temperature: Option<f64>,
    /// Where the searches on this lattice add the cells they evaluate, when counted (see
    /// [`Work`]).
    pub(crate) work: Option<&'a Work>,
}

/// The work of a search, counted deterministically: the band cells every [`solve`] call
/// evaluates (each cell tries every bead shape once), summed over the coarse levels, the
/// windows, their widenings and re-searches, the joins' bridges and the gap checks. The same
/// input gives the same count whatever the number of threads, so a test can bound the work
/// without timing it.
#[derive(Debug, Default)]
pub(crate) struct Work {
    cells: std::sync::atomic::AtomicUsize,
}

impl Work {
    /// The cells counted so far.
    #[cfg(test)]
    pub(crate) fn cells(&self) -> usize {
        self.cells.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn add(&self, cells: usize) {
        self.cells
            .fetch_add(cells, std::sync::atomic::Ordering::Relaxed);
    }
}

impl<'a> Lattice<'a> {
    pub(crate) fn new(
        n: usize,
        m: usize,
        shapes: &'a [(usize, usize)],
        cost: BeadCost<'a>,
        temperature: Option<f64>,
    ) -> Self {
        Lattice {
            n,
            m,
            shapes,
            cost,
            temperature,
            work: None,
        }
    }

    /// The lattice with its searches counted in `work`.
    pub(crate) fn counted(self, work: Option<&'a Work>) -> Self {
        Lattice { work, ..self }
    }
}

/// Finds the least-cost path of `lattice` through `band` and, with a temperature, the
/// posterior of each of its beads under `P(path) ∝ exp(-cost / temperature)`. A fixed start
/// needs the band to begin at row 0 and a fixed end to stop at row `n`. Returns `None` when no
/// path crosses the band.
pub(crate) fn solve(lattice: &Lattice<'_>, band: &Band, start: End, end: End) -> Option<BandPath> {
    let Lattice {
        n,
        m,
        shapes,
        cost,
        temperature,
        work,
    } = *lattice;
    let first = band.first_row();
    let last = band.last_row();
    if (start == End::Fixed && first != 0) || (end == End::Fixed && last != n) {
        return None;
    }
    let shape_count = shapes.len();
    let cells = band.cells();
    if let Some(work) = work {
        work.add(cells);
    }
    // Keep every bead cost for the backward pass unless the band is huge (an exact search of a
    // long document), where computing them again is better than the memory.
    let cache = temperature.is_some() && cells.saturating_mul(shape_count) <= MAX_CACHED_COSTS;
    let mut costs = vec![f64::INFINITY; if cache { cells * shape_count } else { 0 }];
    let mut best = vec![f64::INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    let with_posteriors = temperature.is_some();
    let mut forward = if with_posteriors {
        vec![f64::INFINITY; cells]
    } else {
        Vec::new()
    };
    let inverse_temperature = temperature.map_or(1.0, |t| 1.0 / t);
    let mut candidates: Vec<f64> = Vec::with_capacity(shape_count);
    // Small beads first: the 1-1 bead usually sets a cell's best early, which lets the cost
    // function give up on the large beads that cannot come near it.
    let mut order: Vec<usize> = (0..shape_count).collect();
    order.sort_by_key(|&s| (shapes[s].0 + shapes[s].1, s));
    // The shapes that fit the row, in `order`, each with the band row its beads start on.
    let mut steps: Vec<Step> = Vec::with_capacity(shape_count);
    for i in first..=last {
        let r = i - first;
        let (lo, hi) = (band.lo[r], band.hi[r]);
        steps.clear();
        steps.extend(order.iter().filter_map(|&s| {
            let (a, b) = shapes[s];
            let row = r.checked_sub(a)?;
            Some(Step::new(band, s, (a, b), row))
        }));
        for j in lo..=hi {
            let here = band.offset[r] + j - lo;
            // A start cell: free starts take every cell of the first row, a fixed start the
            // cell (0, 0) of row 0, a start at a column that cell of the first row.
            let is_start = i == first
                && match start {
                    End::Free => true,
                    End::Fixed => i == 0 && j == 0,
                    End::At(column) => j == column,
                };
            if is_start {
                best[here] = if start == End::Free {
                    OFF_CENTRE_TIE * j.abs_diff(band.centre(r)) as f64
                } else {
                    0.0
                };
                if with_posteriors {
                    forward[here] = 0.0;
                }
                continue;
            }
            let mut cell_best = f64::INFINITY;
            let mut cell_back = u8::MAX;
            // The least forward candidate so far, in units of the temperature.
            let mut least = f64::INFINITY;
            candidates.clear();
            for step in &steps {
                let Step { shape: s, a, b, .. } = *step;
                let Some(previous) = step.cell(j.wrapping_sub(b)) else {
                    continue;
                };
                let reachable = best[previous] < f64::INFINITY;
                if !reachable {
                    continue;
                }
                // A bead above both cutoffs can change neither the best path (it cannot beat
                // the cell's best) nor a posterior (its share of the cell is below
                // exp(-PRUNE_MARGIN)).
                let viterbi_cutoff = cell_best - best[previous];
                let cutoff = if with_posteriors {
                    let soft = (least + PRUNE_MARGIN - forward[previous]) / inverse_temperature;
                    viterbi_cutoff.max(soft)
                } else {
                    viterbi_cutoff
                };
                let c = cost(i - a, i, j - b, j, cutoff);
                if c == f64::INFINITY {
                    continue;
                }
                if cache {
                    costs[here * shape_count + s] = c;
                }
                let total = best[previous] + c;
                if total < cell_best || (total == cell_best && s < cell_back as usize) {
                    cell_best = total;
                    cell_back = s as u8;
                }
                if with_posteriors {
                    let candidate = forward[previous] + c * inverse_temperature;
                    least = least.min(candidate);
                    candidates.push(candidate);
                }
            }
            best[here] = cell_best;
            back[here] = cell_back;
            if with_posteriors {
                forward[here] = soft_min(&candidates);
            }
        }
    }
    // The end cell.
    let end_cell = match end {
        End::Fixed => band.index(n, m)?,
        End::At(column) => band.index(last, column)?,
        End::Free => {
            let r = last - first;
            let row = band.offset[r]..band.offset[r + 1];
            let centre = band.centre(r);
            let with_tie = |k: usize| {
                let j = band.lo[r] + k - band.offset[r];
                best[k] + OFF_CENTRE_TIE * j.abs_diff(centre) as f64
            };
            let mut least = row.start;
            for k in row {
                if with_tie(k) < with_tie(least) {
                    least = k;
                }
            }
            least
        }
    };
    if best[end_cell] == f64::INFINITY {
        return None;
    }
    let end_node = {
        let r = band.offset.partition_point(|&o| o <= end_cell) - 1;
        (first + r, band.lo[r] + end_cell - band.offset[r])
    };
    // Trace back.
    let mut nodes = vec![end_node];
    let mut bead_costs = Vec::new();
    let (mut i, mut j) = end_node;
    loop {
        let here = band.index(i, j)?;
        let s = back[here] as usize;
        let Some(&(a, b)) = shapes.get(s) else {
            break;
        };
        bead_costs.push(cost(i - a, i, j - b, j, f64::INFINITY));
        i -= a;
        j -= b;
        nodes.push((i, j));
    }
    let valid_start = match start {
        End::Fixed => (i, j) == (0, 0),
        End::Free => i == first,
        End::At(column) => (i, j) == (first, column),
    };
    if !valid_start {
        return None;
    }
    nodes.reverse();
    bead_costs.reverse();
    let posteriors = if with_posteriors {
        let bead_cost = |next: usize, s: usize, i: usize, j: usize| {
            if cache {
                costs[next * shape_count + s]
            } else {
                let (a, b) = shapes[s];
                cost(i, i + a, j, j + b, f64::INFINITY)
            }
        };
        let backward = backward_pass(band, shapes, &bead_cost, end, (n, m), inverse_temperature);
        let total = match end {
            End::Fixed | End::At(_) => forward[end_cell],
            End::Free => {
                let r = last - first;
                soft_min(&forward[band.offset[r]..band.offset[r + 1]])
            }
        };
        nodes
            .windows(2)
            .zip(&bead_costs)
            .map(|(w, c)| {
                let (Some(from), Some(to)) =
                    (band.index(w[0].0, w[0].1), band.index(w[1].0, w[1].1))
                else {
                    return 0.0;
                };
                let log_p = total - forward[from] - c * inverse_temperature - backward[to];
                log_p.exp().clamp(0.0, 1.0)
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(BandPath {
        nodes,
        costs: bead_costs,
        posteriors,
    })
}

/// A bead shape as a row of the band sees it: the beads of one row that have this shape start
/// (forward pass) or end (backward pass) on band row `row`, whose cells are `lo..=hi` from
/// index `offset` on.
#[derive(Debug, Clone, Copy)]
struct Step {
    shape: usize,
    a: usize,
    b: usize,
    lo: usize,
    hi: usize,
    offset: usize,
}

impl Step {
    #[inline]
    fn new(band: &Band, shape: usize, (a, b): (usize, usize), row: usize) -> Step {
        Step {
            shape,
            a,
            b,
            lo: band.lo[row],
            hi: band.hi[row],
            offset: band.offset[row],
        }
    }

    /// The cell of column `column` of the step's row, when the band holds it (a column that
    /// wrapped below 0 is above every `hi`).
    #[inline]
    fn cell(&self, column: usize) -> Option<usize> {
        (self.lo <= column && column <= self.hi).then(|| self.offset + column - self.lo)
    }
}

/// `-ln Σ exp(-v)`, stable for large values; infinity for an empty or all-infinite slice.
fn soft_min(values: &[f64]) -> f64 {
    let least = values.iter().copied().fold(f64::INFINITY, f64::min);
    if least == f64::INFINITY {
        return f64::INFINITY;
    }
    let sum: f64 = values
        .iter()
        .map(|v| {
            let d = least - v;
            // exp(-40) is below f64's resolution of a sum that holds 1.
            if d < -40.0 { 0.0 } else { d.exp() }
        })
        .sum();
    least - sum.ln()
}

/// Most bead costs a search keeps for its backward pass (16 M: 128 MB).
const MAX_CACHED_COSTS: usize = 1 << 24;

/// Soft-min cost, in units of the temperature, of reaching the end from every cell.
/// `bead_cost(next, s, i, j)` is the cost of the bead of shape `s` from `(i, j)` to the cell
/// `next`, or infinity when the forward pass found its start unreachable.
fn backward_pass(
    band: &Band,
    shapes: &[(usize, usize)],
    bead_cost: &impl Fn(usize, usize, usize, usize) -> f64,
    end: End,
    (n, m): (usize, usize),
    inverse_temperature: f64,
) -> Vec<f64> {
    let first = band.first_row();
    let last = band.last_row();
    let shape_count = shapes.len();
    let mut backward = vec![f64::INFINITY; band.cells()];
    let mut candidates = Vec::with_capacity(shape_count + 1);
    // The shapes whose beads from the row end inside the band, each with the row they end on.
    let mut steps: Vec<Step> = Vec::with_capacity(shape_count);
    for i in (first..=last).rev() {
        let r = i - first;
        let (lo, hi) = (band.lo[r], band.hi[r]);
        steps.clear();
        steps.extend(
            shapes
                .iter()
                .enumerate()
                .filter(|&(_, &(a, _))| i + a <= last)
                .map(|(s, &(a, b))| Step::new(band, s, (a, b), r + a)),
        );
        for j in (lo..=hi).rev() {
            candidates.clear();
            let is_end = match end {
                End::Fixed => (i, j) == (n, m),
                End::Free => i == last,
                End::At(column) => i == last && j == column,
            };
            if is_end {
                candidates.push(0.0);
            }
            for step in &steps {
                let Some(next) = step.cell(j + step.b) else {
                    continue;
                };
                let s = step.shape;
                if backward[next] == f64::INFINITY {
                    continue;
                }
                let c = bead_cost(next, s, i, j);
                if c == f64::INFINITY {
                    continue;
                }
                candidates.push(backward[next] + c * inverse_temperature);
            }
            backward[band.offset[r] + j - lo] = soft_min(&candidates);
        }
    }
    backward
}

/// Whether any node of `nodes` lies on an inner edge of `band`.
pub(crate) fn touches_edge(band: &Band, nodes: &[(usize, usize)], m: usize) -> bool {
    nodes.iter().any(|&(i, j)| band.on_inner_edge(i, j, m))
}

/// The best path over the whole lattice from `(0, 0)` to `(n, m)` within `band` (which must
/// span rows `0..=n`).
pub(crate) fn best_path(lattice: &Lattice<'_>, band: &Band) -> Option<BandPath> {
    solve(lattice, band, End::Fixed, End::Fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)];

    #[test]
    fn diagonal_wins_when_one_to_one_is_cheap() {
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| {
            if i1 - i0 == 1 && j1 - j0 == 1 && i0 == j0 {
                0.0
            } else {
                5.0
            }
        };
        let path = best_path(
            &Lattice::new(4, 4, &SHAPES, &cost, Some(1.0)),
            &Band::full(4, 4),
        )
        .unwrap();
        assert_eq!(path.nodes, [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
        for p in &path.posteriors {
            assert!(*p > 0.9 && *p <= 1.0);
        }
    }

    #[test]
    fn posteriors_of_two_equal_paths_are_one_half() {
        // 1 German, 2 English; the 1-2 bead and (1-1, 0-1) cost the same in total.
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| match (i1 - i0, j1 - j0) {
            (1, 2) => 2.0,
            (1, 1) => 1.0,
            (0, 1) if j0 == 1 => 1.0,
            _ => 100.0,
        };
        let path = best_path(
            &Lattice::new(1, 2, &SHAPES, &cost, Some(1.0)),
            &Band::full(1, 2),
        )
        .unwrap();
        let first = path.posteriors[0];
        assert!((first - 0.5).abs() < 1e-6, "{first}");
    }

    #[test]
    fn unreachable_end_gives_none() {
        let cost = |_: usize, _: usize, _: usize, _: usize, _: f64| 0.0;
        assert!(
            best_path(
                &Lattice::new(2, 3, &[(1, 1)], &cost, None),
                &Band::full(2, 3)
            )
            .is_none()
        );
        assert!(
            best_path(
                &Lattice::new(0, 0, &[(1, 1)], &cost, Some(1.0)),
                &Band::full(0, 0)
            )
            .is_some()
        );
    }

    #[test]
    fn band_around_a_path_is_monotone_and_holds_it() {
        let path = [(0, 0), (1, 2), (3, 3), (5, 5)];
        let band = Band::around_path(&path, 5, 5, 1, 0..=5);
        for &(i, j) in &path {
            assert!(band.index(i, j).is_some());
        }
        assert!(band.lo.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.hi.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.cells() < 36);
    }

    #[test]
    fn a_window_of_a_band_equals_the_rows_of_the_whole_band() {
        let path: Vec<(usize, usize)> = (0..=40).map(|k| (k, (k * 3 / 2).min(50))).collect();
        let path = [path, vec![(40, 60)]].concat();
        let whole = Band::around_path(&path, 40, 60, 3, 0..=40);
        let window = Band::around_path(&path, 40, 60, 3, 10..=25);
        for i in 10..=25 {
            for j in 0..=60 {
                assert_eq!(
                    whole.index(i, j).is_some(),
                    window.index(i, j).is_some(),
                    "({i}, {j})"
                );
            }
        }
    }

    #[test]
    fn free_ends_find_the_cheap_diagonal_inside_a_window() {
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| {
            if i1 - i0 == 1 && j1 - j0 == 1 && i0 == j0 {
                0.0
            } else {
                5.0
            }
        };
        let guide: Vec<(usize, usize)> = (0..=30).map(|k| (k, k)).collect();
        let band = Band::around_path(&guide, 30, 30, 2, 10..=20);
        let lattice = Lattice::new(30, 30, &SHAPES, &cost, Some(1.0));
        let path = solve(&lattice, &band, End::Free, End::Free).unwrap();
        assert_eq!(path.nodes.first(), Some(&(10, 10)));
        assert_eq!(path.nodes.last(), Some(&(20, 20)));
        assert!(path.posteriors.iter().all(|p| *p > 0.9));
        // A fixed start needs row 0.
        assert!(
            solve(
                &Lattice::new(30, 30, &SHAPES, &cost, None),
                &band,
                End::Fixed,
                End::Free
            )
            .is_none()
        );
    }

    #[test]
    fn cutoffs_change_neither_the_path_nor_the_posteriors() {
        // A length-like cost with ties and near-ties; the second function gives up on every
        // bead above the cutoff, as a cost function may.
        let exact = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| {
            let (a, b) = ((i1 - i0) as f64, (j1 - j0) as f64);
            let noise = ((i0 * 7 + j0 * 13) % 5) as f64 * 0.3;
            (a - b).abs() * 2.0 + (a + b - 2.0).abs() + noise
        };
        let pruning = |i0: usize, i1: usize, j0: usize, j1: usize, cutoff: f64| {
            let c = exact(i0, i1, j0, j1, f64::INFINITY);
            if c > cutoff { f64::INFINITY } else { c }
        };
        let band = Band::full(30, 33);
        let a = best_path(&Lattice::new(30, 33, &SHAPES, &exact, Some(1.0)), &band).unwrap();
        let b = best_path(&Lattice::new(30, 33, &SHAPES, &pruning, Some(1.0)), &band).unwrap();
        assert_eq!(a.nodes, b.nodes);
        assert_eq!(a.costs, b.costs);
        for (p, q) in a.posteriors.iter().zip(&b.posteriors) {
            assert!((p - q).abs() < 1e-5, "{p} vs {q}");
        }
    }
}
