//! The one module of the binding that speaks the `satzweise` library's API.
//!
//! Everything else in this crate deals in the plain types defined here ([`Engine`], [`Doc`],
//! [`BeadData`], [`Item`]) and never names a library type, so that a change of the library's
//! public API is met here and nowhere else.

use satzweise::quality::Report;
use satzweise::{Aligner, AlignerConfig, Alignment, DocumentPair};
use serde_json::{Map, Value};

/// An aligner built once from a configuration and used for any number of documents, from
/// any number of threads.
#[derive(Debug)]
pub struct Engine {
    aligner: Aligner,
}

/// One document pair to align.
#[derive(Debug, Clone)]
pub struct Item {
    /// The German text.
    pub german: String,
    /// The English text.
    pub english: String,
    /// Both texts hold one sentence per line (otherwise they are split into sentences).
    pub presegmented: bool,
}

/// An aligned document pair.
#[derive(Debug)]
pub struct Doc {
    alignment: Alignment,
}

/// One bead, detached from its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct BeadData {
    /// Indices of the German sentences.
    pub german: Vec<usize>,
    /// Indices of the English sentences.
    pub english: Vec<usize>,
    /// The shape: German and English sentence counts.
    pub shape: (usize, usize),
    /// The search's cost of the bead.
    pub cost: f64,
    /// The calibrated confidence in `[0, 1]`.
    pub confidence: f64,
}

/// A side of a document pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first text.
    German,
    /// The second text, the reference.
    English,
}

impl Engine {
    /// The default aligner.
    pub fn new() -> Engine {
        Engine {
            aligner: Aligner::new(),
        }
    }

    /// An aligner from a configuration given as a JSON object; keys left out keep their
    /// defaults, unknown keys are an error.
    pub fn from_json(config: &str) -> Result<Engine, String> {
        let value: Value =
            serde_json::from_str(config).map_err(|e| format!("config is not JSON: {e}"))?;
        let defaults = serde_json::to_value(AlignerConfig::default()).map_err(|e| e.to_string())?;
        check_keys(&value, &defaults, "")?;
        let config: AlignerConfig =
            serde_json::from_value(value).map_err(|e| format!("invalid config: {e}"))?;
        let aligner = Aligner::from_config(config).map_err(|e| e.to_string())?;
        Ok(Engine { aligner })
    }

    /// The configuration in force, as a JSON object.
    pub fn config_json(&self) -> String {
        serde_json::to_string(self.aligner.config()).unwrap_or_else(|_| "{}".into())
    }

    /// Aligns one document pair.
    pub fn align(&self, item: Item) -> Result<Doc, String> {
        let aligned = if item.presegmented {
            self.aligner.align_lines(&item.german, &item.english)
        } else {
            self.aligner.align(&item.german, &item.english)
        };
        aligned
            .map(|alignment| Doc { alignment })
            .map_err(|e| e.to_string())
    }

