//! Prints rolefit's accuracy on the blind evaluation corpus (`fixtures/eval/`,
//! or the folder given): best specialization, technologies, false friends
//! and level, with confusion tables.
//!
//! ```sh
//! cargo run --release --example eval                  # the figures
//! cargo run --release --example eval -- --documents   # and every document's outcome
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::analyze::dates::YearMonth;
use rolefit::eval::{DocumentOutcome, evaluate};
use rolefit::level::LevelOptions;
use rolefit::matching::Matcher;
use rolefit::sets::builtin;

/// The corpus was written in December 2026: "present" in its dates.
const CORPUS_LEVEL: LevelOptions = LevelOptions {
    today: YearMonth {
        year: 2026,
        month: 12,
    },
    kind: None,
};

fn main() -> ExitCode {
    let mut corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/eval"));
    let mut documents = false;
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--documents" => documents = true,
            other => corpus = PathBuf::from(other),
        }
    }
    let evaluation = builtin::sets()
        .and_then(|sets| Matcher::with_vocabulary(sets, builtin::vocabulary()?))
        .and_then(|matcher| evaluate(&corpus, &matcher, CORPUS_LEVEL));
    let evaluation = match evaluation {
        Ok(evaluation) => evaluation,
        Err(err) => {
            eprintln!("eval: {err:#}");
            return ExitCode::FAILURE;
        }
    };
    let resumes = evaluation
        .documents
        .iter()
        .filter(|d| d.label.kind == rolefit::eval::DocumentKind::Resume)
        .count();
    println!(
        "{} documents ({} resumes, {} postings) in {}\n",
        evaluation.documents.len(),
        resumes,
        evaluation.documents.len() - resumes,
        corpus.display()
    );
    println!(
        "best specialization right:  {}",
        evaluation.specialization_accuracy()
    );
    println!(
        "level right:                {}",
        evaluation.level_accuracy()
    );
    println!(
        "technologies: precision {}, recall {}",
        evaluation.technology_precision(),
        evaluation.technology_recall()
    );
    println!(
        "false friends counted:      {}\n",
        evaluation.false_friend_hits()
    );
    print_confusion(
        "Best specialization (rows: the label's first; columns: rolefit's)",
        &evaluation.specialization_confusion(),
    );
    print_confusion(
        "Level (rows: label; columns: rolefit's)",
        &evaluation.level_confusion(),
    );
    if documents {
        for document in &evaluation.documents {
            print_document(document);
        }
    }
    ExitCode::SUCCESS
}

fn print_confusion(title: &str, table: &BTreeMap<(String, String), usize>) {
    let rows: BTreeSet<&String> = table.keys().map(|(row, _)| row).collect();
    let columns: BTreeSet<&String> = table.keys().map(|(_, column)| column).collect();
    println!("{title}");
    print!("{:>13} |", "");
    for column in &columns {
        print!(" {column:>9}");
    }
    println!();
    for row in rows {
        print!("{row:>13} |");
        for column in &columns {
            let count = table.get(&(row.clone(), (*column).clone())).copied();
            match count {
                Some(count) => print!(" {count:>9}"),
                None => print!(" {:>9}", "·"),
            }
        }
        println!();
    }
    println!();
}

fn print_document(document: &DocumentOutcome) {
    let label = &document.label;
    let mark = match document.specialization_right() {
        Some(true) => "ok",
        Some(false) => "MISS",
        None => "-",
    };
    let scores: Vec<String> = document
        .score
        .sets
        .iter()
        .filter(|set| set.kind == rolefit::sets::SetKind::Specialization)
        .map(|set| format!("{} {}", set.id, set.score))
        .collect();
    println!(
        "{} [{mark}] spec {} (close: {}) label {:?} | level {} label {:?} | {}",
        label.document.display(),
        document.predicted_specialization(),
        document.score.close_specializations.join(","),
        label.specializations,
        document.predicted_level(),
        label.level.as_deref().unwrap_or("-"),
        scores.join(", ")
    );
    if !document.technologies_missed.is_empty() {
        println!("    missed: {}", document.technologies_missed.join(", "));
    }
    if !document.technologies_extra.is_empty() {
        println!("    extra:  {}", document.technologies_extra.join(", "));
    }
    if !document.false_friend_hits.is_empty() {
        println!(
            "    FALSE FRIENDS: {}",
            document.false_friend_hits.join(", ")
        );
    }
}
