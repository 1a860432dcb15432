//! Unit tests: one per case of the German and English rules.

use crate::{Lang, Segmenter};

fn split(lang: Lang, text: &str) -> Vec<&str> {
    Segmenter::new(lang)
        .sentences(text)
        .map(|s| s.as_str())
        .collect()
}

fn de(text: &str) -> Vec<&str> {
    split(Lang::De, text)
}

fn en(text: &str) -> Vec<&str> {
    split(Lang::En, text)
}

/// Checks that `text` stays one sentence.
macro_rules! one {
    ($f:ident, $text:expr) => {
        assert_eq!($f($text), [$text]);
    };
}

#[test]
fn german_ordinals_and_dates() {
    one!(de, "Die bevorstehende 29. Sitzung der Konferenz beginnt.");
    one!(de, "Die Wahl findet am 3. Oktober 2024 statt.");
    one!(de, "Das Kloster stammt aus dem 19. Jahrhundert.");
    one!(de, "Sie kommt am 3.10. nach Berlin.");
    one!(de, "Das 2. Staatsexamen legte sie in Regensburg ab.");
    one!(de, "Vom 7. bis 14. Juni ist geschlossen.");
    one!(de, "Er traf in der 67. Minute.");
    one!(de, "Müller (67.) traf zum Ausgleich.");
    one!(de, "Die Sitzung ist am 3. 10. 2024 in Bonn.");
    assert_eq!(
        de("Der Sieger wurde 3. Der Zweite kam aus Bonn."),
        ["Der Sieger wurde 3.", "Der Zweite kam aus Bonn."]
    );
    assert_eq!(
        de("Das Werk entstand im Jahr 1848. Später wurde es zerstört."),
        [
            "Das Werk entstand im Jahr 1848.",
            "Später wurde es zerstört."
        ]
    );
    assert_eq!(
        de("Er kam am 3.10. Danach war alles anders."),
        ["Er kam am 3.10.", "Danach war alles anders."]
    );
}

#[test]
fn german_regnal_numbers() {
    one!(de, "Friedrich II. König von Preußen war ein Flötenspieler.");
    one!(de, "Unter Friedrich II. wurde das Schloss gebaut.");
    assert_eq!(
        de("Das Schloss baute Friedrich II. Er wohnte darin."),
        ["Das Schloss baute Friedrich II.", "Er wohnte darin."]
    );
}

#[test]
fn german_abbreviations() {
    for text in [
        "Es gibt z. B. Äpfel und Birnen.",
        "Es gibt z.B. Äpfel und Birnen.",
        "Z. B. Äpfel gibt es hier.",
        "Sie trafen u. a. Vertreter der Stadt.",
        "Er kam bzw. Sie kam nicht.",
        "Es kamen ca. 500 Menschen.",
        "Das Haus Nr. 5 steht leer.",
        "Dr. Müller und Prof. Schmidt sprachen.",
        "Sie wohnt in St. Wolfgang am See.",
        "Nach Abs. 3 gilt das nicht.",
        "Vgl. Kapitel drei und vgl. Anhang.",
        "Bücher, Hefte usw. lagen herum.",
        "Die Stadt (Anm. d. R.: gemeint ist Bonn) wächst.",
        "Dies sei falsch (Anm. d. R.) hieß es.",
        "Die Rede hielt Dipl.-Ing. Meier.",
        "Sie kostet zzgl. Versand mehr.",
        "Das gilt i. d. R. Immer.",
        "Es kostete 5 Mio. Euro.",
        "Die Bahnhofstr. 5 ist gesperrt.",
        "Der Termin ist am Mo. 3. Mai.",
        "Siehe Art. 5 des Gesetzes.",
    ] {
        one!(de, text);
    }
    assert_eq!(
        de("Es gab Bücher, Hefte usw. Die Kinder lasen."),
        ["Es gab Bücher, Hefte usw.", "Die Kinder lasen."]
    );
    assert_eq!(
        de("Das Werk entstand 50 v. Chr. Danach verfiel es."),
        ["Das Werk entstand 50 v. Chr.", "Danach verfiel es."]
    );
    // "Jan" and "Art" are a name and a word unless a number follows.
    assert_eq!(
        de("Das sagte Jan. Er lachte."),
        ["Das sagte Jan.", "Er lachte."]
    );
}

