//! Structured hostile input from fuzz bytes: the first bytes choose a shape and its sizes, the
//! rest fill it. Random bytes rarely make a megabyte token, ten thousand identical lines or
//! a TMX file of declarations; these generators make them from a handful of bytes, so the
//! fuzzer spends its time on the cases that once exploded.
//!
//! Every generator is deterministic in its input and bounded (see the `MAX_*` constants).

/// Reads numbers and choices from the fuzz bytes; past their end it reads zeros.
#[derive(Debug, Clone)]
pub struct Bytes<'d> {
    data: &'d [u8],
    at: usize,
}

impl<'d> Bytes<'d> {
    /// A reader over `data`.
    pub fn new(data: &'d [u8]) -> Bytes<'d> {
        Bytes { data, at: 0 }
    }

    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A little-endian number of `width` bytes (at most 8).
    pub fn number(&mut self, width: usize) -> u64 {
        (0..width.min(8)).fold(0, |n, k| n | u64::from(self.byte()) << (8 * k))
    }

    /// A number below `bound` (0 when `bound` is 0), from `width` bytes.
    pub fn below(&mut self, bound: usize, width: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.number(width) % bound as u64) as usize
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'d [u8] {
        self.data.get(self.at..).unwrap_or(&[])
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.at >= self.data.len()
    }
}

/// Letters a generated word is made of: ASCII, umlauts, a few other scripts, a combining mark.
const ALPHABET: [&str; 24] = [
    "a", "e", "i", "n", "r", "s", "t", "u", "B", "K", "ä", "ö", "ü", "ß", "é", "я", "ж", "λ", "ω",
    "中", "文", "\u{301}", "ł", "x",
];

/// Characters that separate or end things: spaces, stops, line ends of every convention.
const PUNCTUATION: [&str; 16] = [
    " ", " ", " ", ". ", "! ", "? ", ", ", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "。", "\t",
    "\n\n", "\u{a0}",
];

/// A word of `length` letters drawn from `seed` bytes, repeated cyclically.
pub fn word(seed: &[u8], length: usize) -> String {
    let mut out = String::with_capacity(length * 2);
    for k in 0..length {
        let b = if seed.is_empty() {
            k as u8
        } else {
            seed[k % seed.len()]
        };
        out.push_str(ALPHABET[usize::from(b) % ALPHABET.len()]);
    }
    out
}

/// Text from bytes: each byte a letter, or (one time in four) a separator.
pub fn text(seed: &[u8]) -> String {
    let mut out = String::with_capacity(seed.len() * 2);
    for &b in seed {
        if b % 4 == 0 {
            out.push_str(PUNCTUATION[usize::from(b / 4) % PUNCTUATION.len()]);
        } else {
            out.push_str(ALPHABET[usize::from(b / 4) % ALPHABET.len()]);
        }
    }
    out
}

/// The longest generated token, in characters.
pub const MAX_TOKEN: usize = 1 << 20;

/// Two texts that hold one long token each (up to [`MAX_TOKEN`] characters), almost equal,
/// equal, or unrelated, among a few short sentences.
///
/// Layout: `[mode] [length: 3 bytes] [edits] [seed…]`.
pub fn long_tokens(data: &[u8]) -> (String, String) {
    let mut bytes = Bytes::new(data);
    let mode = bytes.byte();
    let length = bytes.below(MAX_TOKEN + 1, 3);
    let edits = usize::from(bytes.byte());
    let seed = bytes.rest();
    let token = word(seed, length);
    let other = match mode % 4 {
        // The same token.
        0 => token.clone(),
        // The token with a few characters changed, spread over it.
        1 => {
            let mut chars: Vec<char> = token.chars().collect();
            let n = chars.len();
            for k in 0..edits.min(n) {
                let at = (k * 7919 + edits) % n;
                chars[at] = if chars[at] == 'x' { 'y' } else { 'x' };
            }
            chars.into_iter().collect()
        }
        // A token of the same length from other letters.
        2 => word(
            &seed.iter().map(|b| b.wrapping_add(1)).collect::<Vec<_>>(),
            length,
        ),
        // A token of a different length.
        _ => word(seed, length / 2 + edits),
    };
    let before = text(&seed[..seed.len().min(40)]);
    let german = format!("Der Anfang. {before} {token} am Ende. Noch ein Satz.");
    let english = format!("The beginning. {before} {other} at the end. One more sentence.");
    (german, english)
}

/// The most lines a side of a repetitive text has.
pub const MAX_LINES: usize = 10_000;

