//! `rolefit batch` end to end: what it picks up, what it skips, how it reports
//! failures, its CSV and JSON Lines schemas, and its stable order.
//!
//! The tests score against a small keyword file of their own (not the
//! built-in sets), so their numbers do not move when the built-ins change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use common::{Ran, Sandbox, rolefit, run};
use rolefit::batch::Scorer;
use rolefit::matching::{Matcher, Scratch};
use rolefit::score::ScorePlan;
use rolefit::sets::{SetOrigin, SetSources, load_sets, parse_set};
use serde::Deserialize;

const KEYWORDS: &str = r#"
id = "api"
name = "API developer"
kind = "specialization"
description = "Test set."

[[term]]
name = "REST"
aliases = ["RESTful"]
weight = 2

[[term]]
name = "GraphQL"

[[term]]
name = "OAuth"

[[term]]
name = "C++"
"#;

const CORE: &str = r#"
id = "core"
name = "Core"
kind = "core"
description = "Test set."

[[term]]
name = "code reviews"

[[term]]
name = "debugging"

[[term]]
name = "SQL"
"#;

/// A sandbox with the test keyword sets in `sets/`.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("sets/api.toml", KEYWORDS);
    sandbox.write("sets/core.toml", CORE);
    sandbox
}

/// `rolefit batch` with the sandbox's sets, run in the sandbox.
fn batch(sandbox: &Sandbox, args: &[&str]) -> Ran {
    let sets = sandbox.path().join("sets");
    let mut command = rolefit();
    command
        .current_dir(sandbox.path())
        .arg("--no-config")
        .arg("--no-builtin")
        .arg("--keywords")
        .arg(&sets)
        .arg("batch")
        .args(args)
        .timeout(Duration::from_secs(60));
    run(&mut command)
}

