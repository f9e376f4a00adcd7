//! Finding where each term of the keyword sets stands in a document.
//!
//! [`Matcher::new`] compiles the sets once: every form (name, alias, exclude
//! phrase) is analyzed by the same [`Analyzer`] as documents and becomes either
//! - a *phrase* of units, where a unit is a word's stem (case-insensitive
//!   forms), its folded spelling (a word with capitals inside, such as RESTful or
//!   NoSQL, whose stem would be a false friend: "restful" stems to "rest"), or
//!   its exact spelling (case-sensitive forms); plural `s` is allowed for the
//!   last two, or
//! - a *symbol literal* (a form with a character other than letters, digits,
//!   spaces, hyphens and apostrophes: C++, .NET, CI/CD), found by an
//!   Aho-Corasick automaton on the raw text.
//!
//! Identical forms of different terms share one pattern, so a form is looked for
//! once however many sets name it. [`Matcher::find`] then runs in one pass:
//! symbol literals first, then every word is folded, stemmed (through a
//! per-[`Scratch`] cache, so each distinct word is stemmed once) and checked
//! against the phrases that end in its unit. Crediting the occurrences to
//! terms comes last ([`Matcher::select_credits`]): there a *name* (a symbol
//! literal, or a technology of the vocabulary) swallows the other terms'
//! occurrences inside it, so "C" never counts inside "C++" nor *web
//! services* inside "Amazon Web Services".

use std::cmp::Reverse;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind as AcMatchKind};
use anyhow::{Result, bail};
use rustc_hash::FxHashMap;
use serde::Serialize;

mod guard;

pub use guard::SET_ASIDE_REASON;

use crate::analyze::{Analyzer, Word, Words, fold_case, for_each_word};
use crate::sets::{KeywordSet, MatchBy, SetKind, Vocabulary};

/// The most words a phrase form may have.
pub const MAX_PHRASE_WORDS: usize = 8;

/// Symbol-bearing names that are always names, even when no set looks for
/// them, so a term "C" or "NET" cannot match inside them.
pub const PROTECTED_SYMBOLS: &[&str] = &[
    "C++", "C#", "F#", ".NET", "ASP.NET", "Node.js", "Vue.js", "Next.js", "CI/CD", "TCP/IP",
    "UI/UX", "I/O",
];

const NO_UNIT: u32 = u32::MAX;
/// The fewest characters a two-word technology name joined into one word
/// ("ArgoCD") must have to be matched that way.
const MIN_JOINED_NAME: usize = 5;
/// The fewest characters a technology's word in `s` must have for its
/// singular to match too.
const MIN_SINGULAR_WORD: usize = 6;
/// Units a word can have: by stem, by folded spelling, by exact spelling.
const UNITS_PER_WORD: usize = 3;
const WORD_CACHE_LIMIT: usize = 100_000;

/// How an occurrence matched its term, from strongest to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// Only through an instance: a technology that shows the concept in
    /// practice (Terraform for infrastructure as code); no literal form.
    Instance,
    /// Only through stemming or inflection ("indexed" for "indexing").
    Stem,
    /// As one of the term's declared aliases.
    Alias,
    /// As the term's canonical name (up to case, spaces and hyphens).
    Exact,
}

impl MatchKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Alias => "alias",
            MatchKind::Stem => "stem",
            MatchKind::Instance => "instance",
        }
    }

    /// Whether a literal search for the term's forms finds it: an exact form
    /// or an alias, not a stem or an instance (what `--strict` counts).
    pub fn is_literal(self) -> bool {
        matches!(self, MatchKind::Exact | MatchKind::Alias)
    }
}

/// What one document holds of one term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermHits {
    /// Occurrences counted (overlapping ones count once).
    pub count: u32,
    /// Lines where it stands, ascending, without repeats.
    pub lines: Vec<u32>,
    /// The strongest way any occurrence matched.
    pub how: Option<MatchKind>,
    /// The forms as written in the document (spaces collapsed), sorted.
    pub forms: Vec<String>,
    /// For a term matched through instances: the technologies (indices into
    /// [`Matcher::vocabulary`]) the document names, ascending (kept with or
    /// without evidence).
    pub via: Vec<usize>,
}

/// The hits of every term of every set, for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentMatches {
    /// Indexed like [`Matcher::term_ids`]: the terms of all sets, in order,
    /// then the vocabulary's technologies ([`Matcher::technology_ids`]).
    pub terms: Vec<TermHits>,
    /// The indices into `terms` of the terms found (a count above 0),
    /// ascending: a document has a few dozen of the matcher's thousand and
    /// more, and whoever needs only those reads only those.
    pub found: Vec<usize>,
    /// Words in the document.
    pub words: usize,
    /// Occurrences of everyday forms that the ambiguity guard did not count,
    /// in text order.
    pub set_aside: Vec<SetAside>,
}

/// An occurrence of an everyday form ("Go") that did not count, because
/// nothing around it speaks for its technical sense (see [`guard`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The term's index in [`DocumentMatches::terms`].
    pub term: usize,
    /// The 1-based line.
    pub line: u32,
    /// The form as written.
    pub form: String,
}

/// Whether [`Matcher::find_inner`] records lines and forms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Keep,
    Skip,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Form,
    Exclusion,
}

#[derive(Clone, Copy)]
struct Owner {
    term: u32,
    role: Role,
    /// The form is an everyday word ("Go"): its occurrences count only where
    /// the context is technical.
    everyday: bool,
}

/// What kind of name a pattern is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name {
    /// Not a name: a concept's phrase, or a word.
    No,
    /// A form of a technology of the vocabulary ("Amazon Web Services").
    Technology,
    /// A symbol literal ("C++", "CI/CD").
    Symbol,
}

struct TermInfo {
    /// Index of the term's set; the vocabulary's technologies all have
    /// `sets.len()`.
    set: usize,
    /// A term of a core, level or specialization set: a concept, which a
    /// technology's name swallows.
    concept: bool,
    /// It speaks for a technical context on its line (the guard's rule 4): a
    /// technology, or a term whose name has a capital or a symbol.
    technical: bool,
    /// The canonical name, for messages.
    name: String,
    name_key: String,
    alias_keys: Vec<String>,
}

struct Phrase {
    units: Box<[u32]>,
    pattern: u32,
}

struct Symbol {
    literal: String,
    case_sensitive: bool,
    /// Its pattern; a protected symbol no term has owns a pattern of no term.
    pattern: u32,
}

/// The compiled keyword sets, ready to match documents; share it across threads.
pub struct Matcher {
    analyzer: Analyzer,
    sets: Vec<KeywordSet>,
    /// Where each set's terms start among the term ids, then where the
    /// technologies start, then the number of term ids.
    set_offsets: Vec<usize>,
    vocabulary: Vocabulary,
    /// Per set term id: the term ids of its instances.
    instances: Vec<Box<[u32]>>,
    /// Per technology (vocabulary index): the set terms it is an instance of,
    /// ascending.
    instance_terms: Vec<Box<[u32]>>,
    /// Per set: the term ids of the technologies of its
    /// `technology-categories`, ascending.
    set_technologies: Vec<Box<[u32]>>,
    /// Per pattern: whether it is a name, whose occurrences swallow other
    /// terms' occurrences inside them (see [`Matcher::select_credits`]).
    names: Vec<Name>,
    terms: Vec<TermInfo>,
    patterns: Vec<Vec<Owner>>,
    stem_units: FxHashMap<Box<str>, u32>,
    folded_units: FxHashMap<Box<str>, u32>,
    exact_units: FxHashMap<Box<str>, u32>,
    exact_need_uppercase: bool,
    phrases: Vec<Phrase>,
    /// Per unit: the phrases that end in it, each with its next-to-last unit
    /// ([`NO_UNIT`] for a one-word phrase), so a phrase whose next-to-last
    /// unit the word before does not have is passed over without a look.
    phrases_by_last_unit: Vec<Vec<(u32, u32)>>,
    symbols: Vec<Symbol>,
    symbol_finder: AhoCorasick,
    symbol_scan: SymbolScan,
}

/// Reusable per-thread memory for [`Matcher::find_with`]: the word→units cache
/// and buffers. Reusing it across documents is what makes batches fast. Use
/// it with one matcher only: the cache holds that matcher's units.
#[derive(Default)]
pub struct Scratch {
    /// A word as written → its units. The units are a function of the spelling
    /// alone, so a word seen before costs one hash lookup: no folding, stemming
    /// or capital scan.
    word_units: WordCache,
    folded: String,
    occurrences: Vec<Occurrence>,
    exclusions: Vec<(u32, Range<usize>)>,
    last_end: Vec<usize>,
    credits: Vec<Credit>,
    /// The terms found in the document being credited.
    touched: Vec<u32>,
    /// A bit per term: written in a form that is not an everyday word.
    plainly_written: Vec<u64>,
    /// A hits vector given back by [`Scratch::recycle`], for the next
    /// document, with the terms written in it.
    spare: Vec<TermHits>,
    spare_found: Vec<usize>,
    /// Two hyphenated words joined, for [`Matcher::hyphenated`].
    joined: String,
    symbol_bytes: Vec<usize>,
    regions: Vec<Range<usize>>,
    /// How a surface (as written) matched each term it was credited to:
    /// [`Matcher::classify`] once per spelling, not per occurrence.
    kinds: KindCache,
}

