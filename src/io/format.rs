//! Every output format by name: one list for tools, CI loops and tests to iterate over.

use std::fmt;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::{AtomicFile, BeadLine, TextPair};
use crate::align::Alignment;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::quality::{ChecklistRow, Report, read_checklist};
use crate::text::Text;

/// An alignment file format of this module.
///
/// ```
/// use satzweise::Lang;
/// use satzweise::io::{Contents, Format};
/// let alignment = satzweise::Aligner::new().align_lines("Eins.\nZwei.", "One.\nTwo.")?;
/// for &format in Format::all() {
///     if format.files() != 1 || format == Format::Checklist {
///         continue; // Moses writes two files (see `Format::write_path`); a checklist lists findings
///     }
///     let mut out = Vec::new();
///     format.write(&alignment, (Lang::De, Lang::En), &mut out)?;
///     let contents = format.read(&out[..], "out", (Lang::De, Lang::En))?;
///     assert_eq!(contents.len(), 2, "{format}");
/// }
/// assert_eq!("tmx".parse::<Format>()?, Format::Tmx);
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Vecalign bead lines, `[0]:[0, 1]:0.973` ([`write_vecalign`](super::write_vecalign)).
    Vecalign,
    /// German text ⇥ English text ⇥ confidence ([`write_tsv`](super::write_tsv)).
    Tsv,
    /// One JSON object per bead ([`write_jsonl`](super::write_jsonl); crate feature `serde`).
    #[cfg(feature = "serde")]
    Jsonl,
    /// The whole [`Alignment`] as one JSON object (serde; crate feature `serde`).
    #[cfg(feature = "serde")]
    Json,
    /// Two line-aligned files `PATH.de` and `PATH.en` ([`write_moses`](super::write_moses)).
    Moses,
    /// A TMX 1.4b translation memory ([`write_tmx`](super::write_tmx)).
    Tmx,
    /// A hunalign ladder ([`write_ladder`](super::write_ladder)).
    Ladder,
    /// An XLIFF 2.0 document, a unit per bead with its confidence and QA flags as notes
    /// ([`write_xliff`](super::write_xliff)).
    Xliff,
    /// The Xbench-style QA checklist: a row per QA finding, not per bead
    /// ([`Report::write_checklist`]).
    Checklist,
}

/// What a format keeps of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carries {
    /// The sentence indices of every bead, so that the alignment can be rebuilt from the
    /// two texts ([`Contents::into_alignment`]).
    pub indices: bool,
    /// The texts of the beads (their sentences joined with spaces; line breaks, and in TSV
    /// tabs, become spaces; TMX drops what XML 1.0 cannot hold).
    pub texts: bool,
    /// Omissions and additions (beads with one empty side).
    pub unlinked: bool,
    /// The confidence of every bead it keeps (three decimals, except JSON formats: exact).
    pub confidence: bool,
    /// The cost and shape of every bead.
    pub cost: bool,
    /// Both texts whole, with every sentence's byte span and paragraph.
    pub texts_whole: bool,
    /// The QA flags of the beads it writes ([`Report`]).
    pub flags: bool,
    /// A record per bead (or per linked pair, without `unlinked`); `false` for the checklist,
    /// which lists only the beads a reviewer should look at.
    pub every_bead: bool,
}

