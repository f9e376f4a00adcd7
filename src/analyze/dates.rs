//! Dates of roles and years of experience: the ranges a resume writes
//! ("Jan 2019 – Present", "2016–2020", "03/2018 - 11/2021"), the years of
//! professional experience they add up to, and the years a document states
//! ("8+ years of experience") or a posting asks ("3-5 years").
//!
//! Ranges are read only around four-digit numbers (or an apostrophe and two
//! digits, "'21"), 40 bytes either side, and years phrases only on lines
//! holding "year", "yr" or "decade" for stated years, so a document costs one
//! byte scan and a look at a few lines. *Today* is a parameter
//! ([`YearMonth`]): the library never reads the clock.
//!
//! # Ranges
//! A range is a start date, a separator and an end: a date or an open end.
//! - A date is a month and a year ("Jan 2019", "January 2019", "Sept. 2021",
//!   "Sep '21", "March 3, 2019"), a season and a year ("Spring 2020"), a
//!   numeric month ("03/2018", "3/2018", "03.2018", "2019-01", "2019/01") or a
//!   year alone ("2016"), between [`MIN_YEAR`] and ten years after today.
//! - The separator is a dash (hyphen, en dash, em dash, minus, tilde; spaced
//!   or not) or "to", "until", "till", "til", "through", "thru".
//! - An open end is "Present", "Current", "Currently", "Now", "Today",
//!   "Ongoing", "Date" after a word ("to date", "till date"), a dash with
//!   nothing after it ("2018 –"), or "onwards" right after the start.
//! - "since 2020" is a range from 2020 to today; "Jan – Mar 2019" takes the
//!   year of its end.
//!
//! A single date is not a range.
//!
//! # Months
//! A range covers whole months, both ends included: "Jan 2019 – Mar 2019" is
//! three months. A year alone stands for its middle, so a start year begins in
//! July and an end year ends in June: "2016–2020" is four years, what people
//! mean by it; a range within one year written as years ("2019–2019") is six
//! months. A season runs from its first to its last month (spring March–May,
//! summer June–August, fall or autumn September–November, winter
//! January–February). An open end is today's month, included.
//!
//! # Years of experience
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

use std::ops::{Deref, Range};

use memchr::{memchr2_iter, memmem};
use serde::Serialize;

use super::atoms::{AtomKind, Reader, find, listed};
use super::outline::{Layout, SectionKind};

/// The earliest year read as a date.
pub const MIN_YEAR: u16 = 1950;

/// A range spanning more years than this is a misreading, never counted.
pub const MAX_SPAN_YEARS: u32 = 50;

/// A month of a year: today, or a date's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YearMonth {
    /// The year, e.g. 2025.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`; `None` for another month number.
    pub fn new(year: u16, month: u8) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// Months since year 0, for arithmetic.
    fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    fn from_index(index: i32) -> Self {
        YearMonth {
            year: u16::try_from(index.div_euclid(12)).unwrap_or(0),
            month: u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
        }
    }
}

/// A season of a year, as resumes of students and interns write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November ("Fall" or "Autumn").
    Fall,
    /// January and February.
    Winter,
}

impl Season {
    /// First and last month of the season.
    fn months(self) -> (u8, u8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (1, 2),
        }
    }
}

/// One end of a range, as precise as it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// A month and year: "Jan 2019", "03/2018", "2019-01".
    Month(YearMonth),
    /// A season and year: "Spring 2020".
    Season {
        /// The year.
        year: u16,
        /// The season.
        season: Season,
    },
    /// A year alone: "2016".
    Year(u16),
}

impl When {
    /// The year of the date.
    pub fn year(self) -> u16 {
        match self {
            When::Month(at) => at.year,
            When::Season { year, .. } | When::Year(year) => year,
        }
    }

    /// First month covered, as a month index (module docs).
    fn first(self) -> i32 {
        match self {
            When::Month(at) => at.index(),
            When::Season { year, season } => month_index(year, season.months().0),
            When::Year(year) => month_index(year, 7),
        }
    }