/// An occurrence (index into `Scratch::occurrences`) counted for a term.
#[derive(Clone, Copy)]
struct Credit {
    term: u32,
    occurrence: u32,
    /// It came through an everyday form: the guard decides.
    everyday: bool,
}

impl Scratch {
    /// Takes back a document's matches, as the matcher gave them, once they
    /// are no longer needed, so the next document's hits reuse their memory
    /// (a batch does this: with the vocabulary, a document has over a
    /// thousand terms, of which it finds a few dozen).
    pub fn recycle(&mut self, matches: DocumentMatches) {
        self.spare = matches.terms;
        self.spare_found = matches.found;
    }

    /// A hits vector of `len` empty entries: the recycled one, cleared where
    /// it was written, or a new one.
    fn take_hits(&mut self, len: usize) -> Vec<TermHits> {
        let mut hits = std::mem::take(&mut self.spare);
        if hits.len() != len {
            return vec![TermHits::default(); len];
        }
        for &term in &self.spare_found {
            let term_hits = &mut hits[term];
            term_hits.count = 0;
            term_hits.how = None;
            term_hits.lines.clear();
            term_hits.forms.clear();
            term_hits.via.clear();
        }
        hits
    }
}

#[derive(Clone, Copy)]
struct Occurrence {
    pattern: u32,
    start: usize,
    end: usize,
    line: u32,
}

/// What the word cache holds for a word: its units, and whether a phrase
/// ends in one of them (so a cached word needs no lookup to tell).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordUnits {
    units: [u32; UNITS_PER_WORD],
    ends_phrase: bool,
}

#[derive(Clone, Copy)]
struct RecentWord {
    units: [u32; UNITS_PER_WORD],
    start: usize,
    line: u32,
    break_before: bool,
}

const BLANK: RecentWord = RecentWord {
    units: [NO_UNIT; UNITS_PER_WORD],
    start: 0,
    line: 0,
    break_before: true,
};

impl Matcher {
    /// Compiles the sets, without a technology vocabulary (see
    /// [`Matcher::with_vocabulary`]).
    pub fn new(sets: Vec<KeywordSet>) -> Result<Self> {
        Self::with_vocabulary(sets, Vocabulary::default())
    }

    /// Compiles the sets and the vocabulary's technologies, found in the same
    /// pass. Fails on a form with no words, a phrase longer than
    /// [`MAX_PHRASE_WORDS`], two terms of one set (or two technologies) that
    /// match the same text, or an instance the vocabulary does not have.
    pub fn with_vocabulary(sets: Vec<KeywordSet>, vocabulary: Vocabulary) -> Result<Self> {
        let technology_set = sets.len();
        let mut builder = Builder {
            technology_set,
            ..Builder::default()
        };
        let mut set_offsets = Vec::with_capacity(sets.len() + 2);
        let technology_offset: usize = sets.iter().map(|set| set.terms.len()).sum();
        let mut instances = Vec::with_capacity(technology_offset);
        let mut set_technologies = Vec::with_capacity(sets.len());
        for (set_index, set) in sets.iter().enumerate() {
            set_offsets.push(builder.terms.len());
            let mut ids = Vec::new();
            for id in &set.technology_categories {
                let Some(category) = vocabulary.categories.iter().position(|c| c.id == *id) else {
                    bail!(
                        "{}: set `{}`: technology category `{id}` is not a category of the vocabulary",
                        set.origin,
                        set.id
                    );
                };
                ids.extend(
                    (0..vocabulary.technologies.len())
                        .filter(|&index| vocabulary.technologies[index].category == category)
                        .map(|index| (technology_offset + index) as u32),
                );
            }
            ids.sort_unstable();
            ids.dedup();
            set_technologies.push(ids.into_boxed_slice());
            let set_instances = resolve_instances(set, &vocabulary, technology_offset)?;
            for (term, resolved) in set.terms.iter().zip(set_instances) {
                let context = |reason: String| {
                    anyhow::anyhow!(
                        "{}: set `{}`, term {:?}: {reason}",
                        set.origin,
                        set.id,
                        term.name
                    )
                };
                instances.push(resolved);
                let spec = FormSpec {
                    concept: set.kind != SetKind::Skills,
                    by_spelling: set.match_by == MatchBy::Spelling,
                    name: &term.name,
                    aliases: &term.aliases,
                    everyday: &term.everyday,
                    exclude: &term.exclude,
                    case_sensitive: term.case_sensitive,
                };
                builder.add_term(set_index, &spec).map_err(context)?;
            }
        }
        set_offsets.push(builder.terms.len());
        for technology in &vocabulary.technologies {
            let spec = FormSpec {
                concept: false,
                by_spelling: true,
                name: &technology.name,
                aliases: &technology.aliases,
                everyday: &technology.everyday,
                exclude: &technology.exclude,
                case_sensitive: None,
            };
            builder.add_term(technology_set, &spec).map_err(|reason| {
                anyhow::anyhow!(
                    "{}: technology {:?}: {reason}",
                    vocabulary
                        .category_of(builder.terms.len() - technology_offset)
                        .origin,
                    technology.name
                )
            })?;
        }
        set_offsets.push(builder.terms.len());
        builder.finish(sets, set_offsets, vocabulary, instances, set_technologies)
    }

    /// The sets, in the order they were given.
    pub fn sets(&self) -> &[KeywordSet] {
        &self.sets
    }

    /// The indices into [`DocumentMatches::terms`] of one set's terms.
    pub fn term_ids(&self, set_index: usize) -> Range<usize> {
        self.set_offsets[set_index]..self.set_offsets[set_index + 1]
    }

    /// The canonical name of the term (or technology) at `id`, an index
    /// into [`DocumentMatches::terms`].
    pub fn term_name(&self, id: usize) -> &str {
        &self.terms[id].name
    }

    /// The indices into [`DocumentMatches::terms`] of the instances of the
    /// set term at `id` (none for a technology).
    pub fn instances_of(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        self.instances
            .get(id)
            .into_iter()
            .flat_map(|ids| ids.iter().map(|&t| t as usize))
    }

