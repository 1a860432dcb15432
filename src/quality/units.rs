//! Units of numbers: the `%`, `€`, `km`, `Uhr` or `Jahre` that says what a number counts, so
//! that "19 Prozent" rendered as "19 euros" is caught although the number itself agrees.
//!
//! A number's unit is read from the word right after it (after the scale word: "8,5 Millionen
//! Euro"), from a currency sign right before it ("$1,200"), or from its form (a clock time
//! "16:30" or "4.30 pm"). Each unit word of either language maps to one canonical unit; a
//! unit this table does not know says nothing.

use super::numbers::Number;

/// A canonical unit.
pub(crate) type Unit = &'static str;

/// The unit a (lower-cased) word names, in German or English.
fn unit_word(word: &str) -> Option<Unit> {
    Some(match word {
        "%" | "prozent" | "percent" | "pct" | "prozentpunkte" | "prozentpunkt" => "percent",
        "€" | "euro" | "euros" | "eur" => "euro",
        "$" | "dollar" | "dollars" | "usd" | "us-dollar" | "us-$" => "dollar",
        "£" | "pfund" | "pounds" | "pound" | "gbp" => "pound",
        "franken" | "francs" | "franc" | "chf" | "fr" => "franc",
        "km" | "kilometer" | "kilometern" | "kilometres" | "kilometers" | "kilometre" => {
            "kilometre"
        }
        "meter" | "metern" | "metres" | "meters" | "metre" => "metre",
        "meilen" | "miles" | "mile" => "mile",
        "kg" | "kilogramm" | "kilograms" | "kilogram" | "kilo" | "kilos" => "kilogram",
        "gramm" | "grams" | "gram" => "gram",
        "tonnen" | "tonne" | "tonnes" | "tons" | "ton" => "tonne",
        "stunde" | "stunden" | "std" | "hour" | "hours" | "hrs" | "h" => "hour",
        "minute" | "minuten" | "min" | "minutes" | "mins" => "minute",
        "sekunde" | "sekunden" | "sek" | "seconds" | "second" | "secs" => "second",
        "uhr" | "o'clock" | "pm" | "p.m" | "a.m" => "clock",
        "jahr" | "jahre" | "jahren" | "jahres" | "year" | "years" | "jährige" | "jährigen"
        | "jähriger" | "jähriges" => "year",
        "monat" | "monate" | "monaten" | "monats" | "month" | "months" => "month",
        "woche" | "wochen" | "week" | "weeks" => "week",
        "tag" | "tage" | "tagen" | "tages" | "day" | "days" => "day",
        "grad" | "°" | "degrees" | "degree" => "degree",
        _ => return None,
    })
}

/// The word after byte `at` of `sentence`: white space or one hyphen skipped ("77-year-old"),
/// then letters, `%`, `°`, `€`, `$`, `£`, an apostrophe or inner dots ("p.m.") and hyphens
/// ("US-Dollar"); lower-cased, trailing dots and hyphens dropped.
fn word_after(sentence: &str, at: usize) -> String {
    let rest = sentence.get(at..).unwrap_or("");
    let rest = rest.strip_prefix('-').unwrap_or(rest.trim_start());
    let word: String = rest
        .chars()
        .take_while(|&c| {
            c.is_alphabetic() || matches!(c, '%' | '°' | '€' | '$' | '£' | '\'' | '.' | '-')
        })
        .collect();
    // A sign is a word of its own: "5%-Hürde" is a percent.
    let word = match word.chars().next() {
        Some(c @ ('%' | '°' | '€' | '$' | '£')) => c.to_string(),
        _ => word,
    };
    word.trim_end_matches(['.', '-', '\'']).to_lowercase()
}

/// The unit of `number` in `sentence`, if it has one this module knows. A number written in
/// words has one only from a unit word after it ("sixty days").
pub(crate) fn unit_of(sentence: &str, number: &Number) -> Option<Unit> {
    if !number.digits {
        return unit_word(&word_after(sentence, number.end));
    }
    // A currency sign or code right before: "$1,200", "€ 5", "US-$ 3".
    let before = sentence.get(..number.start).unwrap_or("").trim_end();
    for (sign, unit) in [
        ("$", "dollar"),
        ("€", "euro"),
        ("£", "pound"),
        ("EUR", "euro"),
        ("USD", "dollar"),
        ("CHF", "franc"),
    ] {
        if before.ends_with(sign) {
            return Some(unit);
        }
    }
    let after = word_after(sentence, number.end);
    // "am" is a German preposition: only "a.m." reads as a clock time.
    if let Some(unit) = unit_word(&after) {
        return Some(unit);
    }
    // "50 per cent" (British English writes the percent in two words).
    if after == "per" {
        let at = number.end + sentence[number.end..].find("per").unwrap_or(0) + 3;
        if word_after(sentence, at) == "cent" {
            return Some("percent");
        }
    }
    // A hyphenated word: "year-old" (77-year-old), "US-Dollar".
    if let Some(unit) = after.split('-').find_map(unit_word) {
        return Some(unit);
    }
    // A time of day: "16:30".
    if number.text.contains(':') {
        return Some("clock");
    }
    // "5 m": the number scanner read the "m" as a scale word (five million may be written
    // "5m"); with no other unit after it, it is the metre.
    if number.text.rsplit([' ', '\u{a0}']).next() == Some("m") && number.text.len() > 2 {
        return Some("metre");
    }
    None
}