/// Two texts of many lines that look alike: identical lines, one-character lines, lines of
/// equal length, alternating short and long lines, or one unit repeated with a change every
/// so often. Such lattices are full of ties.
///
/// Layout: `[kind] [unit length] [lines: 3 bytes] [unit bytes…]`; the English side has the
/// same number of lines, or a few more or fewer when `kind` says so.
pub fn repetitive(data: &[u8]) -> (Vec<String>, Vec<String>) {
    let mut bytes = Bytes::new(data);
    let kind = bytes.byte();
    let unit_length = usize::from(bytes.byte()).max(1);
    let lines = bytes.below(MAX_LINES + 1, 3);
    let seed = bytes.rest();
    let unit = word(seed, unit_length);
    let short = word(seed, 1);
    let german_line = |k: usize| match kind % 5 {
        0 => format!("{unit} ist der gleiche Satz."),
        1 => short.clone(),
        2 => word(&[(k % 251) as u8, (k / 251 % 251) as u8], unit_length),
        3 if k.is_multiple_of(2) => short.clone(),
        3 => format!("{unit} {}", "lang ".repeat(unit_length)),
        _ if k.is_multiple_of(unit_length + 1) => format!("{unit} {k}."),
        _ => format!("{unit}."),
    };
    let english_line = |k: usize| match kind % 5 {
        0 => format!("{unit} is the same sentence."),
        1 => short.clone(),
        2 => word(&[(k % 251) as u8, (k / 251 % 251) as u8], unit_length),
        3 if k.is_multiple_of(2) => short.clone(),
        3 => format!("{unit} {}", "long ".repeat(unit_length)),
        _ if k.is_multiple_of(unit_length + 1) => format!("{unit} {k}."),
        _ => format!("{unit}."),
    };
    let english_lines = match (kind / 5) % 3 {
        0 => lines,
        1 => lines + lines / 10,
        _ => lines - lines / 10,
    };
    (
        (0..lines).map(german_line).collect(),
        (0..english_lines).map(english_line).collect(),
    )
}

/// A TMX document built from hostile pieces: an internal DTD subset of many declarations
/// (entity values holding `>`, comments, processing instructions), character and entity
/// references (some invalid, such as `&#+65;` or `&#x110000;`), CDATA, deep nesting of
/// inline codes, raw control characters, long attributes and segments.
///
/// Each byte of the input picks the next piece (the piece repeated by the byte that follows).
pub fn tmx(data: &[u8]) -> Vec<u8> {
    let mut bytes = Bytes::new(data);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let declarations = bytes.below(20_001, 2);
    if declarations > 0 || bytes.byte() % 2 == 1 {
        out.push_str("<!DOCTYPE tmx [\n");
        for k in 0..declarations {
            out.push_str(match k % 5 {
                0 => "<!ENTITY e \"a > b\">\n",
                1 => "<!-- a comment with <!ENTITY inside > -->\n",
                2 => "<!ELEMENT seg (#PCDATA|ph)*>\n",
                3 => "<?pi data > more?>\n",
                _ => "<!ATTLIST tuv xml:lang CDATA #IMPLIED>\n",
            });
        }
        out.push_str("]>\n");
    }
    out.push_str("<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n");
    while !bytes.is_empty() {
        let piece = bytes.byte();
        let times = usize::from(bytes.byte()) * 16 + 1;
        let seg = text(&[piece, piece.wrapping_mul(3), piece.wrapping_add(7)]);
        match piece % 12 {
            0 | 1 => {
                for _ in 0..times {
                    out.push_str("<tu><tuv xml:lang=\"de\"><seg>");
                    out.push_str(&xml_text(&seg));
                    out.push_str("</seg></tuv><tuv xml:lang=\"en-GB\"><seg>");
                    out.push_str(&xml_text(&seg));
                    out.push_str("</seg></tuv></tu>\n");
                }
            }
            2 => out.push_str(&"&amp;&lt;&#65;&#x42;&e;".repeat(times)),
            3 => out.push_str(
                [
                    "&#+65;",
                    "&#x110000;",
                    "&#0;",
                    "&#xD800;",
                    "&unknown;",
                    "&#;",
                    "&",
                ][times % 7],
            ),
            4 => out.push_str(&"<![CDATA[ ]]> x ]]> <tu> ]]>".repeat(times)),
            5 => {
                out.push_str("<tu><tuv xml:lang=\"de\"><seg>");
                out.push_str(&"<bpt i=\"1\">".repeat(times));
                out.push_str(&"</bpt>".repeat(times));
                out.push_str("</seg></tuv></tu>");
            }
            6 => out.push(char::from(piece % 32)),
            7 => {
                out.push_str("<tu tuid=\"");
                out.push_str(&"x".repeat(times * 64));
                out.push_str("\"><prop type=\"a\">b</prop><note>n</note></tu>");
            }
            8 => out.push_str(&"<tu><tuv xml:lang=\"de\">".repeat(times)),
            9 => out.push_str(&"</tuv></tu>".repeat(times)),
            10 => out.push_str(&"<!-- - -- -->".repeat(times)),
            _ => out.push_str(&text(bytes.rest()).replace('<', "&lt;")),
        }
    }
    if !bytes.byte().is_multiple_of(4) {
        out.push_str("</body></tmx>\n");
    }
    out.into_bytes()
}

