//! Python bindings of satzweise: the `satzweise` Python module.
//!
//! The classes and functions here convert between Python objects and the plain types of
//! [`engine`], the only module that uses the Rust library's API. Alignment runs with the GIL
//! released; [`align_batch`] aligns each chunk of its input in parallel on all cores.

#![deny(missing_docs)]

mod engine;

use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyTuple};

use engine::{BeadData, Doc, Engine, Item, Side};

create_exception!(
    satzweise,
    AlignmentError,
    PyValueError,
    "A document pair could not be aligned, or a configuration is not valid. The message is the library's."
);

/// The default aligner, built on first use.
fn default_engine() -> Arc<Engine> {
    static DEFAULT: OnceLock<Arc<Engine>> = OnceLock::new();
    Arc::clone(DEFAULT.get_or_init(|| Arc::new(Engine::new())))
}

/// Builds an engine from a Python config: `None` (the defaults) or a dict.
fn engine_from(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<Engine>> {
    let Some(config) = config.filter(|c| !c.is_none()) else {
        return Ok(default_engine());
    };
    if !config.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "config must be a dict or None, not {}",
            config.get_type().name()?
        )));
    }
    let json: String = py
        .import("json")?
        .call_method1("dumps", (config,))?
        .extract()?;
    Engine::from_json(&json)
        .map(Arc::new)
        .map_err(AlignmentError::new_err)
}

/// Parses a JSON string from the engine into Python objects.
fn from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// Reads one `(german, english)` pair from a Python object: a tuple or list of two strings.
fn extract_pair(item: &Bound<'_, PyAny>, presegmented: bool) -> PyResult<Item> {
    let is_pair = (item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>())
        && item.len().is_ok_and(|n| n == 2);
    let texts = if is_pair {
        (item.get_item(0)?, item.get_item(1)?)
    } else {
        return Err(not_a_pair(item));
    };
    if !texts.0.is_instance_of::<PyString>() || !texts.1.is_instance_of::<PyString>() {
        return Err(not_a_pair(item));
    }
    // A str that is not valid Unicode (a lone surrogate) raises UnicodeEncodeError here.
    Ok(Item {
        german: texts.0.extract()?,
        english: texts.1.extract()?,
        presegmented,
    })
}

fn not_a_pair(item: &Bound<'_, PyAny>) -> PyErr {
    PyTypeError::new_err(format!(
        "each document pair must be a tuple (german: str, english: str), not {}",
        describe(item)
    ))
}

fn describe(item: &Bound<'_, PyAny>) -> String {
    let type_name = item
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    match item.repr() {
        Ok(repr) => {
            let repr = repr.to_string();
            let short: String = repr.chars().take(60).collect();
            let ellipsis = if short.len() < repr.len() { "…" } else { "" };
            format!("{type_name} {short}{ellipsis}")
        }
        Err(_) => type_name,
    }
}

/// Maps byte offsets of `text` to Python string indices (code points).
fn char_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let char_index = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
    spans
        .iter()
        .map(|&(start, end)| (char_index(start), char_index(end)))
        .collect()
}

/// A sentence aligner, built once from a configuration and reused for any number of
/// documents (and from any number of threads).
///
/// `Aligner(config=None)`: `config` is a dict of the library's `AlignerConfig` fields (for
/// example `{"costs": {"skip_cost": 3.0}, "search": {"band_width": 4}}`); keys left out keep their
/// defaults, and an unknown key or a value of the wrong type raises `AlignmentError`.
#[pyclass(module = "satzweise", frozen, name = "Aligner")]
struct PyAligner {
    engine: Arc<Engine>,
}

