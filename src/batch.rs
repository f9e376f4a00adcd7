//! Batch scoring: walking folders, scoring documents in parallel, and handing
//! the results back in a stable order.
//!
//! Three kinds of thread, joined by two bounded channels:
//!
//! 1. one *walker* lists the inputs lazily (folders depth-first, each folder's
//!    entries sorted by name) and numbers every document it finds;
//! 2. `jobs` *workers* read, match and score documents, each with its own
//!    [`Scratch`], and turn each result into a small value with the caller's
//!    `render` function (a table row, a CSV or JSON line), so no document or
//!    full [`crate::score::DocumentScore`] outlives its worker's turn;
//! 3. the calling thread puts results back in walk order with a reorder buffer
//!    (as fd's `ReceiverBuffer` does) and passes each to a [`Sink`] as soon as
//!    every earlier one is done.
//!
//! So the output is the same bytes whatever the thread count, memory holds only
//! what is in flight, and a slow document delays the records after it but no
//! work. Nothing here prints: progress goes through [`Progress`].
//!
//! What is read: the files given by name (whatever their name), and under the
//! folders given, every file that [`is_supported_path`] accepts and that is not
//! hidden (a name starting with `.`; hidden folders are not entered). Symbolic
//! links to files are read; links to folders are followed only with
//! [`BatchOptions::follow_links`], and a link back to a folder being walked is
//! skipped, so a loop cannot hang the walk.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};

use crate::extract::{ExtractOptions, InputError, InputErrorKind, read_document};
use crate::matching::{DocumentMatches, Matcher, Scratch};
use crate::score::{DocumentScore, LEVEL_THRESHOLD, inline_ignores, percent, score_document};
use crate::sets::SetKind;

/// File name extensions (lowercase, without the dot) of the formats a folder
/// walk picks up. Keep in step with what [`crate::extract`] reads.
pub const SUPPORTED_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

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

/// Where the documents come from: paths, then a list of more.
pub struct Inputs {
    /// Files and folders, in the order given.
    pub paths: Vec<PathBuf>,
    /// Files and folders listed one a line (as by `find`), walked after `paths`.
    pub list: Option<FileList>,
}

/// A list of paths, one a line; empty lines are skipped, a `\r` before the
/// `\n` is dropped.
pub struct FileList {
    reader: BufReader<Box<dyn Read + Send>>,
    origin: String,
}

impl FileList {
    /// A list read from `reader`; `origin` names it in errors (`-` for
    /// standard input).
    pub fn new(reader: Box<dyn Read + Send>, origin: String) -> Self {
        FileList {
            reader: BufReader::new(reader),
            origin,
        }
    }
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads.
    pub jobs: NonZeroUsize,
    /// Walk into symbolic links to folders (links back to a folder being
    /// walked are still skipped).
    pub follow_links: bool,
    /// How documents are read.
    pub extract: ExtractOptions,
    /// Term names left out of every set (the configuration's `ignore`).
    pub ignore: Vec<String>,
}

/// What became of one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It was read and scored.
    Scored(DocumentSummary),
    /// It could not be read.
    Failed(InputError),
}

/// The scores of one document, without the per-term evidence: what a batch
/// keeps and prints.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSummary {
    /// The path, as walked.
    pub path: String,
    /// Words in the document.
    pub words: usize,
    /// Bytes of text.
    pub bytes: usize,
    /// Overall fit, 0 to 100.
    pub fit: f64,
    /// Index into the matcher's sets of the best specialization.
    pub best_specialization: Option<usize>,
    /// Index into the matcher's sets of the estimated level.
    pub level: Option<usize>,
    /// One entry per set, in set order.
    pub sets: Vec<SetTally>,
}

/// How well a document covers one set, in numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetTally {
    /// Weighted coverage, 0 to 100.
    pub score: f64,
    /// Terms found.
    pub matched: usize,
    /// Terms in the set (less ignored ones).
    pub terms: usize,
}

impl DocumentSummary {
    /// The summary of a full score; `matcher` gives set indices.
    pub fn new(score: DocumentScore, bytes: usize, matcher: &Matcher) -> Self {
        let index_of = |id: Option<String>| {
            id.and_then(|id| matcher.sets().iter().position(|set| set.id == id))
        };
        DocumentSummary {
            sets: score
                .sets
                .iter()
                .map(|set| SetTally {
                    score: set.score,
                    matched: set.matched_count,
                    terms: set.term_count,
                })
                .collect(),
            best_specialization: index_of(score.best_specialization),
            level: index_of(score.level),
            path: score.path,
            words: score.words,
            bytes,
            fit: score.fit,
        }
    }
}

