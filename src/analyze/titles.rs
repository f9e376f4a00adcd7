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
//! # Whose title
//! Only the first [`TITLE_BYTES`] bytes of a line are read.
//!
//! On a resume a title is the person's only where it opens a segment of the
//! headline (the lines before the first section), of a role line of the
//! experience section (a heading, a line that opens a block, or a line with or
//! next to a date range; never a bullet, nor a sentence: more than eight words
//! ending with a full stop), or of the summary's first line. A
//! title inside a sentence about someone else is not the person's: in the
//! summary, a title right after "to", "with", "by", "for", "under", "from",
//! "alongside" or a verb such as "reported", "assisted", "mentored",
//! "managed" (articles and counts skipped: "reported to the Senior Director")
//! is left out, and plural titles ("mentored two junior developers") never
//! count on a resume. References, skills and other sections are not read.
//!
//! The most recent role weighs most: of the experience titles, the one whose
//! date range ends last (an open end is today), the first listed on a tie or
//! when none has dates. On a line with an arrow ("Backend Engineer → Tech
//! Lead") the title after the last arrow is that role's.
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
use super::dates::{DateRange, YearMonth};
use super::outline::{Layout, LineKind, SectionKind};

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
    /// A non-technical word and no technical one: "Restaurant Manager",
    /// "Product Manager".
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

/// Level words before a role noun, lowercase, sorted.
pub const LEVEL_WORDS: &[(&str, Rung)] = &[
    ("apprentice", Rung::Intern),
    ("associate", Rung::Junior),
    ("chief", Rung::Lead),
    ("distinguished", Rung::Staff),
    ("entry", Rung::Junior),
    ("graduate", Rung::Junior),
    ("intermediate", Rung::Mid),
    ("intern", Rung::Intern),
    ("jr", Rung::Junior),
    ("junior", Rung::Junior),
    ("lead", Rung::Lead),
    ("mid", Rung::Mid),
    ("midlevel", Rung::Mid),
    ("principal", Rung::Staff),
    ("senior", Rung::Senior),
    ("sr", Rung::Senior),
    ("staff", Rung::Staff),
    ("trainee", Rung::Intern),
];

/// What a role noun brings to a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// The rung of the noun alone ("engineer": mid, "architect": staff).
    pub rung: Rung,
    /// Level words change the rung of an individual contributor's noun;
    /// a manager's, director's or executive's rung stays.
    pub individual: bool,
    /// The noun alone makes the title technical.
    pub technical: bool,
}

const fn noun(rung: Rung, individual: bool, technical: bool) -> Noun {
    Noun {
        rung,
        individual,
        technical,
    }
}

/// Role nouns, singular, lowercase, sorted (module docs).
pub const ROLE_NOUNS: &[(&str, Noun)] = &[
    ("admin", noun(Rung::Mid, true, false)),
    ("administrator", noun(Rung::Mid, true, false)),
    ("analyst", noun(Rung::Mid, true, false)),
    ("apprentice", noun(Rung::Intern, false, false)),
    ("architect", noun(Rung::Staff, true, true)),
    ("cio", noun(Rung::Executive, false, true)),
    ("ciso", noun(Rung::Executive, false, true)),
    ("consultant", noun(Rung::Mid, true, false)),
    ("cto", noun(Rung::Executive, false, true)),
    ("dba", noun(Rung::Mid, true, true)),
    ("developer", noun(Rung::Mid, true, true)),
    ("director", noun(Rung::Director, false, false)),
    ("engineer", noun(Rung::Mid, true, true)),
    ("evp", noun(Rung::Executive, false, false)),
    ("head", noun(Rung::Director, false, false)),
    ("intern", noun(Rung::Intern, false, false)),
    ("lead", noun(Rung::Lead, false, false)),
    ("manager", noun(Rung::Manager, false, false)),
    ("officer", noun(Rung::Executive, false, false)),
    ("president", noun(Rung::Executive, false, false)),
    ("programmer", noun(Rung::Mid, true, true)),
    ("scientist", noun(Rung::Mid, true, false)),
    ("specialist", noun(Rung::Mid, true, false)),
    ("sre", noun(Rung::Mid, true, true)),
    ("svp", noun(Rung::Executive, false, false)),
    ("swe", noun(Rung::Mid, true, true)),
    ("trainee", noun(Rung::Intern, false, false)),
    ("vp", noun(Rung::Executive, false, false)),
];

