//! JSON output: pretty-printed, one value, a newline at the end.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as pretty JSON.
pub fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
