//! Job titles and the seniority they state, on resumes and postings.
//!
//! The ladder of the source text runs Junior Developers, Mid-Level
//! Developers, Senior Backend Developers, Backend Team Lead, Engineering
//! Manager, Director of Engineering, CTO; a title's [`Rung`] places it there.
//!
//! # What a title is
//! A title is read from the start of a *segment* of a line: the line is cut at
//! `— – | · • , ; : ( ) [ ] @ →`, at a hyphen or slash with a space on either
//! side, and at the word "at". From there a title is
//! - level words ([`LEVEL_WORDS`]: Intern, Junior, Jr., Associate, Graduate,
//!   Mid-level, Senior, Sr., Lead, Staff, Principal, Distinguished, Chief…),
//! - then at most three other words, none of them a function word ("the",
//!   "to", "with"…) or a company word ("Group", "Inc"),
//! - then a role noun ([`ROLE_NOUNS`]: engineer, developer, programmer,
//!   architect, SRE, administrator, DBA, analyst, consultant, manager, lead,
//!   director, CTO…), the last of a run of them being the head ("Backend
//!   Engineer Lead" is a lead),
//! - then a level numeral (I, II, III, IV, or 1 to 4) at the end of the
//!   segment; or, after director, manager, VP, head and the like, "of" and the
//!   function ("Head of Platform", "Director of Engineering").
//!
//! "Head" needs "of" after it, "President" needs "Vice", "Officer" needs
//! "Chief", and "Lead" as a noun needs a word before it ("Tech Lead", "Team
//! Lead"); a founder word ("Co-founder & CTO") is passed over, so a founder
//! counts by the technical title beside it, never alone.
//!
//! So "Lead" as a verb is no title: "Lead the team's migration" has a
//! function word where the role noun should be, "Led" is no level word, and
//! "Lead engineers through…" (a level word before a plural noun at a segment's
//! start) is read as a verb. "Principal" in a company name is no title either:
//! "Principal Financial Group" has no role noun, and a company word ends the
//! search.
//!
//! # Technical or not
//! A title with a technical noun (engineer, developer, architect, CTO…) or
//! word ([`TECHNICAL_WORDS`]: backend, software, data, platform…) is
//! technical. Otherwise a title with a non-technical word
//! ([`NON_TECHNICAL_WORDS`]: restaurant, product, sales…) is not, nor is a
//! lead's, manager's or director's title qualified by words none of the lists
//! know ("Inventory Lead"); the rest ("Team Lead", "Senior Director") are
//! general. The level rule leaves non-technical titles out.
//!
//! # Whose title
//! Only the first [`TITLE_BYTES`] bytes of a line are read, and a line gives
//! one title, and one more after each arrow.
//!
//! On a resume a title is the person's only where it opens a segment of the
//! headline (the lines before the first section), of a role line of the
//! experience section (a heading, a line that opens a block, a line with or
//! next to a date range, or the line under another role line; never a bullet,
//! nor a sentence: more than eight words ending with a full stop), or of the
//! summary's first line. A title inside a sentence about someone else is not
//! the person's: in the summary, a title right after "to", "with", "by",
//! "for", "under", "from", "alongside" or a verb such as "reported",
//! "assisted", "mentored", "managed" (articles and counts skipped: "reported
//! to the Senior Director") is left out, and plural titles ("mentored two
//! junior developers") never count on a resume. References, skills and other
//! sections are not read.
//!
//! The most recent role weighs most: of the experience titles, the first
//! whose date range is open ("– Present"); else the first listed when it has
//! no dates (resumes list the newest first); else the one whose range ends
//! last, the first listed on a tie. On a line with an arrow ("Backend
//! Engineer → Tech Lead") the title after the last arrow is that role's.
//!
//! On a posting the title is read from a "Title:", "Position:", "Role:" or
//! "Job title:" line, else from the first line, else from the first heading
//! of the masthead; a segment of it that is only level words ("API Developer
//! (mid-level)") gives the title its level. In the body, a title after
//! "hiring a", "looking for a", "seeking a" or "as a" counts, and so do level
//! words before "role", "position" or "opening" ("a senior-level role").

use std::ops::Range;

use serde::Serialize;

use super::atoms::{Reader, find, listed};

mod posting;
mod resume;
mod words;

pub use self::posting::posting_titles;
pub use self::resume::resume_titles;

