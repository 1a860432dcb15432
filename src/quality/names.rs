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
    "northeast",
    "northwest",
    "southeast",
    "southwest",
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

/// Places whose German and English names are not spelled alike, each as German forms (the
/// name, its genitive, its adjective and demonym) against English forms; written for this
/// crate. A demonym or adjective of a place counts as its name ("die Münchner" for
/// "Munich", "bayerischen" for "Bavarian"); the core lexicon holds the countries.
const EXONYMS: &[(&str, &str)] = &[
    (
        "Bayern Bayerns bayerisch bayerische bayerischen bayerischer bayerisches",
        "Bavaria Bavarian Bavarians",
    ),
    ("München Münchens Münchner Münchnern", "Munich"),
    ("Köln Kölns Kölner", "Cologne"),
    ("Wien Wiens Wiener", "Vienna Viennese"),
    ("Nürnberg Nürnbergs Nürnberger", "Nuremberg"),
    (
        "Pfalz pfälzisch pfälzische pfälzischen Pfälzer",
        "Palatinate",
    ),
    ("Nordrhein", "North Rhine"),
    (
        "Rhein Rheins rheinisch rheinische rheinischen",
        "Rhine Rhenish",
    ),
    (
        "Westfalen westfälisch westfälische westfälischen",
        "Westphalia Westphalian",
    ),
    ("Sachsen sächsisch sächsische sächsischen", "Saxony Saxon"),
    (
        "Niedersachsen niedersächsisch niedersächsische niedersächsischen",
        "Saxony Saxon",
    ),
    ("Hessen hessisch hessische hessischen", "Hesse Hessian"),
    (
        "Schwaben schwäbisch schwäbische schwäbischen",
        "Swabia Swabian",
    ),
    (
        "Franken fränkisch fränkische fränkischen",
        "Franconia Franconian",
    ),
    (
        "Preußen preußisch preußische preußischen",
        "Prussia Prussian",
    ),
    ("Mailand Mailands Mailänder", "Milan"),
    ("Venedig Venedigs", "Venice Venetian"),
    ("Rom Roms römisch römische römischen", "Rome Roman"),
    ("Neapel", "Naples"),
    ("Florenz", "Florence"),
    ("Moskau Moskaus Moskauer", "Moscow"),
    ("Prag Prags Prager", "Prague"),
    ("Warschau Warschauer", "Warsaw"),
    ("Genf Genfer", "Geneva"),
    ("Brüssel Brüssels Brüsseler", "Brussels"),
    ("Peking Pekings", "Beijing"),
    ("Athen Athens", "Athens"),
    ("Lissabon", "Lisbon"),
    ("Kopenhagen", "Copenhagen"),
    ("Den Haag", "Hague"),
    (
        "Tschechien tschechisch tschechische tschechischen",
        "Czech Czechia",
    ),
    ("Asien asiatisch asiatische asiatischen", "Asia Asian"),
    (
        "Afrika afrikanisch afrikanische afrikanischen",
        "Africa African",
    ),
    ("Südost", "Southeast"),
    ("Nordost", "Northeast"),
];

/// Names of one thing that German and English news write otherwise, not places: German
/// says "Corona" where English says "Covid", English makes a verb of a service's name
/// ("tweeted" for "auf Twitter") and names a government by its seat ("Downing Street" for
/// "die britische Regierung"); written for this crate.
const SAME_THING: &[(&str, &str)] = &[
    ("Corona Coronavirus Covid", "Covid Corona Coronavirus"),
    ("Twitter", "tweet tweets tweeted tweeting retweet retweeted"),
    // A government by the seat of its head.
    ("Regierung", "Downing Whitehall Kremlin Elysee"),
];

/// German word key → the English keys of the same place or thing ([`EXONYMS`],
/// [`SAME_THING`]).
pub(crate) fn exonyms(german_key: &str) -> &'static [String] {
    static MAP: OnceLock<std::collections::HashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for (german, english) in EXONYMS.iter().chain(SAME_THING) {
            let english: Vec<String> = english.split(' ').map(word_key).collect();
            for form in german.split(' ') {
                map.entry(word_key(form))
                    .or_default()
                    .extend(english.iter().cloned());
            }
        }
        map
    })
    .get(german_key)
    .map_or(&[], Vec::as_slice)
}

/// Keys of the English words the core lexicon writes with a capital: names of places and
/// their adjectives ("Germany", "German", "Austrian"), which a German word of the lexicon
/// renders.
pub(crate) fn is_proper_english(key: &str) -> bool {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        crate::lexicon::core_de_en_english_words()
            .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
            .map(word_key)
            .collect()
    })
    .contains(key)
}

/// Whether a capitalised English word is the -ing or -ed form of a common verb ("Testing",
/// "Celebrating", "Banned"): a headline or a title capitalises it, it names nothing.
pub(crate) fn is_verb_form(word: &str) -> bool {
    let lower = word.to_lowercase();
    let stem = lower
        .strip_suffix("ing")
        .or_else(|| lower.strip_suffix("ed"));
    let Some(stem) = stem.filter(|s| s.chars().count() >= 3) else {
        return false;
    };
    let mut chars: Vec<char> = stem.chars().collect();
    let mut forms = vec![stem.to_string(), format!("{stem}e")];
    // "running" → "run", "banned" → "ban".
    if chars.len() >= 4 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        chars.pop();
        forms.push(chars.iter().collect());
    }
    forms.iter().any(|f| is_common_english(&word_key(f)))
}

