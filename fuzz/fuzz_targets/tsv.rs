//! TSV and Moses readers: never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pairs) = satzweise::io::read_tsv(data, "fuzz.tsv") {
        for pair in pairs {
            assert!(!pair.german.contains('\n') && !pair.english.contains('\t'));
        }
    }
    // Moses: the input split at its first NUL into two files.
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (german, english) = data.split_at(split);
    let english = english.get(1..).unwrap_or(&[]);
    let _ = satzweise::io::read_moses(german, "fuzz.de", english, "fuzz.en");
});
