//! The technology vocabulary: the named things backend resumes and postings
//! mention (languages, frameworks, databases, cloud services, tools,
//! standards, methods), each with the spellings people use and a category.
//!
//! Technologies are not a keyword set: nothing scores coverage of "every
//! database there is". They are found in the same pass as the sets' terms,
//! shown grouped by category, and they are the *instances* through which a
//! concept term ("infrastructure as code") is shown in practice (Terraform).
//! The built-in vocabulary is `keywords/technologies/*.toml`, one file per
//! category (format in `docs/keyword-sets.md`).
//!
//! Checks made here, before any analysis: each category file is sorted by
//! name; no spelling is claimed by two technologies anywhere in the
//! vocabulary (compared by [`spelling_key`]); every `everyday` form is one of
//! the technology's forms.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use serde::Deserialize;
use toml::Spanned;

use super::{KeywordSet, MatchBy, SetKind, SetOrigin, Term};
use crate::error::{position, toml_error};

/// A group of technologies, one file of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// Unique id, e.g. `databases` (the file's stem for the built-ins).
    pub id: String,
    /// Display name, e.g. "Databases and data stores".
    pub name: String,
    /// One line saying what the category holds.
    pub description: String,
    /// Where the category was loaded from.
    pub origin: SetOrigin,
}

/// One named technology and the ways it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Technology {
    /// Canonical name, as shown in reports ("PostgreSQL").
    pub name: String,
    /// Other spellings people write ("Postgres").
    pub aliases: Vec<String>,
    /// Forms that are also everyday words ("Go", "Spring"): matched only as
    /// written (case-sensitively) and only where the context is technical.
    pub everyday: Vec<String>,
    /// Phrases in which a form means something else ("go live").
    pub exclude: Vec<String>,
    /// Index of its category in [`Vocabulary::categories`].
    pub category: usize,
}

impl Technology {
    /// The canonical name followed by the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Every category and technology, checked as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// The categories, in load order.
    pub categories: Vec<Category>,
    /// The technologies, category by category, each category sorted by name.
    pub technologies: Vec<Technology>,
    /// Spelling key → index into `technologies`, for every form.
    by_spelling: BTreeMap<String, usize>,
}

impl Vocabulary {
    /// Assembles parsed categories into one vocabulary. Fails when two
    /// categories share an id or two technologies claim one spelling.
    pub fn new(parts: Vec<(Category, Vec<Technology>)>) -> Result<Self> {
        let mut vocabulary = Vocabulary::default();
        for (category, technologies) in parts {
            if let Some(first) = vocabulary
                .categories
                .iter()
                .find(|other| other.id == category.id)
            {
                bail!(
                    "{}: category `{}` is already defined by {}",
                    category.origin,
                    category.id,
                    first.origin
                );
            }
            let category_index = vocabulary.categories.len();
            for mut technology in technologies {
                technology.category = category_index;
                let index = vocabulary.technologies.len();
                for form in technology.forms() {
                    let key = spelling_key(form);
                    match vocabulary.by_spelling.get(&key) {
                        Some(&other) if other != index => {
                            let other = &vocabulary.technologies[other];
                            bail!(
                                "{}: technology {:?} spells {form:?} as {:?} of category `{}` does",
                                category.origin,
                                technology.name,
                                other.name,
                                vocabulary.categories[other.category].id
                            );
                        }
                        _ => {
                            vocabulary.by_spelling.insert(key, index);
                        }
                    }
                }
                vocabulary.technologies.push(technology);
            }
            vocabulary.categories.push(category);
        }
        Ok(vocabulary)
    }