    /// The indices into [`DocumentMatches::terms`] of the technologies of a
    /// set's `technology-categories`, ascending.
    pub fn set_technologies(&self, set_index: usize) -> impl Iterator<Item = usize> + '_ {
        self.set_technologies[set_index]
            .iter()
            .map(|&id| id as usize)
    }

    /// The technology vocabulary compiled in (empty for [`Matcher::new`]).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The indices into [`DocumentMatches::terms`] of the vocabulary's
    /// technologies, in vocabulary order.
    pub fn technology_ids(&self) -> Range<usize> {
        let sets = self.sets.len();
        self.set_offsets[sets]..self.set_offsets[sets + 1]
    }

    /// Finds every term in `text`.
    pub fn find(&self, text: &str) -> DocumentMatches {
        self.find_with(text, &mut Scratch::default())
    }

    /// Finds every term in `text`, reusing `scratch` from earlier documents.
    pub fn find_with(&self, text: &str, scratch: &mut Scratch) -> DocumentMatches {
        self.find_inner(text, scratch, Evidence::Keep)
    }

    /// Like [`Matcher::find_with`], without the evidence that only reports
    /// show: every term's `count` and `how` are the same, but its `lines` and
    /// `forms` are left empty. Enough for scores, and cheaper (batches).
    pub fn count_with(&self, text: &str, scratch: &mut Scratch) -> DocumentMatches {
        self.find_inner(text, scratch, Evidence::Skip)
    }

    fn find_inner(&self, text: &str, scratch: &mut Scratch, evidence: Evidence) -> DocumentMatches {
        scratch.occurrences.clear();
        self.find_symbols(text, scratch);
        let words = self.find_phrases(text, scratch);
        let (terms, found, set_aside) = self.credit_terms(text, scratch, evidence);
        DocumentMatches {
            terms,
            found,
            words,
            set_aside,
        }
    }

    /// Finds the symbol literals. Each contains one of the [`SymbolScan`]
    /// bytes, so the automaton runs only on the stretches of text around
    /// those bytes (found with `memchr`), with the very matches a run over the
    /// whole text would give (see [`SymbolScan::regions`]).
    fn find_symbols(&self, text: &str, scratch: &mut Scratch) {
        let mut line = 1u32;
        let mut counted_to = 0;
        self.symbol_scan.regions(
            text.as_bytes(),
            &mut scratch.symbol_bytes,
            &mut scratch.regions,
        );
        let regions = std::mem::take(&mut scratch.regions);
        let found_all = regions.iter().flat_map(|region| {
            self.symbol_finder
                .find_iter(Input::new(text).range(region.clone()))
        });
        for found in found_all {
            let symbol = &self.symbols[found.pattern().as_usize()];
            let range = found.range();
            if !symbol_boundaries_hold(text, range.clone(), &symbol.literal)
                || (symbol.case_sensitive && text[range.clone()] != symbol.literal)
            {
                continue;
            }
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..range.start]).count()
                as u32;
            counted_to = range.start;
            scratch.occurrences.push(Occurrence {
                pattern: symbol.pattern,
                start: range.start,
                end: range.end,
                line,
            });
        }
        scratch.regions = regions;
    }

    fn find_phrases(&self, text: &str, scratch: &mut Scratch) -> usize {
        let mut recent = [BLANK; MAX_PHRASE_WORDS];
        let mut count = 0usize;
        let Scratch {
            word_units,
            folded,
            occurrences,
            joined,
            ..
        } = scratch;
        // The word before: (start, text).
        let mut previous: Option<(usize, &str)> = None;
        for word in Words::new(text) {
            let slot = count % MAX_PHRASE_WORDS;
            count += 1;
            let rest = &text.as_bytes()[word.start..];
            let WordUnits { units, ends_phrase } =
                self.units_of(word.text, rest, word_units, folded);
            // "trouble-shooting": the two words joined may be a one-word form.
            // The byte before first: nearly every word has a space there.
            if word.start > 0
                && text.as_bytes()[word.start - 1] == b'-'
                && let Some((start, before)) = previous
                && start + before.len() + 1 == word.start
            {
                self.hyphenated(
                    before,
                    &word,
                    start,
                    (word_units, folded, joined),
                    occurrences,
                );
            }
            previous = Some((word.start, word.text));
            recent[slot] = RecentWord {
                units,
                start: word.start,
                line: word.line,
                break_before: word.break_before,
            };
            // Most words end no phrase: no call for them.
            if ends_phrase {
                self.phrases_ending(&recent, count, word.end(), occurrences);
            }
        }
        count
    }

    /// Records a one-word form written as two words joined by a hyphen
    /// (`before`, starting at byte `start`, then `word`).
    #[cold]
    #[inline(never)]
    fn hyphenated(
        &self,
        before: &str,
        word: &Word<'_>,
        start: usize,
        (cache, folded, joined): (&mut WordCache, &mut String, &mut String),
        occurrences: &mut Vec<Occurrence>,
    ) {
        joined.clear();
        joined.push_str(before);
        joined.push_str(word.text);
        let WordUnits { units, ends_phrase } =
            self.units_of(joined, joined.as_bytes(), cache, folded);
        if !ends_phrase {
            return;
        }
        for unit in units.into_iter().filter(|&unit| unit != NO_UNIT) {
            for &(phrase_index, before_last) in &self.phrases_by_last_unit[unit as usize] {
                if before_last == NO_UNIT {
                    let phrase = &self.phrases[phrase_index as usize];
                    occurrences.push(Occurrence {
                        pattern: phrase.pattern,
                        start,
                        end: word.end(),
                        line: word.line,
                    });
                }
            }
        }
    }

    /// Whether some phrase ends in `unit` (false for [`NO_UNIT`]).
    #[inline(always)]
    fn ends_phrase(&self, unit: u32) -> bool {
        self.phrases_by_last_unit
            .get(unit as usize)
            .is_some_and(|phrases| !phrases.is_empty())
    }

    /// Records the phrases that end at the newest of `count` recent words,
    /// which ends at byte `end`.
    #[inline(never)]
    fn phrases_ending(
        &self,
        recent: &[RecentWord; MAX_PHRASE_WORDS],
        count: usize,
        end: usize,
        occurrences: &mut Vec<Occurrence>,
    ) {
        let newest = &recent[(count - 1) % MAX_PHRASE_WORDS];
        // The word before's units, when a phrase may run on from it.
        let before = if count >= 2 && !newest.break_before {
            recent[(count - 2) % MAX_PHRASE_WORDS].units
        } else {
            [NO_UNIT; UNITS_PER_WORD]
        };
        for unit in newest.units {
            if unit == NO_UNIT {
                continue;
            }
            for &(phrase_index, before_last) in &self.phrases_by_last_unit[unit as usize] {
                if before_last != NO_UNIT && !before.contains(&before_last) {
                    continue;
                }
                let phrase = &self.phrases[phrase_index as usize];
                if let Some(first) = phrase_start(recent, count, &phrase.units) {
                    occurrences.push(Occurrence {
                        pattern: phrase.pattern,
                        start: first.start,
                        end,
                        line: first.line,
                    });
                }
            }
        }
    }

    /// The units of one word as written, through the per-[`Scratch`] cache.
    /// `rest` is the text from the word on. Inlined: a cached word (nearly
    /// every word) costs a hash and a compare, no call.
    #[inline(always)]
    fn units_of(
        &self,
        word: &str,
        rest: &[u8],
        cache: &mut WordCache,
        folded: &mut String,
    ) -> WordUnits {
        match cache.get(word, rest) {
            Some(units) => units,
            None => self.units_of_new(word, cache, folded),
        }
    }

    /// The units of a word not in the cache yet, which it then holds. Out of
    /// line, so the stemmer's code does not weigh on the cached path.
    #[cold]
    #[inline(never)]
    fn units_of_new(&self, word: &str, cache: &mut WordCache, folded: &mut String) -> WordUnits {
        let units = self.compute_units(word, folded);
        cache.insert(word, units);
        units
    }

    /// The units of one word: its stem's and its folded spelling's (if some form
    /// has them), and its exact spelling's (if a case-sensitive form is written
    /// so); and whether a phrase ends in one of them.
    fn compute_units(&self, word: &str, folded: &mut String) -> WordUnits {
        fold_case(word, folded);
        let stem = self.analyzer.stem(folded);
        let stem_unit = self
            .stem_units
            .get(stem.as_ref())
            .copied()
            .unwrap_or(NO_UNIT);
        let folded_unit = self
            .folded_units
            .get(folded.as_str())
            .copied()
            .unwrap_or(NO_UNIT);
        let exact_unit = if self.exact_units.is_empty()
            || (self.exact_need_uppercase
                && !word
                    .bytes()
                    .any(|b| b.is_ascii_uppercase() || !b.is_ascii()))
        {
            NO_UNIT
        } else {
            self.exact_units.get(word).copied().unwrap_or(NO_UNIT)
        };
        let units = [stem_unit, folded_unit, exact_unit];
        WordUnits {
            units,
            ends_phrase: units.iter().any(|&unit| self.ends_phrase(unit)),
        }
    }

    /// Turns pattern occurrences into per-term hits, in three steps:
    /// 1. [`Matcher::select_credits`]: which term each occurrence counts for;
    /// 2. the ambiguity guard ([`guard`]) on occurrences of everyday forms;
    /// 3. the hits: counts, and with evidence lines and forms; then the terms
    ///    shown only through their instances ([`Matcher::credit_instances`]).
    fn credit_terms(
        &self,
        text: &str,
        scratch: &mut Scratch,
        evidence: Evidence,
    ) -> (Vec<TermHits>, Vec<usize>, Vec<SetAside>) {
        self.select_credits(scratch);
        let set_aside = if scratch.credits.iter().any(|credit| credit.everyday) {
            self.guard(text, scratch)
        } else {
            Vec::new()
        };
        let mut hits = scratch.take_hits(self.terms.len());
        let touched = &mut scratch.touched;
        touched.clear();
        for credit in &scratch.credits {
            let occurrence = scratch.occurrences[credit.occurrence as usize];
            let term = credit.term as usize;
            let surface = &text[occurrence.start..occurrence.end];
            let term_hits = &mut hits[term];
            if term_hits.count == 0 {
                touched.push(credit.term);
            }
            term_hits.count += 1;
            if evidence == Evidence::Skip {
                if term_hits.how != Some(MatchKind::Exact) {
                    let how = scratch
                        .kinds
                        .get_or_insert(credit.term, surface, || self.classify(term, surface));
                    term_hits.how = term_hits.how.max(Some(how));
                }
                continue;
            }
            if term_hits.lines.last() != Some(&occurrence.line) {
                term_hits.lines.push(occurrence.line);
            }
            // A form seen before classifies as before: only a new one is
            // copied and classified, so repeated occurrences allocate nothing.
            if !term_hits
                .forms
                .iter()
                .any(|form| same_collapsed(form, surface))
            {
                let how = self.classify(term, surface);
                term_hits.how = term_hits.how.max(Some(how));
                term_hits.forms.push(collapse_spaces(surface));
            }
        }
        // Only the terms found have evidence to put in order.
        touched.sort_unstable();
        for &term in touched.iter() {
            let term_hits = &mut hits[term as usize];
            term_hits.lines.sort_unstable();
            term_hits.lines.dedup();
            term_hits.forms.sort();
        }
        let credited = self.credit_instances(&mut hits, touched, evidence);
        let mut found: Vec<usize> = std::mem::take(&mut scratch.spare_found);
        found.clear();
        found.extend(touched.iter().chain(&credited).map(|&term| term as usize));
        found.sort_unstable();
        (hits, found, set_aside)
    }

    /// Decides which term each occurrence counts for, into `scratch.credits`
    /// (in text order). An occurrence does not count for a term
    /// - when it stands inside one of the term's exclusion phrases;
    /// - when it overlaps an earlier occurrence of the same term (counted once);
    /// - when it stands inside a longer occurrence of a name, unless that
    ///   name's own term also has the shorter form: a symbol literal swallows
    ///   every other term ("C" is not found in "C++"), a technology's name
    ///   swallows the concepts of core, level and specialization sets
    ///   ("Amazon Web Services" is not *web services*, "SQL Server" is not
    ///   *SQL*), but not other technologies ("Kafka Streams" is also Kafka);
    ///   and "REST" in "REST API" is REST, "OAuth" in "OAuth 2.0" is OAuth.
    fn select_credits(&self, scratch: &mut Scratch) {
        let Scratch {
            occurrences,
            exclusions,
            last_end,
            credits,
            ..
        } = scratch;
        // Symbols, then phrases, each in text order: two runs, which a stable
        // sort merges in one pass.
        occurrences.sort_by_key(|o| (o.start, Reverse(o.end), o.pattern));
        exclusions.clear();
        credits.clear();
        for occurrence in occurrences.iter() {
            for owner in &self.patterns[occurrence.pattern as usize] {
                if owner.role == Role::Exclusion {
                    exclusions.push((owner.term, occurrence.start..occurrence.end));
                }
            }
        }
        // Sized once; the entries a document sets are put back at the end.
        last_end.resize(self.terms.len(), 0);
        // The longest technology name seen so far that may cover what follows.
        let mut cover: Option<Occurrence> = None;
        for (index, occurrence) in occurrences.iter().enumerate() {
            let inside = cover.filter(|name| {
                name.end >= occurrence.end
                    && (name.start, name.end) != (occurrence.start, occurrence.end)
            });
            let inner_owners = &self.patterns[occurrence.pattern as usize];
            for owner in &self.patterns[occurrence.pattern as usize] {
                let term = owner.term as usize;
                if owner.role != Role::Form || occurrence.start < last_end[term] {
                    continue;
                }
                let excluded = exclusions.iter().any(|(t, span)| {
                    *t == owner.term && span.start <= occurrence.start && occurrence.end <= span.end
                });
                let swallowed = inside.is_some_and(|name| {
                    let name_owners = &self.patterns[name.pattern as usize];
                    // "REST" inside "REST API" stays: the name's own
                    // technology also claims the shorter form.
                    let own_form = inner_owners
                        .iter()
                        .any(|inner| name_owners.iter().any(|other| other.term == inner.term));
                    !own_form
                        && (self.names[name.pattern as usize] == Name::Symbol
                            || self.terms[term].concept)
                });
                if excluded || swallowed {
                    continue;
                }
                last_end[term] = occurrence.end;
                credits.push(Credit {
                    term: owner.term,
                    occurrence: index as u32,
                    everyday: owner.everyday,
                });
            }
            if self.names[occurrence.pattern as usize] != Name::No
                && cover.is_none_or(|name| occurrence.end > name.end)
            {
                cover = Some(*occurrence);
            }
        }
        for credit in credits.iter() {
            last_end[credit.term as usize] = 0;
        }
    }

    /// Drops the credits of everyday forms that the context does not support
    /// (see [`guard`]) and returns them, as set aside.
    #[cold]
    fn guard(&self, text: &str, scratch: &mut Scratch) -> Vec<SetAside> {
        let Scratch {
            occurrences,
            credits,
            ..
        } = scratch;
        // Lines with another technical name and where such names stand, both
        // in text order as the credits are; and the terms written
        // unambiguously somewhere.
        let mut technical_lines = Vec::new();
        let mut technical_spans: Vec<Range<usize>> = Vec::new();
        let plainly_written = &mut scratch.plainly_written;
        plainly_written.clear();
        plainly_written.resize(self.terms.len().div_ceil(64), 0);
        let mut everyday = Vec::new();
        for (index, credit) in credits.iter().enumerate() {
            if credit.everyday {
                everyday.push(index);
                continue;
            }
            plainly_written[credit.term as usize / 64] |= 1 << (credit.term % 64);
            if self.terms[credit.term as usize].technical {
                let occurrence = occurrences[credit.occurrence as usize];
                technical_lines.push(occurrence.line);
                technical_spans.push(occurrence.start..occurrence.end);
            }
        }
        debug_assert!(technical_lines.is_sorted());
        let is_name = |range: Range<usize>| {
            // Spans start in text order; one covering `range` starts before
            // its end and is among the few just before that point.
            let before = technical_spans.partition_point(|span| span.start < range.end);
            technical_spans[before.saturating_sub(4)..before]
                .iter()
                .any(|span| range.start < span.end)
        };
        let context = guard::Context::new(text);
        let mut set_aside = Vec::new();
        let mut rejected = Vec::new();
        for index in everyday {
            let credit = credits[index];
            if plainly_written[credit.term as usize / 64] & (1 << (credit.term % 64)) != 0 {
                continue;
            }
            let occurrence = occurrences[credit.occurrence as usize];
            let at = occurrence.start..occurrence.end;
            let supported = !guard::in_capitalized_run(text, at.clone(), is_name)
                && (technical_lines.binary_search(&occurrence.line).is_ok()
                    || context.supports(at));
            if !supported {
                rejected.push(index);
                set_aside.push(SetAside {
                    term: credit.term as usize,
                    line: occurrence.line,
                    form: text[occurrence.start..occurrence.end].to_string(),
                });
            }
        }
        if !rejected.is_empty() {
            let mut index = 0;
            credits.retain(|_| {
                index += 1;
                rejected.binary_search(&(index - 1)).is_err()
            });
        }
        set_aside
    }

    /// A term with no literal occurrence is matched through its instances:
    /// the technologies that show it, when the document names any of them.
    /// `found` holds the terms found, ascending; only their technologies are
    /// looked at, through the index of what each technology is an instance of.
    /// Returns the terms it credited.
    fn credit_instances(
        &self,
        hits: &mut [TermHits],
        found: &[u32],
        evidence: Evidence,
    ) -> Vec<u32> {
        let technologies = self.technology_ids().start as u32;
        let first = found.partition_point(|&term| term < technologies);
        let mut credited = Vec::new();
        for &technology in &found[first..] {
            let shows = &self.instance_terms[(technology - technologies) as usize];
            if shows.is_empty() {
                continue;
            }
            let (count, lines) = {
                let found = &hits[technology as usize];
                (found.count, found.lines.clone())
            };
            for &term in shows.iter() {
                let term_hits = &mut hits[term as usize];
                if term_hits.count > 0 && term_hits.how != Some(MatchKind::Instance) {
                    continue;
                }
                if term_hits.count == 0 {
                    credited.push(term);
                }
                term_hits.count += count;
                term_hits.how = Some(MatchKind::Instance);
                // Kept without evidence too: an ignored technology must not
                // stand for a concept (see `ScorePlan::counts`). Technologies
                // come in ascending order, so `via` is sorted.
                term_hits.via.push((technology - technologies) as usize);
                if evidence == Evidence::Keep {
                    term_hits.lines.extend_from_slice(&lines);
                }
            }
        }
        for &term in &credited {
            let term_hits = &mut hits[term as usize];
            term_hits.lines.sort_unstable();
            term_hits.lines.dedup();
        }
        credited
    }

    fn classify(&self, term: usize, surface: &str) -> MatchKind {
        let info = &self.terms[term];
        if has_comparison_key(surface, &info.name_key) {
            MatchKind::Exact
        } else if info
            .alias_keys
            .iter()
            .any(|alias| has_comparison_key(surface, alias))
        {
            MatchKind::Alias
        } else {
            MatchKind::Stem
        }
    }
}

