//! The command line: clap types, their resolution into [`crate::settings`], and
//! the commands, one submodule each. This is the only module that writes to
//! standard output and standard error.

mod batch;
mod compare;
mod extract;
mod score;
mod sets;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analyze::dates::YearMonth;
use crate::error::{EXIT_CODES_HELP, Exit};
use crate::escape::{LineGuard, inline};
use crate::extract::{InputFormat, Parsers};
use crate::level::{DocumentKind, LevelOptions};
use crate::report::{Format, RenderOptions};
use crate::sets::{SetKind, SetSources};
use crate::settings::{Config, find_config, load_config};

/// Scores resumes and job postings against backend-developer role keyword sets.
#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: GlobalArgs,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Add keyword sets from a TOML file or a folder of them (repeatable); a set
    /// with a built-in's id replaces it
    #[arg(long = "keywords", value_name = "PATH", global = true)]
    keywords: Vec<PathBuf>,
    /// Use only the sets given with --keywords
    #[arg(long, global = true)]
    no_builtin: bool,
    /// When to colour output (`auto`: on a terminal, unless NO_COLOR or CI is set)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    /// Read settings from this file instead of the rolefit.toml found in the
    /// current folder or its parents
    #[arg(long, value_name = "PATH", global = true)]
    config: Option<PathBuf>,
    /// Do not look for a rolefit.toml
    #[arg(long, global = true, conflicts_with = "config")]
    no_config: bool,
    /// Let the configuration file name keyword files outside its own folder
    /// (by default it may not: a rolefit.toml can come with an untrusted
    /// checkout)
    #[arg(long, global = true)]
    trust_config: bool,
    /// The month "present" stands for in a resume's dates (default: this
    /// month), for results that do not change as time passes
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month, global = true)]
    as_of: Option<YearMonth>,
}

/// Parses `--as-of`: `YYYY-MM`.
fn parse_month(text: &str) -> Result<YearMonth, String> {
    let (year, month) = text
        .split_once('-')
        .ok_or_else(|| format!("{text:?} is not YYYY-MM"))?;
    let year: u16 = year.parse().map_err(|_| format!("{year:?} is no year"))?;
    let month: u8 = month
        .parse()
        .map_err(|_| format!("{month:?} is no month"))?;
    YearMonth::new(year, month).ok_or_else(|| format!("{month} is no month (1 to 12)"))
}

/// This month, from the system clock (UTC).
fn this_month() -> YearMonth {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    YearMonth::new(
        u16::try_from(year).unwrap_or(u16::MAX),
        u8::try_from(month).unwrap_or(1),
    )
    .unwrap_or(YearMonth {
        year: 1970,
        month: 1,
    })
}

/// Which kind of document the inputs are, for their level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    /// Tell each by its text: a posting has "Requirements", "What you'll
    /// do", "we are looking for" and no experience section
    Auto,
    /// Resumes
    Resume,
    /// Job postings
    Posting,
}

