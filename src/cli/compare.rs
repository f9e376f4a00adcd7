//! `rolefit compare`: a resume against one job posting, with the gap spelled out.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, ValueEnum};

use super::GlobalArgs;
use super::score::SelectionArgs;
use crate::compare::{CompareOptions, PreparedPosting, TextProblem};
use crate::error::Exit;
use crate::extract::{DEFAULT_MAX_BYTES, Document, ExtractOptions, Parsers, read_document_with};
use crate::report::{self, CompareReport, Format, RenderOptions};
use crate::sets::{builtin, load_sets};
use crate::settings::SetSettings;

/// `rolefit compare --help`, after the options.
pub const COMPARE_HELP: &str = "\
The posting's terms are the terms of the keyword sets it contains, plus its own
technical names (capitalised or symbol names, repeated phrases). Each is
required (a Requirements or Must-have section; \"must\", \"required\", \"N+ years\")
or preferred (Nice to have, Preferred; \"a plus\", \"bonus\", \"preferred\").
The match rate is the weight of the terms the resume has over the weight of
all posting terms, required terms weighing 3 and preferred ones 1.

Empty or garbled text (too few words, mostly symbols, broken ligatures,
replacement characters) is refused with exit code 2.

Exit codes:
  0  success
  2  usage error, or a file could not be read or its text is garbled";

/// Output formats of `rolefit compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormatArg {
    Table,
    Json,
    Markdown,
}

impl From<CompareFormatArg> for Format {
    fn from(format: CompareFormatArg) -> Self {
        match format {
            CompareFormatArg::Table => Format::Table,
            CompareFormatArg::Json => Format::Json,
            CompareFormatArg::Markdown => Format::Markdown,
        }
    }
}

/// Arguments of `rolefit compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The resume (plain text or Markdown); `-` reads standard input
    #[arg(value_name = "RESUME")]
    resume: PathBuf,
    /// The job posting (plain text or Markdown); `-` reads standard input
    #[arg(value_name = "POSTING")]
    posting: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = CompareFormatArg::Table)]
    format: CompareFormatArg,
    /// Count only exact forms and declared aliases, not stems, as an ATS that
    /// searches literally would
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    selection: SelectionArgs,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
}

/// Everything `rolefit compare` needs, resolved from flags and configuration.
#[derive(Debug, Clone)]
pub struct CompareSettings {
    /// The resume's path, `-` for standard input.
    pub resume: PathBuf,
    /// The posting's path, `-` for standard input.
    pub posting: PathBuf,
    /// The sets (built-in and the user's, filtered) and the ignored terms.
    pub sets: SetSettings,
    /// Count only exact forms and aliases.
    pub strict: bool,
    /// How documents are read.
    pub extract: ExtractOptions,
    /// Output format.
    pub format: Format,
    /// Rendering options.
    pub render: RenderOptions,
}

impl CompareArgs {
    fn resolve(&self, global: &GlobalArgs) -> Result<CompareSettings> {
        if self.resume.as_os_str() == "-" && self.posting.as_os_str() == "-" {
            bail!("only one of RESUME and POSTING can be `-` (standard input)");
        }
        let config = global.config()?;
        Ok(CompareSettings {
            resume: self.resume.clone(),
            posting: self.posting.clone(),
            sets: self.selection.resolve(global, config.as_ref()),
            strict: self.strict,
            extract: ExtractOptions {
                max_bytes: self.max_size,
                ..ExtractOptions::default()
            },
            format: self.format.into(),
            render: global.render_options(false),
        })
    }

    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
        compare(&self.resolve(global)?, parsers, out)
    }
}

/// Reads both documents, compares them and writes the report. Any unreadable,
/// empty or garbled document is an error (exit code 2).
fn compare(settings: &CompareSettings, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
    let posting = read_document_with(&settings.posting, &settings.extract, parsers)?;
    let resume = read_document_with(&settings.resume, &settings.extract, parsers)?;
    let prepared = prepare_posting(&settings.sets, &posting, settings.strict)?;
    let result = prepared
        .compare(&resume.text)
        .map_err(|problem| anyhow!("{}: {problem}", resume.path))?;
    let report = CompareReport::new(resume.path, posting.path, result);
    report::write_compare(out, &report, settings.format, settings.render)
        .context("cannot write the report")?;
    Ok(Exit::Success)
}

/// Loads the sets and prepares `posting` for comparisons; empty or garbled
/// posting text is an error naming the file.
pub(super) fn prepare_posting(
    sets: &SetSettings,
    posting: &Document,
    strict: bool,
) -> Result<PreparedPosting> {
    let options = CompareOptions {
        strict,
        ignore: sets.ignore.clone(),
    };
    let mut loaded = sets.selection.apply(load_sets(&sets.sources)?)?;
    // The posting's technologies are terms too, whatever sets are selected.
    loaded.push(builtin::vocabulary()?.to_skills_set());
    PreparedPosting::prepare(&posting.text, loaded, options).map_err(|err| {
        match err.downcast::<TextProblem>() {
            Ok(problem) => anyhow!("{}: {problem}", posting.path),
            Err(err) => err,
        }
    })
}
