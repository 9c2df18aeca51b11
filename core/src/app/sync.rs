//! Pairing and sync on the [`Reconnect`] facade: offers, sessions, paired devices, and
//! the few steps a session takes under the facade's lock, each brief and never across
//! I/O (the caller moves the frames).

use automerge::sync::{ChunkList, Message, State as SyncState, SyncDoc};
use automerge::{AutoCommit, ChangeHash};
use chrono::{DateTime, Duration, Utc};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::{Reconnect, State};
use crate::error::{Error, Result};
use crate::notify::ChangeEvent;
use crate::store::{OfferStatus, Peer, StaticKeys};
use crate::sync::code::PairingCode;
use crate::sync::limits::MAX_OPENING_BYTES;
use crate::sync::message::Hello;
use crate::sync::pairing::{self, MAX_OFFER_TTL, OFFER_TTL};
use crate::sync::{Limits, PairingOffer, PairingSession, Role, SyncError, SyncSession};

impl Reconnect {
    /// Creates a one-time pairing offer, valid for `ttl` (10 minutes by default, at most
    /// an hour) and for one attempt. Any earlier unused offer is spent.
    pub fn pairing_offer(&self, ttl: Option<Duration>) -> Result<PairingOffer> {
        let ttl = ttl.unwrap_or(OFFER_TTL);
        if ttl <= Duration::zero() || ttl > MAX_OFFER_TTL {
            return Err(Error::InvalidInput(
                "a pairing code lives for more than no time and at most 60 minutes".into(),
            ));
        }
        let code = PairingCode::generate()?;
        let now = self.clock.now();
        let expires_at = now + ttl;
        let device_id = {
            let mut state = self.lock()?;
            state
                .store
                .add_pairing_offer(&code.offer_id(), now, expires_at)?;
            state.store.static_keys()?.device_id()
        };
        Ok(pairing::offer(&code, device_id, expires_at))
    }

    /// The offering side of a pairing: `code` is the offer's code (as shown, or its QR
    /// string). Refused when the offer is unknown, expired or used.
    pub fn pair_responder(self: &Arc<Self>, code: &str) -> Result<PairingSession> {
        let invitation = crate::sync::code::Invitation::parse(code)?;
        self.pairing_check_offer(&invitation.code)?;
        PairingSession::new(self, Role::Responder, invitation)
    }

    /// The joining side of a pairing: `code` is what the user typed or the QR string
    /// they scanned (which also names the device that must answer).
    pub fn pair_initiator(self: &Arc<Self>, code: &str) -> Result<PairingSession> {
        let invitation = crate::sync::code::Invitation::parse(code)?;
        PairingSession::new(self, Role::Initiator, invitation)
    }

    /// A sync session with whichever paired device is on the other end. A responder
    /// answers both kinds of initiator; an initiator made here learns who answered from
    /// the handshake, which takes one round trip more than [`Reconnect::sync_session_to`].
    pub fn sync_session(self: &Arc<Self>, role: Role) -> Result<SyncSession> {
        self.sync_session_with_limits(role, Limits::default())
    }

    pub fn sync_session_with_limits(
        self: &Arc<Self>,
        role: Role,
        limits: Limits,
    ) -> Result<SyncSession> {
        SyncSession::new(self, role, None, limits)
    }

    /// The initiator of a sync session with one paired device, chosen by its id: its
    /// first message already carries what this device has new for it. Refused for an
    /// unknown or revoked device; the session fails if another device answers.
    pub fn sync_session_to(self: &Arc<Self>, device_id: &str) -> Result<SyncSession> {
        self.sync_session_to_with_limits(device_id, Limits::default())
    }

    pub fn sync_session_to_with_limits(
        self: &Arc<Self>,
        device_id: &str,
        limits: Limits,
    ) -> Result<SyncSession> {
        let peer = match self.lock()?.store.peer(device_id)? {
            None => return Err(SyncError::UnknownPeer.into()),
            Some(peer) if peer.is_revoked() => return Err(SyncError::RevokedPeer.into()),
            Some(peer) => peer,
        };
        SyncSession::new(self, Role::Initiator, Some(peer), limits)
    }

    /// Paired devices, revoked ones included (see [`Peer::revoked_at`]).
    pub fn peers(&self) -> Result<Vec<Peer>> {
        Ok(self.lock()?.store.peers()?)
    }

