//! Pairing, sans-I/O: the offering device (responder) showed a one-time code; the
//! joining device (initiator) runs `Noise_XXpsk3` with a key derived from it.
//!
//! ```text
//! joiner (initiator)                       offering device (responder)
//!   start → handshake 1 (e)          →     offer still live? answer
//!                                    ←     handshake 2 (e, ee, s, es)
//!   [QR: answering key's id matches?]
//!   handshake 3 (s, se, psk) + hello →     spend the offer, then check the code:
//!                                          wrong → WrongCode (offer burned), abort frame
//!                                          right → pin the joiner, answer
//!   pin the offering device, done    ←     hello (encrypted), done
//! ```
//! A hello is the device's id (which must be the one its static key derives) and name.

use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Weak};

use super::code::{Invitation, PairingCode};
use super::error::SyncError;
use super::frame::{self, Frame};
use super::limits::MAX_PAIRING_FRAMES;
use super::message::{self, Hello, Inner};
use super::noise::{Channel, Handshake, Purpose, Role};
use super::{Failure, Step, closing_frame, guarded};
use crate::app::Reconnect;
use crate::error::Result;
use crate::store::{Peer, device_id_for};

/// How long a pairing offer lives unless the caller says otherwise.
pub const OFFER_TTL: Duration = Duration::minutes(10);
/// The longest a pairing offer may live.
pub const MAX_OFFER_TTL: Duration = Duration::minutes(60);

/// A one-time pairing offer to show the user: the code to read out or type, and the
/// same code as a QR-ready string naming this device.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PairingOffer {
    /// `XXXXX-XXXXX`: 10 Crockford base-32 characters, 50 random bits.
    pub code: String,
    /// `reconnect-pair:1:<device id>:<code without dash>`.
    pub qr: String,
    /// The offering device's id.
    pub device_id: String,
    pub expires_at: DateTime<Utc>,
}

pub(crate) fn offer(
    code: &PairingCode,
    device_id: String,
    expires_at: DateTime<Utc>,
) -> PairingOffer {
    PairingOffer {
        code: code.display(),
        qr: code.qr(&device_id),
        device_id,
        expires_at,
    }
}

enum Phase {
    /// Initiator, before `start`.
    Ready(Handshake),
    /// Responder, waiting for handshake message 1.
    AwaitFirst(Handshake),
    /// Initiator, waiting for message 2.
    AwaitSecond(Handshake),
    /// Responder, waiting for message 3 (the one that proves the code).
    AwaitThird(Handshake),
    /// Initiator, waiting for the offering device's hello.
    AwaitHello(Channel, Vec<u8>),
    Done,
    Failed,
}

/// One pairing attempt. Feed it the peer's frames; send what it returns.
pub struct PairingSession {
    app: Weak<Reconnect>,
    role: Role,
    code: PairingCode,
    expected_device: Option<String>,
    me: Hello,
    my_public: Vec<u8>,
    phase: Phase,
    peer: Option<Peer>,
    frames_received: u64,
    closing: Option<Vec<u8>>,
}

impl std::fmt::Debug for PairingSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PairingSession")
            .field("role", &self.role)
            .field("peer", &self.peer)
            .finish_non_exhaustive()
    }
}

