//! The embedding readers and scorer. See `satzweise_fuzz::targets::embeddings`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::embeddings(data));
