//! rolefit in CI: thresholds, exit codes, configuration, machine output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sandbox, rolefit, run};
use serde_json::Value;

const DEVOPS_POSTING: &str = "\
# Senior DevOps Engineer

We want someone to own our CI/CD pipelines, continuous integration and
continuous deployment, infrastructure as code (IaC), automation tools and
scripting languages, and monitoring of system performance.
";

const THIN_POSTING: &str = "# Office manager\n\nKeep the office tidy and greet visitors.\n";

fn postings() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("repo/postings/senior-devops.md", DEVOPS_POSTING);
    sandbox.write("repo/postings/office.md", THIN_POSTING);
    sandbox
}

#[test]
fn exit_codes_are_0_pass_1_check_failed_2_error() {
    let sandbox = postings();
    let devops = sandbox.path().join("repo/postings/senior-devops.md");
    let pass = run(rolefit()
        .arg("score")
        .arg(&devops)
        .args(["--min-score", "devops=50"]));
    assert_eq!(pass.code, 0, "{}", pass.stderr);

    let fail = run(rolefit()
        .arg("score")
        .arg(&devops)
        .args(["--min-score", "security=50"]));
    assert_eq!(fail.code, 1);
    assert!(
        fail.stderr.contains(
            "senior-devops.md: set `security` scores 0, below the minimum 50 (security >= 50)"
        ),
        "{}",
        fail.stderr
    );

    let missing = run(rolefit()
        .arg("score")
        .arg(sandbox.path().join("nope.md"))
        .args(["--min-score", "devops=50"]));
    assert_eq!(missing.code, 2);

    let usage = run(rolefit()
        .arg("score")
        .arg(&devops)
        .args(["--min-score", "devops"]));
    assert_eq!(usage.code, 2);
    assert!(usage.stderr.contains("expected SET=N"), "{}", usage.stderr);

    let unknown_set = run(rolefit()
        .arg("score")
        .arg(&devops)
        .args(["--min-score", "devopz=5"]));
    assert_eq!(unknown_set.code, 2);
    assert!(
        unknown_set.stderr.contains("min-score names set `devopz`"),
        "{}",
        unknown_set.stderr
    );
}

#[test]
fn each_threshold_form() {
    let sandbox = postings();
    let devops = sandbox.path().join("repo/postings/senior-devops.md");
    let cases = [
        ("best-specialization=50", 0),
        ("best-specialization=100", 1),
        ("fit=1", 0),
        ("fit=100", 1),
        ("devops=40", 0),
        ("entry=90", 1),
    ];
    for (threshold, code) in cases {
        let ran = run(rolefit()
            .arg("score")
            .arg(&devops)
            .args(["--min-score", threshold]));
        assert_eq!(ran.code, code, "{threshold}: {}", ran.stderr);
    }
}

