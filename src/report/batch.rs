//! `rolefit batch` output: the ranked table, and CSV and JSON Lines records.
//!
//! Records are made one at a time, on the worker that scored the document, as
//! complete lines (`\n`-terminated byte strings), so a caller can write each
//! with one write call. The record shapes are a contract, documented in
//! `docs/batch-schema.md` and versioned by [`BATCH_SCHEMA_VERSION`].

use crate::level::Level;
use std::cmp::Ordering;
use std::io::{self, Write};

use serde::Serialize;

use super::format_number;
use super::github::{CHECK_FAILED_TITLE, error_annotation};
use crate::batch::{DocumentSummary, Outcome, Totals};
use crate::checks::CheckOutcome;
use crate::escape::{guard_csv_cell, inline};
use crate::extract::InputError;
use crate::sets::KeywordSet;

/// The version of the batch CSV and JSON Lines schema (`docs/batch-schema.md`);
/// it changes only when a field is removed or changes meaning.
pub const BATCH_SCHEMA_VERSION: u32 = 1;

/// A scored document as a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentLine<'a> {
    /// Always `"document"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// Always [`BATCH_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The path, as walked.
    pub path: &'a str,
    /// Overall fit, 0 to 100.
    pub fit: f64,
    /// Id of the best-fitting specialization set.
    pub best_specialization: Option<&'a str>,
    /// The level: entry, mid, senior or lead; `None` when unknown.
    pub level: Option<String>,
    /// Words in the document.
    pub words: usize,
    /// One entry per set, in set order.
    pub sets: Vec<SetLine<'a>>,
    /// The outcomes of the checks that apply to the document (empty without
    /// checks).
    pub checks: &'a [CheckOutcome],
}

/// One set's numbers in a [`DocumentLine`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetLine<'a> {
    /// Set id.
    pub id: &'a str,
    /// Weighted coverage, 0 to 100.
    pub score: f64,
    /// Terms found.
    pub matched: usize,
    /// Terms in the set.
    pub terms: usize,
}

/// A document that could not be read, as a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorLine<'a> {
    /// Always `"error"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// Always [`BATCH_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The path, as walked or given.
    pub path: &'a str,
    /// A stable code: [`crate::extract::InputErrorKind::code`].
    pub code: &'static str,
    /// The reason, for people.
    pub message: String,
}

/// The closing JSON Lines record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryLine {
    /// Always `"summary"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// Always [`BATCH_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Documents scored.
    pub scored: u64,
    /// Documents that could not be read.
    pub failed: u64,
    /// Documents scored that failed a check.
    pub check_failed: u64,
    /// Entries skipped by the walk: hidden, unsupported format, other.
    pub skipped: u64,
    /// Hidden files and folders skipped.
    pub skipped_hidden: u64,
    /// Files of no supported format skipped.
    pub skipped_unsupported: u64,
}

fn set_id(sets: &[KeywordSet], index: Option<usize>) -> Option<&str> {
    index.and_then(|i| sets.get(i)).map(|set| set.id.as_str())
}

/// A level's name, `None` for unknown.
fn level_name(level: Level) -> Option<String> {
    (level != Level::Unknown).then(|| level.to_string())
}

/// One JSON Lines record for an outcome, newline included.
pub fn jsonl_record(outcome: &Outcome, sets: &[KeywordSet]) -> io::Result<Vec<u8>> {
    let mut line = match outcome {
        Outcome::Scored(document) => serde_json::to_vec(&DocumentLine {
            record_type: "document",
            schema_version: BATCH_SCHEMA_VERSION,
            path: &document.path,
            fit: document.fit,
            best_specialization: set_id(sets, document.best_specialization),
            level: level_name(document.level),
            words: document.words,
            sets: sets
                .iter()
                .zip(&document.sets)
                .map(|(set, tally)| SetLine {
                    id: &set.id,
                    score: tally.score,
                    matched: tally.matched,
                    terms: tally.terms,
                })
                .collect(),
            checks: &document.checks,
        })?,
        Outcome::Failed(err) => serde_json::to_vec(&error_line(err))?,
    };
    line.push(b'\n');
    Ok(line)
}

