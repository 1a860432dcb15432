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
    "ohne",
];

/// English words that negate (the contraction `n't` is counted apart).
const ENGLISH: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
    "nope", "without",
];

/// How many negating words `sentence` holds, from the German list when `german` is true and
/// the English one otherwise; each English contraction ("don't", "can’t") counts once, a
/// word with the prefix "non-" ("non-lethal") once, "No." before a number ("No. 10 Downing
/// Street") not at all, and a pair "neither … nor" once (as "weder … noch").
pub(crate) fn negations(sentence: &str, german: bool) -> usize {
    words(sentence)
        .filter(|(word, after)| {
            let lower = word.trim_matches(['\'', '’']).to_lowercase();
            if german {
                return GERMAN.contains(&lower.as_str());
            }
            let sign = lower == "no"
                && after
                    .strip_prefix('.')
                    .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            let prefix = lower == "non" && after.starts_with('-');
            (ENGLISH.contains(&lower.as_str()) && !sign)
                || prefix
                || lower.ends_with("n't")
                || lower.ends_with("n’t")
        })
        .count()
        - if german { 0 } else { neither_nor(sentence) }
}

/// The words of `sentence` (letters and apostrophes), each with the text after it.
fn words(sentence: &str) -> impl Iterator<Item = (&str, &str)> {
    let is_word = |c: char| c.is_alphabetic() || c == '\'' || c == '’';
    let mut rest = sentence;
    std::iter::from_fn(move || {
        let start = rest.find(is_word)?;
        let tail = &rest[start..];
        let len = tail.find(|c: char| !is_word(c)).unwrap_or(tail.len());
        let (word, after) = tail.split_at(len);
        rest = after;
        Some((word, after))
    })
}

/// How many "neither" come before a later "nor" in `sentence`: "neither … nor" is one
/// negation, as the German "weder … noch" (whose "noch" is no negation word).
fn neither_nor(sentence: &str) -> usize {
    let mut open = 0;
    let mut found = 0;
    for (word, _) in words(sentence) {
        match word.to_lowercase().as_str() {
            "neither" => open += 1,
            "nor" if open > 0 => {
                open -= 1;
                found += 1;
            }
            _ => {}
        }
    }
    found
}

/// English words that say "not" in their meaning: "fail", "refuse", "unable", ... (see
/// [`lexical_negations`]).
const ENGLISH_LEXICAL: &[&str] = &[
    "fail",
    "fails",
    "failed",
    "failing",
    "failure",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "refusal",
    "refrain",
    "refrained",
    "refraining",
    "deny",
    "denies",
    "denied",
    "denying",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "absent",
    "absence",
    "cease",
    "ceased",
    "avoid",
    "avoided",
    "avoiding",
    "prevent",
    "prevented",
    "decline",
    "declined",
    "reject",
    "rejected",
    "hardly",
    "barely",
    "instead",
    "false",
    "except",
    "cancel",
    "cancelled",
    "canceled",
    "impossible",
    "indisputable",
    "unless",
    "escape",
    "rarely",
    "seldom",
    "rather",
    "defy",
    "defies",
];

/// German words that say "not" in their meaning: "fehlen", "kaum", "verweigern", ...
const GERMAN_LEXICAL: &[&str] = &[
    "kaum",
    "fehlen",
    "fehlt",
    "fehlte",
    "fehlten",
    "fehlend",
    "vergeblich",
    "vergebens",
    "verweigern",
    "verweigert",
    "verweigerte",
    "ablehnen",
    "abgelehnt",
    "lehnte",
    "lehnten",
    "scheitern",
    "scheiterte",
    "gescheitert",
    "vermeiden",
    "vermied",
    "vermieden",
    "verzichten",
    "verzichtet",
    "verzichtete",
    "verhindern",
    "verhindert",
    "verhinderte",
    "statt",
    "anstatt",
    "ausgeschlossen",
    "verboten",
    "mangels",
    "unweit",
    "abgesagt",
    "gestrichen",
    "bestritt",
    "bestreitet",
    "bestritten",
    "leugnet",
    "leugnete",
    "unmöglich",
    "wenig",
    "weniger",
    "selten",
    "seltener",
    "seltensten",
];

/// Words that start with "un" and do not negate (German and English).
const UN_WORDS: &[&str] = &[
    "unter",
    "unten",
    "unser",
    "unsere",
    "unserer",
    "unseren",
    "unserem",
    "unseres",
    "under",
    "until",
    "unto",
    "union",
    "unit",
    "unite",
    "united",
    "unity",
    "univers",
    "unique",
    "uniform",
    "ungefähr",
    "unfall",
    "unfälle",
    "unwetter",
    "unmittelbar",
    "unbedingt",
    "unglaublich",
    "unheimlich",
    "unruh",
    "unterstütz",
    "unternehm",
    "untersuch",
];

/// How many words of `sentence` negate in their meaning rather than with a negation word:
/// the lists above, German words in "un-" or "-los" ("unverändert", "erfolglos"), English
/// words in "un-" or "-less" ("unable", "uncertain", "pointless") and in "in-", "im-", "ir-",
/// "il-" with "-ible" or "-able" ("invincible", "irreplaceable"). A translation often
/// renders "nicht gesichert" as "uncertain" or "weigerte sich nicht" ... "refused": such a
/// word on the side without a "not" renders the other side's "not".
pub(crate) fn lexical_negations(sentence: &str, german: bool) -> usize {
    words(sentence)
        .filter(|(word, _)| {
            let lower = word.to_lowercase();
            let n = lower.chars().count();
            let list = if german {
                GERMAN_LEXICAL
            } else {
                ENGLISH_LEXICAL
            };
            let un =
                n >= 6 && lower.starts_with("un") && !UN_WORDS.iter().any(|w| lower.starts_with(w));
            let suffix = if german {
                n >= 6
                    && ["los", "lose", "losen", "loser", "loses", "losem"]
                        .iter()
                        .any(|e| lower.ends_with(e))
            } else {
                (n >= 6 && lower.ends_with("less") && lower != "nevertheless")
                    || (n >= 8
                        && ["in", "im", "ir", "il"]
                            .iter()
                            .any(|p| lower.starts_with(p))
                        && ["ible", "able", "ibly", "ably"]
                            .iter()
                            .any(|e| lower.ends_with(e)))
            };
            list.contains(&lower.as_str()) || un || suffix
        })
        .count()
}

