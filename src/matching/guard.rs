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
use crate::compare::layout::{Layout, normalize};

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

/// A document's lines, with what each says about technical context; built
/// only for documents where an everyday form occurs.
pub(crate) struct Context<'t> {
    layout: Layout<'t>,
    /// Per line index: in a skills section, or under a skills label.
    skills: Vec<bool>,
    /// Per line index: a word shaped like a product name.
    product_word: Vec<bool>,
}

impl<'t> Context<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let layout = Layout::new(text);
        let skills = (0..layout.lines.len())
            .map(|index| {
                let section = layout.section_title(index);
                let label = layout.label(index);
                section.iter().chain(label.iter()).any(|t| names_skills(t))
            })
            .collect();
        let product_word = layout
            .lines
            .iter()
            .map(|line| {
                let mut found = has_symbol_name(line.text);
                for_each_word(line.text, |word| found |= has_inner_capital(word.text));
                found
            })
            .collect();
        Context {
            layout,
            skills,
            product_word,
        }
    }

    /// Whether the everyday form at byte range `at` (1-based `line`) has the
    /// technical sense there; `technical_line` tells whether another
    /// technical name stands on that line (rule 4's first two cases), and
    /// `is_name(range)` whether a technical name covers a byte range.
    pub(crate) fn supports(
        &self,
        at: Range<usize>,
        line: u32,
        technical_line: bool,
        is_name: impl Fn(Range<usize>) -> bool,
    ) -> bool {
        if in_capitalized_run(self.layout.text, at.clone(), is_name) {
            return false;
        }
        if technical_line || self.named_mid_sentence(at) {
            return true;
        }
        let Some(index) = self.layout.index_of(line) else {
            return false;
        };
        self.skills[index] || self.product_word[index]
    }

    fn named_mid_sentence(&self, at: Range<usize>) -> bool {
        let text = self.layout.text;
        let after = text[at.end..].chars().next();
        text[at.clone()].chars().count() >= 2
            && !after.is_some_and(|c| c == '-' || c.is_ascii_digit())
            && !text[at.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
            && !self.layout.opens_sentence(at.start)
    }
}

/// Whether the word at `at` has a capitalised word right before or after it,
/// one space away on its line, that is no technical name (`is_name` of its
/// range): part of a longer proper name.
fn in_capitalized_run(
    text: &str,
    at: Range<usize>,
    is_name: impl Fn(Range<usize>) -> bool,
) -> bool {
    let capitalized = |range: Option<Range<usize>>| {
        range.is_some_and(|range| {
            let word = &text[range.clone()];
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphanumeric)
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

    /// The supported occurrences of `word` in `text`, by 1-based line.
    fn supported_lines(text: &str, word: &str, technical: &[u32]) -> Vec<u32> {
        let context = Context::new(text);
        let mut lines = Vec::new();
        for word_found in crate::analyze::Words::new(text) {
            if word_found.text == word {
                let at = word_found.start..word_found.end();
                if context.supports(
                    at,
                    word_found.line,
                    technical.contains(&word_found.line),
                    |r| &text[r] == "Kafka",
                ) {
                    lines.push(word_found.line);
                }
            }
        }
        lines
    }

    #[test]
    fn context_decides_the_sense() {
        let text = "# Sam\n\nGo live planning.\nWe wrote services in Go for payments.\nGo-to person for releases.\n\n## Skills\n\n- Go, Rust\n\n## Experience\n\n- **Languages:** Go\n- Go on GitHub daily\n- Go beside Kafka\n- Go home early\n- Shipped for Nordhaven Go Logistics\n- Go Kafka Redis\n";
        assert_eq!(
            supported_lines(text, "Go", &[15, 17, 18]),
            [4, 9, 13, 14, 15, 18]
        );
    }
}
