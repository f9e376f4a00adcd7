//! What rolefit's output may carry: the one home of the rules that keep file
//! names, document text and set or term names from attacking whoever reads
//! the output: a terminal (escape sequences), a CI log (workflow commands) or
//! a spreadsheet (formulas).
//!
//! 1. [`escape_controls`]: every control character (C0, DEL, C1, so ESC too)
//!    in text from outside is shown as an escape (`\x1b`, `\u{9b}`, `\n`),
//!    except the tab and the newline where the output keeps them. Every
//!    human-readable renderer (tables, Markdown, `extract` unless `--raw`)
//!    and the error printer call it on what they did not write themselves.
//! 2. [`LineGuard`]: no line of output starts with `::` (after white space),
//!    which a GitHub Actions runner would take for a workflow command; such a
//!    line gets a `\` in front. `--format github` goes without it: its
//!    annotations are real commands, and escape what they carry.
//! 3. [`guard_csv_cell`]: a CSV cell that starts with `=`, `+`, `-`, `@`, a
//!    tab or a carriage return, which a spreadsheet would run as a formula,
//!    gets a `'` in front (unless `batch --no-csv-guard`).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Which white space [`escape_controls`] leaves as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Nothing: the text must stay on one line (a name, a table cell, a message).
    Nothing,
    /// Tabs and newlines: the text has lines of its own (a document's text).
    Lines,
}

/// `text` with every control character (Unicode `Cc`: C0, DEL, C1) written as
/// an escape: `\t`, `\n`, `\r`, `\x1b`-style for the other C0 characters and
/// DEL, `\u{9b}`-style for C1. With [`Keep::Lines`], tabs and newlines stay.
/// Text without any (nearly all text) comes back borrowed.
pub fn escape_controls(text: &str, keep: Keep) -> Cow<'_, str> {
    let kept = |c: char| keep == Keep::Lines && (c == '\n' || c == '\t');
    let needs = |c: char| c.is_control() && !kept(c);
    // C0 and DEL are single bytes; C1 characters are 0xC2 0x80..=0x9F.
    let bytes = text.as_bytes();
    let suspect = bytes.iter().any(|&b| b < 0x20 || b == 0x7F || b == 0xC2);
    if !suspect || !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !needs(c) {
            out.push(c);
            continue;
        }
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{7F}' => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            _ => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// Text from outside for one line of output (a name, a cell, a message):
/// [`escape_controls`] with nothing kept.
pub fn inline(text: &str) -> Cow<'_, str> {
    escape_controls(text, Keep::Nothing)
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell a spreadsheet will not run: one that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a `'` in front (OWASP's advice
/// against CSV injection). Other cells come back as they are.
pub fn guard_csv_cell(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// What the start of a line says about it.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Nothing to do.
    Pass,
    /// A `\` goes at this offset, before the `::`.
    Guard(usize),
    /// Not known yet: only white space (and perhaps one `:`) so far.
    Wait,
}

/// How a line that starts `line` (which holds its end, `\n` or `\r`, if
/// `ended`) must be written. White space before the `::` counts for nothing,
/// as a runner trims it.
fn verdict(line: &[u8], ended: bool) -> Verdict {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        if rest.starts_with(b"::") {
            return Verdict::Guard(at);
        }
        if rest.is_empty() || rest == b":" {
            return if ended { Verdict::Pass } else { Verdict::Wait };
        }
        let head = &rest[..rest.len().min(4)];
        let c = match std::str::from_utf8(head) {
            Ok(text) => text.chars().next(),
            Err(err) if err.valid_up_to() > 0 => std::str::from_utf8(&head[..err.valid_up_to()])
                .ok()
                .and_then(|text| text.chars().next()),
            // A character cut at the end of what came so far.
            Err(err) if err.error_len().is_none() && !ended => return Verdict::Wait,
            Err(_) => None,
        };
        match c {
            Some(c) if c != '\n' && c != '\r' && (c.is_whitespace() || c.is_control()) => {
                at += c.len_utf8();
            }
            _ => return Verdict::Pass,
        }
    }
}

/// A writer that keeps any line from starting with `::` (after white space):
/// such a line is written with a `\` before the `::`, so a GitHub Actions
/// runner, which reads every line of a step's output for workflow commands,
/// takes none of rolefit's output for one. A line ends at `\n` or `\r`, as
/// for the runner.
///
/// What passes through is written with one call per `write`, as it came
/// (batch output relies on that), with one exception: an unfinished line
/// that is only white space so far is held back until it shows how it goes
/// on. [`LineGuard::finish`] writes what is held back.
pub struct LineGuard<W: Write> {
    inner: W,
    on: bool,
    /// The held-back start of the current line.
    head: Vec<u8>,
    /// The current line's start was checked and written: the rest of the
    /// line passes.
    checked: bool,
}

impl<W: Write> LineGuard<W> {
    /// A guard over `inner`; with `on` false, everything passes as it is
    /// (for `--format github`, whose lines are real workflow commands).
    pub fn new(inner: W, on: bool) -> Self {
        LineGuard {
            inner,
            on,
            head: Vec::new(),
            checked: false,
        }
    }