#[pymethods]
impl PyAligner {
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(PyAligner {
            engine: engine_from(py, config)?,
        })
    }

    /// The configuration in force, as a dict (every field, defaults included).
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &self.engine.config_json())
    }

    /// Aligns `german` with `english` and returns an `Alignment`. With `presegmented=True`
    /// both texts hold one sentence per line; otherwise they are split into sentences.
    /// Raises `AlignmentError` when no alignment exists under the configured bead shapes.
    #[pyo3(signature = (german, english, presegmented=false))]
    fn align(
        &self,
        py: Python<'_>,
        german: String,
        english: String,
        presegmented: bool,
    ) -> PyResult<PyAlignment> {
        align_one(py, &self.engine, german, english, presegmented)
    }

    /// Aligns an iterable of `(german, english)` pairs on all cores and yields an
    /// `Alignment` for each, in input order. See `satzweise.align_batch`.
    #[pyo3(signature = (pairs, presegmented=false, chunk_size=None, on_error="raise"))]
    fn align_batch(
        &self,
        pairs: &Bound<'_, PyAny>,
        presegmented: bool,
        chunk_size: Option<usize>,
        on_error: &str,
    ) -> PyResult<AlignBatch> {
        AlignBatch::new(
            Arc::clone(&self.engine),
            pairs,
            presegmented,
            chunk_size,
            on_error,
        )
    }

    fn __repr__(&self) -> String {
        "satzweise.Aligner(...)".into()
    }
}

fn align_one(
    py: Python<'_>,
    engine: &Engine,
    german: String,
    english: String,
    presegmented: bool,
) -> PyResult<PyAlignment> {
    let item = Item {
        german,
        english,
        presegmented,
    };
    py.detach(|| engine.align(item))
        .map(PyAlignment::new)
        .map_err(AlignmentError::new_err)
}

/// One bead: a run of German sentences linked to a run of English sentences (either run may
/// be empty: an English sentence left out of the German is an omission, a German sentence
/// without English an addition).
#[pyclass(module = "satzweise", frozen, name = "Bead")]
struct PyBead {
    data: BeadData,
    /// The alignment the bead belongs to, for its sentences' texts.
    alignment: Py<PyAlignment>,
}

impl PyBead {
    fn text(&self, side: Side) -> String {
        self.alignment.get().doc.bead_text(&self.data, side)
    }
}

#[pymethods]
impl PyBead {
    /// Indices of the German sentences (possibly none).
    #[getter]
    fn german(&self) -> Vec<usize> {
        self.data.german.clone()
    }

    /// Indices of the English sentences (possibly none).
    #[getter]
    fn english(&self) -> Vec<usize> {
        self.data.english.clone()
    }

    /// The German sentences of the bead, joined by a space.
    #[getter]
    fn german_text(&self) -> String {
        self.text(Side::German)
    }

    /// The English sentences of the bead, joined by a space.
    #[getter]
    fn english_text(&self) -> String {
        self.text(Side::English)
    }

    /// The shape, `"<german count>-<english count>"`, e.g. `"1-2"`.
    #[getter]
    fn shape(&self) -> String {
        format!("{}-{}", self.data.shape.0, self.data.shape.1)
    }

    /// The search's cost of the bead (lower is better).
    #[getter]
    fn cost(&self) -> f64 {
        self.data.cost
    }

    /// The calibrated probability in [0, 1] that the bead is right.
    #[getter]
    fn confidence(&self) -> f64 {
        self.data.confidence
    }

    /// English sentences without German.
    #[getter]
    fn is_omission(&self) -> bool {
        self.data.german.is_empty()
    }

    /// German sentences without English.
    #[getter]
    fn is_addition(&self) -> bool {
        self.data.english.is_empty()
    }

    /// The bead as a dict: `german`, `english`, `german_text`, `english_text`, `shape`,
    /// `cost`, `confidence`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.data;
        let dict = PyDict::new(py);
        dict.set_item("german", &d.german)?;
        dict.set_item("english", &d.english)?;
        dict.set_item("german_text", self.text(Side::German))?;
        dict.set_item("english_text", self.text(Side::English))?;
        dict.set_item("shape", self.shape())?;
        dict.set_item("cost", d.cost)?;
        dict.set_item("confidence", d.confidence)?;
        Ok(dict)
    }

    /// Beads are equal when their indices, texts, cost and confidence are.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyBead>().is_ok_and(|other| {
            let other = other.get();
            self.data == other.data
                && self.text(Side::German) == other.text(Side::German)
                && self.text(Side::English) == other.text(Side::English)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Bead(german={:?}, english={:?}, shape='{}', confidence={:.3})",
            self.data.german,
            self.data.english,
            self.shape(),
            self.data.confidence
        )
    }
}

