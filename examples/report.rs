//! Writes one self-contained HTML report of an alignment: a plain warning when the texts do
//! not look parallel (then the review queue's first finding is the whole document and the
//! bead findings are folded away), the review queue (flagged and unsure beads, riskiest
//! first) at the top, both texts side by side bead by bead, coloured by confidence, QA flags with
//! their reasons, the document verdict and a plot of the alignment path. No network, no
//! external asset: one file to open or mail.
//!
//! ```text
//! cargo run --release --example report -- [--presegmented] [--reorder] [-o report.html] [GERMAN ENGLISH]
//! ```
//!
//! Without files it reports on the crate's article pair (`examples/data/article.de.txt` and
//! `article.en.txt`) when present, else on a small built-in pair. The flagged beads are also
//! listed on standard output.

use std::fmt::Write as _;
use std::ops::Range;
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

#[path = "common/cli.rs"]
mod cli;

use cli::Failure;

const USAGE: &str = "usage: report [--presegmented] [--reorder] [-o report.html] [GERMAN ENGLISH]

Writes a self-contained HTML report of the alignment of GERMAN with ENGLISH (`-` reads one
of them from standard input; without files, the shipped article pair) and lists the
flagged beads on standard output.

  --presegmented      the files hold one sentence per line
  --reorder           look for reordered sentences too (beads with holes, beads that
                      cross: flagged `reordered`, drawn dashed in the path plot)
  -o, --output PATH   the HTML file (default satzweise-report.html); it appears complete
                      or not at all
  -h, --help          this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

struct Args {
    presegmented: bool,
    reorder: bool,
    output: PathBuf,
    files: Vec<String>,
}

fn main() -> ExitCode {
    cli::run("report", USAGE, |args| {
        let args = Args {
            presegmented: args.flag(&["--presegmented"]),
            reorder: args.flag(&["--reorder"]),
            output: args
                .value(&["-o", "--output"])?
                .unwrap_or_else(|| "satzweise-report.html".into())
                .into(),
            files: args.operands(0, 2)?,
        };
        if args.files.len() == 1 {
            return Err(Failure::usage("give two files (German, English) or none"));
        }
        run(&args)
    })
}

