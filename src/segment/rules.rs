//! The boundary decision: where inside a line a sentence ends.
//!
//! The scan is byte-level: only the bytes that can start a terminator (`.`, `!`, `?` and the
//! lead byte `0xE2` of `…`, `‼`, `⁇`, `⁈`, `⁉`) stop it. At a terminator the run of
//! terminators and closing quotes or brackets is taken whole, and the sentence ends after it
//! when white space follows and the words around it say so. The language tables
//! (`de.rs`, `en.rs`, `fr.rs`) hold only facts: abbreviations and sentence openers.

use super::{de, en, fr};
use crate::lang::Lang;

/// The language-specific knowledge a segmenter needs. Every table is sorted by bytes.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Abbreviations that never end a sentence before a capitalised word.
    pub(super) always: &'static [&'static str],
    /// Abbreviations that end a sentence when a sentence opener follows.
    pub(super) may_end: &'static [&'static str],
    /// Abbreviations only when a number follows.
    pub(super) before_number: &'static [&'static str],
    /// Words that typically open a sentence.
    pub(super) starters: &'static [&'static str],
    /// Endings of compounds that are abbreviations ("Bahnhofstr." for "Bahnhofstraße").
    pub(super) abbreviated_endings: &'static [&'static str],
    /// Whether a number (or Roman numeral) with a full stop is an ordinal ("29. Sitzung").
    pub(super) ordinals: bool,
    /// Words after which a number with a full stop is an ordinal ("am", "zum", "die").
    pub(super) ordinal_context: &'static [&'static str],
    /// Words after which a number with a full stop is an amount that ends the sentence
    /// ("bei 23.", "rund 500.").
    pub(super) cardinal_context: &'static [&'static str],
    /// Abbreviations that close a list ("usw.", "etc."): they end the sentence before a
    /// capitalised word.
    pub(super) closes_list: &'static [&'static str],
    /// Month names: a number with a full stop before them is a day ("3. Oktober").
    pub(super) months: &'static [&'static str],
}

static NEUTRAL: Rules = Rules {
    always: &[],
    may_end: &[],
    before_number: &[],
    starters: &[],
    abbreviated_endings: &[],
    ordinals: false,
    ordinal_context: &[],
    cardinal_context: &[],
    closes_list: &[],
    months: &[],
};

/// What an abbreviation table says about a word before a full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    Always,
    ClosesList,
    MayEnd,
    BeforeNumber,
}

impl Rules {
    pub(crate) fn for_lang(lang: Lang) -> &'static Rules {
        match lang {
            Lang::De => &de::GERMAN,
            Lang::En => &en::ENGLISH,
            Lang::Fr => &fr::FRENCH,
            Lang::Other => &NEUTRAL,
        }
    }

    fn lookup_exact(&self, key: &str) -> Option<Abbreviation> {
        if self.always.binary_search(&key).is_ok() {
            Some(Abbreviation::Always)
        } else if self.closes_list.binary_search(&key).is_ok() {
            Some(Abbreviation::ClosesList)
        } else if self.may_end.binary_search(&key).is_ok() {
            Some(Abbreviation::MayEnd)
        } else if self.before_number.binary_search(&key).is_ok() {
            Some(Abbreviation::BeforeNumber)
        } else {
            None
        }
    }

    /// Looks `key` up as written and, if it starts with an ASCII capital, with that letter
    /// in lower case ("Vgl." opening a sentence, "Z. B.").
    fn lookup(&self, key: &str) -> Option<Abbreviation> {
        if let Some(found) = self.lookup_exact(key) {
            return Some(found);
        }
        let bytes = key.as_bytes();
        let first = *bytes.first()?;
        if !first.is_ascii_uppercase() || bytes.len() > KEY_CAPACITY {
            return None;
        }
        let mut buffer = [0u8; KEY_CAPACITY];
        let folded = buffer.get_mut(..bytes.len())?;
        folded.copy_from_slice(bytes);
        folded[0] = first.to_ascii_lowercase();
        std::str::from_utf8(folded)
            .ok()
            .and_then(|k| self.lookup_exact(k))
    }

    fn is_starter(&self, word: &str) -> bool {
        !word.is_empty() && self.starters.binary_search(&word).is_ok()
    }
}

