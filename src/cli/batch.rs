//! `rolefit batch`: score every document under folders, in parallel, ranked.
//!
//! The engine is [`crate::batch`]; this module resolves the flags, draws the
//! progress bar (standard error, terminals only, never under CI), writes the
//! output and prints the closing summary.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::compare::prepare_posting;
use super::score::{CheckArgs, SelectionArgs};
use super::{DocumentArg, GlobalArgs};
use crate::batch::{
    self, BatchOptions, CheckStatus, Evaluate, FileList, Inputs, NoProgress, Outcome, PostingMatch,
    PostingScorer, Progress, Scorer, Sink, Totals,
};
use crate::error::Exit;
use crate::extract::{DEFAULT_MAX_BYTES, ExtractOptions, InputError, Parsers, read_document_with};
use crate::matching::Matcher;
use crate::report::batch::{
    CheckFailure, CsvOptions, RankedTable, SortKey, TableRow, csv_header, csv_record,
    failed_checks, github_record, github_summary, jsonl_record, jsonl_summary, write_table,
};
use crate::report::batch_compare::{self, MatchRow, MatchTable};
use crate::settings::CheckPlan;

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
folders, files of no supported format, and FIFOs, sockets and devices are
skipped and counted. Files named on the command line or in --files-from
(one path a line, at most 4096 bytes) are read whatever their name; one that
is not a regular file is refused (not-a-file). With --follow, each folder
and file is read once, however many links lead to it.
CSV and JSON Lines records stream in walk order as documents are scored; the
table ranks by score (highest first), then path.

Checks (--min-score, --require, and those of rolefit.toml) run on every
document; --format github prints one annotation per failed document.

With --posting, each resume is compared with that job posting instead (as
`rolefit compare` does) and ranked by match rate; a resume whose text is empty
or garbled is refused and reported as failed.

Supported formats: {}

Exit codes:
  0  every document found was scored (and passed its checks)
  1  a document failed a check (and every document could be read)
  2  a document could not be read or was refused (it is reported; the others
     are scored), or a usage or keyword-file error",
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
    /// Rank the resumes by their match with this job posting instead of
    /// scoring them against the sets
    #[arg(long, value_name = "POSTING")]
    posting: Option<PathBuf>,
    /// Count only names and declared aliases, not stems or instances, as an
    /// ATS that searches literally would
    #[arg(long)]
    strict: bool,
    /// What the documents are, for their level (with --posting: resumes)
    #[arg(long, value_enum, value_name = "KIND", default_value_t = DocumentArg::Auto)]
    document: DocumentArg,
    #[command(flatten)]
    selection: SelectionArgs,
    #[command(flatten)]
    checks: CheckArgs,
    /// Print only failures: documents that failed a check or could not be read
    #[arg(long, short)]
    quiet: bool,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
    /// With --format csv: write cells exactly as they are, without the `'`
    /// put before a cell starting with =, +, -, @, a tab or a carriage return
    /// (which a spreadsheet would run as a formula) and with control
    /// characters unescaped
    #[arg(long)]
    no_csv_guard: bool,
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
    /// GitHub Actions annotations: one per failed document, then a summary line
    Github,
}

impl BatchArgs {
    /// Whether the output is GitHub workflow commands.
    pub(super) fn writes_annotations(&self) -> bool {
        self.format == BatchFormat::Github
    }