#[test]
fn german_numbers_and_times() {
    one!(de, "Der Wert stieg um 3.5 Prozent.");
    one!(de, "Es waren 1.000.000 Menschen.");
    one!(de, "Das Spiel beginnt um 21.30 Uhr in Mainz.");
    one!(de, "Es kostet 1.000,50 Euro.");
    assert_eq!(
        de("Es kamen 1.000.000. Die Stadt war voll."),
        ["Es kamen 1.000.000.", "Die Stadt war voll."]
    );
    assert_eq!(
        de("Das Spiel begann um 21.30 Uhr. 20 Fans kamen."),
        ["Das Spiel begann um 21.30 Uhr.", "20 Fans kamen."]
    );
    assert_eq!(
        de("Er lief 100 m. Dann war er müde."),
        ["Er lief 100 m.", "Dann war er müde."]
    );
}

#[test]
fn german_initials() {
    one!(de, "Der Bergsteiger G. O. Dyhrenfurth kam 1930.");
    one!(de, "Das Buch von J. K. Rowling ist bekannt.");
    assert_eq!(
        de("Wir nehmen Plan B. Die Zeit drängt."),
        ["Wir nehmen Plan B.", "Die Zeit drängt."]
    );
}

#[test]
fn german_ellipses() {
    one!(de, "Er wartete … und wartete.");
    one!(de, "Er wartete ... und wartete.");
    one!(de, "Das Zitat […] Alle Menschen sind frei.");
    assert_eq!(
        de("Er wartete … Dann kam sie."),
        ["Er wartete …", "Dann kam sie."]
    );
    assert_eq!(
        de("Er wartete... Dann kam sie."),
        ["Er wartete...", "Dann kam sie."]
    );
}

#[test]
fn german_quotes_and_brackets() {
    assert_eq!(
        de("Er sagte: „Wir kommen.“ Dann ging er."),
        ["Er sagte: „Wir kommen.“", "Dann ging er."]
    );
    assert_eq!(de("»Ja!« Sie lachte."), ["»Ja!«", "Sie lachte."]);
    assert_eq!(
        de("Sie rief: ‚Halt!‘ Er blieb stehen."),
        ["Sie rief: ‚Halt!‘", "Er blieb stehen."]
    );
    assert_eq!(
        de("Er kam spät. (Das war zu erwarten.) Dann aß er."),
        ["Er kam spät.", "(Das war zu erwarten.)", "Dann aß er."]
    );
    assert_eq!(
        de("Er kam (zu spät). Dann aß er."),
        ["Er kam (zu spät).", "Dann aß er."]
    );
    one!(de, "„Kommst du?“, fragte er.");
    one!(de, "„Kommst du?“ fragte er.");
    one!(de, "„Wir sind bereit“, erklärte sie.");
    one!(de, "Er hat (!) gewonnen.");
    assert_eq!(de("„Wer kommt?“ „Ich.“"), ["„Wer kommt?“", "„Ich.“"]);
}

#[test]
fn german_colons_do_not_split() {
    one!(
        de,
        "Mamming: Corona-Masseninfektion: 174 Erntehelfer angesteckt"
    );
    one!(de, "Er sagte: Das geht nicht.");
}

#[test]
fn german_urls_and_mail() {
    assert_eq!(
        de("Mehr unter www.example.de/info. Dort steht alles."),
        ["Mehr unter www.example.de/info.", "Dort steht alles."]
    );
    assert_eq!(
        de("Schreiben Sie an info@example.de. Wir antworten."),
        ["Schreiben Sie an info@example.de.", "Wir antworten."]
    );
    one!(de, "Die Seite https://example.de/a?b=1&c=2 ist neu.");
}

