//! Worker processes (issue 16, item 2): a worker that is killed or dies ends
//! one document's reading with its reason, and the pool starts another for
//! the next document. The workers are the real binary under limits set low
//! enough for ordinary files to pass them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::Sandbox;
use common::pdf;
use rolefit::extract::isolate::{Pool, WORKER_ARG, WorkerCommand, WorkerLimits};
use rolefit::extract::{
    Document, ExtractOptions, InputError, InputErrorKind, InputFormat, Parsers, read_document_with,
};

fn pool(limits: WorkerLimits) -> Parsers {
    Parsers::Isolated(Pool::new(
        WorkerCommand {
            program: PathBuf::from(env!("CARGO_BIN_EXE_rolefit")),
            args: vec![WORKER_ARG.into()],
        },
        limits,
    ))
}

fn read(
    parsers: &Parsers,
    sandbox: &Sandbox,
    name: &str,
    bytes: &[u8],
) -> Result<Document, InputError> {
    let path = sandbox.write(name, bytes);
    read_document_with(path, &ExtractOptions::default(), parsers)
}

/// The reason of a `too-complex` PDF error.
fn too_complex(result: Result<Document, InputError>) -> String {
    match result.map_err(|err| err.kind) {
        Err(InputErrorKind::TooComplex {
            format: InputFormat::Pdf,
            detail,
        }) => detail,
        other => panic!("not too-complex: {other:?}"),
    }
}

/// 140 pages of 900,000 operations each, every bound kept (250 MB decoded in
/// all): seconds of work even in a release build.
fn slow_pdf() -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 720 Td (Slow) Tj ET\n".to_vec();
    content.extend_from_slice(&b"q Q ".repeat(450_000));
    let mut slow = pdf::Pdf::new();
    slow.add("<< /Type /Catalog /Pages 2 0 R >>");
    let kids: String = (0..140).map(|i| format!("{} 0 R ", 5 + i)).collect();
    slow.add(format!("<< /Type /Pages /Kids [{kids}] /Count 140 >>"));
    slow.add(pdf::stream("/Filter /FlateDecode", &pdf::zlib(&content)));
    slow.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for _ in 0..140 {
        slow.add(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R \
             /Resources << /Font << /F1 4 0 R >> >> >>",
        );
    }
    slow.bytes()
}

#[test]
fn a_worker_reads_what_the_process_would() {
    let sandbox = Sandbox::new();
    let parsers = pool(WorkerLimits::default());
    for name in [
        "alex-morgan-1col.pdf",
        "alex-morgan.docx",
        "alex-morgan.odt",
    ] {
        let path = common::fixture_arg(&format!("docs/{name}"));
        let options = ExtractOptions::default();
        let isolated = read_document_with(&path, &options, &parsers).unwrap();
        let in_process = read_document_with(&path, &options, &Parsers::InProcess).unwrap();
        assert_eq!(isolated, in_process, "{name}");
    }
    let bomb = pdf::hostile()
        .iter()
        .find(|case| case.name == "bomb-lzw")
        .unwrap();
    let err = read(&parsers, &sandbox, "bomb.pdf", &bomb.bytes).unwrap_err();
    assert_eq!(err.kind.code(), "too-complex", "{err}");
}

/// Reads `bytes` with a pool under `limits`, which must stop the worker, then
/// a plain PDF, which a new worker must read; returns the first file's reason.
fn stopped_then_replaced(limits: WorkerLimits, bytes: &[u8]) -> String {
    let sandbox = Sandbox::new();
    let parsers = pool(limits);
    let detail = too_complex(read(&parsers, &sandbox, "hard.pdf", bytes));
    let next = read(&parsers, &sandbox, "next.pdf", &pdf::plain("PostgreSQL")).unwrap();
    assert!(next.text.contains("PostgreSQL"), "{}", next.text);
    detail
}

#[test]
fn a_worker_past_the_wall_clock_is_killed_and_replaced() {
    let limits = WorkerLimits {
        wall: Duration::from_millis(300),
        ..WorkerLimits::default()
    };
    assert_eq!(
        stopped_then_replaced(limits, &slow_pdf()),
        "reading it took over 300 ms; the reader was stopped"
    );
}

#[test]
fn a_worker_past_its_cpu_time_is_stopped_and_replaced() {
    let limits = WorkerLimits {
        cpu: Duration::from_secs(1),
        ..WorkerLimits::default()
    };
    assert_eq!(
        stopped_then_replaced(limits, &slow_pdf()),
        "reading it used over 1 s of CPU time; the reader was stopped"
    );
}

#[test]
fn a_worker_that_runs_out_of_memory_is_replaced() {
    // lopdf parses the whole file into objects as it loads it: four million
    // numbers in an array take far more than 256 MiB.
    let mut big = pdf::one_page(
        "/Resources << /Font << /F1 5 0 R >> >>",
        "",
        b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
    );
    let mut array = b"[".to_vec();
    array.extend_from_slice(&b"0 ".repeat(4 << 20));
    array.push(b']');
    big.add(array);
    let limits = WorkerLimits {
        memory_bytes: 256 << 20,
        ..WorkerLimits::default()
    };
    assert_eq!(
        stopped_then_replaced(limits, &big.bytes()),
        "reading it needs more than 256 MiB of memory"
    );
}
