//! The ambiguity guard: a form that is also an everyday word ("Go", "Spring",
//! "React", "Swift", "Helm") counts only where the context supports its
//! technical sense.
//!
//! An occurrence of such a form (always matched as written: "Go", never
//! "go") is set aside outright when it is one word of a run of capitalised
//! words that are not technical names themselves: it is part of some other
//! name ("Nordhaven Express Logistics", "12 Quay Street"). Otherwise it is
//! supported when
//! 1. the same term is also written in an unambiguous form somewhere in the
//!    document ("Golang", "Spring Boot", "Apache Spark"); or
//! 2. it stands in the middle of a sentence as a name would: not opening the
//!    sentence (everyday uses open one: "Go-live was smooth", "Spring 2021"),
//!    at least two letters long, and followed by neither a hyphen nor a
//!    number; or
//! 3. its line is in a skills section (a heading with "skills",
//!    "technologies", "stack", "tools", "languages", "frameworks", …) or opens
//!    with such a label ("Languages:", a table row "| Languages | … |"); or
//! 4. its line also holds another technical name: a technology that is not
//!    itself an everyday word, a term written with a capital or a symbol
//!    (API, CI/CD), or a word shaped like a product name (a capital inside
//!    the word, GitHub; a symbol, C++).
//!
//! Everything else is *set aside*, and the report says where and why.

use std::ops::Range;

use crate::analyze::for_each_word;
use crate::analyze::outline::{
    LineKind, heading_text, line_kind, line_label, normalize, opens_sentence,
};

/// Words that make a heading or a label name a skills section.
const SKILLS_WORDS: &[&str] = &[
    "competencies",
    "expertise",
    "frameworks",
    "languages",
    "proficiencies",
    "programming",
    "skills",
    "stack",
    "tech",
    "technical",
    "technologies",
    "technology",
    "tools",
    "toolset",
];

/// Why an occurrence was set aside, for reports.
pub const SET_ASIDE_REASON: &str = "an everyday word there (opens a sentence, no technical name beside it, not in a skills section)";

/// A document read around the occurrences that need it, line by line: the
/// guard looks at a few lines near each undecided occurrence, never at the
/// whole document, so a document pays only for what it asks.
pub(crate) struct Context<'t> {
    text: &'t str,
}

/// How many lines above an occurrence the guard looks for its section's
/// heading.
const HEADING_REACH: usize = 400;

impl<'t> Context<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Context { text }
    }

    /// Whether the everyday form at byte range `at` has the technical sense
    /// there by rules 2, 3 and the product-word case of 4. The caller checks
    /// the veto ([`in_capitalized_run`]) and the other technical names on the
    /// line first.
    pub(crate) fn supports(&self, at: Range<usize>) -> bool {
        let line = self.line_around(at.start);
        let above = self.line_before(line.start);
        let below = self.line_after(line.end);
        let line_text = &self.text[line.clone()];
        let kind = line_kind(
            above.clone().map(|r| &self.text[r]),
            line_text,
            below.map(|r| &self.text[r]),
        );
        if self.named_mid_sentence(at.clone(), line.start, kind, above) {
            return true;
        }
        let label = line_label(line_text, kind);
        if label.as_deref().is_some_and(names_skills) || product_word(line_text) {
            return true;
        }
        self.section_heading(line.start)
            .is_some_and(|heading| names_skills(&normalize(&heading_text(heading))))
    }

    fn named_mid_sentence(
        &self,
        at: Range<usize>,
        line_start: usize,
        kind: LineKind,
        above: Option<Range<usize>>,
    ) -> bool {
        let text = self.text;
        let after = text[at.end..].chars().next();
        let above = above.map(|range| {
            let above_text = &text[range.clone()];
            let above_kind = line_kind(
                self.line_before(range.start).map(|r| &text[r]),
                above_text,
                Some(&text[line_start..]),
            );
            (above_text, above_kind)
        });
        text[at.clone()].chars().count() >= 2
            && !after.is_some_and(|c| c == '-' || c.is_ascii_digit())
            && !text[at.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
            && !opens_sentence(&text[line_start..at.start], kind, above)
    }

    /// The heading of the section the line starting at `line_start` is in:
    /// the nearest line above it that reads as a heading.
    fn section_heading(&self, line_start: usize) -> Option<&'t str> {
        let mut current = self.line_before(line_start);
        let mut below = Some(line_start..self.line_around(line_start).end);
        for _ in 0..HEADING_REACH {
            let line = current?;
            let above = self.line_before(line.start);
            let kind = line_kind(
                above.clone().map(|r| &self.text[r]),
                &self.text[line.clone()],
                below.map(|r| &self.text[r]),
            );
            if kind == LineKind::Heading {
                return Some(&self.text[line]);
            }
            below = Some(line);
            current = above;
        }
        None
    }

    /// The line (without its line break) that holds byte `offset`.
    fn line_around(&self, offset: usize) -> Range<usize> {
        let bytes = self.text.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |i| offset + i);
        start..end
    }

    /// The line before the one starting at `line_start`, if any.
    fn line_before(&self, line_start: usize) -> Option<Range<usize>> {
        (line_start > 0).then(|| self.line_around(line_start - 1))
    }

    /// The line after the one ending at `line_end`, if any.
    fn line_after(&self, line_end: usize) -> Option<Range<usize>> {
        (line_end < self.text.len()).then(|| self.line_around(line_end + 1))
    }
}