    fn csv_options(&self) -> CsvOptions {
        CsvOptions {
            guard: !self.no_csv_guard,
        }
    }

    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
        let started = Instant::now();
        if matches!(
            self.format,
            BatchFormat::Csv | BatchFormat::Jsonl | BatchFormat::Github
        ) && (self.sort_by.is_some() || self.top.is_some())
        {
            bail!(
                "--sort-by and --top rank the table; CSV and JSON Lines stream every document \
                 in walk order (sort them with your tools, e.g. `sort` or `jq`)"
            );
        }
        let config = global.config()?;
        let sets = self.selection.resolve(global, config.as_ref());
        let options = BatchOptions {
            jobs: self.jobs.unwrap_or_else(|| {
                std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
            }),
            follow_links: self.follow,
            extract: ExtractOptions {
                max_bytes: self.max_size,
                ..ExtractOptions::default()
            },
            parsers: parsers.clone(),
        };
        let totals = match &self.posting {
            Some(posting) => {
                self.refuse_checks_with_posting()?;
                let posting = read_document_with(posting, &options.extract, parsers)?;
                let prepared = prepare_posting(&sets, &posting, self.strict)?;
                let scorer = PostingScorer::new(&prepared);
                with_progress(|progress| {
                    self.write_matches(&scorer, &posting.path, &options, progress, out)
                })?
            }
            None => {
                let plan = CheckPlan::new(config.as_ref(), self.checks.checks()?)?;
                let matcher = sets.matcher(&plan.required_terms())?;
                plan.validate(matcher.sets())?;
                let key = self.sort_key(&matcher)?;
                let scorer = Scorer::new(
                    &matcher,
                    &sets.ignore,
                    self.strict,
                    global.level_options(self.document),
                )
                .with_checks(&plan);
                let checks = !plan.is_empty();
                with_progress(|progress| {
                    self.write_scores(&scorer, &options, progress, key, checks, out)
                })?
            }
        };
        if !self.quiet || totals.any_failure() {
            print_summary(&totals, started.elapsed());
        }
        Ok(if totals.failed > 0 {
            Exit::Error
        } else if totals.check_failed > 0 {
            Exit::CheckFailed
        } else {
            Exit::Success
        })
    }

    /// Checks and formats that need set scores are usage errors with --posting.
    fn refuse_checks_with_posting(&self) -> Result<()> {
        if self.checks.is_given() {
            bail!(
                "--min-score and --require check set scores; with --posting, resumes are \
                 ranked by match rate (see `missing_required` in CSV or JSON Lines)"
            );
        }
        if self.sort_by.is_some() {
            bail!("--sort-by ranks by a set; with --posting the table ranks by match rate");
        }
        if self.format == BatchFormat::Github {
            bail!("--format github annotates failed checks, which --posting does not run");
        }
        Ok(())
    }

    /// Scores everything against the sets and writes it in the chosen format.
    fn write_scores(
        &self,
        scorer: &Scorer<'_>,
        options: &BatchOptions,
        progress: &dyn Progress,
        key: SortKey,
        checks: bool,
        out: &mut dyn Write,
    ) -> Result<Totals> {
        let matcher = scorer.matcher();
        let sets = matcher.sets();
        let inputs = self.inputs()?;
        let quiet = self.quiet;
        Ok(match self.format {
            BatchFormat::Table => {
                let ranking = Ranking {
                    top: self.top,
                    quiet,
                };
                let make_row = |outcome: &Outcome| match outcome {
                    Outcome::Scored(document) => TableRecord::Row(
                        TableRow::new(document, key),
                        document.failed_checks().then(|| CheckFailure {
                            path: document.path.clone(),
                            failures: failed_checks(&document.checks),
                        }),
                    ),
                    Outcome::Failed(err) => TableRecord::Failed(err.clone()),
                };
                let (rows, sink, totals) =
                    ranked(scorer, inputs, options, progress, ranking, make_row)?;
                if quiet && !totals.any_failure() {
                    return Ok(totals);
                }
                write_table(
                    out,
                    &RankedTable {
                        rows: &rows,
                        sets,
                        key,
                        checks,
                        failures: &sink.failures,
                        check_failures: &sink.check_failures,
                        totals: &totals,
                    },
                )
                .context("cannot write the table")?;
                totals
            }
            BatchFormat::Csv => {
                let csv = self.csv_options();
                let lines = Lines {
                    header: Some(csv_header(sets, csv)?),
                    record: |outcome: &Outcome| csv_record(outcome, sets, csv),
                    footer: None,
                };
                self.stream(scorer, inputs, options, progress, lines, out)?
            }
            BatchFormat::Jsonl => {
                let lines = Lines {
                    header: None,
                    record: |outcome: &Outcome| jsonl_record(outcome, sets),
                    footer: Some(jsonl_summary),
                };
                self.stream(scorer, inputs, options, progress, lines, out)?
            }
            BatchFormat::Github => {
                let lines = Lines {
                    header: None,
                    record: |outcome: &Outcome| Ok(github_record(outcome)),
                    footer: Some(|totals: &Totals| Ok(github_summary(totals))),
                };
                self.stream(scorer, inputs, options, progress, lines, out)?
            }
        })
    }

    /// Compares every resume with the posting and writes the ranking or the
    /// records.
    fn write_matches(
        &self,
        scorer: &PostingScorer<'_>,
        posting: &str,
        options: &BatchOptions,
        progress: &dyn Progress,
        out: &mut dyn Write,
    ) -> Result<Totals> {
        let inputs = self.inputs()?;
        let quiet = self.quiet;
        Ok(match self.format {
            BatchFormat::Table => {
                let ranking = Ranking {
                    top: self.top,
                    quiet,
                };
                let make_row = |outcome: &Outcome<PostingMatch>| match outcome {
                    Outcome::Scored(matched) => TableRecord::Row(MatchRow::new(matched), None),
                    Outcome::Failed(err) => TableRecord::Failed(err.clone()),
                };
                let (rows, sink, totals) =
                    ranked(scorer, inputs, options, progress, ranking, make_row)?;
                if quiet && !totals.any_failure() {
                    return Ok(totals);
                }
                batch_compare::write_table(
                    out,
                    &MatchTable {
                        posting,
                        rows: &rows,
                        failures: &sink.failures,
                        totals: &totals,
                    },
                )
                .context("cannot write the table")?;
                totals
            }
            BatchFormat::Csv => {
                let csv = self.csv_options();
                let lines = Lines {
                    header: Some(batch_compare::csv_header(csv)?),
                    record: |outcome: &Outcome<PostingMatch>| {
                        batch_compare::csv_record(outcome, posting, csv)
                    },
                    footer: None,
                };
                self.stream(scorer, inputs, options, progress, lines, out)?
            }
            BatchFormat::Jsonl => {
                let lines = Lines {
                    header: None,
                    record: |outcome: &Outcome<PostingMatch>| {
                        batch_compare::jsonl_record(outcome, posting)
                    },
                    footer: Some(jsonl_summary),
                };
                self.stream(scorer, inputs, options, progress, lines, out)?
            }
            BatchFormat::Github => unreachable!("refused by refuse_checks_with_posting"),
        })
    }

    /// Streams one line record per document in walk order, between `lines`'
    /// header and footer. With --quiet, only failures make a record.
    fn stream<E, F>(
        &self,
        evaluator: &E,
        inputs: Inputs,
        options: &BatchOptions,
        progress: &dyn Progress,
        lines: Lines<F>,
        out: &mut dyn Write,
    ) -> Result<Totals>
    where
        E: Evaluate<Output: CheckStatus>,
        F: Fn(&Outcome<E::Output>) -> io::Result<Vec<u8>> + Sync,
    {
        let quiet = self.quiet;
        let render = |outcome: &Outcome<E::Output>| match outcome {
            Outcome::Scored(output) if quiet && !output.failed_checks() => Ok(Vec::new()),
            _ => (lines.record)(outcome),
        };
        let mut sink = LineSink::new(out);
        let totals = (|| {
            if let Some(header) = lines.header {
                sink.deliver(Ok(header))?;
            }
            let totals = batch::run(evaluator, inputs, options, progress, render, &mut sink)?;
            if let Some(footer) = lines.footer {
                sink.deliver(footer(&totals))?;
            }
            sink.idle()?;
            io::Result::Ok(totals)
        })()
        .context("cannot write the records")?;
        Ok(totals)
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

/// The closing line of a line format, made from the totals.
type Footer = fn(&Totals) -> io::Result<Vec<u8>>;

/// A line format: a header line, one line per document, a closing line.
struct Lines<F> {
    header: Option<Vec<u8>>,
    record: F,
    footer: Option<Footer>,
}

/// How the table keeps rows: how many, and whether only failures.
#[derive(Clone, Copy)]
struct Ranking {
    top: Option<usize>,
    quiet: bool,
}

/// A ranked table's row type.
trait Rank {
    /// Table order: the better-ranked row is `Less`.
    fn rank_order(&self, other: &Self) -> Ordering;
}

impl Rank for TableRow {
    fn rank_order(&self, other: &Self) -> Ordering {
        TableRow::rank_order(self, other)
    }
}

impl Rank for MatchRow {
    fn rank_order(&self, other: &Self) -> Ordering {
        MatchRow::rank_order(self, other)
    }
}

/// What a worker hands the table: a row (and its failed checks), or a failure.
enum TableRecord<T> {
    Row(T, Option<CheckFailure>),
    Failed(InputError),
}

/// Evaluates everything into rows and ranks them. With `top`, only the `top`
/// best rows are ever held (a bounded heap), so memory stays flat.
fn ranked<E, T>(
    evaluator: &E,
    inputs: Inputs,
    options: &BatchOptions,
    progress: &dyn Progress,
    ranking: Ranking,
    make_row: impl Fn(&Outcome<E::Output>) -> TableRecord<T> + Sync,
) -> Result<(Vec<T>, RowSink<T>, Totals)>
where
    E: Evaluate<Output: CheckStatus>,
    T: Rank + Send,
{
    let mut sink = RowSink {
        rows: BinaryHeap::new(),
        ranking,
        failures: Vec::new(),
        check_failures: Vec::new(),
    };
    let totals = batch::run(evaluator, inputs, options, progress, make_row, &mut sink)?;
    let rows: Vec<T> = std::mem::take(&mut sink.rows)
        .into_sorted_vec()
        .into_iter()
        .map(|r| r.0)
        .collect();
    Ok((rows, sink, totals))
}

/// A row ordered so that the heap's greatest is the worst-ranked.
struct Ranked<T>(T);

impl<T: Rank> PartialEq for Ranked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl<T: Rank> Eq for Ranked<T> {}

impl<T: Rank> PartialOrd for Ranked<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Rank> Ord for Ranked<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank_order(&other.0)
    }
}