    /// The technology one of whose forms is spelled `name` (by
    /// [`spelling_key`]: any case, spaces, hyphens and dots ignored).
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_spelling.get(&spelling_key(name)).copied()
    }

    /// The category of the technology at `index`.
    pub fn category_of(&self, index: usize) -> &Category {
        &self.categories[self.technologies[index].category]
    }

    /// True when it holds no technology.
    pub fn is_empty(&self) -> bool {
        self.technologies.is_empty()
    }

    /// The vocabulary as one `skills` set with the id [`TECHNOLOGY_SET_ID`],
    /// each technology a term of weight 1 with its spellings: for a caller
    /// that looks for technologies as plain terms (`compare` does).
    pub fn to_skills_set(&self) -> KeywordSet {
        KeywordSet {
            id: TECHNOLOGY_SET_ID.to_string(),
            name: "Technologies".to_string(),
            kind: SetKind::Skills,
            description: "The technology vocabulary".to_string(),
            terms: self
                .technologies
                .iter()
                .map(|technology| Term {
                    aliases: technology.aliases.clone(),
                    everyday: technology.everyday.clone(),
                    exclude: technology.exclude.clone(),
                    ..Term::named(technology.name.clone())
                })
                .collect(),
            technology_categories: Vec::new(),
            match_by: MatchBy::Spelling,
            origin: SetOrigin::Builtin,
        }
    }
}

/// The id of the set [`Vocabulary::to_skills_set`] makes.
pub const TECHNOLOGY_SET_ID: &str = "technologies";

