//! Choosing a document's format: content first, then the name, then a look at
//! the text.
//!
//! 1. Magic bytes that cannot lie: `%PDF-` (within the first KiB, as readers
//!    allow), `{\rtf`, a zip archive (DOCX when it holds `word/document.xml`,
//!    ODT when its `mimetype` says so), and kinds rolefit refuses by name
//!    (legacy Office files, images, other Office and OpenDocument files).
//!    Other binary content is refused later as binary.
//! 2. The extension, when it names a format.
//! 3. For text with no telling extension (or standard input): an HTML doctype
//!    or `<html>`, a JSON object with JSON Resume fields, a LaTeX preamble.
//! 4. Plain text.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use super::archive::Archive;
use super::{InputErrorKind, InputFormat, decode};

/// How far into a file `%PDF-` may start.
const PDF_HEADER_WINDOW: usize = 1024;

/// The format of a document, from its bytes and its path (empty for standard
/// input).
pub(crate) fn detect(bytes: &[u8], path: &str) -> Result<InputFormat, InputErrorKind> {
    let by_name = InputFormat::from_extension(path);
    if let Some(format) = by_magic(bytes, by_name)? {
        return Ok(format);
    }
    match by_name {
        Some(InputFormat::Text) | None => Ok(by_text(bytes)),
        Some(format) => Ok(format),
    }
}

/// The PDF header's offset, if there is one near the start.
pub(crate) fn pdf_header(bytes: &[u8]) -> Option<usize> {
    /// Built once: every document of a batch is searched for it.
    static HEADER: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"%PDF-"));
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    HEADER.find(window)
}

fn by_magic(
    bytes: &[u8],
    by_name: Option<InputFormat>,
) -> Result<Option<InputFormat>, InputErrorKind> {
    let unsupported = |what: &str| {
        Err(InputErrorKind::Unsupported {
            what: what.to_string(),
        })
    };
    if pdf_header(bytes).is_some() {
        return Ok(Some(InputFormat::Pdf));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Ok(Some(InputFormat::Rtf));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match by_name {
            Some(format @ (InputFormat::Docx | InputFormat::Odt)) => Ok(Some(format)),
            _ => zip_kind(bytes),
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return unsupported(
            "a legacy Office file (Word 97-2003 .doc) or a password-protected Office file, \
             which rolefit does not read: save it as DOCX or PDF",
        );
    }
    let images: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
    ];
    for (magic, name) in images {
        if bytes.starts_with(magic) {
            return unsupported(&format!(
                "a {name} image, not a document; rolefit does not do OCR"
            ));
        }
    }
    Ok(None)
}

/// DOCX or ODT by a zip archive's content.
fn zip_kind(bytes: &[u8]) -> Result<Option<InputFormat>, InputErrorKind> {
    // A zip that cannot be opened is for the DOCX reader to report.
    let Ok(mut archive) = Archive::open(bytes, InputFormat::Docx) else {
        return Ok(Some(InputFormat::Docx));
    };
    if archive.contains("word/document.xml") {
        return Ok(Some(InputFormat::Docx));
    }
    if let Ok(Some(mimetype)) = archive.read("mimetype") {
        if mimetype.starts_with(b"application/vnd.oasis.opendocument.text") {
            return Ok(Some(InputFormat::Odt));
        }
        if mimetype.starts_with(b"application/vnd.oasis.opendocument") {
            return Err(InputErrorKind::Unsupported {
                what: "an OpenDocument spreadsheet, presentation or drawing, not a text document"
                    .to_string(),
            });
        }
    }
    let what = if archive.contains("xl/workbook.xml") || archive.contains("ppt/presentation.xml") {
        "an Excel or PowerPoint file, not a text document"
    } else {
        "a zip archive, not a DOCX or ODT document"
    };
    Err(InputErrorKind::Unsupported {
        what: what.to_string(),
    })
}

/// HTML, JSON Resume or LaTeX by a look at the start of the text; plain text
/// otherwise (including text that cannot be decoded: the text reader says why).
fn by_text(bytes: &[u8]) -> InputFormat {
    let head = &bytes[..bytes.len().min(4096)];
    if plainly_text(head) {
        return InputFormat::Text;
    }
    by_decoded_text(bytes)
}

