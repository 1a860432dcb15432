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

/// The numbers of a sentence, in order: digit runs as the scanner joins them for values
/// ([`scan::Use::Value`]: `:` joins too, so that the times `21.30` and `21:30` match), an
/// ordinal mark (`29.`, `29th`) dropped, a following scale word (`Mio.`, `million`, `Mrd.`,
/// `bn`, ...) multiplied in, and number words up to twelve.
pub(crate) fn numbers(sentence: &str) -> Vec<Number> {
    let mut found = Vec::new();
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
            let mut values = scan::readings(run);
            // An ordinal mark: German full stop, English suffix.
            let mut text_end = run_end + scan::ordinal_mark(&sentence[run_end..]);
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
                    start,
                    end: end_of(end),
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
        // 24-hour against 12-hour clock times.
        assert!(one("bis 13 Uhr").matches(&one("until 1pm")));
        assert!(one("um 21.30 Uhr").matches(&one("at 9.30 p.m.")));
        assert!(one("um 12 Uhr").matches(&one("at 12 pm")));
        assert!(!one("bis 13 Uhr").matches(&one("until 1am")));
        assert!(!one("bis 14 Uhr").matches(&one("until 1pm")));
        // The same value in another notation, and dates.
        assert!(one("am 3. Juni").matches(&one("on June 3")));
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
