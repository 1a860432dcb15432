//! Many lines that look alike. See `satzweise_fuzz::targets::repetitive`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::repetitive(data));
