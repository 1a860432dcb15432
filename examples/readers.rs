//! What each file reader costs against a plain read of the same bytes: generates every case
//! at a given size, then measures each in a child process of its own (CPU seconds per MB,
//! the reader's time over a plain read's, peak memory over the input's size).
//!
//! ```text
//! cargo run --release --example readers -- 32
//! ```

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use resources::{cpu_seconds, peak_kb};
use satzweise::Dictionary;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/resources.rs"]
mod resources;

const USAGE: &str = "usage: readers [--case NAME]... [--dir DIR] [--runs N] [MB]

Generates each reader case of about MB megabytes (default 16) in DIR (default
/tmp/satzweise-readers) and measures each in a child process: CPU seconds per MB of the
reader and of a plain read of the same file (read, UTF-8 check, lines split), their ratio,
and the peak memory of the process over the file's size. Best of N runs (default 3).

Cases: tmx (translation units), tmx-declarations (an internal DTD subset of declarations),
ding (dictionary lines), ding-synonyms (sub-entries of 64 synonyms), tsv-dictionary,
ladder (a rung a sentence), ladder-jumps (rungs k*10000, read only), tsv
(aligned pairs), jsonl, vecalign (bead lines), one-line (a single line of distinct words,
read as a text file).

  --case NAME   measure only this case (repeatable)
  --dir DIR     where the generated files go
  --runs N      runs per measurement (default 3)
  -h, --help    this text

Exit codes: 0 success, 1 runtime error, 2 usage error.
";

const CASES: [&str; 11] = [
    "tmx",
    "tmx-declarations",
    "ding",
    "ding-synonyms",
    "tsv-dictionary",
    "ladder",
    "ladder-jumps",
    "tsv",
    "jsonl",
    "vecalign",
    "one-line",
];

fn main() -> ExitCode {
    cli::run("readers", USAGE, |args| {
        if let Some(child) = args.value(&["--child"])? {
            let file = args.operands(1, 1)?.remove(0);
            return run_child(&child, Path::new(&file));
        }
        let mut cases = args.values(&["--case"])?;
        let dir = PathBuf::from(
            args.value(&["--dir"])?
                .unwrap_or_else(|| "/tmp/satzweise-readers".to_owned()),
        );
        let runs: usize = args.parsed(&["--runs"])?.unwrap_or(3);
        let operands = args.operands(0, 1)?;
        let mb: usize = match operands.first() {
            Some(mb) => mb
                .parse()
                .map_err(|e| cli::Failure::usage(format!("MB {mb:?}: {e}")))?,
            None => 16,
        };
        if let Some(bad) = cases.iter().find(|c| !CASES.contains(&c.as_str())) {
            return Err(cli::Failure::usage(format!("unknown case {bad:?}")));
        }
        if cases.is_empty() {
            cases = CASES.iter().map(|c| (*c).to_owned()).collect();
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| cli::Failure::runtime(format!("{}: {e}", dir.display())))?;
        let me = std::env::current_exe().map_err(cli::Failure::runtime)?;
        outln!(
            "{:<17} {:>8} {:>10} {:>10} {:>7} {:>9} {:>8}",
            "case",
            "MB",
            "plain s/MB",
            "read s/MB",
            "ratio",
            "peak MB",
            "peak/in"
        );
        for case in &cases {
            let file = dir.join(format!("{case}.txt"));
            let bytes = generate(case, mb << 20);
            std::fs::write(&file, &bytes)
                .map_err(|e| cli::Failure::runtime(format!("{}: {e}", file.display())))?;
            let size = bytes.len() as f64 / f64::from(1 << 20);
            drop(bytes);
            let best = |mode: &str| -> Result<(f64, f64), cli::Failure> {
                let mut best = (f64::INFINITY, f64::INFINITY);
                for _ in 0..runs.max(1) {
                    let (cpu, peak) = measure(&me, mode, &file)?;
                    best = (best.0.min(cpu), best.1.min(peak));
                }
                Ok(best)
            };
            let (plain, plain_peak) = best("plain")?;
            let (read, peak) = best(case)?;
            let _ = plain_peak;
            outln!(
                "{:<17} {:>8.1} {:>10.4} {:>10.4} {:>7.2} {:>9.1} {:>8.2}",
                case,
                size,
                plain / size,
                read / size,
                read / plain.max(0.01),
                peak / 1024.0,
                peak / 1024.0 / size
            );
        }
        Ok(())
    })
}

/// Runs the child on `file`: its CPU seconds and peak memory in KB.
fn measure(me: &Path, mode: &str, file: &Path) -> Result<(f64, f64), cli::Failure> {
    let output = Command::new(me)
        .args(["--child", mode])
        .arg(file)
        .output()
        .map_err(|e| cli::Failure::runtime(format!("cannot run {mode}: {e}")))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace().map(str::parse::<f64>);
    match (output.status.success(), fields.next(), fields.next()) {
        (true, Some(Ok(cpu)), Some(Ok(peak))) => Ok((cpu, peak)),
        _ => Err(cli::Failure::runtime(format!(
            "{mode} on {} failed: {} {}",
            file.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))),
    }
}

