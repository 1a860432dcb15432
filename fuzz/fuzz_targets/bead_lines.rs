//! Vecalign bead lines. See `satzweise_fuzz::targets::bead_lines`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::bead_lines(data));
