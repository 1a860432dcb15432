//! Writes one self-contained HTML report of an alignment: both texts side by side bead by
//! bead, coloured by confidence, QA flags with their reasons, the document verdict and a
//! plot of the alignment path. No network, no external asset: one file to open or mail.
//!
//! ```text
//! cargo run --release --example report -- [--presegmented] [-o report.html] [GERMAN ENGLISH]
//! ```
//!
//! Without files it reports on the crate's article pair (`examples/data/article.de.txt` and
//! `article.en.txt`) when present, else on a small built-in pair. The flagged beads are also
//! listed on standard output.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use satzweise::quality::Report;
use satzweise::{Aligner, Alignment, Lang, Text};

const BUILT_IN_GERMAN: &str = "Vizeaußenminister Fariz Rzayev empfing am 3. Oktober eine Delegation aus Litauen. \
Die Gespräche dauerten zwei Stunden. \
Es ging um Handel, Verkehr und Energie. Beide Seiten lobten die Zusammenarbeit. \
Der Umsatz stieg im Vorjahr um 1,5 Mio. Euro. \
Die 29. Sitzung findet im November in Baku statt.\n\
Tags:";
const BUILT_IN_ENGLISH: &str = "Deputy Foreign Minister Fariz Rzayev received a delegation from Lithuania on 3 October. \
The talks lasted two hours. \
They covered trade, transport and energy, and both sides praised the cooperation. \
Trade grew by 1.5 million euros last year. \
The 28th session will take place in Baku in November. \
Jonas Survila thanked his hosts.";

