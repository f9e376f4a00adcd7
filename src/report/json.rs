//! JSON output: pretty-printed, one value, a newline at the end.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as pretty JSON.
pub fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Writes one compact JSON record per document, one per line.
pub fn write_lines(out: &mut dyn Write, report: &super::ScoreReport) -> io::Result<()> {
    for document in &report.documents {
        let record = super::DocumentRecord {
            schema_version: super::SCHEMA_VERSION,
            record_type: "document",
            document,
        };
        let mut line = serde_json::to_vec(&record)?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}