/// Scores documents into [`DocumentSummary`]s without building a full
/// [`DocumentScore`]: [`score_document`] copies every term's name into the
/// matched or missing list, which a batch then throws away, and that was a
/// sixth of a batch's time.
///
/// The numbers are the same as [`DocumentSummary::new`] of [`score_document`]
/// gives, bit for bit: the same terms left out, weights summed in the same
/// order (heaviest first, then set order), the same rules for the best
/// specialization, level and fit (`tests/batch.rs` checks this on generated
/// resumes). A document with inline ignores (`rolefit: ignore …`) goes
/// through [`score_document`] itself.
pub struct Scorer<'m> {
    matcher: &'m Matcher,
    ignore: Vec<String>,
    plans: Vec<SetPlan>,
}

/// One set's terms as [`score_document`] walks them.
struct SetPlan {
    kind: SetKind,
    /// First term's index in [`DocumentMatches::terms`].
    offset: usize,
    /// (index in the set, weight) of the terms not ignored, heaviest first.
    order: Vec<(usize, f64)>,
}

impl<'m> Scorer<'m> {
    /// A scorer for `matcher`'s sets, leaving out the terms named in `ignore`.
    pub fn new(matcher: &'m Matcher, ignore: &[String]) -> Self {
        let plans = matcher
            .sets()
            .iter()
            .enumerate()
            .map(|(set_index, set)| {
                let mut order: Vec<(usize, f64)> = set
                    .terms
                    .iter()
                    .enumerate()
                    .filter(|(_, term)| {
                        !ignore
                            .iter()
                            .any(|name| name.eq_ignore_ascii_case(&term.name))
                    })
                    .map(|(index, term)| (index, term.weight))
                    .collect();
                order.sort_by(|a, b| b.1.total_cmp(&a.1));
                SetPlan {
                    kind: set.kind,
                    offset: matcher.term_ids(set_index).start,
                    order,
                }
            })
            .collect();
        Scorer {
            matcher,
            ignore: ignore.to_vec(),
            plans,
        }
    }

    /// The summary of a document of `text` (`bytes` long) at `path`.
    pub fn summarize(&self, path: &str, text: &str, matches: &DocumentMatches) -> DocumentSummary {
        let inline = inline_ignores(text);
        if !inline.is_empty() {
            let mut ignored = self.ignore.clone();
            ignored.extend(inline);
            let score = score_document(path, self.matcher, matches, &ignored);
            return DocumentSummary::new(score, text.len(), self.matcher);
        }
        let sets: Vec<SetTally> = self
            .plans
            .iter()
            .map(|plan| {
                let mut matched = 0;
                let (mut matched_weight, mut total_weight) = (0.0, 0.0);
                for &(index, weight) in &plan.order {
                    total_weight += weight;
                    let hits = &matches.terms[plan.offset + index];
                    if hits.how.is_some() && hits.count > 0 {
                        matched_weight += weight;
                        matched += 1;
                    }
                }
                SetTally {
                    score: percent(matched_weight, total_weight),
                    matched,
                    terms: plan.order.len(),
                }
            })
            .collect();
        let best_specialization = self.best_of(&sets, SetKind::Specialization);
        let level = self.level(&sets);
        let fit = self.fit(&sets, best_specialization);
        DocumentSummary {
            path: path.to_string(),
            words: matches.words,
            bytes: text.len(),
            fit,
            best_specialization,
            level,
            sets,
        }
    }

    /// The highest-scoring set of `kind` above 0, the first on a tie.
    fn best_of(&self, sets: &[SetTally], kind: SetKind) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (index, tally) in sets.iter().enumerate() {
            if self.plans[index].kind != kind || tally.score <= 0.0 {
                continue;
            }
            if best.is_none_or(|b| sets[b].score < tally.score) {
                best = Some(index);
            }
        }
        best
    }

    /// The most senior level at the threshold, else the best level.
    fn level(&self, sets: &[SetTally]) -> Option<usize> {
        (0..sets.len())
            .rev()
            .find(|&i| self.plans[i].kind == SetKind::Level && sets[i].score >= LEVEL_THRESHOLD)
            .or_else(|| self.best_of(sets, SetKind::Level))
    }

    /// The mean of the core score and the best specialization's (0 when
    /// there are specializations and none scores), else of every set.
    fn fit(&self, sets: &[SetTally], best_specialization: Option<usize>) -> f64 {
        let core = (0..sets.len())
            .find(|&i| self.plans[i].kind == SetKind::Core)
            .map(|i| sets[i].score);
        let specialization = best_specialization.map(|i| sets[i].score).or_else(|| {
            self.plans
                .iter()
                .any(|plan| plan.kind == SetKind::Specialization)
                .then_some(0.0)
        });
        let parts: Vec<f64> = match (core, specialization) {
            (None, None) => sets.iter().map(|s| s.score).collect(),
            (core, specialization) => core.into_iter().chain(specialization).collect(),
        };
        if parts.is_empty() {
            return 0.0;
        }
        (parts.iter().sum::<f64>() / parts.len() as f64 * 10.0).round() / 10.0
    }
}

