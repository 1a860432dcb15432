//! satzweise's fuzz targets as plain functions ([`targets`]) and the generators of structured
//! hostile input they use ([`generate`]).
//!
//! With `cargo fuzz` (nightly, or `RUSTC_BOOTSTRAP=1` on stable) each target runs under
//! libFuzzer; overflow checks and debug assertions on, no sanitizer (the crate forbids
//! `unsafe`):
//!
//! ```text
//! cd fuzz && cargo fuzz run -O -a -s none repetitive corpus/repetitive seeds/repetitive -- \
//!     -max_total_time=600 -timeout=10 -rss_limit_mb=4096
//! ```
//!
//! libFuzzer's `-timeout` counts wall time: on a loaded machine at `nice -n 19` a unit of a
//! tenth of a CPU second can pass 10 s, so triage every `timeout-*` artifact with the replay
//! (which prints each input's time) before calling it a finding.
//!
//! On stable, `cargo test --manifest-path fuzz/Cargo.toml --no-default-features` replays
//! every committed seed (and every finding kept in `seeds/`) through the same functions.
#![deny(missing_docs)]

#[path = "../../tests/common/mod.rs"]
#[allow(missing_docs)]
mod common;
pub mod generate;
pub mod targets;