/// The alignment of a German text with its English reference: both texts, split into
/// sentences, and the beads that cover every sentence of both sides once, in order.
///
/// Iterating an `Alignment` yields its beads; `len()` is their number.
#[pyclass(module = "satzweise", frozen, name = "Alignment")]
struct PyAlignment {
    doc: Doc,
}

impl PyAlignment {
    fn new(doc: Doc) -> Self {
        PyAlignment { doc }
    }

    fn spans(&self, side: Side) -> Vec<(usize, usize)> {
        char_spans(self.doc.source(side), &self.doc.spans(side))
    }
}

#[pymethods]
impl PyAlignment {
    /// The beads, in order.
    #[getter]
    fn beads(slf: &Bound<'_, Self>) -> Vec<PyBead> {
        slf.get()
            .doc
            .beads()
            .into_iter()
            .map(|data| PyBead {
                data,
                alignment: slf.clone().unbind(),
            })
            .collect()
    }

    /// The German sentences, in order.
    #[getter]
    fn german(&self) -> Vec<&str> {
        self.doc.sentences(Side::German)
    }

    /// The English sentences, in order.
    #[getter]
    fn english(&self) -> Vec<&str> {
        self.doc.sentences(Side::English)
    }

    /// The German text as given.
    #[getter]
    fn german_source(&self) -> &str {
        self.doc.source(Side::German)
    }

    /// The English text as given.
    #[getter]
    fn english_source(&self) -> &str {
        self.doc.source(Side::English)
    }

    /// Where each German sentence sits in `german_source`, as `(start, end)` string indices:
    /// `german_source[start:end] == german[k]`.
    #[getter]
    fn german_spans(&self) -> Vec<(usize, usize)> {
        self.spans(Side::German)
    }

    /// Where each English sentence sits in `english_source`, as `(start, end)` string indices.
    #[getter]
    fn english_spans(&self) -> Vec<(usize, usize)> {
        self.spans(Side::English)
    }

    /// The beads linking sentences of both sides whose confidence is at least
    /// `min_confidence`, as `(german_text, english_text, confidence)` tuples.
    #[pyo3(signature = (min_confidence=0.0))]
    fn pairs(&self, min_confidence: f64) -> Vec<(String, String, f64)> {
        self.doc.pairs(min_confidence)
    }

    /// English sentences with no German counterpart, as `(english_index, text, confidence)`.
    fn omissions(&self) -> Vec<(usize, String, f64)> {
        self.doc.omissions()
    }

    /// German sentences with no English counterpart, as `(german_index, text, confidence)`.
    fn additions(&self) -> Vec<(usize, String, f64)> {
        self.doc.additions()
    }

    /// The translation-QA flags, one dict per flag: `bead` (the bead's index), `kind`
    /// (`number_mismatch`, `name_one_side`, `length_ratio`, `omission`, `addition`), `reason`
    /// (a sentence a reviewer can read) and the flag's own fields.
    #[getter]
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &self.doc.flags_json())
    }

    /// The verdict on the document pair, a dict: `parallel_score`, `coverage`,
    /// `mean_confidence`, `shapes`, `flags`, and more.
    #[getter]
    fn verdict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &self.doc.verdict_json())
    }

    /// The alignment as JSON, in the layout of the Rust library's serde output (the same as
    /// `cargo run --example quickstart -- --json`): both texts with their sentences and byte
    /// spans, and the beads. `indent=True` pretty-prints it.
    #[pyo3(signature = (indent=false))]
    fn to_json(&self, indent: bool) -> String {
        self.doc.to_json(indent)
    }

    fn __len__(&self) -> usize {
        self.doc.len()
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyIterator>> {
        let beads = PyList::new(slf.py(), Self::beads(slf))?;
        beads.try_iter()
    }

    fn __repr__(&self) -> String {
        format!(
            "Alignment({} German, {} English sentences, {} beads)",
            self.doc.sentences(Side::German).len(),
            self.doc.sentences(Side::English).len(),
            self.doc.len()
        )
    }
}

