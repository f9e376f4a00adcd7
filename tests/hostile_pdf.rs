//! Hostile PDFs (issue 16, defects 1 to 4): each one, built on the fly, ends as
//! a one-line `corrupt` or `too-complex` error with exit code 2 within the
//! time budget, and a batch with hostile files among others records every
//! file. Peak memory is held by the worker's address-space limit; the figures
//! of each case are measured outside the tests (see the commit that added
//! them).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::pdf::{self, Hostile};
use common::{Ran, Sandbox, rolefit, run};
use rolefit::extract::PDF_TIME_BUDGET;

/// What `rolefit extract` must say of a hostile file.
fn assert_refused(case: &Hostile, path: &str, ran: &Ran) {
    assert_eq!(ran.code, 2, "{}: {}", case.name, ran.stderr);
    assert!(ran.stdout.is_empty(), "{}: {}", case.name, ran.stdout);
    assert_eq!(
        ran.stderr.lines().count(),
        1,
        "{}: {}",
        case.name,
        ran.stderr
    );
    let kind = match case.code {
        "corrupt" => "is not a readable PDF file: ",
        _ => "is a PDF file over a parsing limit: ",
    };
    let expected = format!("rolefit: error: {path}: {kind}{}", case.reason);
    assert!(
        ran.stderr.starts_with(&expected),
        "{}:\n  expected {expected}\n  got      {}",
        case.name,
        ran.stderr
    );
}

#[test]
fn each_hostile_pdf_is_refused_on_one_line_within_the_budget() {
    let sandbox = Sandbox::new();
    for case in pdf::hostile() {
        let path = sandbox.write(&format!("{}.pdf", case.name), &case.bytes);
        let path = path.to_string_lossy().into_owned();
        let started = Instant::now();
        let ran = run(rolefit()
            .args(["extract", &path])
            .timeout(Duration::from_secs(120)));
        let took = started.elapsed();
        assert_refused(case, &path, &ran);
        assert!(
            took < PDF_TIME_BUDGET + Duration::from_secs(10),
            "{}: {took:?}",
            case.name
        );
    }
}

#[test]
fn score_refuses_a_hostile_pdf_with_its_code() {
    let sandbox = Sandbox::new();
    let case = &pdf::hostile()[0];
    let path = sandbox.write("cv.pdf", &case.bytes);
    let path = path.to_string_lossy().into_owned();
    let ran = run(rolefit()
        .args(["score", &path])
        .timeout(Duration::from_secs(60)));
    assert_refused(case, &path, &ran);
}

#[test]
fn a_batch_records_every_file_when_ten_are_hostile() {
    let sandbox = Sandbox::new();
    let hostile = pdf::hostile();
    let mut expected_failed = 0;
    for index in 0..200 {
        let name = format!("in/{index:03}");
        if index % 20 == 7 {
            let case = &hostile[(index / 20) % hostile.len()];
            sandbox.write(&format!("{name}-{}.pdf", case.name), &case.bytes);
            expected_failed += 1;
        } else if index % 2 == 0 {
            let text = format!("Backend engineer {index}: Go, PostgreSQL, Kubernetes");
            sandbox.write(&format!("{name}.pdf"), pdf::plain(&text));
        } else {
            sandbox.write(
                &format!("{name}.txt"),
                format!("Rust and SQL developer {index}"),
            );
        }
    }
    assert_eq!(expected_failed, 10);
    let ran = run(rolefit()
        .current_dir(sandbox.path())
        .args(["batch", "in", "--format", "jsonl", "--jobs", "2"])
        .timeout(Duration::from_secs(600)));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    let records: Vec<serde_json::Value> = ran
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 201, "{}", ran.stderr);
    let errors: Vec<&serde_json::Value> = records
        .iter()
        .filter(|record| record["type"] == "error")
        .collect();
    assert_eq!(errors.len(), 10);
    for error in errors {
        let code = error["code"].as_str().unwrap();
        assert!(matches!(code, "corrupt" | "too-complex"), "{error}");
        assert!(!error["message"].as_str().unwrap().contains('\n'));
    }
    let summary = records.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["scored"], 190);
    assert_eq!(summary["failed"], 10);
}

/// Writes every hostile case to the folder named by `ROLEFIT_HOSTILE_DIR`, for
/// measuring them by hand (`/usr/bin/time -v rolefit extract FILE`).
#[test]
#[ignore = "writes files for manual measurement"]
fn write_hostile_cases() {
    let folder = std::env::var("ROLEFIT_HOSTILE_DIR").unwrap();
    for case in pdf::hostile() {
        std::fs::write(format!("{folder}/{}.pdf", case.name), &case.bytes).unwrap();
    }
}
