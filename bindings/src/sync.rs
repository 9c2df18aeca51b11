//! Pairing and sync between the user's devices over the FFI, sans-I/O: the shells move
//! byte frames over their own transports (LAN, Nearby, …); these objects only turn
//! frames into frames. Conversions only; the protocol lives in `reconnect_core::sync`.
//!
//! Driving a session: the side that opened the connection plays `SyncRole::Initiator`
//! (for pairing: the joining device). Send every frame `start()` returns; then hand each
//! frame received to `receive()` and send its `outgoing` frames, until `done`. If a call
//! throws, the session is over: send `closing_frame()` if there is one (best-effort),
//! then close the connection.
//!
//! Frames are whole wire frames, each starting with its 4-byte big-endian length: send
//! them as they are, and give `receive()` one whole frame, header included. A shell that
//! reads a byte stream cuts it into such frames with a `FrameDecoder`.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use reconnect_core::sync as core_sync;

use crate::error::ReconnectError;
use crate::store::ReconnectStore;

/// Which side of a connection this device plays: the initiator is whoever opened the
/// connection and sends first. In pairing, the joining device is the initiator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SyncRole {
    Initiator,
    Responder,
}

impl From<SyncRole> for core_sync::Role {
    fn from(role: SyncRole) -> Self {
        match role {
            SyncRole::Initiator => core_sync::Role::Initiator,
            SyncRole::Responder => core_sync::Role::Responder,
        }
    }
}

impl From<core_sync::Role> for SyncRole {
    fn from(role: core_sync::Role) -> Self {
        match role {
            core_sync::Role::Initiator => SyncRole::Initiator,
            core_sync::Role::Responder => SyncRole::Responder,
        }
    }
}

/// A one-time pairing offer to show: the code to read out or type, and the same code as
/// a string to put in a QR code. Valid once, until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PairingOffer {
    /// `XXXXX-XXXXX`: ten letters and digits.
    pub code: String,
    /// `reconnect-pair:1:<device id>:<code without dash>`, for a QR code.
    pub qr: String,
    /// This (the offering) device's id.
    pub device_id: String,
    pub expires_at: SystemTime,
}

impl From<core_sync::PairingOffer> for PairingOffer {
    fn from(offer: core_sync::PairingOffer) -> Self {
        PairingOffer {
            code: offer.code,
            qr: offer.qr,
            device_id: offer.device_id,
            expires_at: offer.expires_at.into(),
        }
    }
}

/// A paired device.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Peer {
    pub device_id: String,
    /// Its X25519 static public key (32 bytes), pinned at pairing.
    pub public_key: Vec<u8>,
    /// The name it gave itself, e.g. "Sam's phone".
    pub name: String,
    pub paired_at: SystemTime,
    /// Set once it was revoked; every session with it is refused from then on.
    pub revoked_at: Option<SystemTime>,
}

impl From<core_sync::Peer> for Peer {
    fn from(peer: core_sync::Peer) -> Self {
        Peer {
            device_id: peer.device_id,
            public_key: peer.public_key,
            name: peer.name,
            paired_at: peer.paired_at.into(),
            revoked_at: peer.revoked_at.map(Into::into),
        }
    }
}

/// What one received frame produced.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncStep {
    /// Whole frames to send to the other device, in order.
    pub outgoing: Vec<Vec<u8>>,
    /// The session is over once `outgoing` is sent; close the connection.
    pub done: bool,
    /// The other device's changes reached this store (durably; listeners were told).
    pub changed: bool,
}

impl From<core_sync::Step> for SyncStep {
    fn from(step: core_sync::Step) -> Self {
        SyncStep {
            outgoing: step.outgoing,
            done: step.done,
            changed: step.changed,
        }
    }
}

/// What a sync session has moved so far; bytes count whole frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct SessionStats {
    pub frames_sent: u64,
    pub bytes_sent: u64,
    pub frames_received: u64,
    pub bytes_received: u64,
    /// Messages received inside the channel (sync messages, done).
    pub rounds: u32,
}

impl From<core_sync::SessionStats> for SessionStats {
    fn from(s: core_sync::SessionStats) -> Self {
        SessionStats {
            frames_sent: s.frames_sent,
            bytes_sent: s.bytes_sent,
            frames_received: s.frames_received,
            bytes_received: s.bytes_received,
            rounds: s.rounds,
        }
    }
}

