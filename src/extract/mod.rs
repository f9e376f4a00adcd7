//! Reading documents: from a path or standard input to the text rolefit scores.
//!
//! Every failure is an [`InputError`] that names the file and the reason, so a
//! batch can record it and go on. Nothing here writes to the input.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::Serialize;

/// Default size limit for one input file: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// How documents are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Larger inputs are refused.
    pub max_bytes: u64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// Markdown, read as text.
    Markdown,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum InputErrorKind {
    /// No file at the path.
    NotFound,
    /// The path is a folder.
    IsDirectory,
    /// The file exists but cannot be read (permissions, I/O error).
    Unreadable {
        /// The system's message.
        detail: String,
    },
    /// The file has no bytes, or only white space.
    Empty,
    /// The file is over the size limit.
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds binary data, not a document.
    Binary,
    /// The text is not valid UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

impl InputErrorKind {
    /// A stable short code for machine-readable output.
    pub fn code(&self) -> &'static str {
        match self {
            InputErrorKind::NotFound => "not-found",
            InputErrorKind::IsDirectory => "is-directory",
            InputErrorKind::Unreadable { .. } => "unreadable",
            InputErrorKind::Empty => "empty",
            InputErrorKind::TooLarge { .. } => "too-large",
            InputErrorKind::Binary => "binary",
            InputErrorKind::InvalidUtf8 { .. } => "invalid-utf8",
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
            InputErrorKind::Unreadable { detail } => write!(f, "cannot read: {detail}"),
            InputErrorKind::Empty => f.write_str("is empty: there is no text to score"),
            InputErrorKind::TooLarge { size, limit } => write!(
                f,
                "is {size} bytes, over the {limit}-byte limit (raise it with --max-size)"
            ),
            InputErrorKind::Binary => f.write_str("is a binary file, not a text document"),
            InputErrorKind::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "is not valid UTF-8 text (invalid byte at offset {offset})"
                )
            }
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

/// Reads a document from `path`, or from standard input when `path` is `-`.
pub fn read_document(path: &str, options: &ExtractOptions) -> Result<Document, InputError> {
    let fail = |kind| InputError {
        path: path.to_string(),
        kind,
    };
    let bytes = if path == "-" {
        read_limited(io::stdin().lock(), options.max_bytes).map_err(fail)?
    } else {
        let file_path = Path::new(path);
        let metadata = fs::metadata(file_path).map_err(|err| fail(io_kind(&err)))?;
        if metadata.is_dir() {
            return Err(fail(InputErrorKind::IsDirectory));
        }
        if metadata.len() > options.max_bytes {
            return Err(fail(InputErrorKind::TooLarge {
                size: metadata.len(),
                limit: options.max_bytes,
            }));
        }
        let file = fs::File::open(file_path).map_err(|err| fail(io_kind(&err)))?;
        read_limited(file, options.max_bytes).map_err(fail)?
    };
    let text = decode_text(&bytes).map_err(fail)?;
    Ok(Document {
        path: path.to_string(),
        format: format_from_name(path),
        text,
    })
}

fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
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

fn io_kind(err: &io::Error) -> InputErrorKind {
    match err.kind() {
        io::ErrorKind::NotFound => InputErrorKind::NotFound,
        io::ErrorKind::IsADirectory => InputErrorKind::IsDirectory,
        _ => InputErrorKind::Unreadable {
            detail: err.to_string(),
        },
    }
}

fn format_from_name(path: &str) -> InputFormat {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

/// Decodes text bytes: UTF-8 (a byte-order mark is dropped). Refuses empty and
/// binary content.
fn decode_text(bytes: &[u8]) -> Result<String, InputErrorKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputErrorKind::Empty);
    }
    if looks_binary(bytes) {
        return Err(InputErrorKind::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => Err(InputErrorKind::InvalidUtf8 {
            offset: err.valid_up_to(),
        }),
    }
}

/// A NUL byte, or many control bytes, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    head.contains(&0) || control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_refuses_empty_binary_and_invalid_text() {
        assert_eq!(decode_text(b""), Err(InputErrorKind::Empty));
        assert_eq!(decode_text(b" \n\t"), Err(InputErrorKind::Empty));
        assert_eq!(
            decode_text(b"\x7fELF\x02\x01\x00\x00"),
            Err(InputErrorKind::Binary)
        );
        assert_eq!(
            decode_text(b"caf\xe9 au lait"),
            Err(InputErrorKind::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(decode_text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }
}
