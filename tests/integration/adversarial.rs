//! Bad and extreme input. Each test states the behaviour we expect and asserts it; none may
//! panic. Sizes here suit a debug build; `examples/stress.rs` runs the full sizes (a 10 MB
//! line, a million lines) in release and prints time and peak memory.

use crate::common;

use common::assert_covers;
use satzweise::{Aligner, Alignment, ErrorKind, Lang, Text};

/// The beads cover both sides once, in order (the invariant every case must keep).
fn scratch_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("satzweise-adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Empty texts: an empty alignment (no bead), not an error, whatever the entry point.
#[test]
fn empty_texts_give_an_empty_alignment() {
    let aligner = Aligner::new();
    for alignment in [
        aligner.align("", "").unwrap(),
        aligner.align_lines("", "").unwrap(),
        aligner.align("  \n\n \t ", "\u{feff}").unwrap(),
        aligner
            .align_sentences(&[] as &[&str], &[] as &[&str])
            .unwrap(),
    ] {
        assert_eq!(alignment.beads().len(), 0);
        assert_eq!(alignment.pairs().count(), 0);
        assert_covers(&alignment);
    }
}

/// One side empty: every sentence of the other side is an addition (German) or an omission
/// (English), each in its own bead.
#[test]
fn one_side_empty_gives_additions_or_omissions() {
    let aligner = Aligner::new();
    let only_german = aligner.align("Eins. Zwei. Drei.", "").unwrap();
    assert_eq!(only_german.additions().count(), 3);
    assert_eq!(only_german.beads().len(), 3);
    assert_covers(&only_german);
    let only_english = aligner.align_lines("", "One.\nTwo.").unwrap();
    assert_eq!(only_english.omissions().count(), 2);
    assert_eq!(only_english.pairs().count(), 0);
    assert_covers(&only_english);
}

/// A single long line without punctuation is one sentence; it aligns with the other side's
/// one sentence, and neither segmentation nor features go quadratic (the release-mode
/// figures for 10 MB are in `examples/stress.rs`; here 1 MB, so that a debug build stays
/// quick).
#[test]
fn one_long_line_without_punctuation_is_one_sentence() {
    let german: String = (0..130_000).map(|k| format!("wort{} ", k % 977)).collect();
    assert!(german.len() > 900_000);
    let english = "a short English sentence without a full stop";
    let text = Text::segment(german.as_str(), Lang::De);
    assert_eq!(text.len(), 1);
    let alignment = Aligner::new().align(&german, english).unwrap();
    assert_covers(&alignment);
    assert_eq!(alignment.german_text().len(), 1);
    assert_eq!(alignment.english_text().len(), 1);
}

/// Many short lines (presegmented): every line is a sentence, the alignment covers them all
/// and, on a parallel pair, links line k with line k. 20,000 lines here; the million-line
/// case is `many_short_lines_million` (ignored in debug) and `examples/stress.rs`.
#[test]
fn many_short_lines_align_line_by_line() {
    many_short_lines(3_000);
}

/// The full million lines: ignored by default because a debug build needs minutes; run it
/// with `cargo test --release --test integration adversarial:: -- --ignored`.
#[test]
#[ignore = "a million lines take minutes in a debug build; run with --release -- --ignored"]
fn many_short_lines_million() {
    many_short_lines(1_000_000);
}

fn many_short_lines(n: usize) {
    let german: String = (0..n).map(|k| format!("Zeile {k}.\n")).collect();
    let english: String = (0..n).map(|k| format!("Line {k}.\n")).collect();
    let alignment = Aligner::new().align_lines(&german, &english).unwrap();
    assert_covers(&alignment);
    assert_eq!(alignment.german_text().len(), n);
    let one_to_one = alignment
        .beads()
        .filter(|b| b.german().len() == 1 && b.english().len() == 1)
        .filter(|b| b.german().start().get() == b.english().start().get())
        .count();
    assert!(one_to_one >= n * 99 / 100, "{one_to_one} of {n}");
}

/// NUL bytes are ordinary characters: kept in the sentences, never a terminator, no panic.
#[test]
fn nul_bytes_are_kept_as_text() {
    let german = "Ein\0Satz mit NUL.\0\0 Noch einer.\n\0";
    let english = "A\0sentence with NUL. One more.";
    let alignment = Aligner::new().align(german, english).unwrap();
    assert_covers(&alignment);
    assert!(
        alignment
            .german_text()
            .sentences()
            .any(|s| s.contains('\0'))
    );
    let lines = Aligner::new().align_lines("\0\n\0\0", "\0").unwrap();
    assert_covers(&lines);
    assert_eq!(lines.german_text().sentence(1), Some("\0\0"));
}

/// Invalid UTF-8 in a file: `read_text_file` fails with `InvalidUtf8` naming the file and the
/// byte offset of the first bad byte; the io readers do the same.
#[test]
fn invalid_utf8_names_file_and_offset() {
    let path = scratch_file("latin1.de.txt", b"Gr\xfc\xdfe aus M\xfcnchen.\n");
    let err = satzweise::read_text_file(&path).unwrap_err();
    match err.kind() {
        ErrorKind::InvalidUtf8 {
            path: Some(p),
            offset,
        } => {
            assert_eq!(p, &path);
            assert_eq!(*offset, 2);
        }
        other => panic!("unexpected error {other:?}"),
    }
    assert!(
        err.to_string()
            .ends_with("latin1.de.txt: invalid UTF-8 at byte offset 2"),
        "{err}"
    );
    // A truncated multi-byte character at the very end.
    let path = scratch_file(
        "truncated.txt",
        "Straße ü".as_bytes().split_last().unwrap().1,
    );
    let err = satzweise::read_text_file(&path).unwrap_err();
    assert!(err.to_string().ends_with("at byte offset 8"), "{err}");
    // Bead files: same error, offset counted over the whole file.
    let path = scratch_file("gold.defr", b"[0]:[0]\n[1]:[\xff]\n");
    let err = satzweise::io::read_bead_file(&path).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("gold.defr: invalid UTF-8 at byte offset 13"),
        "{err}"
    );
    // A file that does not exist: an I/O error naming it.
    let err = satzweise::read_text_file(path.with_extension("missing")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    assert!(err.to_string().contains("gold.missing"), "{err}");
}

/// CRLF line ends and a byte-order mark: `read_text_file` drops the BOM, `Text::from_lines`
/// and the segmenter drop the `\r`; the result equals that of the LF file without BOM,
/// sentence for sentence and bead for bead.
#[test]
fn crlf_and_bom_read_like_plain_lf() {
    let plain_de = "Erster Satz.\nZweiter Satz, länger als der erste.\n";
    let plain_en = "First sentence.\nSecond sentence, longer than the first.\n";
    let windows_de = format!("\u{feff}{}", plain_de.replace('\n', "\r\n"));
    let windows_en = format!("\u{feff}{}", plain_en.replace('\n', "\r\n"));
    let de = satzweise::read_text_file(scratch_file("crlf.de", windows_de.as_bytes())).unwrap();
    let en = satzweise::read_text_file(scratch_file("crlf.en", windows_en.as_bytes())).unwrap();
    assert!(!de.starts_with('\u{feff}'));
    let aligner = Aligner::new();
    for (windows, plain) in [
        (
            aligner.align_lines(&de, &en).unwrap(),
            aligner.align_lines(plain_de, plain_en).unwrap(),
        ),
        (
            aligner.align(&de, &en).unwrap(),
            aligner.align(plain_de, plain_en).unwrap(),
        ),
    ] {
        let sentences = |a: &Alignment| {
            a.german_text()
                .sentences()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(sentences(&windows), sentences(&plain));
        let beads = |a: &Alignment| {
            a.beads()
                .map(|b| (b.german().to_usize(), b.english().to_usize()))
                .collect::<Vec<_>>()
        };
        assert_eq!(beads(&windows), beads(&plain));
    }
    // The BOM is only dropped by the file reader: a string handed in directly keeps it in the
    // first line, as documented for `Text::from_lines`, while the segmenter skips it.
    assert_eq!(Text::from_lines("\u{feff}a").sentence(0), Some("\u{feff}a"));
    assert_eq!(
        Text::segment("\u{feff}A.", Lang::De).sentence(0),
        Some("A.")
    );
}

/// Right-to-left scripts and emoji (with zero-width joiners and variation selectors): spans
/// fall on character boundaries, sentences come back exactly as written.
#[test]
fn right_to_left_and_emoji_round_trip() {
    let german = "Er sagte: «مرحبا بالعالم». 👩‍👩‍👧‍👦 kamen mit. Danach: שלום! ❤️🇩🇪";
    let english = "He said: «مرحبا بالعالم». 👩‍👩‍👧‍👦 came along. Then: שלום! ❤️🇬🇧";
    let alignment = Aligner::new().align(german, english).unwrap();
    assert_covers(&alignment);
    for text in [alignment.german_text(), alignment.english_text()] {
        for (k, span) in text.spans().enumerate() {
            assert_eq!(text.sentence(k), text.as_str().get(span.range()));
        }
    }
    assert!(alignment.german_text().len() >= 3);
    assert!(alignment.pairs().count() >= 3);
    let right_to_left = Aligner::new()
        .align_lines("مرحبا\nשלום עולם\n", "مرحبا\nשלום עולם\n")
        .unwrap();
    assert_eq!(right_to_left.pairs().count(), 2);
}

/// One side a hundred times longer than the other: still an alignment that covers both
/// sides, with most of the long side left unaligned.
#[test]
fn one_side_a_hundred_times_longer() {
    let german: Vec<String> = (0..3)
        .map(|k| format!("Satz {k} über das Treffen."))
        .collect();
    let english: Vec<String> = (0..300)
        .map(|k| format!("Sentence {k} about the meeting and what followed."))
        .collect();
    let alignment = Aligner::new().align_sentences(&german, &english).unwrap();
    assert_covers(&alignment);
    assert!(alignment.omissions().count() >= 290);
    let reversed = Aligner::new().align_sentences(&english, &german).unwrap();
    assert_covers(&reversed);
    assert!(reversed.additions().count() >= 290);
}

/// Bead files with hostile content: errors, not panics or huge allocations.
#[test]
fn hostile_bead_and_ladder_files_are_errors() {
    let huge = format!("[{}]:[0]\n", "9".repeat(40));
    assert!(satzweise::io::read_bead_lines(huge.as_bytes(), "x").is_err());
    let rungs =
        satzweise::io::read_ladder(format!("0 0 1\n{} 0 1\n", usize::MAX).as_bytes(), "x").unwrap();
    assert!(satzweise::io::ladder_to_beads(&rungs, 1, 1).is_err());
    let line: satzweise::io::BeadLine = format!("[{}]:[0]", usize::MAX).parse().unwrap();
    let err =
        satzweise::io::alignment_from_beads(Text::from_lines("a"), Text::from_lines("b"), &[line]);
    assert!(err.is_err());
}

/// Many sentences on one long line segment in time linear in the length (10 MB of
/// "Das ist gut. " segment in under 2 s in the test profile; the quadratic rescans of the line
/// are gone from the segmenter).
#[test]
fn many_sentences_on_one_ten_megabyte_line() {
    let line = "Das ist gut. ".repeat(800_000);
    let text = Text::segment(line.as_str(), Lang::De);
    assert_eq!(text.len(), 800_000);
    let dots = ". ".repeat(5_000_000);
    assert_eq!(Text::segment(dots.as_str(), Lang::De).len(), 5_000_000);
}

/// Letters without a space, seeded: a token no dictionary holds.
fn letters(n: usize, seed: u64) -> String {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + ((state >> 33) % 26) as u8)
        })
        .collect()
}

