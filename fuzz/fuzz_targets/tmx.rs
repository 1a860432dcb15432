//! The TMX reader: never panics on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(units) = satzweise::io::read_tmx(data, "fuzz.tmx") {
        for unit in units {
            let _ = unit.to_pair("de", "en");
        }
    }
});
