//! The bounds every pairing and sync session enforces, so a misbehaving peer can end
//! its own session but never crash the app or grow its memory without bound.

/// A frame starts with its length: 4 bytes, big-endian.
pub const FRAME_HEADER_BYTES: usize = 4;
/// Noise's own limit on one message, authentication tag included.
pub const NOISE_MAX_MESSAGE_BYTES: usize = 65_535;
/// The Noise (ChaChaPoly) authentication tag on every encrypted message.
pub const NOISE_TAG_BYTES: usize = 16;
/// The largest length a frame may announce: its kind byte plus one Noise message.
/// Checked on the 4-byte header, before anything is allocated for the body.
pub const MAX_FRAME_BYTES: usize = 1 + NOISE_MAX_MESSAGE_BYTES;
/// The most of an Automerge sync message one encrypted frame carries (one byte of the
/// Noise payload is the inner message type).
pub const MAX_PART_BYTES: usize = NOISE_MAX_MESSAGE_BYTES - NOISE_TAG_BYTES - 1;
/// What the first message of an IK handshake spends besides its payload: the ephemeral
/// key, the encrypted static key and the payload's tag.
pub const IK_OPENING_OVERHEAD_BYTES: usize = 32 + (32 + NOISE_TAG_BYTES) + NOISE_TAG_BYTES;
/// The largest opening sync message, the one a session's first message may carry (it
/// must fit the IK handshake's first message, after its inner type byte and counter).
pub const MAX_OPENING_BYTES: usize = NOISE_MAX_MESSAGE_BYTES - IK_OPENING_OVERHEAD_BYTES - 9;
/// The largest Automerge sync message reassembled from parts (64 MiB).
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;
/// The most bytes one session accepts from its peer, headers included (256 MiB).
pub const MAX_SESSION_BYTES: u64 = 256 << 20;
/// The most frames one session accepts from its peer.
pub const MAX_SESSION_FRAMES: u64 = 16_384;
/// The most inner messages (sync messages, done) one session accepts: a sync normally
/// settles in two or three.
pub const MAX_ROUNDS: u32 = 128;
/// The longest device name exchanged at pairing, in bytes of UTF-8.
pub const MAX_NAME_BYTES: usize = 256;
/// Frames a pairing session accepts in all (its handshake and one hello).
pub const MAX_PAIRING_FRAMES: u64 = 4;

/// The per-session bounds a sync session enforces; [`Limits::default`] is what the app
/// uses. The frame size is not here: it is fixed by Noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_message_bytes: usize,
    pub max_session_bytes: u64,
    pub max_session_frames: u64,
    pub max_rounds: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_bytes: MAX_MESSAGE_BYTES,
            max_session_bytes: MAX_SESSION_BYTES,
            max_session_frames: MAX_SESSION_FRAMES,
            max_rounds: MAX_ROUNDS,
        }
    }
}
