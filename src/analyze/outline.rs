//! A document's outline: what each line is (heading, bullet, table row, text),
//! which section it stands in, and its items and sentences. The one home of
//! that question: `compare` reads postings and resumes through it, and the
//! level signals find role lines and sections with it.
//!
//! Plain text and Markdown both: a *heading* is a Markdown heading (`#`, or a
//! line underlined with `===`/`---`), a line that is only bold text or only a
//! label (`Requirements:`), a short line in capitals (`SKILLS`), or a short
//! line that opens a block (after a blank line) with no comma and no closing
//! punctuation (`What you will do`). Each line belongs to the section of the
//! heading above it. An *item* is a bullet or a paragraph with its wrapped
//! lines; it is cut into *sentences* at `.`, `!`, `?` and `;`, and a sentence's
//! parenthetical remarks are kept apart so a cue inside them ("Python
//! preferred") stays inside them.
//!
//! **Sections by kind.** A heading that names a known section ("Work
//! Experience", "Licenses & Certifications", "TECHNICAL SKILLS") gives the
//! lines under it a [`SectionKind`], found by [`section_kind`] in the data
//! table [`SECTION_HEADINGS`]. A plain-text line that is only such a name
//! ("Education" right under a paragraph) opens a section too, without being
//! classed a heading. A heading that names no known section (a role, "###
//! Senior Engineer — Acme", or a company) is a sub-heading: its lines keep the
//! kind of the section it stands in, unless it is a Markdown heading at the
//! level of that section's heading or above, which closes the section (its
//! lines are then [`SectionKind::Other`]). Lines before the first known section
//! have no kind: on a resume, that is the *headline* (name, title, contact).

use std::ops::Range;

mod sections;

use self::sections::mark_section_kinds;
pub use self::sections::{SECTION_HEADINGS, SectionKind, section_kind};

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or only white space.
    Blank,
    /// A heading (see the module docs for its forms).
    Heading,
    /// A horizontal rule or a heading's underline.
    Rule,
    /// A bulleted or numbered list item.
    Bullet,
    /// A Markdown table row.
    TableRow,
    /// Anything else: a paragraph's line.
    Text,
}

/// One line of a document.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// Byte offset of the line in the text.
    pub start: usize,
    /// The line without its line break.
    pub text: &'a str,
    /// What the line is.
    pub kind: LineKind,
    /// Index of the heading line whose section this line is in (a heading is
    /// in its own section).
    pub section: Option<usize>,
    /// The kind of the section the line stands in; `None` before the first
    /// known section (module docs).
    pub section_kind: Option<SectionKind>,
}

/// A sentence of an item, with its parenthetical remarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence in the text.
    pub range: Range<usize>,
    /// Top-level `( … )` spans inside the sentence, parentheses included.
    pub parens: Vec<Range<usize>>,
}

/// The lines of a document, classified.
pub struct Layout<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its lines, in order; line number `n` (1-based) is `lines[n - 1]`.
    pub lines: Vec<Line<'a>>,
}

impl<'a> Layout<'a> {
    /// Classifies the lines of `text` and finds their sections.
    pub fn new(text: &'a str) -> Self {
        let mut lines = Vec::with_capacity(text.len() / 48 + 1);
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
        for end in ends {
            let raw = &text[start..end];
            lines.push(Line {
                start,
                text: raw.strip_suffix('\r').unwrap_or(raw),
                kind: LineKind::Text,
                section: None,
                section_kind: None,
            });
            start = end + 1;
        }
        classify(&mut lines);
        let mut section = None;
        for (index, line) in lines.iter_mut().enumerate() {
            if line.kind == LineKind::Heading {
                section = Some(index);
            }
            line.section = section;
        }
        mark_section_kinds(&mut lines);
        Layout { text, lines }
    }

    /// Line indices of the headline: the lines before the first known section
    /// (module docs), at most the first [`HEADLINE_LINES`] that are not blank.
    pub fn headline(&self) -> Range<usize> {
        let mut filled = 0;
        for (index, line) in self.lines.iter().enumerate() {
            if line.section_kind.is_some() {
                return 0..index;
            }
            if line.kind != LineKind::Blank {
                filled += 1;
                if filled > HEADLINE_LINES {
                    return 0..index;
                }
            }
        }
        0..self.lines.len()
    }

