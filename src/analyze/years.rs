//! Years of experience: computed from a resume's date ranges
//! ([`super::dates`]), or stated by a resume ("8+ years of experience") or
//! asked by a posting ("3-5 years").
//!
//! Stated years are read only on lines holding "year", "yr" or "decade" (one
//! `memchr` pass for y, one `memmem` pass for "ecade").
//!
//! # Computed years
//! [`experience`] counts a range when it stands in an experience section; in a
//! document with no experience section, also when it stands in no section or
//! an unknown one, unless its line names a school or a degree ("B.Sc.",
//! "University"). Ranges in education, projects, certifications,
//! volunteering or any other known section are left out, and so are ranges
//! that end before they start, start after today, or span more than
//! [`MAX_SPAN_YEARS`] years; a range that ends after today counts up to today.
//! Overlapping and touching ranges are merged, and the merged months summed.
//!
//! # Stated years
//! "8+ years of experience", "over a decade of…", "10 years in backend
//! development", "five years" (number words up to twenty), "15+ yrs", "3-5
//! years", "3 to 5 years", "at least 7 years", "minimum of 4 years", "two or
//! more years". A number of years is about experience when it is followed by
//! "experience" within four words, or by "of" (not "of age"), "in", "on",
//! "as", "at", "with", "building", a word ending in "-ing" and the like; "a
//! 5-year contract", "founded 10 years ago", "3 years warranty", "in four
//! years", "the last 5 years" are not. [`stated_years`] (a resume about its
//! person) also takes a "N+ years" and any number of years in the summary or
//! the headline; [`years_asked`] (a posting) also takes "N+ years", ranges,
//! "at least" and "minimum".

use memchr::{memchr2_iter, memmem};
use serde::Serialize;

use super::atoms::{AtomKind, Reader, find, listed};
use super::dates::{DASHES, DateRange, YearMonth};
use super::outline::{Layout, SectionKind};
use std::ops::Range;

/// A range spanning more years than this is a misreading, never counted.
pub const MAX_SPAN_YEARS: u32 = 50;

/// Why a range counted toward the years of experience, or did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    /// Counted in full.
    Counted,
    /// Counted up to today: it ends in the future.
    CountedToToday,
    /// Left out: it stands in a section that holds no professional
    /// experience (education, projects, certifications, volunteering…).
    Section {
        /// The section's kind.
        kind: SectionKind,
    },
    /// Left out: the document has an experience section and this range is
    /// outside it (in the headline or an unknown section).
    OutsideExperience,
    /// Left out: its line names a school or a degree, in a document without
    /// an experience section.
    EducationLine,
    /// Left out: it ends before it starts.
    EndsBeforeStart,
    /// Left out: it starts after today.
    Future,
    /// Left out: it spans more than [`MAX_SPAN_YEARS`] years.
    TooLong,
}

impl Verdict {
    /// True when the range counted.
    pub fn counted(self) -> bool {
        matches!(self, Verdict::Counted | Verdict::CountedToToday)
    }
}

/// A range and what [`experience`] made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RangeVerdict {
    /// The range.
    #[serde(flatten)]
    pub range: DateRange,
    /// Counted or left out, and why.
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// A stretch of merged, counted months, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First month.
    pub first: YearMonth,
    /// Last month.
    pub last: YearMonth,
    /// True when it runs to today through an open range.
    pub open: bool,
}

/// Years of professional experience computed from a document's ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Experience {
    /// Months in the merged periods.
    pub months: u32,
    /// The merged periods, in order.
    pub periods: Vec<Period>,
    /// Every range found, with its verdict, in document order.
    pub ranges: Vec<RangeVerdict>,
}

impl Experience {
    /// Whole years: months / 12, rounded down.
    pub fn years(&self) -> u32 {
        self.months / 12
    }

    /// The ranges that counted.
    pub fn counted(&self) -> impl Iterator<Item = &DateRange> {
        self.ranges
            .iter()
            .filter(|r| r.verdict.counted())
            .map(|r| &r.range)
    }

    /// "9 years (2015–present, lines 8–31)"; `None` when nothing counted.
    pub fn describe(&self) -> Option<String> {
        let first = self.periods.first()?;
        let last = self.periods.last()?;
        let end = if last.open {
            "present".to_string()
        } else {
            last.last.year.to_string()
        };
        let lines: Vec<u32> = self.counted().map(|r| r.line).collect();
        let (low, high) = (lines.iter().min()?, lines.iter().max()?);
        let lines = if low == high {
            format!("line {low}")
        } else {
            format!("lines {low}–{high}")
        };
        Some(format!(
            "{} ({}–{end}, {lines})",
            years_phrase(self.years()),
            first.first.year
        ))
    }
}

