//! Parsing PDF, DOCX and ODT in worker processes, so that a parser that
//! overflows its stack, fails to allocate or hangs ends one document's reading
//! with an error, not the run.
//!
//! A [`Pool`] starts workers lazily, one per thread that asks at once (so a
//! batch with N threads has at most N), and keeps them for the next document.
//! A worker is a process started from a [`WorkerCommand`], rolefit's own
//! binary with a hidden argument ([`WORKER_ARG`], checked in `main.rs` before
//! the command line is parsed), which runs [`serve`]. The worker limits itself
//! as it starts: an address space of [`WorkerLimits::memory_bytes`]
//! (`RLIMIT_AS`) and no core files (`RLIMIT_CORE`), and before each document
//! [`WorkerLimits::cpu`] more seconds of CPU time (`RLIMIT_CPU`). The parent kills a worker that has not answered
//! within [`WorkerLimits::wall`]. A worker that dies or is killed is reaped and
//! its document fails with the reason (`too-complex` for memory, time and stack
//! depth, `corrupt` otherwise); the next document starts a new one.
//!
//! The protocol, over the worker's standard input and output: the parent sends
//! the limits once (two little-endian `u64`: bytes, seconds), then per document
//! a frame (`u64` length, then the format's code and a newline, then the
//! bytes); the worker answers each with a frame holding `0` and the text, or
//! `1` and the [`InputErrorKind`] as JSON. Standard error is kept for the
//! last words of a worker that dies (Rust's "memory allocation of N bytes
//! failed", "has overflowed its stack").

use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rustix::process::{Resource, Rlimit, Signal, getrlimit, setrlimit};
use rustix::time::{ClockId, clock_gettime};

use super::{InputErrorKind, InputFormat, PDF_TIME_BUDGET, parse};

/// The hidden first argument that makes rolefit's binary a worker.
pub const WORKER_ARG: &str = "--extract-worker";

/// The most bytes a worker's answer may have: text is at most a few times its
/// input, and a larger frame is a broken worker.
const MAX_REPLY_BYTES: u64 = 1 << 30;

/// How to start a worker: a program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerCommand {
    /// The program: rolefit's own binary.
    pub program: PathBuf,
    /// Its arguments: [`WORKER_ARG`].
    pub args: Vec<OsString>,
}

/// The limits a worker reads each document under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerLimits {
    /// Address space (`RLIMIT_AS`): an allocation past it fails and ends the
    /// worker.
    pub memory_bytes: u64,
    /// CPU time per document (`RLIMIT_CPU`, raised before each one).
    pub cpu: Duration,
    /// Wall-clock time per document, after which the parent kills the worker.
    pub wall: Duration,
}

impl Default for WorkerLimits {
    /// 1 GiB; the time budget and 5 s of CPU; the time budget and 10 s of wall
    /// clock, so that the parsers' own time budget speaks first.
    fn default() -> Self {
        WorkerLimits {
            memory_bytes: 1 << 30,
            cpu: PDF_TIME_BUDGET + Duration::from_secs(5),
            wall: PDF_TIME_BUDGET + Duration::from_secs(10),
        }
    }
}

/// Worker processes that parse PDF, DOCX and ODT files; cheap to clone (the
/// clones share the workers).
#[derive(Clone)]
pub struct Pool {
    shared: Arc<Shared>,
}

struct Shared {
    command: WorkerCommand,
    limits: WorkerLimits,
    idle: Mutex<Vec<Worker>>,
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("command", &self.shared.command)
            .field("limits", &self.shared.limits)
            .finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool that starts workers with `command` under `limits`; none is
    /// started until a document needs one.
    pub fn new(command: WorkerCommand, limits: WorkerLimits) -> Self {
        Pool {
            shared: Arc::new(Shared {
                command,
                limits,
                idle: Mutex::new(Vec::new()),
            }),
        }
    }

    /// The text of `bytes` read as `format` by a worker (an idle one, or a new
    /// one); the worker goes back to the pool unless it died or was killed.
    pub(crate) fn parse(
        &self,
        bytes: &[u8],
        format: InputFormat,
    ) -> Result<String, InputErrorKind> {
        let idle = self.shared.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut worker = match idle {
            Some(worker) => worker,
            None => Worker::start(&self.shared.command, &self.shared.limits)
                .map_err(|err| failed_to_start(format, &err))?,
        };
        match worker.parse(bytes, format, self.shared.limits.wall) {
            Ok(result) => {
                if let Ok(mut idle) = self.shared.idle.lock() {
                    idle.push(worker);
                }
                result
            }
            Err(ended) => Err(worker.reap(ended, format, &self.shared.limits)),
        }
    }
}

fn failed_to_start(format: InputFormat, err: &io::Error) -> InputErrorKind {
    InputErrorKind::Unreadable {
        detail: format!("cannot start a {format} reader process: {err}"),
    }
}

