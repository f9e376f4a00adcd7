//! Scores for a batch, without the per-term evidence a batch never shows.

use super::{DocumentSummary, Evaluate};
use crate::checks::{CheckSubject, evaluate};
use crate::extract::{Document, InputError};
use crate::level::LevelOptions;
use crate::matching::{DocumentMatches, Matcher, Scratch};
use crate::score::{ScorePlan, inline_ignores};
use crate::settings::CheckPlan;

/// Scores documents into [`DocumentSummary`]s: the [`ScorePlan`]'s numbers,
/// with none of the evidence (term names, lines, forms) that `score` shows,
/// which a batch would only throw away. A document with inline ignores
/// (`rolefit: ignore …`) is scored with a plan of its own.
///
/// With [`Scorer::with_checks`], each summary also carries the outcomes of
/// the checks that apply to its path.
pub struct Scorer<'m> {
    matcher: &'m Matcher,
    ignore: Vec<String>,
    strict: bool,
    checks: Option<&'m CheckPlan>,
    plan: ScorePlan,
    level: LevelOptions,
    /// Finds `rolefit:`, the mark of an inline ignore, faster than
    /// `str::contains` (which scans for its common first letter).
    directive: memchr::memmem::Finder<'static>,
}

impl<'m> Scorer<'m> {
    /// A scorer for `matcher`'s sets, leaving out the terms named in `ignore`;
    /// `strict` counts only names and aliases; `level` says how to read the
    /// documents' levels.
    pub fn new(matcher: &'m Matcher, ignore: &[String], strict: bool, level: LevelOptions) -> Self {
        Scorer {
            matcher,
            ignore: ignore.to_vec(),
            strict,
            checks: None,
            plan: ScorePlan::new(matcher, ignore, strict),
            level,
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
        let own_plan;
        let plan = if inline.is_empty() {
            &self.plan
        } else {
            let mut ignored = self.ignore.clone();
            ignored.extend(inline);
            own_plan = ScorePlan::new(self.matcher, &ignored, self.strict);
            &own_plan
        };
        let signals = self.level.signals(text);
        let mut summary = DocumentSummary::new(
            path,
            matches.words,
            text.len(),
            plan.tally(matches, &signals),
        );
        if let Some(checks) = self.checks {
            let checks = checks.for_path(path);
            if !checks.is_empty() {
                let subject = Tallied {
                    matcher: self.matcher,
                    plan,
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
        let summary = self.summarize(&document.path, &document.text, &matches);
        scratch.recycle(matches);
        Ok(summary)
    }
}

/// A summary as the checks see it: set ids from the matcher, terms found from
/// the matches under the plan (ignored terms count as not found).
struct Tallied<'a> {
    matcher: &'a Matcher,
    plan: &'a ScorePlan,
    summary: &'a DocumentSummary,
    matches: &'a DocumentMatches,
}

impl CheckSubject for Tallied<'_> {
    fn set_score(&self, id: &str) -> Option<f64> {
        let index = self.matcher.sets().iter().position(|set| set.id == id)?;
        self.summary.sets.get(index).map(|tally| tally.score)
    }

    fn best_specialization(&self) -> Option<(&str, f64)> {
        let index = self.summary.best_specialization?;
        let set = self.matcher.sets().get(index)?;
        Some((set.id.as_str(), self.summary.sets.get(index)?.score))
    }

    fn fit(&self) -> f64 {
        self.summary.fit
    }

    fn has_term(&self, name: &str) -> bool {
        self.plan.has_term(self.matcher, self.matches, name)
    }
}