use self::words::{ARROWS, FOUNDER_WORDS, SEGMENT_MARKS};
pub use self::words::{
    GENERAL_WORDS, LEVEL_WORDS, NON_TECHNICAL_WORDS, Noun, OTHER_PERSON_CUES, ROLE_NOUNS,
    TECHNICAL_WORDS, TITLE_BREAKERS,
};
use super::outline::Layout;

/// Where a title stands on the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rung {
    /// Intern, Trainee, Apprentice.
    Intern,
    /// Junior, Jr., Associate, Graduate, Entry-level, Engineer I.
    Junior,
    /// Mid-level, Intermediate, Engineer II, or no level word at all.
    Mid,
    /// Senior, Sr., Engineer III.
    Senior,
    /// Staff, Principal, Distinguished, Architect, Engineer IV: senior
    /// individual contributors.
    Staff,
    /// Lead, Tech Lead, Team Lead, Chief (an individual contributor noun).
    Lead,
    /// Engineering Manager.
    Manager,
    /// Director, Head of …
    Director,
    /// VP, Vice President, CTO, CIO, Chief … Officer.
    Executive,
}

impl Rung {
    /// True for the rungs that lead people: lead, manager, director,
    /// executive.
    pub fn leads(self) -> bool {
        self >= Rung::Lead
    }
}

/// Whether a title is a technical one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// A technical noun or word: engineer, developer, backend, engineering…
    Technical,
    /// Neither: "Team Lead", "Senior Director".
    General,
    /// No technical word, and a non-technical one ("Restaurant Manager",
    /// "Product Manager"), or a lead's, manager's or director's title whose
    /// other words are none of the known ones ("Inventory Lead", "Head of
    /// People"): the person leads another trade.
    NonTechnical,
}

/// Where a title stands in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// A resume's headline: the lines before the first section.
    Headline,
    /// The most recent role of a resume's experience.
    RecentRole,
    /// An earlier role.
    EarlierRole,
    /// The first line of a resume's summary.
    Summary,
    /// A posting's own title.
    PostingTitle,
    /// A posting's body: "we are hiring a senior engineer".
    PostingBody,
}

/// A title found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    /// The title as written: "Senior Backend Engineer".
    pub text: String,
    /// Its line, 1-based.
    pub line: u32,
    /// Its bytes in the document's text.
    pub span: Range<usize>,
    /// Where it stands on the ladder.
    pub rung: Rung,
    /// True when the title states its level (a level word, a numeral, or a
    /// noun that carries one); "Software Engineer" does not.
    pub explicit: bool,
    /// Technical or not.
    pub field: Field,
    /// Where it stands in the document.
    pub place: Place,
    /// Written with a founder word: "Co-founder & CTO".
    pub founder: bool,
}

/// A level word, also with "-level" after it ("senior-level").
fn level_word(word: &str) -> Option<Rung> {
    find(LEVEL_WORDS, word).or_else(|| find(LEVEL_WORDS, word.strip_suffix("-level")?))
}

/// A role noun, and whether it was written in the plural.
fn role_noun(word: &str) -> Option<(Noun, bool)> {
    if let Some(noun) = find(ROLE_NOUNS, word) {
        return Some((noun, false));
    }
    let singular = word.strip_suffix('s')?;
    find(ROLE_NOUNS, singular).map(|noun| (noun, true))
}

/// A title read from a segment, before it is placed.
#[derive(Debug, Clone)]
struct Parsed {
    /// First and one-past-last atom.
    atoms: Range<usize>,
    rung: Rung,
    explicit: bool,
    field: Field,
    plural: bool,
    founder: bool,
}

/// The segments of a line as atom ranges, each with whether an arrow stands
/// before it.
fn segments(r: &Reader<'_>) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut arrow = false;
    for i in 0..r.atoms.len() {
        let cut = match r.mark(i) {
            Some(c) if SEGMENT_MARKS.contains(&c) => true,
            // A hyphen or slash with a space on either side.
            Some('-' | '/') => i == 0 || !(r.touch(i - 1, i) && r.touch(i, i + 1)),
            _ => r.word(i) == Some("at"),
        };
        if cut {
            if start < i {
                out.push((start..i, arrow));
            }
            arrow = r.mark(i).is_some_and(|c| ARROWS.contains(&c));
            start = i + 1;
        }
    }
    if start < r.atoms.len() {
        out.push((start..r.atoms.len(), arrow));
    }
    out
}

