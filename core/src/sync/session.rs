//! A sync session between two paired devices, sans-I/O.
//!
//! ```text
//! initiator                                   responder
//!   start → handshake 1 (e)             →
//!                                       ←     handshake 2 (e, ee, s, es)
//!   responder's key pinned, not revoked?
//!   handshake 3 (s, se) + first turn    →     initiator's key pinned, not revoked?
//!                                       ←     turn
//!   turn                                →     …
//! ```
//! Turns alternate. A turn is one inner message: an Automerge sync message (cut into
//! parts that fit a Noise message), `idle` (nothing to send) or `done`. A side that
//! receives `idle` and has nothing to send answers `done`, and the session is over on
//! both sides. Each received sync message is applied, its root maps checked, and the
//! document's changes and the peer's sync state made durable in one transaction, and
//! listeners told, before the reply is produced. Bytes, frames, rounds and each
//! reassembled message are bounded ([`Limits`]); any failure ends the session with a
//! typed error and leaves what was durable before it.

use automerge::sync::State as SyncState;
use std::sync::{Arc, Weak};

use super::error::SyncError;
use super::frame::{self, Frame};
use super::limits::Limits;
use super::message::{self, Inner};
use super::noise::{Channel, Handshake, Purpose, Role};
use super::{Failure, Step, closing_frame, guarded};
use crate::app::Reconnect;
use crate::error::Result;
use crate::store::Peer;

/// What a session has moved so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionStats {
    pub frames_sent: u64,
    pub bytes_sent: u64,
    pub frames_received: u64,
    pub bytes_received: u64,
    /// Inner messages received (sync messages, idles, done).
    pub rounds: u32,
}

/// The channel once both keys were checked.
struct Open {
    channel: Channel,
    peer: Peer,
    state: SyncState,
    /// Parts of the sync message being received.
    incoming: Vec<u8>,
    last_sent_idle: bool,
}

enum Phase {
    Ready(Handshake),
    AwaitFirst(Handshake),
    AwaitSecond(Handshake),
    AwaitThird(Handshake),
    Open(Box<Open>),
    Done,
    Failed,
}

/// One sync session with a paired device. Holds the store weakly: it takes the
/// facade's lock only inside `start`/`receive`, and fails with
/// [`SyncError::StoreClosed`] once the store was closed.
pub struct SyncSession {
    app: Weak<Reconnect>,
    role: Role,
    limits: Limits,
    phase: Phase,
    stats: SessionStats,
    peer: Option<Peer>,
    closing: Option<Vec<u8>>,
}

impl std::fmt::Debug for SyncSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncSession")
            .field("role", &self.role)
            .field("peer", &self.peer.as_ref().map(|p| &p.device_id))
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

