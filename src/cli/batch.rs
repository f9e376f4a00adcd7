//! `rolefit batch`: score every document under folders, in parallel, ranked.
//!
//! The engine is [`crate::batch`]; this module resolves the flags, draws the
//! progress bar (standard error, terminals only, never under CI), writes the
//! output and prints the closing summary.

use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::GlobalArgs;
use super::score::SelectionArgs;
use crate::batch::{
    self, BatchOptions, FileList, Inputs, NoProgress, Outcome, Progress, Sink, Totals,
};
use crate::error::Exit;
use crate::extract::{DEFAULT_MAX_BYTES, ExtractOptions, InputError};
use crate::matching::Matcher;
use crate::report::batch::{
    RankedTable, SortKey, TableRow, csv_header, csv_record, jsonl_record, jsonl_summary,
    write_table,
};

/// Shown after `rolefit batch --help`; the formats come from
/// [`batch::SUPPORTED_EXTENSIONS`].
pub fn batch_help() -> String {
    let formats: Vec<String> = batch::SUPPORTED_EXTENSIONS
        .iter()
        .map(|ext| format!(".{ext}"))
        .collect();
    format!(
        "\
Folders are walked recursively, entries sorted by name; hidden files and
folders, and files of no supported format, are skipped and counted. Files
named on the command line or in --files-from are read whatever their name.
CSV and JSON Lines records stream in walk order as documents are scored; the
table ranks by score (highest first), then path.

Supported formats: {}

Exit codes:
  0  every document found was scored
  2  a document could not be read (it is reported; the others are scored),
     or a usage or keyword-file error",
        formats.join(" ")
    )
}

/// Arguments of `rolefit batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Files and folders to score (folders recursively)
    #[arg(value_name = "PATH", required_unless_present = "files_from")]
    paths: Vec<PathBuf>,
    /// Read more paths from FILE, one a line (`-`: standard input)
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
    /// Output format: a ranked table, or CSV / JSON Lines records streamed in walk order
    #[arg(long, value_enum, default_value_t = BatchFormat::Table)]
    format: BatchFormat,
    /// Rank the table by this set's score instead of the overall fit
    #[arg(long, value_name = "SET")]
    sort_by: Option<String>,
    /// Show only the N best-ranked documents in the table
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Score with N threads [default: the number of CPUs]
    #[arg(long, short, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// Walk into symbolic links to folders (loops are detected and skipped)
    #[arg(long, short = 'L')]
    follow: bool,
    #[command(flatten)]
    selection: SelectionArgs,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
}

/// Output formats of `rolefit batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BatchFormat {
    /// A ranked table, with a summary of failures
    Table,
    /// One CSV row per document, after a header
    Csv,
    /// One JSON record per document, then a summary record
    Jsonl,
}

impl BatchArgs {
    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, out: &mut dyn Write) -> Result<Exit> {
        let started = Instant::now();
        if self.format != BatchFormat::Table && (self.sort_by.is_some() || self.top.is_some()) {
            bail!(
                "--sort-by and --top rank the table; CSV and JSON Lines stream every document \
                 in walk order (sort them with your tools, e.g. `sort` or `jq`)"
            );
        }
        let config = global.config()?;
        let sets = self.selection.resolve(global, config.as_ref());
        let matcher = sets.matcher(&[])?;
        let key = self.sort_key(&matcher)?;
        let options = BatchOptions {
            jobs: self.jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
            }),
            follow_links: self.follow,
            extract: ExtractOptions {
                max_bytes: self.max_size,
                ..ExtractOptions::default()
            },
            ignore: sets.ignore.clone(),
        };
        let inputs = self.inputs()?;
        let bar = progress_bar();
        let progress: &dyn Progress = match &bar {
            Some(bar) => bar,
            None => &NoProgress,
        };
        let result = self.write(&matcher, inputs, &options, progress, key, out);
        if let Some(bar) = bar {
            // Cleared even on an error (a closed pipe): no half-drawn bar left behind.
            bar.finish_and_clear();
        }
        let totals = result?;
        print_summary(&totals, started.elapsed());
        Ok(if totals.failed > 0 {
            Exit::Error
        } else {
            Exit::Success
        })
    }

    /// Scores everything and writes it in the chosen format.
    fn write(
        &self,
        matcher: &Matcher,
        inputs: Inputs,
        options: &BatchOptions,
        progress: &dyn Progress,
        key: SortKey,
        out: &mut dyn Write,
    ) -> Result<Totals> {
        let sets = matcher.sets();
        Ok(match self.format {
            BatchFormat::Table => {
                let ranking = Ranking { key, top: self.top };
                table(matcher, inputs, options, progress, ranking, out)?
            }
            BatchFormat::Csv => {
                let mut sink = LineSink::new(out);
                sink.deliver(csv_header(sets))?;
                let render = |outcome: &Outcome| csv_record(outcome, sets);
                batch::run(matcher, inputs, options, progress, render, &mut sink)?
            }
            BatchFormat::Jsonl => {
                let mut sink = LineSink::new(out);
                let render = |outcome: &Outcome| jsonl_record(outcome, sets);
                let totals = batch::run(matcher, inputs, options, progress, render, &mut sink)?;
                sink.deliver(jsonl_summary(&totals))?;
                sink.idle()?;
                totals
            }
        })
    }

    fn sort_key(&self, matcher: &Matcher) -> Result<SortKey> {
        let Some(id) = &self.sort_by else {
            return Ok(SortKey::Fit);
        };
        if id == "fit" {
            return Ok(SortKey::Fit);
        }
        match matcher.sets().iter().position(|set| &set.id == id) {
            Some(index) => Ok(SortKey::Set(index)),
            None => {
                let known: Vec<&str> = matcher.sets().iter().map(|s| s.id.as_str()).collect();
                bail!(
                    "--sort-by {id}: no such set in use (in use: fit, {})",
                    known.join(", ")
                )
            }
        }
    }

    /// The paths, then the list from `--files-from` (opened now, so a missing
    /// list is an error before any work).
    fn inputs(&self) -> Result<Inputs> {
        let list = match &self.files_from {
            None => None,
            Some(path) => {
                let reader: Box<dyn io::Read + Send> = if path.as_os_str() == "-" {
                    Box::new(io::stdin())
                } else {
                    Box::new(File::open(path).with_context(|| {
                        format!("{}: cannot read the file list", path.display())
                    })?)
                };
                Some(FileList::new(reader, path.display().to_string()))
            }
        };
        Ok(Inputs {
            paths: self.paths.clone(),
            list,
        })
    }
}

