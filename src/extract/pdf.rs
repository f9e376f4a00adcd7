//! PDF: the text layer, through `pdf-extract` (fonts, encodings, ToUnicode
//! maps; on `lopdf`), laid out by [`super::layout`].
//!
//! Everything runs inside a `lopdf::budget` scope (a patch of ours, see
//! `docs/pdf-patches.md`): every decoder that runs, whatever the filter or
//! chain of filters, object and cross-reference streams included, stops at
//! [`MAX_PDF_STREAM_BYTES`] a stream and [`MAX_PDF_INFLATED_BYTES`] in all,
//! and the parsers' own loops stop at the deadline ([`PDF_TIME_BUDGET`]). The
//! patched `pdf-extract` also bounds each page: XObject nesting, repeats and
//! cycles, operations, graphics states, path segments. Around the parser, in
//! order:
//! 1. encryption: a file that opens with the empty password (restrictions
//!    only) is read, one that needs a password is refused;
//! 2. images are emptied (`pdf-extract` would parse their pixels as drawing
//!    commands), form XObjects are checked for cycles (a form that draws
//!    itself would recurse until the stack ends), and a file whose pages use no
//!    font has no text layer: a scan;
//! 3. pages, at most [`MAX_PDF_PAGES`], one at a time inside the panic guard;
//!    a page that fails is skipped, a file whose every page fails is damaged,
//!    and a page over a bound fails the file;
//! 4. words hyphenated at a line end are joined.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use pdf_extract::budget::{self, Exceeded, Limits};
use pdf_extract::{
    Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Path, PathOp,
    Transform,
};

use super::layout::{Glyph, Rule, page_text};
use super::sniff::pdf_header;
use super::{
    InputErrorKind, InputFormat, MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, MAX_PDF_STREAM_BYTES,
    PDF_TIME_BUDGET, guard,
};

const PDF: InputFormat = InputFormat::Pdf;

/// How deep form XObjects may nest.
const MAX_FORM_DEPTH: usize = 16;

/// Glyphs kept from one page (a dense page has a few thousand); the rest are
/// ignored.
const MAX_GLYPHS: usize = 200_000;

/// Vertical rules kept from one page.
const MAX_RULES: usize = 5_000;

/// The text of a PDF.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let start = pdf_header(bytes)
        .ok_or_else(|| InputErrorKind::corrupt(PDF, "no %PDF- header: this is not a PDF"))?;
    let limits = Limits {
        stream_bytes: MAX_PDF_STREAM_BYTES,
        total_bytes: MAX_PDF_INFLATED_BYTES,
        deadline: Some(Instant::now() + PDF_TIME_BUDGET),
    };
    let (text, exceeded) = budget::scope(limits, || read(&bytes[start..]));
    match (text, exceeded) {
        // Already the limit's error, with its page.
        (Err(err @ InputErrorKind::TooComplex { .. }), _) => Err(err),
        (_, Some(limit)) => Err(limit_error(limit, None)),
        (text, None) => text,
    }
}

/// The text of a PDF, inside a budget scope.
fn read(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let mut document = Document::load_mem(bytes).map_err(|err| load_error(&err))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(InputErrorKind::Encrypted { format: PDF });
    }
    empty_images(&mut document);
    let pages = document.get_pages();
    if pages.is_empty() {
        return Err(InputErrorKind::corrupt(PDF, "it has no pages"));
    }
    if pages.len() > MAX_PDF_PAGES {
        return Err(InputErrorKind::too_complex(
            PDF,
            format!("{} pages, over the {MAX_PDF_PAGES}-page limit", pages.len()),
        ));
    }
    if !uses_fonts(&document, &pages)? {
        return Err(InputErrorKind::NoText { format: PDF });
    }
    let mut device = Device::default();
    let mut texts = Vec::with_capacity(pages.len());
    let mut failure = None;
    for &number in pages.keys() {
        let outcome = guard::catch(|| pdf_extract::output_doc_page(&document, &mut device, number));
        if let Some(limit) = budget::exceeded() {
            return Err(limit_error(limit, Some(number)));
        }
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(OutputError::Limit(what))) => {
                return Err(InputErrorKind::too_complex(
                    PDF,
                    format!("{what} (page {number})"),
                ));
            }
            Ok(Err(OutputError::Cycle(what))) => {
                return Err(InputErrorKind::corrupt(
                    PDF,
                    format!("{what} (a cycle, page {number})"),
                ));
            }
            Ok(Err(err)) => failure = Some(err.to_string()),
            Err(panic) => failure = Some(panic),
        }
        texts.push(device.finish_page());
    }
    let text = texts.join("\n\n");
    if let Some(failure) = failure.filter(|_| text.trim().is_empty()) {
        return Err(InputErrorKind::corrupt(
            PDF,
            format!("no page could be read ({failure})"),
        ));
    }
    Ok(join_hyphenated(&text))
}

