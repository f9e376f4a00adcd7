//! A posting's structure as the comparison reads it: which text asks for
//! something, and whether it asks for it as required or preferred.
//!
//! Text *asks* unless it is in the masthead (title and company line), a
//! heading, a boilerplate section (pay, perks, hiring process, the company) or
//! an equal-opportunity sentence. See [`super::cues`] for the classing.

use std::ops::Range;

use regex::Regex;

use super::TermClass;
use super::cues::{SectionClass, clause_cue, heading_class};
use crate::analyze::outline::{Layout, LineKind, Sentence, strip_bullet};

/// A posting's lines, sections and sentences with their cues.
pub(crate) struct PostingView<'a> {
    pub layout: Layout<'a>,
    pub sentences: Vec<Sentence>,
    /// Per sentence: the cue outside its parentheses.
    sentence_cues: Vec<Option<TermClass>>,
    /// Per sentence, per parenthetical: its own cue, else the sentence's.
    paren_cues: Vec<Vec<Option<TermClass>>>,
    /// Per sentence: an equal-opportunity statement, which asks for nothing.
    statement: Vec<bool>,
    /// Per line: what its section's heading says.
    sections: Vec<SectionClass>,
    masthead: Range<usize>,
    /// Some heading marks a requirements section.
    pub has_required_section: bool,
}

impl<'a> PostingView<'a> {
    pub fn new(text: &'a str) -> Self {
        let layout = Layout::new(text);
        let sentences = layout.sentences();
        let mut sentence_cues = Vec::with_capacity(sentences.len());
        let mut paren_cues = Vec::with_capacity(sentences.len());
        let mut statement = Vec::with_capacity(sentences.len());
        for sentence in &sentences {
            let mut outside = String::new();
            let mut at = sentence.range.start;
            for paren in &sentence.parens {
                outside.push_str(&text[at..paren.start]);
                outside.push(' ');
                at = paren.end;
            }
            outside.push_str(&text[at..sentence.range.end]);
            let cue = clause_cue(&outside);
            sentence_cues.push(cue);
            paren_cues.push(
                sentence
                    .parens
                    .iter()
                    .map(|paren| clause_cue(&text[paren.clone()]).or(cue))
                    .collect(),
            );
            let lower = outside.to_lowercase();
            statement
                .push(lower.contains("equal opportunity") || lower.contains("equal employment"));
        }
        let mut classes = vec![SectionClass::Neutral; layout.lines.len()];
        let mut sections = Vec::with_capacity(layout.lines.len());
        for line in &layout.lines {
            let class = match line.section {
                Some(heading) => {
                    if classes[heading] == SectionClass::Neutral {
                        classes[heading] = heading_class(&layout.heading_words(heading));
                    }
                    classes[heading]
                }
                None => SectionClass::Neutral,
            };
            sections.push(class);
        }
        let masthead = layout.masthead();
        let has_required_section = layout.lines.iter().enumerate().any(|(i, line)| {
            line.kind == LineKind::Heading && sections[i] == SectionClass::Required
        });
        PostingView {
            layout,
            sentences,
            sentence_cues,
            paren_cues,
            statement,
            sections,
            masthead,
            has_required_section,
        }
    }

    /// The sentence holding byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let index = self
            .sentences
            .partition_point(|s| s.range.start <= offset)
            .checked_sub(1)?;
        (offset < self.sentences[index].range.end).then_some(index)
    }

    /// True when line `index` is part of the masthead.
    pub fn in_masthead(&self, index: usize) -> bool {
        self.masthead.contains(&index)
    }

    /// True when the text at byte `offset` asks for something (module docs).
    pub fn asks(&self, offset: usize) -> bool {
        let index = self.layout.line_at(offset);
        let kind = self.layout.lines[index].kind;
        !(self.in_masthead(index)
            || matches!(kind, LineKind::Heading | LineKind::Rule)
            || self.sections[index] == SectionClass::Boilerplate
            || self.sentence_at(offset).is_some_and(|s| self.statement[s]))
    }

    /// The class the posting's wording gives a term standing at byte `offset`:
    /// its clause's cue, else its section's; `None` when neither says.
    pub fn class_at(&self, offset: usize) -> Option<TermClass> {
        let cue = self.sentence_at(offset).and_then(|s| {
            let parens = &self.sentences[s].parens;
            match parens.iter().position(|p| p.contains(&offset)) {
                Some(p) => self.paren_cues[s][p],
                None => self.sentence_cues[s],
            }
        });
        cue.or(match self.sections[self.layout.line_at(offset)] {
            SectionClass::Required => Some(TermClass::Required),
            SectionClass::Preferred => Some(TermClass::Preferred),
            SectionClass::Boilerplate | SectionClass::Neutral => None,
        })
    }

    /// What to show as the context of a term on 1-based line `number`: the
    /// sentence at byte `offset` when known, else the line; without a bullet,
    /// spaces collapsed.
    pub fn context(&self, number: u32, offset: Option<usize>) -> String {
        let text = self.layout.text;
        let raw = match offset.and_then(|at| self.sentence_at(at)) {
            Some(s) => &text[self.sentences[s].range.clone()],
            None => self
                .layout
                .index_of(number)
                .map_or("", |i| self.layout.lines[i].text),
        };
        strip_bullet(raw.trim())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The class of a term on 1-based line `number` when its exact place is
    /// unknown: the line's section, or the cue of the line's first sentence.
    pub fn class_on_line(&self, number: u32) -> Option<TermClass> {
        let index = self.layout.index_of(number)?;
        self.class_at(self.layout.lines[index].start + self.layout.lines[index].text.len() / 2)
    }
}