/// The first word of a segment, past markup marks (`*`, `_`, `#`, quotes).
fn first_word(r: &Reader<'_>, segment: &Range<usize>) -> Option<usize> {
    segment.clone().find(|&i| r.word(i).is_some()).filter(|&i| {
        (segment.start..i).all(|j| {
            r.mark(j)
                .is_some_and(|c| matches!(c, '*' | '_' | '#' | '"' | '“' | '`' | '>' | '-' | '+'))
        })
    })
}

/// True when a role noun follows atom `i` within three words, before `end`
/// and before any mark or title breaker.
fn noun_ahead(r: &Reader<'_>, i: usize, end: usize) -> bool {
    for j in i..(i + 3).min(end) {
        match r.word(j) {
            Some(w) if role_noun(w).is_some() => return true,
            Some(w) if !listed(TITLE_BREAKERS, w) => {}
            _ => return false,
        }
    }
    false
}

/// A title starting at atom `at`, ending by `end` (module docs).
fn parse_title(r: &Reader<'_>, at: usize, end: usize) -> Option<Parsed> {
    let mut i = at;
    let mut founder = false;
    if r.word(i).is_some_and(|w| listed(FOUNDER_WORDS, w)) {
        founder = true;
        i += 1;
        while i < end && (r.word(i) == Some("and") || matches!(r.mark(i), Some('&' | '/'))) {
            i += 1;
        }
    }
    let first = i;
    // Level words, and "vice" for "Vice President".
    let mut mods: Vec<Rung> = Vec::new();
    let mut vice = false;
    let mut chief = false;
    while i < end {
        let Some(word) = r.word(i) else { break };
        match level_word(word) {
            // "Intern" with no role noun after it is the noun, read below.
            Some(_)
                if role_noun(word).is_some() && word != "lead" && !noun_ahead(r, i + 1, end) =>
            {
                break;
            }
            Some(rung) => {
                chief |= word == "chief";
                mods.push(rung);
                i += 1;
                if r.mark(i) == Some('.') && r.touch(i - 1, i) {
                    i += 1;
                }
            }
            None if word == "vice" => {
                vice = true;
                i += 1;
            }
            None => break,
        }
    }
    // Other words, then the noun run.
    let mut others = 0;
    let mut head: Option<(usize, Noun, bool)> = None;
    // A level word after describing words starts the title: "experienced
    // Senior Engineer" is "Senior Engineer".
    let mut level_at = None;
    while i < end {
        let Some(word) = r.word(i) else {
            let joined = r.mark(i) == Some('/')
                && i.checked_sub(1).is_some_and(|p| r.touch(p, i))
                && r.touch(i, i + 1);
            if (r.mark(i) == Some('&') || joined) && head.is_none() {
                i += 1;
                continue;
            }
            break;
        };
        if let Some((noun, plural)) = role_noun(word) {
            head = Some((i, noun, plural));
            i += 1;
            continue;
        }
        if head.is_some() || listed(TITLE_BREAKERS, word) {
            break;
        }
        if let Some(rung) = level_word(word) {
            if mods.is_empty() && others > 0 {
                level_at = Some(i);
            }
            mods.push(rung);
            i += 1;
            continue;
        }
        if word != "and" {
            others += 1;
        }
        if others > 3 {
            return None;
        }
        i += 1;
    }
    let (head_at, noun, plural) = head?;
    let head_word = r.word(head_at)?;
    let mut last = head_at + 1;
    let any_before = head_at > first;
    match head_word.trim_end_matches('s') {
        "lead" if !any_before => return None,
        "president" if !vice => return None,
        "officer" if !chief => return None,
        _ => {}
    }
    let takes_of = matches!(
        head_word.trim_end_matches('s'),
        "head" | "director" | "manager" | "vp" | "svp" | "evp" | "president"
    );
    if head_word == "head" && r.word(last) != Some("of") {
        return None;
    }
    if takes_of && r.word(last) == Some("of") {
        let mut j = last + 1;
        while j < end && j < last + 4 {
            match r.word(j) {
                Some(w) if !listed(TITLE_BREAKERS, w) || w == "and" => j += 1,
                _ => break,
            }
        }
        if j > last + 1 {
            last = j;
        }
    } else if takes_of
        && r.word(last)
            .is_some_and(|w| listed(TECHNICAL_WORDS, w) || listed(NON_TECHNICAL_WORDS, w))
    {
        // "VP Engineering".
        last += 1;
    }
    // "Lead engineers through …": a verb.
    if plural && r.word(first) == Some("lead") {
        return None;
    }
    // A level numeral closing the segment: "Engineer II", "Engineer 2".
    let mut numeral = None;
    let closes = |j: usize| (j..end).all(|k| matches!(r.mark(k), Some('*' | '_' | '`')));
    if noun.individual && last < end && closes(last + 1) {
        let text = r.atoms[last].text(r.line);
        numeral = match text {
            "I" | "1" => Some(Rung::Junior),
            "II" | "2" => Some(Rung::Mid),
            "III" | "3" => Some(Rung::Senior),
            "IV" | "4" => Some(Rung::Staff),
            _ => None,
        };
        if numeral.is_some() {
            last += 1;
        }
    }
    let rung = if !noun.individual {
        noun.rung
    } else if let Some(&top) = mods.iter().max() {
        top
    } else {
        numeral.unwrap_or(noun.rung)
    };
    let explicit = !mods.is_empty() || numeral.is_some() || noun.rung != Rung::Mid;
    let first = level_at.unwrap_or(first);
    let words = (first..last).filter_map(|j| r.word(j));
    let mut technical = noun.technical;
    let mut non_technical = false;
    let mut unknown = false;
    for word in words {
        let tech_word =
            listed(TECHNICAL_WORDS, word) || role_noun(word).is_some_and(|(n, _)| n.technical);
        technical |= tech_word;
        non_technical |= listed(NON_TECHNICAL_WORDS, word);
        unknown |= !tech_word
            && level_word(word).is_none()
            && role_noun(word).is_none()
            && !listed(GENERAL_WORDS, word)
            && !listed(TITLE_BREAKERS, word);
    }
    // A lead, manager or director of something not known to be technical
    // ("Inventory Lead", "Store Manager") leads another trade.
    non_technical |= !noun.individual && noun.rung != Rung::Intern && unknown;
    let field = if technical {
        Field::Technical
    } else if non_technical {
        Field::NonTechnical
    } else {
        Field::General
    };
    Some(Parsed {
        atoms: first..last,
        rung,
        explicit,
        field,
        plural,
        founder,
    })
}