/// Receives rendered results in walk order.
pub trait Sink<R> {
    /// Takes the next result.
    fn deliver(&mut self, record: R) -> io::Result<()>;
    /// Called before waiting for more results: a chance to flush.
    fn idle(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Hears about a batch's progress; called from several threads.
pub trait Progress: Sync {
    /// A document to read was found.
    fn found(&self) {}
    /// A document was scored or failed.
    fn done(&self) {}
}

/// A [`Progress`] that ignores everything.
pub struct NoProgress;

impl Progress for NoProgress {}

/// What a batch did, for the closing summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Documents scored.
    pub scored: u64,
    /// Documents that could not be read.
    pub failed: u64,
    /// Bytes of text scored.
    pub bytes: u64,
    /// What the walk passed over.
    pub skipped: Skipped,
}

/// Entries a folder walk passed over, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Hidden files and folders (a folder counts once).
    pub hidden: u64,
    /// Files of no supported format.
    pub unsupported: u64,
    /// Links to folders not followed (without `follow_links`), links back
    /// to a folder being walked, and entries that are neither files nor folders.
    pub other: u64,
}

impl Skipped {
    /// All skipped entries.
    pub fn total(&self) -> u64 {
        self.hidden + self.unsupported + self.other
    }
}

/// Jobs and results travel in chunks of up to this many, so threads wake once
/// per chunk rather than once per document.
const CHUNK: usize = 16;

/// One numbered piece of work from the walker.
struct Job {
    index: u64,
    work: Work,
}

enum Work {
    Read(PathBuf),
    Fail(InputError),
}

/// Scores every document of `inputs` with `options.jobs` workers. Each
/// outcome goes through `render` on a worker, then to `sink` on this thread,
/// in walk order. Stops early, returning the error, when the sink fails (a
/// closed pipe, say).
pub fn run<R: Send>(
    matcher: &Matcher,
    inputs: Inputs,
    options: &BatchOptions,
    progress: &dyn Progress,
    render: impl Fn(&Outcome) -> R + Sync,
    sink: &mut dyn Sink<R>,
) -> io::Result<Totals> {
    let jobs = options.jobs.get();
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::sync_channel::<Vec<Job>>(jobs * 4);
    let (result_tx, result_rx) = mpsc::sync_channel::<Vec<Done<R>>>(jobs * 4);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let scorer = Scorer::new(matcher, &options.ignore);
    std::thread::scope(|scope| {
        let walker = {
            let stop = &stop;
            scope.spawn(move || {
                let mut walker = Walker {
                    tx: job_tx,
                    chunk: Vec::with_capacity(CHUNK),
                    next: 0,
                    skipped: Skipped::default(),
                    follow_links: options.follow_links,
                    stop,
                    progress,
                };
                walker.walk_inputs(inputs);
                walker.skipped
            })
        };
        let scorer = &scorer;
        for _ in 0..jobs {
            let job_rx = Arc::clone(&job_rx);
            let result_tx = result_tx.clone();
            let render = &render;
            scope.spawn(move || work(scorer, options, &job_rx, &result_tx, render));
        }
        // Only the workers hold the ends now: when they stop, the walker's
        // sends fail and it stops too.
        drop(job_rx);
        drop(result_tx);
        let mut totals = Totals::default();
        let delivered = reorder(&result_rx, &mut totals, progress, sink);
        if delivered.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(result_rx);
        totals.skipped = walker.join().unwrap_or_default();
        delivered.map(|()| totals)
    })
}

/// What a worker tells the main thread besides the rendered record.
#[derive(Clone, Copy)]
enum Tally {
    Scored { bytes: usize },
    Failed,
}

/// A finished job: its index, its tally, its rendered record.
type Done<R> = (u64, Tally, R);

