//! What the XML formats (TMX, XLIFF) share: which characters XML 1.0 can hold, escaping, and
//! decoding entity and character references.

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
/// or names a character XML cannot hold.
pub(crate) fn decode_references(raw: &str) -> Result<String, String> {
    let raw = normalize_line_ends(raw);
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
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
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
