//! The dynamic-programming core: best path and bead posteriors over a band of cells.
//!
//! Cell `(i, j)` means "the first `i` German and the first `j` English units are aligned".
//! A bead of shape `(a, b)` moves from `(i - a, j - b)` to `(i, j)`. The band restricts every
//! row `i` to a contiguous run of columns `lo[i]..=hi[i]` with `lo` and `hi` non-decreasing, so
//! memory and time grow with the number of cells in the band, never with `n × m` unless the
//! band is full.

/// A set of cells: row `i` holds columns `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    /// Every cell of the `(n + 1) × (m + 1)` lattice.
    pub(crate) fn full(n: usize, m: usize) -> Band {
        Band::new(vec![0; n + 1], vec![m; n + 1])
    }

    fn new(lo: Vec<usize>, hi: Vec<usize>) -> Band {
        let mut offset = Vec::with_capacity(lo.len() + 1);
        let mut total = 0;
        for (l, h) in lo.iter().zip(&hi) {
            offset.push(total);
            total += h - l + 1;
        }
        offset.push(total);
        Band { lo, hi, offset }
    }

    /// The cells within `width` rows and columns of a monotone path from `(0, 0)` to `(n, m)`
    /// (given as its nodes).
    pub(crate) fn around_path(path: &[(usize, usize)], n: usize, m: usize, width: usize) -> Band {
        let mut raw_lo = vec![usize::MAX; n + 1];
        let mut raw_hi = vec![0usize; n + 1];
        let mut touch = |i: usize, j0: usize, j1: usize| {
            let i = i.min(n);
            raw_lo[i] = raw_lo[i].min(j0.min(m));
            raw_hi[i] = raw_hi[i].max(j1.min(m));
        };
        touch(0, 0, 0);
        touch(n, m, m);
        for pair in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
            for i in i0..=i1.min(n) {
                touch(i, j0, j1);
            }
        }
        // Rows the path skipped (it cannot, but stay safe) inherit from their neighbours.
        for i in 1..=n {
            if raw_lo[i] == usize::MAX {
                raw_lo[i] = raw_hi[i - 1];
                raw_hi[i] = raw_hi[i].max(raw_hi[i - 1]);
            }
        }
        for i in 1..=n {
            raw_lo[i] = raw_lo[i].max(raw_lo[i - 1]).min(raw_hi[i]);
            raw_hi[i] = raw_hi[i].max(raw_hi[i - 1]);
        }
        let lo = (0..=n)
            .map(|i| raw_lo[i.saturating_sub(width)].saturating_sub(width))
            .collect();
        let hi = (0..=n)
            .map(|i| (raw_hi[(i + width).min(n)] + width).min(m))
            .collect();
        Band::new(lo, hi)
    }

    pub(crate) fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    #[inline]
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = (*self.lo.get(i)?, self.hi[i]);
        (lo <= j && j <= hi).then(|| self.offset[i] + j - lo)
    }

    /// Whether `(i, j)` lies on the band's edge where the band does not end at the lattice's.
    fn on_inner_edge(&self, i: usize, j: usize, m: usize) -> bool {
        (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < m)
    }
}

/// The best path found in a band.
#[derive(Debug, Clone)]
pub(crate) struct BandPath {
    /// Path nodes from `(0, 0)` to `(n, m)`.
    pub(crate) nodes: Vec<(usize, usize)>,
    /// Cost of each bead (between consecutive nodes).
    pub(crate) costs: Vec<f64>,
    /// Posterior probability of each bead, when asked for.
    pub(crate) posteriors: Vec<f64>,
    /// Whether the path runs along an inner edge of the band (the band may have been too narrow).
    pub(crate) touches_edge: bool,
}

