//! Reading documents: from a path or standard input to the text rolefit scores.
//!
//! [`read_document`] reads the bytes (refusing folders, missing files and files
//! over [`ExtractOptions::max_bytes`]), then [`document_from_bytes`] picks the
//! format and extracts the text. The format is chosen by content first (magic
//! bytes: `%PDF-`, a zip holding `word/document.xml` or an OpenDocument
//! `mimetype`, `{\rtf`), then by the file name's extension, then by a look at
//! the text (an HTML doctype, a JSON Resume object, a LaTeX preamble);
//! [`ExtractOptions::format`] forces it. One module per format:
//!
//! | format | module | how |
//! | --- | --- | --- |
//! | plain text | `decode` | UTF-8, UTF-16 with a byte-order mark, or Windows-1252 |
//! | Markdown | `markdown` | markup stripped, one output line per source line |
//! | HTML | `html` | visible text; blocks as lines, cells apart |
//! | PDF | `pdf`, `layout` | the text layer, laid out in reading order |
//! | DOCX | `docx` | body, tables, lists, text boxes, headers, footers, notes |
//! | ODT | `odt` | body, tables, lists, frames, headers, footers |
//! | RTF | `rtf` | text, tables as cells; metadata and pictures left out |
//! | LaTeX | `latex` | the document body, commands stripped |
//! | JSON Resume | `json_resume` | the fields a reader sees |
//!
//! The text keeps one line per visual line, paragraph, list item or table row,
//! table cells apart (` | `), and a blank line between paragraphs and blocks:
//! the analyzer reads a blank line as a paragraph break and `|` as a phrase
//! break, so words in neighbouring cells or columns never run together.
//!
//! Every failure is an [`InputError`] that names the file and the reason, so a
//! batch can record it and go on. Nothing here writes to the input. Parsing is
//! bounded: the size limits below hold for every decompressed part, XML and
//! RTF nesting is capped, PDF pages are capped and share a time budget, as do
//! the parts of a DOCX or ODT, and a panic inside a third-party parser becomes
//! an [`InputErrorKind::Corrupt`] error instead of ending the process. What a
//! bound misses, a worker process catches: with [`Parsers::Isolated`], PDF,
//! DOCX and ODT files are parsed in [`isolate`]'s workers, under memory, CPU
//! and wall-clock limits, so a stack overflow, a failed allocation or a hang
//! ends one document's reading, not the process.

mod archive;
mod decode;
mod docx;
mod guard;
mod html;
pub mod isolate;
mod json_resume;
mod latex;
mod layout;
mod markdown;
mod odt;
mod pdf;
mod rtf;
mod sniff;
mod text;
mod xml;

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::files::{OpenError, Special, open_regular};

/// Default size limit for one input file: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The most bytes one part of a zip-based document (DOCX, ODT) may unpack to.
pub const MAX_ARCHIVE_ENTRY_BYTES: u64 = 32 * 1024 * 1024;

/// The most bytes all the parts read from one zip-based document may unpack to.
pub const MAX_ARCHIVE_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// The deepest element nesting accepted in XML (DOCX, ODT) and group nesting in
/// RTF and LaTeX.
pub const MAX_NESTING_DEPTH: usize = 256;

/// The most pages read from one PDF; a longer file is refused.
pub const MAX_PDF_PAGES: usize = 500;

/// The most bytes one compressed PDF stream (other than an image) may inflate
/// to.
pub const MAX_PDF_STREAM_BYTES: u64 = 32 * 1024 * 1024;

/// The most bytes all the compressed PDF streams of one file (other than
/// images) may inflate to together.
pub const MAX_PDF_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// The time one PDF may take to read; a slower file is refused.
pub const PDF_TIME_BUDGET: Duration = Duration::from_secs(20);

/// The time one zip-based document (DOCX, ODT) may take to read; a slower file
/// is refused.
pub const ARCHIVE_TIME_BUDGET: Duration = Duration::from_secs(20);

/// The most parts read from one zip-based document (DOCX, ODT); a document
/// that needs more is refused.
pub const MAX_ARCHIVE_PARTS: usize = 1_000;

/// File name extensions (lowercase, without the dot) of the formats rolefit
/// reads, for a folder walk to pick up.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "pdf", "docx", "odt", "html", "htm", "xhtml", "json", "rtf",
    "tex", "latex",
];

