//! TMX 1.4b translation memories.
//!
//! The format is documented on [`write_tmx`], its public face.

use std::borrow::Cow;
use std::io::{BufRead, Write};

use super::xml::{self, Whitespace};
use super::{TextPair, read_all, write_error};
use crate::align::Alignment;
use crate::error::{Error, Result};

/// One translation unit: the segment of each language and the confidence, if the unit has
/// a `x-confidence` property.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TmxUnit {
    /// `(language, text)` of each `<tuv>`, in document order.
    pub segments: Vec<(String, String)>,
    /// The value of `<prop type="x-confidence">`, when present and a number.
    pub confidence: Option<f64>,
}

impl TmxUnit {
    /// The text of the first segment whose language has the primary subtag of `lang`,
    /// compared without case: `"de"` finds `xml:lang="de-DE"` and `"DE"`.
    pub fn text(&self, lang: &str) -> Option<&str> {
        let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_owned();
        let wanted = primary(lang);
        self.segments
            .iter()
            .find(|(tag, _)| primary(tag).eq_ignore_ascii_case(&wanted))
            .map(|(_, text)| text.as_str())
    }

    /// The pair of the two languages, when the unit has both.
    pub fn to_pair(&self, german: &str, english: &str) -> Option<TextPair> {
        Some(TextPair {
            german: self.text(german)?.to_owned(),
            english: self.text(english)?.to_owned(),
            confidence: self.confidence,
        })
    }
}

