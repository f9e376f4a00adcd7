//! Parsing and validating keyword-set TOML, and assembling the sets for a run.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use toml::Spanned;

use super::{KeywordSet, MatchBy, SetKind, SetOrigin, Term, builtin};
use crate::error::{position, toml_error};
use crate::files::read_small_text;

/// The largest keyword file read: 8 MiB (the built-in sets take 40 KB).
pub const MAX_KEYWORD_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The largest weight a term may have. Weights are summed per set, so a
/// bound keeps every sum (and score) finite.
pub const MAX_TERM_WEIGHT: f64 = 1000.0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSet {
    id: Spanned<String>,
    name: String,
    kind: SetKind,
    description: String,
    #[serde(default)]
    match_by: MatchBy,
    #[serde(default)]
    technology_categories: Vec<String>,
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTerm {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    weight: Option<f64>,
    case_sensitive: Option<bool>,
    section: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    everyday: Vec<String>,
    #[serde(default)]
    instances: Vec<String>,
    #[serde(default)]
    instance_categories: Vec<String>,
}

/// Parses one keyword set from TOML text; `origin` names it in errors.
///
/// Errors carry `file:line:column: reason`.
pub fn parse_set(text: &str, origin: SetOrigin) -> Result<KeywordSet> {
    let at = |offset: usize| format!("{origin}:{}", position(text, offset));
    let raw: RawSet = toml::from_str(text).map_err(|err| toml_error(&origin, text, &err))?;

    let id = raw.id.get_ref().trim().to_string();
    let valid_id = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        bail!(
            "{}: set id {:?} must be non-empty and use only a-z, 0-9 and -",
            at(raw.id.span().start),
            raw.id.get_ref()
        );
    }
    if raw.term.is_empty() {
        bail!("{}: set `{id}` has no terms (add [[term]] tables)", at(0));
    }

    let mut names = BTreeSet::new();
    let mut terms = Vec::with_capacity(raw.term.len());
    for spanned in raw.term {
        // A position costs a pass over the text before it: only for errors.
        let start = spanned.span().start;
        let here = || at(start);
        let raw_term = spanned.into_inner();
        let name = raw_term.name.trim().to_string();
        if name.is_empty() {
            bail!("{}: a term of set `{id}` has an empty name", here());
        }
        if !names.insert(name.to_lowercase()) {
            bail!("{}: set `{id}` has the term {name:?} twice", here());
        }
        if raw_term.aliases.iter().any(|alias| alias.trim().is_empty()) {
            bail!("{}: term {name:?} has an empty alias", here());
        }
        if raw_term
            .exclude
            .iter()
            .any(|phrase| phrase.trim().is_empty())
        {
            bail!("{}: term {name:?} has an empty exclude phrase", here());
        }
        if raw_term
            .everyday
            .iter()
            .chain(&raw_term.instances)
            .chain(&raw_term.instance_categories)
            .any(|entry| entry.trim().is_empty())
        {
            bail!(
                "{}: term {name:?} has an empty everyday form or instance",
                here()
            );
        }
        let aliases = trimmed(raw_term.aliases);
        let everyday = trimmed(raw_term.everyday);
        if let Some(stray) = everyday
            .iter()
            .find(|form| **form != name && !aliases.contains(form))
        {
            bail!(
                "{}: term {name:?}: everyday form {stray:?} is neither its name nor an alias",
                here()
            );
        }
        let weight = raw_term.weight.unwrap_or(1.0);
        if !(weight > 0.0 && weight <= MAX_TERM_WEIGHT) {
            let shown = if weight.abs() >= 1e9 {
                format!("{weight:e}")
            } else {
                weight.to_string()
            };
            bail!(
                "{}: term {name:?} has weight {shown}; it must be a number above 0 and at most {MAX_TERM_WEIGHT}",
                here()
            );
        }
        terms.push(Term {
            name,
            aliases,
            weight,
            case_sensitive: raw_term.case_sensitive,
            section: raw_term.section,
            exclude: trimmed(raw_term.exclude),
            everyday,
            instances: trimmed(raw_term.instances),
            instance_categories: trimmed(raw_term.instance_categories),
        });
    }

    Ok(KeywordSet {
        id,
        name: raw.name.trim().to_string(),
        kind: raw.kind,
        description: raw.description.trim().to_string(),
        terms,
        match_by: raw.match_by,
        technology_categories: trimmed(raw.technology_categories),
        origin,
    })
}

fn trimmed(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|s| s.trim().to_string()).collect()
}

/// Loads the sets in a file, or in every `*.toml` file of a folder (sorted by
/// name). Each file must be a regular file of at most
/// [`MAX_KEYWORD_FILE_BYTES`].
pub fn load_file(path: &Path) -> Result<Vec<KeywordSet>> {
    load_from(path, None)
}

/// [`load_file`]; with `confine`, the path of a configuration file, every
/// file read and folder listed must lie (links resolved) inside that file's
/// folder.
fn load_from(path: &Path, confine: Option<&Path>) -> Result<Vec<KeywordSet>> {
    let inside = |path: &Path| confine.map_or(Ok(()), |config| check_inside(path, config));
    inside(path)?;
    let metadata = fs::metadata(path)
        .with_context(|| format!("{}: cannot read keyword set", path.display()))?;
    let files: Vec<PathBuf> = if metadata.is_dir() {
        let mut files = Vec::new();
        let entries = fs::read_dir(path)
            .with_context(|| format!("{}: cannot list keyword folder", path.display()))?;
        for entry in entries {
            let entry_path = entry
                .with_context(|| format!("{}: cannot list keyword folder", path.display()))?
                .path();
            if entry_path.extension().is_some_and(|ext| ext == "toml") && entry_path.is_file() {
                files.push(entry_path);
            }
        }
        files.sort();
        if files.is_empty() {
            bail!("{}: no .toml keyword files in this folder", path.display());
        }
        files
    } else {
        vec![path.to_path_buf()]
    };

    files
        .into_iter()
        .map(|file| {
            inside(&file)?;
            let text = read_small_text(&file, MAX_KEYWORD_FILE_BYTES, "keyword set")?;
            parse_set(&text, SetOrigin::File(file))
        })
        .collect()
}