    /// True when some line stands in a section of `kind`.
    pub fn has_section(&self, kind: SectionKind) -> bool {
        self.lines
            .iter()
            .any(|line| line.section_kind == Some(kind))
    }

    /// The line (0-based index) holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.start <= offset)
            .saturating_sub(1)
    }

    /// The 0-based index of 1-based line `number`, if the document has it.
    pub fn index_of(&self, number: u32) -> Option<usize> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        (index < self.lines.len()).then_some(index)
    }

    /// The cleaned text of the heading over line `index`, lowercase.
    pub fn section_title(&self, index: usize) -> Option<String> {
        let heading = self.lines.get(index)?.section?;
        Some(normalize(&heading_text(self.lines[heading].text)))
    }

    /// The words of heading line `index` as written: without `#`, emphasis
    /// marks and a closing colon.
    pub fn heading_words(&self, index: usize) -> String {
        self.lines
            .get(index)
            .map(|line| heading_text(line.text))
            .unwrap_or_default()
    }

    /// The label that opens line `index` ("Languages:" in a bullet, the first
    /// cell of a table row), lowercase.
    pub fn label(&self, index: usize) -> Option<String> {
        let line = self.lines.get(index)?;
        line_label(line.text, line.kind)
    }

    /// Line indices of the masthead: the first block of lines (the title), and
    /// the next block too when it is one line that is not a sentence (company,
    /// place, pay).
    pub fn masthead(&self) -> Range<usize> {
        let blank = |i: usize| self.lines[i].kind == LineKind::Blank;
        let n = self.lines.len();
        let Some(first) = (0..n).find(|&i| !blank(i)) else {
            return 0..0;
        };
        let mut end = (first..n).find(|&i| blank(i)).unwrap_or(n);
        if let Some(next) = (end..n).find(|&i| !blank(i)) {
            let one_line = next + 1 == n || blank(next + 1);
            let sentence = self.lines[next].text.trim_end().ends_with('.');
            let t = self.lines[next].text.trim();
            let section_heading = t.starts_with('#') || t.ends_with(':');
            if one_line && !sentence && !section_heading {
                end = next + 1;
            }
        }
        first..end
    }

    /// True when the word at byte `start` opens a sentence: first on its line
    /// (after a bullet or markup) unless the line continues a sentence from the
    /// line above, or right after `. ! ? : |`.
    pub fn opens_sentence(&self, start: usize) -> bool {
        let index = self.line_at(start);
        let line = &self.lines[index];
        let above = index.checked_sub(1).map(|i| &self.lines[i]);
        opens_sentence(
            &self.text[line.start..start],
            line.kind,
            above.map(|above| (above.text, above.kind)),
        )
    }

    /// Items (a bullet or a paragraph with its wrapped lines; a heading or a
    /// table row alone) as byte ranges, in order.
    fn items(&self) -> Vec<Range<usize>> {
        let mut items = Vec::new();
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            let first = i;
            i += 1;
            match self.lines[first].kind {
                LineKind::Blank | LineKind::Rule => continue,
                LineKind::Heading | LineKind::TableRow => {}
                LineKind::Bullet | LineKind::Text => {
                    while i < n && self.lines[i].kind == LineKind::Text {
                        i += 1;
                    }
                }
            }
            let last = &self.lines[i - 1];
            items.push(self.lines[first].start..last.start + last.text.len());
        }
        items
    }

    /// Every sentence of every item, in order.
    pub fn sentences(&self) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        for item in self.items() {
            split_sentences(self.text, item, &mut sentences);
        }
        sentences
    }
}