/// The JSON Lines record of a document that could not be read.
pub(super) fn error_line(err: &InputError) -> ErrorLine<'_> {
    ErrorLine {
        record_type: "error",
        schema_version: BATCH_SCHEMA_VERSION,
        path: &err.path,
        code: err.kind.code(),
        message: err.kind.to_string(),
    }
}

/// The closing JSON Lines record, newline included.
pub fn jsonl_summary(totals: &Totals) -> io::Result<Vec<u8>> {
    let mut line = serde_json::to_vec(&SummaryLine {
        record_type: "summary",
        schema_version: BATCH_SCHEMA_VERSION,
        scored: totals.scored,
        failed: totals.failed,
        check_failed: totals.check_failed,
        skipped: totals.skipped.total(),
        skipped_hidden: totals.skipped.hidden,
        skipped_unsupported: totals.skipped.unsupported,
    })?;
    line.push(b'\n');
    Ok(line)
}

/// The CSV columns before the per-set ones.
pub const CSV_FIXED_COLUMNS: [&str; 10] = [
    "type",
    "path",
    "fit",
    "best_specialization",
    "level",
    "words",
    "error_code",
    "error_message",
    "checks",
    "failed_checks",
];

/// How CSV cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Show control characters escaped ([`crate::escape::inline`]) and put
    /// a `'` before a cell that a spreadsheet would run as a formula
    /// ([`crate::escape::guard_csv_cell`]); on unless `--no-csv-guard`.
    pub guard: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions { guard: true }
    }
}

/// The CSV header line: [`CSV_FIXED_COLUMNS`], then `<id>_score`,
/// `<id>_matched`, `<id>_terms` for each set in set order.
pub fn csv_header(sets: &[KeywordSet], options: CsvOptions) -> io::Result<Vec<u8>> {
    let mut fields: Vec<String> = CSV_FIXED_COLUMNS.iter().map(|c| c.to_string()).collect();
    for set in sets {
        for suffix in ["score", "matched", "terms"] {
            fields.push(format!("{}_{suffix}", set.id));
        }
    }
    csv_line(&fields, options)
}

/// One CSV record for an outcome, newline included. A failed document has
/// its `error_*` columns filled and the score columns empty.
pub fn csv_record(
    outcome: &Outcome,
    sets: &[KeywordSet],
    options: CsvOptions,
) -> io::Result<Vec<u8>> {
    let mut fields: Vec<String> = Vec::with_capacity(CSV_FIXED_COLUMNS.len() + 3 * sets.len());
    match outcome {
        Outcome::Scored(document) => {
            fields.extend([
                "document".to_string(),
                document.path.clone(),
                document.fit.to_string(),
                set_id(sets, document.best_specialization)
                    .unwrap_or_default()
                    .to_string(),
                level_name(document.level).unwrap_or_default(),
                document.words.to_string(),
                String::new(),
                String::new(),
                check_status(&document.checks).to_string(),
                failed_checks(&document.checks).join("; "),
            ]);
            for tally in &document.sets {
                fields.extend([
                    tally.score.to_string(),
                    tally.matched.to_string(),
                    tally.terms.to_string(),
                ]);
            }
        }
        Outcome::Failed(err) => {
            fields.extend([
                "error".to_string(),
                err.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                err.kind.code().to_string(),
                err.kind.to_string(),
                String::new(),
                String::new(),
            ]);
            fields.resize(CSV_FIXED_COLUMNS.len() + 3 * sets.len(), String::new());
        }
    }
    csv_line(&fields, options)
}

/// `pass`, `fail`, or empty when no check applies.
fn check_status(checks: &[CheckOutcome]) -> &'static str {
    if checks.is_empty() {
        ""
    } else if checks.iter().all(|check| check.passed) {
        "pass"
    } else {
        "fail"
    }
}

/// The failed checks, each as `message (check)`.
pub fn failed_checks(checks: &[CheckOutcome]) -> Vec<String> {
    checks
        .iter()
        .filter(|check| !check.passed)
        .map(|check| format!("{} ({})", check.message, check.check))
        .collect()
}

/// The GitHub Actions annotation for an outcome, newline included: one per
/// document that failed its checks (all of them in one message) or could not
/// be read; nothing for a document that passed.
pub fn github_record(outcome: &Outcome) -> Vec<u8> {
    match outcome {
        Outcome::Scored(document) if document.failed_checks() => error_annotation(
            &document.path,
            CHECK_FAILED_TITLE,
            &format!(
                "{}: {}",
                document.path,
                failed_checks(&document.checks).join("; ")
            ),
        )
        .into_bytes(),
        Outcome::Scored(_) => Vec::new(),
        Outcome::Failed(err) => github_error(err),
    }
}

