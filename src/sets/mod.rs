//! Keyword sets: what rolefit looks for.
//!
//! A [`KeywordSet`] is loaded from a TOML file (format in `docs/keyword-sets.md`)
//! and validated here, before any analysis: a set must have an id, terms, and
//! terms must have names. The built-in sets live in the top-level `keywords/`
//! folder and are compiled into the binary ([`builtin`]).

pub mod builtin;
mod load;
mod vocabulary;

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use load::{
    MAX_KEYWORD_FILE_BYTES, MAX_TERM_WEIGHT, SetSources, load_file, load_sets, parse_set,
};
pub use vocabulary::{
    Category, TECHNOLOGY_SET_ID, Technology, Vocabulary, parse_category, spelling_key,
};

/// What a set describes, which decides how it takes part in the verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetKind {
    /// Responsibilities every backend developer has.
    Core,
    /// The day-to-day work of one experience level.
    Level,
    /// One kind of backend developer.
    Specialization,
    /// A free list of technologies: scored, but no part of level or specialization.
    Skills,
}

impl SetKind {
    /// The kebab-case name used in files, flags and output.
    pub fn as_str(self) -> &'static str {
        match self {
            SetKind::Core => "core",
            SetKind::Level => "level",
            SetKind::Specialization => "specialization",
            SetKind::Skills => "skills",
        }
    }
}

impl fmt::Display for SetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a set's words are compared with a document's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchBy {
    /// By stem: "indexes", "indexed" and "indexing" are one word (concepts).
    #[default]
    Stem,
    /// By spelling, any case, with a plural `s`: names ("Fastly" is not
    /// "fast"), as the technology vocabulary matches.
    Spelling,
}

/// Where a set was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetOrigin {
    /// Compiled into the binary.
    Builtin,
    /// A user's file.
    File(PathBuf),
}

impl fmt::Display for SetOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetOrigin::Builtin => f.write_str("built-in"),
            SetOrigin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A named list of terms to look for in a document.
#[derive(Debug, Clone)]
pub struct KeywordSet {
    /// Unique id, e.g. `cloud`.
    pub id: String,
    /// Display name, e.g. "Cloud computing developer".
    pub name: String,
    /// What the set describes.
    pub kind: SetKind,
    /// One line saying what the set covers.
    pub description: String,
    /// The terms, in file order.
    pub terms: Vec<Term>,
    /// How its words match (`match-by`).
    pub match_by: MatchBy,
    /// Vocabulary categories whose technologies speak for this set (the
    /// cloud categories for `cloud`): the best specialization among close
    /// ones is the one whose technologies a document names most.
    pub technology_categories: Vec<String>,
    /// Where the set came from.
    pub origin: SetOrigin,
}

/// One thing to look for, with the other ways it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Canonical name, as shown in reports.
    pub name: String,
    /// Other spellings, acronyms and phrases that count as this term.
    pub aliases: Vec<String>,
    /// How much the term counts towards the set's score (> 0).
    pub weight: f64,
    /// Forces case-sensitive (or -insensitive) matching of every form;
    /// `None` applies the acronym rule (see `docs/keyword-sets.md`).
    pub case_sensitive: Option<bool>,
    /// The section of the source text the term was taken from.
    pub section: Option<String>,
    /// Phrases containing the term in another sense; matches inside them do not count.
    pub exclude: Vec<String>,
    /// Forms that are also everyday words ("Go", "Spring"): matched only as
    /// written (case-sensitively) and only where the context is technical.
    pub everyday: Vec<String>,
    /// Canonical names of vocabulary technologies that show this concept in
    /// practice (Terraform for infrastructure as code): a document naming one
    /// has the term through an *instance*.
    pub instances: Vec<String>,
    /// Vocabulary categories whose every technology is an instance (the
    /// services of a cloud provider for *cloud services*).
    pub instance_categories: Vec<String>,
}

impl Term {
    /// A term with this name and weight 1, and nothing else.
    pub fn named(name: impl Into<String>) -> Self {
        Term {
            name: name.into(),
            aliases: Vec::new(),
            weight: 1.0,
            case_sensitive: None,
            section: None,
            exclude: Vec::new(),
            everyday: Vec::new(),
            instances: Vec::new(),
            instance_categories: Vec::new(),
        }
    }

    /// The canonical name followed by the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
