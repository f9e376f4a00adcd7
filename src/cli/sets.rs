//! `rolefit sets`: list the keyword sets, or show one set's terms.

use std::io::Write;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};

use super::{FormatArg, GlobalArgs};
use crate::error::Exit;
use crate::matching::Matcher;
use crate::report;
use crate::sets::{builtin, load_sets};
use crate::settings::SetSelection;

/// Arguments of `rolefit sets`.
#[derive(Debug, Args)]
pub struct SetsArgs {
    #[command(subcommand)]
    action: Option<SetsAction>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table, global = true)]
    format: FormatArg,
}

#[derive(Debug, Subcommand)]
enum SetsAction {
    /// Show one set's terms, aliases and weights
    Show {
        /// The set id
        id: String,
    },
}

impl SetsArgs {
    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, out: &mut dyn Write) -> Result<Exit> {
        let config = global.config()?;
        let sets = load_sets(&global.sources(config.as_ref()))?;
        // Compiling checks the sets the way scoring would (colliding terms,
        // unknown instances), and resolves the instances to show.
        let matcher = Matcher::with_vocabulary(sets.clone(), builtin::vocabulary()?)?;
        let options = global.render_options(false);
        let format = self.format.into();
        match &self.action {
            None => report::write_set_list(out, &sets, format, options),
            Some(SetsAction::Show { id }) => {
                let selection = SetSelection {
                    ids: vec![id.clone()],
                    kinds: vec![],
                };
                let set = selection.apply(sets)?.remove(0);
                let index = matcher
                    .sets()
                    .iter()
                    .position(|other| other.id == set.id)
                    .unwrap_or_default();
                let instances: Vec<Vec<&str>> = matcher
                    .term_ids(index)
                    .map(|id| {
                        matcher
                            .instances_of(id)
                            .map(|t| matcher.term_name(t))
                            .collect()
                    })
                    .collect();
                report::write_set_detail(out, &set, &instances, format, options)
            }
        }
        .context("cannot write the list of sets")?;
        Ok(Exit::Success)
    }
}
