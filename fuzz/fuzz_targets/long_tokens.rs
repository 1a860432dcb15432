//! Texts holding tokens of up to a megabyte. See `satzweise_fuzz::targets::long_tokens`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::long_tokens(data));
