//! A guide that follows long gaps.
//!
//! The coarse levels see only lengths. Blocks of many sentences have nearly the same length
//! whether they are aligned or not, so across a long omission (a thousand English sentences
//! with no German) the coarse path does not jump: it drifts from the offset before the gap to
//! the offset after it over thousands of rows, and the fine band around it holds neither the
//! diagonal before the gap nor the one after it. Each such drift is found on the coarse path
//! (a stretch where the difference `English − German` of the sentences consumed changes by at
//! least [`MIN_GAP`] within [`STEP`] rows), and a second guide is built for it with the real
//! cost function: the diagonal before the drift, one jump, and the diagonal after it, the jump
//! put where the 1-1 beads of the two diagonals cost least. The drift is not always a gap (a
//! long run of merges drifts too), so the fine model decides: the stretch is searched in a
//! narrow band around either guide, and the jump is kept only when its path costs less.

use super::config::SearchConfig;
use super::lattice::Lattice;
use super::windows::window_path;

/// The least change of `English − German` that a drift must show to be taken for a gap.
const MIN_GAP: usize = 32;

/// Rows over which a drift of [`MIN_GAP`] is looked for; also how far a drift's stretch is
/// extended on each side to reach the diagonals around it.
const STEP: usize = 256;

/// `guide` with every drift that a jump explains better (under `lattice`'s costs) replaced
/// by that jump.
pub(super) fn follow_gaps(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
) -> Vec<(usize, usize)> {
    let drifts = drifts(guide, lattice.n);
    if drifts.is_empty() {
        return guide.to_vec();
    }
    let mut result: Vec<(usize, usize)> = Vec::with_capacity(guide.len());
    let mut next = 0usize;
    for (from, to) in drifts {
        let (start, end) = (guide[from], guide[to]);
        let Some(jump) = jump_path(lattice, start, end) else {
            continue;
        };
        let mut candidate: Vec<(usize, usize)> = guide[..from].to_vec();
        candidate.extend_from_slice(&jump);
        candidate.extend_from_slice(&guide[to + 1..]);
        let ok = costs_less(lattice, &candidate, guide, config, (start.0, end.0));
        if ok {
            result.extend_from_slice(&guide[next..from]);
            result.extend_from_slice(&jump);
            next = to + 1;
        }
    }
    result.extend_from_slice(&guide[next..]);
    result
}

/// The stretches of `guide` (node positions `from..=to`) along which it drifts, in order and
/// apart.
fn drifts(guide: &[(usize, usize)], n: usize) -> Vec<(usize, usize)> {
    let excess = |k: usize| guide[k].1 as i64 - guide[k].0 as i64;
    // Rows where a drift starts, as row ranges, merged when they touch.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut ahead = 0usize;
    for k in 0..guide.len() {
        let row = guide[k].0;
        while ahead + 1 < guide.len() && guide[ahead].0 < row + STEP {
            ahead += 1;
        }
        if excess(ahead).abs_diff(excess(k)) as usize >= MIN_GAP {
            let (low, high) = (row.saturating_sub(STEP), (guide[ahead].0 + STEP).min(n));
            match rows.last_mut() {
                Some(last) if low <= last.1 => last.1 = last.1.max(high),
                _ => rows.push((low, high)),
            }
        }
    }
    rows.into_iter()
        .filter_map(|(low, high)| {
            let from = guide
                .partition_point(|&(i, _)| i < low)
                .min(guide.len() - 1);
            let to = guide.partition_point(|&(i, _)| i <= high).saturating_sub(1);
            (from < to).then_some((from, to))
        })
        .collect()
}