/// Escapes `&` and `<` (the generated text has no other markup).
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A Ding dictionary of hostile lines: sub-entries with many synonyms (around the readers'
/// bound of 64), deep or unbalanced brackets, stray `::` and `|`, words shared by many
/// entries (one key gathering thousands of translations), long terms.
///
/// Layout: `[lines: 2 bytes]`, then per line `[kind] [count]`.
pub fn ding(data: &[u8]) -> Vec<u8> {
    let mut bytes = Bytes::new(data);
    let lines = bytes.below(2_001, 2);
    let mut out = String::from("# generated\n");
    for line in 0..lines {
        let kind = bytes.byte();
        let count = usize::from(bytes.byte()) % 130 + 1;
        let synonyms = |prefix: &str| {
            (0..count)
                .map(|k| format!("{prefix}{}", word(&[(k % 256) as u8, kind], 4)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        match kind % 8 {
            0 => out.push_str(&format!("{} :: {}\n", synonyms("Wort"), synonyms("word"))),
            1 => out.push_str(&format!(
                "Haus {{n}} | {} :: house | {}\n",
                synonyms("G"),
                synonyms("to e")
            )),
            // One German word with a new translation on every line.
            2 => out.push_str(&format!("Bank :: bank{line}x; b{}\n", word(&[kind], count))),
            3 => out.push_str(&format!(
                "{}Wort{} :: word\n",
                "({[<".repeat(count),
                ">]})".repeat(count / 2)
            )),
            4 => out.push_str(&format!("a :: b :: c | {}\n", "|".repeat(count))),
            5 => out.push_str(&format!("{} :: {}\n", word(&[kind], count * 100), "x /y./")),
            6 => out.push_str(&format!("{} :: word\n", vec!["Wort"; count].join(" | "))),
            _ => out.push_str(&format!("{}\n", text(&[kind; 8]))),
        }
    }
    out.into_bytes()
}

/// The same entries as [`ding`] in the TSV dictionary layout (`German<TAB>English`, `;`
/// between terms).
pub fn tsv_dictionary(data: &[u8]) -> Vec<u8> {
    let ding = ding(data);
    String::from_utf8_lossy(&ding)
        .lines()
        .map(|line| line.replacen(" :: ", "\t", 1).replace(" | ", "; "))
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// A hunalign ladder of hostile rungs: huge jumps (`k*10000 k*10000`), rungs that stand
/// still or go back, scores that are not numbers or overflow, numbers past `usize`.
///
/// Layout: `[rungs: 2 bytes]`, then per rung `[kind] [step]`.
pub fn ladder(data: &[u8]) -> Vec<u8> {
    let mut bytes = Bytes::new(data);
    let rungs = bytes.below(20_001, 2);
    let (mut g, mut e) = (0u64, 0u64);
    let mut out = String::new();
    for _ in 0..rungs {
        let kind = bytes.byte();
        let step = u64::from(bytes.byte());
        let score =
            ["0.5", "NaN", "inf", "-inf", "1e308", "-0", "x", ""][usize::from(kind / 8) % 8];
        match kind % 8 {
            0 | 1 => (g, e) = (g.saturating_add(step % 3), e.saturating_add(step % 2 + 1)),
            2 => {
                (g, e) = (
                    g.saturating_add(step * 10_000),
                    e.saturating_add(step * 10_000),
                )
            }
            3 => (g, e) = (g.saturating_sub(step), e),
            4 => {}
            5 => (g, e) = (u64::MAX - step, e.saturating_add(1)),
            6 => {
                out.push_str("18446744073709551616\t0\t0\n");
                continue;
            }
            _ => (g, e) = (g.saturating_add(1), e.saturating_add(1)),
        }
        out.push_str(&format!("{g}\t{e}\t{score}\n"));
    }
    out.into_bytes()
}
