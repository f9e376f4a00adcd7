//! XML for the office formats: a bounded event walk, and the [`Collector`]
//! that turns paragraphs, lists and tables into text with line structure.
//!
//! DOCX and ODT differ in element names, not in shape: paragraphs (which may
//! hold text boxes with paragraphs of their own), list items, and tables whose
//! cells hold paragraphs and tables. Their walkers map elements onto the
//! collector's calls.

use std::borrow::Cow;

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::text::TextBuilder;
use super::{InputErrorKind, InputFormat, MAX_NESTING_DEPTH};

/// One step of a walk through an XML part.
pub(crate) enum Node<'e> {
    /// An element opens (an empty element opens and closes at once).
    Open(&'e str, &'e BytesStart<'e>),
    /// An element closes.
    Close(&'e str),
    /// Character data, entities resolved.
    Text(Cow<'e, str>),
}

/// Calls `visit` for every element and text of `xml`, in order; element names
/// are local (prefix dropped). Fails on malformed XML and on nesting deeper
/// than [`MAX_NESTING_DEPTH`]; `part` names the part in messages.
pub(crate) fn walk(
    xml: &str,
    format: InputFormat,
    part: &str,
    mut visit: impl FnMut(Node<'_>),
) -> Result<(), InputErrorKind> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|err| {
            InputErrorKind::corrupt(
                format,
                format!(
                    "malformed XML in {part} at byte {}: {err}",
                    reader.error_position()
                ),
            )
        })?;
        match event {
            Event::Start(start) => {
                depth += 1;
                if depth > MAX_NESTING_DEPTH {
                    return Err(InputErrorKind::too_complex(
                        format,
                        format!("{part} nests elements deeper than {MAX_NESTING_DEPTH} levels"),
                    ));
                }
                let name = local(start.name().into_inner());
                visit(Node::Open(name, &start));
            }
            Event::Empty(start) => {
                let name = local(start.name().into_inner());
                visit(Node::Open(name, &start));
                visit(Node::Close(name));
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                visit(Node::Close(local(end.name().into_inner())));
            }
            Event::Text(text) => visit(Node::Text(text.xml10_content())),
            Event::CData(data) => {
                visit(Node::Text(Cow::Owned(data.into_inner().into_owned())));
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => resolve_xml_entity(&reference).map(str::to_string),
                    Err(_) => None,
                };
                if let Some(text) = resolved {
                    visit(Node::Text(Cow::Owned(text)));
                }
            }
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// The local part of a qualified name: `w:p` → `p`.
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// The value of an attribute, by local name, entities resolved.
pub(crate) fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|attribute| local(attribute.key.into_inner()) == name)
        .and_then(|attribute| {
            attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
        })
}

/// How a finished paragraph joins the text before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A paragraph: a blank line before it.
    Paragraph,
    /// A list item: a line break after another list item.
    ListItem,
    /// A table row on one line: a line break after another row.
    Row,
}

#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    list: bool,
}

#[derive(Debug, Default)]
struct Table {
    /// The cells of the current row: their paragraphs.
    row: Vec<Vec<(String, Kind)>>,
    in_cell: bool,
}

/// Turns document structure into text: one line per paragraph, a blank line
/// between paragraphs, list items on consecutive lines, a table row on one
/// line with its cells apart (` | `) when each cell holds at most one
/// paragraph, and cell by cell otherwise (a layout table's columns).
#[derive(Debug, Default)]
pub(crate) struct Collector {
    out: TextBuilder,
    last: Option<Kind>,
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
}

impl Collector {
    /// A paragraph opens (it may be nested in another: a text box).
    pub(crate) fn start_paragraph(&mut self) {
        self.paragraphs.push(Paragraph::default());
    }

