//! Reading text files: UTF-8 with the offset of the first bad byte, without a byte-order mark.

use std::io::BufRead;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// Decodes bytes as UTF-8, naming `path` and the offset of the first bad byte on failure.
///
/// A leading byte-order mark is kept: callers that want it gone strip it themselves.
pub fn decode_utf8(bytes: Vec<u8>, path: Option<&std::path::Path>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            path: path.map(|p| p.to_path_buf()),
            offset: e.utf8_error().valid_up_to(),
        })
    })
}

/// Reads a whole file as UTF-8 text, without a leading byte-order mark.
///
/// Errors name the file; invalid UTF-8 is reported with the byte offset of the first bad byte
/// (counted from the start of the file, byte-order mark included).
///
/// A byte-order mark (U+FEFF) at the very start of the file is removed, so that it does not
/// become part of the first sentence (as it would with [`Text::from_lines`]); byte spans of
/// the sentences are then offsets into the returned string, 3 bytes less than in the file.
/// Everything else, `\r\n` line ends included, is kept as is: [`Text::from_lines`] and the
/// segmenter both read `\r\n` as a line end.
///
/// [`Text::from_lines`]: crate::Text::from_lines
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("satzweise-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("article.de.txt");
/// std::fs::write(&path, "\u{feff}Erster Satz.\r\nZweiter.")?;
/// let text = satzweise::read_text_file(&path)?;
/// assert_eq!(text, "Erster Satz.\r\nZweiter.");
/// std::fs::write(&path, b"Gut\n\xffschlecht")?;
/// let err = satzweise::read_text_file(&path).unwrap_err();
/// assert!(err.to_string().ends_with("article.de.txt: invalid UTF-8 at byte offset 4"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_text_file(path: impl AsRef<std::path::Path>) -> Result<String> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let mut text = decode_utf8(bytes, Some(path))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The one line reader of the crate: calls `each` with every line of `reader`, its 1-based
/// number, the byte offset in the input where the given bytes start, and its bytes without the
/// line end and, on the first line, without a byte-order mark. A line ends at `\n`, `\r\n`
/// or a lone `\r` (old Mac files), as [`Text::from_lines`](crate::Text::from_lines) reads
/// them. Errors name `source`. Lines are bytes, so that each caller decides what invalid
/// UTF-8 means.
pub(crate) fn for_each_line(
    mut reader: impl BufRead,
    source: &Path,
    mut each: impl FnMut(usize, usize, &[u8]) -> Result<()>,
) -> Result<()> {
    let mut buffer = Vec::new();
    let (mut number, mut offset) = (0usize, 0usize);
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| Error::io(source, e))?;
        if read == 0 {
            return Ok(());
        }
        let mut line: &[u8] = &buffer;
        let mut start = offset;
        if let Some(rest) = line.strip_suffix(b"\n") {
            line = rest;
        }
        if let Some(rest) = line.strip_suffix(b"\r") {
            line = rest;
        }
        if number == 0
            && let Some(rest) = line.strip_prefix("\u{feff}".as_bytes())
        {
            line = rest;
            start += "\u{feff}".len();
        }
        offset += read;
        // A lone `\r` inside what `\n` ends: each part is a line of its own.
        while let Some(cr) = memchr::memchr(b'\r', line) {
            number += 1;
            each(number, start, &line[..cr])?;
            line = &line[cr + 1..];
            start += cr + 1;
        }
        number += 1;
        each(number, start, line)?;
    }
}

/// Reads all of `reader` as UTF-8 (byte offset of the first bad byte on failure), without a
/// leading byte-order mark; errors name `source`.
pub(crate) fn read_all(mut reader: impl BufRead, source: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(source, e))?;
    let mut text = decode_utf8(bytes, Some(source))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}
