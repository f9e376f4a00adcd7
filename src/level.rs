//! The level of a resume or a posting, from its evidence, by one written
//! rule; and the seniority fit of a resume to a posting ([`fit`]).
//!
//! The evidence ([`Signals`]) comes from `analyze`: the titles
//! ([`crate::analyze::titles`]), the years computed from date ranges and the
//! years stated or asked ([`crate::analyze::years`]). The caller adds the
//! *work*: the scores of the entry, mid and senior level sets, and a lead
//! score for work that leads people ([`WorkScores`]). [`estimate`] is a pure
//! function of these; it returns the level, a confidence and every signal
//! with how it weighed and why ([`LevelEstimate`]).
//!
//! # The rule
//! **Levels.** Entry, mid, senior, lead (team lead, manager, director, head,
//! VP, CTO), or unknown. A title's rung gives its level: intern and junior
//! are entry, mid is mid, senior and staff (staff, principal, distinguished,
//! architect: senior individual contributors) are senior, and lead, manager,
//! director and executive are lead.
//!
//! **Year bands**, in whole years (months / 12, rounded down):
//! - a resume: entry below 3 years (0, 1 or 2 years and 11 months), mid from
//!   3 to 5 (36 to 71 months), senior from 6 (72 months);
//! - a posting, on the lower bound it asks: entry up to 1 year, mid from 2 to
//!   4, senior from 5. A posting's number is the least experience it takes,
//!   while a resume's is where its person stands: postings titled senior most
//!   often ask "5+ years", junior ones "0–2" or "1+".
//!
//! **The work vote**: the level set scoring best among entry, mid and senior
//! when it reaches [`WORK_MIN`] and leads the next by [`WORK_MARGIN`];
//! otherwise the work names no level. Lead work is shown when the lead score
//! reaches [`LEAD_WORK_MIN`].
//!
//! **A resume.** Its title is the first of the most recent role's, the
//! headline's and the summary's that states a level, else the first of them
//! that states none ("Software Engineer"); non-technical titles ("Restaurant
//! Manager", "Inventory Lead") are left out. Its years are the person's own
//! figure when the headline or the summary states one (the largest): it was
//! true the day the resume was written, while "– Present" counts to today and
//! an old resume gains years; else the larger of the computed years and the
//! years stated elsewhere ("8 years of Java"), since resumes leave early roles
//! out more often than they inflate. Within 6 months of a band's edge (30–41
//! or 66–77 months) the work vote, when it names one of the two bands, picks
//! between them.
//! 1. A lead title (team lead, tech lead, manager, director, head, VP, CTO)
//!    decides: lead.
//! 2. A title that states another level, and years: the lower of the two.
//!    Titles inflate (a small company's "Senior" after three years) and so do
//!    years (an old resume's "Present", a first career counted), and the
//!    lower level is the one both support: a "Senior" with 3 years is mid, an
//!    "Intern" with 10 years from dates is entry (the dates are misread, or
//!    from another trade), a "Software Engineer II" with 7 years is mid.
//! 3. A title alone decides; years alone decide by their band, and senior
//!    years with lead work shown are lead.
//! 4. Else the work vote decides (senior with lead work shown: lead).
//! 5. Else a title that states no level reads mid (a professional role).
//! 6. Else the level is unknown.
//!
//! Confidence: a title and years in one band (a lead title agrees with 6
//! years and more) are high, one band apart medium, two apart low; a title
//! alone is medium. Years alone are high when their other source (computed
//! against stated) falls in the same band or the work vote agrees, low when
//! two bands apart or when every title found is non-technical, else medium;
//! a tie broken by the work, or lead from lead work, is medium at most. The
//! work alone, or a title that states no level, is low.
//!
//! **A posting.** Its title is its own title when that states a level, else
//! the first level the body names ("a senior-level role"), else its own title
//! stating none. Its years are the largest lower bound it asks (the
//! requirement for the role; smaller numbers are for single tools).
//! 1. A title that states a level decides; confidence from the years asked as
//!    for a resume (high in its band, medium one band away or without years,
//!    low two away).
//! 2. Else the years asked decide by the posting bands; high when the work
//!    vote agrees, else medium.
//! 3. Else the work vote, low; 4. else a title stating no level reads mid,
//!    low; 5. else unknown.

pub mod fit;

use std::fmt;

