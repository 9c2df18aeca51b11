//! Pairing: both sides pin each other; wrong, expired, used and misdirected codes fail
//! with typed errors on both sides.

use chrono::Duration;

use super::harness::{Device, Dir, as_sent, noon, pair, run};
use crate::Error;
use crate::sync::{SyncError, device_id_for};

fn sync_err(result: crate::Result<impl std::fmt::Debug>) -> SyncError {
    match result {
        Err(Error::Sync(err)) => err,
        other => panic!("expected a sync error, got {other:?}"),
    }
}

#[test]
fn pairing_pins_both_devices_with_their_names_and_ids() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    let offer = phone.app.pairing_offer(None).unwrap();
    assert_eq!(offer.device_id, phone.id());
    assert_eq!(offer.expires_at, noon(0) + Duration::minutes(10));
    assert_eq!(
        offer.qr,
        format!(
            "reconnect-pair:1:{}:{}",
            phone.id(),
            offer.code.replace('-', "")
        )
    );

    let mut responder = phone.app.pair_responder(&offer.code).unwrap();
    let mut initiator = laptop.app.pair_initiator(&offer.qr).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(
        outcome.frames.len(),
        4,
        "three handshake messages and one hello"
    );

    let on_phone = phone.app.peers().unwrap();
    let on_laptop = laptop.app.peers().unwrap();
    assert_eq!(on_phone.len(), 1);
    assert_eq!(on_laptop.len(), 1);
    assert_eq!(on_phone[0].device_id, laptop.id());
    assert_eq!(on_phone[0].name, "laptop");
    assert_eq!(
        on_phone[0].public_key,
        laptop.app.device_public_key().unwrap()
    );
    assert_eq!(on_phone[0].paired_at, noon(0));
    assert_eq!(on_phone[0].revoked_at, None);
    assert_eq!(on_laptop[0].device_id, phone.id());
    assert_eq!(on_laptop[0].name, "phone");
    assert_eq!(
        on_laptop[0].public_key,
        phone.app.device_public_key().unwrap()
    );
    assert_eq!(responder.peer(), Some(&on_phone[0]));
    assert_eq!(initiator.peer(), Some(&on_laptop[0]));
    // Device ids are the ones the pinned keys derive.
    assert_eq!(device_id_for(&on_laptop[0].public_key), phone.id());
}

#[test]
fn a_typed_code_pairs_too() {
    let phone = Device::new("phone");
    let tablet = Device::new("tablet");
    let offer = phone.app.pairing_offer(Some(Duration::minutes(2))).unwrap();
    let typed = offer.code.to_lowercase().replace('-', " ");
    let mut responder = phone.app.pair_responder(&offer.code).unwrap();
    let mut initiator = tablet.app.pair_initiator(&typed).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(tablet.app.peers().unwrap()[0].device_id, phone.id());
}

#[test]
fn a_wrong_code_fails_on_both_sides_and_burns_the_offer() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    let offer = phone.app.pairing_offer(None).unwrap();
    let mut responder = phone.app.pair_responder(&offer.code).unwrap();
    let wrong = if offer.code.starts_with('A') {
        "BBBBB-BBBBB"
    } else {
        "AAAAA-AAAAA"
    };
    let mut initiator = laptop.app.pair_initiator(wrong).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::WrongCode)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::WrongCode)
    );
    assert!(phone.app.peers().unwrap().is_empty());
    assert!(laptop.app.peers().unwrap().is_empty());

    // The offer is spent: the right code no longer works.
    assert_eq!(
        sync_err(phone.app.pair_responder(&offer.code)),
        SyncError::OfferUsed
    );
}

#[test]
fn an_expired_offer_is_refused() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    let offer = phone.app.pairing_offer(None).unwrap();
    // A session made in time, answered after the offer expired.
    let mut responder = phone.app.pair_responder(&offer.code).unwrap();
    phone.clock.set(noon(0) + Duration::minutes(10));
    let mut initiator = laptop.app.pair_initiator(&offer.qr).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::OfferExpired)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::OfferExpired)
    );
    assert_eq!(
        sync_err(phone.app.pair_responder(&offer.code)),
        SyncError::OfferExpired
    );
    assert!(phone.app.peers().unwrap().is_empty());
}