/// Bytes of a line read for titles: a title stands at its start.
pub const TITLE_BYTES: usize = 120;

/// The first [`TITLE_BYTES`] of `text`, cut at a character's start.
fn head(text: &str) -> &str {
    let mut end = text.len().min(TITLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The titles opening the segments of `line` (module docs), with whether an
/// arrow stood before each: the first title, and after it only titles that
/// an arrow leads to ("Backend Engineer → Tech Lead").
fn segment_titles(r: &Reader<'_>) -> Vec<(Parsed, bool)> {
    let mut out = Vec::new();
    let mut founder = false;
    for (segment, arrow) in segments(r) {
        let Some(start) = first_word(r, &segment) else {
            continue;
        };
        match parse_title(r, start, segment.end) {
            Some(mut parsed) => {
                parsed.founder |= founder;
                founder = false;
                out.push((parsed, arrow));
                // One title a line, or one per arrow.
                let arrow_after = (segment.end..r.atoms.len())
                    .any(|i| r.mark(i).is_some_and(|c| ARROWS.contains(&c)));
                if !arrow_after {
                    break;
                }
            }
            None => {
                founder = r.word(start).is_some_and(|w| listed(FOUNDER_WORDS, w))
                    && segment.end - start == 1;
            }
        }
    }
    out
}

fn title(
    layout: &Layout<'_>,
    index: usize,
    r: &Reader<'_>,
    parsed: &Parsed,
    place: Place,
) -> Title {
    let span = r.span(parsed.atoms.start, parsed.atoms.end);
    let start = layout.lines[index].start;
    Title {
        text: r.line[span.clone()].to_string(),
        line: u32::try_from(index + 1).unwrap_or(u32::MAX),
        span: start + span.start..start + span.end,
        rung: parsed.rung,
        explicit: parsed.explicit,
        field: parsed.field,
        place,
        founder: parsed.founder,
    }
}

#[cfg(test)]
mod tests;