/// The child: reads `file` as `mode` says and prints its CPU seconds and peak memory (KB).
fn run_child(mode: &str, file: &Path) -> Result<(), cli::Failure> {
    let open = || -> Result<BufReader<std::fs::File>, cli::Failure> {
        std::fs::File::open(file)
            .map(|f| BufReader::with_capacity(1 << 16, f))
            .map_err(|e| cli::Failure::runtime(format!("{}: {e}", file.display())))
    };
    let name = file.display().to_string();
    let read_once = || -> Result<usize, cli::Failure> {
        Ok(match mode {
            "plain" => {
                let mut bytes = Vec::new();
                open()?
                    .read_to_end(&mut bytes)
                    .map_err(cli::Failure::runtime)?;
                let text = String::from_utf8_lossy(&bytes);
                text.lines().count()
            }
            "tmx" | "tmx-declarations" => satzweise::io::read_tmx(open()?, &name)?.len(),
            "ding" | "ding-synonyms" => Dictionary::from_ding_reader(open()?)?.pair_count(),
            "tsv-dictionary" => Dictionary::from_tsv_reader(open()?)?.pair_count(),
            // Rungs `k*10000`: what the reader holds, not the beads of texts that long.
            "ladder-jumps" => satzweise::io::read_ladder(open()?, &name)?.len(),
            "ladder" => {
                let rungs = satzweise::io::read_ladder(open()?, &name)?;
                let (n, m) = rungs.last().map_or((0, 0), |r| (r.german, r.english));
                satzweise::io::ladder_to_beads(&rungs, n, m)?.len()
            }
            "tsv" => satzweise::io::read_tsv(open()?, &name)?.len(),
            "jsonl" => satzweise::io::read_jsonl(open()?, &name)?.len(),
            "vecalign" => satzweise::io::read_bead_lines(open()?, &name)?.len(),
            "one-line" => satzweise::Text::from_lines(&satzweise::read_text_file(file)?).len(),
            other => return Err(cli::Failure::usage(format!("unknown case {other:?}"))),
        })
    };
    // Repeated until a fifth of a second has passed: the clock counts hundredths.
    let before = cpu_seconds();
    let mut runs = 0;
    while runs == 0 || (cpu_seconds() - before < 0.2 && runs < 100) {
        std::hint::black_box(read_once()?);
        runs += 1;
    }
    let cpu = (cpu_seconds() - before) / f64::from(runs);
    outln!("{cpu} {}", peak_kb());
    Ok(())
}

/// About `size` bytes of the case's file.
fn generate(case: &str, size: usize) -> Vec<u8> {
    let mut out = String::with_capacity(size + 4096);
    let mut k = 0usize;
    let word = |k: usize, stem: &str| format!("{stem}{}", to_letters(k));
    match case {
        "tmx" | "tmx-declarations" => {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            if case == "tmx-declarations" {
                out.push_str("<!DOCTYPE tmx [\n");
                while out.len() < size {
                    out.push_str(&format!(
                        "<!ENTITY e{k} \"a &gt; b {k}\">\n<!-- note > {k} -->\n"
                    ));
                    k += 1;
                }
                out.push_str("]>\n");
            }
            out.push_str("<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n");
            while out.len() < size || k == 0 {
                out.push_str(&format!(
                    "<tu tuid=\"{k}\"><tuv xml:lang=\"de\"><seg>Der {} Satz &amp; mehr.</seg></tuv>\
                     <tuv xml:lang=\"en\"><seg>The {} sentence &amp; more.</seg></tuv></tu>\n",
                    word(k, "Wort"),
                    word(k, "word")
                ));
                k += 1;
            }
            out.push_str("</body></tmx>\n");
        }
        "ding" => {
            while out.len() < size {
                out.push_str(&format!(
                    "{} {{n}}; {} {{m}} | {} {{pl}} :: {}; {} | {}\n",
                    word(k, "Haus"),
                    word(k, "Bau"),
                    word(k, "Häuser"),
                    word(k, "house"),
                    word(k, "building"),
                    word(k, "houses")
                ));
                k += 1;
            }
        }
        "ding-synonyms" => {
            while out.len() < size {
                let side = |stem: &str| {
                    (0..64)
                        .map(|s| word(k * 64 + s, stem))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                out.push_str(&format!("{} :: {}\n", side("Wort"), side("word")));
                k += 1;
            }
        }
        "tsv-dictionary" => {
            while out.len() < size {
                out.push_str(&format!(
                    "{}; {}\t{}; {}\n",
                    word(k, "Haus"),
                    word(k, "Bau"),
                    word(k, "house"),
                    word(k, "building")
                ));
                k += 1;
            }
        }
        "ladder" => {
            while out.len() < size {
                out.push_str(&format!("{k}\t{}\t0.{}\n", k + k / 7, k % 10));
                k += 1;
            }
        }
        "ladder-jumps" => {
            while out.len() < size {
                out.push_str(&format!("{}\t{}\t0.5\n", k * 10_000, k * 10_000));
                k += 1;
            }
        }
        "tsv" => {
            while out.len() < size {
                out.push_str(&format!(
                    "Der {} Satz.\tThe {} sentence.\t0.{}\n",
                    word(k, "Wort"),
                    word(k, "word"),
                    k % 10
                ));
                k += 1;
            }
        }
        "jsonl" => {
            while out.len() < size {
                out.push_str(&format!(
                    "{{\"german\":[{k}],\"english\":[{k}],\"german_text\":\"Der {} Satz.\",\
                     \"english_text\":\"The {} sentence.\",\"shape\":\"1-1\",\"cost\":-1.5,\
                     \"confidence\":0.9}}\n",
                    word(k, "Wort"),
                    word(k, "word")
                ));
                k += 1;
            }
        }
        "vecalign" => {
            while out.len() < size {
                out.push_str(&format!("[{}, {}]:[{k}]:0.{}\n", 2 * k, 2 * k + 1, k % 10));
                k += 1;
            }
        }
        _ => {
            // "one-line": distinct words and no punctuation, on one line.
            while out.len() < size {
                out.push_str(&word(k, "w"));
                out.push(' ');
                k += 1;
            }
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// `k` written in letters (base 26), so that every word is one token and distinct.
fn to_letters(mut k: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'a' + (k % 26) as u8);
        k /= 26;
        if k == 0 {
            break;
        }
    }
    String::from_utf8(letters).unwrap_or_default()
}
