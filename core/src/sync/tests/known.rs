//! Sessions to a chosen device (Noise IK) next to sessions to whichever device answers
//! (Noise XX): how many one-way flights one day's news takes, who may read an opening,
//! and what a replayed opening can do (nothing).

use super::harness::{
    Device, Dir, HANDSHAKE, KNOWN_OPENING, TRANSPORT, kind, pair, random_note, saved_state, sync,
    sync_to, sync_to_with,
};
use crate::Error;
use crate::sync::{Role, SyncError};

/// Two paired devices that share 60 days and have synced them (their states saved).
fn in_step() -> (Device, Device) {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    for day in 0..60 {
        phone.check_in(day, &random_note(day, 2));
    }
    assert!(sync_to(&laptop, &phone).ok());
    assert_eq!(phone.heads(), laptop.heads());
    (phone, laptop)
}

fn days(device: &Device) -> usize {
    device.app.history(None).unwrap().len()
}

#[test]
fn one_days_news_on_both_sides_settles_in_three_flights_to_a_known_device() {
    let (phone, laptop) = in_step();
    laptop.check_in(60, "written on the laptop");
    phone.check_in(61, "written on the phone");
    // The phone holds the laptop's news as soon as the first flight has arrived.
    let mut phone_days_after_first = None;
    let app = phone.app.clone();
    let outcome = sync_to_with(&laptop, &phone, |_, index, frame| {
        if index == 1 {
            phone_days_after_first = Some(app.history(None).unwrap().len());
        }
        vec![frame]
    });
    drop(app);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(outcome.flights(), 3, "{:?}", outcome.frames.len());
    assert_eq!(kind(&outcome.frames[0].1), KNOWN_OPENING);
    assert_eq!(phone_days_after_first, Some(62));
    assert!(outcome.initiator_changed && outcome.responder_changed);
    assert_eq!(phone.heads(), laptop.heads());
    assert_eq!((days(&phone), days(&laptop)), (62, 62));
    assert!(outcome.bytes() < 2048, "{} bytes", outcome.bytes());

    // Both saved where they now stand: the next session carries no news at all.
    let (phone, laptop) = (phone.restart(), laptop.restart());
    let again = sync_to(&laptop, &phone);
    assert!(again.ok() && !again.initiator_changed && !again.responder_changed);
    assert_eq!(again.flights(), 3);
    assert!(again.bytes() < outcome.bytes());
}

#[test]
fn news_on_one_side_only_also_settles_in_three_flights() {
    for news_on_initiator in [true, false] {
        let (phone, laptop) = in_step();
        if news_on_initiator {
            laptop.check_in(60, "only the laptop wrote");
        } else {
            phone.check_in(60, "only the phone wrote");
        }
        let outcome = sync_to(&laptop, &phone);
        assert!(outcome.ok(), "{outcome:?}");
        assert_eq!(
            outcome.flights(),
            3,
            "news on initiator: {news_on_initiator}"
        );
        assert_eq!(outcome.responder_changed, news_on_initiator);
        assert_eq!(outcome.initiator_changed, !news_on_initiator);
        assert_eq!(phone.heads(), laptop.heads());
    }
}

