//! Everything that can go wrong opening or writing the encrypted store, each case
//! named so shells can tell the user what happened. None of them alters the file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the store key must be exactly 32 bytes, got {0}")]
    InvalidKey(usize),
    #[error("the store in {} is already open in another Reconnect window or process", .0.display())]
    InUse(PathBuf),
    #[error("the key does not open this store (wrong key)")]
    WrongKey,
    #[error("{} is a plain, unencrypted SQLite file, not a Reconnect store", .0.display())]
    NotEncrypted(PathBuf),
    #[error("{} is not a Reconnect store: {reason}", path.display())]
    NotAReconnectStore { path: PathBuf, reason: String },
    #[error("{} is truncated ({len} bytes is not a whole number of pages)", path.display())]
    Truncated { path: PathBuf, len: u64 },
    #[error("{} is damaged: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error(
        "the store was written by a newer Reconnect (schema {found}, this build knows up to {supported}); please update the app"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("{} could not be accessed: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the store could not be written: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn corrupt(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        StoreError::Corrupt {
            path: path.into(),
            reason: reason.into(),
        }
    }
}
