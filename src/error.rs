//! Exit codes, in one place.

use std::fmt::Display;
use std::process::ExitCode;

/// How a run ended; the process exit code is the discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: everything was read and every check passed.
    Success = 0,
    /// 1: a check (threshold, required term) failed.
    CheckFailed = 1,
    /// 2: a usage error, or an input or keyword file that could not be read.
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// The exit-code table shown in `--help` and the README.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success: every document was read (and every check passed)
  1  a check failed (threshold or required term)
  2  usage error, or an input or keyword file could not be read";

/// `line:column` (1-based, columns in characters) of a byte offset in `text`.
pub fn position(text: &str, offset: usize) -> String {
    let (line, column) = line_and_column(text, offset);
    format!("{line}:{column}")
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A TOML error as one line: `file:line:column: reason`.
pub fn toml_error(origin: &dyn Display, text: &str, err: &toml::de::Error) -> anyhow::Error {
    let offset = err.span().map_or(0, |span| span.start);
    anyhow::anyhow!(
        "{origin}:{}: {}",
        position(text, offset),
        err.message().trim_end().replace('\n', " ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_and_column("ab\ncé\nx", 6), (2, 3));
        assert_eq!(line_and_column("ab\ncé\nx", 7), (3, 1));
        assert_eq!(line_and_column("ab\ncé\nx", 5), (2, 2));
        assert_eq!(line_and_column("ab", 0), (1, 1));
        assert_eq!(line_and_column("ab", 99), (1, 3));
    }
}
