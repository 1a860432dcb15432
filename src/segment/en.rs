//! English: abbreviations and sentence openers.
//!
//! The tables are facts of English usage (titles, company suffixes, Latin abbreviations, US
//! news style), written out here by hand and kept sorted by bytes (a unit test checks).
//! Abbreviations are stored without their final full stop, dotted ones without the last dot
//! ("U.S", "e.g").

use super::rules::Rules;

/// Abbreviations that never end a sentence when a capitalised word follows: titles before
/// names ("Mr. Smith"), Latin "e.g.", "i.e.", "vs.".
const ALWAYS: &[&str] = &[
    "Adm", "Ala", "Ariz", "Ark", "Assn", "Asst", "Atty", "Ave", "Blvd", "Brig", "Calif", "Capt",
    "Cir", "Cmdr", "Col", "Colo", "Conn", "Cpl", "Ct", "Dept", "Det", "Dr", "Drs", "Fla", "Fr",
    "Ft", "Ga", "Gen", "Gens", "Gov", "Hon", "Hwy", "Ill", "Ind", "Insp", "Jct", "Kan", "Ky", "La",
    "Ln", "Lt", "Maj", "Md", "Messrs", "Mich", "Minn", "Miss", "Mlle", "Mme", "Mmes", "Mo", "Mr",
    "Mrs", "Ms", "Msgr", "Mt", "Mts", "Nev", "Okla", "Ore", "Pa", "Pkwy", "Pres", "Prof", "Pt",
    "Pvt", "Rep", "Reps", "Rev", "Rte", "Sen", "Sens", "Sgt", "Sq", "Sr", "St", "Ste", "Supt",
    "Tenn", "Ter", "Tex", "Univ", "Va", "Vt", "Wash", "Wis", "approx", "ca", "cf", "cont", "dept",
    "e.g", "est", "excl", "govt", "i.e", "ibid", "incl", "max", "min", "misc", "viz", "vs",
];

/// Abbreviations that often end a sentence too ("Inc.", "etc.", "p.m."): the full stop ends
/// the sentence when a typical sentence opener follows.
const MAY_END: &[&str] = &[
    "A.D", "B.C", "Bros", "Co", "Corp", "D.C", "E.U", "Esq", "Inc", "Jr", "L.A", "Ltd", "N.Y",
    "Ph.D", "U.K", "U.N", "U.S", "U.S.A", "a.m", "al", "co", "etc", "p.m",
];

/// Abbreviations only before a number ("No. 5", "Jan. 6", "p. 12").
const BEFORE_NUMBER: &[&str] = &[
    "Apr", "Art", "Aug", "Ch", "Dec", "Feb", "Fig", "Figs", "Jan", "Jul", "Jun", "Mar", "No",
    "Nos", "Nov", "Oct", "Rs", "Sep", "Sept", "Vol", "Vols", "ch", "no", "p", "pp", "vol",
];

/// Words that open a sentence far more often than they follow an abbreviation.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// The English rules.
pub(super) static ENGLISH: Rules = Rules {
    always: ALWAYS,
    may_end: MAY_END,
    before_number: BEFORE_NUMBER,
    starters: STARTERS,
    abbreviated_endings: &[],
    ordinals: false,
    ordinal_context: &[],
    cardinal_context: &[],
    closes_list: &["etc"],
    months: &[],
};

#[cfg(test)]
pub(super) const TABLES: [&[&str]; 4] = [ALWAYS, MAY_END, BEFORE_NUMBER, STARTERS];
