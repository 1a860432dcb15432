//! TSV and Moses readers. See `satzweise_fuzz::targets::tsv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::tsv(data));