/// Locks a session for a call that may fail. A poisoned lock means an earlier call
/// panicked part-way (the panic reached the host as an error): the session is unusable.
fn lock<T>(mutex: &Mutex<T>) -> Result<MutexGuard<'_, T>, ReconnectError> {
    mutex.lock().map_err(|_| ReconnectError::Internal {
        detail: "this session failed part-way; start a new one".into(),
    })
}

/// Locks a session for a call that cannot fail (it only reads).
fn lock_anyway<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One pairing attempt between two devices: the offering one (showing a code) and the
/// joining one (which typed or scanned it). On success both have pinned each other and
/// `peer()` names the other device.
#[derive(uniffi::Object)]
pub struct PairingSession {
    inner: Mutex<core_sync::PairingSession>,
}

#[uniffi::export]
impl PairingSession {
    /// The frames to send first: one for the joining device, none for the offering one.
    pub fn start(&self) -> Result<Vec<Vec<u8>>, ReconnectError> {
        Ok(lock(&self.inner)?.start()?)
    }

    /// Takes one whole frame (4-byte length header included) from the other device.
    pub fn receive(&self, frame: Vec<u8>) -> Result<SyncStep, ReconnectError> {
        Ok(lock(&self.inner)?.receive(&frame)?.into())
    }

    /// After `start` or `receive` threw: a frame telling the other device why, to send
    /// best-effort before closing the connection. Given once.
    pub fn closing_frame(&self) -> Option<Vec<u8>> {
        lock_anyway(&self.inner).closing_frame()
    }

    /// Whether the pairing succeeded and the session is over.
    pub fn is_done(&self) -> bool {
        lock_anyway(&self.inner).is_done()
    }

    /// The device paired with, once the pairing succeeded.
    pub fn peer(&self) -> Option<Peer> {
        lock_anyway(&self.inner).peer().cloned().map(Into::into)
    }

    /// `Initiator` on the joining device, `Responder` on the offering one.
    pub fn role(&self) -> SyncRole {
        lock_anyway(&self.inner).role().into()
    }
}

/// One sync session with a paired device. Each round received is applied and made
/// durable before the reply is produced; a failure keeps what was durable before it.
/// Fails with `Closed` once the store was closed.
#[derive(uniffi::Object)]
pub struct SyncSession {
    inner: Mutex<core_sync::SyncSession>,
}

#[uniffi::export]
impl SyncSession {
    /// The frames to send first: one for the initiator, none for the responder.
    pub fn start(&self) -> Result<Vec<Vec<u8>>, ReconnectError> {
        Ok(lock(&self.inner)?.start()?)
    }

    /// Takes one whole frame (4-byte length header included) from the other device.
    pub fn receive(&self, frame: Vec<u8>) -> Result<SyncStep, ReconnectError> {
        Ok(lock(&self.inner)?.receive(&frame)?.into())
    }

    /// After `start` or `receive` threw: a frame telling the other device why, to send
    /// best-effort before closing the connection. Given once.
    pub fn closing_frame(&self) -> Option<Vec<u8>> {
        lock_anyway(&self.inner).closing_frame()
    }

    /// Whether the sync finished and the session is over.
    pub fn is_done(&self) -> bool {
        lock_anyway(&self.inner).is_done()
    }

    /// The paired device on the other end, once the handshake identified it.
    pub fn peer(&self) -> Option<Peer> {
        lock_anyway(&self.inner).peer().cloned().map(Into::into)
    }

    pub fn role(&self) -> SyncRole {
        lock_anyway(&self.inner).role().into()
    }

    pub fn stats(&self) -> SessionStats {
        lock_anyway(&self.inner).stats().into()
    }
}

/// Cuts a byte stream (a TCP connection, say) into whole frames for `receive()`. A
/// header announcing more than a frame may hold is refused before anything is buffered;
/// after an error the decoder refuses everything.
#[derive(uniffi::Object)]
pub struct FrameDecoder {
    inner: Mutex<core_sync::FrameDecoder>,
}

impl Default for FrameDecoder {
    fn default() -> Self {
        Self {
            inner: Mutex::new(core_sync::FrameDecoder::new()),
        }
    }
}

