//! The walk: folders depth-first, each folder's entries sorted by name, hidden
//! entries and unsupported formats skipped and counted, links to folders
//! followed only on request and never back into a folder being walked.

use std::ffi::OsString;
use std::fs;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;

use super::{CHUNK, FileList, Inputs, Job, Progress, Skipped, Work, chunk_size};
use crate::extract::{InputError, InputErrorKind, InputFormat};

/// File name extensions (lowercase, without the dot) of the formats a folder
/// walk picks up: those [`crate::extract`] reads ([`crate::extract::EXTENSIONS`]).
pub const SUPPORTED_EXTENSIONS: &[&str] = crate::extract::EXTENSIONS;

/// True when a folder walk should score the file at `path`: its extension,
/// compared case-insensitively, is one of [`SUPPORTED_EXTENSIONS`].
///
/// This is the one place that decides which files a batch picks up; files
/// named explicitly (on the command line or in `--files-from`) are read
/// whatever their name.
pub fn is_supported_path(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            SUPPORTED_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
        })
}

/// True for a hidden file or folder: its name starts with `.`.
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Lists the documents, numbering them in walk order.
pub(super) struct Walker<'a> {
    tx: SyncSender<Vec<Job>>,
    chunk: Vec<Job>,
    /// The [`cost`] of the jobs in `chunk`.
    chunk_cost: usize,
    next: u64,
    skipped: Skipped,
    follow_links: bool,
    stop: &'a AtomicBool,
    progress: &'a dyn Progress,
}

/// The walk stops: the receiving side is gone.
struct Stopped;

impl<'a> Walker<'a> {
    pub(super) fn new(
        tx: SyncSender<Vec<Job>>,
        follow_links: bool,
        stop: &'a AtomicBool,
        progress: &'a dyn Progress,
    ) -> Self {
        Walker {
            tx,
            chunk: Vec::with_capacity(CHUNK),
            chunk_cost: 0,
            next: 0,
            skipped: Skipped::default(),
            follow_links,
            stop,
            progress,
        }
    }

    /// Walks everything (or until the receiving side is gone) and tells
    /// what was skipped.
    pub(super) fn walk(mut self, inputs: Inputs) -> Skipped {
        let _ = self.walk_all(inputs).and_then(|()| self.flush());
        self.skipped
    }

