//! The report model and its renderers.
//!
//! The engine produces a [`ScoreReport`]; each output format is a module that
//! writes it to a `&mut dyn Write`. Only the table renderer knows about
//! comfy-table and colour.

pub mod batch;
pub mod batch_compare;
mod compare;
mod github;
mod json;
mod markdown;
mod table;

use std::io::{self, Write};

use serde::Serialize;

pub use compare::{CompareReport, write_compare};

use crate::checks::CheckOutcome;
use crate::escape::inline;
use crate::score::DocumentScore;
use crate::sets::KeywordSet;

/// The version of the JSON output schema (`docs/json-schema.md`); it changes
/// only when a field is removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of `rolefit score`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Always `"score"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// One entry per document, in the order given.
    pub documents: Vec<DocumentReport>,
}

impl ScoreReport {
    /// A report of these documents.
    pub fn new(documents: Vec<DocumentReport>) -> Self {
        ScoreReport {
            schema_version: SCHEMA_VERSION,
            record_type: "score",
            documents,
        }
    }

    /// The number of documents with a failed check.
    pub fn failed_documents(&self) -> usize {
        self.documents.iter().filter(|d| d.failed()).count()
    }
}

/// One document's scores and the outcomes of its checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    /// The scores.
    #[serde(flatten)]
    pub score: DocumentScore,
    /// The checks that applied, in order: thresholds, then required terms.
    pub checks: Vec<CheckOutcome>,
}

impl DocumentReport {
    /// True when a check failed.
    pub fn failed(&self) -> bool {
        self.checks.iter().any(|check| !check.passed)
    }
}

/// A document as one JSON Lines record (`--format jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRecord<'a> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Always `"document"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// The document.
    #[serde(flatten)]
    pub document: &'a DocumentReport,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Tables for people, made with comfy-table.
    #[default]
    Table,
    /// Pretty-printed JSON with a `schema_version`.
    Json,
    /// GitHub-flavoured Markdown tables.
    Markdown,
    /// One JSON record per document per line.
    Jsonl,
    /// GitHub Actions workflow commands: an error annotation per failed document.
    Github,
}

/// How reports are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// Add per-term evidence (counts, lines, how each term matched).
    pub details: bool,
    /// Colour scores (table format only).
    pub color: bool,
    /// Standard output is a terminal: tables take its width; otherwise 80 columns.
    pub terminal: bool,
}

/// Writes a score report in `format`.
pub fn write_score(
    out: &mut dyn Write,
    report: &ScoreReport,
    format: Format,
    options: RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Table => table::write_score(out, report, options),
        Format::Json => json::write(out, report),
        Format::Markdown => markdown::write_score(out, report, options),
        Format::Jsonl => json::write_lines(out, report),
        Format::Github => github::write_score(out, report),
    }
}

/// A set as listed by `rolefit sets`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetSummary<'a> {
    /// Set id.
    pub id: &'a str,
    /// Set kind.
    pub kind: crate::sets::SetKind,
    /// Number of terms.
    pub terms: usize,
    /// Display name.
    pub name: &'a str,
    /// One-line description.
    pub description: &'a str,
    /// `built-in` or the file it came from.
    pub origin: String,
}

/// Writes the list of sets.
pub fn write_set_list(
    out: &mut dyn Write,
    sets: &[KeywordSet],
    format: Format,
    options: RenderOptions,
) -> io::Result<()> {
    let summaries: Vec<SetSummary<'_>> = sets
        .iter()
        .map(|set| SetSummary {
            id: &set.id,
            kind: set.kind,
            terms: set.terms.len(),
            name: &set.name,
            description: &set.description,
            origin: set.origin.to_string(),
        })
        .collect();
    match format {
        Format::Table => table::write_set_list(out, &summaries, options),
        Format::Json | Format::Jsonl => json::write(out, &summaries),
        Format::Markdown | Format::Github => markdown::write_set_list(out, &summaries),
    }
}

/// A set's terms, as shown by `rolefit sets show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetDetail<'a> {
    /// The set's summary.
    #[serde(flatten)]
    pub summary: SetSummary<'a>,
    /// The terms, in file order.
    pub term_list: Vec<TermDetail<'a>>,
}

/// One term of a set, as shown by `rolefit sets show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermDetail<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// Aliases.
    pub aliases: &'a [String],
    /// Technologies that show the term in practice (`instances`, then the
    /// technologies of its `instance-categories`).
    pub instances: Vec<&'a str>,
    /// Weight.
    pub weight: f64,
    /// Whether it matches case-sensitively: `yes`, `no`, or `acronyms` (the default rule).
    pub case: &'static str,
    /// Phrases excluded.
    pub exclude: &'a [String],
    /// Source section.
    pub section: Option<&'a str>,
}

