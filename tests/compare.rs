//! `rolefit compare`: the engine on labelled fixture pairs, and the command
//! end to end (outputs, refusals, exit codes).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Sandbox, fixture, fixture_arg, rolefit, run};
use rolefit::compare::{
    CompareOptions, CompareResult, ComparedTerm, PreparedPosting, TermClass, TermStatus,
    TextProblem,
};
use rolefit::sets::{KeywordSet, SetOrigin, builtin, load_file, parse_set};
use serde::Deserialize;
use serde_json::Value;

const GO_POSTING: &str = "compare/postings/go-payments-engineer.md";
const GO_DEVELOPER: &str = "compare/resumes/go-developer.md";
const GO_AS_A_VERB: &str = "compare/resumes/go-as-a-verb.md";

// ---------------------------------------------------------------- helpers

fn text(relative: &str) -> String {
    std::fs::read_to_string(fixture(relative)).unwrap()
}

fn prepare(posting: &str, sets: Vec<KeywordSet>, strict: bool) -> PreparedPosting {
    let options = CompareOptions {
        strict,
        ignore: vec![],
    };
    PreparedPosting::prepare(&text(posting), sets, options).unwrap()
}

/// The built-in sets and the technology vocabulary, as `rolefit compare`
/// loads them.
fn builtin_sets() -> Vec<KeywordSet> {
    let mut sets = builtin::sets().unwrap();
    sets.push(builtin::vocabulary().unwrap().to_skills_set());
    sets
}

fn builtin_posting(posting: &str) -> PreparedPosting {
    prepare(posting, builtin_sets(), false)
}

