//! Sentence embeddings supplied by the user, as one more [`Scorer`].
//!
//! Documented on [`EmbeddingScorer`], its public face.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::features::PairFeatures;
use std::sync::Arc;

use crate::score::{Candidate, Scorer};
use crate::text::Text;

/// vecalign cuts overlap lines after this many characters.
const MAX_OVERLAP_CHARS: usize = 10_000;
/// vecalign's text for an empty sentence.
const BLANK_LINE: &str = "BLANK_LINE";
/// A slot without an embedding.
const NO_ROW: u32 = u32::MAX;

/// The sentence embeddings of one side: the lines of an overlaps file and one unit-length
/// vector per line.
#[derive(Debug, Clone, Default)]
pub struct EmbeddingTable {
    /// Trimmed overlap text → row (the first row when a line repeats).
    rows: HashMap<String, u32>,
    /// Number of rows (lines of the overlaps file).
    row_count: usize,
    dim: usize,
    /// Row-major, each row scaled to unit length; all zeros when the row has no direction
    /// (zero or non-finite), which makes it count as missing.
    vectors: Vec<f32>,
    /// Whether each row is usable.
    usable: Vec<bool>,
}

impl EmbeddingTable {
    /// Reads an overlaps file and its `f32` matrix file. `dim` is the embedding dimension;
    /// `None` infers it from the matrix size and the number of lines.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] naming the file that could not be read;
    /// [`ErrorKind::InvalidUtf8`] naming the overlaps file and the byte offset;
    /// [`ErrorKind::Syntax`] naming the matrix file (line 0: the file as a whole) when its size
    /// is not a multiple of `4 × dim` or its row count differs from the overlaps file's line
    /// count.
    pub fn from_files(
        overlaps: impl AsRef<Path>,
        matrix: impl AsRef<Path>,
        dim: Option<usize>,
    ) -> Result<EmbeddingTable> {
        let (overlaps, matrix) = (overlaps.as_ref(), matrix.as_ref());
        let text = std::fs::read(overlaps).map_err(|e| Error::io(overlaps, e))?;
        let floats = std::fs::read(matrix).map_err(|e| Error::io(matrix, e))?;
        parse(
            &text,
            &floats,
            dim,
            Some(overlaps),
            &matrix.display().to_string(),
        )
    }

    /// Like [`from_files`](Self::from_files), from bytes in memory (errors name the matrix
    /// `embedding matrix`).
    pub fn from_bytes(
        overlaps: &[u8],
        matrix: &[u8],
        dim: Option<usize>,
    ) -> Result<EmbeddingTable> {
        parse(overlaps, matrix, dim, None, "embedding matrix")
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.row_count
    }

    /// Whether the table has no row.
    pub fn is_empty(&self) -> bool {
        self.row_count == 0
    }

    /// The embedding dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The row of an overlap text (compared with white space trimmed), if the table has it.
    pub fn row(&self, text: &str) -> Option<usize> {
        self.rows.get(text.trim()).map(|&r| r as usize)
    }

    /// The unit-length vector of a row; `None` past the end or when the row has no direction
    /// (all zeros or not finite).
    pub fn vector(&self, row: usize) -> Option<&[f32]> {
        if !self.usable.get(row).copied().unwrap_or(false) {
            return None;
        }
        self.vectors.get(row * self.dim..(row + 1) * self.dim)
    }
}

