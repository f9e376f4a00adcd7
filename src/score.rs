//! Coverage and weights: turns a document's term hits into scores and verdicts.
//!
//! Pure functions of the matches; nothing here reads files or prints. The
//! numbers come first and once: a [`ScorePlan`] (made once per run) turns a
//! document's matches into a [`Tally`]; a [`DocumentScore`] is that tally
//! with the evidence (terms, lines, forms, technologies) added on top, so
//! `score` and `batch` cannot disagree.
//!
//! - A term **counts** when it matched: literally (its name, an alias, or
//!   through stemming) or through an *instance* (a technology of the
//!   vocabulary that shows the concept). With `strict`, only the name and
//!   its aliases count, as a literal ATS search would.
//! - A term's **weight** in a specialization set is its declared weight
//!   divided by the number of specialization sets that have a term of that
//!   name ("scalability" is in three: a third in each), so a term every kind
//!   of developer shares does not decide the best specialization.
//! - A set's **score** is the weight of its counted terms over the weight of
//!   all its terms, from 0 to 100, rounded to one decimal.
//! - The **best specialization**: the specializations scoring within a
//!   margin of the highest score ([`CLOSE_MARGIN`] points or
//!   [`CLOSE_SHARE`] of that score, whichever is more) are the candidates;
//!   of those, the best is the one whose technologies (the vocabulary
//!   categories the set names in `technology-categories`) the document names
//!   most, then the higher score, then the first in set order. The other
//!   candidates are *close behind* and named with it. When the highest score
//!   is below [`MIN_SPECIALIZATION_SCORE`], none stands out.
//! - The **level** is [`crate::level`]'s estimate from the document's titles
//!   and years ([`Signals`]), with the scores of the level sets `entry`, `mid`
//!   and `senior` as the *work* it weighs.
//! - The **fit** is the mean of the core score and the highest specialization
//!   score (whichever of the two exists; else the mean of all sets).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::analyze::dates::YearMonth;
use crate::level::{Level, LevelEstimate, LevelOptions, Signals, WorkScores, estimate};
use crate::matching::{DocumentMatches, MatchKind, Matcher, TermHits};
use crate::sets::SetKind;

/// The share of a term's weight that a match through an instance earns:
/// naming a tool (Jenkins) is weaker evidence of a concept (CI/CD) than
/// describing the concept, and nearly every backend resume names a few tools.
pub const INSTANCE_CREDIT: f64 = 0.5;

/// The score the best specialization needs to stand out at all.
pub const MIN_SPECIALIZATION_SCORE: f64 = 20.0;

/// How many points below the highest score a specialization may score and
/// still be a candidate for the best (at least; see [`CLOSE_SHARE`]).
pub const CLOSE_MARGIN: f64 = 5.0;

/// The share of the highest score by which a specialization may fall short
/// and still be a candidate for the best, when that is more than
/// [`CLOSE_MARGIN`].
pub const CLOSE_SHARE: f64 = 0.15;

/// The scores of one document against every set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScore {
    /// Where the document came from (a path, or `-` for standard input).
    pub path: String,
    /// Words in the document.
    pub words: usize,
    /// Overall fit, 0 to 100 (see the module docs).
    pub fit: f64,
    /// Id of the best-fitting specialization set; `None` when none stands out.
    pub best_specialization: Option<String>,
    /// Ids of the specializations close behind the best one, best first.
    pub close_specializations: Vec<String>,
    /// The level: `entry`, `mid`, `senior` or `lead`; `None` when nothing
    /// speaks for one.
    pub level: Option<String>,
    /// The level's estimate: its confidence and every signal it weighed.
    pub level_evidence: LevelEstimate,
    /// Whether only names and aliases counted (no stems, no instances).
    pub strict: bool,
    /// One entry per set, in set order.
    pub sets: Vec<SetScore>,
    /// The technologies of the vocabulary the document names, in vocabulary
    /// order (by category, then name).
    pub technologies: Vec<TechnologyMatch>,
    /// Occurrences of everyday words ("Go") not counted as a term, because
    /// nothing around them speaks for the technical sense; in text order.
    pub set_aside: Vec<SetAsideMatch>,
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
    /// The term's weight in this set's score (see the module docs).
    pub weight: f64,
    /// How many times it occurs (through an instance: how many times the
    /// instances occur).
    pub count: u32,
    /// The lines where it stands.
    pub lines: Vec<u32>,
    /// The strongest way it matched.
    #[serde(rename = "match")]
    pub how: MatchKind,
    /// The forms as written in the document (none for an instance match).
    pub forms: Vec<String>,
    /// For an `instance` match: the technologies that show the term.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

