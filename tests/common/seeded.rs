//! Property tests that run the same cases on every `cargo test`: a fixed seed per property
//! and no regression file, so that the README's test command is never red by chance and
//! never writes into the checkout. A failure found this way is a real bug, found every time.

use proptest::test_runner::{Config, RngSeed};

/// A proptest configuration of `cases` cases drawn from the fixed `seed`.
pub fn deterministic(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}
