//! What the XML formats (TMX, XLIFF) share: which characters XML 1.0 can hold, escaping,
//! decoding entity and character references, and reading a start tag with its attributes.

use std::borrow::Cow;

/// Whether XML 1.0 can hold `c` at all.
pub(crate) fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// What [`escape_into`] does with line feeds and tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Whitespace {
    /// Written as they are (TMX segments keep their layout).
    Literal,
    /// Written as character references, so that attribute normalisation cannot touch them.
    References,
}

/// Escapes `text` into `out` for element content and attribute values alike (`&`, `<`, `>`,
/// both quotes and a carriage return as references), dropping what XML 1.0 cannot hold.
pub(crate) fn escape_into(out: &mut String, text: &str, whitespace: Whitespace) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' if whitespace == Whitespace::References => out.push_str("&#10;"),
            '\t' if whitespace == Whitespace::References => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `raw` with literal line ends (`\r\n`, `\r`) made `\n`, as an XML processor reads them.
pub(crate) fn normalize_line_ends(raw: &str) -> String {
    if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_owned()
    }
}

/// Decodes the five predefined entities and character references of `raw`, after normalising
/// its line ends. The error is the message for the caller to place: an `&` that starts no
/// reference, an unknown entity, or a character reference that is not digits only (`&#+65;`)
/// or names a character XML cannot hold. Borrowed when there is nothing to decode.
pub(crate) fn decode_references(raw: &str) -> Result<Cow<'_, str>, String> {
    if memchr::memchr2(b'&', b'\r', raw.as_bytes()).is_none() {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    decode_references_into(raw, &mut out)?;
    Ok(Cow::Owned(out))
}

/// [`decode_references`] appended to `out` (on an error, `out` holds part of it).
pub(crate) fn decode_references_into(raw: &str, out: &mut String) -> Result<(), String> {
    let normalized;
    let mut rest = if memchr::memchr(b'\r', raw.as_bytes()).is_some() {
        normalized = normalize_line_ends(raw);
        normalized.as_str()
    } else {
        raw
    };
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k + 1..];
        let end = rest
            .find(';')
            .filter(|&e| e <= 10)
            .ok_or("an & that starts no entity (write &amp;)")?;
        let entity = &rest[..end];
        rest = &rest[end + 1..];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                // Digits only: the number parsers would also take a sign (`&#+65;`).
                let (digits, radix) = match entity.strip_prefix("#x") {
                    Some(hex) => (hex, 16),
                    None => (entity.strip_prefix('#').unwrap_or(""), 10),
                };
                (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)))
                    .then(|| u32::from_str_radix(digits, radix).ok())
                    .flatten()
                    .and_then(char::from_u32)
                    .filter(|&c| allowed(c))
            }
        };
        out.push(c.ok_or_else(|| format!("unknown or invalid entity &{entity};"))?);
    }
    out.push_str(rest);
    Ok(())
}

/// A start tag `<name a="v" …>` or `<name …/>`, as [`read_start_tag`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StartTag<'s> {
    /// The element's name.
    pub(crate) name: &'s str,
    /// `(name, value)` of each attribute in order, the values decoded.
    pub(crate) attributes: Vec<(&'s str, Cow<'s, str>)>,
    /// Whether the tag closes itself (`/>`).
    pub(crate) empty: bool,
    /// The byte after the tag's `>`.
    pub(crate) end: usize,
}

/// Reads the start tag whose `<` is at byte `at` of `src`: its name, its attributes (each value
/// quoted, with `'` or `"`, and decoded) and whether it closes itself. The error is the message
/// for the caller to place at `at`: a tag that is never closed, a `<` that starts no tag, an
/// attribute without a quoted value or with a malformed name, a `<` in a value, or a bad
/// reference.
/// Where a tag's name ends in `rest`: at the first white space (as [`char::is_whitespace`]
/// has it), `/` or `>`. Bytes are compared while they are ASCII, characters after that.
fn name_end(rest: &str) -> Option<usize> {
    for (k, b) in rest.bytes().enumerate() {
        match b {
            b'\t'..=b'\r' | b' ' | b'/' | b'>' => return Some(k),
            b if !b.is_ascii() => {
                let tail = rest.get(k..)?;
                return tail
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                    .map(|e| k + e);
            }
            _ => {}
        }
    }
    None
}

