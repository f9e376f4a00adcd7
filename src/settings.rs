//! Resolved settings: what a run does, with flags already parsed and checked,
//! and the `rolefit.toml` configuration file.
//!
//! The command line (`cli`) builds these; the engine sees nothing of clap.
//! Precedence, highest first: command-line flags, then the configuration file
//! (`--config PATH`, or the first `rolefit.toml` found in the current folder or
//! its parents), then the defaults. A flag replaces the file's value for the
//! same key; `--min-score` replaces the file's thresholds for the same target.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, bail};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::checks::{Checks, ScoreTarget, Threshold};
use crate::error::toml_error;
use crate::extract::ExtractOptions;
use crate::files::read_small_text;
use crate::level::LevelOptions;
use crate::matching::Matcher;
use crate::report::{Format, RenderOptions};
use crate::sets::{KeywordSet, SetKind, SetOrigin, SetSources, Term, builtin, load_sets};

/// The configuration file's name, looked for in the current folder and its parents.
pub const CONFIG_FILE_NAME: &str = "rolefit.toml";

/// The largest configuration file read: 1 MiB.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The id of the set that holds required terms no other set knows.
pub const REQUIRED_SET_ID: &str = "required";

/// Which of the loaded sets to use: all, or those named by id or kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetSelection {
    /// Set ids to keep (empty: no filter by id).
    pub ids: Vec<String>,
    /// Set kinds to keep (empty: no filter by kind).
    pub kinds: Vec<SetKind>,
}

impl SetSelection {
    /// Keeps the selected sets, in their order. An unknown id is an error that
    /// lists the known ones; a selection that keeps nothing is an error too.
    pub fn apply(&self, sets: Vec<KeywordSet>) -> Result<Vec<KeywordSet>> {
        for id in &self.ids {
            if !sets.iter().any(|set| &set.id == id) {
                let known: Vec<&str> = sets.iter().map(|set| set.id.as_str()).collect();
                bail!("unknown set `{id}` (known: {})", known.join(", "));
            }
        }
        let kept: Vec<KeywordSet> = sets
            .into_iter()
            .filter(|set| self.ids.is_empty() || self.ids.contains(&set.id))
            .filter(|set| self.kinds.is_empty() || self.kinds.contains(&set.kind))
            .collect();
        if kept.is_empty() {
            bail!("no set matches the --set and --kind filters");
        }
        Ok(kept)
    }
}

/// Where the sets come from and which are used.
#[derive(Debug, Clone, Default)]
pub struct SetSettings {
    /// Built-in and user sets.
    pub sources: SetSources,
    /// The filter.
    pub selection: SetSelection,
    /// Term names left out of every set and report (compared case-insensitively).
    pub ignore: Vec<String>,
}

impl SetSettings {
    /// Loads, filters and compiles the sets. Terms in `required` that no set
    /// knows are looked for too, in an extra `skills` set with id
    /// [`REQUIRED_SET_ID`], so a check can require any term.
    pub fn matcher(&self, required: &[String]) -> Result<Matcher> {
        let mut sets = self.selection.apply(load_sets(&self.sources)?)?;
        let unknown: Vec<&String> = required
            .iter()
            .filter(|name| {
                !sets
                    .iter()
                    .flat_map(|set| &set.terms)
                    .any(|term| term.name.eq_ignore_ascii_case(name))
            })
            .collect();
        if !unknown.is_empty() {
            sets.push(KeywordSet {
                id: REQUIRED_SET_ID.to_string(),
                name: "Required terms".to_string(),
                kind: SetKind::Skills,
                description: "Terms required by checks that no other set has".to_string(),
                terms: unknown
                    .into_iter()
                    .map(|name| Term::named(name.clone()))
                    .collect(),
                technology_categories: Vec::new(),
                match_by: Default::default(),
                origin: SetOrigin::Builtin,
            });
        }
        Matcher::with_vocabulary(sets, builtin::vocabulary()?)
    }
}

/// Everything `rolefit score` needs.
#[derive(Debug, Clone)]
pub struct ScoreSettings {
    /// The documents: paths, `-` for standard input.
    pub inputs: Vec<PathBuf>,
    /// The sets.
    pub sets: SetSettings,
    /// The checks per document.
    pub checks: CheckPlan,
    /// How documents are read.
    pub extract: ExtractOptions,
    /// Output format.
    pub format: Format,
    /// Rendering options.
    pub render: RenderOptions,
    /// Print only failures.
    pub quiet: bool,
    /// Count only names and aliases.
    pub strict: bool,
    /// How the documents' levels are read.
    pub level: LevelOptions,
}