/// The path from `start` to `end` along the diagonal through `start`, one run of skipped
/// sentences, and the diagonal through `end`, the run placed where the 1-1 beads of both
/// diagonals cost least; `None` when there is no drift to explain.
fn jump_path(
    lattice: &Lattice<'_>,
    start: (usize, usize),
    end: (usize, usize),
) -> Option<Vec<(usize, usize)>> {
    let (rows, columns) = (end.0 - start.0, end.1 - start.1);
    if rows.abs_diff(columns) < MIN_GAP {
        return None;
    }
    // The diagonal is as long as the shorter side; the jump crosses the difference.
    let length = rows.min(columns);
    let (down, right) = (rows - length, columns - length);
    let cost = lattice.cost;
    let one_to_one = |i: usize, j: usize| {
        let c = cost(i, i + 1, j, j + 1, f64::INFINITY);
        if c.is_finite() { c } else { 1e6 }
    };
    // cost[r] = the diagonal through `start` for r beads, then the one through `end`.
    let mut before = 0.0;
    let after_total: f64 = (0..length)
        .map(|k| one_to_one(start.0 + down + k, start.1 + right + k))
        .sum();
    let mut after = after_total;
    let (mut best, mut best_at) = (after, 0usize);
    for r in 0..length {
        before += one_to_one(start.0 + r, start.1 + r);
        after -= one_to_one(start.0 + down + r, start.1 + right + r);
        if before + after < best {
            best = before + after;
            best_at = r + 1;
        }
    }
    let mut nodes: Vec<(usize, usize)> =
        (0..=best_at).map(|k| (start.0 + k, start.1 + k)).collect();
    nodes.extend((best_at..=length).map(|k| (start.0 + down + k, start.1 + right + k)));
    nodes.dedup();
    Some(nodes)
}

/// Whether the rows `first..=last` (widened by a window margin) cost less in a narrow band
/// around `candidate` than around `guide`.
fn costs_less(
    lattice: &Lattice<'_>,
    candidate: &[(usize, usize)],
    guide: &[(usize, usize)],
    config: &SearchConfig,
    (first, last): (usize, usize),
) -> bool {
    let best_only = Lattice {
        temperature: None,
        ..*lattice
    };
    let narrow = SearchConfig {
        max_band_width: config.band_width,
        ..config.clone()
    };
    let margin = config.window_margin.max(1);
    let rows = (first.saturating_sub(margin), (last + margin).min(lattice.n));
    let cost = |path: &[(usize, usize)]| {
        window_path(&best_only, path, &narrow, config.band_width, rows, margin)
            .map_or(f64::INFINITY, |w| w.path.costs.iter().sum::<f64>())
    };
    cost(candidate) < cost(guide)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_drift_is_found_and_a_straight_path_is_not() {
        let straight: Vec<(usize, usize)> = (0..=2000).map(|k| (k, k)).collect();
        assert!(drifts(&straight, 2000).is_empty());
        // 1-1 up to row 1000, then 400 English sentences over 800 rows, then 1-1.
        let mut drifting: Vec<(usize, usize)> = (0..1000).map(|k| (k, k)).collect();
        drifting.extend((0..800).map(|k| (1000 + k, 1000 + k + k / 2)));
        drifting.extend((1800..=3000).map(|k| (k, k + 400)));
        let found = drifts(&drifting, 3000);
        assert_eq!(found.len(), 1);
        let (from, to) = found[0];
        assert!(
            drifting[from].0 <= 1000 && drifting[to].0 >= 1800,
            "{found:?}"
        );
    }

    #[test]
    fn the_jump_lands_where_the_two_diagonals_meet() {
        // German 0..300 renders English 0..300 and 400..600: 100 English sentences missing.
        let cost = |i0: usize, i1: usize, j0: usize, j1: usize, _: f64| {
            let (a, b) = (i1 - i0, j1 - j0);
            let right = if i0 < 300 { j0 == i0 } else { j0 == i0 + 100 };
            match (a, b) {
                (1, 1) if right => 0.0,
                (1, 1) => 5.0,
                _ => 4.0 * (a + b) as f64,
            }
        };
        let shapes = [(1, 1), (1, 0), (0, 1)];
        let lattice = Lattice::new(500, 600, &shapes, &cost, None);
        let nodes = jump_path(&lattice, (100, 100), (500, 600)).unwrap();
        assert_eq!(nodes.first(), Some(&(100, 100)));
        assert_eq!(nodes.last(), Some(&(500, 600)));
        assert!(
            nodes.contains(&(300, 300)) && nodes.contains(&(300, 400)),
            "{nodes:?}"
        );
        assert!(
            nodes
                .windows(2)
                .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1)
        );
    }
}