/// Words that make a title technical, lowercase, sorted.
pub const TECHNICAL_WORDS: &[&str] = &[
    "api",
    "apis",
    "application",
    "applications",
    "back-end",
    "backend",
    "cloud",
    "computer",
    "data",
    "database",
    "development",
    "devops",
    "embedded",
    "engineering",
    "firmware",
    "front-end",
    "frontend",
    "full-stack",
    "fullstack",
    "infrastructure",
    "integration",
    "integrations",
    "it",
    "ml",
    "mobile",
    "network",
    "platform",
    "programming",
    "qa",
    "reliability",
    "security",
    "server",
    "software",
    "solutions",
    "stack",
    "systems",
    "tech",
    "technical",
    "technology",
    "web",
];

/// Words that make a title non-technical when no technical word is there,
/// lowercase, sorted.
pub const NON_TECHNICAL_WORDS: &[&str] = &[
    "account",
    "accounting",
    "brand",
    "business",
    "communications",
    "content",
    "customer",
    "finance",
    "financial",
    "general",
    "hr",
    "kitchen",
    "marketing",
    "office",
    "operations",
    "product",
    "program",
    "project",
    "restaurant",
    "retail",
    "sales",
    "shift",
    "store",
];

/// Words that end a title: function words and company words, lowercase,
/// sorted.
pub const TITLE_BREAKERS: &[&str] = &[
    "a",
    "about",
    "across",
    "an",
    "as",
    "at",
    "bank",
    "by",
    "co",
    "company",
    "corp",
    "corporation",
    "for",
    "from",
    "gmbh",
    "group",
    "holdings",
    "in",
    "inc",
    "into",
    "is",
    "llc",
    "llp",
    "ltd",
    "my",
    "of",
    "on",
    "or",
    "our",
    "partners",
    "plc",
    "the",
    "their",
    "to",
    "under",
    "was",
    "we",
    "who",
    "with",
    "within",
    "your",
];

/// Words right before a title that make it someone else's (module docs),
/// lowercase, sorted.
pub const OTHER_PERSON_CUES: &[&str] = &[
    "alongside",
    "assisted",
    "beside",
    "by",
    "coached",
    "for",
    "from",
    "helped",
    "hired",
    "managed",
    "mentored",
    "mentoring",
    "reported",
    "reporting",
    "supervised",
    "supported",
    "to",
    "trained",
    "under",
    "with",
];

/// Words passed over when looking for a cue before a title, lowercase,
/// sorted: "reported to *the* Senior Director".
const SKIPPED_BEFORE: &[&str] = &[
    "a", "an", "her", "his", "my", "other", "our", "several", "the", "their", "three", "two",
];

/// Founder words, lowercase, sorted.
const FOUNDER_WORDS: &[&str] = &["co-founder", "cofounder", "founder"];

/// Marks that cut a line into segments.
const SEGMENT_MARKS: &[char] = &[
    '—', '–', '|', '·', '•', ',', ';', ':', '(', ')', '[', ']', '@', '→', '>', '«', '»',
];

/// Marks that point from an earlier title to a later one.
const ARROWS: &[char] = &['→', '>'];

/// Words that, after level words in a posting, make them its level.
const POSTING_ROLE_WORDS: &[&str] = &["opening", "position", "role"];

/// Words after which a posting names its own role, each with the word that
/// follows it ("hiring a").
const POSTING_CUES: &[&str] = &["as", "hiring", "seeking"];

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
    for word in words {
        technical |=
            listed(TECHNICAL_WORDS, word) || role_noun(word).is_some_and(|(n, _)| n.technical);
        non_technical |= listed(NON_TECHNICAL_WORDS, word);
    }
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

/// The person's titles on a resume: the headline's, the experience section's
/// role lines' and the summary's first line's (module docs), in document
/// order. The headline ends early at the first dated line or bullet.
/// `ranges` are the resume's date ranges ([`super::dates::date_ranges`]).
pub fn resume_titles(layout: &Layout<'_>, ranges: &[DateRange], today: YearMonth) -> Vec<Title> {
    let mut titles = Vec::new();
    let headline = layout.headline();
    let first_range = ranges
        .first()
        .map_or(usize::MAX, |r| (r.line as usize).saturating_sub(1));
    let first_bullet = layout
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Bullet)
        .unwrap_or(usize::MAX);
    let headline = headline.start..headline.end.min(first_range).min(first_bullet);
    for index in headline.clone() {
        let line = &layout.lines[index];
        if line.kind == LineKind::Blank {
            continue;
        }
        let r = Reader::new(head(line.text));
        for (parsed, _) in segment_titles(&r) {
            if !parsed.plural {
                titles.push(title(layout, index, &r, &parsed, Place::Headline));
            }
        }
    }
    titles.extend(role_titles(layout, ranges, today, headline.end));
    if let Some(index) = (0..layout.lines.len()).find(|&i| {
        let line = &layout.lines[i];
        line.section_kind == Some(SectionKind::Summary)
            && matches!(line.kind, LineKind::Text | LineKind::Bullet)
    }) {
        titles.extend(summary_title(layout, index));
    }
    titles.sort_by_key(|t| (t.line, t.span.start));
    titles
}