/// Where PDF, DOCX and ODT files are parsed: their parsers are large
/// third-party code that meets hostile files, so the command line reads them
/// in worker processes; other formats are always read in this process.
#[derive(Debug, Clone, Default)]
pub enum Parsers {
    /// In this process: the fastest, for tests and benchmarks. A parser that
    /// overflows its stack, fails to allocate or hangs takes the process with
    /// it.
    #[default]
    InProcess,
    /// In the worker processes of a [`isolate::Pool`], under memory, CPU and
    /// wall-clock limits.
    Isolated(isolate::Pool),
}

/// How documents are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Larger inputs are refused.
    pub max_bytes: u64,
    /// Read every input as this format, whatever its content or name
    /// (`--format-in`); `None` detects it.
    pub format: Option<InputFormat>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
        }
    }
}

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// Markdown, its markup stripped.
    Markdown,
    /// HTML, its visible text.
    Html,
    /// PDF with a text layer.
    Pdf,
    /// Word (Office Open XML) document.
    Docx,
    /// OpenDocument text.
    Odt,
    /// Rich Text Format.
    Rtf,
    /// LaTeX source.
    Latex,
    /// A résumé in the JSON Resume schema (jsonresume.org).
    JsonResume,
}

impl InputFormat {
    /// Every format, in the order `--format-in` lists them.
    pub const ALL: [InputFormat; 9] = [
        InputFormat::Text,
        InputFormat::Markdown,
        InputFormat::Html,
        InputFormat::Pdf,
        InputFormat::Docx,
        InputFormat::Odt,
        InputFormat::Rtf,
        InputFormat::Latex,
        InputFormat::JsonResume,
    ];

