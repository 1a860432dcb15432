//! Reading text files: UTF-8 with the offset of the first bad byte, without a byte-order mark.

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
