//! Every io format: write, read back, compare; TMX also parsed by a real XML parser; the
//! `align` example run on good and bad input for its messages and exit codes.

use std::io::Write;
use std::path::PathBuf;

use proptest::prelude::*;

use crate::seeded;
use satzweise::io::{self, Contents, Format, TextPair};
use satzweise::{Aligner, Alignment, Lang};

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

/// A scratch folder of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("satzweise-formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A text as every format can hold it: line breaks and tabs as spaces, without what XML
/// cannot hold (the TMX and TSV tests below check each format's exact rules).
fn held(text: &str) -> String {
    xml_text(&flat(text, true))
}

/// Every format of the registry, written to a file and read back, gives back what
/// `Format::carries` says it holds.
#[test]
fn every_format_round_trips_what_it_carries() {
    let dir = scratch("round-trip");
    for (&format, languages) in Format::all()
        .iter()
        .flat_map(|f| [(f, (Lang::De, Lang::En)), (f, (Lang::De, Lang::Fr))])
    {
        assert_eq!(format.name().parse::<Format>().unwrap(), format);
        let carries = format.carries();
        for (k, alignment) in alignments().into_iter().enumerate() {
            let path = dir.join(format!("{k}-{}.{format}", languages.1));
            format.write_path(&alignment, languages, &path).unwrap();
            let contents = format.read_path(&path, languages).unwrap();
            if !carries.every_bead {
                // The checklist: a row per finding (tests/integration/xliff.rs checks its rows).
                assert!(matches!(contents, Contents::Checklist(_)), "{format}");
                continue;
            }
            let kept: Vec<_> = alignment
                .beads()
                .filter(|b| carries.unlinked || (!b.german().is_empty() && !b.english().is_empty()))
                .collect();
            assert_eq!(contents.len(), kept.len(), "{format}");
            assert_eq!(
                carries.indices,
                !matches!(contents, Contents::Pairs(_)),
                "{format}"
            );
            if let Contents::Pairs(pairs) = &contents {
                for (pair, bead) in pairs.iter().zip(&kept) {
                    assert_eq!(held(&pair.german), held(&bead.german_text()), "{format}");
                    assert_eq!(held(&pair.english), held(&bead.english_text()), "{format}");
                    assert_eq!(pair.confidence.is_some(), carries.confidence, "{format}");
                    if let Some(confidence) = pair.confidence {
                        assert!((confidence - bead.confidence()).abs() <= 0.0005, "{format}");
                    }
                }
                continue;
            }
            let back = contents
                .into_alignment(
                    alignment.german_text().clone(),
                    alignment.english_text().clone(),
                )
                .unwrap();
            assert_eq!(ranges(&back), ranges(&alignment), "{format}");
            for (a, b) in back.beads().zip(alignment.beads()) {
                assert!(
                    (a.confidence() - b.confidence()).abs() <= 0.0005,
                    "{format}"
                );
            }
            if carries.texts_whole {
                assert_eq!(back, alignment, "{format}");
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_formats_cannot_rebuild_an_alignment_and_moses_needs_a_path() {
    let alignment = small();
    let mut out = Vec::new();
    assert!(
        Format::Moses
            .write(&alignment, (Lang::De, Lang::En), &mut out)
            .is_err()
    );
    assert!(out.is_empty());
    Format::Tsv
        .write(&alignment, (Lang::De, Lang::En), &mut out)
        .unwrap();
    let contents = Format::Tsv
        .read(&out[..], "x.tsv", (Lang::De, Lang::En))
        .unwrap();
    let german = alignment.german_text().clone();
    let english = alignment.english_text().clone();
    assert!(contents.into_alignment(german, english).is_err());
    let err = "xml".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("vecalign") && err.contains("ladder"), "{err}");
}

/// The names of the files in `dir`.
fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Failed writes leave no partial file: not when the folder is missing, not when the second
/// Moses file cannot be put in place (both or neither), not when a write fails midway.
#[test]
fn failed_writes_leave_no_partial_file() {
    let dir = scratch("atomic");
    let alignment = tricky();
    let languages = (Lang::De, Lang::En);
    for &format in Format::all() {
        let missing = dir.join("no-such-folder").join("out");
        let err = format
            .write_path(&alignment, languages, &missing)
            .unwrap_err();
        assert!(err.to_string().contains("no-such-folder"), "{err}");
    }
    assert_eq!(listing(&dir), Vec::<String>::new());

    // `out.en` is a folder: the German file is written and renamed first, then removed again.
    std::fs::create_dir(dir.join("out.en")).unwrap();
    let err = Format::Moses
        .write_path(&alignment, languages, &dir.join("out"))
        .unwrap_err();
    assert!(err.to_string().contains("out.en"), "{err}");
    assert_eq!(listing(&dir), ["out.en"]);
    assert!(
        std::fs::read_dir(dir.join("out.en"))
            .unwrap()
            .next()
            .is_none()
    );

    // A writer that fails midway: the earlier file at the target stays as it was.
    let target = dir.join("kept.txt");
    std::fs::write(&target, "earlier\n").unwrap();
    {
        let mut file = io::AtomicFile::create(&target).unwrap();
        file.write_all(b"half of the new").unwrap();
        // An error here: the file is dropped without commit.
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "earlier\n");
    assert_eq!(listing(&dir), ["kept.txt", "out.en"]);
    let mut file = io::AtomicFile::create(&target).unwrap();
    file.write_all(b"new\n").unwrap();
    file.commit().unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
    assert_eq!(listing(&dir), ["kept.txt", "out.en"]);
    std::fs::remove_dir_all(&dir).unwrap();
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
    #![proptest_config(seeded::deterministic(64, 0x5a72776569736602))]

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

    /// TSV keeps any text that has no tab or line end of any kind (the writers fold LF, CR,
    /// VT, FF, the information separators U+001C–U+001E, NEL, U+2028 and U+2029 into spaces)
    /// and, as readers take a leading U+FEFF for a byte-order mark, does not start with one.
    #[test]
    fn tsv_keeps_single_line_text(
        german in "[^\t\r\n\u{b}\u{c}\u{1c}-\u{1e}\u{85}\u{2028}\u{2029}\u{feff}][^\t\r\n\u{b}\u{c}\u{1c}-\u{1e}\u{85}\u{2028}\u{2029}]{0,30}|",
        english in "[^\t\r\n\u{b}\u{c}\u{1c}-\u{1e}\u{85}\u{2028}\u{2029}]{0,30}",
    ) {
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
        for format in satzweise::io::Format::all()
            .iter()
            .filter(|f| f.files() == 1)
        {
            let format = format.name();
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
        for format in satzweise::io::Format::all() {
            assert!(
                out.contains(format.name()),
                "{format} missing from --help: {out}"
            );
        }
        // `-` reads standard input.
        let mut child = Command::new(binary().unwrap())
            .args([&s("--presegmented"), &s("-"), &os(&en)])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), b"Eins.\nZwei.\n").unwrap();
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// An alignment out of order: a bead with a hole (English 0 and 2, with English 1 unaligned)
/// and two beads that cross.
fn reordered() -> Alignment {
    use satzweise::{Bead, EnglishIndex, GermanIndex, Text};
    let german = Text::from_lines("Inzwischen gelten 5000 Rupien.\nDer Gipfel.\nDas Tal.");
    let english = Text::from_lines(
        "En attendant,\n.:--\nl'indemnité est de 5000 roupies.\nLa vallée.\nLe sommet.",
    );
    let bead = |g: &[usize], e: &[usize], confidence| {
        Bead::from_indices(
            g.iter().map(|&k| GermanIndex::new(k)),
            e.iter().map(|&k| EnglishIndex::new(k)),
            0.0,
            confidence,
        )
        .unwrap()
    };
    let beads = vec![
        bead(&[0], &[0, 2], 0.9),
        bead(&[], &[1], 0.8),
        bead(&[1], &[4], 0.7),
        bead(&[2], &[3], 0.6),
    ];
    Alignment::from_parts(german, english, beads).unwrap()
}

fn index_lists(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    a.beads()
        .map(|b| {
            (
                b.german_indices().map(|i| i.get()).collect(),
                b.english_indices().map(|i| i.get()).collect(),
            )
        })
        .collect()
}

/// Formats with indices hold beads with holes and crossing beads and give them back; the
/// text formats write each side's own sentences; the ladder refuses, leaving no file.
#[test]
fn reordered_beads_survive_every_format_that_holds_indices() {
    let alignment = reordered();
    let languages = (Lang::De, Lang::En);
    let dir = scratch("reordered");
    for &format in Format::all() {
        let path = dir.join(format!("reordered.{format}"));
        if format.name() == "ladder" {
            let err = format.write_path(&alignment, languages, &path).unwrap_err();
            assert!(err.to_string().contains("monotone"), "{err}");
            assert!(!path.exists());
            continue;
        }
        format.write_path(&alignment, languages, &path).unwrap();
        match format.read_path(&path, languages).unwrap() {
            Contents::Pairs(pairs) => {
                let hole = pairs
                    .iter()
                    .find(|p| p.german.starts_with("Inzwischen"))
                    .unwrap();
                assert_eq!(
                    hole.english, "En attendant, l'indemnité est de 5000 roupies.",
                    "{format}"
                );
                let crossed = pairs.iter().find(|p| p.german == "Der Gipfel.").unwrap();
                assert_eq!(crossed.english, "Le sommet.", "{format}");
            }
            // A checklist lists findings, not beads: nothing to rebuild.
            Contents::Checklist(_) => {}
            contents => {
                let back = contents
                    .into_alignment(
                        alignment.german_text().clone(),
                        alignment.english_text().clone(),
                    )
                    .unwrap();
                assert_eq!(index_lists(&back), index_lists(&alignment), "{format}");
                assert_eq!(back.reordered().count(), 3, "{format}");
            }
        }
    }
    let mut lines = Vec::new();
    io::write_vecalign(&alignment, &mut lines).unwrap();
    let lines = String::from_utf8(lines).unwrap();
    assert!(
        lines.starts_with("[0]:[0, 2]:0.900\n[]:[1]:0.800\n[1]:[4]"),
        "{lines}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
