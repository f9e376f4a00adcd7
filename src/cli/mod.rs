//! The command line: clap types, their resolution into [`crate::settings`], and
//! the commands, one submodule each. This is the only module that writes to
//! standard output and standard error.

mod score;
mod sets;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::{EXIT_CODES_HELP, Exit};
use crate::report::{Format, RenderOptions};
use crate::sets::{SetKind, SetSources};

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
    /// When to colour output (NO_COLOR turns off `auto`)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score documents against the keyword sets
    #[command(after_help = EXIT_CODES_HELP)]
    Score(score::ScoreArgs),
    /// List the keyword sets, or show one set's terms
    Sets(sets::SetsArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    Table,
    Json,
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
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
    fn sources(&self) -> SetSources {
        SetSources {
            paths: self.keywords.clone(),
            no_builtin: self.no_builtin,
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

/// Runs a parsed command line and returns how it ended. Errors are printed
/// here, once, to standard error.
pub fn run(cli: Cli) -> Exit {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match &cli.command {
        Command::Score(args) => args.run(&cli.global, &mut out),
        Command::Sets(args) => args.run(&cli.global, &mut out),
    };
    match result.and_then(|exit| out.flush().map(|()| exit).map_err(Into::into)) {
        Ok(exit) => exit,
        Err(err) if is_broken_pipe(&err) => Exit::Success,
        Err(err) => {
            report_error(&err);
            Exit::Error
        }
    }
}

/// Prints an error to standard error, once, with its causes.
pub(crate) fn report_error(err: &anyhow::Error) {
    let _ = writeln!(io::stderr().lock(), "rolefit: error: {err:#}");
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
