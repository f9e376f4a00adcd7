//! Assembling the posting's terms: the sets without ignored terms, the
//! matcher over the sets and the posting's own terms, and one
//! [`PostingTerm`](super::PostingTerm) per term name with its class, uses and
//! context.

use std::collections::BTreeSet;
use std::ops::Range;

use anyhow::Result;

use super::discover::{Candidate, CandidateKind};
use super::posting::{PostingView, locate};
use super::{POSTING_SET_ID, PostingTerm, TermClass, words};
use crate::matching::{Matcher, TermHits};
use crate::sets::{KeywordSet, SetKind, SetOrigin, Term};

/// Each term id's set index and term, for reading names and aliases.
pub(super) struct TermLocations<'m> {
    terms: Vec<(usize, &'m Term)>,
}

impl<'m> TermLocations<'m> {
    pub(super) fn new(matcher: &'m Matcher) -> Self {
        let mut terms = Vec::new();
        for (set_index, set) in matcher.sets().iter().enumerate() {
            terms.extend(set.terms.iter().map(|term| (set_index, term)));
        }
        TermLocations { terms }
    }
}

/// Builds one posting term from its term ids, or `None` when the posting uses
/// it only where it asks for nothing.
pub(super) fn posting_term(
    view: &PostingView<'_>,
    matcher: &Matcher,
    locations: &TermLocations<'_>,
    hits: &[TermHits],
    name: String,
    ids: Vec<usize>,
) -> Option<PostingTerm> {
    let mut forms = BTreeSet::new();
    let mut lines = BTreeSet::new();
    for &id in &ids {
        forms.extend(hits[id].forms.iter().cloned());
        lines.extend(hits[id].lines.iter().copied());
    }
    let forms: Vec<String> = forms.into_iter().collect();
    let lines: Vec<u32> = lines.into_iter().collect();
    let layout = &view.layout;
    // Each occurrence that asks: its line, its place (when found as written)
    // and what its wording says.
    let located = locate(layout, &forms, &lines);
    let occurrences: Vec<(u32, Option<usize>, Option<TermClass>)> = if located.is_empty() {
        // Not found as written (an unusual spacing): fall back to whole lines.
        lines
            .iter()
            .filter_map(|&line| {
                let index = layout.index_of(line)?;
                let middle = layout.lines[index].start + layout.lines[index].text.len() / 2;
                view.asks(middle)
                    .then(|| (line, None, view.class_on_line(line)))
            })
            .collect()
    } else {
        located
            .into_iter()
            .filter(|range| view.asks(range.start))
            .map(|range| {
                let line = line_number(layout.line_at(range.start));
                (line, Some(range.start), view.class_at(range.start))
            })
            .collect()
    };
    if occurrences.is_empty() {
        return None;
    }
    let default = if view.has_required_section {
        TermClass::Preferred
    } else {
        TermClass::Required
    };
    let class = occurrences
        .iter()
        .filter_map(|&(_, _, class)| class)
        .min()
        .unwrap_or(default);
    // The first occurrence with the deciding wording (any, for the default).
    let (line, offset, _) = occurrences
        .iter()
        .find(|&&(_, _, c)| c == Some(class))
        .unwrap_or(&occurrences[0]);
    let context = view.context(*line, *offset);
    let (first_set, _) = locations.terms[ids[0]];
    let set = &matcher.sets()[first_set];
    let literal_keys = ids
        .iter()
        .flat_map(|&id| locations.terms[id].1.forms())
        .map(literal_key)
        .filter(|key| !key.is_empty())
        .collect();
    let mut posting_lines: Vec<u32> = occurrences.iter().map(|&(line, _, _)| line).collect();
    posting_lines.dedup();
    Some(PostingTerm {
        ambiguous: words::is_ambiguous(&name),
        term: name,
        set: (set.id != POSTING_SET_ID || set.origin != SetOrigin::Builtin).then(|| set.id.clone()),
        class,
        count: u32::try_from(occurrences.len()).unwrap_or(u32::MAX),
        lines: posting_lines,
        line: *line,
        context,
        ids,
        literal_keys,
    })
}

pub(super) fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The sets without the ignored terms (and without sets left empty).
pub(super) fn without_ignored(sets: Vec<KeywordSet>, ignore: &[String]) -> Vec<KeywordSet> {
    sets.into_iter()
        .map(|mut set| {
            set.terms.retain(|term| {
                !ignore
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&term.name))
            });
            set
        })
        .filter(|set| !set.terms.is_empty())
        .collect()
}

/// Sorted, merged byte ranges.
pub(super) fn merge_spans(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|span| span.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// The matcher over the sets and the posting's own terms. Own terms that
/// would collide with each other are dropped, the later one first.
pub(super) fn compile(sets: Vec<KeywordSet>, candidates: &[Candidate]) -> Result<Matcher> {
    let terms: Vec<Term> = candidates
        .iter()
        .map(|candidate| Term {
            case_sensitive: match candidate.kind {
                CandidateKind::Name => Some(true),
                CandidateKind::Phrase => Some(false),
                CandidateKind::Symbol => None,
            },
            ..Term::named(candidate.name.clone())
        })
        .collect();
    if terms.is_empty() {
        return Matcher::new(sets);
    }
    let mut all = sets.clone();
    all.push(posting_set(terms.clone()));
    if let Ok(matcher) = Matcher::new(all) {
        return Ok(matcher);
    }
    let mut kept: Vec<Term> = Vec::new();
    for term in terms {
        kept.push(term);
        if Matcher::new(vec![posting_set(kept.clone())]).is_err() {
            kept.pop();
        }
    }
    let mut all = sets;
    if !kept.is_empty() {
        all.push(posting_set(kept));
    }
    Matcher::new(all)
}

fn posting_set(terms: Vec<Term>) -> KeywordSet {
    KeywordSet {
        technology_categories: Vec::new(),
        match_by: Default::default(),
        id: POSTING_SET_ID.to_string(),
        name: "The posting's own terms".to_string(),
        kind: SetKind::Skills,
        description: "Technical terms of the posting that no keyword set knows".to_string(),
        terms,
        origin: SetOrigin::Builtin,
    }
}

/// The key a literal search compares: lowercase letters, digits and symbols.
pub(super) fn literal_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '/' | '&'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_keys_compare_like_a_search_box() {
        assert_eq!(literal_key("REST APIs"), "restapis");
        assert!(literal_key("APIs").starts_with(&literal_key("API")));
        assert_eq!(literal_key("CI/CD"), "ci/cd");
    }

    #[test]
    fn spans_merge() {
        assert_eq!(
            merge_spans(vec![5..9, 0..3, 2..4, 9..10]),
            [0..4, 5..9, 9..10]
        );
    }
}
