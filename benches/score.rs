//! `cargo bench --bench score`: start-up cost of the built-in sets, and the
//! throughput of analysis, matching and scoring, in MB/s, on generated resumes.
//!
//! Plain `std::time::Instant` timing, best of several runs; it reports, it
//! never asserts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod corpus;

use corpus::best_of;

use std::hint::black_box;

use rolefit::matching::{Matcher, Scratch};
use rolefit::score::score_document;
use rolefit::sets::builtin;

fn main() {
    let parse = best_of(50, || builtin::sets().unwrap());
    let compile = best_of(50, || {
        Matcher::with_vocabulary(builtin::sets().unwrap(), builtin::vocabulary().unwrap()).unwrap()
    });
    println!("start-up: parse built-in sets {parse:?}, parse + compile {compile:?}");

    let mut rng = corpus::Rng::new(7);
    let documents: Vec<String> = (0..2000)
        .map(|_| {
            let size = 2048 + rng.below(10 * 1024);
            corpus::resume(&mut rng, size)
        })
        .collect();
    let bytes: usize = documents.iter().map(String::len).sum();
    let matcher =
        Matcher::with_vocabulary(builtin::sets().unwrap(), builtin::vocabulary().unwrap()).unwrap();

    let mut scratch = Scratch::default();
    let find = best_of(5, || {
        for text in &documents {
            black_box(matcher.find_with(text, &mut scratch));
        }
    });
    let full = best_of(5, || {
        for text in &documents {
            let matches = matcher.find_with(text, &mut scratch);
            black_box(score_document(
                "doc",
                &matcher,
                text,
                &matches,
                &[],
                rolefit::analyze::dates::YearMonth {
                    year: 2026,
                    month: 11,
                },
            ));
        }
    });
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {:.1} MB: match {:.1} MB/s, match + score {:.1} MB/s (one thread)",
        documents.len(),
        mb,
        mb / find.as_secs_f64(),
        mb / full.as_secs_f64()
    );
}
