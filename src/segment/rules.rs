//! Boundary rules and abbreviation tables, one table per language.

use crate::lang::Lang;

/// The language-specific knowledge a segmenter needs.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Words that end with a full stop without ending the sentence (stored without the stop).
    abbreviations: &'static [&'static str],
    /// Whether a number followed by a full stop is read as an ordinal ("29. Sitzung").
    ordinals: bool,
    /// Words that typically open a sentence; after "3." they make the stop a sentence end.
    sentence_starters: &'static [&'static str],
}

const GERMAN_ABBREVIATIONS: &[&str] = &[
    "Abb", "Abs", "Abt", "Adr", "allg", "Anh", "Anm", "Art", "Aufl", "Bd", "Bde", "bes", "Best",
    "betr", "Bez", "Bhf", "bspw", "bzgl", "bzw", "ca", "Chr", "Co", "d", "dgl", "Di", "Dipl",
    "Dir", "Do", "Dr", "dt", "ebd", "Ing", "engl", "entspr", "erg", "etc", "ev", "evtl", "Fa",
    "Fam", "ff", "Fr", "frz", "geb", "gegr", "gem", "Ges", "gest", "ggf", "ggfs", "Hbf", "hl",
    "Hr", "Hrn", "Hrsg", "i", "inkl", "insb", "Inh", "Jh", "Jhd", "jr", "Jr", "jun", "Kap", "kath",
    "Kfm", "kgl", "Kl", "lt", "Ltd", "max", "Mi", "Mio", "Mo", "Mrd", "Mrz", "Nr", "Nrn", "o",
    "od", "Okt", "Pf", "Pfd", "Ph", "Pkt", "Prof", "Prok", "Red", "Reg", "rd", "resp", "Sa", "s",
    "sen", "Sept", "Sep", "sog", "So", "St", "Std", "Str", "stv", "stellv", "Tel", "Tsd", "u",
    "usf", "usw", "v", "Verf", "vgl", "Vors", "z", "zB", "Ziff", "zit", "zzgl", "zw", "Jan", "Feb",
    "Apr", "Jun", "Jul", "Aug", "Nov", "Dez", "Hg", "Mag", "Mdl", "MdB", "MdL", "Min", "Mind",
    "mind", "Mill", "Mrd", "Nachf", "näml", "österr", "schweiz", "röm", "Sek", "Temp", "urspr",
    "Vol", "vs", "zT", "Pkw", "Lkw", "Ges", "Gebr",
];

const ENGLISH_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Gen", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Capt", "Col", "Lt", "Sgt", "Maj", "Cmdr", "Adm", "Cpl", "Pvt", "Supt", "Inc",
    "Ltd", "Co", "Corp", "Bros", "vs", "etc", "e.g", "i.e", "approx", "Dept", "Univ", "No", "Nos",
    "Vol", "Vols", "Fig", "Figs", "pp", "ed", "eds", "est", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
    "Sun", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m", "cf", "al", "Ave", "Blvd", "Rd", "Ph.D",
    "Messrs", "Mmes", "Esq", "Gens", "Reps", "Sens",
];

const FRENCH_ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "St", "Ste", "etc", "cf", "p", "pp",
    "env", "av", "apr", "J.-C", "vol", "chap", "éd", "fig", "no", "n", "art", "al", "Cie",
];

const GERMAN_SENTENCE_STARTERS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Er",
    "Sie",
    "Es",
    "Ich",
    "Wir",
    "Ihr",
    "Man",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Doch",
    "Aber",
    "Und",
    "Auch",
    "Dann",
    "So",
    "Nun",
    "Da",
    "Damit",
    "Dabei",
    "Danach",
    "Deshalb",
    "Trotzdem",
    "Zudem",
    "Außerdem",
    "Allerdings",
    "Jetzt",
    "Heute",
    "Wie",
    "Was",
    "Wer",
    "Wo",
    "Warum",
    "Als",
    "Wenn",
    "Weil",
    "Bei",
    "Mit",
    "Nach",
    "Seit",
    "Vor",
    "Für",
    "Im",
    "In",
    "Am",
    "An",
    "Auf",
    "Aus",
    "Zum",
    "Zur",
    "Um",
    "Unter",
    "Über",
    "Laut",
    "Mehr",
    "Viele",
    "Alle",
    "Immer",
];

static GERMAN: Rules = Rules {
    abbreviations: GERMAN_ABBREVIATIONS,
    ordinals: true,
    sentence_starters: GERMAN_SENTENCE_STARTERS,
};

static ENGLISH: Rules = Rules {
    abbreviations: ENGLISH_ABBREVIATIONS,
    ordinals: false,
    sentence_starters: &[],
};

static FRENCH: Rules = Rules {
    abbreviations: FRENCH_ABBREVIATIONS,
    ordinals: false,
    sentence_starters: &[],
};

