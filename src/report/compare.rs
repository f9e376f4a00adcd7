//! The compare report (`rolefit compare`) and its renderers: a table for
//! people, JSON, Markdown.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use super::markdown::{cell as md_cell, code_span};
use super::table::new_table;
use super::{Format, RenderOptions, SCHEMA_VERSION, format_lines, format_number, json};
use crate::compare::{CompareResult, ComparedTerm, MissingTerm, TermStatus};
use crate::escape::inline;

const SHOWN_LINES: usize = 8;

/// The result of `rolefit compare`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Always `"compare"`.
    #[serde(rename = "type")]
    pub record_type: &'static str,
    /// The resume's path as given, or `-` for standard input.
    pub resume: String,
    /// The posting's path as given, or `-` for standard input.
    pub posting: String,
    /// The comparison.
    #[serde(flatten)]
    pub result: CompareResult,
}

impl CompareReport {
    /// A report of one comparison.
    pub fn new(resume: String, posting: String, result: CompareResult) -> Self {
        CompareReport {
            schema_version: SCHEMA_VERSION,
            record_type: "compare",
            resume,
            posting,
            result,
        }
    }
}

/// Writes a compare report in `format` (JSON Lines is one JSON value;
/// GitHub output is Markdown).
pub fn write_compare(
    out: &mut dyn Write,
    report: &CompareReport,
    format: Format,
    options: RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Table => write_table(out, report, options),
        Format::Json | Format::Jsonl => json::write(out, report),
        Format::Markdown | Format::Github => write_markdown(out, report),
    }
}

/// "match rate 61.5 · required 7/10 · preferred 4/8 · stems count"
fn summary_line(result: &CompareResult) -> String {
    format!(
        "match rate {} · required {}/{} · preferred {}/{} · {}",
        format_number(result.match_rate),
        result.required.found,
        result.required.total,
        result.preferred.found,
        result.preferred.total,
        if result.strict {
            "strict: exact forms and aliases only"
        } else {
            "stems count"
        }
    )
}

/// The Resume column: what became of the term.
fn status_text(term: &ComparedTerm) -> &'static str {
    match term.status {
        TermStatus::Found => "yes",
        TermStatus::StemOnly if term.counted => "stem only",
        TermStatus::StemOnly => "stem only (not counted)",
        TermStatus::Ambiguous => "set aside",
        TermStatus::Missing => "no",
    }
}

/// The resume lines, and the lines set aside as ambiguous.
fn lines_text(term: &ComparedTerm) -> String {
    let mut text = format_lines(&term.resume_lines, SHOWN_LINES);
    if !term.set_aside_lines.is_empty() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!(
            "(set aside: {})",
            format_lines(&term.set_aside_lines, SHOWN_LINES)
        ));
    }
    text
}

fn why_text(missing: &MissingTerm) -> &'static str {
    match missing.reason {
        TermStatus::StemOnly => "stem only",
        TermStatus::Ambiguous => "set aside",
        TermStatus::Found | TermStatus::Missing => "not found",
    }
}