#[uniffi::export]
impl FrameDecoder {
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Feeds bytes as they arrived; returns the frames they completed, in order, each
    /// with its 4-byte length header, ready for `receive()`.
    pub fn push(&self, bytes: Vec<u8>) -> Result<Vec<Vec<u8>>, ReconnectError> {
        let frames = lock(&self.inner)?
            .push(&bytes)
            .map_err(reconnect_core::Error::from)?;
        Ok(frames)
    }

    /// Bytes held for a frame not yet complete (at most one frame's worth).
    pub fn buffered(&self) -> u64 {
        lock_anyway(&self.inner).buffered() as u64
    }
}

/// A QR code as modules: `size` × `size`, row by row, `true` for dark; draw it with a
/// quiet zone of four modules.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QrMatrix {
    pub size: u32,
    pub dark: Vec<bool>,
}

/// The pairing offer's QR string (`PairingOffer.qr`) as a QR code to draw.
#[uniffi::export]
pub fn pairing_qr_matrix(qr: String) -> Result<QrMatrix, ReconnectError> {
    let m = reconnect_core::sync::qr::qr_matrix(&qr)?;
    Ok(QrMatrix {
        size: m.size,
        dark: m.dark,
    })
}

/// The name a device offering pairing advertises on the local network (e.g. as its NSD or
/// Bonjour service name), and the joining device looks for, from the code the person typed
/// or the QR string: 16 hex characters that reveal nothing without the code.
#[uniffi::export]
pub fn pairing_rendezvous(code_or_qr: String) -> Result<String, ReconnectError> {
    Ok(reconnect_core::sync::code::rendezvous(&code_or_qr)?)
}

#[uniffi::export]
impl ReconnectStore {
    /// A one-time pairing offer to show on this device: valid for `ttl_seconds` (10
    /// minutes when not given, at most an hour) and for one attempt. Any earlier unused
    /// offer is spent.
    pub fn pairing_offer(&self, ttl_seconds: Option<u32>) -> Result<PairingOffer, ReconnectError> {
        let ttl = ttl_seconds.map(|s| chrono::Duration::seconds(i64::from(s)));
        Ok(self.app()?.pairing_offer(ttl)?.into())
    }

    /// The offering device's side of a pairing, once a connection arrived: `code_or_qr`
    /// is the offer this device shows (its code or QR string). Refused with a `Sync`
    /// error when the offer is unknown, expired or used. Plays `Responder`.
    pub fn pair_as_offerer(
        &self,
        code_or_qr: String,
    ) -> Result<Arc<PairingSession>, ReconnectError> {
        let session = self.app()?.pair_responder(&code_or_qr)?;
        Ok(Arc::new(PairingSession {
            inner: Mutex::new(session),
        }))
    }

    /// The joining device's side of a pairing: `code_or_qr` is what the person typed
    /// (case, spaces and dashes do not matter) or the QR string scanned. Plays
    /// `Initiator`: it opens the connection and sends first.
    pub fn pair_as_joiner(
        &self,
        code_or_qr: String,
    ) -> Result<Arc<PairingSession>, ReconnectError> {
        let session = self.app()?.pair_initiator(&code_or_qr)?;
        Ok(Arc::new(PairingSession {
            inner: Mutex::new(session),
        }))
    }

    /// A sync session with whichever paired device is on the other end of a connection.
    /// Use it to answer a connection (`Responder`; it answers both kinds of initiator),
    /// or to open one when this device does not know which device will answer; prefer
    /// `sync_session_to` when it does.
    pub fn sync_session(&self, role: SyncRole) -> Result<Arc<SyncSession>, ReconnectError> {
        let session = self.app()?.sync_session(role.into())?;
        Ok(Arc::new(SyncSession {
            inner: Mutex::new(session),
        }))
    }

    /// The initiating side of a sync session with one paired device, chosen by its
    /// `device_id` (as in `peers()`): use it when this device opens the connection to a
    /// device it already knows. Its first frame already carries this device's news, so a
    /// sync settles a round trip sooner than with `sync_session(Initiator)`; the other
    /// device answers with `sync_session(Responder)`. Refused with `Sync { reason:
    /// UnknownPeer }` for an unknown id and `Sync { reason: RevokedPeer }` for a revoked
    /// device.
    pub fn sync_session_to(&self, device_id: String) -> Result<Arc<SyncSession>, ReconnectError> {
        let session = self.app()?.sync_session_to(&device_id)?;
        Ok(Arc::new(SyncSession {
            inner: Mutex::new(session),
        }))
    }