    /// A stable short code (kebab-case), as in JSON output.
    pub fn code(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
            InputFormat::Pdf => "pdf",
            InputFormat::Docx => "docx",
            InputFormat::Odt => "odt",
            InputFormat::Rtf => "rtf",
            InputFormat::Latex => "latex",
            InputFormat::JsonResume => "json-resume",
        }
    }

    /// The name people know it by, for messages.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Html => "HTML",
            InputFormat::Pdf => "PDF",
            InputFormat::Docx => "DOCX",
            InputFormat::Odt => "ODT",
            InputFormat::Rtf => "RTF",
            InputFormat::Latex => "LaTeX",
            InputFormat::JsonResume => "JSON",
        }
    }

    /// The format a file name's extension stands for, compared
    /// case-insensitively; `None` for an unknown or missing extension.
    pub fn from_extension(path: &str) -> Option<InputFormat> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let (_, extension) = name.rsplit_once('.')?;
        let format = match extension.to_ascii_lowercase().as_str() {
            "txt" | "text" => InputFormat::Text,
            "md" | "markdown" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "pdf" => InputFormat::Pdf,
            "docx" => InputFormat::Docx,
            "odt" => InputFormat::Odt,
            "rtf" => InputFormat::Rtf,
            "tex" | "latex" => InputFormat::Latex,
            "json" => InputFormat::JsonResume,
            _ => return None,
        };
        Some(format)
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A document's text, ready to analyze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: the path as given, or `-` for standard input.
    pub path: String,
    /// The format it was read as.
    pub format: InputFormat,
    /// Its text.
    pub text: String,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum InputErrorKind {
    /// No file at the path.
    NotFound,
    /// The path is a folder.
    IsDirectory,
    /// The path is neither a regular file nor a folder: a FIFO, socket or
    /// device (refused unread, so it cannot make rolefit wait).
    NotAFile {
        /// What it is.
        what: String,
    },
    /// The file exists but cannot be read (permissions, I/O error).
    Unreadable {
        /// The system's message.
        detail: String,
    },
    /// The file has no bytes, or only white space.
    Empty,
    /// The file is over the size limit.
    TooLarge {
        /// The file's size in bytes (at least; standard input is not read past
        /// the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds binary data, not a document.
    Binary,
    /// The text is neither UTF-8 nor plausible Windows-1252.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A kind of file rolefit does not read (a legacy .doc, an image, a zip
    /// that is no document).
    Unsupported {
        /// What the file is, and what to do about it.
        what: String,
    },
    /// The file claims a format but is damaged, truncated or invalid.
    Corrupt {
        /// The format it was read as.
        format: InputFormat,
        /// What is wrong.
        detail: String,
    },
    /// A password-protected document.
    Encrypted {
        /// The format it was read as.
        format: InputFormat,
    },
    /// A well-formed document with no text: for a PDF, a scanned image.
    NoText {
        /// The format it was read as.
        format: InputFormat,
    },
    /// Reading the file would pass one of the parsing limits (decompressed size,
    /// nesting depth, page count, time).
    TooComplex {
        /// The format it was read as.
        format: InputFormat,
        /// Which limit.
        detail: String,
    },
    /// The text was read but is refused for comparison with a posting: too
    /// few words, or garbled ([`crate::compare::TextProblem`]).
    Unusable {
        /// What is wrong with the text.
        detail: String,
    },
}

impl InputErrorKind {
    /// A stable short code for machine-readable output.
    pub fn code(&self) -> &'static str {
        match self {
            InputErrorKind::NotFound => "not-found",
            InputErrorKind::IsDirectory => "is-directory",
            InputErrorKind::NotAFile { .. } => "not-a-file",
            InputErrorKind::Unreadable { .. } => "unreadable",
            InputErrorKind::Empty => "empty",
            InputErrorKind::TooLarge { .. } => "too-large",
            InputErrorKind::Binary => "binary",
            InputErrorKind::InvalidUtf8 { .. } => "invalid-utf8",
            InputErrorKind::Unsupported { .. } => "unsupported",
            InputErrorKind::Corrupt { .. } => "corrupt",
            InputErrorKind::Encrypted { .. } => "encrypted",
            InputErrorKind::NoText { .. } => "no-text",
            InputErrorKind::TooComplex { .. } => "too-complex",
            InputErrorKind::Unusable { .. } => "unusable",
        }
    }

    /// Every code [`InputErrorKind::code`] returns, for documentation and tests.
    pub const CODES: [&'static str; 14] = [
        "not-found",
        "is-directory",
        "not-a-file",
        "unreadable",
        "empty",
        "too-large",
        "binary",
        "invalid-utf8",
        "unsupported",
        "corrupt",
        "encrypted",
        "no-text",
        "too-complex",
        "unusable",
    ];

    fn corrupt(format: InputFormat, detail: impl fmt::Display) -> Self {
        InputErrorKind::Corrupt {
            format,
            detail: one_line(&detail.to_string()),
        }
    }

    fn too_complex(format: InputFormat, detail: impl Into<String>) -> Self {
        InputErrorKind::TooComplex {
            format,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for InputErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputErrorKind::NotFound => f.write_str("no such file"),
            InputErrorKind::IsDirectory => {
                f.write_str("is a directory, not a file (rolefit batch scores folders)")
            }
            InputErrorKind::NotAFile { what } => write!(
                f,
                "is {what}, not a regular file: rolefit reads only regular files (`-` reads \
                 standard input)"
            ),
            InputErrorKind::Unreadable { detail } => write!(f, "cannot read: {detail}"),
            InputErrorKind::Empty => f.write_str("is empty: there is no text to score"),
            InputErrorKind::TooLarge { size, limit } => write!(
                f,
                "is {size} bytes, over the {limit}-byte limit (raise it with --max-size)"
            ),
            InputErrorKind::Binary => f.write_str("is a binary file, not a text document"),
            InputErrorKind::InvalidUtf8 { offset } => write!(
                f,
                "is not valid UTF-8 or Windows-1252 text (invalid byte at offset {offset})"
            ),
            InputErrorKind::Unsupported { what } => write!(f, "is {what}"),
            InputErrorKind::Corrupt { format, detail } => {
                write!(f, "is not a readable {format} file: {detail}")
            }
            InputErrorKind::Encrypted { format } => write!(
                f,
                "is an encrypted (password-protected) {format} file; save an unprotected copy"
            ),
            InputErrorKind::NoText {
                format: InputFormat::Pdf,
            } => f.write_str(
                "is a PDF with no text layer (a scanned image?); rolefit does not do OCR, \
                 so run it through an OCR tool first",
            ),
            InputErrorKind::NoText { format } => {
                write!(
                    f,
                    "is a {format} file with no text: there is nothing to score"
                )
            }
            InputErrorKind::TooComplex { format, detail } => {
                write!(f, "is a {format} file over a parsing limit: {detail}")
            }
            InputErrorKind::Unusable { detail } => f.write_str(detail),
        }
    }
}

