//! The core's error type. Store problems keep their own typed [`StoreError`]; the FFI
//! layer folds all of these into a small public enum.

use crate::store::StoreError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller asked for something that is not allowed; nothing was changed.
    #[error("{0}")]
    InvalidInput(String),
    /// The program's rules do not allow this now; nothing was changed.
    #[error(transparent)]
    Refused(#[from] crate::program::Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The CRDT document refused an operation or could not be merged.
    #[error("the document could not be updated: {0}")]
    Document(String),
    /// Pairing or a sync session failed; the session is over, the store is as it was
    /// after the last durable round.
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),
    /// A previous operation panicked while holding the store; reopening recovers.
    #[error("an earlier operation failed part-way; please reopen the store")]
    Poisoned,
}

impl From<automerge::AutomergeError> for Error {
    fn from(err: automerge::AutomergeError) -> Self {
        Error::Document(err.to_string())
    }
}
