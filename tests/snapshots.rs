//! Snapshots of what a user sees, reviewed like code (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fixture_arg, rolefit, run};

fn score(args: &[&str]) -> String {
    let ran = run(rolefit()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("score")
        .args(args));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    ran.stdout
}

#[test]
fn table() {
    insta::assert_snapshot!(score(&["fixtures/resumes/mid-api-developer.md"]));
}

#[test]
fn table_with_details() {
    insta::assert_snapshot!(score(&[
        "--details",
        "--set",
        "api",
        "--keywords",
        "fixtures/keywords",
        "--set",
        "languages",
        "fixtures/resumes/mid-api-developer.md"
    ]));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(score(&[
        "--format",
        "markdown",
        "fixtures/postings/senior-devops-engineer.md"
    ]));
}

#[test]
fn json() {
    insta::assert_snapshot!(score(&[
        "--format",
        "json",
        "--set",
        "devops",
        "fixtures/postings/senior-devops-engineer.md"
    ]));
}

#[test]
fn sets_list() {
    let ran = run(rolefit().arg("sets"));
    insta::assert_snapshot!(ran.stdout);
}

#[test]
fn help() {
    let ran = run(rolefit().arg("--help"));
    insta::assert_snapshot!(ran.stdout);
    let _ = fixture_arg;
}
