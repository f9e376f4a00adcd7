//! The posting's own technical terms: the names no keyword set knows.
//!
//! Deterministic and deliberately simple; three kinds of candidate, looked for
//! only in text that *asks* (not the masthead, headings, boilerplate sections
//! or equal-opportunity statements), and never inside a term a set already
//! found:
//!
//! 1. **symbol names**: a token with `+ # / .` and a capital letter or a `.js`
//!    ending (C++, CI/CD, Node.js, A/B); not an address, e-mail or abbreviation
//!    such as U.S. or B.S.;
//! 2. **capitalised names**: a word with a capital (Snowflake, OpenTelemetry,
//!    gRPC) that is not on the stop list ([`super::words`]), that the posting
//!    never also writes in lowercase (so "Cloud" in a name is not a term when
//!    "cloud" is a word; [`AMBIGUOUS_TERMS`](super::AMBIGUOUS_TERMS) are exempt),
//!    and that is not sentence-initial unless the posting also writes it
//!    capitalised mid-sentence or it has a capital inside (GitHub). It must
//!    look technical: a capital inside, or a sentence that also holds a set's
//!    term or such a word, or a clause or section marked required or preferred.
//!    Adjacent names join into one (Argo CD, GitHub Actions), at most three
//!    words. A name whose words are in the masthead (company, place) counts
//!    only where the posting marks it required or preferred;
//! 3. **repeated phrases**: two lowercase words, neither on the stop list, used
//!    at least twice and at least once in a required or preferred clause or
//!    section (event sourcing, feature flags).
//!
//! Candidates are then deduplicated by their stems, and dropped when they are
//! ignored or a set's form matches the whole candidate.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::posting::PostingView;
use super::words::{is_ambiguous, is_stop_word};
use crate::analyze::{Analyzer, Word, fold_case, for_each_word};

/// The most words a joined name may have.
const MAX_NAME_WORDS: usize = 3;

/// What kind of candidate a discovered term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CandidateKind {
    Symbol,
    Name,
    Phrase,
}

/// A term the posting uses that no set knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub name: String,
    pub kind: CandidateKind,
}

struct Occurrence {
    name: String,
    kind: CandidateKind,
    range: Range<usize>,
    marked: bool,
}

