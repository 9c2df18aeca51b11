//! A misbehaving peer: altered, replayed, oversized and malformed frames, messages that
//! would replace the document's root maps, and sessions past their bounds. Each ends
//! its session with a typed error and leaves the store as it was.

use automerge::sync::{ChunkList, Message, MessageVersion, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ROOT};

use super::harness::{Device, Dir, TRANSPORT, kind, pair, sync_with};
use crate::Error;
use crate::sync::frame;
use crate::sync::limits::{MAX_FRAME_BYTES, MAX_PART_BYTES};
use crate::sync::message;
use crate::sync::noise::{Channel, Handshake, Purpose, Role};
use crate::sync::{Limits, Step, SyncError, SyncSession};

fn sync_error(result: crate::Result<Step>) -> SyncError {
    match result {
        Err(Error::Sync(err)) => err,
        other => panic!("expected a sync error, got {other:?}"),
    }
}

/// Two paired devices; the phone has news for the laptop.
fn paired_with_news() -> (Device, Device) {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    for day in 0..5 {
        phone.check_in(day, &format!("news of day {day}"));
    }
    (phone, laptop)
}

#[test]
fn a_tampered_frame_ends_the_session_and_changes_nothing() {
    let (phone, laptop) = paired_with_news();
    let before = laptop.heads();
    let mut transports = 0;
    // Every transport frame to the laptop (the responder) has one bit flipped, from the
    // second on: the first one (the phone's opening sync message) carries no changes.
    let outcome = sync_with(&phone, &laptop, |dir, _, mut frame| {
        if dir == Dir::ToResponder && kind(&frame) == TRANSPORT {
            transports += 1;
            if transports == 2 {
                let last = frame.len() - 1;
                frame[last] ^= 0x01;
            }
        }
        vec![frame]
    });
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::Decrypt)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::PeerAborted)
    );
    assert_eq!(laptop.heads(), before);
    let laptop = laptop.restart();
    assert_eq!(laptop.heads(), before);
}

#[test]
fn a_replayed_frame_ends_the_session_and_changes_nothing() {
    let (phone, laptop) = paired_with_news();
    let mut first_transport = None;
    let mut heads_at_replay = None;
    let app = laptop.app.clone();
    let outcome = sync_with(&phone, &laptop, |dir, _, frame| {
        if dir != Dir::ToResponder || kind(&frame) != TRANSPORT {
            return vec![frame];
        }
        match &first_transport {
            None => {
                first_transport = Some(frame.clone());
                vec![frame]
            }
            Some(old) => {
                heads_at_replay = Some(app.heads().unwrap());
                vec![old.clone()]
            }
        }
    });
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::Decrypt)
    );
    assert_eq!(Some(laptop.heads()), heads_at_replay);
}

#[test]
fn a_frame_announcing_4_gib_is_refused_before_anything_is_allocated() {
    let laptop = Device::new("laptop");
    let mut session = laptop.app.sync_session(Role::Responder).unwrap();
    let err = sync_error(session.receive(&[0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0]));
    assert_eq!(
        err,
        SyncError::FrameTooLarge {
            announced: u64::from(u32::MAX),
            max: MAX_FRAME_BYTES as u64
        }
    );
    // The peer is told the session failed, and the session is over.
    assert_eq!(session.closing_frame(), Some(frame::abort(0)));
    assert_eq!(
        sync_error(session.receive(&frame::handshake(&[0; 32]))),
        SyncError::SessionEnded
    );
}

#[test]
fn garbage_frames_give_typed_errors() {
    let laptop = Device::new("laptop");
    for bad in [
        vec![],
        vec![0, 0, 0],
        vec![0, 0, 0, 0],
        vec![0, 0, 0, 5, 1, 2],
        frame::transport(b"not yet"),
        frame::handshake(&[7; 10]),
        frame::handshake(&[0; 200]),
        vec![0, 0, 0, 1, 9],
    ] {
        let mut session = laptop.app.sync_session(Role::Responder).unwrap();
        let err = sync_error(session.receive(&bad));
        assert!(
            matches!(
                err,
                SyncError::Malformed(_) | SyncError::Protocol(_) | SyncError::Decrypt
            ),
            "{bad:?} gave {err:?}"
        );
    }
}