/// A word shaped like a product name on the line: a capital inside a word
/// (GitHub), or a symbol name (C++).
fn product_word(line: &str) -> bool {
    let mut found = has_symbol_name(line);
    for_each_word(line, |word| found |= has_inner_capital(word.text));
    found
}

/// Whether the word at `at` has a capitalised word (a capital, then small
/// letters only) right before or after it, one space away on its line, that
/// is no technical name (`is_name` of its range): part of a longer proper
/// name. An acronym beside it ("a Go CLI") is no such word.
pub(crate) fn in_capitalized_run(
    text: &str,
    at: Range<usize>,
    is_name: impl Fn(Range<usize>) -> bool,
) -> bool {
    let capitalized = |range: Option<Range<usize>>| {
        range.is_some_and(|range| {
            // A name-shaped word ("Logistics"), not an acronym ("Go CLI").
            let word = &text[range.clone()];
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().next().is_some()
                && chars.all(char::is_lowercase)
                && !is_name(range)
        })
    };
    let before = text[..at.start]
        .strip_suffix(' ')
        .filter(|rest| !rest.ends_with(' '))
        .map(|rest| {
            let start = rest.rfind([' ', '\n', '\t']).map_or(0, |i| i + 1);
            start..rest.len()
        });
    let after = text[at.end..].strip_prefix(' ').map(|rest| {
        let word = rest.split([' ', '\n', '\t']).next().unwrap_or("");
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        at.end + 1..at.end + 1 + word.len()
    });
    capitalized(before) || capitalized(after)
}

fn names_skills(title: &str) -> bool {
    normalize(title)
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| SKILLS_WORDS.binary_search(&word).is_ok())
}

/// A capital right after a lowercase letter: GitHub, gRPC, PostgreSQL, iOS.
fn has_inner_capital(word: &str) -> bool {
    let mut previous_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && previous_lower {
            return true;
        }
        previous_lower = c.is_lowercase();
    }
    false
}

/// A token with `+ # /` next to a capital letter: C++, C#, CI/CD.
fn has_symbol_name(line: &str) -> bool {
    line.contains(['+', '#', '/'])
        && line.split_whitespace().any(|token| {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric() && !"+#".contains(c));
            token.contains(['+', '#', '/'])
                && token.chars().any(char::is_uppercase)
                && !token.ends_with('/')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_words_are_sorted_unique_and_lowercase() {
        assert!(SKILLS_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(SKILLS_WORDS.iter().all(|w| *w == w.to_lowercase()));
    }

    /// The supported occurrences of `word` in `text`, by 1-based line, as
    /// the matcher decides: the veto, then another technical name on the
    /// line (`technical`), then the context.
    fn supported_lines(text: &str, word: &str, technical: &[u32]) -> Vec<u32> {
        let context = Context::new(text);
        let mut lines = Vec::new();
        for found in crate::analyze::Words::new(text) {
            if found.text == word {
                let at = found.start..found.end();
                let supported = !in_capitalized_run(text, at.clone(), |r| &text[r] == "Kafka")
                    && (technical.contains(&found.line) || context.supports(at));
                if supported {
                    lines.push(found.line);
                }
            }
        }
        lines
    }

    #[test]
    fn context_decides_the_sense() {
        let text = "# Sam\n\nGo live planning.\nWe wrote services in Go for payments.\nGo-to person for releases.\n\n## Skills\n\n- Go, Rust\n\n## Experience\n\n- **Languages:** Go\n- Go on GitHub daily\n- Go beside Kafka\n- Go home early\n- Shipped for Nordhaven Go Logistics\n- Go Kafka Redis\n- Wrote a Go CLI for it\n";
        assert_eq!(
            supported_lines(text, "Go", &[15, 17, 18]),
            [4, 9, 13, 14, 15, 18, 19]
        );
    }
}
