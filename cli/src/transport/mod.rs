//! A small blocking TCP transport for pairing and sync sessions, on `std::net` alone.
//!
//! The core's sessions are sans-I/O: they take and give whole frames. Here a TCP
//! connection carries them, cut apart by the core's [`FrameDecoder`]. Every wait is
//! bounded: connecting, each read and each write (the `--timeout`, 30 seconds by
//! default), a whole session ([`SESSION_LIMIT`]), and waiting for a device to connect
//! (the caller's deadline). Memory is bounded too: one read buffer, and the decoder holds
//! at most one frame, whose announced size it checks before buffering it.
//!
//! - [`address`]: `HOST[:PORT]` as typed, resolved.
//! - [`listen`] and [`connect`]: how a connection is made; whoever connects is the
//!   sync initiator (pairing roles stay with the offering and joining sides).
//! - [`link`]: one framed connection with its timeouts and counts.
//! - [`drive`]: runs a session over a link; after a session error its closing frame is
//!   sent best-effort before the connection closes.
//!
//! [`FrameDecoder`]: reconnect_core::sync::FrameDecoder

pub mod address;
pub mod connect;
pub mod drive;
pub mod error;
pub mod link;
pub mod listen;

use std::time::Duration;

pub use error::TransportError;

/// The port both sides use unless told otherwise.
pub const DEFAULT_PORT: u16 = 47800;
/// Where a device waits unless told otherwise: this computer only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:47800";
/// How long one connect, read or write may wait on a silent peer by default.
pub const DEFAULT_IO_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a whole session may take, however slowly the peer trickles its bytes.
pub const SESSION_LIMIT: Duration = Duration::from_secs(10 * 60);

/// The bounds one connection lives by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Each connect attempt, read and write.
    pub io: Duration,
    /// The whole session, from the connection on.
    pub session: Duration,
}

impl Timeouts {
    pub fn with_io(io: Duration) -> Self {
        Timeouts {
            io,
            session: SESSION_LIMIT,
        }
    }
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts::with_io(DEFAULT_IO_TIMEOUT)
    }
}
