//! XLIFF 2.0 (core): the exchange format of translation tools, for a reviewer to open an
//!
//! The format is documented on [`write_xliff`], its public face.

use std::io::{BufRead, Write};

use super::xml;
use super::{BeadLine, read_all, write_error};
use crate::align::Alignment;
use crate::error::{Error, Result};
use crate::quality::Report;

/// The XLIFF 2.0 core namespace.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// One `<unit>` of an XLIFF document, as [`read_xliff`] reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XliffUnit {
    /// The unit's `id`.
    pub id: String,
    /// The unit's `name` (the bead's indices, `[0]:[0, 1]`, in files this crate writes).
    pub name: Option<String>,
    /// The text of the `<source>` elements of its segments, joined with spaces.
    pub source: String,
    /// The text of the `<target>` elements, joined with spaces.
    pub target: String,
    /// Its notes: `(category, text)`, the category empty when absent.
    pub notes: Vec<(String, String)>,
}

impl XliffUnit {
    /// The confidence of a note of category `confidence`, if any.
    pub fn confidence(&self) -> Option<f64> {
        self.notes
            .iter()
            .find(|(category, _)| category == "confidence")
            .and_then(|(_, text)| text.trim().parse().ok())
    }

    /// The bead's indices and confidence, when the unit's name holds indices.
    pub fn to_bead_line(&self) -> Option<BeadLine> {
        let name = self.name.as_deref()?;
        let mut line: BeadLine = name.parse().ok()?;
        line.score = self.confidence();
        Some(line)
    }
}

/// Escapes `text` for element content and attribute values, line feeds and tabs as
/// references; drops what XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    xml::escape_into(&mut out, text, xml::Whitespace::References);
    out
}

/// The XLIFF note priority (1 highest, 10 lowest) of a flag of `severity` in `[0, 1]`.
fn priority(severity: f64) -> u8 {
    (1.0 + (1.0 - severity.clamp(0.0, 1.0)) * 5.0).round() as u8
}