/// True when `text` reads as a sentence, not a role line: more than eight
/// words and a full stop at the end.
fn is_sentence(text: &str) -> bool {
    text.trim_end().ends_with('.') && text.split_whitespace().nth(8).is_some()
}

/// The titles of the role lines, the most recent role's marked.
fn role_titles(
    layout: &Layout<'_>,
    ranges: &[DateRange],
    today: YearMonth,
    after_headline: usize,
) -> Vec<Title> {
    let has_experience = layout.has_section(SectionKind::Experience);
    let in_experience = |index: usize| match layout.lines[index].section_kind {
        Some(SectionKind::Experience) => true,
        None | Some(SectionKind::Other) => !has_experience && index >= after_headline,
        _ => false,
    };
    // Per line, its first range.
    let mut by_line: Vec<Option<&DateRange>> = vec![None; layout.lines.len()];
    for range in ranges.iter().rev() {
        if let Some(slot) = by_line.get_mut((range.line as usize).saturating_sub(1)) {
            *slot = Some(range);
        }
    }
    let range_at = |index: usize| by_line.get(index).copied().flatten();
    let lines = &layout.lines;
    let mut roles: Vec<(Title, Option<YearMonth>)> = Vec::new();
    let mut earlier = Vec::new();
    for index in 0..lines.len() {
        if !in_experience(index) {
            continue;
        }
        let kind = lines[index].kind;
        let before = index.checked_sub(1).map(|i| lines[i].kind);
        let dated = |i: Option<usize>| i.and_then(range_at).is_some();
        let role_line = match kind {
            LineKind::Heading => true,
            LineKind::Text if is_sentence(lines[index].text) => false,
            LineKind::Text => {
                matches!(
                    before,
                    None | Some(LineKind::Blank | LineKind::Heading | LineKind::Rule)
                ) || dated(Some(index))
                    || (dated(index.checked_sub(1)) && before != Some(LineKind::Bullet))
                    || dated(Some(index + 1))
            }
            _ => false,
        };
        if !role_line {
            continue;
        }
        let r = Reader::new(head(lines[index].text));
        let found: Vec<(Parsed, bool)> = segment_titles(&r)
            .into_iter()
            .filter(|(p, _)| !p.plural)
            .collect();
        if found.is_empty() {
            continue;
        }
        // The role's title: after the last arrow, else the first.
        let main = found.iter().rposition(|(_, arrow)| *arrow).unwrap_or(0);
        let near = [0isize, 1, -1, 2, -2].iter().find_map(|&d| {
            let i = index.checked_add_signed(d)?;
            (i < lines.len() && lines[i].section_kind == lines[index].section_kind)
                .then(|| range_at(i))
                .flatten()
        });
        for (n, (parsed, _)) in found.iter().enumerate() {
            let t = title(layout, index, &r, parsed, Place::EarlierRole);
            if n == main {
                roles.push((t, near.map(|range| range.last_month(today))));
            } else {
                earlier.push(t);
            }
        }
    }
    // The most recent: the latest end; the first listed on a tie.
    let mut recent: Option<usize> = None;
    for (n, (_, end)) in roles.iter().enumerate() {
        if recent.is_none_or(|best| *end > roles[best].1) {
            recent = Some(n);
        }
    }
    let mut titles: Vec<Title> = roles
        .into_iter()
        .enumerate()
        .map(|(n, (mut t, _))| {
            if Some(n) == recent {
                t.place = Place::RecentRole;
            }
            t
        })
        .collect();
    titles.extend(earlier);
    titles.sort_by_key(|t| (t.line, t.span.start));
    titles
}

/// The person's title in the summary's first line, if it is theirs.
fn summary_title(layout: &Layout<'_>, index: usize) -> Option<Title> {
    let r = Reader::new(head(layout.lines[index].text));
    let stop = (0..r.atoms.len())
        .find(|&i| matches!(r.mark(i), Some('.' | '!' | '?')) && !r.touch(i, i + 1))
        .unwrap_or(r.atoms.len());
    let mut i = 0;
    while i < stop {
        if r.word(i).is_none() {
            i += 1;
            continue;
        }
        if let Some(parsed) = parse_title(&r, i, stop) {
            if !parsed.plural && !someone_else(&r, parsed.atoms.start) {
                return Some(title(layout, index, &r, &parsed, Place::Summary));
            }
            i = parsed.atoms.end;
            continue;
        }
        i += 1;
    }
    None
}

