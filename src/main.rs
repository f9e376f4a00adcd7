//! The `rolefit` binary: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rolefit::cli::run(rolefit::cli::Cli::parse()).into()
}