    /// Writes what was held back and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.head.is_empty() {
            let head = std::mem::take(&mut self.head);
            self.inner.write_all(&head)?;
            self.checked = true;
        }
        self.inner.flush()
    }

    fn put(&mut self, buf: &[u8]) -> io::Result<()> {
        let joined;
        let data: &[u8] = if self.head.is_empty() {
            buf
        } else {
            joined = [std::mem::take(&mut self.head).as_slice(), buf].concat();
            &joined
        };
        if data.is_empty() {
            return Ok(());
        }
        let mut inserts = Vec::new();
        let mut hold = data.len();
        let mut start = if self.checked {
            memchr::memchr2(b'\n', b'\r', data).map(|end| end + 1)
        } else {
            Some(0)
        };
        while let Some(line_start) = start.filter(|&s| s < data.len()) {
            let line = &data[line_start..];
            let end = memchr::memchr2(b'\n', b'\r', line);
            let line = &line[..end.map_or(line.len(), |end| end + 1)];
            match verdict(line, end.is_some()) {
                Verdict::Pass => {}
                Verdict::Guard(at) => inserts.push(line_start + at),
                Verdict::Wait => {
                    hold = line_start;
                    break;
                }
            }
            start = end.map(|end| line_start + end + 1);
        }
        // Past what is written, a line starts unless the last one goes on.
        self.checked = hold == data.len() && !matches!(data.last(), Some(b'\n' | b'\r'));
        let written = &data[..hold];
        if inserts.is_empty() {
            self.inner.write_all(written)?;
        } else {
            let mut out = Vec::with_capacity(written.len() + inserts.len());
            let mut copied = 0;
            for at in inserts {
                out.extend_from_slice(&written[copied..at]);
                out.push(b'\\');
                copied = at;
            }
            out.extend_from_slice(&written[copied..]);
            self.inner.write_all(&out)?;
        }
        self.head.extend_from_slice(&data[hold..]);
        Ok(())
    }
}

impl<W: Write> Write for LineGuard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.on {
            self.put(buf)?;
        } else {
            self.inner.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_kept_white_space_is_not() {
        let table = [
            ("plain C++ text", Keep::Nothing, "plain C++ text"),
            ("a\x1b[31mred", Keep::Nothing, "a\\x1b[31mred"),
            ("tab\there\nnext", Keep::Nothing, "tab\\there\\nnext"),
            ("tab\there\nnext", Keep::Lines, "tab\there\nnext"),
            ("cr\r\nlf", Keep::Lines, "cr\\r\nlf"),
            ("nul\0 del\x7f", Keep::Lines, "nul\\x00 del\\x7f"),
            (
                "csi\u{9b}31m nel\u{85}",
                Keep::Lines,
                "csi\\u{9b}31m nel\\u{85}",
            ),
            ("é ü \u{a0}", Keep::Nothing, "é ü \u{a0}"),
        ];
        for (text, keep, expected) in table {
            assert_eq!(escape_controls(text, keep), expected, "{text:?}");
        }
        assert!(matches!(
            escape_controls("Ünïcödé", Keep::Nothing),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn formula_cells_are_guarded() {
        for (cell, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            ("", ""),
            ("42.5", "42.5"),
        ] {
            assert_eq!(guard_csv_cell(cell), expected);
        }
    }

    /// Writes `pieces` through a guard, one `write` each, then finishes.
    fn guarded(pieces: &[&[u8]]) -> (Vec<u8>, Vec<usize>) {
        struct Calls(Vec<u8>, Vec<usize>);
        impl Write for Calls {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.extend_from_slice(buf);
                self.1.push(buf.len());
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut guard = LineGuard::new(Calls(Vec::new(), Vec::new()), true);
        for piece in pieces {
            guard.write_all(piece).unwrap();
        }
        guard.finish().unwrap();
        (guard.inner.0, guard.inner.1)
    }

    #[test]
    fn no_line_starts_with_a_workflow_command() {
        let table: [(&[&[u8]], &[u8]); 9] = [
            (&[b"::error::x\n"], b"\\::error::x\n"),
            (&[b"ok\n  ::warning::y\nok"], b"ok\n  \\::warning::y\nok"),
            (&[b"a::b\n"], b"a::b\n"),
            (&[b"x\r::error::y"], b"x\r\\::error::y"),
            (&[b" ", b":", b":error::z\n"], b" \\::error::z\n"),
            (&[b"line\n", b"::x\n"], b"line\n\\::x\n"),
            (&[b"mid", b"::x\n"], b"mid::x\n"),
            (&[b"\xE3\x80", b"\x80::x\n"], "\u{3000}\\::x\n".as_bytes()),
            (&[b"ends with :"], b"ends with :"),
        ];
        for (pieces, expected) in table {
            let (out, _) = guarded(pieces);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(expected),
                "{pieces:?}"
            );
        }
    }

    #[test]
    fn passing_output_keeps_one_write_per_call() {
        let chunk = b"{\"a\":1}\n{\"b\":2}\n".repeat(100);
        let (out, calls) = guarded(&[&chunk, &chunk]);
        assert_eq!(out, [chunk.clone(), chunk.clone()].concat());
        assert_eq!(calls, [chunk.len(), chunk.len()]);
    }

    #[test]
    fn a_held_back_start_is_written_at_the_end() {
        let (out, _) = guarded(&[b"x\n  :"]);
        assert_eq!(out, b"x\n  :");
        let (out, _) = guarded(&[b"   "]);
        assert_eq!(out, b"   ");
    }
}
