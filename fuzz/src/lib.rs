//! What the fuzz targets share: each hands its input to one part of rolefit
//! and checks what must hold whatever the input. A panic, a hang, a crash or
//! running out of memory is a finding; an error returned is not.

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

use rolefit::checks::Checks;
use rolefit::compare::{CompareOptions, PreparedPosting};
use rolefit::escape::{Keep, LineGuard, escape_controls, inline};
use rolefit::extract::{ExtractOptions, InputFormat, document_from_bytes};
use rolefit::matching::Matcher;
use rolefit::score::{inline_ignores, score_document};
use rolefit::sets::{MAX_TERM_WEIGHT, SetOrigin, builtin, parse_set};
use rolefit::settings::{CheckPlan, parse_config};

/// A posting to compare fuzzed resumes with.
const POSTING: &str = include_str!("../../fixtures/postings/mid-api-developer.md");

static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(builtin::sets().expect("built-in sets")).expect("built-in matcher")
});

static PREPARED: LazyLock<PreparedPosting> = LazyLock::new(|| {
    PreparedPosting::prepare(
        POSTING,
        builtin::sets().expect("built-in sets"),
        CompareOptions::default(),
    )
    .expect("posting")
});

/// Reads `data` as a document of `format`: a document read has text, and
/// that text shows safely.
pub fn read(format: InputFormat, data: &[u8]) {
    let options = ExtractOptions {
        format: Some(format),
        ..ExtractOptions::default()
    };
    if let Ok(document) = document_from_bytes("fuzz", data, &options) {
        assert!(!document.text.trim().is_empty(), "a document with no text");
        check_display(&document.text);
    }
}

/// What output promises for any text: escaped, it holds no control
/// character (but tab and newline where lines are kept), and through a
/// [`LineGuard`] no line starts with `::`.
pub fn check_display(text: &str) {
    let lines = escape_controls(text, Keep::Lines);
    assert!(
        !lines
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{lines:?}"
    );
    assert!(!inline(text).chars().any(char::is_control));
    let mut out = Vec::new();
    let mut guard = LineGuard::new(&mut out, true);
    guard.write_all(lines.as_bytes()).expect("write");
    guard.write_all(text.as_bytes()).expect("write");
    guard.finish().expect("finish");
    drop(guard);
    for line in out.split(|&b| b == b'\n' || b == b'\r') {
        let line = String::from_utf8_lossy(line);
        let start = line.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
        assert!(!start.starts_with("::"), "{line:?}");
    }
}

/// The text pipeline: analysis, matching and scoring against the built-in
/// sets, and a comparison with a posting; an input starting with `P` is
/// taken for a posting and compared with itself.
pub fn pipeline(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let matches = MATCHER.find(&text);
    let score = score_document("fuzz", &MATCHER, &matches, &inline_ignores(&text));
    assert!((0.0..=100.0).contains(&score.fit), "fit {}", score.fit);
    for set in &score.sets {
        assert!((0.0..=100.0).contains(&set.score), "{}: {}", set.id, set.score);
    }
    if let Ok(result) = PREPARED.compare(&text) {
        assert!((0.0..=100.0).contains(&result.match_rate));
    }
    if let Some(posting) = text.strip_prefix('P') {
        let sets = builtin::sets().expect("built-in sets");
        if let Ok(prepared) = PreparedPosting::prepare(posting, sets, CompareOptions::default())
            && let Ok(result) = prepared.compare(posting)
        {
            assert!((0.0..=100.0).contains(&result.match_rate));
        }
    }
    check_display(&text);
}

/// A keyword set file: a set that loads has weights within bounds, and, if
/// it compiles, scores any text (its own names too) from 0 to 100.
pub fn keyword_set(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(set) = parse_set(text, SetOrigin::Builtin) else {
        return;
    };
    let mut sample = POSTING.to_string();
    for term in &set.terms {
        assert!(term.weight > 0.0 && term.weight <= MAX_TERM_WEIGHT);
        sample.push('\n');
        sample.push_str(&term.name);
        for alias in &term.aliases {
            sample.push_str(", ");
            sample.push_str(alias);
        }
    }
    if let Ok(matcher) = Matcher::new(vec![set]) {
        let matches = matcher.find(&sample);
        let score = score_document("fuzz", &matcher, &matches, &[]);
        assert!((0.0..=100.0).contains(&score.fit), "fit {}", score.fit);
    }
}

/// A `rolefit.toml`: one that loads makes a check plan or a clean error.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = parse_config(text, Path::new("/repo/rolefit.toml")) else {
        return;
    };
    if let Ok(plan) = CheckPlan::new(Some(&config), Checks::default()) {
        let _ = plan.for_path("/repo/postings/senior-devops.md");
        let _ = plan.required_terms();
    }
}