/// A technology of the vocabulary that a document names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TechnologyMatch {
    /// Its canonical name.
    pub name: String,
    /// Its category's id.
    pub category: String,
    /// How many times it occurs.
    pub count: u32,
    /// The lines where it stands.
    pub lines: Vec<u32>,
    /// The forms as written in the document.
    pub forms: Vec<String>,
}

/// An occurrence of an everyday form that was not counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetAsideMatch {
    /// The term or technology it would have been.
    pub term: String,
    /// The form as written.
    pub form: String,
    /// The 1-based line.
    pub line: u32,
}

/// How a matcher's sets are scored, worked out once per run: which terms
/// count, in which order, with which weight.
#[derive(Debug, Clone)]
pub struct ScorePlan {
    sets: Vec<SetPlan>,
    /// Per technology (vocabulary index): the sets whose
    /// `technology-categories` hold it.
    speaks_for: Vec<Vec<usize>>,
    strict: bool,
    /// Names left out, lowercase: terms, and technologies by any form.
    ignored: Vec<String>,
    /// The technologies left out, by vocabulary index, ascending.
    ignored_technologies: Vec<usize>,
}

/// One set's terms as they are scored.
#[derive(Debug, Clone)]
struct SetPlan {
    /// The set's id.
    id: String,
    kind: SetKind,
    /// First term's index in [`DocumentMatches::terms`].
    offset: usize,
    /// (index in the set, weight in the score) of the terms not ignored,
    /// heaviest first, then in set order.
    order: Vec<(usize, f64)>,
}

/// The numbers of one document: per set, the verdicts, and the level.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// One entry per set, in set order.
    pub sets: Vec<SetTally>,
    /// The verdicts, as indices into the sets.
    pub verdicts: Verdicts,
    /// The level, from the document's signals and the level sets' scores.
    pub level: LevelEstimate,
}

/// How well a document covers one set, in numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetTally {
    /// Weighted coverage, 0 to 100.
    pub score: f64,
    /// Terms found.
    pub matched: usize,
    /// Terms in the set (less ignored ones).
    pub terms: usize,
    /// Technologies of the set's categories that the document names.
    pub technologies: usize,
}

impl ScorePlan {
    /// The plan for `matcher`'s sets, leaving out the terms named in
    /// `ignored` (case-insensitively) as if no set had them; `strict` counts
    /// only names and aliases.
    pub fn new(matcher: &Matcher, ignored: &[String], strict: bool) -> Self {
        let vocabulary = matcher.vocabulary();
        let mut ignored_technologies: Vec<usize> = ignored
            .iter()
            .filter_map(|name| vocabulary.lookup(name))
            .collect();
        ignored_technologies.sort_unstable();
        let sets = matcher.sets();
        let specializations: Vec<&crate::sets::KeywordSet> = sets
            .iter()
            .filter(|set| set.kind == SetKind::Specialization)
            .collect();
        let plans = sets
            .iter()
            .enumerate()
            .map(|(set_index, set)| {
                let mut order: Vec<(usize, f64)> = set
                    .terms
                    .iter()
                    .enumerate()
                    .filter(|(_, term)| {
                        !ignored
                            .iter()
                            .any(|name| name.eq_ignore_ascii_case(&term.name))
                    })
                    .map(|(index, term)| {
                        let sharing = if set.kind == SetKind::Specialization {
                            specializations
                                .iter()
                                .filter(|other| {
                                    other
                                        .terms
                                        .iter()
                                        .any(|t| t.name.eq_ignore_ascii_case(&term.name))
                                })
                                .count()
                                .max(1)
                        } else {
                            1
                        };
                        (index, term.weight / sharing as f64)
                    })
                    .collect();
                order.sort_by(|a, b| b.1.total_cmp(&a.1));
                SetPlan {
                    id: set.id.clone(),
                    kind: set.kind,
                    offset: matcher.term_ids(set_index).start,
                    order,
                }
            })
            .collect();
        // Which sets each technology speaks for, less ignored technologies.
        let technology_ids = matcher.technology_ids();
        let mut speaks_for = vec![Vec::new(); technology_ids.len()];
        for set_index in 0..sets.len() {
            for id in matcher.set_technologies(set_index) {
                let technology = id - technology_ids.start;
                if ignored_technologies.binary_search(&technology).is_err() {
                    speaks_for[technology].push(set_index);
                }
            }
        }
        ScorePlan {
            sets: plans,
            speaks_for,
            strict,
            ignored: ignored.iter().map(|name| name.to_lowercase()).collect(),
            ignored_technologies,
        }
    }

