//! `rolefit score`: score documents against the keyword sets, and check them.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::{DocumentArg, FormatArg, GlobalArgs, InputFormatArg, KindArg, report_error};
use crate::checks::{Checks, evaluate};
use crate::error::Exit;
use crate::escape::inline;
use crate::extract::{DEFAULT_MAX_BYTES, ExtractOptions, Parsers, read_document_with};
use crate::matching::Scratch;
use crate::report::{self, DocumentReport, Format, ScoreReport};
use crate::score::{ScorePlan, inline_ignores};
use crate::sets::SetKind;
use crate::settings::{
    CheckPlan, Config, ScoreSettings, SetSelection, SetSettings, parse_threshold,
};

/// Arguments of `rolefit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Documents to score (text, Markdown, HTML, PDF, DOCX, ODT, RTF, LaTeX,
    /// JSON Resume); `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    format: FormatArg,
    /// Add per-term evidence: counts, line numbers, how each term matched
    #[arg(long)]
    details: bool,
    #[command(flatten)]
    selection: SelectionArgs,
    #[command(flatten)]
    checks: CheckArgs,
    /// Print only failures (failed checks and unreadable files)
    #[arg(long, short)]
    quiet: bool,
    /// Count only names and declared aliases, not stems or instances, as an
    /// ATS that searches literally would
    #[arg(long)]
    strict: bool,
    /// What the documents are, for their level
    #[arg(long, value_enum, value_name = "KIND", default_value_t = DocumentArg::Auto)]
    document: DocumentArg,
    /// Refuse input files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_size: u64,
    /// Read the files as this format instead of detecting it
    #[arg(long, value_enum, value_name = "FORMAT")]
    format_in: Option<InputFormatArg>,
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

/// `--min-score` and `--require`, shared by the commands that check.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail (exit 1) when SET scores below N; SET is a set id,
    /// `best-specialization` or `fit` (repeatable)
    #[arg(long = "min-score", value_name = "SET=N")]
    min_scores: Vec<String>,
    /// Fail (exit 1) when TERM is not found (repeatable)
    #[arg(long = "require", value_name = "TERM")]
    required: Vec<String>,
}

impl CheckArgs {
    /// Whether any check was given on the command line.
    pub fn is_given(&self) -> bool {
        !self.min_scores.is_empty() || !self.required.is_empty()
    }

    /// The checks given on the command line.
    pub fn checks(&self) -> Result<Checks> {
        let mut checks = Checks::default();
        for text in &self.min_scores {
            checks.set_threshold(parse_threshold(text)?);
        }
        for term in &self.required {
            checks.require(term.trim());
        }
        Ok(checks)
    }
}

impl SelectionArgs {
    /// The sets to load and the filter to apply: flags first, then the
    /// configuration file.
    pub fn resolve(&self, global: &GlobalArgs, config: Option<&Config>) -> SetSettings {
        let file = config.map(|c| &c.file);
        let ids = if self.sets.is_empty() {
            file.and_then(|f| f.sets.clone()).unwrap_or_default()
        } else {
            self.sets.clone()
        };
        let kinds = if self.kinds.is_empty() {
            file.and_then(|f| f.kinds.clone()).unwrap_or_default()
        } else {
            self.kinds.iter().copied().map(SetKind::from).collect()
        };
        SetSettings {
            sources: global.sources(config),
            selection: SetSelection { ids, kinds },
            ignore: file.map(|f| f.ignore.clone()).unwrap_or_default(),
        }
    }
}

impl ScoreArgs {
    /// Whether the output is GitHub workflow commands.
    pub(super) fn writes_annotations(&self) -> bool {
        self.format == FormatArg::Github
    }

    fn resolve(&self, global: &GlobalArgs) -> Result<ScoreSettings> {
        let config = global.config()?;
        Ok(ScoreSettings {
            inputs: self.files.clone(),
            sets: self.selection.resolve(global, config.as_ref()),
            checks: CheckPlan::new(config.as_ref(), self.checks.checks()?)?,
            extract: ExtractOptions {
                max_bytes: self.max_size,
                format: self.format_in.map(Into::into),
            },
            format: self.format.into(),
            render: global.render_options(self.details),
            quiet: self.quiet,
            strict: self.strict,
            level: global.level_options(self.document),
        })
    }

    /// Runs the command.
    pub fn run(&self, global: &GlobalArgs, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
        score(&self.resolve(global)?, parsers, out)
    }
}

/// Scores and checks each readable document. An unreadable one is reported on
/// standard error and makes the exit code 2, but does not stop the others; a
/// failed check makes it 1.
fn score(settings: &ScoreSettings, parsers: &Parsers, out: &mut dyn Write) -> Result<Exit> {
    let matcher = settings.sets.matcher(&settings.checks.required_terms())?;
    settings.checks.validate(matcher.sets())?;
    let mut scratch = Scratch::default();
    let plan = ScorePlan::new(&matcher, &settings.sets.ignore, settings.strict);
    let mut documents = Vec::with_capacity(settings.inputs.len());
    let mut exit = Exit::Success;
    for input in &settings.inputs {
        match read_document_with(input, &settings.extract, parsers) {
            Ok(document) => {
                let matches = matcher.find_with(&document.text, &mut scratch);
                let inline = inline_ignores(&document.text);
                let signals = settings.level.signals(&document.text);
                let score = if inline.is_empty() {
                    plan.score(&document.path, &matcher, &matches, &signals)
                } else {
                    let mut ignored = settings.sets.ignore.clone();
                    ignored.extend(inline);
                    ScorePlan::new(&matcher, &ignored, settings.strict).score(
                        &document.path,
                        &matcher,
                        &matches,
                        &signals,
                    )
                };
                let checks = evaluate(&score, &settings.checks.for_path(&document.path));
                documents.push(DocumentReport { score, checks });
            }
            Err(err) => {
                report_error(&err.into());
                exit = Exit::Error;
            }
        }
    }
    let report = ScoreReport::new(documents);
    if report.failed_documents() > 0 {
        exit = exit.max(Exit::CheckFailed);
    }
    if settings.format != Format::Github {
        report_failures(&report);
    }
    let show_report = !settings.quiet || settings.format == Format::Github;
    if show_report && !report.documents.is_empty() {
        report::write_score(out, &report, settings.format, settings.render)
            .context("cannot write the report")?;
    }
    Ok(exit)
}

/// One line on standard error per failed check.
fn report_failures(report: &ScoreReport) {
    let mut stderr = io::stderr().lock();
    for document in &report.documents {
        for check in document.checks.iter().filter(|check| !check.passed) {
            let line = format!(
                "{}: {} ({})",
                document.score.path, check.message, check.check
            );
            let _ = writeln!(stderr, "rolefit: check failed: {}", inline(&line));
        }
    }
}