/// Longest abbreviation key looked up, in bytes ("Anm.d.Red" and the like fit).
const KEY_CAPACITY: usize = 24;

/// Finds the bytes that can start a terminator (`.`, `!`, `?`, `0xE2`, the lead byte of `…`
/// and the double marks, `0xE3` and `0xEF`, those of `。`, `？`, `！`, `．`, and `0xD6`,
/// `0xD8`, `0xDB`, `0xE0`, `0xE1`, those of `։`, `؟`, `۔`, `।`, `॥`, `።`, `፧`) or an emoticon
/// (`:`, `;`) or emoji (`0xE2`, `0xF0`), with five
/// SIMD `memchr` searches whose results are kept: each search runs over the text at most once
/// in all, however many sentences and lines it holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Candidates {
    /// For each search, the next match at or after where it last started (`usize::MAX`: none
    /// left), or `None` before the first search.
    next: [Option<usize>; 5],
}

impl Candidates {
    /// The first candidate byte at or after `from`.
    fn next_at(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut best = usize::MAX;
        for (k, slot) in self.next.iter_mut().enumerate() {
            let found = match *slot {
                Some(p) if p >= from => p,
                _ => {
                    let rest = bytes.get(from..).unwrap_or(&[]);
                    let hit = match k {
                        0 => memchr::memchr3(b'.', b'!', b'?', rest),
                        1 => memchr::memchr3(b':', b';', 0xE2, rest),
                        2 => memchr::memchr3(0xF0, 0xE3, 0xEF, rest),
                        3 => memchr::memchr3(0xD8, 0xDB, 0xE0, rest),
                        _ => memchr::memchr2(0xD6, 0xE1, rest),
                    };
                    let p = hit.map_or(usize::MAX, |h| from + h);
                    *slot = Some(p);
                    p
                }
            };
            best = best.min(found);
        }
        (best != usize::MAX).then_some(best)
    }
}

/// Characters that end a sentence.
fn terminator(c: char) -> Option<Terminator> {
    match c {
        '.' => Some(Terminator::Dot),
        '…' => Some(Terminator::Ellipsis),
        // And the full stops and question marks of Arabic, Urdu, Devanagari, Armenian and
        // Ethiopic text, never abbreviation dots.
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '۔' | '।' | '॥' | '։' | '።' | '፧' => {
            Some(Terminator::Strong)
        }
        '。' | '｡' | '？' | '！' | '．' => Some(Terminator::Ideographic),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminator {
    Dot,
    Ellipsis,
    Strong,
    /// `。`, `？`, `！`, `．`: they end a sentence without white space after them.
    Ideographic,
}

/// Closing quotes and brackets that belong to the sentence before them. Quotes are ambiguous
/// across conventions („…“ »…« «…» ‚…‘ "…"), so every quote after a terminator closes.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '«'
            | '“'
            | '”'
            | '’'
            | '‘'
            | '›'
            | '‹'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
    )
}

/// Opening quotes and brackets (and dashes) that may stand before the first word.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '„'
            | '“'
            | '‚'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '¿'
            | '¡'
            | '-'
            | '–'
            | '—'
    )
}

/// White space as the segmenter sees it: Unicode white space plus the byte-order mark and the
/// zero-width space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// What the run of terminators and closing marks at a stop holds.
#[derive(Debug, Clone, Copy)]
struct Run {
    kind: Terminator,
    /// One past the last byte of the run.
    end: usize,
    /// Whether a closing quote or bracket is part of the run.
    closed: bool,
}

