//! Shared harness for the CLI tests: run the binary in a clean environment,
//! make temp files, find fixtures.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod pdf;

/// The `rolefit` binary with no colour or CI variables inherited, and
/// "present" in a document's dates fixed to November 2026, when the fixtures
/// were written, so results do not change as time passes.
pub fn rolefit() -> Command {
    let mut command = Command::cargo_bin("rolefit").unwrap();
    command
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .env_remove("GITHUB_ACTIONS")
        .env("TERM", "xterm")
        .args(["--as-of", "2026-11"]);
    command
}

/// Path of a file under `fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(relative)
}

/// Path of a fixture as a string, for command arguments.
pub fn fixture_arg(relative: &str) -> String {
    fixture(relative).to_string_lossy().into_owned()
}

/// A temp folder that lives as long as the value.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Writes `contents` to `name` inside the sandbox and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Output of a finished command, as strings.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` and collects its exit code and output.
pub fn run(command: &mut Command) -> Ran {
    let output = command.output().unwrap();
    Ran {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}
