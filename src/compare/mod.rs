//! `rolefit compare`: one resume against one job posting, with the gap spelled
//! out.
//!
//! The posting is read once ([`PreparedPosting::prepare`]):
//! 1. its text is checked ([`check_text`]): empty or garbled text is refused;
//! 2. the *posting terms* are every term of the keyword sets that the posting
//!    contains, plus the posting's own technical terms that no set knows
//!    (capitalised and symbol names, repeated phrases; see `discover.rs`),
//!    leaving out what only stands in the masthead, headings, boilerplate
//!    sections (pay, perks, hiring process) or equal-opportunity statements;
//! 3. each term is classed **required** or **preferred** from the posting's
//!    wording (see `cues.rs`): a term is required if any of its occurrences is
//!    in a required clause or section, else preferred if any is in a preferred
//!    one. A term the posting does not mark is preferred when the posting has a
//!    requirements section (it said elsewhere what it requires), and required
//!    when it has none (the whole posting is its list of requirements).
//!
//! Then each resume ([`PreparedPosting::compare`]) is checked the same way,
//! matched with the same [`Matcher`], and every posting term is looked up:
//! - **found**: the resume uses its name or a declared alias, or a longer word
//!   that begins with one (APIs for API), as a literal search would find it;
//! - **stem-only**: the resume has it only through stemming ("indexed" for
//!   "indexing"); it counts, unless [`CompareOptions::strict`], which mirrors an
//!   ATS that searches literally;
//! - **ambiguous**: every occurrence of a short, ambiguous name (see
//!   [`AMBIGUOUS_TERMS`]) stands on a line without technical context and was
//!   set aside (see `guard.rs`);
//! - **missing**.
//!
//! The **match rate** is the weight of the counted terms over the weight of
//! all posting terms, from 0 to 100, one decimal: a required term weighs
//! [`REQUIRED_WEIGHT`], a preferred one [`PREFERRED_WEIGHT`].
//!
//! A [`PreparedPosting`] is `Send + Sync` and each comparison is one matcher
//! pass over the resume plus a walk of its lines, so a batch prepares the
//! posting once and compares every resume against it, on any thread.

mod cues;
mod discover;
mod guard;
mod posting;
mod quality;
mod terms;
mod words;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::Serialize;

use self::discover::discover;
use self::guard::ResumeView;
use self::posting::{PostingView, locate};
pub use self::quality::{MIN_WORDS, TextProblem, TextStats, check_text};
use self::terms::{
    TermLocations, compile, line_number, literal_key, merge_spans, posting_term, without_ignored,
};
pub use self::words::AMBIGUOUS_TERMS;
use crate::matching::{MatchKind, Matcher, Scratch};
use crate::score::{inline_ignores, percent};
use crate::sets::KeywordSet;

/// The sets with what refers to the technology vocabulary left out: their
/// terms' instances and their technology categories.
fn without_instances(mut sets: Vec<KeywordSet>) -> Vec<KeywordSet> {
    for set in &mut sets {
        set.technology_categories.clear();
        for term in &mut set.terms {
            term.instances.clear();
            term.instance_categories.clear();
        }
    }
    sets
}

/// What a missing required term costs, relative to a preferred one.
pub const REQUIRED_WEIGHT: f64 = 3.0;
/// What a missing preferred term costs.
pub const PREFERRED_WEIGHT: f64 = 1.0;
/// The id of the set that holds the posting's own terms.
pub const POSTING_SET_ID: &str = "posting";

/// Whether the posting requires a term or would only like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermClass {
    /// In a requirements section, or in a clause with "must", "required",
    /// "N+ years", …
    Required,
    /// In a nice-to-have section, or in a clause with "a plus", "bonus",
    /// "preferred", …
    Preferred,
}

impl TermClass {
    /// The weight of a term of this class in the match rate.
    pub fn weight(self) -> f64 {
        match self {
            TermClass::Required => REQUIRED_WEIGHT,
            TermClass::Preferred => PREFERRED_WEIGHT,
        }
    }

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            TermClass::Required => "required",
            TermClass::Preferred => "preferred",
        }
    }
}

/// How a comparison is made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareOptions {
    /// Count only exact forms and declared aliases, not stems.
    pub strict: bool,
    /// Term names to leave out (compared case-insensitively); the posting's
    /// own `rolefit: ignore` lines are added.
    pub ignore: Vec<String>,
}

