//! The aligner on arbitrary pairs of texts. See `satzweise_fuzz::targets::align`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::align(data));
