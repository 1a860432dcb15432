//! Numbers as values: digits with their separators, ordinal marks and scale words, so that
//! "1,5 Mio." and "1.5 million" read the same and "29." differs from "28th". The digit runs,
//! their ordinal marks and separator readings come from the crate's one number scanner,
//! [`crate::text::numbers`]; the scale words, number words and clock times are read here.

use crate::text::numbers as scan;

/// A number written in a sentence, with every value it can stand for.
///
/// Separators are ambiguous across languages (`1.500` is fifteen hundred in German, one and a
/// half in English), so a number keeps each reading its digits allow: a separator followed
/// by exactly three digits may group thousands, any separator may be a decimal mark. Two
/// numbers match when they share a reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// The number as written, scale word included (e.g. `1,5 Mio.`).
    pub text: String,
    /// Where it starts and ends in its sentence (bytes; `text` is `sentence[start..end]`).
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The values it may stand for (at most a handful).
    pub values: Vec<f64>,
    /// Whether it was written in digits (number words such as "two" only ever confirm a
    /// match, they are never reported as missing).
    pub digits: bool,
}

impl Number {
    /// Whether the two numbers share a reading (relative tolerance 1e-9).
    pub(crate) fn matches(&self, other: &Number) -> bool {
        // Numbers too long for a float still match when written with the same digits.
        let digits = |n: &Number| {
            n.text
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        };
        if self.values.is_empty() || other.values.is_empty() {
            return self.digits && other.digits && digits(self) == digits(other);
        }
        self.values.iter().any(|a| {
            other
                .values
                .iter()
                .any(|b| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0))
        })
    }
}

/// The scale a word multiplies by, or `None`; some words have two readings (English
/// "billion" is 10⁹, German "Billion" 10¹²).
fn scale(word: &str) -> Option<&'static [f64]> {
    let lower = word.to_lowercase();
    let w = lower.trim_end_matches('.');
    Some(match w {
        "tsd" | "tausend" | "thousand" | "thousands" => &[1e3],
        "mio" | "million" | "millionen" | "millions" | "mn" => &[1e6],
        // "5m" may be five million or five metres, "5k" five thousand or five kilo-something.
        "m" => &[1.0, 1e6],
        "k" => &[1.0, 1e3],
        "mrd" | "milliarde" | "milliarden" | "bn" | "billions" => &[1e9],
        "billion" => &[1e9, 1e12],
        "billionen" | "trillion" | "trillions" => &[1e12],
        // Indian English counts in lakhs (10⁵) and crores (10⁷): "14 lakh" is 1,4 Millionen.
        "lakh" | "lakhs" => &[1e5],
        "crore" | "crores" => &[1e7],
        _ => return None,
    })
}

/// The value of a number word up to twelve, a teen or a ten ("zwanzig", "ninety"), a German
/// compound ("einunddreißig"), or an ordinal up to fifth.
fn number_word(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    if let Some(value) = simple_number_word(&lower).or_else(|| tens_word(&lower)) {
        return Some(value);
    }
    // German units and tens in one word: "einunddreißig", "zweiundzwanzig".
    let (unit, tens) = lower.split_once("und")?;
    let unit = match unit {
        "ein" => 1.0,
        other => simple_number_word(other).filter(|v| (2.0..10.0).contains(v))?,
    };
    Some(unit + tens_word(tens).filter(|&v| v >= 20.0)?)
}

