//! `rolefit batch --posting` output: resumes ranked by their match with one
//! posting, as a table or as CSV and JSON Lines records.
//!
//! The same conventions as [`super::batch`]: records are complete lines made
//! on the worker, error and summary records are shared, and the shapes are
//! documented in `docs/batch-schema.md`.

use std::cmp::Ordering;
use std::io::{self, Write};

use serde::Serialize;

use super::batch::{
    BATCH_SCHEMA_VERSION, CsvOptions, csv_line, draw_table, error_line, rank_order, write_failures,
    write_totals,
};
use super::format_number;
use crate::batch::{Outcome, PostingMatch, Totals};
use crate::compare::{CompareResult, Tally, TermClass};
use crate::escape::inline;
use crate::extract::InputError;

/// A resume compared with the posting, as a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchLine<'a> {
    /// Always `"match"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// Always [`BATCH_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The resume's path, as walked.
    pub path: &'a str,
    /// The posting's path, as given.
    pub posting: &'a str,
    /// The match rate, 0 to 100.
    pub match_rate: f64,
    /// Whether only exact forms and aliases counted.
    pub strict: bool,
    /// Required terms found and in all.
    pub required: Tally,
    /// Preferred terms found and in all.
    pub preferred: Tally,
    /// Words in the resume.
    pub words: usize,
    /// The required terms that do not count, in report order.
    pub missing_required: Vec<&'a str>,
    /// The preferred terms that do not count, in report order.
    pub missing_preferred: Vec<&'a str>,
}

/// The names of the missing terms of one class, in report order.
fn missing(result: &CompareResult, class: TermClass) -> Vec<&str> {
    result
        .missing
        .iter()
        .filter(|term| term.class == class)
        .map(|term| term.term.as_str())
        .collect()
}

/// One JSON Lines record for an outcome, newline included.
pub fn jsonl_record(outcome: &Outcome<PostingMatch>, posting: &str) -> io::Result<Vec<u8>> {
    let mut line = match outcome {
        Outcome::Scored(matched) => {
            let result = &matched.result;
            serde_json::to_vec(&MatchLine {
                record_type: "match",
                schema_version: BATCH_SCHEMA_VERSION,
                path: &matched.path,
                posting,
                match_rate: result.match_rate,
                strict: result.strict,
                required: result.required,
                preferred: result.preferred,
                words: result.resume_words,
                missing_required: missing(result, TermClass::Required),
                missing_preferred: missing(result, TermClass::Preferred),
            })?
        }
        Outcome::Failed(err) => serde_json::to_vec(&error_line(err))?,
    };
    line.push(b'\n');
    Ok(line)
}

/// The CSV columns.
pub const CSV_COLUMNS: [&str; 13] = [
    "type",
    "path",
    "posting",
    "match_rate",
    "required_found",
    "required_total",
    "preferred_found",
    "preferred_total",
    "words",
    "missing_required",
    "missing_preferred",
    "error_code",
    "error_message",
];

/// The CSV header line.
pub fn csv_header(options: CsvOptions) -> io::Result<Vec<u8>> {
    let fields: Vec<String> = CSV_COLUMNS.iter().map(|c| c.to_string()).collect();
    csv_line(&fields, options)
}

/// One CSV record for an outcome, newline included; missing terms are joined
/// with `; `. A failed resume has its `error_*` columns filled and the others
/// (but `type`, `path` and `posting`) empty.
pub fn csv_record(
    outcome: &Outcome<PostingMatch>,
    posting: &str,
    options: CsvOptions,
) -> io::Result<Vec<u8>> {
    let fields: Vec<String> = match outcome {
        Outcome::Scored(matched) => {
            let result = &matched.result;
            vec![
                "match".to_string(),
                matched.path.clone(),
                posting.to_string(),
                result.match_rate.to_string(),
                result.required.found.to_string(),
                result.required.total.to_string(),
                result.preferred.found.to_string(),
                result.preferred.total.to_string(),
                result.resume_words.to_string(),
                missing(result, TermClass::Required).join("; "),
                missing(result, TermClass::Preferred).join("; "),
                String::new(),
                String::new(),
            ]
        }
        Outcome::Failed(err) => {
            let mut fields = vec!["error".to_string(), err.path.clone(), posting.to_string()];
            fields.resize(CSV_COLUMNS.len() - 2, String::new());
            fields.extend([err.kind.code().to_string(), err.kind.to_string()]);
            fields
        }
    };
    csv_line(&fields, options)
}

/// One row of the ranked table.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRow {
    /// The resume's path.
    pub path: String,
    /// The match rate.
    pub match_rate: f64,
    /// Required terms found and in all.
    pub required: Tally,
    /// Preferred terms found and in all.
    pub preferred: Tally,
    /// The required terms missing, in report order.
    pub missing_required: Vec<String>,
}

impl MatchRow {
    /// The row of a compared resume.
    pub fn new(matched: &PostingMatch) -> Self {
        let result = &matched.result;
        MatchRow {
            path: matched.path.clone(),
            match_rate: result.match_rate,
            required: result.required,
            preferred: result.preferred,
            missing_required: missing(result, TermClass::Required)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }

    /// Table order: higher match rate first, then path.
    pub fn rank_order(&self, other: &Self) -> Ordering {
        rank_order(self.match_rate, &self.path, other.match_rate, &other.path)
    }
}

/// Required terms named in a row before the rest are counted.
const MISSING_SHOWN: usize = 3;

/// Everything the ranked table against a posting shows.
pub struct MatchTable<'a> {
    /// The posting's path.
    pub posting: &'a str,
    /// The rows, already in rank order (and cut to `--top`).
    pub rows: &'a [MatchRow],
    /// The resumes that failed or were refused, in walk order.
    pub failures: &'a [InputError],
    /// The counts.
    pub totals: &'a Totals,
}

/// Writes the ranked table, then the summary and the failures.
pub fn write_table(out: &mut dyn Write, table: &MatchTable<'_>) -> io::Result<()> {
    writeln!(
        out,
        "Resumes ranked by match with {}",
        inline(table.posting)
    )?;
    let header = [
        "Rank",
        "Match",
        "Required",
        "Preferred",
        "Missing required",
        "File",
    ];
    let cells = |index: usize| -> Vec<String> {
        let row = &table.rows[index];
        let mut missing: Vec<String> = row
            .missing_required
            .iter()
            .take(MISSING_SHOWN)
            .map(|name| inline(name).into_owned())
            .collect();
        if row.missing_required.len() > MISSING_SHOWN {
            missing.push(format!(
                "+{} more",
                row.missing_required.len() - MISSING_SHOWN
            ));
        }
        vec![
            (index + 1).to_string(),
            format_number(row.match_rate),
            format!("{}/{}", row.required.found, row.required.total),
            format!("{}/{}", row.preferred.found, row.preferred.total),
            missing.join(", "),
            inline(&row.path).into_owned(),
        ]
    };
    draw_table(out, &header, &[0, 1, 2, 3], table.rows.len(), cells)?;
    write_totals(out, table.totals, table.rows.len())?;
    write_failures(out, table.failures)
}