impl Format {
    /// Every format, in the order of the module's table.
    pub fn all() -> &'static [Format] {
        &[
            Format::Vecalign,
            Format::Tsv,
            #[cfg(feature = "serde")]
            Format::Jsonl,
            #[cfg(feature = "serde")]
            Format::Json,
            Format::Moses,
            Format::Tmx,
            Format::Ladder,
            Format::Xliff,
            Format::Checklist,
        ]
    }

    /// The name [`FromStr`] reads and [`Display`](fmt::Display) writes: `vecalign`, `tsv`,
    /// `jsonl`, `json`, `moses`, `tmx`, `ladder`, `xliff`, `checklist`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Vecalign => "vecalign",
            Format::Tsv => "tsv",
            #[cfg(feature = "serde")]
            Format::Jsonl => "jsonl",
            #[cfg(feature = "serde")]
            Format::Json => "json",
            Format::Moses => "moses",
            Format::Tmx => "tmx",
            Format::Ladder => "ladder",
            Format::Xliff => "xliff",
            Format::Checklist => "checklist",
        }
    }

    /// One line on the format, for a tool's `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Format::Vecalign => "one bead per line, `[0]:[0, 1]:0.973` (indices, confidence)",
            Format::Tsv => "German text, English text, confidence, tab-separated, per bead",
            #[cfg(feature = "serde")]
            Format::Jsonl => "one JSON object per bead: indices, texts, shape, cost, confidence",
            #[cfg(feature = "serde")]
            Format::Json => "the whole alignment: both texts with sentence spans, every bead",
            Format::Moses => "two line-aligned files PATH.de and PATH.en, linked pairs only",
            Format::Tmx => "a TMX 1.4b translation memory of the linked pairs with confidence",
            Format::Ladder => "a hunalign ladder: a rung `german⇥english⇥confidence` per bead",
            Format::Xliff => "XLIFF 2.0: a unit per bead, confidence and QA flags as notes",
            Format::Checklist => "QA checklist (TSV): a row per flag or unsure bead, with severity",
        }
    }

    /// What the format keeps of an alignment.
    pub fn carries(self) -> Carries {
        let none = Carries {
            indices: false,
            texts: false,
            unlinked: false,
            confidence: false,
            cost: false,
            texts_whole: false,
            flags: false,
            every_bead: true,
        };
        match self {
            Format::Vecalign | Format::Ladder => Carries {
                indices: true,
                unlinked: true,
                confidence: true,
                ..none
            },
            Format::Tsv => Carries {
                texts: true,
                unlinked: true,
                confidence: true,
                ..none
            },
            #[cfg(feature = "serde")]
            Format::Jsonl => Carries {
                indices: true,
                texts: true,
                unlinked: true,
                confidence: true,
                cost: true,
                ..none
            },
            #[cfg(feature = "serde")]
            Format::Json => Carries {
                indices: true,
                texts: true,
                unlinked: true,
                confidence: true,
                cost: true,
                texts_whole: true,
                ..none
            },
            Format::Moses => Carries {
                texts: true,
                ..none
            },
            Format::Tmx => Carries {
                texts: true,
                confidence: true,
                ..none
            },
            Format::Xliff => Carries {
                indices: true,
                texts: true,
                unlinked: true,
                confidence: true,
                flags: true,
                ..none
            },
            Format::Checklist => Carries {
                texts: true,
                unlinked: true,
                flags: true,
                every_bead: false,
                ..none
            },
        }
    }

    /// How many files the format writes: 2 for Moses, 1 for the others.
    pub fn files(self) -> usize {
        if self == Format::Moses { 2 } else { 1 }
    }

    /// The files [`write_path`](Format::write_path) writes for `path`: `PATH.de` and
    /// `PATH.en` (the language codes) for Moses, `path` itself for the others.
    pub fn paths(self, path: &Path, languages: (Lang, Lang)) -> Vec<PathBuf> {
        if self != Format::Moses {
            return vec![path.to_path_buf()];
        }
        [languages.0, languages.1]
            .iter()
            .map(|lang| {
                let mut name = path.as_os_str().to_owned();
                name.push(".");
                name.push(lang.code());
                PathBuf::from(name)
            })
            .collect()
    }

    /// Writes `alignment` to one sink; `languages` name the sides in TMX. Moses writes two
    /// files and is an error here: use [`write_path`](Format::write_path).
    pub fn write(
        self,
        alignment: &Alignment,
        languages: (Lang, Lang),
        out: impl Write,
    ) -> Result<()> {
        match self {
            Format::Vecalign => super::write_vecalign(alignment, out),
            Format::Tsv => super::write_tsv(alignment, out),
            #[cfg(feature = "serde")]
            Format::Jsonl => super::write_jsonl(alignment, out),
            #[cfg(feature = "serde")]
            Format::Json => write_json(alignment, out),
            Format::Moses => Err(Error::invalid(
                "the moses format writes two files: give a path prefix (Format::write_path)",
            )),
            Format::Tmx => super::write_tmx(alignment, out, languages.0.code(), languages.1.code()),
            Format::Ladder => super::write_ladder(alignment, out),
            Format::Xliff => {
                super::write_xliff(alignment, out, languages.0.code(), languages.1.code())
            }
            Format::Checklist => Report::new(alignment).write_checklist(out),
        }
    }

    /// Writes `alignment` to the files of [`paths`](Format::paths), each complete or not at
    /// all: the data go to temporary files beside the targets, which are renamed only when
    /// every file is written (see [`AtomicFile`]). Errors name the file.
    pub fn write_path(
        self,
        alignment: &Alignment,
        languages: (Lang, Lang),
        path: &Path,
    ) -> Result<()> {
        let paths = self.paths(path, languages);
        let mut files = paths
            .iter()
            .map(AtomicFile::create)
            .collect::<Result<Vec<_>>>()?;
        let written = if let [german, english] = &mut files[..] {
            super::write_moses(alignment, &mut *german, &mut *english)
        } else {
            self.write(alignment, languages, &mut files[0])
        };
        // Moses errors name the prefix: the writer does not say which of its two files failed.
        let sink = if paths.len() == 1 { &paths[0] } else { path };
        written.map_err(|e| name_sink(e, sink))?;
        AtomicFile::commit_all(files)
    }

    /// Reads what the format holds from `reader` (`source_name` for errors); `languages`
    /// pick the segments of a TMX unit. Moses reads two files and is an error here: use
    /// [`read_path`](Format::read_path).
    pub fn read(
        self,
        reader: impl BufRead,
        source_name: &str,
        languages: (Lang, Lang),
    ) -> Result<Contents> {
        Ok(match self {
            Format::Vecalign => Contents::Beads(super::read_bead_lines(reader, source_name)?),
            Format::Tsv => Contents::Pairs(super::read_tsv(reader, source_name)?),
            #[cfg(feature = "serde")]
            Format::Jsonl => Contents::Beads(
                super::read_jsonl(reader, source_name)?
                    .iter()
                    .map(super::JsonlBead::to_bead_line)
                    .collect(),
            ),
            #[cfg(feature = "serde")]
            Format::Json => {
                let text = super::read_all(reader, source_name)?;
                let alignment = serde_json::from_str(&text)
                    .map_err(|e| Error::syntax(source_name, e.line(), e.to_string()))?;
                Contents::Alignment(Box::new(alignment))
            }
            Format::Moses => {
                return Err(Error::invalid(
                    "the moses format reads two files: give a path prefix (Format::read_path)",
                ));
            }
            Format::Tmx => Contents::Pairs(
                super::read_tmx(reader, source_name)?
                    .iter()
                    .filter_map(|unit| unit.to_pair(languages.0.code(), languages.1.code()))
                    .collect(),
            ),
            Format::Ladder => Contents::Ladder(super::read_ladder(reader, source_name)?),
            Format::Xliff => {
                let units = super::read_xliff(reader, source_name)?;
                let beads: Option<Vec<BeadLine>> =
                    units.iter().map(super::XliffUnit::to_bead_line).collect();
                match beads {
                    Some(beads) => Contents::Beads(beads),
                    // Units without indices (another tool's file): their texts.
                    None => Contents::Pairs(
                        units
                            .iter()
                            .map(|u| TextPair {
                                german: u.source.clone(),
                                english: u.target.clone(),
                                confidence: u.confidence(),
                            })
                            .collect(),
                    ),
                }
            }
            Format::Checklist => Contents::Checklist(read_checklist(reader, source_name)?),
        })
    }

    /// Reads the files [`write_path`](Format::write_path) writes for `path`.
    pub fn read_path(self, path: &Path, languages: (Lang, Lang)) -> Result<Contents> {
        let open = |path: &Path| {
            std::fs::File::open(path)
                .map(BufReader::new)
                .map_err(|e| Error::io(path, e))
        };
        let paths = self.paths(path, languages);
        if let [german, english] = &paths[..] {
            return Ok(Contents::Pairs(super::read_moses(
                open(german)?,
                &german.to_string_lossy(),
                open(english)?,
                &english.to_string_lossy(),
            )?));
        }
        self.read(open(path)?, &path.to_string_lossy(), languages)
    }
}