fn load_error(err: &pdf_extract::Error) -> InputErrorKind {
    let detail = err.to_string();
    if detail.to_ascii_lowercase().contains("decrypt") || detail.contains("password") {
        InputErrorKind::Encrypted { format: PDF }
    } else {
        InputErrorKind::corrupt(PDF, format!("{detail} (truncated or damaged?)"))
    }
}

/// The error for a budget limit passed, on `page` when known.
fn limit_error(limit: Exceeded, page: Option<u32>) -> InputErrorKind {
    let detail = match limit {
        Exceeded::Stream(limit) => format!(
            "a stream inflates to more than {} MiB (a decompression bomb?)",
            limit >> 20
        ),
        Exceeded::Total(limit) => format!("its streams inflate to more than {} MiB", limit >> 20),
        Exceeded::Time => format!("reading it took over {} s", PDF_TIME_BUDGET.as_secs()),
        Exceeded::Content(what) => what.to_string(),
    };
    // A decoded size is the file's, wherever it was met; a page names the
    // others.
    match page {
        Some(page) if matches!(limit, Exceeded::Time | Exceeded::Content(_)) => {
            InputErrorKind::too_complex(PDF, format!("{detail} (page {page})"))
        }
        _ => InputErrorKind::too_complex(PDF, detail),
    }
}

/// Empties image streams: no text there, and `pdf-extract` would parse their
/// pixels as drawing commands.
fn empty_images(document: &mut Document) {
    for object in document.objects.values_mut() {
        if let Object::Stream(stream) = object {
            let is_image = stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|name| name == b"Image");
            if is_image {
                stream.set_plain_content(Vec::new());
            }
        }
    }
}

/// True when some page draws with a font; checks that form XObjects neither
/// nest too deep nor draw themselves.
fn uses_fonts(
    document: &Document,
    pages: &BTreeMap<u32, ObjectId>,
) -> Result<bool, InputErrorKind> {
    let mut fonts = false;
    let mut checked = HashSet::new();
    for &page in pages.values() {
        let Ok((own, inherited)) = document.get_page_resources(page) else {
            continue;
        };
        let mut dictionaries: Vec<&Dictionary> = own.into_iter().collect();
        dictionaries.extend(
            inherited
                .into_iter()
                .filter_map(|id| document.get_dictionary(id).ok()),
        );
        for resources in dictionaries {
            let mut path = Vec::new();
            fonts |= walk_resources(document, resources, &mut path, &mut checked)?;
        }
    }
    Ok(fonts)
}

/// Visits a resource dictionary and the forms it names; `path` holds the forms
/// being visited, to find cycles.
fn walk_resources(
    document: &Document,
    resources: &Dictionary,
    path: &mut Vec<ObjectId>,
    checked: &mut HashSet<ObjectId>,
) -> Result<bool, InputErrorKind> {
    let resolve = |object| resolve(document, object);
    let mut fonts = resources
        .get(b"Font")
        .ok()
        .and_then(resolve)
        .and_then(|fonts| fonts.as_dict().ok())
        .is_some_and(|fonts| !fonts.is_empty());
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(resolve)
        .and_then(|x| x.as_dict().ok())
    else {
        return Ok(fonts);
    };
    for (_, entry) in xobjects.iter() {
        let Ok(id) = entry.as_reference() else {
            continue;
        };
        if path.contains(&id) {
            return Err(InputErrorKind::corrupt(
                PDF,
                "a form XObject draws itself (a cycle)",
            ));
        }
        if path.len() >= MAX_FORM_DEPTH {
            return Err(InputErrorKind::too_complex(
                PDF,
                format!("form XObjects nest deeper than {MAX_FORM_DEPTH} levels"),
            ));
        }
        if !checked.insert(id) {
            continue;
        }
        let Ok(Object::Stream(form)) = document.get_object(id) else {
            continue;
        };
        let is_form = form
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|name| name == b"Form");
        if !is_form {
            continue;
        }
        let Some(inner) = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(resolve)
            .and_then(|r| r.as_dict().ok())
        else {
            continue;
        };
        path.push(id);
        let result = walk_resources(document, inner, path, checked);
        path.pop();
        fonts |= result?;
    }
    Ok(fonts)
}

fn resolve<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Object> {
    document.dereference(object).ok().map(|(_, object)| object)
}

/// Collects the glyphs and vertical rules of a page for [`page_text`].
#[derive(Default)]
struct Device {
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
}

impl Device {
    fn finish_page(&mut self) -> String {
        let glyphs = std::mem::take(&mut self.glyphs);
        let rules = std::mem::take(&mut self.rules);
        page_text(glyphs, &rules)
    }