/// A document that could not be read: which one, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct InputError {
    /// The path as given.
    pub path: String,
    /// The reason.
    pub kind: InputErrorKind,
}

/// Reads a document from `path` ([`read_file`]), or from standard input when
/// `path` is `-`, parsing it in this process ([`Parsers::InProcess`]).
pub fn read_document(
    path: impl AsRef<Path>,
    options: &ExtractOptions,
) -> Result<Document, InputError> {
    read_document_with(path, options, &Parsers::InProcess)
}

/// [`read_document`], with PDF, DOCX and ODT files parsed by `parsers`.
pub fn read_document_with(
    path: impl AsRef<Path>,
    options: &ExtractOptions,
    parsers: &Parsers,
) -> Result<Document, InputError> {
    let path = path.as_ref();
    if path.as_os_str() != "-" {
        return read_file_with(path, options, parsers);
    }
    let bytes = read_limited(io::stdin().lock(), options.max_bytes).map_err(|kind| InputError {
        path: "-".to_string(),
        kind,
    })?;
    document_from("-", Cow::Owned(bytes), options, parsers)
}

/// Reads the document in the regular file at `path`, parsing it in this
/// process. Anything else (a folder, FIFO, socket or device) is refused
/// unread, without waiting. The document and its errors name it by its path
/// shown lossily: bytes that are not UTF-8 become U+FFFD, as ripgrep shows
/// such names.
pub fn read_file(path: &Path, options: &ExtractOptions) -> Result<Document, InputError> {
    read_file_with(path, options, &Parsers::InProcess)
}

/// [`read_file`], with PDF, DOCX and ODT files parsed by `parsers`.
pub fn read_file_with(
    path: &Path,
    options: &ExtractOptions,
    parsers: &Parsers,
) -> Result<Document, InputError> {
    let name = path.to_string_lossy();
    let fail = |kind| InputError {
        path: name.to_string(),
        kind,
    };
    // Opened first, then asked its type and size: one path lookup, no race.
    let (file, metadata) = open_regular(path).map_err(|err| {
        fail(match err {
            OpenError::Io(err) => io_kind(&err),
            OpenError::NotAFile(Special::Folder) => InputErrorKind::IsDirectory,
            OpenError::NotAFile(kind) => InputErrorKind::NotAFile {
                what: kind.describe().to_string(),
            },
        })
    })?;
    if metadata.len() > options.max_bytes {
        return Err(fail(InputErrorKind::TooLarge {
            size: metadata.len(),
            limit: options.max_bytes,
        }));
    }
    let bytes = read_regular_file(file, metadata.len(), options.max_bytes).map_err(fail)?;
    document_from(&name, Cow::Owned(bytes), options, parsers)
}

/// Extracts the text of a document already in memory. `path` names it in
/// errors and its extension helps choose the format.
pub fn document_from_bytes(
    path: &str,
    bytes: &[u8],
    options: &ExtractOptions,
) -> Result<Document, InputError> {
    document_from(path, Cow::Borrowed(bytes), options, &Parsers::InProcess)
}

/// [`document_from_bytes`], for bytes borrowed or owned: owned plain text
/// becomes the document's text without a copy.
fn document_from(
    path: &str,
    bytes: Cow<'_, [u8]>,
    options: &ExtractOptions,
    parsers: &Parsers,
) -> Result<Document, InputError> {
    let fail = |kind| InputError {
        path: path.to_string(),
        kind,
    };
    if bytes.len() as u64 > options.max_bytes {
        return Err(fail(InputErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: options.max_bytes,
        }));
    }
    if bytes.is_empty() {
        return Err(fail(InputErrorKind::Empty));
    }
    let name = if path == "-" { "" } else { path };
    let format = match options.format {
        Some(format) => format,
        None => sniff::detect(&bytes, name).map_err(fail)?,
    };
    let text = match parsers {
        Parsers::Isolated(pool)
            if matches!(
                format,
                InputFormat::Pdf | InputFormat::Docx | InputFormat::Odt
            ) =>
        {
            pool.parse(&bytes, format)
        }
        _ => extract_guarded(bytes, format),
    }
    .map_err(fail)?;
    if text.trim().is_empty() {
        return Err(fail(match format {
            InputFormat::Text => InputErrorKind::Empty,
            _ => InputErrorKind::NoText { format },
        }));
    }
    Ok(Document {
        path: path.to_string(),
        format,
        text,
    })
}

