//! Word association learned from aligned beads: co-occurrence counts and mutual-best Dice.

use rustc_hash::FxHashMap;

/// Counts, over beads, how often each German and English item occurs and co-occurs.
///
/// The maps hash with FxHash: the keys are small integers from this crate, not input an
/// adversary chooses, and counting is hashing. Nothing depends on the maps' order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cooccurrence {
    german: FxHashMap<u32, u32>,
    english: FxHashMap<u32, u32>,
    /// Co-occurrence counts by pair, German id in the high half (see [`pair_key`]).
    joint: FxHashMap<u64, u32>,
}

/// One word for a pair, ordered as the pairs are.
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Cooccurrence {
    /// Counts one bead; both slices must be sorted and free of repeats.
    pub(crate) fn add_bead(&mut self, german: &[u32], english: &[u32]) {
        for &a in german {
            *self.german.entry(a).or_insert(0) += 1;
        }
        for &b in english {
            *self.english.entry(b).or_insert(0) += 1;
        }
        for &a in german {
            for &b in english {
                *self.joint.entry(pair_key(a, b)).or_insert(0) += 1;
            }
        }
    }

    /// The pairs that are each other's best partner by the Dice coefficient
    /// `2 n(a, b) / (n(a) + n(b))`, co-occur in at least `min_count` beads and reach
    /// `min_dice`. Ties go to the smaller id, so the result does not depend on hash order.
    pub(crate) fn mutual_best(&self, min_count: u32, min_dice: f32) -> Vec<(u32, u32)> {
        let mut candidates: Vec<((u32, u32), u32)> = self
            .joint
            .iter()
            .filter(|&(_, &n)| n >= min_count.max(1))
            .map(|(&pair, &n)| (((pair >> 32) as u32, pair as u32), n))
            .collect();
        candidates.sort_unstable();
        let count = |map: &FxHashMap<u32, u32>, k: u32| map.get(&k).copied().unwrap_or(0);
        let mut best_german: FxHashMap<u32, (f32, u32)> = FxHashMap::default();
        let mut best_english: FxHashMap<u32, (f32, u32)> = FxHashMap::default();
        for &((a, b), n) in &candidates {
            let d = 2.0 * n as f32 / (count(&self.german, a) + count(&self.english, b)) as f32;
            let better = |slot: Option<&(f32, u32)>, other: u32| {
                slot.is_none_or(|&(s, o)| d > s || (d == s && other < o))
            };
            if better(best_german.get(&a), b) {
                best_german.insert(a, (d, b));
            }
            if better(best_english.get(&b), a) {
                best_english.insert(b, (d, a));
            }
        }
        let mut pairs: Vec<(u32, u32)> = best_german
            .iter()
            .filter(|&(&a, &(d, b))| {
                d >= min_dice && best_english.get(&b).is_some_and(|&(_, back)| back == a)
            })
            .map(|(&a, &(_, b))| (a, b))
            .collect();
        pairs.sort_unstable();
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutual_best_pairs_are_found() {
        let mut counts = Cooccurrence::default();
        for k in 0..10u32 {
            // 1 ~ 11 always; 2 ~ 12 half of the time; 3 occurs with everything.
            let german: Vec<u32> = if k % 2 == 0 {
                vec![1, 2, 3]
            } else {
                vec![1, 3]
            };
            let english: Vec<u32> = if k % 2 == 0 {
                vec![11, 12, 13 + k]
            } else {
                vec![11, 13 + k]
            };
            counts.add_bead(&german, &english);
        }
        let pairs = counts.mutual_best(2, 0.5);
        assert!(pairs.contains(&(2, 12)), "{pairs:?}");
        assert!(
            pairs.contains(&(1, 11)) || pairs.contains(&(3, 11)),
            "{pairs:?}"
        );
        assert!(counts.mutual_best(20, 0.5).is_empty());
    }
}