    /// The month after the last month covered (module docs).
    fn after_last(self) -> i32 {
        match self {
            When::Month(at) => at.index() + 1,
            When::Season { year, season } => month_index(year, season.months().1) + 1,
            When::Year(year) => month_index(year, 7),
        }
    }
}

fn month_index(year: u16, month: u8) -> i32 {
    i32::from(year) * 12 + i32::from(month) - 1
}

/// The end of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeEnd {
    /// A date.
    Date(When),
    /// "Present", "Current", "now", "to date", a bare dash: today.
    Open,
}

/// A date range found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// Where it starts.
    pub start: When,
    /// Where it ends.
    pub end: RangeEnd,
    /// Its line, 1-based.
    pub line: u32,
    /// Its bytes in the document's text.
    pub span: Range<usize>,
    /// The kind of section it stands in, if any (see [`super::outline`]).
    pub section: Option<SectionKind>,
}

impl DateRange {
    /// The months covered, as indices: first, and one after the last.
    fn months(&self, today: YearMonth) -> (i32, i32) {
        let start = self.start.first();
        let end = match self.end {
            RangeEnd::Open => today.index() + 1,
            RangeEnd::Date(end) => end.after_last(),
        };
        match (self.start, self.end) {
            (When::Year(a), RangeEnd::Date(When::Year(b))) if a == b => {
                (month_index(a, 4), month_index(a, 10))
            }
            _ => (start, end),
        }
    }

    /// True when the range runs to today.
    pub fn is_open(&self) -> bool {
        self.end == RangeEnd::Open
    }

    /// The range's latest month: its end, or `today` for an open end.
    pub fn last_month(&self, today: YearMonth) -> YearMonth {
        YearMonth::from_index(self.months(today).1 - 1)
    }
}

/// Every date range of the document, in order (module docs).
pub fn date_ranges(layout: &Layout<'_>, today: YearMonth) -> Vec<DateRange> {
    let mut ranges = Vec::new();
    for (index, window) in range_windows(layout) {
        let line = &layout.lines[index];
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line_end = line.start + line.text.len();
        // A dash at the window's cut is no open end when the line goes on.
        let open_tail = layout.text[window.end..line_end].trim().is_empty();
        let text = &layout.text[window.clone()];
        for (start, end, span) in parse_line(text, today, open_tail) {
            ranges.push(DateRange {
                start,
                end,
                line: number,
                span: window.start + span.start..window.start + span.end,
                section: line.section_kind,
            });
        }
    }
    ranges
}

/// Bytes a range may reach either side of a year: "September 3, " before it,
/// "– December 25, " before an end year, " to the present" after it.
const WINDOW: usize = 24;

/// Bytes either side of a year where a range's separator or open word must
/// stand, for the window to be read at all.
const SEPARATOR_REACH: usize = 18;

/// True when the bytes near the year at `at` hold a dash, a word of
/// [`RANGE_WORDS`], "since", "onward" or "onwards" (a cheap test: every range
/// has one there).
fn separator_near(bytes: &[u8], at: usize) -> bool {
    let near = &bytes[at.saturating_sub(SEPARATOR_REACH)..(at + SEPARATOR_REACH).min(bytes.len())];
    let mut word_start = None;
    for (i, &b) in near.iter().enumerate() {
        if b.is_ascii_alphabetic() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take()
            && separator_word(&near[start..i])
        {
            return true;
        }
        // "-", "~", or a dash in UTF-8: E2 80 90–95, E2 88 92 (minus).
        let dash = b == b'-'
            || b == b'~'
            || (b == 0xE2
                && matches!(
                    near.get(i + 1..i + 3),
                    Some([0x80, 0x90..=0x95] | [0x88, 0x92])
                ));
        if dash {
            return true;
        }
    }
    word_start.is_some_and(|start| separator_word(&near[start..]))
}

/// A word that joins or opens a range, in any case (see [`separator_near`]).
fn separator_word(word: &[u8]) -> bool {
    let mut lower = [0u8; 8];
    let Some(buf) = lower.get_mut(..word.len()) else {
        return false;
    };
    for (to, from) in buf.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    let word = std::str::from_utf8(buf).unwrap_or("");
    listed(RANGE_WORDS, word) || matches!(word, "since" | "onward" | "onwards")
}