/// A paired device speaking the protocol by hand: it completes the handshake with
/// `device`'s real key, then sends whatever payloads a test wants.
struct Hostile {
    channel: Channel,
    target: SyncSession,
}

impl Hostile {
    fn connect(device: &Device, target: &Device, limits: Limits) -> Hostile {
        let keys = device.app.sync_keys().unwrap();
        let mut handshake = Handshake::new(Purpose::Sync, Role::Initiator, keys.private()).unwrap();
        let mut target = target
            .app
            .sync_session_with_limits(Role::Responder, limits)
            .unwrap();
        let first = handshake.write(&[]).unwrap();
        let second = target.receive(&first).unwrap().outgoing.remove(0);
        let Ok(frame::Frame::Handshake(second)) = frame::parse(&second) else {
            panic!("not a handshake frame");
        };
        handshake.read_empty(second).unwrap();
        let third = handshake.write(&[]).unwrap();
        assert_eq!(target.receive(&third).unwrap(), Step::default());
        Hostile {
            channel: handshake.finish().unwrap(),
            target,
        }
    }

    fn send(&mut self, payload: &[u8]) -> crate::Result<Step> {
        let frame = self.channel.seal(payload).unwrap();
        self.target.receive(&frame)
    }

    /// Sends a whole sync message, part by part; returns the last step or error.
    fn send_message(&mut self, bytes: &[u8]) -> crate::Result<Step> {
        let mut last = Ok(Step::default());
        for payload in message::sync_payloads(bytes, false) {
            last = self.send(&payload);
            if last.is_err() {
                break;
            }
        }
        last
    }
}

#[test]
fn changes_that_would_replace_a_root_map_are_refused_and_the_document_reloaded() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    laptop.check_in(1, "kept");
    let before = laptop.heads();

    let mut evil = AutoCommit::load(crate::doc::genesis::GENESIS).unwrap();
    let genesis_heads = evil.get_heads();
    evil.put_object(ROOT, crate::doc::CHECKINS, ObjType::Map)
        .unwrap();
    evil.commit();
    let message = Message {
        heads: evil.get_heads(),
        need: Vec::new(),
        have: Vec::new(),
        changes: ChunkList::from(vec![evil.save_after(&genesis_heads)]),
        flags: None,
        version: MessageVersion::V1,
    };
    let mut hostile = Hostile::connect(&phone, &laptop, Limits::default());
    let err = sync_error(hostile.send_message(&message.encode()));
    assert_eq!(err, SyncError::RootsReplaced);
    assert_eq!(laptop.heads(), before);
    assert_eq!(
        laptop.app.history(None).unwrap()[0].note.as_deref(),
        Some("kept")
    );
    laptop.check_in(2, "the laptop still writes");
    let laptop = laptop.restart();
    assert_eq!(laptop.app.history(None).unwrap().len(), 2);
}

#[test]
fn malformed_and_out_of_turn_messages_end_the_session() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    let before = laptop.heads();
    // (payload, whether a protocol error rather than a malformed message is expected)
    let hello = message::Hello {
        device_id: phone.id(),
        name: "phone".into(),
    }
    .encode();
    let cases: [(&[u8], bool); 6] = [
        (&[2, 0x42, 1, 2, 3], false),
        (&[2], false),
        (&hello, true),
        (&[9, 9], false),
        (&[3, 3], false),
        (&[4, 0], false),
    ];
    for (payload, protocol) in cases {
        let mut hostile = Hostile::connect(&phone, &laptop, Limits::default());
        let err = sync_error(hostile.send(payload));
        let expected = if protocol {
            matches!(err, SyncError::Protocol(_))
        } else {
            matches!(err, SyncError::Malformed(_))
        };
        assert!(expected, "{payload:?} gave {err:?}");
    }
    assert_eq!(laptop.heads(), before);
}

