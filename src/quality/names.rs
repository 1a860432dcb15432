//! Which capitalised English words are common words, not names: the name check flags an
//! English name that a document writes only once (nothing on the German side spells it
//! alike) only when the word is none of these.
//!
//! Two sources, both facts about English rather than about any document:
//! - the English column of the crate's own core lexicon (`src/lexicon/de_en.tsv`), where
//!   common words are written in lower case ("union", "hospital", "media") and names with
//!   their capital ("Germany", "August");
//! - [`TITLE_WORDS`], written for this module: the words English capitalises in the names of
//!   offices, institutions, places and events ("Home Secretary", "Downing Street", "Natural
//!   History Museum"), which a German translation renders with words of its own
//!   ("Innenministerin", "Naturhistorisches Museum").
//!
//! ```text
//! is_common_english(&word_key("Secretary")) == true    // a title word
//! is_common_english(&word_key("Hospital"))  == true    // "hospital" in the lexicon
//! is_common_english(&word_key("Ford"))      == false   // a name
//! ```

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::normalize::word_key;

/// The crate's core lexicon, read here only for its English words.
const CORE_LEXICON: &str = include_str!("../lexicon/de_en.tsv");

/// English words capitalised in the names of offices, institutions, places, events and
/// times, and in headlines; written for this crate.
const TITLE_WORDS: &[&str] = &[
    // Offices and ranks.
    "secretary",
    "minister",
    "ministers",
    "president",
    "vice",
    "deputy",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "executive",
    "officer",
    "leader",
    "majority",
    "minority",
    "speaker",
    "governor",
    "mayor",
    "senator",
    "judge",
    "justice",
    "attorney",
    "general",
    "prime",
    "chancellor",
    "commissioner",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "lord",
    "lady",
    "sir",
    "dame",
    "pope",
    "bishop",
    "archbishop",
    "professor",
    "doctor",
    "captain",
    "coach",
    "manager",
    "sergeant",
    "lieutenant",
    "colonel",
    "major",
    "admiral",
    "commander",
    "inspector",
    "detective",
    "constable",
    "officers",
    "spokesman",
    "spokeswoman",
    "head",
    "coroner",
    "regiment",
    "battalion",
    "brigade",
    "division",
    "corps",
    "fleet",
    "marines",
    // Faiths.
    "muslim",
    "muslims",
    "islamic",
    "jewish",
    "jew",
    "jews",
    "christians",
    "catholic",
    "protestant",
    "hindu",
    "hindus",
    "buddhist",
    "sunni",
    "shia",
    // Institutions and bodies.
    "house",
    "home",
    "office",
    "department",
    "ministry",
    "treasury",
    "foreign",
    "interior",
    "defence",
    "defense",
    "affairs",
    "health",
    "education",
    "transport",
    "environment",
    "agriculture",
    "energy",
    "trade",
    "finance",
    "economy",
    "security",
    "homeland",
    "parliament",
    "congress",
    "assembly",
    "council",
    "committee",
    "commission",
    "court",
    "supreme",
    "high",
    "federal",
    "national",
    "international",
    "state",
    "states",
    "united",
    "kingdom",
    "republic",
    "democratic",
    "people",
    "peoples",
    "union",
    "party",
    "labour",
    "conservative",
    "liberal",
    "green",
    "greens",
    "social",
    "socialist",
    "christian",
    "democrats",
    "democrat",
    "republican",
    "republicans",
    "association",
    "federation",
    "organisation",
    "organization",
    "agency",
    "authority",
    "institute",
    "institution",
    "foundation",
    "society",
    "academy",
    "university",
    "college",
    "school",
    "hospital",
    "clinic",
    "centre",
    "center",
    "museum",
    "gallery",
    "library",
    "theatre",
    "theater",
    "opera",
    "orchestra",
    "company",
    "corporation",
    "group",
    "holdings",
    "bank",
    "fund",
    "service",
    "services",
    "police",
    "army",
    "navy",
    "naval",
    "air",
    "force",
    "forces",
    "guard",
    "guards",
    "royal",
    "imperial",
    "public",
    "civil",
    "central",
    "board",
    "operators",
    "workers",
    "office",
    "network",
    "news",
    "press",
    "times",
    "post",
    "daily",
    "weekly",
    "journal",
    "magazine",
    "radio",
    "television",
    "broadcasting",
    "media",
    "church",
    "cathedral",
    "mosque",
    "temple",
    "chapel",
    "abbey",
    "monastery",
    "palace",
    "castle",
    "tower",
    "hall",
    "stadium",
    "arena",
    "airport",
    "station",
    "port",
    "harbour",
    "harbor",
    "prison",
    "market",
    "exchange",
    "stock",
    "chamber",
    "commerce",
    "industry",
    "natural",
    "history",
    "science",
    "sciences",
    "arts",
    "art",
    "modern",
    "fine",
    // Places.
    "street",
    "road",
    "avenue",
    "square",
    "lane",
    "drive",
    "way",
    "boulevard",
    "place",
    "park",
    "garden",
    "gardens",
    "bridge",
    "river",
    "lake",
    "sea",
    "ocean",
    "bay",
    "gulf",
    "island",
    "islands",
    "mount",
    "mountain",
    "mountains",
    "valley",
    "hill",
    "hills",
    "county",
    "city",
    "town",
    "village",
    "district",
    "region",
    "province",
    "territory",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "middle",
    "upper",
    "lower",
    "new",
    "old",
    "great",
    "little",
    "grand",
    "saint",
    "capitol",
    "downtown",
    "coast",
    "border",
    "quarter",
    // Events, prizes and times.
    "cup",
    "league",
    "championship",
    "championships",
    "open",
    "games",
    "olympic",
    "olympics",
    "world",
    "european",
    "final",
    "finals",
    "series",
    "grand",
    "prix",
    "award",
    "awards",
    "prize",
    "festival",
    "day",
    "week",
    "year",
    "war",
    "revolution",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "winter",
    "christmas",
    "easter",
];

/// Keys of the English words that are no names: the lexicon's lower-case English words and
/// [`TITLE_WORDS`].
fn common_keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let lexicon = CORE_LEXICON
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .flat_map(|(_, english)| english.split(';'))
            .map(str::trim)
            .filter(|word| word.chars().next().is_some_and(char::is_lowercase));
        lexicon
            .chain(TITLE_WORDS.iter().copied())
            .map(word_key)
            .collect()
    })
}

/// Whether the English word of this [`word_key`] is a common word, not a name.
pub(crate) fn is_common_english(key: &str) -> bool {
    common_keys().contains(key)
}

/// Whether an English word ends as common nouns do and names seldom do ("Transportation",
/// "Childhood", "Economics"): a capitalised word of this shape is mostly part of a title.
pub(crate) fn has_common_noun_ending(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "tions", "sion", "ment", "ments", "ness", "ity", "ship", "hood", "ance", "ence",
        "ism", "ics",
    ];
    let lower = word.to_lowercase();
    lower.chars().count() >= 7 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_lexicon_words_are_common_names_are_not() {
        for word in [
            "Secretary",
            "Street",
            "Hospital",
            "Union",
            "NATURAL",
            "Sunday",
        ] {
            assert!(is_common_english(&word_key(word)), "{word}");
        }
        for word in ["Ford", "Mnuchin", "Verona", "Facebook", "Germany", "August"] {
            assert!(!is_common_english(&word_key(word)), "{word}");
        }
    }
}
