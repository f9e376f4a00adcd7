//! The walk: folders depth-first, each folder's entries sorted by name, hidden
//! entries and unsupported formats skipped and counted, links to folders
//! followed only on request and never back into a folder being walked.
//!
//! Only regular files are read: a FIFO, socket or device met in a folder (or
//! a link to one) is skipped and counted, so nothing can make the walk wait.
//! Folders are known by device and inode, not by a resolved path, so the
//! work per folder does not grow with its depth, and the walk keeps its own
//! stack rather than recursing, so depth costs no thread stack. Following
//! links, the walk visits every folder and reads every file once, however
//! many links lead to it.

use std::ffi::OsString;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;

use rustc_hash::FxHashSet;

use super::{CHUNK, FileList, Inputs, Job, Progress, Skipped, Work, chunk_size};
use crate::extract::{InputError, InputErrorKind, InputFormat};

/// File name extensions (lowercase, without the dot) of the formats a folder
/// walk picks up: those [`crate::extract`] reads ([`crate::extract::EXTENSIONS`]).
pub const SUPPORTED_EXTENSIONS: &[&str] = crate::extract::EXTENSIONS;

/// The longest line of a `--files-from` list, in bytes: Linux's `PATH_MAX`,
/// beyond which no path can be opened. A longer line, or a NUL byte, ends
/// the list with an error: it is no list of paths (`/dev/zero`, say).
pub const MAX_LIST_LINE_BYTES: usize = 4096;

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

/// A file or folder as the system knows it: device and inode.
type FileId = (u64, u64);

fn file_id(metadata: &fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (metadata.dev(), metadata.ino())
    }
    #[cfg(not(unix))]
    {
        // No inodes: loops are then caught by the walk's depth alone.
        let _ = metadata;
        (0, 0)
    }
}

/// A folder being walked: its path, its id, its entries still to see.
struct Level {
    folder: PathBuf,
    id: FileId,
    entries: std::vec::IntoIter<(OsString, EntryKind)>,
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
    /// Following links: every folder and file met so far, each to be seen once.
    seen: FxHashSet<FileId>,
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
            seen: FxHashSet::default(),
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
        let mut number = 0u64;
        loop {
            if reader.buffer().is_empty() {
                // The next read may wait (a slow `find`): hand over what we have.
                self.flush()?;
            }
            line.clear();
            number += 1;
            let limit = MAX_LIST_LINE_BYTES as u64 + 1;
            match (&mut reader).take(limit).read_until(b'\n', &mut line) {
                Ok(0) => return Ok(()),
                Ok(_) => {}
                Err(err) => return self.fail(&origin, &err.to_string()),
            }
            let entry = line.strip_suffix(b"\n").unwrap_or(&line);
            let entry = entry.strip_suffix(b"\r").unwrap_or(entry);
            let problem = if entry.len() > MAX_LIST_LINE_BYTES {
                Some(format!("longer than {MAX_LIST_LINE_BYTES} bytes"))
            } else if memchr::memchr(0, entry).is_some() {
                Some("holds a NUL byte".to_string())
            } else {
                None
            };
            if let Some(problem) = problem {
                // No list of paths: stop reading it rather than guess.
                return self.fail(
                    &origin,
                    &format!("line {number} {problem}: not a list of paths, one a line"),
                );
            }
            if entry.is_empty() {
                continue;
            }
            self.walk_root(path_from_bytes(entry))?;
        }
    }

    /// A path given by name: a folder is walked, anything else is read (and
    /// refused there if it is no regular file).
    fn walk_root(&mut self, path: PathBuf) -> Result<(), Stopped> {
        match fs::metadata(&path) {
            Ok(metadata) if metadata.is_dir() => self.walk_tree(path, file_id(&metadata)),
            _ => self.send(Work::Read(path)),
        }
    }

    /// Walks the folder `root` and everything under it, depth-first.
    fn walk_tree(&mut self, root: PathBuf, id: FileId) -> Result<(), Stopped> {
        let mut stack: Vec<Level> = Vec::new();
        // The folders on the stack: a link back to one is a loop.
        let mut ancestors: FxHashSet<FileId> = FxHashSet::default();
        self.enter(&mut stack, &mut ancestors, root, id)?;
        while let Some(level) = stack.last_mut() {
            if self.stop.load(Ordering::Relaxed) {
                return Err(Stopped);
            }
            let Some((name, kind)) = level.entries.next() else {
                if let Some(done) = stack.pop() {
                    ancestors.remove(&done.id);
                }
                // A folder is done: its documents need not wait for the next folder's.
                self.flush()?;
                continue;
            };
            if is_hidden(&name) {
                self.skipped.hidden += 1;
                continue;
            }
            let path = level.folder.join(&name);
            match kind {
                EntryKind::Folder => match fs::metadata(&path) {
                    Ok(metadata) => {
                        self.enter(&mut stack, &mut ancestors, path, file_id(&metadata))?;
                    }
                    Err(err) => self.fail(&path.to_string_lossy(), &err.to_string())?,
                },
                EntryKind::Link => match fs::metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        if self.follow_links {
                            self.enter(&mut stack, &mut ancestors, path, file_id(&target))?;
                        } else {
                            self.skipped.other += 1;
                        }
                    }
                    Ok(target) if target.is_file() => self.file(path, Some(&target))?,
                    // A link to a FIFO, socket or device.
                    Ok(_) => self.skipped.other += 1,
                    // A dangling link: reading it tells.
                    Err(_) => self.file(path, None)?,
                },
                EntryKind::File => self.file(path, None)?,
                EntryKind::Other => self.skipped.other += 1,
            }
        }
        Ok(())
    }

    /// Starts walking `folder` (with id `id`), unless it is being walked
    /// already (a loop) or, following links, was walked before.
    fn enter(
        &mut self,
        stack: &mut Vec<Level>,
        ancestors: &mut FxHashSet<FileId>,
        folder: PathBuf,
        id: FileId,
    ) -> Result<(), Stopped> {
        if ancestors.contains(&id) || (self.follow_links && !self.seen.insert(id)) {
            self.skipped.other += 1;
            return Ok(());
        }
        let mut entries = match list_folder(&folder) {
            Ok(entries) => entries,
            Err(err) => return self.fail(&folder.to_string_lossy(), &err.to_string()),
        };
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        ancestors.insert(id);
        stack.push(Level {
            folder,
            id,
            entries: entries.into_iter(),
        });
        Ok(())
    }

    /// A file met in a folder (`metadata`: its link's target's, if known).
    /// Following links, a file already read is passed over.
    fn file(&mut self, path: PathBuf, metadata: Option<&fs::Metadata>) -> Result<(), Stopped> {
        if !is_supported_path(&path) {
            self.skipped.unsupported += 1;
            return Ok(());
        }
        if self.follow_links {
            let id = match metadata {
                Some(metadata) => Some(file_id(metadata)),
                None => fs::metadata(&path).ok().map(|metadata| file_id(&metadata)),
            };
            if id.is_some_and(|id| !self.seen.insert(id)) {
                self.skipped.other += 1;
                return Ok(());
            }
        }
        self.send(Work::Read(path))
    }

    fn fail(&mut self, path: &str, detail: &str) -> Result<(), Stopped> {
        self.send(Work::Fail(InputError {
            path: path.to_string(),
            kind: InputErrorKind::Unreadable {
                detail: detail.to_string(),
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
    match InputFormat::from_extension(&path.to_string_lossy()) {
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
