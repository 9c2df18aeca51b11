//! The files a store consists of, and the checks made on them before SQLite touches
//! anything, so a foreign or damaged file is reported and left exactly as it was.

use super::StoreError;
use super::key::{self, KeyCheck, StoreKey};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const DB_FILE: &str = "reconnect.db";
pub const KEYCHECK_FILE: &str = "reconnect.keycheck";
pub(crate) const STAGING_FILE: &str = "reconnect.db-creating";

/// SQLCipher 4's page size; an encrypted file is always a whole number of pages.
const PAGE_SIZE: u64 = 4096;
const SQLITE_PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Every file a store in `dir` may consist of (whether or not each exists now).
pub fn store_files(dir: &Path) -> Vec<PathBuf> {
    [
        DB_FILE,
        "reconnect.db-wal",
        "reconnect.db-shm",
        "reconnect.db-journal",
        KEYCHECK_FILE,
        "reconnect.keycheck-new",
        LOCK_FILE,
        STAGING_FILE,
        "reconnect.db-creating-journal",
    ]
    .iter()
    .map(|name| dir.join(name))
    .collect()
}

pub(crate) fn wal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

pub(crate) fn exists(path: &Path) -> Result<bool, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(StoreError::io(path, err)),
    }
}

pub const LOCK_FILE: &str = "reconnect.lock";
/// How long an open waits for another handle to let go of the store.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// The store's exclusive lock: an OS advisory lock on an empty file, released on drop.
pub(crate) struct StoreLock {
    file: fs::File,
    path: PathBuf,
    created: bool,
}

impl StoreLock {
    /// Removes the lock file again if this open created it, so a refused open leaves
    /// a foreign directory exactly as it found it.
    pub(crate) fn discard(self) {
        if self.created {
            let _ = fs::remove_file(&self.path);
        }
        drop(self.file);
    }

    /// Whether taking the lock created the lock file (there was no store here before).
    pub(crate) fn created_now(&self) -> bool {
        self.created
    }

    pub(crate) fn into_file(self) -> fs::File {
        self.file
    }
}

/// Takes the store's lock, waiting briefly for another handle to close.
///
/// A refused open may delete a lock file it created (see [`StoreLock::discard`]), so a
/// waiter can end up holding the lock of a file that no longer has a name. After
/// locking, the file must still be the one at the path; otherwise start again.
pub(crate) fn lock_store(dir: &Path) -> Result<StoreLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        let created = !exists(&path)?;
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        match file.try_lock() {
            Ok(()) if still_at(&file, &path) => {
                return Ok(StoreLock {
                    file,
                    path,
                    created,
                });
            }
            Ok(()) => continue,
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => return Err(StoreError::InUse(dir.to_path_buf())),
            Err(fs::TryLockError::Error(err)) => return Err(StoreError::io(&path, err)),
        }
    }
}

/// Whether the open `file` is the file currently named `path`.
#[cfg(unix)]
fn still_at(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be deleted, so the name always refers to it.
#[cfg(not(unix))]
fn still_at(_file: &fs::File, path: &Path) -> bool {
    path.exists()
}

/// The database is missing. Starting afresh is right only for an empty directory or
/// an interrupted creation; if the rest of a store is still there, the database went
/// missing and recreating it would silently replace the user's data.
pub(crate) fn refuse_missing_database(dir: &Path, db: &Path) -> Result<(), StoreError> {
    if exists(&wal_path(db))? {
        return Err(StoreError::corrupt(
            db,
            "the database file is missing but its write-ahead log is present",
        ));
    }
    if exists(&dir.join(KEYCHECK_FILE))? && !exists(&dir.join(STAGING_FILE))? {
        return Err(StoreError::corrupt(
            db,
            "the database file is missing but its key check is present; restore the file, or remove the whole store to start afresh",
        ));
    }
    Ok(())
}

/// Checks an existing database file without opening it in SQLite.
/// What the preflight learned: whether the key check vouched for the key, or is
/// missing (a database restored on its own), so only opening it can tell.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Preflight {
    KeyChecked,
    KeyCheckMissing,
}

pub(crate) fn preflight(
    db: &Path,
    keycheck: &Path,
    key: &StoreKey,
) -> Result<Preflight, StoreError> {
    let meta = fs::metadata(db).map_err(|e| StoreError::io(db, e))?;
    if !meta.is_file() {
        return Err(StoreError::NotAReconnectStore {
            path: db.to_path_buf(),
            reason: "it is not a regular file".into(),
        });
    }
    let len = meta.len();
    let mut header = [0u8; 16];
    let mut file = fs::File::open(db).map_err(|e| StoreError::io(db, e))?;
    let read = read_up_to(&mut file, &mut header).map_err(|e| StoreError::io(db, e))?;
    if read == header.len() && &header == SQLITE_PLAIN_HEADER {
        return Err(StoreError::NotEncrypted(db.to_path_buf()));
    }
    let whole_pages = len > 0 && len % PAGE_SIZE == 0;
    let state = match key::check(keycheck, key)? {
        KeyCheck::Matches => Preflight::KeyChecked,
        KeyCheck::Mismatch => return Err(StoreError::WrongKey),
        KeyCheck::Missing if whole_pages => Preflight::KeyCheckMissing,
        KeyCheck::Missing => {
            return Err(StoreError::NotAReconnectStore {
                path: db.to_path_buf(),
                reason: format!("there is no {KEYCHECK_FILE} beside it"),
            });
        }
        KeyCheck::Unreadable => {
            return Err(StoreError::corrupt(
                keycheck,
                "the key check file is damaged",
            ));
        }
    };
    if !whole_pages {
        return Err(StoreError::Truncated {
            path: db.to_path_buf(),
            len,
        });
    }
    Ok(state)
}

fn read_up_to(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Creates the data directory (and parents) readable by its owner only.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| StoreError::io(dir, e))
}

pub(crate) fn remove_if_exists(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(StoreError::io(path, err)),
    }
}

pub(crate) fn sync_file(path: &Path) -> Result<(), StoreError> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(path, e))
}

/// Makes a rename in `dir` durable. Directories cannot be fsynced on every platform;
/// where the OS refuses, the rename is still atomic.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io(dir, e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

pub(crate) fn random_bytes(len: usize) -> Result<Vec<u8>, StoreError> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes)
        .map_err(|err| StoreError::io("random source", std::io::Error::other(err.to_string())))?;
    Ok(bytes)
}

pub(crate) fn random_hex(len: usize) -> Result<String, StoreError> {
    Ok(hex::encode(random_bytes(len)?))
}

/// A fresh id for a record in the document: 16 random hex digits.
pub fn new_record_id() -> Result<String, StoreError> {
    random_hex(8)
}