/// Notes under the tables: what "stem only" and "set aside" mean here.
fn notes(result: &CompareResult) -> Vec<String> {
    let names = |status: TermStatus| {
        result
            .terms
            .iter()
            .filter(|t| t.status == status)
            .map(|t| inline(&t.term))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut notes = Vec::new();
    if result.terms.is_empty() {
        notes.push(
            "the posting names no term of the keyword sets and no technical name of its own: \
             there is nothing to compare"
                .to_string(),
        );
    }
    let stems = names(TermStatus::StemOnly);
    if !stems.is_empty() {
        notes.push(if result.strict {
            format!("stem only, not counted with --strict: {stems}")
        } else {
            format!(
                "stem only: {stems}. A literal ATS search would miss these; \
                 --strict leaves them out"
            )
        });
    }
    let aside: Vec<&ComparedTerm> = result
        .terms
        .iter()
        .filter(|t| !t.set_aside_lines.is_empty())
        .collect();
    for term in aside {
        notes.push(format!(
            "set aside as ambiguous: {} on resume line{} {}: an everyday word there \
             (opens a sentence, no technical term beside it, not in a skills section)",
            inline(&term.term),
            if term.set_aside_lines.len() == 1 {
                ""
            } else {
                "s"
            },
            format_lines(&term.set_aside_lines, SHOWN_LINES)
        ));
    }
    notes
}

fn status_cell(term: &ComparedTerm, color: bool) -> Cell {
    let cell = Cell::new(status_text(term));
    if !color {
        return cell;
    }
    cell.fg(match term.status {
        TermStatus::Found => Color::Green,
        TermStatus::StemOnly | TermStatus::Ambiguous => Color::Yellow,
        TermStatus::Missing => Color::Red,
    })
}

fn write_table(
    out: &mut dyn Write,
    report: &CompareReport,
    options: RenderOptions,
) -> io::Result<()> {
    let result = &report.result;
    writeln!(
        out,
        "{} vs {}",
        inline(&report.resume),
        inline(&report.posting)
    )?;
    writeln!(out, "{}", summary_line(result))?;
    let mut table = new_table(
        options,
        &[
            "Term",
            "Class",
            "Posting",
            "Resume",
            "Match",
            "Resume lines",
        ],
    );
    for term in &result.terms {
        table.add_row(vec![
            Cell::new(inline(&term.term)),
            Cell::new(term.class.as_str()),
            Cell::new(term.posting_count),
            status_cell(term, options.color),
            Cell::new(term.how.map_or("", |how| how.as_str())),
            Cell::new(lines_text(term)),
        ]);
    }
    if let Some(column) = table.column_mut(2) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    writeln!(out, "{table}")?;
    if result.missing.is_empty() {
        writeln!(out, "missing: none")?;
    } else {
        writeln!(out, "missing, required first:")?;
        let mut table = new_table(options, &["Term", "Class", "Why", "Posting line"]);
        for missing in &result.missing {
            table.add_row(vec![
                Cell::new(inline(&missing.term)),
                Cell::new(missing.class.as_str()),
                Cell::new(why_text(missing)),
                Cell::new(format!(
                    "{}: {}",
                    missing.posting_line,
                    inline(&missing.posting_text)
                )),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    for note in notes(result) {
        writeln!(out, "{note}")?;
    }
    Ok(())
}

fn write_markdown(out: &mut dyn Write, report: &CompareReport) -> io::Result<()> {
    let result = &report.result;
    writeln!(
        out,
        "## `{}` vs `{}`\n",
        code_span(&report.resume),
        code_span(&report.posting)
    )?;
    writeln!(out, "{}\n", summary_line(result))?;
    writeln!(
        out,
        "| Term | Class | From | Posting | Resume | Match | Resume lines |"
    )?;
    writeln!(out, "|---|---|---|---:|---|---|---|")?;
    for term in &result.terms {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            md_cell(&term.term),
            term.class.as_str(),
            md_cell(term.set.as_deref().unwrap_or("posting")),
            term.posting_count,
            status_text(term),
            term.how.map_or("", |how| how.as_str()),
            lines_text(term)
        )?;
    }
    if !result.missing.is_empty() {
        writeln!(out, "\n### Missing, required first\n")?;
        writeln!(out, "| Term | Class | Why | Posting line |")?;
        writeln!(out, "|---|---|---|---|")?;
        for missing in &result.missing {
            writeln!(
                out,
                "| {} | {} | {} | {}: {} |",
                md_cell(&missing.term),
                missing.class.as_str(),
                why_text(missing),
                missing.posting_line,
                md_cell(&missing.posting_text)
            )?;
        }
    }
    let notes = notes(result);
    if !notes.is_empty() {
        writeln!(out)?;
        for note in notes {
            writeln!(out, "- {}", md_cell(&note))?;
        }
    }
    Ok(())
}
