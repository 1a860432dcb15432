//! The command-line conventions every example follows, in one place:
//!
//! - `-h`/`--help` prints the usage on standard output and exits 0;
//! - exit code 0 on success, 1 on a runtime error (a file, a write, the data), 2 on a usage
//!   error (an unknown option, a missing or bad argument), with the usage on standard error;
//! - `-` stands for standard input where a file is read;
//! - printing into a closed pipe (`… | head -1`) ends the program quietly;
//! - a file written with `-o`/`--output` appears complete or not at all.
//!
//! Each example takes the helpers it needs (`#[path = "common/cli.rs"] mod cli;`).
#![allow(dead_code)] // every example uses a different part

use std::fmt;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;

/// Why a program stops early.
#[derive(Debug)]
pub enum Failure {
    /// A bad command line: exit code 2, with the usage.
    Usage(String),
    /// A failure while running: exit code 1.
    Runtime(String),
    /// Standard output was closed by its reader: stop quietly.
    ClosedPipe,
}

impl Failure {
    /// A usage error.
    pub fn usage(message: impl fmt::Display) -> Failure {
        Failure::Usage(message.to_string())
    }

    /// A runtime error.
    pub fn runtime(message: impl fmt::Display) -> Failure {
        Failure::Runtime(message.to_string())
    }
}

impl From<satzweise::Error> for Failure {
    fn from(error: satzweise::Error) -> Failure {
        match error.kind() {
            satzweise::ErrorKind::Io { source, .. }
                if source.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                Failure::ClosedPipe
            }
            _ => Failure::Runtime(error.to_string()),
        }
    }
}

/// Runs `body` on the command line and turns its result into the exit code. `usage` is the
/// whole help text (first line `usage: PROGRAM …`).
pub fn run(
    program: &str,
    usage: &str,
    body: impl FnOnce(&mut Args) -> Result<(), Failure>,
) -> ExitCode {
    let mut args = Args {
        rest: std::env::args().skip(1).collect(),
    };
    if args.flag(&["-h", "--help"]) {
        // A closed pipe (`--help | head -1`) is no error.
        let end = if usage.ends_with('\n') { "" } else { "\n" };
        let _ = write!(std::io::stdout().lock(), "{usage}{end}");
        return ExitCode::SUCCESS;
    }
    match body(&mut args) {
        Ok(()) | Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            let first = usage.lines().next().unwrap_or("");
            eprintln!("{program}: usage error: {message}\n{first}\n(see {program} --help)");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(message)) => {
            eprintln!("{program}: {message}");
            ExitCode::from(1)
        }
    }
}

/// The arguments not yet taken.
#[derive(Debug)]
pub struct Args {
    rest: Vec<String>,
}

impl Args {
    /// Takes every occurrence of a flag (any of `names`); whether there was one.
    pub fn flag(&mut self, names: &[&str]) -> bool {
        let options_end = self.options_end();
        let before = self.rest.len();
        let mut k = 0;
        self.rest.retain(|arg| {
            k += 1;
            k > options_end || !names.contains(&arg.as_str())
        });
        self.rest.len() != before
    }

    /// Takes every value of an option (`--name VALUE` or `--name=VALUE`, any of `names`).
    pub fn values(&mut self, names: &[&str]) -> Result<Vec<String>, Failure> {
        let mut values = Vec::new();
        let mut k = 0;
        while k < self.rest.len().min(self.options_end()) {
            let arg = &self.rest[k];
            if let Some(name) = names.iter().find(|n| arg == *n) {
                if k + 1 >= self.rest.len() {
                    return Err(Failure::usage(format!("{name} needs a value")));
                }
                values.push(self.rest.remove(k + 1));
                self.rest.remove(k);
            } else if let Some(value) = names.iter().find_map(|n| {
                arg.strip_prefix(n)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::to_owned)
            }) {
                values.push(value);
                self.rest.remove(k);
            } else {
                k += 1;
            }
        }
        Ok(values)
    }

    /// Takes every group of `n` values of an option (`--triple A B C`).
    pub fn groups(&mut self, names: &[&str], n: usize) -> Result<Vec<Vec<String>>, Failure> {
        let mut groups = Vec::new();
        let mut k = 0;
        while k < self.rest.len().min(self.options_end()) {
            if names.contains(&self.rest[k].as_str()) {
                if k + n >= self.rest.len() {
                    return Err(Failure::usage(format!("{} needs {n} values", self.rest[k])));
                }
                groups.push(self.rest.drain(k..=k + n).skip(1).collect());
            } else {
                k += 1;
            }
        }
        Ok(groups)
    }

    /// Takes the value of an option given at most once.
    pub fn value(&mut self, names: &[&str]) -> Result<Option<String>, Failure> {
        let mut values = self.values(names)?;
        if values.len() > 1 {
            return Err(Failure::usage(format!("{} given twice", names[0])));
        }
        Ok(values.pop())
    }

    /// Takes the value of an option and parses it.
    pub fn parsed<T: FromStr>(&mut self, names: &[&str]) -> Result<Option<T>, Failure>
    where
        T::Err: fmt::Display,
    {
        self.value(names)?
            .map(|v| {
                v.parse()
                    .map_err(|e| Failure::usage(format!("{} {v:?}: {e}", names[0])))
            })
            .transpose()
    }

    /// The remaining arguments, which must be between `min` and `max` operands: anything
    /// left that starts with `-` (other than `-` itself, or after `--`) is an unknown option.
    pub fn operands(&mut self, min: usize, max: usize) -> Result<Vec<String>, Failure> {
        let options_end = self.options_end();
        let mut operands = Vec::new();
        for (k, arg) in std::mem::take(&mut self.rest).into_iter().enumerate() {
            if k == options_end {
                continue; // the `--` itself
            }
            if k < options_end && arg.starts_with('-') && arg != "-" {
                return Err(Failure::usage(format!("unknown option {arg}")));
            }
            operands.push(arg);
        }
        if operands.len() < min {
            return Err(Failure::usage("missing file argument"));
        }
        if operands.len() > max {
            return Err(Failure::usage(format!(
                "unexpected argument {:?}",
                operands[max]
            )));
        }
        Ok(operands)
    }

    /// Fails on anything left (the program takes no operands).
    pub fn finish(&mut self) -> Result<(), Failure> {
        self.operands(0, 0).map(drop)
    }

    fn options_end(&self) -> usize {
        self.rest
            .iter()
            .position(|a| a == "--")
            .unwrap_or(self.rest.len())
    }
}

