//! Vecalign bead lines: never panics; what parses prints back to a line that parses alike.
#![no_main]

use libfuzzer_sys::fuzz_target;
use satzweise::io::{BeadLine, read_bead_lines};

fuzz_target!(|data: &[u8]| {
    let Ok(lines) = read_bead_lines(data, "fuzz") else {
        return;
    };
    for line in lines {
        let again: BeadLine = line.to_string().parse().expect("printed bead line parses");
        assert_eq!(again.german, line.german);
        assert_eq!(again.english, line.english);
        match (line.score, again.score) {
            (Some(a), Some(b)) => assert!(a == b || (a.is_nan() && b.is_nan()), "{a} {b}"),
            (None, None) => {}
            other => panic!("score changed: {other:?}"),
        }
    }
});