/// The whole alignment as one JSON object and a line end.
#[cfg(feature = "serde")]
fn write_json(alignment: &Alignment, mut out: impl Write) -> Result<()> {
    use super::write_error;
    serde_json::to_writer(&mut out, alignment)
        .map_err(|e| write_error(std::io::Error::other(e)))?;
    writeln!(out).map_err(write_error)
}

/// The writers do not know where they write: put the file name into their I/O errors.
fn name_sink(error: Error, path: &Path) -> Error {
    match error.into_kind() {
        crate::ErrorKind::Io { path: p, source } if p.as_os_str().is_empty() => {
            Error::io(path, source)
        }
        kind => Error::new(kind),
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses a [`name`](Format::name), without case; the error lists every name.
    fn from_str(s: &str) -> Result<Format> {
        Format::all()
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::all().iter().map(|f| f.name()).collect();
                Error::invalid(format!(
                    "unknown format {s:?} (expected one of {})",
                    names.join(", ")
                ))
            })
    }
}

/// What [`Format::read`] gives back, by what the format holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    /// The indices (and scores) of every bead: vecalign, JSON lines, XLIFF written by this
    /// crate.
    Beads(Vec<BeadLine>),
    /// The texts of beads (TSV, XLIFF of another tool) or of linked pairs (Moses, TMX),
    /// without indices.
    Pairs(Vec<TextPair>),
    /// The rungs of a hunalign ladder: beads once the sentence counts are known
    /// ([`ladder_to_beads`](super::ladder_to_beads)).
    Ladder(Vec<super::Rung>),
    /// A whole alignment: JSON.
    Alignment(Box<Alignment>),
    /// The rows of a QA checklist.
    Checklist(Vec<ChecklistRow>),
}

