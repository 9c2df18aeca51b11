//! The one public error type hosts see: a handful of cases, each with a readable
//! `detail`, and a typed reason when the program's rules refused a command.
//!
//! Fields are called `detail`, not `message`: in Kotlin a field named `message` clashes
//! with `Throwable.message` and the generated bindings do not compile (uniffi #1434).

use reconnect_core::sync::SyncError;
use reconnect_core::{Error, StoreError};

use crate::program::RefusalReason;

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ReconnectError {
    /// The request was refused (e.g. a mood outside 1–5, a date that is not YYYY-MM-DD);
    /// nothing changed.
    #[error("{detail}")]
    InvalidInput { detail: String },
    /// The program's rules do not allow this now (a locked step, a skipped rung, a
    /// safety lock, …); nothing changed. `reason` says which rule, `detail` says it in
    /// the core's words.
    #[error("{detail}")]
    Refused {
        reason: RefusalReason,
        detail: String,
    },
    /// The key does not open this store.
    #[error("{detail}")]
    WrongKey { detail: String },
    /// The file is not a Reconnect store (plain SQLite, another app's, random bytes).
    #[error("{detail}")]
    NotAReconnectStore { detail: String },
    /// The store is truncated or damaged; it was left exactly as found.
    #[error("{detail}")]
    Damaged { detail: String },
    /// The store was written by a newer version of the app.
    #[error("{detail}")]
    NewerVersion { detail: String },
    /// The store is open elsewhere (another window, process or handle).
    #[error("{detail}")]
    InUse { detail: String },
    /// The disk or the database could not be used.
    #[error("{detail}")]
    Storage { detail: String },
    /// The store was closed.
    #[error("the store is closed")]
    Closed,
    /// Something that should not happen did; reopening the store recovers.
    #[error("{detail}")]
    Internal { detail: String },
}

impl ReconnectError {
    pub(crate) fn invalid(detail: impl Into<String>) -> Self {
        ReconnectError::InvalidInput {
            detail: detail.into(),
        }
    }
}

impl From<Error> for ReconnectError {
    fn from(err: Error) -> Self {
        let detail = err.to_string();
        match err {
            Error::InvalidInput(_) => ReconnectError::InvalidInput { detail },
            Error::Refused(refusal) => ReconnectError::Refused {
                reason: refusal.into(),
                detail,
            },
            Error::Store(store) => match store {
                StoreError::InvalidKey(_) => ReconnectError::InvalidInput { detail },
                StoreError::WrongKey => ReconnectError::WrongKey { detail },
                StoreError::NotEncrypted(_) | StoreError::NotAReconnectStore { .. } => {
                    ReconnectError::NotAReconnectStore { detail }
                }
                StoreError::Truncated { .. } | StoreError::Corrupt { .. } => {
                    ReconnectError::Damaged { detail }
                }
                StoreError::SchemaTooNew { .. } => ReconnectError::NewerVersion { detail },
                StoreError::InUse(_) => ReconnectError::InUse { detail },
                StoreError::Io { .. } | StoreError::Sqlite(_) => ReconnectError::Storage { detail },
            },
            Error::Document(_) => ReconnectError::Damaged { detail },
            // No exported call syncs yet, so a sync error reaching a host would be a bug;
            // pairing and sync get their own cases when they cross the FFI.
            Error::Sync(SyncError::StoreClosed) => ReconnectError::Closed,
            Error::Sync(_) => ReconnectError::Internal { detail },
            Error::Poisoned => ReconnectError::Internal { detail },
        }
    }
}

#[cfg(test)]
mod tests {
    use reconnect_core::Refusal;
    use reconnect_core::program::view::LockReason as CoreLock;

    use super::*;
    use crate::program::LockReason;

    #[test]
    fn a_refusal_keeps_its_reason_and_the_core_words() {
        let core = Error::Refused(Refusal::StepLocked {
            step: 4,
            reasons: vec![CoreLock::NoContactNotSet],
        });
        let words = core.to_string();
        match ReconnectError::from(core) {
            ReconnectError::Refused { reason, detail } => {
                assert_eq!(
                    reason,
                    RefusalReason::StepLocked {
                        step: 4,
                        reasons: vec![LockReason::NoContactNotSet],
                    }
                );
                assert_eq!(detail, words);
            }
            other => panic!("expected Refused, got {other:?}"),
        }
    }

    #[test]
    fn invalid_input_stays_invalid_input() {
        let err = ReconnectError::from(Error::InvalidInput("mood must be 1 to 5".into()));
        assert_eq!(err.to_string(), "mood must be 1 to 5");
        assert!(matches!(err, ReconnectError::InvalidInput { .. }));
    }
}
