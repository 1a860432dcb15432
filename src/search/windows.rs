//! Windows: a level cut into overlapping windows searched independently (in parallel with
//! the `rayon` feature), each widening its band while its path runs along the edge, joined at
//! shared nodes or bridged.

use super::config::SearchConfig;
use super::lattice::{Band, BandPath, End, Lattice, best_path, solve, touches_edge};

/// One window's result: its rows and its best path.
pub(super) struct WindowPath {
    pub(super) path: BandPath,
}

/// The best path in a band of `width` around `guide`, searched window by window.
pub(super) fn banded_path(
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
        let pin = |node: (usize, usize), core_end: usize| {
            let last = (core_end + margin).min(n);
            pinned_window_path(lattice, guide, config, width, node, last, margin)
        };
        let join_at = |before: &[(usize, usize)], node: (usize, usize), next: &BandPath| {
            let reach = margin;
            joining_path(
                lattice,
                config,
                width,
                (before, node),
                &next.nodes,
                reach,
                margin,
            )
        };
        if let Some(path) = join(windows, &cores, margin, lattice, &join_at, &pin) {
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
pub(super) fn window_path(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
    width: usize,
    (first, last): (usize, usize),
    margin: usize,
) -> Option<WindowPath> {
    let start = if first == 0 { End::Fixed } else { End::Free };
    let ends = (start, window_end(lattice, last));
    search_window(lattice, guide, config, width, (first, last), ends, margin)
}

/// How a window whose last row is `last` ends: fixed at the lattice's end, free before it.
fn window_end(lattice: &Lattice<'_>, last: usize) -> End {
    if last == lattice.n {
        End::Fixed
    } else {
        End::Free
    }
}

/// Like [`window_path`], but the path starts at `node` (a node of the window before, where
/// the two windows' paths did not meet), so that it joins that window's path there.
fn pinned_window_path(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
    width: usize,
    node: (usize, usize),
    last: usize,
    margin: usize,
) -> Option<WindowPath> {
    let start = if node == (0, 0) {
        End::Fixed
    } else {
        End::At(node.1)
    };
    let ends = (start, window_end(lattice, last));
    search_window(lattice, guide, config, width, (node.0, last), ends, margin)
}

/// The best path from node `start` (on the path of one window) to a node of `next` (the
/// path of the window after it) at least `reach` rows further on, searched like a window in
/// a band around the first path up to `start` and `next` from there: where two windows'
/// paths do not meet, this joins them over a stretch of `reach` rows instead of searching
/// the whole second window again. `None` when `next` has no such node or no path joins
/// them; also the position of the node in `next`.
#[allow(clippy::too_many_arguments)]
fn joining_path(
    lattice: &Lattice<'_>,
    config: &SearchConfig,
    width: usize,
    (before, start): (&[(usize, usize)], (usize, usize)),
    next: &[(usize, usize)],
    reach: usize,
    margin: usize,
) -> Option<(usize, BandPath)> {
    let y = next
        .iter()
        .position(|&(i, j)| i >= start.0 + reach && j >= start.1)?;
    let end = next[y];
    if end.0 == lattice.n || start == (0, 0) {
        return None;
    }
    // The guide: the first path up to `start`, then the second from where it passes `start`,
    // held to columns from `start`'s on (a monotone path).
    let mut guide: Vec<(usize, usize)> = before.to_vec();
    let from = next.partition_point(|&(i, _)| i <= start.0);
    guide.extend(next[from..].iter().map(|&(i, j)| (i, j.max(start.1))));
    guide.dedup();
    let path = search_window(
        lattice,
        &guide,
        config,
        width,
        (start.0, end.0),
        (End::At(start.1), End::At(end.1)),
        margin,
    )?
    .path;
    (path.nodes.first() == Some(&start) && path.nodes.last() == Some(&end)).then_some((y, path))
}

/// Searches the rows `first..=last` from `start` (fixed, free, or a given cell of row
/// `first`), doubling the band while the path runs along its edge (away from the free rows)
/// and the band may still grow.
fn search_window(
    lattice: &Lattice<'_>,
    guide: &[(usize, usize)],
    config: &SearchConfig,
    mut width: usize,
    (first, last): (usize, usize),
    (start, end): (End, End),
    margin: usize,
) -> Option<WindowPath> {
    let (n, m) = (lattice.n, lattice.m);
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
    // The inner nodes of the last path, to tell whether widening changed it.
    let mut previous: Option<Vec<(usize, usize)>> = None;
    // The cost of the last path, to tell whether widening found a cheaper one.
    let mut previous_cost: Option<f64> = None;
    // The first and last nodes of the last path, to price how far a wider band's path moved
    // its free ends (see [`moved_ends_cost`]).
    let mut previous_ends: Option<((usize, usize), (usize, usize))> = None;
    // The cells this window may search at most (see [`CELLS_PER_UNIT`]).
    let mut budget: Option<usize> = None;
    loop {
        let band = Band::around_path(guide, n, m, width, first..=last);
        let band = match start {
            End::At(column) => band.holding_start(column),
            End::Fixed | End::Free => band,
        };
        let band = match end {
            End::At(column) => band.holding_end(column),
            End::Fixed | End::Free => band,
        };
        let full_width = band.cells() >= (last - first + 1) * (m + 1);
        let found = solve(lattice, &band, start, end);
        let (widen, inner) = match &found {
            Some(path) => {
                let inner: Vec<(usize, usize)> = path
                    .nodes
                    .iter()
                    .copied()
                    .filter(|&(i, _)| (inner_first..=inner_last).contains(&i))
                    .collect();
                (touches_edge(&band, &inner, m), Some(inner))
            }
            None => (true, None),
        };
        // A path that the last widening did not move is the best one of the wider band too:
        // it touches the edge without being held back by it.
        let settled = inner.is_some() && inner == previous;
        let budget = *budget.get_or_insert_with(|| {
            CELLS_PER_UNIT.saturating_mul(last - first + 1 + band.columns())
        });
        // Doubling roughly doubles the cells: the next band must fit the budget.
        let over_budget = band.cells().saturating_mul(2) > budget;
        let cost = found.as_ref().map(|path| path.costs.iter().sum::<f64>());
        // Beyond the first few doublings, the band grows only while growing pays: a wider band
        // whose best path costs no less than the narrower one's shows no path to reach.
        let ends = found
            .as_ref()
            .and_then(|path| Some((*path.nodes.first()?, *path.nodes.last()?)));
        let gained = match (cost, previous_cost) {
            (Some(cost), Some(before)) => {
                // A path that only moved its free ends sheds sentences onto the next window
                // (or the one before): that is no gain, and beyond the free widths it must
                // pay for the sentences it moved (see [`moved_ends_cost`]).
                let moved = if width > FREE_WIDTH {
                    moved_ends_cost(lattice, ends, previous_ends, (start, end))
                } else {
                    0.0
                };
                cost + moved < before - GAIN_TOLERANCE * (1.0 + before.abs())
            }
            _ => true,
        };
        let unproven = width > FREE_WIDTH && !gained;
        if !widen
            || settled
            || width >= config.max_band_width
            || full_width
            || over_budget
            || unproven
        {
            return found.map(|path| WindowPath { path });
        }
        previous = inner;
        previous_cost = cost;
        previous_ends = ends;
        width = (width * 2).min(config.max_band_width.max(1));
    }
}

/// Joins a window's path up to a node (`before`, ending at `node`) to the path of the next
/// window, `next`: the position in `next` where the joining path meets it, and that path
/// (see [`joining_path`]).
type JoinAt<'a> =
    dyn Fn(&[(usize, usize)], (usize, usize), &BandPath) -> Option<(usize, BandPath)> + 'a;

/// Joins the window paths at a node shared by neighbours near each boundary. Where two
/// neighbours share no node there (two paths of nearly equal cost run side by side), the
/// first path is followed to its node nearest the boundary, the second from its first node
/// beyond that one, and the gap between them is bridged by an exact search of the small
/// rectangle they span. Where the two paths lie too far apart for a bridge (ties a long way
/// across, or a margin too short for this boundary), a path is searched from the first
/// path's node nearest the boundary to the second path's node a margin further on
/// (`join_at`, a band around both paths with both ends held), and only when that finds
/// none is the second window searched again from the node (`pin(node, core_end)`) and that
/// path followed instead: each boundary costs at most one more window, whatever the input.
/// `None` only when a search finds no path.
fn join(
    windows: Vec<WindowPath>,
    cores: &[(usize, usize)],
    margin: usize,
    lattice: &Lattice<'_>,
    join_at: &JoinAt<'_>,
    pin: &dyn Fn((usize, usize), usize) -> Option<WindowPath>,
) -> Option<BandPath> {
    let mut joined = BandPath {
        nodes: Vec::new(),
        costs: Vec::new(),
        posteriors: Vec::new(),
    };
    // Index into the current window's nodes where its part starts.
    let mut from = 0usize;
    let mut windows: Vec<Option<WindowPath>> = windows.into_iter().map(Some).collect();
    for k in 0..windows.len() {
        let window = windows[k].take()?;
        let path = &window.path;
        let (to, next_from, bridge) = match (windows.get(k + 1), cores.get(k)) {
            (Some(Some(next)), Some(&(_, boundary))) => {
                match shared_node(&path.nodes, &next.path.nodes, boundary, margin / 2) {
                    Some((x, y)) => (x, y, None),
                    None => {
                        let x = (from..path.nodes.len())
                            .min_by_key(|&x| path.nodes[x].0.abs_diff(boundary))?;
                        let start = path.nodes[x];
                        let bridged = next
                            .path
                            .nodes
                            .iter()
                            .position(|&(i, j)| i >= start.0 && j >= start.1 && (i, j) != start)
                            .and_then(|y| {
                                let end = next.path.nodes[y];
                                // Paths side by side meet again within a few cells.
                                let near = (end.0 - start.0) + (end.1 - start.1) <= MAX_BRIDGE_STEP;
                                near.then(|| bridge_path(start, end, lattice))
                                    .flatten()
                                    .map(|bridge| (y, bridge))
                            });
                        let bridged =
                            bridged.or_else(|| join_at(&path.nodes[..=x], start, &next.path));
                        match bridged {
                            Some((y, bridge)) => (x, y, Some(bridge)),
                            None => {
                                windows[k + 1] = Some(pin(start, cores[k + 1].1)?);
                                (x, 0, None)
                            }
                        }
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

/// What the English sentences between the free ends of two paths of a window cost skipped
/// one by one: `ends` and `previous` are each path's first and last node, and only the ends
/// that are free count. A wider band lets a window's path start or end further along its
/// free rows, which moves sentences it would have to align into the next window (or the one
/// before) rather than finding a cheaper path for them: on tied text (lines repeated, one
/// side a tenth longer) every doubling "gains" that way, and the band grows to its budget
/// for nothing. The moved sentences could always be left out one by one at the end, so a
/// gain worth the name must exceed this cost.
fn moved_ends_cost(
    lattice: &Lattice<'_>,
    ends: Option<((usize, usize), (usize, usize))>,
    previous: Option<((usize, usize), (usize, usize))>,
    (start, end): (End, End),
) -> f64 {
    let (Some((first, last)), Some((first_before, last_before))) = (ends, previous) else {
        return 0.0;
    };
    let skipped = |row: usize, a: usize, b: usize| -> f64 {
        let (low, high) = (a.min(b), a.max(b));
        (low..high)
            .map(|j| (lattice.cost)(row, row, j, j + 1, f64::INFINITY))
            .filter(|c| c.is_finite())
            .sum()
    };
    let mut total = 0.0;
    if start == End::Free && first.0 == first_before.0 {
        total += skipped(first.0, first.1, first_before.1);
    }
    if end == End::Free && last.0 == last_before.0 {
        total += skipped(last.0, last.1, last_before.1);
    }
    total
}

/// The cells a window may search, per row and column of the band it starts with: doubling
/// its band stops before the next band would pass this many times its rows plus the
/// columns it spans, so that no window's work exceeds a constant times its extent. (At the
/// default widths, a window of clean text starts with about 18 cells a row and stops
/// widening long before; a window whose path sits on the edge of a band of 64 reaches it.)
/// When the budget stops it, a window keeps its last path, a full path across its rows.
const CELLS_PER_UNIT: usize = 64;

/// The widths up to which a window's band doubles whenever its path runs along the edge;
/// beyond, only while the last doubling found a cheaper path.
const FREE_WIDTH: usize = 4;

/// How much cheaper, relative to its cost, a wider band's path must be to count as a gain
/// (the rounding of sums of the same bead costs in another order).
const GAIN_TOLERANCE: f64 = 1e-9;

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
    let bridge =
        Lattice::new(n, m, lattice.shapes, &shifted, lattice.temperature).counted(lattice.work);
    let mut path = best_path(&bridge, &Band::full(n, m))?;
    for node in &mut path.nodes {
        *node = (node.0 + start.0, node.1 + start.1);
    }
    Some(path)
}

/// The node both paths (sorted) hold whose row is closest to `boundary`, within `reach`
/// rows; its positions in `a` and `b`.
pub(super) fn shared_node(
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
