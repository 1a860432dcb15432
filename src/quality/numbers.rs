//! Numbers as values: digits with their separators, ordinal marks and scale words, so that
//! "1,5 Mio." and "1.5 million" read the same and "29." differs from "28th".

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
        _ => return None,
    })
}

fn number_word(word: &str) -> Option<f64> {
    let lower = word.to_lowercase();
    let value = match lower.as_str() {
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
        "zwanzig" | "twenty" => 20,
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
    Some(value as f64)
}

/// The readings of a run of digits and separators such as `1.000,5` or `21.30`.
fn readings(run: &str) -> Vec<f64> {
    // Groups of digits and the separators between them.
    let mut groups: Vec<String> = vec![String::new()];
    let mut separators: Vec<char> = Vec::new();
    for c in run.chars() {
        if c.is_ascii_digit() {
            if let Some(last) = groups.last_mut() {
                last.push(c);
            }
        } else {
            separators.push(c);
            groups.push(String::new());
        }
    }
    let mut values = Vec::new();
    // Reading 1: every separator groups thousands (when the groups after it have 3 digits).
    if groups.iter().skip(1).all(|g| g.len() == 3) {
        values.push(groups.concat().parse::<f64>().unwrap_or(f64::NAN));
    }
    // Reading 2: the last separator is a decimal mark, the others group thousands.
    if let Some((last, head)) = groups.split_last() {
        if !head.is_empty()
            && head.iter().skip(1).all(|g| g.len() == 3)
            && separators
                .split_last()
                .is_none_or(|(mark, rest)| rest.iter().all(|s| s != mark))
        {
            let text = format!("{}.{}", head.concat(), last);
            values.push(text.parse::<f64>().unwrap_or(f64::NAN));
        }
    }
    if values.is_empty() {
        // A list such as 1.2.3 or a date: the digits as one value, so equal writings match.
        values.push(groups.concat().parse::<f64>().unwrap_or(f64::NAN));
    }
    values.retain(|v| v.is_finite());
    values
}

/// The numbers of a sentence, in order: digit runs (with `.`, `,`, `'`, `’`, narrow
/// spaces and `:` between digits, so that the times `21.30` and `21:30` match), an ordinal mark (`29.`, `29th`) dropped, a following scale word
/// (`Mio.`, `million`, `Mrd.`, `bn`, ...) multiplied in, and number words up to twelve.
pub(crate) fn numbers(sentence: &str) -> Vec<Number> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(sentence.len(), |&(b, _)| b);
    let mut k = 0;
    while let Some(&(start, c)) = chars.get(k) {
        if c.is_ascii_digit() {
            let mut end = k + 1;
            while let Some(&(_, d)) = chars.get(end) {
                let next_is_digit = chars.get(end + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                if d.is_ascii_digit()
                    || (matches!(d, '.' | ',' | '\'' | '’' | '\u{202f}' | '\u{2009}' | ':')
                        && next_is_digit)
                {
                    end += 1;
                } else {
                    break;
                }
            }
            let run = &sentence[start..end_of(end)];
            let mut values = readings(run);
            let mut text_end = end_of(end);
            // An ordinal mark: German full stop, English suffix.
            let rest = &sentence[text_end..];
            for suffix in ["st", "nd", "rd", "th", "."] {
                if let Some(after) = rest.strip_prefix(suffix) {
                    if suffix == "." || !after.chars().next().is_some_and(char::is_alphabetic) {
                        text_end += suffix.len();
                        break;
                    }
                }
            }
            // A scale word after optional white space.
            let rest = &sentence[text_end..];
            let trimmed = rest.trim_start();
            let word_len = trimmed
                .find(|ch: char| !ch.is_alphabetic())
                .unwrap_or(trimmed.len());
            let word = &trimmed[..word_len];
            let dotted = trimmed[word_len..].starts_with('.');
            if let Some(factors) = (!word.is_empty()).then(|| scale(word)).flatten() {
                values = values
                    .iter()
                    .flat_map(|v| factors.iter().map(move |f| v * f))
                    .collect();
                text_end += rest.len() - trimmed.len() + word_len + usize::from(dotted);
            }
            let text = sentence[start..text_end].trim_end().to_string();
            // Skip past what was consumed, in chars.
            while chars.get(end).is_some_and(|&(b, _)| b < text_end) {
                end += 1;
            }
            found.push(Number {
                text,
                values,
                digits: true,
            });
            k = end;
        } else if c.is_alphabetic() {
            let mut end = k + 1;
            while chars.get(end).is_some_and(|&(_, d)| d.is_alphabetic()) {
                end += 1;
            }
            let word = &sentence[start..end_of(end)];
            if let Some(value) = number_word(word) {
                found.push(Number {
                    text: word.to_string(),
                    values: vec![value],
                    digits: false,
                });
            }
            k = end;
        } else {
            k += 1;
        }
    }
    found
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
    fn odd_inputs() {
        for s in [
            "",
            "1.",
            ".5",
            "1..2",
            "1,,",
            "9".repeat(400).as_str(),
            "½ 3’000 ٣",
        ] {
            let _ = numbers(s);
        }
        let huge = numbers(&"9".repeat(400));
        assert_eq!(huge.len(), 1);
        assert!(huge[0].matches(&huge[0]));
    }
}
