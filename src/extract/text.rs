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
/// made •. None of them changes the line structure. Text with none of them
/// (most text) comes back as it is, without a copy.
pub(crate) fn normalize_chars(text: String) -> String {
    let mut found = replaced_chars(&text).peekable();
    if found.peek().is_none() {
        drop(found);
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, c, with) in found {
        out.push_str(&text[copied..at]);
        out.push_str(with);
        copied = at + c.len_utf8();
    }
    out.push_str(&text[copied..]);
    out
}

/// The first byte of the UTF-8 encoding of every character [`replacement`]
/// changes (a unit test checks them all): other characters need no decoding.
const REPLACED_LEADS: [u8; 4] = [0xC2, 0xE2, 0xE3, 0xEF];

/// The characters of `text` that [`replacement`] changes, with their byte
/// offsets and replacements, in order. Only characters starting with one of
/// [`REPLACED_LEADS`] are decoded; `memchr` skips the rest.
fn replaced_chars(text: &str) -> impl Iterator<Item = (usize, char, &'static str)> + '_ {
    let bytes = text.as_bytes();
    let [a, b, c, d] = REPLACED_LEADS;
    let mut three = memchr::memchr3_iter(a, b, d, bytes).peekable();
    // U+3000 is the only character starting with 0xE3: its lead is searched apart.
    let mut one = memchr::memchr_iter(c, bytes).peekable();
    std::iter::from_fn(move || match (three.peek(), one.peek()) {
        (Some(&x), Some(&y)) if y < x => one.next(),
        (Some(_), _) => three.next(),
        (None, _) => one.next(),
    })
    .filter_map(move |at| {
        // `at` holds a lead byte, so it starts a character.
        let c = text.get(at..)?.chars().next()?;
        replacement(c).map(|with| (at, c, with))
    })
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

    /// Every character [`replacement`] changes.
    fn replaced() -> Vec<char> {
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| replacement(c).is_some())
            .collect()
    }

    #[test]
    fn replaced_characters_start_with_a_listed_byte() {
        let replaced = replaced();
        assert!(replaced.len() > 20, "{replaced:?}");
        for c in replaced {
            let mut buffer = [0; 4];
            let lead = c.encode_utf8(&mut buffer).as_bytes()[0];
            assert!(
                REPLACED_LEADS.contains(&lead),
                "{c:?} starts with {lead:#x}"
            );
        }
    }

    #[test]
    fn normalizing_agrees_with_a_char_by_char_pass() {
        let slow = |text: &str| -> String {
            text.chars()
                .map(|c| replacement(c).map_or_else(|| c.to_string(), str::to_string))
                .collect()
        };
        // Each replaced character, and neighbours that share its lead byte
        // (· ’ — ✓ ぁ ｡ U+E000) or not (é ж 日), at the ends and in between.
        let mut alphabet = replaced();
        alphabet.extend([
            'a', ' ', '\n', 'é', 'ж', '日', '·', '’', '—', '✓', 'ぁ', '｡',
        ]);
        alphabet.extend(['\u{E000}', '\u{FFFD}', '\u{1F600}']);
        let mut rng = crate::testing::XorShift::new(0x9E37_79B9_7F4A_7C15u64);
        let mut next = |n: usize| rng.below(n);
        for c in &alphabet {
            for text in [
                format!("{c}"),
                format!("x{c}"),
                format!("{c}y"),
                format!("x{c}{c}y"),
            ] {
                assert_eq!(normalize_chars(text.clone()), slow(&text), "{text:?}");
            }
        }
        for _ in 0..20_000 {
            let len = next(12);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(normalize_chars(text.clone()), slow(&text), "{text:?}");
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
