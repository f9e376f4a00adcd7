//! DOCX (Office Open XML): the main document part, tables, lists, text boxes,
//! headers, footers, footnotes and endnotes.
//!
//! Parts are read in this order: headers (each distinct text once), the body,
//! footnotes, endnotes, footers. In a part: `w:p` paragraphs, `w:t` text,
//! `w:tab`, `w:br`, `w:tbl` tables; a paragraph with numbering or a `List…`
//! style is a list item. Left out: field instructions (`w:instrText`),
//! deleted text (`w:delText`), and the `mc:Fallback` copy of a text box.

use std::collections::HashSet;

use super::archive::Archive;
use super::xml::{Collector, Node, attribute, walk};
use super::{InputErrorKind, InputFormat};

const DOCX: InputFormat = InputFormat::Docx;

/// The text of a DOCX file.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let mut archive = Archive::open(bytes, DOCX)?;
    let main = main_part(&mut archive)?;
    let body = archive.read_xml(&main)?.ok_or_else(|| {
        InputErrorKind::corrupt(DOCX, format!("it has no {main}: not a Word document"))
    })?;
    let names = archive.names();
    let mut parts = Vec::new();
    let mut seen = HashSet::new();
    for name in numbered(&names, "word/header") {
        if let Some(xml) = archive.read_xml(&name)? {
            push_distinct(&mut parts, &mut seen, part_text(&xml, &name)?);
        }
    }
    let body = part_text(&body, &main)?;
    seen.insert(body.clone());
    parts.push(body);
    for name in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = archive.read_xml(name)? {
            let notes = part_text(&xml, name)?;
            seen.insert(notes.clone());
            parts.push(notes);
        }
    }
    for name in numbered(&names, "word/footer") {
        if let Some(xml) = archive.read_xml(&name)? {
            push_distinct(&mut parts, &mut seen, part_text(&xml, &name)?);
        }
    }
    parts.retain(|text| !text.trim().is_empty());
    Ok(parts.join("\n\n"))
}

/// The main document part named in `_rels/.rels`, or `word/document.xml`.
fn main_part(archive: &mut Archive<'_>) -> Result<String, InputErrorKind> {
    let fallback = "word/document.xml".to_string();
    let Some(rels) = archive.read_xml("_rels/.rels")? else {
        return Ok(fallback);
    };
    let mut target = None;
    walk(&rels, DOCX, "_rels/.rels", |node| {
        if let Node::Open("Relationship", start) = node {
            let is_main =
                attribute(start, "Type").is_some_and(|kind| kind.ends_with("/officeDocument"));
            if is_main && target.is_none() {
                target = attribute(start, "Target");
            }
        }
    })?;
    Ok(target
        .map(|t| t.trim_start_matches('/').to_string())
        .filter(|t| archive.contains(t))
        .unwrap_or(fallback))
}

/// Parts named `{prefix}{number}.xml`, by number.
fn numbered(names: &[String], prefix: &str) -> Vec<String> {
    let mut found: Vec<(u32, String)> = names
        .iter()
        .filter_map(|name| {
            let number = name.strip_prefix(prefix)?.strip_suffix(".xml")?;
            let number = if number.is_empty() {
                0
            } else {
                number.parse().ok()?
            };
            Some((number, name.clone()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name).collect()
}

/// Adds a header's or footer's text unless a part already read had the same
/// text (`seen` holds them all: a set, so 40,000 parts are not compared in
/// pairs).
fn push_distinct(parts: &mut Vec<String>, seen: &mut HashSet<String>, text: String) {
    if seen.insert(text.clone()) {
        parts.push(text);
    }
}

/// The text of one WordprocessingML part.
fn part_text(xml: &str, part: &str) -> Result<String, InputErrorKind> {
    let mut out = Collector::default();
    let mut skip = 0usize;
    let mut in_text = false;
    let mut in_properties = false;
    walk(xml, DOCX, part, |node| match node {
        Node::Open(name, start) => {
            if skip > 0 {
                skip += 1;
                return;
            }
            if in_properties {
                match name {
                    "numPr" => out.mark_list_item(),
                    "pStyle"
                        if attribute(start, "val")
                            .is_some_and(|style| style.starts_with("List")) =>
                    {
                        out.mark_list_item();
                    }
                    _ => {}
                }
                return;
            }
            match name {
                "Fallback" | "instrText" | "delText" | "rPr" | "sectPr" | "tblPr" | "trPr"
                | "tcPr" | "tblGrid" => skip = 1,
                "pPr" => in_properties = true,
                "p" => out.start_paragraph(),
                "t" => in_text = true,
                "tab" | "ptab" => out.text("\t"),
                "br" | "cr" => out.line_break(),
                "noBreakHyphen" => out.text("-"),
                "tbl" => out.start_table(),
                "tr" => out.start_row(),
                "tc" => out.start_cell(),
                _ => {}
            }
        }
        Node::Close(name) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            match name {
                "pPr" => in_properties = false,
                _ if in_properties => {}
                "p" => out.end_paragraph(),
                "t" => in_text = false,
                "tc" => out.end_cell(),
                "tr" => out.end_row(),
                "tbl" => out.end_table(),
                _ => {}
            }
        }
        Node::Text(text) => {
            if skip == 0 && in_text {
                out.text(&text);
            }
        }
    })?;
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml: &str) -> String {
        let xml = format!(
            "<w:document xmlns:w=\"w\" xmlns:mc=\"mc\"><w:body>{xml}</w:body></w:document>"
        );
        part_text(&xml, "word/document.xml").unwrap()
    }

    #[test]
    fn paragraphs_lists_and_breaks() {
        let text = body(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:pos=\"9000\"/></w:tabs></w:pPr>\
             <w:r><w:t>Skills</w:t></w:r></w:p>\
             <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>C</w:t></w:r><w:r><w:t>++ &amp; C#</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Node.js </w:t></w:r><w:r><w:delText>Java</w:delText></w:r></w:p>\
             <w:p><w:r><w:t>Role</w:t></w:r><w:r><w:tab/><w:t>(2021)</w:t><w:br/><w:t>next line</w:t></w:r></w:p>\
             <w:p><w:r><w:fldChar/><w:instrText>HYPERLINK \"x\"</w:instrText><w:t>link</w:t></w:r></w:p>",
        );
        assert_eq!(
            text,
            "Skills\n\n- C++ & C#\n- Node.js\n\nRole (2021)\nnext line\n\nlink"
        );
    }

    #[test]
    fn tables_and_text_boxes() {
        let cell = |text: &str| format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>");
        let row = |a: &str, b: &str| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b));
        let text = body(&format!(
            "<w:tbl><w:tblPr/>{}{}</w:tbl>\
             <w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>\
             <w:p><w:r><w:t>In a box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
             <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In a box</w:t></w:r></w:p>\
             </w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p><w:p><w:r><w:t>Go</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>Main</w:t></w:r></w:p><w:tbl>{}</w:tbl></w:tc></w:tr></w:tbl>",
            row("Languages", "C++, C#"),
            row("Cloud", "AWS"),
            row("Inner", "cell"),
        ));
        assert_eq!(
            text,
            "Languages | C++, C#\nCloud | AWS\n\nIn a box\n\nAnchor\n\n\
             Sidebar\n\nGo\n\nMain\n\nInner | cell"
        );
    }

    #[test]
    fn parts_are_numbered() {
        let names: Vec<String> = [
            "word/header10.xml",
            "word/header2.xml",
            "word/header.xml",
            "word/headers.xml",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            numbered(&names, "word/header"),
            ["word/header.xml", "word/header2.xml", "word/header10.xml"]
        );
    }
}
