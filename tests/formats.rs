//! Every io format: write, read back, compare; TMX also parsed by a real XML parser; the
//! `align` example run on good and bad input for its messages and exit codes.

use proptest::prelude::*;
use satzweise::io::{self, TextPair};
use satzweise::{Aligner, Alignment};

/// An alignment with omissions, additions, a merge, and text that stresses every escape:
/// tabs, line breaks, markup characters, quotes, control characters, emoji, right-to-left.
fn tricky() -> Alignment {
    let german = [
        "Der Vertrag über 1.000,5 Tonnen wurde am 3. Mai unterzeichnet.",
        "Er nannte es \"gut\" & <richtig> – 'endlich'.",
        "Zeile eins\nZeile zwei\tmit Tab\r\nund CRLF.",
        "Steuerzeichen \u{1}\u{1b}\u{7f} und \u{fffe} bleiben nicht alle.",
        "Emoji 🎉👩‍👩‍👧 und Arabisch: مرحبا بالعالم.",
        "Tags: Politik, Wirtschaft",
    ];
    let english = [
        "The treaty on 1,000.5 tonnes was signed on 3 May.",
        "He called it \"good\" & <right> – 'at last'.",
        "Line one\nline two\twith tab\r\nand CRLF.",
        "Control characters \u{1}\u{1b}\u{7f} and \u{fffe} do not all stay.",
        "Emoji 🎉👩‍👩‍👧 and Arabic: مرحبا بالعالم.",
        "Hebrew: שלום עולם.",
        "An extra English sentence that the German leaves out entirely, with no number.",
    ];
    Aligner::new().align_sentences(&german, &english).unwrap()
}

fn small() -> Alignment {
    Aligner::new()
        .align_lines("Eins.\nZwei und drei.", "One.\nTwo.\nThree.")
        .unwrap()
}

fn empty() -> Alignment {
    Aligner::new().align_lines("", "").unwrap()
}

fn alignments() -> Vec<Alignment> {
    vec![tricky(), small(), empty()]
}

fn ranges(a: &Alignment) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    a.beads()
        .map(|b| (b.german().to_usize(), b.english().to_usize()))
        .collect()
}

/// What the single-line formats make of a text: line breaks (and in TSV tabs) as spaces.
fn flat(text: &str, tabs: bool) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            '\t' if tabs => ' ',
            c => c,
        })
        .collect()
}

/// What XML 1.0 can hold of a text (the TMX writer drops the rest).
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

#[test]
fn vecalign_round_trip() {
    for alignment in alignments() {
        let mut out = Vec::new();
        io::write_vecalign(&alignment, &mut out).unwrap();
        let lines = io::read_bead_lines(&out[..], "out").unwrap();
        let back = io::alignment_from_beads(
            alignment.german_text().clone(),
            alignment.english_text().clone(),
            &lines,
        )
        .unwrap();
        assert_eq!(ranges(&back), ranges(&alignment));
        for (a, b) in back.beads().zip(alignment.beads()) {
            assert!((a.confidence() - b.confidence()).abs() <= 0.0005);
        }
    }
}

