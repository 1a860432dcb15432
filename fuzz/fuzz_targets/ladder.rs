//! The hunalign ladder reader and its conversion to beads and to an alignment: never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::Text;

fuzz_target!(|data: &[u8]| {
    let Ok(rungs) = satzweise::io::read_ladder(data, "fuzz.ladder") else {
        return;
    };
    // Texts as long as the last rung says, within a bound: the beads expand to at most
    // that many indices.
    let (n, m) = rungs.last().map_or((0, 0), |r| (r.german, r.english));
    let (n, m) = (n.min(100_000), m.min(100_000));
    let Ok(beads) = satzweise::io::ladder_to_beads(&rungs, n, m) else {
        return;
    };
    let german = Text::from_sentences((0..n).map(|_| "x"));
    let english = Text::from_sentences((0..m).map(|_| "y"));
    let _ = satzweise::io::alignment_from_beads(german, english, &beads);
});