/// Numbers of equal value whose units differ: each German number with a known unit that an
/// English number matches in value, where no English number of that value has the same unit
/// or none, and one of them has another unit. Returns `(German as written with its unit,
/// English as written with its unit)` pairs.
pub(crate) fn differing_units(
    german: &str,
    german_numbers: &[Number],
    english: &str,
    english_numbers: &[Number],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for g in german_numbers.iter().filter(|g| g.digits) {
        let Some(unit) = unit_of(german, g) else {
            continue;
        };
        // An age the German gives in months, weeks or days ("im Alter von 15 Monaten") that
        // the English gives without a unit ("at 15", "aged 15") is in years.
        let age = is_age(german, g) && matches!(unit, "month" | "week" | "day");
        let same_value: Vec<(&Number, Option<Unit>)> = english_numbers
            .iter()
            .filter(|e| g.matches(e))
            .map(|e| (e, unit_of(english, e).or_else(|| age.then_some("year"))))
            .filter(|(e, u)| e.digits || u.is_some())
            .collect();
        // "18h" is an hour of the clock as often as a span of hours.
        let alike =
            |u: Unit| u == unit || matches!((u, unit), ("hour", "clock") | ("clock", "hour"));
        if same_value.iter().any(|(_, u)| u.is_none_or(alike)) {
            continue;
        }
        if let Some((e, Some(other))) = same_value.first() {
            out.push((format!("{} {unit}", g.text), format!("{} {other}", e.text)));
        }
    }
    out
}

/// Whether a German number is an age: after "Alter von" or "Alter" ("im Alter von 15
/// Monaten", "im Alter 15").
fn is_age(sentence: &str, number: &Number) -> bool {
    let before = sentence.get(..number.start).unwrap_or("").trim_end();
    let before = before.strip_suffix("von").unwrap_or(before).trim_end();
    before.ends_with("Alter")
}

#[cfg(test)]
mod tests {
    use super::super::numbers::numbers;
    use super::*;

    fn units(sentence: &str) -> Vec<Option<Unit>> {
        numbers(sentence)
            .iter()
            .filter(|n| n.digits)
            .map(|n| unit_of(sentence, n))
            .collect()
    }

    fn differ(german: &str, english: &str) -> usize {
        differing_units(german, &numbers(german), english, &numbers(english)).len()
    }

    #[test]
    fn units_of_numbers() {
        assert_eq!(units("Es sind 19 Prozent."), vec![Some("percent")]);
        assert_eq!(
            units("It is 19% of 8.5 million euros."),
            vec![Some("percent"), Some("euro")]
        );
        assert_eq!(units("There's a $1,200 check."), vec![Some("dollar")]);
        assert_eq!(
            units("um 16.30 Uhr, 77 Jahre alt"),
            vec![Some("clock"), Some("year")]
        );
        assert_eq!(
            units("at 16:30, a 77-year-old man"),
            vec![Some("clock"), Some("year")]
        );
        assert_eq!(
            units("1.200 US-Dollar und 5 km"),
            vec![Some("dollar"), Some("kilometre")]
        );
        assert_eq!(units("5 m hoch, 5m people"), vec![Some("metre"), None]);
        assert_eq!(units("Am 3. Mai kamen 12 Leute."), vec![None, None]);
    }

    #[test]
    fn a_changed_unit_differs_and_a_rendered_one_does_not() {
        assert_eq!(
            differ("fast 19 Euro des Stroms", "almost 19 percent of the power"),
            1
        );
        assert_eq!(
            differ(
                "fast 19 Prozent des Stroms",
                "almost 19 percent of the power"
            ),
            0
        );
        assert_eq!(differ("um 16.30 Minuten", "at 16:30"), 1);
        assert_eq!(differ("um 16.30 Uhr", "at 4.30 pm"), 0);
        assert_eq!(differ("vor 30 Monaten", "30 years ago"), 1);
        // Unknown or missing units say nothing.
        assert_eq!(differ("19 Menschen", "19 percent"), 0);
        assert_eq!(differ("19 Prozent", "19 people"), 0);
        // Two numbers of one value: the one with the same unit answers.
        assert_eq!(differ("5 Euro und 5 Prozent", "5 percent and 5 euros"), 0);
        // "per cent", "18h", a unit after a number in words, an age without a unit.
        assert_eq!(
            differ("50 Prozent des Darlehens", "50 per cent of the loan"),
            0
        );
        assert_eq!(
            differ("50 Euro des Darlehens", "50 per cent of the loan"),
            1
        );
        assert_eq!(differ("am 1. August (18.00 Uhr)", "on 1 August (18h)"), 0);
        assert_eq!(
            differ("am 1. August (18.00 Minuten)", "on 1 August (18h)"),
            1
        );
        assert_eq!(
            differ("während der 60 Tage davor", "during the sixty days before"),
            0
        );
        assert_eq!(
            differ(
                "während der 60 Wochen davor",
                "during the sixty days before"
            ),
            1
        );
        assert_eq!(
            differ("Im Alter von 15 Jahren spielte er", "At 15 he played"),
            0
        );
        assert_eq!(
            differ("Im Alter von 15 Monaten spielte er", "At 15 he played"),
            1
        );
        assert_eq!(
            differ("Vor 15 Monaten spielte er", "15 months ago he played"),
            0
        );
    }
}
