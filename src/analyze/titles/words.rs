//! The word lists of titles: data, each sorted, unique and lowercase (a
//! test checks them), read by [`super`]'s rules.

use super::Rung;

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

/// Words that qualify a lead's or a manager's title without naming a trade
/// ("Team Lead"), lowercase, sorted.
pub const GENERAL_WORDS: &[&str] = &["and", "department", "division", "team", "unit", "vice"];

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
pub(super) const SKIPPED_BEFORE: &[&str] = &[
    "a", "an", "her", "his", "my", "other", "our", "several", "the", "their", "three", "two",
];

/// Founder words, lowercase, sorted.
pub(super) const FOUNDER_WORDS: &[&str] = &["co-founder", "cofounder", "founder"];

/// Marks that cut a line into segments.
pub(super) const SEGMENT_MARKS: &[char] = &[
    '—', '–', '|', '·', '•', ',', ';', ':', '(', ')', '[', ']', '@', '→', '>', '«', '»',
];

/// Marks that point from an earlier title to a later one.
pub(super) const ARROWS: &[char] = &['→', '>'];

/// Words that, after level words in a posting, make them its level.
pub(super) const POSTING_ROLE_WORDS: &[&str] = &["opening", "position", "role"];

/// Words after which a posting names its own role, each with the word that
/// follows it ("hiring a").
pub(super) const POSTING_CUES: &[&str] = &["as", "hiring", "seeking"];
