//! JSON lines: never panics; records that parse write and parse back alike.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(beads) = satzweise::io::read_jsonl(data, "fuzz.jsonl") else {
        return;
    };
    for bead in beads {
        let _ = bead.to_bead_line();
        let json = serde_json::to_string(&bead).expect("a parsed record serializes");
        let again: satzweise::io::JsonlBead = serde_json::from_str(&json).expect("and parses");
        assert_eq!(again.german_text, bead.german_text);
    }
});