fn term<'r>(result: &'r CompareResult, name: &str) -> &'r ComparedTerm {
    result
        .terms
        .iter()
        .find(|t| t.term == name)
        .unwrap_or_else(|| panic!("no posting term {name:?}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pairs {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    posting: String,
    sections: bool,
    resumes: Vec<String>,
    required: Vec<String>,
    preferred: Vec<String>,
}

fn pairs() -> Vec<Pair> {
    let pairs: Pairs = toml::from_str(&text("compare/pairs.toml")).unwrap();
    pairs.pair
}

// ---------------------------------------------------------------- the engine

#[test]
fn pairs_cover_postings_with_and_without_sections() {
    let pairs = pairs();
    assert!(pairs.iter().filter(|p| p.sections).count() >= 4);
    assert!(pairs.iter().any(|p| !p.sections));
    assert!(pairs.iter().all(|p| p.resumes.len() >= 2));
}

#[test]
fn postings_class_terms_from_their_own_wording() {
    for pair in pairs() {
        let prepared = builtin_posting(&pair.posting);
        let classes: BTreeMap<&str, TermClass> = prepared
            .terms()
            .iter()
            .map(|t| (t.term.as_str(), t.class))
            .collect();
        let expected = pair
            .required
            .iter()
            .map(|n| (n, TermClass::Required))
            .chain(pair.preferred.iter().map(|n| (n, TermClass::Preferred)));
        for (name, class) in expected {
            assert_eq!(
                classes.get(name.as_str()),
                Some(&class),
                "{}: {name}; terms: {classes:?}",
                pair.posting
            );
        }
        if !pair.sections {
            assert!(
                classes.values().all(|c| *c == TermClass::Required),
                "{}: a posting without sections marks nothing preferred: {classes:?}",
                pair.posting
            );
        }
    }
}

#[test]
fn ranking_resumes_against_one_posting_puts_the_best_match_first() {
    for pair in pairs() {
        let prepared = builtin_posting(&pair.posting);
        // Compare in reverse order, rank by match rate, expect the labelled order.
        let mut ranked: Vec<(f64, &str)> = pair
            .resumes
            .iter()
            .rev()
            .map(|resume| {
                let result = prepared.compare(&text(resume)).unwrap();
                (result.match_rate, resume.as_str())
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let order: Vec<&str> = ranked.iter().map(|(_, r)| *r).collect();
        assert_eq!(order, pair.resumes, "{}: {ranked:?}", pair.posting);
        assert!(
            ranked.windows(2).all(|w| w[0].0 > w[1].0),
            "{}: ties in {ranked:?}",
            pair.posting
        );
    }
}

#[test]
fn every_posting_matches_itself_fully() {
    for pair in pairs() {
        let prepared = builtin_posting(&pair.posting);
        let result = prepared.compare(&text(&pair.posting)).unwrap();
        assert_eq!(
            result.match_rate, 100.0,
            "{}: {:?}",
            pair.posting, result.missing
        );
    }
}

/// A set of four terms, for sums that are easy to check.
fn four_terms() -> Vec<KeywordSet> {
    let set = "id = \"stack\"\nname = \"Stack\"\nkind = \"skills\"\ndescription = \"d\"\n\
        [[term]]\nname = \"Kafka\"\n[[term]]\nname = \"Redis\"\n\
        [[term]]\nname = \"Docker\"\n[[term]]\nname = \"Helm\"\n";
    vec![parse_set(set, SetOrigin::Builtin).unwrap()]
}

const FOUR_TERM_POSTING: &str = "# Backend engineer\n\n## Requirements\n\n\
    - You will run Kafka in production every day of the week.\n\
    - You will tune Redis for the busiest services we operate.\n\n\
    ## Nice to have\n\n\
    - Some Docker for the local development setup of the team.\n\
    - Some Helm for the charts that deploy our many services.\n";

fn resume_with(terms: &str) -> String {
    format!(
        "Backend developer with six years of building and running payment services for \
         online shops, with a habit of writing things down. Worked with {terms} every week.\n"
    )
}

#[test]
fn a_missing_required_term_costs_three_times_a_preferred_one() {
    let options = CompareOptions::default();
    let prepared = PreparedPosting::prepare(FOUR_TERM_POSTING, four_terms(), options).unwrap();
    let classes: Vec<(&str, TermClass)> = prepared
        .terms()
        .iter()
        .map(|t| (t.term.as_str(), t.class))
        .collect();
    assert_eq!(
        classes,
        [
            ("Kafka", TermClass::Required),
            ("Redis", TermClass::Required),
            ("Docker", TermClass::Preferred),
            ("Helm", TermClass::Preferred),
        ]
    );
    let cases = [
        ("Kafka, Redis, Docker and Helm", 100.0, 8.0),
        ("Redis, Docker and Helm", 62.5, 5.0),
        ("Kafka, Redis and Helm", 87.5, 7.0),
        ("Docker and Helm", 25.0, 2.0),
        ("Kafka and Redis", 75.0, 6.0),
        ("nothing in particular", 0.0, 0.0),
    ];
    for (terms, rate, weight) in cases {
        let result = prepared.compare(&resume_with(terms)).unwrap();
        assert_eq!(result.total_weight, 8.0, "{terms}");
        assert_eq!(
            (result.match_rate, result.matched_weight),
            (rate, weight),
            "{terms}"
        );
    }
}

#[test]
fn missing_terms_come_required_first_with_their_posting_line() {
    let prepared = builtin_posting(GO_POSTING);
    let result = prepared.compare(&text(GO_AS_A_VERB)).unwrap();
    let posting = text(GO_POSTING);
    let lines: Vec<&str> = posting.lines().collect();
    let classes: Vec<TermClass> = result.missing.iter().map(|m| m.class).collect();
    assert!(classes.is_sorted(), "{classes:?}");
    for missing in &result.missing {
        let line = lines[missing.posting_line as usize - 1];
        // The posting may name a technology by a shorter spelling: "Spring"
        // for Spring Framework.
        let first_word = missing.term.split(' ').next().unwrap().to_lowercase();
        assert!(
            missing.posting_text.to_lowercase().contains(&first_word),
            "{}: {:?}",
            missing.term,
            missing.posting_text
        );
        assert!(
            line.to_lowercase()
                .contains(&missing.term.split(' ').next().unwrap().to_lowercase())
                || missing
                    .posting_text
                    .contains(line.trim().trim_start_matches("- ")),
            "{} is not on posting line {}: {line:?}",
            missing.term,
            missing.posting_line
        );
    }
    let event_sourcing = result
        .missing
        .iter()
        .find(|m| m.term == "Event sourcing")
        .unwrap();
    assert_eq!(
        (
            event_sourcing.class,
            event_sourcing.reason,
            event_sourcing.posting_line
        ),
        (TermClass::Required, TermStatus::Missing, 20)
    );
    assert_eq!(
        event_sourcing.posting_text,
        "Experience with Kafka or another event log, and with event sourcing."
    );
    // Every term that does not count is listed, and only those.
    let uncounted = result.terms.iter().filter(|t| !t.counted).count();
    assert_eq!(result.missing.len(), uncounted);
}

#[test]
fn strict_counts_only_exact_forms_and_aliases() {
    let resume = text(GO_DEVELOPER);
    let default = builtin_posting(GO_POSTING).compare(&resume).unwrap();
    let strict = prepare(GO_POSTING, builtin_sets(), true)
        .compare(&resume)
        .unwrap();
    // "Indexed" only stems to "indexing": counted by default, marked, left out
    // when strict.
    let indexing = term(&default, "indexing");
    assert_eq!(
        (
            indexing.status,
            indexing.counted,
            indexing.resume_forms.as_slice()
        ),
        (
            TermStatus::StemOnly,
            true,
            ["Indexed".to_string()].as_slice()
        )
    );
    let strict_indexing = term(&strict, "indexing");
    assert_eq!(
        (strict_indexing.status, strict_indexing.counted),
        (TermStatus::StemOnly, false)
    );
    assert!(
        strict
            .missing
            .iter()
            .any(|m| m.term == "indexing" && m.reason == TermStatus::StemOnly)
    );
    assert!(!default.missing.iter().any(|m| m.term == "indexing"));
    // A plural is what a literal search finds too: "deployments" for "deployment".
    let deployment = term(&strict, "deployment");
    assert_eq!(
        (deployment.status, deployment.counted),
        (TermStatus::Found, true)
    );
    assert!(strict.match_rate < default.match_rate);
    assert!(strict.strict && !default.strict);
}

#[test]
fn ambiguous_names_count_only_where_the_context_is_technical() {
    let prepared = builtin_posting(GO_POSTING);
    let verbs = prepared.compare(&text(GO_AS_A_VERB)).unwrap();
    // "go" in lowercase (lines 8 and 16) is never the language at all.
    for (name, lines) in [
        ("Go", vec![26]),
        ("React", vec![18]),
        ("Swift", vec![20]),
        ("Spring Framework", vec![25]),
    ] {
        let t = term(&verbs, name);
        assert_eq!(
            (
                t.status,
                t.counted,
                &t.set_aside_lines,
                t.resume_lines.is_empty()
            ),
            (TermStatus::Ambiguous, false, &lines, true),
            "{name}"
        );
    }
    let developer = prepared.compare(&text(GO_DEVELOPER)).unwrap();
    let go = term(&developer, "Go");
    // Mid-sentence, in the skills section and beside PostgreSQL it counts; "Go
    // live of the new settlement engine" is an excluded phrase of Go.
    assert_eq!(go.status, TermStatus::Found);
    assert_eq!(go.resume_lines, [7, 12, 20]);
    assert!(go.set_aside_lines.is_empty());
    assert_eq!(term(&developer, "React").resume_lines, [14]);
}

#[test]
fn the_guard_applies_to_set_terms_too() {
    // With the languages set, Go is a set term (with "go live" excluded);
    // "Go-to person" still is not the language.
    // As the CLI loads them: the sets (the user's last), then the vocabulary.
    let mut sets = builtin::sets().unwrap();
    sets.extend(load_file(&fixture("keywords/languages.toml")).unwrap());
    sets.push(builtin::vocabulary().unwrap().to_skills_set());
    let prepared = prepare(GO_POSTING, sets, false);
    let go = prepared.terms().iter().find(|t| t.term == "Go").unwrap();
    assert_eq!(go.set.as_deref(), Some("languages"));
    let verbs = prepared.compare(&text(GO_AS_A_VERB)).unwrap();
    let go = term(&verbs, "Go");
    assert_eq!(go.status, TermStatus::Ambiguous);
    assert_eq!(go.set_aside_lines, [8, 26]);
}

#[test]
fn empty_and_garbled_text_is_refused_not_scored() {
    let prepared = builtin_posting(GO_POSTING);
    let cases: &[(&str, TextProblem)] = &[
        ("compare/refused/no-words.txt", TextProblem::Empty),
        (
            "compare/refused/too-short.txt",
            TextProblem::TooFewWords { words: 5 },
        ),
        (
            "compare/refused/replacement-characters.txt",
            TextProblem::BadCharacters { count: 45 },
        ),
        (
            "compare/refused/symbols.txt",
            TextProblem::FewLetters { percent: 27 },
        ),
        (
            "compare/refused/letters-apart.txt",
            TextProblem::ScatteredLetters { percent: 93 },
        ),
        (
            "compare/refused/dropped-ligatures.txt",
            TextProblem::DroppedLigatures {
                examples: vec!["con guration".into(), "work ow".into(), "ef cient".into()],
            },
        ),
    ];
    for (file, expected) in cases {
        let problem = prepared.compare(&text(file)).unwrap_err();
        assert_eq!(&problem, expected, "{file}");
        // The posting side is checked the same way.
        let err = PreparedPosting::prepare(&text(file), vec![], CompareOptions::default())
            .err()
            .unwrap();
        assert_eq!(err.downcast_ref::<TextProblem>(), Some(&problem), "{file}");
    }
    assert_eq!(prepared.compare("  \n").unwrap_err(), TextProblem::Empty);
}

// ---------------------------------------------------------------- the command

#[test]
fn table_shows_the_rate_the_terms_and_the_gap_within_80_columns() {
    let ran = run(rolefit().args([
        "compare",
        &fixture_arg(GO_AS_A_VERB),
        &fixture_arg(GO_POSTING),
    ]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stderr.is_empty(), "{}", ran.stderr);
    let mut lines = ran.stdout.lines();
    assert!(lines.next().unwrap().ends_with("go-payments-engineer.md"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("match rate 46.4 · required 4/6 · preferred 1/10 · stems count"),
        "{}",
        ran.stdout
    );
    for needle in [
        "│ Term",
        "Resume lines",
        "missing, required first:",
        "20: Experience with Kafka or",
        "set aside as ambiguous: Go on resume line 26",
        "stem only: testing. A literal ATS search would miss these",
    ] {
        assert!(ran.stdout.contains(needle), "{needle:?} in\n{}", ran.stdout);
    }
    for line in ran
        .stdout
        .lines()
        .filter(|l| l.starts_with(['│', '╭', '╰']))
    {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
}

/// The JSON report, as a consumer would read it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    schema_version: u32,
    #[serde(rename = "type")]
    record_type: String,
    resume: String,
    posting: String,
    strict: bool,
    match_rate: f64,
    matched_weight: f64,
    total_weight: f64,
    required: Tally,
    preferred: Tally,
    posting_words: usize,
    resume_words: usize,
    terms: Vec<Term>,
    missing: Vec<Missing>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tally {
    found: usize,
    total: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Term {
    term: String,
    set: Option<String>,
    class: String,
    weight: f64,
    posting_count: u32,
    posting_lines: Vec<u32>,
    status: String,
    counted: bool,
    #[serde(rename = "match")]
    how: Option<String>,
    resume_lines: Vec<u32>,
    resume_forms: Vec<String>,
    set_aside_lines: Vec<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Missing {
    term: String,
    class: String,
    weight: f64,
    reason: String,
    posting_line: u32,
    posting_text: String,
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/rolefit.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn json_is_typed_versioned_and_valid_against_the_schema() {
    let ran = run(rolefit().args([
        "compare",
        "--strict",
        "--format",
        "json",
        &fixture_arg(GO_DEVELOPER),
        &fixture_arg(GO_POSTING),
    ]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let value: Value = serde_json::from_str(&ran.stdout).unwrap();
    let validator = schema_validator();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let report: Report = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        (report.schema_version, report.record_type.as_str()),
        (1, "compare")
    );
    assert!(report.resume.ends_with("go-developer.md"));
    assert!(report.posting.ends_with("go-payments-engineer.md"));
    assert!(report.strict);
    assert_eq!(
        report.required.total + report.preferred.total,
        report.terms.len()
    );
    assert!(report.required.found <= report.required.total);
    assert!(report.posting_words > 0 && report.resume_words > 0);
    assert_eq!(
        report.match_rate,
        (1000.0 * report.matched_weight / report.total_weight).round() / 10.0
    );
    let classes: Vec<&str> = report.terms.iter().map(|t| t.class.as_str()).collect();
    let first_preferred = classes.iter().position(|c| *c == "preferred").unwrap();
    assert!(classes[first_preferred..].iter().all(|c| *c == "preferred"));
    let go = report.terms.iter().find(|t| t.term == "Go").unwrap();
    assert_eq!(
        (go.set.as_deref(), go.status.as_str()),
        (Some("technologies"), "found")
    );
    let indexing = report
        .missing
        .iter()
        .find(|m| m.term == "indexing")
        .unwrap();
    assert_eq!(
        (indexing.reason.as_str(), indexing.class.as_str()),
        ("stem-only", "required")
    );
    assert_eq!(indexing.posting_line, 19);

    // Strict enough to catch a renamed field or a bad value.
    let mut broken = value.clone();
    broken["terms"][0]["status"] = Value::from("maybe");
    assert!(!validator.is_valid(&broken));
    let mut broken = value;
    broken["match_rate"] = Value::from(101);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn markdown_has_the_terms_and_the_missing_table() {
    let ran = run(rolefit().args([
        "compare",
        "--format",
        "markdown",
        &fixture_arg("resumes/mid-database-developer.txt"),
        &fixture_arg("postings/mid-database-developer.txt"),
    ]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for needle in [
        "| Term | Class | From | Posting | Resume | Match | Resume lines |",
        "| PostgreSQL | required | technologies |",
        "| SQL | required | database |",
        "### Missing, required first",
        "| Term | Class | Why | Posting line |",
    ] {
        assert!(ran.stdout.contains(needle), "{needle:?} in\n{}", ran.stdout);
    }
}

#[test]
fn refused_documents_exit_2_with_the_reason() {
    let sandbox = Sandbox::new();
    let empty = sandbox.write("empty.txt", "");
    let posting = fixture_arg(GO_POSTING);
    let cases: Vec<(String, String, &str)> = vec![
        (
            fixture_arg("compare/refused/replacement-characters.txt"),
            posting.clone(),
            "replacement-characters.txt: looks garbled: 45 replacement",
        ),
        (
            fixture_arg("compare/refused/dropped-ligatures.txt"),
            posting.clone(),
            "dropped-ligatures.txt: looks garbled: words are broken where a ligature (fi, fl, ff) was dropped: \"con guration\"",
        ),
        (
            fixture_arg("compare/refused/symbols.txt"),
            posting.clone(),
            "symbols.txt: looks garbled: only 27% of its characters are letters",
        ),
        (
            fixture_arg("compare/refused/letters-apart.txt"),
            posting.clone(),
            "letters-apart.txt: looks garbled: 93% of its words are single letters",
        ),
        (
            fixture_arg("compare/refused/no-words.txt"),
            posting.clone(),
            "no-words.txt: has no text to compare",
        ),
        (
            fixture_arg(GO_DEVELOPER),
            fixture_arg("compare/refused/too-short.txt"),
            "too-short.txt: has only 5 words of text; at least 20 are needed to compare",
        ),
        (
            empty.to_string_lossy().into_owned(),
            posting.clone(),
            "empty.txt: is empty",
        ),
        (
            fixture_arg(GO_DEVELOPER),
            fixture_arg("compare/no-such-posting.md"),
            "no-such-posting.md: no such file",
        ),
    ];
    for (resume, posting, message) in cases {
        let ran = run(rolefit().args(["compare", &resume, &posting]));
        assert_eq!(ran.code, 2, "{message}: {}", ran.stdout);
        assert!(ran.stdout.is_empty(), "{}", ran.stdout);
        assert!(
            ran.stderr.starts_with("rolefit: error: ") && ran.stderr.contains(message),
            "{message:?} in {:?}",
            ran.stderr
        );
        assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    }
}

#[test]
fn both_from_standard_input_is_a_usage_error() {
    let ran = run(rolefit().args(["compare", "-", "-"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("only one of RESUME and POSTING can be `-`"),
        "{}",
        ran.stderr
    );
    let ran = run(rolefit().args(["compare", "--format", "jsonl", "a", "b"]));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("invalid value 'jsonl'"),
        "{}",
        ran.stderr
    );
}

#[test]
fn the_resume_can_come_from_standard_input() {
    let ran = run(rolefit()
        .args(["compare", "--format", "json", "-", &fixture_arg(GO_POSTING)])
        .write_stdin(text(GO_DEVELOPER)));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let report: Report = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(report.resume, "-");
    assert_eq!(report.match_rate, 75.0);
}

#[test]
fn global_keyword_options_and_ignores_are_honoured() {
    let sandbox = Sandbox::new();
    let posting = sandbox.write(
        "posting.md",
        format!("{}\n<!-- rolefit: ignore Kotlin -->\n", text(GO_POSTING)),
    );
    let resume = fixture_arg(GO_DEVELOPER);
    let terms = |extra: &[&str]| -> Vec<(String, Option<String>)> {
        let ran = run(rolefit()
            .current_dir(sandbox.path())
            .args(["compare", "--format", "json"])
            .args(extra)
            .args([resume.as_str(), posting.to_str().unwrap()]));
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        let report: Report = serde_json::from_str(&ran.stdout).unwrap();
        report.terms.into_iter().map(|t| (t.term, t.set)).collect()
    };
    let has = |terms: &[(String, Option<String>)], name: &str| terms.iter().any(|t| t.0 == name);

    let default = terms(&[]);
    assert!(has(&default, "API") && has(&default, "Go") && !has(&default, "Kotlin"));

    // --no-builtin --keywords: only the user's set, the technology
    // vocabulary and the posting's own terms.
    let languages = fixture_arg("keywords/languages.toml");
    let user = terms(&["--no-builtin", "--keywords", &languages]);
    // No built-in set: API is now one of the posting's own terms.
    assert!(user.contains(&("API".to_string(), None)), "{user:?}");
    assert!(user.iter().all(|(_, set)| matches!(
        set.as_deref(),
        None | Some("languages") | Some("technologies")
    )));
    assert!(user.contains(&("Go".to_string(), Some("languages".to_string()))));

    // A configuration file's ignore list.
    let config = sandbox.write("rolefit.toml", "ignore = [\"Kafka\", \"API\"]\n");
    let ignored = terms(&["--config", config.to_str().unwrap()]);
    assert!(
        !has(&ignored, "Kafka") && !has(&ignored, "API"),
        "{ignored:?}"
    );
    assert!(has(&ignored, "Go"));
}

#[test]
fn help_explains_the_rate_and_the_exit_codes() {
    let ran = run(rolefit().args(["compare", "--help"]));
    assert_eq!(ran.code, 0);
    for needle in [
        "--strict",
        "required terms weighing 3",
        "Exit codes:",
        "garbled",
    ] {
        assert!(ran.stdout.contains(needle), "{needle:?} in\n{}", ran.stdout);
    }
}

// ---------------------------------------------------------------- snapshots

fn compare_output(args: &[&str]) -> String {
    let ran = run(rolefit()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("compare")
        .args(args));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    ran.stdout
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(compare_output(&[
        "fixtures/compare/resumes/go-developer.md",
        "fixtures/compare/postings/go-payments-engineer.md",
    ]));
}

#[test]
fn markdown_snapshot_strict() {
    insta::assert_snapshot!(compare_output(&[
        "--strict",
        "--format",
        "markdown",
        "fixtures/resumes/mid-database-developer.txt",
        "fixtures/postings/mid-database-developer.txt",
    ]));
}
