//! `cargo bench --bench level`: the cost of the level signals (outline, date
//! ranges, years, titles and the rule) next to the batch hot path, on one
//! thread, so the batch budget can be checked before they are wired in.
//!
//! 1. The fixture resumes (`fixtures/resumes/*`), 10,000 documents in all:
//!    microseconds per document, and each fixture's estimate (and each
//!    fixture posting's, untimed).
//! 2. Generated resumes (the batch benchmark's corpus): MB/s of the signals,
//!    of the batch hot path (match without evidence + batch scores), and the
//!    signals' share of the two together.
//!
//! Plain `std::time::Instant` timing, best of several runs; it reports, it
//! never asserts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod corpus;

use corpus::best_of;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use rolefit::analyze::dates::YearMonth;
use rolefit::analyze::outline::Layout;
use rolefit::batch::Scorer;
use rolefit::level::{Signals, estimate};
use rolefit::matching::{Matcher, Scratch};
use rolefit::sets::{SetSources, load_sets};

const TODAY: YearMonth = YearMonth {
    year: 2025,
    month: 6,
};

fn level(text: &str) -> rolefit::level::LevelEstimate {
    let layout = Layout::new(text);
    estimate(&Signals::resume(&layout, TODAY), None)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(root.join("fixtures/resumes"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    fixtures.sort();
    for (name, text) in &fixtures {
        println!("{name}: {}", level(text).summary(&[]));
    }
    let mut postings: Vec<(String, String)> = std::fs::read_dir(root.join("fixtures/postings"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    postings.sort();
    for (name, text) in &postings {
        let layout = Layout::new(text);
        let found = estimate(&Signals::posting(&layout), None);
        println!("posting {name}: {}", found.summary(&[]));
    }
    let passes = 10_000 / fixtures.len();
    let documents = passes * fixtures.len();
    let time = best_of(5, || {
        for _ in 0..passes {
            for (_, text) in &fixtures {
                black_box(level(text));
            }
        }
    });
    println!(
        "fixtures: {documents} documents in {time:.2?}: {:.1} µs per document",
        time.as_secs_f64() * 1e6 / documents as f64
    );

    let keywords = root.join("benches/corpus/keywords");
    let sources = SetSources {
        paths: vec![keywords],
        no_builtin: true,
        confine: None,
    };
    let matcher = Matcher::new(load_sets(&sources).unwrap()).unwrap();
    let mut rng = corpus::Rng::new(7);
    let generated: Vec<String> = (0..2000)
        .map(|_| {
            let size = 2048 + rng.below(10 * 1024);
            corpus::resume(&mut rng, size)
        })
        .collect();
    let mb = generated.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let signals = best_of(5, || {
        for text in &generated {
            black_box(level(text));
        }
    });
    let mut scratch = Scratch::default();
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
    let batch = best_of(5, || {
        for text in &generated {
            let matches = matcher.count_with(text, &mut scratch);
            black_box(scorer.summarize("doc", text, &matches));
        }
    });
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!(
        "{} generated documents, {mb:.1} MB, one thread: level signals {:.0} MB/s \
         ({:.1} µs per document), batch hot path {:.0} MB/s; the signals add {:.1}% to the hot path",
        generated.len(),
        rate(signals),
        signals.as_secs_f64() * 1e6 / generated.len() as f64,
        rate(batch),
        100.0 * signals.as_secs_f64() / batch.as_secs_f64(),
    );
}