/// Writes `alignment` as an XLIFF 2.0 document with `source_lang` and `target_lang` as its
/// languages (BCP 47 codes such as `de` and `en`): one unit per bead, with its confidence and
/// QA flags as notes.
///
/// # The format
///
/// XLIFF 2.0 (core): the exchange format of translation tools, for a reviewer to open an
/// alignment with its confidences and QA flags in a CAT tool.
///
/// Every bead is one `<unit>` with one `<segment>`: the German as `<source>`, the English as
/// `<target>` (either may be empty, for an omission or an addition). The unit's `name` holds
/// the bead's sentence indices as a vecalign bead line writes them (`[0]:[0, 1]`), so that the
/// alignment can be rebuilt from the two texts; its `<notes>` hold the confidence (category
/// `confidence`, three decimals) and each QA flag (category the flag kind's name, such as
/// `number_mismatch`, the reason as text, priority 1 for the most severe kinds to 5).
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
///   <file id="f1">
///     <unit id="u1" name="[0]:[0]">
///       <notes>
///         <note category="confidence">0.973</note>
///         <note category="number_mismatch" priority="2">number mismatch: …</note>
///       </notes>
///       <segment id="s1">
///         <source>Die 29. Sitzung beginnt.</source>
///         <target>The 28th session begins.</target>
///       </segment>
///     </unit>
///   </file>
/// </xliff>
/// ```
///
/// [`read_xliff`] reads the units of any XLIFF 2.x document: their texts (inline codes such
/// as `<ph/>` dropped, the text of `<pc>` kept), names and notes.
///
/// ```
/// use satzweise::Aligner;
/// use satzweise::io::{read_xliff, write_xliff};
/// let alignment = Aligner::new().align_sentences(
///     &["Die 29. Sitzung beginnt.", "Sie dauert <zwei> Tage."],
///     &["The 28th session begins.", "It lasts <two> days."],
/// )?;
/// let mut out = Vec::new();
/// write_xliff(&alignment, &mut out, "de", "en")?;
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains(r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">"#));
/// assert!(xml.contains("&lt;zwei&gt;"));
/// let units = read_xliff(xml.as_bytes(), "out.xlf")?;
/// assert_eq!(units.len(), 2);
/// assert_eq!(units[1].target, "It lasts <two> days.");
/// assert!(units[0].notes.iter().any(|(category, _)| category == "number_mismatch"));
/// # Ok::<(), satzweise::Error>(())
/// ```
pub fn write_xliff(
    alignment: &Alignment,
    mut out: impl Write,
    source_lang: &str,
    target_lang: &str,
) -> Result<()> {
    let report = Report::new(alignment);
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n  <file id=\"f1\">\n",
        escape(source_lang),
        escape(target_lang)
    ));
    out.write_all(xml.as_bytes()).map_err(write_error)?;
    let lines = BeadLine::from_alignment(alignment);
    for (k, (checked, line)) in report.beads().zip(lines).enumerate() {
        let bead = checked.bead();
        let name = BeadLine {
            score: None,
            ..line
        }
        .to_string();
        let mut unit = format!(
            "    <unit id=\"u{}\" name=\"{}\">\n      <notes>\n        <note category=\"confidence\">{:.3}</note>\n",
            k + 1,
            escape(&name),
            bead.confidence()
        );
        for flag in checked.flags() {
            unit.push_str(&format!(
                "        <note category=\"{}\" priority=\"{}\">{}</note>\n",
                flag.kind().name(),
                priority(flag.kind().severity()),
                escape(&flag.reason())
            ));
        }
        unit.push_str(&format!(
            "      </notes>\n      <segment id=\"s{}\">\n        <source>{}</source>\n        <target>{}</target>\n      </segment>\n    </unit>\n",
            k + 1,
            escape(&bead.german_text()),
            escape(&bead.english_text())
        ));
        out.write_all(unit.as_bytes()).map_err(write_error)?;
    }
    out.write_all(b"  </file>\n</xliff>\n").map_err(write_error)
}