/// A term the posting asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingTerm {
    /// The term's canonical name (for the posting's own terms, as written).
    pub term: String,
    /// The id of the first set that has the term; `None` for the posting's
    /// own terms.
    pub set: Option<String>,
    /// Required or preferred.
    pub class: TermClass,
    /// How often the posting uses it (where it asks for something).
    pub count: u32,
    /// The posting lines where it stands, ascending.
    pub lines: Vec<u32>,
    /// The line that decided its class.
    pub line: u32,
    /// The sentence there (or the line, when the term spans lines oddly),
    /// without its bullet, spaces collapsed.
    pub context: String,
    #[serde(skip)]
    ids: Vec<usize>,
    #[serde(skip)]
    literal_keys: Vec<String>,
    #[serde(skip)]
    ambiguous: bool,
}

/// A posting read and ready to compare resumes against.
pub struct PreparedPosting {
    matcher: Matcher,
    terms: Vec<PostingTerm>,
    /// Per term id: a technical name (a capital or a symbol, not ambiguous).
    technical: Vec<bool>,
    strict: bool,
    posting_words: usize,
}

/// What became of a posting term in the resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermStatus {
    /// The name, an alias, or a word beginning with one.
    Found,
    /// Only through stemming: a literal search would miss it.
    StemOnly,
    /// Only where the context does not support the technical sense.
    Ambiguous,
    /// Not in the resume.
    Missing,
}

impl TermStatus {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Found => "found",
            TermStatus::StemOnly => "stem-only",
            TermStatus::Ambiguous => "ambiguous",
            TermStatus::Missing => "missing",
        }
    }
}

/// One posting term, as the resume has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedTerm {
    /// The term's canonical name.
    pub term: String,
    /// The id of the first set that has it; `None` for the posting's own terms.
    pub set: Option<String>,
    /// Required or preferred.
    pub class: TermClass,
    /// Its weight in the match rate.
    pub weight: f64,
    /// How often the posting uses it.
    pub posting_count: u32,
    /// The posting lines where it stands.
    pub posting_lines: Vec<u32>,
    /// What became of it in the resume.
    pub status: TermStatus,
    /// Whether it counts towards the match rate.
    pub counted: bool,
    /// The strongest way the resume matched it, before the ambiguity guard.
    #[serde(rename = "match")]
    pub how: Option<MatchKind>,
    /// The resume lines where it counts.
    pub resume_lines: Vec<u32>,
    /// The forms the resume uses, as written, sorted.
    pub resume_forms: Vec<String>,
    /// Resume lines where it stands without technical context (ambiguous names).
    pub set_aside_lines: Vec<u32>,
}

/// A posting term the resume lacks (or has only in a way that does not count).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingTerm {
    /// The term's canonical name.
    pub term: String,
    /// Required or preferred.
    pub class: TermClass,
    /// Its weight in the match rate.
    pub weight: f64,
    /// `missing`, `stem-only` (with `strict`) or `ambiguous`.
    pub reason: TermStatus,
    /// The posting line it came from.
    pub posting_line: u32,
    /// The sentence it stands in there.
    pub posting_text: String,
}

/// Found and total terms of one class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// Terms that count.
    pub found: usize,
    /// All terms.
    pub total: usize,
}

/// One resume against one posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareResult {
    /// Counted only exact forms and aliases.
    pub strict: bool,
    /// Weight of the counted terms over the weight of all terms, 0 to 100.
    pub match_rate: f64,
    /// Weight of the counted terms.
    pub matched_weight: f64,
    /// Weight of all posting terms.
    pub total_weight: f64,
    /// Required terms.
    pub required: Tally,
    /// Preferred terms.
    pub preferred: Tally,
    /// Words in the posting.
    pub posting_words: usize,
    /// Words in the resume.
    pub resume_words: usize,
    /// Every posting term: required first, then by use in the posting, then name.
    pub terms: Vec<ComparedTerm>,
    /// The terms that do not count, in the same order.
    pub missing: Vec<MissingTerm>,
}