    /// Whether these hits count for their term under this plan: not in
    /// strict mode unless literal, and not through ignored technologies only.
    pub fn counts(&self, hits: &TermHits) -> bool {
        hits.count > 0
            && hits.how.is_some_and(|how| {
                (!self.strict || how.is_literal())
                    && (how != MatchKind::Instance
                        || hits
                            .via
                            .iter()
                            .any(|t| self.ignored_technologies.binary_search(t).is_err()))
            })
    }

    /// The numbers of one document whose level evidence is `signals`.
    pub fn tally(&self, matches: &DocumentMatches, signals: &Signals) -> Tally {
        let mut technologies = vec![0; self.sets.len()];
        let first = matches.terms.len() - self.speaks_for.len();
        let from = matches.found.partition_point(|&id| id < first);
        for &id in &matches.found[from..] {
            for &set in &self.speaks_for[id - first] {
                technologies[set] += 1;
            }
        }
        let sets: Vec<SetTally> = self
            .sets
            .iter()
            .zip(technologies)
            .map(|(plan, technologies)| {
                let mut matched = 0;
                let (mut matched_weight, mut total_weight) = (0.0, 0.0);
                for &(index, weight) in &plan.order {
                    total_weight += weight;
                    let hits = &matches.terms[plan.offset + index];
                    if self.counts(hits) {
                        matched_weight += weight * credit(hits.how);
                        matched += 1;
                    }
                }
                SetTally {
                    score: percent(matched_weight, total_weight),
                    matched,
                    terms: plan.order.len(),
                    technologies,
                }
            })
            .collect();
        let standings: Vec<Standing> = self
            .sets
            .iter()
            .zip(&sets)
            .map(|(plan, tally)| Standing {
                kind: plan.kind,
                score: tally.score,
                technologies: tally.technologies,
            })
            .collect();
        let work = |id: &str| {
            self.sets
                .iter()
                .zip(&sets)
                .find(|(plan, _)| plan.kind == SetKind::Level && plan.id == id)
                .map_or(0.0, |(_, tally)| tally.score)
        };
        let work = WorkScores {
            entry: work("entry"),
            mid: work("mid"),
            senior: work("senior"),
            lead: 0.0,
        };
        Tally {
            verdicts: verdicts(&standings),
            level: estimate(signals, Some(&work)),
            sets,
        }
    }

    /// Whether the term named `name` counts in `matches` (in any set, and not
    /// ignored).
    pub fn has_term(&self, matcher: &Matcher, matches: &DocumentMatches, name: &str) -> bool {
        self.sets.iter().zip(matcher.sets()).any(|(plan, set)| {
            plan.order.iter().any(|&(index, _)| {
                set.terms[index].name.eq_ignore_ascii_case(name)
                    && self.counts(&matches.terms[plan.offset + index])
            })
        })
    }