#[test]
fn tsv_round_trip() {
    for alignment in alignments() {
        let mut out = Vec::new();
        io::write_tsv(&alignment, &mut out).unwrap();
        let pairs = io::read_tsv(&out[..], "out").unwrap();
        assert_eq!(pairs.len(), alignment.beads().len());
        for (pair, bead) in pairs.iter().zip(alignment.beads()) {
            assert_eq!(pair.german, flat(&bead.german_text(), true));
            assert_eq!(pair.english, flat(&bead.english_text(), true));
            assert!((pair.confidence.unwrap() - bead.confidence()).abs() <= 0.0005);
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn jsonl_round_trip_is_exact() {
    for alignment in alignments() {
        let mut out = Vec::new();
        io::write_jsonl(&alignment, &mut out).unwrap();
        let records = io::read_jsonl(&out[..], "out").unwrap();
        assert_eq!(records.len(), alignment.beads().len());
        for (record, bead) in records.iter().zip(alignment.beads()) {
            assert_eq!(record.german_text, bead.german_text());
            assert_eq!(record.english_text, bead.english_text());
            assert_eq!(record.cost, bead.cost());
            assert_eq!(record.confidence, bead.confidence());
        }
        let lines: Vec<_> = records.iter().map(|r| r.to_bead_line()).collect();
        let back = io::alignment_from_beads(
            alignment.german_text().clone(),
            alignment.english_text().clone(),
            &lines,
        )
        .unwrap();
        assert_eq!(ranges(&back), ranges(&alignment));
    }
}

#[cfg(feature = "serde")]
#[test]
fn json_round_trip_is_exact() {
    for alignment in alignments() {
        let json = serde_json::to_string(&alignment).unwrap();
        let back: Alignment = serde_json::from_str(&json).unwrap();
        assert_eq!(back, alignment);
    }
}

#[test]
fn moses_round_trip() {
    for alignment in alignments() {
        let (mut de, mut en) = (Vec::new(), Vec::new());
        io::write_moses(&alignment, &mut de, &mut en).unwrap();
        let pairs = io::read_moses(&de[..], "out.de", &en[..], "out.en").unwrap();
        let expected: Vec<TextPair> = TextPair::pairs_of(&alignment)
            .into_iter()
            .map(|p| TextPair {
                german: flat(&p.german, false),
                english: flat(&p.english, false),
                confidence: None,
            })
            .collect();
        assert_eq!(pairs, expected);
    }
}

#[test]
fn moses_files_of_different_length_are_an_error_naming_the_file() {
    let err = io::read_moses("a\nb\n".as_bytes(), "x.de", "a\n".as_bytes(), "x.en").unwrap_err();
    assert!(err.to_string().starts_with("x.de:"), "{err}");
    let err = io::read_moses("a\n".as_bytes(), "x.de", "a\nb\n".as_bytes(), "x.en").unwrap_err();
    assert!(err.to_string().starts_with("x.en:2:"), "{err}");
}

#[test]
fn ladder_round_trip() {
    for alignment in alignments() {
        let mut out = Vec::new();
        io::write_ladder(&alignment, &mut out).unwrap();
        let rungs = io::read_ladder(&out[..], "out").unwrap();
        let beads = io::ladder_to_beads(&rungs).unwrap();
        let back = io::alignment_from_beads(
            alignment.german_text().clone(),
            alignment.english_text().clone(),
            &beads,
        )
        .unwrap();
        assert_eq!(ranges(&back), ranges(&alignment));
    }
}

fn tmx_of(alignment: &Alignment) -> String {
    let mut out = Vec::new();
    io::write_tmx(alignment, &mut out, "de", "en").unwrap();
    String::from_utf8(out).unwrap()
}

/// The `(lang, seg text)` of every `<tuv>` as a real XML parser reads them.
fn parse_with_roxmltree(xml: &str) -> Vec<Vec<(String, String)>> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, options)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "tmx");
    assert_eq!(root.attribute("version"), Some("1.4"));
    let header = root.children().find(|n| n.has_tag_name("header")).unwrap();
    for required in [
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ] {
        assert!(
            header.attribute(required).is_some(),
            "header lacks {required}"
        );
    }
    let body = root.children().find(|n| n.has_tag_name("body")).unwrap();
    body.children()
        .filter(|n| n.has_tag_name("tu"))
        .map(|tu| {
            tu.children()
                .filter(|n| n.has_tag_name("tuv"))
                .map(|tuv| {
                    let lang = tuv
                        .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                        .unwrap()
                        .to_owned();
                    let seg = tuv.children().find(|n| n.has_tag_name("seg")).unwrap();
                    let text: String = seg
                        .descendants()
                        .filter(|n| n.is_text())
                        .filter_map(|n| n.text())
                        .collect();
                    (lang, text)
                })
                .collect()
        })
        .collect()
}

#[test]
fn tmx_is_valid_xml_and_round_trips() {
    for alignment in alignments() {
        let xml = tmx_of(&alignment);
        let parsed = parse_with_roxmltree(&xml);
        let ours = io::read_tmx(xml.as_bytes(), "out.tmx").unwrap();
        let pairs = TextPair::pairs_of(&alignment);
        assert_eq!(parsed.len(), pairs.len());
        assert_eq!(ours.len(), pairs.len());
        for ((xml_unit, unit), pair) in parsed.iter().zip(&ours).zip(&pairs) {
            let expected = vec![
                ("de".to_owned(), xml_text(&pair.german)),
                ("en".to_owned(), xml_text(&pair.english)),
            ];
            assert_eq!(xml_unit, &expected);
            assert_eq!(unit.segments, expected);
            assert!((unit.confidence.unwrap() - pair.confidence.unwrap()).abs() <= 0.0005);
        }
    }
}

#[test]
fn tmx_reader_agrees_with_roxmltree_on_inline_markup() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="de" datatype="html"/>
  <body>
    <tu tuid="1">
      <note>a note</note>
      <tuv xml:lang="de-DE"><seg>Das ist <hi type="b">fett</hi> &amp; <![CDATA[<roh>]]>!</seg></tuv>
      <tuv xml:lang="EN-GB"><seg>That is <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept>&#x21;</seg></tuv>
    </tu>
  </body>