impl PairingSession {
    pub(crate) fn new(app: &Arc<Reconnect>, role: Role, invitation: Invitation) -> Result<Self> {
        let keys = app.sync_keys()?;
        let psk = invitation.code.psk();
        let handshake = Handshake::new(Purpose::Pairing { psk: &psk }, role, keys.private())?;
        let phase = match role {
            Role::Initiator => Phase::Ready(handshake),
            Role::Responder => Phase::AwaitFirst(handshake),
        };
        Ok(Self {
            app: Arc::downgrade(app),
            role,
            code: invitation.code,
            expected_device: invitation.device_id,
            me: Hello {
                device_id: keys.device_id(),
                name: app.device_name().to_string(),
            },
            my_public: keys.public().to_vec(),
            phase,
            peer: None,
            frames_received: 0,
            closing: None,
        })
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The frames to send first: handshake message 1 for the joining device, nothing
    /// for the offering device (it answers).
    pub fn start(&mut self) -> Result<Vec<Vec<u8>>> {
        match std::mem::replace(&mut self.phase, Phase::Failed) {
            Phase::Ready(mut handshake) => {
                let first = handshake.write(&[]);
                self.phase = Phase::AwaitSecond(handshake);
                let first = first.map_err(|err| self.fail(err.into()))?;
                Ok(vec![first])
            }
            phase @ Phase::AwaitFirst(_) => {
                self.phase = phase;
                Ok(Vec::new())
            }
            phase => {
                let ended = matches!(phase, Phase::Done | Phase::Failed);
                self.phase = phase;
                Err(super::cannot_start(ended))
            }
        }
    }

    /// Takes one frame from the peer. On an error the session is over; send
    /// [`PairingSession::closing_frame`] if there is one, then close.
    pub fn receive(&mut self, frame: &[u8]) -> Result<Step> {
        if matches!(self.phase, Phase::Done | Phase::Failed) {
            return Err(SyncError::SessionEnded.into());
        }
        match guarded(|| self.step(frame)) {
            Ok(step) => Ok(step),
            Err(failure) => {
                self.phase = Phase::Failed;
                if failure.tell_peer {
                    self.closing = closing_frame(&failure.error);
                }
                Err(failure.error)
            }
        }
    }

    /// After a failed `receive` (or `start`): one frame telling the peer why, to send
    /// best-effort before closing the connection.
    pub fn closing_frame(&mut self) -> Option<Vec<u8>> {
        self.closing.take()
    }

    pub fn is_done(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// The device paired with, once the pairing succeeded.
    pub fn peer(&self) -> Option<&Peer> {
        self.peer.as_ref()
    }

    fn fail(&mut self, error: crate::Error) -> crate::Error {
        self.phase = Phase::Failed;
        self.closing = closing_frame(&error);
        error
    }

    fn step(&mut self, bytes: &[u8]) -> std::result::Result<Step, Failure> {
        self.frames_received += 1;
        if self.frames_received > MAX_PAIRING_FRAMES {
            return Err(SyncError::SessionTooLarge {
                what: format!("{MAX_PAIRING_FRAMES} pairing frames"),
            }
            .into());
        }
        let app = self.app.upgrade().ok_or(SyncError::StoreClosed)?;
        let frame = frame::parse(bytes)?;
        if let Frame::Abort(code) = frame {
            return Err(Failure::from_peer(code));
        }
        // Message 3 is the joiner's one attempt: the offer is spent before it is read.
        if matches!(self.phase, Phase::AwaitThird(_)) {
            app.pairing_claim_offer(&self.code)?;
        }
        match (std::mem::replace(&mut self.phase, Phase::Failed), frame) {
            (Phase::AwaitFirst(mut handshake), Frame::Handshake(message)) => {
                app.pairing_check_offer(&self.code)?;
                handshake.read_empty(message)?;
                let second = handshake.write(&[])?;
                self.phase = Phase::AwaitThird(handshake);
                Ok(Step::send(vec![second]))
            }
            (Phase::AwaitSecond(mut handshake), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let remote = self.remote_key(&handshake)?;
                if let Some(expected) = &self.expected_device
                    && device_id_for(&remote) != *expected
                {
                    return Err(SyncError::WrongDevice.into());
                }
                let third = handshake.write(&self.me.encode())?;
                self.phase = Phase::AwaitHello(handshake.finish()?, remote);
                Ok(Step::send(vec![third]))
            }
            (Phase::AwaitThird(mut handshake), Frame::Handshake(message)) => {
                let payload = handshake.read(message).map_err(|err| match err {
                    SyncError::Decrypt => SyncError::WrongCode,
                    other => other,
                })?;
                let remote = self.remote_key(&handshake)?;
                let hello = hello_from(&payload, &remote)?;
                let mut channel = handshake.finish()?;
                let reply = channel.seal(&self.me.encode())?;
                self.peer = Some(app.pairing_pin(remote, hello)?);
                self.phase = Phase::Done;
                Ok(Step::finish(vec![reply]))
            }
            (Phase::AwaitHello(mut channel, remote), Frame::Transport(message)) => {
                let hello = hello_from(&channel.open(message)?, &remote)?;
                self.peer = Some(app.pairing_pin(remote, hello)?);
                self.phase = Phase::Done;
                Ok(Step::finish(Vec::new()))
            }
            (Phase::Ready(_), _) => {
                Err(SyncError::Protocol("a frame before the session was started".into()).into())
            }
            _ => Err(SyncError::Protocol("a frame out of turn".into()).into()),
        }
    }

    fn remote_key(&self, handshake: &Handshake) -> std::result::Result<Vec<u8>, SyncError> {
        let remote = handshake
            .remote_static()
            .ok_or_else(|| SyncError::Protocol("the handshake revealed no key".into()))?;
        if remote == self.my_public {
            return Err(SyncError::Protocol(
                "a device cannot pair with itself".into(),
            ));
        }
        Ok(remote)
    }
}

/// The peer's hello, whose id must be the one its static key derives.
fn hello_from(payload: &[u8], remote: &[u8]) -> std::result::Result<Hello, SyncError> {
    match message::parse(payload)? {
        Inner::Hello(hello) if hello.device_id == device_id_for(remote) => Ok(hello),
        Inner::Hello(_) => Err(SyncError::Protocol(
            "the device id does not belong to the device's key".into(),
        )),
        _ => Err(SyncError::Protocol("expected a hello".into())),
    }
}
