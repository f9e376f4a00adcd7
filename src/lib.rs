//! rolefit scores resumes and job postings against backend-developer roles.
//!
//! The data's way through the crate, one module per stage:
//!
//! 1. [`extract`]: a file or standard input → the document's text;
//! 2. [`analyze`]: text → words (with offsets, lines, phrase breaks) → stems;
//! 3. [`sets`]: the keyword sets (built-in and the user's), loaded and checked;
//! 4. [`matching`]: the sets compiled into a [`matching::Matcher`] that finds
//!    each term's occurrences, with evidence (form, how it matched, lines);
//! 5. [`score`]: coverage per set, best specialization, estimated level;
//! 6. [`checks`]: minimum scores and required terms, for CI;
//! 7. [`report`]: the serializable report and its renderers (table, JSON,
//!    JSON Lines, Markdown, GitHub annotations).
//!
//! Two drivers reuse the stages: [`batch`] walks folders and scores documents
//! in parallel, in a stable order; [`compare`] scores a resume against the
//! terms one job posting asks for.
//!
//! [`cli`] parses the command line into [`settings`] and drives the stages;
//! nothing below it prints or exits.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod batch;
pub mod checks;
pub mod cli;
pub mod compare;
pub mod error;
pub mod escape;
pub mod eval;
pub mod extract;
pub mod files;
pub mod level;
pub mod matching;
pub mod report;
pub mod score;
pub mod sets;
pub mod settings;
#[cfg(test)]
mod testing;