fn run(args: &Args) -> Result<(), Failure> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let (german, english, names) = match args.files.as_slice() {
        [g, e] => (
            cli::read_input(g)?,
            cli::read_input(e)?,
            (g.clone(), e.clone()),
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
    let mut config = satzweise::AlignerConfig::default();
    config.reorder.enabled = args.reorder;
    let alignment = Aligner::from_config(config)?.align_texts(german, english)?;
    let report = satzweise::quality::Report::new(&alignment);
    let html = render(&alignment, &report, &names);
    let mut file = satzweise::io::AtomicFile::create(&args.output)?;
    std::io::Write::write_all(&mut file, html.as_bytes())
        .map_err(|e| Failure::runtime(format!("{}: {e}", args.output.display())))?;
    file.commit()?;
    // The file first: printing stops early when standard output is closed.
    let verdict = report.verdict();
    if !verdict.looks_parallel() {
        outln!(
            "warning: these texts do not look like translations of each other (parallel score {:.3}); the flags below say little",
            verdict.parallel_score()
        );
    }
    for checked in report.flagged() {
        let bead = checked.bead();
        outln!(
            "{}:{} ({:.2})",
            fmt_indices(bead.german_indices().map(|i| i.get())),
            fmt_indices(bead.english_indices().map(|i| i.get())),
            bead.confidence()
        );
        for flag in checked.flags() {
            outln!("    {}", flag.reason());
        }
    }
    outln!("wrote {}", args.output.display());
    Ok(())
}

fn fmt_indices(r: impl Iterator<Item = usize>) -> String {
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
    // Beads out of order (with holes, or crossing others) are drawn dashed in purple, one
    // segment for each run of consecutive sentences of each side, so the crossing shows.
    let reordered: std::collections::HashSet<(usize, usize)> = alignment
        .reordered()
        .map(|b| (b.german().to_usize().start, b.english().to_usize().start))
        .collect();
    for (k, bead) in alignment.beads().enumerate() {
        let g = bead.german().to_usize();
        let e = bead.english().to_usize();
        let out_of_order = reordered.contains(&(g.start, e.start));
        let (segments, stroke, dash) = if out_of_order {
            let (german_runs, english_runs) = (
                runs(bead.german_indices().map(|i| i.get()), g.clone()),
                runs(bead.english_indices().map(|i| i.get()), e.clone()),
            );
            let segments: Vec<_> = german_runs
                .iter()
                .flat_map(|g| english_runs.iter().map(move |e| (g.clone(), e.clone())))
                .collect();
            (
                segments,
                "#8e24aa".to_string(),
                r#" stroke-dasharray="4 2""#,
            )
        } else {
            (vec![(g, e)], colour(bead.confidence(), 40), "")
        };
        for (g, e) in segments {
            let (gx0, gx1) = (x(g.start as f64), x(g.end as f64));
            let (ey0, ey1) = (y(e.start as f64), y(e.end as f64));
            let _ = writeln!(
                svg,
                r##"<line x1="{gx0:.1}" y1="{ey0:.1}" x2="{gx1:.1}" y2="{ey1:.1}" stroke="{stroke}" stroke-width="3" stroke-linecap="round"{dash}><title>bead {k}: {shape}, confidence {conf:.3}{note}</title></line>"##,
                shape = bead.shape(),
                conf = bead.confidence(),
                note = if out_of_order { ", reordered" } else { "" },
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The runs of consecutive sentences of one side of a bead (`hull` for an empty side, so that
/// an omission or addition still has a place to be drawn).
fn runs(indices: impl Iterator<Item = usize>, hull: Range<usize>) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for k in indices {
        match runs.last_mut() {
            Some(run) if run.end == k => run.end = k + 1,
            _ => runs.push(k..k + 1),
        }
    }
    if runs.is_empty() {
        runs.push(hull);
    }
    runs
}

/// Findings shown at the top of the report.
const QUEUE_ROWS: usize = 25;

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
.warn {{ background: #fde2e1; border: 2px solid #b3261e; color: #5c0f0b; padding: 10px 14px; margin: 0 0 16px; font-size: 16px; }}
table.queue {{ border-collapse: collapse; margin: 8px 0 0; font-size: 13px; }}
table.queue td, table.queue th {{ padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }}
h2 {{ font-size: 17px; margin: 18px 0 6px; }}
.note {{ font-size: 13px; color: #444; margin: 4px 0; max-width: 60em; }}
td.flagged {{ border-left: 5px solid #b3261e; }}
</style></head><body>
<h1>Alignment report: {g} ↔ {e}</h1>
{warning}
<h2>Review queue: {queue_title}</h2>
{review}
<h2>Summary</h2>
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
<p>Confidence is the probability that the bead is exactly right, all things considered:
calibrated on gold data and scaled by how parallel the text around the bead looks. It says
whether the sentences are <i>paired</i> right, not whether the translation is good: a rightly
paired sentence with a wrong number has a high confidence and a flag (⚑, and a red edge on
its row).</p>
</div><div>{plot}</div></div>
<h2>All beads</h2>
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
        warning = if verdict.looks_parallel() {
            String::new()
        } else {
            format!(
                r#"<div class="warn"><b>These texts do not look like translations of each other</b> (parallel score {:.3}). Check that the right files were paired. The pairing below is the best the aligner could do with unrelated text: read no bead as a translation, and no bead finding as a translation error. Confidences are low for that reason.</div>"#,
                verdict.parallel_score()
            )
        },
        queue_title = {
            let n = report.review_queue().len();
            if verdict.looks_parallel() {
                format!(
                    "{n} finding{}, riskiest first",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                "the whole document first".to_string()
            }
        },
        review = {
            let index: std::collections::HashMap<(usize, usize), usize> = alignment
                .beads()
                .enumerate()
                .map(|(k, b)| {
                    (
                        (b.german().to_usize().start, b.english().to_usize().start),
                        k,
                    )
                })
                .collect();
            let rows: Vec<String> = report
                .review_queue()
                .take(QUEUE_ROWS)
                .map(|finding| {
                    let bead = finding.bead().bead();
                    let key = (bead.german().to_usize().start, bead.english().to_usize().start);
                    let k = index.get(&key).copied().unwrap_or(0);
                    let reasons: Vec<String> = finding
                        .bead()
                        .flags()
                        .iter()
                        .map(|f| escape(&f.reason()))
                        .collect();
                    let what = if reasons.is_empty() {
                        "unsure alignment: check the pairing".to_string()
                    } else {
                        reasons.join("<br>")
                    };
                    format!(
                        r##"<tr><td><a href="#b{k}">#{k}</a></td><td>{:.2}</td><td style="background:{}">{:.2}</td><td>{what}</td></tr>"##,
                        finding.risk(),
                        colour(bead.confidence(), 85),
                        bead.confidence()
                    )
                })
                .collect();
            let more = report.review_queue().len().saturating_sub(QUEUE_ROWS);
            let table = format!(
                r#"<p class="note">Risk ranks the findings: the severity of the bead's worst flag (untranslated 1.0, omission and addition 0.9, numbers and units 0.8, names 0.6, negation 0.5, length 0.4, ...) times the confidence that the bead is paired right, or half the doubt, (1 − confidence) / 2, for an unsure bead with no flag. The second column is that alignment confidence, not a judgement of the translation.</p>
<table class="queue"><tr><th>bead</th><th>risk</th><th>alignment<br>confidence</th><th>finding</th></tr>{}</table>{}"#,
                rows.concat(),
                if more > 0 {
                    format!(
                        "<p>… and {more} more in the table of all beads (flagged rows have a red edge).</p>"
                    )
                } else {
                    String::new()
                }
            );
            if !verdict.looks_parallel() {
                // Bead findings on unrelated text are noise: one finding for the document,
                // the bead queue folded away.
                format!(
                    r#"<table class="queue"><tr><th>what</th><th>finding</th></tr><tr><td><b>whole document</b></td><td><b>not a translation pair</b> (parallel score {:.3}, {:.1}% of sentences linked, mean confidence {:.3}): check the pairing of the files before reading anything below</td></tr></table>
<details><summary>{} bead finding{} (meaningless while the texts are not parallel)</summary>{}</details>"#,
                    verdict.parallel_score(),
                    100.0 * verdict.coverage(),
                    verdict.mean_confidence(),
                    report.review_queue().len(),
                    if report.review_queue().len() == 1 {
                        ""
                    } else {
                        "s"
                    },
                    table
                )
            } else if rows.is_empty() {
                "<p>Nothing to review: no flag and no unsure bead.</p>".to_string()
            } else {
                table
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
            r#"<tr id="b{k}" style="background:{bg}"><td class="idx{edge}">#{k} {shape}<br>{gi}:{ei}</td><td>{g}</td><td>{e}{flags}</td><td class="conf" style="color:{fg}">{c:.2}</td></tr>"#,
            bg = colour(bead.confidence(), 92),
            edge = if checked.flags().is_empty() {
                ""
            } else {
                " flagged"
            },
            fg = colour(bead.confidence(), 30),
            shape = bead.shape(),
            gi = fmt_indices(bead.german_indices().map(|i| i.get())),
            ei = fmt_indices(bead.english_indices().map(|i| i.get())),
            g = side(bead.german_sentences().collect()),
            e = side(bead.english_sentences().collect()),
            c = bead.confidence(),
        );
    }
    html.push_str("</tbody></table>\n</body></html>\n");
    html
}
