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

use serde::Serialize;

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
        let text = match line.kind {
            LineKind::TableRow => line.text.trim().trim_start_matches('|').split('|').next()?,
            LineKind::Bullet | LineKind::Text => {
                let body = strip_bullet(line.text.trim());
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
        let before = self.text[line.start..start]
            .trim_end_matches(|c: char| c.is_whitespace() || "([{\"'“‘*_>`".contains(c));
        let rest = strip_bullet(before.trim_start());
        let only_marks = rest
            .chars()
            .all(|c| c.is_ascii_digit() || "-*+•·#.)>|".contains(c));
        if !only_marks {
            return before.ends_with(['.', '!', '?', ':', '|']) && !before.ends_with("e.g.");
        }
        // First on its line: a wrapped line continues the sentence above.
        let continues = line.kind == LineKind::Text
            && index > 0
            && matches!(
                self.lines[index - 1].kind,
                LineKind::Text | LineKind::Bullet
            )
            && rest.is_empty();
        if continues {
            let above = self.lines[index - 1].text.trim_end();
            return above.ends_with(['.', '!', '?', ':']);
        }
        true
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
    for (line, &t) in lines.iter_mut().zip(&trimmed) {
        line.kind = if t.is_empty() {
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
        };
    }
    for i in 0..lines.len() {
        if lines[i].kind != LineKind::Text {
            continue;
        }
        let underlined = trimmed.get(i + 1).is_some_and(|next| is_underline(next));
        if underlined {
            lines[i].kind = LineKind::Heading;
            lines[i + 1].kind = LineKind::Rule;
            continue;
        }
        let opens_block = i == 0 || lines[i - 1].kind == LineKind::Blank;
        if looks_like_heading(trimmed[i], opens_block) {
            lines[i].kind = LineKind::Heading;
        }
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

/// How many lines that are not blank the headline may hold at most.
pub const HEADLINE_LINES: usize = 6;

/// What a section of a document holds, from its heading.
///
/// New kinds (a posting's requirements, benefits…) are a variant here and
/// entries in [`SECTION_HEADINGS`]; the matcher does not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Roles held: "Experience", "Work History", "Employment", "Career".
    Experience,
    /// Degrees and schools: "Education", "Academic Background".
    Education,
    /// "Projects", "Side Projects", "Open Source", "Portfolio".
    Projects,
    /// "Certifications", "Licenses & Certifications", "Courses", "Training".
    Certifications,
    /// "Skills", "Technical Skills", "Tech Stack", "Tools", "Languages".
    Skills,
    /// "Summary", "Profile", "About me", "Objective".
    Summary,
    /// "Volunteering", "Volunteer Experience", "Community Service".
    Volunteering,
    /// "Publications", "Talks", "Patents".
    Publications,
    /// "Awards", "Honors", "Achievements".
    Awards,
    /// "References", "Referees".
    References,
    /// "Interests", "Hobbies", "Activities".
    Interests,
    /// A section whose heading names no kind above.
    Other,
}

/// Section names as people write them on resumes: lowercase, `&`, `/` and
/// `+` written "and", sorted by name. A heading names a kind when its words,
/// or the last words of its first part, are a name here ([`section_kind`]);
/// singular forms are found by their plural ("Project" → "projects").
pub const SECTION_HEADINGS: &[(&str, SectionKind)] = {
    use SectionKind::*;
    &[
        ("about me", Summary),
        ("academic background", Education),
        ("accomplishments", Awards),
        ("achievements", Awards),
        ("activities", Interests),
        ("awards", Awards),
        ("career", Experience),
        ("career history", Experience),
        ("certificates", Certifications),
        ("certifications", Certifications),
        ("community involvement", Volunteering),
        ("community service", Volunteering),
        ("competencies", Skills),
        ("contributions", Projects),
        ("courses", Certifications),
        ("coursework", Education),
        ("degrees", Education),
        ("education", Education),
        ("employment", Experience),
        ("employment history", Experience),
        ("experience", Experience),
        ("experience summary", Experience),
        ("expertise", Skills),
        ("highlights", Summary),
        ("hobbies", Interests),
        ("honors", Awards),
        ("honours", Awards),
        ("interests", Interests),
        ("internships", Experience),
        ("languages", Skills),
        ("licences", Certifications),
        ("licenses", Certifications),
        ("objective", Summary),
        ("open source", Projects),
        ("overview", Summary),
        ("papers", Publications),
        ("patents", Publications),
        ("personal statement", Summary),
        ("portfolio", Projects),
        ("professional background", Experience),
        ("professional development", Certifications),
        ("profile", Summary),
        ("projects", Projects),
        ("publications", Publications),
        ("referees", References),
        ("references", References),
        ("skills", Skills),
        ("skills summary", Skills),
        ("stack", Skills),
        ("summary", Summary),
        ("summary of qualifications", Summary),
        ("talks", Publications),
        ("technologies", Skills),
        ("toolbox", Skills),
        ("toolkit", Skills),
        ("tools", Skills),
        ("training", Certifications),
        ("volunteer", Volunteering),
        ("volunteer experience", Volunteering),
        ("volunteer work", Volunteering),
        ("volunteering", Volunteering),
        ("work", Experience),
        ("work history", Experience),
    ]
};

/// Words that join the parts of a heading ("Licenses & Certifications").
const JOINERS: &[char] = &['&', '/', '+', ','];

/// The kind of section a heading's words name, if any.
///
/// The rule: a heading that holds a digit, a dash or bar, `@`, `·`, `(` or the
/// word "at", or is longer than 80 bytes, is a role or a company, never a
/// section name. Otherwise its words
/// are lowercased, with `&`, `/`, `+` and `,` read as "and"; the whole name is
/// looked up in [`SECTION_HEADINGS`], then the first part (up to the first
/// "and", at most four words) and its endings, longest first, so "Relevant
/// Work Experience" is experience and "Education and Training" is education.
pub fn section_kind(heading: &str) -> Option<SectionKind> {
    // Eight words of a section name fit in 80 bytes: a longer heading is a
    // role or a sentence.
    if heading.len() > 80 {
        return None;
    }
    let key = heading_key(heading)?;
    // Where each word starts; more than 8 words are no section name.
    let mut starts = [0usize; 8];
    let mut words = 0;
    for (i, b) in key.bytes().enumerate() {
        if i == 0 || (b != b' ' && key.as_bytes()[i - 1] == b' ') {
            if words == starts.len() {
                return None;
            }
            starts[words] = i;
            words += 1;
        }
    }
    let word = |n: usize| {
        let end = starts
            .get(n + 1)
            .filter(|_| n + 1 < words)
            .map_or(key.len(), |&e| e - 1);
        &key[starts[n]..end]
    };
    if (0..words).any(|n| word(n) == "at") {
        return None;
    }
    if let Some(kind) = lookup_section(&key) {
        return Some(kind);
    }
    // The first part, up to the first "and", and its endings, longest first.
    let part = (0..words).find(|&n| word(n) == "and").unwrap_or(words);
    if part > 4 {
        return None;
    }
    let end = if part < words {
        starts[part] - 1
    } else {
        key.len()
    };
    (0..part).find_map(|n| lookup_section(&key[starts[n]..end]))
}

/// The whole of `line` names a section, exactly (no endings): "Education".
fn names_section_alone(line: &str) -> Option<SectionKind> {
    let t = line.trim();
    let capital = t.chars().next().is_some_and(char::is_uppercase);
    // The longest name is 25 bytes: "summary of qualifications".
    if !capital || t.len() > 32 || t.split_whitespace().nth(4).is_some() {
        return None;
    }
    lookup_section(&heading_key(t.trim_end_matches(':'))?)
}

/// A heading's words, lowercase, joiners as "and", one space between them;
/// `None` for a role line.
fn heading_key(heading: &str) -> Option<String> {
    let bytes = heading.as_bytes();
    let rejected_byte = |b: &u8| b.is_ascii_digit() || matches!(b, b'|' | b'@' | b'(');
    let spaced_hyphen = bytes.windows(3).any(|w| w == b" - ");
    if bytes.iter().any(rejected_byte) || spaced_hyphen {
        return None;
    }
    if heading.is_ascii() {
        return Some(ascii_heading_key(bytes));
    }
    if heading.contains(['—', '–', '·', '•', '→']) {
        return None;
    }
    let mut key = String::with_capacity(heading.len() + 8);
    let mut space = true;
    let mut push = |key: &mut String, c: char| {
        if c == ' ' {
            if !space {
                key.push(' ');
            }
            space = true;
        } else {
            key.push(c);
            space = false;
        }
    };
    for c in heading.chars() {
        if JOINERS.contains(&c) {
            " and ".chars().for_each(|c| push(&mut key, c));
        } else if c.is_alphanumeric() || c == '\'' || c == '-' {
            c.to_lowercase().for_each(|c| push(&mut key, c));
        } else if c == '\u{2019}' {
            push(&mut key, '\'');
        } else {
            push(&mut key, ' ');
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    Some(key)
}

/// [`heading_key`] of an ASCII heading, byte by byte: the same key.
fn ascii_heading_key(heading: &[u8]) -> String {
    let mut key = String::with_capacity(heading.len() + 8);
    let mut space = true;
    for &b in heading {
        match b {
            // The joiners of `JOINERS`.
            b'&' | b'/' | b'+' | b',' => {
                if !space {
                    key.push(' ');
                }
                key.push_str("and ");
                space = true;
            }
            b'a'..=b'z' | b'0'..=b'9' | b'\'' | b'-' => {
                key.push(char::from(b));
                space = false;
            }
            b'A'..=b'Z' => {
                key.push(char::from(b | 0x20));
                space = false;
            }
            _ => {
                if !space {
                    key.push(' ');
                }
                space = true;
            }
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// The kind `name` names in [`SECTION_HEADINGS`], also by its plural.
fn lookup_section(name: &str) -> Option<SectionKind> {
    if name.is_empty() {
        return None;
    }
    if let Some(kind) = super::atoms::find(SECTION_HEADINGS, name) {
        return Some(kind);
    }
    // The plural: `name` and an "s", compared without spelling it.
    let name = name.as_bytes();
    SECTION_HEADINGS
        .binary_search_by(|(entry, _)| {
            let entry = entry.as_bytes();
            let common = entry.len().min(name.len());
            entry[..common].cmp(&name[..common]).then_with(|| {
                match entry.get(name.len()) {
                    // The entry is `name` or shorter: before `name` + "s".
                    None => std::cmp::Ordering::Less,
                    Some(&b) if entry.len() >= name.len() => {
                        b.cmp(&b's').then(entry.len().cmp(&(name.len() + 1)))
                    }
                    Some(_) => std::cmp::Ordering::Less,
                }
            })
        })
        .ok()
        .map(|i| SECTION_HEADINGS[i].1)
}

/// The Markdown level of heading line `index`: its `#` count, 1 for a `===`
/// underline, 2 for `---`; `None` for other headings.
fn heading_level(lines: &[Line<'_>], index: usize) -> Option<usize> {
    let t = lines[index].text.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes > 0 {
        return Some(hashes);
    }
    let under = lines.get(index + 1)?.text.trim();
    if lines[index + 1].kind != LineKind::Rule {
        None
    } else if under.starts_with('=') {
        Some(1)
    } else if under.starts_with('-') {
        Some(2)
    } else {
        None
    }
}

/// Gives each line the kind of its section (module docs).
fn mark_section_kinds(lines: &mut [Line<'_>]) {
    // The current section's kind and its heading's Markdown level.
    let mut current: Option<(SectionKind, Option<usize>)> = None;
    for index in 0..lines.len() {
        let line = &lines[index];
        match line.kind {
            LineKind::Heading => {
                let level = heading_level(lines, index);
                match section_kind(heading_str(line.text)) {
                    Some(kind) => current = Some((kind, level)),
                    None => {
                        if let (Some(level), Some((_, Some(open)))) = (level, current)
                            && level <= open
                        {
                            current = Some((SectionKind::Other, Some(level)));
                        }
                    }
                }
            }
            LineKind::Text => {
                if let Some(kind) = names_section_alone(line.text) {
                    current = Some((kind, None));
                }
            }
            _ => {}
        }
        lines[index].section_kind = current.map(|(kind, _)| kind);
    }
}

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

/// A heading's words: without `#`, emphasis marks, closing colon.
fn heading_text(line: &str) -> String {
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
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        Layout::new(text).lines.iter().map(|l| l.kind).collect()
    }

    #[test]
    fn headings_in_their_many_forms() {
        use LineKind::*;
        let cases: &[(&str, &[LineKind])] = &[
            ("# Title\n\ntext", &[Heading, Blank, Text]),
            ("Skills\n------\n- Go", &[Heading, Rule, Bullet]),
            ("Requirements:\n  - Go", &[Heading, Bullet]),
            ("**Must have**\n- Go", &[Heading, Bullet]),
            ("PROFILE\nWrote code.", &[Heading, Text]),
            ("\nWhat you will do\n  - Build", &[Blank, Heading, Bullet]),
            ("Some text that\nwraps here", &[Heading, Text]),
            ("A long line, with a comma\nnext", &[Text, Text]),
            ("| Languages | Go |\n|---|---|", &[TableRow, TableRow]),
            ("1. First step\n2) Second", &[Bullet, Bullet]),
            ("* **CI/CD:** GitHub", &[Bullet]),
        ];
        for (text, expected) in cases {
            assert_eq!(kinds(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn sections_labels_and_masthead() {
        let text = "# Backend Engineer\n\n**Acme** · Oslo · Remote\n\nWe build things.\n\n## Skills\n\n- **Languages:** Go, Rust\n| Data | PostgreSQL |\n";
        let layout = Layout::new(text);
        assert_eq!(layout.masthead(), 0..3);
        assert_eq!(layout.section_title(8).as_deref(), Some("skills"));
        assert_eq!(layout.label(8).as_deref(), Some("languages"));
        assert_eq!(layout.label(9).as_deref(), Some("data"));
        assert_eq!(layout.label(4), None);
        assert_eq!(layout.line_at(text.find("Oslo").unwrap()), 2);
        assert_eq!(layout.index_of(3), Some(2));
    }

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            " a ",
            "\u{a0}a\u{2003}",
            "\x0B a \x0B",
            "\t\u{a0} a b\r",
            "é ",
            "\x0C",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn plurals_find_their_entries_and_nothing_else() {
        for (name, kind) in SECTION_HEADINGS {
            if let Some(singular) = name.strip_suffix('s') {
                assert_eq!(lookup_section(singular), Some(*kind), "{singular}");
            }
        }
        for name in ["skil", "a", "tool", "experience", "zzz", "abou", "work"] {
            let expected = SECTION_HEADINGS
                .iter()
                .find(|(entry, _)| *entry == name || *entry == format!("{name}s"))
                .map(|(_, kind)| *kind);
            assert_eq!(lookup_section(name), expected, "{name}");
        }
    }

    #[test]
    fn the_ascii_key_joins_like_the_table_says() {
        for &joiner in JOINERS {
            let heading = format!("a{joiner}b");
            assert_eq!(ascii_heading_key(heading.as_bytes()), "a and b", "{joiner}");
        }
    }

    #[test]
    fn section_names_are_sorted_unique_and_lowercase() {
        let names: Vec<&str> = SECTION_HEADINGS.iter().map(|(name, _)| *name).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
        for name in names {
            assert_eq!(name, name.to_lowercase(), "{name}");
            assert_eq!(name, name.trim(), "{name}");
            assert!(!name.contains(JOINERS), "{name} holds a joiner");
        }
    }

    #[test]
    fn headings_name_their_section_kind() {
        use SectionKind::*;
        let cases: &[(&str, Option<SectionKind>)] = &[
            ("Experience", Some(Experience)),
            ("Work Experience", Some(Experience)),
            ("PROFESSIONAL EXPERIENCE", Some(Experience)),
            ("Relevant Work Experience", Some(Experience)),
            ("Employment History", Some(Experience)),
            ("Career", Some(Experience)),
            ("Work History", Some(Experience)),
            ("Education", Some(Education)),
            ("Academic Background", Some(Education)),
            ("Education & Training", Some(Education)),
            ("Degrees", Some(Education)),
            ("Projects", Some(Projects)),
            ("Personal Projects", Some(Projects)),
            ("Side Projects", Some(Projects)),
            ("Open Source", Some(Projects)),
            ("Open source contributions", Some(Projects)),
            ("Certifications", Some(Certifications)),
            ("Licenses & Certifications", Some(Certifications)),
            ("Courses", Some(Certifications)),
            ("Training", Some(Certifications)),
            ("Certification", Some(Certifications)),
            ("Skills", Some(Skills)),
            ("Technical Skills", Some(Skills)),
            ("Tech Stack", Some(Skills)),
            ("Technologies", Some(Skills)),
            ("Tools", Some(Skills)),
            ("Languages", Some(Skills)),
            ("Skills & Tools", Some(Skills)),
            ("Summary", Some(Summary)),
            ("Professional Summary", Some(Summary)),
            ("Profile", Some(Summary)),
            ("About me", Some(Summary)),
            ("Objective", Some(Summary)),
            ("Volunteer Experience", Some(Volunteering)),
            ("Volunteering", Some(Volunteering)),
            ("Publications", Some(Publications)),
            ("Awards & Honors", Some(Awards)),
            ("References", Some(References)),
            ("Interests / Hobbies", Some(Interests)),
            ("Hobbies", Some(Interests)),
            // Roles, companies and names are no section.
            (
                "Senior Backend Lead — Kestrel Pay, Dublin (2019–present)",
                None,
            ),
            ("Software Engineer - Acme Tools", None),
            ("Engineer at Acme Tools", None),
            ("Tomás Ó Briain", None),
            ("What you will do", None),
            (
                "Experience with Kubernetes and Terraform in production systems",
                None,
            ),
        ];
        for (heading, expected) in cases {
            assert_eq!(section_kind(heading), *expected, "{heading:?}");
        }
    }

    #[test]
    fn lines_take_the_kind_of_their_section() {
        use SectionKind::*;
        let text = "# Ana Lima\nSenior Backend Engineer\n\n## Experience\n\n### Lead — Acme (2019–present)\n- Led things\n\n## Education\nB.Sc., 2012\n\n## Side quest\nmore\n\nTALKS\nRustConf\nSkills\n- Go";
        let layout = Layout::new(text);
        let kinds: Vec<Option<SectionKind>> = layout.lines.iter().map(|l| l.section_kind).collect();
        assert_eq!(
            kinds,
            [
                None,
                None,
                None,
                Some(Experience),
                Some(Experience),
                // A role heading is a sub-heading of Experience.
                Some(Experience),
                Some(Experience),
                Some(Experience),
                Some(Education),
                Some(Education),
                Some(Education),
                // An unknown `##` heading closes the section.
                Some(Other),
                Some(Other),
                Some(Other),
                Some(Publications),
                Some(Publications),
                // A line that is only a section name opens the section.
                Some(Skills),
                Some(Skills),
            ]
        );
        assert_eq!(layout.headline(), 0..3);
        assert!(layout.has_section(Experience));
        assert!(!layout.has_section(Projects));
    }

    #[test]
    fn the_ascii_key_is_the_unicode_key() {
        for heading in [
            "Licenses & Certifications",
            "  Work  History: ",
            "A/B+C, d-e 'f'",
            "&",
            "",
        ] {
            let ascii = ascii_heading_key(heading.as_bytes());
            let unicode = heading_key(&format!("{heading}é"))
                .unwrap()
                .trim_end_matches('é')
                .trim_end()
                .to_string();
            assert_eq!(ascii, unicode, "{heading:?}");
        }
    }

    #[test]
    fn the_headline_is_short_without_sections() {
        let text = "Name\nTitle\nCity\nmail\nphone\nsite\nA paragraph\nmore";
        assert_eq!(Layout::new(text).headline(), 0..6);
        assert_eq!(Layout::new("").headline(), 0..1);
    }

    #[test]
    fn sentences_keep_parentheses_apart() {
        let text = "- Comfort with one scripting language (Python preferred) for\n  migrations; MySQL is a plus. E.g. this stays.\nNext paragraph here";
        let layout = Layout::new(text);
        let sentences: Vec<(&str, Vec<&str>)> = layout
            .sentences()
            .iter()
            .map(|s| {
                (
                    &text[s.range.clone()],
                    s.parens.iter().map(|p| &text[p.clone()]).collect(),
                )
            })
            .collect();
        assert_eq!(
            sentences,
            [
                (
                    "- Comfort with one scripting language (Python preferred) for\n  migrations;",
                    vec!["(Python preferred)"]
                ),
                (" MySQL is a plus.", vec![]),
                (" E.g. this stays.", vec![]),
                ("\nNext paragraph here", vec![]),
            ]
        );
    }
}
