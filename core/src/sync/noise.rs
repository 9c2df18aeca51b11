//! The Noise layer (the `snow` crate): the two handshake patterns, building each side,
//! and the transport channel after the handshake. Every snow error becomes a typed
//! [`SyncError`]; nothing here panics on what the peer sends.
//!
//! - Sync sessions to a chosen paired device: `Noise_IK_25519_ChaChaPoly_BLAKE2s`. The
//!   initiator already holds the responder's pinned key, so its first message can carry
//!   its opening sync message, readable only by that device; the responder checks the
//!   initiator's key (revealed, encrypted, in that message) is pinned before reading it.
//! - Sync sessions to whichever paired device answers: `Noise_XX_25519_ChaChaPoly_BLAKE2s`.
//!   Both static keys travel encrypted; each side checks the other's key is pinned.
//! - Pairing: `Noise_XXpsk3_25519_ChaChaPoly_BLAKE2s`, the pre-shared key derived from
//!   the one-time code, so the third message (and everything after) proves the joiner
//!   knew the code, and the offering side's answer proves it did too.

use super::error::SyncError;
use super::frame;
use super::limits::{NOISE_MAX_MESSAGE_BYTES, NOISE_TAG_BYTES};

const SESSION_PATTERN: &str = "Noise_XX_25519_ChaChaPoly_BLAKE2s";
const KNOWN_PEER_PATTERN: &str = "Noise_IK_25519_ChaChaPoly_BLAKE2s";
const PAIRING_PATTERN: &str = "Noise_XXpsk3_25519_ChaChaPoly_BLAKE2s";
const SESSION_PROLOGUE: &[u8] = b"reconnect sync v2";
const PAIRING_PROLOGUE: &[u8] = b"reconnect pairing v1";

/// Which side of the handshake this device plays: the initiator sends first (whoever
/// opened the connection, by convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Initiator,
    Responder,
}

/// What the handshake is for.
pub(crate) enum Purpose<'a> {
    /// A sync session with whichever paired device answers (XX).
    Sync,
    /// A sync session with a known device: the initiator holds `remote`, the responder's
    /// pinned key; the responder builds it without one (IK).
    SyncKnown {
        remote: Option<&'a [u8]>,
    },
    Pairing {
        psk: &'a [u8; 32],
    },
}

fn crypto(err: snow::Error) -> SyncError {
    SyncError::Crypto(format!("{err:?}"))
}

/// What a snow error on the peer's input means.
fn peer_error(err: snow::Error) -> SyncError {
    match err {
        snow::Error::Decrypt => SyncError::Decrypt,
        snow::Error::Input | snow::Error::Dh => {
            SyncError::Malformed("a handshake or transport message".into())
        }
        other => SyncError::Protocol(format!("{other:?}")),
    }
}

/// A handshake in progress.
pub(crate) struct Handshake {
    state: snow::HandshakeState,
}

impl Handshake {
    pub(crate) fn new(
        purpose: Purpose<'_>,
        role: Role,
        private_key: &[u8],
    ) -> Result<Self, SyncError> {
        let (pattern, prologue) = match purpose {
            Purpose::Sync => (SESSION_PATTERN, SESSION_PROLOGUE),
            Purpose::SyncKnown { .. } => (KNOWN_PEER_PATTERN, SESSION_PROLOGUE),
            Purpose::Pairing { .. } => (PAIRING_PATTERN, PAIRING_PROLOGUE),
        };
        let params: snow::params::NoiseParams = pattern.parse().map_err(crypto)?;
        let mut builder = snow::Builder::new(params)
            .local_private_key(private_key)
            .map_err(crypto)?
            .prologue(prologue)
            .map_err(crypto)?;
        match purpose {
            Purpose::Pairing { psk } => builder = builder.psk(3, psk).map_err(crypto)?,
            Purpose::SyncKnown {
                remote: Some(remote),
            } => builder = builder.remote_public_key(remote).map_err(crypto)?,
            Purpose::Sync | Purpose::SyncKnown { remote: None } => {}
        }
        let state = match role {
            Role::Initiator => builder.build_initiator(),
            Role::Responder => builder.build_responder(),
        }
        .map_err(crypto)?;
        Ok(Self { state })
    }