/// True when the words before atom `at` make a title someone else's.
fn someone_else(r: &Reader<'_>, at: usize) -> bool {
    let mut i = at;
    while let Some(prev) = i.checked_sub(1) {
        match r.word(prev) {
            Some(w) if listed(SKIPPED_BEFORE, w) => i = prev,
            Some(w) => return listed(OTHER_PERSON_CUES, w),
            None => return false,
        }
    }
    false
}

/// A posting's titles: its own title first, then the titles and level words
/// of its body (module docs).
pub fn posting_titles(layout: &Layout<'_>) -> Vec<Title> {
    let mut titles = Vec::new();
    let lines = &layout.lines;
    let labelled = (0..lines.len()).find_map(|i| {
        let t = lines[i].text.trim_start_matches(['#', '*', '_', ' ', '\t']);
        let lower = t.get(..t.find(':')?)?.trim().to_ascii_lowercase();
        let label = matches!(
            lower.trim_end_matches(['*', '_']),
            "title" | "position" | "role" | "job title"
        );
        label.then_some(i)
    });
    let first = (0..lines.len()).find(|&i| lines[i].kind != LineKind::Blank);
    let heading = layout
        .masthead()
        .find(|&i| lines[i].kind == LineKind::Heading);
    for index in [labelled, first, heading].into_iter().flatten() {
        if let Some(t) = posting_title_at(layout, index) {
            titles.push(t);
            break;
        }
    }
    let own = titles.first().map(|t| t.line);
    for (index, line) in lines.iter().enumerate() {
        if Some(u32::try_from(index + 1).unwrap_or(u32::MAX)) == own {
            continue;
        }
        titles.extend(body_titles(layout, index, line.text));
    }
    titles
}

/// The title of a posting's title line, with its level from a segment that
/// is only level words.
fn posting_title_at(layout: &Layout<'_>, index: usize) -> Option<Title> {
    let r = Reader::new(layout.lines[index].text);
    let (parsed, _) = segment_titles(&r).into_iter().next()?;
    let mut t = title(layout, index, &r, &parsed, Place::PostingTitle);
    if !t.explicit {
        let level = segments(&r).into_iter().find_map(|(segment, _)| {
            let words: Vec<&str> = segment.clone().filter_map(|i| r.word(i)).collect();
            let rungs: Vec<Rung> = words
                .iter()
                .map(|w| level_word(w).or((*w == "level").then_some(Rung::Mid)))
                .collect::<Option<_>>()?;
            rungs
                .into_iter()
                .zip(&words)
                .filter(|(_, w)| **w != "level")
                .map(|(rung, _)| rung)
                .max()
        });
        if let Some(rung) = level {
            t.rung = rung;
            t.explicit = true;
        }
    }
    Some(t)
}

/// Titles a posting's body names as its own role (module docs).
fn body_titles(layout: &Layout<'_>, index: usize, text: &str) -> Vec<Title> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let cues = [
        "hiring",
        "seeking",
        "looking for",
        " as ",
        "role",
        "position",
        "opening",
    ];
    if !cues.iter().any(|cue| lower.contains(cue)) {
        return out;
    }
    let r = Reader::new(text);
    for i in 0..r.atoms.len() {
        let Some(word) = r.word(i) else { continue };
        // "hiring a", "seeking an", "looking for a", "as a/an/our".
        let cue = (listed(POSTING_CUES, word)
            || (word == "for" && i > 0 && r.word(i - 1) == Some("looking")))
            && matches!(r.word(i + 1), Some("a" | "an" | "our"));
        if cue {
            // Up to two describing words before the title: "an experienced".
            for skip in 0..3 {
                let at = i + 2 + skip;
                if r.word(at).is_none_or(|w| listed(TITLE_BREAKERS, w)) {
                    break;
                }
                if let Some(parsed) = parse_title(&r, at, r.atoms.len()) {
                    out.push(title(layout, index, &r, &parsed, Place::PostingBody));
                    break;
                }
            }
        }
        // "a senior-level role", "this mid-level position".
        if let Some(rung) = level_word(word) {
            let mut j = i + 1;
            if r.word(j) == Some("level") {
                j += 1;
            }
            if r.word(j).is_some_and(|w| listed(POSTING_ROLE_WORDS, w)) {
                let parsed = Parsed {
                    atoms: i..j + 1,
                    rung,
                    explicit: true,
                    field: Field::General,
                    plural: false,
                    founder: false,
                };
                out.push(title(layout, index, &r, &parsed, Place::PostingBody));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
