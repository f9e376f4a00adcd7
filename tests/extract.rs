//! Reading real documents: every format scores the same terms as the plain
//! text it was made from, every bad input ends in one line on standard error
//! and exit code 2, and a corpus of damaged files never brings extraction down.
//!
//! The fixtures in `fixtures/docs/` and `fixtures/malformed/` are made by
//! `scripts/make-doc-fixtures.sh` from `fixtures/docs/*.txt`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{Ran, Sandbox, fixture, fixture_arg, rolefit, run};
use rolefit::extract::{
    Document, ExtractOptions, InputErrorKind, InputFormat, document_from_bytes, read_document,
};
use rolefit::matching::Matcher;
use rolefit::score::score_document;

// --- same terms in every format ----------------------------------------------

fn matcher() -> Matcher {
    Matcher::with_vocabulary(
        rolefit::sets::builtin::sets().unwrap(),
        rolefit::sets::builtin::vocabulary().unwrap(),
    )
    .unwrap()
}

fn read(relative: &str) -> Document {
    let path = fixture_arg(relative);
    read_document(&path, &ExtractOptions::default())
        .unwrap_or_else(|err| panic!("{relative}: {err}"))
}

/// The names of the terms found in `text`, over all built-in sets.
fn terms(matcher: &Matcher, text: &str) -> BTreeSet<String> {
    let matches = matcher.find(text);
    let today = rolefit::analyze::dates::YearMonth {
        year: 2026,
        month: 11,
    };
    let score = score_document("doc", matcher, text, &matches, &[], today);
    score
        .sets
        .iter()
        .flat_map(|set| set.matched.iter().map(|term| term.term.clone()))
        .collect()
}

/// Checks that each document scores exactly the terms of the plain text.
fn assert_same_terms(plain: &str, documents: &[(&str, InputFormat)]) {
    let matcher = matcher();
    let expected = terms(&matcher, &read(plain).text);
    assert!(
        expected.len() >= 5,
        "{plain} should match a fair number of terms, found {expected:?}"
    );
    for &(relative, format) in documents {
        let document = read(relative);
        assert_eq!(document.format, format, "{relative}");
        let found = terms(&matcher, &document.text);
        let missing: Vec<_> = expected.difference(&found).collect();
        let extra: Vec<_> = found.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{relative} scores other terms than {plain}:\n  missing {missing:?}\n  extra {extra:?}\n\
             --- text ---\n{}",
            document.text
        );
    }
}

#[test]
fn every_resume_format_scores_the_terms_of_the_plain_text() {
    assert_same_terms(
        "docs/alex-morgan.txt",
        &[
            ("docs/alex-morgan.md", InputFormat::Markdown),
            ("docs/alex-morgan.html", InputFormat::Html),
            ("docs/alex-morgan.json", InputFormat::JsonResume),
            ("docs/alex-morgan-1col.pdf", InputFormat::Pdf),
            ("docs/alex-morgan-2col.pdf", InputFormat::Pdf),
            ("docs/alex-morgan-restricted.pdf", InputFormat::Pdf),
            ("docs/alex-morgan.docx", InputFormat::Docx),
            ("docs/alex-morgan-2col.docx", InputFormat::Docx),
            ("docs/alex-morgan.odt", InputFormat::Odt),
            ("docs/alex-morgan.rtf", InputFormat::Rtf),
            ("docs/alex-morgan.tex", InputFormat::Latex),
            ("docs/alex-morgan.utf16.txt", InputFormat::Text),
            ("docs/alex-morgan.cp1252.txt", InputFormat::Text),
        ],
    );
}

#[test]
fn html_postings_score_the_terms_of_their_plain_text() {
    assert_same_terms(
        "docs/posting-backend-engineer.txt",
        &[("docs/posting-backend-engineer.html", InputFormat::Html)],
    );
    assert_same_terms(
        "docs/posting-cloud-platform.txt",
        &[("docs/posting-cloud-platform.html", InputFormat::Html)],
    );
}

/// Lines of `text` that contain `needle`.
fn lines_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|line| line.contains(needle)).collect()
}

