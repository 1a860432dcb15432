//! Properties of the segmenter on any input, through the public API only.

use proptest::prelude::*;

use crate::seeded;
use satzweise::{Lang, LineBreaks, Segmenter, Text};

/// White space as the segmenter documents it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// Line breaks as the segmenter documents them.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Checks every invariant of the sentences of `text` in `lang`, in every line-break mode.
fn check(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    for mode in [LineBreaks::Auto, LineBreaks::Paragraph, LineBreaks::Line] {
        check_mode(text, lang, mode)?;
    }
    Ok(())
}

fn check_mode(text: &str, lang: Lang, mode: LineBreaks) -> Result<(), TestCaseError> {
    let segmenter = Segmenter::new(lang).line_breaks(mode);
    let mut sentences = segmenter.sentences(text);
    let resolved = sentences.layout();
    prop_assert_eq!(resolved, segmenter.layout_of(text));
    prop_assert!(resolved != LineBreaks::Auto);
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    let mut rebuilt = String::with_capacity(text.len());
    for sentence in sentences.by_ref() {
        let (start, end) = (sentence.start(), sentence.end());
        prop_assert!(start < end, "empty sentence at {start}");
        prop_assert!(previous_end <= start, "out of order at {start}");
        prop_assert!(end <= text.len());
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        prop_assert_eq!(&text[start..end], sentence.as_str());
        prop_assert!(sentence.paragraph() >= previous_paragraph);
        // Sentences start and end on non-space characters; in the line layout they hold no
        // line break, in the paragraph layout no paragraph separator.
        prop_assert!(!sentence.as_str().starts_with(is_space));
        prop_assert!(!sentence.as_str().ends_with(is_space));
        if resolved == LineBreaks::Line {
            prop_assert!(!sentence.as_str().contains(is_line_break));
        }
        prop_assert!(!sentence.as_str().contains(PARAGRAPH_SEPARATOR));
        // The gap before it is white space only.
        prop_assert!(sentence.gap_before().chars().all(is_space));
        prop_assert_eq!(sentence.gap_before(), &text[previous_end..start]);
        rebuilt.push_str(sentence.gap_before());
        rebuilt.push_str(sentence.as_str());
        covered[start..end].iter_mut().for_each(|c| *c = true);
        previous_end = end;
        previous_paragraph = sentence.paragraph();
    }
    prop_assert!(sentences.rest().chars().all(is_space));
    rebuilt.push_str(sentences.rest());
    prop_assert_eq!(&rebuilt, text);
    // Every non-space character is inside a sentence.
    for (k, c) in text.char_indices() {
        prop_assert!(is_space(c) || covered[k], "{c:?} at {k} not covered");
    }
    prop_assert!(sentences.next().is_none(), "not fused");
    Ok(())
}

/// Pieces the rules look at.
const PIECES: &[&str] = &[
    ".",
    ". ",
    "...",
    "…",
    "!",
    "?! ",
    "„",
    "“",
    "»",
    "«",
    "‚",
    "‘",
    "\"",
    "'",
    "(",
    ")",
    "[",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{2028}",
    ":)",
    " :( ",
    "😀",
    "👍🏻",
    "z. B.",
    "u. a.",
    "Anm. d. R.",
    "Dr.",
    "Nr.",
    "Jan.",
    "usw.",
    "U.S.",
    "e.g.",
    "p.m.",
    "Inc.",
    "29.",
    "3.10.",
    "2024.",
    "II.",
    "B.",
    "m.",
    "Die",
    "The",
    "Satz",
    "wort",
    "ß",
    "Ä",
    "😀",
    "1",
    "-",
    ":",
    ",",
    "Hauptstr.",
    "Dipl.-Ing.",
];

/// Text made of the pieces the rules look at, so that random strings reach every branch.
fn tricky_text() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(PIECES).prop_map(String::from);
    let piece = prop_oneof![4 => fixed, 1 => "[a-zA-ZäöüÄÖÜ0-9]{1,6}"];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(seeded::deterministic(2000, 0x5a72776569736603))]

    #[test]
    fn any_string_german(text in any::<String>()) {
        check(&text, Lang::De)?;
    }

    #[test]
    fn any_string_english(text in any::<String>()) {
        check(&text, Lang::En)?;
    }

    #[test]
    fn tricky_text_every_language(text in tricky_text()) {
        for lang in [Lang::De, Lang::En, Lang::Fr, Lang::Other] {
            check(&text, lang)?;
        }
    }

    #[test]
    fn text_segment_agrees_with_the_segmenter(text in tricky_text()) {
        let whole = Text::segment(text.clone(), Lang::De);
        let direct: Vec<&str> = Segmenter::new(Lang::De).sentences(&text).map(|s| s.as_str()).collect();
        prop_assert_eq!(whole.sentences().collect::<Vec<_>>(), direct);
    }
}

#[test]
fn long_inputs_stay_linear_and_whole() {
    // One 2 MB line of sentences, and a million short lines.
    let line = "Das ist z. B. der 3. Satz. ".repeat(80_000);
    let count = Segmenter::new(Lang::De).sentences(&line).count();
    assert_eq!(count, 80_000);
    let lines = "a\n".repeat(1_000_000);
    assert_eq!(Segmenter::new(Lang::De).layout_of(&lines), LineBreaks::Line);
    let sentences: Vec<_> = Segmenter::new(Lang::De).sentences(&lines).collect();
    assert_eq!(sentences.len(), 1_000_000);
    assert_eq!(sentences.last().map(|s| s.paragraph()), Some(999_999));
    // A million lines of wrapped prose in the paragraph layout: one sentence per sentence.
    let wrapped =
        "Ein Satz, der über das Ende der Zeile\nhinaus geht und dort endet.\n".repeat(100_000);
    assert_eq!(
        Segmenter::new(Lang::De).layout_of(&wrapped),
        LineBreaks::Paragraph
    );
    assert_eq!(
        Segmenter::new(Lang::De).sentences(&wrapped).count(),
        100_000
    );
    let dots = ". ".repeat(500_000);
    assert!(Segmenter::new(Lang::En).sentences(&dots).count() > 0);
}
