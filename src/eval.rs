//! Evaluation against a labelled corpus: how often rolefit's conclusions
//! agree with what a careful human reader wrote down.
//!
//! A corpus is a folder with a `labels/` folder of TOML files, one per
//! document (format in `fixtures/eval/README.md`): the specializations that
//! fit, the level, the technologies the document names, false friends, and
//! for postings the required and preferred terms. [`evaluate`] reads every
//! labelled document the way `rolefit score` does and compares; the
//! [`Evaluation`] holds the per-document outcomes and the figures the README
//! publishes (`cargo run --release --example eval`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use crate::extract::{ExtractOptions, read_document};
use crate::level::LevelOptions;
use crate::matching::{Matcher, Scratch};
use crate::score::{DocumentScore, ScorePlan};
use crate::sets::spelling_key;

/// Marks a labelled name resolved to a set's term rather than a technology.
const TERM_MARK: &str = " (term)";

/// What a labelled document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// A resume.
    Resume,
    /// A job posting.
    Posting,
}

/// The labels of one document, as written by its blind author.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Label {
    /// The document's path, relative to the corpus folder.
    pub document: PathBuf,
    /// Resume or posting.
    pub kind: DocumentKind,
    /// The persona it was written from.
    pub persona: String,
    /// False for the non-backend controls.
    pub backend: bool,
    /// The backend specializations that fit, best first.
    pub specializations: Vec<String>,
    /// entry, mid, senior or lead; absent when no software career applies.
    pub level: Option<String>,
    /// Years of experience (resumes) or the minimum asked (postings).
    pub years: Option<f64>,
    /// The person's or the posting's title.
    pub title: Option<String>,
    /// Every technology the document names.
    pub technologies: Vec<String>,
    /// Postings: the technical terms asked for as required.
    #[serde(default)]
    pub required: Vec<String>,
    /// Postings: the technical terms asked for as preferred.
    #[serde(default)]
    pub preferred: Vec<String>,
    /// Postings: technical names mentioned but not asked for.
    #[serde(default)]
    pub not_asked: Vec<String>,
    /// Words that look like a technology and are not one there.
    #[serde(default)]
    pub false_friend: Vec<FalseFriend>,
}

/// A word that looks like a technology name but is not used as one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FalseFriend {
    /// As written.
    pub text: String,
    /// A few words around it.
    pub context: String,
    /// The technology it could be mistaken for.
    pub not: String,
}

/// Reads every `labels/*.toml` of a corpus, sorted by file name.
pub fn load_labels(corpus: &Path) -> Result<Vec<Label>> {
    let folder = corpus.join("labels");
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .with_context(|| format!("{}: cannot list the labels", folder.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("{}: cannot list the labels", folder.display()))?;
    files.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
    files.sort();
    files
        .iter()
        .map(|file| {
            let text = fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read", file.display()))?;
            toml::from_str(&text).with_context(|| format!("{}: bad labels", file.display()))
        })
        .collect()
}

/// One document's outcome.
#[derive(Debug, Clone)]
pub struct DocumentOutcome {
    /// Its labels.
    pub label: Label,
    /// What `rolefit score` concluded.
    pub score: DocumentScore,
    /// Labelled technologies found (canonical names).
    pub technologies_found: Vec<String>,
    /// Labelled technologies not found, as the label spells them.
    pub technologies_missed: Vec<String>,
    /// Technologies found that the label does not name.
    pub technologies_extra: Vec<String>,
    /// False friends that rolefit counted anyway (`not` names).
    pub false_friend_hits: Vec<String>,
}

impl DocumentOutcome {
    /// The best specialization rolefit named, or "none".
    pub fn predicted_specialization(&self) -> &str {
        self.score.best_specialization.as_deref().unwrap_or("none")
    }

    /// Whether the best specialization is one the label says fits (only for
    /// backend documents with labelled specializations).
    pub fn specialization_right(&self) -> Option<bool> {
        (self.label.backend && !self.label.specializations.is_empty()).then(|| {
            self.score
                .best_specialization
                .as_ref()
                .is_some_and(|best| self.label.specializations.contains(best))
        })
    }

    /// The level rolefit named, or "unknown".
    pub fn predicted_level(&self) -> &str {
        self.score.level.as_deref().unwrap_or("unknown")
    }
}

/// The outcomes over a corpus, with the figures.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Per document, in label-file order.
    pub documents: Vec<DocumentOutcome>,
}