#[test]
fn a_session_to_whichever_device_answers_takes_two_flights_more() {
    let (phone, laptop) = in_step();
    laptop.check_in(60, "written on the laptop");
    phone.check_in(61, "written on the phone");
    let outcome = sync(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(kind(&outcome.frames[0].1), HANDSHAKE);
    // e → ← e, ee, s, es → s, se + opening ← reply → final
    assert_eq!(outcome.flights(), 5);
    assert_eq!(phone.heads(), laptop.heads());

    // News on the initiator only: the responder's reply is already its final word.
    laptop.check_in(62, "only the laptop wrote");
    let outcome = sync(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(outcome.flights(), 4);
    assert_eq!(phone.heads(), laptop.heads());
}

#[test]
fn a_first_sync_to_a_known_device_moves_the_whole_document() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    for day in 0..30 {
        phone.check_in(day, &random_note(day, 1));
        laptop.check_in(day + 100, &random_note(day + 100, 1));
    }
    let outcome = sync_to(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(phone.heads(), laptop.heads());
    assert_eq!((days(&phone), days(&laptop)), (60, 60));
}

#[test]
fn only_the_named_device_can_read_an_opening() {
    let phone = Device::new("phone");
    let tablet = Device::new("tablet");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    pair(&tablet, &laptop);
    let canary = "CANARY-7d02 meant for the phone alone";
    laptop.check_in(1, canary);
    let before = tablet.heads();
    // The laptop calls the phone, but the tablet answers.
    let mut initiator = laptop.app.sync_session_to(&phone.id()).unwrap();
    let mut responder = tablet.app.sync_session(Role::Responder).unwrap();
    let outcome = super::harness::run(&mut initiator, &mut responder, super::harness::as_sent);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::Decrypt)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::PeerAborted)
    );
    assert_eq!(tablet.heads(), before);
    for (_, frame) in &outcome.frames {
        assert!(!frame.windows(11).any(|w| w == b"CANARY-7d02"));
    }
}

#[test]
fn unknown_and_revoked_devices_cannot_be_called() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    let refused = |device: &Device, id: &str| match device.app.sync_session_to(id) {
        Err(Error::Sync(err)) => err,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        refused(&laptop, "00000000000000000000000000000000"),
        SyncError::UnknownPeer
    );
    laptop.app.revoke_peer(&phone.id()).unwrap();
    assert_eq!(refused(&laptop, &phone.id()), SyncError::RevokedPeer);
}

#[test]
fn an_opening_not_taken_is_sent_again_and_the_session_still_converges() {
    let (phone, laptop) = in_step();
    // The phone has seen a higher counter than the laptop will send (as if the laptop
    // ran on a restored copy of its store and its clock were behind).
    super::identity::keyed(&phone)
        .execute(
            "UPDATE peer_openings SET seen = ?1 WHERE device_id = ?2",
            rusqlite::params![i64::MAX / 2, laptop.id()],
        )
        .unwrap();
    laptop.check_in(60, "the laptop's news");
    phone.check_in(61, "the phone's news");
    let outcome = sync_to(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    // opening → ← again → the sync message ← the phone's news → final
    assert_eq!(outcome.flights(), 5);
    assert_eq!(phone.heads(), laptop.heads());
    assert_eq!((days(&phone), days(&laptop)), (62, 62));
}

#[test]
fn a_store_restored_from_an_older_copy_is_ahead_again_at_once() {
    let (phone, laptop) = in_step();
    super::identity::keyed(&laptop)
        .execute("UPDATE peer_openings SET sent = 0", [])
        .unwrap();
    // Its next opening counts from the time, past anything the phone saw.
    laptop.check_in(60, "after the restore");
    phone.check_in(61, "meanwhile on the phone");
    let outcome = sync_to(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(outcome.flights(), 3);
    assert_eq!(phone.heads(), laptop.heads());
}

#[test]
fn a_device_revoked_after_its_session_was_made_gets_no_opening() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    laptop.check_in(1, "not for a revoked device");
    let mut session = laptop.app.sync_session_to(&phone.id()).unwrap();
    laptop.app.revoke_peer(&phone.id()).unwrap();
    assert!(matches!(
        session.start(),
        Err(Error::Sync(SyncError::RevokedPeer))
    ));
}

#[test]
fn a_hundred_days_of_news_on_both_sides_each_settle_in_three_flights() {
    // Automerge's Bloom filter has false positives (about 1 % per change); the changes a
    // peer lacks are sent exactly when its heads are known, so no day needs a fourth.
    let (phone, laptop) = in_step();
    for day in 60..160 {
        laptop.check_in(day, &format!("laptop {day}"));
        phone.check_in(day + 1000, &format!("phone {day}"));
        let outcome = if day % 2 == 0 {
            sync_to(&laptop, &phone)
        } else {
            sync_to(&phone, &laptop)
        };
        assert!(outcome.ok(), "day {day}: {outcome:?}");
        assert_eq!(outcome.flights(), 3, "day {day}");
        assert_eq!(phone.heads(), laptop.heads(), "day {day}");
    }
    assert_eq!(days(&phone), 260);
}

#[test]
fn an_opening_from_an_unpinned_or_revoked_key_is_refused_before_it_is_read() {
    let phone = Device::new("phone");
    let stranger = Device::new("stranger");
    // The stranger pins the phone on its own; the phone never pinned the stranger.
    let hello = crate::sync::message::Hello {
        device_id: phone.id(),
        name: "phone".into(),
    };
    stranger
        .app
        .pairing_pin(phone.app.device_public_key().unwrap(), hello)
        .unwrap();
    stranger.check_in(1, "not for the phone");
    let before = phone.heads();
    let outcome = sync_to(&stranger, &phone);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::UnknownPeer)
    );
    assert_eq!(phone.heads(), before);

    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    phone.app.revoke_peer(&laptop.id()).unwrap();
    laptop.check_in(2, "written after the revocation");
    let before = phone.heads();
    let outcome = sync_to(&laptop, &phone);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::RevokedPeer)
    );
    assert_eq!(phone.heads(), before);
}