    /// Revokes a paired device: every later session with it is refused, and a session
    /// running now ends at its next message. Pairing again (a new code) lifts it.
    /// When a sync with the paired device `device_id` last saved a round here.
    pub fn last_synced(&self, device_id: &str) -> Result<Option<DateTime<Utc>>> {
        Ok(self.lock()?.store.last_synced(device_id)?)
    }

    pub fn revoke_peer(&self, device_id: &str) -> Result<()> {
        let now = self.clock.now();
        if self.lock()?.store.revoke_peer(device_id, now)? {
            Ok(())
        } else {
            Err(SyncError::UnknownPeer.into())
        }
    }

    /// This device's static public key (32 bytes, X25519); its device id derives from it.
    pub fn device_public_key(&self) -> Result<Vec<u8>> {
        Ok(self.sync_keys()?.public().to_vec())
    }

    pub(crate) fn sync_keys(&self) -> Result<StaticKeys> {
        Ok(self.lock()?.store.static_keys()?)
    }

    pub(crate) fn device_name(&self) -> &str {
        &self.device.name
    }

    /// The pinned, unrevoked peer holding `public_key`.
    pub(crate) fn sync_trusted_peer(&self, public_key: &[u8]) -> Result<Peer> {
        match self.lock()?.store.peer_by_key(public_key)? {
            None => Err(SyncError::UnknownPeer.into()),
            Some(peer) if peer.is_revoked() => Err(SyncError::RevokedPeer.into()),
            Some(peer) => Ok(peer),
        }
    }

    /// The sync state persisted for a peer; a fresh one if none (or if unreadable: it is
    /// only an optimisation, and a fresh state syncs correctly).
    pub(crate) fn sync_load_state(&self, peer: &Peer) -> Result<SyncState> {
        let bytes = self.lock()?.store.sync_state(&peer.device_id)?;
        Ok(bytes
            .and_then(|bytes| SyncState::decode(&bytes).ok())
            .unwrap_or_default())
    }

    /// The next sync message for the peer, if there is anything to say, and whether both
    /// sides hold the same changes (the peer's last heads are ours). When the peer's
    /// heads are all known here, the changes it lacks are exactly those that are not
    /// their ancestors: they are sent as such (when they fit in one Noise message)
    /// rather than trusting Automerge's Bloom filter, whose false positives would cost
    /// another round trip.
    pub(crate) fn sync_generate(&self, state: &mut SyncState) -> Result<Turn> {
        let mut guard = self.lock()?;
        let mut next = state.clone();
        let turn = catch_unwind(AssertUnwindSafe(|| {
            let doc = &mut guard.doc;
            let generated = doc.sync().generate_sync_message(&mut next);
            let in_sync = in_sync(doc, &next);
            let message = generated.map(|message| match in_sync {
                true => message.encode(),
                false => with_exact_changes(doc, message, &mut next, &state.sent_hashes),
            });
            Turn { message, in_sync }
        }))
        .map_err(|_| unanswerable())?;
        *state = next;
        Ok(turn)
    }

    /// The counter for the next opening to `peer`, durably raised; refused if the peer
    /// was revoked (or forgotten) since the session was made.
    pub(crate) fn sync_next_opening(&self, peer: &Peer) -> Result<u64> {
        let now = self.clock.now();
        let mut guard = self.lock()?;
        still_trusted(&guard, peer)?;
        Ok(guard.store.next_opening(&peer.device_id, now)?)
    }

    /// Whether an opening from `peer` with `counter` is new (and records it if so).
    pub(crate) fn sync_see_opening(&self, peer: &Peer, counter: u64) -> Result<bool> {
        Ok(self.lock()?.store.see_opening(&peer.device_id, counter)?)
    }

