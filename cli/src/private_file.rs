//! Private files written crash-safely: the bytes go to an owner-only temp file beside
//! the target, are made durable, and only then take the target's name, so the file
//! appears whole or not at all. Used for the key file and for exports.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Keep it and report `AlreadyExists`; the new bytes are dropped.
    Keep,
    /// Replace it in one step.
    Replace,
}

/// Writes `bytes` to `target` (mode 0600 on Unix). With [`Existing::Keep`], an existing
/// target is left untouched and the result is an error of kind `AlreadyExists`.
pub fn write(target: &Path, bytes: &[u8], existing: Existing) -> Result<(), std::io::Error> {
    let temp = temp_path(target);
    write_private(&temp, bytes)?;
    let placed = match existing {
        // A hard link never replaces an existing name, even one that appeared a moment ago.
        Existing::Keep => fs::hard_link(&temp, target).and_then(|()| fs::remove_file(&temp)),
        Existing::Replace => fs::rename(&temp, target),
    };
    if let Err(err) = placed {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    sync_dir(parent(target))
}

/// The directory holding `path` ("." for a bare file name).
pub fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A name no other process uses: hidden, beside the target, unique to this process.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "reconnect".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    target.with_file_name(format!(
        ".{name}.{}-{thread}-{nanos}.new",
        std::process::id()
    ))
}

/// Creates `path` (which must not exist) owner-only, writes and syncs it; on failure
/// nothing is left behind.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), std::io::Error> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if written.is_err() {
        let _ = fs::remove_file(path);
    }
    written
}

/// Makes a new or removed directory entry durable. Only Unix lets a directory be fsynced.
pub fn sync_dir(dir: &Path) -> Result<(), std::io::Error> {
    #[cfg(unix)]
    fs::File::open(dir).and_then(|d| d.sync_all())?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// An I/O failure on `path`, as a CLI error.
pub fn io_error(path: &Path, source: std::io::Error) -> CliError {
    CliError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether `err` says the target was already there.
pub fn already_exists(err: &std::io::Error) -> bool {
    err.kind() == ErrorKind::AlreadyExists
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn files_appear_whole_private_and_are_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.json");
        write(&target, b"first", Existing::Keep).unwrap();
        let err = write(&target, b"second", Existing::Keep).unwrap_err();
        assert!(already_exists(&err), "{err}");
        assert_eq!(fs::read(&target).unwrap(), b"first");
        write(&target, b"third", Existing::Replace).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"third");
        assert_eq!(names(dir.path()), ["export.json"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        }
        // A missing directory fails cleanly.
        let nowhere = dir.path().join("missing").join("x.json");
        assert!(write(&nowhere, b"x", Existing::Keep).is_err());
        assert_eq!(names(dir.path()), ["export.json"]);
    }
}