#[test]
fn german_enumerations() {
    one!(de, "1. Die Regierung tritt zurück");
    one!(de, "Drei Ziele: 1. Wachstum, 2. Bildung und 3. Sicherheit.");
    one!(de, "Die Punkte: 1. Die Steuer sinkt, 2. die Rente steigt.");
    let text = "Punkte:\n1. Erstens\n2. Zweitens";
    assert_eq!(de(text), ["Punkte:", "1. Erstens", "2. Zweitens"]);
}

#[test]
fn strong_terminators() {
    assert_eq!(
        de("Wirklich?! Das glaube ich nicht!"),
        ["Wirklich?!", "Das glaube ich nicht!"]
    );
    assert_eq!(de("Super! danke dir"), ["Super!", "danke dir"]);
    assert_eq!(de("Was tun? Wir warten."), ["Was tun?", "Wir warten."]);
}

#[test]
fn lowercase_after_full_stop() {
    one!(de, "Es kamen ca. zehn Leute.");
    one!(de, "Er wohnt in der Hauptstr. in Bonn.");
    assert_eq!(
        de("Das war echt gut. danach gingen wir heim."),
        ["Das war echt gut.", "danach gingen wir heim."]
    );
}

#[test]
fn english_abbreviations() {
    for text in [
        "Mr. Smith and Mrs. Jones met Dr. Brown.",
        "The U.S. Senate voted on Monday.",
        "Fruit, e.g. apples, is healthy.",
        "Fruit, i.e. apples, is healthy.",
        "He lives at No. 5 Downing Street.",
        "The meeting ended at 5 p.m. on Friday.",
        "The book by J. K. Rowling sold well.",
        "Prices rose 3.5 percent in May.",
        "Smith et al. found the same.",
        "It was founded on Jan. 6, 2021 in Ohio.",
    ] {
        one!(en, text);
    }
    assert_eq!(
        en("He works for Apple Inc. The company is big."),
        ["He works for Apple Inc.", "The company is big."]
    );
    assert_eq!(
        en("He moved to the U.S. The move was hard."),
        ["He moved to the U.S.", "The move was hard."]
    );
    assert_eq!(
        en("The talks ended at 5 p.m. The next round is Monday."),
        ["The talks ended at 5 p.m.", "The next round is Monday."]
    );
    assert_eq!(
        en("The vote was 52 to 48. Then they left."),
        ["The vote was 52 to 48.", "Then they left."]
    );
    assert_eq!(
        en("It came in at No. 5. He had hoped for No. 1."),
        ["It came in at No. 5.", "He had hoped for No. 1."]
    );
}

#[test]
fn english_quotes() {
    assert_eq!(
        en("He said: \"We will come.\" Then he left."),
        ["He said: \"We will come.\"", "Then he left."]
    );
    assert_eq!(
        en("“It goes well!” she said. “Great.”"),
        ["“It goes well!” she said.", "“Great.”"]
    );
    one!(en, "“We will come,” he said.");
}

#[test]
fn line_breaks_are_boundaries_and_lines_paragraphs() {
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
fn crlf_and_odd_space() {
    let text = "\u{feff}Erster Satz.\r\nZweiter\u{a0}Satz.\u{a0} Dritter.\r\n";
    assert_eq!(de(text), ["Erster Satz.", "Zweiter\u{a0}Satz.", "Dritter."]);
}

#[test]
fn empty_and_blank_inputs() {
    assert!(de("").is_empty());
    assert!(de(" \n\r\n\t ").is_empty());
    // The vertical tab is white space (found by fuzzing).
    assert!(de("\u{b}").is_empty());
    assert_eq!(de("a\u{b}\u{c}b"), ["a\u{b}\u{c}b"]);
    assert_eq!(de("."), ["."]);
    assert_eq!(de("… ."), ["…", "."]);
}

#[test]
fn the_seed_article_splits_as_a_reader_sees_it() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/seed/article.de.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let sentences = de(&text);
    assert_eq!(sentences.len(), 10, "{sentences:#?}");
    assert_eq!(sentences.last(), Some(&"Tags:"));
    assert!(sentences[6].ends_with("Format."));
    assert!(sentences[7].starts_with("Vizeminister Rzayev"));
    assert!(sentences[7].contains("29. Sitzung"));
}

