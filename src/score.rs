//! Coverage and weights: turns a document's term hits into scores and verdicts.
//!
//! Pure functions of the matches; nothing here reads files or prints.
//!
//! - A set's **score** is the weight of its matched terms over the weight of all
//!   its terms, from 0 to 100, rounded to one decimal.
//! - The **best specialization** is the specialization set with the highest score
//!   (the first in set order on a tie; none when all score 0).
//! - The **estimated level** is the most senior level set scoring at least
//!   [`LEVEL_THRESHOLD`]; when none reaches it, the best-scoring level (the more
//!   junior on a tie); none when all score 0. Level sets rank in set order
//!   (built-ins: entry, mid, senior).
//! - The **fit** is the mean of the core score and the best specialization's
//!   score (whichever of the two exists; else the mean of all sets).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::matching::{DocumentMatches, MatchKind, Matcher};
use crate::sets::SetKind;

/// The score a level set needs for the document to be estimated at that level.
pub const LEVEL_THRESHOLD: f64 = 50.0;

/// The scores of one document against every set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScore {
    /// Where the document came from (a path, or `-` for standard input).
    pub path: String,
    /// Words in the document.
    pub words: usize,
    /// Overall fit, 0 to 100 (see the module docs).
    pub fit: f64,
    /// Id of the best-fitting specialization set.
    pub best_specialization: Option<String>,
    /// Id of the estimated level set.
    pub level: Option<String>,
    /// One entry per set, in set order.
    pub sets: Vec<SetScore>,
}

/// How well a document covers one set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetScore {
    /// Set id.
    pub id: String,
    /// Set display name.
    pub name: String,
    /// Set kind.
    pub kind: SetKind,
    /// Weighted coverage, 0 to 100.
    pub score: f64,
    /// Number of terms found.
    pub matched_count: usize,
    /// Number of terms in the set.
    pub term_count: usize,
    /// The terms found, heaviest first, then in set order.
    pub matched: Vec<TermMatch>,
    /// Names of the terms not found, heaviest first, then in set order.
    pub missing: Vec<String>,
}

/// A term found in a document, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermMatch {
    /// The term's canonical name.
    pub term: String,
    /// The term's weight.
    pub weight: f64,
    /// How many times it occurs.
    pub count: u32,
    /// The lines where it stands.
    pub lines: Vec<u32>,
    /// The strongest way it matched.
    #[serde(rename = "match")]
    pub how: MatchKind,
    /// The forms as written in the document.
    pub forms: Vec<String>,
}

/// Scores one document's matches against every set of `matcher`. Terms named
/// in `ignored` (case-insensitively) are left out, as if no set had them.
pub fn score_document(
    path: &str,
    matcher: &Matcher,
    matches: &DocumentMatches,
    ignored: &[String],
) -> DocumentScore {
    let sets: Vec<SetScore> = matcher
        .sets()
        .iter()
        .enumerate()
        .map(|(set_index, set)| {
            let hits = &matches.terms[matcher.term_ids(set_index)];
            let mut order: Vec<usize> = (0..set.terms.len())
                .filter(|&index| {
                    !ignored
                        .iter()
                        .any(|name| name.eq_ignore_ascii_case(&set.terms[index].name))
                })
                .collect();
            order.sort_by(|&a, &b| set.terms[b].weight.total_cmp(&set.terms[a].weight));
            let mut matched = Vec::new();
            let mut missing = Vec::new();
            let mut matched_weight = 0.0;
            let mut total_weight = 0.0;
            for index in order {
                let term = &set.terms[index];
                let term_hits = &hits[index];
                total_weight += term.weight;
                match term_hits.how {
                    Some(how) if term_hits.count > 0 => {
                        matched_weight += term.weight;
                        matched.push(TermMatch {
                            term: term.name.clone(),
                            weight: term.weight,
                            count: term_hits.count,
                            lines: term_hits.lines.clone(),
                            how,
                            forms: term_hits.forms.clone(),
                        });
                    }
                    _ => missing.push(term.name.clone()),
                }
            }
            SetScore {
                id: set.id.clone(),
                name: set.name.clone(),
                kind: set.kind,
                score: percent(matched_weight, total_weight),
                matched_count: matched.len(),
                term_count: matched.len() + missing.len(),
                matched,
                missing,
            }
        })
        .collect();

    let kinds_and_scores: Vec<(SetKind, f64)> = sets.iter().map(|s| (s.kind, s.score)).collect();
    let verdicts = verdicts(&kinds_and_scores);
    let id_of = |index: Option<usize>| index.map(|i| sets[i].id.clone());
    let best_specialization = id_of(verdicts.best_specialization);
    let level = id_of(verdicts.level);
    let fit = verdicts.fit;
    DocumentScore {
        path: path.to_string(),
        words: matches.words,
        fit,
        best_specialization,
        level,
        sets,
    }
}