fn parse(
    overlaps: &[u8],
    matrix: &[u8],
    dim: Option<usize>,
    overlaps_path: Option<&Path>,
    matrix_name: &str,
) -> Result<EmbeddingTable> {
    let text = std::str::from_utf8(overlaps).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            path: overlaps_path.map(Path::to_path_buf),
            offset: e.valid_up_to(),
        })
    })?;
    let lines: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        text.strip_suffix('\n')
            .unwrap_or(text)
            .split('\n')
            .collect()
    };
    let overlaps_name = overlaps_path.map_or_else(
        || "the overlaps text".to_owned(),
        |p| p.display().to_string(),
    );
    let floats = matrix.len() / 4;
    let bad = |message: String| Error::syntax(matrix_name, 0, message);
    let dim = match dim {
        Some(0) => return Err(bad("the embedding dimension must be at least 1".into())),
        Some(dim) => dim,
        None if lines.is_empty() => 1,
        None => {
            if !matrix.len().is_multiple_of(4) || !floats.is_multiple_of(lines.len()) || floats == 0
            {
                return Err(bad(format!(
                    "{} bytes cannot hold one f32 row for each of the {} lines of {overlaps_name}",
                    matrix.len(),
                    lines.len()
                )));
            }
            floats / lines.len()
        }
    };
    let row_bytes = dim
        .checked_mul(4)
        .ok_or_else(|| bad(format!("dimension {dim} is too large")))?;
    if !matrix.len().is_multiple_of(row_bytes) {
        return Err(bad(format!(
            "size {} bytes is not a multiple of 4 × {dim} (one f32 row)",
            matrix.len()
        )));
    }
    let row_count = matrix.len() / row_bytes;
    if row_count != lines.len() {
        return Err(bad(format!(
            "{row_count} rows of dimension {dim}, but {overlaps_name} has {} lines",
            lines.len()
        )));
    }
    if row_count >= NO_ROW as usize {
        return Err(bad(format!("{row_count} rows are too many")));
    }
    let mut vectors: Vec<f32> = matrix
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let mut usable = Vec::with_capacity(row_count);
    for row in vectors.chunks_exact_mut(dim) {
        let norm = row.iter().map(|&x| x as f64 * x as f64).sum::<f64>().sqrt();
        if norm.is_finite() && norm > 0.0 {
            row.iter_mut().for_each(|x| *x = (*x as f64 / norm) as f32);
            usable.push(true);
        } else {
            row.iter_mut().for_each(|x| *x = 0.0);
            usable.push(false);
        }
    }
    let mut rows = HashMap::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        rows.entry(line.trim().to_owned()).or_insert(k as u32);
    }
    Ok(EmbeddingTable {
        rows,
        row_count,
        dim,
        vectors,
        usable,
    })
}

/// Settings of an [`EmbeddingScorer`]; see [`EmbeddingScorer`] for the cost.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct EmbeddingOptions {
    /// The longest run of sentences on one side looked up (vecalign's `num_overlaps`; its
    /// default is 4). Longer runs cost 0.
    pub max_run: usize,
    /// Nats per unit of normalised distance.
    pub scale: f64,
    /// Normalised distance at which the cost is 0; closer pairs earn, farther ones pay.
    pub offset: f64,
    /// Sentences of the other side sampled, evenly spaced, for the normaliser (0: none).
    pub samples: usize,
}

impl Default for EmbeddingOptions {
    fn default() -> Self {
        EmbeddingOptions {
            max_run: 4,
            scale: 4.0,
            offset: 1.0,
            samples: 20,
        }
    }
}

/// A run's row in its table and its normaliser.
#[derive(Debug, Clone, Copy)]
struct Slot {
    row: u32,
    norm: f32,
}

const EMPTY_SLOT: Slot = Slot {
    row: NO_ROW,
    norm: 1.0,
};

/// The longest run [`EmbeddingOptions::max_run`] may ask for: no bead shape is longer.
const MAX_RUN: usize = 8;