impl SyncSession {
    pub(crate) fn new(app: &Arc<Reconnect>, role: Role, limits: Limits) -> Result<Self> {
        let keys = app.sync_keys()?;
        let handshake = Handshake::new(Purpose::Sync, role, keys.private())?;
        Ok(Self {
            app: Arc::downgrade(app),
            role,
            limits,
            phase: match role {
                Role::Initiator => Phase::Ready(handshake),
                Role::Responder => Phase::AwaitFirst(handshake),
            },
            stats: SessionStats::default(),
            peer: None,
            closing: None,
        })
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The frames to send first: handshake message 1 for the initiator, nothing for the
    /// responder.
    pub fn start(&mut self) -> Result<Vec<Vec<u8>>> {
        match std::mem::replace(&mut self.phase, Phase::Failed) {
            Phase::Ready(mut handshake) => match handshake.write(&[]) {
                Ok(first) => {
                    self.phase = Phase::AwaitSecond(handshake);
                    Ok(self.count_sent(vec![first]))
                }
                Err(err) => Err(err.into()),
            },
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

    /// Takes one frame from the peer and returns what to send back. On an error the
    /// session is over: send [`SyncSession::closing_frame`] if there is one, then close.
    pub fn receive(&mut self, frame: &[u8]) -> Result<Step> {
        if matches!(self.phase, Phase::Done | Phase::Failed) {
            return Err(SyncError::SessionEnded.into());
        }
        match guarded(|| self.step(frame)) {
            Ok(step) => {
                let outgoing = self.count_sent(step.outgoing);
                Ok(Step { outgoing, ..step })
            }
            Err(failure) => {
                self.phase = Phase::Failed;
                if failure.tell_peer {
                    self.closing = closing_frame(&failure.error);
                }
                Err(failure.error)
            }
        }
    }

    /// After a failed `receive`: one frame telling the peer why, to send best-effort
    /// before closing the connection.
    pub fn closing_frame(&mut self) -> Option<Vec<u8>> {
        self.closing.take()
    }

    pub fn is_done(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// The paired device on the other end, once the handshake identified it.
    pub fn peer(&self) -> Option<&Peer> {
        self.peer.as_ref()
    }

    pub fn stats(&self) -> SessionStats {
        self.stats
    }

    fn count_sent(&mut self, frames: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
        self.stats.frames_sent += frames.len() as u64;
        self.stats.bytes_sent += frames.iter().map(|f| f.len() as u64).sum::<u64>();
        frames
    }

    /// Counts a received frame against the session's totals, before looking inside it.
    fn admit(&mut self, frame: &[u8]) -> std::result::Result<(), SyncError> {
        let frames = self.stats.frames_received + 1;
        let bytes = self.stats.bytes_received.saturating_add(frame.len() as u64);
        if frames > self.limits.max_session_frames {
            return Err(SyncError::SessionTooLarge {
                what: format!("{} frames", self.limits.max_session_frames),
            });
        }
        if bytes > self.limits.max_session_bytes {
            return Err(SyncError::SessionTooLarge {
                what: format!("{} bytes", self.limits.max_session_bytes),
            });
        }
        self.stats.frames_received = frames;
        self.stats.bytes_received = bytes;
        Ok(())
    }

    fn step(&mut self, bytes: &[u8]) -> std::result::Result<Step, Failure> {
        self.admit(bytes)?;
        let frame = frame::parse(bytes)?;
        if let Frame::Abort(code) = frame {
            return Err(Failure::from_peer(code));
        }
        let app = self.app.upgrade().ok_or(SyncError::StoreClosed)?;
        match (std::mem::replace(&mut self.phase, Phase::Failed), frame) {
            (Phase::AwaitFirst(mut handshake), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let second = handshake.write(&[])?;
                self.phase = Phase::AwaitThird(handshake);
                Ok(Step::send(vec![second]))
            }
            (Phase::AwaitSecond(mut handshake), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let peer = trusted(&app, &handshake)?;
                let third = handshake.write(&[])?;
                let mut open = self.open(&app, handshake, peer)?;
                let mut outgoing = vec![third];
                let step = take_turn(&app, &mut open, false)?;
                outgoing.extend(step.outgoing);
                self.phase = Phase::Open(open);
                Ok(Step::send(outgoing))
            }
            (Phase::AwaitThird(mut handshake), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let peer = trusted(&app, &handshake)?;
                self.phase = Phase::Open(self.open(&app, handshake, peer)?);
                Ok(Step::default())
            }
            (Phase::Open(mut open), Frame::Transport(message)) => {
                let payload = open.channel.open(message)?;
                let step = self.on_message(&app, &mut open, &payload)?;
                if !step.done {
                    self.phase = Phase::Open(open);
                } else {
                    self.phase = Phase::Done;
                }
                Ok(step)
            }
            (Phase::Ready(_), _) => {
                Err(SyncError::Protocol("a frame before the session was started".into()).into())
            }
            _ => Err(SyncError::Protocol("a frame out of turn".into()).into()),
        }
    }

    fn open(
        &mut self,
        app: &Reconnect,
        handshake: Handshake,
        peer: Peer,
    ) -> std::result::Result<Box<Open>, Failure> {
        let state = app.sync_load_state(&peer)?;
        self.peer = Some(peer.clone());
        Ok(Box::new(Open {
            channel: handshake.finish()?,
            peer,
            state,
            incoming: Vec::new(),
            last_sent_idle: false,
        }))
    }

    fn on_message(
        &mut self,
        app: &Reconnect,
        open: &mut Open,
        payload: &[u8],
    ) -> std::result::Result<Step, Failure> {
        let inner = message::parse(payload)?;
        if let Inner::Part(part) | Inner::Last(part) = inner {
            let max = self.limits.max_message_bytes;
            if open.incoming.len().saturating_add(part.len()) > max {
                return Err(SyncError::MessageTooLarge { max: max as u64 }.into());
            }
            open.incoming.extend_from_slice(part);
        } else if !open.incoming.is_empty() {
            return Err(SyncError::Protocol("a message ended without its last part".into()).into());
        }
        if matches!(inner, Inner::Part(_)) {
            return Ok(Step::default());
        }
        self.stats.rounds += 1;
        if self.stats.rounds > self.limits.max_rounds {
            return Err(SyncError::SessionTooLarge {
                what: format!("{} rounds", self.limits.max_rounds),
            }
            .into());
        }
        match inner {
            Inner::Last(_) => {
                let received = std::mem::take(&mut open.incoming);
                let changed = app.sync_apply(&open.peer, &mut open.state, &received)?;
                let step = take_turn(app, open, false)?;
                Ok(Step { changed, ..step })
            }
            Inner::Idle => take_turn(app, open, true),
            Inner::Done if open.last_sent_idle => Ok(Step::finish(Vec::new())),
            Inner::Done => Err(SyncError::Protocol("done while a reply was due".into()).into()),
            Inner::Part(_) | Inner::Hello(_) => {
                Err(SyncError::Protocol("an unexpected message".into()).into())
            }
        }
    }
}

/// Our turn: the next sync message, or `idle`, or `done` when the peer was idle too.
fn take_turn(
    app: &Reconnect,
    open: &mut Open,
    peer_was_idle: bool,
) -> std::result::Result<Step, Failure> {
    match app.sync_generate(&mut open.state)? {
        Some(bytes) => {
            open.last_sent_idle = false;
            let frames = message::sync_payloads(&bytes)
                .iter()
                .map(|payload| open.channel.seal(payload))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok(Step::send(frames))
        }
        None if peer_was_idle => Ok(Step::finish(vec![open.channel.seal(&message::done())?])),
        None => {
            open.last_sent_idle = true;
            Ok(Step::send(vec![open.channel.seal(&message::idle())?]))
        }
    }
}

/// The peer the handshake revealed, if it is pinned and not revoked.
fn trusted(app: &Reconnect, handshake: &Handshake) -> std::result::Result<Peer, Failure> {
    let remote = handshake
        .remote_static()
        .ok_or_else(|| SyncError::Protocol("the handshake revealed no key".into()))?;
    Ok(app.sync_trusted_peer(&remote)?)
}