static NEUTRAL: Rules = Rules {
    abbreviations: &[],
    ordinals: false,
    sentence_starters: &[],
};

impl Rules {
    pub(crate) fn for_lang(lang: Lang) -> &'static Rules {
        match lang {
            Lang::De => &GERMAN,
            Lang::En => &ENGLISH,
            Lang::Fr => &FRENCH,
            Lang::Other => &NEUTRAL,
        }
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(&word)
    }
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '»' | '«' | '“' | '”' | '’' | '‘' | '›' | '‹'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// The word (letters, digits, inner full stops) that ends just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// The word that starts at byte `at`, after any opening punctuation.
fn word_after(text: &str, at: usize, line_end: usize) -> &str {
    let rest = &text[at..line_end];
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Where the sentence that starts at `start` ends: just after its terminator and closing
/// punctuation, or at `line_end`.
pub(crate) fn sentence_end(rules: &Rules, text: &str, start: usize, line_end: usize) -> usize {
    let line = &text[start..line_end];
    let mut chars = line.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        let stop = start + k;
        // Take the whole run of terminators and closing punctuation.
        let mut end = stop + c.len_utf8();
        while let Some(&(k2, c2)) = chars.peek() {
            if is_terminator(c2) || is_closing(c2) {
                end = start + k2 + c2.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // A boundary needs white space after it (or the end of the line).
        let next = text[end..line_end].chars().next();
        match next {
            None => return line_end,
            Some(n) if !n.is_whitespace() => continue,
            _ => {}
        }
        let following = word_after(text, end, line_end);
        let first = following.chars().next();
        // Lower-case continuation never starts a sentence.
        if first.is_some_and(|f| f.is_lowercase()) {
            continue;
        }
        if c == '.' && end == stop + 1 && !full_stop_ends_sentence(rules, text, stop, following) {
            continue;
        }
        return end;
    }
    line_end
}

fn full_stop_ends_sentence(rules: &Rules, text: &str, stop: usize, following: &str) -> bool {
    let word = word_before(text, stop);
    if word.is_empty() {
        return true;
    }
    let bare = word.trim_start_matches(['.', '-']);
    if rules.is_abbreviation(bare) {
        return false;
    }
    // Initials and one-letter abbreviations: "G. O. Dyhrenfurth", "z. B.", "U.S."
    if bare.chars().filter(|c| c.is_alphabetic()).count() == 1
        && bare.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return false;
    }
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 1) {
        return false;
    }
    if rules.ordinals
        && !bare.is_empty()
        && bare.len() <= 3
        && bare.bytes().all(|b| b.is_ascii_digit())
    {
        // "die 29. Sitzung", "am 3. Oktober": an ordinal unless a typical sentence opener follows.
        return rules.sentence_starters.contains(&following);
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::{Lang, Segmenter};

    fn split(lang: Lang, text: &str) -> Vec<&str> {
        Segmenter::new(lang)
            .sentences(text)
            .map(|s| s.as_str())
            .collect()
    }

    #[test]
    fn german_ordinals_dates_and_abbreviations_stay_inside() {
        assert_eq!(
            split(
                Lang::De,
                "Die bevorstehende 29. Sitzung tagt am 3. Oktober. Das ist z. B. gut."
            ),
            [
                "Die bevorstehende 29. Sitzung tagt am 3. Oktober.",
                "Das ist z. B. gut."
            ]
        );
        assert_eq!(
            split(Lang::De, "Dr. Müller kam. Er blieb."),
            ["Dr. Müller kam.", "Er blieb."]
        );
        assert_eq!(
            split(Lang::De, "Es war der 3. Der Rest folgt."),
            ["Es war der 3.", "Der Rest folgt."]
        );
    }

    #[test]
    fn english_abbreviations_stay_inside() {
        assert_eq!(
            split(Lang::En, "Mr. Smith went to the U.S. Senate. He spoke."),
            ["Mr. Smith went to the U.S. Senate.", "He spoke."]
        );
    }

    #[test]
    fn line_breaks_are_boundaries_and_blank_lines_paragraphs() {
        let text = "Titel\nErster Satz. Zweiter Satz.\n\nDritter";
        let sentences: Vec<_> = Segmenter::new(Lang::De).sentences(text).collect();
        let paragraphs: Vec<_> = sentences.iter().map(|s| s.paragraph()).collect();
        assert_eq!(sentences.len(), 4);
        assert_eq!(paragraphs, [0, 1, 1, 2]);
        for s in &sentences {
            assert_eq!(&text[s.start()..s.end()], s.as_str());
        }
    }

    #[test]
    fn quotes_close_the_sentence() {
        assert_eq!(
            split(Lang::De, "Er sagte: „Wir kommen.“ Dann ging er."),
            ["Er sagte: „Wir kommen.“", "Dann ging er."]
        );
    }
}