#[test]
fn required_terms_known_or_not() {
    let sandbox = postings();
    let devops = sandbox.path().join("repo/postings/senior-devops.md");
    let ran =
        run(rolefit()
            .arg("score")
            .arg(&devops)
            .args(["--require", "CI/CD", "--require", "IaC"]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let ran = run(rolefit().arg("score").arg(&devops).args([
        "--require",
        "Kubernetes",
        "--format",
        "json",
    ]));
    assert_eq!(ran.code, 1);
    assert!(
        ran.stderr
            .contains("required term \"Kubernetes\" is missing"),
        "{}",
        ran.stderr
    );
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    let sets = report["documents"][0]["sets"].as_array().unwrap();
    assert_eq!(sets.last().unwrap()["id"], "required");
}

#[test]
fn config_is_found_from_a_subfolder_and_flags_override_it() {
    let sandbox = postings();
    sandbox.write(
        "repo/rolefit.toml",
        "[[check]]\npaths = [\"postings/senior-*.md\"]\nmin-score = { senior = 95 }\n",
    );
    let subfolder = sandbox.path().join("repo/postings");
    let fail =
        run(rolefit()
            .current_dir(&subfolder)
            .args(["score", "senior-devops.md", "office.md"]));
    assert_eq!(fail.code, 1, "{}", fail.stderr);
    assert!(
        fail.stderr
            .contains("senior-devops.md: set `senior` scores"),
        "{}",
        fail.stderr
    );
    assert!(
        !fail.stderr.contains("office.md:"),
        "the rule is for senior-*.md only"
    );

    let overridden = run(rolefit().current_dir(&subfolder).args([
        "score",
        "senior-devops.md",
        "--min-score",
        "senior=0",
    ]));
    assert_eq!(overridden.code, 0, "{}", overridden.stderr);

    let no_config =
        run(rolefit()
            .current_dir(&subfolder)
            .args(["score", "--no-config", "senior-devops.md"]));
    assert_eq!(no_config.code, 0);

    let explicit = sandbox.write("elsewhere.toml", "[min-score]\nfit = 99\n");
    let ran = run(rolefit()
        .current_dir(&subfolder)
        .arg("score")
        .arg("--config")
        .arg(&explicit)
        .arg("office.md"));
    assert_eq!(ran.code, 1);
}

#[test]
fn malformed_config_is_an_error_with_position() {
    let sandbox = postings();
    sandbox.write("repo/rolefit.toml", "sets = [\"core\"]\nthreshold = 3\n");
    let ran = run(rolefit()
        .current_dir(sandbox.path().join("repo"))
        .args(["score", "postings/office.md"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("rolefit.toml:2:1: unknown field `threshold`"),
        "{}",
        ran.stderr
    );
}

#[test]
fn config_sets_keywords_and_ignored_terms() {
    let sandbox = postings();
    sandbox.write(
        "repo/team/k8s.toml",
        "id = \"k8s\"\nname = \"Kubernetes\"\nkind = \"skills\"\ndescription = \"d\"\n[[term]]\nname = \"Kubernetes\"\n[[term]]\nname = \"Helm\"\n",
    );
    sandbox.write(
        "repo/rolefit.toml",
        "keywords = [\"team\"]\nsets = [\"devops\", \"k8s\"]\nignore = [\"monitoring\"]\n",
    );
    let ran = run(rolefit().current_dir(sandbox.path().join("repo")).args([
        "score",
        "--format",
        "json",
        "postings/senior-devops.md",
    ]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Value = serde_json::from_str(&ran.stdout).unwrap();
    let sets = report["documents"][0]["sets"].as_array().unwrap();
    let ids: Vec<&str> = sets.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["devops", "k8s"]);
    let names = |key: &str| -> Vec<String> {
        sets[0][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.get("term").unwrap_or(t).as_str().unwrap().to_lowercase())
            .collect()
    };
    assert!(!names("matched").contains(&"monitoring".to_string()));
    assert!(!names("missing").contains(&"monitoring".to_string()));
}

#[test]
fn a_document_can_opt_out_of_a_term_inline() {
    let sandbox = Sandbox::new();
    let posting = sandbox.write(
        "posting.md",
        "<!-- rolefit: ignore Kubernetes -->\n# DevOps\nCI/CD and infrastructure as code.\n",
    );
    let ran = run(rolefit()
        .arg("score")
        .arg(&posting)
        .args(["--require", "Kubernetes"]));
    assert_eq!(
        ran.code, 1,
        "the requirement stays; the term is gone from the report"
    );
    let ran = run(rolefit()
        .arg("score")
        .arg(&posting)
        .args(["--format", "json", "--set", "devops"]));
    assert!(!ran.stdout.contains("Kubernetes"));
}

#[test]
fn github_format_annotates_each_failed_document_once() {
    let sandbox = postings();
    let dir = sandbox.path().join("repo");
    let ran = run(rolefit().current_dir(&dir).args([
        "score",
        "--format",
        "github",
        "--min-score",
        "fit=30",
        "--require",
        "CI/CD",
        "postings/senior-devops.md",
        "postings/office.md",
    ]));
    assert_eq!(ran.code, 1);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stdout);
    assert!(
        lines[0].starts_with("::error file=postings/office.md,line=1,title=rolefit check failed::postings/office.md: fit scores 0, below the minimum 30 (fit >= 30); required term \"CI/CD\" is missing (require CI/CD)"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "rolefit: 1 of 2 documents failed their checks");
}

#[test]
fn quiet_prints_only_failures() {
    let sandbox = postings();
    let dir = sandbox.path().join("repo");
    let pass = run(rolefit()
        .current_dir(&dir)
        .args(["score", "-q", "postings/senior-devops.md"]));
    assert_eq!(
        (pass.code, pass.stdout.as_str(), pass.stderr.as_str()),
        (0, "", "")
    );
    let fail = run(rolefit().current_dir(&dir).args([
        "score",
        "--quiet",
        "--min-score",
        "fit=90",
        "postings/office.md",
    ]));
    assert_eq!(fail.code, 1);
    assert_eq!(fail.stdout, "");
    assert_eq!(fail.stderr.lines().count(), 1);
}

#[test]
fn no_colour_when_ci_is_set() {
    let sandbox = postings();
    let ran = run(rolefit()
        .env("CI", "true")
        .arg("score")
        .arg(sandbox.path().join("repo/postings/office.md")));
    assert!(!ran.stdout.contains('\u{1b}'));
}

#[test]
fn json_and_jsonl_validate_against_the_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/schema/rolefit.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sandbox = postings();
    let dir = sandbox.path().join("repo");
    let documents = ["postings/senior-devops.md", "postings/office.md"];

    let json = run(rolefit()
        .current_dir(&dir)
        .args([
            "score",
            "--details",
            "--format",
            "json",
            "--require",
            "CI/CD",
        ])
        .args(documents));
    let value: Value = serde_json::from_str(&json.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(value["documents"][0]["checks"][0]["check"], "require CI/CD");

    let jsonl = run(rolefit()
        .current_dir(&dir)
        .args(["score", "--format", "jsonl"])
        .args(documents));
    let records: Vec<Value> = jsonl
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    for record in &records {
        assert_eq!(record["type"], "document");
        let errors: Vec<String> = validator
            .iter_errors(record)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    // The schema is strict enough to catch a renamed field.
    let mut broken = records[0].clone();
    broken["sets"][0]["score"] = Value::from("high");
    assert!(!validator.is_valid(&broken));
}