    /// The next handshake message carrying `payload`, as a frame.
    pub(crate) fn write(&mut self, payload: &[u8]) -> Result<Vec<u8>, SyncError> {
        self.write_message(payload)
            .map(|message| frame::handshake(&message))
    }

    /// The first message of an IK handshake carrying `payload`, as a frame of its own
    /// kind.
    pub(crate) fn write_known_opening(&mut self, payload: &[u8]) -> Result<Vec<u8>, SyncError> {
        self.write_message(payload)
            .map(|message| frame::known_opening(&message))
    }

    fn write_message(&mut self, payload: &[u8]) -> Result<Vec<u8>, SyncError> {
        let mut message = vec![0u8; NOISE_MAX_MESSAGE_BYTES];
        let len = self
            .state
            .write_message(payload, &mut message)
            .map_err(crypto)?;
        message.truncate(len);
        Ok(message)
    }

    /// Reads the peer's handshake message; returns its payload.
    pub(crate) fn read(&mut self, message: &[u8]) -> Result<Vec<u8>, SyncError> {
        if message.len() > NOISE_MAX_MESSAGE_BYTES {
            return Err(SyncError::Malformed(
                "an oversized handshake message".into(),
            ));
        }
        let mut payload = vec![0u8; message.len()];
        let len = self
            .state
            .read_message(message, &mut payload)
            .map_err(peer_error)?;
        payload.truncate(len);
        Ok(payload)
    }

    /// Reads a handshake message that must carry no payload.
    pub(crate) fn read_empty(&mut self, message: &[u8]) -> Result<(), SyncError> {
        if self.read(message)?.is_empty() {
            Ok(())
        } else {
            Err(SyncError::Malformed(
                "a handshake message with a payload".into(),
            ))
        }
    }

    /// The peer's static public key, once the handshake revealed it.
    pub(crate) fn remote_static(&self) -> Option<Vec<u8>> {
        self.state.get_remote_static().map(<[u8]>::to_vec)
    }

    pub(crate) fn finish(self) -> Result<Channel, SyncError> {
        if !self.state.is_handshake_finished() {
            return Err(SyncError::Protocol("the handshake is not finished".into()));
        }
        let transport = self.state.into_transport_mode().map_err(crypto)?;
        Ok(Channel { transport })
    }
}

/// The encrypted channel after the handshake. Each message has its own nonce, so a
/// replayed, dropped, reordered or altered message fails authentication.
pub(crate) struct Channel {
    transport: snow::TransportState,
}

impl Channel {
    /// Encrypts one payload (at most one Noise message) into a frame.
    pub(crate) fn seal(&mut self, payload: &[u8]) -> Result<Vec<u8>, SyncError> {
        let mut message = vec![0u8; payload.len() + NOISE_TAG_BYTES];
        let len = self
            .transport
            .write_message(payload, &mut message)
            .map_err(crypto)?;
        Ok(frame::transport(&message[..len]))
    }

    /// Decrypts one transport message from the peer.
    pub(crate) fn open(&mut self, message: &[u8]) -> Result<Vec<u8>, SyncError> {
        if message.len() > NOISE_MAX_MESSAGE_BYTES {
            return Err(SyncError::Malformed(
                "an oversized transport message".into(),
            ));
        }
        if message.len() < NOISE_TAG_BYTES {
            return Err(SyncError::Decrypt);
        }
        let mut payload = vec![0u8; message.len() - NOISE_TAG_BYTES];
        let len = self
            .transport
            .read_message(message, &mut payload)
            .map_err(peer_error)?;
        payload.truncate(len);
        Ok(payload)
    }
}