    fn walk_all(&mut self, inputs: Inputs) -> Result<(), Stopped> {
        for path in inputs.paths {
            self.walk_root(path)?;
        }
        let Some(FileList { mut reader, origin }) = inputs.list else {
            return Ok(());
        };
        let mut line = Vec::new();
        loop {
            if reader.buffer().is_empty() {
                // The next read may wait (a slow `find`): hand over what we have.
                self.flush()?;
            }
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return Ok(()),
                Ok(_) => {}
                Err(err) => return self.fail(&origin, &err),
            }
            let entry = line.strip_suffix(b"\n").unwrap_or(&line);
            let entry = entry.strip_suffix(b"\r").unwrap_or(entry);
            if entry.is_empty() {
                continue;
            }
            self.walk_root(path_from_bytes(entry))?;
        }
    }

    /// A path given by name: a folder is walked, anything else is read.
    fn walk_root(&mut self, path: PathBuf) -> Result<(), Stopped> {
        if fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            let mut ancestors = Vec::new();
            self.walk_folder(&path, &mut ancestors)
        } else {
            self.send(Work::Read(path))
        }
    }

    fn walk_folder(&mut self, folder: &Path, ancestors: &mut Vec<PathBuf>) -> Result<(), Stopped> {
        let canonical = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        if ancestors.contains(&canonical) {
            self.skipped.other += 1;
            return Ok(());
        }
        let mut entries = match list_folder(folder) {
            Ok(entries) => entries,
            Err(err) => return self.fail(&folder.display().to_string(), &err),
        };
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        ancestors.push(canonical);
        for (name, kind) in entries {
            if self.stop.load(Ordering::Relaxed) {
                return Err(Stopped);
            }
            let path = folder.join(&name);
            if is_hidden(&name) {
                self.skipped.hidden += 1;
                continue;
            }
            match kind {
                EntryKind::Folder => self.walk_folder(&path, ancestors)?,
                EntryKind::Link => match fs::metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        if self.follow_links {
                            self.walk_folder(&path, ancestors)?;
                        } else {
                            self.skipped.other += 1;
                        }
                    }
                    // A link to a file, or a dangling link: reading it tells.
                    _ => self.file(path)?,
                },
                EntryKind::File => self.file(path)?,
                EntryKind::Other => self.skipped.other += 1,
            }
        }
        ancestors.pop();
        // A folder is done: its documents need not wait for the next folder's.
        self.flush()
    }

    fn file(&mut self, path: PathBuf) -> Result<(), Stopped> {
        if is_supported_path(&path) {
            self.send(Work::Read(path))
        } else {
            self.skipped.unsupported += 1;
            Ok(())
        }
    }

    fn fail(&mut self, path: &str, err: &io::Error) -> Result<(), Stopped> {
        self.send(Work::Fail(InputError {
            path: path.to_string(),
            kind: InputErrorKind::Unreadable {
                detail: err.to_string(),
            },
        }))
    }

    fn send(&mut self, work: Work) -> Result<(), Stopped> {
        self.progress.found();
        self.chunk_cost += match &work {
            Work::Read(path) => cost(path),
            Work::Fail(_) => 1,
        };
        self.chunk.push(Job {
            index: self.next,
            work,
        });
        self.next += 1;
        if self.chunk_cost >= chunk_size(self.next) {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Stopped> {
        if self.chunk.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
        self.chunk_cost = 0;
        self.tx.send(chunk).map_err(|_| Stopped)
    }
}

/// What reading a document costs, in places of a chunk: one for the text
/// formats, which take tens of microseconds; a whole chunk for PDF, DOCX and
/// ODT, which take milliseconds to unpack, so that one of those never keeps
/// others waiting behind it in a chunk while another worker is idle.
fn cost(path: &Path) -> usize {
    match path.to_str().and_then(InputFormat::from_extension) {
        Some(InputFormat::Pdf | InputFormat::Docx | InputFormat::Odt) => CHUNK,
        _ => 1,
    }
}

#[derive(Clone, Copy)]
enum EntryKind {
    File,
    Folder,
    Link,
    Other,
}

/// A folder's entries: names and kinds, links not followed.
fn list_folder(folder: &Path) -> io::Result<Vec<(OsString, EntryKind)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let file_type = entry.file_type()?;
        let kind = if file_type.is_symlink() {
            EntryKind::Link
        } else if file_type.is_dir() {
            EntryKind::Folder
        } else if file_type.is_file() {
            EntryKind::File
        } else {
            EntryKind::Other
        };
        entries.push((entry.file_name(), kind));
    }
    Ok(entries)
}

/// A path from a line of `--files-from`: raw bytes on Unix, UTF-8 elsewhere.
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_paths_go_by_extension_case_insensitively() {
        let cases = [
            ("a/resume.txt", true),
            ("resume.MD", true),
            ("notes.markdown", true),
            ("cv.Text", true),
            ("photo.png", false),
            ("README", false),
            ("archive.txt.gz", false),
            (".txt", false),
        ];
        for (path, expected) in cases {
            assert_eq!(is_supported_path(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn documents_that_take_unpacking_travel_alone() {
        for (path, alone) in [
            ("a/cv.pdf", true),
            ("a/cv.DOCX", true),
            ("cv.odt", true),
            ("cv.txt", false),
            ("cv.md", false),
            ("cv.html", false),
            ("cv", false),
        ] {
            assert_eq!(
                cost(Path::new(path)) >= chunk_size(u64::MAX),
                alone,
                "{path}"
            );
        }
    }

    #[test]
    fn hidden_names_start_with_a_dot() {
        assert!(is_hidden(std::ffi::OsStr::new(".git")));
        assert!(!is_hidden(std::ffi::OsStr::new("a.txt")));
    }
}