/// The stretches of lines that may hold a range, in order, each with its
/// line: [`WINDOW`] bytes either side of each year ([`year_hits`]) with a
/// separator near it ([`separator_near`]), widened to whole words and merged
/// when they meet.
fn range_windows(layout: &Layout<'_>) -> Vec<(usize, Range<usize>)> {
    let bytes = layout.text.as_bytes();
    let space = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_whitespace);
    let mut windows: Vec<(usize, Range<usize>)> = Vec::with_capacity(16);
    for at in year_hits(bytes) {
        let index = layout.line_at(at);
        let line = &layout.lines[index];
        let (first, last) = (line.start, line.start + line.text.len());
        if !separator_near(&bytes[first..last], at - first) {
            continue;
        }
        let mut start = at.saturating_sub(WINDOW).max(first);
        while start > first && !space(start - 1) {
            start -= 1;
        }
        let mut end = (at + WINDOW).min(last);
        while end < last && !space(end) {
            end += 1;
        }
        match windows.last_mut() {
            Some((previous, window)) if *previous == index && window.end >= start => {
                window.end = window.end.max(end);
            }
            _ => windows.push((index, start..end)),
        }
    }
    windows
}

/// Where a range may be, in order: every range has a four-digit year (from
/// 1950: its first digit is 1 or 2), or an apostrophe and two digits ("Sep
/// '21"); the offset of the year's last digit, or of the apostrophe. Two
/// `memchr` passes.
fn year_hits(bytes: &[u8]) -> Vec<usize> {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut hits: Vec<usize> = memchr2_iter(b'1', b'2', bytes)
        .filter(|&i| {
            let starts_run = i == 0 || !digit(i - 1);
            starts_run && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
        })
        .map(|i| i + 3)
        .collect();
    // ' or the last byte of ’ (E2 80 99), then two digits.
    let apostrophes = memchr2_iter(b'\'', 0x99, bytes).filter(|&i| digit(i + 1) && digit(i + 2));
    let before = hits.len();
    hits.extend(apostrophes);
    if hits.len() > before {
        hits.sort_unstable();
    }
    hits
}

/// Month names and abbreviations, lowercase, sorted.
pub const MONTHS: &[(&str, u8)] = &[
    ("apr", 4),
    ("april", 4),
    ("aug", 8),
    ("august", 8),
    ("dec", 12),
    ("december", 12),
    ("feb", 2),
    ("february", 2),
    ("jan", 1),
    ("january", 1),
    ("jul", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("mar", 3),
    ("march", 3),
    ("may", 5),
    ("nov", 11),
    ("november", 11),
    ("oct", 10),
    ("october", 10),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
];

/// Season names, lowercase, sorted.
pub const SEASONS: &[(&str, Season)] = &[
    ("autumn", Season::Fall),
    ("fall", Season::Fall),
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("winter", Season::Winter),
];

/// Words that end a range at today, lowercase, sorted ("date" only after a
/// word: "to date").
pub const OPEN_WORDS: &[&str] = &["current", "currently", "now", "ongoing", "present", "today"];

/// Words between the two ends of a range, lowercase, sorted.
pub const RANGE_WORDS: &[&str] = &["through", "thru", "til", "till", "to", "until"];

/// Characters that join the two ends of a range.
const DASHES: &[char] = &['-', '–', '—', '‒', '−', '―', '~'];

/// Marks after which a dash is an open end: "(2019 –)", "2019 – | Acme".
const CLOSERS: &[char] = &[')', ']', '|', ',', ';', '·', '•'];

/// A line's reader with today's date, for the range parser.
struct DateReader<'a> {
    r: Reader<'a>,
    today: YearMonth,
    /// Nothing but white space follows the text read: a dash at its end is
    /// an open end.
    open_tail: bool,
}

impl<'a> Deref for DateReader<'a> {
    type Target = Reader<'a>;