/// Writes one set's terms; `instances` gives each term's instances, in set
/// order.
pub fn write_set_detail(
    out: &mut dyn Write,
    set: &KeywordSet,
    instances: &[Vec<&str>],
    format: Format,
    options: RenderOptions,
) -> io::Result<()> {
    let detail = SetDetail {
        summary: SetSummary {
            id: &set.id,
            kind: set.kind,
            terms: set.terms.len(),
            name: &set.name,
            description: &set.description,
            origin: set.origin.to_string(),
        },
        term_list: set
            .terms
            .iter()
            .zip(instances)
            .map(|(term, instances)| TermDetail {
                name: &term.name,
                aliases: &term.aliases,
                instances: instances.clone(),
                weight: term.weight,
                case: match term.case_sensitive {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "acronyms",
                },
                exclude: &term.exclude,
                section: term.section.as_deref(),
            })
            .collect(),
    };
    match format {
        Format::Table => table::write_set_detail(out, &detail, options),
        Format::Json | Format::Jsonl => json::write(out, &detail),
        Format::Markdown | Format::Github => markdown::write_set_detail(out, &detail),
    }
}

/// A number as shown to people: no decimals when whole ("2", "66.7").
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// At most `limit` lines, then "…".
fn format_lines(lines: &[u32], limit: usize) -> String {
    let mut text = lines
        .iter()
        .take(limit)
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > limit {
        text.push_str(", …");
    }
    text
}

/// The first `limit` missing terms, then "+N more" (control characters
/// escaped).
fn top_missing(missing: &[String], limit: usize) -> String {
    let mut text = missing
        .iter()
        .take(limit)
        .map(|name| inline(name))
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > limit {
        text.push_str(&format!(" +{} more", missing.len() - limit));
    }
    text
}

/// One line per check: `pass` or `FAIL`, the check, and what happened
/// (control characters escaped).
fn check_lines(document: &DocumentReport) -> Vec<String> {
    document
        .checks
        .iter()
        .map(|check| {
            let status = if check.passed { "pass" } else { "FAIL" };
            inline(&format!("{status}  {}: {}", check.check, check.message)).into_owned()
        })
        .collect()
}

/// Names joined with ", ", each with its control characters escaped.
fn joined(names: &[String]) -> String {
    names
        .iter()
        .map(|name| inline(name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one-line verdict shown above a document's table.
fn verdict_line(document: &DocumentScore) -> String {
    let strict = if document.strict { " · strict" } else { "" };
    format!(
        "fit {} · best specialization: {} · level: {} · {} words{strict}",
        format_number(document.fit),
        specialization_verdict(document),
        document.level.as_deref().unwrap_or("unknown"),
        document.words
    )
}

/// The level with its reasons, on one line: `level: senior — title "Senior
/// Backend Engineer" (line 4); 9 years (2015–present, lines 8–31); senior
/// work 5/14` (the work is the level set's of that name, when there is one).
fn level_line(document: &DocumentScore) -> String {
    let estimate = &document.level_evidence;
    let work = document
        .sets
        .iter()
        .find(|set| set.kind == crate::sets::SetKind::Level && set.id == estimate.level.to_string())
        .map(|set| format!("{} work {}/{}", set.id, set.matched_count, set.term_count));
    let work: Vec<&str> = work.iter().map(String::as_str).collect();
    inline(&format!(
        "level: {} ({} confidence)",
        estimate.summary(&work),
        estimate.confidence
    ))
    .into_owned()
}

/// "devops", "devops (cloud close behind)", or "none stands out".
fn specialization_verdict(document: &DocumentScore) -> String {
    match &document.best_specialization {
        None => "none stands out".to_string(),
        Some(best) if document.close_specializations.is_empty() => best.clone(),
        Some(best) => format!(
            "{best} ({} close behind)",
            document.close_specializations.join(", ")
        ),
    }
}

/// How a matched term was written: its forms, or for an instance match the
/// technologies that show it ("via Terraform, Pulumi").
fn as_written(term: &crate::score::TermMatch) -> String {
    if term.via.is_empty() {
        joined(&term.forms)
    } else {
        format!("via {}", joined(&term.via))
    }
}

/// The technologies a document names, grouped by category in vocabulary
/// order: (category id, "Name (lines)" entries).
fn technologies_by_category(
    document: &DocumentScore,
    shown_lines: usize,
) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for technology in &document.technologies {
        let entry = format!(
            "{} ({})",
            inline(&technology.name),
            format_lines(&technology.lines, shown_lines)
        );
        match groups.last_mut() {
            Some((category, entries)) if *category == technology.category => entries.push(entry),
            _ => groups.push((technology.category.clone(), vec![entry])),
        }
    }
    groups
}

/// "Go on line 26, Spring on line 3": the everyday words set aside.
fn set_aside_line(document: &DocumentScore) -> Option<String> {
    if document.set_aside.is_empty() {
        return None;
    }
    let entries: Vec<String> = document
        .set_aside
        .iter()
        .map(|aside| {
            if aside.form == aside.term {
                format!("{} (line {})", inline(&aside.form), aside.line)
            } else {
                format!(
                    "{} as {} (line {})",
                    inline(&aside.form),
                    inline(&aside.term),
                    aside.line
                )
            }
        })
        .collect();
    Some(format!(
        "set aside as everyday words: {} — {}",
        entries.join(", "),
        crate::matching::SET_ASIDE_REASON
    ))
}
