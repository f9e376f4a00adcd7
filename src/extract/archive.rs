//! Zip archives (DOCX, ODT), read with bounds: a part may unpack to at most
//! [`MAX_ARCHIVE_ENTRY_BYTES`] and all parts read together to at most
//! [`MAX_ARCHIVE_TOTAL_BYTES`], whatever sizes the archive declares, so a zip
//! bomb ends in an error instead of filling memory. At most
//! [`MAX_ARCHIVE_PARTS`] parts are read, and none once
//! [`ARCHIVE_TIME_BUDGET`] has passed since the archive was opened.

use std::io::{Cursor, Read};
use std::time::Instant;

use zip::ZipArchive;
use zip::result::ZipError;

use super::{
    ARCHIVE_TIME_BUDGET, InputErrorKind, InputFormat, MAX_ARCHIVE_ENTRY_BYTES, MAX_ARCHIVE_PARTS,
    MAX_ARCHIVE_TOTAL_BYTES,
};

/// An open archive and what is left of its unpacking budget.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    format: InputFormat,
    budget: u64,
    parts: usize,
    deadline: Instant,
}

impl<'a> Archive<'a> {
    /// Opens a zip archive; `format` names the document in errors.
    pub(crate) fn open(bytes: &'a [u8], format: InputFormat) -> Result<Self, InputErrorKind> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
            let detail = match err {
                ZipError::InvalidArchive(_) | ZipError::Io(_) => {
                    "not a zip archive, or a truncated one".to_string()
                }
                other => format!("damaged zip archive ({other})"),
            };
            InputErrorKind::corrupt(format, detail)
        })?;
        Ok(Archive {
            zip,
            format,
            budget: MAX_ARCHIVE_TOTAL_BYTES,
            parts: 0,
            deadline: Instant::now() + ARCHIVE_TIME_BUDGET,
        })
    }

    /// True when the archive has a part by that name.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The names of the parts, in archive order.
    pub(crate) fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(|name| name.ok().map(|name| name.into_owned()))
            .collect()
    }

    /// The bytes of a part, or `None` when there is no such part.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, InputErrorKind> {
        let format = self.format;
        self.check_time()?;
        self.parts += 1;
        if self.parts > MAX_ARCHIVE_PARTS {
            return Err(InputErrorKind::too_complex(
                format,
                format!("it has more than {MAX_ARCHIVE_PARTS} parts to read"),
            ));
        }
        let mut entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(detail)) if detail.contains("ncrypt") => {
                return Err(InputErrorKind::Encrypted { format });
            }
            Err(err) => {
                return Err(InputErrorKind::corrupt(
                    format,
                    format!("cannot unpack {name} ({err})"),
                ));
            }
        };
        if entry.encrypted() {
            return Err(InputErrorKind::Encrypted { format });
        }
        let limit = MAX_ARCHIVE_ENTRY_BYTES.min(self.budget);
        let too_big = || {
            InputErrorKind::too_complex(
                format,
                format!(
                    "{name} unpacks to more than {} MiB (a zip bomb?)",
                    limit / (1024 * 1024)
                ),
            )
        };
        if entry.size() > limit {
            return Err(too_big());
        }
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0).min(1 << 20));
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| {
                InputErrorKind::corrupt(format, format!("cannot unpack {name} ({err})"))
            })?;
        if bytes.len() as u64 > limit {
            return Err(too_big());
        }
        self.budget -= bytes.len() as u64;
        Ok(Some(bytes))
    }

    /// Fails once the time budget has passed.
    pub(crate) fn check_time(&self) -> Result<(), InputErrorKind> {
        if Instant::now() <= self.deadline {
            return Ok(());
        }
        Err(InputErrorKind::too_complex(
            self.format,
            format!("reading it took over {} s", ARCHIVE_TIME_BUDGET.as_secs()),
        ))
    }

    /// The text of an XML part (UTF-8, or UTF-16 with a byte-order mark), or
    /// `None` when there is no such part.
    pub(crate) fn read_xml(&mut self, name: &str) -> Result<Option<String>, InputErrorKind> {
        let format = self.format;
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            return super::decode::decode_text(&bytes)
                .map(Some)
                .map_err(|_| InputErrorKind::corrupt(format, format!("{name} is not text")));
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(text.to_string())),
            Err(err) => Err(InputErrorKind::corrupt(
                format,
                format!(
                    "{name} is not valid UTF-8 (invalid byte at offset {})",
                    err.valid_up_to()
                ),
            )),
        }
    }
}
