//! Generated hostile TMX documents. See `satzweise_fuzz::targets::hostile_tmx`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::hostile_tmx(data));
