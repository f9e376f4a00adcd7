//! ODT (OpenDocument text): `content.xml` (body: paragraphs, headings, lists,
//! tables, frames with text boxes, notes) and the page headers and footers of
//! `styles.xml`.
//!
//! Left out: annotations (comments), tracked deletions, and everything in
//! `styles.xml` outside headers and footers (number formats hold text too).

use super::archive::Archive;
use super::xml::{Collector, Node, attribute, walk};
use super::{InputErrorKind, InputFormat};

const ODT: InputFormat = InputFormat::Odt;

/// The text of an ODT file.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let mut archive = Archive::open(bytes, ODT)?;
    let content = archive.read_xml("content.xml")?.ok_or_else(|| {
        InputErrorKind::corrupt(ODT, "it has no content.xml: not an OpenDocument file")
    })?;
    let mut parts = Vec::new();
    let page_parts = match archive.read_xml("styles.xml")? {
        Some(styles) => {
            let headers = part_text(
                &styles,
                "styles.xml",
                &["header", "header-left", "header-first"],
            )?;
            let footers = part_text(
                &styles,
                "styles.xml",
                &["footer", "footer-left", "footer-first"],
            )?;
            (headers, footers)
        }
        None => (String::new(), String::new()),
    };
    parts.push(page_parts.0);
    parts.push(part_text(&content, "content.xml", &["body"])?);
    parts.push(page_parts.1);
    parts.retain(|text| !text.trim().is_empty());
    Ok(parts.join("\n\n"))
}

/// The text inside the elements named `roots` of one part.
fn part_text(xml: &str, part: &str, roots: &[&str]) -> Result<String, InputErrorKind> {
    let mut out = Collector::default();
    let mut active = 0usize;
    let mut skip = 0usize;
    let mut lists = 0usize;
    walk(xml, ODT, part, |node| match node {
        Node::Open(name, start) => {
            if active == 0 {
                if roots.contains(&name) {
                    active = 1;
                }
                return;
            }
            active += 1;
            if skip > 0 {
                skip += 1;
                return;
            }
            match name {
                "annotation" | "tracked-changes" | "note-citation" | "title" | "desc"
                | "sequence-decls" | "variable-decls" | "user-field-decls" | "forms" => skip = 1,
                "p" | "h" => {
                    out.start_paragraph();
                    if lists > 0 {
                        out.mark_list_item();
                    }
                }
                "list-item" | "list-header" => lists += 1,
                "frame" => lists = 0,
                "s" => {
                    let count = attribute(start, "c")
                        .and_then(|c| c.parse().ok())
                        .unwrap_or(1usize);
                    out.text(&" ".repeat(count.clamp(1, 8)));
                }
                "tab" => out.text("\t"),
                "line-break" => out.line_break(),
                "table" => out.start_table(),
                "table-row" => out.start_row(),
                "table-cell" | "covered-table-cell" => out.start_cell(),
                _ => {}
            }
        }
        Node::Close(name) => {
            if active == 0 {
                return;
            }
            active -= 1;
            if skip > 0 {
                skip -= 1;
                return;
            }
            match name {
                "p" | "h" => out.end_paragraph(),
                "list-item" | "list-header" => lists = lists.saturating_sub(1),
                "table-cell" | "covered-table-cell" => out.end_cell(),
                "table-row" => out.end_row(),
                "table" => out.end_table(),
                _ => {}
            }
            if active == 0 {
                out.end_part();
            }
        }
        Node::Text(text) => {
            if active > 0 && skip == 0 {
                out.text(&text);
            }
        }
    })?;
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_lists_tables_and_spaces() {
        let xml = "<office:document-content><office:automatic-styles><number:text>x</number:text>\
            </office:automatic-styles><office:body><office:text>\
            <text:h>Skills</text:h>\
            <text:p>C++,<text:s/>C#<text:tab/>and<text:line-break/>.NET</text:p>\
            <text:list><text:list-item><text:p>Node.js</text:p></text:list-item>\
            <text:list-item><text:p>CI/CD<office:annotation><text:p>note</text:p></office:annotation></text:p></text:list-item></text:list>\
            <table:table><table:table-row><table:table-cell><text:p>Cloud</text:p></table:table-cell>\
            <table:table-cell><text:p>AWS</text:p></table:table-cell></table:table-row></table:table>\
            </office:text></office:body></office:document-content>";
        assert_eq!(
            part_text(xml, "content.xml", &["body"]).unwrap(),
            "Skills\n\nC++, C# and\n.NET\n\n- Node.js\n- CI/CD\n\nCloud | AWS"
        );
    }
}
