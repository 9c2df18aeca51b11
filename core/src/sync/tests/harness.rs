//! Test devices and a driver that moves frames between two sessions, in order, through
//! a hook that may alter what is delivered.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use tempfile::TempDir;

use crate::sync::{PairingSession, Step, SyncSession};
use crate::{CheckInInput, Error, FixedClock, OpenConfig, Reconnect, Result, StoreKey};

pub(super) struct Device {
    pub app: Arc<Reconnect>,
    pub clock: Arc<FixedClock>,
    pub name: String,
    key: StoreKey,
    dir: TempDir,
}

/// Noon UTC on day `day` after 2025-01-01.
pub(super) fn noon(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap() + Duration::days(day)
}

fn open(dir: &Path, key: &StoreKey, name: &str, clock: Arc<FixedClock>) -> Arc<Reconnect> {
    Arc::new(
        Reconnect::open(OpenConfig {
            data_dir: dir.to_path_buf(),
            key: key.clone(),
            device_name: name.to_string(),
            time_zone: chrono_tz::UTC,
            clock,
        })
        .expect("the store opens"),
    )
}

impl Device {
    pub fn new(name: &str) -> Device {
        let dir = tempfile::tempdir().unwrap();
        let key = StoreKey::generate().unwrap();
        let clock = Arc::new(FixedClock::new(noon(0)));
        let app = open(dir.path(), &key, name, clock.clone());
        Device {
            app,
            clock,
            name: name.to_string(),
            key,
            dir,
        }
    }

    /// Closes and reopens the store, as after an app restart.
    pub fn restart(self) -> Device {
        let Device {
            app,
            clock,
            name,
            key,
            dir,
        } = self;
        assert_eq!(
            Arc::strong_count(&app),
            1,
            "something still holds the store"
        );
        drop(app);
        let app = open(dir.path(), &key, &name, clock.clone());
        Device {
            app,
            clock,
            name,
            key,
            dir,
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    pub fn key(&self) -> &StoreKey {
        &self.key
    }

    /// A check-in on day `day` with `note`.
    pub fn check_in(&self, day: i64, note: &str) {
        self.clock.set(noon(day));
        self.app
            .check_in(CheckInInput {
                mood: 3,
                urge: 2,
                contact: None,
                note: Some(note.to_string()),
            })
            .unwrap();
    }

    pub fn heads(&self) -> Vec<String> {
        self.app.heads().unwrap()
    }

    pub fn id(&self) -> String {
        self.app.device().device_id.clone()
    }
}

/// A note of `blocks` × 64 hex digits that does not compress, different for each day.
pub(super) fn random_note(day: i64, blocks: u32) -> String {
    (0..blocks)
        .map(|i| {
            let seed = [day.to_le_bytes().as_slice(), &i.to_le_bytes()].concat();
            blake3::hash(&seed).to_hex().to_string()
        })
        .collect()
}

/// Which way a frame travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    ToResponder,
    ToInitiator,
}

/// Either kind of session, for the driver.
pub(super) trait Endpoint {
    fn start(&mut self) -> Result<Vec<Vec<u8>>>;
    fn receive(&mut self, frame: &[u8]) -> Result<Step>;
    fn closing_frame(&mut self) -> Option<Vec<u8>>;
    fn is_done(&self) -> bool;
}

macro_rules! endpoint {
    ($t:ty) => {
        impl Endpoint for $t {
            fn start(&mut self) -> Result<Vec<Vec<u8>>> {
                <$t>::start(self)
            }
            fn receive(&mut self, frame: &[u8]) -> Result<Step> {
                <$t>::receive(self, frame)
            }
            fn closing_frame(&mut self) -> Option<Vec<u8>> {
                <$t>::closing_frame(self)
            }
            fn is_done(&self) -> bool {
                <$t>::is_done(self)
            }
        }
    };
}
endpoint!(SyncSession);
endpoint!(PairingSession);

/// How a run went: each side's error, every frame delivered, whether each side's
/// document changed.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    pub initiator: Option<Error>,
    pub responder: Option<Error>,
    pub frames: Vec<(Dir, Vec<u8>)>,
    pub initiator_changed: bool,
    pub responder_changed: bool,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.initiator.is_none() && self.responder.is_none()
    }

    pub fn bytes(&self) -> usize {
        self.frames.iter().map(|(_, f)| f.len()).sum()
    }

    /// Runs of frames travelling the same way: one-way trips, two to a round trip.
    pub fn flights(&self) -> usize {
        let mut flights = 0;
        let mut last = None;
        for (dir, _) in &self.frames {
            if last != Some(*dir) {
                flights += 1;
                last = Some(*dir);
            }
        }
        flights
    }

    pub fn sync_error(&self, side: Dir) -> Option<crate::SyncError> {
        let err = match side {
            Dir::ToInitiator => self.initiator.as_ref(),
            Dir::ToResponder => self.responder.as_ref(),
        }?;
        match err {
            Error::Sync(err) => Some(err.clone()),
            other => panic!("not a sync error: {other:?}"),
        }
    }
}