/// [`by_text`] on the decoded start of the text.
fn by_decoded_text(bytes: &[u8]) -> InputFormat {
    let head = &bytes[..bytes.len().min(4096)];
    let head = match head_text(head) {
        Some(text) => Cow::Borrowed(text),
        None => match decode::decode_text(head) {
            Ok(text) => Cow::Owned(text),
            // A cut in the middle of a character: try the whole.
            Err(InputErrorKind::InvalidUtf8 { .. }) if head.len() < bytes.len() => {
                String::from_utf8_lossy(head)
            }
            Err(_) => return InputFormat::Text,
        },
    };
    let start = head.trim_start();
    let lower: String = start
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return InputFormat::Html;
    }
    if start.starts_with('{')
        && ["\"basics\"", "\"work\"", "\"skills\""]
            .iter()
            .any(|key| head.contains(key))
    {
        return InputFormat::JsonResume;
    }
    if head.contains("\\documentclass") || head.contains("\\begin{document}") {
        return InputFormat::Latex;
    }
    InputFormat::Text
}

/// True when the checks below would find nothing in `head`, seen without
/// decoding it: its first character after white space is ASCII but neither
/// `<` nor `{`, and it holds neither LaTeX mark. (ASCII characters and
/// substrings are the same in the bytes as in any text decoded from them.)
fn plainly_text(head: &[u8]) -> bool {
    let first = head.iter().find(|&&b| !matches!(b, b'\t'..=b'\r' | b' '));
    first.is_some_and(|&b| b.is_ascii() && b != b'<' && b != b'{')
        && memchr::memmem::find(head, b"\\documentclass").is_none()
        && memchr::memmem::find(head, b"\\begin{document}").is_none()
}

/// The text `decode_text` would make of `head`, borrowed, in the usual case it
/// needs no work: valid UTF-8 without a byte-order mark, neither blank nor
/// binary. `None` otherwise.
fn head_text(head: &[u8]) -> Option<&str> {
    let usual = !head.starts_with(b"\xEF\xBB\xBF")
        && !head.iter().all(u8::is_ascii_whitespace)
        && !decode::looks_binary(head);
    usual.then(|| std::str::from_utf8(head).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(bytes: &[u8], path: &str) -> Result<InputFormat, &'static str> {
        detect(bytes, path).map_err(|kind| kind.code())
    }

    #[test]
    fn the_plain_text_shortcut_agrees_with_decoding() {
        const PIECES: &[&[u8]] = &[
            b" ",
            b"\t",
            b"\n",
            b"\x0B",
            b"\r\n",
            b"<",
            b"{",
            b"<html>",
            b"<!DOCTYPE html>",
            b"{\"basics\": 1}",
            b"\\documentclass",
            b"\\begin{document}",
            b"Alex",
            b"C++",
            b"\xC2\xA0",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\x00",
            b"\x01",
            b"\xE9",
            b"\x93",
            "日本".as_bytes(),
            b"\xE6\x97",
        ];
        let mut rng = crate::testing::XorShift::new(0x2545_F491_4F6C_DD1Du64);
        let mut next = |n: usize| rng.below(n);
        let mut shortcuts = 0;
        for _ in 0..20_000 {
            let count = 1 + next(6);
            let bytes: Vec<u8> = (0..count)
                .flat_map(|_| PIECES[next(PIECES.len())].iter().copied())
                .collect();
            if plainly_text(&bytes) {
                shortcuts += 1;
                assert_eq!(by_decoded_text(&bytes), InputFormat::Text, "{bytes:?}");
            }
        }
        assert!(shortcuts > 1000, "{shortcuts}");
    }

    #[test]
    fn content_first_then_extension_then_text() {
        let table: [(&[u8], &str, Result<InputFormat, &str>); 14] = [
            (b"%PDF-1.7\n", "cv.txt", Ok(InputFormat::Pdf)),
            (b"junk\n%PDF-1.4\n", "", Ok(InputFormat::Pdf)),
            (b"{\\rtf1\\ansi hi}", "cv.doc", Ok(InputFormat::Rtf)),
            (b"plain words", "cv.pdf", Ok(InputFormat::Pdf)),
            (b"# Title", "cv.md", Ok(InputFormat::Markdown)),
            (b"<!-- x --><p>hi</p>", "cv.md", Ok(InputFormat::Markdown)),
            (b"<!DOCTYPE html><p>hi</p>", "", Ok(InputFormat::Html)),
            (b"  <html><body>hi", "page.txt", Ok(InputFormat::Html)),
            (b"{\"basics\": {}}", "-", Ok(InputFormat::JsonResume)),
            (b"{\"a\": 1}", "data.json", Ok(InputFormat::JsonResume)),
            (b"\\documentclass{article}", "", Ok(InputFormat::Latex)),
            (b"Alex Morgan", "", Ok(InputFormat::Text)),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
                "cv.doc",
                Err("unsupported"),
            ),
            (b"\x89PNG\r\n\x1a\nrest", "scan.pdf.png", Err("unsupported")),
        ];
        for (bytes, path, expected) in table {
            assert_eq!(format(bytes, path), expected, "{path}: {bytes:?}");
        }
    }
}