/// What happens to a document that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnError {
    /// Raise the exception from the iterator (the documents after it are not aligned).
    Raise,
    /// Yield the exception object in the document's place and go on.
    Return,
}

/// The result of one document of a batch.
enum Slot {
    Aligned(Doc),
    Failed(PyErr),
}

/// The iterator returned by `align_batch`: alignments in input order.
///
/// While Python consumes the results of one chunk, the next chunk is already being aligned
/// on a background thread (with all cores), so at most two chunks are held at a time.
#[pyclass(module = "satzweise", name = "AlignBatch")]
struct AlignBatch {
    engine: Arc<Engine>,
    source: Py<PyIterator>,
    presegmented: bool,
    chunk_size: usize,
    on_error: OnError,
    ready: VecDeque<Slot>,
    in_flight: Option<InFlight>,
    exhausted: bool,
    /// An exception raised by the input iterator, raised after the results before it.
    pending: Option<PyErr>,
}

/// A chunk read from the input and being aligned.
struct InFlight {
    /// Per input position: `None` for a pair being aligned (in order), or why it is not one.
    read: Vec<Option<PyErr>>,
    /// The alignment of the chunk's pairs, running on its own thread.
    handle: Option<std::thread::JoinHandle<Vec<Result<Doc, String>>>>,
}

impl AlignBatch {
    fn new(
        engine: Arc<Engine>,
        pairs: &Bound<'_, PyAny>,
        presegmented: bool,
        chunk_size: Option<usize>,
        on_error: &str,
    ) -> PyResult<Self> {
        let on_error = match on_error {
            "raise" => OnError::Raise,
            "return" => OnError::Return,
            other => {
                return Err(PyValueError::new_err(format!(
                    "on_error must be \"raise\" or \"return\", not {other:?}"
                )));
            }
        };
        let chunk_size = match chunk_size {
            Some(0) => return Err(PyValueError::new_err("chunk_size must be at least 1")),
            Some(n) => n,
            None => {
                64 * std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
            }
        };
        if pairs.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "pairs must be an iterable of (german, english) tuples, not a str",
            ));
        }
        Ok(AlignBatch {
            engine,
            source: pairs.try_iter()?.unbind(),
            presegmented,
            chunk_size,
            on_error,
            ready: VecDeque::new(),
            in_flight: None,
            exhausted: false,
            pending: None,
        })
    }

    /// Reads the next chunk of pairs (with the GIL) and starts aligning it on a background
    /// thread.
    fn start_next(&mut self, py: Python<'_>) {
        if self.exhausted {
            return;
        }
        let source = self.source.bind(py);
        let mut read = Vec::with_capacity(self.chunk_size);
        let mut items = Vec::with_capacity(self.chunk_size);
        while read.len() < self.chunk_size {
            match source.clone().next() {
                Some(Ok(item)) => match extract_pair(&item, self.presegmented) {
                    Ok(item) => {
                        items.push(item);
                        read.push(None);
                    }
                    Err(error) => read.push(Some(error)),
                },
                Some(Err(error)) => {
                    self.pending = Some(error);
                    self.exhausted = true;
                }
                None => self.exhausted = true,
            }
            if self.exhausted {
                break;
            }
        }
        if read.is_empty() {
            return;
        }
        let handle = (!items.is_empty()).then(|| {
            let engine = Arc::clone(&self.engine);
            std::thread::spawn(move || engine.align_many(items))
        });
        self.in_flight = Some(InFlight { read, handle });
    }

    /// Waits (without the GIL) for the chunk in flight and queues its results in order.
    fn finish(&mut self, py: Python<'_>, flight: InFlight) {
        let aligned = match flight.handle {
            None => Ok(Vec::new()),
            Some(handle) => py.detach(move || handle.join()),
        };
        let mut aligned = match aligned {
            Ok(aligned) => aligned.into_iter(),
            Err(_) => Vec::new().into_iter(),
        };
        for entry in flight.read {
            let slot = match entry {
                Some(error) => Slot::Failed(error),
                None => match aligned.next() {
                    Some(Ok(doc)) => Slot::Aligned(doc),
                    Some(Err(message)) => Slot::Failed(AlignmentError::new_err(message)),
                    None => Slot::Failed(AlignmentError::new_err(
                        "the alignment of this chunk stopped unexpectedly",
                    )),
                },
            };
            self.ready.push_back(slot);
        }
    }
}

