//! Exit codes, in one place.

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