impl Contents {
    /// The number of beads or pairs read.
    pub fn len(&self) -> usize {
        match self {
            Contents::Beads(beads) => beads.len(),
            Contents::Pairs(pairs) => pairs.len(),
            Contents::Ladder(rungs) => rungs.len().saturating_sub(1),
            Contents::Alignment(alignment) => alignment.beads().len(),
            Contents::Checklist(rows) => rows.len(),
        }
    }

    /// Whether nothing was read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The alignment, rebuilt from the two texts where the file holds indices (see
    /// [`alignment_from_beads`](super::alignment_from_beads)); an error for text-only
    /// formats, which cannot say which sentences a pair joined.
    pub fn into_alignment(self, german: Text, english: Text) -> Result<Alignment> {
        match self {
            Contents::Beads(beads) => super::alignment_from_beads(german, english, &beads),
            Contents::Ladder(rungs) => {
                let beads = super::ladder_to_beads(&rungs, german.len(), english.len())?;
                super::alignment_from_beads(german, english, &beads)
            }
            Contents::Alignment(alignment) => Ok(*alignment),
            Contents::Pairs(_) | Contents::Checklist(_) => Err(Error::invalid(
                "the file holds texts, not sentence indices: the alignment cannot be rebuilt",
            )),
        }
    }
}