#[test]
fn chat_emoticons_and_emoji() {
    assert_eq!(
        de("Geht nicht :( Hat jemand eine Idee?"),
        ["Geht nicht :(", "Hat jemand eine Idee?"]
    );
    assert_eq!(de("Danke! :) Bis morgen."), ["Danke! :)", "Bis morgen."]);
    assert_eq!(de("Super 😀 Bis morgen 👍🏻"), ["Super 😀", "Bis morgen 👍🏻"]);
    assert_eq!(de("Danke!!! 😀😀"), ["Danke!!! 😀😀"]);
    one!(de, "Ich finde das :) gut.");
    one!(de, "Um 10:30 Uhr, Punkt 3:D kommt nicht vor.");
    one!(de, "Siehe https://example.de/:)");
}

#[test]
fn product_page() {
    assert_eq!(
        de("Maße: ca. 20 x 30 cm. Gewicht: 1,5 kg. Preis: 19,99 € inkl. MwSt. zzgl. Versand."),
        [
            "Maße: ca. 20 x 30 cm.",
            "Gewicht: 1,5 kg.",
            "Preis: 19,99 € inkl. MwSt. zzgl. Versand."
        ]
    );
    one!(de, "Art.-Nr. 12345, Gr. 42, Best.-Nr. 7");
    assert_eq!(
        de("Versand inkl. MwSt. Die Lieferung dauert 3 Tage."),
        ["Versand inkl. MwSt.", "Die Lieferung dauert 3 Tage."]
    );
}

#[test]
fn forum_post() {
    assert_eq!(
        de(
            "Hallo zusammen, mein Drucker (HP 5.2) druckt nicht mehr. Weiß jemand Rat?? Danke im Voraus!"
        ),
        [
            "Hallo zusammen, mein Drucker (HP 5.2) druckt nicht mehr.",
            "Weiß jemand Rat??",
            "Danke im Voraus!"
        ]
    );
    assert_eq!(de("ok. bis morgen dann"), ["ok.", "bis morgen dann"]);
}

#[test]
fn german_numbers_after_labels_and_articles() {
    one!(de, "Das war die Feier zum 130. Geburtstag des Vereins.");
    one!(de, "Er traf per Strafstoß (71. Minute) zur Führung.");
    one!(de, "Er wurde 2. Vorsitzender des Vereins.");
    one!(de, "Sie kam am Samstag 3. Oktober an.");
    assert_eq!(
        de("Die Schuhe haben Größe 42. Passt gut."),
        ["Die Schuhe haben Größe 42.", "Passt gut."]
    );
    assert_eq!(
        de("Am schnellsten fährt man auf der Autobahn 8. Immer wieder bremsen Autos."),
        [
            "Am schnellsten fährt man auf der Autobahn 8.",
            "Immer wieder bremsen Autos."
        ]
    );
}

#[test]
fn german_academic_titles() {
    one!(de, "Es sprach Prof. Dr. med. Müller.");
    one!(de, "Es sprach Dr. rer. nat. Schmidt.");
    one!(de, "Es sprach Dr. h.c. Meier.");
    one!(de, "Es sprach Dr. h. c. Meier.");
}

// Issue 14: errors seen on real German and English text.

#[test]
fn ordinal_before_a_one_word_remainder_is_no_boundary() {
    // "1. Klasse." would leave the one-word sentence "Klasse.": the number counts the noun.
    assert_eq!(
        de("Wir senden mit Royal Mail 1. Klasse. Die Lieferzeit beträgt 1-3 Tage."),
        [
            "Wir senden mit Royal Mail 1. Klasse.",
            "Die Lieferzeit beträgt 1-3 Tage."
        ]
    );
    one!(de, "Wir fahren 2. Klasse.");
    // A label number before a sentence of several words still ends the sentence.
    assert_eq!(
        de("Wir haben Größe 42. Passt gut."),
        ["Wir haben Größe 42.", "Passt gut."]
    );
}

#[test]
fn incl_is_a_german_abbreviation_too() {
    one!(de, "Im Set incl. Primer.");
    one!(de, "Preis incl. MwSt. und Versand.");
}