/// The run of terminators and closing punctuation that starts at `stop`, if a terminator is
/// there.
fn terminator_run(text: &str, stop: usize, line_end: usize) -> Option<Run> {
    let rest = text.get(stop..line_end)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let mut kind = terminator(first)?;
    let mut end = stop + first.len_utf8();
    let mut dots = usize::from(kind == Terminator::Dot);
    let mut closed = false;
    for (k, c) in chars {
        if let Some(t) = terminator(c) {
            match t {
                _ if kind == Terminator::Ideographic => {}
                Terminator::Ideographic => kind = Terminator::Ideographic,
                Terminator::Strong => kind = Terminator::Strong,
                Terminator::Ellipsis if kind != Terminator::Strong => kind = Terminator::Ellipsis,
                Terminator::Dot => dots += 1,
                Terminator::Ellipsis => {}
            }
        } else if is_closing(c) {
            closed = true;
        } else {
            break;
        }
        end = stop + k + c.len_utf8();
    }
    if kind == Terminator::Dot && dots > 1 {
        kind = Terminator::Ellipsis;
    }
    Some(Run { kind, end, closed })
}

/// Where the sentence that starts at `start` ends: just after its terminator and closing
/// punctuation, or at `line_end`. Always more than `start` when `start < line_end`.
pub(crate) fn sentence_end(
    rules: &Rules,
    candidates: &mut Candidates,
    text: &str,
    start: usize,
    line_end: usize,
) -> usize {
    let bytes = text.as_bytes();
    let mut from = start;
    while from < line_end {
        let Some(stop) = candidates.next_at(bytes, from) else {
            break;
        };
        if stop >= line_end {
            break;
        }
        let Some(run) = terminator_run(text, stop, line_end) else {
            // Not a terminator: perhaps an emoticon or emoji that closes a chat sentence.
            let end = emoticon_end(text, stop, line_end).unwrap_or(stop);
            if end > stop {
                if end < line_end && emoticon_ends_sentence(text, start, stop, end, line_end) {
                    return absorb_emoticons(text, end, line_end);
                }
                from = end;
            } else {
                from = stop + 1;
            }
            continue;
        };
        if run.end >= line_end {
            return line_end;
        }
        if ends_sentence(rules, text, start, stop, run, line_end) {
            return absorb_emoticons(text, run.end, line_end);
        }
        from = run.end;
    }
    line_end
}

/// Whether `c` is a pictographic emoji (or one of the marks that join and colour them).
fn is_emoji(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D | 0x1F1E6..=0x1F1FF
    )
}

/// If an emoticon (":)", ";-)", ":D") or a run of emoji starts at `at`, where it ends.
fn emoticon_end(text: &str, at: usize, line_end: usize) -> Option<usize> {
    let rest = text.get(at..line_end)?;
    let first = rest.chars().next()?;
    if is_emoji(first) && first != '\u{200d}' && first != '\u{fe0f}' {
        let len = rest.find(|c: char| !is_emoji(c)).unwrap_or(rest.len());
        return Some(at + len);
    }
    let bytes = rest.as_bytes();
    if !matches!(first, ':' | ';') {
        return None;
    }
    let mut k = 1;
    if bytes.get(k) == Some(&b'-') {
        k += 1;
    }
    let mouth = *bytes.get(k)?;
    if !matches!(
        mouth,
        b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b'O' | b'o'
    ) {
        return None;
    }
    k += 1;
    // Repeated mouths: ":)))".
    while bytes.get(k) == Some(&mouth) {
        k += 1;
    }
    Some(at + k)
}

/// An emoticon or emoji standing alone (white space on both sides) ends a sentence when a
/// capitalised word follows: "Super 😀 Bis morgen", "Geht nicht :( Hat jemand eine Idee?"
fn emoticon_ends_sentence(
    text: &str,
    start: usize,
    at: usize,
    end: usize,
    line_end: usize,
) -> bool {
    let alone_before = at > start
        && text
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(is_space);
    let alone_after = text
        .get(end..line_end)
        .and_then(|r| r.chars().next())
        .is_some_and(is_space);
    alone_before && alone_after && matches!(next_word(text, end, line_end), Some((Next::Upper, _)))
}