/// Finds the posting's own terms. `set_spans` are where set terms stand
/// (sorted); `known` tells whether a set's form matches a whole text.
pub(crate) fn discover(
    view: &PostingView<'_>,
    set_spans: &[Range<usize>],
    ignore: &[String],
    known: impl Fn(&str) -> bool,
) -> Vec<Candidate> {
    let text = view.layout.text;
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word));
    let in_spans = |spans: &[Range<usize>], range: &Range<usize>| {
        let i = spans.partition_point(|s| s.end <= range.start);
        spans.get(i).is_some_and(|s| s.start < range.end)
    };

    // Symbol names first: words inside them are not looked at again.
    let mut symbol_spans = Vec::new();
    let mut occurrences = Vec::new();
    for (range, token) in symbol_tokens(text) {
        symbol_spans.push(range.clone());
        if view.asks(range.start) && !in_spans(set_spans, &range) {
            occurrences.push(Occurrence {
                name: token.to_string(),
                kind: CandidateKind::Symbol,
                marked: view.class_at(range.start).is_some(),
                range,
            });
        }
    }

    let mut lowercase = BTreeSet::new();
    let mut capitalised_mid = BTreeSet::new();
    let mut technical_sentences = BTreeSet::new();
    for span in set_spans.iter().chain(&symbol_spans) {
        technical_sentences.extend(view.sentence_at(span.start));
    }
    for word in &words {
        let w = strip_possessive(word.text);
        if !w.chars().any(char::is_uppercase) {
            lowercase.insert(w.to_string());
        } else if !view.layout.opens_sentence(word.start) {
            capitalised_mid.insert(w.to_string());
        }
        if has_inner_capital(w) {
            technical_sentences.extend(view.sentence_at(word.start));
        }
    }

    let masthead_names: BTreeSet<&str> = words
        .iter()
        .filter(|w| view.in_masthead(view.layout.line_at(w.start)))
        .map(|w| strip_possessive(w.text))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_stop_word(w))
        .collect();

    // Capitalised names: each word's standing, then runs of adjacent words.
    let standing: Vec<Standing> = words
        .iter()
        .map(|word| {
            let w = strip_possessive(word.text);
            let range = word.start..word.start + w.len();
            let technical = has_inner_capital(w)
                || view.class_at(word.start).is_some()
                || view
                    .sentence_at(word.start)
                    .is_some_and(|s| technical_sentences.contains(&s));
            let candidate = is_name_candidate(w)
                && technical
                && !in_spans(&symbol_spans, &range)
                && !in_spans(set_spans, &range)
                && (!lowercase.contains(&w.to_lowercase()) || is_ambiguous(w))
                && view.asks(word.start);
            if !candidate {
                Standing::No
            } else if !view.layout.opens_sentence(word.start)
                || capitalised_mid.contains(w)
                || has_inner_capital(w)
            {
                Standing::Name
            } else {
                Standing::No
            }
        })
        .collect();
    let adjacent = |a: usize, b: usize| {
        !words[b].break_before && text[words[a].end()..words[b].start].trim().is_empty()
    };
    let mut i = 0;
    while i < words.len() {
        if standing[i] == Standing::No {
            i += 1;
            continue;
        }
        let first = i;
        let mut end = i + 1;
        while end < words.len()
            && end - first < MAX_NAME_WORDS
            && standing[end] == Standing::Name
            && adjacent(end - 1, end)
        {
            end += 1;
        }
        i = end;
        let last = &words[end - 1];
        let range = words[first].start..last.start + strip_possessive(last.text).len();
        if touches_capitalised_span(text, set_spans, &range) {
            continue;
        }
        let names: Vec<&str> = words[first..end]
            .iter()
            .map(|w| strip_possessive(w.text))
            .collect();
        occurrences.push(Occurrence {
            name: names.join(" "),
            kind: CandidateKind::Name,
            marked: words[first..end]
                .iter()
                .any(|w| view.class_at(w.start).is_some()),
            range,
        });
    }
    occurrences.retain(|o| {
        o.kind != CandidateKind::Name
            || o.marked
            || !o.name.split(' ').any(|w| masthead_names.contains(w))
    });

    occurrences.extend(repeated_phrases(view, &words, set_spans, &symbol_spans));
    occurrences.sort_by_key(|o| o.range.start);

    // Deduplicate by stems, in order of first use.
    let analyzer = Analyzer::new();
    let mut seen = BTreeSet::new();
    let mut candidates = Vec::new();
    for occurrence in occurrences {
        let key = stem_key(&analyzer, &occurrence.name);
        if ignore
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&occurrence.name))
            || !seen.insert(key)
            || known(&occurrence.name)
        {
            continue;
        }
        candidates.push(Candidate {
            name: occurrence.name,
            kind: occurrence.kind,
        });
    }
    candidates
}

/// Whether a word is (part of) a capitalised name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    No,
    Name,
}

