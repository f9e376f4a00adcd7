//! Batch scoring: walking folders, scoring documents in parallel, and handing
//! the results back in a stable order.
//!
//! Three kinds of thread, joined by two bounded channels:
//!
//! 1. one *walker* lists the inputs lazily (folders depth-first, each folder's
//!    entries sorted by name) and numbers every document it finds;
//! 2. `jobs` *workers* read documents and hand each to an [`Evaluate`] (the
//!    [`Scorer`] for the keyword sets, or [`PostingScorer`] against one
//!    posting), each with its own [`Scratch`], and turn each result into a
//!    small value with the caller's `render` function (a table row, a CSV or
//!    JSON line), so no document or full [`crate::score::DocumentScore`]
//!    outlives its worker's turn;
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
//! hidden (a name starting with `.`; hidden folders are not entered). Only
//! regular files are read: FIFOs, sockets and devices in a folder are skipped
//! and counted, and one named explicitly is refused (`not-a-file`) without a
//! wait. Symbolic links to files are read; links to folders are followed only
//! with [`BatchOptions::follow_links`], a link back to a folder being walked
//! is skipped, so a loop cannot hang the walk, and following links every
//! folder and file is visited once (by device and inode).

mod posting;
mod scorer;
mod walk;

use std::collections::VecDeque;
use std::io::{self, BufReader, Read};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};

use crate::checks::CheckOutcome;
use crate::extract::{Document, ExtractOptions, InputError, Parsers, read_file_with};
use crate::level::Level;
use crate::matching::Scratch;
use crate::score;

pub use posting::{PostingMatch, PostingScorer};
pub use scorer::Scorer;
use walk::Walker;
pub use walk::{SUPPORTED_EXTENSIONS, is_hidden, is_supported_path};

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
    /// walked are still skipped, and each folder and file is seen once).
    pub follow_links: bool,
    /// How documents are read.
    pub extract: ExtractOptions,
    /// Where PDF, DOCX and ODT files are parsed (a pool of worker processes
    /// is shared by the threads: one worker each at most).
    pub parsers: Parsers,
}

/// What a batch does with each document it reads: score it against the sets
/// ([`Scorer`]) or compare it with a posting ([`PostingScorer`]). Called from
/// several threads at once, each with its own [`Scratch`].
pub trait Evaluate: Sync {
    /// What one document yields.
    type Output;
    /// Evaluates one document; an error marks it failed (as an unreadable
    /// file is).
    fn evaluate(
        &self,
        document: &Document,
        scratch: &mut Scratch,
    ) -> Result<Self::Output, InputError>;
}

/// What became of one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T = DocumentSummary> {
    /// It was read and scored.
    Scored(T),
    /// It could not be read (or was refused).
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
    /// Indices into the matcher's sets of the specializations close behind.
    pub close_specializations: Vec<usize>,
    /// The level.
    pub level: Level,
    /// One entry per set, in set order.
    pub sets: Vec<SetTally>,
    /// The outcomes of the checks that apply to it, in order (empty without
    /// checks).
    pub checks: Vec<CheckOutcome>,
}

pub use crate::score::SetTally;

impl DocumentSummary {
    /// The summary of a document's tally. It has no check outcomes.
    pub fn new(path: &str, words: usize, bytes: usize, tally: score::Tally) -> Self {
        DocumentSummary {
            path: path.to_string(),
            words,
            bytes,
            fit: tally.verdicts.fit,
            best_specialization: tally.verdicts.best_specialization,
            close_specializations: tally.verdicts.close_specializations,
            level: tally.level.level,
            sets: tally.sets,
            checks: Vec::new(),
        }
    }

    /// Whether a check failed.
    pub fn failed_checks(&self) -> bool {
        self.checks.iter().any(|check| !check.passed)
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
    /// Documents scored whose checks failed.
    pub check_failed: u64,
    /// Bytes of text scored.
    pub bytes: u64,
    /// What the walk passed over.
    pub skipped: Skipped,
}

impl Totals {
    /// Whether a document failed: unreadable, refused, or a failed check.
    pub fn any_failure(&self) -> bool {
        self.failed > 0 || self.check_failed > 0
    }
}

/// Entries a folder walk passed over, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Hidden files and folders (a folder counts once).
    pub hidden: u64,
    /// Files of no supported format.
    pub unsupported: u64,
    /// Links to folders not followed (without `follow_links`), links back
    /// to a folder being walked, entries that are neither regular files nor
    /// folders (FIFOs, sockets, devices, and links to them), and, following
    /// links, folders and files reached a second time.
    pub other: u64,
}

impl Skipped {
    /// All skipped entries.
    pub fn total(&self) -> u64 {
        self.hidden + self.unsupported + self.other
    }
}

