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
        let Some(jump) = jump_path(lattice, &guide[from..=to]) else {
            continue;
        };
        if jump[..] == guide[from..=to] {
            // The guide makes this jump already.
            continue;
        }
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
/// apart. A drift's core is a run of rows where `English − German` changes by at least
/// [`MIN_GAP`] within [`STEP`] rows (a jump the guide already makes counts too: the fine
/// model checks where it lands); each core reaches [`STEP`] rows further on each side to the
/// diagonals around it, but never past the middle between it and the next core, so that
/// every stretch holds one drift and one jump can explain it. (Stretches that reached into
/// each other would merge several gaps into one, which no single jump explains.)
fn drifts(guide: &[(usize, usize)], n: usize) -> Vec<(usize, usize)> {
    let excess = |k: usize| guide[k].1 as i64 - guide[k].0 as i64;
    // The cores, as row ranges, merged when they overlap.
    let mut cores: Vec<(usize, usize)> = Vec::new();
    let mut ahead = 0usize;
    for k in 0..guide.len() {
        let row = guide[k].0;
        while ahead + 1 < guide.len() && guide[ahead + 1].0 < row + STEP {
            ahead += 1;
        }
        if excess(ahead).abs_diff(excess(k)) as usize >= MIN_GAP {
            let (low, high) = (row, guide[ahead].0);
            match cores.last_mut() {
                Some(last) if low <= last.1 => last.1 = last.1.max(high),
                _ => cores.push((low, high)),
            }
        }
    }
    let stretches: Vec<(usize, usize)> = cores
        .iter()
        .enumerate()
        .map(|(c, &(low, high))| {
            let floor = c
                .checked_sub(1)
                .map_or(0, |p| cores[p].1 + (low - cores[p].1) / 2);
            let ceiling = cores
                .get(c + 1)
                .map_or(n, |next| high + (next.0 - high) / 2);
            (
                low.saturating_sub(STEP).max(floor),
                (high + STEP).min(ceiling),
            )
        })
        .collect();
    // Node positions, each stretch starting after the last node of the one before.
    let mut found: Vec<(usize, usize)> = Vec::with_capacity(stretches.len());
    for (low, high) in stretches {
        let from = guide
            .partition_point(|&(i, _)| i < low)
            .max(found.last().map_or(0, |&(_, to)| to + 1))
            .min(guide.len() - 1);
        let to = guide.partition_point(|&(i, _)| i <= high).saturating_sub(1);
        if from < to {
            found.push((from, to));
        }
    }
    found
}

/// How far, in sentences, a diagonal may lie from the guide where it is read: the guide has
/// the resolution of the finest coarse level (blocks of two), and a merge nearby shifts it by
/// one or two more.
const DIAGONAL_SLACK: i64 = 8;

/// Most rows of a stretch at which its diagonals are read (each gives one from the guide and
/// one from a scan), so that a stretch's jumps choose among at most `2 + 2 × 48` diagonals.
const MAX_DIAGONALS: usize = 48;

/// Rows summed to tell a diagonal in a scan.
const SCAN_ROWS: usize = 4;

/// Most 1-1 bead costs the scans of one stretch compute.
const SCAN_BUDGET: usize = 1 << 21;

/// Most further offsets a scan gives that fit its rows as well as its best one (so that a
/// stretch's programme chooses among at most `2 + 48 + 3 × 48` diagonals: a type of `u8`).
const MAX_TIED_OFFSETS: usize = 2;

/// How much more than the best offset's 1-1 beads another offset's may cost in a scan and
/// still count as fitting as well: the rounding of a sum of a few costs.
const TIE_TOLERANCE: f64 = 1e-9;

