//! Opening the files rolefit reads: regular files only, and never a wait.
//!
//! Opening a FIFO for reading waits for a writer, and reading a device such
//! as `/dev/zero` never ends, so a FIFO, device or socket met where a
//! document, keyword set or configuration file should be must be refused
//! before a byte is read, and without a wait. Checking the type with a
//! `stat` and then opening leaves a window in which the path can be swapped
//! for a FIFO; so the file is opened first, with `O_NONBLOCK` (a FIFO opens
//! at once; a regular file reads as usual), and its type is asked of the
//! open file, which cannot change.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What kind of thing stands at a path that is no regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A folder.
    Folder,
    /// A named pipe (FIFO).
    Fifo,
    /// A socket.
    Socket,
    /// A character device, such as `/dev/zero` or a terminal.
    CharDevice,
    /// A block device, such as a disk.
    BlockDevice,
    /// Anything else.
    Other,
}

impl Special {
    /// The kind of a file that is not regular, from its metadata.
    pub fn of(metadata: &Metadata) -> Special {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let kind = metadata.file_type();
            if kind.is_fifo() {
                return Special::Fifo;
            }
            if kind.is_socket() {
                return Special::Socket;
            }
            if kind.is_char_device() {
                return Special::CharDevice;
            }
            if kind.is_block_device() {
                return Special::BlockDevice;
            }
        }
        if metadata.is_dir() {
            Special::Folder
        } else {
            Special::Other
        }
    }

    /// What it is, for messages: "a FIFO (named pipe)".
    pub fn describe(self) -> &'static str {
        match self {
            Special::Folder => "a folder",
            Special::Fifo => "a FIFO (named pipe)",
            Special::Socket => "a socket",
            Special::CharDevice => "a character device",
            Special::BlockDevice => "a block device",
            Special::Other => "not a regular file",
        }
    }
}

/// Why a file could not be opened for reading.
#[derive(Debug)]
pub enum OpenError {
    /// The system refused (no such file, permissions, ...).
    Io(io::Error),
    /// The path holds something that is not a regular file.
    NotAFile(Special),
}

/// Opens the regular file at `path` for reading, without waiting (see the
/// module's notes), and returns it with its metadata. Anything else (a
/// folder, FIFO, socket or device, or a link to one) is refused unread.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), OpenError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // No wait for a FIFO's writer; a terminal does not become ours.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|err| {
        // Some systems refuse to open a folder: say what it is.
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => OpenError::NotAFile(Special::Folder),
            _ => OpenError::Io(err),
        }
    })?;
    let metadata = file.metadata().map_err(OpenError::Io)?;
    if !metadata.is_file() {
        return Err(OpenError::NotAFile(Special::of(&metadata)));
    }
    Ok((file, metadata))
}

/// Reads a small regular file (a keyword set, a configuration file) as
/// UTF-8 text: refused unread when it is not a regular file or is over
/// `limit` bytes, and never read past `limit` even if it grows meanwhile.
/// Errors name the file, `what` it is, and the reason.
pub fn read_small_text(path: &Path, limit: u64, what: &str) -> anyhow::Result<String> {
    let shown = path.display();
    let (file, metadata) = open_regular(path).map_err(|err| match err {
        OpenError::Io(err) => anyhow::anyhow!("{shown}: cannot read the {what}: {err}"),
        OpenError::NotAFile(kind) => anyhow::anyhow!(
            "{shown}: cannot read the {what}: it is {}, not a regular file",
            kind.describe()
        ),
    })?;
    let too_large = |size: u64| {
        anyhow::anyhow!("{shown}: the {what} is {size} bytes, over the {limit}-byte limit")
    };
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| anyhow::anyhow!("{shown}: cannot read the {what}: {err}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{shown}: the {what} is not UTF-8 text (invalid byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn special_files_are_refused_without_waiting() {
        let folder = tempfile::tempdir().unwrap();
        let fifo = folder.path().join("pipe.toml");
        crate::testing::mkfifo(&fifo);
        assert!(matches!(
            open_regular(&fifo),
            Err(OpenError::NotAFile(Special::Fifo))
        ));
        assert!(matches!(
            open_regular(Path::new("/dev/zero")),
            Err(OpenError::NotAFile(Special::CharDevice))
        ));
        assert!(matches!(
            open_regular(folder.path()),
            Err(OpenError::NotAFile(Special::Folder))
        ));
        let err = read_small_text(&fifo, 100, "keyword set").unwrap_err();
        assert!(
            format!("{err:#}").ends_with("pipe.toml: cannot read the keyword set: it is a FIFO (named pipe), not a regular file"),
            "{err:#}"
        );
    }

    #[test]
    fn small_files_stay_within_their_limit() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.toml");
        fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_small_text(&path, 6, "file").unwrap(), "x = 1\n");
        let err = read_small_text(&path, 5, "file").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("a.toml: the file is 6 bytes, over the 5-byte limit"),
            "{err}"
        );
        fs::write(&path, b"\xff").unwrap();
        assert!(read_small_text(&path, 5, "file").is_err());
    }
}
