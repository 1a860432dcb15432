//! Generated hostile hunalign ladders. See `satzweise_fuzz::targets::hostile_ladder`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| satzweise_fuzz::targets::hostile_ladder(data));