/// The key two spellings of a technology are told apart by: lowercase, with
/// spaces, hyphens, dots and underscores dropped ("Node.js" = "NodeJS",
/// "Postgre SQL" = "PostgreSQL"); other symbols stay ("C#" is not "C").
pub fn spelling_key(form: &str) -> String {
    form.chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '.' | '_')))
        .flat_map(char::to_lowercase)
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCategory {
    category: Spanned<String>,
    name: String,
    description: String,
    #[serde(default)]
    technology: Vec<Spanned<RawTechnology>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTechnology {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    everyday: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// Parses one vocabulary file: a category and its technologies. `origin`
/// names it in errors, which carry `file:line:column: reason`.
pub fn parse_category(text: &str, origin: SetOrigin) -> Result<(Category, Vec<Technology>)> {
    // Positions are worked out only for an error: counting lines for every
    // entry would make loading quadratic in the file's length.
    let at = |offset: usize| format!("{origin}:{}", position(text, offset));
    let raw: RawCategory = toml::from_str(text).map_err(|err| toml_error(&origin, text, &err))?;
    let id = raw.category.get_ref().trim().to_string();
    let valid_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        bail!(
            "{}: category id {:?} must be non-empty and use only a-z, 0-9 and -",
            at(raw.category.span().start),
            raw.category.get_ref()
        );
    }
    if raw.technology.is_empty() {
        bail!(
            "{}: category `{id}` has no technologies (add [[technology]] tables)",
            at(0)
        );
    }
    let mut technologies: Vec<Technology> = Vec::with_capacity(raw.technology.len());
    for spanned in raw.technology {
        let start = spanned.span().start;
        let raw_technology = spanned.into_inner();
        let name = raw_technology.name.trim().to_string();
        if name.is_empty() {
            bail!("{}: a technology of `{id}` has an empty name", at(start));
        }
        let aliases = trimmed(raw_technology.aliases);
        let everyday = trimmed(raw_technology.everyday);
        let exclude = trimmed(raw_technology.exclude);
        if let Some(empty) = [("alias", &aliases), ("everyday form", &everyday)]
            .into_iter()
            .chain([("exclude phrase", &exclude)])
            .find(|(_, list)| list.iter().any(String::is_empty))
        {
            bail!(
                "{}: technology {name:?} has an empty {}",
                at(start),
                empty.0
            );
        }
        if let Some(stray) = everyday
            .iter()
            .find(|form| **form != name && !aliases.contains(form))
        {
            bail!(
                "{}: technology {name:?}: everyday form {stray:?} is neither its name nor an alias",
                at(start)
            );
        }
        if let Some(previous) = technologies.last()
            && sort_key(&previous.name) >= sort_key(&name)
        {
            bail!(
                "{}: technology {name:?} must come before {:?} (entries are sorted by name, ignoring case)",
                at(start),
                previous.name
            );
        }
        technologies.push(Technology {
            name,
            aliases,
            everyday,
            exclude,
            category: 0,
        });
    }
    let category = Category {
        id,
        name: raw.name.trim().to_string(),
        description: raw.description.trim().to_string(),
        origin,
    };
    Ok((category, technologies))
}

/// The order of entries in a vocabulary file: by lowercase name.
fn sort_key(name: &str) -> String {
    name.to_lowercase()
}

fn trimmed(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|s| s.trim().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(text: &str) -> Result<(Category, Vec<Technology>)> {
        parse_category(text, SetOrigin::File(PathBuf::from("tech.toml")))
    }

    const HEADER: &str = "category = \"db\"\nname = \"Databases\"\ndescription = \"d\"\n";

    #[test]
    fn parses_a_category() {
        let (category, technologies) = parse(&format!(
            "{HEADER}[[technology]]\nname = \"Go\"\naliases = [\"Golang\"]\neveryday = [\"Go\"]\nexclude = [\"go live\"]\n[[technology]]\nname = \"PostgreSQL\"\naliases = [\"Postgres\"]\n"
        ))
        .unwrap();
        assert_eq!(category.id, "db");
        assert_eq!(technologies.len(), 2);
        assert_eq!(technologies[0].everyday, ["Go"]);
        assert_eq!(technologies[0].exclude, ["go live"]);
        assert_eq!(
            technologies[1].forms().collect::<Vec<_>>(),
            ["PostgreSQL", "Postgres"]
        );
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            (
                format!("{HEADER}[[technology]]\nname = \"B\"\n[[technology]]\nname = \"a\"\n"),
                "tech.toml:6:1: technology \"a\" must come before \"B\"",
            ),
            (
                format!("{HEADER}[[technology]]\nname = \"Go\"\neveryday = [\"go\"]\n"),
                "tech.toml:4:1: technology \"Go\": everyday form \"go\" is neither",
            ),
            (
                format!("{HEADER}[[technology]]\nname = \"A\"\nweight = 2\n"),
                "tech.toml:6:1: unknown field `weight`",
            ),
            (HEADER.to_string(), "tech.toml:1:1: category `db` has no"),
            (
                "category = \"Data Bases\"\nname = \"x\"\ndescription = \"d\"\n".to_string(),
                "tech.toml:1:12: category id \"Data Bases\" must be",
            ),
        ];
        for (text, expected) in cases {
            let message = format!("{:#}", parse(&text).unwrap_err());
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
    }

    #[test]
    fn no_spelling_is_claimed_twice() {
        let first = parse(&format!(
            "{HEADER}[[technology]]\nname = \"Node.js\"\naliases = [\"NodeJS\"]\n"
        ))
        .unwrap();
        let mut second = parse(
            "category = \"rt\"\nname = \"Runtimes\"\ndescription = \"d\"\n[[technology]]\nname = \"Node JS\"\n",
        )
        .unwrap();
        second.0.origin = SetOrigin::File(PathBuf::from("runtimes.toml"));
        let message = format!(
            "{:#}",
            Vocabulary::new(vec![first.clone(), second]).unwrap_err()
        );
        assert_eq!(
            message,
            "runtimes.toml: technology \"Node JS\" spells \"Node JS\" as \"Node.js\" of category `db` does"
        );
        let vocabulary = Vocabulary::new(vec![first]).unwrap();
        assert_eq!(vocabulary.lookup("node.JS"), Some(0));
        assert_eq!(vocabulary.lookup("nodejs"), Some(0));
        assert_eq!(vocabulary.lookup("node"), None);
    }

    #[test]
    fn spelling_keys_drop_spaces_hyphens_and_dots_only() {
        assert_eq!(spelling_key("Postgre SQL"), "postgresql");
        assert_eq!(spelling_key("C#"), "c#");
        assert_eq!(spelling_key(".NET"), "net");
        assert_eq!(spelling_key("CI/CD"), "ci/cd");
    }
}
