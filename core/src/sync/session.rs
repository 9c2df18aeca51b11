//! A sync session between two paired devices, sans-I/O.
//!
//! To a chosen device (`Noise_IK`: the initiator holds its pinned key):
//! ```text
//! initiator                                        responder
//!   opening: handshake 1 (e, es, s, ss)      →
//!            + opening sync message               initiator's key pinned, not revoked?
//!                                                 apply the opening (changes only)
//!                                          ←     handshake 2 (e, ee, se) + turn
//!   turn                                     →     …
//! ```
//! To whichever paired device answers (`Noise_XX`):
//! ```text
//!   handshake 1 (e)                          →
//!                                          ←     handshake 2 (e, ee, s, es)
//!   responder's key pinned, not revoked?
//!   handshake 3 (s, se) + opening sync message →   initiator's key pinned, not revoked?
//!                                          ←     turn
//!   turn                                     →     …
//! ```
//! Turns alternate. A turn is one inner message: an Automerge sync message (cut into
//! parts that fit a Noise message), marked final when both sides now hold the same
//! changes (the sender ends the session after it, the receiver after applying it), or
//! `done` when there is nothing to send. The opening message carries every change made
//! since the heads both last shared (when it fits in one Noise message), so one day's
//! news crosses in the first flight and a session to a known device settles in three
//! flights. Each received sync message is applied, its root maps checked, and the
//! document's changes and the peer's sync state made durable in one transaction, and
//! listeners told, before the reply is produced; bytes, frames, rounds and each
//! reassembled message are bounded ([`Limits`]); any failure ends the session with a
//! typed error and leaves what was durable before it.
//!
//! The IK opening is not bound to this session's fresh keys, so it could be a replay
//! of an earlier one. It carries a counter that rises with every opening to that
//! device (kept on both sides); an opening whose counter is not higher than any seen
//! before may be a replay: the responder takes nothing from it and answers only
//! `again`, asking for the sync message under the session's keys (a replayer cannot
//! go on, and learns nothing from an answer of fixed size made without touching the
//! document). A new opening's changes (authentic, from the pinned device, idempotent)
//! are applied, but the sync state it implies is saved only once the initiator speaks
//! again under the session's keys, and the responder never ends on its first turn.

use automerge::sync::State as SyncState;
use std::sync::{Arc, Weak};

use super::error::SyncError;
use super::frame::{self, Frame};
use super::limits::{Limits, MAX_OPENING_BYTES};
use super::message::{self, Inner, Opening};
use super::noise::{Channel, Handshake, Purpose, Role};
use super::{Failure, Step, closing_frame, guarded};
use crate::app::Reconnect;
use crate::error::Result;
use crate::store::{Peer, StaticKeys};

/// What a session has moved so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionStats {
    pub frames_sent: u64,
    pub bytes_sent: u64,
    pub frames_received: u64,
    pub bytes_received: u64,
    /// Inner messages received (sync messages, done), the IK opening included.
    pub rounds: u32,
}

/// The channel once both keys were checked.
struct Open {
    channel: Channel,
    peer: Peer,
    state: SyncState,
    /// Parts of the sync message being received.
    incoming: Vec<u8>,
    /// An IK initiator until the responder's first message: the opening sync message it
    /// sent (if it had one), to send again if the responder did not take the opening.
    opening: Option<Option<Vec<u8>>>,
}

/// An IK initiator's peer and sync state, between its opening and the reply.
struct Known {
    peer: Peer,
    state: SyncState,
    /// The opening sync message sent, if it fitted.
    opening: Option<Vec<u8>>,
}