/// Fails unless `path`, links resolved, lies inside the folder of the
/// configuration file `config` (see "Untrusted input" in the README).
fn check_inside(path: &Path, config: &Path) -> Result<()> {
    let folder = match config.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let real_folder = fs::canonicalize(folder)
        .with_context(|| format!("{}: cannot resolve its folder", config.display()))?;
    let real = fs::canonicalize(path)
        .with_context(|| format!("{}: cannot read keyword set", path.display()))?;
    if !real.starts_with(&real_folder) {
        bail!(
            "{}: {} names a keyword path outside its folder {} (it leads to {}); \
             pass --trust-config to let a configuration file do that",
            path.display(),
            config.display(),
            real_folder.display(),
            real.display()
        );
    }
    Ok(())
}

/// Which keyword sets a run uses.
#[derive(Debug, Clone, Default)]
pub struct SetSources {
    /// Files or folders of user sets, in the order given.
    pub paths: Vec<PathBuf>,
    /// Leave out the built-in sets.
    pub no_builtin: bool,
    /// The configuration file that named `paths`, when they must stay
    /// inside its folder (an untrusted `rolefit.toml`); `None` for paths
    /// given on the command line or a trusted file.
    pub confine: Option<PathBuf>,
}

/// Loads the built-in sets (unless left out) and the user's.
///
/// A user set whose id is a built-in's replaces it in place; two user sets with
/// one id are an error. Built-ins come first in their own order, then new user
/// sets in load order.
pub fn load_sets(sources: &SetSources) -> Result<Vec<KeywordSet>> {
    let mut sets = if sources.no_builtin {
        Vec::new()
    } else {
        builtin::sets()?
    };
    let builtin_count = sets.len();
    let mut user_ids: Vec<(String, SetOrigin)> = Vec::new();
    for path in &sources.paths {
        for set in load_from(path, sources.confine.as_deref())? {
            if let Some((_, first)) = user_ids.iter().find(|(id, _)| *id == set.id) {
                bail!(
                    "{}: set id `{}` is already used by {first}",
                    set.origin,
                    set.id
                );
            }
            user_ids.push((set.id.clone(), set.origin.clone()));
            match sets[..builtin_count].iter().position(|s| s.id == set.id) {
                Some(index) => sets[index] = set,
                None => sets.push(set),
            }
        }
    }
    if sets.is_empty() {
        bail!("no keyword sets: --no-builtin needs at least one --keywords PATH");
    }
    Ok(sets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<KeywordSet> {
        parse_set(text, SetOrigin::File(PathBuf::from("user.toml")))
    }

    const HEADER: &str = "id = \"x\"\nname = \"X\"\nkind = \"skills\"\ndescription = \"d\"\n";

    #[test]
    fn parses_a_complete_set() {
        let set = parse(&format!(
            "{HEADER}[[term]]\nname = \"AWS\"\naliases = [\"Amazon Web Services\"]\nweight = 2\ncase-sensitive = false\nsection = \"Cloud\"\nexclude = [\"aws x\"]\n"
        ))
        .unwrap();
        assert_eq!(set.id, "x");
        assert_eq!(set.kind, SetKind::Skills);
        let term = &set.terms[0];
        assert_eq!(term.name, "AWS");
        assert_eq!(term.aliases, ["Amazon Web Services"]);
        assert_eq!(term.weight, 2.0);
        assert_eq!(term.case_sensitive, Some(false));
        assert_eq!(term.section.as_deref(), Some("Cloud"));
        assert_eq!(term.exclude, ["aws x"]);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            ("id = \"x\"\nname = \n", "user.toml:2:"),
            (
                &format!("{HEADER}[[term]]\nname = \"a\"\ncolour = 1\n") as &str,
                "user.toml:7:1: unknown field `colour`",
            ),
            (HEADER, "user.toml:1:1: set `x` has no terms"),
            (
                &format!("{HEADER}[[term]]\nname = \" \"\n"),
                "user.toml:5:1: a term of set `x` has an empty name",
            ),
            (
                &format!("{HEADER}[[term]]\nname = \"a\"\n[[term]]\nname = \"A\"\n"),
                "user.toml:7:1: set `x` has the term \"A\" twice",
            ),
            (
                &format!("{HEADER}[[term]]\nname = \"a\"\nweight = 0\n"),
                "weight 0; it must be a number above 0",
            ),
            (
                "id = \"X Y\"\nname = \"X\"\nkind = \"core\"\ndescription = \"d\"\n[[term]]\nname = \"a\"\n",
                "user.toml:1:6: set id \"X Y\" must be",
            ),
            (
                "id = \"x\"\nname = \"X\"\nkind = \"hobby\"\ndescription = \"d\"\n[[term]]\nname = \"a\"\n",
                "user.toml:3:8: unknown variant `hobby`",
            ),
        ];
        for (text, expected) in cases {
            let message = format!("{:#}", parse(text).unwrap_err());
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
    }
}
