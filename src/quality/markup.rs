//! Tokens that must come through translation unchanged (URLs, e-mail addresses,
//! placeholders, inline tags) and the sentence marks `?` and `!`.

/// The URLs, e-mail addresses, placeholders (`{0}`, `{name}`, `%s`, `%1$d`) and inline tags
/// (`<b>`, `</b>`, `<br/>`) of a sentence, in order, as written.
pub(crate) fn protected_tokens(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut k = 0;
    while let Some(&(start, c)) = chars.get(k) {
        // Inline tags and placeholders have their own brackets.
        let close = match c {
            '<' => Some('>'),
            '{' => Some('}'),
            _ => None,
        };
        if let Some(close) = close {
            let end = chars[k + 1..]
                .iter()
                .take(40)
                .position(|&(_, d)| d == close || d == '<' || d == '{');
            if let Some(len) = end.filter(|&len| chars[k + 1 + len].1 == close) {
                let inner: String = chars[k + 1..k + 1 + len].iter().map(|&(_, d)| d).collect();
                let tag_like = close == '>'
                    && inner
                        .trim_start_matches('/')
                        .chars()
                        .next()
                        .is_some_and(|d| d.is_ascii_alphabetic());
                let placeholder = close == '}'
                    && !inner.is_empty()
                    && inner
                        .chars()
                        .all(|d| d.is_alphanumeric() || d == '_' || d == '{');
                if tag_like || placeholder {
                    let end_byte = chars.get(k + 2 + len).map_or(sentence.len(), |&(b, _)| b);
                    let mut end_byte = end_byte;
                    // "{{name}}": take the closing brace of a double placeholder too.
                    if inner.starts_with('{') && sentence[end_byte..].starts_with('}') {
                        end_byte += 1;
                    }
                    out.push(sentence[start..end_byte].to_string());
                    k = chars.partition_point(|&(b, _)| b < end_byte);
                    continue;
                }
            }
        }
        if c == '%' {
            let rest = &sentence[start + 1..];
            let spec = rest
                .find(|d: char| !(d.is_ascii_digit() || d == '$'))
                .filter(|&n| rest[n..].starts_with(['s', 'd', 'i', 'f', 'u', 'x']));
            if let Some(n) = spec {
                let after = rest[n + 1..].chars().next();
                if !after.is_some_and(char::is_alphanumeric) {
                    out.push(sentence[start..start + 2 + n].to_string());
                    k += 2 + n;
                    continue;
                }
            }
        }
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        // A word up to white space, for URLs and e-mail addresses.
        let end = chars[k..]
            .iter()
            .position(|&(_, d)| d.is_whitespace() || d == '<')
            .map_or(chars.len(), |n| k + n);
        let end_byte = chars.get(end).map_or(sentence.len(), |&(b, _)| b);
        let word = sentence[start..end_byte]
            .trim_start_matches(['(', '"', '\'', '„', '“', '«', '»', '['])
            .trim_end_matches([
                '.', ',', ';', ':', '!', '?', ')', '"', '\'', '“', '”', '«', '»', ']',
            ]);
        let lower = word.to_lowercase();
        let url = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.");
        let email = word.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && word
                    .chars()
                    .all(|d| d.is_alphanumeric() || "@._-+".contains(d))
        });
        if url || email {
            out.push(word.to_string());
        }
        k = end.max(k + 1);
    }
    out
}

/// The protected tokens of each side with no equal on the other (one-to-one), or `None`.
pub(crate) fn unmatched_tokens(german: &str, english: &str) -> Option<(Vec<String>, Vec<String>)> {
    let g = protected_tokens(german);
    let e = protected_tokens(english);
    if g.is_empty() && e.is_empty() {
        return None;
    }
    let mut left_e = e.clone();
    let mut left_g = Vec::new();
    for token in g {
        match left_e.iter().position(|t| t == &token) {
            Some(k) => {
                left_e.remove(k);
            }
            None => left_g.push(token),
        }
    }
    (!left_g.is_empty() || !left_e.is_empty()).then_some((left_g, left_e))
}

/// The marks `?` and `!` that one side has and the other has not, with the side that has
/// them: `(mark, true)` when the German has it.
pub(crate) fn differing_marks(german: &str, english: &str) -> Vec<(char, bool)> {
    ['?', '!']
        .into_iter()
        .filter_map(|mark| {
            let (g, e) = (german.contains(mark), english.contains(mark));
            (g != e).then_some((mark, g))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_found_in_order() {
        assert_eq!(
            protected_tokens(
                "Siehe <b>https://example.org/a</b> oder schreiben Sie an info@example.org, {0} mal."
            ),
            [
                "<b>",
                "https://example.org/a",
                "</b>",
                "info@example.org",
                "{0}"
            ]
        );
        assert!(protected_tokens("Am 3. Mai um 10 Uhr.").is_empty());
    }

    #[test]
    fn tokens_match_across_sides() {
        assert_eq!(
            unmatched_tokens("Mehr unter www.example.de.", "More at www.example.de."),
            None
        );
        assert_eq!(
            unmatched_tokens("Schreiben Sie an a@b.de.", "Write to a@b.com."),
            Some((vec!["a@b.de".to_string()], vec!["a@b.com".to_string()]))
        );
        assert_eq!(
            unmatched_tokens(
                "Hallo {name}, Sie haben %d Nachrichten.",
                "Hello {name}, you have messages."
            ),
            Some((vec!["%d".to_string()], vec![]))
        );
        assert_eq!(
            unmatched_tokens("Das ist <b>wichtig</b>.", "This is <i>important</i>."),
            Some((
                vec!["<b>".to_string(), "</b>".to_string()],
                vec!["<i>".to_string(), "</i>".to_string()]
            ))
        );
        // Comparisons and percentages are no tags or placeholders.
        assert!(protected_tokens("Wenn a < b und b > c, dann 50 % mehr.").is_empty());
        assert!(protected_tokens("").is_empty());
        assert!(protected_tokens("<<<{{{%%%@@@").is_empty());
    }

    #[test]
    fn question_and_exclamation_marks() {
        assert_eq!(differing_marks("Kommt er?", "Is he coming?"), vec![]);
        assert_eq!(
            differing_marks("Kommt er?", "He is coming."),
            vec![('?', true)]
        );
        assert_eq!(
            differing_marks("Er kommt.", "He is coming!"),
            vec![('!', false)]
        );
    }
}
