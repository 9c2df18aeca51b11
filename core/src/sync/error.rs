//! Every way pairing or a sync session can fail, each named so shells can say what
//! happened. A failed session changed nothing that was not already durable, and the
//! session is over; the app and its store go on.

/// What went wrong in pairing or in a sync session.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The joining device used another code than the one shown; the offer is now spent.
    #[error("the pairing code did not match; show a new code and try again")]
    WrongCode,
    #[error("that pairing code has expired; show a new one")]
    OfferExpired,
    #[error("that pairing code was already used; show a new one")]
    OfferUsed,
    /// The code given to the offering side is not one it showed.
    #[error("this device did not show that pairing code")]
    UnknownOffer,
    /// The other device's key is not pinned here: it was never paired.
    #[error("the other device is not paired with this one")]
    UnknownPeer,
    #[error("the other device was removed from this one's paired devices")]
    RevokedPeer,
    /// The other device refused us: it does not know this device, or revoked it.
    #[error("the other device does not recognise this one; pair them again")]
    RefusedByPeer,
    /// The device that answered a QR pairing code is not the one the code names.
    #[error("the device that answered is not the one that showed the code")]
    WrongDevice,
    /// The other device ended the session because of an error on its side.
    #[error("the other device ended the session")]
    PeerAborted,
    /// A frame header announced more than a frame may hold; nothing was allocated.
    #[error("a frame announced {announced} bytes, more than the {max} allowed")]
    FrameTooLarge { announced: u64, max: u64 },
    #[error("a sync message grew past {max} bytes")]
    MessageTooLarge { max: u64 },
    /// The session went past its total of bytes, frames or rounds.
    #[error("the session went past its limit of {what}")]
    SessionTooLarge { what: String },
    #[error("a malformed frame: {0}")]
    Malformed(String),
    /// A frame failed authentication: tampered with, replayed, reordered or forged.
    #[error("a frame could not be authenticated (tampered, replayed or out of order)")]
    Decrypt,
    #[error("the other device broke the protocol: {0}")]
    Protocol(String),
    /// The other device's changes would replace or duplicate the document's root maps;
    /// the document was reloaded from disk.
    #[error("the other device's changes would replace the document's root maps")]
    RootsReplaced,
    #[error("this session has already ended")]
    SessionEnded,
    #[error("the store was closed")]
    StoreClosed,
    /// Setting up the local cryptography failed (not the peer's doing).
    #[error("the secure channel could not be set up: {0}")]
    Crypto(String),
}

/// Why a session was aborted, as told to the peer in a closing frame: one byte, and
/// only what the peer may act on.
pub(crate) mod abort {
    use super::SyncError;

    pub(crate) const FAILED: u8 = 0;
    const WRONG_CODE: u8 = 1;
    const OFFER_EXPIRED: u8 = 2;
    const OFFER_USED: u8 = 3;
    const NOT_PAIRED: u8 = 4;

    /// What to tell the peer about our error, or `None` when the error came from the
    /// peer's own abort (never echoed back).
    pub(crate) fn code(err: &SyncError) -> Option<u8> {
        Some(match err {
            SyncError::WrongCode => WRONG_CODE,
            SyncError::OfferExpired => OFFER_EXPIRED,
            SyncError::OfferUsed => OFFER_USED,
            SyncError::UnknownPeer | SyncError::RevokedPeer => NOT_PAIRED,
            SyncError::RefusedByPeer | SyncError::PeerAborted => return None,
            _ => FAILED,
        })
    }

    /// The error the peer's abort code stands for here.
    pub(crate) fn error(code: u8) -> SyncError {
        match code {
            WRONG_CODE => SyncError::WrongCode,
            OFFER_EXPIRED => SyncError::OfferExpired,
            OFFER_USED => SyncError::OfferUsed,
            NOT_PAIRED => SyncError::RefusedByPeer,
            _ => SyncError::PeerAborted,
        }
    }
}