fn jsonl(ran: &Ran) -> Vec<Record> {
    ran.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// The JSON Lines records as documented in docs/batch-schema.md; unknown
/// fields are errors, so an undocumented field fails the test.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
enum Record {
    Document {
        schema_version: u32,
        path: String,
        fit: f64,
        best_specialization: Option<String>,
        level: Option<String>,
        words: usize,
        sets: Vec<SetRecord>,
        checks: Vec<CheckRecord>,
    },
    Match {
        schema_version: u32,
        path: String,
        posting: String,
        match_rate: f64,
        strict: bool,
        required: TallyRecord,
        preferred: TallyRecord,
        words: usize,
        missing_required: Vec<String>,
        missing_preferred: Vec<String>,
    },
    Error {
        schema_version: u32,
        path: String,
        code: String,
        message: String,
    },
    Summary {
        schema_version: u32,
        scored: u64,
        failed: u64,
        check_failed: u64,
        skipped: u64,
        skipped_hidden: u64,
        skipped_unsupported: u64,
    },
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct CheckRecord {
    check: String,
    passed: bool,
    actual: Option<f64>,
    message: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct TallyRecord {
    found: usize,
    total: usize,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct SetRecord {
    id: String,
    score: f64,
    matched: usize,
    terms: usize,
}

fn path_of(record: &Record) -> Option<&str> {
    match record {
        Record::Document { path, .. } | Record::Match { path, .. } | Record::Error { path, .. } => {
            Some(path)
        }
        Record::Summary { .. } => None,
    }
}

fn summary(records: &[Record]) -> (u64, u64, u64, u64, u64) {
    match records.last() {
        Some(Record::Summary {
            scored,
            failed,
            skipped,
            skipped_hidden,
            skipped_unsupported,
            ..
        }) => (
            *scored,
            *failed,
            *skipped,
            *skipped_hidden,
            *skipped_unsupported,
        ),
        other => panic!("the last record is not a summary: {other:?}"),
    }
}

/// A folder tree: nested folders, every supported extension, and files to skip.
fn mixed_tree(sandbox: &Sandbox) {
    sandbox.write("cvs/a.txt", "Built RESTful APIs with OAuth.\n");
    sandbox.write("cvs/b.md", "# B\n\n- GraphQL and REST\n- code reviews\n");
    sandbox.write("cvs/nested/c.markdown", "Debugging C++ services; SQL.\n");
    sandbox.write("cvs/nested/deeper/d.TEXT", "Nothing relevant here.\n");
    sandbox.write("cvs/nested/deeper/e.TXT", "REST, GraphQL, OAuth, C++.\n");
    sandbox.write("cvs/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    sandbox.write("cvs/nested/notes.csv", "a,b\n1,2\n");
    sandbox.write("cvs/.hidden.txt", "REST\n");
    sandbox.write("cvs/.git/HEAD.txt", "REST\n");
}

#[test]
fn nested_folders_with_mixed_formats_and_hidden_files() {
    let sandbox = sandbox();
    mixed_tree(&sandbox);
    let ran = batch(&sandbox, &["cvs", "--format", "jsonl"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let records = jsonl(&ran);
    let paths: Vec<&str> = records.iter().filter_map(path_of).collect();
    assert_eq!(
        paths,
        [
            "cvs/a.txt",
            "cvs/b.md",
            "cvs/nested/c.markdown",
            "cvs/nested/deeper/d.TEXT",
            "cvs/nested/deeper/e.TXT",
        ]
    );
    // 2 hidden (a file, a folder), 2 unsupported (.png, .csv).
    assert_eq!(summary(&records), (5, 0, 4, 2, 2));
    assert!(
        ran.stderr.contains("5 scored, 4 skipped, 0 failed"),
        "{}",
        ran.stderr
    );
}

#[test]
fn files_named_explicitly_are_read_whatever_their_name() {
    let sandbox = sandbox();
    sandbox.write("resume.rtf.bak", "REST and GraphQL\n");
    sandbox.write(".hidden.txt", "REST\n");
    let ran = batch(
        &sandbox,
        &["resume.rtf.bak", ".hidden.txt", "--format", "jsonl"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(summary(&jsonl(&ran)), (2, 0, 0, 0, 0));
}

#[test]
fn a_corrupt_document_in_the_middle_is_reported_and_the_rest_scored() {
    let sandbox = sandbox();
    sandbox.write("in/1.txt", "REST\n");
    // Binary content under a text name: extract refuses it as `binary`.
    sandbox.write("in/2.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
    sandbox.write("in/3.txt", "GraphQL\n");
    let ran = batch(&sandbox, &["in", "--format", "jsonl"]);
    assert_eq!(ran.code, 2, "a failed file makes the exit code 2");
    let records = jsonl(&ran);
    assert!(matches!(&records[0], Record::Document { path, .. } if path == "in/1.txt"));
    match &records[1] {
        Record::Error {
            path,
            code,
            message,
            schema_version,
        } => {
            assert_eq!(path, "in/2.txt");
            assert_eq!(code, "binary");
            assert!(message.contains("binary"), "{message}");
            assert_eq!(*schema_version, 1);
        }
        other => panic!("expected an error record, got {other:?}"),
    }
    assert!(matches!(&records[2], Record::Document { path, .. } if path == "in/3.txt"));
    assert_eq!(summary(&records), (2, 1, 0, 0, 0));
    assert!(ran.stderr.contains("2 scored, 0 skipped, 1 failed"));
}

#[test]
fn document_formats_are_scored_and_a_corrupt_pdf_is_reported() {
    let sandbox = sandbox();
    for name in [
        "alex-morgan.docx",
        "alex-morgan.html",
        "alex-morgan.odt",
        "alex-morgan.rtf",
        "alex-morgan-1col.pdf",
    ] {
        let bytes = std::fs::read(common::fixture(&format!("docs/{name}"))).unwrap();
        sandbox.write(&format!("in/{name}"), bytes);
    }
    // Sorts between the good files: "alex-morgan.docx" < "alex-morgan.e…".
    sandbox.write(
        "in/alex-morgan.e-corrupt.pdf",
        "%PDF-1.4\n%garbage\n1 0 obj <<>>\n",
    );
    let ran = batch(&sandbox, &["in", "--format", "jsonl"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    let records = jsonl(&ran);
    let kinds: Vec<(&str, &str)> = records
        .iter()
        .filter_map(|record| match record {
            Record::Document { path, words, .. } => {
                assert!(*words > 100, "{path}: {words} words");
                Some((path.as_str(), "document"))
            }
            Record::Error { path, code, .. } => Some((path.as_str(), code.as_str())),
            Record::Summary { .. } => None,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("in/alex-morgan-1col.pdf", "document"),
            ("in/alex-morgan.docx", "document"),
            ("in/alex-morgan.e-corrupt.pdf", "corrupt"),
            ("in/alex-morgan.html", "document"),
            ("in/alex-morgan.odt", "document"),
            ("in/alex-morgan.rtf", "document"),
        ]
    );
}

/// Tests run as root, so `chmod 000` would not stop a read: an unreadable
/// file here is a dangling symbolic link (reading it fails with not-found),
/// and a path given that does not exist.
#[cfg(unix)]
#[test]
fn unreadable_files_are_reported_with_their_code() {
    let sandbox = sandbox();
    sandbox.write("in/ok.txt", "REST\n");
    std::os::unix::fs::symlink("nowhere.txt", sandbox.path().join("in/gone.txt")).unwrap();
    let ran = batch(&sandbox, &["in", "missing.txt", "--format", "jsonl"]);
    assert_eq!(ran.code, 2);
    let records = jsonl(&ran);
    let errors: Vec<(&str, &str)> = records
        .iter()
        .filter_map(|r| match r {
            Record::Error { path, code, .. } => Some((path.as_str(), code.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        errors,
        [("in/gone.txt", "not-found"), ("missing.txt", "not-found")]
    );
    assert_eq!(summary(&records), (1, 2, 0, 0, 0));
}

#[test]
fn the_table_lists_failures_with_their_reason() {
    let sandbox = sandbox();
    sandbox.write("in/1.txt", "REST\n");
    sandbox.write("in/2.txt", b"\0\0\0binary");
    let ran = batch(&sandbox, &["in"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stdout.contains("in/1.txt"), "{}", ran.stdout);
    assert!(
        ran.stdout
            .contains("failed: in/2.txt: is a binary file, not a text document [binary]"),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains("1 scored, 1 failed, 0 skipped"));
}

#[test]
fn files_from_standard_input() {
    let sandbox = sandbox();
    mixed_tree(&sandbox);
    let mut command = rolefit();
    command
        .current_dir(sandbox.path())
        .args(["--no-config", "--no-builtin", "--keywords", "sets"])
        .args(["batch", "--files-from", "-", "--format", "jsonl"])
        .write_stdin("cvs/b.md\n\ncvs/nested\r\ncvs/a.txt\n");
    let ran = run(&mut command);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let records = jsonl(&ran);
    let paths: Vec<&str> = records.iter().filter_map(path_of).collect();
    assert_eq!(
        paths,
        [
            "cvs/b.md",
            "cvs/nested/c.markdown",
            "cvs/nested/deeper/d.TEXT",
            "cvs/nested/deeper/e.TXT",
            "cvs/a.txt",
        ]
    );
}

#[test]
fn a_missing_file_list_is_an_error() {
    let sandbox = sandbox();
    let ran = batch(&sandbox, &["--files-from", "nope.lst"]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("nope.lst: cannot read the file list"),
        "{}",
        ran.stderr
    );
}

#[test]
fn jsonl_records_follow_the_schema() {
    let sandbox = sandbox();
    sandbox.write(
        "in/a.md",
        "RESTful APIs, GraphQL, OAuth and C++.\nCode reviews.\n",
    );
    let ran = batch(&sandbox, &["in", "--format", "jsonl"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let records = jsonl(&ran);
    assert_eq!(records.len(), 2);
    let Record::Document {
        schema_version,
        path,
        fit,
        best_specialization,
        level,
        words,
        sets,
        checks,
    } = &records[0]
    else {
        panic!("{:?}", records[0]);
    };
    assert_eq!(*schema_version, 1);
    assert_eq!(path, "in/a.md");
    assert_eq!(best_specialization.as_deref(), Some("api"));
    assert_eq!(*level, None);
    assert_eq!(*words, 8, "C++ is one word, C");
    let ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["api", "core"]);
    assert_eq!(
        (sets[0].score, sets[0].matched, sets[0].terms),
        (100.0, 4, 4)
    );
    assert_eq!(sets[1].matched, 1);
    assert_eq!(
        *fit,
        ((100.0 + sets[1].score) / 2.0 * 10.0_f64).round() / 10.0
    );
    assert!(checks.is_empty(), "no checks were asked for: {checks:?}");
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CsvRow {
    #[serde(rename = "type")]
    record_type: String,
    path: String,
    fit: Option<f64>,
    best_specialization: Option<String>,
    level: Option<String>,
    words: Option<usize>,
    error_code: Option<String>,
    error_message: Option<String>,
    checks: Option<String>,
    failed_checks: Option<String>,
    api_score: Option<f64>,
    api_matched: Option<usize>,
    api_terms: Option<usize>,
    core_score: Option<f64>,
    core_matched: Option<usize>,
    core_terms: Option<usize>,
}

#[test]
fn csv_rows_follow_the_schema() {
    let sandbox = sandbox();
    sandbox.write("in/a.txt", "RESTful, GraphQL.\n");
    sandbox.write("in/b, \"quoted\".txt", "SQL and debugging\n");
    sandbox.write("in/c.txt", b"\0binary");
    let ran = batch(&sandbox, &["in", "--format", "csv"]);
    assert_eq!(ran.code, 2);
    let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "type",
            "path",
            "fit",
            "best_specialization",
            "level",
            "words",
            "error_code",
            "error_message",
            "checks",
            "failed_checks",
            "api_score",
            "api_matched",
            "api_terms",
            "core_score",
            "core_matched",
            "core_terms",
        ]
    );
    let rows: Vec<CsvRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].record_type, "document");
    assert_eq!(rows[0].path, "in/a.txt");
    assert_eq!(rows[0].api_score, Some(60.0), "weights 2 + 1 of 5");
    assert_eq!((rows[0].api_matched, rows[0].api_terms), (Some(2), Some(4)));
    assert_eq!(rows[0].best_specialization.as_deref(), Some("api"));
    assert_eq!(rows[0].level, None);
    assert_eq!(rows[0].words, Some(2));
    assert!(rows[0].fit.is_some() && rows[0].error_code.is_none());
    assert_eq!(rows[1].path, "in/b, \"quoted\".txt");
    assert_eq!(
        (rows[1].core_matched, rows[1].core_terms),
        (Some(2), Some(3))
    );
    assert_eq!(rows[2].record_type, "error");
    assert_eq!(rows[2].error_code.as_deref(), Some("binary"));
    assert!(rows[2].error_message.is_some());
    assert!(rows[2].fit.is_none() && rows[2].api_score.is_none() && rows[2].core_score.is_none());
}

/// Sixty documents of different lengths and contents.
fn many(sandbox: &Sandbox) {
    let words = [
        "REST",
        "GraphQL",
        "OAuth",
        "C++",
        "SQL",
        "debugging",
        "code reviews",
    ];
    for index in 0..60 {
        let mut text = String::new();
        for step in 0..(index % 7 + 1) * 40 {
            text.push_str(if (index + step) % 5 == 0 {
                words[(index * 3 + step) % words.len()]
            } else {
                "filler"
            });
            text.push(if step % 9 == 8 { '\n' } else { ' ' });
        }
        sandbox.write(&format!("many/{:02}/cv-{index:03}.txt", index % 4), text);
    }
    sandbox.write("many/02/broken.txt", b"\0\0");
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let sandbox = sandbox();
    many(&sandbox);
    for format in ["table", "csv", "jsonl", "github"] {
        // With checks (one that fails everywhere), so their outcomes are compared too.
        let args = [
            "many",
            "--format",
            format,
            "--min-score",
            "api=40",
            "--require",
            "Kubernetes",
        ];
        let one = batch(&sandbox, &[&args[..], &["--jobs", "1"]].concat());
        let two = batch(&sandbox, &[&args[..], &["--jobs", "2"]].concat());
        let four = batch(&sandbox, &[&args[..], &["-j", "4"]].concat());
        assert_eq!(one.code, 2, "{}", one.stderr);
        assert!(
            one.stdout.contains("Kubernetes") || one.stdout.contains("FAIL"),
            "--format {format}: checks ran"
        );
        assert_eq!(one.stdout, two.stdout, "--format {format}");
        assert_eq!(one.stdout, four.stdout, "--format {format}");
    }
}

#[test]
fn streamed_records_come_in_path_order() {
    let sandbox = sandbox();
    many(&sandbox);
    let ran = batch(&sandbox, &["many", "--format", "jsonl", "-j", "3"]);
    let paths: Vec<String> = jsonl(&ran)
        .iter()
        .filter_map(path_of)
        .map(String::from)
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths.len(), 61);
    assert_eq!(paths, sorted);
}

/// The data rows of a ranked table: (rank, score, file).
fn table_rows(stdout: &str) -> Vec<(usize, f64, String)> {
    stdout
        .lines()
        .filter(|line| line.starts_with('│'))
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('│').split('┆').map(str::trim).collect();
            (
                cells[0].parse().unwrap(),
                cells[1].parse().unwrap(),
                cells[5].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_table_ranks_by_score_then_path_and_top_cuts_it() {
    let sandbox = sandbox();
    sandbox.write("in/low.txt", "REST\n");
    sandbox.write("in/high.txt", "REST GraphQL OAuth C++\n");
    sandbox.write("in/mid-b.txt", "REST GraphQL\n");
    sandbox.write("in/mid-a.txt", "REST GraphQL\n");
    let ran = batch(&sandbox, &["in"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let rows = table_rows(&ran.stdout);
    let files: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        files,
        ["in/high.txt", "in/mid-a.txt", "in/mid-b.txt", "in/low.txt"]
    );
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert!(ran.stdout.contains("│ Rank ┆"), "{}", ran.stdout);
    assert!(ran.stdout.contains("4 scored, 0 failed"));

    let top = batch(&sandbox, &["in", "--top", "2"]);
    let rows = table_rows(&top.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].2, "in/mid-a.txt");
    assert!(
        top.stdout.contains("4 scored (top 2 shown)"),
        "{}",
        top.stdout
    );
}

#[test]
fn sort_by_ranks_by_one_set() {
    let sandbox = sandbox();
    sandbox.write("in/api.txt", "REST GraphQL OAuth C++\n");
    sandbox.write("in/core.txt", "SQL, debugging and code reviews; REST\n");
    // Fit: core.txt (core 100, api 40) 70; api.txt (core 0, api 100) 50.
    let by_fit = table_rows(&batch(&sandbox, &["in"]).stdout);
    assert_eq!(by_fit[0], (1, 70.0, "in/core.txt".to_string()));
    let by_api = batch(&sandbox, &["in", "--sort-by", "api"]);
    assert_eq!(by_api.code, 0, "{}", by_api.stderr);
    assert!(by_api.stdout.contains("┆ api ┆"), "{}", by_api.stdout);
    let rows = table_rows(&by_api.stdout);
    assert_eq!(rows[0], (1, 100.0, "in/api.txt".to_string()));
    assert_eq!(rows[1], (2, 40.0, "in/core.txt".to_string()));

    let unknown = batch(&sandbox, &["in", "--sort-by", "cloud"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("--sort-by cloud: no such set in use (in use: fit, api, core)"),
        "{}",
        unknown.stderr
    );
    let streaming = batch(&sandbox, &["in", "--sort-by", "core", "--format", "csv"]);
    assert_eq!(streaming.code, 2);
    assert!(
        streaming
            .stderr
            .contains("--sort-by and --top rank the table")
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate() {
    let sandbox = sandbox();
    sandbox.write("tree/a/doc.txt", "REST\n");
    std::os::unix::fs::symlink("..", sandbox.path().join("tree/a/up")).unwrap();
    std::os::unix::fs::symlink(".", sandbox.path().join("tree/self")).unwrap();
    std::os::unix::fs::symlink("a", sandbox.path().join("tree/alias")).unwrap();
    // Without --follow, links to folders are skipped.
    let plain = batch(&sandbox, &["tree", "--format", "jsonl"]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(summary(&jsonl(&plain)), (1, 0, 3, 0, 0));
    // With --follow, the links back up are skipped, and `alias` leads to a
    // folder walked already: each folder and file is seen once.
    let follow = batch(&sandbox, &["tree", "--follow", "--format", "jsonl"]);
    assert_eq!(follow.code, 0, "{}", follow.stderr);
    let records = jsonl(&follow);
    let paths: Vec<&str> = records.iter().filter_map(path_of).collect();
    assert_eq!(paths, ["tree/a/doc.txt"]);
    assert_eq!(summary(&records), (1, 0, 3, 0, 0));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let sandbox = sandbox();
    many(&sandbox);
    for index in 0..400 {
        sandbox.write(&format!("many/x/{index:03}.txt"), "REST and GraphQL\n");
    }
    let mut child = StdCommand::new(cargo_bin("rolefit"))
        .current_dir(sandbox.path())
        .env("CI", "true")
        .args(["--no-config", "--no-builtin", "--keywords", "sets"])
        .args(["batch", "many", "--format", "jsonl", "--jobs", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"type\":\"document\""), "{first}");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}

#[test]
fn help_states_the_exit_codes() {
    let ran = run(rolefit().args(["batch", "--help"]));
    assert_eq!(ran.code, 0);
    assert!(ran.stdout.contains("2  a document could not be read"));
    assert!(ran.stdout.contains("--files-from"));
}

#[test]
fn nothing_is_written_for_an_empty_folder() {
    let sandbox = sandbox();
    std::fs::create_dir_all(sandbox.path().join("empty")).unwrap();
    let ran = batch(&sandbox, &["empty", "--format", "csv"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout.lines().count(), 1, "only the header");
}

/// The month "present" stands for in the tests' documents.
const LEVEL: rolefit::level::LevelOptions = rolefit::level::LevelOptions {
    today: rolefit::analyze::dates::YearMonth {
        year: 2026,
        month: 11,
    },
    kind: None,
};

/// The batch counts without evidence (`Matcher::count_with`); its numbers
/// must be those `rolefit score` shows from a full match with evidence, for
/// every kind of set mix, with and without ignored terms, strict or not.
#[test]
fn batch_numbers_equal_the_full_score() {
    let bench_sets = load_sets(&SetSources {
        paths: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/corpus/keywords")],
        no_builtin: true,
        confine: None,
    })
    .unwrap();
    let skills_only = parse_set(
        "id = \"langs\"\nname = \"L\"\nkind = \"skills\"\ndescription = \"d\"\n\
         [[term]]\nname = \"Go\"\n[[term]]\nname = \"Rust\"\nweight = 3\n",
        SetOrigin::Builtin,
    )
    .unwrap();
    let test_sets = vec![
        parse_set(KEYWORDS, SetOrigin::Builtin).unwrap(),
        parse_set(CORE, SetOrigin::Builtin).unwrap(),
    ];
    let builtin = Matcher::with_vocabulary(
        rolefit::sets::builtin::sets().unwrap(),
        rolefit::sets::builtin::vocabulary().unwrap(),
    )
    .unwrap();
    let matchers = [
        Matcher::new(bench_sets).unwrap(),
        Matcher::new(test_sets).unwrap(),
        Matcher::new(vec![skills_only]).unwrap(),
        builtin,
    ];
    let ignores: [Vec<String>; 2] = [vec![], vec!["rest".into(), "Docker".into(), "Go".into()]];
    let mut rng = corpus::Rng::new(11);
    let mut texts: Vec<String> = (0..200)
        .map(|_| {
            let size = 200 + rng.below(6000);
            corpus::resume(&mut rng, size)
        })
        .collect();
    texts.extend(
        [
            "nothing at all",
            "Go and Rust",
            "REST GraphQL OAuth C++ SQL debugging code reviews",
            "<!-- rolefit: ignore GraphQL -->\nREST and GraphQL",
            "Terraform, Jenkins and Prometheus on AWS Lambda; Go services.\nGo live in May.",
        ]
        .map(String::from),
    );
    for matcher in &matchers {
        // A scratch's cache belongs to one matcher.
        let mut scratch = Scratch::default();
        for ignore in &ignores {
            for strict in [false, true] {
                let scorer = Scorer::new(matcher, ignore, strict, LEVEL);
                for text in &texts {
                    let lean =
                        scorer.summarize("doc.md", text, &matcher.count_with(text, &mut scratch));
                    let mut ignored = ignore.clone();
                    ignored.extend(rolefit::score::inline_ignores(text));
                    let full = ScorePlan::new(matcher, &ignored, strict).score(
                        "doc.md",
                        matcher,
                        &matcher.find_with(text, &mut scratch),
                        &LEVEL.signals(text),
                    );
                    let sets = matcher.sets();
                    let id = |index: Option<usize>| index.map(|i| sets[i].id.clone());
                    assert_eq!(
                        id(lean.best_specialization),
                        full.best_specialization,
                        "{text}"
                    );
                    assert_eq!(lean.level, full.level_evidence.level, "{text}");
                    assert_eq!(lean.fit, full.fit, "{text}");
                    let numbers: Vec<(f64, usize, usize)> = full
                        .sets
                        .iter()
                        .map(|set| (set.score, set.matched_count, set.term_count))
                        .collect();
                    let lean_numbers: Vec<(f64, usize, usize)> = lean
                        .sets
                        .iter()
                        .map(|set| (set.score, set.matched, set.terms))
                        .collect();
                    assert_eq!(lean_numbers, numbers, "{text}");
                }
            }
        }
    }
}

// ------------------------------------------------------------------ checks

/// Two documents: one that covers the `api` set, one that does not.
fn checked_pair(sandbox: &Sandbox) {
    sandbox.write(
        "in/good.txt",
        "RESTful APIs with GraphQL and OAuth; C++ tools.\n",
    );
    sandbox.write("in/weak.txt", "Debugging SQL queries and code reviews.\n");
}

fn checks_of(record: &Record) -> &[CheckRecord] {
    match record {
        Record::Document { checks, .. } => checks,
        other => panic!("not a document: {other:?}"),
    }
}

#[test]
fn failed_checks_exit_1_and_show_in_every_format() {
    let sandbox = sandbox();
    checked_pair(&sandbox);
    let checks = ["--min-score", "api=50", "--require", "oauth"];

    let ran = batch(
        &sandbox,
        &[&["in", "--format", "jsonl"][..], &checks].concat(),
    );
    assert_eq!(
        ran.code, 1,
        "a check failed, every file was read: {}",
        ran.stderr
    );
    let records = jsonl(&ran);
    let good = checks_of(&records[0]);
    assert!(good.iter().all(|c| c.passed), "{good:?}");
    let weak = checks_of(&records[1]);
    let outcomes: Vec<(&str, bool, Option<f64>)> = weak
        .iter()
        .map(|c| (c.check.as_str(), c.passed, c.actual))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("api >= 50", false, Some(0.0)),
            ("require oauth", false, None)
        ]
    );
    assert_eq!(weak[0].message, "set `api` scores 0, below the minimum 50");
    assert!(matches!(
        records.last(),
        Some(Record::Summary {
            scored: 2,
            failed: 0,
            check_failed: 1,
            ..
        })
    ));
    assert!(ran.stderr.contains("(1 failed checks)"), "{}", ran.stderr);

    let ran = batch(
        &sandbox,
        &[&["in", "--format", "csv"][..], &checks].concat(),
    );
    assert_eq!(ran.code, 1);
    let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
    let rows: Vec<CsvRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows[0].checks.as_deref(), Some("pass"));
    assert_eq!(rows[0].failed_checks, None);
    assert_eq!(rows[1].checks.as_deref(), Some("fail"));
    assert_eq!(
        rows[1].failed_checks.as_deref(),
        Some(
            "set `api` scores 0, below the minimum 50 (api >= 50); \
             required term \"oauth\" is missing (require oauth)"
        )
    );

    let ran = batch(&sandbox, &[&["in"][..], &checks].concat());
    assert_eq!(ran.code, 1);
    let marks: Vec<&str> = ran
        .stdout
        .lines()
        .filter(|line| line.contains("in/"))
        .filter(|line| !line.starts_with("check failed"))
        .map(|line| {
            if line.contains(" FAIL ") {
                "FAIL"
            } else if line.contains(" pass ") {
                "pass"
            } else {
                line
            }
        })
        .collect();
    assert_eq!(marks, ["pass", "FAIL"], "{}", ran.stdout);
    assert!(
        ran.stdout.contains(
            "check failed: in/weak.txt: set `api` scores 0, below the minimum 50 (api >= 50)"
        ),
        "{}",
        ran.stdout
    );
}

#[test]
fn github_format_annotates_each_failed_document_once() {
    let sandbox = sandbox();
    checked_pair(&sandbox);
    sandbox.write("in/weak-too.txt", "Nothing relevant here at all.\n");
    sandbox.write("in/zz-binary.txt", b"\0\x01\x02binary");
    let ran = batch(
        &sandbox,
        &[
            "in",
            "--format",
            "github",
            "--min-score",
            "api=50",
            "--min-score",
            "fit=1",
        ],
    );
    assert_eq!(ran.code, 2, "an unreadable file outweighs a failed check");
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=in/weak-too.txt,line=1,title=rolefit check failed::in/weak-too.txt: \
             set `api` scores 0, below the minimum 50 (api >= 50); \
             fit scores 0, below the minimum 1 (fit >= 1)",
            "::error file=in/weak.txt,line=1,title=rolefit check failed::in/weak.txt: \
             set `api` scores 0, below the minimum 50 (api >= 50)",
            "::error file=in/zz-binary.txt,line=1,title=rolefit cannot read the file::\
             in/zz-binary.txt: is a binary file, not a text document [binary]",
            "rolefit: 2 of 3 documents failed their checks; 1 could not be read",
        ],
    );
}

#[test]
fn required_terms_no_set_knows_are_looked_for() {
    let sandbox = sandbox();
    checked_pair(&sandbox);
    sandbox.write("in/kafka.txt", "Kafka streams, REST and GraphQL.\n");
    let ran = batch(&sandbox, &["in", "--format", "jsonl", "--require", "Kafka"]);
    assert_eq!(ran.code, 1);
    let records = jsonl(&ran);
    let passed: Vec<(&str, bool)> = records
        .iter()
        .filter_map(|record| match record {
            Record::Document { path, checks, .. } => Some((path.as_str(), checks[0].passed)),
            _ => None,
        })
        .collect();
    assert_eq!(
        passed,
        [
            ("in/good.txt", false),
            ("in/kafka.txt", true),
            ("in/weak.txt", false)
        ]
    );
}

#[test]
fn quiet_prints_only_failures() {
    let sandbox = sandbox();
    checked_pair(&sandbox);
    let ran = batch(
        &sandbox,
        &[
            "in",
            "--format",
            "jsonl",
            "--quiet",
            "--min-score",
            "api=50",
        ],
    );
    assert_eq!(ran.code, 1);
    let records = jsonl(&ran);
    let paths: Vec<Option<&str>> = records.iter().map(path_of).collect();
    assert_eq!(
        paths,
        [Some("in/weak.txt"), None],
        "the failure, then the summary"
    );

    let ran = batch(&sandbox, &["in", "--quiet", "--min-score", "api=50"]);
    assert_eq!(ran.code, 1);
    assert!(ran.stdout.contains(" FAIL "), "{}", ran.stdout);
    assert!(!ran.stdout.contains(" pass "), "{}", ran.stdout);

    let ran = batch(&sandbox, &["in", "--quiet", "--min-score", "api=0"]);
    assert_eq!(ran.code, 0);
    assert_eq!(ran.stdout, "", "nothing failed, nothing shown");
    assert_eq!(ran.stderr, "", "nothing failed, nothing said");
}

#[test]
fn checks_come_from_the_config_per_path_and_flags_override_them() {
    let sandbox = sandbox();
    sandbox.write(
        "rolefit.toml",
        "no-builtin = true\nkeywords = [\"sets\"]\n\n\
         [[check]]\npaths = [\"postings/senior-*.txt\"]\nmin-score = { api = 90 }\n",
    );
    sandbox.write("postings/senior-api.txt", "REST and GraphQL APIs.\n");
    sandbox.write("postings/junior-api.txt", "REST and GraphQL APIs.\n");
    // Run from a subfolder: the configuration is found in a parent.
    let run_in = |args: &[&str]| {
        let mut command = rolefit();
        command
            .current_dir(sandbox.path().join("postings"))
            .arg("batch")
            .args(args)
            .timeout(Duration::from_secs(60));
        run(&mut command)
    };
    let ran = run_in(&[".", "--format", "jsonl"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    let records = jsonl(&ran);
    assert_eq!(path_of(&records[0]), Some("./junior-api.txt"));
    assert!(
        checks_of(&records[0]).is_empty(),
        "the rule's pattern does not match"
    );
    let senior = checks_of(&records[1]);
    assert_eq!(
        (senior[0].check.as_str(), senior[0].passed),
        ("api >= 90", false)
    );

    let ran = run_in(&[".", "--format", "jsonl", "--min-score", "api=50"]);
    assert_eq!(ran.code, 0, "the flag overrides the config: {}", ran.stdout);
    let records = jsonl(&ran);
    assert_eq!(checks_of(&records[1])[0].check, "api >= 50");
}

#[test]
fn a_threshold_on_an_unknown_set_is_a_usage_error() {
    let sandbox = sandbox();
    checked_pair(&sandbox);
    let ran = batch(&sandbox, &["in", "--min-score", "nosuch=10"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("`nosuch`"), "{}", ran.stderr);
    assert_eq!(ran.stdout, "");
}

// --------------------------------------------------------- against a posting

#[derive(Deserialize)]
struct Pairs {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    posting: String,
    resumes: Vec<String>,
}

/// `rolefit batch --posting` with the built-in sets, from the crate folder.
fn batch_posting(posting: &str, args: &[&str]) -> Ran {
    let mut command = rolefit();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--no-config", "batch", "--posting", posting])
        .args(args)
        .timeout(Duration::from_secs(60));
    run(&mut command)
}

fn match_rates(records: &[Record]) -> Vec<(String, f64)> {
    records
        .iter()
        .filter_map(|record| match record {
            Record::Match {
                path, match_rate, ..
            } => Some((path.clone(), *match_rate)),
            _ => None,
        })
        .collect()
}

#[test]
fn resumes_are_ranked_by_their_match_with_a_posting() {
    let pairs: Pairs =
        toml::from_str(&std::fs::read_to_string(common::fixture("compare/pairs.toml")).unwrap())
            .unwrap();
    for pair in pairs.pair {
        let posting = format!("fixtures/{}", pair.posting);
        let resumes: Vec<String> = pair
            .resumes
            .iter()
            .map(|r| format!("fixtures/{r}"))
            .collect();
        let resume_args: Vec<&str> = resumes.iter().map(String::as_str).collect();

        // The table ranks them in the labelled order, best first.
        let ran = batch_posting(&posting, &resume_args);
        assert_eq!(ran.code, 0, "{posting}: {}", ran.stderr);
        let ranked: Vec<&str> = ran
            .stdout
            .lines()
            .filter_map(|line| resumes.iter().find(|r| line.contains(r.as_str())))
            .map(String::as_str)
            .collect();
        assert_eq!(ranked, resume_args, "{posting}:\n{}", ran.stdout);

        // Each match rate is the one `rolefit compare` reports.
        let ran = batch_posting(
            &posting,
            &[&resume_args[..], &["--format", "jsonl"]].concat(),
        );
        let rates = match_rates(&jsonl(&ran));
        assert_eq!(rates.len(), resumes.len());
        for (resume, rate) in rates {
            let mut command = rolefit();
            command.current_dir(env!("CARGO_MANIFEST_DIR")).args([
                "--no-config",
                "compare",
                &resume,
                &posting,
                "--format",
                "json",
            ]);
            let compared = run(&mut command);
            let report: serde_json::Value = serde_json::from_str(&compared.stdout).unwrap();
            assert_eq!(
                report["match_rate"].as_f64(),
                Some(rate),
                "{resume} against {posting}"
            );
        }
    }
}

#[test]
fn posting_records_name_the_missing_terms_and_refuse_garbled_resumes() {
    let posting = "fixtures/compare/postings/go-payments-engineer.md";
    let ran = batch_posting(
        posting,
        &[
            "fixtures/compare/resumes",
            "fixtures/compare/refused",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(
        ran.code, 2,
        "refused resumes count as failed: {}",
        ran.stderr
    );
    let records = jsonl(&ran);
    let Record::Match {
        path,
        posting: named,
        required,
        missing_required,
        strict,
        ..
    } = &records[0]
    else {
        panic!("{:?}", records[0]);
    };
    assert_eq!(path, "fixtures/compare/resumes/go-as-a-verb.md");
    assert_eq!(named, posting);
    assert!(!strict);
    assert!(
        missing_required.contains(&"Go".to_string()),
        "\"go\" as a verb is not the language: {missing_required:?}"
    );
    assert_eq!(required.total - required.found, missing_required.len());
    let refused: Vec<(&str, &str)> = records
        .iter()
        .filter_map(|record| match record {
            Record::Error { path, code, .. } => Some((path.as_str(), code.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(refused.len(), 6, "{refused:?}");
    assert!(
        refused
            .iter()
            .all(|(path, code)| path.contains("/refused/") && *code == "unusable")
    );
    assert!(matches!(
        records.last(),
        Some(Record::Summary {
            scored: 2,
            failed: 6,
            ..
        })
    ));

    let ran = batch_posting(
        posting,
        &["fixtures/compare/resumes", "--format", "csv", "--strict"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let mut reader = csv::Reader::from_reader(ran.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "type",
            "path",
            "posting",
            "match_rate",
            "required_found",
            "required_total",
            "preferred_found",
            "preferred_total",
            "words",
            "missing_required",
            "missing_preferred",
            "error_code",
            "error_message",
        ]
    );
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[0], "match");
    assert!(first[9].split("; ").any(|term| term == "Go"), "{first:?}");
}

#[test]
fn strict_never_raises_a_match_rate() {
    let posting = "fixtures/postings/mid-api-developer.md";
    let default = batch_posting(posting, &["fixtures/resumes", "--format", "jsonl"]);
    let strict = batch_posting(
        posting,
        &["fixtures/resumes", "--format", "jsonl", "--strict"],
    );
    let one_thread = batch_posting(
        posting,
        &["fixtures/resumes", "--format", "jsonl", "--jobs", "1"],
    );
    assert_eq!(
        default.stdout, one_thread.stdout,
        "the same whatever --jobs"
    );
    let (default, strict) = (match_rates(&jsonl(&default)), match_rates(&jsonl(&strict)));
    assert_eq!(default.len(), 11);
    assert!(
        default
            .iter()
            .zip(&strict)
            .all(|(d, s)| d.0 == s.0 && s.1 <= d.1)
    );
    assert!(
        default.iter().zip(&strict).any(|(d, s)| s.1 < d.1),
        "some resume matches a term only through its stem"
    );
}

#[test]
fn posting_mode_refuses_set_checks_and_a_bad_posting() {
    let ran = batch_posting(
        "fixtures/postings/mid-api-developer.md",
        &["fixtures/resumes", "--min-score", "api=10"],
    );
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("with --posting"), "{}", ran.stderr);
    let ran = batch_posting(
        "fixtures/compare/refused/too-short.txt",
        &["fixtures/resumes"],
    );
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("too-short.txt: has only 5 words"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stdout, "");
}

// ------------------------------------------------------------ JSON Schema

#[test]
fn jsonl_records_validate_against_the_batch_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/schema/batch.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();

    // Every error code the engine has, and only those, is in the schema.
    let codes: Vec<&str> = schema["$defs"]["error"]["properties"]["code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    assert_eq!(codes, rolefit::extract::InputErrorKind::CODES);

    let sandbox = sandbox();
    checked_pair(&sandbox);
    sandbox.write("in/zz-binary.txt", b"\0\x01binary");
    let scored = batch(
        &sandbox,
        &[
            "in",
            "--format",
            "jsonl",
            "--min-score",
            "api=50",
            "--require",
            "Kafka",
        ],
    );
    let posting = batch_posting(
        "fixtures/compare/postings/go-payments-engineer.md",
        &[
            "fixtures/compare/resumes",
            "fixtures/compare/refused",
            "--format",
            "jsonl",
        ],
    );
    let mut types = Vec::new();
    for line in scored.stdout.lines().chain(posting.stdout.lines()) {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{line}: {errors:?}");
        types.push(record["type"].as_str().unwrap().to_string());
    }
    types.sort();
    types.dedup();
    assert_eq!(types, ["document", "error", "match", "summary"]);

    // Strict enough to catch a renamed or retyped field.
    let mut broken: serde_json::Value =
        serde_json::from_str(posting.stdout.lines().next().unwrap()).unwrap();
    broken["match_rate"] = serde_json::Value::from("high");
    assert!(!validator.is_valid(&broken));
}