impl GlobalArgs {
    /// How levels are read: the month "present" stands for, and the kind.
    fn level_options(&self, document: DocumentArg) -> LevelOptions {
        LevelOptions {
            today: self.as_of.unwrap_or_else(this_month),
            kind: match document {
                DocumentArg::Auto => None,
                DocumentArg::Resume => Some(DocumentKind::Resume),
                DocumentArg::Posting => Some(DocumentKind::Posting),
            },
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score documents against the keyword sets
    #[command(after_help = EXIT_CODES_HELP)]
    Score(score::ScoreArgs),
    /// List the keyword sets, or show one set's terms
    Sets(sets::SetsArgs),
    /// Score every document under folders, in parallel, ranked
    #[command(after_help = batch::batch_help())]
    Batch(batch::BatchArgs),
    /// Compare a resume with one job posting: match rate and missing terms
    #[command(after_help = compare::COMPARE_HELP)]
    Compare(compare::CompareArgs),
    /// Print the text rolefit reads from documents (PDF, DOCX, HTML, ...)
    #[command(after_help = EXIT_CODES_HELP)]
    Extract(extract::ExtractArgs),
}

/// `--format-in`: the input format, instead of detecting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormatArg {
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Odt,
    Rtf,
    Latex,
    /// JSON Resume
    Json,
}

impl From<InputFormatArg> for InputFormat {
    fn from(format: InputFormatArg) -> Self {
        match format {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Pdf => InputFormat::Pdf,
            InputFormatArg::Docx => InputFormat::Docx,
            InputFormatArg::Odt => InputFormat::Odt,
            InputFormatArg::Rtf => InputFormat::Rtf,
            InputFormatArg::Latex => InputFormat::Latex,
            InputFormatArg::Json => InputFormat::JsonResume,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    Table,
    Json,
    Jsonl,
    Markdown,
    Github,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Github => Format::Github,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum KindArg {
    Core,
    Level,
    Specialization,
    Skills,
}

impl From<KindArg> for SetKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Core => SetKind::Core,
            KindArg::Level => SetKind::Level,
            KindArg::Specialization => SetKind::Specialization,
            KindArg::Skills => SetKind::Skills,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl GlobalArgs {
    /// The configuration file: `--config`, else the first rolefit.toml found
    /// from the current folder up, unless `--no-config`.
    fn config(&self) -> Result<Option<Config>> {
        if self.no_config {
            return Ok(None);
        }
        let path = match &self.config {
            Some(path) => Some(path.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|dir| find_config(&dir)),
        };
        path.map(|path| load_config(&path)).transpose()
    }

    /// Keyword sources: `--keywords` and `--no-builtin` if given, else the
    /// configuration file's (its paths relative to its folder).
    fn sources(&self, config: Option<&Config>) -> SetSources {
        let file = config.map(|c| &c.file);
        let (paths, confine) = match config {
            Some(config) if self.keywords.is_empty() => (
                config
                    .file
                    .keywords
                    .iter()
                    .map(|path| config.folder().join(path))
                    .collect(),
                (!self.trust_config).then(|| config.path.clone()),
            ),
            _ => (self.keywords.clone(), None),
        };
        SetSources {
            paths,
            no_builtin: self.no_builtin || file.and_then(|f| f.no_builtin).unwrap_or(false),
            confine,
        }
    }

    /// Colour on a terminal unless NO_COLOR is set (non-empty) or TERM is dumb;
    /// `always` and `never` decide alone.
    fn render_options(&self, details: bool) -> RenderOptions {
        let terminal = io::stdout().is_terminal();
        let color = match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("CI").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        };
        RenderOptions {
            details,
            color,
            terminal,
        }
    }
}

impl Command {
    /// Whether standard output goes through a [`LineGuard`]: always, but for
    /// the real workflow commands of `--format github` and `extract --raw`.
    fn guarded(&self) -> bool {
        match self {
            Command::Score(args) => !args.writes_annotations(),
            Command::Batch(args) => !args.writes_annotations(),
            Command::Extract(args) => !args.raw(),
            Command::Sets(_) | Command::Compare(_) => true,
        }
    }
}

/// Runs a parsed command line and returns how it ended; PDF, DOCX and ODT
/// files are parsed by `parsers`. Errors are printed here, once, to standard
/// error; an error writing the output (a full disk) is one of them, and a
/// closed pipe ends quietly.
pub fn run(cli: Cli, parsers: &Parsers) -> Exit {
    let stdout = io::stdout();
    let mut out = LineGuard::new(stdout.lock(), cli.command.guarded());
    let result = match &cli.command {
        Command::Score(args) => args.run(&cli.global, parsers, &mut out),
        Command::Sets(args) => args.run(&cli.global, &mut out),
        Command::Batch(args) => args.run(&cli.global, parsers, &mut out),
        Command::Compare(args) => args.run(&cli.global, parsers, &mut out),
        Command::Extract(args) => args.run(parsers, &mut out),
    };
    let finished = out.finish().context("cannot write to standard output");
    match result.and_then(|exit| finished.map(|()| exit)) {
        Ok(exit) => exit,
        Err(err) if is_broken_pipe(&err) => Exit::Success,
        Err(err) => {
            report_error(&err);
            Exit::Error
        }
    }
}

/// Prints an error to standard error, once, with its causes, on one line
/// with its control characters escaped (a file name may hold any).
pub(crate) fn report_error(err: &anyhow::Error) {
    let line = format!("rolefit: error: {}\n", inline(&format!("{err:#}")));
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io_err| io_err.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