fn simple_number_word(lower: &str) -> Option<f64> {
    let value = match lower {
        "null" | "zero" => 0,
        "eins" | "one" => 1,
        "zwei" | "two" | "zwo" => 2,
        "drei" | "three" => 3,
        "vier" | "four" => 4,
        "fünf" | "five" => 5,
        "sechs" | "six" => 6,
        "sieben" | "seven" => 7,
        "acht" | "eight" => 8,
        "neun" | "nine" => 9,
        "zehn" | "ten" => 10,
        "elf" | "eleven" => 11,
        "zwölf" | "twelve" => 12,
        "hundert" | "hundred" => 100,
        "erste" | "erster" | "ersten" | "first" => 1,
        "zweite" | "zweiter" | "zweiten" | "second" => 2,
        "dritte" | "dritter" | "dritten" | "third" => 3,
        "vierte" | "vierten" | "fourth" => 4,
        "fünfte" | "fünften" | "fifth" => 5,
        "dutzend" | "dozen" => 12,
        "tausend" | "thousand" => 1000,
        "million" => 1_000_000,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Teens and tens: "dreizehn", "thirteen", "zwanzig", "ninety".
fn tens_word(lower: &str) -> Option<f64> {
    let value = match lower {
        "dreizehn" | "thirteen" => 13,
        "vierzehn" | "fourteen" => 14,
        "fünfzehn" | "fifteen" => 15,
        "sechzehn" | "sixteen" => 16,
        "siebzehn" | "seventeen" => 17,
        "achtzehn" | "eighteen" => 18,
        "neunzehn" | "nineteen" => 19,
        "zwanzig" | "twenty" => 20,
        "dreißig" | "dreissig" | "thirty" => 30,
        "vierzig" | "forty" => 40,
        "fünfzig" | "fifty" => 50,
        "sechzig" | "sixty" => 60,
        "siebzig" | "seventy" => 70,
        "achtzig" | "eighty" => 80,
        "neunzig" | "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(value))
}

/// German adjectives and adverbs made of a number word and a suffix: "vierjährigen",
/// "dreifach", "zweimal", "fünfstündige" (the English writes "4-year-old", "3-fold", ...),
/// and places ending a compound: "Tabellenvierten" ("4th-placed").
fn number_compound(lower: &str) -> Option<f64> {
    const SUFFIXES: &[&str] = &[
        "jährig",
        "fach",
        "mal",
        "stündig",
        "tägig",
        "wöchig",
        "monatig",
        "minütig",
        "seitig",
        "stellig",
        "teilig",
        "köpfig",
        "stöckig",
        "prozentig",
    ];
    // A place in a table or group ends the word: "Tabellenvierten" (the 4th-placed team).
    const PLACES: &[(&str, f64)] = &[
        ("zweite", 2.0),
        ("dritte", 3.0),
        ("vierte", 4.0),
        ("fünfte", 5.0),
    ];
    let place = PLACES.iter().find_map(|&(ordinal, value)| {
        let head = ["", "n", "r", "s", "m"]
            .iter()
            .find_map(|ending| lower.strip_suffix(ending)?.strip_suffix(ordinal))?;
        (head.chars().count() >= 4).then_some(value)
    });
    place.or_else(|| {
        (3..lower.len()).find_map(|cut| {
            let (head, tail) = (lower.get(..cut)?, lower.get(cut..)?);
            SUFFIXES
                .iter()
                .any(|suffix| tail.starts_with(suffix))
                .then(|| simple_number_word(head).or_else(|| tens_word(head)))
                .flatten()
        })
    })
}

/// The teams left in a knockout round a German word names: "Achtelfinale" and
/// "Achtelfinal-Hinspiel" are the last 16 (English "last 16", "round of 16"),
/// "Viertelfinale" the last 8, "Halbfinale" the last 4, "Sechzehntelfinale" the last 32.
fn knockout_round(lower: &str) -> Option<f64> {
    const ROUNDS: &[(&str, f64)] = &[
        ("sechzehntelfinal", 32.0),
        ("achtelfinal", 16.0),
        ("viertelfinal", 8.0),
        ("halbfinal", 4.0),
    ];
    ROUNDS
        .iter()
        .find_map(|&(round, teams)| lower.contains(round).then_some(teams))
}

/// The values a decade word may stand for: a German ten used as a noun or a decade
/// ("Sechzig", "Sechzigs", "die Sechziger", "Sechzigerjahre", "sechziger Jahre") reads the
/// ten and the years of that decade in the last three centuries, so that it confirms "the
/// 1960s", "'60s" or the club "1860" (TSV 1860, "Sechzig"). Empty for any other word.
fn decade_years(word: &str) -> Vec<f64> {
    let lower = word.to_lowercase();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let tens = ["erjahren", "erjahre", "ern", "er", "s", ""]
        .iter()
        .filter(|&&ending| capitalised || ending.starts_with("er"))
        .find_map(|ending| tens_word(lower.strip_suffix(ending)?))
        .filter(|&v| v >= 20.0 && v % 10.0 == 0.0);
    tens.map_or_else(Vec::new, |t| vec![t, 1800.0 + t, 1900.0 + t, 2000.0 + t])
}

/// The month a capitalised month name stands for ("Juni", "June", "Sept."): it confirms a
/// date written in digits on the other side ("9/11" for "11. September").
fn month(word: &str) -> Option<f64> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let value = match word.to_lowercase().as_str() {
        "januar" | "jänner" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "märz" | "march" => 3,
        "april" => 4,
        "mai" | "may" => 5,
        "juni" | "june" => 6,
        "juli" | "july" => 7,
        "august" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "dezember" | "december" | "dez" | "dec" => 12,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Whether the text between two numbers makes them a range or pair that shares the second
/// one's scale word ("3 bis 8 Millionen", "between £3 and £8 million").
fn shares_scale(between: &str) -> bool {
    let between = between.trim().trim_matches(['£', '$', '€']).trim();
    matches!(
        between.to_lowercase().as_str(),
        "-" | "–" | "bis" | "to" | "und" | "and" | "oder" | "or" | "bis zu"
    )
}

/// The digit groups of a date written with full stops ("3.6.2021", "03.06.21", "12.10."):
/// day, month and year if any, each a value; `None` when the run is no such date.
fn date_parts(run: &str, dotted_end: bool) -> Option<Vec<f64>> {
    let groups: Vec<&str> = run.split('.').collect();
    let [day, month, rest @ ..] = groups.as_slice() else {
        return None;
    };
    let short = |g: &str| (1..=2).contains(&g.len());
    if !short(day) || !short(month) {
        return None;
    }
    let (d, m): (f64, f64) = (day.parse().ok()?, month.parse().ok()?);
    if !(1.0..=31.0).contains(&d) || !(1.0..=12.0).contains(&m) {
        return None;
    }
    match rest {
        [] if dotted_end => Some(vec![d, m]),
        [year] if year.len() == 4 || year.len() == 2 => Some(vec![d, m, year.parse().ok()?]),
        _ => None,
    }
}

/// The numbers of a sentence, in order: digit runs as the scanner joins them for values
/// ([`scan::Use::Value`]: `:` joins too, so that the times `21.30` and `21:30` match), an
/// ordinal mark (`29.`, `29th`) dropped, a following scale word (`Mio.`, `million`, `Mrd.`,
/// `bn`, `lakh`, ...; also after a hyphen, `1-Billionen-Paket`) multiplied in, and number
/// words (up to twelve, teens, tens, "thirty-one", "einunddreißig", "vier Millionen",
/// "vierjährig"). Notations of one value read alike:
/// - a score `2:0` is the numbers 2 and 0 (as the English `2-0`); only `h:mm` is a time;
/// - a date `3.6.2021` or `12.10.` is its day, month and year, and a capitalised month name
///   ("Juni", "September") confirms its month (`9/11` for "11. September");
/// - `1968/69` also reads 1969; a military time `0200` also reads 2.00 (as `02:00`);
/// - in a range the first number shares the second's scale (`3 bis 8 Millionen`);
/// - the `2` of `km2` or `m2` is an exponent, no number.
pub(crate) fn numbers(sentence: &str) -> Vec<Number> {
    let mut found = Vec::new();
    // Per number: whether a scale word followed it (for ranges sharing one).
    let mut scales: Vec<Option<&'static [f64]>> = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(sentence.len(), |&(b, _)| b);
    let mut k = 0;
    while let Some(&(start, c)) = chars.get(k) {
        if c.is_ascii_digit() {
            let run_end = scan::run_end(sentence, start, scan::Use::Value);
            let mut end = k + 1;
            while chars.get(end).is_some_and(|&(b, _)| b < run_end) {
                end += 1;
            }
            let run = &sentence[start..run_end];
            if is_exponent(sentence, start, run) {
                k = end;
                continue;
            }
            // A score or a list with colons ("2:0", "1:1:0"): each side a number of its own.
            if run.contains(':') && !is_clock(run) {
                let mut offset = start;
                for part in run.split(':') {
                    if !part.is_empty() {
                        found.push(Number {
                            text: part.to_string(),
                            start: offset,
                            end: offset + part.len(),
                            values: scan::readings(part),
                            digits: true,
                        });
                        scales.push(None);
                    }
                    offset += part.len() + 1;
                }
                k = end;
                continue;
            }
            let ordinal = scan::ordinal_mark(&sentence[run_end..]);
            if let Some(parts) = date_parts(run, ordinal == 1) {
                let mut offset = start;
                for (n, (part, value)) in run.split('.').zip(parts).enumerate() {
                    let mut values = vec![value];
                    // A two-digit year: "03.06.21" is 2021.
                    if n == 2 && part.len() == 2 {
                        values.push(2000.0 + value);
                    }
                    found.push(Number {
                        text: part.to_string(),
                        start: offset,
                        end: offset + part.len(),
                        values,
                        digits: true,
                    });
                    scales.push(None);
                    offset += part.len() + 1;
                }
                while chars.get(end).is_some_and(|&(b, _)| b < run_end + ordinal) {
                    end += 1;
                }
                k = end;
                continue;
            }
            let mut values = scan::readings(run);
            values.extend(other_readings(sentence, start, run));
            // A fraction after the whole number: "3½", "3 1/2".
            let (fraction, fraction_len) = fraction_after(&sentence[run_end..]);
            if fraction > 0.0 {
                values = values.iter().map(|v| v + fraction).collect();
            }
            let run_end = run_end + fraction_len;
            let ordinal = if fraction_len > 0 { 0 } else { ordinal };
            // An ordinal mark: German full stop, English suffix.
            let mut text_end = run_end + ordinal;
            // A scale word after optional white space or a hyphen.
            let rest = &sentence[text_end..];
            let trimmed = rest.strip_prefix('-').unwrap_or(rest.trim_start());
            let word_len = trimmed
                .find(|ch: char| !ch.is_alphabetic())
                .unwrap_or(trimmed.len());
            let word = &trimmed[..word_len];
            let dotted = trimmed[word_len..].starts_with('.');
            let factors = (!word.is_empty()).then(|| scale(word)).flatten();
            if let Some(factors) = factors {
                values = values
                    .iter()
                    .flat_map(|v| factors.iter().map(move |f| v * f))
                    .collect();
                text_end += rest.len() - trimmed.len() + word_len + usize::from(dotted);
            }
            // A 12-hour clock time: "1 pm" may be written "13 Uhr", "12 am" "0 Uhr". The
            // written value stays a reading too ("am" is also a German preposition).
            let after = sentence[text_end..].trim_start();
            let marker: String = after
                .chars()
                .take_while(|ch| ch.is_alphabetic() || *ch == '.')
                .filter(|ch| *ch != '.')
                .collect::<String>()
                .to_lowercase();
            let clock: Vec<f64> = values
                .iter()
                .filter_map(|&v| match marker.as_str() {
                    "pm" if (1.0..12.0).contains(&v) => Some(v + 12.0),
                    "am" if (12.0..13.0).contains(&v) => Some(v - 12.0),
                    _ => None,
                })
                .collect();
            values.extend(clock);
            let text = sentence[start..text_end].trim_end().to_string();
            let text_end = start + text.len();
            // Skip past what was consumed, in chars.
            while chars.get(end).is_some_and(|&(b, _)| b < text_end) {
                end += 1;
            }
            found.push(Number {
                text,
                start,
                end: text_end,
                values,
                digits: true,
            });
            scales.push(factors);
            k = end;
        } else if c.is_alphabetic() {
            let mut end = k + 1;
            while chars.get(end).is_some_and(|&(_, d)| d.is_alphabetic()) {
                end += 1;
            }
            let word = &sentence[start..end_of(end)];
            let lower = word.to_lowercase();
            let mut value = number_word(word).or_else(|| number_compound(&lower));
            let mut word_end = end;
            // "thirty-one": a ten, a hyphen and a unit.
            if let Some(tens) = value.filter(|v| (20.0..100.0).contains(v) && v % 10.0 == 0.0) {
                let unit_start = end + 1;
                let hyphen = chars.get(end).is_some_and(|&(_, d)| d == '-');
                let mut unit_end = unit_start;
                while chars.get(unit_end).is_some_and(|&(_, d)| d.is_alphabetic()) {
                    unit_end += 1;
                }
                let unit = sentence
                    .get(end_of(unit_start)..end_of(unit_end))
                    .unwrap_or("");
                if let Some(u) = number_word(unit).filter(|u| hyphen && (1.0..10.0).contains(u)) {
                    value = Some(tens + u);
                    word_end = unit_end;
                }
            }
            if let Some(mut value) = value {
                // "vier Millionen": a number word and a scale word.
                let rest = &sentence[end_of(word_end)..];
                let trimmed = rest.trim_start();
                let next_len = trimmed
                    .find(|ch: char| !ch.is_alphabetic())
                    .unwrap_or(trimmed.len());
                let factors = (next_len > 0 && trimmed.len() < rest.len())
                    .then(|| scale(&trimmed[..next_len]))
                    .flatten()
                    .filter(|f| f.len() == 1);
                let mut values = Vec::new();
                if let Some(&[factor]) = factors {
                    value *= factor;
                } else if word_end == end {
                    // A ten on its own may be a decade: "Sechzig" for TSV 1860.
                    values = decade_years(word);
                }
                if values.is_empty() {
                    values.push(value);
                }
                found.push(Number {
                    text: sentence[start..end_of(word_end)].to_string(),
                    start,
                    end: end_of(word_end),
                    values,
                    digits: false,
                });
                scales.push(factors);
            } else if let Some(value) = month(word) {
                found.push(Number {
                    text: word.to_string(),
                    start,
                    end: end_of(end),
                    values: vec![value],
                    digits: false,
                });
                scales.push(None);
            } else if let Some(values) = knockout_round(&lower)
                .map(|teams| vec![teams])
                .or_else(|| Some(decade_years(word)).filter(|years| !years.is_empty()))
            {
                found.push(Number {
                    text: word.to_string(),
                    start,
                    end: end_of(end),
                    values,
                    digits: false,
                });
                scales.push(None);
            }
            k = word_end;
        } else {
            k += 1;
        }
    }
    // A range sharing one scale word: "3 bis 8 Millionen" is 3 million to 8 million.
    for i in 1..found.len() {
        let (Some(None), Some(Some(factors))) = (scales.get(i - 1), scales.get(i)) else {
            continue;
        };
        let between = sentence.get(found[i - 1].end..found[i].start).unwrap_or("");
        if found[i - 1].digits && shares_scale(between) {
            let scaled: Vec<f64> = found[i - 1]
                .values
                .iter()
                .flat_map(|v| factors.iter().map(move |f| v * f))
                .collect();
            found[i - 1].values.extend(scaled);
        }
    }
    found
}

/// The fraction right after a whole number and its length in bytes: a vulgar fraction
/// ("3½") or a space and a simple fraction ("3 1/2"), else `(0.0, 0)`.
fn fraction_after(rest: &str) -> (f64, usize) {
    let vulgar = [('½', 0.5), ('¼', 0.25), ('¾', 0.75)];
    if let Some(&(c, value)) = vulgar.iter().find(|(c, _)| rest.starts_with(*c)) {
        return (value, c.len_utf8());
    }
    for (written, value) in [(" 1/2", 0.5), (" 1/4", 0.25), (" 3/4", 0.75)] {
        if rest.starts_with(written)
            && !rest[written.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            return (value, written.len());
        }
    }
    (0.0, 0)
}

/// Whether a digit run with a colon is a clock time `h:mm` or `hh:mm` (else a score).
fn is_clock(run: &str) -> bool {
    run.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether the digits at `start` are the exponent of a unit: `km2`, `m3`, `cm2`.
fn is_exponent(sentence: &str, start: usize, run: &str) -> bool {
    let before = &sentence[..start];
    let unit_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum::<usize>();
    let unit = &before[before.len() - unit_len..];
    matches!(run, "2" | "3")
        && matches!(unit, "m" | "km" | "cm" | "mm" | "dm")
        && !sentence[start + run.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Readings a run has from its place: `69` after `1968/` is also 1969; a military time
/// `0200` is also 2.00.
fn other_readings(sentence: &str, start: usize, run: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let bytes = run.as_bytes();
    if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_digit) {
        let before = sentence[..start].strip_suffix('/').unwrap_or("");
        let year: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let (4, Ok(year), Ok(short)) = (year.len(), year.parse::<u32>(), run.parse::<u32>()) {
            let century = year / 100 * 100;
            let next = if short < year % 100 {
                century + 100
            } else {
                century
            };
            out.push(f64::from(next + short));
        }
    }
    if bytes.len() == 4 && bytes[0] == b'0' && bytes.iter().all(u8::is_ascii_digit) {
        let (h, m) = (run[..2].parse::<u32>(), run[2..].parse::<u32>());
        if let (Ok(h), Ok(m)) = (h, m)
            && h < 24
            && m < 60
        {
            out.push(f64::from(h) + f64::from(m) / 100.0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_separators_and_ordinals() {
        let de = numbers("Der Umsatz stieg um 1,5 Mio. Euro auf 1.200.000 Euro.");
        let en = numbers("Sales rose by 1.5 million euros to 1,200,000 euros.");
        assert!(de[0].matches(&en[0]) && de[1].matches(&en[1]));
        assert!(!numbers("die 29. Sitzung")[0].matches(&numbers("the 28th session")[0]));
        assert!(numbers("die 29. Sitzung")[0].matches(&numbers("the 29th session")[0]));
    }

    fn one(s: &str) -> Number {
        let mut all = numbers(s);
        assert!(!all.is_empty(), "no number in {s:?}");
        all.remove(0)
    }

    #[test]
    fn scale_words_and_separators() {
        assert!(one("1,5 Mio.").matches(&one("1.5 million")));
        assert!(one("1,5 Mio.").matches(&one("1,500,000")));
        assert!(one("3 Mrd. Euro").matches(&one("3bn euros")));
        assert!(one("2 Milliarden").matches(&one("2 billion")));
        assert!(one("1.000,5").matches(&one("1,000.5")));
        assert!(one("10.000").matches(&one("10,000")));
        assert!(one("3 Tsd.").matches(&one("3,000")));
        assert!(!one("1,5 Mio.").matches(&one("1.5 billion")));
        assert!(!one("2,5").matches(&one("25")));
        assert!(one("21.30 Uhr").matches(&one("21:30")));
        // 24-hour against 12-hour clock times.
        assert!(one("bis 13 Uhr").matches(&one("until 1pm")));
        assert!(one("um 21.30 Uhr").matches(&one("at 9.30 p.m.")));
        assert!(one("um 12 Uhr").matches(&one("at 12 pm")));
        assert!(!one("bis 13 Uhr").matches(&one("until 1am")));
        assert!(!one("bis 14 Uhr").matches(&one("until 1pm")));
        // The same value in another notation, and dates.
        assert!(one("am 3. Juni").matches(&numbers("on June 3")[1]));
        assert_eq!(numbers("on June 3")[0].values, [6.0]);
        assert_eq!(one("1,5 Mio. Euro").text, "1,5 Mio.");
    }

    #[test]
    fn ordinals_and_words() {
        assert!(one("am 3. Oktober").matches(&one("on 3rd October")));
        assert!(!one("29.").matches(&one("28th")));
        assert!(one("zwei Tage").matches(&one("2 days")));
        assert!(!one("zwei Tage").digits);
        assert_eq!(numbers("COP29 in Baku, 2024.").len(), 2);
    }

    #[test]
    fn knockout_rounds_and_decades() {
        let values = |s: &str| numbers(s).into_iter().next().map(|n| n.values);
        assert_eq!(values("im Achtelfinal-Hinspiel"), Some(vec![16.0]));
        assert!(one("im Viertelfinale").matches(&one("in the last 8")));
        assert!(one("Sechzigs Gegner").matches(&one("1860s opponent")));
        assert!(one("die Achtzigerjahre").matches(&one("the 1980s")));
        assert!(one("in den sechziger Jahren").matches(&one("in the 1960s")));
        // A ten as a count is no decade; composed or scaled, it is its value.
        assert!(!one("sechzig Menschen").matches(&one("1960")));
        assert_eq!(values("Thirty-one"), Some(vec![31.0]));
        assert_eq!(values("Sechzig Millionen"), Some(vec![60e6]));
        assert_eq!(values("Achtelfinale"), Some(vec![16.0]));
        assert!(numbers("Finale und Finalisten").is_empty());
    }

    /// The anchor keys the tokenizer finds in `s`, and the same keys made from the digits
    /// of the numbers the QA scanner finds.
    fn anchor_and_qa_keys(s: &str) -> (Vec<String>, Vec<String>) {
        let key = |digits: &str| {
            let trimmed = digits.trim_start_matches('0');
            if trimmed.is_empty() { "0" } else { trimmed }.to_string()
        };
        let mut anchors = Vec::new();
        crate::features::tokenize::tokenize(s, &mut String::new(), |token| {
            if let crate::features::tokenize::Token::Number(k) = token {
                anchors.push(k.to_string());
            }
        });
        let qa = numbers(s)
            .iter()
            .filter(|n| n.digits)
            .map(|n| {
                key(&n
                    .text
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>())
            })
            .collect();
        (anchors, qa)
    }

    #[test]
    fn anchors_and_qa_scan_the_same_numbers() {
        let samples = [
            "Am 3. Oktober 2024 stieg der Umsatz um 1,5 Mio. Euro (12,5 %) auf 1.200.000 \
             Euro; die 29. Sitzung lief von 9 bis 13 Uhr und um 21.30 Uhr, 2023–2024, 5-7 \
             Tage, Nr. 007, 3’000 Franken und 1\u{202f}000,25 Euro.",
            "On 3rd October 2024 sales rose by 1.5 million euros (12.5%) to 1,200,000 \
             euros; the 29th session ran from 9 to 1 pm and at 9.30 p.m., 2023-2024, 5–7 \
             days, No. 007, the 1st and 2nd, 1,000.25 euros.",
        ];
        for s in samples {
            let (anchors, qa) = anchor_and_qa_keys(s);
            assert!(anchors.len() >= 15, "{anchors:?}");
            assert_eq!(anchors, qa, "{s}");
        }
        // Every group separator joins for both: no-break, narrow and thin spaces too.
        let (anchors, qa) = anchor_and_qa_keys("3\u{a0}000, 4\u{202f}000 und 5\u{2009}000 Euro");
        assert_eq!(anchors, ["3000", "4000", "5000"]);
        assert_eq!(anchors, qa);
        // Where the two uses differ on purpose: a clock time's colon, digits inside a word.
        let (anchors, qa) = anchor_and_qa_keys("um 21:30 Uhr auf der COP29");
        assert_eq!(
            (anchors, qa),
            (
                vec!["21".into(), "30".into()],
                vec!["2130".into(), "29".into()]
            )
        );
    }

    #[test]
    fn notations_read_alike() {
        let values =
            |s: &str| -> Vec<Vec<f64>> { numbers(s).into_iter().map(|n| n.values).collect() };
        assert_eq!(values("2:0-Sieg"), [[2.0], [0.0]]);
        assert_eq!(values("am 3.6.2021"), [[3.0], [6.0], [2021.0]]);
        assert_eq!(values("am 12.10. in Rom"), [[12.0], [10.0]]);
        assert_eq!(values("1968/69")[1], [69.0, 1969.0]);
        assert_eq!(values("0200 GMT"), [[200.0, 2.0]]);
        assert_eq!(values("Thirty-one"), [[31.0]]);
        assert_eq!(values("einunddreißig"), [[31.0]]);
        assert_eq!(values("vier Millionen"), [[4e6]]);
        assert_eq!(values("vierjährigen"), [[4.0]]);
        assert_eq!(values("14 lakh"), [[1.4e6]]);
        assert_eq!(values("3½"), [[3.5]]);
        assert_eq!(values("85 km2"), [[85.0]]);
        assert_eq!(values("3 bis 8 Millionen"), [vec![3.0, 3e6], vec![8e6]]);
        // A time keeps its colon: "21:30" is one number.
        assert_eq!(values("um 21:30 Uhr"), [[21.3]]);
    }

    #[test]
    fn odd_inputs() {
        for s in [
            "",
            "1.",
            ".5",
            "1..2",
            "1,,",
            "9".repeat(400).as_str(),
            "½ 3’000 ٣",
            "3½½ 1: :1 0:0:0 31.12. 32.13. 1968/ /69 1968/69/70 0000 0999",
            "thirty- -one Thirty-One einund und zwanzigund km2 m22 2km2 3 1/2/4",
            "Tabellenvierten vierte Vierten 3 bis Millionen - 4 Millionen",
        ] {
            let _ = numbers(s);
        }
        let huge = numbers(&"9".repeat(400));
        assert_eq!(huge.len(), 1);
        assert!(huge[0].matches(&huge[0]));
    }
}
