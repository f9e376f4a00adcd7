//! The `rolefit` binary end to end: outputs, errors and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, fixture_arg, rolefit, run};
use serde_json::Value;

/// The built-in set ids, in display order.
const BUILTIN_IDS: [&str; 10] = [
    "core",
    "entry",
    "mid",
    "senior",
    "api",
    "database",
    "cloud",
    "devops",
    "security",
    "architect",
];

const RESUME: &str = "\
Dana Reyes — Backend Developer

- Designed RESTful APIs and web services with OAuth authentication.
- Built CI/CD pipelines; managed infrastructure as
  code and monitoring.
- Query optimization and indexing on SQL and NoSQL databases.
- Led code reviews and mentored junior developers.
";

fn resume(sandbox: &Sandbox) -> String {
    sandbox
        .write("dana.txt", RESUME)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn table_shows_every_set_with_scores_within_80_columns() {
    let sandbox = Sandbox::new();
    let ran = run(rolefit().args(["score", &resume(&sandbox)]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for id in BUILTIN_IDS {
        assert!(
            ran.stdout
                .lines()
                .any(|line| line.starts_with(&format!("│ {id} "))),
            "no row for {id}:\n{}",
            ran.stdout
        );
    }
    assert!(ran.stdout.contains("best specialization:"));
    for line in ran.stdout.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line:?}");
    }
    assert!(!ran.stdout.contains('\u{1b}'), "colour when not a terminal");
}

#[test]
fn json_carries_the_documented_fields() {
    let sandbox = Sandbox::new();
    let ran = run(rolefit().args(["score", "--format", "json", &resume(&sandbox)]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["type"], "score");
    let document = &report["documents"][0];
    assert!(document["path"].as_str().unwrap().ends_with("dana.txt"));
    let sets = document["sets"].as_array().unwrap();
    assert_eq!(sets.len(), 10);
    for set in sets {
        for key in ["id", "kind", "score", "matched", "missing"] {
            assert!(set.get(key).is_some(), "set lacks {key}: {set}");
        }
        for matched in set["matched"].as_array().unwrap() {
            assert!(matched["count"].as_u64().unwrap() >= 1);
            assert!(!matched["lines"].as_array().unwrap().is_empty());
            assert!(["exact", "alias", "stem"].contains(&matched["match"].as_str().unwrap()));
        }
    }
    let devops = sets.iter().find(|s| s["id"] == "devops").unwrap();
    let ci_cd = devops["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["term"] == "CI/CD")
        .expect("CI/CD matched");
    assert_eq!(ci_cd["lines"], serde_json::json!([4]));
}

#[test]
fn markdown_is_a_pasteable_table() {
    let sandbox = Sandbox::new();
    let ran = run(rolefit().args([
        "score",
        "--format",
        "markdown",
        "--details",
        &resume(&sandbox),
    ]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout
            .contains("| Set | Kind | Score | Matched | Top missing |\n|---|---|---:|---:|---|\n")
    );
    assert!(
        ran.stdout
            .contains("| Term | Weight | Count | Lines | Match | As written |")
    );
    assert!(!ran.stdout.contains('│'));
}

#[test]
fn details_list_terms_with_lines() {
    let sandbox = Sandbox::new();
    let ran = run(rolefit().args(["score", "--details", "--set", "database", &resume(&sandbox)]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("database ("), "{}", ran.stdout);
    let indexing = ran
        .stdout
        .lines()
        .find(|line| line.contains("indexing"))
        .expect("indexing row");
    assert!(indexing.contains(" 6 "), "line 6 in {indexing:?}");
    assert!(ran.stdout.contains("missing:"));
}

#[test]
fn set_and_kind_narrow_the_sets() {
    let sandbox = Sandbox::new();
    let path = resume(&sandbox);
    let ran = run(rolefit().args(["score", "--format", "json", "--kind", "level", &path]));
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    let ids: Vec<&str> = report["documents"][0]["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["entry", "mid", "senior"]);

    let ran = run(rolefit().args(["score", "--set", "nope", &path]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("unknown set `nope` (known: core, entry"),
        "{}",
        ran.stderr
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let ran = run(rolefit()
        .args(["score", "--format", "json", "--set", "devops", "-"])
        .write_stdin("We run CI/CD and infrastructure as code."));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"][0]["path"], "-");
    assert!(
        report["documents"][0]["sets"][0]["matched_count"]
            .as_u64()
            .unwrap()
            >= 2
    );
}

#[test]
fn output_is_deterministic() {
    let sandbox = Sandbox::new();
    let path = resume(&sandbox);
    let first = run(rolefit().args(["score", "--details", "--format", "json", &path]));
    let second = run(rolefit().args(["score", "--details", "--format", "json", &path]));
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn colour_only_when_asked_and_never_with_no_color_on_auto() {
    let sandbox = Sandbox::new();
    let path = resume(&sandbox);
    let always = run(rolefit().args(["score", "--color", "always", &path]));
    assert!(
        always.stdout.contains("\u{1b}["),
        "no colour with --color always"
    );
    let never = run(rolefit().args(["score", "--color", "never", &path]));
    assert!(!never.stdout.contains('\u{1b}'));
    let no_color = run(rolefit().env("NO_COLOR", "1").args(["score", &path]));
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn bad_inputs_name_the_file_and_exit_2() {
    let sandbox = Sandbox::new();
    let empty = sandbox.write("empty.txt", "");
    let binary = sandbox.write("blob.txt", [0u8, 159, 146, 150, 0, 1, 2]);
    let folder = sandbox.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let missing = sandbox.path().join("missing.txt");
    let cases = [
        (missing, "missing.txt: no such file"),
        (folder, "folder: is a directory"),
        (empty, "empty.txt: is empty"),
        (binary, "blob.txt: is a binary file"),
    ];
    for (path, message) in cases {
        let ran = run(rolefit().arg("score").arg(&path));
        assert_eq!(ran.code, 2, "{message}");
        assert!(
            ran.stderr.contains(message),
            "{:?} lacks {message:?}",
            ran.stderr
        );
        assert!(ran.stderr.starts_with("rolefit: error: "));
        assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
        assert!(!ran.stderr.contains("panicked"));
    }
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let sandbox = Sandbox::new();
    let good = resume(&sandbox);
    let ran = run(rolefit().args(["score", "--format", "json", &good, "nope.txt"]));
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("nope.txt: no such file"));
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn malformed_keyword_files_point_at_line_and_column() {
    let sandbox = Sandbox::new();
    let text = resume(&sandbox);
    let header = "id = \"mine\"\nname = \"Mine\"\nkind = \"skills\"\ndescription = \"d\"\n";
    let cases = [
        (
            "syntax.toml",
            format!("{header}[[term]\nname = \"x\"\n"),
            "syntax.toml:5:",
        ),
        (
            "unknown.toml",
            format!("{header}[[term]]\nname = \"x\"\nwieght = 2\n"),
            "unknown.toml:7:1: unknown field `wieght`",
        ),
        (
            "noterms.toml",
            header.to_string(),
            "noterms.toml:1:1: set `mine` has no terms",
        ),
        (
            "emptyname.toml",
            format!("{header}[[term]]\nname = \"\"\n"),
            "emptyname.toml:5:1: a term of set `mine` has an empty name",
        ),
    ];
    for (name, contents, message) in cases {
        let path = sandbox.write(name, contents);
        let ran = run(rolefit()
            .arg("score")
            .arg("--keywords")
            .arg(&path)
            .arg(&text));
        assert_eq!(ran.code, 2, "{name}");
        assert!(
            ran.stderr.contains(message),
            "{:?} lacks {message:?}",
            ran.stderr
        );
    }
}

#[test]
fn duplicate_ids_in_one_load_are_an_error() {
    let sandbox = Sandbox::new();
    let set = "id = \"mine\"\nname = \"Mine\"\nkind = \"skills\"\ndescription = \"d\"\n[[term]]\nname = \"Rust\"\n";
    sandbox.write("sets/a.toml", set);
    sandbox.write("sets/b.toml", set);
    let ran = run(rolefit()
        .arg("sets")
        .arg("--keywords")
        .arg(sandbox.path().join("sets")));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("b.toml: set id `mine` is already used by"),
        "{}",
        ran.stderr
    );
}

#[test]
fn user_sets_add_and_replace_builtins() {
    let sandbox = Sandbox::new();
    let cloud = sandbox.write(
        "cloud.toml",
        "id = \"cloud\"\nname = \"My cloud\"\nkind = \"specialization\"\ndescription = \"d\"\n[[term]]\nname = \"Kubernetes\"\naliases = [\"k8s\"]\n",
    );
    let text = sandbox.write("doc.txt", "Ran k8s clusters.");
    let ran = run(rolefit()
        .args(["score", "--format", "json", "--set", "cloud", "--keywords"])
        .arg(&cloud)
        .arg(&text));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    let set = &report["documents"][0]["sets"][0];
    assert_eq!(set["name"], "My cloud");
    assert_eq!(set["score"], 100.0);
    assert_eq!(set["matched"][0]["match"], "alias");

    let ran = run(rolefit()
        .args(["sets", "--no-builtin", "--keywords"])
        .arg(&cloud));
    assert_eq!(ran.code, 0);
    assert!(ran.stdout.contains("My cloud"));
    assert!(!ran.stdout.contains("security"));

    let ran = run(rolefit().args(["sets", "--no-builtin"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("--no-builtin needs at least one --keywords PATH")
    );
}

#[test]
fn sets_lists_and_shows() {
    let ran = run(rolefit().arg("sets"));
    assert_eq!(ran.code, 0);
    for id in BUILTIN_IDS {
        assert!(ran.stdout.contains(&format!("│ {id} ")), "{id} missing");
    }
    let ran = run(rolefit().args(["sets", "show", "cloud"]));
    assert_eq!(ran.code, 0);
    assert!(ran.stdout.contains("managed databases"));
    assert!(ran.stdout.contains("Instances"));
    // Each concept with its instances, in JSON too.
    let ran = run(rolefit().args(["sets", "show", "devops", "--format", "json"]));
    let detail: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(detail["id"], "devops");
    let terms = detail["term_list"].as_array().unwrap();
    let instances = |name: &str| -> Vec<String> {
        let term = terms.iter().find(|t| t["name"] == name).unwrap();
        term["instances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap().to_string())
            .collect()
    };
    assert!(instances("infrastructure as code").contains(&"Terraform".to_string()));
    assert!(instances("monitoring").contains(&"Prometheus".to_string()));
    assert!(instances("software delivery").is_empty());
    let ran = run(rolefit().args(["sets", "show", "nope"]));
    assert_eq!(ran.code, 2);
}

#[test]
fn help_documents_exit_codes() {
    for args in [&["--help"][..], &["score", "--help"]] {
        let ran = run(rolefit().args(args));
        assert_eq!(ran.code, 0);
        assert!(ran.stdout.contains("Exit codes:"));
        assert!(ran.stdout.contains("2  usage error"));
    }
    let ran = run(rolefit().args(["score", "--format", "yaml", "x"]));
    assert_eq!(ran.code, 2);
}

#[test]
fn works_from_any_folder_without_files_beside_it() {
    let sandbox = Sandbox::new();
    let ran = run(rolefit()
        .current_dir(sandbox.path())
        .args(["score", &fixture_arg("../Cargo.toml")]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
}