#[test]
fn a_message_past_its_bound_is_refused_before_it_is_kept() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    let limits = Limits {
        max_message_bytes: 3 * MAX_PART_BYTES,
        ..Limits::default()
    };
    let mut hostile = Hostile::connect(&phone, &laptop, limits);
    let part = {
        let mut p = vec![1u8];
        p.extend(vec![0x42; MAX_PART_BYTES]);
        p
    };
    for _ in 0..3 {
        assert_eq!(hostile.send(&part).unwrap(), Step::default());
    }
    assert_eq!(
        sync_error(hostile.send(&part)),
        SyncError::MessageTooLarge {
            max: 3 * MAX_PART_BYTES as u64
        }
    );
}

#[test]
fn the_session_total_is_bounded() {
    let (phone, laptop) = paired_with_news();
    for day in 5..40 {
        phone.check_in(day, &super::harness::random_note(day, 20));
    }
    let mut initiator = phone.app.sync_session(Role::Initiator).unwrap();
    let mut responder = laptop
        .app
        .sync_session_with_limits(
            Role::Responder,
            Limits {
                max_session_bytes: 4 * 1024,
                ..Limits::default()
            },
        )
        .unwrap();
    let outcome = super::harness::run(&mut initiator, &mut responder, super::harness::as_sent);
    assert!(
        matches!(
            outcome.sync_error(Dir::ToResponder),
            Some(SyncError::SessionTooLarge { .. })
        ),
        "{outcome:?}"
    );
    assert!(responder.stats().bytes_received <= 4 * 1024);
    assert_eq!(laptop.app.integrity_check().unwrap(), "ok");

    // Rounds are bounded too: a peer that keeps sending sync messages that ask for
    // nothing cannot keep a session going.
    let mut hostile = Hostile::connect(
        &phone,
        &laptop,
        Limits {
            max_rounds: 3,
            ..Limits::default()
        },
    );
    let mut genesis = AutoCommit::load(crate::doc::genesis::GENESIS).unwrap();
    let nothing = genesis
        .sync()
        .generate_sync_message(&mut automerge::sync::State::new())
        .unwrap()
        .encode();
    for _ in 0..3 {
        assert!(!hostile.send_message(&nothing).unwrap().done);
    }
    assert!(matches!(
        sync_error(hostile.send_message(&nothing)),
        SyncError::SessionTooLarge { .. }
    ));
}

#[test]
fn heads_out_of_order_and_repeated_are_taken_without_a_panic() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    phone.check_in(1, "on the phone");
    laptop.check_in(2, "on the laptop");
    assert!(super::harness::sync(&phone, &laptop).ok());
    let mut heads: Vec<automerge::ChangeHash> =
        laptop.heads().iter().map(|h| h.parse().unwrap()).collect();
    assert_eq!(heads.len(), 2, "two concurrent heads");
    heads.sort();
    heads.push(heads[1]);
    let message = Message {
        heads,
        need: Vec::new(),
        have: Vec::new(),
        changes: ChunkList::empty(),
        flags: None,
        version: MessageVersion::V1,
    };
    // Encoded in order (Automerge asserts that), then the first two heads swapped: the
    // message type byte and the count byte come first, then 32 bytes per head.
    let mut bytes = message.encode();
    let (first, second) = (bytes[2..34].to_vec(), bytes[34..66].to_vec());
    bytes[2..34].copy_from_slice(&second);
    bytes[34..66].copy_from_slice(&first);
    let mut hostile = Hostile::connect(&phone, &laptop, Limits::default());
    let step = hostile.send_message(&bytes);
    assert!(step.is_ok(), "{step:?}");
    // The store goes on working.
    laptop.check_in(3, "still writing");
    assert_eq!(laptop.app.history(None).unwrap().len(), 3);
    let laptop = laptop.restart();
    assert_eq!(laptop.app.history(None).unwrap().len(), 3);
}
