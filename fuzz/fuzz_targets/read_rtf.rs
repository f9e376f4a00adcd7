//! The Rtf reader on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::extract::InputFormat;

fuzz_target!(|data: &[u8]| rolefit_fuzz::read(InputFormat::Rtf, data));
