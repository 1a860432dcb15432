//! The tokenizer: words, numbers and marked punctuation of a sentence. Numbers are found by
//! the crate's one number scanner, [`crate::text::numbers`].

use crate::text::numbers;

/// The kinds of tokens, which carry different weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum AnchorKind {
    /// A number, with separators removed: German `1.000,5` and English `1,000.5` both read
    /// `10005`; ordinals `29.` and `29th` both read `29`.
    Number = 0,
    /// A word.
    Word = 1,
    /// Marked punctuation: `?`, `!`, `:`, `;`, quotes, brackets, `%`, currency signs.
    Punctuation = 2,
}

/// A token of a sentence, as [`tokenize`] finds it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    /// The key of a number (its digits without leading zeros).
    Number(&'a str),
    /// A word of two or more characters, as written (not yet folded).
    Word(&'a str),
    /// The key of a punctuation mark (its class).
    Punctuation(&'static str),
}

/// Calls `emit` for every token of `sentence`; returns its length in characters without white
/// space. `digits` is scratch for number keys.
pub(crate) fn tokenize(
    sentence: &str,
    digits: &mut String,
    mut emit: impl FnMut(Token<'_>),
) -> f32 {
    let mut length = 0u32;
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        length += 1;
        if c.is_ascii_digit() {
            digits.clear();
            digits.push(c);
            let end = numbers::run_end(sentence, start, numbers::Use::Anchor);
            while let Some(&(_, d)) = chars.peek().filter(|&&(k, _)| k < end) {
                if d.is_ascii_digit() {
                    digits.push(d);
                }
                length += 1;
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0');
            emit(Token::Number(if trimmed.is_empty() {
                "0"
            } else {
                trimmed
            }));
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            let mut letters = 1;
            while let Some(&(k, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    length += 1;
                    letters += 1;
                    end = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if letters > 1 {
                emit(Token::Word(&sentence[start..end]));
            }
        } else if let Some(mark) = punctuation_class(c) {
            emit(Token::Punctuation(mark));
        }
    }
    length as f32
}

fn punctuation_class(c: char) -> Option<&'static str> {
    match c {
        '?' | '¿' => Some("?"),
        '!' | '¡' => Some("!"),
        ':' => Some(":"),
        ';' => Some(";"),
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '›' | '‹' => Some("\""),
        '(' | ')' | '[' | ']' => Some("("),
        '%' => Some("%"),
        '€' | '$' | '£' => Some("$"),
        _ => None,
    }
}