/// Moves a boundary at `end` past emoticons and emoji that follow it on the same line, so
/// that "Danke! :)" stays one sentence.
fn absorb_emoticons(text: &str, end: usize, line_end: usize) -> usize {
    let mut end = end;
    loop {
        let rest = text.get(end..line_end).unwrap_or("");
        let trimmed = rest.trim_start_matches(is_space);
        if trimmed.len() == rest.len() && end > 0 {
            // Emoticons must be separated by white space ("!:)" is not one).
            return end;
        }
        let at = end + (rest.len() - trimmed.len());
        match emoticon_end(text, at, line_end) {
            Some(after)
                if text
                    .get(after..line_end)
                    .and_then(|r| r.chars().next())
                    .is_none_or(is_space) =>
            {
                end = after;
            }
            _ => return end,
        }
    }
}

/// How the word after a candidate boundary begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Upper,
    Lower,
    Digit,
    Other,
}

/// Skips white space, opening quotes and dashes after `at`; returns how the next word begins
/// and its letters, or `None` when the line ends first.
fn next_word(text: &str, at: usize, line_end: usize) -> Option<(Next, &str)> {
    let rest = text.get(at..line_end)?;
    let offset = rest.find(|c: char| !is_space(c) && !is_opening(c))?;
    let word = rest.get(offset..)?;
    let first = word.chars().next()?;
    let class = if first.is_uppercase() {
        Next::Upper
    } else if first.is_lowercase() {
        Next::Lower
    } else if first.is_ascii_digit() {
        Next::Digit
    } else {
        Next::Other
    };
    let len = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    Some((class, word.get(..len).unwrap_or("")))
}

