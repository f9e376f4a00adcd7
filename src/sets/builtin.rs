//! The built-in keyword sets, compiled into the binary from `keywords/`.
//!
//! They are taken from the backend-developer career-guide text kept in
//! `shared/source/`; each term's `section` names the passage it comes from.

use anyhow::Result;

use super::{KeywordSet, SetOrigin, Vocabulary, parse_category, parse_set};

/// The built-in sets' TOML sources, in display order: core, levels, specializations.
pub const SOURCES: [(&str, &str); 10] = [
    ("core", include_str!("../../keywords/core.toml")),
    ("entry", include_str!("../../keywords/entry.toml")),
    ("mid", include_str!("../../keywords/mid.toml")),
    ("senior", include_str!("../../keywords/senior.toml")),
    ("api", include_str!("../../keywords/api.toml")),
    ("database", include_str!("../../keywords/database.toml")),
    ("cloud", include_str!("../../keywords/cloud.toml")),
    ("devops", include_str!("../../keywords/devops.toml")),
    ("security", include_str!("../../keywords/security.toml")),
    ("architect", include_str!("../../keywords/architect.toml")),
];

/// The built-in vocabulary's TOML sources, one per category, by category id.
pub const VOCABULARY_SOURCES: [(&str, &str); 26] = [
    (
        "architecture",
        include_str!("../../keywords/technologies/architecture.toml"),
    ),
    (
        "backend-frameworks",
        include_str!("../../keywords/technologies/backend-frameworks.toml"),
    ),
    (
        "ci-cd",
        include_str!("../../keywords/technologies/ci-cd.toml"),
    ),
    (
        "cloud-aws",
        include_str!("../../keywords/technologies/cloud-aws.toml"),
    ),
    (
        "cloud-azure",
        include_str!("../../keywords/technologies/cloud-azure.toml"),
    ),
    (
        "cloud-gcp",
        include_str!("../../keywords/technologies/cloud-gcp.toml"),
    ),
    (
        "cloud-other",
        include_str!("../../keywords/technologies/cloud-other.toml"),
    ),
    (
        "containers",
        include_str!("../../keywords/technologies/containers.toml"),
    ),
    (
        "data-platforms",
        include_str!("../../keywords/technologies/data-platforms.toml"),
    ),
    (
        "databases",
        include_str!("../../keywords/technologies/databases.toml"),
    ),
    (
        "developer-tools",
        include_str!("../../keywords/technologies/developer-tools.toml"),
    ),
    (
        "frontend",
        include_str!("../../keywords/technologies/frontend.toml"),
    ),
    (
        "identity",
        include_str!("../../keywords/technologies/identity.toml"),
    ),
    (
        "infrastructure",
        include_str!("../../keywords/technologies/infrastructure.toml"),
    ),
    (
        "languages",
        include_str!("../../keywords/technologies/languages.toml"),
    ),
    (
        "machine-learning",
        include_str!("../../keywords/technologies/machine-learning.toml"),
    ),
    (
        "messaging",
        include_str!("../../keywords/technologies/messaging.toml"),
    ),
    (
        "methods",
        include_str!("../../keywords/technologies/methods.toml"),
    ),
    (
        "mobile",
        include_str!("../../keywords/technologies/mobile.toml"),
    ),
    (
        "observability",
        include_str!("../../keywords/technologies/observability.toml"),
    ),
    (
        "operating-systems",
        include_str!("../../keywords/technologies/operating-systems.toml"),
    ),
    (
        "protocols-apis",
        include_str!("../../keywords/technologies/protocols-apis.toml"),
    ),
    (
        "security-standards",
        include_str!("../../keywords/technologies/security-standards.toml"),
    ),
    (
        "security-tools",
        include_str!("../../keywords/technologies/security-tools.toml"),
    ),
    (
        "testing",
        include_str!("../../keywords/technologies/testing.toml"),
    ),
    (
        "web-servers",
        include_str!("../../keywords/technologies/web-servers.toml"),
    ),
];

/// Parses the built-in technology vocabulary.
pub fn vocabulary() -> Result<Vocabulary> {
    let parts = VOCABULARY_SOURCES
        .iter()
        .map(|(_, text)| parse_category(text, SetOrigin::Builtin))
        .collect::<Result<Vec<_>>>()?;
    Vocabulary::new(parts)
}

/// Parses the built-in sets.
pub fn sets() -> Result<Vec<KeywordSet>> {
    SOURCES
        .iter()
        .map(|(_, text)| parse_set(text, SetOrigin::Builtin))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_builtin_set_parses_with_its_file_id() {
        let sets = sets().unwrap();
        for ((file_id, _), set) in SOURCES.iter().zip(&sets) {
            assert_eq!(*file_id, set.id);
            assert!(!set.terms.is_empty());
            assert!(!set.description.is_empty());
            assert!(set.terms.iter().all(|t| t.section.is_some()), "{}", set.id);
        }
        let ids: BTreeSet<_> = sets.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), sets.len());
    }

    #[test]
    fn the_builtin_vocabulary_loads_with_its_file_ids() {
        let vocabulary = vocabulary().unwrap();
        for ((file_id, _), category) in VOCABULARY_SOURCES.iter().zip(&vocabulary.categories) {
            assert_eq!(*file_id, category.id);
        }
        assert!(vocabulary.technologies.len() >= 600);
    }

    /// Forms that are English words yet essentially never mean the everyday
    /// word in a resume or a posting, so flagging them would only lose real
    /// matches: the guard would set aside "Python services for billing".
    const NOT_EVERYDAY: &[&str] = &["Android", "Azure", "Python", "pandas", "pip"];

    /// A form written the way an everyday word is written: one word of
    /// letters, all lowercase or with only its first letter capitalised
    /// ("Spring", "go"; not "REST" or "TypeScript", whose capitals already
    /// tell them apart).
    fn written_like_a_word(form: &str) -> bool {
        let mut chars = form.chars();
        chars.next().is_some_and(char::is_alphabetic)
            && chars.all(|c| c.is_lowercase() && c.is_alphabetic())
    }

    #[test]
    fn every_form_that_is_an_english_word_is_flagged_everyday() {
        let words: BTreeSet<&str> = include_str!("../../tests/data/english-words.txt")
            .lines()
            .collect();
        assert!(words.len() > 30_000 && words.contains("spring"));
        let vocabulary = vocabulary().unwrap();
        let mut unflagged = Vec::new();
        for technology in &vocabulary.technologies {
            for form in technology.forms() {
                let word = form.to_lowercase();
                if written_like_a_word(form)
                    && words.contains(word.as_str())
                    && !technology.everyday.iter().any(|e| e == form)
                    && !NOT_EVERYDAY.contains(&form)
                {
                    unflagged.push(form.to_string());
                }
            }
        }
        assert!(unflagged.is_empty(), "not flagged everyday: {unflagged:?}");
        for form in NOT_EVERYDAY {
            assert!(vocabulary.lookup(form).is_some(), "{form} is no form");
        }
    }

    #[test]
    fn every_instance_of_a_builtin_set_is_a_technology() {
        let matcher =
            crate::matching::Matcher::with_vocabulary(sets().unwrap(), vocabulary().unwrap());
        assert!(matcher.is_ok(), "{:#}", matcher.err().unwrap());
    }
}
