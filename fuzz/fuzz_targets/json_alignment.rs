//! A whole Alignment from JSON. See `satzweise_fuzz::targets::json_alignment`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::json_alignment(data));
