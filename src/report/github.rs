//! GitHub Actions workflow commands.
//!
//! GitHub shows only the first 10 error annotations of a step, so each failed
//! document gets one annotation (all its failed checks in one message), and a
//! one-line summary closes the output.

use std::io::{self, Write};

use super::ScoreReport;

/// Escapes the message part of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file, title) of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
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
        writeln!(
            out,
            "::error file={},line=1,title={}::{}",
            escape_property(path),
            escape_property("rolefit check failed"),
            escape_data(&format!("{path}: {}", failures.join("; ")))
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
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
