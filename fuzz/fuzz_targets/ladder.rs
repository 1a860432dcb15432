//! The hunalign ladder reader. See `satzweise_fuzz::targets::ladder`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::ladder(data));