    /// The first sync message of a session: Automerge's, plus every change made since
    /// the heads both devices last shared, so the peer can take them without waiting to
    /// be asked, when that fits in `max_with_news` bytes. Without a persisted state (a
    /// first sync) or when it does not fit, Automerge's message alone; `None`, with
    /// `state` untouched, when even that is larger than `max` bytes.
    pub(crate) fn sync_opening(
        &self,
        state: &mut SyncState,
        max_with_news: usize,
        max: usize,
    ) -> Result<Option<Vec<u8>>> {
        let mut guard = self.lock()?;
        let mut next = state.clone();
        let opening = catch_unwind(AssertUnwindSafe(|| {
            let doc = &mut guard.doc;
            let message = doc.sync().generate_sync_message(&mut next)?;
            if !next.shared_heads.is_empty() && message.changes.is_empty() {
                let shared = next.shared_heads.clone();
                let (with_news, sent) = with_changes_since(doc, message.clone(), &shared);
                if with_news.len() <= max_with_news {
                    next.sent_hashes.extend(sent);
                    return Some(with_news);
                }
            }
            Some(message.encode()).filter(|bytes| bytes.len() <= max)
        }))
        .map_err(|_| unanswerable())?;
        if opening.is_some() {
            *state = next;
        }
        Ok(opening)
    }

    /// Applies one sync message from `peer`: the document takes its changes, its root
    /// maps are checked, and the changes and the peer's sync state are made durable in one
    /// transaction, all under the lock; listeners hear about it afterwards. On any failure
    /// the document is reloaded from disk and `state` is left as it was. Returns whether
    /// the document changed. Without `save_state` only the changes are made durable (for
    /// a message that could be a replay: see [`crate::sync::session`]).
    pub(crate) fn sync_apply(
        &self,
        peer: &Peer,
        state: &mut SyncState,
        bytes: &[u8],
        save_state: bool,
    ) -> Result<bool> {
        let mut message = catch_unwind(|| Message::decode(bytes))
            .map_err(|_| SyncError::Malformed("a sync message".into()))?
            .map_err(|err| SyncError::Malformed(format!("a sync message: {err}")))?;
        // Automerge expects both lists sorted and without repeats (its state encoding
        // asserts it); a peer's are not trusted to be.
        for hashes in [&mut message.heads, &mut message.need] {
            hashes.sort();
            hashes.dedup();
        }
        let changed = {
            let mut guard = self.lock()?;
            let state_now = &mut *guard;
            still_trusted(state_now, peer)?;
            let before = state_now.doc.get_heads();
            let mut next = state.clone();
            let applied = catch_unwind(AssertUnwindSafe(|| {
                let received = state_now
                    .doc
                    .sync()
                    .receive_sync_message(&mut next, message);
                received.map_err(|err| SyncError::Malformed(format!("a sync message: {err}")))?;
                crate::doc::check_roots(&state_now.doc).map_err(|_| SyncError::RootsReplaced)?;
                Ok(next.encode())
            }))
            .unwrap_or_else(|_| {
                Err(SyncError::Malformed(
                    "a sync message the document could not take".into(),
                ))
            });
            let encoded = match applied {
                Ok(encoded) => encoded,
                Err(err) => {
                    Self::recover(state_now);
                    return Err(err.into());
                }
            };
            let changed = state_now.doc.get_heads() != before;
            let State { store, doc, .. } = state_now;
            let persisted = if save_state {
                store.persist_synced(doc, &peer.device_id, &encoded, self.clock.now())
            } else {
                store.persist(doc)
            };
            if let Err(err) = persisted {
                Self::recover(state_now);
                return Err(err.into());
            }
            *state = next;
            changed
        };
        if changed {
            self.notifier.notify(&ChangeEvent::RemoteChangesMerged);
        }
        Ok(changed)
    }

    /// Saves the peer's sync state on its own (when the session ends without a last
    /// message to apply).
    pub(crate) fn sync_save_state(&self, peer: &Peer, state: &SyncState) -> Result<()> {
        let encoded =
            catch_unwind(AssertUnwindSafe(|| state.encode())).map_err(|_| unanswerable())?;
        let now = self.clock.now();
        let mut guard = self.lock()?;
        still_trusted(&guard, peer)?;
        let State { store, doc, .. } = &mut *guard;
        Ok(store.persist_synced(doc, &peer.device_id, &encoded, now)?)
    }

    /// Fails unless the offer for `code` is live.
    pub(crate) fn pairing_check_offer(&self, code: &PairingCode) -> Result<()> {
        let now = self.clock.now();
        let status = self
            .lock()?
            .store
            .pairing_offer_status(&code.offer_id(), now)?;
        offer_result(status)
    }

