//! Replays every fuzz target on stable, without libFuzzer: the committed seeds of
//! `seeds/TARGET/` (hand-made hard cases and every finding once fixed) and a fixed set of
//! generated inputs. A panic here is a fuzzing finding that came back. One test per target,
//! so `cargo test … repetitive` replays one; each input's time is printed (`--nocapture`).
//!
//! ```text
//! cargo test --manifest-path fuzz/Cargo.toml --no-default-features
//! ```

use std::path::Path;
use std::time::Instant;

use satzweise_fuzz::targets::{self, TARGETS};

/// Inputs of a fixed pseudo-random sequence (the same on every run): short ones, which the
/// structured generators turn into small cases.
fn generated(count: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let length = (next() % 48) as usize;
            (0..length).map(|_| next() as u8).collect()
        })
        .collect()
}

/// The files of `seeds/TARGET/`, by name.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&path).ok()?))
        })
        .collect();
    files.sort();
    files
}

/// A generated input made small: the generators of many lines and of long tokens read their
/// size from bytes 2–4 and 1–3; the seeds hold the large cases, the generated inputs the
/// variety.
fn small(target: &str, mut bytes: Vec<u8>) -> Vec<u8> {
    let size_bytes = match target {
        "repetitive" => 3..5,
        "long_tokens" => 2..4,
        _ => 0..0,
    };
    for k in size_bytes {
        if let Some(b) = bytes.get_mut(k) {
            *b = 0;
        }
    }
    bytes
}

/// Runs `body` on every seed of `target` and on 24 generated inputs.
fn replay(target: &str, body: fn(&[u8])) {
    let salt = TARGETS
        .iter()
        .position(|(name, _)| *name == target)
        .expect("a target of TARGETS") as u64;
    let inputs = seeds(target).into_iter().chain(
        generated(24, 0x5a72_e15e + salt)
            .into_iter()
            .map(|b| small(target, b))
            .map(|b| (format!("{b:02x?}"), b)),
    );
    for (name, bytes) in inputs {
        let start = Instant::now();
        body(&bytes);
        eprintln!(
            "{target}/{name}: {} bytes, {:.2} s",
            bytes.len(),
            start.elapsed().as_secs_f64()
        );
    }
}

#[test]
fn every_target_has_seeds_and_a_test() {
    for (target, _) in TARGETS {
        assert!(
            !seeds(target).is_empty(),
            "seeds/{target}/ is empty or missing"
        );
    }
    assert_eq!(TARGETS.len(), 15, "a new target needs its test below");
}

macro_rules! replay_tests {
    ($($target:ident),*) => {$(
        #[test]
        fn $target() {
            replay(stringify!($target), targets::$target);
        }
    )*};
}

replay_tests!(
    align,
    bead_lines,
    tsv,
    jsonl,
    tmx,
    ladder,
    json_alignment,
    segment,
    dictionary,
    embeddings,
    long_tokens,
    repetitive,
    hostile_tmx,
    hostile_dictionary,
    hostile_ladder
);
