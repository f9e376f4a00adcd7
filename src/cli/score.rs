//! `rolefit score`: score documents against the keyword sets.

use std::io::Write;

use anyhow::{Context, Result};
use clap::Args;

use super::{FormatArg, GlobalArgs, KindArg, report_error};
use crate::error::Exit;
use crate::extract::{DEFAULT_MAX_BYTES, ExtractOptions, read_document};
use crate::matching::Scratch;
use crate::report::{self, ScoreReport};
use crate::score::score_document;
use crate::sets::SetKind;
use crate::settings::{ScoreSettings, SetSelection, SetSettings};

/// Arguments of `rolefit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Documents to score (plain text or Markdown); `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Add per-term evidence: counts, line numbers, how each term matched
    #[arg(long)]
    details: bool,
    #[command(flatten)]
    selection: SelectionArgs,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
}

/// `--set` and `--kind`, shared by the commands that score.
#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Use only this set (repeatable)
    #[arg(long = "set", value_name = "ID")]
    sets: Vec<String>,
    /// Use only sets of this kind (repeatable)
    #[arg(long = "kind", value_enum, value_name = "KIND")]
    kinds: Vec<KindArg>,
}

impl SelectionArgs {
    /// The sets to load and the filter to apply.
    pub fn resolve(&self, global: &GlobalArgs) -> SetSettings {
        SetSettings {
            sources: global.sources(),
            selection: SetSelection {
                ids: self.sets.clone(),
                kinds: self.kinds.iter().copied().map(SetKind::from).collect(),
            },
        }
    }
}

impl ScoreArgs {
    fn resolve(&self, global: &GlobalArgs) -> ScoreSettings {
        ScoreSettings {
            inputs: self.files.clone(),
            sets: self.selection.resolve(global),
            extract: ExtractOptions {
                max_bytes: self.max_size,
            },
            format: self.format.into(),
            render: global.render_options(self.details),
        }
    }

    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, out: &mut dyn Write) -> Result<Exit> {
        score(&self.resolve(global), out)
    }
}

/// Scores each readable document; an unreadable one is reported on standard
/// error and makes the exit code 2, but does not stop the others.
fn score(settings: &ScoreSettings, out: &mut dyn Write) -> Result<Exit> {
    let matcher = settings.sets.matcher()?;
    let mut scratch = Scratch::default();
    let mut documents = Vec::with_capacity(settings.inputs.len());
    let mut exit = Exit::Success;
    for input in &settings.inputs {
        match read_document(input, &settings.extract) {
            Ok(document) => {
                let matches = matcher.find_with(&document.text, &mut scratch);
                documents.push(score_document(&document.path, &matcher, &matches));
            }
            Err(err) => {
                report_error(&err.into());
                exit = Exit::Error;
            }
        }
    }
    if !documents.is_empty() {
        report::write_score(
            out,
            &ScoreReport::new(documents),
            settings.format,
            settings.render,
        )
        .context("cannot write the report")?;
    }
    Ok(exit)
}