    fn deref(&self) -> &Reader<'a> {
        &self.r
    }
}

impl DateReader<'_> {
    /// A four-digit year at `i`, standing apart from letters.
    fn year(&self, i: usize) -> Option<u16> {
        let atom = self.atoms.get(i)?;
        let text = atom.text(self.line);
        if atom.kind != AtomKind::Number || text.len() != 4 {
            return None;
        }
        let letter_before = self.line[..atom.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || matches!(c, '$' | '#' | '€' | '£'));
        let letter_after = self.line[atom.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '%');
        let year: u16 = text.parse().ok()?;
        let valid = (MIN_YEAR..=self.today.year.saturating_add(10)).contains(&year);
        (valid && !letter_before && !letter_after).then_some(year)
    }

    /// The year after a month or season word: "2019", or "'19".
    fn year_after_name(&self, i: usize) -> Option<(u16, usize)> {
        if let Some(year) = self.year(i) {
            return Some((year, i + 1));
        }
        let apostrophe = matches!(self.mark(i), Some('\'' | '\u{2019}'));
        let short = self.atoms.get(i + 1)?;
        if !apostrophe || !self.touch(i, i + 1) || short.text(self.line).len() != 2 {
            return None;
        }
        let yy = u16::try_from(short.number(self.line, 2)?).ok()?;
        let year = if 2000 + yy <= self.today.year.saturating_add(5) {
            2000 + yy
        } else {
            1900 + yy
        };
        Some((year, i + 2))
    }

    /// A month name at `i` (with its dot), and the atom after it.
    fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        // Month names start with a, d, f, j, m, n, o or s.
        let word = self.word(i).filter(|w| {
            (3..=9).contains(&w.len()) && w.starts_with(['a', 'd', 'f', 'j', 'm', 'n', 'o', 's'])
        })?;
        let month = find(MONTHS, word)?;
        let next = if self.mark(i + 1) == Some('.') && self.touch(i, i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((month, next))
    }

    /// A date at `i` (module docs), and the atom after it.
    fn date(&self, i: usize) -> Option<(When, usize)> {
        if let Some((month, mut j)) = self.month_name(i) {
            // "March 3, 2019": a day and a comma.
            if self
                .atoms
                .get(j)
                .and_then(|a| a.number(self.line, 2))
                .is_some()
                && self.mark(j + 1) == Some(',')
            {
                j += 2;
            } else if self.mark(j) == Some(',') {
                j += 1;
            }
            let (year, next) = self.year_after_name(j)?;
            return Some((When::Month(YearMonth { year, month }), next));
        }
        let season_word = self
            .word(i)
            .filter(|w| (4..=6).contains(&w.len()) && w.starts_with(['a', 'f', 's', 'w']));
        if let Some(season) = season_word.and_then(|w| find(SEASONS, w)) {
            let (year, next) = self.year_after_name(i + 1)?;
            return Some((When::Season { year, season }, next));
        }
        let atom = self.atoms.get(i)?;
        if atom.kind != AtomKind::Number {
            return None;
        }
        // "03/2018", "3/2018", "03.2018".
        if let Some(month) = atom.number(self.line, 2)
            && matches!(self.mark(i + 1), Some('/' | '.'))
            && self.touch(i, i + 1)
            && self.touch(i + 1, i + 2)
            && let Some(year) = self.year(i + 2)
            && let Some(at) = YearMonth::new(year, u8::try_from(month).ok()?)
        {
            return Some((When::Month(at), i + 3));
        }
        let year = self.year(i)?;
        // "2019-01", "2019/01".
        if matches!(self.mark(i + 1), Some('-' | '/'))
            && self.touch(i, i + 1)
            && self.touch(i + 1, i + 2)
            && let Some(next) = self.atoms.get(i + 2)
            && next.text(self.line).len() == 2
            && let Some(month) = next.number(self.line, 2)
            && let Some(at) = YearMonth::new(year, u8::try_from(month).ok()?)
        {
            return Some((When::Month(at), i + 3));
        }
        Some((When::Year(year), i + 1))
    }

    /// A separator at `i`: the atom after it, and whether it was a word.
    fn separator(&self, i: usize) -> Option<(usize, bool)> {
        if let Some(c) = self.mark(i)
            && DASHES.contains(&c)
        {
            let mut j = i + 1;
            while self.mark(j).is_some_and(|c| DASHES.contains(&c)) {
                j += 1;
            }
            return Some((j, false));
        }
        let word = self.word(i)?;
        listed(RANGE_WORDS, word).then_some((i + 1, true))
    }

    /// An open end at `i`, and the atom after it.
    fn open_end(&self, i: usize, after_word: bool) -> Option<usize> {
        let mut i = i;
        if self.word(i) == Some("the") {
            i += 1;
        }
        let word = self.word(i)?;
        let open = listed(OPEN_WORDS, word) || (after_word && word == "date");
        open.then_some(i + 1)
    }

    /// Nothing but a closing mark at `i`: a dash there leaves the range open.
    fn closes(&self, i: usize) -> bool {
        (i >= self.atoms.len() && self.open_tail)
            || self.mark(i).is_some_and(|c| CLOSERS.contains(&c))
    }
}