</tmx>"#;
    let units = io::read_tmx(xml.as_bytes(), "in.tmx").unwrap();
    assert_eq!(units[0].text("de"), Some("Das ist fett & <roh>!"));
    assert_eq!(units[0].text("en"), Some("That is bold!"));
    assert_eq!(
        units[0].to_pair("de", "en").map(|p| p.english),
        Some("That is bold!".to_owned())
    );
    // roxmltree sees the same German text (no code elements there).
    let parsed = parse_with_roxmltree(xml);
    assert_eq!(parsed[0][0].1, "Das ist fett & <roh>!");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text, once written as TMX, is well-formed XML that both parsers read back as the
    /// text minus the characters XML cannot hold.
    #[test]
    fn tmx_escapes_any_text(german in "\\PC{0,40}|[\\x00-\\x7f]{0,40}", english in any::<String>()) {
        let alignment = Aligner::new().align_sentences(&[german.as_str()], &[english.as_str()]).unwrap();
        let xml = tmx_of(&alignment);
        let parsed = parse_with_roxmltree(&xml);
        let ours = io::read_tmx(xml.as_bytes(), "p.tmx").unwrap();
        let expected: Vec<Vec<(String, String)>> = TextPair::pairs_of(&alignment)
            .iter()
            .map(|p| vec![("de".to_owned(), xml_text(&p.german)), ("en".to_owned(), xml_text(&p.english))])
            .collect();
        prop_assert_eq!(&parsed, &expected);
        let ours: Vec<Vec<(String, String)>> = ours.into_iter().map(|u| u.segments).collect();
        prop_assert_eq!(ours, expected);
    }

    /// TSV keeps any text that has no tab or line break (and, as readers take a leading
    /// U+FEFF for a byte-order mark, does not start with one).
    #[test]
    fn tsv_keeps_single_line_text(german in "[^\t\r\n\u{feff}][^\t\r\n]{0,30}|", english in "[^\t\r\n]{0,30}") {
        let alignment = Aligner::new().align_sentences(&[german.as_str()], &[english.as_str()]).unwrap();
        let mut out = Vec::new();
        io::write_tsv(&alignment, &mut out).unwrap();
        let pairs = io::read_tsv(&out[..], "p.tsv").unwrap();
        for (pair, bead) in pairs.iter().zip(alignment.beads()) {
            prop_assert_eq!(&pair.german, &bead.german_text());
            prop_assert_eq!(&pair.english, &bead.english_text());
        }
    }
}

/// The `align` example, as `cargo test` builds it next to the test binaries.
#[cfg(feature = "serde")]
mod cli {
    use std::path::PathBuf;
    use std::process::Command;

    fn binary() -> Option<PathBuf> {
        let exe = std::env::current_exe().ok()?;
        let dir = exe.parent()?.parent()?;
        let path = dir
            .join("examples")
            .join(format!("align{}", std::env::consts::EXE_SUFFIX));
        path.exists().then_some(path)
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("satzweise-cli-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
        let out = Command::new(binary().unwrap()).args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    #[test]
    fn exit_codes_and_messages() {
        if binary().is_none() {
            eprintln!(
                "skipped: the align example is not built (run `cargo test`, which builds examples)"
            );
            return;
        }
        let dir = scratch("codes");
        let de = dir.join("de.txt");
        let en = dir.join("en.txt");
        let bad = dir.join("bad.txt");
        std::fs::write(&de, "\u{feff}Erster Satz.\r\nZweiter Satz.\r\n").unwrap();
        std::fs::write(&en, "First sentence.\nSecond sentence.\n").unwrap();
        std::fs::write(&bad, b"Gut.\n\xc3\x28").unwrap();
        let os = |p: &PathBuf| p.as_os_str().to_owned();
        let s = |x: &str| std::ffi::OsString::from(x);

        let (code, out, _) = run(&[&s("--presegmented"), &os(&de), &os(&en)]);
        assert_eq!(code, 0);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(
            lines[0].starts_with("[0]:[0]:") && lines[1].starts_with("[1]:[1]:"),
            "{out}"
        );
        for format in ["vecalign", "tsv", "jsonl", "json", "tmx", "ladder"] {
            let (code, out, err) = run(&[&s("--format"), &s(format), &os(&de), &os(&en)]);
            assert_eq!(code, 0, "{format}: {err}");
            assert!(!out.is_empty());
        }
        let (code, _, err) = run(&[&s("--format"), &s("moses"), &os(&de), &os(&en)]);
        assert_eq!(code, 2, "{err}");
        let prefix = dir.join("out");
        let (code, _, err) = run(&[
            &s("--format"),
            &s("moses"),
            &s("-o"),
            &os(&prefix),
            &os(&de),
            &os(&en),
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.join("out.de")).unwrap(),
            "Erster Satz.\nZweiter Satz.\n"
        );

        let (code, _, err) = run(&[&os(&dir.join("missing.txt")), &os(&en)]);
        assert_eq!(code, 1);
        assert!(
            err.starts_with("align: ") && err.contains("missing.txt"),
            "{err}"
        );
        let (code, _, err) = run(&[&os(&de), &os(&bad)]);
        assert_eq!(code, 1);
        assert!(
            err.contains("bad.txt: invalid UTF-8 at byte offset 5"),
            "{err}"
        );
        let (code, _, _) = run(&[&s("--format"), &s("nope"), &os(&de), &os(&en)]);
        assert_eq!(code, 2);
        let (code, _, _) = run(&[&os(&de)]);
        assert_eq!(code, 2);
        let (code, _, _) = run(&[&s("--english-lang"), &s("zz"), &os(&de), &os(&en)]);
        assert_eq!(code, 2);
        let (code, out, _) = run(&[&s("--help")]);
        assert_eq!(code, 0);
        assert!(out.contains("--format") && out.contains("ladder"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