/// Finds the least-cost path through `band` and, with `temperature`, the posterior of each of
/// its beads. `cost(i0, i1, j0, j1)` is the cost of the bead of units `i0..i1` and `j0..j1`.
/// Returns `None` when no path reaches `(n, m)`.
pub(crate) fn best_path(
    n: usize,
    m: usize,
    shapes: &[(usize, usize)],
    band: &Band,
    cost: &dyn Fn(usize, usize, usize, usize) -> f64,
    temperature: Option<f64>,
) -> Option<BandPath> {
    let cells = band.cells();
    let mut best = vec![f64::INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    let mut forward = if temperature.is_some() {
        vec![f64::INFINITY; cells]
    } else {
        Vec::new()
    };
    let inverse_temperature = temperature.map_or(1.0, |t| 1.0 / t);
    let mut candidates = Vec::with_capacity(shapes.len());
    best[0] = 0.0;
    if !forward.is_empty() {
        forward[0] = 0.0;
    }
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let here = band.offset[i] + j - band.lo[i];
            let mut cell_best = f64::INFINITY;
            let mut cell_back = u8::MAX;
            candidates.clear();
            for (s, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(previous) = band.index(i - a, j - b) else {
                    continue;
                };
                if best[previous] == f64::INFINITY
                    && (forward.is_empty() || forward[previous] == f64::INFINITY)
                {
                    continue;
                }
                let c = cost(i - a, i, j - b, j);
                let total = best[previous] + c;
                if total < cell_best {
                    cell_best = total;
                    cell_back = s as u8;
                }
                if !forward.is_empty() {
                    candidates.push(forward[previous] + c * inverse_temperature);
                }
            }
            best[here] = cell_best;
            back[here] = cell_back;
            if !forward.is_empty() {
                forward[here] = soft_min(&candidates);
            }
        }
    }
    let end = band.index(n, m)?;
    if best[end] == f64::INFINITY {
        return None;
    }
    // Trace back.
    let mut nodes = vec![(n, m)];
    let mut touches_edge = false;
    let (mut i, mut j) = (n, m);
    while (i, j) != (0, 0) {
        let here = band.index(i, j)?;
        let (a, b) = *shapes.get(back[here] as usize)?;
        i -= a;
        j -= b;
        touches_edge |= band.on_inner_edge(i, j, m);
        nodes.push((i, j));
    }
    nodes.reverse();
    let costs: Vec<f64> = nodes
        .windows(2)
        .map(|w| cost(w[0].0, w[1].0, w[0].1, w[1].1))
        .collect();
    let posteriors = match temperature {
        Some(_) => {
            let backward = backward_pass(n, m, shapes, band, cost, inverse_temperature);
            let total = forward[end];
            nodes
                .windows(2)
                .zip(&costs)
                .map(|(w, c)| {
                    let from = band.index(w[0].0, w[0].1).unwrap_or(0);
                    let to = band.index(w[1].0, w[1].1).unwrap_or(end);
                    let log_p = total - forward[from] - c * inverse_temperature - backward[to];
                    log_p.exp().clamp(0.0, 1.0)
                })
                .collect()
        }
        None => Vec::new(),
    };
    Some(BandPath {
        nodes,
        costs,
        posteriors,
        touches_edge,
    })
}

/// `-ln Σ exp(-v)`, stable for large values; infinity for an empty or all-infinite slice.
fn soft_min(values: &[f64]) -> f64 {
    let least = values.iter().copied().fold(f64::INFINITY, f64::min);
    if least == f64::INFINITY {
        return f64::INFINITY;
    }
    let sum: f64 = values.iter().map(|v| (least - v).exp()).sum();
    least - sum.ln()
}

/// Soft-min cost of reaching `(n, m)` from every cell, in units of the temperature.
fn backward_pass(
    n: usize,
    m: usize,
    shapes: &[(usize, usize)],
    band: &Band,
    cost: &dyn Fn(usize, usize, usize, usize) -> f64,
    inverse_temperature: f64,
) -> Vec<f64> {
    let mut backward = vec![f64::INFINITY; band.cells()];
    let mut candidates = Vec::with_capacity(shapes.len());
    if let Some(end) = band.index(n, m) {
        backward[end] = 0.0;
    }
    for i in (0..=n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            if i == n && j == m {
                continue;
            }
            candidates.clear();
            for &(a, b) in shapes {
                let Some(next) = band.index(i + a, j + b) else {
                    continue;
                };
                if j + b > m || backward[next] == f64::INFINITY {
                    continue;
                }
                candidates.push(backward[next] + cost(i, i + a, j, j + b) * inverse_temperature);
            }
            backward[band.offset[i] + j - band.lo[i]] = soft_min(&candidates);
        }
    }
    backward
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)];

    #[test]
    fn diagonal_wins_when_one_to_one_is_cheap() {
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize| {
            if i1 - i0 == 1 && j1 - j0 == 1 && i0 == j0 {
                0.0
            } else {
                5.0
            }
        };
        let path = best_path(4, 4, &SHAPES, &Band::full(4, 4), &cost, Some(1.0)).unwrap();
        assert_eq!(path.nodes, [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
        for p in &path.posteriors {
            assert!(*p > 0.9 && *p <= 1.0);
        }
    }

    #[test]
    fn posteriors_of_two_equal_paths_are_one_half() {
        // 1 German, 2 English; the 1-2 bead and (1-1, 0-1) cost the same in total.
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize| match (i1 - i0, j1 - j0) {
            (1, 2) => 2.0,
            (1, 1) => 1.0,
            (0, 1) if j0 == 1 => 1.0,
            _ => 100.0,
        };
        let path = best_path(1, 2, &SHAPES, &Band::full(1, 2), &cost, Some(1.0)).unwrap();
        let first = path.posteriors[0];
        assert!((first - 0.5).abs() < 1e-6, "{first}");
    }

    #[test]
    fn unreachable_end_gives_none() {
        let cost = |_: usize, _: usize, _: usize, _: usize| 0.0;
        assert!(best_path(2, 3, &[(1, 1)], &Band::full(2, 3), &cost, None).is_none());
        assert!(best_path(0, 0, &[(1, 1)], &Band::full(0, 0), &cost, Some(1.0)).is_some());
    }

    #[test]
    fn band_around_a_path_is_monotone_and_holds_it() {
        let path = [(0, 0), (1, 2), (3, 3), (5, 5)];
        let band = Band::around_path(&path, 5, 5, 1);
        for &(i, j) in &path {
            assert!(band.index(i, j).is_some());
        }
        assert!(band.lo.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.hi.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.cells() < 36);
    }
}