/// How many "nicht nur" (German) or "not only", "not just", "not merely" (English) the
/// sentence holds: a contrast ("not only … but also") that a translation may render
/// without a negation ("as well as").
fn not_only(sentence: &str, german: bool) -> usize {
    let lower: Vec<String> = words(sentence).map(|(w, _)| w.to_lowercase()).collect();
    lower
        .windows(2)
        .filter(|pair| {
            if german {
                pair[0] == "nicht" && pair[1] == "nur"
            } else {
                pair[0] == "not" && matches!(pair[1].as_str(), "only" | "just" | "merely")
            }
        })
        .count()
}

/// Whether one side of a bead negates and the other does not: `Some(true)` when only the
/// German negates, `Some(false)` when only the English does. A "nicht nur" that the other
/// side renders without "not only" ("sowohl … als auch", "as well as") is no negation; one
/// that the other side renders as "not only", or whose "but also" ("sondern auch") the other
/// side keeps, is (so that a "nicht" dropped from "nicht nur … sondern auch" is still found).
pub(crate) fn one_sided(german: &str, english: &str) -> Option<bool> {
    let (mut g, mut e) = (negations(german, true), negations(english, false));
    let (g_only, e_only) = (not_only(german, true), not_only(english, false));
    // "… but also" / "… sondern auch" left standing: the contrast is still there, its "not"
    // may have been dropped ("sie sprach nur über X, sondern auch über Y").
    let has =
        |sentence: &str, word: &str| words(sentence).any(|(w, _)| w.eq_ignore_ascii_case(word));
    if e_only == 0 && !(has(english, "but") && has(english, "also")) {
        g -= g_only.min(g);
    }
    if g_only == 0 && !has(german, "sondern") {
        e -= e_only.min(e);
    }
    // A side with fewer "not"s may say it in a word of its own ("uncertain", "refused"):
    // the sides differ only when they still do with such words counted on both.
    let (lg, le) = (
        g + lexical_negations(german, true),
        e + lexical_negations(english, false),
    );
    match (g > e && lg > le, e > g && le > lg) {
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
    fn paired_and_prefixed_negations() {
        assert_eq!(negations("It is neither good nor enough.", false), 1);
        assert_eq!(negations("Weder sei es gut noch ausreichend.", true), 1);
        assert_eq!(negations("Nor has the club.", false), 1);
        assert_eq!(negations("with non-lethal weapons", false), 1);
        assert_eq!(
            one_sided(
                "Weder sei es gut noch ausreichend.",
                "It is neither good nor enough."
            ),
            None
        );
        assert_eq!(
            one_sided("mit nicht tödlichen Waffen", "with non-lethal weapons"),
            None
        );
        // "ohne" and "without" translate each other, and each renders a "not".
        assert_eq!(
            one_sided("Ohne Gerechtigkeit kein Frieden.", "No justice, no peace."),
            None
        );
        assert_eq!(
            one_sided("Er sagte nicht, wie.", "He said it without saying how."),
            None
        );
    }

    #[test]
    fn not_only_counts_when_both_sides_have_it() {
        // "nicht nur" rendered "as well as": no negation on either side.
        assert_eq!(
            one_sided(
                "Man kann nicht nur im Sommer, sondern auch im Winter beginnen.",
                "One can begin in winter as well as in summer."
            ),
            None
        );
        // A "nicht" dropped from "nicht nur" against an English "not only" is found.
        assert_eq!(
            one_sided(
                "Sie sprach nur über das Klima, sondern auch über die Mächtigen.",
                "She not only talked about the climate but also about the powerful."
            ),
            Some(false)
        );
        assert_eq!(
            one_sided(
                "Sie sprach nicht nur über das Klima, sondern auch über die Mächtigen.",
                "She not only talked about the climate but also about the powerful."
            ),
            None
        );
    }

    #[test]
    fn a_word_that_negates_renders_a_not() {
        assert_eq!(
            lexical_negations("He was unable and refused, pointless.", false),
            3
        );
        assert_eq!(
            lexical_negations("Unter uns: unverändert und erfolglos.", true),
            2
        );
        assert_eq!(
            lexical_negations("The United Nations met under a union flag.", false),
            0
        );
        // The other side says the "not" in a word: nothing one-sided.
        assert_eq!(
            one_sided(
                "Sein Verbleib ist nicht gesichert.",
                "His stay is uncertain."
            ),
            None
        );
        assert_eq!(one_sided("Sie zahlen nicht.", "They refuse to pay."), None);
        assert_eq!(
            one_sided("Die Lage blieb unverändert.", "There was no change."),
            None
        );
        // A "not" dropped beside such a word is still found: the words count on both sides.
        assert_eq!(
            one_sided(
                "Sie erwähnte, ob er getestet wurde, und nannte unschlüssige Ergebnisse.",
                "She did not mention whether he was tested and cited uncertain results."
            ),
            Some(false)
        );
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