    /// Paired devices, revoked ones included (`revoked_at` set).
    pub fn peers(&self) -> Result<Vec<Peer>, ReconnectError> {
        Ok(self.app()?.peers()?.into_iter().map(Into::into).collect())
    }

    /// Removes a paired device: later sessions with it are refused, and one running now
    /// ends at its next message. Pairing again lifts it. An unknown id fails with
    /// `Sync { reason: UnknownPeer }`.
    pub fn revoke_peer(&self, device_id: String) -> Result<(), ReconnectError> {
        Ok(self.app()?.revoke_peer(&device_id)?)
    }

    /// This device's static public key (32 bytes); its device id derives from it.
    pub fn device_public_key(&self) -> Result<Vec<u8>, ReconnectError> {
        Ok(self.app()?.device_public_key()?)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use super::*;
    use crate::error::SyncFailure;
    use crate::types::{CheckInInput, OpenOptions};

    fn open(dir: &std::path::Path, name: &str) -> Arc<ReconnectStore> {
        open_at(dir, name, "2026-11-29T19:00:00Z")
    }

    /// Opens (or reopens) a store whose clock stands still at `now`.
    fn open_at(dir: &std::path::Path, name: &str, now: &str) -> Arc<ReconnectStore> {
        ReconnectStore::open(OpenOptions {
            data_dir: dir.display().to_string(),
            key: vec![9; 32],
            device_name: name.into(),
            time_zone: "Europe/Berlin".into(),
            fixed_now: Some(now.into()),
        })
        .unwrap()
    }

    fn check_in(store: &ReconnectStore, note: &str) {
        store
            .check_in(CheckInInput {
                mood: 4,
                urge: 1,
                contact: None,
                note: Some(note.into()),
            })
            .unwrap();
    }

    fn pair(offering: &ReconnectStore, joining: &ReconnectStore) {
        let offer = offering.pairing_offer(None).unwrap();
        let offerer = offering.pair_as_offerer(offer.code).unwrap();
        let joiner = joining.pair_as_joiner(offer.qr).unwrap();
        let outcome = run(&*joiner, &*offerer);
        assert!(matches!(outcome, (None, None)), "{outcome:?}");
    }

    /// Notes in a store's history, newest day first.
    fn notes(store: &ReconnectStore) -> Vec<String> {
        let history = store.history(None).unwrap();
        history.into_iter().filter_map(|c| c.note).collect()
    }

    /// Either session, for the in-memory driver.
    trait Endpoint {
        fn start(&self) -> Result<Vec<Vec<u8>>, ReconnectError>;
        fn receive(&self, frame: Vec<u8>) -> Result<SyncStep, ReconnectError>;
        fn closing_frame(&self) -> Option<Vec<u8>>;
        fn is_done(&self) -> bool;
    }

    macro_rules! endpoint {
        ($t:ty) => {
            impl Endpoint for $t {
                fn start(&self) -> Result<Vec<Vec<u8>>, ReconnectError> {
                    <$t>::start(self)
                }
                fn receive(&self, frame: Vec<u8>) -> Result<SyncStep, ReconnectError> {
                    <$t>::receive(self, frame)
                }
                fn closing_frame(&self) -> Option<Vec<u8>> {
                    <$t>::closing_frame(self)
                }
                fn is_done(&self) -> bool {
                    <$t>::is_done(self)
                }
            }
        };
    }
    endpoint!(PairingSession);
    endpoint!(SyncSession);

    /// Passes frames between the two sides until both are done or one fails; a failing
    /// side's closing frame reaches the other. Returns each side's error.
    fn run(
        initiator: &dyn Endpoint,
        responder: &dyn Endpoint,
    ) -> (Option<ReconnectError>, Option<ReconnectError>) {
        let (initiator_err, responder_err, _) = run_counting_flights(initiator, responder);
        (initiator_err, responder_err)
    }

    /// Like `run`, and also counts the one-way flights: runs of frames going the same way,
    /// each of which costs a trip across the connection.
    fn run_counting_flights(
        initiator: &dyn Endpoint,
        responder: &dyn Endpoint,
    ) -> (Option<ReconnectError>, Option<ReconnectError>, usize) {
        let mut queue: VecDeque<(bool, Vec<u8>)> = VecDeque::new();
        queue.extend(initiator.start().unwrap().into_iter().map(|f| (true, f)));
        assert!(responder.start().unwrap().is_empty());
        let mut flights = 0;
        let mut last_direction = None;
        while let Some((to_responder, frame)) = queue.pop_front() {
            if last_direction != Some(to_responder) {
                flights += 1;
                last_direction = Some(to_responder);
            }
            let (to, from) = if to_responder {
                (responder, initiator)
            } else {
                (initiator, responder)
            };
            match to.receive(frame) {
                Ok(step) => queue.extend(step.outgoing.into_iter().map(|f| (!to_responder, f))),
                Err(err) => {
                    let other = to.closing_frame().and_then(|f| from.receive(f).err());
                    return if to_responder {
                        (other, Some(err), flights)
                    } else {
                        (Some(err), other, flights)
                    };
                }
            }
        }
        assert!(initiator.is_done() && responder.is_done());
        (None, None, flights)
    }

    fn reason(err: Option<ReconnectError>) -> SyncFailure {
        match err {
            Some(ReconnectError::Sync { reason, .. }) => reason,
            other => panic!("expected a sync error, got {other:?}"),
        }
    }

    #[test]
    fn two_stores_pair_and_sync_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let phone = open(&dir.path().join("phone"), "phone");
        let laptop = open(&dir.path().join("laptop"), "laptop");
        let offer = phone.pairing_offer(Some(120)).unwrap();
        assert_eq!(offer.device_id, phone.device_id().unwrap());
        let offerer = phone.pair_as_offerer(offer.code.clone()).unwrap();
        let joiner = laptop.pair_as_joiner(offer.qr.clone()).unwrap();
        assert_eq!(joiner.role(), SyncRole::Initiator);
        let outcome = run(&*joiner, &*offerer);
        assert!(matches!(outcome, (None, None)), "{outcome:?}");
        let on_phone = phone.peers().unwrap();
        assert_eq!(on_phone.len(), 1);
        assert_eq!(on_phone[0].name, "laptop");
        assert_eq!(on_phone[0].public_key, laptop.device_public_key().unwrap());
        assert_eq!(offerer.peer(), Some(on_phone[0].clone()));
        assert_eq!(laptop.peers().unwrap()[0].name, "phone");

        phone
            .check_in(CheckInInput {
                mood: 4,
                urge: 1,
                contact: None,
                note: Some("from the phone".into()),
            })
            .unwrap();
        let i = laptop.sync_session(SyncRole::Initiator).unwrap();
        let r = phone.sync_session(SyncRole::Responder).unwrap();
        let outcome = run(&*i, &*r);
        assert!(matches!(outcome, (None, None)), "{outcome:?}");
        let history = laptop.history(None).unwrap();
        assert_eq!(history[0].note.as_deref(), Some("from the phone"));
        assert!(i.stats().frames_received > 0);
        assert_eq!(i.peer().unwrap().name, "phone");
        assert!(matches!(
            i.receive(vec![0, 0, 0, 2, 3, 0]),
            Err(ReconnectError::Sync {
                reason: SyncFailure::SessionEnded,
                ..
            })
        ));
    }