    /// The open paragraph is a list item.
    pub(crate) fn mark_list_item(&mut self) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.list = true;
        }
    }

    /// Text of the open paragraph.
    pub(crate) fn text(&mut self, text: &str) {
        match self.paragraphs.last_mut() {
            Some(paragraph) => paragraph.text.push_str(text),
            None => self.deliver(text.to_string(), Kind::Paragraph),
        }
    }

    /// A line break inside the open paragraph.
    pub(crate) fn line_break(&mut self) {
        self.text("\n");
    }

    /// The open paragraph ends.
    pub(crate) fn end_paragraph(&mut self) {
        if let Some(paragraph) = self.paragraphs.pop() {
            let (text, kind) = if paragraph.list {
                (format!("- {}", paragraph.text.trim_start()), Kind::ListItem)
            } else {
                (paragraph.text, Kind::Paragraph)
            };
            self.deliver(text, kind);
        }
    }

    /// A table opens.
    pub(crate) fn start_table(&mut self) {
        self.tables.push(Table::default());
    }

    /// A row opens.
    pub(crate) fn start_row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.row.clear();
        }
    }

    /// A cell opens.
    pub(crate) fn start_cell(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.row.push(Vec::new());
            table.in_cell = true;
        }
    }

    /// A cell ends.
    pub(crate) fn end_cell(&mut self) {
        self.close_paragraphs();
        if let Some(table) = self.tables.last_mut() {
            table.in_cell = false;
        }
    }

    /// A row ends: its cells go to the enclosing cell or the document.
    pub(crate) fn end_row(&mut self) {
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        table.in_cell = false;
        let row = std::mem::take(&mut table.row);
        let level = self.tables.len() - 1;
        if row.iter().all(|cell| cell.len() <= 1) {
            let cells: Vec<&str> = row
                .iter()
                .filter_map(|cell| cell.first().map(|(text, _)| text.trim()))
                .filter(|text| !text.is_empty())
                .collect();
            self.deliver_at(level, cells.join(" | "), Kind::Row);
        } else {
            for (text, kind) in row.into_iter().flatten() {
                self.deliver_at(level, text, kind);
            }
            self.break_at(level);
        }
    }

    /// A table ends.
    pub(crate) fn end_table(&mut self) {
        if self
            .tables
            .last()
            .is_some_and(|table| !table.row.is_empty())
        {
            self.end_row();
        }
        self.tables.pop();
        self.break_at(self.tables.len());
    }

    /// The text, once every part has been walked.
    pub(crate) fn finish(mut self) -> String {
        self.close_paragraphs();
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.out.finish()
    }

    /// Ends a part (a header, the body, the notes): what follows starts a new
    /// paragraph.
    pub(crate) fn end_part(&mut self) {
        self.close_paragraphs();
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.out.paragraph();
        self.last = None;
    }

    fn close_paragraphs(&mut self) {
        while !self.paragraphs.is_empty() {
            self.end_paragraph();
        }
    }

    fn deliver(&mut self, text: String, kind: Kind) {
        self.deliver_at(self.tables.len(), text, kind);
    }

    /// Delivers into the open cell of the innermost of the first `level`
    /// tables that has one, or into the document.
    fn deliver_at(&mut self, level: usize, text: String, kind: Kind) {
        if text.trim().is_empty() {
            return;
        }
        let open_cell = self.tables[..level]
            .iter_mut()
            .rev()
            .find(|t| t.in_cell)
            .and_then(|table| table.row.last_mut());
        if let Some(cell) = open_cell {
            cell.push((text, kind));
            return;
        }
        match kind {
            Kind::ListItem | Kind::Row if self.last == Some(kind) => self.out.line(),
            _ => self.out.paragraph(),
        }
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                self.out.line();
            }
            self.out.text(line);
        }
        self.last = Some(kind);
    }

    /// After a block at `level`: a paragraph break in the document (inside a
    /// cell, paragraphs are apart already).
    fn break_at(&mut self, level: usize) {
        if !self.tables[..level].iter().any(|t| t.in_cell) {
            self.out.paragraph();
            self.last = None;
        }
    }
}
