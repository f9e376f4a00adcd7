//! Hostile input (issue 16): special files, untrusted settings, hostile names
//! and text, pathological trees and lists, write errors. Every case is built
//! on the fly in a temp folder; each checks the exit code and what is said.
//!
//! A few tests bound a run's time. They check a complexity class, not speed:
//! each bound is tens of times what the linear code takes in a debug build,
//! and a fraction of what the old quadratic or exponential code took.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{Ran, Sandbox, rolefit, run};

/// A small keyword set, so runs stay quick.
const SET: &str = r#"
id = "api"
name = "API"
kind = "specialization"
description = "APIs"

[[term]]
name = "REST"

[[term]]
name = "GraphQL"
"#;

const RESUME: &str = "Built REST services and a GraphQL gateway.\n";

/// A sandbox with the set in `sets/api.toml`.
fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("sets/api.toml", SET);
    sandbox
}

/// rolefit in the sandbox with its set only, no configuration, a time bound.
fn command(sandbox: &Sandbox, args: &[&str]) -> assert_cmd::Command {
    let mut command = rolefit();
    command
        .current_dir(sandbox.path())
        .args(["--no-config", "--no-builtin", "--keywords", "sets"])
        .args(args)
        .timeout(Duration::from_secs(60));
    command
}

fn rolefit_in(sandbox: &Sandbox, args: &[&str]) -> Ran {
    run(&mut command(sandbox, args))
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o644),
    )
    .unwrap();
}

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// The JSON Lines records of a run, parsed.
fn records(ran: &Ran) -> Vec<serde_json::Value> {
    ran.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn summary(ran: &Ran) -> serde_json::Value {
    records(ran).pop().unwrap()
}

/// Lines a GitHub Actions runner would take for a workflow command.
fn command_lines(text: &str) -> Vec<&str> {
    text.split(['\n', '\r'])
        .filter(|line| line.trim_start().starts_with("::"))
        .collect()
}

/// Asserts that `text` holds no control character but newline and tab, and
/// no line a runner would run.
fn assert_harmless(what: &str, text: &str) {
    let control: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect();
    assert!(control.is_empty(), "{what}: {control:?} in\n{text}");
    assert!(
        command_lines(text).is_empty(),
        "{what}: workflow commands in\n{text}"
    );
}

/// Asserts that `--format github` output has `count` annotations, each a
/// real one on its own line, and no control character.
fn assert_real_annotations(text: &str, count: usize) {
    let commands = command_lines(text);
    assert_eq!(commands.len(), count, "{text}");
    for line in commands {
        assert!(line.starts_with("::error file="), "{line}");
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
}

// --- Special files --------------------------------------------------------

#[cfg(unix)]
#[test]
fn fifos_in_a_folder_are_skipped_and_counted_without_waiting() {
    let sandbox = sandbox();
    sandbox.write("in/a.txt", RESUME);
    mkfifo(&sandbox.path().join("in/pipe.txt"));
    symlink("pipe.txt", sandbox.path().join("in/link-to-pipe.txt"));
    symlink("/dev/zero", sandbox.path().join("in/zero.txt"));
    let ran = rolefit_in(&sandbox, &["batch", "in", "--format", "jsonl"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let summary = summary(&ran);
    assert_eq!(summary["scored"], 1);
    assert_eq!(summary["skipped"], 3, "{summary}");
}

#[cfg(unix)]
#[test]
fn special_files_named_on_the_command_line_are_refused_as_not_a_file() {
    let sandbox = sandbox();
    mkfifo(&sandbox.path().join("pipe.txt"));
    sandbox.write("a.txt", RESUME);
    let ran = rolefit_in(
        &sandbox,
        &[
            "batch",
            "pipe.txt",
            "/dev/zero",
            "a.txt",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(ran.code, 2);
    let records = records(&ran);
    assert_eq!(records[0]["code"], "not-a-file");
    assert_eq!(
        records[0]["message"],
        "is a FIFO (named pipe), not a regular file: rolefit reads only regular files \
         (`-` reads standard input)"
    );
    assert_eq!(records[1]["code"], "not-a-file");
    assert_eq!(records[2]["type"], "document");
    for args in [&["score", "pipe.txt"][..], &["extract", "pipe.txt"]] {
        let ran = rolefit_in(&sandbox, args);
        assert_eq!(ran.code, 2, "{args:?}");
        assert!(
            ran.stderr
                .contains("rolefit: error: pipe.txt: is a FIFO (named pipe), not a regular file"),
            "{args:?}: {}",
            ran.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_list_of_paths_from_dev_zero_ends_with_an_error() {
    let sandbox = sandbox();
    let ran = rolefit_in(
        &sandbox,
        &["batch", "--files-from", "/dev/zero", "--format", "jsonl"],
    );
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    let records = records(&ran);
    assert_eq!(records[0]["path"], "/dev/zero");
    assert_eq!(
        records[0]["message"],
        "cannot read: line 1 longer than 4096 bytes: not a list of paths, one a line"
    );
    assert_eq!(records.len(), 2, "one error, then the summary");
}

#[test]
fn list_lines_are_bounded_and_a_nul_ends_the_list() {
    let sandbox = sandbox();
    sandbox.write("a.txt", RESUME);
    let long = format!("a.txt\n{}\nb.txt\n", "x".repeat(5000));
    sandbox.write("long.list", long);
    let ran = rolefit_in(
        &sandbox,
        &["batch", "--files-from", "long.list", "--format", "jsonl"],
    );
    assert_eq!(ran.code, 2);
    let got = records(&ran);
    assert_eq!(got[0]["type"], "document");
    assert_eq!(
        got[1]["message"],
        "cannot read: line 2 longer than 4096 bytes: not a list of paths, one a line"
    );
    assert_eq!(got.len(), 3);
    sandbox.write("nul.list", b"a.txt\nb\0.txt\n");
    let ran = rolefit_in(
        &sandbox,
        &["batch", "--files-from", "nul.list", "--format", "jsonl"],
    );
    assert_eq!(ran.code, 2);
    assert_eq!(
        records(&ran)[1]["message"],
        "cannot read: line 2 holds a NUL byte: not a list of paths, one a line"
    );
}

// --- Untrusted settings ----------------------------------------------------

#[cfg(unix)]
#[test]
fn keyword_and_config_paths_must_be_regular_files_within_a_limit() {
    let sandbox = sandbox();
    sandbox.write("a.txt", RESUME);
    mkfifo(&sandbox.path().join("pipe.toml"));
    let cases: [(&[&str], &str); 3] = [
        (
            &["--keywords", "pipe.toml"],
            "pipe.toml: cannot read the keyword set: it is a FIFO (named pipe), not a regular file",
        ),
        (
            &["--keywords", "/dev/zero"],
            "/dev/zero: cannot read the keyword set: it is a character device, not a regular file",
        ),
        (
            &["--config", "pipe.toml"],
            "pipe.toml: cannot read the configuration file: it is a FIFO (named pipe), not a regular file",
        ),
    ];
    for (args, expected) in cases {
        let mut command = rolefit();
        command
            .current_dir(sandbox.path())
            .args(args)
            .args(["score", "a.txt"])
            .timeout(Duration::from_secs(60));
        let ran = run(&mut command);
        assert_eq!(ran.code, 2, "{args:?}");
        assert!(ran.stderr.contains(expected), "{args:?}: {}", ran.stderr);
    }
    // Sizes are checked before reading: sparse files, no bytes written.
    let big = fs::File::create(sandbox.path().join("big.toml")).unwrap();
    big.set_len(rolefit::sets::MAX_KEYWORD_FILE_BYTES + 1)
        .unwrap();
    let ran = rolefit_in(&sandbox, &["--keywords", "big.toml", "score", "a.txt"]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("big.toml: the keyword set is 8388609 bytes, over the 8388608-byte limit"),
        "{}",
        ran.stderr
    );
    let big = fs::File::create(sandbox.path().join("rolefit.toml")).unwrap();
    big.set_len(rolefit::settings::MAX_CONFIG_BYTES + 1)
        .unwrap();
    let ran = run(rolefit()
        .current_dir(sandbox.path())
        .args(["score", "a.txt"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains(
            "rolefit.toml: the configuration file is 1048577 bytes, over the 1048576-byte limit"
        ),
        "{}",
        ran.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_found_config_names_keyword_files_only_inside_its_folder() {
    let sandbox = sandbox();
    sandbox.write("outside.toml", SET);
    sandbox.write("repo/inside/api.toml", SET);
    sandbox.write("repo/cv.txt", RESUME);
    symlink(
        "../../outside.toml",
        sandbox.path().join("repo/inside/sneaky.toml"),
    );
    let score = |config: &str, args: &[&str]| {
        sandbox.write("repo/rolefit.toml", config);
        run(rolefit()
            .current_dir(sandbox.path().join("repo"))
            .args(args)
            .args(["score", "cv.txt", "--format", "json"])
            .timeout(Duration::from_secs(60)))
    };
    // Inside its folder: fine.
    let ran = score("no-builtin = true\nkeywords = [\"inside/api.toml\"]\n", &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    // A path up, an absolute path, a link out, a folder holding a link out.
    for keywords in [
        "../outside.toml",
        "/dev/null",
        "inside/sneaky.toml",
        "inside",
    ] {
        let config = format!("no-builtin = true\nkeywords = [\"{keywords}\"]\n");
        let ran = score(&config, &[]);
        assert_eq!(ran.code, 2, "{keywords}");
        assert!(
            ran.stderr
                .contains("rolefit.toml names a keyword path outside its folder")
                && ran.stderr.contains("pass --trust-config"),
            "{keywords}: {}",
            ran.stderr
        );
        assert!(!ran.stderr.contains("id = "), "no content shown");
    }
    // The flag lets it.
    let ran = score(
        "no-builtin = true\nkeywords = [\"../outside.toml\"]\n",
        &["--trust-config"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    // A path on the command line is the user's own: no confinement.
    let ran = score(
        "no-builtin = true\nkeywords = [\"../outside.toml\"]\n",
        &["--keywords", "../outside.toml"],
    );
    assert_eq!(ran.code, 0, "{}", ran.stderr);
}

#[test]
fn weights_are_finite_and_bounded() {
    let sandbox = sandbox();
    sandbox.write("a.txt", RESUME);
    for (weight, shown) in [
        ("1e308", "1e308"),
        ("inf", "inf"),
        ("nan", "NaN"),
        ("1001", "1001"),
    ] {
        let set = SET.replace(
            "name = \"REST\"",
            &format!("name = \"REST\"\nweight = {weight}"),
        );
        sandbox.write("sets/api.toml", set);
        let ran = rolefit_in(&sandbox, &["score", "a.txt", "--format", "json"]);
        assert_eq!(ran.code, 2, "{weight}");
        assert!(
            ran.stderr.contains(&format!(
                "term \"REST\" has weight {shown}; it must be a number above 0 and at most 1000"
            )),
            "{weight}: {}",
            ran.stderr
        );
    }
    let set = SET
        .replace("name = \"REST\"", "name = \"REST\"\nweight = 1000")
        .replace("name = \"GraphQL\"", "name = \"GraphQL\"\nweight = 1000");
    sandbox.write("sets/api.toml", set);
    let ran = rolefit_in(&sandbox, &["score", "a.txt", "--format", "json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"][0]["sets"][0]["score"], 100.0);
}

// --- Hostile names and text in every output ----------------------------------

/// A file name that tries a workflow command, a terminal escape, a formula.
const EVIL: &str = "=evil\n::error::pwned\x1b[31m\u{9b}2J.txt";

#[cfg(unix)]
#[test]
fn hostile_file_names_are_shown_escaped_in_every_output() {
    let sandbox = sandbox();
    sandbox.write(&format!("in/{EVIL}"), RESUME);
    sandbox.write("in/empty.txt", "");
    let expected = "=evil\\n::error::pwned\\x1b[31m\\u{9b}2J.txt";
    for format in ["table", "csv", "jsonl", "github"] {
        let ran = rolefit_in(
            &sandbox,
            &["batch", "in", "--format", format, "--require", "Kafka"],
        );
        assert_eq!(ran.code, 2, "{format}: {}", ran.stderr);
        assert_harmless(format, &ran.stderr);
        if format == "jsonl" {
            // JSON keeps the name exact (escaping C0 itself): it is for programs.
            assert!(command_lines(&ran.stdout).is_empty(), "{}", ran.stdout);
            assert_eq!(records(&ran)[0]["path"], format!("in/{EVIL}"));
        } else if format == "github" {
            assert_real_annotations(&ran.stdout, 2);
        } else {
            assert_harmless(format, &ran.stdout);
            assert!(ran.stdout.contains(expected), "{format}:\n{}", ran.stdout);
        }
    }
    let path = format!("in/{EVIL}");
    for format in ["table", "markdown", "github"] {
        let ran = rolefit_in(
            &sandbox,
            &[
                "score",
                &path,
                "in/empty.txt",
                "--format",
                format,
                "--require",
                "Kafka",
            ],
        );
        assert_eq!(ran.code, 2, "{format}");
        assert_harmless(format, &ran.stderr);
        if format == "github" {
            assert_real_annotations(&ran.stdout, 1);
        } else {
            assert_harmless(format, &ran.stdout);
            assert!(ran.stdout.contains(expected), "{format}:\n{}", ran.stdout);
        }
    }
    // The Markdown heading stays one line.
    let ran = rolefit_in(&sandbox, &["score", &path, "--format", "markdown"]);
    assert!(
        ran.stdout.starts_with(&format!("## `in/{expected}`\n")),
        "{}",
        ran.stdout
    );
    let ran = rolefit_in(&sandbox, &["compare", &path, &path]);
    assert_harmless("compare", &ran.stdout);
    assert_harmless("compare", &ran.stderr);
    let ran = rolefit_in(&sandbox, &["extract", &path, "in/empty.txt"]);
    assert_harmless("extract", &ran.stdout);
    assert_harmless("extract", &ran.stderr);
}

#[test]
fn document_text_is_shown_escaped_unless_raw() {
    let sandbox = sandbox();
    sandbox.write(
        "cv.html",
        "<p>Red&#x1b;[31m text</p>\n<pre>::error::pwned\n  ::add-mask::x</pre>",
    );
    let ran = rolefit_in(&sandbox, &["extract", "cv.html"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "Red\\x1b[31m text\n\n\\::error::pwned\n\\::add-mask::x\n"
    );
    let ran = rolefit_in(&sandbox, &["extract", "--raw", "cv.html"]);
    assert_eq!(
        ran.stdout,
        "Red\x1b[31m text\n\n::error::pwned\n::add-mask::x\n"
    );
}

#[test]
fn set_and_term_names_are_shown_escaped() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "sets/evil.toml",
        "id = \"evil\"\nname = \"Evil\\u001b[2J\"\nkind = \"skills\"\n\
         description = \"::warning::x\"\n\n[[term]]\nname = \"Bad\\u009bterm\"\n\
         aliases = [\"al\\u001bias\"]\n",
    );
    sandbox.write("cv.txt", "Nothing here.\n");
    for args in [
        &["sets"][..],
        &["sets", "--format", "markdown"],
        &["sets", "show", "evil"],
        &["sets", "show", "evil", "--format", "markdown"],
        &["score", "cv.txt", "--details"],
        &["score", "cv.txt", "--details", "--format", "markdown"],
    ] {
        let ran = rolefit_in(&sandbox, args);
        assert_eq!(ran.code, 0, "{args:?}: {}", ran.stderr);
        assert_harmless(&format!("{args:?}"), &ran.stdout);
    }
    let ran = rolefit_in(&sandbox, &["sets", "show", "evil"]);
    assert!(ran.stdout.contains("Evil\\x1b[2J"), "{}", ran.stdout);
    assert!(ran.stdout.contains("\\::warning::x"), "{}", ran.stdout);
}

#[test]
fn posting_lines_are_shown_escaped_in_compare() {
    let sandbox = sandbox();
    sandbox.write(
        "cv.txt",
        "Backend engineer. I built REST services in production for years, and a \
         GraphQL gateway in front of them for the mobile and web teams.\n",
    );
    sandbox.write(
        "posting.txt",
        "We are hiring a backend engineer to build the public API of our payments \
         platform with a small team.\n\nRequirements:\n- GraphQL\x1b[31m and REST, required\n\
         ::error::x GraphQL must be known well by every engineer here\n",
    );
    for format in ["table", "markdown"] {
        let ran = rolefit_in(
            &sandbox,
            &["compare", "cv.txt", "posting.txt", "--format", format],
        );
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        assert_harmless(format, &ran.stdout);
    }
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_guarded() {
    let sandbox = sandbox();
    for name in ["=HYPERLINK(x).txt", "+1.txt", "-2.txt", "@SUM(A1).txt"] {
        sandbox.write(name, RESUME);
    }
    let names = ["=HYPERLINK(x).txt", "+1.txt", "-2.txt", "@SUM(A1).txt"];
    let mut args = vec!["batch", "--format", "csv", "--"];
    args.extend(names);
    let ran = rolefit_in(&sandbox, &args);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for name in names {
        assert!(
            ran.stdout.contains(&format!("\ndocument,'{name},")),
            "{name}: {}",
            ran.stdout
        );
    }
    args.insert(1, "--no-csv-guard");
    let ran = rolefit_in(&sandbox, &args);
    for name in names {
        assert!(
            ran.stdout.contains(&format!("\ndocument,{name},")),
            "{name}"
        );
    }
}

// --- Write errors ------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_ends_with_a_message_and_exit_2() {
    let sandbox = sandbox();
    sandbox.write("in/a.txt", RESUME);
    let cases: [(&[&str], &str); 4] = [
        (
            &["batch", "in", "--format", "jsonl"],
            "cannot write the records",
        ),
        (&["batch", "in"], "cannot write the table"),
        (&["score", "in/a.txt"], "cannot write the report"),
        (&["extract", "in/a.txt"], "cannot write the text"),
    ];
    for (args, context) in cases {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("rolefit"))
            .current_dir(sandbox.path())
            .args(["--no-config", "--no-builtin", "--keywords", "sets"])
            .args(args)
            .env_remove("CI")
            .stdout(fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "rolefit: error: {context}: No space left on device"
            )),
            "{args:?}: {stderr}"
        );
    }
}

// --- Linear where it should be ------------------------------------------------

#[test]
fn deep_folders_are_walked_in_linear_time() {
    let sandbox = sandbox();
    let mut deep = sandbox.path().join("in");
    for _ in 0..1000 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("cv.txt"), RESUME).unwrap();
    let started = Instant::now();
    let ran = rolefit_in(&sandbox, &["batch", "in", "--format", "jsonl"]);
    let elapsed = started.elapsed();
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(summary(&ran)["scored"], 1);
    // Resolving every folder's path took 14-17 s here; the walk takes ms.
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[cfg(unix)]
#[test]
fn following_links_reads_each_file_once() {
    // Level i has a file and two links to level i + 1: 2^19 - 1 paths lead
    // to the 19 files.
    let sandbox = sandbox();
    let levels = 19;
    for level in 0..levels {
        sandbox.write(&format!("l{level}/cv{level}.txt"), RESUME);
        if level + 1 < levels {
            let next = format!("../l{}", level + 1);
            symlink(&next, sandbox.path().join(format!("l{level}/a")));
            symlink(&next, sandbox.path().join(format!("l{level}/b")));
        }
    }
    let started = Instant::now();
    let ran = rolefit_in(&sandbox, &["batch", "-L", "l0", "--format", "jsonl"]);
    let elapsed = started.elapsed();
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let summary = summary(&ran);
    assert_eq!(summary["scored"], levels, "{summary}");
    // One `b` link per level but the last leads to a folder seen already.
    assert_eq!(summary["skipped"], levels - 1, "{summary}");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[test]
fn keyword_files_load_in_linear_time() {
    let sandbox = Sandbox::new();
    let mut set =
        String::from("id = \"big\"\nname = \"Big\"\nkind = \"skills\"\ndescription = \"d\"\n");
    for i in 0..20_000 {
        set.push_str(&format!("\n[[term]]\nname = \"term{i}\"\n"));
    }
    sandbox.write("sets/big.toml", set);
    sandbox.write("cv.txt", RESUME);
    let started = Instant::now();
    let ran = rolefit_in(&sandbox, &["sets"]);
    let elapsed = started.elapsed();
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    // A line and column for every term took 5 s in a release build.
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[test]
fn the_largest_max_size_reads_standard_input() {
    let sandbox = sandbox();
    let ran = run(command(
        &sandbox,
        &[
            "score",
            "-",
            "--max-size",
            "18446744073709551615",
            "--format",
            "json",
        ],
    )
    .write_stdin(RESUME));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"][0]["sets"][0]["matched_count"], 2);
}

#[test]
fn binary_data_after_the_first_8_kib_is_found() {
    let sandbox = sandbox();
    let mut bytes = RESUME.repeat(300).into_bytes();
    assert!(bytes.len() > 8192);
    bytes.extend_from_slice(b"\x00\x01\x02\x00binary tail");
    sandbox.write("in/late-binary.txt", bytes);
    let ran = rolefit_in(&sandbox, &["batch", "in", "--format", "jsonl"]);
    assert_eq!(ran.code, 2);
    assert_eq!(records(&ran)[0]["code"], "binary");
}

#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_are_read_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let sandbox = sandbox();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::create_dir(sandbox.path().join("in")).unwrap();
    fs::write(sandbox.path().join("in").join(name), RESUME).unwrap();
    let ran = rolefit_in(&sandbox, &["batch", "in", "--format", "jsonl"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(records(&ran)[0]["path"], "in/caf\u{FFFD}.txt");
    // Named on the command line too.
    let path = Path::new("in").join(name);
    let ran = run(command(&sandbox, &["score", "--format", "json"]).arg(&path));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"][0]["path"], "in/caf\u{FFFD}.txt");
    let ran = run(command(&sandbox, &["extract"]).arg(&path));
    assert_eq!(ran.stdout, format!("{RESUME}\n"));
}

#[test]
fn json_nesting_is_refused_past_the_documented_depth() {
    let sandbox = sandbox();
    let nested = |depth: usize| {
        format!(
            "{{\"basics\": {{\"name\": \"Alex REST\"}}, \"x\": {}1{}}}",
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        )
    };
    sandbox.write("ok.json", nested(127));
    sandbox.write("deep.json", nested(128));
    let ran = rolefit_in(
        &sandbox,
        &["batch", "ok.json", "deep.json", "--format", "jsonl"],
    );
    let records = records(&ran);
    assert_eq!(records[0]["type"], "document", "{}", records[0]);
    assert_eq!(records[1]["code"], "corrupt", "{}", records[1]);
}