#[test]
fn numbered_items_open_sentences_in_every_language() {
    assert_eq!(
        en("1. The heroes fall. 2. They rise."),
        ["1. The heroes fall.", "2. They rise."]
    );
    assert_eq!(
        split(Lang::Fr, "1. Les héros tombent. 2. Ils se relèvent."),
        ["1. Les héros tombent.", "2. Ils se relèvent."]
    );
    // A year or a count at the end of a sentence still ends it.
    assert_eq!(
        en("He was born in 1990. The"),
        ["He was born in 1990.", "The"]
    );
}

#[test]
fn closing_enumeration_abbreviations_end_before_capitals() {
    // "usw.", "etc." close a list; a capitalised word after them opens a sentence.
    assert_eq!(
        de("Wir verkaufen Äpfel, Birnen, usw. Leider hat die Saison erst begonnen."),
        [
            "Wir verkaufen Äpfel, Birnen, usw.",
            "Leider hat die Saison erst begonnen."
        ]
    );
    assert_eq!(
        en("We sell apples, pears, etc. Sadly the season has just begun."),
        [
            "We sell apples, pears, etc.",
            "Sadly the season has just begun."
        ]
    );
    one!(de, "Äpfel, Birnen usw. sind gesund.");
    one!(de, "Äpfel, Birnen u. ä. sind gesund.");
}

#[test]
fn bylines_at_the_end_of_a_unit_are_sentences() {
    assert_eq!(
        de("Die Quote stieg um 65 Prozent. dpa"),
        ["Die Quote stieg um 65 Prozent.", "dpa"]
    );
    assert_eq!(
        en("The rate rose by 65 percent. dpa"),
        ["The rate rose by 65 percent.", "dpa"]
    );
    assert_eq!(
        de("Die Quote stieg um 65 Prozent. (dpa/lno)\nNeue Zeile."),
        ["Die Quote stieg um 65 Prozent.", "(dpa/lno)", "Neue Zeile."]
    );
    // Not at the end of the unit: a unit or a lower-case word that continues.
    one!(de, "Er kam um 5 Uhr. dann ging er.");
    one!(de, "Es kostet ca. zehn Euro.");
}

#[test]
fn numbers_after_cardinal_words_end_sentences() {
    // "bei", "rund", "knapp" take amounts, not ordinals.
    assert_eq!(
        de("Die Zahl der Verletzten lag bei 23. Rettungskräfte suchen weiter."),
        [
            "Die Zahl der Verletzten lag bei 23.",
            "Rettungskräfte suchen weiter."
        ]
    );
    assert_eq!(
        de("Es kamen rund 500. Veranstalter zeigten sich zufrieden."),
        ["Es kamen rund 500.", "Veranstalter zeigten sich zufrieden."]
    );
    one!(de, "Er wurde 2. Vorsitzender des Vereins.");
    one!(de, "Die Feier ist bei 3. Oktober geplant.");
}

#[test]
fn brand_names_with_exclamation_marks() {
    one!(en, "He worked at Yahoo! in California.");
    one!(de, "Er arbeitete bei Yahoo! in Kalifornien.");
    assert_eq!(de("Hilfe! ich komme."), ["Hilfe!", "ich komme."]);
    assert_eq!(
        de("Das ist toll! und dann?"),
        ["Das ist toll!", "und dann?"]
    );
}

#[test]
fn us_datelines_do_not_split() {
    one!(
        de,
        "VIRGINIA BEACH, Va. -- Die Polizei hat am Freitag einen Verdächtigen gefasst."
    );
    one!(
        en,
        "VIRGINIA BEACH, Va. -- Police arrested a suspect on Friday."
    );
    one!(de, "WASHINGTON, D.C. – Der Kongress tagt.");
    let wrapped = "Leichen in Teich gefunden\nAUGUSTA, Ga. -- Behörden haben ein Auto geborgen.";
    let sentences: Vec<_> = Segmenter::new(Lang::De)
        .line_breaks(crate::LineBreaks::Paragraph)
        .sentences(wrapped)
        .map(|s| s.as_str())
        .collect();
    assert_eq!(sentences, [wrapped]);
}

