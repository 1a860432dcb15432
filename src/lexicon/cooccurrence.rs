//! Word association learned from aligned beads: co-occurrence counts and mutual-best Dice.

use std::ops::Range;

use rustc_hash::FxHashMap;

/// Counts, over beads, how often each German and English item occurs and co-occurs.
///
/// Beads are kept (their ids, in two compressed tables) until [`mutual_best`] counts the
/// pairs: by then the number of beads each item occurs in is known, and a pair whose Dice
/// coefficient cannot reach the threshold, however often it co-occurs, is never counted. Most
/// pairs join a frequent word with a rare one, so this skips most of the counting without
/// changing the result.
///
/// The maps hash with FxHash: the keys are small integers from this crate, not input an
/// adversary chooses, and counting is hashing. Nothing depends on the maps' order.
///
/// [`mutual_best`]: Cooccurrence::mutual_best
#[derive(Debug, Clone)]
pub(crate) struct Cooccurrence {
    /// Beads each item occurs in, by id (ids are dense: type ids or interned keys).
    german: Vec<u32>,
    english: Vec<u32>,
    /// The beads' ids: bead `k` holds `german_ids[german_ends[k - 1]..german_ends[k]]`.
    german_ids: Vec<u32>,
    german_ends: Vec<usize>,
    english_ids: Vec<u32>,
    english_ends: Vec<usize>,
}

impl Default for Cooccurrence {
    fn default() -> Self {
        Cooccurrence {
            german: Vec::new(),
            english: Vec::new(),
            german_ids: Vec::new(),
            german_ends: vec![0],
            english_ids: Vec::new(),
            english_ends: vec![0],
        }
    }
}

/// The most pairs one bead contributes to the counts: 131,072, more than two sentences of 360
/// distinct words each. A bead of a real document stays far below and counts every pair; a bead
/// of thousands of words on each side (a table or a list flattened into one line, or an
/// adversary) would count millions, in time and memory quadratic in its length.
const MAX_PAIRS_PER_BEAD: usize = 1 << 17;

/// The English items (by position) that German item `i` of `german` is paired with in one bead
/// of `german` and `english` items: all of them while the bead has at most
/// [`MAX_PAIRS_PER_BEAD`] pairs, otherwise a band around the diagonal, `i`'s relative position
/// on the English side, of `MAX_PAIRS_PER_BEAD / german` items (at least one), so that a bead
/// counts about `MAX_PAIRS_PER_BEAD + german` pairs however long it is.
fn partners(i: usize, german: usize, english: usize) -> Range<usize> {
    if german.saturating_mul(english) <= MAX_PAIRS_PER_BEAD {
        return 0..english;
    }
    let width = (MAX_PAIRS_PER_BEAD / german).max(1);
    // The diagonal, computed without overflow: i * english / german.
    let center = (i as u128 * english as u128 / german as u128) as usize;
    let start = center
        .saturating_sub(width / 2)
        .min(english.saturating_sub(width));
    start..(start + width).min(english)
}

/// One word for a pair, ordered as the pairs are.
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Counts `ids` into `counts`, growing it to hold every id.
fn count_items(counts: &mut Vec<u32>, ids: &[u32]) {
    for &id in ids {
        let k = id as usize;
        if k >= counts.len() {
            counts.resize(k + 1, 0);
        }
        counts[k] += 1;
    }
}

impl Cooccurrence {
    /// Counts one bead; both slices must be free of repeats. A bead of more than
    /// [`MAX_PAIRS_PER_BEAD`] pairs counts a band of them: item `i` of `german` with the
    /// items of `english` near position `i * english.len() / german.len()`, so the order of the
    /// items matters there (type ids sorted put a sentence's words roughly in the order they
    /// first occur in the document).
    pub(crate) fn add_bead(&mut self, german: &[u32], english: &[u32]) {
        count_items(&mut self.german, german);
        count_items(&mut self.english, english);
        self.german_ids.extend_from_slice(german);
        self.german_ends.push(self.german_ids.len());
        self.english_ids.extend_from_slice(english);
        self.english_ends.push(self.english_ids.len());
    }