/// "1 year", "9 years".
pub(crate) fn years_phrase(years: u32) -> String {
    if years == 1 {
        "1 year".to_string()
    } else {
        format!("{years} years")
    }
}

/// Words that mark a line as a school or a degree, lowercase with their dots
/// taken out ("B.Sc." is "bsc"), sorted.
pub const EDUCATION_WORDS: &[&str] = &[
    "academy",
    "bachelor",
    "bachelor's",
    "bachelors",
    "bs",
    "bsc",
    "college",
    "coursework",
    "degree",
    "diploma",
    "gpa",
    "graduated",
    "master",
    "master's",
    "masters",
    "mba",
    "msc",
    "phd",
    "school",
    "thesis",
    "university",
];

fn education_line(line: &str) -> bool {
    let mut word = String::new();
    let mut found = false;
    let mut check = |word: &mut String| {
        found |= !word.is_empty() && listed(EDUCATION_WORDS, word);
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.extend(c.to_lowercase());
        } else if c != '.' {
            check(&mut word);
        }
    }
    check(&mut word);
    found
}

/// Years of professional experience from `ranges` (module docs).
pub fn experience(layout: &Layout<'_>, ranges: &[DateRange], today: YearMonth) -> Experience {
    let has_experience = layout.has_section(SectionKind::Experience);
    let now = today.index() + 1;
    let mut spans = Vec::new();
    let mut verdicts = Vec::with_capacity(ranges.len());
    for range in ranges {
        let (start, end) = range.months(today);
        let verdict = match range.section {
            Some(SectionKind::Experience) => Verdict::Counted,
            Some(SectionKind::Other) | None if has_experience => Verdict::OutsideExperience,
            Some(SectionKind::Other) | None => {
                let text = layout
                    .index_of(range.line)
                    .map_or("", |i| layout.lines[i].text);
                if education_line(text) {
                    Verdict::EducationLine
                } else {
                    Verdict::Counted
                }
            }
            Some(kind) => Verdict::Section { kind },
        };
        let verdict = if !verdict.counted() {
            verdict
        } else if start >= now {
            Verdict::Future
        } else if end <= start {
            Verdict::EndsBeforeStart
        } else if end - start > i32::try_from(MAX_SPAN_YEARS * 12).unwrap_or(i32::MAX) {
            Verdict::TooLong
        } else if end > now {
            Verdict::CountedToToday
        } else {
            verdict
        };
        if verdict.counted() {
            spans.push((start, end.min(now), range.is_open()));
        }
        verdicts.push(RangeVerdict {
            range: range.clone(),
            verdict,
        });
    }
    spans.sort_unstable();
    let mut merged: Vec<(i32, i32, bool)> = Vec::new();
    for (start, end, open) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => {
                last.1 = last.1.max(end);
                last.2 |= open;
            }
            _ => merged.push((start, end, open)),
        }
    }
    let months = merged.iter().map(|&(s, e, _)| e - s).sum::<i32>();
    Experience {
        months: u32::try_from(months).unwrap_or(0),
        periods: merged
            .into_iter()
            .map(|(s, e, open)| Period {
                first: YearMonth::from_index(s),
                last: YearMonth::from_index(e - 1),
                open: open && e == now,
            })
            .collect(),
        ranges: verdicts,
    }
}

/// A number of years a document states or asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatedYears {
    /// The years, or the lower bound of a range ("3-5 years": 3).
    pub years: u32,
    /// The upper bound of a range ("3-5 years": 5).
    pub up_to: Option<u32>,
    /// "8+", "at least", "minimum", "over", "or more".
    pub at_least: bool,
    /// Its line, 1-based.
    pub line: u32,
    /// Its bytes in the document's text.
    pub span: Range<usize>,
    /// The phrase as written: "8+ years of experience".
    pub phrase: String,
    /// Stated in a resume's headline or summary: the person's own figure,
    /// true on the day the resume was written.
    pub about_person: bool,
}

impl StatedYears {
    /// "8+ years", "3–5 years", "10 years".
    pub fn amount(&self) -> String {
        match (self.up_to, self.at_least) {
            (Some(high), _) => format!("{}–{high} years", self.years),
            (None, true) => format!("{}+ years", self.years),
            (None, false) => years_phrase(self.years),
        }
    }
}

