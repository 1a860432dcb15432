//! Search settings: how the search trades exactness for speed, validated.

use crate::error::{Error, Result};

/// The largest band, window or margin, in sentences: wider is an exact search anyway.
pub(crate) const MAX_WIDTH: usize = 1 << 24;

/// How the search trades exactness for speed.
///
/// Short documents (at most [`exact_cells`](SearchConfig::exact_cells) cells in the lattice)
/// are searched exactly. Longer ones are searched coarse to fine: blocks of 2, 4, 8, …
/// sentences are aligned with a cheap length model, and the full cost function is only
/// evaluated in a band around the path of 2-sentence blocks. Every level is cut into
/// overlapping windows that are searched independently (in parallel with the `rayon`
/// feature), so time and memory grow linearly with the length.
///
/// ```
/// use satzweise::{Aligner, SearchConfig};
/// let mut search = SearchConfig::default();
/// search.band_width = 8;
/// let aligner = Aligner::builder().search(search).build()?;
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct SearchConfig {
    /// Documents whose lattice has at most this many cells (`(n + 1) × (m + 1)`) are searched
    /// exactly; longer ones coarse to fine.
    pub exact_cells: usize,
    /// Half-width, in sentences, of the band searched around the coarse path. 0 forces the
    /// exact search whatever the length (quadratic: for tests and short texts only).
    pub band_width: usize,
    /// Documents with more German sentences than this learn their length model and lexicon
    /// from a first pass over a sample of this many sentences (windows spread evenly along
    /// the coarse path) instead of a first pass over the whole document; the second pass
    /// then searches the whole document around the coarse path.
    pub first_pass_rows: usize,
    /// A window's band is doubled while its best path runs along the band's edge, up to this
    /// width.
    pub max_band_width: usize,
    /// The coarsest level of blocks is the first whose lattice has at most this many cells;
    /// it is searched exactly.
    pub coarse_cells: usize,
    /// Half-width, in blocks, of the band of each coarse level around the path of the level
    /// above.
    pub coarse_band_width: usize,
    /// Rows (German sentences, or blocks) that each window owns.
    pub window_rows: usize,
    /// Rows a window reaches beyond the rows it owns on each side, so that its free first and
    /// last rows do not change the path or the confidences of the rows it owns. Doubled
    /// automatically when two neighbouring windows disagree.
    pub window_margin: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            exact_cells: 1 << 12,
            band_width: 2,
            first_pass_rows: 16_384,
            max_band_width: 256,
            coarse_cells: 1 << 16,
            coarse_band_width: 2,
            window_rows: 1024,
            window_margin: 64,
        }
    }
}

impl SearchConfig {
    /// Checks the search settings (see [`AlignerConfig::validate`](crate::AlignerConfig::validate)).
    pub fn validate(&self) -> Result<()> {
        let widths = [
            ("search.band_width", self.band_width, 0),
            ("search.max_band_width", self.max_band_width, 1),
            ("search.coarse_band_width", self.coarse_band_width, 1),
            ("search.window_rows", self.window_rows, 1),
            ("search.window_margin", self.window_margin, 1),
            ("search.first_pass_rows", self.first_pass_rows, 1),
        ];
        for (name, value, least) in widths {
            if !(least..=MAX_WIDTH).contains(&value) {
                return Err(Error::config(format!(
                    "{name} must be between {least} and {MAX_WIDTH}, not {value}"
                )));
            }
        }
        if self.max_band_width < self.band_width {
            return Err(Error::config(
                "search.max_band_width is below search.band_width",
            ));
        }
        if self.coarse_cells < 16 {
            return Err(Error::config(format!(
                "search.coarse_cells must be at least 16, not {}",
                self.coarse_cells
            )));
        }
        Ok(())
    }
}
