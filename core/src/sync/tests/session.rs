//! Sync sessions between paired stores: convergence, durability, small follow-ups,
//! refusal of unpaired and revoked devices, and what an eavesdropper sees.

use std::sync::{Arc, Mutex};

use super::harness::{Device, Dir, pair, sync};
use crate::notify::ChangeEvent;
use crate::sync::{Role, SyncError};

#[test]
fn a_session_brings_two_paired_stores_to_the_same_heads() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    phone.check_in(1, "walked by the river");
    phone.check_in(2, "slept badly");
    laptop.check_in(3, "called a friend instead");
    assert_ne!(phone.heads(), laptop.heads());

    // A listener on the laptop sees the phone's check-ins when it is called.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (sink, reader) = (seen.clone(), Arc::downgrade(&laptop.app));
    let _subscription = laptop.app.subscribe(Arc::new(move |event: &ChangeEvent| {
        let days = reader.upgrade().map(|app| app.history(None).unwrap().len());
        sink.lock().unwrap().push((event.clone(), days));
    }));

    let outcome = sync(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert!(outcome.initiator_changed && outcome.responder_changed);
    assert_eq!(phone.heads(), laptop.heads());
    assert_eq!(
        phone.app.history(None).unwrap(),
        laptop.app.history(None).unwrap()
    );
    assert_eq!(laptop.app.history(None).unwrap().len(), 3);
    let seen = seen.lock().unwrap().clone();
    assert!(!seen.is_empty());
    assert!(
        seen.iter()
            .all(|(e, _)| *e == ChangeEvent::RemoteChangesMerged)
    );
    assert_eq!(
        seen.last().unwrap().1,
        Some(3),
        "listeners run after the changes landed"
    );

    // Everything received was durable: both stores reopen with the same heads.
    let heads = phone.heads();
    let (phone, laptop) = (phone.restart(), laptop.restart());
    assert_eq!(phone.heads(), heads);
    assert_eq!(laptop.heads(), heads);
    assert_eq!(laptop.app.integrity_check().unwrap(), "ok");
}

#[test]
fn a_second_session_sends_only_what_is_new() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    for day in 0..60 {
        phone.check_in(day, &super::harness::random_note(day, 2));
    }
    let first = sync(&phone, &laptop);
    assert!(first.ok(), "{first:?}");
    // Per-peer sync state is on disk: it survives a restart of both apps.
    let (phone, laptop) = (phone.restart(), laptop.restart());
    phone.check_in(60, "one more");
    let second = sync(&laptop, &phone);
    assert!(second.ok(), "{second:?}");
    assert_eq!(phone.heads(), laptop.heads());
    assert!(
        second.bytes() < 4 * 1024,
        "the second session moved {} bytes (the first {})",
        second.bytes(),
        first.bytes()
    );
    assert!(
        first.bytes() > 4 * second.bytes(),
        "first {} second {}",
        first.bytes(),
        second.bytes()
    );

    // Nothing new: a session still settles, and changes nothing.
    let third = sync(&phone, &laptop);
    assert!(third.ok() && !third.initiator_changed && !third.responder_changed);
}

#[test]
fn unpaired_devices_are_refused_on_both_sides() {
    let phone = Device::new("phone");
    let stranger = Device::new("stranger");
    stranger.check_in(1, "not for the phone");
    let before = phone.heads();
    // The initiator learns the responder's key first (handshake message 2).
    let outcome = sync(&phone, &stranger);
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::UnknownPeer)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::RefusedByPeer)
    );
    // A stranger that pinned the phone on its own is refused by the phone as responder,
    // when handshake message 3 reveals its key.
    let hello = crate::sync::message::Hello {
        device_id: phone.id(),
        name: "phone".into(),
    };
    stranger
        .app
        .pairing_pin(phone.app.device_public_key().unwrap(), hello)
        .unwrap();
    let outcome = sync(&stranger, &phone);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::UnknownPeer)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::RefusedByPeer)
    );
    assert_eq!(phone.heads(), before);
    assert!(phone.app.peers().unwrap().is_empty());
}

#[test]
fn a_revoked_device_is_refused_from_then_on() {
    let phone = Device::new("phone");
    let lost = Device::new("lost tablet");
    pair(&phone, &lost);
    assert!(sync(&lost, &phone).ok());
    phone.app.revoke_peer(&lost.id()).unwrap();
    assert!(matches!(
        phone.app.revoke_peer("00000000000000000000000000000000"),
        Err(crate::Error::Sync(SyncError::UnknownPeer))
    ));
    lost.check_in(5, "written after the revocation");
    let before = phone.heads();
    let outcome = sync(&lost, &phone);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::RevokedPeer)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::RefusedByPeer)
    );
    let outcome = sync(&phone, &lost);
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::RevokedPeer)
    );
    assert_eq!(phone.heads(), before);
    assert!(phone.app.peers().unwrap()[0].is_revoked());
}

#[test]
fn a_device_revoked_during_a_session_is_refused_at_its_next_message() {
    let phone = Device::new("phone");
    let tablet = Device::new("tablet");
    pair(&phone, &tablet);
    tablet.check_in(1, "sent as the phone revokes");
    let before = phone.heads();
    let (app, id) = (phone.app.clone(), tablet.id());
    let outcome = super::harness::sync_with(&tablet, &phone, |dir, index, frame| {
        if index == 3 {
            app.revoke_peer(&id).unwrap();
        }
        let _ = dir;
        vec![frame]
    });
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::RevokedPeer)
    );
    assert_eq!(phone.heads(), before);
}

#[test]
fn a_canary_written_on_one_device_never_appears_on_the_wire() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    let canary = "CANARY-e1f4b3 the words only my diary knows";
    phone.check_in(1, canary);
    let outcome = sync(&laptop, &phone);
    assert!(outcome.ok());
    assert_eq!(
        laptop.app.history(None).unwrap()[0].note.as_deref(),
        Some(canary),
        "the note did arrive"
    );
    for (_, frame) in &outcome.frames {
        for needle in [&b"CANARY-e1f4b3"[..], b"diary", b"phone"] {
            assert!(
                !frame.windows(needle.len()).any(|w| w == needle),
                "a frame carries {:?} in the clear",
                String::from_utf8_lossy(needle)
            );
        }
    }
}

#[test]
fn sessions_hold_the_store_weakly_and_end_when_it_closes() {
    let phone = Device::new("phone");
    let mut session = phone.app.sync_session(Role::Responder).unwrap();
    assert_eq!(
        phone
            .app
            .sync_session(Role::Initiator)
            .unwrap()
            .start()
            .unwrap()
            .len(),
        1
    );
    let phone = phone.restart();
    assert!(matches!(
        session.receive(&crate::sync::frame::handshake(&[0; 32])),
        Err(crate::Error::Sync(SyncError::StoreClosed))
    ));
    assert!(matches!(
        session.receive(&[]),
        Err(crate::Error::Sync(SyncError::SessionEnded))
    ));
    drop(phone);
}