/// The years a resume states about its person (module docs).
pub fn stated_years(layout: &Layout<'_>) -> Vec<StatedYears> {
    let headline = layout.headline();
    find_years(layout, |found, index| {
        let about_person = headline.contains(&index)
            || layout.lines[index].section_kind == Some(SectionKind::Summary);
        (found.qualified || found.plus || about_person).then_some(about_person)
    })
}

/// The years a posting asks for (module docs).
pub fn years_asked(layout: &Layout<'_>) -> Vec<StatedYears> {
    find_years(layout, |found, _| {
        let asks =
            found.qualified || found.plus || found.stated.at_least || found.stated.up_to.is_some();
        asks.then_some(false)
    })
}

/// Number words, lowercase, sorted.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("eight", 8),
    ("eighteen", 18),
    ("eleven", 11),
    ("fifteen", 15),
    ("five", 5),
    ("four", 4),
    ("fourteen", 14),
    ("nine", 9),
    ("nineteen", 19),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("six", 6),
    ("sixteen", 16),
    ("ten", 10),
    ("thirteen", 13),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
];

/// Words right after "N years" that make them about experience, sorted.
pub const YEARS_QUALIFIERS: &[&str] = &[
    "as",
    "at",
    "commercial",
    "exp",
    "experience",
    "experienced",
    "hands-on",
    "in",
    "industry",
    "on",
    "professional",
    "relevant",
    "with",
];

/// Words right after "N years" that make them about something else, sorted.
pub const YEARS_REJECTED_AFTER: &[&str] = &[
    "after",
    "ago",
    "anniversary",
    "before",
    "contract",
    "during",
    "earlier",
    "from",
    "guarantee",
    "later",
    "lease",
    "left",
    "old",
    "plan",
    "remaining",
    "running",
    "straight",
    "subscription",
    "term",
    "warranty",
];

/// Words right before the number that make it about something else, sorted.
pub const YEARS_REJECTED_BEFORE: &[&str] = &[
    "established",
    "every",
    "first",
    "founded",
    "in",
    "last",
    "next",
    "past",
    "per",
    "since",
    "within",
];

/// Words after "N years of" that make them about something else, sorted.
const NOT_AFTER_OF: &[&str] = &[
    "age",
    "existence",
    "growth",
    "history",
    "operation",
    "operations",
    "service",
    "support",
    "warranty",
];

/// A years phrase found on a line, before the caller's filter.
struct Found {
    stated: StatedYears,
    /// Followed by an experience qualifier (module docs).
    qualified: bool,
    /// Written "N+", "N or more", "N plus".
    plus: bool,
}