#[test]
fn pdf_words_come_out_whole() {
    for relative in ["docs/alex-morgan-1col.pdf", "docs/alex-morgan-2col.pdf"] {
        let text = read(relative).text;
        // Ligatures unfolded, hyphenation at a line end joined.
        for word in [
            "efficient",
            "cost-effective",
            "firewalls",
            "offline",
            "workflows",
            "official",
            "Traffic",
            "specifications",
            "auto-scaling",
            "C++",
            "C#",
            ".NET",
            "Node.js",
            "CI/CD",
        ] {
            assert!(text.contains(word), "{relative}: no {word:?} in\n{text}");
        }
        assert!(!text.contains(['\u{FB00}', '\u{FB01}', '\u{FB02}', '\u{FB03}', '\u{FB04}']));
        assert!(!text.contains("auto-\n"), "{relative}");
    }
    // "infra-" / "structure": the word appears whole elsewhere, so it is one word.
    let one_column = read("docs/alex-morgan-1col.pdf").text;
    assert!(one_column.contains("cost-effective cloud infrastructure\n"));
}

#[test]
fn two_column_pdf_reads_column_by_column() {
    let text = read("docs/alex-morgan-2col.pdf").text;
    // The sidebar's lines are not interleaved with the main column's.
    let sidebar = text.find("Terraform (infrastructure as").unwrap();
    let sidebar_next = text.find("code), CI/CD pipelines,").unwrap();
    assert!(sidebar < sidebar_next);
    assert!(!text[sidebar..sidebar_next].contains("SUMMARY"));
    let summary = text.find("Mid-level backend developer").unwrap();
    let experience = text.find("EXPERIENCE").unwrap();
    assert!(summary < experience);
    assert_eq!(
        lines_with(&text, "Backend Developer, Northwind Logistics"),
        ["Backend Developer, Northwind Logistics | (2021 to present)"]
    );
}

#[test]
fn docx_reads_tables_headers_footers_and_text_boxes_once() {
    let text = read("docs/alex-morgan.docx").text;
    assert!(
        text.starts_with("Alex Morgan | Backend Developer\n\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\n\nResume of Alex Morgan, page 1"),
        "{text}"
    );
    assert_eq!(
        lines_with(&text, "Cloud and DevOps"),
        [
            "Cloud and DevOps | AWS, Docker, Kubernetes, Terraform (infrastructure as code), \
          CI/CD pipelines, continuous integration, monitoring"
        ]
    );
    // The text box's fallback copy is not read twice.
    assert_eq!(text.matches("AWS Certified Developer").count(), 1);
    assert!(text.contains("\n- Wrote a low-latency C++ service"));
}

#[test]
fn html_leaves_out_what_a_browser_does_not_show() {
    // Head, scripts, styles, comments and hidden elements name terms the
    // visible text does not.
    for relative in [
        "docs/alex-morgan.html",
        "docs/posting-backend-engineer.html",
    ] {
        let text = read(relative).text;
        for hidden in [
            "Azure",
            "compliance",
            "Google Cloud",
            "dataLayer",
            "font-family",
        ] {
            assert!(!text.contains(hidden), "{relative}: {hidden:?} in\n{text}");
        }
    }
    // A job board page in Windows-1252 with a cookie banner, JSON-LD, and
    // markup inside a word.
    let text = read("docs/posting-cloud-platform.html").text;
    for hidden in ["cookies", "JobPosting", "tracking"] {
        assert!(!text.contains(hidden), "{hidden:?} in\n{text}");
    }
    assert!(text.contains("with Terraform, and") && text.contains("© 2024 Jobs&Co — Privacy"));
}

#[test]
fn markdown_keeps_the_line_numbers_of_the_source() {
    let source = std::fs::read_to_string(fixture("docs/alex-morgan.md")).unwrap();
    let text = read("docs/alex-morgan.md").text;
    for (number, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            let source_line = source.lines().nth(number).unwrap();
            let first_word = line.split_whitespace().next().unwrap();
            assert!(
                source_line.contains(first_word.trim_matches(|c: char| !c.is_alphanumeric())),
                "line {}: {line:?} vs {source_line:?}",
                number + 1
            );
        }
    }
}

// --- bad input: one line, exit code 2 ------------------------------------------

