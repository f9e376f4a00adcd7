//! rolefit.toml: loading and check plans.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| rolefit_fuzz::config(data));