impl PreparedPosting {
    /// Reads a posting: checks its text, finds and classes its terms, and
    /// compiles the matcher for the resumes. Fails on empty or garbled text (a
    /// [`TextProblem`]) or on sets that do not compile.
    pub fn prepare(
        posting_text: &str,
        sets: Vec<KeywordSet>,
        options: CompareOptions,
    ) -> Result<Self> {
        check_text(posting_text)?;
        let mut ignore = options.ignore;
        ignore.extend(inline_ignores(posting_text));
        // A comparison counts what the posting and the resume literally say:
        // no concept is credited through an instance here.
        let sets = without_instances(without_ignored(sets, &ignore));
        let view = PostingView::new(posting_text);

        let base = Matcher::new(sets.clone())?;
        let base_hits = base.find(posting_text);
        let mut set_spans = Vec::new();
        for hits in base_hits.terms.iter().filter(|h| h.count > 0) {
            set_spans.extend(locate(&view.layout, &hits.forms, &hits.lines));
        }
        let set_spans = merge_spans(set_spans);
        let known = |name: &str| {
            base.find(name).terms.iter().any(|hits| {
                hits.forms
                    .iter()
                    .any(|form| form.eq_ignore_ascii_case(name.trim()))
            })
        };
        let candidates = discover(&view, &set_spans, &ignore, known);
        let matcher = compile(sets, &candidates)?;

        let hits = matcher.find(posting_text);
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        let mut technical = Vec::new();
        for (set_index, set) in matcher.sets().iter().enumerate() {
            for (term, id) in set.terms.iter().zip(matcher.term_ids(set_index)) {
                technical.push(is_technical_name(&term.name));
                if hits.terms[id].count == 0 {
                    continue;
                }
                let key = term.name.to_lowercase();
                let group = *by_name.entry(key).or_insert_with(|| {
                    groups.push((term.name.clone(), Vec::new()));
                    groups.len() - 1
                });
                groups[group].1.push(id);
            }
        }
        let locations = TermLocations::new(&matcher);
        let mut terms: Vec<PostingTerm> = groups
            .into_iter()
            .filter_map(|(name, ids)| {
                posting_term(&view, &matcher, &locations, &hits.terms, name, ids)
            })
            .collect();
        terms.sort_by(|a, b| {
            (a.class, Reverse(a.count), a.term.to_lowercase()).cmp(&(
                b.class,
                Reverse(b.count),
                b.term.to_lowercase(),
            ))
        });
        Ok(PreparedPosting {
            matcher,
            terms,
            technical,
            strict: options.strict,
            posting_words: base_hits.words,
        })
    }

    /// The terms the posting asks for, in report order.
    pub fn terms(&self) -> &[PostingTerm] {
        &self.terms
    }

    /// The matcher the posting compiled (the sets and the posting's own terms).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Compares a resume with the posting. Fails on empty or garbled text.
    pub fn compare(&self, resume_text: &str) -> Result<CompareResult, TextProblem> {
        self.compare_with(resume_text, &mut Scratch::default())
    }

