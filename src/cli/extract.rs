//! `rolefit extract`: print the text rolefit sees in documents.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::{InputFormatArg, report_error};
use crate::error::Exit;
use crate::escape::{Keep, escape_controls, inline};
use crate::extract::{DEFAULT_MAX_BYTES, ExtractOptions, Parsers, read_document_with};

/// Arguments of `rolefit extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Documents to read (text, Markdown, HTML, PDF, DOCX, ODT, RTF, LaTeX,
    /// JSON Resume); `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read the files as this format instead of detecting it
    #[arg(long, value_enum, value_name = "FORMAT")]
    format_in: Option<InputFormatArg>,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
    /// Print the text exactly as read: control characters (escape sequences)
    /// and lines starting with `::` included. Not for a terminal or a CI log
    /// when the documents are not yours
    #[arg(long)]
    raw: bool,
}

impl ExtractArgs {
    /// Whether the text is printed as read (`--raw`).
    pub(super) fn raw(&self) -> bool {
        self.raw
    }

    /// Prints each document's text; with several files, each under a
    /// `==> FILE (FORMAT) <==` line. Control characters are shown escaped
    /// (`\x1b`), tabs and newlines kept, unless `--raw`. A file that cannot
    /// be read is reported on standard error and makes the exit code 2; the
    /// others are still printed.
    pub fn run(&self, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
        let options = ExtractOptions {
            max_bytes: self.max_size,
            format: self.format_in.map(Into::into),
        };
        let mut exit = Exit::Success;
        let several = self.files.len() > 1;
        let mut printed = false;
        for path in &self.files {
            match read_document_with(path, &options, parsers) {
                Ok(document) => {
                    if several {
                        let gap = if printed { "\n" } else { "" };
                        writeln!(
                            out,
                            "{gap}==> {} ({}) <==",
                            inline(&path.to_string_lossy()),
                            document.format.code()
                        )
                        .context("cannot write the text")?;
                    }
                    printed = true;
                    let text = if self.raw {
                        document.text.as_str().into()
                    } else {
                        escape_controls(&document.text, Keep::Lines)
                    };
                    writeln!(out, "{text}").context("cannot write the text")?;
                }
                Err(err) => {
                    report_error(&err.into());
                    exit = Exit::Error;
                }
            }
        }
        Ok(exit)
    }
}
