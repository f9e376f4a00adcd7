//! Seniority fit: a posting's level against a resume's, for `compare`.
//!
//! The rule:
//! 1. When either level is unknown, the fit is unknown.
//! 2. When the posting asks years and the resume shows years, the years
//!    decide: fewer than the lower bound is under-levelled ("the posting asks
//!    5+ years; the resume shows 2"); more than an upper bound
//!    ("3–5 years") is over-levelled; within them the fit is aligned, unless
//!    the resume's level is above the posting's and the posting gives no
//!    upper bound (a lead for a "2+ years" role): over-levelled.
//! 3. Otherwise the levels decide, on the ladder entry < mid < senior <
//!    lead: lower is under-levelled, higher over-levelled, the same aligned.
//!
//! The fit does not change the match rate; it is told beside it.

use serde::Serialize;

use super::{Evidence, Level, LevelEstimate, YearsSource};

/// How a resume's level stands to a posting's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// The levels (or the years) match.
    Aligned,
    /// The resume shows less than the posting asks.
    UnderLevelled,
    /// The resume shows more than the posting asks.
    OverLevelled,
    /// One side names no level.
    Unknown,
}

/// The fit, with both sides' evidence and a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeniorityFit {
    /// The fit.
    pub fit: Fit,
    /// In words: "the posting asks 5+ years; the resume shows 2".
    pub sentence: String,
    /// The posting's estimate.
    pub posting: LevelEstimate,
    /// The resume's estimate.
    pub resume: LevelEstimate,
}

/// The fit of `resume` to `posting` (module docs).
pub fn seniority_fit(posting: &LevelEstimate, resume: &LevelEstimate) -> SeniorityFit {
    let asked = posting.years.filter(|y| y.source == YearsSource::Asked);
    let shown = resume.years;
    let by_years = asked.zip(shown);
    let fit = match (posting.level.rank(), resume.level.rank()) {
        (None, _) | (_, None) => Fit::Unknown,
        (Some(p), Some(r)) => match by_years {
            Some((asked, shown)) if shown.years < asked.years => Fit::UnderLevelled,
            Some((asked, shown)) if asked.up_to.is_some_and(|high| shown.years > high) => {
                Fit::OverLevelled
            }
            Some((asked, _)) if asked.up_to.is_none() && r > p => Fit::OverLevelled,
            Some(_) => Fit::Aligned,
            None if r < p => Fit::UnderLevelled,
            None if r > p => Fit::OverLevelled,
            None => Fit::Aligned,
        },
    };
    let posting_part = match (posting.level, asked) {
        (Level::Unknown, _) => "the posting names no level".to_string(),
        (_, Some(asked)) if by_years.is_some() => format!("the posting asks {}", asked.amount()),
        _ => format!("the posting reads {}: {}", posting.level, deciding(posting)),
    };
    let resume_part = match (resume.level, shown) {
        (Level::Unknown, _) => "the resume shows no level".to_string(),
        (_, Some(shown)) if by_years.is_some() => format!("the resume shows {}", shown.years),
        _ => format!("the resume reads {}: {}", resume.level, deciding(resume)),
    };
    SeniorityFit {
        fit,
        sentence: format!("{posting_part}; {resume_part}"),
        posting: posting.clone(),
        resume: resume.clone(),
    }
}

/// The deciding signal's label, or what the level rests on.
fn deciding(estimate: &LevelEstimate) -> String {
    match estimate.decided_by() {
        Some(signal) => match &signal.evidence {
            Evidence::Work { .. } => "the work alone".to_string(),
            evidence => evidence.label(),
        },
        None => "no evidence".to_string(),
    }
}