    /// Aligns many document pairs in parallel on all cores; results in input order.
    pub fn align_many(&self, items: Vec<Item>) -> Vec<Result<Doc, String>> {
        let chunk = items.len().max(1);
        self.aligner
            .align_batch(items.into_iter().map(|item| ((), document(item))))
            .chunk_size(chunk)
            .map(|((), result)| {
                result
                    .map(|alignment| Doc { alignment })
                    .map_err(|e| e.to_string())
            })
            .collect()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

fn document(item: Item) -> DocumentPair {
    if item.presegmented {
        DocumentPair::lines(item.german, item.english)
    } else {
        DocumentPair::raw(item.german, item.english)
    }
}

/// Every key of `value` must be a key of `defaults`, at every level where both are objects.
fn check_keys(value: &Value, defaults: &Value, path: &str) -> Result<(), String> {
    let (Value::Object(given), Value::Object(known)) = (value, defaults) else {
        return match (value, defaults) {
            (Value::Object(_), _) | (_, Value::Object(_)) if path.is_empty() => {
                Err("config must be an object".into())
            }
            _ => Ok(()),
        };
    };
    for (key, inner) in given {
        let name = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match known.get(key) {
            Some(default) if is_struct(default) => check_keys(inner, default, &name)?,
            Some(_) => {}
            None => {
                let mut keys: Vec<&String> = known.keys().collect();
                keys.sort();
                let keys: Vec<&str> = keys.into_iter().map(String::as_str).collect();
                return Err(format!(
                    "unknown config key {name:?} (known keys here: {})",
                    keys.join(", ")
                ));
            }
        }
    }
    Ok(())
}

/// A nested configuration struct (an object whose keys are field names), not a map.
fn is_struct(value: &Value) -> bool {
    matches!(value, Value::Object(fields) if fields.keys().all(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_')))
}

impl Doc {
    /// The sentences of one side, in order.
    pub fn sentences(&self, side: Side) -> Vec<&str> {
        self.text(side).sentences().collect()
    }

    /// The source text of one side, as given.
    pub fn source(&self, side: Side) -> &str {
        self.text(side).as_str()
    }

    /// The byte span of every sentence of one side in its source.
    pub fn spans(&self, side: Side) -> Vec<(usize, usize)> {
        self.text(side).spans().map(|s| (s.start, s.end)).collect()
    }

    fn text(&self, side: Side) -> &satzweise::Text {
        match side {
            Side::German => self.alignment.german_text(),
            Side::English => self.alignment.english_text(),
        }
    }

    /// Number of beads.
    pub fn len(&self) -> usize {
        self.alignment.beads().len()
    }

    /// The beads, in order.
    pub fn beads(&self) -> Vec<BeadData> {
        self.alignment
            .beads()
            .map(|b| BeadData {
                german: b.german_indices().map(|i| i.get()).collect(),
                english: b.english_indices().map(|i| i.get()).collect(),
                shape: (b.shape().german(), b.shape().english()),
                cost: b.cost(),
                confidence: b.confidence(),
            })
            .collect()
    }

    /// The sentences of `bead` on one side, joined by a space.
    pub fn bead_text(&self, bead: &BeadData, side: Side) -> String {
        let (text, indices) = match side {
            Side::German => (self.alignment.german_text(), &bead.german),
            Side::English => (self.alignment.english_text(), &bead.english),
        };
        let sentences: Vec<&str> = indices.iter().filter_map(|&i| text.sentence(i)).collect();
        sentences.join(" ")
    }

    /// Beads linking sentences of both sides at or above `min_confidence`, as
    /// `(german text, english text, confidence)`.
    pub fn pairs(&self, min_confidence: f64) -> Vec<(String, String, f64)> {
        self.alignment
            .pairs()
            .filter(|p| p.confidence() >= min_confidence)
            .map(|p| {
                (
                    p.german_text().into_owned(),
                    p.english_text().into_owned(),
                    p.confidence(),
                )
            })
            .collect()
    }

    /// English sentences without German, as `(english index, text, confidence)`.
    pub fn omissions(&self) -> Vec<(usize, String, f64)> {
        self.alignment
            .omissions()
            .map(|o| (o.index().get(), o.text().to_owned(), o.confidence()))
            .collect()
    }

    /// German sentences without English, as `(german index, text, confidence)`.
    pub fn additions(&self) -> Vec<(usize, String, f64)> {
        self.alignment
            .additions()
            .map(|a| (a.index().get(), a.text().to_owned(), a.confidence()))
            .collect()
    }

    /// The QA flags as a JSON array: one object per flag with `bead` (its index), `kind`,
    /// `reason` and the flag's own fields.
    pub fn flags_json(&self) -> String {
        let report = Report::new(&self.alignment);
        let mut flags = Vec::new();
        for (k, checked) in report.beads().enumerate() {
            for flag in checked.flags() {
                let mut object = match serde_json::to_value(flag) {
                    Ok(Value::Object(object)) => object,
                    _ => Map::new(),
                };
                object.insert("bead".into(), Value::from(k));
                object.insert("reason".into(), Value::from(flag.reason()));
                flags.push(Value::Object(object));
            }
        }
        Value::Array(flags).to_string()
    }

    /// The document verdict as a JSON object.
    pub fn verdict_json(&self) -> String {
        serde_json::to_string(&Report::new(&self.alignment).verdict())
            .unwrap_or_else(|_| "{}".into())
    }

    /// The whole alignment as JSON, in the library's serde layout (both texts with their
    /// sentences and spans, and the beads).
    pub fn to_json(&self, pretty: bool) -> String {
        let json = if pretty {
            serde_json::to_string_pretty(&self.alignment)
        } else {
            serde_json::to_string(&self.alignment)
        };
        json.unwrap_or_else(|_| "{}".into())
    }
}
