//! Section kinds: which section a heading names, from one data table, and
//! the kind each line stands in (see the [`super`] module docs).

use serde::Serialize;

use super::{Line, LineKind, heading_str};

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
pub(super) const JOINERS: &[char] = &['&', '/', '+', ','];

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
pub(super) fn heading_key(heading: &str) -> Option<String> {
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
pub(super) fn ascii_heading_key(heading: &[u8]) -> String {
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
pub(super) fn lookup_section(name: &str) -> Option<SectionKind> {
    if name.is_empty() {
        return None;
    }
    if let Some(kind) = crate::analyze::atoms::find(SECTION_HEADINGS, name) {
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
pub(super) fn mark_section_kinds(lines: &mut [Line<'_>]) {
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
