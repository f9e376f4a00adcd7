//! Accuracy on the blind evaluation corpus (`fixtures/eval/`): the floors the
//! README's published figures must not fall below. The corpus was written
//! without sight of the keyword sets or the matching rules; see its README.
//! `cargo run --release --example eval` prints every figure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rolefit::analyze::dates::YearMonth;
use rolefit::eval::{Evaluation, evaluate};
use rolefit::level::LevelOptions;
use rolefit::matching::Matcher;
use rolefit::sets::builtin;

fn evaluation() -> Evaluation {
    let matcher =
        Matcher::with_vocabulary(builtin::sets().unwrap(), builtin::vocabulary().unwrap()).unwrap();
    // The corpus was written in December 2026: "present" in its dates.
    let level = LevelOptions {
        today: YearMonth {
            year: 2026,
            month: 12,
        },
        kind: None,
    };
    evaluate(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eval"),
        &matcher,
        level,
    )
    .unwrap()
}

#[test]
fn the_corpus_is_whole() {
    let evaluation = evaluation();
    let resumes = evaluation
        .documents
        .iter()
        .filter(|d| d.label.kind == rolefit::eval::DocumentKind::Resume)
        .count();
    assert!(resumes >= 25, "{resumes} resumes");
    assert!(evaluation.documents.len() - resumes >= 15);
}

#[test]
fn the_best_specialization_is_right_for_at_least_90_percent() {
    let evaluation = evaluation();
    let accuracy = evaluation.specialization_accuracy();
    let misses: Vec<String> = evaluation
        .documents
        .iter()
        .filter(|d| d.specialization_right() == Some(false))
        .map(|d| {
            format!(
                "{}: {} (labelled {:?})",
                d.label.document.display(),
                d.predicted_specialization(),
                d.label.specializations
            )
        })
        .collect();
    assert!(
        accuracy.percent() >= 90.0,
        "{accuracy}; misses:\n{}",
        misses.join("\n")
    );
}

#[test]
fn no_false_friend_is_counted() {
    let evaluation = evaluation();
    let hits: Vec<String> = evaluation
        .documents
        .iter()
        .flat_map(|d| {
            d.false_friend_hits
                .iter()
                .map(move |name| format!("{}: {name}", d.label.document.display()))
        })
        .collect();
    assert!(hits.is_empty(), "{}", hits.join("\n"));
}

#[test]
fn technologies_are_found_with_precision() {
    let evaluation = evaluation();
    let precision = evaluation.technology_precision();
    let recall = evaluation.technology_recall();
    assert!(precision.percent() >= 88.0, "precision {precision}");
    assert!(recall.percent() >= 70.0, "recall {recall}");
}
