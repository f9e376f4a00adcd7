//! Keyword-set TOML: loading, compiling, scoring.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rolefit_fuzz::keyword_set(data));