/// True when a set's term written with a capital stands right before or after
/// `range` (only spaces or a hyphen between, on the same line): the name is
/// one the set knows in part (SQL Server, Azure API Management), left to it.
fn touches_capitalised_span(text: &str, spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let close =
        |gap: &str| !gap.contains('\n') && gap.chars().all(|c| c.is_whitespace() || c == '-');
    let capital = |span: &Range<usize>| {
        text[span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let after = spans.partition_point(|s| s.start < range.end);
    let before = spans.partition_point(|s| s.end <= range.start);
    let touches_before = before
        .checked_sub(1)
        .map(|i| &spans[i])
        .is_some_and(|s| capital(s) && close(&text[s.end..range.start]));
    let touches_after = spans
        .get(after)
        .is_some_and(|s| capital(s) && close(&text[range.end..s.start]));
    touches_before || touches_after
}

/// Lowercase two-word phrases used twice or more, once where marked.
fn repeated_phrases(
    view: &PostingView<'_>,
    words: &[Word<'_>],
    set_spans: &[Range<usize>],
    symbol_spans: &[Range<usize>],
) -> Vec<Occurrence> {
    let text = view.layout.text;
    let analyzer = Analyzer::new();
    let plain =
        |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()) && !is_stop_word(w);
    let covered = |range: &Range<usize>| {
        set_spans
            .iter()
            .chain(symbol_spans)
            .any(|s| s.start < range.end && range.start < s.end)
    };
    let mut by_key: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let range = a.start..b.end();
        if !(plain(a.text) && plain(b.text))
            || b.break_before
            || !text[a.end()..b.start].trim().is_empty()
            || covered(&range)
            || !view.asks(a.start)
        {
            continue;
        }
        let name = format!("{} {}", a.text, b.text);
        by_key
            .entry(stem_key(&analyzer, &name))
            .or_default()
            .push(Occurrence {
                name,
                kind: CandidateKind::Phrase,
                marked: view.class_at(a.start).is_some(),
                range,
            });
    }
    by_key
        .into_values()
        .filter(|uses| uses.len() >= 2 && uses.iter().any(|o| o.marked))
        .flat_map(|uses| uses.into_iter().take(1))
        .collect()
}

/// Whitespace-separated tokens that are symbol names, with their ranges.
fn symbol_tokens(text: &str) -> Vec<(Range<usize>, &str)> {
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\S+").unwrap_or_else(|err| unreachable!("token pattern: {err}"))
    });
    static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{0,2}$")
            .unwrap_or_else(|err| unreachable!("abbreviation pattern: {err}"))
    });
    let mut tokens = Vec::new();
    for m in TOKEN.find_iter(text) {
        let raw = m.as_str();
        let trimmed_start = raw.trim_start_matches(|c: char| "([{\"'“‘*_<`".contains(c));
        let mut token = trimmed_start;
        loop {
            let shorter = token
                .trim_end_matches(|c: char| ")]}\"'”’*_,;:!?>`".contains(c))
                .trim_end_matches('.');
            if shorter.len() == token.len() {
                break;
            }
            token = shorter;
        }
        let token = strip_possessive(token);
        let start = m.start() + (raw.len() - trimmed_start.len());
        let is_symbol = token.len() <= 24
            && token.contains(['+', '#', '/', '.'])
            && token.chars().any(|c| c.is_ascii_alphabetic())
            && (token.chars().any(char::is_uppercase) || token.to_lowercase().ends_with(".js"))
            && !token.ends_with('/')
            && !token.contains('@')
            && !token.contains("://")
            && !token.to_lowercase().starts_with("www.")
            && !ABBREVIATION.is_match(token);
        if is_symbol {
            tokens.push((start..start + token.len(), token));
        }
    }
    tokens
}

/// A word that could name a technology: a capital letter, not on the stop
/// list, not an abbreviation with dots, not "A" or "I".
fn is_name_candidate(w: &str) -> bool {
    let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
    (starts_upper || has_inner_capital(w))
        && !w.contains('.')
        && !is_stop_word(w)
        && !matches!(w, "A" | "I")
}

