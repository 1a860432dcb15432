//! Properties of the segmenter on any input, through the public API only.

use proptest::prelude::*;
use satzweise::{Lang, Segmenter, Text};

/// White space as the segmenter documents it.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Checks every invariant of the sentences of `text` in `lang`.
fn check(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let mut sentences = Segmenter::new(lang).sentences(text);
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
        // Sentences start and end on non-space characters and hold no line break.
        prop_assert!(!sentence.as_str().starts_with(is_space));
        prop_assert!(!sentence.as_str().ends_with(is_space));
        prop_assert!(!sentence.as_str().contains('\n'));
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
    #![proptest_config(ProptestConfig::with_cases(2000))]

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
    let sentences: Vec<_> = Segmenter::new(Lang::De).sentences(&lines).collect();
    assert_eq!(sentences.len(), 1_000_000);
    assert_eq!(sentences.last().map(|s| s.paragraph()), Some(999_999));
    let dots = ". ".repeat(500_000);
    assert!(Segmenter::new(Lang::En).sentences(&dots).count() > 0);
}