/// The lines that may hold a years phrase, in order: "year", "yr" or
/// "decade" in any case. One pass of `memchr` for y and Y, one of `memmem`
/// for "ecade" and "ECADE".
fn years_lines(layout: &Layout<'_>) -> Vec<usize> {
    let bytes = layout.text.as_bytes();
    let follows = |i: usize, rest: &[u8]| {
        bytes
            .get(i + 1..i + 1 + rest.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(rest))
    };
    let mut at: Vec<usize> = memchr2_iter(b'y', b'Y', bytes)
        .filter(|&i| follows(i, b"ear") || follows(i, b"r"))
        .collect();
    at.extend(memmem::find_iter(bytes, b"ecade"));
    at.extend(memmem::find_iter(bytes, b"ECADE"));
    let mut lines: Vec<usize> = at.into_iter().map(|i| layout.line_at(i)).collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// The years phrases of `layout` that `keep` keeps: `Some(about_person)`.
fn find_years(
    layout: &Layout<'_>,
    keep: impl Fn(&Found, usize) -> Option<bool>,
) -> Vec<StatedYears> {
    let mut out = Vec::new();
    for index in years_lines(layout) {
        let line = &layout.lines[index];
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let r = Reader::new(line.text);
        for unit in 0..r.atoms.len() {
            let Some(mut found) = years_at(&r, unit) else {
                continue;
            };
            if let Some(about_person) = keep(&found, index) {
                found.stated.about_person = about_person;
                found.stated.line = number;
                found.stated.span.start += line.start;
                found.stated.span.end += line.start;
                out.push(found.stated);
            }
        }
    }
    out
}

/// A number word or a number of up to two digits, `min` to 50.
fn quantity(r: &Reader<'_>, i: usize, min: u32) -> Option<u32> {
    let atom = r.atoms.get(i)?;
    let value = match atom.kind {
        AtomKind::Number => atom.number(r.line, 2)?,
        AtomKind::Word => find(NUMBER_WORDS, r.word(i)?)?,
        AtomKind::Mark(_) => return None,
    };
    (min..=50).contains(&value).then_some(value)
}

/// The years phrase whose unit word ("years", "yrs", "decade") is at `unit`.
fn years_at(r: &Reader<'_>, unit: usize) -> Option<Found> {
    let word = r.word(unit)?;
    let decades = matches!(word, "decade" | "decades");
    if !decades && !matches!(word, "year" | "years" | "yr" | "yrs") {
        return None;
    }
    let mut k = unit.checked_sub(1)?;
    let mut plus = false;
    let mut at_least = false;
    if r.mark(k) == Some('+') || r.word(k) == Some("plus") {
        plus = true;
        k = k.checked_sub(1)?;
    } else if r.word(k) == Some("more") && k >= 2 && r.word(k - 1) == Some("or") {
        plus = true;
        k -= 2;
    }
    // "a 5-year contract": the number and the unit joined by a hyphen.
    let adjective = k >= 1 && r.mark(k) == Some('-') && r.touch(k, unit) && r.touch(k - 1, k);
    if adjective {
        k = k.checked_sub(1)?;
    }
    let (low, high, first) = if decades {
        let n = match r.word(k) {
            Some("a" | "one") => 1,
            _ => quantity(r, k, 1)?,
        };
        (n * 10, None, k)
    } else {
        let n = quantity(r, k, 1)?;
        let ranged = k >= 2
            && (r.mark(k - 1).is_some_and(|c| DASHES.contains(&c)) || r.word(k - 1) == Some("to"));
        // "0-2 years": a range may start at none.
        match ranged.then(|| quantity(r, k - 2, 0)).flatten() {
            Some(low) if low < n => (low, Some(n), k - 2),
            _ => (n, None, k),
        }
    };
    // The words before: "at least", "minimum of", "over", "more than"…
    let mut start = first;
    let before = |back: usize| first.checked_sub(back).and_then(|i| r.word(i));
    match (before(2), before(1)) {
        (Some("at"), Some("least")) | (Some("more" | "upwards"), Some("than" | "of")) => {
            at_least = true;
            start = first - 2;
        }
        (Some("minimum"), Some("of")) => {
            at_least = true;
            start = first - 2;
        }
        (_, Some("minimum" | "min" | "over")) => {
            at_least = true;
            start = first - 1;
        }
        _ => {}
    }
    let before_word = start.checked_sub(1).and_then(|i| r.word(i));
    if before_word.is_some_and(|w| listed(YEARS_REJECTED_BEFORE, w)) {
        return None;
    }
    // The words after.
    let mut after = unit + 1;
    if matches!(r.mark(after), Some('\'' | '\u{2019}')) {
        after += 1;
    }
    if r.word(after) == Some("minimum") {
        at_least = true;
        after += 1;
    }
    let next = r.word(after);
    if next.is_some_and(|w| listed(YEARS_REJECTED_AFTER, w)) {
        return None;
    }
    let mut end = after;
    let qualified = if adjective {
        let career = matches!(
            next,
            Some("experience" | "career" | "track" | "tenure" | "veteran")
        );
        if !career {
            return None;
        }
        end = after + 1;
        true
    } else if let Some(i) = (after..(after + 5).min(r.atoms.len()))
        .find(|&i| matches!(r.word(i), Some("experience" | "exp")))
    {
        end = i + 1;
        true
    } else if next == Some("of") {
        let object = r.word(after + 1);
        let ok = object.is_some_and(|w| !listed(NOT_AFTER_OF, w));
        if ok {
            end = after + 2;
        }
        ok
    } else if let Some(w) = next {
        let ok = listed(YEARS_QUALIFIERS, w) || w.ends_with("ing");
        if ok {
            end = after + 1;
            if matches!(w, "in" | "on" | "as" | "at" | "with") && r.word(after + 1).is_some() {
                end = after + 2;
            }
        }
        ok
    } else {
        false
    };
    let mut end = end.max(unit + 1).min(r.atoms.len());
    if r.word(end) == Some("minimum") {
        at_least = true;
        end += 1;
    }
    let span = r.span(start, end);
    Some(Found {
        stated: StatedYears {
            years: low,
            up_to: high,
            at_least: at_least || plus,
            line: 0,
            about_person: false,
            phrase: r.line[span.clone()].to_string(),
            span,
        },
        qualified,
        plus,
    })
}

#[cfg(test)]
mod tests;