/// A capital right after a lowercase letter: GitHub, gRPC, PostgreSQL, iOS.
pub(crate) fn has_inner_capital(w: &str) -> bool {
    let mut previous_lower = false;
    for c in w.chars() {
        if c.is_uppercase() && previous_lower {
            return true;
        }
        previous_lower = c.is_lowercase();
    }
    false
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// The words of `name`, folded and stemmed, joined by spaces.
fn stem_key(analyzer: &Analyzer, name: &str) -> String {
    let mut folded = String::new();
    let mut key = Vec::new();
    for_each_word(name, |word| {
        fold_case(word.text, &mut folded);
        key.push(analyzer.stem(&folded).into_owned());
    });
    if key.is_empty() {
        return name.to_lowercase();
    }
    // Symbol names keep their symbols: C++ and C are different terms.
    if name.contains(['+', '#', '/', '.']) {
        return name.to_lowercase();
    }
    key.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(posting: &str, known: &[&str]) -> Vec<String> {
        let view = PostingView::new(posting);
        let mut spans = Vec::new();
        for term in known {
            let mut at = 0;
            while let Some(i) = posting[at..].find(term) {
                let (start, end) = (at + i, at + i + term.len());
                let alone = !posting[..start].ends_with(char::is_alphanumeric)
                    && !posting[end..].starts_with(char::is_alphanumeric);
                if alone {
                    spans.push(start..end);
                }
                at = end;
            }
        }
        spans.sort_by_key(|s| s.start);
        discover(&view, &spans, &["Ignored".to_string()], |name| {
            known.iter().any(|k| k.eq_ignore_ascii_case(name))
        })
        .into_iter()
        .map(|c| c.name)
        .collect()
    }

    const POSTING: &str = "# Senior Data Engineer\n\n**Nimbus Freight** · Oslo · Remote\n\nNimbus Freight moves parcels across Norway. We run event sourcing on Kafka and keep our security tight.\n\n## Requirements\n\n- Strong experience with Snowflake and dbt.\n- Kafka in production, with event sourcing and CI/CD.\n- Observability with OpenTelemetry and Argo CD.\n- Ignored things and Ignored stuff.\n- You can go through a plan in Go.\n\n## Nice to have\n\n- Experience with gRPC or A/B testing on Node.js.\n- Docker.\n\n## Benefits\n\n- Tickets to Bergen and a Friday lunch.\n\nNimbus Freight is an equal opportunity employer.\n";

    #[test]
    fn finds_names_symbols_and_repeated_phrases() {
        assert_eq!(
            names(POSTING, &["security"]),
            [
                "event sourcing",
                "Kafka",
                "Snowflake",
                "CI/CD",
                "OpenTelemetry",
                "Argo CD",
                "Go",
                "gRPC",
                "A/B",
                "Node.js",
            ]
        );
    }

    #[test]
    fn known_terms_are_left_to_the_sets() {
        let found = names(POSTING, &["Kafka", "CI/CD", "security"]);
        assert!(
            !found.iter().any(|n| n == "Kafka" || n == "CI/CD"),
            "{found:?}"
        );
    }

    #[test]
    fn filters() {
        // Sentence-initial without a mid-sentence use: Docker, Observability.
        // Masthead words: Nimbus, Freight, Oslo. Boilerplate: Bergen, Friday.
        // Lowercase elsewhere: "plan". Stop list: Strong, Experience.
        let found = names(POSTING, &["security"]);
        for word in [
            "Docker",
            "Observability",
            "Nimbus",
            "Oslo",
            "Bergen",
            "Norway",
            "Strong",
        ] {
            assert!(
                !found.iter().any(|n| n.contains(word)),
                "{word} in {found:?}"
            );
        }
    }

    #[test]
    fn fragments_of_names_a_set_knows_are_left_to_it() {
        let posting = "# Data Engineer\n\n## Requirements\n\n- A Microsoft SQL Server estate and Azure API Management gateways.\n- Amazon SP-API and Aurora PostgreSQL clusters.\n";
        assert_eq!(
            names(posting, &["SQL", "API", "Azure"]),
            ["Aurora PostgreSQL"]
        );
    }

    #[test]
    fn inner_capitals() {
        for (word, expected) in [
            ("GitHub", true),
            ("gRPC", true),
            ("PostgreSQL", true),
            ("AWS", false),
            ("Kafka", false),
        ] {
            assert_eq!(has_inner_capital(word), expected, "{word}");
        }
    }

    #[test]
    fn symbol_tokens_skip_addresses_and_abbreviations() {
        let tokens: Vec<&str> = symbol_tokens(
            "Use C++, (Node.js) and CI/CD; not U.S. or B.S. or e.g. or and/or or a@b.io or https://x.io/Y.",
        )
        .into_iter()
        .map(|(_, t)| t)
        .collect();
        assert_eq!(tokens, ["C++", "Node.js", "CI/CD"]);
    }
}
