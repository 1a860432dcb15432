//! Fuzz target: the segmenter never panics and its spans keep every invariant, in every
//! language, on any bytes that are UTF-8.
//!
//! ```text
//! cargo +nightly fuzz run segment -- -max_total_time=600
//! ```

#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::{Lang, Segmenter};

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::De, Lang::En, Lang::Fr, Lang::Other] {
        let mut sentences = Segmenter::new(lang).sentences(text);
        let mut rebuilt = String::with_capacity(text.len());
        let mut previous_end = 0;
        let mut previous_paragraph = 0;
        for sentence in sentences.by_ref() {
            let span = sentence.span();
            assert!(previous_end <= span.start && span.start < span.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(&text[span.start..span.end], sentence.as_str());
            assert!(span.paragraph >= previous_paragraph);
            assert!(sentence.gap_before().chars().all(is_space));
            assert!(!sentence.as_str().starts_with(is_space));
            assert!(!sentence.as_str().ends_with(is_space));
            rebuilt.push_str(sentence.gap_before());
            rebuilt.push_str(sentence.as_str());
            previous_end = span.end;
            previous_paragraph = span.paragraph;
        }
        assert!(sentences.rest().chars().all(is_space));
        rebuilt.push_str(sentences.rest());
        assert_eq!(rebuilt, text);
    }
});