    #[test]
    fn a_session_to_a_known_device_settles_in_three_flights() {
        let dir = tempfile::tempdir().unwrap();
        let (phone_dir, laptop_dir) = (dir.path().join("phone"), dir.path().join("laptop"));
        // The clock stands still, so a new day means reopening the store; each check-in
        // is on its own day, so every one survives the merges.
        let on_day = |dir: &std::path::Path, name: &str, day: u32| {
            open_at(dir, name, &format!("2026-11-{day:02}T19:00:00Z"))
        };
        let mut phone = on_day(&phone_dir, "phone", 1);
        let mut laptop = on_day(&laptop_dir, "laptop", 2);
        pair(&phone, &laptop);
        check_in(&phone, "phone, day 1");
        check_in(&laptop, "laptop, day 2");
        let i = laptop.sync_session(SyncRole::Initiator).unwrap();
        let r = phone.sync_session(SyncRole::Responder).unwrap();
        let outcome = run(&*i, &*r);
        assert!(matches!(outcome, (None, None)), "{outcome:?}");
        let mut written = vec!["phone, day 1".to_string(), "laptop, day 2".to_string()];

        // Later, with the first sync's state saved, each device checks in once more and
        // the laptop syncs to the phone by its id: its news in the first flight, the
        // phone's in the answer, the laptop's final word.
        phone.close();
        laptop.close();
        phone = on_day(&phone_dir, "phone", 3);
        laptop = on_day(&laptop_dir, "laptop", 4);
        written.push("phone, day 3".to_string());
        check_in(&phone, written.last().unwrap());
        written.push("laptop, day 4".to_string());
        check_in(&laptop, written.last().unwrap());

        let to_phone = laptop.sync_session_to(phone.device_id().unwrap()).unwrap();
        let r = phone.sync_session(SyncRole::Responder).unwrap();
        assert_eq!(to_phone.role(), SyncRole::Initiator);
        let (i_err, r_err, flights) = run_counting_flights(&*to_phone, &*r);
        assert!(i_err.is_none() && r_err.is_none(), "{i_err:?} {r_err:?}");
        assert_eq!(to_phone.peer().unwrap().name, "phone");
        assert_eq!(r.peer().unwrap().name, "laptop");
        let newest_first: Vec<String> = written.iter().rev().cloned().collect();
        assert_eq!(notes(&phone), newest_first);
        assert_eq!(notes(&laptop), newest_first);
        assert_eq!(flights, 3);

        assert_eq!(
            reason(laptop.sync_session_to("no-such-device".into()).err()),
            SyncFailure::UnknownPeer
        );
        laptop.revoke_peer(phone.device_id().unwrap()).unwrap();
        assert_eq!(
            reason(laptop.sync_session_to(phone.device_id().unwrap()).err()),
            SyncFailure::RevokedPeer
        );
    }