use serde::Serialize;

use crate::analyze::dates::{self, YearMonth};
use crate::analyze::outline::Layout;
use crate::analyze::titles::{Field, Place, Rung, Title, posting_titles, resume_titles};
use crate::analyze::years::{self, Experience, StatedYears, experience, stated_years, years_asked};

pub use fit::{Fit, SeniorityFit, seniority_fit};

/// The best work score must reach this to vote (0–100).
pub const WORK_MIN: f64 = 15.0;

/// The best work score must lead the next by this to vote.
pub const WORK_MARGIN: f64 = 5.0;

/// The lead score from which lead work is shown (0–100).
pub const LEAD_WORK_MIN: f64 = 20.0;

/// Months either side of a band's edge where the work vote breaks the tie.
pub const EDGE_MONTHS: u32 = 6;

/// A resume or a posting: the caller knows which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// A person's resume.
    Resume,
    /// A job posting.
    Posting,
}

/// What the caller knows that a document's level depends on: the month
/// "present" stands for, and whether the document is a resume or a posting
/// (`None`: as it reads, [`DocumentKind::detect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelOptions {
    /// The month an open date range ("2019 – present") ends in.
    pub today: YearMonth,
    /// The kind of the documents, or `None` to tell each by its text.
    pub kind: Option<DocumentKind>,
}

impl LevelOptions {
    /// The signals of the document whose text `text` is.
    pub fn signals(&self, text: &str) -> Signals {
        Signals::of(&Layout::new(text), self.kind, self.today)
    }
}

/// Phrases a job posting says and a resume does not: its sections ("what
/// you'll do", "nice to have", "benefits") and its address to the reader
/// ("we are looking for", "you will"), with straight and typographic
/// apostrophes. Lowercase, sorted, unique.
const POSTING_CUES: &[&str] = &[
    "about the role",
    "about the team",
    "apply now",
    "benefits",
    "bonus points",
    "equal opportunity",
    "how to apply",
    "job description",
    "must have",
    "nice to have",
    "nice-to-have",
    "perks",
    "preferred qualifications",
    "requirements",
    "responsibilities",
    "we are looking for",
    "we offer",
    "we're looking for",
    "we’re looking for",
    "what we offer",
    "what you will do",
    "what you'll do",
    "what you'll need",
    "what you’ll do",
    "what you’ll need",
    "who you are",
    "you will",
    "you'll",
    "you’ll",
];

/// How many distinct posting cues make a document a posting.
const POSTING_CUES_NEEDED: usize = 2;

impl DocumentKind {
    /// Whether a document reads as a posting or a resume: a posting when it
    /// says at least [`POSTING_CUES_NEEDED`] of the phrases postings say
    /// (headings such as "Requirements" or "What you'll do", "we are looking
    /// for", "you will") and has no experience section; a resume otherwise.
    pub fn detect(layout: &Layout<'_>) -> DocumentKind {
        static CUES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
            std::sync::LazyLock::new(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(POSTING_CUES)
                    .ok()
            });
        if layout.has_section(crate::analyze::outline::SectionKind::Experience) {
            return DocumentKind::Resume;
        }
        let Some(cues) = CUES.as_ref() else {
            return DocumentKind::Resume;
        };
        let mut seen = [false; POSTING_CUES.len()];
        for found in cues.find_iter(layout.text) {
            seen[found.pattern().as_usize()] = true;
        }
        if seen.iter().filter(|&&seen| seen).count() >= POSTING_CUES_NEEDED {
            DocumentKind::Posting
        } else {
            DocumentKind::Resume
        }
    }
}

/// A level of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Junior developers: interns, juniors, graduates.
    Entry,
    /// Mid-level developers.
    Mid,
    /// Senior developers and senior individual contributors.
    Senior,
    /// Team leads, managers, directors, executives.
    Lead,
    /// Nothing speaks.
    Unknown,
}

impl Level {
    /// Place on the ladder, entry 0 to lead 3; `None` for unknown.
    pub fn rank(self) -> Option<u8> {
        match self {
            Level::Entry => Some(0),
            Level::Mid => Some(1),
            Level::Senior => Some(2),
            Level::Lead => Some(3),
            Level::Unknown => None,
        }
    }