#[test]
fn a_used_offer_is_refused() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    let tablet = Device::new("tablet");
    let offer = phone.app.pairing_offer(None).unwrap();
    // Two sessions on one offer: only the first to prove the code gets it.
    let mut first = phone.app.pair_responder(&offer.code).unwrap();
    let mut second = phone.app.pair_responder(&offer.code).unwrap();
    let mut laptop_side = laptop.app.pair_initiator(&offer.qr).unwrap();
    assert!(run(&mut laptop_side, &mut first, as_sent).ok());
    let mut tablet_side = tablet.app.pair_initiator(&offer.qr).unwrap();
    let outcome = run(&mut tablet_side, &mut second, as_sent);
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::OfferUsed)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::OfferUsed)
    );
    assert_eq!(
        sync_err(phone.app.pair_responder(&offer.code)),
        SyncError::OfferUsed
    );
    let names: Vec<String> = phone
        .app
        .peers()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["laptop"]);
    assert!(tablet.app.peers().unwrap().is_empty());
}

#[test]
fn a_new_offer_spends_the_previous_one_and_unknown_codes_are_refused() {
    let phone = Device::new("phone");
    let old = phone.app.pairing_offer(None).unwrap();
    let new = phone.app.pairing_offer(None).unwrap();
    assert_ne!(old.code, new.code);
    assert_eq!(
        sync_err(phone.app.pair_responder(&old.code)),
        SyncError::OfferUsed
    );
    assert!(phone.app.pair_responder(&new.code).is_ok());
    let unknown = if new.code.starts_with('C') {
        "DDDDD-DDDDD"
    } else {
        "CCCCC-CCCCC"
    };
    assert_eq!(
        sync_err(phone.app.pair_responder(unknown)),
        SyncError::UnknownOffer
    );
    assert!(matches!(
        phone.app.pair_initiator("not a code"),
        Err(Error::InvalidInput(_))
    ));
    assert!(matches!(
        phone.app.pairing_offer(Some(Duration::hours(2))),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn a_qr_code_answered_by_another_device_is_refused_before_the_code_is_used() {
    let phone = Device::new("phone");
    let stranger = Device::new("stranger");
    let laptop = Device::new("laptop");
    let offer = phone.app.pairing_offer(None).unwrap();
    let theirs = stranger.app.pairing_offer(None).unwrap();
    // The laptop scanned the phone's code but reached the stranger.
    let mut responder = stranger.app.pair_responder(&theirs.code).unwrap();
    let mut initiator = laptop.app.pair_initiator(&offer.qr).unwrap();
    let outcome = run(&mut initiator, &mut responder, as_sent);
    assert_eq!(
        outcome.sync_error(Dir::ToInitiator),
        Some(SyncError::WrongDevice)
    );
    assert_eq!(
        outcome.sync_error(Dir::ToResponder),
        Some(SyncError::PeerAborted)
    );
    assert!(laptop.app.peers().unwrap().is_empty());
    assert!(stranger.app.peers().unwrap().is_empty());
    // The stranger's offer was never attempted, so it is still live.
    assert!(stranger.app.pair_responder(&theirs.code).is_ok());
}

#[test]
fn pairing_again_keeps_one_peer_and_lifts_a_revocation() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    pair(&phone, &laptop);
    phone.app.revoke_peer(&laptop.id()).unwrap();
    assert!(phone.app.peers().unwrap()[0].revoked_at.is_some());
    pair(&phone, &laptop);
    let peers = phone.app.peers().unwrap();
    assert_eq!(peers.len(), 1);
    assert_eq!(peers[0].revoked_at, None);
    assert_eq!(laptop.app.peers().unwrap().len(), 1);
}
