//! Zip-based documents under the same kind of budget as PDF (issue 16,
//! defect 12): a DOCX with 40,000 header parts is refused as `too-complex`
//! at once, where it took 3.5 s and 181 MB before.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use common::{Sandbox, rolefit, run};
use zip::write::SimpleFileOptions;

/// A DOCX whose body says "Rust" and that has `headers` header parts.
fn docx_with_headers(headers: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let body = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:body></w:document>"#;
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    for number in 1..=headers {
        zip.start_file(format!("word/header{number}.xml"), options)
            .unwrap();
        let header = format!(
            r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Header {number}</w:t></w:r></w:p></w:hdr>"#
        );
        zip.write_all(header.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_docx_with_forty_thousand_headers_is_too_complex() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("headers.docx", docx_with_headers(40_000));
    let path = path.to_string_lossy().into_owned();
    let started = Instant::now();
    let ran = run(rolefit()
        .args(["extract", &path])
        .timeout(Duration::from_secs(60)));
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        format!(
            "rolefit: error: {path}: is a DOCX file over a parsing limit: \
             it has more than 1000 parts to read\n"
        )
    );
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_docx_with_a_few_headers_reads_each_distinct_one_once() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("headers.docx", docx_with_headers(3));
    let ran = run(rolefit().args(["extract", &path.to_string_lossy()]));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, "Header 1\n\nHeader 2\n\nHeader 3\n\nRust\n");
}
