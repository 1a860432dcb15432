//! JSON lines. See `satzweise_fuzz::targets::jsonl`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::jsonl(data));