struct Args {
    presegmented: bool,
    output: PathBuf,
    files: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        presegmented: false,
        output: PathBuf::from("satzweise-report.html"),
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--presegmented" => args.presegmented = true,
            "-o" | "--output" => {
                args.output = it.next().ok_or("-o needs a file name")?.into();
            }
            "-h" | "--help" => {
                return Err(
                    "usage: report [--presegmented] [-o report.html] [GERMAN ENGLISH]".into(),
                );
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => args.files.push(arg.into()),
        }
    }
    if !(args.files.is_empty() || args.files.len() == 2) {
        return Err("give two files (German, English) or none".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(message) => {
            eprintln!("report: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("report: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &Args) -> Result<(), satzweise::Error> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let (german, english, names) = match args.files.as_slice() {
        [g, e] => (
            satzweise::read_text_file(g)?,
            satzweise::read_text_file(e)?,
            (g.display().to_string(), e.display().to_string()),
        ),
        _ if data.join("article.de.txt").is_file() && data.join("article.en.txt").is_file() => (
            satzweise::read_text_file(data.join("article.de.txt"))?,
            satzweise::read_text_file(data.join("article.en.txt"))?,
            ("article.de.txt".to_string(), "article.en.txt".to_string()),
        ),
        _ => (
            BUILT_IN_GERMAN.to_string(),
            BUILT_IN_ENGLISH.to_string(),
            (
                "built-in German".to_string(),
                "built-in English".to_string(),
            ),
        ),
    };
    let (german, english) = if args.presegmented {
        (Text::from_lines(german), Text::from_lines(english))
    } else {
        (
            Text::segment(german, Lang::De),
            Text::segment(english, Lang::En),
        )
    };
    let alignment = Aligner::new().align_texts(german, english)?;
    let report = satzweise::quality::Report::new(&alignment);
    for checked in report.flagged() {
        let bead = checked.bead();
        println!(
            "{}:{} ({:.2})",
            fmt_range(bead.german().to_usize()),
            fmt_range(bead.english().to_usize()),
            bead.confidence()
        );
        for flag in checked.flags() {
            println!("    {}", flag.reason());
        }
    }
    let html = render(&alignment, &report, &names);
    std::fs::write(&args.output, html).map_err(|e| {
        satzweise::Error::from(satzweise::ErrorKind::Io {
            path: args.output.clone(),
            source: e,
        })
    })?;
    println!("wrote {}", args.output.display());
    Ok(())
}

fn fmt_range(r: std::ops::Range<usize>) -> String {
    let v: Vec<String> = r.map(|k| k.to_string()).collect();
    format!("[{}]", v.join(", "))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Red (0) through amber to green (1).
fn colour(confidence: f64, lightness: u32) -> String {
    let hue = (confidence.clamp(0.0, 1.0) * 120.0).round();
    format!("hsl({hue}, 70%, {lightness}%)")
}

fn plot(alignment: &Alignment) -> String {
    let n = alignment.german_text().len().max(1) as f64;
    let m = alignment.english_text().len().max(1) as f64;
    let (size, pad) = (300.0, 36.0);
    let x = |i: f64| pad + i / n * size;
    let y = |j: f64| pad + size - j / m * size;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg width="{w}" height="{w}" viewBox="0 0 {w} {w}" role="img" aria-label="alignment path">
<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="#fafafa" stroke="#999"/>
<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#ddd" stroke-dasharray="4 4"/>
<text x="{cx}" y="{ty}" text-anchor="middle" font-size="12">German sentence index (0–{gn})</text>
<text x="12" y="{cy}" text-anchor="middle" font-size="12" transform="rotate(-90 12 {cy})">English sentence index (0–{en})</text>
"##,
        w = size + 2.0 * pad,
        x0 = x(0.0),
        y0 = y(0.0),
        x1 = x(n),
        y1 = y(m),
        cx = pad + size / 2.0,
        ty = size + 2.0 * pad - 4.0,
        cy = pad + size / 2.0,
        gn = alignment.german_text().len(),
        en = alignment.english_text().len(),
    );
    let ticks = |count: f64| {
        let step = (count / 4.0).ceil().max(1.0);
        let mut at: Vec<f64> = (0..=4)
            .map(|t| t as f64 * step)
            .filter(|&v| v < count)
            .collect();
        at.push(count);
        at
    };
    let (german_ticks, english_ticks) = (ticks(n), ticks(m));
    for (gi, ej) in german_ticks
        .iter()
        .zip(&english_ticks)
        .map(|(a, b)| (*a, *b))
    {
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="10">{:.0}</text><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="10">{:.0}</text>"##,
            x(gi),
            pad + size + 12.0,
            gi,
            pad - 4.0,
            y(ej) + 3.0,
            ej
        );
    }
    for (k, bead) in alignment.beads().enumerate() {
        let g = bead.german().to_usize();
        let e = bead.english().to_usize();
        let (gx0, gx1) = (x(g.start as f64), x(g.end as f64));
        let (ey0, ey1) = (y(e.start as f64), y(e.end as f64));
        let _ = writeln!(
            svg,
            r##"<line x1="{gx0:.1}" y1="{ey0:.1}" x2="{gx1:.1}" y2="{ey1:.1}" stroke="{c}" stroke-width="3" stroke-linecap="round"><title>bead {k}: {shape}, confidence {conf:.3}</title></line>"##,
            c = colour(bead.confidence(), 40),
            shape = bead.shape(),
            conf = bead.confidence(),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn render(alignment: &Alignment, report: &Report<'_>, names: &(String, String)) -> String {
    let verdict = report.verdict();
    let mut html = String::new();
    let _ = write!(
        html,
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>satzweise report: {g} / {e}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 24px; color: #222; }}
h1 {{ font-size: 20px; margin: 0 0 12px; }}
.top {{ display: flex; gap: 32px; align-items: flex-start; flex-wrap: wrap; }}
.verdict td {{ padding: 2px 10px 2px 0; }}
.score {{ font-size: 28px; font-weight: bold; }}
table.beads {{ border-collapse: collapse; width: 100%; margin-top: 20px; table-layout: fixed; }}
table.beads th {{ text-align: left; border-bottom: 2px solid #888; padding: 4px; }}
table.beads td {{ vertical-align: top; padding: 6px; border-bottom: 1px solid #ddd; }}
td.idx {{ width: 7em; font-family: monospace; font-size: 12px; }}
td.conf {{ width: 5em; font-weight: bold; text-align: right; }}
.flags {{ margin: 4px 0 0; padding-left: 18px; color: #8a1c00; font-size: 13px; }}
.sent {{ display: block; }}
.legend span {{ display: inline-block; padding: 2px 8px; margin-right: 4px; border-radius: 3px; }}
.none {{ color: #999; font-style: italic; }}
</style></head><body>
<h1>Alignment report: {g} ↔ {e}</h1>
<div class="top"><div>
<table class="verdict">
<tr><td>parallel score</td><td class="score" style="color:{sc}">{ps:.3}</td></tr>
<tr><td>sentences</td><td>{gn} German, {en} English, {beads} beads</td></tr>
<tr><td>coverage</td><td>{cov:.1}% of sentences linked</td></tr>
<tr><td>mean confidence</td><td>{mc:.3}</td></tr>
<tr><td>length ratio</td><td>English {lr:.2}× German (correlation {lc:.3})</td></tr>
<tr><td>flags</td><td>{flags}</td></tr>
<tr><td>bead shapes</td><td>{shapes}</td></tr>
</table>
<p class="legend">confidence: {legend}</p>
<p>Confidence is the calibrated probability that the bead is exactly right.</p>
<p>To review (flagged or confidence below 0.5): {review}</p>
</div><div>{plot}</div></div>
<table class="beads"><thead><tr><th style="width:7em">bead</th><th>German</th><th>English</th><th style="width:5em">conf.</th></tr></thead><tbody>
"##,
        g = escape(&names.0),
        e = escape(&names.1),
        sc = colour(verdict.parallel_score(), 35),
        ps = verdict.parallel_score(),
        gn = verdict.german_sentences(),
        en = verdict.english_sentences(),
        beads = verdict.beads(),
        cov = 100.0 * verdict.coverage(),
        mc = verdict.mean_confidence(),
        lr = verdict.length_ratio(),
        lc = verdict.length_correlation(),
        flags = {
            let parts: Vec<String> = verdict
                .flags_by_kind()
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| format!("{n} {}", k.name().replace('_', " ")))
                .collect();
            if parts.is_empty() {
                "none".to_string()
            } else {
                format!("{} ({})", verdict.flags(), parts.join(", "))
            }
        },
        shapes = verdict
            .shapes()
            .iter()
            .map(|s| format!("{} {:.0}%", s.shape, 100.0 * s.share))
            .collect::<Vec<_>>()
            .join(", "),
        legend = [0.1, 0.5, 0.7, 0.9, 1.0]
            .iter()
            .map(|c| format!(
                r#"<span style="background:{}">{c:.1}</span>"#,
                colour(*c, 85)
            ))
            .collect::<String>(),
        plot = plot(alignment),
        review = {
            let links: Vec<String> = report
                .beads()
                .enumerate()
                .filter(|(_, b)| !b.flags().is_empty() || b.confidence() < 0.5)
                .map(|(k, b)| {
                    format!(
                        r##"<a href="#b{k}" style="background:{}">#{k}</a>"##,
                        colour(b.confidence(), 85)
                    )
                })
                .collect();
            if links.is_empty() {
                "nothing".to_string()
            } else {
                links.join(" ")
            }
        },
    );
    for (k, checked) in report.beads().enumerate() {
        let bead = checked.bead();
        let side = |sentences: Vec<&str>| -> String {
            if sentences.is_empty() {
                return r#"<span class="none">(nothing)</span>"#.to_string();
            }
            sentences
                .iter()
                .map(|s| format!(r#"<span class="sent">{}</span>"#, escape(s)))
                .collect()
        };
        let flags = if checked.flags().is_empty() {
            String::new()
        } else {
            let items: String = checked
                .flags()
                .iter()
                .map(|f| format!("<li>⚑ {}</li>", escape(&f.reason())))
                .collect();
            format!(r#"<ul class="flags">{items}</ul>"#)
        };
        let _ = writeln!(
            html,
            r#"<tr id="b{k}" style="background:{bg}"><td class="idx">#{k} {shape}<br>{gi}:{ei}</td><td>{g}</td><td>{e}{flags}</td><td class="conf" style="color:{fg}">{c:.2}</td></tr>"#,
            bg = colour(bead.confidence(), 92),
            fg = colour(bead.confidence(), 30),
            shape = bead.shape(),
            gi = fmt_range(bead.german().to_usize()),
            ei = fmt_range(bead.english().to_usize()),
            g = side(bead.german_sentences().collect()),
            e = side(bead.english_sentences().collect()),
            c = bead.confidence(),
        );
    }
    html.push_str("</tbody></table>\n</body></html>\n");
    html
}