/// Cuts `text[item]` into sentences (see the module docs).
fn split_sentences(text: &str, item: Range<usize>, out: &mut Vec<Sentence>) {
    let body = &text[item.clone()];
    let mut start = 0;
    let mut depth = 0usize;
    let mut paren_start = 0;
    let mut parens = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let at_gap = next.is_none_or(char::is_whitespace);
        let end = match c {
            '(' => {
                if depth == 0 {
                    paren_start = i;
                }
                depth += 1;
                false
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    parens.push(item.start + paren_start..item.start + i + 1);
                }
                false
            }
            ';' => depth == 0,
            '!' | '?' => depth == 0 && at_gap,
            '.' => depth == 0 && at_gap && !ends_with_abbreviation(&body[start..i]),
            _ => false,
        };
        if end {
            push_sentence(item.start + start..item.start + i + 1, &mut parens, out);
            start = i + 1;
        }
    }
    if depth > 0 {
        parens.push(item.start + paren_start..item.end);
    }
    push_sentence(item.start + start..item.end, &mut parens, out);
}

fn push_sentence(range: Range<usize>, parens: &mut Vec<Range<usize>>, out: &mut Vec<Sentence>) {
    if range.is_empty() {
        parens.clear();
        return;
    }
    out.push(Sentence {
        range,
        parens: std::mem::take(parens),
    });
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '\'']);
    matches!(
        word.to_ascii_lowercase().as_str(),
        "e.g" | "i.e" | "etc" | "vs" | "incl" | "approx" | "a.m" | "p.m" | "no"
    )
}

/// Marks each line's kind; see the module docs.
fn classify(lines: &mut [Line<'_>]) {
    // Each line trimmed once.
    let trimmed: Vec<&str> = lines.iter().map(|line| trim(line.text)).collect();
    for (i, line) in lines.iter_mut().enumerate() {
        let above = i.checked_sub(1).map(|above| trimmed[above]);
        line.kind = kind_of(trimmed[i], above, trimmed.get(i + 1).copied());
    }
}

/// What a line is, from its text and its neighbours' (`None` at the ends of
/// the text): the one rule [`Layout`] and the local readers share.
pub(crate) fn line_kind(previous: Option<&str>, line: &str, next: Option<&str>) -> LineKind {
    kind_of(trim(line), previous.map(trim), next.map(trim))
}

/// [`line_kind`] of lines already trimmed.
fn kind_of(t: &str, above: Option<&str>, next: Option<&str>) -> LineKind {
    let kind = basic_kind(t);
    if kind != LineKind::Text {
        return kind;
    }
    // The underline of a heading is a rule (a two-mark one is no rule alone).
    if is_underline(t) && above.is_some_and(|above| basic_kind(above) == LineKind::Text) {
        return LineKind::Rule;
    }
    if next.is_some_and(is_underline) {
        return LineKind::Heading;
    }
    let opens_block = above.is_none_or(str::is_empty);
    if looks_like_heading(t, opens_block) {
        LineKind::Heading
    } else {
        LineKind::Text
    }
}

/// What a trimmed line is by its own marks alone.
fn basic_kind(t: &str) -> LineKind {
    if t.is_empty() {
        LineKind::Blank
    } else if is_rule(t) {
        LineKind::Rule
    } else if t.starts_with('#') {
        LineKind::Heading
    } else if t.starts_with('|') {
        LineKind::TableRow
    } else if is_bullet(t) {
        LineKind::Bullet
    } else {
        LineKind::Text
    }
}

/// The heading forms of the module docs, the cheap tests first: the words
/// are counted only when a form needs them.
fn looks_like_heading(t: &str, opens_block: bool) -> bool {
    // Every test below asks for at most 8 words: counting 9 is enough.
    let words = || t.split_whitespace().take(9).count();
    let bold_only = (t.starts_with("**") || t.starts_with("__")) && {
        let without_colon = t.trim_end_matches(':').trim_end();
        (without_colon.ends_with("**") || without_colon.ends_with("__"))
            && without_colon.len() > 4
            && words() <= 8
    };
    if bold_only || (t.ends_with(':') && words() <= 6) {
        return true;
    }
    let first_letter = t
        .trim_start_matches(['*', '_', '"'])
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let short_opening = opens_block
        && first_letter
        && !t.ends_with(['.', ',', ';', '!', '?', ')'])
        && !t.contains(',')
        && words() <= 5;
    if short_opening {
        return true;
    }
    // Capitals: at least three letters, all of them capitals.
    let mut letters = 0;
    t.chars().filter(|c| c.is_alphabetic()).all(|c| {
        letters += 1;
        c.is_uppercase()
    }) && letters >= 3
        && !t.contains(',')
        && words() <= 6
}

fn is_rule(t: &str) -> bool {
    t.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '=' | '*' | '_'))
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