/// Runs `rolefit extract` and `rolefit score` on `path`; both must exit 2 with
/// nothing on standard output and one line on standard error that names the
/// file and contains `reason`.
fn assert_refused(path: &str, reason: &str) {
    for command in ["extract", "score"] {
        let ran: Ran = run(rolefit().args([command, path]));
        assert_eq!(ran.code, 2, "{command} {path}: {}", ran.stderr);
        assert_eq!(ran.stdout, "", "{command} {path}");
        assert_eq!(
            ran.stderr.lines().count(),
            1,
            "{command} {path}: one line expected:\n{}",
            ran.stderr
        );
        assert!(
            ran.stderr.starts_with(&format!("rolefit: error: {path}: "))
                && ran.stderr.contains(reason),
            "{command} {path}: {:?} should contain {reason:?}",
            ran.stderr
        );
    }
}

#[test]
fn a_missing_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("no-such-resume.pdf");
    assert_refused(&path.to_string_lossy(), "no such file");
}

#[test]
fn a_directory() {
    let sandbox = Sandbox::new();
    assert_refused(&sandbox.path().to_string_lossy(), "is a directory");
}

#[test]
fn an_unreadable_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("locked.txt", "C++ and Rust");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    if std::fs::File::open(&path).is_err() {
        assert_refused(&path.to_string_lossy(), "cannot read: Permission denied");
    } else {
        // Running as root, permissions do not stop a read (CI does). A file
        // whose read fails anyway: /proc/self/mem opens, but reading it at
        // offset 0 is an I/O error.
        #[cfg(target_os = "linux")]
        assert_refused("/proc/self/mem", "cannot read: Input/output error");
    }
}

#[test]
fn an_empty_file() {
    let sandbox = Sandbox::new();
    for name in ["empty.txt", "blank.md", "empty.pdf", "empty.docx"] {
        let contents = if name == "blank.md" { " \n\n\t\n" } else { "" };
        let path = sandbox.write(name, contents);
        assert_refused(&path.to_string_lossy(), "is empty");
    }
}