/// The ranges of one line: start, end and byte span in the line.
fn parse_line(
    line: &str,
    today: YearMonth,
    open_tail: bool,
) -> Vec<(When, RangeEnd, Range<usize>)> {
    let r = DateReader {
        r: Reader::new(line),
        today,
        open_tail,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < r.atoms.len() {
        if r.word(i) == Some("since")
            && let Some((start, next)) = r.date(i + 1)
        {
            out.push((start, RangeEnd::Open, r.span(i, next)));
            i = next;
            continue;
        }
        if matches!(r.atoms[i].kind, AtomKind::Mark(_)) {
            i += 1;
            continue;
        }
        let Some((start, j)) = r.date(i) else {
            // "Jan – Mar 2019": a month without its year, then a dated end.
            if let Some((month, j)) = r.month_name(i)
                && let Some((k, _)) = r.separator(j)
                && let Some((end @ When::Month(last), next)) = r.date(k)
            {
                let year = if month <= last.month {
                    last.year
                } else {
                    last.year - 1
                };
                let start = When::Month(YearMonth { year, month });
                out.push((start, RangeEnd::Date(end), r.span(i, next)));
                i = next;
                continue;
            }
            i += 1;
            continue;
        };
        if r.word(j).is_some_and(|w| w == "onwards" || w == "onward") {
            out.push((start, RangeEnd::Open, r.span(i, j + 1)));
            i = j + 1;
            continue;
        }
        if let Some((k, after_word)) = r.separator(j) {
            if let Some((end, next)) = r.date(k) {
                out.push((start, RangeEnd::Date(end), r.span(i, next)));
                i = next;
                continue;
            }
            if let Some(next) = r.open_end(k, after_word) {
                out.push((start, RangeEnd::Open, r.span(i, next)));
                i = next;
                continue;
            }
            if !after_word && r.closes(k) {
                out.push((start, RangeEnd::Open, r.span(i, k)));
                i = k;
                continue;
            }
        }
        i = j;
    }
    out
}

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
        found.qualified || found.plus || about_person
    })
}

/// The years a posting asks for (module docs).
pub fn years_asked(layout: &Layout<'_>) -> Vec<StatedYears> {
    find_years(layout, |found, _| {
        found.qualified || found.plus || found.stated.at_least || found.stated.up_to.is_some()
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

fn find_years(layout: &Layout<'_>, keep: impl Fn(&Found, usize) -> bool) -> Vec<StatedYears> {
    let mut out = Vec::new();
    for index in years_lines(layout) {
        let line = &layout.lines[index];
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let r = Reader::new(line.text);
        for unit in 0..r.atoms.len() {
            let Some(mut found) = years_at(&r, unit) else {
                continue;
            };
            if keep(&found, index) {
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
            phrase: r.line[span.clone()].to_string(),
            span,
        },
        qualified,
        plus,
    })
}

#[cfg(test)]
mod tests;
