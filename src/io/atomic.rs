//! Files that appear complete or not at all.
//!
//! An [`AtomicFile`] writes to a temporary file beside its target (same folder, so the final
//! rename stays on one file system) and renames it over the target only on
//! [`commit`](AtomicFile::commit). A failed or abandoned write (full disk, an error half way,
//! a panic) removes the temporary file and leaves any earlier file at the target untouched.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written that replaces its target only when complete.
///
/// ```
/// use std::io::Write;
/// let dir = std::env::temp_dir().join(format!("satzweise-doc-atomic-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let target = dir.join("out.txt");
/// let mut file = satzweise::io::AtomicFile::create(&target)?;
/// writeln!(file, "complete")?;
/// assert!(!target.exists()); // nothing at the target until the commit
/// file.commit()?;
/// assert_eq!(std::fs::read_to_string(&target)?, "complete\n");
///
/// let mut abandoned = satzweise::io::AtomicFile::create(dir.join("never.txt"))?;
/// writeln!(abandoned, "half")?;
/// drop(abandoned); // not committed: no file, no temporary left behind
/// assert_eq!(std::fs::read_dir(&dir)?.count(), 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates a temporary file beside `target` (named `.NAME.PID.N.tmp`); fails, naming
    /// `target`, if the folder cannot be written.
    pub fn create(target: impl AsRef<Path>) -> Result<AtomicFile> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let target = target.as_ref().to_path_buf();
        let name = target
            .file_name()
            .ok_or_else(|| Error::invalid(format!("{}: not a file name", target.display())))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(
            ".{}.{}.tmp",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let temporary = target.with_file_name(temporary_name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .map_err(|e| Error::io(&target, e))?;
        Ok(AtomicFile {
            target,
            temporary,
            writer: Some(BufWriter::new(file)),
        })
    }

    /// The path the file appears at on [`commit`](AtomicFile::commit).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes the data to disk and renames the temporary file over the target.
    pub fn commit(mut self) -> Result<()> {
        self.finish()?;
        std::fs::rename(&self.temporary, &self.target).map_err(|e| Error::io(&self.target, e))
    }

    /// Commits every file, or none: the data of all are flushed before the first rename, and
    /// if a rename fails, the targets renamed before it are removed again.
    pub fn commit_all(files: Vec<AtomicFile>) -> Result<()> {
        let mut files = files;
        for file in &mut files {
            file.finish()?;
        }
        let mut done: Vec<PathBuf> = Vec::with_capacity(files.len());
        for file in &files {
            if let Err(error) = std::fs::rename(&file.temporary, &file.target) {
                for target in &done {
                    let _ = std::fs::remove_file(target);
                }
                return Err(Error::io(&file.target, error));
            }
            done.push(file.target.clone());
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        let writer = self.writer.take().ok_or_else(|| {
            Error::invalid(format!("{}: already committed", self.target.display()))
        })?;
        let file = writer
            .into_inner()
            .map_err(|e| Error::io(&self.target, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&self.target, e))
    }

    fn writer(&mut self) -> std::io::Result<&mut BufWriter<File>> {
        self.writer
            .as_mut()
            .ok_or_else(|| std::io::Error::other("the file is already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.writer()?.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Whether committed (the rename moved it) or abandoned: no temporary file stays.
        self.writer = None;
        let _ = std::fs::remove_file(&self.temporary);
    }
}
