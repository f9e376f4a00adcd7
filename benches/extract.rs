//! `cargo bench --bench extract`: extraction speed on the document fixtures,
//! in PDF pages per second, DOCX and ODT files per second, and HTML, RTF and
//! Markdown megabytes per second.
//!
//! Plain `std::time::Instant` timing, best of several runs over in-memory
//! copies of `fixtures/docs/`; one thread. It reports, it never asserts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use rolefit::extract::{ExtractOptions, document_from_bytes};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docs")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The best time of `runs` runs of extracting every file in `files` `repeat`
/// times.
fn best_of(runs: usize, repeat: usize, files: &[(&str, Vec<u8>)]) -> Duration {
    let options = ExtractOptions::default();
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..repeat {
                for (name, bytes) in files {
                    black_box(document_from_bytes(name, bytes, &options).unwrap());
                }
            }
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let pdfs = [
        ("alex-morgan-1col.pdf", fixture("alex-morgan-1col.pdf"), 2),
        ("alex-morgan-2col.pdf", fixture("alex-morgan-2col.pdf"), 1),
    ];
    for (name, bytes, pages) in &pdfs {
        let repeat = 20;
        let time = best_of(5, repeat, &[(name, bytes.clone())]);
        let rate = (repeat * pages) as f64 / time.as_secs_f64();
        println!(
            "PDF  {name:<30} {:>6.1} KB  {rate:>8.0} pages/s  ({:.2} ms a file)",
            bytes.len() as f64 / 1e3,
            time.as_secs_f64() * 1e3 / repeat as f64
        );
    }

    for name in [
        "alex-morgan.docx",
        "alex-morgan-2col.docx",
        "alex-morgan.odt",
    ] {
        let bytes = fixture(name);
        let repeat = 200;
        let time = best_of(5, repeat, &[(name, bytes.clone())]);
        println!(
            "{:<4} {name:<30} {:>6.1} KB  {:>8.0} files/s",
            &name[name.rfind('.').unwrap() + 1..].to_uppercase(),
            bytes.len() as f64 / 1e3,
            repeat as f64 / time.as_secs_f64()
        );
    }

    // A long page: the job board posting a hundred times over.
    let posting = String::from_utf8(fixture("posting-backend-engineer.html")).unwrap();
    let long_page = posting.repeat(100).into_bytes();
    for (name, bytes) in [
        (
            "posting-backend-engineer.html",
            fixture("posting-backend-engineer.html"),
        ),
        ("alex-morgan.html", fixture("alex-morgan.html")),
        ("long-page.html (x100)", long_page),
        ("alex-morgan.rtf", fixture("alex-morgan.rtf")),
        ("alex-morgan.md", fixture("alex-morgan.md")),
    ] {
        let repeat = (2_000_000 / bytes.len()).max(1);
        let path = if name.contains(' ') {
            "long-page.html"
        } else {
            name
        };
        let time = best_of(5, repeat, &[(path, bytes.clone())]);
        let megabytes = (bytes.len() * repeat) as f64 / 1e6;
        println!(
            "{:<4} {name:<30} {:>6.1} KB  {:>8.1} MB/s",
            &path[path.rfind('.').unwrap() + 1..].to_uppercase(),
            bytes.len() as f64 / 1e3,
            megabytes / time.as_secs_f64()
        );
    }
}
