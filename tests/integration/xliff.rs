//! The reviewer formats of `io::Format`: XLIFF 2.0 checked against the XLIFF 2 core structure
//! by a real XML parser, round-tripped with its flags; the QA checklist as a format.

use satzweise::io::{self, Contents, Format};
use satzweise::quality::Report;
use satzweise::{Aligner, Alignment, Lang};

const XLIFF: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Beads with flags (a number, a unit, a negation), an omission, an addition, and text that
/// stresses every escape.
fn flagged() -> Alignment {
    Aligner::new()
        .align_sentences(
            &[
                "Die 29. Sitzung kostet 19 Prozent mehr.",
                "Er nannte es \"gut\" & <richtig> – 'endlich'.\nZeile zwei\tmit Tab.",
                "Steuerzeichen \u{1}\u{1b} und \u{fffe} bleiben nicht.",
                "Ein Satz, den das Englische nicht hat, über das Wetter in Bern und Basel.",
                "Es regnet.",
            ],
            &[
                "The 28th session costs 19 euros more.",
                "He called it \"good\" & <right> – 'at last'.\nLine two\twith tab.",
                "Control characters \u{1}\u{1b} and \u{fffe} stay.",
                "It rains.",
                "An English sentence the German leaves out, about the harvest and the market.",
            ],
        )
        .unwrap()
}

fn xliff_of(alignment: &Alignment) -> String {
    let mut out = Vec::new();
    Format::Xliff
        .write(alignment, (Lang::De, Lang::En), &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// What XML 1.0 can hold of a text.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

#[test]
fn xliff_follows_the_core_structure() {
    let alignment = flagged();
    let xml = xliff_of(&alignment);
    let doc = roxmltree::Document::parse(&xml)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "xliff");
    assert_eq!(root.tag_name().namespace(), Some(XLIFF));
    assert_eq!(root.attribute("version"), Some("2.0"));
    assert_eq!(root.attribute("srcLang"), Some("de"));
    assert_eq!(root.attribute("trgLang"), Some("en"));
    let files: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].has_tag_name((XLIFF, "file")) && files[0].attribute("id").is_some());
    let units: Vec<_> = files[0].children().filter(|n| n.is_element()).collect();
    assert_eq!(units.len(), alignment.beads().len());
    let report = Report::new(&alignment);
    let mut ids = std::collections::HashSet::new();
    for (unit, checked) in units.iter().zip(report.beads()) {
        assert!(unit.has_tag_name((XLIFF, "unit")));
        assert!(
            ids.insert(unit.attribute("id").unwrap().to_owned()),
            "unit ids are unique"
        );
        // Core order inside a unit: notes, then segments.
        let children: Vec<&str> = unit
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(children, ["notes", "segment"]);
        let notes: Vec<_> = unit
            .descendants()
            .filter(|n| n.has_tag_name((XLIFF, "note")))
            .collect();
        assert_eq!(notes.len(), 1 + checked.flags().len());
        assert_eq!(notes[0].attribute("category"), Some("confidence"));
        let confidence: f64 = notes[0].text().unwrap().parse().unwrap();
        assert!((confidence - checked.confidence()).abs() <= 0.0005);
        for (note, flag) in notes[1..].iter().zip(checked.flags()) {
            assert_eq!(note.attribute("category"), Some(flag.kind().name()));
            let priority: u8 = note.attribute("priority").unwrap().parse().unwrap();
            assert!((1..=10).contains(&priority));
            assert_eq!(note.text().unwrap_or(""), flag.reason());
        }
        let segment = unit
            .children()
            .find(|n| n.has_tag_name((XLIFF, "segment")))
            .unwrap();
        let parts: Vec<&str> = segment
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(parts, ["source", "target"]);
        let text = |name: &str| {
            segment
                .children()
                .find(|n| n.has_tag_name((XLIFF, name)))
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_owned()
        };
        let bead = checked.bead();
        assert_eq!(text("source"), xml_text(&bead.german_text()));
        assert_eq!(text("target"), xml_text(&bead.english_text()));
    }
    // The flags this text should raise are there.
    for category in [
        "number_mismatch",
        "unit_mismatch",
        "negation",
        "omission",
        "addition",
    ] {
        assert!(
            xml.contains(&format!("category=\"{category}\"")),
            "{category}\n{xml}"
        );
    }
}

#[test]
fn xliff_round_trips_indices_confidences_texts_and_notes() {
    let alignment = flagged();
    let xml = xliff_of(&alignment);
    let units = io::read_xliff(xml.as_bytes(), "out.xlf").unwrap();
    let report = Report::new(&alignment);
    assert_eq!(units.len(), alignment.beads().len());
    for (unit, checked) in units.iter().zip(report.beads()) {
        assert_eq!(unit.source, xml_text(&checked.bead().german_text()));
        assert_eq!(unit.target, xml_text(&checked.bead().english_text()));
        let reasons: Vec<String> = checked.flags().iter().map(|f| f.reason()).collect();
        let notes: Vec<String> = unit.notes[1..].iter().map(|(_, t)| t.clone()).collect();
        assert_eq!(notes, reasons);
    }
    let contents = Format::Xliff
        .read(xml.as_bytes(), "out.xlf", (Lang::De, Lang::En))
        .unwrap();
    let back = contents
        .into_alignment(
            alignment.german_text().clone(),
            alignment.english_text().clone(),
        )
        .unwrap();
    let ranges = |a: &Alignment| -> Vec<_> {
        a.beads()
            .map(|b| (b.german().to_usize(), b.english().to_usize()))
            .collect()
    };
    assert_eq!(ranges(&back), ranges(&alignment));
}

#[test]
fn the_checklist_is_a_format() {
    let alignment = flagged();
    let format: Format = "checklist".parse().unwrap();
    assert!(Format::all().contains(&format));
    let mut out = Vec::new();
    format
        .write(&alignment, (Lang::De, Lang::En), &mut out)
        .unwrap();
    let mut direct = Vec::new();
    Report::new(&alignment)
        .write_checklist(&mut direct)
        .unwrap();
    assert_eq!(out, direct);
    let Contents::Checklist(rows) = format
        .read(&out[..], "qa.tsv", (Lang::De, Lang::En))
        .unwrap()
    else {
        panic!("not a checklist");
    };
    assert_eq!(rows, Report::new(&alignment).checklist());
    assert!(!rows.is_empty());
    assert!(!format.carries().every_bead && format.carries().flags);
}