/// Terms a document opts out of with a line `rolefit: ignore TERM[, TERM…]`,
/// alone on its line or inside a comment (`<!-- … -->`, `#`, `//`).
pub fn inline_ignores(text: &str) -> Vec<String> {
    static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?im)^[ \t]*(?:<!--|#|//)?[ \t]*rolefit:[ \t]*ignore[ \t]+(.+?)[ \t]*(?:-->)?[ \t]*\r?$")
            .unwrap_or_else(|_| unreachable!("the directive pattern is valid"))
    });
    if !text.contains("rolefit:") {
        return Vec::new();
    }
    DIRECTIVE
        .captures_iter(text)
        .flat_map(|captures| {
            captures[1]
                .split(',')
                .map(|term| term.trim().to_string())
                .filter(|term| !term.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `part / whole` as a percentage rounded to one decimal (0 when `whole` is 0).
pub fn percent(part: f64, whole: f64) -> f64 {
    if whole <= 0.0 {
        return 0.0;
    }
    round1(100.0 * part / whole)
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The document-level verdicts, as indices into the sets they were taken from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdicts {
    /// The best specialization (see the module docs).
    pub best_specialization: Option<usize>,
    /// The estimated level.
    pub level: Option<usize>,
    /// The overall fit.
    pub fit: f64,
}

/// The verdicts over each set's kind and score, in set order: the one place
/// the rules in the module docs are written (batch scoring uses it too).
pub fn verdicts(sets: &[(SetKind, f64)]) -> Verdicts {
    let best_specialization = best_of(sets, SetKind::Specialization);
    Verdicts {
        best_specialization,
        level: estimate_level(sets),
        fit: fit(sets, best_specialization),
    }
}

fn best_of(sets: &[(SetKind, f64)], kind: SetKind) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (index, &(set_kind, score)) in sets.iter().enumerate() {
        if set_kind == kind && score > 0.0 && best.is_none_or(|b| sets[b].1 < score) {
            best = Some(index);
        }
    }
    best
}

fn estimate_level(sets: &[(SetKind, f64)]) -> Option<usize> {
    (0..sets.len())
        .rev()
        .find(|&i| sets[i].0 == SetKind::Level && sets[i].1 >= LEVEL_THRESHOLD)
        .or_else(|| best_of(sets, SetKind::Level))
}

fn fit(sets: &[(SetKind, f64)], best_specialization: Option<usize>) -> f64 {
    let core = sets
        .iter()
        .find(|(kind, _)| *kind == SetKind::Core)
        .map(|&(_, score)| score);
    let specialization = best_specialization.map(|i| sets[i].1).or_else(|| {
        sets.iter()
            .any(|(kind, _)| *kind == SetKind::Specialization)
            .then_some(0.0)
    });
    let parts: Vec<f64> = match (core, specialization) {
        (None, None) => sets.iter().map(|&(_, score)| score).collect(),
        (core, specialization) => core.into_iter().chain(specialization).collect(),
    };
    if parts.is_empty() {
        return 0.0;
    }
    round1(parts.iter().sum::<f64>() / parts.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_ignore_directives() {
        let text = "# Posting\n<!-- rolefit: ignore Kubernetes, status updates -->\nrolefit: ignore CI/CD\nWe do not say rolefit: ignore X mid-line.\n";
        assert_eq!(
            inline_ignores(text),
            ["Kubernetes", "status updates", "CI/CD"]
        );
        assert!(inline_ignores("nothing here").is_empty());
    }

    #[test]
    fn percent_rounds_to_one_decimal() {
        assert_eq!(percent(2.0, 3.0), 66.7);
        assert_eq!(percent(0.0, 0.0), 0.0);
        assert_eq!(percent(5.0, 5.0), 100.0);
    }

    #[test]
    fn level_is_the_most_senior_over_threshold_else_the_best() {
        let cases = [
            ((80.0, 60.0, 55.0), Some("senior")),
            ((80.0, 60.0, 20.0), Some("mid")),
            ((40.0, 30.0, 45.0), Some("senior")),
            ((40.0, 40.0, 10.0), Some("entry")),
            ((0.0, 0.0, 0.0), None),
        ];
        for ((entry, mid, senior), expected) in cases {
            let sets = [
                (SetKind::Level, entry),
                (SetKind::Level, mid),
                (SetKind::Level, senior),
            ];
            let ids = ["entry", "mid", "senior"];
            assert_eq!(verdicts(&sets).level.map(|i| ids[i]), expected);
        }
    }

    #[test]
    fn best_specialization_prefers_the_first_on_a_tie() {
        let sets = [
            (SetKind::Core, 90.0),
            (SetKind::Specialization, 50.0),
            (SetKind::Specialization, 50.0),
            (SetKind::Skills, 100.0),
        ];
        let all = verdicts(&sets);
        assert_eq!(all.best_specialization, Some(1));
        assert_eq!(all.fit, 70.0);
        assert_eq!(verdicts(&sets[..1]).fit, 90.0);
        assert_eq!(verdicts(&[(SetKind::Specialization, 0.0)]).fit, 0.0);
    }
}
