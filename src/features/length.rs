//! The length model's parameters: the document pair's ratio of English to German characters
//! and, once fitted to confident beads, its variance.

use std::ops::Range;

use super::PairFeatures;

impl PairFeatures<'_> {
    /// English characters per German character: over the whole document pair at first
    /// (clamped to 0.2..=5; 1 when a side is empty), over the confident beads of a first pass
    /// once the aligner's refinement fitted it.
    pub(crate) fn length_ratio(&self) -> f64 {
        self.length_ratio
    }

    /// Sets the ratio of English to German characters (clamped to 0.2..=5), as read off the
    /// pairs of a path that skips a long omission the document's totals count in.
    pub(crate) fn set_length_ratio(&mut self, ratio: f64) {
        self.length_ratio = ratio.clamp(0.2, 5.0);
    }

    /// The variance of English length given German length per character, once fitted (the
    /// refinement reads it to tell whether the fit changed the model).
    pub(crate) fn length_variance(&self) -> Option<f64> {
        self.length_variance
    }

    /// Fits the length model's ratio and variance to beads believed right (German run,
    /// English run), typically the confident 1-1 beads of a first pass. Needs at least 20
    /// beads; with fewer, nothing changes.
    pub(crate) fn fit_length_model(&mut self, beads: &[(Range<usize>, Range<usize>)]) {
        let lengths: Vec<(f64, f64)> = beads
            .iter()
            .map(|(g, e)| {
                (
                    self.german.run_length(g.clone()) as f64,
                    self.english.run_length(e.clone()) as f64,
                )
            })
            .filter(|&(g, e)| g > 0.0 && e > 0.0)
            .collect();
        if lengths.len() < 20 {
            return;
        }
        let (sum_g, sum_e) = lengths
            .iter()
            .fold((0.0, 0.0), |(a, b), (g, e)| (a + g, b + e));
        let ratio = (sum_e / sum_g).clamp(0.2, 5.0);
        // Squared residuals per unit of mean length; the largest tenth is dropped as outliers.
        let mut residuals: Vec<(f64, f64)> = lengths
            .iter()
            .map(|&(g, e)| {
                let mean = ((g + e / ratio) / 2.0).max(1.0);
                ((e - ratio * g).powi(2), mean)
            })
            .collect();
        residuals.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
        let keep = residuals.len() - residuals.len() / 10;
        let (squares, means) = residuals[..keep]
            .iter()
            .fold((0.0, 0.0), |(s, m), (r, l)| (s + r, m + l));
        if means > 0.0 && squares > 0.0 {
            self.length_ratio = ratio;
            // Trimming a tenth of a normal sample's tail shrinks the variance by about a third.
            self.length_variance = Some((squares / means * 1.5).clamp(0.5, 200.0));
        }
    }
}