pub(crate) fn read_start_tag(src: &str, at: usize) -> Result<StartTag<'_>, String> {
    let bytes = src.as_bytes();
    let skip_space = |mut k: usize| {
        while bytes.get(k).is_some_and(u8::is_ascii_whitespace) {
            k += 1;
        }
        k
    };
    let mut k = at + 1;
    let end = src
        .get(k..)
        .and_then(name_end)
        .map(|e| k + e)
        .ok_or("tag is never closed")?;
    let name = &src[k..end];
    // The characters looked for are ASCII: bytes can be compared.
    let has = |text: &str, set: &[u8]| text.bytes().any(|b| set.contains(&b));
    if name.is_empty() || has(name, b"<&\"'=") {
        return Err("a < that starts no tag (write &lt;)".into());
    }
    k = end;
    let mut attributes = Vec::new();
    let empty = loop {
        k = skip_space(k);
        match bytes.get(k) {
            None => return Err(format!("<{name} is never closed")),
            Some(b'>') => break false,
            Some(b'/') if bytes.get(k + 1) == Some(&b'>') => {
                k += 1;
                break true;
            }
            Some(_) => {}
        }
        let eq = src
            .get(k..)
            .and_then(|r| memchr::memchr(b'=', r.as_bytes()))
            .map(|e| k + e)
            .ok_or_else(|| format!("attribute of <{name}> without a value"))?;
        let attribute = src[k..eq].trim();
        if attribute.is_empty() || has(attribute, b"><\"'/") {
            return Err(format!("malformed attribute in <{name}>"));
        }
        k = skip_space(eq + 1);
        let quote = match bytes.get(k) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(format!("value of {attribute} in <{name}> is not quoted")),
        };
        let close = src
            .get(k + 1..)
            .and_then(|r| memchr::memchr(quote, r.as_bytes()))
            .map(|e| k + 1 + e)
            .ok_or_else(|| format!("value of {attribute} is never closed"))?;
        let raw = &src[k + 1..close];
        if memchr::memchr(b'<', raw.as_bytes()).is_some() {
            return Err(format!("< in the value of {attribute}"));
        }
        attributes.push((attribute, decode_references(raw)?));
        k = close + 1;
    };
    Ok(StartTag {
        name,
        attributes,
        empty,
        end: k + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_end_where_a_scan_of_characters_ends_them() {
        let by_chars = |s: &str| s.find(|c: char| c.is_whitespace() || c == '/' || c == '>');
        for rest in [
            "",
            "seg>",
            "tuv xml:lang",
            "a/>",
            "b\u{b}c",
            "ü\u{a0}x",
            "name\u{3000}>",
            "x\u{85}",
            "ab",
        ] {
            assert_eq!(name_end(rest), by_chars(rest), "{rest:?}");
        }
    }

    #[test]
    fn references_decode_and_bad_ones_are_named() {
        assert_eq!(
            decode_references("a&amp;b&#65;&#x42;\r\nc").unwrap(),
            "a&bAB\nc"
        );
        for bad in ["&#+65;", "&#;", "&#x;", "&nbsp;", "& x", "&#0;"] {
            assert!(decode_references(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn escaping_keeps_or_references_whitespace() {
        let mut literal = String::new();
        escape_into(&mut literal, "a&\n\t\u{1}", Whitespace::Literal);
        assert_eq!(literal, "a&amp;\n\t");
        let mut referenced = String::new();
        escape_into(&mut referenced, "a&\n\t\u{1}", Whitespace::References);
        assert_eq!(referenced, "a&amp;&#10;&#9;");
    }

    #[test]
    fn start_tags_give_names_decoded_attributes_and_their_end() {
        let src = "x<tuv xml:lang = 'de' a=\"1&amp;2\"/>rest";
        let tag = read_start_tag(src, 1).unwrap();
        assert_eq!(tag.name, "tuv");
        assert_eq!(
            tag.attributes,
            [("xml:lang", "de".into()), ("a", "1&2".into())]
        );
        assert!(tag.empty);
        assert_eq!(&src[tag.end..], "rest");
        let open = read_start_tag("<seg>", 0).unwrap();
        assert!(!open.empty && open.attributes.is_empty() && open.end == 5);
        for bad in [
            "<",
            "< a>",
            "<a",
            "<a b>",
            "<a b=c>",
            "<a b=\"c>",
            "<a b=\"<\">",
            "<a b\"=\"c\">",
            "<a\"b>",
            "<a b=\"&bad;\">",
        ] {
            assert!(read_start_tag(bad, 0).is_err(), "{bad}");
        }
    }
}