#[test]
fn a_binary_file_that_is_no_document() {
    assert_refused(&fixture_arg("malformed/random.bin"), "is a binary file");
    let sandbox = Sandbox::new();
    let png = sandbox.write("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_refused(&png.to_string_lossy(), "is a PNG image, not a document");
    let doc = sandbox.write("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0");
    assert_refused(&doc.to_string_lossy(), "legacy Office file");
}

#[test]
fn a_truncated_or_corrupt_pdf() {
    assert_refused(
        &fixture_arg("malformed/truncated.pdf"),
        "is not a readable PDF file",
    );
    assert_refused(&fixture_arg("malformed/not-a-pdf.pdf"), "no %PDF- header");
}

#[test]
fn an_encrypted_pdf() {
    assert_refused(
        &fixture_arg("malformed/encrypted.pdf"),
        "is an encrypted (password-protected) PDF file",
    );
}

#[test]
fn a_pdf_with_no_text_layer() {
    assert_refused(
        &fixture_arg("malformed/scanned.pdf"),
        "is a PDF with no text layer (a scanned image?); rolefit does not do OCR",
    );
}

#[test]
fn a_panic_in_the_pdf_parser_is_one_line() {
    assert_refused(
        &fixture_arg("malformed/pdf-parser-panic.pdf"),
        "no page could be read (unexpected encoding",
    );
}

#[test]
fn pdf_bombs_and_cycles() {
    assert_refused(
        &fixture_arg("malformed/pdf-bomb.pdf"),
        "a stream inflates to more than 32 MiB",
    );
    assert_refused(
        &fixture_arg("malformed/pdf-cycle.pdf"),
        "a form XObject draws itself",
    );
}

#[test]
fn a_docx_that_is_not_a_zip_or_has_no_document() {
    assert_refused(
        &fixture_arg("malformed/not-a-zip.docx"),
        "not a zip archive",
    );
    assert_refused(
        &fixture_arg("malformed/no-document.docx"),
        "it has no word/document.xml",
    );
    assert_refused(
        &fixture_arg("malformed/bad-xml.docx"),
        "malformed XML in word/document.xml",
    );
}

#[test]
fn a_zip_bomb() {
    assert_refused(
        &fixture_arg("malformed/zip-bomb.docx"),
        "word/document.xml unpacks to more than 32 MiB (a zip bomb?)",
    );
}

#[test]
fn deeply_nested_xml_and_json() {
    assert_refused(
        &fixture_arg("malformed/deep-nesting.docx"),
        "nests elements deeper than 256 levels",
    );
    assert_refused(
        &fixture_arg("malformed/deep.json"),
        "recursion limit exceeded",
    );
}

#[test]
fn a_file_over_the_size_limit() {
    let path = fixture_arg("docs/alex-morgan-2col.pdf");
    for command in ["extract", "score"] {
        let ran = run(rolefit().args([command, "--max-size", "1000", &path]));
        assert_eq!(ran.code, 2);
        assert_eq!(ran.stderr.lines().count(), 1);
        assert!(
            ran.stderr
                .contains("over the 1000-byte limit (raise it with --max-size)")
        );
    }
}

#[test]
fn bad_input_is_never_written_to() {
    let sandbox = Sandbox::new();
    let mut copies = Vec::new();
    for entry in std::fs::read_dir(fixture("malformed")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let copy = sandbox.write(&path.file_name().unwrap().to_string_lossy(), &bytes);
        copies.push((copy, bytes));
    }
    copies.sort();
    let mut command = rolefit();
    command
        .arg("extract")
        .args(copies.iter().map(|(path, _)| path));
    let ran = run(&mut command);
    assert_eq!(ran.code, 2);
    assert_eq!(ran.stderr.lines().count(), copies.len(), "{}", ran.stderr);
    for (path, bytes) in &copies {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
}

// --- rolefit extract ------------------------------------------------------------

#[test]
fn extract_prints_the_text_rolefit_sees() {
    let ran = run(rolefit().args(["extract", &fixture_arg("docs/alex-morgan.docx")]));
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    assert_eq!(
        ran.stdout,
        format!("{}\n", read("docs/alex-morgan.docx").text)
    );
}

#[test]
fn extract_reads_standard_input_by_content() {
    let pdf = std::fs::read(fixture("docs/alex-morgan-1col.pdf")).unwrap();
    let ran = run(rolefit().args(["extract", "-"]).write_stdin(pdf));
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stdout
            .contains("Backend Developer, Northwind Logistics")
    );
}

#[test]
fn extract_goes_on_after_a_bad_file_and_heads_each_file() {
    let good = fixture_arg("docs/alex-morgan.rtf");
    let bad = fixture_arg("malformed/encrypted.pdf");
    let ran = run(rolefit().args(["extract", &bad, &good]));
    assert_eq!(ran.code, 2);
    assert_eq!(ran.stderr.lines().count(), 1);
    assert!(
        ran.stdout
            .starts_with(&format!("==> {good} (rtf) <==\nAlex Morgan\n"))
    );
}

#[test]
fn format_in_forces_the_format() {
    let sandbox = Sandbox::new();
    let page = sandbox.write("page.txt", "<p>C&#43;&#43; &amp; <b>Kuber</b>netes</p>");
    let ran = run(rolefit()
        .args(["extract", "--format-in", "html"])
        .arg(&page));
    assert_eq!((ran.code, ran.stdout.as_str()), (0, "C++ & Kubernetes\n"));
    let ran = run(rolefit().args(["extract"]).arg(&page));
    assert_eq!(ran.stdout, "<p>C&#43;&#43; &amp; <b>Kuber</b>netes</p>\n");
    let ran = run(rolefit().args(["score", "--format-in", "pdf"]).arg(&page));
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr
            .contains("is not a readable PDF file: no %PDF- header")
    );
}

#[test]
fn score_reads_every_format() {
    for relative in [
        "docs/alex-morgan-2col.pdf",
        "docs/alex-morgan.docx",
        "docs/alex-morgan.odt",
        "docs/alex-morgan.html",
        "docs/alex-morgan.json",
    ] {
        let ran = run(rolefit().args(["score", "--format", "json", &fixture_arg(relative)]));
        assert_eq!(ran.code, 0, "{relative}: {}", ran.stderr);
        let report: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
        assert!(report.to_string().contains("CI/CD") || report.to_string().contains("continuous"));
    }
}

// --- a corpus of damaged files never brings extraction down ------------------

