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
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let similarity = jaro(&a, &b);
    if similarity > 0.7 {
        let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count();
        similarity + 0.1 * prefix as f64 * (1.0 - similarity)
    } else {
        similarity
    }
}

/// The Jaro similarity of two character sequences.
///
/// Jaro matches each character of `a`, in order, with the first character of `b` that is equal,
/// not yet matched and at most `max(|a|, |b|) / 2 - 1` positions away. For one character `c`
/// the positions of `c` in `b` are therefore taken in increasing order, and a position that
/// falls behind the window of one character of `a` falls behind the windows of all later ones:
/// one cursor per distinct character, moving only forward, finds every match.
fn jaro(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let reach = (a.len().max(b.len()) / 2).saturating_sub(1);
    // The positions of `b`, grouped by character (a stable sort keeps each group in order).
    let mut positions: Vec<usize> = (0..b.len()).collect();
    positions.sort_by_key(|&j| b[j]);
    let sorted_chars: Vec<char> = positions.iter().map(|&j| b[j]).collect();
    // `cursor[start]` is the next unused entry of the group that begins at `start`.
    let mut cursor: Vec<usize> = (0..b.len()).collect();
    let mut a_matched = vec![false; a.len()];
    let mut b_matched = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let start = sorted_chars.partition_point(|&x| x < c);
        let end = start + sorted_chars[start..].partition_point(|&x| x == c);
        if start == end {
            continue;
        }
        let (low, high) = (i.saturating_sub(reach), b.len().min(i + reach + 1));
        let mut next = cursor[start];
        while next < end && positions[next] < low {
            next += 1;
        }
        if next < end && positions[next] < high {
            a_matched[i] = true;
            b_matched[positions[next]] = true;
            matches += 1;
            next += 1;
        }
        cursor[start] = next;
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched characters of `a` and of `b`, each in order, that differ.
    let a_order = a
        .iter()
        .zip(&a_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let b_order = b
        .iter()
        .zip(&b_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let transpositions = a_order.zip(b_order).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (matches - transpositions) as f64 / m) / 3.0
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