/// Scores beads by the cosine similarity of user-supplied sentence embeddings.
///
/// satzweise needs no model, but when sentence embeddings are at hand (LASER, LaBSE, …) they
/// are a strong signal. They are read in the file layout of
/// [vecalign](https://github.com/thompsonb/vecalign), one [`EmbeddingTable`] per side:
///
/// - an *overlaps* text file, one line per sentence or run of up to N consecutive sentences,
///   joined with a single space (as vecalign's `overlap.py` writes them);
/// - a matrix file of raw little-endian `f32`, one row per line of the overlaps file, in the
///   same order; the dimension is given or inferred from the file size and the line count.
///
/// An [`EmbeddingScorer`] holds both tables; for each pair of [`Text`]s the aligner prepares it
/// ([`EmbeddingScorer::for_document`]), which finds, once, the row of every German and English
/// run the search may ask about, so that scoring a bead is two table look-ups and a dot
/// product. The tables may hold many documents: each pair finds its own sentences.
///
/// # Looking runs up
///
/// The text of a run is built as vecalign builds it: each sentence with white space trimmed
/// (an empty sentence reads `BLANK_LINE`), joined with single spaces, cut after 10,000
/// characters. Overlaps-file lines are compared with white space trimmed. A run whose text is
/// not in the table has no embedding and costs 0.
///
/// # The cost
///
/// With `x` and `y` the embeddings of the German and English runs and `d = 1 − cos(x, y)`:
///
/// `cost = scale × (d / n − offset)`
///
/// where `n` is vecalign's normaliser: the mean of `d(x, y')` over sample English sentences `y'`
/// of the document and of `d(x', y)` over sample German sentences `x'`, averaged (so that `d / n`
/// is about 1 for a pair no closer than chance). `n` is 1 when
/// [`EmbeddingOptions::samples`] is 0 or no sample has an embedding. Beads with an empty side,
/// runs longer than [`EmbeddingOptions::max_run`] and runs without an embedding cost 0.
/// The defaults (`scale` 4, `offset` 1, 20 samples) are a reasoned start, not tuned: no
/// embeddings were at hand to tune them.
///
/// ```
/// use satzweise::{Aligner, EmbeddingScorer, EmbeddingTable, Text};
///
/// // Two-dimensional toy embeddings; real ones come from files (`EmbeddingTable::from_files`).
/// fn matrix(rows: &[[f32; 2]]) -> Vec<u8> {
///     rows.iter().flatten().flat_map(|x| x.to_le_bytes()).collect()
/// }
/// let german = EmbeddingTable::from_bytes(
///     "Guten Morgen.\nWie geht es?\nGuten Morgen. Wie geht es?\n".as_bytes(),
///     &matrix(&[[1.0, 0.0], [0.0, 1.0], [0.7, 0.7]]),
///     None,
/// )?;
/// let english = EmbeddingTable::from_bytes(
///     "Good morning.\nHow are you?\nGood morning. How are you?\n".as_bytes(),
///     &matrix(&[[0.9, 0.1], [0.1, 0.9], [0.7, 0.7]]),
///     Some(2),
/// )?;
/// let german_text = Text::from_lines("Guten Morgen.\nWie geht es?\n");
/// let english_text = Text::from_lines("Good morning.\nHow are you?\n");
/// let scorer = EmbeddingScorer::new(german, english)?;
/// let aligner = Aligner::builder().scorer(1.0, scorer).build()?;
/// let alignment = aligner.align_texts(german_text, english_text)?;
/// assert_eq!(alignment.pairs().count(), 2);
/// # Ok::<(), satzweise::Error>(())
/// ```
///
/// The tables may hold the sentences of any number of documents: the aligner
/// [prepares](Scorer::prepare) the scorer for each document pair, which looks up the runs of
/// that pair once ([`for_document`](EmbeddingScorer::for_document)), so one `Aligner` serves
/// every document. Unprepared, it scores every bead 0.
#[derive(Debug, Clone)]
pub struct EmbeddingScorer {
    german: Arc<EmbeddingTable>,
    english: Arc<EmbeddingTable>,
    options: EmbeddingOptions,
}

impl EmbeddingScorer {
    /// A scorer over the German and English tables with the default options. Fails when the
    /// two tables' dimensions differ.
    pub fn new(german: EmbeddingTable, english: EmbeddingTable) -> Result<EmbeddingScorer> {
        EmbeddingScorer::with_options(german, english, EmbeddingOptions::default())
    }

    /// A scorer over the German and English tables. Fails when the two tables' dimensions
    /// differ, `max_run` is not in `1..=8` (no bead is longer) or `scale` and `offset` are not
    /// finite.
    pub fn with_options(
        german: EmbeddingTable,
        english: EmbeddingTable,
        options: EmbeddingOptions,
    ) -> Result<EmbeddingScorer> {
        let invalid = |message: String| Err(Error::config(message));
        if german.dim != english.dim && !german.is_empty() && !english.is_empty() {
            return invalid(format!(
                "the German embeddings have dimension {} and the English ones {}",
                german.dim, english.dim
            ));
        }
        if !(1..=MAX_RUN).contains(&options.max_run) {
            return invalid(format!(
                "EmbeddingOptions.max_run must be between 1 and {MAX_RUN}, not {}",
                options.max_run
            ));
        }
        if !options.scale.is_finite() || !options.offset.is_finite() {
            return invalid(format!(
                "EmbeddingOptions.scale and offset must be finite, not {} and {}",
                options.scale, options.offset
            ));
        }
        Ok(EmbeddingScorer {
            german: Arc::new(german),
            english: Arc::new(english),
            options,
        })
    }

    /// The options in force.
    pub fn options(&self) -> EmbeddingOptions {
        self.options
    }

