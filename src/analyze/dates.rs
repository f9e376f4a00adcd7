//! Date ranges of roles, the forms resumes write them in: "Jan 2019 –
//! Present", "2016–2020", "03/2018 - 11/2021". The years they add up to are
//! [`super::years`]'s.
//!
//! Ranges are read only around four-digit years (or an apostrophe and two
//! digits, "'21") that have a dash or a range word near them, 24 bytes either
//! side, so a document costs two `memchr` passes and a look at a few windows.
//! *Today* is a parameter ([`YearMonth`]): the library never reads the clock.
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

use std::ops::{Deref, Range};

use memchr::memchr2_iter;
use serde::Serialize;

use super::atoms::{AtomKind, Reader, find, listed};
use super::outline::{Layout, SectionKind};

/// The earliest year read as a date.
pub const MIN_YEAR: u16 = 1950;

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
    pub(crate) fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    pub(crate) fn from_index(index: i32) -> Self {
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
    pub(crate) fn months(&self, today: YearMonth) -> (i32, i32) {
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
pub(crate) const DASHES: &[char] = &['-', '–', '—', '‒', '−', '―', '~'];

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

#[cfg(test)]
mod tests;