struct RowSink<T> {
    rows: BinaryHeap<Ranked<T>>,
    ranking: Ranking,
    failures: Vec<InputError>,
    check_failures: Vec<CheckFailure>,
}

impl<T: Rank> Sink<TableRecord<T>> for RowSink<T> {
    fn deliver(&mut self, record: TableRecord<T>) -> io::Result<()> {
        match record {
            TableRecord::Row(row, check_failure) => {
                let failed = check_failure.is_some();
                if let Some(failure) = check_failure {
                    self.check_failures.push(failure);
                }
                if self.ranking.quiet && !failed {
                    return Ok(());
                }
                self.rows.push(Ranked(row));
                if self.ranking.top.is_some_and(|top| self.rows.len() > top) {
                    self.rows.pop();
                }
            }
            TableRecord::Failed(err) => self.failures.push(err),
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

/// Runs `write` with a progress bar (see [`progress_bar`]), cleared when it
/// returns, even on an error (a closed pipe): no half-drawn bar left behind.
fn with_progress<T>(write: impl FnOnce(&dyn Progress) -> Result<T>) -> Result<T> {
    let bar = progress_bar();
    let progress: &dyn Progress = match &bar {
        Some(bar) => bar,
        None => &NoProgress,
    };
    let result = write(progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result
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
    let line = format!(
        "rolefit: {} scored{}, {} skipped, {} failed in {seconds:.2} s ({:.1} MB of text, {rate:.0} MB/s)\n",
        totals.scored,
        if totals.check_failed > 0 {
            format!(" ({} failed checks)", totals.check_failed)
        } else {
            String::new()
        },
        totals.skipped.total(),
        totals.failed,
        totals.bytes as f64 / 1e6,
    );
    // One write: standard error is unbuffered, and the line should not be
    // cut by another program's output.
    let _ = io::stderr().lock().write_all(line.as_bytes());
}