/// The `rolefit.toml` file as written. Keys are kebab-case; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Keyword files or folders, relative to the configuration file.
    #[serde(default)]
    pub keywords: Vec<PathBuf>,
    /// Leave out the built-in sets.
    pub no_builtin: Option<bool>,
    /// Set ids to use.
    pub sets: Option<Vec<String>>,
    /// Set kinds to use.
    pub kinds: Option<Vec<SetKind>>,
    /// Terms to leave out everywhere.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Minimum scores for every document: set id (or `best-specialization`, `fit`) → minimum.
    #[serde(default)]
    pub min_score: BTreeMap<String, f64>,
    /// Terms every document must contain.
    #[serde(default)]
    pub require: Vec<String>,
    /// Checks for the documents whose path matches a pattern.
    #[serde(default, rename = "check")]
    pub checks: Vec<PathRule>,
}

/// Checks for the documents whose path matches one of `paths`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PathRule {
    /// Glob patterns relative to the configuration file's folder
    /// (`*` stays within a folder, `**` crosses folders).
    pub paths: Vec<String>,
    /// Minimum scores.
    #[serde(default)]
    pub min_score: BTreeMap<String, f64>,
    /// Required terms.
    #[serde(default)]
    pub require: Vec<String>,
}

/// A loaded configuration file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file.
    pub path: PathBuf,
    /// Its contents.
    pub file: ConfigFile,
}

impl Config {
    /// The folder relative paths in the file are resolved against.
    pub fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }
}

/// The first `rolefit.toml` in `start` or its parents.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and checks a configuration file; errors carry `file:line:column`.
/// It must be a regular file of at most [`MAX_CONFIG_BYTES`].
pub fn load_config(path: &Path) -> Result<Config> {
    let text = read_small_text(path, MAX_CONFIG_BYTES, "configuration file")?;
    parse_config(&text, path)
}

/// Parses and checks the text of the configuration file at `path` (which
/// names it in errors and gives the folder its relative paths start from).
pub fn parse_config(text: &str, path: &Path) -> Result<Config> {
    let file: ConfigFile =
        toml::from_str(text).map_err(|err| toml_error(&path.display(), text, &err))?;
    let thresholds = file
        .min_score
        .iter()
        .chain(file.checks.iter().flat_map(|rule| &rule.min_score));
    for (target, min) in thresholds {
        check_threshold(target, *min).with_context(|| format!("{}: min-score", path.display()))?;
    }
    for rule in &file.checks {
        if rule.paths.is_empty() {
            bail!("{}: a [[check]] has no paths", path.display());
        }
    }
    Ok(Config {
        path: path.to_path_buf(),
        file,
    })
}

fn check_threshold(target: &str, min: f64) -> Result<()> {
    if !(0.0..=100.0).contains(&min) {
        bail!("`{target} = {min}`: a minimum score is from 0 to 100");
    }
    Ok(())
}

/// Parses `SET=N` from `--min-score`.
pub fn parse_threshold(text: &str) -> Result<Threshold> {
    let Some((target, min)) = text.split_once('=') else {
        bail!("--min-score {text:?}: expected SET=N, for example senior=60");
    };
    let target = target.trim();
    let min: f64 = min
        .trim()
        .parse()
        .with_context(|| format!("--min-score {text:?}: {min:?} is not a number"))?;
    check_threshold(target, min)?;
    Ok(Threshold {
        target: ScoreTarget::parse(target),
        min,
    })
}

fn thresholds(map: &BTreeMap<String, f64>) -> Checks {
    Checks {
        thresholds: map
            .iter()
            .map(|(target, min)| Threshold {
                target: ScoreTarget::parse(target),
                min: *min,
            })
            .collect(),
        required: vec![],
    }
}

/// Which checks apply to which document.
#[derive(Debug, Clone, Default)]
pub struct CheckPlan {
    everywhere: Checks,
    rules: Vec<(GlobSet, Checks)>,
    rules_folder: PathBuf,
    overrides: Checks,
}

impl CheckPlan {
    /// Checks from the configuration file (if any) and the command line.
    pub fn new(config: Option<&Config>, overrides: Checks) -> Result<Self> {
        let mut plan = CheckPlan {
            overrides,
            ..CheckPlan::default()
        };
        let Some(config) = config else {
            return Ok(plan);
        };
        plan.rules_folder = absolute(&config.folder());
        plan.everywhere = thresholds(&config.file.min_score);
        for term in &config.file.require {
            plan.everywhere.require(term);
        }
        for rule in &config.file.checks {
            let mut globs = GlobSetBuilder::new();
            for pattern in &rule.paths {
                let glob = globset::GlobBuilder::new(pattern)
                    .literal_separator(true)
                    .build()
                    .or_else(|_| Glob::new(pattern))
                    .with_context(|| {
                        format!("{}: bad path pattern {pattern:?}", config.path.display())
                    })?;
                globs.add(glob);
            }
            let mut checks = thresholds(&rule.min_score);
            for term in &rule.require {
                checks.require(term);
            }
            let globs = globs
                .build()
                .with_context(|| format!("{}: bad path patterns", config.path.display()))?;
            plan.rules.push((globs, checks));
        }
        Ok(plan)
    }