/// Jobs and results travel in chunks of up to this many, so threads wake once
/// per chunk rather than once per document. Chunks start small and grow as the
/// walk goes on ([`chunk_size`]): the first documents of a batch spread over
/// every worker at once, and a large batch costs few wake-ups.
const CHUNK: usize = 64;

/// How many jobs the walker gathers before it sends them, once it has found
/// `found` documents: one at first, then a sixteenth of those found, up to
/// [`CHUNK`].
fn chunk_size(found: u64) -> usize {
    usize::try_from(found / 16).unwrap_or(CHUNK).clamp(1, CHUNK)
}

/// One numbered piece of work from the walker.
struct Job {
    index: u64,
    work: Work,
}

enum Work {
    Read(PathBuf),
    Fail(InputError),
}

/// Whether an outcome counts as a failed check in [`Totals::check_failed`].
pub trait CheckStatus {
    /// True when a check failed.
    fn failed_checks(&self) -> bool {
        false
    }
}

impl CheckStatus for DocumentSummary {
    fn failed_checks(&self) -> bool {
        DocumentSummary::failed_checks(self)
    }
}

/// Evaluates every document of `inputs` with `options.jobs` workers. Each
/// outcome goes through `render` on a worker, then to `sink` on this thread,
/// in walk order. Stops early, returning the error, when the sink fails (a
/// closed pipe, say).
pub fn run<E, R>(
    evaluator: &E,
    inputs: Inputs,
    options: &BatchOptions,
    progress: &dyn Progress,
    render: impl Fn(&Outcome<E::Output>) -> R + Sync,
    sink: &mut dyn Sink<R>,
) -> io::Result<Totals>
where
    E: Evaluate,
    E::Output: CheckStatus,
    R: Send,
{
    let jobs = options.jobs.get();
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::sync_channel::<Vec<Job>>(jobs * 4);
    let (result_tx, result_rx) = mpsc::sync_channel::<Vec<Done<R>>>(jobs * 4);
    let job_rx = Arc::new(Mutex::new(job_rx));
    std::thread::scope(|scope| {
        let walker = {
            let stop = &stop;
            scope.spawn(move || {
                Walker::new(job_tx, options.follow_links, stop, progress).walk(inputs)
            })
        };
        for _ in 0..jobs {
            let job_rx = Arc::clone(&job_rx);
            let result_tx = result_tx.clone();
            let render = &render;
            scope.spawn(move || work(evaluator, options, &job_rx, &result_tx, render));
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
    Scored { bytes: usize, check_failed: bool },
    Failed,
}

/// A finished job: its index, its tally, its rendered record.
type Done<R> = (u64, Tally, R);

fn work<E: Evaluate<Output: CheckStatus>, R>(
    evaluator: &E,
    options: &BatchOptions,
    jobs: &Mutex<Receiver<Vec<Job>>>,
    results: &SyncSender<Vec<Done<R>>>,
    render: &(impl Fn(&Outcome<E::Output>) -> R + Sync),
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
            let (outcome, bytes) = match work {
                Work::Read(path) => evaluate_file(&path, evaluator, options, &mut scratch),
                Work::Fail(err) => (Outcome::Failed(err), 0),
            };
            let tally = match &outcome {
                Outcome::Scored(output) => Tally::Scored {
                    bytes,
                    check_failed: output.failed_checks(),
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

/// Reads and evaluates one file as `options` say; also says how many bytes of
/// text it had.
pub fn evaluate_file<E: Evaluate>(
    path: &Path,
    evaluator: &E,
    options: &BatchOptions,
    scratch: &mut Scratch,
) -> (Outcome<E::Output>, usize) {
    let document = match read_file_with(path, &options.extract, &options.parsers) {
        Ok(document) => document,
        Err(err) => return (Outcome::Failed(err), 0),
    };
    match evaluator.evaluate(&document, scratch) {
        Ok(output) => (Outcome::Scored(output), document.text.len()),
        Err(err) => (Outcome::Failed(err), 0),
    }
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
                Tally::Scored {
                    bytes,
                    check_failed,
                } => {
                    totals.scored += 1;
                    totals.bytes += bytes as u64;
                    totals.check_failed += u64::from(check_failed);
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

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<u64>);

    impl Sink<u64> for Collect {
        fn deliver(&mut self, record: u64) -> io::Result<()> {
            self.0.push(record);
            Ok(())
        }
    }

    #[test]
    fn chunks_start_at_one_document_and_grow_to_the_limit() {
        assert_eq!(chunk_size(0), 1);
        assert_eq!(chunk_size(31), 1);
        assert_eq!(chunk_size(160), 10);
        assert_eq!(chunk_size(100_000), CHUNK);
        assert!((0..5000).all(|found| chunk_size(found) <= chunk_size(found + 1)));
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