/// Writes the linked pairs of `alignment` as a TMX 1.4b document, the German side tagged
/// `german_lang` and the English side `english_lang` (e.g. [`Lang::code`](crate::Lang::code)).
///
/// # The format
///
/// TMX 1.4b translation memories.
///
/// The writer puts every linked pair of an alignment (a bead with sentences on both sides)
/// in a translation unit, with the bead's confidence as a `x-confidence` property:
///
/// ```text
/// <?xml version="1.0" encoding="UTF-8"?>
/// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
/// <tmx version="1.4">
///   <header creationtool="satzweise" … srclang="de" datatype="plaintext"/>
///   <body>
///     <tu>
///       <prop type="x-confidence">0.973</prop>
///       <tuv xml:lang="de"><seg>Sie findet im November statt.</seg></tuv>
///       <tuv xml:lang="en"><seg>It will take place in November.</seg></tuv>
///     </tu>
///   </body>
/// </tmx>
/// ```
///
/// Omissions and additions have no translation and are left out. A side with holes is its
/// own sentences in order, joined (the sentences of its holes go with their own beads), and
/// beads that cross are units in the alignment's order: each unit is still a right pair, and a
/// memory needs no order.
///
/// **Escaping.** `&`, `<`, `>`, `"` and `'` are written as entities, and a carriage return as
/// `&#13;` (so that XML's line-end normalization does not turn it into a line feed). XML 1.0
/// cannot hold the control characters U+0000–U+001F other than tab, line feed and carriage
/// return, nor U+FFFE and U+FFFF, not even as character references: the writer **drops**
/// them, so a segment read back lacks exactly those characters.
///
/// **Reading.** [`read_tmx`] is a small hand-written parser, enough for TMX and strict about
/// well-formedness where it matters (matching tags, quoted attributes, known entities, a
/// `<tmx>` root): it keeps the crate free of an XML dependency. It reads `xml:lang` (or
/// TMX 1.1's `lang`) of each `<tuv>`, the text of its `<seg>` with the content of inline
/// native-code elements (`<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`) left out and the text of
/// `<hi>` kept, and `CDATA` sections. It does not validate against the DTD, and it ignores
/// anything declared in an internal DTD subset.
///
/// ```
/// let alignment = satzweise::Aligner::new().align_lines("A & B <C>.", "A & B <C>.")?;
/// let mut out = Vec::new();
/// satzweise::io::write_tmx(&alignment, &mut out, "de", "en")?;
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains("<seg>A &amp; B &lt;C&gt;.</seg>"));
/// let units = satzweise::io::read_tmx(xml.as_bytes(), "memory.tmx")?;
/// assert_eq!(units[0].text("en"), Some("A & B <C>."));
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_tmx(
    alignment: &Alignment,
    mut writer: impl Write,
    german_lang: &str,
    english_lang: &str,
) -> Result<()> {
    let mut out = String::with_capacity(1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str("  <header creationtool=\"satzweise\" creationtoolversion=\"");
    escape_into(&mut out, env!("CARGO_PKG_VERSION"));
    out.push_str(
        "\" segtype=\"sentence\" o-tmf=\"satzweise\" adminlang=\"en\" datatype=\"plaintext\" srclang=\"",
    );
    escape_into(&mut out, german_lang);
    out.push_str("\"/>\n  <body>\n");
    writer.write_all(out.as_bytes()).map_err(write_error)?;
    for pair in alignment.pairs() {
        out.clear();
        out.push_str("    <tu>\n      <prop type=\"x-confidence\">");
        out.push_str(&format!("{:.3}", pair.confidence()));
        out.push_str("</prop>\n");
        for (lang, text) in [
            (german_lang, pair.german_text()),
            (english_lang, pair.english_text()),
        ] {
            out.push_str("      <tuv xml:lang=\"");
            escape_into(&mut out, lang);
            out.push_str("\"><seg>");
            escape_into(&mut out, &text);
            out.push_str("</seg></tuv>\n");
        }
        out.push_str("    </tu>\n");
        writer.write_all(out.as_bytes()).map_err(write_error)?;
    }
    writer
        .write_all(b"  </body>\n</tmx>\n")
        .map_err(write_error)
}

/// Escapes `text` for a TMX file: line feeds and tabs stay as they are.
fn escape_into(out: &mut String, text: &str) {
    xml::escape_into(out, text, Whitespace::Literal);
}

/// Reads the translation units of a TMX document. Errors name `source_name`, the line and
/// what is malformed.
///
/// ```
/// let tmx = r#"<tmx version="1.4"><header/><body>
///   <tu><tuv xml:lang="de-DE"><seg>Ja &amp; nein</seg></tuv><tuv xml:lang="en"><seg>Yes <ph>&lt;b&gt;</ph>&amp; no</seg></tuv></tu>
/// </body></tmx>"#;
/// let units = satzweise::io::read_tmx(tmx.as_bytes(), "x.tmx")?;
/// assert_eq!(units[0].text("de"), Some("Ja & nein"));
/// assert_eq!(units[0].text("en"), Some("Yes & no"));
/// assert!(satzweise::io::read_tmx("<tmx><body></tmx>".as_bytes(), "x.tmx").is_err());
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn read_tmx(reader: impl BufRead, source_name: &str) -> Result<Vec<TmxUnit>> {
    let source = read_all(reader, source_name)?;
    if let Some((at, c)) = first_forbidden(&source) {
        let line = source[..at].matches('\n').count() + 1;
        return Err(Error::syntax(
            source_name,
            line,
            format!("character U+{:04X} is not allowed in XML", u32::from(c)),
        ));
    }
    Parser {
        src: &source,
        name: source_name,
        pos: 0,
        stack: Vec::new(),
        root_seen: false,
        units: Vec::new(),
        unit: None,
        tuv: None,
        seg: None,
        skip: 0,
        prop: None,
    }
    .run()
}

/// The byte offset of the `>` that closes the declaration `<!…` at the start of `rest`:
/// the first `>` outside quoted strings, comments and the brackets of an internal subset
/// (whose entity values may hold `>`). Reads only the declaration itself, so a document of
/// many declarations is read in linear time.
fn declaration_end(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut depth = 0usize;
    let mut k = 2;
    while k < bytes.len() {
        match bytes[k] {
            quote @ (b'"' | b'\'') => {
                k += 1 + memchr::memchr(quote, &bytes[k + 1..])?;
            }
            b'<' if bytes[k..].starts_with(b"<!--") => {
                k += 4 + memchr::memmem::find(&bytes[k + 4..], b"-->")? + 2;
            }
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'>' if depth == 0 => return Some(k),
            _ => {}
        }
        k += 1;
    }
    None
}

/// The first character XML 1.0 does not allow anywhere in a document, and its byte offset.
fn first_forbidden(source: &str) -> Option<(usize, char)> {
    // What XML cannot hold is a control character (one byte) or U+FFFE, U+FFFF (bytes
    // EF BF BE, EF BF BF): bytes are looked at, characters decoded only at a candidate.
    let bytes = source.as_bytes();
    // Without short circuits, so that the blocks below are tested many bytes at a time.
    let candidate = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xef);
    let mut from = 0;
    loop {
        // Blocks without a candidate, the whole of most documents, are passed over.
        while let Some(block) = bytes.get(from..from + 64)
            && !block.iter().fold(false, |any, &b| any | candidate(b))
        {
            from += 64;
        }
        let k = bytes.get(from..)?.iter().position(|&b| candidate(b))?;
        let at = from + k;
        let c = source.get(at..)?.chars().next()?;
        if !xml::allowed(c) {
            return Some((at, c));
        }
        from = at + 1;
    }
}