/// Reads the units of an XLIFF 2.x document. Errors name `source_name`, the line and what is
/// malformed (an unclosed or mismatched element, an unknown entity, a root other than
/// `<xliff>`).
pub fn read_xliff(reader: impl BufRead, source_name: &str) -> Result<Vec<XliffUnit>> {
    let source = read_all(reader, source_name)?;
    let mut units = Vec::new();
    let mut unit: Option<XliffUnit> = None;
    // Where text goes: the open <source>, <target> or <note> (and its category).
    let mut sink: Option<Sink> = None;
    let mut text = String::new();
    let mut stack: Vec<String> = Vec::new();
    let mut root_seen = false;
    for event in Events::new(&source, source_name) {
        match event? {
            Event::Start {
                name,
                attributes,
                empty,
                at,
            } => {
                let local = local_name(&name).to_string();
                if stack.is_empty() {
                    if root_seen {
                        return Err(syntax(&source, source_name, at, "a second root element"));
                    }
                    if local != "xliff" {
                        return Err(syntax(
                            &source,
                            source_name,
                            at,
                            format!("not an XLIFF document: the root element is <{name}>"),
                        ));
                    }
                    root_seen = true;
                }
                let attribute = |key: &str| {
                    attributes
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.clone())
                };
                match local.as_str() {
                    "unit" if unit.is_none() => {
                        unit = Some(XliffUnit {
                            id: attribute("id").unwrap_or_default(),
                            name: attribute("name"),
                            ..XliffUnit::default()
                        });
                    }
                    "source" | "target" if unit.is_some() && sink.is_none() => {
                        sink = Some(if local == "source" {
                            Sink::Source
                        } else {
                            Sink::Target
                        });
                        text.clear();
                    }
                    "note" if unit.is_some() && sink.is_none() => {
                        sink = Some(Sink::Note(attribute("category").unwrap_or_default()));
                        text.clear();
                    }
                    _ => {}
                }
                if empty {
                    close(&local, &mut unit, &mut sink, &mut text, &mut units);
                } else {
                    stack.push(name);
                }
            }
            Event::End { name, at } => match stack.pop() {
                Some(open) if open == name => close(
                    local_name(&name),
                    &mut unit,
                    &mut sink,
                    &mut text,
                    &mut units,
                ),
                Some(open) => {
                    return Err(syntax(
                        &source,
                        source_name,
                        at,
                        format!("</{name}> closes <{open}>"),
                    ));
                }
                None => {
                    return Err(syntax(
                        &source,
                        source_name,
                        at,
                        format!("</{name}> closes nothing"),
                    ));
                }
            },
            Event::Text { text: t, at } => {
                if stack.is_empty() && !t.trim().is_empty() {
                    return Err(syntax(
                        &source,
                        source_name,
                        at,
                        "text outside the root element",
                    ));
                }
                if sink.is_some() {
                    text.push_str(&t);
                }
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(syntax(
            &source,
            source_name,
            source.len(),
            format!("<{open}> is never closed"),
        ));
    }
    if !root_seen {
        return Err(syntax(
            &source,
            source_name,
            0,
            "not an XLIFF document: no <xliff> element",
        ));
    }
    Ok(units)
}

/// Where the text of an open element goes.
enum Sink {
    Source,
    Target,
    Note(String),
}

/// Ends element `local` (a local name): a closed `<source>`, `<target>` or `<note>` gives its
/// text to the unit, a closed `<unit>` joins the list.
fn close(
    local: &str,
    unit: &mut Option<XliffUnit>,
    sink: &mut Option<Sink>,
    text: &mut String,
    units: &mut Vec<XliffUnit>,
) {
    let ends_sink = matches!(
        (local, &*sink),
        ("source", Some(Sink::Source))
            | ("target", Some(Sink::Target))
            | ("note", Some(Sink::Note(_)))
    );
    if ends_sink {
        if let (Some(done), Some(unit)) = (sink.take(), unit.as_mut()) {
            let value = std::mem::take(text);
            let join = |field: &mut String| {
                if !field.is_empty() && !value.is_empty() {
                    field.push(' ');
                }
                field.push_str(&value);
            };
            match done {
                Sink::Source => join(&mut unit.source),
                Sink::Target => join(&mut unit.target),
                Sink::Note(category) => unit.notes.push((category, value)),
            }
        }
    } else if local == "unit"
        && sink.is_none()
        && let Some(done) = unit.take()
    {
        units.push(done);
    }
}

/// The name without its namespace prefix.
fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn syntax(source: &str, source_name: &str, at: usize, message: impl Into<String>) -> Error {
    let line = source
        .as_bytes()
        .get(..at.min(source.len()))
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    Error::syntax(source_name, line, message)
}

/// What the XML reader sees.
enum Event {
    /// A start tag (or an empty-element tag, `empty`), its attributes decoded.
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        empty: bool,
        at: usize,
    },
    /// An end tag.
    End { name: String, at: usize },
    /// Character data, references decoded (CDATA as it is).
    Text { text: String, at: usize },
}

/// The events of an XML document: tags and text; comments, processing instructions and the
/// document type declaration are passed over.
struct Events<'a> {
    src: &'a str,
    name: &'a str,
    pos: usize,
    failed: bool,
}

