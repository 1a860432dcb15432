//! Generated hostile Ding and TSV dictionaries. See `satzweise_fuzz::targets::hostile_dictionary`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::hostile_dictionary(data));
