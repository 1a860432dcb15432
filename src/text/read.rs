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
///
/// Lines are split in the reader's own buffer and given from there: only a line that the
/// buffer does not hold whole is copied (into one buffer, reused), so that reading costs
/// about what the bytes do, not an allocation or a copy per line.
pub(crate) fn for_each_line(
    mut reader: impl BufRead,
    source: &Path,
    each: impl FnMut(usize, usize, &[u8]) -> Result<()>,
) -> Result<()> {
    let mut lines = Lines { number: 0, each };
    // The start of a line that the last buffer did not end, and where in the input it starts.
    let mut carried: Vec<u8> = Vec::new();
    let mut line_start = 0usize;
    // The input offset of the buffer's first byte; whether the last buffer ended in `\r`
    // (a `\n` first in the next one belongs to it).
    let mut offset = 0usize;
    let mut after_cr = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(source, e)),
        };
        if buffer.is_empty() {
            break;
        }
        let mut pos = 0;
        if std::mem::take(&mut after_cr) && buffer[0] == b'\n' {
            pos = 1;
            line_start += 1;
        }
        while let Some(k) = memchr::memchr2(b'\n', b'\r', &buffer[pos..]) {
            let end = pos + k;
            if carried.is_empty() {
                lines.give(line_start, &buffer[pos..end])?;
            } else {
                carried.extend_from_slice(&buffer[pos..end]);
                lines.give(line_start, &carried)?;
                carried.clear();
            }
            pos = end + 1;
            if buffer[end] == b'\r' {
                match buffer.get(pos) {
                    Some(b'\n') => pos += 1,
                    Some(_) => {}
                    None => after_cr = true,
                }
            }
            line_start = offset + pos;
        }
        carried.extend_from_slice(&buffer[pos..]);
        let read = buffer.len();
        reader.consume(read);
        offset += read;
    }
    // The last line, when the input does not end with a line end.
    if !carried.is_empty() {
        lines.give(line_start, &carried)?;
    }
    Ok(())
}

/// The numbering of [`for_each_line`]'s lines, and the byte-order mark stripped off the first.
struct Lines<F> {
    number: usize,
    each: F,
}

impl<F: FnMut(usize, usize, &[u8]) -> Result<()>> Lines<F> {
    fn give(&mut self, mut start: usize, mut line: &[u8]) -> Result<()> {
        self.number += 1;
        if self.number == 1
            && let Some(rest) = line.strip_prefix("\u{feff}".as_bytes())
        {
            line = rest;
            start += "\u{feff}".len();
        }
        (self.each)(self.number, start, line)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines as the reader gave them before it split them in its buffer: a segment per
    /// `\n` (`read_until`), its `\n` and then a `\r` stripped, a byte-order mark off the first
    /// segment, and each lone `\r` inside a segment ending a line.
    fn reference(input: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
        let (mut out, mut number, mut offset) = (Vec::new(), 0, 0);
        for segment in input.split_inclusive(|&b| b == b'\n') {
            let mut line = segment.strip_suffix(b"\n").unwrap_or(segment);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            let mut start = offset;
            if number == 0
                && let Some(rest) = line.strip_prefix("\u{feff}".as_bytes())
            {
                line = rest;
                start += 3;
            }
            offset += segment.len();
            while let Some(cr) = line.iter().position(|&b| b == b'\r') {
                number += 1;
                out.push((number, start, line[..cr].to_vec()));
                line = &line[cr + 1..];
                start += cr + 1;
            }
            number += 1;
            out.push((number, start, line.to_vec()));
        }
        out
    }

    #[test]
    fn lines_split_in_the_buffer_match_the_line_by_line_reader_at_every_buffer_size() {
        let inputs: [&[u8]; 12] = [
            b"",
            b"\n",
            b"\r",
            b"\r\n",
            b"\xef\xbb\xbf",
            b"\xef\xbb\xbfa\r\nb\n\nc",
            b"\xef\xbb\xbf\rx",
            b"a\rb\r\r\nc\rd",
            b"a\r\r\n\n\r\rb\r",
            b"long line without an end but \xff bytes",
            b"x\xef\xbb\xbf\ny\r\n\r\n",
            b"\n\n\r\n\r\r\n\r\n\n\rend\n",
        ];
        for input in inputs {
            let expected = reference(input);
            for capacity in [1, 2, 3, 5, 64] {
                let mut seen = Vec::new();
                let reader = std::io::BufReader::with_capacity(capacity, input);
                for_each_line(reader, Path::new("x"), |number, start, line| {
                    seen.push((number, start, line.to_vec()));
                    Ok(())
                })
                .unwrap();
                assert_eq!(seen, expected, "{input:?} in buffers of {capacity}");
            }
        }
    }

    #[test]
    fn an_error_of_the_callback_stops_the_reading() {
        let mut calls = 0;
        let error = for_each_line(&b"a\nb\nc\n"[..], Path::new("x"), |number, _, _| {
            calls += 1;
            if number == 2 {
                Err(Error::invalid("stop"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
        assert_eq!(calls, 2);
        assert!(error.to_string().ends_with("stop"), "{error}");
    }
}
