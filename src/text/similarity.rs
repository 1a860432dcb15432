//! String similarity in time linear in the length of the strings.
//!
//! The crate compares spellings with the Jaro-Winkler similarity (near-identical names across
//! the languages, inconsistent renderings in the QA checks). The usual way to compute it scans
//! the match window of every character, which is quadratic in the length: two tokens of a
//! megabyte each (a base64 blob, a run of letters without spaces) took minutes. Here each
//! character finds its partner through the sorted positions of that character in the other
//! string, so a comparison costs `O((n + m) log m)` and gives exactly the usual result, bit for
//! bit (the `strsim` crate's, which the tests hold it against).

/// The Jaro-Winkler similarity of `a` and `b` over their characters: 1.0 for equal strings,
/// 0.0 when no character matches, with Winkler's bonus for a common prefix of up to four
/// characters when the Jaro similarity exceeds 0.7. Two empty strings are equal (1.0).
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f64 {
    // The buffers of a comparison are kept per thread: near-identity linking compares many
    // short words, and allocating them afresh was most of the allocations of a small document.
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.a.clear();
        scratch.a.extend(a.chars());
        scratch.b.clear();
        scratch.b.extend(b.chars());
        let similarity = scratch.jaro();
        let prefix = (scratch.a.iter().zip(&scratch.b).take(4))
            .take_while(|(x, y)| x == y)
            .count();
        if scratch.b.capacity() > MAX_KEPT_CHARS || scratch.a.capacity() > MAX_KEPT_CHARS {
            // A huge token's buffers (about 20 bytes a character) are not kept for the words
            // that follow it.
            *scratch = Scratch::default();
        }
        if similarity > 0.7 {
            similarity + 0.1 * prefix as f64 * (1.0 - similarity)
        } else {
            similarity
        }
    })
}

/// The longest string, in characters, whose buffers [`jaro_winkler`] keeps for the next call.
const MAX_KEPT_CHARS: usize = 1 << 12;

thread_local! {
    /// The buffers of [`jaro_winkler`] on this thread.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The buffers of one comparison, reused from one to the next.
#[derive(Default)]
struct Scratch {
    /// The characters of the first string.
    a: Vec<char>,
    /// The characters of the second string.
    b: Vec<char>,
    /// The characters of `b` with their positions, sorted (by character, then position).
    sorted: Vec<(char, usize)>,
    /// `cursor[start]` is the next unused entry of the group of `sorted` that begins at
    /// `start`.
    cursor: Vec<usize>,
    /// Which characters of `a` are matched.
    a_matched: Vec<bool>,
    /// Which characters of `b` are matched.
    b_matched: Vec<bool>,
}

impl Scratch {
    /// The Jaro similarity of the character sequences `self.a` and `self.b`.
    ///
    /// Jaro matches each character of `a`, in order, with the first character of `b` that is
    /// equal, not yet matched and at most `max(|a|, |b|) / 2 - 1` positions away. For one
    /// character `c` the positions of `c` in `b` are therefore taken in increasing order, and
    /// a position that falls behind the window of one character of `a` falls behind the
    /// windows of all later ones: one cursor per distinct character, moving only forward,
    /// finds every match.
    fn jaro(&mut self) -> f64 {
        let (a, b) = (&self.a, &self.b);
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let reach = (a.len().max(b.len()) / 2).saturating_sub(1);
        // The positions of `b`, grouped by character, each group in increasing order.
        let sorted = &mut self.sorted;
        sorted.clear();
        sorted.extend(b.iter().copied().zip(0..));
        sorted.sort_unstable();
        let cursor = &mut self.cursor;
        cursor.clear();
        cursor.extend(0..b.len());
        let (a_matched, b_matched) = (&mut self.a_matched, &mut self.b_matched);
        a_matched.clear();
        a_matched.resize(a.len(), false);
        b_matched.clear();
        b_matched.resize(b.len(), false);
        let mut matches = 0usize;
        for (i, &c) in a.iter().enumerate() {
            let start = sorted.partition_point(|&(x, _)| x < c);
            let end = start + sorted[start..].partition_point(|&(x, _)| x == c);
            if start == end {
                continue;
            }
            let (low, high) = (i.saturating_sub(reach), b.len().min(i + reach + 1));
            let mut next = cursor[start];
            while next < end && sorted[next].1 < low {
                next += 1;
            }
            if next < end && sorted[next].1 < high {
                a_matched[i] = true;
                b_matched[sorted[next].1] = true;
                matches += 1;
                next += 1;
            }
            cursor[start] = next;
        }
        if matches == 0 {
            return 0.0;
        }
        // Matched characters of `a` and of `b`, each in order, that differ.
        let a_order = a.iter().zip(a_matched.iter()).filter(|(_, m)| **m);
        let b_order = b.iter().zip(b_matched.iter()).filter(|(_, m)| **m);
        let transpositions = a_order
            .zip(b_order)
            .filter(|((x, _), (y, _))| x != y)
            .count()
            / 2;
        let m = matches as f64;
        (m / a.len() as f64 + m / b.len() as f64 + (matches - transpositions) as f64 / m) / 3.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::{Config, RngSeed};

    #[test]
    fn known_values() {
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("abc", ""), 0.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
        assert_eq!(jaro_winkler("martha", "martha"), 1.0);
        assert!((jaro_winkler("martha", "marhta") - 0.9611).abs() < 1e-4);
        assert!((jaro_winkler("cheeseburger", "cheese fries") - 0.866).abs() < 1e-3);
        assert!((jaro_winkler("aserbaidschan", "azerbaijan") - 0.8).abs() < 0.1);
    }

    /// Two tokens of a million characters each: linear time (the window scan took minutes).
    #[test]
    fn megabyte_tokens_compare_quickly() {
        let mut state = 7u64;
        let a: String = (0..1_000_000)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + ((state >> 33) % 26) as u8)
            })
            .collect();
        let b = format!("{a}x");
        let similarity = jaro_winkler(&a, &b);
        assert!(similarity > 0.99 && similarity < 1.0, "{similarity}");
        assert!(jaro_winkler(&a, &"a".repeat(1_000_000)) < 0.9);
        // The thread keeps no megabyte buffers for the short words that follow.
        let kept = SCRATCH.with_borrow(|s| s.a.capacity() + s.b.capacity() + s.sorted.capacity());
        assert!(kept <= 3 * MAX_KEPT_CHARS, "{kept} characters kept");
        assert_eq!(jaro_winkler("Haus", "Haus"), 1.0);
    }

    proptest::proptest! {
        #![proptest_config(Config {
            cases: 2000,
            rng_seed: RngSeed::Fixed(16),
            failure_persistence: None,
            ..Config::default()
        })]
        /// Equal to the window scan of `strsim`, bit for bit, on words of a small alphabet
        /// (many repeats, many transpositions) and on any characters.
        #[test]
        fn equals_the_window_scan(a in "[abcäé]{0,24}", b in "[abcäé]{0,24}", c in ".{0,12}", d in ".{0,12}") {
            proptest::prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
            proptest::prop_assert_eq!(jaro_winkler(&c, &d).to_bits(), strsim::jaro_winkler(&c, &d).to_bits());
            proptest::prop_assert_eq!(jaro_winkler(&a, &d).to_bits(), strsim::jaro_winkler(&a, &d).to_bits());
        }
    }
}