/// Each term's instances as term ids (the technologies come after the sets'
/// terms, from `technology_offset`), in ascending order. A technology is an
/// instance of at most one term of a set, so one name cannot show several of
/// its concepts at once: naming it twice among a set's `instances` is an
/// error, and a term's `instance-categories` leave out the technologies
/// another term of the set names explicitly.
fn resolve_instances(
    set: &KeywordSet,
    vocabulary: &Vocabulary,
    technology_offset: usize,
) -> Result<Vec<Box<[u32]>>> {
    let mut explicit: FxHashMap<usize, &str> = FxHashMap::default();
    let mut by_term = Vec::with_capacity(set.terms.len());
    for term in &set.terms {
        let mut ids = Vec::with_capacity(term.instances.len());
        for name in &term.instances {
            let Some(index) = vocabulary.lookup(name) else {
                bail!(
                    "{}: set `{}`, term {:?}: instance {name:?} is not a technology of the vocabulary",
                    set.origin,
                    set.id,
                    term.name
                );
            };
            if let Some(other) = explicit.insert(index, &term.name)
                && other != term.name
            {
                bail!(
                    "{}: set `{}`: {:?} is an instance of both {other:?} and {:?}; a technology shows one concept of a set",
                    set.origin,
                    set.id,
                    vocabulary.technologies[index].name,
                    term.name
                );
            }
            ids.push(index);
        }
        by_term.push(ids);
    }
    let mut from_categories: FxHashMap<usize, &str> = FxHashMap::default();
    for (term, ids) in set.terms.iter().zip(&mut by_term) {
        for id in &term.instance_categories {
            let Some(category) = vocabulary.categories.iter().position(|c| c.id == *id) else {
                bail!(
                    "{}: set `{}`, term {:?}: instance category `{id}` is not a category of the vocabulary",
                    set.origin,
                    set.id,
                    term.name
                );
            };
            for (index, technology) in vocabulary.technologies.iter().enumerate() {
                if technology.category != category || explicit.contains_key(&index) {
                    continue;
                }
                if let Some(other) = from_categories.insert(index, &term.name)
                    && other != term.name
                {
                    bail!(
                        "{}: set `{}`: the categories of {other:?} and {:?} overlap",
                        set.origin,
                        set.id,
                        term.name
                    );
                }
                ids.push(index);
            }
        }
    }
    Ok(by_term
        .into_iter()
        .map(|mut ids| {
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter()
                .map(|index| (technology_offset + index) as u32)
                .collect()
        })
        .collect())
}