    /// The scorer for the document pair `german_text` / `english_text`: the rows of every run
    /// of up to `max_run` sentences, looked up once.
    pub fn for_document(&self, german_text: &Text, english_text: &Text) -> DocumentEmbeddings {
        let options = self.options;
        let max_run = options.max_run;
        let (german, mut german_slots) = compact(&self.german, german_text, max_run);
        let (english, mut english_slots) = compact(&self.english, english_text, max_run);
        if german.dim == english.dim && options.samples > 0 {
            let german_samples = samples(&german_slots, german_text.len(), max_run, options);
            let english_samples = samples(&english_slots, english_text.len(), max_run, options);
            normalise(&mut german_slots, &german, &english, &english_samples);
            normalise(&mut english_slots, &english, &german, &german_samples);
        }
        DocumentEmbeddings {
            german,
            english,
            options,
            german_slots,
            english_slots,
        }
    }
}

impl Scorer for EmbeddingScorer {
    /// 0: the scorer scores through [`for_document`](EmbeddingScorer::for_document), which
    /// the aligner calls for every document pair.
    fn cost(&self, _: &PairFeatures<'_>, _: Candidate) -> f64 {
        0.0
    }

    fn lower_bound(&self) -> Option<f64> {
        embedding_lower_bound(self.options)
    }

    fn prepare<'s>(&'s self, german: &Text, english: &Text) -> Option<Box<dyn Scorer + 's>> {
        Some(Box::new(self.for_document(german, english)))
    }
}

/// The least cost of a bead: `scale × (0 − offset)` for identical embeddings, 0 without any.
fn embedding_lower_bound(options: EmbeddingOptions) -> Option<f64> {
    (options.scale >= 0.0).then(|| (-options.scale * options.offset).min(0.0))
}

/// An [`EmbeddingScorer`] prepared for one document pair, created by
/// [`EmbeddingScorer::for_document`]: every bead's cost is two look-ups and a dot product.
#[derive(Debug, Clone)]
pub struct DocumentEmbeddings {
    german: EmbeddingTable,
    english: EmbeddingTable,
    options: EmbeddingOptions,
    /// `german_slots[start × max_run + len − 1]`.
    german_slots: Vec<Slot>,
    english_slots: Vec<Slot>,
}

impl DocumentEmbeddings {
    /// Number of German and English runs (of up to `max_run` sentences) that have an
    /// embedding: a quick check that the files belong to the texts.
    pub fn found_runs(&self) -> (usize, usize) {
        let found = |slots: &[Slot]| slots.iter().filter(|s| s.row != NO_ROW).count();
        (found(&self.german_slots), found(&self.english_slots))
    }

    /// Cosine similarity of the runs' embeddings, when both have one.
    pub fn cosine(&self, german: Range<usize>, english: Range<usize>) -> Option<f64> {
        let (g, e) = (self.slot(true, german)?, self.slot(false, english)?);
        Some(dot(
            self.german.vector(g.row as usize)?,
            self.english.vector(e.row as usize)?,
        ))
    }

    fn slot(&self, german: bool, run: Range<usize>) -> Option<Slot> {
        let slots = if german {
            &self.german_slots
        } else {
            &self.english_slots
        };
        let len = run.len();
        if len == 0 || len > self.options.max_run {
            return None;
        }
        let slot = *slots.get(run.start.checked_mul(self.options.max_run)? + len - 1)?;
        (slot.row != NO_ROW).then_some(slot)
    }
}

impl Scorer for DocumentEmbeddings {
    fn cost(&self, _: &PairFeatures<'_>, bead: Candidate) -> f64 {
        let (german, english) = (bead.german().to_usize(), bead.english().to_usize());
        let (Some(g), Some(e)) = (self.slot(true, german), self.slot(false, english)) else {
            return 0.0;
        };
        let (Some(x), Some(y)) = (
            self.german.vector(g.row as usize),
            self.english.vector(e.row as usize),
        ) else {
            return 0.0;
        };
        let distance = 1.0 - dot(x, y);
        let norm = ((g.norm + e.norm) as f64 / 2.0).max(1e-6);
        self.options.scale * (distance / norm - self.options.offset)
    }

    fn lower_bound(&self) -> Option<f64> {
        embedding_lower_bound(self.options)
    }
}

fn dot(x: &[f32], y: &[f32]) -> f64 {
    x.iter().zip(y).map(|(&a, &b)| a * b).sum::<f32>() as f64
}

