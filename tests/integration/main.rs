//! The integration tests, one test binary: each module is one concern of the public API, and
//! one binary links the crate once instead of once per file (the README's `cargo test` builds
//! it from a fresh clone). Run one module with `cargo test --test integration search::`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/seeded.rs"]
mod seeded;

mod adversarial;
mod alignment;
mod article;
mod config;
mod corpus_stage;
mod formats;
mod gold;
mod properties;
mod qa;
mod quality;
mod search;
mod segment_props;
mod worst_case_gaps;
mod wrapped;
mod xliff;
