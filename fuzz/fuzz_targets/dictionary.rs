//! Feeds arbitrary bytes to the Ding and TSV dictionary readers: they must return a dictionary
//! or an error, never panic, and every stored translation must be non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::{Dictionary, WordTranslations};

fuzz_target!(|data: &[u8]| {
    if let Ok(ding) = Dictionary::from_ding_reader(data) {
        let _ = ding.translations("haus");
        assert!(ding.pair_count() >= ding.len());
    }
    if let Ok(tsv) = Dictionary::from_tsv_reader(data) {
        assert!(tsv.pair_count() >= tsv.len());
        assert_eq!(tsv.skipped_lines(), 0);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some((german, english)) = text.split_once('\t') {
            let mut dictionary = Dictionary::new();
            dictionary.insert(german, english);
        }
    }
});
