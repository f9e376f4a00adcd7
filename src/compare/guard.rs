//! The ambiguity guard: short names that are also English words (Go, Swift,
//! React, Spring, Rust, C, R) count in a resume only where the context
//! supports the technical sense.
//!
//! An occurrence supports it when it stands in the middle of a sentence,
//! written with its capital (everyday uses open a sentence: "Go-live of the new
//! system", "React quickly", or are lowercase), is at least two letters long
//! and is followed by neither a hyphen nor a number ("Spring 2021"); or when
//! its line
//! - is in a skills section (a heading with "skills", "technologies", "tech
//!   stack", "tools", "languages", "frameworks", …) or opens with such a label
//!   ("Languages:", a table row "| Languages | … |"), or
//! - also holds another technical term: a term of the comparison whose name has
//!   a capital letter or a symbol (PostgreSQL, API, CI/CD) and is not itself
//!   ambiguous, or a word shaped like a product name (a capital inside the word,
//!   GitHub; a symbol, Node.js).
//!
//! The guard applies only when every form the resume uses is the bare word: an
//! unambiguous alias (Golang, Spring Boot) speaks for itself.

use super::discover::has_inner_capital;
use super::words::SKILLS_WORDS;
use crate::analyze::for_each_word;
use crate::analyze::outline::{Layout, normalize};

/// A resume's lines, with what each says about technical context.
pub(crate) struct ResumeView<'a> {
    pub layout: Layout<'a>,
    /// Per line: in a skills section, or under a skills label.
    skills: Vec<bool>,
    /// Per line: a word shaped like a product name.
    product_word: Vec<bool>,
}

impl<'a> ResumeView<'a> {
    pub fn new(text: &'a str) -> Self {
        let layout = Layout::new(text);
        let skills = (0..layout.lines.len())
            .map(|i| {
                let section = layout.section_title(i);
                let label = layout.label(i);
                section.iter().chain(label.iter()).any(|t| names_skills(t))
            })
            .collect();
        let product_word = layout
            .lines
            .iter()
            .map(|line| {
                let mut found = line.text.contains(['+', '#', '/']) && has_symbol_name(line.text);
                for_each_word(line.text, |word| found |= has_inner_capital(word.text));
                found
            })
            .collect();
        ResumeView {
            layout,
            skills,
            product_word,
        }
    }

    /// Whether the occurrence of `name` at byte range `at` stands mid-sentence
    /// as a name would (module docs).
    pub fn named_mid_sentence(&self, name: &str, at: std::ops::Range<usize>) -> bool {
        let text = self.layout.text;
        let after = text[at.end..].chars().next();
        name.chars().count() >= 2
            && &text[at.clone()] == name
            && !after.is_some_and(|c| c == '-' || c.is_ascii_digit())
            && !text[at.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
            && !self.layout.opens_sentence(at.start)
    }

    /// Whether 1-based line `number` supports the technical sense of a term
    /// whose own term ids are `own`; `line_terms` holds, per line index, the
    /// ids of technical terms found there.
    pub fn supports(&self, number: u32, own: &[usize], line_terms: &[Vec<usize>]) -> bool {
        let Some(index) = self.layout.index_of(number) else {
            return false;
        };
        self.skills[index]
            || self.product_word[index]
            || line_terms[index].iter().any(|id| !own.contains(id))
    }
}

fn names_skills(title: &str) -> bool {
    normalize(title)
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| SKILLS_WORDS.binary_search(&word).is_ok())
}

/// A token with `+ # /` next to a capital letter: C++, C#, CI/CD.
fn has_symbol_name(line: &str) -> bool {
    line.split_whitespace().any(|token| {
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
    fn skills_sections_labels_and_product_words_support() {
        let text = "# Sam\n\n## Skills\n\n- Go, Rust\n\n## Experience\n\n- Go live planning\n- **Languages:** Go\n- Wrote Go on GitHub\n- Go with C++ too\n- Go and Kafka\n";
        let view = ResumeView::new(text);
        let mut line_terms = vec![Vec::new(); view.layout.lines.len()];
        line_terms[12].push(7);
        let supported: Vec<u32> = (1..=13)
            .filter(|&n| view.supports(n, &[1], &line_terms))
            .collect();
        assert_eq!(supported, [3, 4, 5, 6, 10, 11, 12, 13]);
        assert!(!view.supports(13, &[7], &line_terms));
    }
}
