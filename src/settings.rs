//! Resolved settings: what a run does, with flags already parsed and checked.
//!
//! The command line (`cli`) builds these; the engine sees nothing of clap.

use anyhow::{Result, bail};

use crate::extract::ExtractOptions;
use crate::matching::Matcher;
use crate::report::{Format, RenderOptions};
use crate::sets::{KeywordSet, SetKind, SetSources, load_sets};

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
}

impl SetSettings {
    /// Loads, filters and compiles the sets.
    pub fn matcher(&self) -> Result<Matcher> {
        Matcher::new(self.selection.apply(load_sets(&self.sources)?)?)
    }
}

/// Everything `rolefit score` needs.
#[derive(Debug, Clone)]
pub struct ScoreSettings {
    /// The documents: paths, `-` for standard input.
    pub inputs: Vec<String>,
    /// The sets.
    pub sets: SetSettings,
    /// How documents are read.
    pub extract: ExtractOptions,
    /// Output format.
    pub format: Format,
    /// Rendering options.
    pub render: RenderOptions,
}
