//! Writes the benchmark corpus:
//! `cargo run --release --example gen_corpus -- DIR [COUNT] [SEED] [EXTENSION]`.
//!
//! COUNT resumes (default 10,000) of 2 to 12 KB each, a hundred to a folder,
//! as plain-text `.txt` files (or `.md` with EXTENSION `md`), made by the
//! deterministic generator in `benches/corpus/`: the same arguments give the
//! same bytes on every machine.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus DIR [COUNT] [SEED] [txt|md]");
        return ExitCode::from(2);
    };
    let count = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(42);
    let extension = args.next().unwrap_or_else(|| "txt".to_string());
    match corpus::write_corpus(&dir, count, seed, &extension) {
        Ok((paths, bytes)) => {
            println!(
                "wrote {} resumes, {:.1} MB, to {}",
                paths.len(),
                bytes as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen_corpus: {}: {err}", dir.display());
            ExitCode::FAILURE
        }
    }
}
