//! The one public error type hosts see: a handful of cases, each with a readable message.

use reconnect_core::{Error, StoreError};

#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum ReconnectError {
    /// The request was refused (e.g. a mood outside 1–5); nothing changed.
    #[error("{0}")]
    InvalidInput(String),
    /// The key does not open this store.
    #[error("{0}")]
    WrongKey(String),
    /// The file is not a Reconnect store (plain SQLite, another app's, random bytes).
    #[error("{0}")]
    NotAReconnectStore(String),
    /// The store is truncated or damaged; it was left exactly as found.
    #[error("{0}")]
    Damaged(String),
    /// The store was written by a newer version of the app.
    #[error("{0}")]
    NewerVersion(String),
    /// The store is open elsewhere (another window, process or handle).
    #[error("{0}")]
    InUse(String),
    /// The disk or the database could not be used.
    #[error("{0}")]
    Storage(String),
    /// The store was closed.
    #[error("the store is closed")]
    Closed,
    /// Something that should not happen did; reopening the store recovers.
    #[error("{0}")]
    Internal(String),
}

impl From<Error> for ReconnectError {
    fn from(err: Error) -> Self {
        let message = err.to_string();
        match err {
            Error::InvalidInput(_) | Error::Refused(_) => ReconnectError::InvalidInput(message),
            Error::Store(store) => match store {
                StoreError::InvalidKey(_) => ReconnectError::InvalidInput(message),
                StoreError::WrongKey => ReconnectError::WrongKey(message),
                StoreError::NotEncrypted(_) | StoreError::NotAReconnectStore { .. } => {
                    ReconnectError::NotAReconnectStore(message)
                }
                StoreError::Truncated { .. } | StoreError::Corrupt { .. } => {
                    ReconnectError::Damaged(message)
                }
                StoreError::SchemaTooNew { .. } => ReconnectError::NewerVersion(message),
                StoreError::InUse(_) => ReconnectError::InUse(message),
                StoreError::Io { .. } | StoreError::Sqlite(_) => ReconnectError::Storage(message),
            },
            Error::Document(_) => ReconnectError::Damaged(message),
            Error::Poisoned => ReconnectError::Internal(message),
        }
    }
}
