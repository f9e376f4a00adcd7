//! Scores for a batch, without the per-term evidence a batch never shows.

use super::{DocumentSummary, Evaluate, SetTally};
use crate::checks::{CheckSubject, evaluate};
use crate::extract::{Document, InputError};
use crate::matching::{DocumentMatches, Matcher, Scratch};
use crate::score::{Verdicts, inline_ignores, percent, score_document, verdicts};
use crate::sets::SetKind;
use crate::settings::CheckPlan;

/// Scores documents into [`DocumentSummary`]s without building a full
/// [`crate::score::DocumentScore`]: [`score_document`] copies every term's name into the
/// matched or missing list, which a batch then throws away, and that was a
/// sixth of a batch's time.
///
/// The numbers are the same as [`DocumentSummary::new`] of [`score_document`]
/// gives, bit for bit: the same terms left out, weights summed in the same
/// order (heaviest first, then set order), the same rules for the best
/// specialization, level and fit (`tests/batch.rs` checks this on generated
/// resumes). A document with inline ignores (`rolefit: ignore …`) goes
/// through [`score_document`] itself.
///
/// With [`Scorer::with_checks`], each summary also carries the outcomes of
/// the checks that apply to its path.
pub struct Scorer<'m> {
    matcher: &'m Matcher,
    ignore: Vec<String>,
    checks: Option<&'m CheckPlan>,
    plans: Vec<SetPlan>,
    /// Finds `rolefit:`, the mark of an inline ignore, faster than
    /// `str::contains` (which scans for its common first letter).
    directive: memchr::memmem::Finder<'static>,
}

/// One set's terms as [`score_document`] walks them.
struct SetPlan {
    kind: SetKind,
    /// First term's index in [`DocumentMatches::terms`].
    offset: usize,
    /// (index in the set, weight) of the terms not ignored, heaviest first.
    order: Vec<(usize, f64)>,
}

impl<'m> Scorer<'m> {
    /// A scorer for `matcher`'s sets, leaving out the terms named in `ignore`.
    pub fn new(matcher: &'m Matcher, ignore: &[String]) -> Self {
        let plans = matcher
            .sets()
            .iter()
            .enumerate()
            .map(|(set_index, set)| {
                let mut order: Vec<(usize, f64)> = set
                    .terms
                    .iter()
                    .enumerate()
                    .filter(|(_, term)| {
                        !ignore
                            .iter()
                            .any(|name| name.eq_ignore_ascii_case(&term.name))
                    })
                    .map(|(index, term)| (index, term.weight))
                    .collect();
                order.sort_by(|a, b| b.1.total_cmp(&a.1));
                SetPlan {
                    kind: set.kind,
                    offset: matcher.term_ids(set_index).start,
                    order,
                }
            })
            .collect();
        Scorer {
            matcher,
            ignore: ignore.to_vec(),
            checks: None,
            plans,
            directive: memchr::memmem::Finder::new(b"rolefit:"),
        }
    }

    /// Also evaluates `plan`'s checks for each document's path. The matcher
    /// must have been made with the plan's required terms
    /// ([`crate::settings::SetSettings::matcher`]).
    pub fn with_checks(mut self, plan: &'m CheckPlan) -> Self {
        self.checks = Some(plan);
        self
    }

    /// The matcher it scores for.
    pub fn matcher(&self) -> &'m Matcher {
        self.matcher
    }

    /// The summary of a document of `text` at `path`.
    pub fn summarize(&self, path: &str, text: &str, matches: &DocumentMatches) -> DocumentSummary {
        // `inline_ignores` finds nothing without the mark.
        let inline = match self.directive.find(text.as_bytes()) {
            Some(_) => inline_ignores(text),
            None => Vec::new(),
        };
        if !inline.is_empty() {
            let mut ignored = self.ignore.clone();
            ignored.extend(inline);
            let score = score_document(path, self.matcher, matches, &ignored);
            let checks = match self.checks {
                Some(plan) => evaluate(&score, &plan.for_path(path)),
                None => Vec::new(),
            };
            return DocumentSummary {
                checks,
                ..DocumentSummary::new(score, text.len(), self.matcher)
            };
        }
        let sets: Vec<SetTally> = self
            .plans
            .iter()
            .map(|plan| {
                let mut matched = 0;
                let (mut matched_weight, mut total_weight) = (0.0, 0.0);
                for &(index, weight) in &plan.order {
                    total_weight += weight;
                    let hits = &matches.terms[plan.offset + index];
                    if hits.how.is_some() && hits.count > 0 {
                        matched_weight += weight;
                        matched += 1;
                    }
                }
                SetTally {
                    score: percent(matched_weight, total_weight),
                    matched,
                    terms: plan.order.len(),
                }
            })
            .collect();
        let kinds_and_scores: Vec<(SetKind, f64)> = self
            .plans
            .iter()
            .zip(&sets)
            .map(|(plan, tally)| (plan.kind, tally.score))
            .collect();
        let Verdicts {
            best_specialization,
            level,
            fit,
        } = verdicts(&kinds_and_scores);
        let mut summary = DocumentSummary {
            path: path.to_string(),
            words: matches.words,
            bytes: text.len(),
            fit,
            best_specialization,
            level,
            sets,
            checks: Vec::new(),
        };
        if let Some(plan) = self.checks {
            let checks = plan.for_path(path);
            if !checks.is_empty() {
                let subject = Tallied {
                    scorer: self,
                    summary: &summary,
                    matches,
                };
                summary.checks = evaluate(&subject, &checks);
            }
        }
        summary
    }
}

impl Evaluate for Scorer<'_> {
    type Output = DocumentSummary;

    fn evaluate(
        &self,
        document: &Document,
        scratch: &mut Scratch,
    ) -> Result<DocumentSummary, InputError> {
        let matches = self.matcher.count_with(&document.text, scratch);
        Ok(self.summarize(&document.path, &document.text, &matches))
    }
}

/// A summary as the checks see it: set ids from the matcher, terms found from
/// the matches (ignored terms count as not found, as in [`score_document`]).
struct Tallied<'a> {
    scorer: &'a Scorer<'a>,
    summary: &'a DocumentSummary,
    matches: &'a DocumentMatches,
}

impl CheckSubject for Tallied<'_> {
    fn set_score(&self, id: &str) -> Option<f64> {
        let sets = self.scorer.matcher.sets();
        let index = sets.iter().position(|set| set.id == id)?;
        self.summary.sets.get(index).map(|tally| tally.score)
    }

    fn best_specialization(&self) -> Option<(&str, f64)> {
        let index = self.summary.best_specialization?;
        let set = self.scorer.matcher.sets().get(index)?;
        Some((set.id.as_str(), self.summary.sets.get(index)?.score))
    }

    fn fit(&self) -> f64 {
        self.summary.fit
    }

    fn has_term(&self, name: &str) -> bool {
        let sets = self.scorer.matcher.sets();
        self.scorer.plans.iter().zip(sets).any(|(plan, set)| {
            plan.order.iter().any(|&(index, _)| {
                let hits = &self.matches.terms[plan.offset + index];
                hits.how.is_some()
                    && hits.count > 0
                    && set.terms[index].name.eq_ignore_ascii_case(name)
            })
        })
    }
}
