//! Building extracted text with the line structure the analyzer relies on, and
//! tidying it.
//!
//! [`TextBuilder`] takes text and structure (space, cell, line, paragraph) from
//! a format's walker. Breaks are held back until more text comes, and the
//! strongest one wins, so markup never yields doubled separators, blank lines
//! at the ends, or words glued across a boundary.

/// A separator waiting for the next text, weakest first.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    #[default]
    None,
    Space,
    Cell,
    Line,
    Paragraph,
}

/// Collects text with its breaks.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    out: String,
    pending: Break,
    line_has_text: bool,
}

impl TextBuilder {
    /// Appends text; every run of white space in it becomes one space.
    pub(crate) fn text(&mut self, text: &str) {
        let mut words = text.split(char::is_whitespace).peekable();
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        while let Some(word) = words.next() {
            if !word.is_empty() {
                self.flush();
                self.out.push_str(word);
                self.line_has_text = true;
            }
            if words.peek().is_some() {
                self.space();
            }
        }
    }

    /// Appends text kept as it is, line breaks included (preformatted text).
    pub(crate) fn preformatted(&mut self, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            self.text(line);
            if lines.peek().is_some() {
                self.line();
            }
        }
    }

    /// A space before the next text, unless a line starts there.
    pub(crate) fn space(&mut self) {
        self.pending = self.pending.max(Break::Space);
    }

    /// A cell boundary: ` | ` before the next text on the same line.
    pub(crate) fn cell(&mut self) {
        self.pending = self.pending.max(Break::Cell);
    }

    /// A line break.
    pub(crate) fn line(&mut self) {
        self.pending = self.pending.max(Break::Line);
    }

    /// A paragraph break: a blank line.
    pub(crate) fn paragraph(&mut self) {
        self.pending = self.pending.max(Break::Paragraph);
    }

    fn flush(&mut self) {
        match self.pending {
            Break::None => {}
            Break::Space if self.line_has_text => self.out.push(' '),
            Break::Cell if self.line_has_text => self.out.push_str(" | "),
            Break::Space | Break::Cell => {}
            Break::Line | Break::Paragraph if self.out.is_empty() => {}
            Break::Line => {
                self.out.push('\n');
                self.line_has_text = false;
            }
            Break::Paragraph => {
                self.out.push_str("\n\n");
                self.line_has_text = false;
            }
        }
        self.pending = Break::None;
    }

    /// The text, without trailing breaks.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Character fixes for every format: typographic ligatures unfolded (ﬁ → fi),
/// non-breaking and other odd spaces made plain spaces, soft hyphens and
/// zero-width characters dropped, and the private-use bullets of symbol fonts
/// made •. None of them changes the line structure.
pub(crate) fn normalize_chars(text: String) -> String {
    let needs_work = text.chars().any(|c| replacement(c).is_some());
    if !needs_work {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match replacement(c) {
            Some(with) => out.push_str(with),
            None => out.push(c),
        }
    }
    out
}

fn replacement(c: char) -> Option<&'static str> {
    let with = match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{F0B7}' | '\u{F0A7}' | '\u{F0FC}' | '\u{F0D8}' | '\u{F076}' | '\u{F0A8}' => "•",
        _ => return None,
    };
    Some(with)
}

/// The last pass for extracted (not plain-text) documents: characters
/// normalized, white space at line ends removed, lines of only white space
/// emptied, at most one blank line in a row, none at the ends.
pub(crate) fn tidy(text: &str) -> String {
    let text = normalize_chars(text.replace("\r\n", "\n").replace('\r', "\n"));
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_keeps_the_strongest_break() {
        let mut b = TextBuilder::default();
        b.paragraph();
        b.text("  Skills ");
        b.line();
        b.paragraph();
        b.text("C++");
        b.cell();
        b.text(" C#\n and\t.NET ");
        b.line();
        b.cell();
        b.text("Node.js");
        b.paragraph();
        assert_eq!(b.finish(), "Skills\n\nC++ | C# and .NET\nNode.js");
    }

    #[test]
    fn builder_keeps_preformatted_lines() {
        let mut b = TextBuilder::default();
        b.text("Code:");
        b.line();
        b.preformatted("make build\nmake  test");
        assert_eq!(b.finish(), "Code:\nmake build\nmake test");
    }

    #[test]
    fn characters_are_normalized() {
        let table = [
            (
                "e\u{FB03}cient \u{FB01}rewalls, work\u{FB02}ows",
                "efficient firewalls, workflows",
            ),
            (
                "cost-e\u{FB00}ective, o\u{FB04}ine",
                "cost-effective, offline",
            ),
            (
                "non\u{00A0}breaking, soft\u{00AD}hyphen",
                "non breaking, softhyphen",
            ),
            ("\u{F0B7} item", "• item"),
            ("plain", "plain"),
        ];
        for (input, expected) in table {
            assert_eq!(normalize_chars(input.to_string()), expected);
        }
    }

    #[test]
    fn tidy_trims_and_collapses_blank_lines() {
        assert_eq!(
            tidy("\n\n  Title  \r\n\r\n\r\n \t\nBody\u{00A0}\nend\n\n"),
            "  Title\n\nBody\nend"
        );
    }
}