    /// The full score of one document: the tally, with its evidence.
    pub fn score(
        &self,
        path: &str,
        matcher: &Matcher,
        matches: &DocumentMatches,
        signals: &Signals,
    ) -> DocumentScore {
        let tally = self.tally(matches, signals);
        let vocabulary = matcher.vocabulary();
        let sets: Vec<SetScore> = self
            .sets
            .iter()
            .zip(matcher.sets())
            .zip(&tally.sets)
            .map(|((plan, set), numbers)| {
                let mut matched = Vec::new();
                let mut missing = Vec::new();
                for &(index, weight) in &plan.order {
                    let term = &set.terms[index];
                    let hits = &matches.terms[plan.offset + index];
                    match hits.how {
                        Some(how) if self.counts(hits) => matched.push(TermMatch {
                            term: term.name.clone(),
                            weight,
                            count: hits.count,
                            lines: hits.lines.clone(),
                            how,
                            forms: hits.forms.clone(),
                            via: hits
                                .via
                                .iter()
                                .filter(|t| self.ignored_technologies.binary_search(t).is_err())
                                .map(|&t| vocabulary.technologies[t].name.clone())
                                .collect(),
                        }),
                        _ => missing.push(term.name.clone()),
                    }
                }
                SetScore {
                    id: set.id.clone(),
                    name: set.name.clone(),
                    kind: set.kind,
                    score: numbers.score,
                    matched_count: numbers.matched,
                    term_count: numbers.terms,
                    matched,
                    missing,
                }
            })
            .collect();
        let ignored = |name: &str| self.ignored.iter().any(|i| i == &name.to_lowercase());
        let first_technology = matcher.technology_ids().start;
        let technologies = matches
            .found
            .iter()
            .filter(|&&id| id >= first_technology)
            .map(|&id| (id, &vocabulary.technologies[id - first_technology]))
            .filter(|(_, technology)| !technology.forms().any(ignored))
            .map(|(id, technology)| {
                let hits = &matches.terms[id];
                TechnologyMatch {
                    name: technology.name.clone(),
                    category: vocabulary.categories[technology.category].id.clone(),
                    count: hits.count,
                    lines: hits.lines.clone(),
                    forms: hits.forms.clone(),
                }
            })
            .collect();
        let set_aside = matches
            .set_aside
            .iter()
            .filter(|aside| !ignored(matcher.term_name(aside.term)) && !ignored(&aside.form))
            .map(|aside| SetAsideMatch {
                term: matcher.term_name(aside.term).to_string(),
                form: aside.form.clone(),
                line: aside.line,
            })
            .collect();
        let id_of = |index: Option<usize>| index.map(|i| sets[i].id.clone());
        DocumentScore {
            path: path.to_string(),
            words: matches.words,
            fit: tally.verdicts.fit,
            best_specialization: id_of(tally.verdicts.best_specialization),
            close_specializations: tally
                .verdicts
                .close_specializations
                .iter()
                .map(|&i| sets[i].id.clone())
                .collect(),
            level: (tally.level.level != Level::Unknown).then(|| tally.level.level.to_string()),
            level_evidence: tally.level,
            strict: self.strict,
            technologies,
            set_aside,
            sets,
        }
    }
}

/// The share of its weight a counted term earns: all of it for a literal or
/// stem match, [`INSTANCE_CREDIT`] through an instance.
fn credit(how: Option<MatchKind>) -> f64 {
    if how == Some(MatchKind::Instance) {
        INSTANCE_CREDIT
    } else {
        1.0
    }
}

/// Scores one document's matches against every set of `matcher` (not
/// strict), its level read from `text` as the kind of document it reads as,
/// "present" being `today`. Terms named in `ignored` (case-insensitively)
/// are left out, as if no set had them.
pub fn score_document(
    path: &str,
    matcher: &Matcher,
    text: &str,
    matches: &DocumentMatches,
    ignored: &[String],
    today: YearMonth,
) -> DocumentScore {
    let signals = LevelOptions { today, kind: None }.signals(text);
    ScorePlan::new(matcher, ignored, false).score(path, matcher, matches, &signals)
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
#[derive(Debug, Clone, PartialEq)]
pub struct Verdicts {
    /// The best specialization (see the module docs).
    pub best_specialization: Option<usize>,
    /// The specializations close behind the best, best first.
    pub close_specializations: Vec<usize>,
    /// The overall fit.
    pub fit: f64,
}

/// What the verdicts weigh of one set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// The set's kind.
    pub kind: SetKind,
    /// Its score, 0 to 100.
    pub score: f64,
    /// The technologies of its categories that the document names.
    pub technologies: usize,
}

