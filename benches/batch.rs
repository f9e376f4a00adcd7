//! `cargo bench --bench batch`: the batch hot path on one thread, in MB/s, on
//! generated resumes scored against the benchmark's stand-in keyword sets
//! (`benches/corpus/keywords/`, shaped like the built-ins).
//!
//! Plain `std::time::Instant` timing, best of several runs; it reports, it
//! never asserts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod corpus;

use corpus::best_of;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use rolefit::batch::Scorer;
use rolefit::matching::{Matcher, Scratch};
use rolefit::sets::{SetSources, load_sets};

fn main() {
    let keywords = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/corpus/keywords");
    let sources = SetSources {
        paths: vec![keywords],
        no_builtin: true,
        confine: None,
    };
    let matcher = Matcher::new(load_sets(&sources).unwrap()).unwrap();
    let mut rng = corpus::Rng::new(7);
    let documents: Vec<String> = (0..2000)
        .map(|_| {
            let size = 2048 + rng.below(10 * 1024);
            corpus::resume(&mut rng, size)
        })
        .collect();
    let mb = documents.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let mut scratch = Scratch::default();
    let mut words = 0;
    let tokenize = best_of(5, || {
        for text in &documents {
            rolefit::analyze::for_each_word(text, |w| words += w.text.len());
        }
    });
    let find = best_of(5, || {
        for text in &documents {
            black_box(matcher.find_with(text, &mut scratch));
        }
    });
    let count = best_of(5, || {
        for text in &documents {
            black_box(matcher.count_with(text, &mut scratch));
        }
    });
    let scorer = Scorer::new(
        &matcher,
        &[],
        false,
        rolefit::level::LevelOptions {
            today: rolefit::analyze::dates::YearMonth {
                year: 2026,
                month: 11,
            },
            kind: None,
        },
    );
    let full = best_of(5, || {
        for text in &documents {
            let matches = matcher.count_with(text, &mut scratch);
            black_box(scorer.summarize("doc", text, &matches));
        }
    });
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!(
        "{} documents, {mb:.1} MB, one thread: tokenize {:.0} MB/s, match with evidence {:.0} MB/s, \
         match without {:.0} MB/s, match without + batch scores {:.0} MB/s",
        documents.len(),
        rate(tokenize),
        rate(find),
        rate(count),
        rate(full),
    );
}
