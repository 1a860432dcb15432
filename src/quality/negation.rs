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
    "keinster",
    "keinsten",
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
        .filter(|&(word, after)| {
            let lower = word.trim_matches(['\'', '’']).to_lowercase();
            let prefix = !german && lower == "non" && after.starts_with('-');
            if !prefix && in_compound(sentence, word, after) {
                return false;
            }
            if german {
                return GERMAN.contains(&lower.as_str());
            }
            let sign = lower == "no"
                && after
                    .strip_prefix('.')
                    .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            (ENGLISH.contains(&lower.as_str()) && !sign)
                || prefix
                || lower.ends_with("n't")
                || lower.ends_with("n’t")
        })
        .count()
        - if german { 0 } else { neither_nor(sentence) }
}

/// Whether `word` (a slice of `sentence` with `after` the text after it) is a part of a
/// hyphenated compound ("Alles-oder-nichts-Spiel", "a no-confidence motion", "his
/// will-he-won't-he bid"): such a word names a thing and negates no clause, and the other
/// language mostly renders the compound without a negation ("Misstrauensvotum").
fn in_compound(sentence: &str, word: &str, after: &str) -> bool {
    let start = after.as_ptr() as usize - sentence.as_ptr() as usize - word.len();
    let before = sentence[..start].chars().next_back();
    let hyphen = |c: Option<char>| matches!(c, Some('-' | '‐' | '‑'));
    let next_is_letter = |rest: &str| rest.chars().nth(1).is_some_and(char::is_alphanumeric);
    (hyphen(before)
        && sentence[..start]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphanumeric))
        || (hyphen(after.chars().next()) && next_is_letter(after))
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
    "widersprach",
    "widersprachen",
    "widerspricht",
    "widersprechen",
    "widerlegt",
    "widerlegte",
    "falsch",
    "falsche",
    "falschen",
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
        .filter(|&(word, after)| {
            is_lexical(word, german)
                || (in_compound(sentence, word, after) && is_negation_word(word, german))
        })
        .count()
}

/// Whether `word` is one of the negating words that [`negations`] counts (the contraction
/// "n't" included), whatever its place.
fn is_negation_word(word: &str, german: bool) -> bool {
    let lower = word.trim_matches(['\'', '’']).to_lowercase();
    if german {
        GERMAN.contains(&lower.as_str())
    } else {
        ENGLISH.contains(&lower.as_str()) || lower.ends_with("n't") || lower.ends_with("n’t")
    }
}

/// Whether `word` negates in its meaning (see [`lexical_negations`]).
fn is_lexical(word: &str, german: bool) -> bool {
    let lower = word.to_lowercase();
    let n = lower.chars().count();
    let list = if german {
        GERMAN_LEXICAL
    } else {
        ENGLISH_LEXICAL
    };
    let un = n >= 6 && lower.starts_with("un") && !UN_WORDS.iter().any(|w| lower.starts_with(w));
    let suffix = if german {
        n >= 6
            && ["los", "lose", "losen", "loser", "loses", "losem"]
                .iter()
                .any(|e| lower.ends_with(e))
    } else {
        (n >= 6
            && ["less", "lessly", "lessness"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !matches!(
                lower.as_str(),
                "nevertheless" | "nonetheless" | "regardless"
            ))
            || (n >= 8
                && ["in", "im", "ir", "il"]
                    .iter()
                    .any(|p| lower.starts_with(p))
                && ["ible", "able", "ibly", "ably"]
                    .iter()
                    .any(|e| lower.ends_with(e)))
    };
    list.contains(&lower.as_str()) || un || suffix
}

/// How many double negations `sentence` holds: a negating word right before a word that
/// negates in its meaning, with at most "to" or "zu" between ("nicht unwichtig", "lag nicht
/// falsch", "not impossible", "never to fail"). The pair says something positive, and the
/// other language mostly says it without either ("wichtig", "was right"). (A verb of
/// stopping is no such word: "could not stop in time" negates.)
fn double_negations(sentence: &str, german: bool) -> usize {
    let list: Vec<&str> = words(sentence).map(|(w, _)| w).collect();
    let mut pairs = 0;
    let mut k = 0;
    while k + 1 < list.len() {
        if is_negation_word(list[k], german) {
            let mut m = k + 1;
            if matches!(list[m].to_lowercase().as_str(), "to" | "zu") && m + 1 < list.len() {
                m += 1;
            }
            if is_lexical(list[m], german) {
                pairs += 1;
                k = m + 1;
                continue;
            }
        }
        k += 1;
    }
    pairs
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
    // A double negation ("nicht unwichtig", "never to stop") negates nothing.
    let (dg, de) = (
        double_negations(german, true),
        double_negations(english, false),
    );
    let (g, e) = (g.saturating_sub(dg), e.saturating_sub(de));
    let (lg, le) = (lg.saturating_sub(2 * dg), le.saturating_sub(2 * de));
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
    fn negations_inside_hyphenated_compounds_negate_no_clause() {
        assert_eq!(negations("Ein Alles-oder-nichts-Spiel.", true), 0);
        assert_eq!(negations("They filed a no-confidence motion.", false), 0);
        assert_eq!(negations("His will-he-won't-he bid goes on.", false), 0);
        // "non-" stays a negation, and a hyphen between clauses parts no compound.
        assert_eq!(negations("A non-lethal weapon - not a toy.", false), 2);
        // Such a compound renders a "not" that the other side says in a clause, as a word
        // that negates in its meaning does; a clause negation beside it still counts.
        assert_eq!(
            one_sided(
                "Es wurde ein Alles-oder-nichts-Spiel.",
                "It was all or nothing."
            ),
            None
        );
        assert_eq!(
            one_sided(
                "Es war kein Alles-oder-nichts-Spiel.",
                "It was an all-or-nothing game."
            ),
            Some(true)
        );
    }

    #[test]
    fn superlative_and_adverb_forms_are_read() {
        assert_eq!(
            negations("Das hat sich in keinster Weise geändert.", true),
            1
        );
        assert_eq!(
            lexical_negations("He scored effortlessly, in sheer carelessness.", false),
            2
        );
        assert_eq!(
            lexical_negations("Nevertheless, regardless of that, nonetheless.", false),
            0
        );
        assert_eq!(
            one_sided(
                "Er traf ohne Mühe, aber unachtsam.",
                "He scored effortlessly but carelessly."
            ),
            None
        );
        assert_eq!(
            one_sided(
                "Die Firma widersprach der Behauptung.",
                "The firm said it was not true."
            ),
            None
        );
    }

    #[test]
    fn a_double_negation_negates_nothing() {
        assert_eq!(
            one_sided("Damit lag er nicht falsch.", "He was right."),
            None
        );
        assert_eq!(one_sided("Das ist nicht unwichtig.", "This matters."), None);
        assert_eq!(
            one_sided("Es ist nicht unmöglich.", "It may well happen."),
            None
        );
        assert_eq!(one_sided("Es kann klappen.", "It is not impossible."), None);
        // A "not" before a verb of stopping is no double negation.
        assert_eq!(
            one_sided(
                "Er konnte rechtzeitig bremsen.",
                "He could not stop in time."
            ),
            Some(false)
        );
        // A plain "nicht" beside such a word elsewhere in the sentence still counts.
        assert_eq!(
            one_sided(
                "Er kam nicht, es war unmöglich.",
                "He came, it was impossible."
            ),
            Some(true)
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