/// A fraction with its parts, for reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    /// The count that was right.
    pub part: usize,
    /// The count there was.
    pub whole: usize,
}

impl Ratio {
    /// As a percentage, 0 when `whole` is 0.
    pub fn percent(self) -> f64 {
        if self.whole == 0 {
            0.0
        } else {
            100.0 * self.part as f64 / self.whole as f64
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1}% ({}/{})", self.percent(), self.part, self.whole)
    }
}

impl Evaluation {
    /// Best specialization right, over the backend documents with labelled
    /// specializations.
    pub fn specialization_accuracy(&self) -> Ratio {
        let judged: Vec<bool> = self
            .documents
            .iter()
            .filter_map(DocumentOutcome::specialization_right)
            .collect();
        Ratio {
            part: judged.iter().filter(|right| **right).count(),
            whole: judged.len(),
        }
    }

    /// Labelled technologies found, over all labelled technologies.
    pub fn technology_recall(&self) -> Ratio {
        Ratio {
            part: self
                .documents
                .iter()
                .map(|d| d.technologies_found.len())
                .sum(),
            whole: self
                .documents
                .iter()
                .map(|d| d.technologies_found.len() + d.technologies_missed.len())
                .sum(),
        }
    }

    /// Technologies found that are labelled, over all technologies found
    /// (the vocabulary's only: concepts of the sets are not counted here).
    pub fn technology_precision(&self) -> Ratio {
        let found: usize = self
            .documents
            .iter()
            .flat_map(|d| &d.technologies_found)
            .filter(|name| !name.ends_with(TERM_MARK))
            .count();
        Ratio {
            part: found,
            whole: found
                + self
                    .documents
                    .iter()
                    .map(|d| d.technologies_extra.len())
                    .sum::<usize>(),
        }
    }

    /// False friends counted as the technology, over all false friends.
    pub fn false_friend_hits(&self) -> Ratio {
        Ratio {
            part: self
                .documents
                .iter()
                .map(|d| d.false_friend_hits.len())
                .sum(),
            whole: self
                .documents
                .iter()
                .map(|d| d.label.false_friend.len())
                .sum(),
        }
    }

    /// Level right, over the documents with a labelled level.
    pub fn level_accuracy(&self) -> Ratio {
        let judged: Vec<&DocumentOutcome> = self
            .documents
            .iter()
            .filter(|d| d.label.level.is_some())
            .collect();
        Ratio {
            part: judged
                .iter()
                .filter(|d| d.label.level.as_deref() == Some(d.predicted_level()))
                .count(),
            whole: judged.len(),
        }
    }

    /// (labelled, predicted) → count, for the specialization confusion table;
    /// the label's first specialization stands for it.
    pub fn specialization_confusion(&self) -> BTreeMap<(String, String), usize> {
        let mut table = BTreeMap::new();
        for document in &self.documents {
            let labelled = if document.label.backend {
                document
                    .label
                    .specializations
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "none".to_string())
            } else {
                "not backend".to_string()
            };
            *table
                .entry((labelled, document.predicted_specialization().to_string()))
                .or_insert(0) += 1;
        }
        table
    }

    /// (labelled, predicted) → count, for the level confusion table.
    pub fn level_confusion(&self) -> BTreeMap<(String, String), usize> {
        let mut table = BTreeMap::new();
        for document in self.documents.iter().filter(|d| d.label.level.is_some()) {
            let labelled = document.label.level.clone().unwrap_or_default();
            *table
                .entry((labelled, document.predicted_level().to_string()))
                .or_insert(0) += 1;
        }
        table
    }
}

