//! The analyzer: text → words → folded words → stems.
//!
//! Stages, in run order, each named for its effect:
//! 1. [`for_each_word`] segments text into words (Unicode UAX #29 rules, with an
//!    ASCII fast path), keeping each word's byte offset, its line, and whether a
//!    phrase break (sentence end, clause mark, blank line) stands before it;
//! 2. [`fold_case`] lowercases a word and unifies apostrophes;
//! 3. [`Analyzer::stem`] maps irregular verb forms to their base, then applies the
//!    English Snowball stemmer.
//!
//! Case folding comes before stemming, because the stemmer expects lowercase.
//! Keyword terms go through the very same stages as documents, so a term and the
//! text it should match always agree.

mod atoms;
pub mod dates;
pub mod outline;
pub mod titles;
mod tokenize;
pub mod years;

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

pub use tokenize::{Word, Words, for_each_word};

/// Folds and stems words; one per thread or shared, it holds no mutable state.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An English analyzer.
    pub fn new() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of an already case-folded word.
    pub fn stem<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        match irregular_base(folded) {
            Some(base) => self.stemmer.stem(base),
            None => self.stemmer.stem(folded),
        }
    }

    /// Folds and stems every word of `text`, for display and tests.
    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut stems = Vec::new();
        let mut folded = String::new();
        for_each_word(text, |word| {
            fold_case(word.text, &mut folded);
            stems.push(self.stem(&folded).into_owned());
        });
        stems
    }
}

/// Writes the lowercase form of `word` into `out`, with typographic apostrophes
/// (’ ʼ) made ASCII, so "Team’s" and "team's" fold alike.
pub fn fold_case(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{02BC}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The base form of an irregular verb form that the stemmer cannot reach,
/// for the verbs resumes use to describe work ("led", "built", "wrote", "ran").
fn irregular_base(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "led" => "lead",
        "built" => "build",
        "rebuilt" => "rebuild",
        "wrote" | "written" => "write",
        "rewrote" | "rewritten" => "rewrite",
        "ran" => "run",
        "taught" => "teach",
        "brought" => "bring",
        "began" | "begun" => "begin",
        "chose" | "chosen" => "choose",
        "drove" | "driven" => "drive",
        "grew" | "grown" => "grow",
        "made" => "make",
        "oversaw" | "overseen" => "oversee",
        "took" | "taken" => "take",
        "undertook" | "undertaken" => "undertake",
        "understood" => "understand",
        "thought" => "think",
        "sought" => "seek",
        "kept" => "keep",
        "held" => "hold",
        "spent" => "spend",
        "sent" => "send",
        "drew" | "drawn" => "draw",
        "spun" => "spin",
        "won" => "win",
        "met" => "meet",
        "dealt" => "deal",
        "gave" | "given" => "give",
        "saw" | "seen" => "see",
        "shown" => "show",
        "fought" => "fight",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        let analyzer = Analyzer::new();
        let groups: &[&[&str]] = &[
            &["indexing", "indexes", "indexed", "index"],
            &["optimization", "optimizing", "optimized", "optimize"],
            &["led", "lead", "leading", "leads"],
            &["built", "build", "building", "builds"],
            &["wrote", "write", "writing", "written"],
            &["ran", "run", "running"],
            &["APIs", "API", "api's"],
        ];
        for group in groups {
            let stems: Vec<_> = group.iter().map(|w| analyzer.stems(w)).collect();
            assert!(
                stems.windows(2).all(|pair| pair[0] == pair[1]),
                "{group:?} stem apart: {stems:?}"
            );
        }
    }

    #[test]
    fn false_friends_stem_apart() {
        let analyzer = Analyzer::new();
        for (a, b) in [
            ("author", "auth"),
            ("network", "net"),
            ("query", "optimization"),
        ] {
            assert_ne!(analyzer.stems(a), analyzer.stems(b), "{a} ~ {b}");
        }
    }

    #[test]
    fn folding_unifies_case_and_apostrophes() {
        let mut out = String::new();
        fold_case("Team’s", &mut out);
        assert_eq!(out, "team's");
        fold_case("ÜBER", &mut out);
        assert_eq!(out, "über");
        fold_case("PostgreSQL", &mut out);
        assert_eq!(out, "postgresql");
    }
}