/// The kinds [`Matcher::classify`] gave, by surface and term; at most
/// [`KIND_CACHE_LIMIT`] surfaces.
#[derive(Default)]
struct KindCache {
    kinds: FxHashMap<Box<str>, Vec<(u32, MatchKind)>>,
}

const KIND_CACHE_LIMIT: usize = 10_000;

impl KindCache {
    fn get_or_insert(
        &mut self,
        term: u32,
        surface: &str,
        classify: impl FnOnce() -> MatchKind,
    ) -> MatchKind {
        if let Some(kinds) = self.kinds.get_mut(surface) {
            if let Some(&(_, kind)) = kinds.iter().find(|(t, _)| *t == term) {
                return kind;
            }
            let kind = classify();
            kinds.push((term, kind));
            return kind;
        }
        let kind = classify();
        if self.kinds.len() < KIND_CACHE_LIMIT {
            self.kinds.insert(surface.into(), vec![(term, kind)]);
        }
        kind
    }
}

/// Where symbol literals can stand: near one of a few bytes that every literal
/// holds. Each literal contributes one byte, its rarest symbol character's
/// first byte (never a letter or digit), so the needles are few (`.`, `/`,
/// `+`, `#` for the built-in sets) and `memchr` finds them fast. A needle
/// counts only where the byte after it could follow it in some literal: the
/// full stop that ends a sentence, followed by a space, starts no search.
struct SymbolScan {
    /// The needle bytes, sorted.
    needles: Vec<u8>,
    /// For each byte value, the bytes that may follow it in a literal, as a
    /// 256-bit set (all bits when it may end one); only needles' entries are used.
    followers: Box<[[u64; 4]; 256]>,
    /// The longest literal, in bytes.
    reach: usize,
}

impl SymbolScan {
    fn new(symbols: &[Symbol]) -> Self {
        // Common punctuation last: a literal with a rarer symbol is found by it.
        const COMMON: &[u8] = b".,:;!?()";
        let mut needles: Vec<u8> = symbols
            .iter()
            .filter_map(|symbol| {
                let mut buffer = [0; 4];
                symbol
                    .literal
                    .chars()
                    .filter(|&c| is_symbol_char(c))
                    .map(|c| c.encode_utf8(&mut buffer).as_bytes()[0])
                    .min_by_key(|byte| COMMON.iter().position(|c| c == byte).map_or(0, |i| i + 1))
            })
            .collect();
        needles.sort_unstable();
        needles.dedup();
        let mut followers = Box::new([[0u64; 4]; 256]);
        for symbol in symbols {
            let literal = symbol.literal.as_bytes();
            for (index, &byte) in literal.iter().enumerate() {
                let set = &mut followers[usize::from(byte)];
                match literal.get(index + 1) {
                    // The automaton ignores ASCII case.
                    Some(&next) => {
                        for next in [next.to_ascii_lowercase(), next.to_ascii_uppercase()] {
                            set[usize::from(next / 64)] |= 1 << (next % 64);
                        }
                    }
                    None => *set = [u64::MAX; 4],
                }
            }
        }
        let reach = symbols.iter().map(|s| s.literal.len()).max().unwrap_or(0);
        SymbolScan {
            needles,
            followers,
            reach,
        }
    }

    /// Whether the needle at `hit` can be part of a literal, judging by the
    /// byte after it (the end of the text lets anything pass).
    #[inline]
    fn may_start_search(&self, text: &[u8], hit: usize) -> bool {
        let set = &self.followers[usize::from(text[hit])];
        text.get(hit + 1)
            .is_none_or(|&next| set[usize::from(next / 64)] & (1 << (next % 64)) != 0)
    }

    /// The stretches of `text` where a literal may stand, ascending and
    /// disjoint: `reach - 1` bytes either side of each needle that
    /// [`SymbolScan::may_start_search`] lets pass, merged where they touch.
    ///
    /// Why the automaton gives the same matches on these stretches as on the
    /// whole text: every match holds a needle followed as in its literal, so
    /// it lies inside one stretch; a leftmost-longest search finds nothing in
    /// the gaps, and so enters each stretch at its start, in the state a fresh
    /// search starts in.
    fn regions(&self, text: &[u8], hits: &mut Vec<usize>, regions: &mut Vec<Range<usize>>) {
        hits.clear();
        regions.clear();
        if self.reach == 0 {
            return;
        }
        let passes = |&hit: &usize| self.may_start_search(text, hit);
        for group in self.needles.chunks(3) {
            match *group {
                [a] => hits.extend(memchr::memchr_iter(a, text).filter(passes)),
                [a, b] => hits.extend(memchr::memchr2_iter(a, b, text).filter(passes)),
                [a, b, c] => hits.extend(memchr::memchr3_iter(a, b, c, text).filter(passes)),
                _ => {}
            }
        }
        if self.needles.len() > 3 {
            hits.sort_unstable();
        }
        for &hit in hits.iter() {
            let start = hit.saturating_sub(self.reach - 1);
            let end = (hit + self.reach).min(text.len());
            match regions.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => regions.push(start..end),
            }
        }
    }
}

/// The word → units cache of a [`Scratch`]: an open-addressing table whose
/// keys, words of up to [`INLINE_WORD`] bytes, are held inline, so a lookup
/// hashes two machine words and compares them, with no pointer to follow
/// and no `memcmp` call; the rare longer words go to a map. A slot is 32
/// bytes, two to a cache line, and the table is at most three quarters full,
/// so the few hundred words of everyday text stay in the fastest cache.
/// Holds at most [`WORD_CACHE_LIMIT`] words.
#[derive(Default)]
struct WordCache {
    slots: Vec<CacheSlot>,
    inline: usize,
    long: FxHashMap<Box<str>, WordUnits>,
}

/// Machine words in an inline key.
const KEY_WORDS: usize = 2;

/// Longest word kept inline: the key's last byte holds the length.
const INLINE_WORD: usize = 8 * KEY_WORDS - 1;

#[derive(Clone, Copy, Default)]
struct CacheSlot {
    /// The word's bytes, zero-padded, with its length in the last byte; all
    /// zero for an empty slot (no word is empty).
    key: [u64; KEY_WORDS],
    units: WordUnits,
}

impl WordCache {
    /// The inline key of `word`, which `rest` starts with (`rest` runs on to
    /// the end of the text): its bytes, zero-padded, and its length. With 16
    /// bytes in `rest`, two loads and masks make it, straight from the
    /// text: copying the word into a buffer first costs a store-forwarding
    /// stall on every lookup.
    #[inline(always)]
    fn key(word: &str, rest: &[u8]) -> Option<[u64; KEY_WORDS]> {
        /// `KEEP[n]` keeps the first `n` bytes of a little-endian word.
        const KEEP: [u64; 9] = {
            let mut masks = [u64::MAX; 9];
            let mut n = 0;
            while n < 8 {
                masks[n] = (1u64 << (8 * n)) - 1;
                n += 1;
            }
            masks
        };
        let len = word.len();
        if len > INLINE_WORD {
            return None;
        }
        let window: [u8; 8 * KEY_WORDS] = match rest.first_chunk() {
            Some(window) => *window,
            None => {
                let mut buffer = [0u8; 8 * KEY_WORDS];
                buffer[..len].copy_from_slice(word.as_bytes());
                buffer
            }
        };
        let mut key = [0u64; KEY_WORDS];
        for (index, part) in key.iter_mut().enumerate() {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&window[8 * index..8 * index + 8]);
            let keep = len.saturating_sub(8 * index).min(8);
            *part = u64::from_le_bytes(eight) & KEEP[keep];
        }
        key[KEY_WORDS - 1] |= (len as u64) << 56;
        Some(key)
    }

    #[inline(always)]
    fn slot_of(&self, key: &[u64; KEY_WORDS]) -> usize {
        let mixed = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 32) as usize & (self.slots.len() - 1)
    }

    /// The units of `word`, which `rest` starts with, if cached.
    #[inline(always)]
    fn get(&self, word: &str, rest: &[u8]) -> Option<WordUnits> {
        let Some(key) = Self::key(word, rest) else {
            return self.long.get(word).copied();
        };
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut index = self.slot_of(&key);
        loop {
            let slot = &self.slots[index];
            // Part by part, in registers: comparing the arrays whole makes the
            // compiler spill the key and reload it wider, a store-forwarding stall.
            if slot.key[0] == key[0] && slot.key[1] == key[1] {
                return Some(slot.units);
            }
            if slot.key[1] == 0 {
                return None;
            }
            index = (index + 1) & mask;
        }
    }

    fn insert(&mut self, word: &str, units: WordUnits) {
        if self.inline + self.long.len() >= WORD_CACHE_LIMIT {
            return;
        }
        let Some(key) = Self::key(word, word.as_bytes()) else {
            self.long.insert(word.into(), units);
            return;
        };
        if (self.inline + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = self.slot_of(&key);
        while self.slots[index].key[1] != 0 {
            if self.slots[index].key == key {
                return;
            }
            index = (index + 1) & mask;
        }
        self.slots[index] = CacheSlot { key, units };
        self.inline += 1;
    }

    /// Doubles the table (1024 slots at first) and places every word again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![CacheSlot::default(); size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|slot| slot.key[1] != 0) {
            let mut index = self.slot_of(&slot.key);
            while self.slots[index].key[1] != 0 {
                index = (index + 1) & mask;
            }
            self.slots[index] = slot;
        }
    }
}

