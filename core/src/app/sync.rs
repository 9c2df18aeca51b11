//! Pairing and sync on the [`Reconnect`] facade: offers, sessions, paired devices, and
//! the few steps a session takes under the facade's lock, each brief and never across
//! I/O (the caller moves the frames).

use automerge::sync::{Message, State as SyncState, SyncDoc};
use chrono::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::{Reconnect, State};
use crate::error::{Error, Result};
use crate::notify::ChangeEvent;
use crate::store::{OfferStatus, Peer, StaticKeys};
use crate::sync::code::PairingCode;
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

    /// A sync session with whichever paired device is on the other end.
    pub fn sync_session(self: &Arc<Self>, role: Role) -> Result<SyncSession> {
        self.sync_session_with_limits(role, Limits::default())
    }

    pub fn sync_session_with_limits(
        self: &Arc<Self>,
        role: Role,
        limits: Limits,
    ) -> Result<SyncSession> {
        SyncSession::new(self, role, limits)
    }

    /// Paired devices, revoked ones included (see [`Peer::revoked_at`]).
    pub fn peers(&self) -> Result<Vec<Peer>> {
        Ok(self.lock()?.store.peers()?)
    }

    /// Revokes a paired device: every later session with it is refused, and a session
    /// running now ends at its next message. Pairing again (a new code) lifts it.
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

    /// The next sync message for the peer, if there is anything to say.
    pub(crate) fn sync_generate(&self, state: &mut SyncState) -> Result<Option<Vec<u8>>> {
        let mut guard = self.lock()?;
        let mut next = state.clone();
        let message = catch_unwind(AssertUnwindSafe(|| {
            guard
                .doc
                .sync()
                .generate_sync_message(&mut next)
                .map(Message::encode)
        }))
        .map_err(|_| {
            SyncError::Protocol("the other device's sync requests could not be answered".into())
        })?;
        *state = next;
        Ok(message)
    }

    /// Applies one sync message from `peer`: the document takes its changes, its root
    /// maps are checked, and the changes and the peer's sync state are made durable in one
    /// transaction, all under the lock; listeners hear about it afterwards. On any failure
    /// the document is reloaded from disk and `state` is left as it was. Returns whether
    /// the document changed.
    pub(crate) fn sync_apply(
        &self,
        peer: &Peer,
        state: &mut SyncState,
        bytes: &[u8],
    ) -> Result<bool> {
        let message = catch_unwind(|| Message::decode(bytes))
            .map_err(|_| SyncError::Malformed("a sync message".into()))?
            .map_err(|err| SyncError::Malformed(format!("a sync message: {err}")))?;
        let changed = {
            let mut guard = self.lock()?;
            let state_now = &mut *guard;
            // A peer revoked while its session runs is refused from its next message on.
            match state_now.store.peer(&peer.device_id)? {
                Some(known) if known.is_revoked() => return Err(SyncError::RevokedPeer.into()),
                Some(known) if known.public_key == peer.public_key => {}
                _ => return Err(SyncError::UnknownPeer.into()),
            }
            let before = state_now.doc.get_heads();
            let mut next = state.clone();
            let applied = catch_unwind(AssertUnwindSafe(|| {
                let received = state_now
                    .doc
                    .sync()
                    .receive_sync_message(&mut next, message);
                received.map_err(|err| SyncError::Malformed(format!("a sync message: {err}")))?;
                crate::doc::check_roots(&state_now.doc).map_err(|_| SyncError::RootsReplaced)
            }))
            .unwrap_or_else(|_| {
                Err(SyncError::Malformed(
                    "a sync message the document could not take".into(),
                ))
            });
            if let Err(err) = applied {
                Self::recover(state_now);
                return Err(err.into());
            }
            let changed = state_now.doc.get_heads() != before;
            let encoded = next.encode();
            let State { store, doc, .. } = state_now;
            if let Err(err) = store.persist_synced(doc, &peer.device_id, &encoded) {
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

fn offer_result(status: OfferStatus) -> Result<()> {
    match status {
        OfferStatus::Live => Ok(()),
        OfferStatus::Unknown => Err(SyncError::UnknownOffer.into()),
        OfferStatus::Expired => Err(SyncError::OfferExpired.into()),
        OfferStatus::Used => Err(SyncError::OfferUsed.into()),
    }
}
