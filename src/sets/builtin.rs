//! The built-in keyword sets, compiled into the binary from `keywords/`.
//!
//! They are taken from the backend-developer career-guide text kept in
//! `shared/source/`; each term's `section` names the passage it comes from.

use anyhow::Result;

use super::{KeywordSet, SetOrigin, parse_set};

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
}
