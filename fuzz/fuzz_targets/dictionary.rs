//! The Ding and TSV dictionary readers on any bytes. See `satzweise_fuzz::targets::dictionary`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::dictionary(data));
