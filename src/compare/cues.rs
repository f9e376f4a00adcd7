//! Required or preferred: the posting's own wording.
//!
//! Two sources, the nearer winning:
//! 1. the *clause* a term stands in (its sentence, or the parenthetical remark
//!    it is in, which falls back to its sentence): a preferred cue ("nice to
//!    have", "a plus", "bonus", "preferred", "ideally", "welcome", "not
//!    required", …) wins over a required cue ("required", "must", "at least",
//!    "minimum", "N+ years", "N or more years", "N years of", …) in the same
//!    clause, so "welcome but not required" is preferred;
//! 2. the *section* it is in, by its heading: "Nice to have", "Preferred",
//!    "Bonus", "Pluses" are preferred; "Requirements", "Must have",
//!    "Qualifications", "What you need", "What we're looking for", "You have" are
//!    required; "Benefits", "What we offer", "Compensation", "How to apply", "How
//!    we hire", "About us", "About `<Company>`", "The details" are boilerplate.

use std::sync::LazyLock;

use regex::Regex;

use super::TermClass;

/// What a section heading says about the terms under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionClass {
    Required,
    Preferred,
    /// Pay, perks, hiring process, the company: nothing asked for.
    Boilerplate,
    /// Anything else (responsibilities, the role, the team).
    Neutral,
}

const NUMBER: &str = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)";

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|err| unreachable!("cue pattern {pattern:?}: {err}"))
}

static PREFERRED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:nice[- ]to[- ]haves?|good[- ]to[- ]haves?|a (?:big |huge |strong )?plus|pluses|bonus(?:es)?|preferred|preferably|prefer|desirable|desired|ideally|not required|optional|welcome|advantage|advantageous|extra credit)\b",
    )
});

static REQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)\b(?:required|requires?|requirements?|must|mandatory|essential|minimum|at least|need to have)\b|\b{NUMBER}\s*\+\s*years?\b|\b{NUMBER}\s+(?:or more|plus)\s+years?\b|\b{NUMBER}\s+years?['’]?\s+(?:of|in|with|as|building|working|writing|running|leading|doing)\b"
    ))
});

static BOILERPLATE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:benefits?|perks|what we offer|we offer|compensation|salary|pay|equal (?:employment )?opportunity|how to apply|how we hire|hiring process|interview process|about us|about the company|our values|the details|why join|life at|location)\b",
    )
});

static ABOUT_NAME: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*[Aa]bout\s+\p{Lu}"));

/// The cue in a clause's text, if any; a preferred cue wins.
pub(crate) fn clause_cue(text: &str) -> Option<TermClass> {
    if PREFERRED.is_match(text) {
        Some(TermClass::Preferred)
    } else if REQUIRED.is_match(text) {
        Some(TermClass::Required)
    } else {
        None
    }
}

/// What a heading (as written) says about its section.
pub(crate) fn heading_class(heading: &str) -> SectionClass {
    let named_about = ABOUT_NAME.is_match(heading)
        && !["about the", "about you", "about this", "about our"]
            .iter()
            .any(|p| heading.trim_start().to_lowercase().starts_with(p));
    if PREFERRED.is_match(heading) {
        SectionClass::Preferred
    } else if BOILERPLATE_HEADING.is_match(heading) || named_about {
        SectionClass::Boilerplate
    } else if REQUIRED.is_match(heading) || required_heading(heading) {
        SectionClass::Required
    } else {
        SectionClass::Neutral
    }
}

fn required_heading(heading: &str) -> bool {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        regex(
            r"(?i)\b(?:qualifications|what you(?:'|’)?(?:ll| will)? need|what you bring|you have|who you are|what we(?:'|’)?re looking for|what we are looking for|looking for|must[- ]haves?|skills and experience|experience and skills)\b",
        )
    });
    HEADING.is_match(heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_cues() {
        use TermClass::*;
        let cases: &[(&str, Option<TermClass>)] = &[
            ("Deep experience with Terraform or Pulumi.", None),
            ("5+ years of Go", Some(Required)),
            (
                "Six or more years in DevOps, SRE or platform roles.",
                Some(Required),
            ),
            (
                "Four or more years of professional SQL work",
                Some(Required),
            ),
            (
                "at least seven years building on public cloud",
                Some(Required),
            ),
            ("Three years of experience with Kafka", Some(Required)),
            ("Five years ago the product ran on a rack", None),
            ("You must know Go", Some(Required)),
            ("Kafka is required.", Some(Required)),
            ("MySQL or SQL Server is a plus.", Some(Preferred)),
            ("GraphQL would be a big plus", Some(Preferred)),
            ("(Python preferred)", Some(Preferred)),
            (
                "Experience with healthcare rules is welcome but not required",
                Some(Preferred),
            ),
            ("Bonus points for Rust", Some(Preferred)),
            ("Nice-to-have: Helm", Some(Preferred)),
            (
                "MySQL or PostgreSQL, plus at least one NoSQL store",
                Some(Required),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(clause_cue(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn heading_classes() {
        use SectionClass::*;
        let cases: &[(&str, SectionClass)] = &[
            ("Requirements", Required),
            ("Must have", Required),
            ("Basic qualifications", Required),
            ("What you’ll need", Required),
            ("What we're looking for", Required),
            ("Nice to have", Preferred),
            ("Preferred qualifications", Preferred),
            ("Preferred", Preferred),
            ("Bonus points", Preferred),
            ("What we offer", Boilerplate),
            ("Pay and benefits", Boilerplate),
            ("Compensation and benefits", Boilerplate),
            ("How we hire", Boilerplate),
            ("About Acme", Boilerplate),
            ("About the team", Neutral),
            ("About you", Neutral),
            ("Responsibilities", Neutral),
            ("What you will do", Neutral),
        ];
        for (heading, expected) in cases {
            assert_eq!(heading_class(heading), *expected, "{heading:?}");
        }
    }
}
