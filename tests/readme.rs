//! The README's CI examples run as written, on `fixtures/ci-repo/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fenced blocks of `language` inside the README's "Use in CI" section.
fn ci_blocks(language: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("## Use in CI").expect("a Use in CI section");
    let end = readme[start + 1..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + 1 + i);
    let section = &readme[start..end];
    let fence = format!("```{language}\n");
    let mut blocks = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find(&fence) {
        let body = &rest[open + fence.len()..];
        let close = body.find("```").unwrap();
        blocks.push(body[..close].to_string());
        rest = &body[close..];
    }
    blocks
}

/// A copy of the fixture repository in a temp folder.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = root().join("fixtures/ci-repo");
    for entry in walk(&source) {
        let target = dir.path().join(entry.strip_prefix(&source).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Runs a shell script with the freshly built `rolefit` first on PATH.
fn bash(script: &str, dir: &Path) -> (i32, String) {
    let binary = assert_cmd::cargo::cargo_bin("rolefit");
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let text =
        String::from_utf8(output.stdout).unwrap() + &String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap_or(-1), text)
}

/// Removes every mention of CI/CD from the senior posting, so its check fails.
fn break_senior_posting(dir: &Path) {
    let path = dir.join("postings/senior-devops-engineer.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("CI/CD", "delivery")).unwrap();
}

#[test]
fn the_github_actions_step_runs_as_written() {
    let workflow = ci_blocks("yaml").pop().expect("a workflow");
    let step = workflow
        .split("- name: Check postings")
        .nth(1)
        .expect("a Check postings step");
    let command = step
        .lines()
        .find_map(|line| line.trim().strip_prefix("run: "))
        .expect("a run line");
    let repo = repo();
    let (code, output) = bash(command, repo.path());
    assert_eq!(code, 0, "{output}");
    assert!(
        output
            .lines()
            .any(|line| line == "rolefit: all 2 documents passed their checks"),
        "{output}"
    );

    break_senior_posting(repo.path());
    let (code, output) = bash(command, repo.path());
    assert_eq!(code, 1, "{output}");
    assert!(
        output.starts_with(
            "::error file=postings/senior-devops-engineer.md,line=1,title=rolefit check failed::"
        ),
        "{output}"
    );
    assert!(
        output.contains("required term \"CI/CD\" is missing"),
        "{output}"
    );
}

#[test]
fn the_shell_example_runs_as_written() {
    let script = ci_blocks("sh").pop().expect("a shell example");
    let repo = repo();
    let (code, output) = bash(&script, repo.path());
    assert_eq!((code, output.as_str()), (0, ""));

    break_senior_posting(repo.path());
    let (code, output) = bash(&script, repo.path());
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("rolefit: check failed: postings/senior-devops-engineer.md: required term \"CI/CD\" is missing"), "{output}");
    assert!(output.contains("a posting failed its checks\n"), "{output}");
}