// Issue 16: line ends, separators and scripts.

#[test]
fn every_line_end_convention_ends_a_line() {
    let line = |text| {
        Segmenter::new(Lang::De)
            .line_breaks(crate::LineBreaks::Line)
            .sentences(text)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
    };
    for text in [
        "Titel\rErster Satz\rZweiter",
        "Titel\r\nErster Satz\r\nZweiter",
        "Titel\u{85}Erster Satz\u{85}Zweiter",
        "Titel\u{2028}Erster Satz\u{2029}Zweiter",
    ] {
        assert_eq!(line(text), ["Titel", "Erster Satz", "Zweiter"], "{text:?}");
        assert_eq!(de(text), ["Titel", "Erster Satz", "Zweiter"], "{text:?}");
    }
    let paragraphs: Vec<usize> = Segmenter::new(Lang::De)
        .sentences("Eins\rZwei\r\rDrei")
        .map(|s| s.paragraph())
        .collect();
    assert_eq!(paragraphs, [0, 1, 2]);
}

#[test]
fn paragraph_separator_ends_a_paragraph_in_wrapped_text() {
    let text = "Ein Satz, der über\nzwei Zeilen geht.\u{2029}Zweiter Absatz";
    let sentences: Vec<_> = Segmenter::new(Lang::De)
        .line_breaks(crate::LineBreaks::Paragraph)
        .sentences(text)
        .map(|s| (s.as_str(), s.paragraph()))
        .collect();
    assert_eq!(
        sentences,
        [
            ("Ein Satz, der über\nzwei Zeilen geht.", 0),
            ("Zweiter Absatz", 1)
        ]
    );
}

#[test]
fn short_cyrillic_and_greek_words_are_not_abbreviations() {
    assert_eq!(
        split(Lang::Other, "Он пришёл в дом. Потом ушёл."),
        ["Он пришёл в дом.", "Потом ушёл."]
    );
    assert_eq!(
        split(Lang::Other, "Είναι στο σπίτι. Μετά έφυγε."),
        ["Είναι στο σπίτι.", "Μετά έφυγε."]
    );
    assert_eq!(
        de("Er sagte: дом. Dann ging er."),
        ["Er sagte: дом.", "Dann ging er."]
    );
    one!(de, "Das kostet zzgl. Versand.");
}

#[test]
fn ideographic_terminators_end_sentences() {
    assert_eq!(
        split(Lang::Other, "我们走了。他们来了？是的！好"),
        ["我们走了。", "他们来了？", "是的！", "好"]
    );
    assert_eq!(
        split(Lang::Other, "「行こう。」と言った。"),
        ["「行こう。」と言った。"]
    );
    assert_eq!(
        de("Er schrieb 好。 Dann ging er."),
        ["Er schrieb 好。", "Dann ging er."]
    );
    assert_eq!(
        split(Lang::Other, "これは本です．次の文です．"),
        ["これは本です．", "次の文です．"]
    );
}

#[test]
fn full_stops_and_question_marks_of_other_scripts_end_sentences() {
    for (text, first, second) in [
        ("यह एक वाक्य है। यह दूसरा है॥", "यह एक वाक्य है।", "यह दूसरा है॥"),
        ("هل أنت بخير؟ نعم، شكرا.", "هل أنت بخير؟", "نعم، شكرا."),
        (
            "یہ ایک جملہ ہے۔ یہ دوسرا ہے۔",
            "یہ ایک جملہ ہے۔",
            "یہ دوسرا ہے۔",
        ),
        ("Բարև։ Ինչպե՞ս ես։", "Բարև։", "Ինչպե՞ս ես։"),
        ("ሰላም ነው። እንዴት ነህ፧", "ሰላም ነው።", "እንዴት ነህ፧"),
    ] {
        assert_eq!(split(Lang::Other, text), [first, second], "{text}");
    }
    // Inside a word they are letters of that script, not stops.
    one!(de, "Er schrieb नमस्ते und ging.");
}
