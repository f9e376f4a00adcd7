//! Checks for CI: minimum scores and required terms, evaluated per document.
//!
//! Pure functions of a [`DocumentScore`]; which checks apply to which document
//! is resolved in [`crate::settings`].

use std::fmt;

use serde::Serialize;

use crate::score::DocumentScore;

/// What a minimum score applies to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScoreTarget {
    /// One set, by id.
    Set(String),
    /// Whichever specialization fits best.
    BestSpecialization,
    /// The overall fit.
    Fit,
}

impl ScoreTarget {
    /// Parses a target name: `best-specialization`, `fit`, or a set id.
    pub fn parse(name: &str) -> Self {
        match name {
            "best-specialization" => ScoreTarget::BestSpecialization,
            "fit" => ScoreTarget::Fit,
            id => ScoreTarget::Set(id.to_string()),
        }
    }
}

impl fmt::Display for ScoreTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreTarget::Set(id) => f.write_str(id),
            ScoreTarget::BestSpecialization => f.write_str("best-specialization"),
            ScoreTarget::Fit => f.write_str("fit"),
        }
    }
}

/// A minimum score.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    /// What must reach it.
    pub target: ScoreTarget,
    /// The minimum, 0 to 100.
    pub min: f64,
}

/// The checks that apply to one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checks {
    /// Minimum scores, at most one per target.
    pub thresholds: Vec<Threshold>,
    /// Term names that must be found (in any set).
    pub required: Vec<String>,
}

impl Checks {
    /// True when there is nothing to check.
    pub fn is_empty(&self) -> bool {
        self.thresholds.is_empty() && self.required.is_empty()
    }

    /// Sets a threshold, replacing any earlier one for the same target.
    pub fn set_threshold(&mut self, threshold: Threshold) {
        match self
            .thresholds
            .iter_mut()
            .find(|t| t.target == threshold.target)
        {
            Some(existing) => *existing = threshold,
            None => self.thresholds.push(threshold),
        }
    }

    /// Adds a required term unless it is already required.
    pub fn require(&mut self, term: &str) {
        if !self.required.iter().any(|t| t.eq_ignore_ascii_case(term)) {
            self.required.push(term.to_string());
        }
    }

    /// Adds `other`'s checks; its thresholds replace these for the same target.
    pub fn merge(&mut self, other: &Checks) {
        for threshold in &other.thresholds {
            self.set_threshold(threshold.clone());
        }
        for term in &other.required {
            self.require(term);
        }
    }
}

/// The outcome of one check on one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckOutcome {
    /// The check, e.g. `senior >= 60` or `require CI/CD`.
    pub check: String,
    /// Whether it passed.
    pub passed: bool,
    /// What was found: a score, or `null` for a required term.
    pub actual: Option<f64>,
    /// A sentence saying what happened.
    pub message: String,
}

/// What checks read of a scored document: [`DocumentScore`] has it all; a
/// batch's lighter summary provides it too.
pub trait CheckSubject {
    /// A set's score, by id; `None` when the set is not in use.
    fn set_score(&self, id: &str) -> Option<f64>;
    /// The best specialization's id and score.
    fn best_specialization(&self) -> Option<(&str, f64)>;
    /// The overall fit.
    fn fit(&self) -> f64;
    /// Whether a term of this name (compared case-insensitively) was found in
    /// any set.
    fn has_term(&self, name: &str) -> bool;
}

impl CheckSubject for DocumentScore {
    fn set_score(&self, id: &str) -> Option<f64> {
        self.sets.iter().find(|s| s.id == id).map(|s| s.score)
    }

    fn best_specialization(&self) -> Option<(&str, f64)> {
        let id = self.best_specialization.as_deref()?;
        Some((id, self.set_score(id).unwrap_or(0.0)))
    }

    fn fit(&self) -> f64 {
        self.fit
    }

    fn has_term(&self, name: &str) -> bool {
        self.sets.iter().any(|set| {
            set.matched
                .iter()
                .any(|m| m.term.eq_ignore_ascii_case(name))
        })
    }
}

