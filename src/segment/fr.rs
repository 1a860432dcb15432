//! French: abbreviations only (language-neutral rules otherwise). Tables sorted by bytes.

use super::rules::Rules;

const ALWAYS: &[&str] = &[
    "Cie", "Dr", "J.-C", "M", "MM", "Mgr", "Mlle", "Mlles", "Mme", "Mmes", "Pr", "St", "Ste",
    "apr", "av", "cf", "chap", "env", "fig", "vol", "éd",
];

const MAY_END: &[&str] = &["al", "etc"];

const BEFORE_NUMBER: &[&str] = &["art", "n", "no", "p", "pp"];

/// The French rules.
pub(super) static FRENCH: Rules = Rules {
    always: ALWAYS,
    may_end: MAY_END,
    before_number: BEFORE_NUMBER,
    starters: &[],
    abbreviated_endings: &[],
    ordinals: false,
    ordinal_context: &[],
    cardinal_context: &[],
    closes_list: &["etc"],
    months: &[],
};

#[cfg(test)]
pub(super) const TABLES: [&[&str]; 3] = [ALWAYS, MAY_END, BEFORE_NUMBER];