/// The rows of `table` that the runs of `text` use, copied into a small table numbered
/// afresh, and each run's slot.
fn compact(table: &EmbeddingTable, text: &Text, max_run: usize) -> (EmbeddingTable, Vec<Slot>) {
    let n = text.len();
    let mut slots = vec![EMPTY_SLOT; n.saturating_mul(max_run)];
    let mut vectors = Vec::new();
    let mut usable = Vec::new();
    let mut renumber: HashMap<u32, u32> = HashMap::new();
    let mut joined = String::new();
    for start in 0..n {
        joined.clear();
        for len in 1..=max_run.min(n - start) {
            let sentence = text.sentence(start + len - 1).unwrap_or("").trim();
            if len > 1 {
                joined.push(' ');
            }
            joined.push_str(if sentence.is_empty() {
                BLANK_LINE
            } else {
                sentence
            });
            let key = match joined.char_indices().nth(MAX_OVERLAP_CHARS) {
                Some((cut, _)) => &joined[..cut],
                None => joined.as_str(),
            };
            let Some(&row) = table.rows.get(key.trim()) else {
                continue;
            };
            let Some(vector) = table.vector(row as usize) else {
                continue;
            };
            let next = usable.len() as u32;
            let local = *renumber.entry(row).or_insert_with(|| {
                vectors.extend_from_slice(vector);
                usable.push(true);
                next
            });
            if let Some(slot) = slots.get_mut(start * max_run + len - 1) {
                slot.row = local;
            }
        }
    }
    let table = EmbeddingTable {
        rows: HashMap::new(),
        row_count: usable.len(),
        dim: table.dim,
        vectors,
        usable,
    };
    (table, slots)
}