/// If the phrase `units` ends at the newest of `count` recent words, the first word.
fn phrase_start<'r>(
    recent: &'r [RecentWord; MAX_PHRASE_WORDS],
    count: usize,
    units: &[u32],
) -> Option<&'r RecentWord> {
    let len = units.len();
    if len > count {
        return None;
    }
    let mut first = &recent[(count - 1) % MAX_PHRASE_WORDS];
    for back in 1..len {
        let later = first;
        if later.break_before {
            return None;
        }
        let word = &recent[(count - 1 - back) % MAX_PHRASE_WORDS];
        if !word.units.contains(&units[len - 1 - back]) {
            return None;
        }
        first = word;
    }
    Some(first)
}

/// A form written in capitals (and digits) only, of at most 5 characters, such as
/// REST, SQL or AWS: matched case-sensitively unless the term says otherwise.
pub fn is_short_acronym(form: &str) -> bool {
    let chars = form.chars().count();
    (1..=5).contains(&chars)
        && form.chars().any(|c| c.is_uppercase())
        && form.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A word with a capital after its first letter (RESTful, NoSQL, IaC, DevOps):
/// a coined name, matched by its spelling rather than its stem.
fn has_inner_capital(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

/// True when a form must be matched as a literal: it has a character other than
/// letters, digits, white space, hyphens and apostrophes.
pub fn has_symbol(form: &str) -> bool {
    form.chars().any(is_symbol_char)
}

/// A character that makes a form a symbol literal (see [`has_symbol`]).
fn is_symbol_char(c: char) -> bool {
    !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
}

/// The key two spellings are compared by: lowercase letters, digits and symbols,
/// with spaces, hyphens, bullets and other punctuation dropped.
fn comparison_key(text: &str) -> String {
    comparison_chars(text).collect()
}

/// The characters of [`comparison_key`], without collecting them.
fn comparison_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#' | '.' | '/' | '&'))
        .flat_map(char::to_lowercase)
}

/// `comparison_key(text) == key`, without allocating; ASCII text byte by byte.
fn has_comparison_key(text: &str, key: &str) -> bool {
    if text.is_ascii() {
        text.bytes()
            .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'#' | b'.' | b'/' | b'&'))
            .map(|b| b.to_ascii_lowercase())
            .eq(key.bytes())
    } else {
        comparison_chars(text).eq(key.chars())
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `collapse_spaces(surface) == collapsed`, without allocating.
fn same_collapsed(collapsed: &str, surface: &str) -> bool {
    collapsed == surface || collapsed.split(' ').eq(surface.split_whitespace())
}

/// A symbol literal must not continue a word: no letter or digit may touch it
/// on a side where the literal itself ends in a letter or digit, and none may
/// precede it at all (".NET" is not found in "ASP.NET" or "example.net").
fn symbol_boundaries_hold(text: &str, range: Range<usize>, literal: &str) -> bool {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    let before_ok = text[..range.start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    let ends_in_word_char = literal.chars().next_back().is_some_and(is_word_char);
    let after_ok = !ends_in_word_char
        || text[range.end..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

#[derive(Default)]
struct Builder {
    /// The set index the vocabulary's technologies carry (after every set).
    technology_set: usize,
    analyzer: Analyzer,
    terms: Vec<TermInfo>,
    patterns: Vec<Vec<Owner>>,
    stem_units: FxHashMap<Box<str>, u32>,
    folded_units: FxHashMap<Box<str>, u32>,
    exact_units: FxHashMap<Box<str>, u32>,
    unit_count: u32,
    phrase_patterns: FxHashMap<Box<[u32]>, u32>,
    symbols: Vec<Symbol>,
    symbol_patterns: FxHashMap<(String, bool), u32>,
}

/// What the builder needs of a set's term or of a technology.
struct FormSpec<'a> {
    /// A term of a core, level or specialization set.
    concept: bool,
    /// Match words by spelling, not stem (the vocabulary's technologies).
    by_spelling: bool,
    name: &'a str,
    aliases: &'a [String],
    everyday: &'a [String],
    exclude: &'a [String],
    case_sensitive: Option<bool>,
}

impl Builder {
    /// Adds a term of set `set` (`sets.len()` for a technology): its forms
    /// and its exclude phrases.
    fn add_term(&mut self, set: usize, spec: &FormSpec<'_>) -> std::result::Result<(), String> {
        let term = self.terms.len() as u32;
        self.terms.push(TermInfo {
            set,
            concept: spec.concept,
            technical: set == self.technology_set
                || has_symbol(spec.name)
                || spec.name.chars().any(char::is_uppercase),
            name: spec.name.to_string(),
            name_key: comparison_key(spec.name),
            alias_keys: spec.aliases.iter().map(|a| comparison_key(a)).collect(),
        });
        let forms = std::iter::once(spec.name).chain(spec.aliases.iter().map(String::as_str));
        for form in forms {
            let everyday = spec.everyday.iter().any(|word| word == form);
            // An everyday word counts only as written: "Go", never "go".
            let case_sensitive = everyday
                || spec
                    .case_sensitive
                    .unwrap_or_else(|| is_short_acronym(form));
            let owner = Owner {
                term,
                role: Role::Form,
                everyday,
            };
            self.add_form(form, case_sensitive, spec.by_spelling, owner)?;
        }
        for phrase in spec.exclude {
            // Exclude phrases are ordinary language: always case-insensitive.
            let owner = Owner {
                term,
                role: Role::Exclusion,
                everyday: false,
            };
            self.add_form(phrase, false, false, owner)?;
        }
        Ok(())
    }

    /// Adds one form. `by_spelling` matches its words by their folded
    /// spelling rather than their stems (technologies: "Fastly" is not
    /// "fast").
    fn add_form(
        &mut self,
        form: &str,
        case_sensitive: bool,
        by_spelling: bool,
        owner: Owner,
    ) -> std::result::Result<(), String> {
        if has_symbol(form) {
            let key = if case_sensitive {
                form.to_string()
            } else {
                form.to_ascii_lowercase()
            };
            let pattern = match self.symbol_patterns.get(&(key.clone(), case_sensitive)) {
                Some(&pattern) => pattern,
                None => {
                    let pattern = self.new_pattern();
                    self.symbols.push(Symbol {
                        literal: form.to_string(),
                        case_sensitive,
                        pattern,
                    });
                    self.symbol_patterns.insert((key, case_sensitive), pattern);
                    pattern
                }
            };
            return self.own(pattern, owner, form, true);
        }

        let mut words = Vec::new();
        for_each_word(form, |word| words.push(word.text));
        if words.is_empty() {
            return Err(format!("the form {form:?} has no words"));
        }
        if words.len() > MAX_PHRASE_WORDS {
            return Err(format!(
                "the form {form:?} has more than {MAX_PHRASE_WORDS} words"
            ));
        }
        let units: Vec<u32> = words
            .iter()
            .map(|word| {
                if case_sensitive {
                    self.exact_unit(word)
                } else if by_spelling || has_inner_capital(word) {
                    let mut folded = String::new();
                    fold_case(word, &mut folded);
                    self.folded_unit(&folded, by_spelling)
                } else {
                    self.stem_unit(&self.stem(word))
                }
            })
            .collect();
        let pattern = self.phrase_pattern(units);
        self.own(pattern, owner, form, true)?;

        // "auto scaling" also matches "autoscaling", "Argo CD" "ArgoCD".
        if words.len() == 2 && !case_sensitive && owner.role == Role::Form {
            let joined = format!("{}{}", words[0], words[1]);
            let unit = if by_spelling {
                // A short joined name is too often a word: "AD DS", "adds".
                if joined.chars().count() < MIN_JOINED_NAME {
                    return Ok(());
                }
                let mut folded = String::new();
                fold_case(&joined, &mut folded);
                self.folded_unit(&folded, false)
            } else {
                self.stem_unit(&self.stem(&joined))
            };
            let pattern = self.phrase_pattern(vec![unit]);
            self.own(pattern, owner, form, false)?;
        }
        Ok(())
    }

    fn stem(&self, word: &str) -> String {
        let mut folded = String::new();
        fold_case(word, &mut folded);
        self.analyzer.stem(&folded).into_owned()
    }

    fn new_pattern(&mut self) -> u32 {
        self.patterns.push(Vec::new());
        (self.patterns.len() - 1) as u32
    }

    fn next_unit(&mut self) -> u32 {
        self.unit_count += 1;
        self.unit_count - 1
    }

    fn stem_unit(&mut self, stem: &str) -> u32 {
        if let Some(&unit) = self.stem_units.get(stem) {
            return unit;
        }
        let unit = self.next_unit();
        self.stem_units.insert(stem.into(), unit);
        unit
    }

    /// The unit of a folded spelling, which its plural in `s` shares; with
    /// `singular`, a long word in `s` also gives its singular
    /// ("Microservices": "microservice").
    fn folded_unit(&mut self, folded: &str, singular: bool) -> u32 {
        if let Some(&unit) = self.folded_units.get(folded) {
            return unit;
        }
        let unit = self.next_unit();
        self.folded_units.insert(folded.into(), unit);
        self.folded_units
            .entry(format!("{folded}s").into())
            .or_insert(unit);
        if singular
            && folded.chars().count() >= MIN_SINGULAR_WORD
            && let Some(single) = folded.strip_suffix('s')
        {
            self.folded_units.entry(single.into()).or_insert(unit);
        }
        unit
    }

    fn exact_unit(&mut self, word: &str) -> u32 {
        if let Some(&unit) = self.exact_units.get(word) {
            return unit;
        }
        let unit = self.next_unit();
        self.exact_units.insert(word.into(), unit);
        if word.chars().next_back().is_some_and(|c| c.is_uppercase()) {
            self.exact_units
                .entry(format!("{word}s").into())
                .or_insert(unit);
        }
        unit
    }

    fn phrase_pattern(&mut self, units: Vec<u32>) -> u32 {
        let units: Box<[u32]> = units.into();
        if let Some(&pattern) = self.phrase_patterns.get(&units) {
            return pattern;
        }
        let pattern = self.new_pattern();
        self.phrase_patterns.insert(units, pattern);
        pattern
    }

    /// Records that `owner` uses `pattern`; two terms of one set may not share
    /// an explicit form (`strict`), while an implied joined form is just skipped.
    fn own(
        &mut self,
        pattern: u32,
        owner: Owner,
        form: &str,
        strict: bool,
    ) -> std::result::Result<(), String> {
        let set = self.terms[owner.term as usize].set;
        let owners = &mut self.patterns[pattern as usize];
        for other in owners.iter() {
            if other.term == owner.term {
                return Ok(());
            }
            let same_set = self.terms[other.term as usize].set == set;
            if same_set && other.role == Role::Form && owner.role == Role::Form {
                if !strict {
                    return Ok(());
                }
                let other_name = &self.terms[other.term as usize].name;
                let what = if set == self.technology_set {
                    "technology"
                } else {
                    "term"
                };
                return Err(format!(
                    "its form {form:?} matches the same words as {what} {other_name:?}"
                ));
            }
        }
        owners.push(owner);
        Ok(())
    }

    fn finish(
        mut self,
        sets: Vec<KeywordSet>,
        set_offsets: Vec<usize>,
        vocabulary: Vocabulary,
        instances: Vec<Box<[u32]>>,
        set_technologies: Vec<Box<[u32]>>,
    ) -> Result<Matcher> {
        for literal in PROTECTED_SYMBOLS {
            if !self
                .symbols
                .iter()
                .any(|s| s.literal.eq_ignore_ascii_case(literal))
            {
                let pattern = self.new_pattern();
                self.symbols.push(Symbol {
                    literal: literal.to_string(),
                    case_sensitive: false,
                    pattern,
                });
            }
        }
        let symbols = self.symbols;
        let technology_offset = set_offsets[sets.len()];
        let mut instance_terms = vec![Vec::new(); vocabulary.technologies.len()];
        for (term, ids) in instances.iter().enumerate() {
            for &id in ids.iter() {
                instance_terms[id as usize - technology_offset].push(term as u32);
            }
        }
        let instance_terms = instance_terms
            .into_iter()
            .map(Vec::into_boxed_slice)
            .collect();
        let symbol_finder = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(AcMatchKind::LeftmostLongest)
            .build(symbols.iter().map(|s| s.literal.as_str()));
        let symbol_scan = SymbolScan::new(&symbols);
        let symbol_finder = match symbol_finder {
            Ok(finder) => finder,
            Err(err) => bail!("cannot compile the symbol terms: {err}"),
        };

        let mut phrases = Vec::with_capacity(self.phrase_patterns.len());
        let mut phrases_by_last_unit = vec![Vec::new(); self.unit_count as usize];
        let mut sorted: Vec<_> = self.phrase_patterns.into_iter().collect();
        sorted.sort_unstable_by_key(|(_, pattern)| *pattern);
        for (units, pattern) in sorted {
            if let Some(&last) = units.last() {
                let before_last = units.len().checked_sub(2).map_or(NO_UNIT, |i| units[i]);
                phrases_by_last_unit[last as usize].push((phrases.len() as u32, before_last));
            }
            phrases.push(Phrase { units, pattern });
        }
        // Names: every symbol literal, and every form of a technology.
        let technology_set = sets.len();
        let mut names: Vec<Name> = self
            .patterns
            .iter()
            .map(|owners| {
                let technology = owners.iter().any(|owner| {
                    owner.role == Role::Form
                        && self.terms[owner.term as usize].set == technology_set
                });
                if technology {
                    Name::Technology
                } else {
                    Name::No
                }
            })
            .collect();
        for symbol in &symbols {
            names[symbol.pattern as usize] = Name::Symbol;
        }
        let exact_need_uppercase = self
            .exact_units
            .keys()
            .all(|word| word.chars().any(char::is_uppercase));

        Ok(Matcher {
            analyzer: self.analyzer,
            sets,
            set_offsets,
            vocabulary,
            instances,
            instance_terms,
            set_technologies,
            names,
            terms: self.terms,
            patterns: self.patterns,
            stem_units: self.stem_units,
            folded_units: self.folded_units,
            exact_units: self.exact_units,
            exact_need_uppercase,
            phrases,
            phrases_by_last_unit,
            symbols,
            symbol_scan,
            symbol_finder,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sets::{SetOrigin, parse_set};

    /// A matcher over one `skills` set written as `[[term]]` TOML bodies.
    fn matcher(terms: &str) -> Matcher {
        let text =
            format!("id = \"t\"\nname = \"T\"\nkind = \"skills\"\ndescription = \"test\"\n{terms}");
        Matcher::new(vec![parse_set(&text, SetOrigin::Builtin).unwrap()]).unwrap()
    }

    /// Names of the terms found in `text`.
    fn found(matcher: &Matcher, text: &str) -> Vec<String> {
        let matches = matcher.find(text);
        matcher.sets()[0]
            .terms
            .iter()
            .zip(&matches.terms)
            .filter(|(_, hits)| hits.count > 0)
            .map(|(term, _)| term.name.clone())
            .collect()
    }

    const LANGUAGES: &str = r#"
[[term]]
name = "Go"
aliases = ["Golang"]
case-sensitive = true
exclude = ["go live", "go-to-market"]
[[term]]
name = "C"
[[term]]
name = "C++"
[[term]]
name = "C#"
[[term]]
name = ".NET"
[[term]]
name = "ASP.NET"
[[term]]
name = "Node.js"
[[term]]
name = "Java"
[[term]]
name = "SQL"
case-sensitive = false
[[term]]
name = "REST"
aliases = ["RESTful"]
[[term]]
name = "auth"
[[term]]
name = "CI/CD"
[[term]]
name = "TCP/IP"
"#;

    #[test]
    fn false_friends_do_not_match() {
        let m = matcher(LANGUAGES);
        let none: &[&str] = &[
            "I will go through the rest of the backlog before go-live.",
            "Go live in March; our go-to-market plan is ready.",
            "JavaScript and TypeScript only.",
            "NoSQL stores, MySQL and PostgreSQL clusters.",
            "Computer networking and network security; see example.net.",
            "Authored two papers; the author list is long.",
            "Letters A, B and c grade.",
        ];
        for text in none {
            assert_eq!(found(&m, text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn symbol_terms_match_as_written() {
        let m = matcher(LANGUAGES);
        let cases: &[(&str, &[&str])] = &[
            ("C++ and C# on .NET", &["C++", "C#", ".NET"]),
            ("ASP.NET Core services", &["ASP.NET"]),
            ("Built APIs in Node.js.", &["Node.js"]),
            ("- **CI/CD** with TCP/IP tuning", &["CI/CD", "TCP/IP"]),
            ("Embedded C, then C++17.", &["C", "C++"]),
            ("Go, Golang, and SQL", &["Go", "SQL"]),
            ("RESTful services and a REST API; the rest of it", &["REST"]),
            ("OAuth is not auth; auth tokens are", &["auth"]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(&m, text), *expected, "{text:?}");
        }
    }

    #[test]
    fn symbol_regions_find_what_a_whole_text_search_finds() {
        let mut terms = String::from(LANGUAGES);
        for extra in ["e.g.", "a.b/c", "x+", "Ü/Ö"] {
            terms.push_str(&format!("[[term]]\nname = {extra:?}\n"));
        }
        let m = matcher(&terms);
        let pieces = [
            "C++", "c#", ".net", "ASP.NET", "node.JS", "CI/CD", "tcp/ip", "I/O", "UI/UX", "e.g.",
            "a.b/c", "x+", "ü/ö", "Ü/Ö", ".", "/", "+", "#", " ", "\n", ". ", "C", "NET", "js",
            "e", "g", "x", "ab", "é",
        ];
        let mut random = crate::testing::XorShift::new(0x5eed_5eed);
        let mut hits = Vec::new();
        let mut regions = Vec::new();
        for _ in 0..3000 {
            let text: String = (0..random.below(24))
                .map(|_| pieces[random.below(pieces.len())])
                .collect();
            let whole: Vec<(usize, Range<usize>)> = m
                .symbol_finder
                .find_iter(text.as_str())
                .map(|found| (found.pattern().as_usize(), found.range()))
                .collect();
            m.symbol_scan
                .regions(text.as_bytes(), &mut hits, &mut regions);
            let by_region: Vec<(usize, Range<usize>)> = regions
                .iter()
                .flat_map(|region| {
                    m.symbol_finder
                        .find_iter(Input::new(&text).range(region.clone()))
                })
                .map(|found| (found.pattern().as_usize(), found.range()))
                .collect();
            assert_eq!(by_region, whole, "{text:?}");
        }
    }

    const PHRASES: &str = r#"
[[term]]
name = "continuous integration"
[[term]]
name = "query optimization"
[[term]]
name = "auto-scaling"
[[term]]
name = "indexing"
[[term]]
name = "infrastructure as code"
aliases = ["IaC"]
[[term]]
name = "lead"
"#;

    #[test]
    fn phrases_cross_lines_but_not_sentences() {
        let m = matcher(PHRASES);
        let cases: &[(&str, &[&str])] = &[
            (
                "set up continuous\n   integration",
                &["continuous integration"],
            ),
            (
                "continuous\n• integration and more",
                &["continuous integration"],
            ),
            ("continuous  -  integration", &["continuous integration"]),
            ("it was continuous. Integration came later", &[]),
            ("continuous, integration", &[]),
            ("continuous\n\nintegration", &[]),
            ("optimized queries", &[]),
            ("query optimizations", &["query optimization"]),
            ("infrastructure\nas code", &["infrastructure as code"]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(&m, text), *expected, "{text:?}");
        }
    }

    #[test]
    fn compounds_inflections_and_irregulars_match() {
        let m = matcher(PHRASES);
        for text in [
            "auto-scaling",
            "auto scaling",
            "Autoscaling groups",
            "auto-scaled",
        ] {
            assert_eq!(found(&m, text), ["auto-scaling"], "{text:?}");
        }
        for text in ["indexes", "indexed", "Indexing"] {
            assert_eq!(found(&m, text), ["indexing"], "{text:?}");
        }
        assert_eq!(found(&m, "Led the team"), ["lead"]);
        assert_eq!(found(&m, "IaC with Terraform"), ["infrastructure as code"]);
    }

    #[test]
    fn short_acronyms_are_case_sensitive_by_default() {
        assert!(is_short_acronym("REST"));
        assert!(is_short_acronym("AWS"));
        assert!(is_short_acronym("S3"));
        assert!(!is_short_acronym("IaC"));
        assert!(!is_short_acronym("Go"));
        assert!(!is_short_acronym("KUBERNETES"));
        let m =
            matcher("[[term]]\nname = \"API\"\n[[term]]\nname = \"AWS\"\ncase-sensitive = false\n");
        assert_eq!(found(&m, "api and APIs"), ["API"]);
        assert_eq!(found(&m, "aws"), ["AWS"]);
        assert_eq!(found(&m, "an api"), Vec::<String>::new());
    }

    #[test]
    fn evidence_keeps_form_kind_and_lines() {
        let m = matcher(
            "[[term]]\nname = \"indexing\"\n[[term]]\nname = \"REST\"\naliases = [\"RESTful\"]\n[[term]]\nname = \"continuous integration\"\n",
        );
        let matches = m.find("indexes\nRESTful\nREST and indexing\ncontinuous\nintegration");
        let hits = &matches.terms;
        assert_eq!(hits[0].count, 2);
        assert_eq!(hits[0].lines, [1, 3]);
        assert_eq!(hits[0].how, Some(MatchKind::Exact));
        assert_eq!(hits[0].forms, ["indexes", "indexing"]);
        assert_eq!(hits[1].how, Some(MatchKind::Exact));
        assert_eq!(hits[1].lines, [2, 3]);
        assert_eq!(hits[2].lines, [4]);
        assert_eq!(hits[2].forms, ["continuous integration"]);
        let stem_only = m.find("indexed");
        assert_eq!(stem_only.terms[0].how, Some(MatchKind::Stem));
        let alias_only = m.find("RESTful");
        assert_eq!(alias_only.terms[1].how, Some(MatchKind::Alias));
    }

    #[test]
    fn counting_without_evidence_keeps_counts_and_kinds() {
        let m = matcher(&format!("{LANGUAGES}{PHRASES}"));
        let texts = [
            "indexes\nRESTful\nREST and indexing\ncontinuous\nintegration",
            "Go, Golang; go live. C++ and C# on .NET, auto scaling, Autoscaling, Led",
            "RESTful services and a REST API; the rest of it",
        ];
        let mut scratch = Scratch::default();
        for text in texts {
            let full = m.find(text);
            let counted = m.count_with(text, &mut scratch);
            assert_eq!(full.words, counted.words, "{text:?}");
            for (f, c) in full.terms.iter().zip(&counted.terms) {
                assert_eq!((f.count, f.how), (c.count, c.how), "{text:?}");
                assert!(c.lines.is_empty() && c.forms.is_empty());
            }
        }
    }

    #[test]
    fn the_word_cache_gives_back_what_it_was_given() {
        let mut cache = WordCache::default();
        let value = |first: usize| WordUnits {
            units: [first as u32, 1, 2],
            ends_phrase: first.is_multiple_of(3),
        };
        let words: Vec<String> = (0..5000)
            .map(|i| match i % 4 {
                0 => format!("w{i}"),
                1 => format!("Wörd{i}"),
                2 => "x".repeat(i % 40 + 1),
                _ => format!("a-very-long-word-beyond-the-inline-limit-{i}"),
            })
            .collect();
        for (i, word) in words.iter().enumerate() {
            if cache.get(word, word.as_bytes()).is_none() {
                cache.insert(word, value(i));
            }
        }
        for word in &words {
            let first = words.iter().position(|w| w == word).unwrap();
            // Looked up alone, and followed by more text as in a document.
            let in_text = format!("{word} and more text after it, past 16 bytes");
            assert_eq!(
                cache.get(word, word.as_bytes()),
                Some(value(first)),
                "{word}"
            );
            assert_eq!(
                cache.get(word, in_text.as_bytes()),
                Some(value(first)),
                "{word}"
            );
        }
        assert_eq!(cache.get("never", b"never"), None);
        // Inline (15 bytes) and not (19, 23): words[i] is "x" repeated i % 40 + 1 times.
        for (len, first) in [(15, 14), (19, 18), (23, 22)] {
            let word = "x".repeat(len);
            assert_eq!(cache.get(&word, word.as_bytes()), Some(value(first)));
        }
    }

    #[test]
    fn overlapping_forms_of_a_term_count_once() {
        let m = matcher("[[term]]\nname = \"REST\"\naliases = [\"REST API\"]\n");
        assert_eq!(m.find("a REST API").terms[0].count, 1);
        assert_eq!(m.find("REST, REST").terms[0].count, 2);
    }

    #[test]
    fn colliding_terms_in_one_set_are_an_error() {
        let text = "id = \"t\"\nname = \"T\"\nkind = \"core\"\ndescription = \"d\"\n[[term]]\nname = \"scaling\"\n[[term]]\nname = \"scale\"\n";
        let err = Matcher::new(vec![parse_set(text, SetOrigin::Builtin).unwrap()])
            .err()
            .unwrap();
        assert!(
            format!("{err:#}").contains("matches the same words as term \"scaling\""),
            "{err:#}"
        );
    }

    #[test]
    fn sets_share_forms_without_colliding() {
        let set = |id: &str| {
            parse_set(
                &format!("id = \"{id}\"\nname = \"N\"\nkind = \"core\"\ndescription = \"d\"\n[[term]]\nname = \"code reviews\"\n"),
                SetOrigin::Builtin,
            )
            .unwrap()
        };
        let m = Matcher::new(vec![set("a"), set("b")]).unwrap();
        let matches = m.find("Did code review daily");
        assert_eq!(matches.terms[0].count, 1);
        assert_eq!(matches.terms[1].count, 1);
    }
}