/// Evaluates `checks` against one document, in order: thresholds, then terms.
pub fn evaluate(document: &impl CheckSubject, checks: &Checks) -> Vec<CheckOutcome> {
    let mut outcomes = Vec::new();
    for threshold in &checks.thresholds {
        let (actual, what) = match &threshold.target {
            ScoreTarget::Set(id) => (document.set_score(id), format!("set `{id}`")),
            ScoreTarget::BestSpecialization => {
                let best = document.best_specialization();
                (
                    Some(best.map_or(0.0, |(_, score)| score)),
                    format!(
                        "best specialization ({})",
                        best.map_or("none", |(id, _)| id)
                    ),
                )
            }
            ScoreTarget::Fit => (Some(document.fit()), "fit".to_string()),
        };
        let score = actual.unwrap_or(0.0);
        let passed = score >= threshold.min;
        let min = crate::report::format_number(threshold.min);
        let shown = crate::report::format_number(score);
        outcomes.push(CheckOutcome {
            check: format!("{} >= {min}", threshold.target),
            passed,
            actual: Some(score),
            message: if passed {
                format!("{what} scores {shown}, at least {min}")
            } else {
                format!("{what} scores {shown}, below the minimum {min}")
            },
        });
    }
    for term in &checks.required {
        let found = document.has_term(term);
        outcomes.push(CheckOutcome {
            check: format!("require {term}"),
            passed: found,
            actual: None,
            message: if found {
                format!("required term {term:?} is present")
            } else {
                format!("required term {term:?} is missing")
            },
        });
    }
    outcomes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::MatchKind;
    use crate::score::{SetScore, TermMatch};
    use crate::sets::SetKind;

    fn document() -> DocumentScore {
        let set = |id: &str, kind, score, matched: &[&str]| SetScore {
            id: id.into(),
            name: id.into(),
            kind,
            score,
            matched_count: matched.len(),
            term_count: 4,
            matched: matched
                .iter()
                .map(|term| TermMatch {
                    term: term.to_string(),
                    weight: 1.0,
                    count: 1,
                    lines: vec![1],
                    how: MatchKind::Exact,
                    forms: vec![term.to_string()],
                    via: vec![],
                })
                .collect(),
            missing: vec![],
        };
        DocumentScore {
            path: "p.md".into(),
            words: 10,
            fit: 55.0,
            best_specialization: Some("devops".into()),
            close_specializations: vec![],
            level: Some("senior".into()),
            level_evidence: crate::level::estimate(
                &crate::level::Signals {
                    kind: crate::level::DocumentKind::Resume,
                    titles: vec![],
                    experience: None,
                    stated: vec![],
                },
                None,
            ),
            strict: false,
            technologies: vec![],
            set_aside: vec![],
            sets: vec![
                set("senior", SetKind::Level, 42.5, &["mentoring"]),
                set("devops", SetKind::Specialization, 75.0, &["CI/CD"]),
            ],
        }
    }

    #[test]
    fn thresholds_and_required_terms() {
        let checks = Checks {
            thresholds: vec![
                Threshold {
                    target: ScoreTarget::parse("senior"),
                    min: 60.0,
                },
                Threshold {
                    target: ScoreTarget::parse("best-specialization"),
                    min: 70.0,
                },
                Threshold {
                    target: ScoreTarget::parse("fit"),
                    min: 55.0,
                },
            ],
            required: vec!["ci/cd".into(), "Terraform".into()],
        };
        let outcomes = evaluate(&document(), &checks);
        let summary: Vec<(&str, bool)> = outcomes
            .iter()
            .map(|o| (o.check.as_str(), o.passed))
            .collect();
        assert_eq!(
            summary,
            [
                ("senior >= 60", false),
                ("best-specialization >= 70", true),
                ("fit >= 55", true),
                ("require ci/cd", true),
                ("require Terraform", false),
            ]
        );
        assert_eq!(
            outcomes[0].message,
            "set `senior` scores 42.5, below the minimum 60"
        );
        assert_eq!(
            outcomes[1].message,
            "best specialization (devops) scores 75, at least 70"
        );
    }

    #[test]
    fn later_thresholds_replace_earlier_ones_for_a_target() {
        let mut checks = Checks::default();
        checks.set_threshold(Threshold {
            target: ScoreTarget::Fit,
            min: 10.0,
        });
        checks.merge(&Checks {
            thresholds: vec![Threshold {
                target: ScoreTarget::Fit,
                min: 20.0,
            }],
            required: vec!["Go".into(), "go".into()],
        });
        assert_eq!(
            checks.thresholds,
            [Threshold {
                target: ScoreTarget::Fit,
                min: 20.0
            }]
        );
        assert_eq!(checks.required, ["Go"]);
    }
}