#[test]
fn a_replayed_opening_changes_nothing_and_its_session_goes_no_further() {
    let (phone, laptop) = in_step();
    laptop.check_in(60, "news in the opening");
    let outcome = sync_to(&laptop, &phone);
    assert!(outcome.ok());
    let opening = outcome.frames[0].1.clone();
    let last = outcome.frames.last().unwrap().1.clone();
    assert_eq!(kind(&last), TRANSPORT);
    let (heads, state) = (phone.heads(), saved_state(&phone, &laptop));

    let mut replayed = phone.app.sync_session(Role::Responder).unwrap();
    let step = replayed
        .receive(&opening)
        .expect("an opening is not bound to a session");
    assert!(!step.changed);
    let answer: usize = step.outgoing.iter().map(Vec::len).sum();
    assert_eq!(phone.heads(), heads);
    assert_eq!(
        saved_state(&phone, &laptop),
        state,
        "the state is saved only later"
    );
    assert!(matches!(
        replayed.receive(&last),
        Err(Error::Sync(SyncError::Decrypt))
    ));
    assert_eq!(phone.heads(), heads);
    assert_eq!(saved_state(&phone, &laptop), state);

    // Whatever the phone writes after, a replay's answer stays the same size: it tells
    // nothing of how much was written, and costs the phone no more than a short message.
    for day in 61..64 {
        phone.check_in(day, &random_note(day, 8));
    }
    // A tablet's concurrent write merged on the phone too (two heads).
    let tablet = Device::new("tablet");
    pair(&phone, &tablet);
    tablet.check_in(70, "from the tablet");
    assert!(sync_to(&tablet, &phone).ok());
    let mut again = phone.app.sync_session(Role::Responder).unwrap();
    let step = again.receive(&opening).unwrap();
    let later: usize = step.outgoing.iter().map(Vec::len).sum();
    assert_eq!(later, answer);
    assert!(answer < 120, "{answer} bytes");

    // The real laptop still syncs in three flights: its openings count on.
    let outcome = sync_to(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(outcome.flights(), 3);
    assert_eq!(phone.heads(), laptop.heads());

    // A tampered opening is refused outright.
    let heads = phone.heads();
    let mut tampered = opening.clone();
    let at = tampered.len() - 3;
    tampered[at] ^= 0x40;
    let mut session = phone.app.sync_session(Role::Responder).unwrap();
    assert!(matches!(
        session.receive(&tampered),
        Err(Error::Sync(SyncError::Decrypt))
    ));
    assert_eq!(phone.heads(), heads);
}
