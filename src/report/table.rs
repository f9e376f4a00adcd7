//! Tables for people: comfy-table, 80 columns unless on a terminal, colour on request.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{
    DocumentReport, RenderOptions, ScoreReport, SetDetail, SetSummary, as_written, check_lines,
    format_lines, format_number, joined, level_line, set_aside_line, technologies_by_category,
    top_missing, verdict_line,
};
use crate::escape::inline;
use crate::score::SetScore;

const NON_TERMINAL_WIDTH: u16 = 80;
const TOP_MISSING: usize = 3;
const SHOWN_LINES: usize = 8;
/// Lines shown per technology below the set table.
const TECHNOLOGY_LINES: usize = 3;
/// Instances listed per term in `sets show`; the rest are counted.
const SHOWN_INSTANCES: usize = 8;

/// A term's instances, the first [`SHOWN_INSTANCES`], then "+N more".
fn shown_instances(instances: &[&str]) -> String {
    let mut text = instances
        .iter()
        .take(SHOWN_INSTANCES)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if instances.len() > SHOWN_INSTANCES {
        text.push_str(&format!(" +{} more", instances.len() - SHOWN_INSTANCES));
    }
    text
}

/// A table in the project's style: rounded borders, 80 columns off a terminal.
pub(super) fn new_table(options: RenderOptions, header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !options.terminal {
        table.force_no_tty().set_width(NON_TERMINAL_WIDTH);
    }
    if options.color {
        table.enforce_styling();
    }
    table.set_header(header.iter().copied());
    table
}

fn right_align(table: &mut Table, columns: &[usize]) {
    for &index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn score_cell(score: f64, color: bool) -> Cell {
    let cell = Cell::new(format_number(score));
    if !color {
        return cell;
    }
    cell.fg(match score {
        s if s >= 70.0 => Color::Green,
        s if s >= 40.0 => Color::Yellow,
        _ => Color::Red,
    })
}

pub fn write_score(
    out: &mut dyn Write,
    report: &ScoreReport,
    options: RenderOptions,
) -> io::Result<()> {
    for (index, document) in report.documents.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        write_document(out, document, options)?;
    }
    Ok(())
}

fn write_document(
    out: &mut dyn Write,
    report: &DocumentReport,
    options: RenderOptions,
) -> io::Result<()> {
    let document = &report.score;
    writeln!(out, "{}", inline(&document.path))?;
    writeln!(out, "{}", verdict_line(document))?;
    for line in wrap(&level_line(document), width(options)) {
        writeln!(out, "{line}")?;
    }
    let mut table = new_table(options, &["Set", "Kind", "Score", "Matched", "Top missing"]);
    for set in &document.sets {
        table.add_row(vec![
            Cell::new(&set.id),
            Cell::new(set.kind),
            score_cell(set.score, options.color),
            Cell::new(format!("{}/{}", set.matched_count, set.term_count)),
            Cell::new(top_missing(&set.missing, TOP_MISSING)),
        ]);
    }
    right_align(&mut table, &[2, 3]);
    writeln!(out, "{table}")?;
    let technologies = technologies_by_category(document, TECHNOLOGY_LINES);
    if !technologies.is_empty() {
        let mut table = new_table(
            options,
            &[
                "Category",
                &format!("Technologies found ({})", document.technologies.len()),
            ],
        );
        for (category, entries) in technologies {
            table.add_row(vec![Cell::new(category), Cell::new(entries.join(", "))]);
        }
        writeln!(out, "{table}")?;
    }
    if let Some(line) = set_aside_line(document) {
        for line in wrap(&line, width(options)) {
            writeln!(out, "{line}")?;
        }
    }
    for line in check_lines(report) {
        writeln!(out, "{line}")?;
    }
    if options.details {
        for set in &document.sets {
            write_set_details(out, set, options)?;
        }
    }
    Ok(())
}

fn write_set_details(
    out: &mut dyn Write,
    set: &SetScore,
    options: RenderOptions,
) -> io::Result<()> {
    writeln!(
        out,
        "\n{} ({}): {} of {} terms, score {}",
        set.id,
        inline(&set.name),
        set.matched_count,
        set.term_count,
        format_number(set.score)
    )?;
    if !set.matched.is_empty() {
        let mut table = new_table(
            options,
            &["Term", "Weight", "Count", "Lines", "Match", "As written"],
        );
        for term in &set.matched {
            table.add_row(vec![
                Cell::new(inline(&term.term)),
                Cell::new(format_number(term.weight)),
                Cell::new(term.count),
                Cell::new(format_lines(&term.lines, SHOWN_LINES)),
                Cell::new(term.how.as_str()),
                Cell::new(as_written(term)),
            ]);
        }
        right_align(&mut table, &[1, 2]);
        writeln!(out, "{table}")?;
    }
    if !set.missing.is_empty() {
        for line in wrap(
            &format!("missing: {}", joined(&set.missing)),
            width(options),
        ) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The width prose lines wrap at: none on a terminal, 80 columns off one.
fn width(options: RenderOptions) -> usize {
    if options.terminal {
        usize::MAX
    } else {
        usize::from(NON_TERMINAL_WIDTH)
    }
}

pub fn write_set_list(
    out: &mut dyn Write,
    sets: &[SetSummary<'_>],
    options: RenderOptions,
) -> io::Result<()> {
    let mut table = new_table(options, &["Id", "Kind", "Terms", "Name", "From"]);
    for set in sets {
        table.add_row(vec![
            Cell::new(set.id),
            Cell::new(set.kind),
            Cell::new(set.terms),
            Cell::new(inline(set.name)),
            Cell::new(inline(&set.origin)),
        ]);
    }
    right_align(&mut table, &[2]);
    writeln!(out, "{table}")
}

pub fn write_set_detail(
    out: &mut dyn Write,
    detail: &SetDetail<'_>,
    options: RenderOptions,
) -> io::Result<()> {
    let summary = &detail.summary;
    writeln!(
        out,
        "{} ({}, {}, {} terms, {})",
        summary.id,
        inline(summary.name),
        summary.kind,
        summary.terms,
        inline(&summary.origin)
    )?;
    writeln!(out, "{}", inline(summary.description))?;
    // Case and excludes only when some term has them: most sets have none.
    let case = detail.term_list.iter().any(|term| term.case != "acronyms");
    let excludes = detail.term_list.iter().any(|term| !term.exclude.is_empty());
    let mut header = vec!["Term", "Weight", "Aliases", "Instances"];
    header.extend(case.then_some("Case"));
    header.extend(excludes.then_some("Excludes"));
    let mut table = new_table(options, &header);
    for term in &detail.term_list {
        let mut row = vec![
            Cell::new(inline(term.name)),
            Cell::new(format_number(term.weight)),
            Cell::new(joined(term.aliases)),
            Cell::new(shown_instances(&term.instances)),
        ];
        row.extend(case.then(|| Cell::new(term.case)));
        row.extend(excludes.then(|| Cell::new(joined(term.exclude))));
        table.add_row(row);
    }
    right_align(&mut table, &[1]);
    writeln!(out, "{table}")
}

/// Breaks `text` at spaces into lines of at most `width` characters (a longer
/// word stands alone); continuation lines are indented by two spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.trim().is_empty() && needed > width {
            lines.push(std::mem::replace(&mut line, "  ".to_string()));
        } else if !line.is_empty() && !line.ends_with("  ") {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_within_width() {
        assert_eq!(
            wrap("missing: alpha, beta, gamma", 16),
            ["missing: alpha,", "  beta, gamma"]
        );
        assert_eq!(wrap("short", 80), ["short"]);
    }
}