/// The GitHub Actions annotation for a document that could not be read.
pub fn github_error(err: &InputError) -> Vec<u8> {
    error_annotation(
        &err.path,
        "rolefit cannot read the file",
        &format!("{err} [{}]", err.kind.code()),
    )
    .into_bytes()
}

/// The line that closes `--format github` output.
pub fn github_summary(totals: &Totals) -> Vec<u8> {
    let mut line = if totals.check_failed == 0 {
        format!(
            "rolefit: all {} documents passed their checks",
            totals.scored
        )
    } else {
        format!(
            "rolefit: {} of {} documents failed their checks",
            totals.check_failed, totals.scored
        )
    };
    if totals.failed > 0 {
        line.push_str(&format!("; {} could not be read", totals.failed));
    }
    line.push('\n');
    line.into_bytes()
}

/// One CSV line of `fields`, newline included, each cell with its control
/// characters escaped and guarded against formulas, unless `options` say not.
pub(super) fn csv_line(fields: &[String], options: CsvOptions) -> io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(512)
        .from_writer(Vec::with_capacity(256));
    if options.guard {
        // Field by field: a cell that needs no change is not copied.
        for field in fields {
            let shown = inline(field);
            writer.write_field(guard_csv_cell(&shown).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    } else {
        writer.write_record(fields)?;
    }
    writer
        .into_inner()
        .map_err(|err| io::Error::other(err.to_string()))
}

/// One row of the ranked table: the little a batch keeps per document.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The path.
    pub path: String,
    /// The score the table ranks by.
    pub score: f64,
    /// Index of the best specialization set.
    pub best_specialization: Option<usize>,
    /// The level.
    pub level: Level,
    /// Terms found (of the ranking set, or of all sets).
    pub matched: usize,
    /// Terms looked for (of the ranking set, or of all sets).
    pub terms: usize,
    /// Whether its checks passed; `None` when none apply.
    pub passed: Option<bool>,
}

/// What the table ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The overall fit; matched counts are over all sets.
    #[default]
    Fit,
    /// One set's score (an index into the sets); matched counts are that set's.
    Set(usize),
}

impl TableRow {
    /// The row of a scored document.
    pub fn new(document: &DocumentSummary, key: SortKey) -> Self {
        let (score, matched, terms) = match key {
            SortKey::Fit => (
                document.fit,
                document.sets.iter().map(|s| s.matched).sum(),
                document.sets.iter().map(|s| s.terms).sum(),
            ),
            SortKey::Set(index) => document
                .sets
                .get(index)
                .map_or((0.0, 0, 0), |s| (s.score, s.matched, s.terms)),
        };
        TableRow {
            path: document.path.clone(),
            score,
            best_specialization: document.best_specialization,
            level: document.level,
            matched,
            terms,
            passed: (!document.checks.is_empty()).then(|| !document.failed_checks()),
        }
    }

    /// Table order: higher score first, then path.
    pub fn rank_order(&self, other: &Self) -> Ordering {
        rank_order(self.score, &self.path, other.score, &other.path)
    }
}

/// Table order of two documents: higher score first, then path.
pub fn rank_order(score: f64, path: &str, other_score: f64, other_path: &str) -> Ordering {
    other_score
        .total_cmp(&score)
        .then_with(|| path.cmp(other_path))
}

/// A document that failed its checks, for the table's summary.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckFailure {
    /// The path.
    pub path: String,
    /// The failed checks, as [`failed_checks`] words them.
    pub failures: Vec<String>,
}

/// Everything the ranked table shows.
pub struct RankedTable<'a> {
    /// The rows, already in rank order (and cut to `--top`).
    pub rows: &'a [TableRow],
    /// The sets, for ids.
    pub sets: &'a [KeywordSet],
    /// What the score column holds.
    pub key: SortKey,
    /// Whether checks ran: the table then has a Checks column.
    pub checks: bool,
    /// The documents that failed, in walk order.
    pub failures: &'a [InputError],
    /// The documents that failed their checks, in walk order.
    pub check_failures: &'a [CheckFailure],
    /// The counts.
    pub totals: &'a Totals,
}