    /// Spends the offer for `code`, durably, before its one attempt is checked.
    pub(crate) fn pairing_claim_offer(&self, code: &PairingCode) -> Result<()> {
        let now = self.clock.now();
        let status = self
            .lock()?
            .store
            .claim_pairing_offer(&code.offer_id(), now)?;
        offer_result(status)
    }

    /// Pins the device that proved the code: its key, id and name.
    pub(crate) fn pairing_pin(&self, public_key: Vec<u8>, hello: Hello) -> Result<Peer> {
        let name = if hello.name.is_empty() {
            "another device".to_string()
        } else {
            hello.name
        };
        let peer = Peer {
            device_id: hello.device_id,
            public_key,
            name,
            paired_at: self.clock.now(),
            revoked_at: None,
        };
        self.lock()?.store.pin_peer(&peer)?;
        Ok(peer)
    }
}

/// One turn of a session, as [`Reconnect::sync_generate`] sees it.
pub(crate) struct Turn {
    pub message: Option<Vec<u8>>,
    pub in_sync: bool,
}

/// A peer revoked while its session runs is refused from its next message on.
fn still_trusted(state: &State, peer: &Peer) -> Result<()> {
    match state.store.peer(&peer.device_id)? {
        Some(known) if known.is_revoked() => Err(SyncError::RevokedPeer.into()),
        Some(known) if known.public_key == peer.public_key => Ok(()),
        _ => Err(SyncError::UnknownPeer.into()),
    }
}

/// Whether the peer's last announced heads are exactly ours.
fn in_sync(doc: &mut AutoCommit, state: &SyncState) -> bool {
    let Some(theirs) = state.their_heads.as_ref() else {
        return false;
    };
    let mut theirs = theirs.clone();
    let mut ours = doc.get_heads();
    theirs.sort();
    ours.sort();
    theirs == ours
}

/// `message` carrying every change since `shared` as well, and those changes' hashes.
fn with_changes_since(
    doc: &mut AutoCommit,
    mut message: Message,
    shared: &[ChangeHash],
) -> (Vec<u8>, Vec<ChangeHash>) {
    let changes = doc.get_changes(shared);
    let hashes = changes.iter().map(|change| change.hash()).collect();
    let chunks: Vec<Vec<u8>> = changes
        .iter()
        .map(|change| change.raw_bytes().to_vec())
        .collect();
    message.changes = ChunkList::from(chunks);
    (message.encode(), hashes)
}

/// `message` (for a peer not at our heads) with exactly the changes it lacks, when all
/// its heads are known here and those changes fit in one Noise message; else `message`
/// as Automerge made it.
/// `sent_before` is what was sent before this message; `state` records what this one
/// sends.
fn with_exact_changes(
    doc: &mut AutoCommit,
    message: Message,
    state: &mut SyncState,
    sent_before: &std::collections::BTreeSet<ChangeHash>,
) -> Vec<u8> {
    let their_heads = state.their_heads.clone().unwrap_or_default();
    let all_known = their_heads
        .iter()
        .all(|hash| doc.get_change_by_hash(hash).is_some());
    // Not for a peer that has nothing yet: Automerge sends it the compressed document.
    if their_heads.is_empty() || !all_known {
        return message.encode();
    }
    let lacking: Vec<_> = doc
        .get_changes(&their_heads)
        .into_iter()
        .filter(|change| !sent_before.contains(&change.hash()))
        .collect();
    let fits = lacking.iter().map(|c| c.raw_bytes().len()).sum::<usize>() <= MAX_OPENING_BYTES;
    if lacking.is_empty() || !fits {
        return message.encode();
    }
    let mut exact = message;
    exact.changes = ChunkList::from(
        lacking
            .iter()
            .map(|change| change.raw_bytes().to_vec())
            .collect::<Vec<_>>(),
    );
    state.sent_hashes = sent_before.clone();
    state
        .sent_hashes
        .extend(lacking.iter().map(|change| change.hash()));
    exact.encode()
}

fn unanswerable() -> SyncError {
    SyncError::Protocol("the other device's sync requests could not be answered".into())
}

fn offer_result(status: OfferStatus) -> Result<()> {
    match status {
        OfferStatus::Live => Ok(()),
        OfferStatus::Unknown => Err(SyncError::UnknownOffer.into()),
        OfferStatus::Expired => Err(SyncError::OfferExpired.into()),
        OfferStatus::Used => Err(SyncError::OfferUsed.into()),
    }
}
