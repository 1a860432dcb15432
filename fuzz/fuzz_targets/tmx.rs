//! The TMX reader on any bytes. See `satzweise_fuzz::targets::tmx`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::tmx(data));