#[pymethods]
impl AlignBatch {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(slot) = self.ready.pop_front() {
                return match slot {
                    Slot::Aligned(doc) => Ok(Some(Py::new(py, PyAlignment::new(doc))?.into_any())),
                    Slot::Failed(error) => match self.on_error {
                        OnError::Raise => Err(error),
                        OnError::Return => Ok(Some(error.into_value(py).into_any())),
                    },
                };
            }
            if let Some(flight) = self.in_flight.take() {
                self.finish(py, flight);
                // Align the next chunk while Python consumes this one.
                self.start_next(py);
                continue;
            }
            if !self.exhausted {
                self.start_next(py);
                if self.in_flight.is_some() {
                    continue;
                }
            }
            return match self.pending.take() {
                Some(error) => Err(error),
                None => Ok(None),
            };
        }
    }
}

/// Aligns `german` with `english` and returns an `Alignment`.
///
/// With `presegmented=True` both texts hold one sentence per line; otherwise they are split
/// into sentences. `config` is `None` (the defaults) or a dict of configuration fields (see
/// `Aligner`). Raises `AlignmentError` when the configuration is not valid or no alignment
/// exists under its bead shapes, `TypeError` when the texts are not strings.
#[pyfunction]
#[pyo3(signature = (german, english, presegmented=false, config=None))]
fn align(
    py: Python<'_>,
    german: String,
    english: String,
    presegmented: bool,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAlignment> {
    let engine = engine_from(py, config)?;
    align_one(py, &engine, german, english, presegmented)
}

/// Aligns an iterable of `(german, english)` pairs and yields an `Alignment` for each, in
/// input order.
///
/// The input is read `chunk_size` pairs at a time (by default 64 per core); each chunk is
/// aligned in parallel on all cores with the GIL released, the next one while Python consumes
/// the results of the last, so at most two chunks are held in memory. A pair that is not two
/// strings raises `TypeError`, a pair that cannot be aligned `AlignmentError`, at its place in
/// the output; with `on_error="return"` the exception object is yielded in its place instead
/// and the batch goes on. An exception raised by the input iterable is raised after the
/// results of the pairs before it.
#[pyfunction]
#[pyo3(signature = (pairs, presegmented=false, config=None, chunk_size=None, on_error="raise"))]
fn align_batch(
    py: Python<'_>,
    pairs: &Bound<'_, PyAny>,
    presegmented: bool,
    config: Option<&Bound<'_, PyAny>>,
    chunk_size: Option<usize>,
    on_error: &str,
) -> PyResult<AlignBatch> {
    let engine = engine_from(py, config)?;
    AlignBatch::new(engine, pairs, presegmented, chunk_size, on_error)
}

/// Sentence alignment of German text with its English reference: typed beads, calibrated
/// confidence, QA flags.
#[pymodule]
#[pyo3(name = "satzweise")]
fn satzweise_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAligner>()?;
    m.add_class::<PyAlignment>()?;
    m.add_class::<PyBead>()?;
    m.add_class::<AlignBatch>()?;
    m.add_function(wrap_pyfunction!(align, m)?)?;
    m.add_function(wrap_pyfunction!(align_batch, m)?)?;
    m.add("AlignmentError", m.py().get_type::<AlignmentError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
