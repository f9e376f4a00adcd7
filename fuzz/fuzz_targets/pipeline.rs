//! The text pipeline: analysis, matching, scoring, comparing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rolefit_fuzz::pipeline(data));
