//! Markdown output: GitHub-flavoured tables that paste into a pull request.

use std::io::{self, Write};

use super::{
    RenderOptions, ScoreReport, SetDetail, SetSummary, as_written, check_lines, format_lines,
    format_number, level_line, set_aside_line, technologies_by_category, top_missing, verdict_line,
};
use crate::escape::inline;

const TOP_MISSING: usize = 5;
const SHOWN_LINES: usize = 12;

/// Escapes what would break a table cell or a line: control characters
/// (a newline among them) as escapes, then `\\` and `|` for Markdown.
pub(super) fn cell(text: &str) -> String {
    inline(text).replace('\\', "\\\\").replace('|', "\\|")
}

/// A path in a heading's code span: one line, no backtick to end the span.
pub(super) fn code_span(path: &str) -> String {
    inline(path).replace('`', "'")
}

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

pub fn write_score(
    out: &mut dyn Write,
    report: &ScoreReport,
    options: RenderOptions,
) -> io::Result<()> {
    for (index, document_report) in report.documents.iter().enumerate() {
        let document = &document_report.score;
        if index > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## `{}`\n", code_span(&document.path))?;
        writeln!(out, "{}\n", verdict_line(document))?;
        writeln!(out, "{}\n", cell(&level_line(document)))?;
        writeln!(out, "| Set | Kind | Score | Matched | Top missing |")?;
        writeln!(out, "|---|---|---:|---:|---|")?;
        for set in &document.sets {
            row(
                out,
                &[
                    cell(&set.id),
                    set.kind.to_string(),
                    format_number(set.score),
                    format!("{}/{}", set.matched_count, set.term_count),
                    cell(&top_missing(&set.missing, TOP_MISSING)),
                ],
            )?;
        }
        let technologies = technologies_by_category(document, SHOWN_LINES);
        if !technologies.is_empty() {
            writeln!(
                out,
                "\n| Category | Technologies found ({}) |",
                document.technologies.len()
            )?;
            writeln!(out, "|---|---|")?;
            for (category, entries) in technologies {
                row(out, &[cell(&category), cell(&entries.join(", "))])?;
            }
        }
        if let Some(line) = set_aside_line(document) {
            writeln!(out, "\n{}", cell(&line))?;
        }
        let checks = check_lines(document_report);
        if !checks.is_empty() {
            writeln!(out)?;
            for line in checks {
                writeln!(out, "- {}", cell(&line))?;
            }
        }
        if options.details {
            for set in &document.sets {
                writeln!(
                    out,
                    "\n### {} ({}): {}\n",
                    cell(&set.id),
                    cell(&set.name),
                    format_number(set.score)
                )?;
                if !set.matched.is_empty() {
                    writeln!(
                        out,
                        "| Term | Weight | Count | Lines | Match | As written |"
                    )?;
                    writeln!(out, "|---|---:|---:|---|---|---|")?;
                    for term in &set.matched {
                        row(
                            out,
                            &[
                                cell(&term.term),
                                format_number(term.weight),
                                term.count.to_string(),
                                format_lines(&term.lines, SHOWN_LINES),
                                term.how.as_str().to_string(),
                                cell(&as_written(term)),
                            ],
                        )?;
                    }
                }
                if !set.missing.is_empty() {
                    writeln!(out, "\nMissing: {}", cell(&set.missing.join(", ")))?;
                }
            }
        }
    }
    Ok(())
}

pub fn write_set_list(out: &mut dyn Write, sets: &[SetSummary<'_>]) -> io::Result<()> {
    writeln!(out, "| Id | Kind | Terms | Name | From |")?;
    writeln!(out, "|---|---|---:|---|---|")?;
    for set in sets {
        row(
            out,
            &[
                cell(set.id),
                set.kind.to_string(),
                set.terms.to_string(),
                cell(set.name),
                cell(&set.origin),
            ],
        )?;
    }
    Ok(())
}

pub fn write_set_detail(out: &mut dyn Write, detail: &SetDetail<'_>) -> io::Result<()> {
    let summary = &detail.summary;
    writeln!(out, "## {} ({})\n", cell(summary.id), cell(summary.name))?;
    writeln!(out, "{}\n", cell(summary.description))?;
    writeln!(
        out,
        "| Term | Aliases | Instances | Weight | Case | Excludes |"
    )?;
    writeln!(out, "|---|---|---|---:|---|---|")?;
    for term in &detail.term_list {
        row(
            out,
            &[
                cell(term.name),
                cell(&term.aliases.join(", ")),
                cell(&term.instances.join(", ")),
                format_number(term.weight),
                term.case.to_string(),
                cell(&term.exclude.join(", ")),
            ],
        )?;
    }
    Ok(())
}