    /// The level of a title's rung (module docs).
    pub fn of_rung(rung: Rung) -> Level {
        match rung {
            Rung::Intern | Rung::Junior => Level::Entry,
            Rung::Mid => Level::Mid,
            Rung::Senior | Rung::Staff => Level::Senior,
            Rung::Lead | Rung::Manager | Rung::Director | Rung::Executive => Level::Lead,
        }
    }

    /// The band of `years` for a document of `kind` (module docs).
    pub fn of_years(years: u32, kind: DocumentKind) -> Level {
        let (mid, senior) = match kind {
            DocumentKind::Resume => (3, 6),
            DocumentKind::Posting => (2, 5),
        };
        if years >= senior {
            Level::Senior
        } else if years >= mid {
            Level::Mid
        } else {
            Level::Entry
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Entry => "entry",
            Level::Mid => "mid",
            Level::Senior => "senior",
            Level::Lead => "lead",
            Level::Unknown => "unknown",
        })
    }
}

/// How sure the estimate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// One weak signal, or signals far apart.
    Low,
    /// One signal, or two one band apart.
    Medium,
    /// Two signals that agree.
    High,
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        })
    }
}

/// The work, as the caller scored it: each 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WorkScores {
    /// The entry level set's score.
    pub entry: f64,
    /// The mid level set's score.
    pub mid: f64,
    /// The senior level set's score.
    pub senior: f64,
    /// How much of the work leads people (leading a team, mentoring,
    /// hiring, managing), 0 when the caller measures none; lead work is shown
    /// from [`LEAD_WORK_MIN`].
    pub lead: f64,
}

impl WorkScores {
    /// The level the work votes for (module docs), if any.
    pub fn vote(&self) -> Option<Level> {
        let mut scores = [
            (self.entry, Level::Entry),
            (self.mid, Level::Mid),
            (self.senior, Level::Senior),
        ];
        scores.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, level) = scores[0];
        (best >= WORK_MIN && best - scores[1].0 >= WORK_MARGIN).then_some(level)
    }

    /// True when lead work is shown.
    pub fn shows_lead(&self) -> bool {
        self.lead >= LEAD_WORK_MIN
    }
}

/// The evidence found in one document, before the work is added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signals {
    /// Resume or posting.
    pub kind: DocumentKind,
    /// The titles found ([`crate::analyze::titles`]).
    pub titles: Vec<Title>,
    /// A resume's years computed from its date ranges; `None` for a posting.
    pub experience: Option<Experience>,
    /// The years a resume states, or a posting asks.
    pub stated: Vec<StatedYears>,
}

impl Signals {
    /// A resume's signals; `today` ends the open ranges.
    pub fn resume(layout: &Layout<'_>, today: YearMonth) -> Self {
        let ranges = dates::date_ranges(layout, today);
        Signals {
            kind: DocumentKind::Resume,
            titles: resume_titles(layout, &ranges, today),
            experience: Some(experience(layout, &ranges, today)),
            stated: stated_years(layout),
        }
    }

    /// The signals of a document of `kind`, or of the kind it reads as
    /// ([`DocumentKind::detect`]); `today` ends a resume's open ranges.
    pub fn of(layout: &Layout<'_>, kind: Option<DocumentKind>, today: YearMonth) -> Self {
        match kind.unwrap_or_else(|| DocumentKind::detect(layout)) {
            DocumentKind::Resume => Signals::resume(layout, today),
            DocumentKind::Posting => Signals::posting(layout),
        }
    }

    /// A posting's signals.
    pub fn posting(layout: &Layout<'_>) -> Self {
        Signals {
            kind: DocumentKind::Posting,
            titles: posting_titles(layout),
            experience: None,
            stated: years_asked(layout),
        }
    }
}

/// How a signal weighed in the estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weight {
    /// It decided the level.
    Decided,
    /// It says the same level (or band).
    Agreed,
    /// It says another level.
    Disagreed,
    /// It did not count; the reason says why.
    Ignored,
}

/// What a signal is, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "signal", rename_all = "kebab-case")]
pub enum Evidence {
    /// A title.
    Title {
        /// The title, with its line and place.
        title: Title,
    },
    /// Years computed from a resume's date ranges.
    ComputedYears {
        /// The computation: months, merged periods, every range's verdict.
        experience: Experience,
    },
    /// Years a resume states.
    StatedYears {
        /// The phrase, with its line.
        stated: StatedYears,
    },
    /// Years a posting asks.
    AskedYears {
        /// The phrase, with its line.
        asked: StatedYears,
    },
    /// The work, as the caller scored it.
    Work {
        /// The scores.
        scores: WorkScores,
    },
}

