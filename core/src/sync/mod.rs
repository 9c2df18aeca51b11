//! Sync between the user's devices, sans-I/O: the core consumes and produces byte
//! frames and never opens a socket; shells move the frames over whatever transport
//! they have (and put their own timeouts on it).
//!
//! - [`pairing`]: a one-time code shown on one device, proven in a `Noise_XXpsk3`
//!   handshake by the other; both pin each other's static key, id and name.
//! - [`session`]: `Noise_IK` to a named pinned device (its news in the first flight) or
//!   `Noise_XX` to whichever pinned device answers, then Automerge sync messages, each
//!   received round applied, checked and made durable before the reply is produced.
//! - [`frame`] (the wire), `message` (inside the channel), `noise`, [`code`]
//!   (pairing codes), [`limits`], [`error`].
//!
//! Driving a session: the initiator sends what `start()` returns; then each side hands
//! every frame it receives to `receive()` and sends the [`Step::outgoing`] frames, until
//! [`Step::done`]. On an error the session is over: send its `closing_frame()` if there
//! is one, then close the connection.

pub mod code;
pub mod error;
pub mod frame;
pub mod limits;
pub(crate) mod message;
pub(crate) mod noise;
pub mod pairing;
pub mod qr;
pub mod session;

#[cfg(test)]
mod tests;

pub use crate::store::{Peer, StaticKeys, device_id_for};
pub use error::SyncError;
pub use frame::{FrameDecoder, announced_len};
pub use limits::Limits;
pub use noise::Role;
pub use pairing::{PairingOffer, PairingSession};
pub use session::{SessionStats, SyncSession};

use crate::error::Error;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What one received frame produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// Frames to send to the peer, in order.
    pub outgoing: Vec<Vec<u8>>,
    /// The session is over (after sending `outgoing`); close the connection.
    pub done: bool,
    /// The peer's changes reached the document (durably; listeners were told).
    pub changed: bool,
}

impl Step {
    pub(crate) fn send(outgoing: Vec<Vec<u8>>) -> Self {
        Step {
            outgoing,
            ..Step::default()
        }
    }

    pub(crate) fn finish(outgoing: Vec<Vec<u8>>) -> Self {
        Step {
            outgoing,
            done: true,
            changed: false,
        }
    }
}

/// A session's failure, and whether the peer should be told (not when the peer itself
/// aborted).
pub(crate) struct Failure {
    pub error: Error,
    pub tell_peer: bool,
}

impl Failure {
    /// The peer sent an abort frame with `code`.
    pub(crate) fn from_peer(code: u8) -> Self {
        Failure {
            error: error::abort::error(code).into(),
            tell_peer: false,
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            tell_peer: true,
        }
    }
}

impl From<SyncError> for Failure {
    fn from(error: SyncError) -> Self {
        Error::Sync(error).into()
    }
}

/// Why `start` was refused: the session is over, or it had already started.
pub(crate) fn cannot_start(ended: bool) -> Error {
    if ended {
        SyncError::SessionEnded.into()
    } else {
        SyncError::Protocol("the session was already started".into()).into()
    }
}

/// The abort frame that tells the peer why we end the session.
pub(crate) fn closing_frame(error: &Error) -> Option<Vec<u8>> {
    match error {
        Error::Sync(err) => error::abort::code(err).map(frame::abort),
        _ => Some(frame::abort(error::abort::FAILED)),
    }
}

/// Runs one step of a session, turning a panic (a bug, never expected) into a failure
/// so the app goes on.
pub(crate) fn guarded<T>(step: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(step)).unwrap_or_else(|_| {
        Err(SyncError::Protocol("the session failed unexpectedly".into()).into())
    })
}