/// Keys of the English words that are no names: the lexicon's lower-case English words and
/// [`TITLE_WORDS`].
fn common_keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let lexicon = crate::lexicon::core_de_en_english_words()
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

/// Whether the English word of this [`word_key`] is one of [`TITLE_WORDS`].
pub(crate) fn is_title_word(key: &str) -> bool {
    title_keys().contains(key)
}

/// The keys of [`TITLE_WORDS`].
fn title_keys() -> &'static HashSet<String> {
    static TITLES: OnceLock<HashSet<String>> = OnceLock::new();
    TITLES.get_or_init(|| TITLE_WORDS.iter().copied().map(word_key).collect())
}

/// [`is_common_english`], or the plural of a [`TITLE_WORDS`] word ("Palaces"; not of any
/// common word, as names end so: "Masters", "Wells").
pub(crate) fn is_common_english_or_plural(key: &str) -> bool {
    let titles = title_keys();
    is_common_english(key)
        || key.strip_suffix('s').is_some_and(|stem| {
            titles.contains(stem) || stem.strip_suffix('e').is_some_and(|s| titles.contains(s))
        })
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

/// German nouns of a kind of place, each with the English words that render it: a German
/// compound ending in one ("Revierstadt", "Mainmetropole", "Landeshauptstadt") that the
/// English does not render is mostly a place's name said otherwise (German news avoids
/// repeating a name: "in der Revierstadt" for "in Dortmund"); written for this crate. The
/// noun alone ("die Stadt") and nouns of teams and bodies ("Mannschaft", "Behörde",
/// "Bundesregierung") are left out: the English renders those otherwise as often ("the
/// club", "the administration", "the White House").
const PLACE_KIND_NOUNS: &[(&str, &str)] = &[
    ("stadt", "city town capital"),
    ("metropole", "city metropolis capital"),
    ("gemeinde", "municipality community town village"),
    ("insel", "island"),
];

/// The English keys that render the kind noun a German compound ends in
/// ([`PLACE_KIND_NOUNS`]), if it is such a compound ("Revierstadt", "Hansestädte" aside).
pub(crate) fn place_kind_renderings(german_word: &str) -> Option<Vec<String>> {
    let lower = german_word.to_lowercase();
    PLACE_KIND_NOUNS.iter().find_map(|(head, english)| {
        // The head, or its plural or genitive, after a first part of three letters or more.
        let compound = ["", "s", "es", "n", "en"].iter().any(|inflection| {
            lower.strip_suffix(inflection).is_some_and(|stem| {
                stem.strip_suffix(head)
                    .is_some_and(|first| first.chars().count() >= 3)
            })
        });
        compound.then(|| english.split(' ').map(word_key).collect())
    })
}

/// Whether a German word is a demonym or an adjective made of a place's name with -er
/// ("Londoner", "Münchnern", "Dortmunder"), given whether a key is a name of the document:
/// German news calls a team or a city's people so ("die Londoner" for Chelsea, "die
/// Münchner" for Bayern).
pub(crate) fn is_demonym(german_word: &str, is_name: impl Fn(&str) -> bool) -> bool {
    let lower = german_word.to_lowercase();
    ["erinnen", "erin", "ern", "ers", "er"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .filter(|stem| stem.chars().count() >= 4)
        .is_some_and(|stem| !exonyms(&word_key(german_word)).is_empty() || is_name(&word_key(stem)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_exonyms_and_plurals_of_title_words() {
        for word in ["Testing", "Banned", "Celebrating", "Running"] {
            assert!(is_verb_form(word), "{word}");
        }
        for word in ["Beijing", "Mohammed", "Ahmed", "Sing"] {
            assert!(!is_verb_form(word), "{word}");
        }
        assert_eq!(exonyms(&word_key("Münchner")), [word_key("Munich")]);
        assert!(exonyms(&word_key("bayerischen")).contains(&word_key("Bavarian")));
        assert!(exonyms(&word_key("Berlin")).is_empty());
        assert!(is_proper_english(&word_key("Austrian")));
        assert!(is_common_english_or_plural(&word_key("Palaces")));
        assert!(!is_common_english_or_plural(&word_key("Masters")));
    }

    #[test]
    fn place_epithets_and_demonyms() {
        assert!(
            place_kind_renderings("Revierstadt").is_some_and(|r| r.contains(&word_key("city")))
        );
        assert!(place_kind_renderings("Hansestädten").is_none());
        assert!(place_kind_renderings("Mainmetropole").is_some());
        assert!(place_kind_renderings("Stadt").is_none());
        assert!(place_kind_renderings("Mannschaft").is_none());
        let london = |key: &str| key == word_key("London");
        assert!(is_demonym("Londoner", london));
        assert!(is_demonym("Münchnern", london));
        assert!(!is_demonym("London", london));
        assert!(!is_demonym("Lehrer", london));
        assert_eq!(
            exonyms(&word_key("Covid")),
            [
                word_key("Covid"),
                word_key("Corona"),
                word_key("Coronavirus")
            ]
        );
    }

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
