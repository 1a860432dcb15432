//! The segmenter's span invariants. See `satzweise_fuzz::targets::segment`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::segment(data));