/// SplitMix64: a small deterministic generator, so the corpus is the same on
/// every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// Damaged variants of a good file: truncations, flipped bits, overwritten
/// runs, zeroed ranges.
fn damaged(bytes: &[u8], random: &mut Random) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![("empty".to_string(), Vec::new())];
    for cut in [
        1,
        8,
        64,
        300,
        bytes.len() / 4,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        out.push((format!("cut-{cut}"), bytes[..cut.min(bytes.len())].to_vec()));
    }
    for round in 0..12 {
        let mut copy = bytes.to_vec();
        for _ in 0..1 + round * 3 {
            let at = random.below(copy.len());
            copy[at] ^= 1 << random.below(8);
        }
        out.push((format!("flip-{round}"), copy));
    }
    for round in 0..6 {
        let mut copy = bytes.to_vec();
        let at = random.below(copy.len());
        let length = random.below(256).min(copy.len() - at);
        for byte in &mut copy[at..at + length] {
            *byte = random.next() as u8;
        }
        out.push((format!("noise-{round}"), copy));
        let mut zeroed = bytes.to_vec();
        let at = random.below(zeroed.len());
        let length = random.below(4096).min(zeroed.len() - at);
        zeroed[at..at + length].fill(0);
        out.push((format!("zeroed-{round}"), zeroed));
    }
    out
}

#[test]
fn damaged_files_never_panic_and_errors_stay_one_line() {
    let mut random = Random(0x5EED_2026);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(fixture("docs"))
        .unwrap()
        .chain(std::fs::read_dir(fixture("malformed")).unwrap())
        .map(|entry| entry.unwrap().path())
        // The bombs are slow to inflate in a debug build and tested above.
        .filter(|path| !path.to_string_lossy().contains("bomb"))
        .collect();
    sources.sort();
    let options = ExtractOptions::default();
    let mut outcomes = 0;
    for source in &sources {
        let bytes = std::fs::read(source).unwrap();
        if bytes.is_empty() {
            continue;
        }
        let name = source.file_name().unwrap().to_string_lossy().into_owned();
        for (variant, damaged) in damaged(&bytes, &mut random) {
            let path = format!("{variant}-{name}");
            check_outcome(&path, document_from_bytes(&path, &damaged, &options));
            outcomes += 1;
        }
    }
    for size in [1, 2, 3, 17, 512, 4096, 65536] {
        let noise: Vec<u8> = (0..size).map(|_| random.next() as u8).collect();
        for name in [
            "noise.pdf",
            "noise.docx",
            "noise.odt",
            "noise.rtf",
            "noise",
            "noise.json",
        ] {
            check_outcome(name, document_from_bytes(name, &noise, &options));
            outcomes += 1;
        }
    }
    assert!(outcomes > 500, "{outcomes}");
}

fn check_outcome(path: &str, outcome: Result<Document, rolefit::extract::InputError>) {
    match outcome {
        Ok(document) => assert!(!document.text.trim().is_empty(), "{path}"),
        Err(err) => {
            let message = err.to_string();
            assert!(message.starts_with(&format!("{path}: ")), "{message}");
            assert!(!message.contains('\n'), "{message}");
            assert!(InputErrorKind::CODES.contains(&err.kind.code()));
        }
    }
}

#[test]
fn committed_bad_files_end_in_the_documented_codes() {
    let table = [
        ("bad-xml.docx", "corrupt"),
        ("deep-nesting.docx", "too-complex"),
        ("deep.json", "corrupt"),
        ("empty.pdf", "empty"),
        ("encrypted.pdf", "encrypted"),
        ("no-document.docx", "corrupt"),
        ("not-a-pdf.pdf", "corrupt"),
        ("not-a-zip.docx", "corrupt"),
        ("pdf-bomb.pdf", "too-complex"),
        ("pdf-cycle.pdf", "corrupt"),
        ("pdf-parser-panic.pdf", "corrupt"),
        ("random.bin", "binary"),
        ("scanned.pdf", "no-text"),
        ("truncated.pdf", "corrupt"),
        ("zip-bomb.docx", "too-complex"),
    ];
    let mut names: Vec<String> = std::fs::read_dir(fixture("malformed"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let listed: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, listed, "every committed bad file is in the table");
    for (name, code) in table {
        let path = Path::new("fixtures/malformed").join(name);
        let bytes = std::fs::read(fixture(&format!("malformed/{name}"))).unwrap();
        let err = document_from_bytes(&path.to_string_lossy(), &bytes, &ExtractOptions::default())
            .unwrap_err();
        assert_eq!(err.kind.code(), code, "{name}: {err}");
    }
}