    /// Co-occurrence counts of the pairs that can reach `min_count` and `min_dice`.
    fn joint_counts(&self, min_count: u32, min_dice: f32) -> FxHashMap<u64, u32> {
        let mut joint: FxHashMap<u64, u32> = FxHashMap::default();
        let (mut german, mut english) = (Vec::new(), Vec::new());
        for k in 1..self.german_ends.len() {
            // Items seen in fewer beads than `min_count` cannot co-occur that often.
            german.clear();
            german.extend(
                self.german_ids[self.german_ends[k - 1]..self.german_ends[k]]
                    .iter()
                    .map(|&a| (a, self.german[a as usize]))
                    .filter(|&(_, n)| n >= min_count),
            );
            english.clear();
            english.extend(
                self.english_ids[self.english_ends[k - 1]..self.english_ends[k]]
                    .iter()
                    .map(|&b| (b, self.english[b as usize]))
                    .filter(|&(_, n)| n >= min_count),
            );
            for (i, &(a, na)) in german.iter().enumerate() {
                for &(b, nb) in &english[partners(i, german.len(), english.len())] {
                    // n(a, b) <= min(n(a), n(b)) bounds the coefficient, in the same f32
                    // arithmetic as `mutual_best`.
                    if dice(na.min(nb), na, nb) >= min_dice {
                        *joint.entry(pair_key(a, b)).or_insert(0) += 1;
                    }
                }
            }
        }
        joint
    }