/// The path from the first to the last node of `stretch` (a part of the guide that drifts)
/// made of straight 1-1 diagonals and the runs of skipped sentences between them; `None` when
/// there is no drift to explain. The diagonals are read off the guide at evenly spaced rows
/// (at most [`MAX_DIAGONALS`], each moved by up to [`DIAGONAL_SLACK`] to where its 1-1 beads
/// nearby cost least), and a dynamic programme over the rows and these diagonals puts the
/// jumps where the 1-1 beads plus the runs of skipped sentences cost least: a stretch with
/// several gaps gets a jump for each. The work is the stretch's rows times the diagonals.
fn jump_path(lattice: &Lattice<'_>, stretch: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
    let (&start, &end) = (stretch.first()?, stretch.last()?);
    let (rows, columns) = (end.0 - start.0, end.1 - start.1);
    if rows.abs_diff(columns) < MIN_GAP {
        return None;
    }
    // The programme runs along the side with fewer sentences (the major side), so that the
    // runs it jumps are on the other side (the gaps of a net drift).
    let transposed = columns < rows;
    let to_cell = |(u, v): (i64, i64)| -> (usize, usize) {
        if transposed {
            (v as usize, u as usize)
        } else {
            (u as usize, v as usize)
        }
    };
    let to_uv = |(i, j): (usize, usize)| -> (i64, i64) {
        if transposed {
            (j as i64, i as i64)
        } else {
            (i as i64, j as i64)
        }
    };
    let cost = lattice.cost;
    let (u0, v0) = to_uv(start);
    let (u1, v1) = to_uv(end);
    // The 1-1 bead at (u, v), priced high outside the stretch.
    let one_to_one = |u: i64, v: i64| {
        if u < u0 || v < v0 || u >= u1 || v >= v1 {
            return 1e6;
        }
        let (i, j) = to_cell((u, v));
        let c = cost(i, i + 1, j, j + 1, f64::INFINITY);
        if c.is_finite() { c } else { 1e6 }
    };
    // A run of `k` skipped sentences of the minor side: the first costs `open`, each further
    // one `extend`, as the real cost function prices them where the stretch starts.
    let skip = |k: usize| {
        let (i, j) = start;
        let c = if transposed {
            cost(i, i + k, j, j, f64::INFINITY)
        } else {
            cost(i, i, j, j + k, f64::INFINITY)
        };
        if c.is_finite() { c } else { 1e3 }
    };
    let open = skip(1).clamp(0.1, 1e3);
    let extend = (skip(2) - skip(1)).clamp(0.01, open);
    let jump = |delta: i64| {
        if delta == 0 {
            0.0
        } else {
            open + extend * (delta.abs() - 1) as f64
        }
    };
    let major = u1 - u0;
    // The diagonals: the guide's offset every `spacing` rows, each moved to its best fit.
    let spacing = (major as usize).div_ceil(MAX_DIAGONALS).max(1) as i64;
    let probe = spacing.clamp(8, 64);
    let best_offset = |offset: i64, around: i64| {
        let low = (around - probe / 2).clamp(u0, (u1 - probe).max(u0));
        let high = (low + probe).min(u1);
        (-DIAGONAL_SLACK..=DIAGONAL_SLACK)
            .map(|shift| {
                let total: f64 = (low..high).map(|u| one_to_one(u, u + offset + shift)).sum();
                (total, shift.abs(), offset + shift)
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map_or(offset, |(_, _, d)| d)
    };
    let mut offsets: Vec<i64> = vec![best_offset(v0 - u0, u0), best_offset(v1 - u1, u1)];
    // Between the ends, each sampled row's diagonal is the best over every offset the
    // stretch spans (a gap's diagonal may lie far from where the drifting guide passes), as
    // long as that scan fits [`SCAN_BUDGET`]; beyond it, the guide's offset there, fitted.
    let (low, high) = (
        offsets[0].min(offsets[1]) - DIAGONAL_SLACK,
        offsets[0].max(offsets[1]) + DIAGONAL_SLACK,
    );
    let scan_cost = (high - low + 1) as usize * SCAN_ROWS;
    let scanned = (SCAN_BUDGET / scan_cost.max(1)).min(MAX_DIAGONALS);
    // A scan gives the best offset, and the other offsets that fit as well (text repeated
    // with a period makes diagonals a period apart tie): a gap's diagonal is among them even
    // when a copy of it lies nearer the start.
    let scan = |u: i64| -> Vec<i64> {
        let u = u.clamp(u0, (u1 - SCAN_ROWS as i64).max(u0));
        let totals: Vec<(f64, i64)> = (low..=high)
            .map(|d| {
                let total: f64 = (u..u + SCAN_ROWS as i64)
                    .map(|r| one_to_one(r, r + d))
                    .sum();
                (total, d)
            })
            .collect();
        let Some(&(least, best)) = totals.iter().min_by(|a, b| a.0.total_cmp(&b.0)) else {
            return Vec::new();
        };
        let mut found = vec![best];
        let mut last_tie: Option<i64> = None;
        for &(total, d) in &totals {
            if found.len() > MAX_TIED_OFFSETS {
                break;
            }
            let apart = |other: i64| other.abs_diff(d) > 2 * DIAGONAL_SLACK as u64;
            if total <= least + TIE_TOLERANCE && apart(best) && last_tie.is_none_or(apart) {
                found.push(d);
                last_tie = Some(d);
            }
        }
        found
    };
    let mut next_row = u0 + spacing;
    let mut sampled = 0usize;
    for &node in stretch {
        let (u, v) = to_uv(node);
        if u >= next_row && u < u1 {
            offsets.push(best_offset(v - u, u));
            if sampled < scanned {
                offsets.extend(scan(u));
                sampled += 1;
            }
            next_row = u + spacing;
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    let count = offsets.len();
    // best[c]: the least cost of reaching row u on diagonal c; back[(u - u0) * count + c]:
    // the diagonal the path was on at the row before.
    let mut best: Vec<f64> = offsets.iter().map(|&d| jump(d - (v0 - u0))).collect();
    let mut back: Vec<u8> = vec![0; major as usize * count];
    debug_assert!(count <= usize::from(u8::MAX));
    let (mut left, mut right) = (vec![0.0f64; count], vec![0.0f64; count]);
    let (mut left_at, mut right_at) = (vec![0usize; count], vec![0usize; count]);
    for u in u0..u1 {
        // The cheapest diagonal to jump from, for each diagonal: two sweeps, since a jump
        // costs in proportion to its length.
        for c in 0..count {
            (left[c], left_at[c]) = (best[c], c);
            if c > 0 {
                let through = left[c - 1] + extend * (offsets[c] - offsets[c - 1]) as f64;
                if through < left[c] {
                    (left[c], left_at[c]) = (through, left_at[c - 1]);
                }
            }
        }
        for c in (0..count).rev() {
            (right[c], right_at[c]) = (best[c], c);
            if c + 1 < count {
                let through = right[c + 1] + extend * (offsets[c + 1] - offsets[c]) as f64;
                if through < right[c] {
                    (right[c], right_at[c]) = (through, right_at[c + 1]);
                }
            }
        }
        let row = (u - u0) as usize * count;
        for c in 0..count {
            let (far, far_at) = if left[c] <= right[c] {
                (left[c], left_at[c])
            } else {
                (right[c], right_at[c])
            };
            // A jump pays `open` for its first sentence; the sweeps priced the rest.
            let moved = far + open - extend;
            let (from_cost, from) = if far_at != c && moved < best[c] {
                (moved, far_at)
            } else {
                (best[c], c)
            };
            back[row + c] = from as u8;
            best[c] = from_cost + one_to_one(u, u + offsets[c]);
        }
    }
    let last = (0..count).min_by(|&a, &b| {
        let total = |c: usize| best[c] + jump((v1 - u1) - offsets[c]);
        total(a).total_cmp(&total(b))
    })?;
    // The diagonal of each row, traced back.
    let mut chosen = vec![0usize; major as usize];
    let mut c = last;
    for u in (0..major as usize).rev() {
        chosen[u] = c;
        c = back[u * count + c] as usize;
    }
    // The nodes: each row's 1-1 bead on its diagonal, reached by a run of skipped minor
    // sentences when the diagonal lies ahead, or by skipped major rows when it lies behind.
    let mut nodes: Vec<(usize, usize)> = vec![start];
    let (mut u, mut v) = (u0, v0);
    for &c in &chosen {
        let target = u + offsets[c];
        if target >= v && target < v1 {
            if target > v {
                nodes.push(to_cell((u, target)));
            }
            v = target + 1;
        }
        u += 1;
        nodes.push(to_cell((u, v)));
    }
    nodes.push(end);
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
        let guide: Vec<(usize, usize)> = (0..=400).map(|k| (100 + k, 100 + k * 5 / 4)).collect();
        let nodes = jump_path(&lattice, &guide).unwrap();
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