/// Rows of single sentences, evenly spaced through the text, used to normalise the other side.
fn samples(
    slots: &[Slot],
    sentences: usize,
    max_run: usize,
    options: EmbeddingOptions,
) -> Vec<u32> {
    let count = options.samples.min(sentences);
    let mut rows: Vec<u32> = (0..count)
        .filter_map(|k| slots.get(k * sentences / count * max_run))
        .filter(|s| s.row != NO_ROW)
        .map(|s| s.row)
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Sets each slot's normaliser: mean distance of its vector to the other side's samples.
fn normalise(slots: &mut [Slot], own: &EmbeddingTable, other: &EmbeddingTable, samples: &[u32]) {
    if samples.is_empty() {
        return;
    }
    let mut cache: HashMap<u32, f32> = HashMap::new();
    for slot in slots.iter_mut().filter(|s| s.row != NO_ROW) {
        let norm = *cache.entry(slot.row).or_insert_with(|| {
            let Some(x) = own.vector(slot.row as usize) else {
                return 1.0;
            };
            let distances: Vec<f64> = samples
                .iter()
                .filter_map(|&r| other.vector(r as usize))
                .map(|y| 1.0 - dot(x, y))
                .collect();
            if distances.is_empty() {
                1.0
            } else {
                (distances.iter().sum::<f64>() / distances.len() as f64) as f32
            }
        });
        slot.norm = norm;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(rows: &[&[f32]]) -> Vec<u8> {
        rows.iter()
            .flat_map(|r| r.iter())
            .flat_map(|x| x.to_le_bytes())
            .collect()
    }

    struct TempDir(std::path::PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("satzweise-emb-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn reads_files_and_infers_the_dimension() {
        let dir = TempDir::new("read");
        let (text, bin) = (dir.0.join("overlaps.de"), dir.0.join("emb.de"));
        std::fs::write(&text, "Eins.\nZwei.\nEins. Zwei.\n").unwrap();
        std::fs::write(
            &bin,
            matrix(&[&[1.0, 0.0, 0.0], &[0.0, 2.0, 0.0], &[1.0, 1.0, 0.0]]),
        )
        .unwrap();
        let table = EmbeddingTable::from_files(&text, &bin, None).unwrap();
        assert_eq!((table.len(), table.dim()), (3, 3));
        assert_eq!(table.row(" Zwei. "), Some(1));
        let v = table.vector(1).unwrap();
        assert!((v[1] - 1.0).abs() < 1e-6, "rows are unit length: {v:?}");
        assert_eq!(table.row("Drei."), None);
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let dir = TempDir::new("errors");
        let (text, bin) = (dir.0.join("overlaps.en"), dir.0.join("emb.en"));
        std::fs::write(&text, "One.\nTwo.\n").unwrap();
        std::fs::write(&bin, matrix(&[&[1.0, 0.0], &[0.0, 1.0], &[1.0, 1.0]])).unwrap();
        let error = EmbeddingTable::from_files(&text, &bin, Some(2))
            .unwrap_err()
            .to_string();
        assert!(error.contains("emb.en"), "{error}");
        assert!(error.contains("3 rows of dimension 2"), "{error}");
        assert!(error.contains("overlaps.en has 2 lines"), "{error}");
        let error = EmbeddingTable::from_files(&text, &bin, Some(4))
            .unwrap_err()
            .to_string();
        assert!(error.contains("not a multiple of 4 × 4"), "{error}");
        std::fs::write(&bin, matrix(&[&[1.0, 0.0, 0.5, 0.5, 0.0]])).unwrap();
        let error = EmbeddingTable::from_files(&text, &bin, None)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("20 bytes cannot hold one f32 row"),
            "{error}"
        );
        std::fs::write(&bin, [0u8; 7]).unwrap();
        let error = EmbeddingTable::from_files(&text, &bin, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("7 bytes"), "{error}");
        std::fs::write(&text, b"One.\n\xffTwo.\n").unwrap();
        let error = EmbeddingTable::from_files(&text, &bin, None).unwrap_err();
        assert!(matches!(
            error.kind(),
            ErrorKind::InvalidUtf8 { path: Some(p), offset: 5 } if p.ends_with("overlaps.en")
        ));
        let missing = EmbeddingTable::from_files(dir.0.join("nope"), &bin, None).unwrap_err();
        assert!(missing.to_string().contains("nope"));
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        let empty = EmbeddingTable::from_bytes(b"", b"", None).unwrap();
        assert!(empty.is_empty());
        assert!(EmbeddingTable::from_bytes(b"", b"", Some(0)).is_err());
        assert!(EmbeddingTable::from_bytes(b"a\n", b"", None).is_err());
        assert!(EmbeddingTable::from_bytes(b"", &[0; 8], None).is_err());
        let zero =
            EmbeddingTable::from_bytes(b"a\nb\n", &matrix(&[&[0.0], &[f32::NAN]]), None).unwrap();
        assert_eq!(zero.vector(0), None);
        assert_eq!(zero.vector(1), None);
        assert_eq!(zero.vector(7), None);
    }

    /// German and English sentences whose embeddings point the same way when they translate
    /// each other.
    fn pair() -> (EmbeddingTable, EmbeddingTable, Text, Text) {
        let german = EmbeddingTable::from_bytes(
            "A.\nB.\nC.\nA. B.\nB. C.\n".as_bytes(),
            &matrix(&[
                &[1.0, 0.0, 0.0],
                &[0.0, 1.0, 0.0],
                &[0.0, 0.0, 1.0],
                &[1.0, 1.0, 0.0],
                &[0.0, 1.0, 1.0],
            ]),
            Some(3),
        )
        .unwrap();
        let english = EmbeddingTable::from_bytes(
            "a.\nb.\nc.\n".as_bytes(),
            &matrix(&[&[1.0, 0.1, 0.0], &[0.1, 1.0, 0.0], &[0.0, 0.1, 1.0]]),
            Some(3),
        )
        .unwrap();
        (
            german,
            english,
            Text::from_lines("A.\nB.\n\nC."),
            Text::from_lines("a.\nb.\nc."),
        )
    }

    #[test]
    fn runs_are_looked_up_by_their_joined_text() {
        let (german, english, _, english_text) = pair();
        let german_text = Text::from_lines("A.\nB.\nC.");
        let scorer = EmbeddingScorer::new(german.clone(), english.clone())
            .unwrap()
            .for_document(&german_text, &english_text);
        // Runs of one: 3 + 3; German runs of two: "A. B." and "B. C.".
        assert_eq!(scorer.found_runs(), (5, 3));
        assert!(scorer.cosine(0..1, 0..1).unwrap() > 0.99);
        assert!(scorer.cosine(0..1, 1..2).unwrap() < 0.2);
        assert!((scorer.cosine(0..2, 0..1).unwrap() - 0.77).abs() < 0.02);
        assert_eq!(scorer.cosine(0..3, 0..1), None);
        assert_eq!(scorer.cosine(3..4, 0..1), None);
    }

    #[test]
    fn cost_prefers_translations_and_is_zero_without_evidence() {
        let (german, english, _, english_text) = pair();
        let german_text = Text::from_lines("A.\nB.\nC.");
        let scorer = EmbeddingScorer::new(german.clone(), english.clone())
            .unwrap()
            .for_document(&german_text, &english_text);
        let features = PairFeatures::new(&german_text, &english_text);
        let cost = |g, e| scorer.cost(&features, Candidate::from_ranges(g, e));
        let (right, wrong) = (cost(0..1, 0..1), cost(0..1, 1..2));
        assert!(right < 0.0 && right < wrong, "{right} vs {wrong}");
        assert_eq!(cost(0..1, 1..1), 0.0);
        assert_eq!(cost(0..0, 1..2), 0.0);
        assert_eq!(cost(0..3, 0..1), 0.0);
        assert_eq!(cost(7..9, 0..1), 0.0);
        assert!(scorer.lower_bound().unwrap() <= right);
    }

    #[test]
    fn blank_sentences_read_as_vecalign_writes_them() {
        let german = EmbeddingTable::from_bytes(
            "A.\nBLANK_LINE\nA. BLANK_LINE\n".as_bytes(),
            &matrix(&[&[1.0, 0.0], &[0.0, 1.0], &[1.0, 1.0]]),
            None,
        )
        .unwrap();
        let english = EmbeddingTable::from_bytes(b"a.\n", &matrix(&[&[1.0, 0.0]]), None).unwrap();
        let (german_text, english_text) =
            (Text::from_sentences(["A.", "  "]), Text::from_lines("a."));
        let scorer = EmbeddingScorer::new(german.clone(), english.clone())
            .unwrap()
            .for_document(&german_text, &english_text);
        assert_eq!(scorer.found_runs(), (3, 1));
    }

    #[test]
    fn embeddings_steer_the_alignment_of_each_document() {
        // Three German sentences, two English ones, all of the same length: whether the merge
        // comes first or second is for the embeddings to say.
        let german = EmbeddingTable::from_bytes(
            "A.\nB.\nC.\nA. B.\nB. C.\n".as_bytes(),
            &matrix(&[
                &[1.0, 0.0, 0.0],
                &[0.0, 1.0, 0.0],
                &[0.0, 0.0, 1.0],
                &[1.0, 1.0, 0.0],
                &[0.0, 1.0, 1.0],
            ]),
            None,
        )
        .unwrap();
        // One table for two documents of the same shape (3 and 2 sentences, the same byte
        // lengths): one aligner, and each document is steered by its own embeddings.
        let english = EmbeddingTable::from_bytes(
            b"a.\nb.\nx.\ny.\n",
            &matrix(&[
                &[1.0, 0.0, 0.0],
                &[0.0, 1.0, 1.0],
                &[1.0, 1.0, 0.0],
                &[0.0, 0.0, 1.0],
            ]),
            None,
        )
        .unwrap();
        let scorer = EmbeddingScorer::new(german, english).unwrap();
        let aligner = crate::Aligner::builder()
            .scorer(1.0, scorer)
            .build()
            .unwrap();
        for (english_text, expected) in [("a.\nb.", ["1-1", "2-1"]), ("x.\ny.", ["2-1", "1-1"])] {
            let german_text = Text::from_lines("A.\nB.\nC.");
            let english_text = Text::from_lines(english_text);
            let alignment = aligner.align_texts(german_text, english_text).unwrap();
            let shapes: Vec<String> = alignment.beads().map(|b| b.shape().to_string()).collect();
            assert_eq!(shapes, expected);
        }
    }
}

#[cfg(test)]
mod option_tests {
    use super::*;

    #[test]
    fn tables_of_different_dimensions_and_huge_runs_are_rejected() {
        let one = EmbeddingTable::from_bytes(b"a\n", &1.0f32.to_le_bytes(), None).unwrap();
        let two_bytes: Vec<u8> = [1.0f32, 0.0].iter().flat_map(|x| x.to_le_bytes()).collect();
        let two = EmbeddingTable::from_bytes(b"a\n", &two_bytes, None).unwrap();
        let err = EmbeddingScorer::new(one.clone(), two).unwrap_err();
        assert!(err.to_string().contains("dimension"), "{err}");
        for max_run in [0, 9, 1 << 40, usize::MAX] {
            let options = EmbeddingOptions {
                max_run,
                ..EmbeddingOptions::default()
            };
            let err = EmbeddingScorer::with_options(one.clone(), one.clone(), options).unwrap_err();
            assert!(err.to_string().contains("max_run"), "{err}");
        }
    }
}