fn is_underline(t: &str) -> bool {
    t.len() >= 2 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn is_bullet(t: &str) -> bool {
    // A mark and a space ("- ", "• ", "– " …), or "-" and a tab.
    const MARKS: &[char] = &['-', '*', '+', '•', '·', '–', '—', '◦', '▪', '‣'];
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(mark), Some(' ')) if MARKS.contains(&mark) => return true,
        (Some('-'), Some('\t')) => return true,
        _ => {}
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// True when a word opens a sentence, given what stands before it on its
/// line (`before`), the line's kind and the line above (text and kind): first
/// on its line (after a bullet or markup) unless the line continues a
/// sentence from the line above, or right after `. ! ? : |`.
pub(crate) fn opens_sentence(
    before: &str,
    kind: LineKind,
    above: Option<(&str, LineKind)>,
) -> bool {
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || "([{\"'“‘*_>`".contains(c));
    let rest = strip_bullet(before.trim_start());
    let only_marks = rest
        .chars()
        .all(|c| c.is_ascii_digit() || "-*+•·#.)>|".contains(c));
    if !only_marks {
        return before.ends_with(['.', '!', '?', ':', '|']) && !before.ends_with("e.g.");
    }
    // First on its line: a wrapped line continues the sentence above.
    match above {
        Some((above, LineKind::Text | LineKind::Bullet))
            if kind == LineKind::Text && rest.is_empty() =>
        {
            above.trim_end().ends_with(['.', '!', '?', ':'])
        }
        _ => true,
    }
}

/// How many lines that are not blank the headline may hold at most.
pub const HEADLINE_LINES: usize = 6;

/// A line without its bullet or list number.
pub(crate) fn strip_bullet(t: &str) -> &str {
    if is_bullet(t) {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let rest = &t[digits..];
        let mark = rest.chars().next().map_or(0, char::len_utf8);
        rest[mark..].trim_start()
    } else {
        t
    }
}

/// The label that opens a line of this kind ("Languages:" in a bullet, the
/// first cell of a table row), lowercase.
pub(crate) fn line_label(line: &str, kind: LineKind) -> Option<String> {
    let text = match kind {
        LineKind::TableRow => line.trim().trim_start_matches('|').split('|').next()?,
        LineKind::Bullet | LineKind::Text => {
            let body = strip_bullet(line.trim());
            let (label, rest) = body.split_once(':')?;
            if rest.starts_with("//") {
                return None;
            }
            label
        }
        _ => return None,
    };
    let label = text
        .trim()
        .trim_matches(|c| matches!(c, '*' | '_' | '`'))
        .trim();
    let words = label.split_whitespace().count();
    let ok = (1..=4).contains(&words) && label.chars().any(char::is_alphabetic);
    ok.then(|| normalize(label))
}

/// A heading's words: without `#`, emphasis marks, closing colon.
pub(crate) fn heading_text(line: &str) -> String {
    heading_str(line).to_string()
}

/// [`heading_text`] without the copy.
fn heading_str(line: &str) -> &str {
    line.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| matches!(c, '*' | '_' | ':' | '#'))
        .trim()
}

/// `str::trim`, with ASCII white space taken off byte by byte first.
fn trim(text: &str) -> &str {
    let t = text.trim_ascii();
    let ascii_ends = t.as_bytes().first().is_none_or(u8::is_ascii)
        && t.as_bytes().last().is_none_or(u8::is_ascii);
    // `trim_ascii` leaves the vertical tab, which `trim` takes.
    if ascii_ends && !t.starts_with('\x0B') && !t.ends_with('\x0B') {
        t
    } else {
        t.trim()
    }
}

/// Lowercase, with typographic apostrophes made ASCII.
pub(crate) fn normalize(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

#[cfg(test)]
mod tests;
