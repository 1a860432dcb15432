//! Bead shapes: how many German and English sentences a bead links.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// The shape of a bead: `german` German sentences linked to `english` English sentences.
///
/// Written `1-2` (one German, two English); `1-0` is a German sentence with no English
/// counterpart (an addition), `0-1` an English sentence the German does not render (an
/// omission).
///
/// ```
/// use satzweise::BeadShape;
/// let shape: BeadShape = "1-2".parse()?;
/// assert_eq!(shape, BeadShape::new(1, 2));
/// assert_eq!(shape, BeadShape::ONE_TO_TWO);
/// assert_eq!(shape.to_string(), "1-2");
/// # Ok::<(), satzweise::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BeadShape {
    german: u8,
    english: u8,
}

impl BeadShape {
    /// One German sentence, one English sentence.
    pub const ONE_TO_ONE: BeadShape = BeadShape::new(1, 1);
    /// One German sentence rendered by two English ones.
    pub const ONE_TO_TWO: BeadShape = BeadShape::new(1, 2);
    /// Two German sentences rendered by one English one.
    pub const TWO_TO_ONE: BeadShape = BeadShape::new(2, 1);
    /// Two German sentences, two English ones.
    pub const TWO_TO_TWO: BeadShape = BeadShape::new(2, 2);
    /// A German sentence with no English counterpart (an addition).
    pub const ADDITION: BeadShape = BeadShape::new(1, 0);
    /// An English sentence the German does not render (an omission).
    pub const OMISSION: BeadShape = BeadShape::new(0, 1);

    /// A shape of `german` German and `english` English sentences.
    pub const fn new(german: u8, english: u8) -> Self {
        BeadShape { german, english }
    }

    /// Number of German sentences.
    pub const fn german(self) -> usize {
        self.german as usize
    }

    /// Number of English sentences.
    pub const fn english(self) -> usize {
        self.english as usize
    }

    /// Whether one side is empty (an addition or an omission).
    pub const fn is_skip(self) -> bool {
        self.german == 0 || self.english == 0
    }

    /// The shapes the aligner allows by default: 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4,
    /// 4-1, 2-3, 3-2, 1-5, 5-1 (the larger ones occur where lines are broken inside
    /// sentences, as in scanned books).
    pub fn defaults() -> Vec<BeadShape> {
        [
            (1, 1),
            (1, 0),
            (0, 1),
            (1, 2),
            (2, 1),
            (2, 2),
            (1, 3),
            (3, 1),
            (1, 4),
            (4, 1),
            (2, 3),
            (3, 2),
            (1, 5),
            (5, 1),
        ]
        .into_iter()
        .map(|(a, b)| BeadShape::new(a, b))
        .collect()
    }
}

impl fmt::Display for BeadShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.german, self.english)
    }
}

impl FromStr for BeadShape {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || Error::config(format!("bead shape {s:?} is not of the form 1-2"));
        let (a, b) = s.split_once('-').ok_or_else(bad)?;
        let a = a.trim().parse::<u8>().map_err(|_| bad())?;
        let b = b.trim().parse::<u8>().map_err(|_| bad())?;
        Ok(BeadShape::new(a, b))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for BeadShape {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for BeadShape {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