/// The verdicts over each set's standing, in set order: the one place the
/// rules in the module docs are written.
pub fn verdicts(sets: &[Standing]) -> Verdicts {
    let scores: Vec<(SetKind, f64)> = sets.iter().map(|s| (s.kind, s.score)).collect();
    let mut ranked: Vec<usize> = (0..sets.len())
        .filter(|&i| sets[i].kind == SetKind::Specialization && sets[i].score > 0.0)
        .collect();
    // Highest first; a stable sort keeps set order on a tie.
    ranked.sort_by(|&a, &b| sets[b].score.total_cmp(&sets[a].score));
    let top = ranked.first().map(|&i| sets[i].score).unwrap_or(0.0);
    let margin = CLOSE_MARGIN.max(CLOSE_SHARE * top);
    let mut candidates: Vec<usize> = ranked
        .iter()
        .copied()
        .filter(|&i| top - sets[i].score <= margin)
        .collect();
    // Most technologies first; the stable sort keeps score order on a tie.
    candidates.sort_by(|&a, &b| sets[b].technologies.cmp(&sets[a].technologies));
    let stands_out = top >= MIN_SPECIALIZATION_SCORE;
    Verdicts {
        best_specialization: candidates.first().copied().filter(|_| stands_out),
        close_specializations: if stands_out {
            candidates[1..].to_vec()
        } else {
            Vec::new()
        },
        fit: fit(&scores, ranked.first().copied()),
    }
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

    fn standing(kind: SetKind, score: f64) -> Standing {
        Standing {
            kind,
            score,
            technologies: 0,
        }
    }

    #[test]
    fn a_tie_names_both_specializations() {
        let sets = [
            standing(SetKind::Core, 90.0),
            standing(SetKind::Specialization, 50.0),
            standing(SetKind::Specialization, 50.0),
            standing(SetKind::Skills, 100.0),
        ];
        let all = verdicts(&sets);
        assert_eq!(all.best_specialization, Some(1));
        assert_eq!(all.close_specializations, [2]);
        assert_eq!(all.fit, 70.0);
        assert_eq!(verdicts(&sets[..1]).fit, 90.0);
        assert_eq!(verdicts(&[standing(SetKind::Specialization, 0.0)]).fit, 0.0);
    }

    #[test]
    fn close_specializations_technologies_and_no_standout() {
        let spec = |score, technologies| Standing {
            kind: SetKind::Specialization,
            score,
            technologies,
        };
        let cases: [(&[Standing], Option<usize>, &[usize]); 7] = [
            // Within 15% of 60 (9 points): 56 and 51.5, not 50.9.
            (
                &[
                    spec(40.0, 0),
                    spec(60.0, 0),
                    spec(56.0, 0),
                    spec(51.5, 0),
                    spec(50.9, 9),
                ],
                Some(1),
                &[2, 3],
            ),
            // Within 5 points at least.
            (
                &[spec(20.0, 0), spec(15.0, 0), spec(14.9, 0)],
                Some(0),
                &[1],
            ),
            (&[spec(60.0, 0), spec(50.0, 9)], Some(0), &[]),
            // Among the close ones, the most technologies wins.
            (
                &[spec(60.0, 2), spec(55.0, 7), spec(54.0, 3)],
                Some(1),
                &[2, 0],
            ),
            (&[spec(60.0, 2), spec(55.0, 2)], Some(0), &[1]),
            // Below the floor none stands out, whatever the order.
            (&[spec(19.9, 3), spec(10.0, 0)], None, &[]),
            (&[spec(0.0, 5), spec(0.0, 0)], None, &[]),
        ];
        for (sets, best, close) in cases {
            let verdicts = verdicts(sets);
            assert_eq!(verdicts.best_specialization, best, "{sets:?}");
            assert_eq!(verdicts.close_specializations, close, "{sets:?}");
        }
        // The fit still takes the highest specialization score.
        assert_eq!(
            verdicts(&[standing(SetKind::Core, 30.0), spec(10.0, 0)]).fit,
            20.0
        );
    }
}