/// Writes the ranked table, then a summary of what was scored, skipped and
/// failed, with each failure's reason.
pub fn write_table(out: &mut dyn Write, table: &RankedTable<'_>) -> io::Result<()> {
    let score_header = match table.key {
        SortKey::Fit => "Fit",
        SortKey::Set(index) => table.sets.get(index).map_or("Score", |set| set.id.as_str()),
    };
    let mut header = vec![
        "Rank",
        score_header,
        "Best specialization",
        "Level",
        "Matched",
    ];
    if table.checks {
        header.push("Checks");
    }
    header.push("File");
    let cells = |rank: usize| -> Vec<String> {
        let row = &table.rows[rank];
        let mut cells = vec![
            (rank + 1).to_string(),
            format_number(row.score),
            set_id(table.sets, row.best_specialization)
                .unwrap_or("none")
                .to_string(),
            row.level.to_string(),
            format!("{}/{}", row.matched, row.terms),
        ];
        if table.checks {
            cells.push(
                match row.passed {
                    Some(true) => "pass",
                    Some(false) => "FAIL",
                    None => "",
                }
                .to_string(),
            );
        }
        cells.push(inline(&row.path).into_owned());
        cells
    };
    draw_table(out, &header, &[0, 1, 4], table.rows.len(), cells)?;
    write_totals(out, table.totals, table.rows.len())?;
    for failure in table.check_failures {
        writeln!(
            out,
            "check failed: {}: {}",
            inline(&failure.path),
            inline(&failure.failures.join("; "))
        )?;
    }
    write_failures(out, table.failures)
}

/// One line per document that could not be read: path, reason, code.
pub(super) fn write_failures(out: &mut dyn Write, failures: &[InputError]) -> io::Result<()> {
    for failure in failures {
        writeln!(
            out,
            "failed: {} [{}]",
            inline(&failure.to_string()),
            failure.kind.code()
        )?;
    }
    Ok(())
}

/// The summary line under a batch table: scored, failed, skipped.
pub(super) fn write_totals(out: &mut dyn Write, totals: &Totals, shown: usize) -> io::Result<()> {
    let top = if (shown as u64) < totals.scored {
        format!(" (top {shown} shown)")
    } else {
        String::new()
    };
    let check_failed = if totals.check_failed > 0 {
        format!(", {} failed checks", totals.check_failed)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} scored{top}{check_failed}, {} failed, {} skipped ({} hidden, {} unsupported, {} other)",
        totals.scored,
        totals.failed,
        totals.skipped.total(),
        totals.skipped.hidden,
        totals.skipped.unsupported,
        totals.skipped.other
    )
}

/// Draws a table of `rows` rows, `cells(i)` giving row `i`, in the box style
/// of the other tables; nothing when there are no rows. Columns whose indices
/// are in `right_aligned` are aligned right.
///
/// Drawn here rather than with comfy-table: a batch table may have a hundred
/// thousand rows, and this writes them one by one, making each row's cells
/// twice (once to measure) instead of holding them all.
pub(super) fn draw_table(
    out: &mut dyn Write,
    header: &[&str],
    right_aligned: &[usize],
    rows: usize,
    cells: impl Fn(usize) -> Vec<String>,
) -> io::Result<()> {
    if rows == 0 {
        return Ok(());
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in 0..rows {
        for (width, cell) in widths.iter_mut().zip(cells(row)) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let rule = |left: &str, fill: &str, middle: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}", parts.join(middle))
    };
    let line = |cells: &[&str]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, &width))| {
                if right_aligned.contains(&column) {
                    format!(" {cell:>width$} ")
                } else {
                    format!(" {cell:<width$} ")
                }
            })
            .collect();
        format!("│{}│", parts.join("┆"))
    };
    writeln!(out, "{}", rule("╭", "─", "┬", "╮"))?;
    writeln!(out, "{}", line(header))?;
    writeln!(out, "{}", rule("╞", "═", "╪", "╡"))?;
    for row in 0..rows {
        let cells = cells(row);
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(&cells))?;
    }
    writeln!(out, "{}", rule("╰", "─", "┴", "╯"))
}
