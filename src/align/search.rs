//! Coarse-to-fine search: time and memory linear in the document length.
//!
//! A document too long for the full lattice is first aligned at half resolution (pairs of
//! sentences as units, recursively), and the fine search then only looks at a band of
//! `band_width` cells around the coarse path, widening it when the best path runs along its
//! edge.

use super::dp::{Band, BandPath, best_path};
use crate::align::config::SearchConfig;

/// One bead found by the search, in sentence indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundBead {
    pub(crate) german: std::ops::Range<usize>,
    pub(crate) english: std::ops::Range<usize>,
    pub(crate) cost: f64,
    pub(crate) posterior: f64,
}

/// Aligns `n` German with `m` English sentences; `None` when no path exists under `shapes`.
pub(crate) fn search(
    n: usize,
    m: usize,
    shapes: &[(usize, usize)],
    cost: &(dyn Fn(usize, usize, usize, usize) -> f64 + Sync),
    config: &SearchConfig,
    temperature: f64,
) -> Option<Vec<FoundBead>> {
    let path = path_at_factor(n, m, 1, shapes, cost, config, Some(temperature))?;
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

/// Best path over units of `factor` sentences.
fn path_at_factor(
    n: usize,
    m: usize,
    factor: usize,
    shapes: &[(usize, usize)],
    cost: &(dyn Fn(usize, usize, usize, usize) -> f64 + Sync),
    config: &SearchConfig,
    temperature: Option<f64>,
) -> Option<BandPath> {
    let units_n = n.div_ceil(factor);
    let units_m = m.div_ceil(factor);
    let unit_cost = |i0: usize, i1: usize, j0: usize, j1: usize| {
        cost(
            (i0 * factor).min(n),
            (i1 * factor).min(n),
            (j0 * factor).min(m),
            (j1 * factor).min(m),
        )
    };
    let cells = (units_n + 1).saturating_mul(units_m + 1);
    if cells <= config.exact_cells || config.band_width == 0 {
        return best_path(
            units_n,
            units_m,
            shapes,
            &Band::full(units_n, units_m),
            &unit_cost,
            temperature,
        );
    }
    let coarse = path_at_factor(n, m, factor * 2, shapes, cost, config, None);
    let guide: Vec<(usize, usize)> = match &coarse {
        Some(path) => path
            .nodes
            .iter()
            .map(|&(i, j)| ((i * 2).min(units_n), (j * 2).min(units_m)))
            .collect(),
        None => vec![(0, 0), (units_n, units_m)],
    };
    let mut width = config.band_width;
    loop {
        let band = Band::around_path(&guide, units_n, units_m, width);
        let found = best_path(units_n, units_m, shapes, &band, &unit_cost, temperature);
        let widen = match &found {
            Some(path) => path.touches_edge,
            None => true,
        };
        if !widen || width >= config.max_band_width || band.cells() >= cells {
            // A band that holds no path at all: fall back to the full lattice while it is small.
            return found.or_else(|| {
                (cells <= config.exact_cells.saturating_mul(4))
                    .then(|| {
                        let full = Band::full(units_n, units_m);
                        best_path(units_n, units_m, shapes, &full, &unit_cost, temperature)
                    })
                    .flatten()
            });
        }
        width *= 2;
    }
}