    /// The pairs that are each other's best partner by the Dice coefficient
    /// `2 n(a, b) / (n(a) + n(b))`, co-occur in at least `min_count` beads and reach
    /// `min_dice`. Ties go to the smaller id, so the result does not depend on hash order.
    pub(crate) fn mutual_best(&self, min_count: u32, min_dice: f32) -> Vec<(u32, u32)> {
        // Leaving out pairs below `min_dice` changes no answer: a pair in the result is each
        // side's best partner with a coefficient of at least `min_dice`, so a pair below it
        // was never that best, nor tied with it.
        let mut candidates: Vec<((u32, u32), u32)> = self
            .joint_counts(min_count.max(1), min_dice)
            .into_iter()
            .filter(|&(_, n)| n >= min_count.max(1))
            .map(|(pair, n)| (((pair >> 32) as u32, pair as u32), n))
            .collect();
        if candidates.is_empty() {
            // Most small documents: no pair recurs.
            return Vec::new();
        }
        candidates.sort_unstable();
        let count = |counts: &[u32], k: u32| counts.get(k as usize).copied().unwrap_or(0);
        // Sized once: each candidate adds at most one entry a side (the tables grew by
        // rehashing before).
        let sized = || {
            FxHashMap::<u32, (f32, u32)>::with_capacity_and_hasher(
                candidates.len(),
                Default::default(),
            )
        };
        let (mut best_german, mut best_english) = (sized(), sized());
        for &((a, b), n) in &candidates {
            let d = dice(n, count(&self.german, a), count(&self.english, b));
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

/// The Dice coefficient `2 n / (na + nb)`, in `f32`.
fn dice(n: u32, na: u32, nb: u32) -> f32 {
    2.0 * n as f32 / (na + nb) as f32
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

    /// Two beads of 3,000 distinct items a side: a band of pairs is counted, about
    /// `MAX_PAIRS_PER_BEAD` a bead instead of nine million, and the diagonal pairs, the ones a
    /// translation in the same order would make, are found.
    #[test]
    fn a_huge_bead_counts_a_bounded_band() {
        let n = 3_000u32;
        let mut counts = Cooccurrence::default();
        let german: Vec<u32> = (0..n).collect();
        let english: Vec<u32> = (0..n).collect();
        counts.add_bead(&german, &english);
        counts.add_bead(&german, &english);
        let joint = counts.joint_counts(2, 0.0);
        assert!(
            joint.len() <= MAX_PAIRS_PER_BEAD + n as usize,
            "{}",
            joint.len()
        );
        assert!(joint.len() >= MAX_PAIRS_PER_BEAD / 2, "{}", joint.len());
        for k in [0, 1, n / 2, n - 1] {
            assert_eq!(joint.get(&pair_key(k, k)), Some(&2), "{k}");
        }
        // Whatever is learned is a pair of the band.
        for (a, b) in counts.mutual_best(2, 0.5) {
            assert!(joint.contains_key(&pair_key(a, b)));
        }
    }

    #[test]
    fn partners_cover_every_item_of_a_small_bead_and_a_band_of_a_huge_one() {
        assert_eq!(partners(3, 10, 20), 0..20);
        let (german, english) = (10_000, 20_000);
        let mut total = 0;
        for i in 0..german {
            let band = partners(i, german, english);
            assert!(band.end <= english && !band.is_empty());
            assert!(band.contains(&(i * english / german)));
            total += band.len();
        }
        assert!(total <= MAX_PAIRS_PER_BEAD + german, "{total}");
        // More German items than the bound: one partner each, the last item included.
        assert_eq!(partners(199_999, 200_000, 3).len(), 1);
        assert_eq!(partners(usize::MAX - 1, usize::MAX, usize::MAX).len(), 1);
    }

    /// Every pair counted, then mutual best: the definition, without the shortcut.
    fn naive_mutual_best(
        beads: &[(Vec<u32>, Vec<u32>)],
        min_count: u32,
        min_dice: f32,
    ) -> Vec<(u32, u32)> {
        use std::collections::BTreeMap;
        let (mut na, mut nb, mut joint) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for (german, english) in beads {
            for &a in german {
                *na.entry(a).or_insert(0u32) += 1;
            }
            for &b in english {
                *nb.entry(b).or_insert(0u32) += 1;
            }
            for &a in german {
                for &b in english {
                    *joint.entry((a, b)).or_insert(0u32) += 1;
                }
            }
        }
        let mut best_a: BTreeMap<u32, (f32, u32)> = BTreeMap::new();
        let mut best_b: BTreeMap<u32, (f32, u32)> = BTreeMap::new();
        for (&(a, b), &n) in &joint {
            if n < min_count {
                continue;
            }
            let d = dice(n, na[&a], nb[&b]);
            if best_a
                .get(&a)
                .is_none_or(|&(s, o)| d > s || (d == s && b < o))
            {
                best_a.insert(a, (d, b));
            }
            if best_b
                .get(&b)
                .is_none_or(|&(s, o)| d > s || (d == s && a < o))
            {
                best_b.insert(b, (d, a));
            }
        }
        best_a
            .iter()
            .filter(|&(&a, &(d, b))| d >= min_dice && best_b[&b].1 == a)
            .map(|(&a, &(_, b))| (a, b))
            .collect()
    }

    #[test]
    fn skipping_hopeless_pairs_changes_nothing() {
        let mut state = 12345u64;
        let mut next = move |bound: u32| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Zipf-like: small ids are frequent.
            let r = (state >> 33) as f64 / (1u64 << 31) as f64;
            (r * r * bound as f64) as u32
        };
        for (min_count, min_dice) in [(1, 0.0), (2, 0.5), (2, 0.3), (3, 0.8)] {
            let mut beads = Vec::new();
            for _ in 0..300 {
                let mut german: Vec<u32> = (0..8).map(|_| next(60)).collect();
                // English ids partly follow the German ones, so real pairs exist.
                let mut english: Vec<u32> = german.iter().map(|&a| a + next(3)).collect();
                english.push(next(80));
                german.sort_unstable();
                german.dedup();
                english.sort_unstable();
                english.dedup();
                beads.push((german, english));
            }
            let mut counts = Cooccurrence::default();
            for (german, english) in &beads {
                counts.add_bead(german, english);
            }
            let fast = counts.mutual_best(min_count, min_dice);
            assert_eq!(fast, naive_mutual_best(&beads, min_count, min_dice));
            assert!(min_dice > 0.5 || !fast.is_empty());
        }
    }
}
