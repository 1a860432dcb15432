//! A compressed sparse row table: type ids of one side, sentence by sentence (or links, type
//! by type).

/// Type ids of one side, sentence by sentence (a compressed sparse row table).
#[derive(Debug, Clone, Default)]
pub(super) struct Rows {
    pub(super) offsets: Vec<u32>,
    pub(super) values: Vec<u32>,
}

impl Rows {
    pub(super) fn new() -> Rows {
        Rows {
            offsets: vec![0],
            values: Vec::new(),
        }
    }

    pub(super) fn push_row(&mut self, row: impl IntoIterator<Item = u32>) {
        self.values.extend(row);
        self.offsets.push(self.values.len() as u32);
    }

    pub(super) fn row(&self, k: usize) -> &[u32] {
        match (self.offsets.get(k), self.offsets.get(k + 1)) {
            (Some(&start), Some(&end)) => &self.values[start as usize..end as usize],
            _ => &[],
        }
    }

    pub(super) fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// `rows` rows from `(row, value)` pairs sorted and free of repeats: row `k` holds the
    /// values paired with `k`, in order.
    pub(super) fn from_sorted_pairs(rows: usize, pairs: &[(u32, u32)]) -> Rows {
        let mut table = Rows {
            offsets: Vec::with_capacity(rows + 1),
            values: Vec::with_capacity(pairs.len()),
        };
        table.offsets.push(0);
        let mut rest = pairs;
        for k in 0..rows as u32 {
            let end = rest.partition_point(|&(row, _)| row == k);
            table.push_row(rest[..end].iter().map(|&(_, value)| value));
            rest = &rest[end..];
        }
        table
    }

    /// The `(row, value)` pairs of the table, sorted.
    pub(super) fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.rows()).flat_map(move |k| self.row(k).iter().map(move |&v| (k as u32, v)))
    }

    /// For each value, how many rows back the same value occurred last, when that is less
    /// than `far`; `far` when it is that far back or further, 0 when it did not occur before.
    /// `bound` is above every value.
    pub(super) fn previous_distances(&self, bound: usize, far: u8) -> Vec<u8> {
        let mut last_row = vec![u32::MAX; bound];
        let mut distances = Vec::with_capacity(self.values.len());
        for k in 0..self.rows() {
            for &value in self.row(k) {
                let last = &mut last_row[value as usize];
                distances.push(match *last {
                    u32::MAX => 0,
                    before => (k - before as usize).min(usize::from(far)) as u8,
                });
                *last = k as u32;
            }
        }
        distances
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_distances_count_rows_back_and_saturate() {
        let mut rows = Rows::new();
        for row in [&[0u32, 2][..], &[1], &[0, 1], &[], &[2]] {
            rows.push_row(row.iter().copied());
        }
        // 0 and 2 new; 1 new; 0 two back, 1 one back; 2 four back, saturated at 3.
        assert_eq!(rows.previous_distances(3, 3), [0, 0, 0, 2, 1, 3]);
        assert_eq!(rows.previous_distances(3, 255), [0, 0, 0, 2, 1, 4]);
    }
}