/// Two tokens of a million letters that differ in one place: the near-identity test
/// (Jaro-Winkler) links them in linear time, where the window scan needed hours, and the QA
/// checks that compare spellings finish too.
#[test]
fn megabyte_tokens_that_almost_match() {
    let token = letters(1_000_000, 3);
    let german = format!("Das Wort {token} ist lang. Ein zweiter Satz.");
    let english = format!("The word {token}x is long. A second sentence.");
    let alignment = Aligner::new().align(&german, &english).unwrap();
    assert_covers(&alignment);
    assert_eq!(alignment.pairs().count(), 2);
    let report = satzweise::quality::Report::new(&alignment);
    assert_eq!(report.beads().count(), alignment.beads().len());
    let _ = report.verdict();
}

#[test]
fn configuration_errors_show_huge_and_tiny_numbers_in_exponent_form() {
    let mut config = satzweise::AlignerConfig::default();
    config.temperature = 1e-300;
    let message = config.validate().unwrap_err().to_string();
    assert!(message.ends_with("not 1e-300"), "{message}");
    let mut config = satzweise::AlignerConfig::default();
    config.costs.skip_cost = 1e308;
    let message = config.validate().unwrap_err().to_string();
    assert!(message.ends_with("not 1e308"), "{message}");
    let mut config = satzweise::AlignerConfig::default();
    config.costs.unlinked_skip_discount = 1.5;
    let message = config.validate().unwrap_err().to_string();
    assert!(message.ends_with("not 1.5"), "{message}");
}
