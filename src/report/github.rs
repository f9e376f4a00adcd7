//! GitHub Actions workflow commands.
//!
//! GitHub shows only the first 10 error annotations of a step, so each failed
//! document gets one annotation (all its failed checks in one message), and a
//! one-line summary closes the output.

use std::io::{self, Write};

use super::ScoreReport;
use crate::escape::inline;

/// The title of an annotation for a document that failed its checks.
pub(crate) const CHECK_FAILED_TITLE: &str = "rolefit check failed";

/// Escapes the message part of a workflow command: control characters (a
/// line end among them) as for every output ([`inline`]), so the command
/// stays on one line, then the `%` the runner would unescape.
fn escape_data(text: &str) -> String {
    inline(text).replace('%', "%25")
}

/// Escapes a property value (file, title) of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// An error annotation on line 1 of `file`, newline included.
pub(crate) fn error_annotation(file: &str, title: &str, message: &str) -> String {
    format!(
        "::error file={},line=1,title={}::{}\n",
        escape_property(file),
        escape_property(title),
        escape_data(message)
    )
}

pub fn write_score(out: &mut dyn Write, report: &ScoreReport) -> io::Result<()> {
    let mut failed = 0;
    for document in &report.documents {
        let failures: Vec<String> = document
            .checks
            .iter()
            .filter(|check| !check.passed)
            .map(|check| format!("{} ({})", check.message, check.check))
            .collect();
        if failures.is_empty() {
            continue;
        }
        failed += 1;
        let path = &document.score.path;
        out.write_all(
            error_annotation(
                path,
                CHECK_FAILED_TITLE,
                &format!("{path}: {}", failures.join("; ")),
            )
            .as_bytes(),
        )?;
    }
    let total = report.documents.len();
    if failed == 0 {
        writeln!(out, "rolefit: all {total} documents passed their checks")
    } else {
        writeln!(
            out,
            "rolefit: {failed} of {total} documents failed their checks"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_values() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done\\nnext");
        assert_eq!(escape_data("\x1b[2J"), "\\x1b[2J");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
