//! The `rolefit` binary: parse the command line, run it, exit with its code.
//!
//! Started with [`isolate::WORKER_ARG`] as its first argument (by itself, never
//! by a user), it is a worker that parses PDF, DOCX and ODT files for the
//! process that started it ([`isolate::serve`]).

use std::process::ExitCode;

use clap::Parser;
use rolefit::extract::Parsers;
use rolefit::extract::isolate::{self, Pool, WorkerCommand, WorkerLimits};

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|arg| arg == isolate::WORKER_ARG)
    {
        return match isolate::serve(std::io::stdin().lock(), std::io::stdout().lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    let cli = rolefit::cli::Cli::parse();
    // Without its own path the binary cannot start workers: it reads in-process.
    let parsers = match std::env::current_exe() {
        Ok(program) => Parsers::Isolated(Pool::new(
            WorkerCommand {
                program,
                args: vec![isolate::WORKER_ARG.into()],
            },
            WorkerLimits::default(),
        )),
        Err(_) => Parsers::InProcess,
    };
    rolefit::cli::run(cli, &parsers).into()
}