fn work<R>(
    scorer: &Scorer<'_>,
    options: &BatchOptions,
    jobs: &Mutex<Receiver<Vec<Job>>>,
    results: &SyncSender<Vec<Done<R>>>,
    render: &(impl Fn(&Outcome) -> R + Sync),
) {
    let mut scratch = Scratch::default();
    loop {
        let chunk = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(chunk) = chunk else {
            return;
        };
        let mut done = Vec::with_capacity(chunk.len());
        for Job { index, work } in chunk {
            let outcome = match work {
                Work::Read(path) => score_file(&path, scorer, options, &mut scratch),
                Work::Fail(err) => Outcome::Failed(err),
            };
            let tally = match &outcome {
                Outcome::Scored(summary) => Tally::Scored {
                    bytes: summary.bytes,
                },
                Outcome::Failed(_) => Tally::Failed,
            };
            done.push((index, tally, render(&outcome)));
        }
        if results.send(done).is_err() {
            return;
        }
    }
}

/// Reads, matches and scores one file.
pub fn score_file(
    path: &Path,
    scorer: &Scorer<'_>,
    options: &BatchOptions,
    scratch: &mut Scratch,
) -> Outcome {
    let Some(name) = path.to_str() else {
        return Outcome::Failed(InputError {
            path: path.to_string_lossy().into_owned(),
            kind: InputErrorKind::Unreadable {
                detail: "the path is not valid UTF-8".to_string(),
            },
        });
    };
    let document = match read_document(name, &options.extract) {
        Ok(document) => document,
        Err(err) => return Outcome::Failed(err),
    };
    let matches = scorer.matcher.count_with(&document.text, scratch);
    Outcome::Scored(scorer.summarize(&document.path, &document.text, &matches))
}

/// Delivers results in index order: a result that arrives early waits in
/// `pending` (slot `k` holds index `next + k`) until those before it are done.
fn reorder<R>(
    results: &Receiver<Vec<Done<R>>>,
    totals: &mut Totals,
    progress: &dyn Progress,
    sink: &mut dyn Sink<R>,
) -> io::Result<()> {
    let mut next = 0u64;
    let mut pending: VecDeque<Option<R>> = VecDeque::new();
    loop {
        let chunk = match results.try_recv() {
            Ok(chunk) => chunk,
            Err(TryRecvError::Empty) => {
                sink.idle()?;
                match results.recv() {
                    Ok(chunk) => chunk,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        for (index, tally, record) in chunk {
            progress.done();
            match tally {
                Tally::Scored { bytes } => {
                    totals.scored += 1;
                    totals.bytes += bytes as u64;
                }
                Tally::Failed => totals.failed += 1,
            }
            let slot = (index - next) as usize;
            if pending.len() <= slot {
                pending.resize_with(slot + 1, || None);
            }
            pending[slot] = Some(record);
        }
        while let Some(Some(_)) = pending.front() {
            if let Some(Some(record)) = pending.pop_front() {
                sink.deliver(record)?;
                next += 1;
            }
        }
    }
    sink.idle()
}

/// Lists the documents, numbering them in walk order.
struct Walker<'a> {
    tx: SyncSender<Vec<Job>>,
    chunk: Vec<Job>,
    next: u64,
    skipped: Skipped,
    follow_links: bool,
    stop: &'a AtomicBool,
    progress: &'a dyn Progress,
}

/// The walk stops: the receiving side is gone.
struct Stopped;

impl Walker<'_> {
    fn walk_inputs(&mut self, inputs: Inputs) {
        let _ = self.walk_all(inputs).and_then(|()| self.flush());
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
        self.chunk.push(Job {
            index: self.next,
            work,
        });
        self.next += 1;
        if self.chunk.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Stopped> {
        if self.chunk.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
        self.tx.send(chunk).map_err(|_| Stopped)
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
    fn hidden_names_start_with_a_dot() {
        assert!(is_hidden(std::ffi::OsStr::new(".git")));
        assert!(!is_hidden(std::ffi::OsStr::new("a.txt")));
    }

    struct Collect(Vec<u64>);

    impl Sink<u64> for Collect {
        fn deliver(&mut self, record: u64) -> io::Result<()> {
            self.0.push(record);
            Ok(())
        }
    }

    #[test]
    fn reorder_delivers_in_index_order() {
        let (tx, rx) = mpsc::sync_channel(16);
        for chunk in [vec![2u64, 0], vec![3], vec![1, 5, 4]] {
            tx.send(chunk.into_iter().map(|i| (i, Tally::Failed, i)).collect())
                .unwrap();
        }
        drop(tx);
        let mut sink = Collect(Vec::new());
        let mut totals = Totals::default();
        reorder(&rx, &mut totals, &NoProgress, &mut sink).unwrap();
        assert_eq!(sink.0, [0, 1, 2, 3, 4, 5]);
        assert_eq!(totals.failed, 6);
    }
}