    /// Like [`PreparedPosting::compare`], reusing `scratch` across resumes.
    pub fn compare_with(
        &self,
        resume_text: &str,
        scratch: &mut Scratch,
    ) -> Result<CompareResult, TextProblem> {
        check_text(resume_text)?;
        let hits = self.matcher.find_with(resume_text, scratch);
        let view = ResumeView::new(resume_text);
        let mut line_terms = vec![Vec::new(); view.layout.lines.len()];
        for (id, term_hits) in hits.terms.iter().enumerate() {
            if term_hits.count == 0 || !self.technical[id] {
                continue;
            }
            for &line in &term_hits.lines {
                if let Some(index) = view.layout.index_of(line) {
                    line_terms[index].push(id);
                }
            }
        }

        let mut terms = Vec::with_capacity(self.terms.len());
        for term in &self.terms {
            let mut how = None;
            let mut lines = BTreeSet::new();
            let mut forms = BTreeSet::new();
            for &id in &term.ids {
                let term_hits = &hits.terms[id];
                if term_hits.count == 0 {
                    continue;
                }
                how = how.max(term_hits.how);
                lines.extend(term_hits.lines.iter().copied());
                forms.extend(term_hits.forms.iter().cloned());
            }
            // Everyday words the matcher's guard set aside ("Go" opening a
            // sentence) are reported as such.
            let mut set_aside: Vec<u32> = hits
                .set_aside
                .iter()
                .filter(|aside| term.ids.contains(&aside.term) && !lines.contains(&aside.line))
                .map(|aside| aside.line)
                .collect();
            set_aside.sort_unstable();
            set_aside.dedup();
            if term.ambiguous && forms.iter().all(|form| is_bare_word(form, &term.term)) {
                let forms: Vec<String> = forms.iter().cloned().collect();
                let all: Vec<u32> = lines.iter().copied().collect();
                let named: BTreeSet<u32> = locate(&view.layout, &forms, &all)
                    .into_iter()
                    .filter(|at| view.named_mid_sentence(&term.term, at.clone()))
                    .map(|at| line_number(view.layout.line_at(at.start)))
                    .collect();
                let (kept, aside): (BTreeSet<u32>, BTreeSet<u32>) =
                    lines.iter().partition(|&&line| {
                        named.contains(&line) || view.supports(line, &term.ids, &line_terms)
                    });
                lines = kept;
                set_aside.extend(aside);
                set_aside.sort_unstable();
                set_aside.dedup();
            }
            let literal = matches!(how, Some(MatchKind::Exact | MatchKind::Alias))
                || forms.iter().any(|form| {
                    let key = literal_key(form);
                    term.literal_keys
                        .iter()
                        .any(|k| key.starts_with(k.as_str()))
                });
            let status = if lines.is_empty() {
                if set_aside.is_empty() {
                    TermStatus::Missing
                } else {
                    TermStatus::Ambiguous
                }
            } else if literal {
                TermStatus::Found
            } else {
                TermStatus::StemOnly
            };
            let counted =
                status == TermStatus::Found || (status == TermStatus::StemOnly && !self.strict);
            terms.push(ComparedTerm {
                term: term.term.clone(),
                set: term.set.clone(),
                class: term.class,
                weight: term.class.weight(),
                posting_count: term.count,
                posting_lines: term.lines.clone(),
                status,
                counted,
                how,
                resume_lines: lines.into_iter().collect(),
                resume_forms: forms.into_iter().collect(),
                set_aside_lines: set_aside,
            });
        }
        Ok(self.result(terms, hits.words))
    }

    fn result(&self, terms: Vec<ComparedTerm>, resume_words: usize) -> CompareResult {
        let mut required = Tally::default();
        let mut preferred = Tally::default();
        let (mut matched_weight, mut total_weight) = (0.0, 0.0);
        for term in &terms {
            let tally = match term.class {
                TermClass::Required => &mut required,
                TermClass::Preferred => &mut preferred,
            };
            tally.total += 1;
            total_weight += term.weight;
            if term.counted {
                tally.found += 1;
                matched_weight += term.weight;
            }
        }
        let missing = self
            .terms
            .iter()
            .zip(&terms)
            .filter(|(_, compared)| !compared.counted)
            .map(|(term, compared)| MissingTerm {
                term: term.term.clone(),
                class: term.class,
                weight: compared.weight,
                reason: compared.status,
                posting_line: term.line,
                posting_text: term.context.clone(),
            })
            .collect();
        CompareResult {
            strict: self.strict,
            match_rate: percent(matched_weight, total_weight),
            matched_weight,
            total_weight,
            required,
            preferred,
            posting_words: self.posting_words,
            resume_words,
            terms,
            missing,
        }
    }
}

/// A name with a capital letter or a symbol, not an ambiguous one: a
/// product, language or acronym whose presence on a line makes it technical.
fn is_technical_name(name: &str) -> bool {
    (name.chars().any(char::is_uppercase) || name.contains(['+', '#', '/', '.']))
        && !words::is_ambiguous(name)
}

/// A resume form that is the ambiguous word itself (or its plural).
fn is_bare_word(form: &str, name: &str) -> bool {
    form.eq_ignore_ascii_case(name)
        || form
            .strip_suffix(['s', 'S'])
            .is_some_and(|stem| stem.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn prepared_postings_cross_threads() {
        assert_send_sync::<PreparedPosting>();
        assert_send_sync::<CompareResult>();
    }

    #[test]
    fn bare_words_are_the_name_or_its_plural() {
        assert!(is_bare_word("Gos", "Go") && is_bare_word("go", "Go"));
        assert!(!is_bare_word("Golang", "Go"));
    }
}