/// Every frame delivered as sent.
pub(super) fn as_sent(_: Dir, _: usize, frame: Vec<u8>) -> Vec<Vec<u8>> {
    vec![frame]
}

/// Runs two sessions to the end. `hook(direction, index, frame)` returns what is
/// actually delivered in place of each frame. The run stops at the first error; the
/// failing side's closing frame, if any, is delivered to the other side.
pub(super) fn run(
    initiator: &mut (dyn Endpoint + 'static),
    responder: &mut (dyn Endpoint + 'static),
    mut hook: impl FnMut(Dir, usize, Vec<u8>) -> Vec<Vec<u8>>,
) -> Outcome {
    let mut out = Outcome::default();
    let mut queue: VecDeque<(Dir, Vec<u8>)> = VecDeque::new();
    match initiator.start() {
        Ok(frames) => queue.extend(frames.into_iter().map(|f| (Dir::ToResponder, f))),
        Err(err) => {
            out.initiator = Some(err);
            return out;
        }
    }
    assert!(responder.start().unwrap().is_empty());
    let mut index = 0;
    while let Some((dir, frame)) = queue.pop_front() {
        assert!(index < 100_000, "the sessions never settled");
        for frame in hook(dir, index, frame) {
            index += 1;
            out.frames.push((dir, frame.clone()));
            let (to, from, back) = match dir {
                Dir::ToResponder => (&mut *responder, &mut *initiator, Dir::ToInitiator),
                Dir::ToInitiator => (&mut *initiator, &mut *responder, Dir::ToResponder),
            };
            match to.receive(&frame) {
                Ok(step) => {
                    match dir {
                        Dir::ToResponder => out.responder_changed |= step.changed,
                        Dir::ToInitiator => out.initiator_changed |= step.changed,
                    }
                    queue.extend(step.outgoing.into_iter().map(|f| (back, f)));
                }
                Err(err) => {
                    let closing = to.closing_frame();
                    let other_err = closing.and_then(|f| {
                        out.frames.push((back, f.clone()));
                        from.receive(&f).err()
                    });
                    let (mine, theirs) = match dir {
                        Dir::ToResponder => (&mut out.responder, &mut out.initiator),
                        Dir::ToInitiator => (&mut out.initiator, &mut out.responder),
                    };
                    *mine = Some(err);
                    *theirs = other_err;
                    return out;
                }
            }
        }
    }
    assert!(initiator.is_done(), "the initiator did not finish");
    assert!(responder.is_done(), "the responder did not finish");
    out
}

/// Pairs `joiner` with `offering` (which shows an offer), asserting it works.
pub(super) fn pair(offering: &Device, joiner: &Device) {
    let offer = offering.app.pairing_offer(None).unwrap();
    let mut responder = offering.app.pair_responder(&offer.code).unwrap();
    let mut initiator = joiner.app.pair_initiator(&offer.qr).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert!(outcome.ok(), "pairing failed: {outcome:?}");
}

/// Runs a sync session from `initiator` to `responder` with every frame as sent.
pub(super) fn sync(initiator: &Device, responder: &Device) -> Outcome {
    sync_with(initiator, responder, as_sent)
}

pub(super) fn sync_with(
    initiator: &Device,
    responder: &Device,
    hook: impl FnMut(Dir, usize, Vec<u8>) -> Vec<Vec<u8>>,
) -> Outcome {
    let mut i = initiator
        .app
        .sync_session(crate::sync::Role::Initiator)
        .unwrap();
    let mut r = responder
        .app
        .sync_session(crate::sync::Role::Responder)
        .unwrap();
    run(&mut i, &mut r, hook)
}

/// Runs a sync session from `initiator` to `responder`, which `initiator` names (IK).
pub(super) fn sync_to(initiator: &Device, responder: &Device) -> Outcome {
    sync_to_with(initiator, responder, as_sent)
}

pub(super) fn sync_to_with(
    initiator: &Device,
    responder: &Device,
    hook: impl FnMut(Dir, usize, Vec<u8>) -> Vec<Vec<u8>>,
) -> Outcome {
    let mut i = initiator.app.sync_session_to(&responder.id()).unwrap();
    let mut r = responder
        .app
        .sync_session(crate::sync::Role::Responder)
        .unwrap();
    run(&mut i, &mut r, hook)
}

/// The sync state `device` keeps for `peer`, encoded.
pub(super) fn saved_state(device: &Device, peer: &Device) -> Vec<u8> {
    let peer = device
        .app
        .peers()
        .unwrap()
        .into_iter()
        .find(|p| p.device_id == peer.id())
        .expect("paired");
    device.app.sync_load_state(&peer).unwrap().encode()
}

/// The kind byte of a frame (after its 4-byte length).
pub(super) fn kind(frame: &[u8]) -> u8 {
    frame[4]
}

pub(super) const HANDSHAKE: u8 = 1;
pub(super) const TRANSPORT: u8 = 2;
pub(super) const KNOWN_OPENING: u8 = 4;
