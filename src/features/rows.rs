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

    /// An empty table with room for `rows` rows of `entries` values in all.
    pub(super) fn with_capacity(rows: usize, entries: usize) -> Rows {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Rows {
            offsets,
            values: Vec::with_capacity(entries),
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

/// Sorted rows of type ids held in few bytes: each row as the gaps between its ids (the first
/// id itself, then each id less the one before), each gap in as many bytes as its 7-bit groups
/// need (LEB128: the high bit of a byte says that another follows). Ids are numbered in order
/// of first occurrence, so the frequent types that fill most rows have small ids and small
/// gaps: a sentence of WMT news takes about 2 bytes an id instead of 4 (this table holds every
/// token of a side until the lexicon is learnt, the largest table of the features).
///
/// Rows must be sorted and free of repeats; they are read back in the same order.
#[derive(Debug, Clone)]
pub(super) struct PackedRows {
    /// Where each row starts in `bytes`, modulo 2^32 (see `wraps`), and one past the last row.
    offsets: Vec<u32>,
    /// The rows at whose start the byte count passed another multiple of 2^32, in order (empty
    /// unless the table holds 4 GiB): the high part of a row's offset is the number of them at
    /// or before it.
    wraps: Vec<u32>,
    bytes: Vec<u8>,
}

impl Default for PackedRows {
    fn default() -> Self {
        PackedRows::new()
    }
}

impl PackedRows {
    pub(super) fn new() -> PackedRows {
        PackedRows {
            offsets: vec![0],
            wraps: Vec::new(),
            bytes: Vec::new(),
        }
    }

    /// Room for `rows` more rows before the offsets grow.
    pub(super) fn reserve_rows(&mut self, rows: usize) {
        self.offsets.reserve_exact(rows);
    }

    /// Appends a row; its ids must be sorted and free of repeats.
    pub(super) fn push_row(&mut self, row: impl IntoIterator<Item = u32>) {
        let mut previous = None;
        for id in row {
            let gap = match previous {
                None => id,
                Some(p) => {
                    debug_assert!(id > p, "packed rows must be sorted and free of repeats");
                    id.wrapping_sub(p)
                }
            };
            previous = Some(id);
            let mut rest = gap;
            while rest >= 0x80 {
                self.bytes.push((rest & 0x7f) as u8 | 0x80);
                rest >>= 7;
            }
            self.bytes.push(rest as u8);
        }
        let end = self.bytes.len();
        // Only past 4 GiB: the row start is noted once for every multiple of 2^32 passed.
        while (end >> 32) > self.wraps.len() {
            self.wraps.push(self.offsets.len() as u32);
        }
        self.offsets.push(end as u32);
    }

    /// Gives back the room the tables grew into beyond their length.
    pub(super) fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.bytes.shrink_to_fit();
    }

    /// Where entry `k` of `offsets` points in `bytes`.
    fn offset(&self, k: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w as usize <= k);
        (high << 32) | self.offsets[k] as usize
    }

    /// The ids of row `k`, in order (none past the end).
    pub(super) fn row(&self, k: usize) -> PackedRow<'_> {
        let bytes = if k + 1 < self.offsets.len() {
            &self.bytes[self.offset(k)..self.offset(k + 1)]
        } else {
            &[]
        };
        PackedRow { bytes, last: 0 }
    }

    pub(super) fn rows(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
}

/// The ids of one row of [`PackedRows`], in order, created by [`PackedRows::row`].
#[derive(Debug, Clone)]
pub(crate) struct PackedRow<'a> {
    bytes: &'a [u8],
    /// The id before (0 before the first: the first gap is the id itself).
    last: u32,
}

impl Iterator for PackedRow<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (&first, mut rest) = self.bytes.split_first()?;
        let mut gap = u32::from(first & 0x7f);
        let mut shift = 7;
        let mut byte = first;
        while byte & 0x80 != 0 {
            let Some((&next, after)) = rest.split_first() else {
                break;
            };
            byte = next;
            rest = after;
            gap |= u32::from(byte & 0x7f).wrapping_shl(shift);
            shift += 7;
        }
        self.bytes = rest;
        self.last = self.last.wrapping_add(gap);
        Some(self.last)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // At least one id a five bytes, at most one a byte.
        (self.bytes.len().div_ceil(5), Some(self.bytes.len()))
    }
}

impl std::iter::FusedIterator for PackedRow<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_rows_give_back_every_row_as_pushed() {
        let rows: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![0, 1, 2, 127, 128, 16_383, 16_384, 2_097_152],
            vec![5, u32::MAX - 1, u32::MAX],
            vec![u32::MAX],
            vec![],
            (0..1000).map(|k| k * 37 + 3).collect(),
        ];
        let mut packed = PackedRows::new();
        for row in &rows {
            packed.push_row(row.iter().copied());
        }
        packed.shrink_to_fit();
        assert_eq!(packed.rows(), rows.len());
        for (k, row) in rows.iter().enumerate() {
            assert_eq!(&packed.row(k).collect::<Vec<_>>(), row, "row {k}");
        }
        assert_eq!(packed.row(rows.len()).count(), 0);
        assert_eq!(PackedRows::new().row(0).count(), 0);
        // Small gaps take a byte each.
        let mut small = PackedRows::new();
        small.push_row(0..100);
        assert_eq!(small.bytes.len(), 100);
    }

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