/// The text of `bytes` read as `format`, in this process: what a worker of
/// [`isolate`] runs.
pub(crate) fn parse(bytes: &[u8], format: InputFormat) -> Result<String, InputErrorKind> {
    extract_guarded(Cow::Borrowed(bytes), format)
}

/// [`extract`], with a panic in a parser (ours or a dependency's) as a damaged
/// file, not a crash.
fn extract_guarded(bytes: Cow<'_, [u8]>, format: InputFormat) -> Result<String, InputErrorKind> {
    guard::catch(|| extract(bytes, format)).unwrap_or_else(|panic| {
        Err(InputErrorKind::corrupt(
            format,
            format!("the {format} parser failed ({panic})"),
        ))
    })
}

/// The text of `bytes` read as `format`.
fn extract(bytes: Cow<'_, [u8]>, format: InputFormat) -> Result<String, InputErrorKind> {
    let text = match format {
        InputFormat::Text => return decode::decode_text(bytes).map(text::normalize_chars),
        InputFormat::Markdown => {
            return decode::decode_text(bytes).map(|text| markdown::extract(&text));
        }
        InputFormat::Html => html::extract(&decode::decode_text(bytes)?),
        InputFormat::Pdf => pdf::extract(&bytes)?,
        InputFormat::Docx => docx::extract(&bytes)?,
        InputFormat::Odt => odt::extract(&bytes)?,
        InputFormat::Rtf => rtf::extract(&bytes)?,
        InputFormat::Latex => latex::extract(&decode::decode_text(bytes)?)?,
        InputFormat::JsonResume => json_resume::extract(&decode::decode_text(bytes)?)?,
    };
    Ok(text::tidy(&text))
}

fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| io_kind(&err))?;
    if bytes.len() as u64 > limit {
        return Err(InputErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a regular file whose metadata gives `size` bytes (at most `limit`),
/// in one allocation and, usually, one `read` that asks for a byte more. Once
/// `size` bytes are in, the end is taken as met, with no read to see it;
/// reads that return less go on until then (some network file systems return
/// short reads). If the extra byte came too, the file has grown since: it is
/// read on, to at most `limit`.
fn read_regular_file(mut file: fs::File, size: u64, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let expected = usize::try_from(size).unwrap_or(0);
    let mut bytes = vec![0u8; expected.saturating_add(1)];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(read) => {
                filled += read;
                if filled == expected {
                    break;
                }
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(io_kind(&err)),
        }
    }
    bytes.truncate(filled);
    if filled > expected {
        (&mut file)
            .take(limit.saturating_add(1).saturating_sub(filled as u64))
            .read_to_end(&mut bytes)
            .map_err(|err| io_kind(&err))?;
    }
    if bytes.len() as u64 > limit {
        // Reading stopped past the limit: the file's size now says by how much.
        let read = bytes.len() as u64;
        let size = file
            .metadata()
            .map_or(read, |metadata| metadata.len().max(read));
        return Err(InputErrorKind::TooLarge { size, limit });
    }
    Ok(bytes)
}

fn io_kind(err: &io::Error) -> InputErrorKind {
    match err.kind() {
        io::ErrorKind::NotFound => InputErrorKind::NotFound,
        io::ErrorKind::IsADirectory => InputErrorKind::IsDirectory,
        _ => InputErrorKind::Unreadable {
            detail: err.to_string(),
        },
    }
}

/// A message on one line, at most 160 characters: error details come from
/// parsers that may say more.
fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(160) {
        Some((cut, _)) => format!("{}...", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> Result<Document, InputErrorKind> {
        document_from_bytes(name, bytes, &ExtractOptions::default()).map_err(|err| err.kind)
    }

    #[test]
    fn files_read_whole_whatever_their_size() {
        let folder = tempfile::tempdir().unwrap();
        let limit = 40_000;
        let options = ExtractOptions {
            max_bytes: limit,
            ..ExtractOptions::default()
        };
        for size in [1, 2, 4095, 4096, 4097, 16_384, 39_999, 40_000] {
            let text: String = "word ".repeat(size / 5 + 1)[..size].replace(' ', "\n");
            let path = folder.path().join(format!("{size}.txt"));
            fs::write(&path, &text).unwrap();
            let document = read_document(path.to_str().unwrap(), &options).unwrap();
            assert_eq!(document.text, text, "{size}");
        }
        let path = folder.path().join("large.txt");
        fs::write(&path, "a".repeat(limit as usize + 10)).unwrap();
        let err = read_document(path.to_str().unwrap(), &options).unwrap_err();
        let expected = InputErrorKind::TooLarge {
            size: limit + 10,
            limit,
        };
        assert_eq!(err.kind, expected);
    }

    #[test]
    fn a_file_longer_than_its_size_said_is_read_to_its_end() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("growing.txt");
        fs::write(&path, "Go and SQL, then Rust.").unwrap();
        // As if the file had grown since its size was asked, or as a file
        // in /proc, which says 0.
        for (said, limit) in [(0, 100), (5, 100), (21, 100), (0, 10)] {
            let file = fs::File::open(&path).unwrap();
            let read = read_regular_file(file, said, limit);
            if limit >= 22 {
                assert_eq!(read.unwrap(), b"Go and SQL, then Rust.", "{said}");
            } else {
                let expected = InputErrorKind::TooLarge { size: 22, limit };
                assert_eq!(read, Err(expected), "{said}");
            }
        }
    }

    #[test]
    fn codes_are_listed_and_unique() {
        let mut codes = InputErrorKind::CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), InputErrorKind::CODES.len());
        let kinds = [
            InputErrorKind::NotFound,
            InputErrorKind::Empty,
            InputErrorKind::Binary,
            InputErrorKind::NoText {
                format: InputFormat::Pdf,
            },
            InputErrorKind::too_complex(InputFormat::Docx, "x"),
        ];
        for kind in kinds {
            assert!(InputErrorKind::CODES.contains(&kind.code()));
        }
    }

    #[test]
    fn extensions_name_formats() {
        let table = [
            ("resume.PDF", Some(InputFormat::Pdf)),
            ("a/b.c/resume.docx", Some(InputFormat::Docx)),
            ("posting.htm", Some(InputFormat::Html)),
            ("cv.json", Some(InputFormat::JsonResume)),
            ("cv.tex", Some(InputFormat::Latex)),
            ("notes", None),
            ("dir.pdf/notes", None),
            ("archive.tar.gz", None),
        ];
        for (path, format) in table {
            assert_eq!(InputFormat::from_extension(path), format, "{path}");
        }
        for extension in EXTENSIONS {
            assert!(InputFormat::from_extension(&format!("x.{extension}")).is_some());
        }
    }

    #[test]
    fn forced_format_wins() {
        let options = ExtractOptions {
            format: Some(InputFormat::Html),
            ..ExtractOptions::default()
        };
        let document = document_from_bytes("notes.txt", b"<p>C&#43;&#43;</p>", &options).unwrap();
        assert_eq!(document.format, InputFormat::Html);
        assert_eq!(document.text, "C++");
    }

    #[test]
    fn size_limit_and_empty_input() {
        let options = ExtractOptions {
            max_bytes: 3,
            ..ExtractOptions::default()
        };
        let err = document_from_bytes("a.txt", b"abcd", &options).unwrap_err();
        assert_eq!(err.kind, InputErrorKind::TooLarge { size: 4, limit: 3 });
        assert_eq!(read("a.pdf", b""), Err(InputErrorKind::Empty));
        assert_eq!(read("a.txt", b" \n"), Err(InputErrorKind::Empty));
    }

    #[test]
    fn errors_read_as_one_line() {
        let err = InputError {
            path: "cv.pdf".to_string(),
            kind: InputErrorKind::corrupt(InputFormat::Pdf, "bad\nxref\n  table"),
        };
        assert_eq!(
            err.to_string(),
            "cv.pdf: is not a readable PDF file: bad xref table"
        );
        assert_eq!(one_line(&"x".repeat(300)).len(), 163);
    }
}
