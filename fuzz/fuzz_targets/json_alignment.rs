//! A whole Alignment from JSON: never panics; what deserializes is valid and round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::Alignment;

fuzz_target!(|data: &[u8]| {
    let Ok(alignment) = serde_json::from_slice::<Alignment>(data) else {
        return;
    };
    // Deserialization checks the invariants, so every view must work.
    for bead in &alignment {
        let _ = bead.german_text();
        let _ = bead.english_text();
    }
    let _ = alignment.omissions().count() + alignment.additions().count();
    let json = serde_json::to_string(&alignment).expect("serializes");
    let again: Alignment = serde_json::from_str(&json).expect("round-trips");
    assert_eq!(again.bead_slice().len(), alignment.bead_slice().len());
});