/// How the table ranks: by what, and how many rows it keeps.
#[derive(Clone, Copy)]
struct Ranking {
    key: SortKey,
    top: Option<usize>,
}

/// Scores into table rows and writes the ranked table. With `top`, only the
/// `top` best rows are ever held (a bounded heap), so memory stays flat.
fn table(
    matcher: &Matcher,
    inputs: Inputs,
    options: &BatchOptions,
    progress: &dyn Progress,
    Ranking { key, top }: Ranking,
    out: &mut dyn Write,
) -> Result<Totals> {
    let mut sink = RowSink {
        rows: BinaryHeap::new(),
        top,
        failures: Vec::new(),
    };
    let make_row = |outcome: &Outcome| match outcome {
        Outcome::Scored(document) => Ok(TableRow::new(document, key)),
        Outcome::Failed(err) => Err(err.clone()),
    };
    let totals = batch::run(matcher, inputs, options, progress, make_row, &mut sink)?;
    let rows: Vec<TableRow> = sink
        .rows
        .into_sorted_vec()
        .into_iter()
        .map(|r| r.0)
        .collect();
    write_table(
        out,
        &RankedTable {
            rows: &rows,
            sets: matcher.sets(),
            key,
            failures: &sink.failures,
            totals: &totals,
        },
    )
    .context("cannot write the table")?;
    Ok(totals)
}

/// A row ordered so that the heap's greatest is the worst-ranked.
struct Ranked(TableRow);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.rank_order(&other.0)
    }
}

struct RowSink {
    rows: BinaryHeap<Ranked>,
    top: Option<usize>,
    failures: Vec<InputError>,
}

impl Sink<Result<TableRow, InputError>> for RowSink {
    fn deliver(&mut self, record: Result<TableRow, InputError>) -> io::Result<()> {
        match record {
            Ok(row) => {
                self.rows.push(Ranked(row));
                if self.top.is_some_and(|top| self.rows.len() > top) {
                    self.rows.pop();
                }
            }
            Err(err) => self.failures.push(err),
        }
        Ok(())
    }
}

/// Writes complete lines: records gather in a buffer that is written with one
/// call when the next record would take it past [`PIPE_BUF`], or when the
/// engine waits for more. So every write holds whole lines, and at most 4 KiB,
/// which POSIX writes to a pipe atomically: if the process is interrupted
/// (Ctrl-C), the output ends after a complete line.
struct LineSink<'a> {
    out: &'a mut dyn Write,
    buffer: Vec<u8>,
}

/// Bytes a pipe takes in one atomic write (POSIX minimum, Linux's value).
const PIPE_BUF: usize = 4096;

impl<'a> LineSink<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        LineSink {
            out,
            buffer: Vec::with_capacity(PIPE_BUF),
        }
    }
}

impl Sink<io::Result<Vec<u8>>> for LineSink<'_> {
    fn deliver(&mut self, record: io::Result<Vec<u8>>) -> io::Result<()> {
        let line = record?;
        if !self.buffer.is_empty() && self.buffer.len() + line.len() > PIPE_BUF {
            self.idle()?;
        }
        self.buffer.extend_from_slice(&line);
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        if !self.buffer.is_empty() {
            self.out.write_all(&self.buffer)?;
            self.out.flush()?;
            self.buffer.clear();
        }
        Ok(())
    }
}

impl Progress for ProgressBar {
    fn found(&self) {
        self.inc_length(1);
    }

    fn done(&self) {
        self.inc(1);
    }
}

/// A progress bar on standard error when it is a terminal and CI is unset.
fn progress_bar() -> Option<ProgressBar> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if ci || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} {pos}/{len} documents {wide_bar} {per_sec} eta {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(100));
    Some(bar)
}

/// The closing line on standard error.
fn print_summary(totals: &Totals, elapsed: Duration) {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        totals.bytes as f64 / 1e6 / seconds
    } else {
        0.0
    };
    let _ = writeln!(
        io::stderr().lock(),
        "rolefit: {} scored, {} skipped, {} failed in {seconds:.2} s ({:.1} MB of text, {rate:.0} MB/s)",
        totals.scored,
        totals.skipped.total(),
        totals.failed,
        totals.bytes as f64 / 1e6,
    );
}
