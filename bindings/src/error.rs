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
    /// Pairing or a sync session with another of the user's devices failed; the session
    /// is over (send its closing frame, then close the connection) and the store keeps
    /// what was durable before. `reason` says what happened, `detail` says it in the
    /// core's words.
    #[error("{detail}")]
    Sync { reason: SyncFailure, detail: String },
    /// The store was closed.
    #[error("the store is closed")]
    Closed,
    /// Something that should not happen did; reopening the store recovers.
    #[error("{detail}")]
    Internal { detail: String },
}

/// Why pairing or a sync session failed: one case per way the core names (the store
/// being closed arrives as `ReconnectError::Closed` instead). Descriptions the core
/// attaches to `Malformed`, `ProtocolViolation` and `Crypto` are in the error's `detail`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SyncFailure {
    /// The joining device used another code than the one shown; the offer is spent.
    WrongCode,
    /// The pairing code ran out of time.
    OfferExpired,
    /// The pairing code was already used (or a wrong code spent it).
    OfferUsed,
    /// The code given to the offering side is not one this device showed.
    UnknownOffer,
    /// The other device is not paired with this one.
    UnknownPeer,
    /// The other device was removed from this one's paired devices.
    RevokedPeer,
    /// The other device does not recognise this one (never paired, or revoked it).
    RefusedByPeer,
    /// The device that answered a QR code is not the one the code names.
    WrongDevice,
    /// The other device ended the session because of an error on its side.
    PeerAborted,
    /// A frame header announced more bytes than a frame may hold.
    FrameTooLarge { announced: u64, max: u64 },
    /// A sync message grew past `max` bytes.
    MessageTooLarge { max: u64 },
    /// The session went past its limit of bytes, frames or rounds (`what`, e.g.
    /// "16384 frames").
    SessionTooLarge { what: String },
    /// A frame or message that could not be read.
    Malformed,
    /// A frame failed authentication: tampered with, replayed, reordered or forged.
    Decrypt,
    /// The other device broke the protocol (or speaks a newer version of it).
    ProtocolViolation,
    /// The other device's changes would replace the document's root maps; nothing of
    /// them was kept.
    RootsReplaced,
    /// The session had already ended; start a new one.
    SessionEnded,
    /// This device could not set up the secure channel (not the other device's doing).
    Crypto,
}

impl From<SyncError> for SyncFailure {
    fn from(err: SyncError) -> Self {
        match err {
            SyncError::WrongCode => SyncFailure::WrongCode,
            SyncError::OfferExpired => SyncFailure::OfferExpired,
            SyncError::OfferUsed => SyncFailure::OfferUsed,
            SyncError::UnknownOffer => SyncFailure::UnknownOffer,
            SyncError::UnknownPeer => SyncFailure::UnknownPeer,
            SyncError::RevokedPeer => SyncFailure::RevokedPeer,
            SyncError::RefusedByPeer => SyncFailure::RefusedByPeer,
            SyncError::WrongDevice => SyncFailure::WrongDevice,
            SyncError::PeerAborted => SyncFailure::PeerAborted,
            SyncError::FrameTooLarge { announced, max } => {
                SyncFailure::FrameTooLarge { announced, max }
            }
            SyncError::MessageTooLarge { max } => SyncFailure::MessageTooLarge { max },
            SyncError::SessionTooLarge { what } => SyncFailure::SessionTooLarge { what },
            SyncError::Malformed(_) => SyncFailure::Malformed,
            SyncError::Decrypt => SyncFailure::Decrypt,
            SyncError::Protocol(_) => SyncFailure::ProtocolViolation,
            SyncError::RootsReplaced => SyncFailure::RootsReplaced,
            SyncError::SessionEnded => SyncFailure::SessionEnded,
            // Mapped to `ReconnectError::Closed` before it gets here; kept total so a
            // new path cannot panic.
            SyncError::StoreClosed => SyncFailure::SessionEnded,
            SyncError::Crypto(_) => SyncFailure::Crypto,
        }
    }
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
            Error::Sync(SyncError::StoreClosed) => ReconnectError::Closed,
            Error::Sync(sync) => ReconnectError::Sync {
                reason: sync.into(),
                detail,
            },
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

    #[test]
    fn sync_errors_keep_their_reason_and_a_closed_store_is_closed() {
        let err = ReconnectError::from(Error::Sync(SyncError::Malformed("a hello".into())));
        match err {
            ReconnectError::Sync { reason, detail } => {
                assert_eq!(reason, SyncFailure::Malformed);
                assert_eq!(detail, "a malformed frame: a hello");
            }
            other => panic!("expected Sync, got {other:?}"),
        }
        let too_large = SyncError::FrameTooLarge {
            announced: 9,
            max: 8,
        };
        assert!(matches!(
            ReconnectError::from(Error::Sync(too_large)),
            ReconnectError::Sync {
                reason: SyncFailure::FrameTooLarge {
                    announced: 9,
                    max: 8
                },
                ..
            }
        ));
        assert!(matches!(
            ReconnectError::from(Error::Sync(SyncError::StoreClosed)),
            ReconnectError::Closed
        ));
    }
}