enum Phase {
    /// An initiator before `start`; `Some` when it knows which device it calls.
    Ready(Handshake, Option<Box<Known>>),
    /// A responder: the first frame decides the handshake pattern.
    AwaitFirst(StaticKeys),
    AwaitSecond(Handshake),
    AwaitKnownReply(Handshake, Box<Known>),
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
    pub(crate) fn new(
        app: &Arc<Reconnect>,
        role: Role,
        target: Option<Peer>,
        limits: Limits,
    ) -> Result<Self> {
        let keys = app.sync_keys()?;
        let phase = match (role, target) {
            (Role::Initiator, None) => {
                Phase::Ready(Handshake::new(Purpose::Sync, role, keys.private())?, None)
            }
            (Role::Initiator, Some(peer)) => {
                let purpose = Purpose::SyncKnown {
                    remote: Some(&peer.public_key),
                };
                let handshake = Handshake::new(purpose, role, keys.private())?;
                let state = app.sync_load_state(&peer)?;
                let known = Known {
                    peer,
                    state,
                    opening: None,
                };
                Phase::Ready(handshake, Some(Box::new(known)))
            }
            (Role::Responder, _) => Phase::AwaitFirst(keys),
        };
        Ok(Self {
            app: Arc::downgrade(app),
            role,
            limits,
            phase,
            stats: SessionStats::default(),
            peer: None,
            closing: None,
        })
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The frames to send first: the initiator's handshake message 1 (to a known device,
    /// with its opening sync message), nothing for the responder.
    pub fn start(&mut self) -> Result<Vec<Vec<u8>>> {
        match std::mem::replace(&mut self.phase, Phase::Failed) {
            Phase::Ready(mut handshake, None) => {
                let first = handshake.write(&[])?;
                self.phase = Phase::AwaitSecond(handshake);
                Ok(self.count_sent(vec![first]))
            }
            Phase::Ready(mut handshake, Some(mut known)) => {
                let app = self.app.upgrade().ok_or(SyncError::StoreClosed)?;
                let counter = app.sync_next_opening(&known.peer)?;
                let opening =
                    app.sync_opening(&mut known.state, MAX_OPENING_BYTES, MAX_OPENING_BYTES)?;
                let payload = Opening::encode(counter, opening.as_deref());
                let first = handshake.write_known_opening(&payload)?;
                known.opening = opening;
                self.peer = Some(known.peer.clone());
                self.phase = Phase::AwaitKnownReply(handshake, known);
                Ok(self.count_sent(vec![first]))
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
            (Phase::AwaitFirst(keys), Frame::Handshake(message)) => {
                let mut handshake = Handshake::new(Purpose::Sync, Role::Responder, keys.private())?;
                handshake.read_empty(message)?;
                let second = handshake.write(&[])?;
                self.phase = Phase::AwaitThird(handshake);
                Ok(Step::send(vec![second]))
            }
            (Phase::AwaitFirst(keys), Frame::KnownOpening(message)) => {
                let purpose = Purpose::SyncKnown { remote: None };
                let mut handshake = Handshake::new(purpose, Role::Responder, keys.private())?;
                let payload = handshake.read(message)?;
                let peer = trusted(&app, &handshake)?;
                let opening = Opening::parse(&payload)?;
                let fresh = app.sync_see_opening(&peer, opening.counter)?;
                let second = handshake.write(&[])?;
                let mut open = self.open(&app, handshake, peer)?;
                if !fresh {
                    // Possibly a replay: take nothing from it, tell nothing, and ask for
                    // the message again under this session's keys.
                    let again = open.channel.seal(&message::again())?;
                    self.phase = Phase::Open(open);
                    return Ok(Step::send(vec![second, again]));
                }
                let changed = match opening.message {
                    Some(message) => {
                        self.count_round()?;
                        app.sync_apply(&open.peer, &mut open.state, message, false)?
                    }
                    None => false,
                };
                let mut outgoing = vec![second];
                let turn = take_turn(&app, &mut open, false)?;
                outgoing.extend(turn.outgoing);
                self.phase = if turn.done {
                    Phase::Done
                } else {
                    Phase::Open(open)
                };
                Ok(Step {
                    outgoing,
                    done: turn.done,
                    changed,
                })
            }
            (Phase::AwaitSecond(mut handshake), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let peer = trusted(&app, &handshake)?;
                let third = handshake.write(&[])?;
                let mut open = self.open(&app, handshake, peer)?;
                let opening = app.sync_opening(&mut open.state, MAX_OPENING_BYTES, usize::MAX)?;
                let mut outgoing = vec![third];
                let Some(bytes) = opening else {
                    outgoing.push(open.channel.seal(&message::done())?);
                    self.phase = Phase::Done;
                    return Ok(Step::finish(outgoing));
                };
                outgoing.extend(seal_message(&mut open, &bytes, false)?);
                self.phase = Phase::Open(open);
                Ok(Step::send(outgoing))
            }
            (Phase::AwaitKnownReply(mut handshake, known), Frame::Handshake(message)) => {
                handshake.read_empty(message)?;
                let Known {
                    peer,
                    state,
                    opening,
                } = *known;
                let mut open = self.open(&app, handshake, peer)?;
                open.state = state;
                open.opening = Some(opening);
                self.phase = Phase::Open(open);
                Ok(Step::default())
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
            (Phase::Ready(..), _) => {
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
            opening: None,
        }))
    }

    /// Counts one inner message against the session's rounds.
    fn count_round(&mut self) -> std::result::Result<(), SyncError> {
        self.stats.rounds += 1;
        if self.stats.rounds > self.limits.max_rounds {
            return Err(SyncError::SessionTooLarge {
                what: format!("{} rounds", self.limits.max_rounds),
            });
        }
        Ok(())
    }

    fn on_message(
        &mut self,
        app: &Reconnect,
        open: &mut Open,
        payload: &[u8],
    ) -> std::result::Result<Step, Failure> {
        let inner = message::parse(payload)?;
        if let Inner::Part(part) | Inner::Last(part) | Inner::Final(part) = inner {
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
        self.count_round()?;
        let opening = open.opening.take();
        match inner {
            Inner::Again => match opening {
                Some(Some(bytes)) => Ok(Step::send(seal_message(open, &bytes, false)?)),
                Some(None) => take_turn(app, open, false),
                None => Err(SyncError::Protocol("an opening asked for out of turn".into()).into()),
            },
            Inner::Last(_) => {
                let received = std::mem::take(&mut open.incoming);
                let changed = app.sync_apply(&open.peer, &mut open.state, &received, true)?;
                let step = take_turn(app, open, true)?;
                Ok(Step { changed, ..step })
            }
            Inner::Final(_) => {
                let received = std::mem::take(&mut open.incoming);
                let changed = app.sync_apply(&open.peer, &mut open.state, &received, true)?;
                Ok(Step {
                    changed,
                    ..Step::finish(Vec::new())
                })
            }
            Inner::Done => {
                app.sync_save_state(&open.peer, &open.state)?;
                Ok(Step::finish(Vec::new()))
            }
            Inner::Part(_) | Inner::Hello(_) => {
                Err(SyncError::Protocol("an unexpected message".into()).into())
            }
        }
    }
}

/// Our turn: the next sync message (final when both sides hold the same changes and
/// `may_end`), or `done` when there is nothing to say.
fn take_turn(
    app: &Reconnect,
    open: &mut Open,
    may_end: bool,
) -> std::result::Result<Step, Failure> {
    let turn = app.sync_generate(&mut open.state)?;
    match turn.message {
        Some(bytes) => {
            let last_word = may_end && turn.in_sync;
            let frames = seal_message(open, &bytes, last_word)?;
            Ok(if last_word {
                Step::finish(frames)
            } else {
                Step::send(frames)
            })
        }
        None => Ok(Step::finish(vec![open.channel.seal(&message::done())?])),
    }
}

/// A sync message as sealed frames.
fn seal_message(
    open: &mut Open,
    bytes: &[u8],
    last_word: bool,
) -> std::result::Result<Vec<Vec<u8>>, Failure> {
    Ok(message::sync_payloads(bytes, last_word)
        .iter()
        .map(|payload| open.channel.seal(payload))
        .collect::<std::result::Result<Vec<_>, _>>()?)
}

/// The peer the handshake revealed, if it is pinned and not revoked.
fn trusted(app: &Reconnect, handshake: &Handshake) -> std::result::Result<Peer, Failure> {
    let remote = handshake
        .remote_static()
        .ok_or_else(|| SyncError::Protocol("the handshake revealed no key".into()))?;
    Ok(app.sync_trusted_peer(&remote)?)
}