    /// The checks for the document at `path` (as given on the command line).
    pub fn for_path(&self, path: &str) -> Checks {
        let mut checks = self.everywhere.clone();
        if path != "-" && !self.rules.is_empty() {
            let full = absolute(Path::new(path));
            if let Ok(relative) = full.strip_prefix(&self.rules_folder) {
                for (globs, rule_checks) in &self.rules {
                    if globs.is_match(relative) {
                        checks.merge(rule_checks);
                    }
                }
            }
        }
        checks.merge(&self.overrides);
        checks
    }

    /// Every term any check requires, each once.
    pub fn required_terms(&self) -> Vec<String> {
        let mut all = self.everywhere.clone();
        for (_, checks) in &self.rules {
            all.merge(checks);
        }
        all.merge(&self.overrides);
        all.required
    }

    /// True when no document has anything to check.
    pub fn is_empty(&self) -> bool {
        self.everywhere.is_empty()
            && self.overrides.is_empty()
            && self.rules.iter().all(|(_, checks)| checks.is_empty())
    }

    /// Fails when a threshold names a set that is not in use.
    pub fn validate(&self, sets: &[KeywordSet]) -> Result<()> {
        let all = std::iter::once(&self.everywhere)
            .chain(self.rules.iter().map(|(_, checks)| checks))
            .chain(std::iter::once(&self.overrides));
        for checks in all {
            for threshold in &checks.thresholds {
                if let ScoreTarget::Set(id) = &threshold.target
                    && !sets.iter().any(|set| &set.id == id)
                {
                    let known: Vec<&str> = sets.iter().map(|set| set.id.as_str()).collect();
                    bail!(
                        "min-score names set `{id}`, which is not in use (in use: {}; or best-specialization, fit)",
                        known.join(", ")
                    );
                }
            }
        }
        Ok(())
    }
}

/// `path` made absolute against the current folder and cleaned of `.` and `..`,
/// without touching the file system beyond reading the current folder.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn config(text: &str) -> Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        fs::write(&path, text).unwrap();
        load_config(&path)
    }

    #[test]
    fn config_errors_carry_position() {
        let err = config("sets = [\"a\"]\ncolour = true\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("rolefit.toml:2:1: unknown field `colour`"),
            "{err:#}"
        );
        let err = config("[min-score]\nsenior = 160\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("a minimum score is from 0 to 100"),
            "{err:#}"
        );
    }

    #[test]
    fn rules_apply_by_pattern_and_flags_override() {
        let folder = absolute(Path::new("/repo"));
        let file = ConfigFile {
            min_score: BTreeMap::from([("fit".to_string(), 30.0)]),
            checks: vec![PathRule {
                paths: vec!["postings/senior-*.md".into()],
                min_score: BTreeMap::from([("senior".to_string(), 60.0)]),
                require: vec!["CI/CD".into()],
            }],
            ..ConfigFile::default()
        };
        let config = Config {
            path: folder.join(CONFIG_FILE_NAME),
            file,
        };
        let overrides = Checks {
            thresholds: vec![parse_threshold("fit=50").unwrap()],
            required: vec![],
        };
        let plan = CheckPlan::new(Some(&config), overrides).unwrap();
        let senior = plan.for_path("/repo/postings/senior-devops.md");
        assert_eq!(
            senior.thresholds,
            [
                Threshold {
                    target: ScoreTarget::Fit,
                    min: 50.0
                },
                Threshold {
                    target: ScoreTarget::Set("senior".into()),
                    min: 60.0
                },
            ]
        );
        assert_eq!(senior.required, ["CI/CD"]);
        let other = plan.for_path("/repo/postings/archive/senior-x.md");
        assert_eq!(other.thresholds.len(), 1);
        assert!(other.required.is_empty());
        assert_eq!(plan.required_terms(), ["CI/CD"]);
    }

    #[test]
    fn min_score_flag_is_set_equals_number() {
        assert_eq!(
            parse_threshold("best-specialization=40").unwrap(),
            Threshold {
                target: ScoreTarget::BestSpecialization,
                min: 40.0
            }
        );
        assert!(parse_threshold("senior").is_err());
        assert!(parse_threshold("senior=high").is_err());
        assert!(parse_threshold("senior=101").is_err());
    }
}