/// Why a worker gave no answer.
enum Ended {
    /// It did not answer in time and was killed.
    Killed,
    /// Its pipes closed or broke: it died.
    Died,
}

/// One worker process, its pipes, and the threads that read them.
struct Worker {
    child: Child,
    stdin: Option<BufWriter<ChildStdin>>,
    replies: Receiver<io::Result<Vec<u8>>>,
    stderr: Option<JoinHandle<String>>,
}

impl Worker {
    fn start(command: &WorkerCommand, limits: &WorkerLimits) -> io::Result<Worker> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("the worker's pipes are missing"));
        };
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                let frame = read_frame(&mut stdout, MAX_REPLY_BYTES);
                let end = frame.is_err();
                if tx.send(frame).is_err() || end {
                    return;
                }
            }
        });
        let stderr = std::thread::spawn(move || last_words(stderr));
        let mut stdin = BufWriter::new(stdin);
        let hello = [limits.memory_bytes, limits.cpu.as_secs().max(1)];
        for value in hello {
            stdin.write_all(&value.to_le_bytes())?;
        }
        Ok(Worker {
            child,
            stdin: Some(stdin),
            replies,
            stderr: Some(stderr),
        })
    }

    /// Sends one document and waits for the answer, at most `wall`.
    fn parse(
        &mut self,
        bytes: &[u8],
        format: InputFormat,
        wall: Duration,
    ) -> Result<Result<String, InputErrorKind>, Ended> {
        let sent = self.stdin.as_mut().map(|stdin| send(stdin, bytes, format));
        if !matches!(sent, Some(Ok(()))) {
            return Err(Ended::Died);
        }
        match self.replies.recv_timeout(wall) {
            Ok(Ok(frame)) => decode_reply(&frame).ok_or(Ended::Died),
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(Ended::Died),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                Err(Ended::Killed)
            }
        }
    }

    /// Waits for a worker that died or was killed and says why, as the
    /// document's error.
    fn reap(mut self, ended: Ended, format: InputFormat, limits: &WorkerLimits) -> InputErrorKind {
        self.stdin = None;
        let status = self.child.wait().ok();
        let words = self
            .stderr
            .take()
            .and_then(|thread| thread.join().ok())
            .unwrap_or_default();
        if matches!(ended, Ended::Killed) {
            return InputErrorKind::too_complex(
                format,
                format!(
                    "reading it took over {}; the reader was stopped",
                    seconds(limits.wall)
                ),
            );
        }
        if words.contains("memory allocation of") {
            InputErrorKind::too_complex(
                format,
                format!(
                    "reading it needs more than {} MiB of memory",
                    limits.memory_bytes >> 20
                ),
            )
        } else if words.contains("overflowed its stack") {
            InputErrorKind::too_complex(
                format,
                "it nests too deep for the reader (its stack overflowed)",
            )
        } else if status.and_then(|status| status.signal()) == Some(Signal::XCPU.as_raw()) {
            InputErrorKind::too_complex(
                format,
                format!(
                    "reading it used over {} of CPU time; the reader was stopped",
                    seconds(limits.cpu)
                ),
            )
        } else {
            let how = match status {
                Some(status) => match status.signal() {
                    Some(signal) => format!("signal {signal}"),
                    None => format!("exit status {}", status.code().unwrap_or(-1)),
                },
                None => "an unknown cause".to_string(),
            };
            InputErrorKind::corrupt(format, format!("the {format} reader crashed ({how})"))
        }
    }
}

impl Drop for Worker {
    /// An idle worker ends when its input closes; it is reaped here.
    fn drop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A time limit for a message: "30 s", or "300 ms" under a second.
fn seconds(time: Duration) -> String {
    if time < Duration::from_secs(1) {
        format!("{} ms", time.as_millis())
    } else {
        format!("{} s", time.as_secs())
    }
}

/// What a dying worker wrote to standard error: its last 4 KiB.
fn last_words(mut stderr: impl Read) -> String {
    let mut words = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(read) = stderr.read(&mut buffer) {
        if read == 0 {
            break;
        }
        words.extend_from_slice(&buffer[..read]);
        if words.len() > 4096 {
            words.drain(..words.len() - 4096);
        }
    }
    String::from_utf8_lossy(&words).into_owned()
}

fn send(stdin: &mut impl Write, bytes: &[u8], format: InputFormat) -> io::Result<()> {
    let header = format!("{}\n", format.code());
    let length = (header.len() + bytes.len()) as u64;
    stdin.write_all(&length.to_le_bytes())?;
    stdin.write_all(header.as_bytes())?;
    stdin.write_all(bytes)?;
    stdin.flush()
}

/// Reads one frame: a little-endian `u64` length, then that many bytes (at
/// most `limit`). A clean end of input before the length is `UnexpectedEof`.
fn read_frame(input: &mut impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut length = [0u8; 8];
    input.read_exact(&mut length)?;
    let length = u64::from_le_bytes(length);
    if length > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a frame over the limit",
        ));
    }
    let mut frame = Vec::new();
    input.take(length).read_to_end(&mut frame)?;
    if frame.len() as u64 != length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(frame)
}

