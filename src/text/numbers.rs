//! The number scanner: where a number written in digits starts and ends, which characters
//! may stand between its digits, its ordinal mark, and how its separators read (thousands or
//! decimal). Anchors (`features`) and the QA number checks (`quality`) both scan with it.

/// What a number is scanned for. One rule for both uses: `'` `’`, `.` `,` and the three
/// spaces typesetting puts between groups of digits (no-break U+00A0, narrow no-break
/// U+202F, thin U+2009) join digits into one number, whatever the language (`3 000`,
/// `3’000`, `3.000` and `3,000` are all one number). The uses differ in two places only,
/// on purpose:
/// - a colon between digits joins them for values (`21:30` reads like `21.30`, a clock
///   time) but not for anchors (`21:30` is the anchors `21` and `30`, and a score `5:1` is
///   `5` and `1` as the English `5-1` is);
/// - digits inside a word (`COP29`, `A380`) are a number for values (the QA checks compare
///   them with `COP 29`) but part of the word for anchors (the tokenizer reads words first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// Anchor keys: a colon does not join.
    Anchor,
    /// Values for the QA checks: a colon between digits joins (a clock time).
    Value,
}

/// Whether `c`, standing between two digits, keeps them one number for `use_` (see [`Use`]).
pub(crate) fn joins(c: char, use_: Use) -> bool {
    match c {
        '.' | ',' | '\'' | '’' | '\u{a0}' | '\u{202f}' | '\u{2009}' => true,
        ':' => use_ == Use::Value,
        _ => false,
    }
}

/// The byte end of the digit run that starts at byte `start` of `sentence` (an ASCII digit):
/// digits, and separators that [`joins`] accepts when a digit follows them.
pub(crate) fn run_end(sentence: &str, start: usize, use_: Use) -> usize {
    let mut chars = sentence[start..].char_indices().peekable();
    let mut end = start;
    while let Some((k, c)) = chars.next() {
        let joined = c.is_ascii_digit()
            || (k > 0 && joins(c, use_) && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit()));
        if !joined {
            break;
        }
        end = start + k + c.len_utf8();
    }
    end
}

/// The digit runs of `sentence` as byte ranges, in order, as `use_` joins them. Digits inside
/// words are runs too (`COP29` holds `29`).
#[cfg(test)]
pub(crate) fn runs(sentence: &str, use_: Use) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut k = 0;
    while let Some(c) = sentence[k..].chars().next() {
        if c.is_ascii_digit() {
            let end = run_end(sentence, k, use_);
            found.push(k..end);
            k = end;
        } else {
            k += c.len_utf8();
        }
    }
    found
}

/// The length in bytes of the ordinal mark at the start of `rest` (the text right after a
/// digit run): a German full stop (`29.`) or an English suffix (`29th`, not `29thousand`),
/// or 0.
pub(crate) fn ordinal_mark(rest: &str) -> usize {
    for suffix in ["st", "nd", "rd", "th", "."] {
        if let Some(after) = rest.strip_prefix(suffix)
            && (suffix == "." || !after.chars().next().is_some_and(char::is_alphabetic))
        {
            return suffix.len();
        }
    }
    0
}

/// The readings of a digit run such as `1.000,5` or `21.30`: every separator grouping
/// thousands (when each group after one has three digits), or the last separator a decimal
/// mark and the others (all different from it) grouping thousands; a list or date such as
/// `1.2.3` reads its digits as one value. Only finite values are kept.
pub(crate) fn readings(run: &str) -> Vec<f64> {
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
    if let Some((last, head)) = groups.split_last()
        && !head.is_empty()
        && head.iter().skip(1).all(|g| g.len() == 3)
        && separators
            .split_last()
            .is_none_or(|(mark, rest)| rest.iter().all(|s| s != mark))
    {
        let text = format!("{}.{}", head.concat(), last);
        values.push(text.parse::<f64>().unwrap_or(f64::NAN));
    }
    if values.is_empty() {
        // A list such as 1.2.3 or a date: the digits as one value, so equal writings match.
        values.push(groups.concat().parse::<f64>().unwrap_or(f64::NAN));
    }
    values.retain(|v| v.is_finite());
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_separators() {
        let s = "1.000,5 und 1,000.5; 21:30 Uhr";
        let text = |use_| runs(s, use_).into_iter().map(|r| &s[r]).collect::<Vec<_>>();
        assert_eq!(text(Use::Value), ["1.000,5", "1,000.5", "21:30"]);
        assert_eq!(text(Use::Anchor), ["1.000,5", "1,000.5", "21", "30"]);
        // Group separators join for both uses; only the colon differs.
        for separator in ['.', ',', '\'', '’', '\u{a0}', '\u{202f}', '\u{2009}'] {
            let s = format!("3{separator}000");
            assert_eq!(runs(&s, Use::Anchor), vec![0..s.len()], "{s:?}");
            assert_eq!(runs(&s, Use::Value), vec![0..s.len()], "{s:?}");
        }
        assert_eq!(runs("5:1", Use::Anchor).len(), 2);
        assert_eq!(runs("5:1", Use::Value).len(), 1);
        assert_eq!(runs("29. und 7,", Use::Value), [0..2, 8..9]);
        assert_eq!(ordinal_mark(". Mai"), 1);
        assert_eq!(ordinal_mark("th session"), 2);
        assert_eq!(ordinal_mark("thousand"), 0);
        assert_eq!(readings("1.000,5"), [1000.5]);
        assert_eq!(readings("1.500"), [1500.0, 1.5]);
        assert_eq!(readings("1.2.3"), [123.0]);
    }
}