    #[test]
    fn a_wrong_code_is_typed_on_both_sides_and_a_closed_store_is_closed() {
        let dir = tempfile::tempdir().unwrap();
        let phone = open(&dir.path().join("phone"), "phone");
        let laptop = open(&dir.path().join("laptop"), "laptop");
        let offer = phone.pairing_offer(None).unwrap();
        let wrong = if offer.code.starts_with('A') {
            "BBBBB-BBBBB"
        } else {
            "AAAAA-AAAAA"
        };
        let offerer = phone.pair_as_offerer(offer.code.clone()).unwrap();
        let joiner = laptop.pair_as_joiner(wrong.into()).unwrap();
        let (joiner_err, offerer_err) = run(&*joiner, &*offerer);
        assert_eq!(reason(joiner_err), SyncFailure::WrongCode);
        assert_eq!(reason(offerer_err), SyncFailure::WrongCode);
        assert_eq!(
            reason(phone.pair_as_offerer(offer.code).err()),
            SyncFailure::OfferUsed
        );
        assert!(matches!(
            phone.pairing_offer(Some(0)),
            Err(ReconnectError::InvalidInput { .. })
        ));

        // A session outliving its store fails with Closed at its next step.
        let i = laptop.sync_session(SyncRole::Initiator).unwrap();
        let r = phone.sync_session(SyncRole::Responder).unwrap();
        let first = i.start().unwrap().remove(0);
        let second = r.receive(first).unwrap().outgoing.remove(0);
        laptop.close();
        let err = i.receive(second).unwrap_err();
        assert!(matches!(err, ReconnectError::Closed), "{err:?}");
    }

    #[test]
    fn the_decoder_cuts_a_stream_and_refuses_a_huge_header() {
        let decoder = FrameDecoder::new();
        let frame = vec![0, 0, 0, 2, 3, 0];
        let stream = [frame.clone(), frame.clone()].concat();
        assert!(decoder.push(stream[..3].to_vec()).unwrap().is_empty());
        assert_eq!(decoder.buffered(), 3);
        assert_eq!(
            decoder.push(stream[3..].to_vec()).unwrap(),
            vec![frame.clone(), frame]
        );
        let err = FrameDecoder::new().push(vec![0xff; 8]).unwrap_err();
        assert!(matches!(
            err,
            ReconnectError::Sync {
                reason: SyncFailure::FrameTooLarge { .. },
                ..
            }
        ));
    }
}