fn decode_reply(frame: &[u8]) -> Option<Result<String, InputErrorKind>> {
    let (&tag, body) = frame.split_first()?;
    match tag {
        0 => String::from_utf8(body.to_vec()).ok().map(Ok),
        1 => serde_json::from_slice::<InputErrorKind>(body).ok().map(Err),
        _ => None,
    }
}

/// The worker's side: sets its address-space limit, then reads documents from
/// `input` and answers each on `output` until `input` ends. Called by the
/// binary when its first argument is [`WORKER_ARG`]; it reads no other
/// argument and no environment variable.
pub fn serve(input: impl Read, output: impl Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    let mut hello = [0u8; 16];
    input.read_exact(&mut hello)?;
    let [memory, cpu] = [&hello[..8], &hello[8..]].map(|half| {
        let mut value = [0u8; 8];
        value.copy_from_slice(half);
        u64::from_le_bytes(value)
    });
    limit_for_good(Resource::As, memory)?;
    // A worker ended by SIGXCPU or an abort leaves no core file behind.
    limit_for_good(Resource::Core, 0)?;
    loop {
        let frame = match read_frame(&mut input, u64::MAX) {
            Ok(frame) => frame,
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(err) => return Err(err),
        };
        allow_cpu(cpu)?;
        let reply = answer(&frame);
        output.write_all(&(reply.len() as u64).to_le_bytes())?;
        output.write_all(&reply)?;
        output.flush()?;
    }
}

/// Sets `resource`'s soft and hard limits to `value`, or to the hard limit
/// already in force when that is lower (a worker cannot raise it).
fn limit_for_good(resource: Resource, value: u64) -> io::Result<()> {
    let limit = getrlimit(resource)
        .maximum
        .map_or(value, |hard| value.min(hard));
    setrlimit(
        resource,
        Rlimit {
            current: Some(limit),
            maximum: Some(limit),
        },
    )?;
    Ok(())
}

/// Lets the worker use `seconds` more of CPU time from now: the soft
/// `RLIMIT_CPU` (whose signal, `SIGXCPU`, ends the process) goes to the time
/// used so far plus `seconds`, within the hard limit.
fn allow_cpu(seconds: u64) -> io::Result<()> {
    let used = u64::try_from(clock_gettime(ClockId::ProcessCPUTime).tv_sec).unwrap_or(0);
    let hard = getrlimit(Resource::Cpu).maximum;
    let soft = used.saturating_add(seconds).saturating_add(1);
    setrlimit(
        Resource::Cpu,
        Rlimit {
            current: Some(hard.map_or(soft, |hard| soft.min(hard))),
            maximum: hard,
        },
    )?;
    Ok(())
}

/// The answer to one request frame.
fn answer(frame: &[u8]) -> Vec<u8> {
    let parsed = memchr::memchr(b'\n', frame)
        .and_then(|end| {
            let code = std::str::from_utf8(&frame[..end]).ok()?;
            let format = InputFormat::ALL.into_iter().find(|f| f.code() == code)?;
            Some((format, &frame[end + 1..]))
        })
        .map(|(format, bytes)| parse(bytes, format));
    let result = parsed.unwrap_or_else(|| {
        Err(InputErrorKind::Unreadable {
            detail: "the reader process got a malformed request".to_string(),
        })
    });
    match result {
        Ok(text) => {
            let mut reply = Vec::with_capacity(text.len() + 1);
            reply.push(0);
            reply.extend_from_slice(text.as_bytes());
            reply
        }
        Err(kind) => {
            let mut reply = vec![1];
            // Serializing this enum cannot fail; an empty error is still an
            // answer the parent refuses.
            let _ = serde_json::to_writer(&mut reply, &kind);
            reply
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_refuse_what_is_over_the_limit() {
        let mut wire = Vec::new();
        send(&mut wire, b"%PDF-1.4", InputFormat::Pdf).unwrap();
        let frame = read_frame(&mut wire.as_slice(), 1 << 20).unwrap();
        assert_eq!(frame, b"pdf\n%PDF-1.4");
        assert!(read_frame(&mut wire.as_slice(), 4).is_err());
        let eof = read_frame(&mut &wire[..3], 1 << 20).unwrap_err();
        assert_eq!(eof.kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn answers_carry_text_or_the_error() {
        let reply = answer(b"docx\nnot a zip");
        let decoded = decode_reply(&reply).unwrap();
        assert_eq!(
            decoded.unwrap_err().code(),
            "corrupt",
            "{:?}",
            String::from_utf8_lossy(&reply)
        );
        let reply = answer(b"nonsense");
        assert!(decode_reply(&reply).unwrap().is_err());
    }
}