impl<'a> Events<'a> {
    fn new(src: &'a str, name: &'a str) -> Self {
        Events {
            src,
            name,
            pos: 0,
            failed: false,
        }
    }

    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        syntax(self.src, self.name, at, message)
    }

    /// Decodes entity and character references; normalises line ends to `\n`.
    fn decode(&self, raw: &str, at: usize) -> Result<String> {
        xml::decode_references(raw)
            .map(std::borrow::Cow::into_owned)
            .map_err(|message| self.error(at, message))
    }

    fn skip_past(&mut self, pattern: &str, what: &str) -> Result<()> {
        let at = self.pos;
        let k = self.src[at..]
            .find(pattern)
            .ok_or_else(|| self.error(at, format!("{what} is never closed")))?;
        self.pos = at + k + pattern.len();
        Ok(())
    }

    fn next_event(&mut self) -> Result<Option<Event>> {
        loop {
            let at = self.pos;
            let rest = &self.src[at..];
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos = at + end;
                let text = self.decode(&rest[..end], at)?;
                return Ok(Some(Event::Text { text, at }));
            }
            if rest.starts_with("<!--") {
                self.skip_past("-->", "comment")?;
            } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body
                    .find("]]>")
                    .ok_or_else(|| self.error(at, "CDATA section is never closed"))?;
                self.pos = at + "<![CDATA[".len() + end + 3;
                let text = body[..end].replace("\r\n", "\n");
                return Ok(Some(Event::Text { text, at }));
            } else if rest.starts_with("<?") {
                self.skip_past("?>", "processing instruction")?;
            } else if rest.starts_with("<!") {
                // A document type declaration: an internal subset is not supported.
                if rest[..rest.find('>').unwrap_or(rest.len())].contains('[') {
                    return Err(
                        self.error(at, "a document type declaration with an internal subset")
                    );
                }
                self.skip_past(">", "<!")?;
            } else if let Some(body) = rest.strip_prefix("</") {
                let end = body
                    .find('>')
                    .ok_or_else(|| self.error(at, "end tag is never closed"))?;
                self.pos = at + 2 + end + 1;
                return Ok(Some(Event::End {
                    name: body[..end].trim().to_string(),
                    at,
                }));
            } else {
                return self.start_tag(at).map(Some);
            }
        }
    }

    fn start_tag(&mut self, at: usize) -> Result<Event> {
        let tag = xml::read_start_tag(self.src, at).map_err(|message| self.error(at, message))?;
        self.pos = tag.end;
        Ok(Event::Start {
            name: tag.name.to_string(),
            attributes: tag
                .attributes
                .into_iter()
                .map(|(name, value)| (name.to_string(), value.into_owned()))
                .collect(),
            empty: tag.empty,
            at,
        })
    }
}

impl Iterator for Events<'_> {
    type Item = Result<Event>;

    fn next(&mut self) -> Option<Result<Event>> {
        if self.failed {
            return None;
        }
        let event = self.next_event().transpose();
        if matches!(event, Some(Err(_))) {
            self.failed = true;
        }
        event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inline_codes_cdata_comments_and_references() {
        let xml = "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n\
            <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"de\">\
            <file id=\"f\"><unit id=\"a\"><segment><source>Ja <ph id=\"1\"/>&amp; <pc id=\"2\">nein</pc></source>\
            <target><![CDATA[Yes & <no>]]> &#x263A;</target></segment>\
            <segment><source>Zwei.</source></segment></unit></file></xliff>";
        let units = read_xliff(xml.as_bytes(), "x.xlf").unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].source, "Ja & nein Zwei.");
        assert_eq!(units[0].target, "Yes & <no> ☺");
        assert_eq!(units[0].to_bead_line(), None);
    }

    #[test]
    fn malformed_documents_are_errors() {
        for bad in [
            "<xliff><file></xliff>",
            "<xliff><unit id='a'><segment><source>a &nbsp; b</source></segment></unit></xliff>",
            "<tmx version='1.4'/>",
            "<xliff/><xliff/>",
            "<xliff a=b/>",
            "text<xliff/>",
            "",
        ] {
            let err = read_xliff(bad.as_bytes(), "bad.xlf").unwrap_err();
            assert!(err.to_string().contains("bad.xlf"), "{bad}: {err}");
        }
    }

    #[test]
    fn escapes_everything_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b>&\"'\u{1}\r\n\tc"),
            "a&lt;b&gt;&amp;&quot;&apos;&#13;&#10;&#9;c"
        );
        assert_eq!(priority(1.0), 1);
        assert_eq!(priority(0.0), 6);
    }
}