/// Scores every labelled document of `corpus` with `matcher` (its sets and
/// vocabulary), its level read as `level` says, and compares with the labels.
pub fn evaluate(corpus: &Path, matcher: &Matcher, level: LevelOptions) -> Result<Evaluation> {
    let labels = load_labels(corpus)?;
    if labels.is_empty() {
        bail!("{}: no labels", corpus.display());
    }
    let plan = ScorePlan::new(matcher, &[], false);
    let mut scratch = Scratch::default();
    let mut documents = Vec::with_capacity(labels.len());
    for label in labels {
        let path = corpus.join(&label.document);
        let document = read_document(&path, &ExtractOptions::default())
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let matches = matcher.find_with(&document.text, &mut scratch);
        let signals = level.signals(&document.text);
        let score = plan.score(
            &label.document.to_string_lossy(),
            matcher,
            &matches,
            &signals,
        );
        documents.push(compare(label, score, matcher));
    }
    Ok(Evaluation { documents })
}

/// Compares one document's score with its labels. A labelled technology is
/// found when the technology of the vocabulary it names was found, or, for a
/// named concept the vocabulary does not hold ("NoSQL", "infrastructure as
/// code"), when a set's term of that name or alias matched literally.
fn compare(label: Label, score: DocumentScore, matcher: &Matcher) -> DocumentOutcome {
    let vocabulary = matcher.vocabulary();
    let canonical = |name: &str| {
        vocabulary
            .lookup(name)
            .map(|index| vocabulary.technologies[index].name.clone())
    };
    // Spelling key of every form of every set term → the term's name.
    let mut term_forms: BTreeMap<String, &str> = BTreeMap::new();
    for set in matcher.sets() {
        for term in &set.terms {
            for form in term.forms() {
                term_forms.entry(spelling_key(form)).or_insert(&term.name);
            }
        }
    }
    let literal_terms: BTreeSet<&str> = score
        .sets
        .iter()
        .flat_map(|set| &set.matched)
        .filter(|term| term.how != crate::matching::MatchKind::Instance)
        .map(|term| term.term.as_str())
        .collect();
    let found: BTreeSet<String> = score.technologies.iter().map(|t| t.name.clone()).collect();
    let mut labelled = BTreeSet::new();
    let mut technologies_found = Vec::new();
    let mut technologies_missed = Vec::new();
    for name in &label.technologies {
        let resolved = canonical(name).or_else(|| {
            term_forms
                .get(&spelling_key(name))
                .map(|term| format!("{term}{TERM_MARK}"))
        });
        match resolved {
            Some(resolved) if !labelled.insert(resolved.clone()) => {}
            Some(resolved)
                if found.contains(&resolved)
                    || resolved
                        .strip_suffix(TERM_MARK)
                        .is_some_and(|term| literal_terms.contains(term)) =>
            {
                technologies_found.push(resolved)
            }
            _ => technologies_missed.push(name.clone()),
        }
    }
    let technologies_extra = found
        .iter()
        .filter(|name| !labelled.contains(*name))
        .cloned()
        .collect();
    let false_friend_hits = label
        .false_friend
        .iter()
        .filter(|friend| {
            let technology = canonical(&friend.not).is_some_and(|name| found.contains(&name));
            let key = spelling_key(&friend.not);
            let term = score
                .sets
                .iter()
                .flat_map(|set| &set.matched)
                .any(|term| spelling_key(&term.term) == key && term.how.is_literal());
            technology || term
        })
        .map(|friend| friend.not.clone())
        .collect();
    DocumentOutcome {
        label,
        score,
        technologies_found,
        technologies_missed,
        technologies_extra,
        false_friend_hits,
    }
}