    fn add_path(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let point = |x: f64, y: f64| {
            (
                ctm.m11 * x + ctm.m21 * y + ctm.m31,
                ctm.m12 * x + ctm.m22 * y + ctm.m32,
            )
        };
        let mut current = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => current = Some(point(x, y)),
                PathOp::LineTo(x, y) => {
                    let to = point(x, y);
                    if let Some(from) = current {
                        self.add_rule(from, to);
                    }
                    current = Some(to);
                }
                PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (point(x, y), point(x + w, y + h));
                    let thin = (a.0 - b.0).abs() < 2.0;
                    if thin {
                        self.add_rule(((a.0 + b.0) / 2.0, a.1), ((a.0 + b.0) / 2.0, b.1));
                    } else if !filled {
                        self.add_rule(a, (a.0, b.1));
                        self.add_rule((b.0, a.1), b);
                    }
                }
                PathOp::CurveTo(.., x, y) => current = Some(point(x, y)),
                PathOp::Close => {}
            }
        }
    }

    fn add_rule(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        if (x0 - x1).abs() < 1.0 && (y0 - y1).abs() > 2.0 && self.rules.len() < MAX_RULES {
            self.rules.push(Rule {
                x: (x0 + x1) / 2.0,
                y0: y0.min(y1),
                y1: y0.max(y1),
            });
        }
    }
}

impl OutputDev for Device {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.is_empty() || self.glyphs.len() >= MAX_GLYPHS {
            return Ok(());
        }
        let scale_x = trm.m11.hypot(trm.m12);
        let scale_y = trm.m21.hypot(trm.m22);
        self.glyphs.push(Glyph {
            x: trm.m31,
            y: trm.m32,
            advance: (width * font_size + spacing) * scale_x,
            size: (font_size * scale_y).abs(),
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_path(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.add_path(ctm, path, true);
        Ok(())
    }
}

/// Word endings that never stand alone: "develop-" + "ment" is one word.
const SUFFIXES: &[&str] = &[
    "able", "ably", "age", "al", "ally", "ance", "ant", "ary", "ate", "ated", "ation", "ations",
    "cy", "ed", "ence", "ent", "ents", "er", "ers", "est", "ful", "ible", "ic", "ical", "ics",
    "ing", "ings", "ion", "ions", "ise", "ised", "ism", "ist", "ists", "ity", "ities", "ive",
    "ize", "ized", "izes", "less", "ly", "ment", "ments", "ness", "ology", "ous", "ry", "ship",
    "sion", "sions", "tion", "tions", "ture", "tures", "ure", "ward", "wards",
];

/// Joins words hyphenated at a line end: "auto-" / "scaling" becomes
/// "auto-scaling" on the first line. The hyphen goes when the joined word
/// appears unhyphenated elsewhere in the text, or the second part is a bare
/// suffix ("develop-" / "ment"); it stays when the hyphenated form appears
/// elsewhere, and otherwise (a compound is the safer guess: both parts stay
/// words). A soft hyphen always goes.
pub(crate) fn join_hyphenated(text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let words: HashSet<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && !w.starts_with('-') && !w.ends_with('-'))
        .map(str::to_lowercase)
        .collect();
    for index in 0..lines.len().saturating_sub(1) {
        let line = lines[index].trim_end();
        let Some((head, soft)) = line
            .strip_suffix('-')
            .map(|h| (h, false))
            .or_else(|| line.strip_suffix('\u{AD}').map(|h| (h, true)))
        else {
            continue;
        };
        let fragment: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !fragment.chars().next_back().is_some_and(char::is_lowercase) {
            continue;
        }
        let next = lines[index + 1].trim_start();
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let tail_end = next.find(char::is_whitespace).unwrap_or(next.len());
        let (tail_word, rest) = next.split_at(tail_end);
        let tail: String = tail_word
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let joined = format!("{fragment}{tail}").to_lowercase();
        let hyphenated = format!("{fragment}-{tail}").to_lowercase();
        let keep_hyphen = !soft
            && !words.contains(&joined)
            && (words.contains(&hyphenated) || !SUFFIXES.contains(&tail.to_lowercase().as_str()));
        let mut first = head.to_string();
        if keep_hyphen {
            first.push('-');
        }
        first.push_str(tail_word);
        let rest = rest.trim_start().to_string();
        lines[index] = first;
        lines[index + 1] = rest;
    }
    // A line emptied by the join goes, unless it was a paragraph break.
    let mut out = String::with_capacity(text.len());
    let originals: Vec<&str> = text.split('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        if line.is_empty() && !originals[index].trim().is_empty() {
            continue;
        }
        if index > 0 && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_words_are_joined() {
        let table = [
            (
                "groups with auto-\nscaling groups",
                "groups with auto-scaling\ngroups",
            ),
            (
                "cloud infra-\nstructure on AWS; infrastructure as code",
                "cloud infrastructure\non AWS; infrastructure as code",
            ),
            ("software develop-\nment", "software development"),
            ("soft\u{AD}\nware done", "software\ndone"),
            ("a list -\nnext", "a list -\nnext"),
            ("Title-\nCase stays", "Title-\nCase stays"),
            (
                "ends in auto-\n\nnew paragraph",
                "ends in auto-\n\nnew paragraph",
            ),
        ];
        for (input, expected) in table {
            assert_eq!(join_hyphenated(input), expected, "{input:?}");
        }
    }
}