/// The run of non-space characters that ends at `end`, not reaching before `limit`, with its
/// start.
fn token_ending_at(text: &str, limit: usize, end: usize) -> (usize, &str) {
    let head = text.get(limit..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    (limit + start, head.get(start..).unwrap_or(""))
}

/// The token before the one that starts at `token_start` (skipping white space), if any.
fn token_before(text: &str, limit: usize, token_start: usize) -> Option<(usize, &str)> {
    let head = text.get(limit..token_start)?;
    let trimmed = head.trim_end_matches(is_space);
    if trimmed.is_empty() || trimmed.len() == head.len() {
        return None;
    }
    Some(token_ending_at(text, limit, limit + trimmed.len()))
}

fn strip_punctuation(token: &str) -> &str {
    token
        .trim_start_matches(is_opening)
        .trim_end_matches(is_closing)
}

fn is_number(word: &str) -> bool {
    let bytes = word.as_bytes();
    matches!(bytes.first(), Some(b) if b.is_ascii_digit())
        && matches!(bytes.last(), Some(b) if b.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
}

/// A number read as a German ordinal or a day-and-month date before the stop: "29",
/// "3.10" (from "3.10."). Four-digit numbers are years and end sentences.
fn is_ordinal_number(word: &str) -> bool {
    let mut groups = word.split('.');
    let last = groups.next_back().unwrap_or("");
    let short = |g: &str| !g.is_empty() && g.len() <= 2 && g.bytes().all(|b| b.is_ascii_digit());
    if word.contains('.') {
        short(last) && groups.all(short)
    } else {
        !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A German number with a full stop, before a capitalised word: an ordinal ("am 3. Oktober",
/// "zum 130. Geburtstag", "die 29. Sitzung") or the end of a sentence ("Tempo 30. Die …",
/// "Größe 42. Passt gut.").
fn ordinal_ends_sentence(rules: &Rules, previous: Option<&str>, next_word: &str) -> bool {
    if rules.months.contains(&next_word) {
        return false;
    }
    if rules.is_starter(next_word) {
        return true;
    }
    match previous {
        // After a word that takes an amount ("bei 23.", "rund 500."): the end of a sentence.
        Some(p)
            if rules
                .cardinal_context
                .iter()
                .any(|c| c.eq_ignore_ascii_case(p)) =>
        {
            true
        }
        // After an article or preposition ("die", "am", "zum", "als"), or a lower-case word
        // ("wurde 2. Vorsitzender"): an ordinal.
        Some(p)
            if rules
                .ordinal_context
                .iter()
                .any(|c| c.eq_ignore_ascii_case(p)) =>
        {
            false
        }
        // After a noun used as a label ("Autobahn 8.", "Platz 3.", "Größe 42."): a number that
        // ends the sentence.
        Some(p) => p.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Whether `day` and the token after `at` read as a date written with spaces: "3. 10." or
/// "3. 10.2024".
fn spaced_date(day: &str, text: &str, at: usize, line_end: usize) -> bool {
    let short = |g: &str| !g.is_empty() && g.len() <= 2 && g.bytes().all(|b| b.is_ascii_digit());
    let rest = text
        .get(at..line_end)
        .unwrap_or("")
        .trim_start_matches(is_space);
    let token = rest.split(is_space).next().unwrap_or("");
    let Some((month, year)) = token.split_once('.') else {
        return false;
    };
    let year_ok = year.is_empty() || (year.len() <= 4 && year.bytes().all(|b| b.is_ascii_digit()));
    short(day) && short(month) && year_ok
}

fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// Whether `word` has a vowel; words in other scripts than Latin (Cyrillic, Greek, …) count
/// as having one, since the vowel test is about Latin abbreviations ("zzgl.").
fn has_vowel(word: &str) -> bool {
    word.chars().any(|c| {
        (c.is_alphabetic() && !c.is_ascii() && !('\u{c0}'..='\u{24f}').contains(&c))
            || matches!(
                c.to_lowercase().next().unwrap_or(c),
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü' | 'é' | 'è' | 'à'
            )
    })
}

/// Interjections written without vowels, which end sentences like words: "Hmm."
fn is_interjection(word: &str) -> bool {
    matches!(
        word,
        "hm" | "hmm" | "hmmm" | "pst" | "psst" | "pfft" | "brr" | "grr" | "sch" | "tss" | "tz"
    )
}

/// Builds the abbreviation key for the word before a full stop, joining up to two earlier
/// short pieces that end in a full stop ("z. B" → "z.B", "Anm. d. R" → "Anm.d.R"), and
/// looks up the longest key first.
fn abbreviation(
    rules: &Rules,
    text: &str,
    limit: usize,
    word: &str,
    word_start: usize,
) -> Option<Abbreviation> {
    let mut pieces: [&str; 3] = ["", "", word];
    let mut first = 2;
    let mut at = word_start;
    while first > 0 {
        let Some((start, token)) = token_before(text, limit, at) else {
            break;
        };
        let token = token.trim_start_matches(is_opening);
        let Some(piece) = token.strip_suffix('.') else {
            break;
        };
        if piece.is_empty() || piece.len() > 5 || !piece.chars().all(char::is_alphabetic) {
            break;
        }
        first -= 1;
        pieces[first] = piece;
        at = start;
    }
    let mut buffer = [0u8; KEY_CAPACITY];
    for from in first..3 {
        let mut len = 0;
        let mut fits = true;
        for (k, piece) in pieces.iter().enumerate().skip(from) {
            let extra = usize::from(k > from);
            let Some(slot) = buffer.get_mut(len..len + extra + piece.len()) else {
                fits = false;
                break;
            };
            if extra == 1 {
                slot[0] = b'.';
            }
            slot[extra..].copy_from_slice(piece.as_bytes());
            len += extra + piece.len();
        }
        if !fits {
            continue;
        }
        if let Some(found) = buffer
            .get(..len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|key| rules.lookup(key))
        {
            return Some(found);
        }
    }
    // "Dipl.-Ing.": the part after the last hyphen.
    let (_, tail) = word.rsplit_once('-')?;
    rules.lookup(tail)
}

/// Whether a single `!` at `stop` belongs to a name written with it ("bei Yahoo! in"): it is
/// attached to a capitalised word that does not open the sentence.
fn brand_name(text: &str, start: usize, stop: usize, run: Run) -> bool {
    let (raw_start, raw) = token_ending_at(text, start, stop);
    raw_start > start
        && run.end == stop + 1
        && raw.chars().next().is_some_and(char::is_uppercase)
        && raw.chars().all(char::is_alphanumeric)
}

/// Whether the text after a full stop is a news agency byline that ends the unit: "dpa",
/// "(afp)", "dpa/lno": lower-case letters, two to five at a time, joined by `/`, perhaps in
/// brackets.
fn byline_ends_unit(text: &str, at: usize, line_end: usize) -> bool {
    let rest = text.get(at..line_end).unwrap_or("").trim_matches(is_space);
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(rest);
    !inner.is_empty()
        && inner
            .split('/')
            .all(|p| (2..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the sentence so far is a news dateline ("VIRGINIA BEACH, Va. -- Die …",
/// "WASHINGTON, D.C. – Der …"): a place in capitals, a comma, the abbreviation, and a dash
/// after it.
fn dateline(text: &str, start: usize, word_start: usize, at: usize, line_end: usize) -> bool {
    let after = text
        .get(at..line_end)
        .unwrap_or("")
        .trim_start_matches(is_space);
    if !(after.starts_with("--") || after.starts_with('–') || after.starts_with('—')) {
        return false;
    }
    let head = text
        .get(start..word_start)
        .unwrap_or("")
        .trim_end_matches(is_space);
    // The dateline opens its line (a wrapped headline may stand before it in the sentence).
    let head = head.rsplit(['\n', '\r']).next().unwrap_or(head);
    let Some(place) = head.strip_suffix(',') else {
        return false;
    };
    place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place
            .chars()
            .all(|c| c.is_uppercase() || is_space(c) || matches!(c, '-' | '.' | '\''))
}

/// Whether the sentence after `at` would be a single word ending in a terminator ("1. Klasse."):
/// a number before it counts that word rather than ending a sentence.
fn one_word_follows(text: &str, at: usize, line_end: usize) -> bool {
    let rest = text
        .get(at..line_end)
        .unwrap_or("")
        .trim_start_matches(is_space);
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    word_len > 0
        && rest
            .get(word_len..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '.' | '!' | '?'))
}

/// Whether the run at `stop` ends the sentence that started at `start`.
fn ends_sentence(
    rules: &Rules,
    text: &str,
    start: usize,
    stop: usize,
    run: Run,
    line_end: usize,
) -> bool {
    let after = text.get(run.end..line_end).and_then(|r| r.chars().next());
    if run.kind == Terminator::Ideographic {
        // Chinese and Japanese put no space after `。`; a closing quote with text after it
        // is a quotation inside the sentence (「行こう。」と言った。).
        return !(run.closed && after.is_some_and(|c| !is_space(c)));
    }
    // A boundary needs white space after the run ("3.5", "z.B.", "www.x.de" have none).
    match after {
        Some(c) if is_space(c) => {}
        _ => return false,
    }
    let Some((next, next_word)) = next_word(text, run.end, line_end) else {
        return true;
    };
    // "(!)", "(?)", "[…]": marks inside brackets are not sentence ends.
    let bracketed = text
        .get(..stop)
        .and_then(|h| h.chars().next_back())
        .is_some_and(|c| matches!(c, '(' | '['));
    match run.kind {
        Terminator::Strong => {
            !(bracketed
                || next == Next::Lower && (run.closed || brand_name(text, start, stop, run)))
        }
        Terminator::Ideographic => true,
        Terminator::Ellipsis => !bracketed && next != Next::Lower,
        Terminator::Dot => {
            full_stop_ends_sentence(rules, text, (start, stop, line_end), run, next, next_word)
        }
    }
}

fn full_stop_ends_sentence(
    rules: &Rules,
    text: &str,
    (start, stop, line_end): (usize, usize, usize),
    run: Run,
    next: Next,
    next_word: &str,
) -> bool {
    let (raw_start, raw) = token_ending_at(text, start, stop);
    let word = strip_punctuation(raw);
    if word.is_empty() {
        return next != Next::Lower;
    }
    if run.closed {
        // „Wir kommen.“ Dann …  /  (67.) ab
        return next != Next::Lower;
    }
    let word_start = raw_start + (raw.len() - raw.trim_start_matches(is_opening).len());
    if dateline(text, start, word_start, run.end, line_end) {
        return false;
    }
    let first_token = raw_start == start;
    let previous = token_before(text, start, raw_start).map(|(_, t)| t);
    let after_number = previous.is_some_and(|p| is_number(strip_punctuation(p)));

    match abbreviation(rules, text, start, word, word_start) {
        Some(Abbreviation::Always) => return false,
        Some(Abbreviation::ClosesList) => return next == Next::Upper,
        Some(Abbreviation::MayEnd) => return next != Next::Lower && rules.is_starter(next_word),
        Some(Abbreviation::BeforeNumber) if matches!(next, Next::Digit | Next::Lower) => {
            return false;
        }
        _ => {}
    }
    if rules
        .abbreviated_endings
        .iter()
        .any(|e| word.len() > e.len() && word.ends_with(e))
    {
        return false;
    }
    if next == Next::Lower {
        return byline_ends_unit(text, run.end, line_end)
            || lowercase_follows_word(word, after_number);
    }
    if is_number(word) {
        if !rules.ordinals || !is_ordinal_number(word) {
            // "1. The heroes fall.": a numbered item opens its sentence in every language.
            let item = first_token && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
            return !item;
        }
        // "1. Die Regierung …" (a numbered line), "Ziele: 1. Wachstum, 2. …": enumerations.
        let enumeration = first_token || previous.is_some_and(|p| p.ends_with([':', ',', ';']));
        if enumeration {
            return false;
        }
        if next == Next::Digit {
            // "am 3. 10. 2024": a date written with spaces; "… beträgt 204. 4.090 Personen
            // sind genesen.": a new sentence.
            let month_after_day = previous.is_some_and(|p| {
                p.strip_suffix('.')
                    .is_some_and(|d| !d.is_empty() && d.len() <= 2 && is_number(d))
            });
            return !month_after_day && !spaced_date(word, text, run.end, line_end);
        }
        // "(71. Minute)": an ordinal opens the bracket, whatever stands before it.
        let context = if word_start > raw_start {
            None
        } else {
            previous.map(strip_punctuation)
        };
        if next == Next::Upper
            && !rules.is_starter(next_word)
            && one_word_follows(text, run.end, line_end)
        {
            // "mit Royal Mail 1. Klasse.": no one-word sentence after a number.
            return false;
        }
        return ordinal_ends_sentence(rules, context, next_word);
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_letters = word.chars().all(char::is_alphabetic);
    if rules.ordinals && is_roman(word) {
        // "Friedrich II. König von Preußen", "Teil II. Die …"
        return !first_token && rules.is_starter(next_word);
    }
    if letters == 1 && all_letters {
        let upper = word.chars().all(char::is_uppercase);
        if !upper {
            // "5 m. Dann": a unit after a number; otherwise a one-letter abbreviation
            // ("50 v. Chr.", "z. B.").
            return after_number && matches!(word, "m" | "g" | "l" | "h" | "t");
        }
        // Initials ("G. O. Dyhrenfurth") unless an opener follows ("Plan B. Die …").
        return !first_token && rules.is_starter(next_word);
    }
    if word.contains('.') {
        // "U.S.", "B.B.": initialisms; "www.example.de": a word like any other.
        let initialism = word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        if initialism {
            return rules.is_starter(next_word);
        }
        return true;
    }
    if all_letters
        && !after_number
        && word.len() <= 6
        && word.chars().next().is_some_and(char::is_lowercase)
        && !has_vowel(word)
        && !is_interjection(word)
    {
        // Lower-case words without vowels are abbreviations: "zzgl.", "ggfs."
        return false;
    }
    true
}

/// A full stop before a lower-case word ends the sentence only after a plain word that is no
/// abbreviation: "Das war gut. dann …" in chat, but not "ca. zehn", "Hauptstr. in".
fn lowercase_follows_word(word: &str, after_number: bool) -> bool {
    let letters = word.chars().count();
    letters >= 2
        && !after_number
        && word.chars().all(char::is_alphabetic)
        && has_vowel(word)
        && !word.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::{de, en, fr};

    #[test]
    fn tables_are_sorted_for_binary_search() {
        let tables = de::TABLES
            .iter()
            .chain(en::TABLES.iter())
            .chain(fr::TABLES.iter());
        for table in tables {
            for pair in table.windows(2) {
                assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
            }
            for word in *table {
                assert!(word.len() <= super::KEY_CAPACITY, "{word}");
                assert!(!word.ends_with('.'), "{word}");
            }
        }
    }
}