/// Elements inside `<seg>` that hold native code rather than text.
const CODE_ELEMENTS: [&str; 5] = ["bpt", "ept", "it", "ph", "ut"];

struct Parser<'a> {
    src: &'a str,
    name: &'a str,
    pos: usize,
    stack: Vec<&'a str>,
    root_seen: bool,
    units: Vec<TmxUnit>,
    unit: Option<TmxUnit>,
    /// Language of the open `<tuv>` and its segment text.
    tuv: Option<(String, String)>,
    /// Text of the open `<seg>`.
    seg: Option<String>,
    /// Depth of open code elements inside `<seg>`.
    skip: usize,
    /// Type and text of an open `<prop>`.
    prop: Option<(String, String)>,
}

impl<'a> Parser<'a> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        let bytes = self.src.as_bytes();
        let line = bytes
            .get(..at.min(bytes.len()))
            .unwrap_or(bytes)
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::syntax(self.name, line, message)
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn run(mut self) -> Result<Vec<TmxUnit>> {
        loop {
            let rest = self.rest();
            let Some(k) = memchr::memchr(b'<', rest.as_bytes()) else {
                self.text(rest, self.pos, false)?;
                break;
            };
            self.text(&rest[..k], self.pos, false)?;
            self.pos += k;
            self.markup()?;
        }
        if let Some(open) = self.stack.last() {
            return Err(self.error(self.src.len(), format!("<{open}> is never closed")));
        }
        if !self.root_seen {
            return Err(self.error(0, "not a TMX document: no <tmx> element"));
        }
        Ok(self.units)
    }

    /// Character data at byte `at`, raw (CDATA) or with entities to decode.
    fn text(&mut self, raw: &str, at: usize, cdata: bool) -> Result<()> {
        if raw.is_empty() {
            return Ok(());
        }
        let wanted = (self.seg.is_some() && self.skip == 0) || self.prop.is_some();
        if !wanted {
            if self.stack.is_empty() && !raw.trim().is_empty() {
                return Err(self.error(at, "text outside the root element"));
            }
            return Ok(());
        }
        // Decoded straight into the text it belongs to.
        let skip = self.skip;
        let target = match (self.seg.as_mut().filter(|_| skip == 0), self.prop.as_mut()) {
            (Some(seg), _) => seg,
            (None, Some((_, text))) => text,
            (None, None) => return Ok(()),
        };
        // Decoding only shortens: one allocation for the text of most segments.
        target.reserve(raw.len());
        if cdata {
            target.push_str(&xml::normalize_line_ends(raw));
            return Ok(());
        }
        xml::decode_references_into(raw, target).map_err(|message| self.error(at, message))
    }

    fn find_from(&self, pattern: &str, what: &str) -> Result<usize> {
        self.rest()
            .find(pattern)
            .map(|k| self.pos + k)
            .ok_or_else(|| self.error(self.pos, format!("{what} is never closed")))
    }

    /// Parses the markup that starts at `self.pos` (on a `<`).
    fn markup(&mut self) -> Result<()> {
        let rest = self.rest();
        if rest.starts_with("<!--") {
            self.pos = self.find_from("-->", "comment")? + 3;
        } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let end = body
                .find("]]>")
                .ok_or_else(|| self.error(self.pos, "CDATA section is never closed"))?;
            let at = self.pos;
            self.text(&body[..end], at, true)?;
            self.pos += "<![CDATA[".len() + end + 3;
        } else if rest.starts_with("<!") {
            // A document type declaration, perhaps with an internal subset in brackets.
            let end =
                declaration_end(rest).ok_or_else(|| self.error(self.pos, "<! is never closed"))?;
            self.pos += end + 1;
        } else if rest.starts_with("<?") {
            self.pos = self.find_from("?>", "processing instruction")? + 2;
        } else if let Some(body) = rest.strip_prefix("</") {
            let end = memchr::memchr(b'>', body.as_bytes())
                .ok_or_else(|| self.error(self.pos, "end tag is never closed"))?;
            let name = body[..end].trim();
            let at = self.pos;
            match self.stack.pop() {
                Some(open) if open == name => {}
                Some(open) => {
                    return Err(self.error(at, format!("</{name}> closes <{open}>")));
                }
                None => return Err(self.error(at, format!("</{name}> closes nothing"))),
            }
            self.pos += 2 + end + 1;
            self.end_element(name, at)?;
        } else {
            self.start_tag()?;
        }
        Ok(())
    }

    fn start_tag(&mut self) -> Result<()> {
        let at = self.pos;
        let tag = xml::read_start_tag(self.src, at).map_err(|message| self.error(at, message))?;
        self.pos = tag.end;
        self.start_element(tag.name, &tag.attributes, at)?;
        if tag.empty {
            self.end_element(tag.name, at)?;
        } else {
            self.stack.push(tag.name);
        }
        Ok(())
    }

    fn start_element(
        &mut self,
        name: &str,
        attributes: &[(&str, Cow<'_, str>)],
        at: usize,
    ) -> Result<()> {
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone().into_owned())
        };
        if self.stack.is_empty() {
            if self.root_seen {
                return Err(self.error(at, "a second root element"));
            }
            if name != "tmx" {
                return Err(self.error(
                    at,
                    format!("not a TMX document: the root element is <{name}>"),
                ));
            }
            self.root_seen = true;
            return Ok(());
        }
        if self.seg.is_some() {
            if CODE_ELEMENTS.contains(&name) || self.skip > 0 {
                self.skip += 1;
            }
            return Ok(());
        }
        match name {
            "tu" => {
                if self.unit.is_some() {
                    return Err(self.error(at, "<tu> inside <tu>"));
                }
                self.unit = Some(TmxUnit::default());
            }
            "tuv" if self.unit.is_some() => {
                if self.tuv.is_some() {
                    return Err(self.error(at, "<tuv> inside <tuv>"));
                }
                let lang = attribute("xml:lang")
                    .or_else(|| attribute("lang"))
                    .ok_or_else(|| self.error(at, "<tuv> without xml:lang"))?;
                self.tuv = Some((lang, String::new()));
            }
            "seg" if self.tuv.is_some() => self.seg = Some(String::new()),
            "prop" if self.unit.is_some() && self.tuv.is_none() => {
                self.prop = Some((attribute("type").unwrap_or_default(), String::new()));
            }
            _ => {}
        }
        Ok(())
    }

    fn end_element(&mut self, name: &str, _at: usize) -> Result<()> {
        if self.seg.is_some() {
            if self.skip > 0 {
                self.skip -= 1;
                return Ok(());
            }
            if name == "seg"
                && let (Some(text), Some((_, tuv_text))) = (self.seg.take(), self.tuv.as_mut())
            {
                // The first segment's text becomes the unit's text: no copy.
                if tuv_text.is_empty() {
                    *tuv_text = text;
                } else {
                    tuv_text.push_str(&text);
                }
            }
            return Ok(());
        }
        match name {
            "tuv" => {
                if let (Some(tuv), Some(unit)) = (self.tuv.take(), self.unit.as_mut()) {
                    unit.segments.push(tuv);
                }
            }
            "tu" => {
                if let Some(unit) = self.unit.take() {
                    self.units.push(unit);
                }
            }
            "prop" => {
                if let (Some((kind, text)), Some(unit)) = (self.prop.take(), self.unit.as_mut())
                    && kind == "x-confidence"
                {
                    unit.confidence = text.trim().parse().ok();
                }
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_what_xml_cannot_hold() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>\"d'\r\n\t\u{0}\u{1b}\u{ffff}e");
        assert_eq!(out, "a&amp;b&lt;c&gt;&quot;d&apos;&#13;\n\te");
    }

    #[test]
    fn reads_character_references_cdata_and_comments() {
        let tmx = "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY x \"y\">]><tmx><body><!-- c -->\
                   <tu><prop type='x-confidence'>0.5</prop><tuv lang='DE'><seg>&#228;&#xE4;<![CDATA[<&>]]>\r\n</seg></tuv></tu></body></tmx>";
        let units = read_tmx(tmx.as_bytes(), "t").unwrap();
        assert_eq!(units[0].text("de"), Some("ää<&>\n"));
        assert_eq!(units[0].confidence, Some(0.5));
    }

    #[test]
    fn an_internal_subset_may_hold_gt_in_entity_values_and_comments() {
        let tmx = "<!DOCTYPE tmx [\n<!ENTITY arrow \"->\">\n<!-- a > b ] -->\n<!ENTITY q '>]'>\n]>\
                   <tmx><body><tu><tuv xml:lang='de'><seg>ja</seg></tuv></tu></body></tmx>";
        let units = read_tmx(tmx.as_bytes(), "t").unwrap();
        assert_eq!(units[0].text("de"), Some("ja"));
    }

    #[test]
    fn a_declaration_is_read_without_looking_past_its_end() {
        // Each declaration used to search the rest of the document for a `[`: quadratic
        // in the number of declarations. The end is found inside the declaration.
        let rest = format!("<!ELEMENT a ANY><!ELEMENT b ANY>{}", "x".repeat(1 << 20));
        assert_eq!(declaration_end(&rest), Some(15));
        let many = "<!ELEMENT a ANY>".repeat(40_000) + "<tmx></tmx>";
        assert!(read_tmx(many.as_bytes(), "many").unwrap().is_empty());
    }

    #[test]
    fn forbidden_characters_are_found_where_a_scan_of_characters_finds_them() {
        let by_chars = |s: &str| s.char_indices().find(|&(_, c)| !xml::allowed(c));
        for text in [
            "",
            "plain\t\r\n text",
            "a\u{1}b",
            "\u{b}",
            "ok \u{feff}\u{fffd}\u{fff0} \u{ffff}",
            "\u{efbf}\u{fffe}x",
            "Ī\u{1f}",
            "\u{1f}",
            "end\u{c}",
        ] {
            assert_eq!(first_forbidden(text), by_chars(text), "{text:?}");
            // Behind clean blocks of 64 bytes and at every offset around a block's end.
            for pad in [63, 64, 65, 127, 130] {
                let long = format!("{}{text}{}", "p".repeat(pad), "q".repeat(70));
                assert_eq!(first_forbidden(&long), by_chars(&long), "{pad} {text:?}");
            }
        }
    }

    #[test]
    fn malformed_documents_are_errors() {
        for bad in [
            "",
            "<html></html>",
            "<tmx><body></tmx>",
            "<tmx><tu><tuv><seg>x</seg></tuv></tu></tmx>",
            "<tmx>&bogus;<tu><tuv xml:lang='de'><seg>&bogus;</seg></tuv></tu></tmx>",
            "<tmx a=b></tmx>",
            "<tmx></tmx><tmx></tmx>",
            "<tmx><tu><tu></tu></tu></tmx>",
            "<tmx><!-- </tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>&#0;</seg></tuv></tu></tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>&#+65;</seg></tuv></tu></tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>&#x+41;</seg></tuv></tu></tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>&#-65;</seg></tuv></tu></tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>a\u{1}b</seg></tuv></tu></tmx>",
            "<tmx><tu><tuv xml:lang='de'><seg>a\u{1b}b</seg></tuv></tu></tmx>",
            "<!DOCTYPE tmx [<!ENTITY x \"a>b\">] <tmx></tmx>",
        ] {
            assert!(read_tmx(bad.as_bytes(), "bad").is_err(), "{bad:?}");
        }
    }
}