/// Where the forms of a term (as the matcher reported them: spaces collapsed)
/// stand in `text`, on the given 1-based `lines` only: byte ranges, sorted,
/// without overlaps.
pub(crate) fn locate(layout: &Layout<'_>, forms: &[String], lines: &[u32]) -> Vec<Range<usize>> {
    let text = layout.text;
    let mut found = Vec::new();
    for form in forms {
        let ends_in_word = form.chars().next_back().is_some_and(char::is_alphanumeric);
        let mut keep = |range: Range<usize>| {
            let line = u32::try_from(layout.line_at(range.start) + 1).unwrap_or(u32::MAX);
            if stands_alone(text, range.clone(), ends_in_word) && lines.binary_search(&line).is_ok()
            {
                found.push(range);
            }
        };
        if !form.contains(' ') {
            // One word: a plain search (the common case, and cheap per resume).
            for (start, _) in text.match_indices(form.as_str()) {
                keep(start..start + form.len());
            }
            continue;
        }
        let pattern = form
            .split(' ')
            .map(regex::escape)
            .collect::<Vec<_>>()
            .join(r"\s+");
        if let Ok(finder) = Regex::new(&pattern) {
            for m in finder.find_iter(text) {
                keep(m.range());
            }
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        if kept.last().is_none_or(|last| range.start >= last.end) {
            kept.push(range);
        }
    }
    kept
}

/// The matcher's boundary rules, for text found by hand: nothing of a word
/// before it (not even a symbol joined to a word, as in ASP.NET or CI/CD), and
/// after it no letter or digit (when it ends in one), no `+` or `#` (C++ is not
/// C) and no `.` or `/` joined to a word (Node.js is not Node).
fn stands_alone(text: &str, range: Range<usize>, ends_in_word: bool) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut before = text[..range.start].chars().rev();
    let b1 = before.next();
    let joined_before = matches!(b1, Some('.' | '/')) && word(before.next());
    let mut after = text[range.end..].chars();
    let a1 = after.next();
    let joined_after = matches!(a1, Some('.' | '/')) && word(after.next());
    !word(b1)
        && !joined_before
        && !(ends_in_word && (word(a1) || matches!(a1, Some('+' | '#')) || joined_after))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTING: &str = "# Backend Engineer\n\n**Acme** · Oslo\n\nWe build Kafka pipelines.\n\n## Requirements\n\n- 3+ years of Go.\n- Comfort with SQL (PostgreSQL preferred).\n- Docker is a plus.\n\n## Nice to have\n\n- Helm.\n\n## Benefits\n\n- Bonus and Kafka swag.\n\nAcme is an equal opportunity employer using Kafka.\n";

    fn at(word: &str) -> usize {
        POSTING.find(word).unwrap()
    }

    #[test]
    fn classes_come_from_clauses_then_sections() {
        let view = PostingView::new(POSTING);
        assert!(view.has_required_section);
        let cases: &[(usize, Option<TermClass>)] = &[
            (at("Kafka pipelines"), None),
            (at("Go."), Some(TermClass::Required)),
            (at("SQL ("), Some(TermClass::Required)),
            (at("PostgreSQL"), Some(TermClass::Preferred)),
            (at("Docker"), Some(TermClass::Preferred)),
            (at("Helm"), Some(TermClass::Preferred)),
        ];
        for (offset, expected) in cases {
            assert_eq!(view.class_at(*offset), *expected, "{}", &POSTING[*offset..]);
        }
    }

    #[test]
    fn masthead_headings_and_boilerplate_ask_for_nothing() {
        let view = PostingView::new(POSTING);
        assert!(!view.asks(at("Backend")));
        assert!(!view.asks(at("Oslo")));
        assert!(!view.asks(at("Requirements")));
        assert!(view.asks(at("Kafka pipelines")));
        assert!(!view.asks(at("Kafka swag")));
        assert!(!view.asks(at("Kafka.\n")));
    }

    #[test]
    fn locate_finds_forms_on_their_lines() {
        let layout = Layout::new("REST and rest\nthe REST API,\ncontinuous\n  integration");
        assert_eq!(locate(&layout, &["REST".into()], &[2]), vec![18..22]);
        assert_eq!(
            locate(&layout, &["continuous integration".into()], &[3]),
            vec![28..52]
        );
        assert!(locate(&layout, &["RES".into()], &[1, 2]).is_empty());
        let layout = Layout::new("C and C++, C#; .NET, ASP.NET; Node.js, Node; CI/CD");
        let count = |form: &str| locate(&layout, &[form.into()], &[1]).len();
        assert_eq!(
            [
                count("C"),
                count(".NET"),
                count("Node"),
                count("CI"),
                count("CD")
            ],
            [1, 1, 1, 0, 0]
        );
    }
}