/// The text of a file, or of standard input for `-`: UTF-8, without a byte-order mark;
/// errors name the file.
pub fn read_input(path: &str) -> Result<String, Failure> {
    read_input_with_offset(path).map(|(text, _)| text)
}

/// [`read_input`], and the number of bytes removed before the text (3 for a byte-order
/// mark, else 0): add it to offsets into the text to get offsets into the file.
pub fn read_input_with_offset(path: &str) -> Result<(String, usize), Failure> {
    let (bytes, name) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::runtime(format!("<stdin>: {e}")))?;
        (bytes, "<stdin>")
    } else {
        let bytes = std::fs::read(path).map_err(|e| Failure::runtime(format!("{path}: {e}")))?;
        (bytes, path)
    };
    let mut text = satzweise::decode_utf8(bytes, Some(Path::new(name)))?;
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    text.drain(..bom);
    Ok((text, bom))
}

/// The aligner configuration of `--config JSON` (a `satzweise::AlignerConfig` as JSON, from a
/// file or `-` for standard input; fields left out keep their defaults), or the default
/// configuration without the option. Errors name the file.
#[cfg(feature = "serde")]
pub fn read_config(path: Option<&str>) -> Result<satzweise::AlignerConfig, Failure> {
    match path {
        None => Ok(satzweise::AlignerConfig::default()),
        Some(path) => serde_json::from_str(&read_input(path)?)
            .map_err(|e| Failure::runtime(format!("{path}: {e}"))),
    }
}

/// Where a program writes: standard output, or a file that appears only when complete.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    /// A file (`-o PATH`).
    File(satzweise::io::AtomicFile),
}

impl Output {
    /// Standard output for `None` or `-`, else the file at `path`.
    pub fn open(path: Option<&str>) -> Result<Output, Failure> {
        match path {
            None | Some("-") => Ok(Output::Stdout(BufWriter::new(std::io::stdout().lock()))),
            Some(path) => Ok(Output::File(satzweise::io::AtomicFile::create(path)?)),
        }
    }

    /// Flushes standard output, or commits the file.
    pub fn finish(self) -> Result<(), Failure> {
        match self {
            Output::Stdout(mut out) => out.flush().map_err(|e| stdout_error(&e)),
            Output::File(file) => Ok(file.commit()?),
        }
    }

    /// The error of a failed write into this output, naming it.
    pub fn error(&self, error: std::io::Error) -> Failure {
        match self {
            Output::Stdout(_) => stdout_error(&error),
            Output::File(file) => Failure::runtime(format!("{}: {error}", file.target().display())),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(out) => out.flush(),
        }
    }
}

fn stdout_error(error: &std::io::Error) -> Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::runtime(format!("<stdout>: {error}"))
    }
}

/// Prints one line on standard output; a closed pipe ends the program quietly (exit 0),
/// any other failure with exit code 1. Used by [`outln!`] in place of `println!`, which
/// panics on a closed pipe.
pub fn print_line(line: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_fmt(line).and_then(|()| out.write_all(b"\n")) {
        match stdout_error(&error) {
            Failure::ClosedPipe => std::process::exit(0),
            _ => {
                eprintln!("<stdout>: {error}");
                std::process::exit(1)
            }
        }
    }
}

/// `println!` that ends the program quietly when standard output is a closed pipe.
#[macro_export]
macro_rules! outln {
    () => { $crate::cli::print_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::cli::print_line(format_args!($($arg)*)) };
}

/// The width to lay text out in: 100 columns when standard output is not a terminal (so
/// that piped output does not depend on the window), else `COLUMNS` when set, else 80.
pub fn terminal_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return 100;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .unwrap_or(80)
}
