//! Negation: whether each side of a bead says "not". A German sentence that lost its "nicht"
//! or turned "kein" into "ein" reads fluently and says the opposite; the words that negate
//! are few in both languages, so a bead whose one side negates and whose other side does not
//! is worth a look.

/// German words that negate a clause or a noun phrase.
const GERMAN: &[&str] = &[
    "nicht",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "keinerlei",
    "nie",
    "niemals",
    "nimmer",
    "niemand",
    "niemanden",
    "niemandem",
    "nichts",
    "weder",
    "nirgends",
    "nirgendwo",
    "nein",
];

/// English words that negate (the contraction `n't` is counted apart).
const ENGLISH: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
    "nope",
];

/// How many negating words `sentence` holds, from the German list when `german` is true and
/// the English one otherwise; each English contraction ("don't", "can’t") counts once, and
/// "No." before a number ("No. 10 Downing Street") counts not at all.
pub(crate) fn negations(sentence: &str, german: bool) -> usize {
    let is_word = |c: char| c.is_alphabetic() || c == '\'' || c == '’';
    let mut count = 0;
    let mut rest = sentence;
    while let Some(start) = rest.find(is_word) {
        let tail = &rest[start..];
        let len = tail.find(|c: char| !is_word(c)).unwrap_or(tail.len());
        let (word, after) = tail.split_at(len);
        rest = after;
        let lower = word.trim_matches(['\'', '’']).to_lowercase();
        let negates = if german {
            GERMAN.contains(&lower.as_str())
        } else {
            let sign = lower == "no"
                && after
                    .strip_prefix('.')
                    .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            (ENGLISH.contains(&lower.as_str()) && !sign)
                || lower.ends_with("n't")
                || lower.ends_with("n’t")
        };
        count += usize::from(negates);
    }
    count
}

/// Whether one side of a bead negates and the other does not: `Some(true)` when only the
/// German negates, `Some(false)` when only the English does.
pub(crate) fn one_sided(german: &str, english: &str) -> Option<bool> {
    let (g, e) = (negations(german, true), negations(english, false));
    match (g > e, e > g) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_negations() {
        assert_eq!(negations("Das ist nicht wahr, keiner kam.", true), 2);
        assert_eq!(negations("Nichts geht mehr.", true), 1);
        assert_eq!(negations("That isn't true, nobody came.", false), 2);
        assert_eq!(negations("We can’t and won't, not now.", false), 3);
        assert_eq!(negations("Notably, the nothingness.", false), 0);
        assert_eq!(negations("He lives at No. 10 and says no.", false), 1);
    }

    #[test]
    fn one_side_negating_is_found() {
        assert_eq!(one_sided("Das ist wahr.", "That is not true."), Some(false));
        assert_eq!(
            one_sided("Es gibt keine Hoffnung.", "There is hope."),
            Some(true)
        );
        assert_eq!(
            one_sided("Es gibt keine Hoffnung.", "There is no hope."),
            None
        );
        assert_eq!(one_sided("Es regnet.", "It rains."), None);
    }
}