impl Evidence {
    /// The evidence in a few words: `title "Senior Backend Engineer" (line
    /// 4)`, `9 years (2015–present, lines 8–31)`.
    pub fn label(&self) -> String {
        match self {
            Evidence::Title { title } => format!("title \"{}\" (line {})", title.text, title.line),
            Evidence::ComputedYears { experience } => experience
                .describe()
                .unwrap_or_else(|| "no dated roles".to_string()),
            Evidence::StatedYears { stated } => {
                format!("states \"{}\" (line {})", stated.phrase, stated.line)
            }
            Evidence::AskedYears { asked } => {
                format!("asks {} (line {})", asked.amount(), asked.line)
            }
            Evidence::Work { scores } => format!(
                "work entry {:.1}, mid {:.1}, senior {:.1}, lead {:.1}",
                scores.entry, scores.mid, scores.senior, scores.lead
            ),
        }
    }
}

/// One signal of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// The level this signal alone says.
    pub says: Level,
    /// How it weighed.
    pub weight: Weight,
    /// Why it weighed so.
    pub reason: String,
    /// What it is.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// Where the years an estimate went by came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum YearsSource {
    /// Computed from a resume's date ranges.
    Computed,
    /// Stated on a resume.
    Stated,
    /// Asked by a posting.
    Asked,
}

/// The years an estimate went by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Years {
    /// Whole years, or the lower bound asked.
    pub years: u32,
    /// The upper bound a posting asks ("3–5 years": 5).
    pub up_to: Option<u32>,
    /// Written "N+", "at least", "minimum".
    pub at_least: bool,
    /// Where they came from.
    pub source: YearsSource,
}

impl Years {
    /// "5+ years", "3–5 years", "2 years".
    pub fn amount(&self) -> String {
        match (self.up_to, self.at_least) {
            (Some(high), _) => format!("{}–{high} years", self.years),
            (None, true) => format!("{}+ years", self.years),
            (None, false) => years::years_phrase(self.years),
        }
    }
}

/// A document's level, with its confidence and every signal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelEstimate {
    /// Resume or posting.
    pub kind: DocumentKind,
    /// The level.
    pub level: Level,
    /// How sure.
    pub confidence: Confidence,
    /// The years the estimate went by, if any.
    pub years: Option<Years>,
    /// Every signal, the deciding one first.
    pub signals: Vec<Signal>,
}

impl LevelEstimate {
    /// The signal that decided the level, if any.
    pub fn decided_by(&self) -> Option<&Signal> {
        self.signals.iter().find(|s| s.weight == Weight::Decided)
    }

    /// The parts of the one-line summary, after the level: the deciding
    /// signal, then those that agreed or disagreed, work left out (the
    /// caller words it from its own numbers).
    pub fn summary_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        for signal in &self.signals {
            if matches!(signal.evidence, Evidence::Work { .. }) {
                continue;
            }
            match signal.weight {
                Weight::Decided | Weight::Agreed => parts.push(signal.evidence.label()),
                Weight::Disagreed => {
                    parts.push(format!("{} says {}", signal.evidence.label(), signal.says));
                }
                Weight::Ignored => {}
            }
        }
        parts
    }

    /// The one-line summary, with the caller's `extra` parts (the work:
    /// "senior work 5/14") after the signals':
    /// `senior — title "Senior Backend Engineer" (line 4); 9 years
    /// (2015–present, lines 8–31); senior work 5/14`.
    pub fn summary(&self, extra: &[&str]) -> String {
        let mut parts = self.summary_parts();
        parts.extend(extra.iter().map(|s| s.to_string()));
        if parts.is_empty() {
            return format!("{} — no title, dates or years to go by", self.level);
        }
        format!("{} — {}", self.level, parts.join("; "))
    }
}

/// The estimate from `signals` and the caller's `work` (module docs).
pub fn estimate(signals: &Signals, work: Option<&WorkScores>) -> LevelEstimate {
    match signals.kind {
        DocumentKind::Resume => rules::resume(signals, work),
        DocumentKind::Posting => rules::posting(signals, work),
    }
}

mod rules;

#[cfg(test)]
mod tests;
