//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

/// A specialized `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from satzweise: what went wrong is in [`Error::kind`].
///
/// The error is boxed so that `Result<T>` stays one pointer wide.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// The kinds of [`Error`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    Io {
        /// The file that could not be read or written (empty for standard streams).
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// Input bytes are not valid UTF-8.
    InvalidUtf8 {
        /// The file the bytes came from, when known.
        path: Option<PathBuf>,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A line of a bead file (`[0]:[0, 1]`) or another alignment format could not be parsed.
    Syntax {
        /// What was being read (a file name or a format name).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The aligner configuration is not valid.
    InvalidConfig(String),
    /// No alignment exists under the configured bead shapes (for example one side is empty and
    /// the shapes allow no `1-0` or `0-1` bead).
    NoAlignment {
        /// Number of German sentences.
        german: usize,
        /// Number of English sentences.
        english: usize,
    },
    /// A deserialized or constructed value breaks an invariant (for example beads that do not
    /// cover every sentence once, or a sentence span outside its text).
    Invalid(String),
}

impl Error {
    /// Creates an error of the given kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Unwraps the kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::new(ErrorKind::Io {
            path: path.into(),
            source,
        })
    }

    pub(crate) fn syntax(source_name: &str, line: usize, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Syntax {
            source_name: source_name.to_owned(),
            line,
            message: message.into(),
        })
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Invalid(message.into()))
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidConfig(message.into()))
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            // The cause's own message is `source()`'s to give, so that a printed chain says
            // it once; the kind says what failed in a word.
            ErrorKind::Io { path, source } if path.as_os_str().is_empty() => {
                write!(f, "I/O error: {}", source.kind())
            }
            ErrorKind::Io { path, source } => {
                write!(f, "{}: I/O error: {}", path.display(), source.kind())
            }
            ErrorKind::InvalidUtf8 {
                path: Some(path),
                offset,
            } => write!(
                f,
                "{}: invalid UTF-8 at byte offset {offset}",
                path.display()
            ),
            ErrorKind::InvalidUtf8 { path: None, offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Syntax {
                source_name,
                line,
                message,
            } => write!(f, "{source_name}:{line}: {message}"),
            ErrorKind::InvalidConfig(message) => {
                write!(f, "invalid aligner configuration: {message}")
            }
            ErrorKind::NoAlignment { german, english } => write!(
                f,
                "no alignment of {german} German with {english} English sentences exists under the configured bead shapes"
            ),
            ErrorKind::Invalid(message) => write!(f, "invalid alignment data: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
