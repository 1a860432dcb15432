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
pub(super) fn window_path(
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
    // The inner nodes of the last path, to tell whether widening changed it.
    let mut previous: Option<Vec<(usize, usize)>> = None;
    loop {
        let band = Band::around_path(guide, n, m, width, first..=last);
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
        if !widen || settled || width >= config.max_band_width || full_width {
            return found.map(|path| WindowPath { path });
        }
        previous = inner;
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
