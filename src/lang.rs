//! Languages the crate has rules for.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// A language whose text satzweise can segment and score.
///
/// The language of a text is always chosen by the caller, never guessed. Languages without
/// rules of their own still align when their text comes already split into sentences:
/// [`Lang::Other`] segments with language-neutral rules only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Lang {
    /// German.
    #[default]
    De,
    /// English.
    En,
    /// French (language-neutral segmentation with French abbreviations).
    Fr,
    /// Any other language: language-neutral rules only.
    Other,
}

impl Lang {
    /// The ISO 639-1 code, or `"xx"` for [`Lang::Other`].
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Other => "xx",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Parses an ISO 639-1 code (`de`, `en`, `fr`) or `xx`/`other`.
    fn from_str(s: &str) -> Result<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" | "german" => Ok(Lang::De),
            "en" | "eng" | "english" => Ok(Lang::En),
            "fr" | "fra" | "fre" | "french" => Ok(Lang::Fr),
            "xx" | "other" => Ok(Lang::Other),
            _ => Err(Error::config(format!(
                "unknown language {s:?} (expected de, en, fr or xx)"
            ))),
        }
    }
}
