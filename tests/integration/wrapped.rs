//! Hard-wrapped text segments as its paragraph layout does (issue 14), on the shared WMT
//! news when `../shared/data` is there (skipped with a message otherwise), and on a built-in
//! text always.

use std::path::Path;

use satzweise::{Lang, LineBreaks, Segmenter};

/// Greedy wrapping at `width` characters, as `textwrap.fill` does without breaking words.
fn wrap(paragraph: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in paragraph.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// The sentences of `text` with their white space folded to single spaces.
fn sentences(text: &str, lang: Lang) -> Vec<String> {
    Segmenter::new(lang)
        .sentences(text)
        .map(|s| s.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn check(paragraphs: &[String], lang: Lang, name: &str) {
    let layout = paragraphs.join("\n\n");
    let expected = sentences(&layout, lang);
    assert_eq!(Segmenter::new(lang).layout_of(&layout), LineBreaks::Line);
    for width in [60, 72, 80] {
        let wrapped: Vec<String> = paragraphs.iter().map(|p| wrap(p, width)).collect();
        let wrapped = wrapped.join("\n\n");
        assert_eq!(
            Segmenter::new(lang).layout_of(&wrapped),
            LineBreaks::Paragraph,
            "{name} at {width}"
        );
        assert_eq!(sentences(&wrapped, lang), expected, "{name} at {width}");
    }
}

#[test]
fn built_in_text_wrapped_segments_like_its_paragraphs() {
    let paragraphs = [
        "Biker reagiert blitzschnell",
        "Am Freitagabend ereignete sich auf der Landstraße zwischen Machtolsheim und \
         Merklingen ein Verkehrsunfall, bei dem ein Motorradfahrer dank seiner schnellen \
         Reaktion nur leicht verletzt wurde. Eine 44-jährige Autofahrerin wollte gegen 21.30 \
         Uhr mit ihrem VW nach links auf die Landesstraße 1230 einbiegen. Hierbei übersah sie \
         den 24-jährigen, vorfahrtberechtigten Motorradfahrer.",
        "Bei der Kollision fliegen Hand- und Fußbremshebel weg",
        "Der Biker versuchte noch, dem Pkw auszuweichen, streifte diesen dennoch am hinteren \
         Fahrzeugbereich. Durch den Streifvorgang wurden der Hand- sowie der Fußbremshebel \
         abgerissen, und der Fahrer war nicht mehr in der Lage, abzubremsen.",
    ]
    .map(String::from);
    check(&paragraphs, Lang::De, "built-in");
}

#[test]
fn wmt_news_wrapped_segments_like_its_paragraphs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wmt21-de-segmentation");
    if !dir.is_dir() {
        eprintln!("{} not found: skipped", dir.display());
        return;
    }
    for n in 0..12 {
        let name = format!("de-orig-{n:02}.txt");
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        let paragraphs: Vec<String> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect();
        check(&paragraphs, Lang::De, &name);
    }
}
