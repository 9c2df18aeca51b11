//! Exists because a user's devices edit offline and meet later: independently created
//! devices must converge on identical documents, keep both sides' edits field by field,
//! and surface (never silently drop) concurrent versions of a note.

use reconnect_core::{ChangeEvent, ContactMedium};
use reconnect_tests::device::input;
use reconnect_tests::fleet::{TestDevice, assert_converged, sync};
use std::sync::{Arc, Mutex};

#[test]
fn independent_devices_see_each_others_days() {
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    a.on(1)
        .check_in(input(2, 6, None, Some("from the phone")))
        .unwrap();
    b.on(2)
        .check_in(input(
            4,
            1,
            Some(ContactMedium::Text),
            Some("from the tablet"),
        ))
        .unwrap();
    sync(&a.app, &b.app);
    let history = a.app.history(None).unwrap();
    let notes: Vec<_> = history.iter().map(|c| c.note.as_deref().unwrap()).collect();
    assert_eq!(notes, vec!["from the tablet", "from the phone"]);
    assert_eq!(history[0].updated_by, b.app.device().device_id);
    assert_eq!(history[0].contact, ContactMedium::Text);
    assert_eq!(history[1].updated_by, a.app.device().device_id);

    // What was merged is on disk: a restart shows the same document.
    let heads = a.app.heads().unwrap();
    let a = a.restart();
    assert_eq!(a.app.heads().unwrap(), heads);
    assert_eq!(a.app.history(None).unwrap(), history);
    assert_converged(&a.app, &b.app);
}

#[test]
fn concurrent_edits_of_different_fields_are_both_kept() {
    let a = TestDevice::new("phone");
    let b = TestDevice::with_key("tablet", a.key.clone());
    a.on(5)
        .check_in(input(3, 4, Some(ContactMedium::None), Some("base")))
        .unwrap();
    b.app.merge_from(&a.app).unwrap();
    assert_converged(&a.app, &b.app);

    // Offline: the phone changes the mood, the tablet changes the note.
    a.on(5).check_in(input(1, 4, None, None)).unwrap();
    b.on(5)
        .check_in(input(3, 4, None, Some("rewritten on the tablet")))
        .unwrap();
    sync(&a.app, &b.app);

    let day = a.app.history(None).unwrap().remove(0);
    assert_eq!(day.mood, 1, "the phone's mood is kept");
    assert_eq!(day.note.as_deref(), Some("rewritten on the tablet"));
    assert!(day.note_conflicts.is_empty(), "{day:?}");
    assert_eq!(day.urge, 4);
    assert_eq!(a.app.history(None).unwrap().len(), 1);
}

#[test]
fn a_day_created_on_both_devices_keeps_fields_from_both() {
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    a.on(9)
        .check_in(input(2, 8, None, Some("only the phone wrote a note")))
        .unwrap();
    b.on(9)
        .check_in(input(5, 1, Some(ContactMedium::Call), None))
        .unwrap();
    sync(&a.app, &b.app);

    let history = a.app.history(None).unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    let day = &history[0];
    assert_eq!(day.note.as_deref(), Some("only the phone wrote a note"));
    assert!(day.note_conflicts.is_empty());
    assert!(
        [(2, 8), (5, 1)].contains(&(day.mood, day.urge)),
        "mood and urge come from one of the two check-ins: {day:?}"
    );
    // Only the tablet reported contact; whichever record wins, the call is not hidden.
    assert_eq!(day.contact, ContactMedium::Call, "{day:?}");
    assert_eq!(b.app.history(None).unwrap()[0].contact, ContactMedium::Call);
    assert_eq!(a.app.today().unwrap().days_checked_in, 1);

    // The next check-in with a note settles the day into one record everywhere.
    b.on(9)
        .check_in(input(4, 2, None, Some("settled")))
        .unwrap();
    sync(&a.app, &b.app);
    let day = a.app.history(None).unwrap().remove(0);
    assert_eq!((day.mood, day.urge), (4, 2));
    assert_eq!(day.note.as_deref(), Some("settled"));
    assert!(day.note_conflicts.is_empty());
}

/// Found by the random merge test: settling a day created on two devices must not
/// drop a note written concurrently into one of its competing records.
#[test]
fn settling_a_doubly_created_day_keeps_an_unseen_note() {
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    a.on(3).check_in(input(1, 0, None, None)).unwrap();
    b.on(3).check_in(input(1, 0, None, None)).unwrap();
    a.app.merge_from(&b.app).unwrap();
    // The tablet, not yet having seen the phone, writes a note; the phone, which has
    // seen both records of the day, writes another.
    b.on(3)
        .check_in(input(1, 0, None, Some("the tablet's note")))
        .unwrap();
    a.on(3)
        .check_in(input(1, 0, None, Some("the phone's note")))
        .unwrap();
    sync(&a.app, &b.app);
    let day = a.app.history(None).unwrap().remove(0);
    let mut all = vec![day.note.clone().unwrap()];
    all.extend(day.note_conflicts.clone());
    all.sort();
    assert_eq!(all, vec!["the phone's note", "the tablet's note"]);

    // Writing the note again, having seen both, settles it everywhere.
    b.on(3)
        .check_in(input(2, 1, None, Some("one note")))
        .unwrap();
    sync(&a.app, &b.app);
    let day = a.app.history(None).unwrap().remove(0);
    assert_eq!(day.note.as_deref(), Some("one note"));
    assert!(day.note_conflicts.is_empty(), "{day:?}");
    assert_eq!((day.mood, day.urge), (2, 1));
}

#[test]
fn concurrent_notes_surface_as_a_conflict_until_rewritten() {
    let a = TestDevice::new("phone");
    let b = TestDevice::with_key("tablet", a.key.clone());
    a.on(3).check_in(input(3, 3, None, Some("base"))).unwrap();
    sync(&a.app, &b.app);
    a.on(3)
        .check_in(input(3, 3, None, Some("the phone's version")))
        .unwrap();
    b.on(3)
        .check_in(input(3, 3, None, Some("the tablet's version")))
        .unwrap();
    sync(&a.app, &b.app);

    for device in [&a, &b] {
        let day = device.app.history(None).unwrap().remove(0);
        let mut all = vec![day.note.clone().unwrap()];
        all.extend(day.note_conflicts.clone());
        all.sort();
        assert_eq!(all, vec!["the phone's version", "the tablet's version"]);
        assert_eq!(day.note_conflicts.len(), 1, "{day:?}");
    }

    // Either device writing the note again resolves it for both.
    a.on(3)
        .check_in(input(3, 3, None, Some("both, really")))
        .unwrap();
    sync(&a.app, &b.app);
    for device in [&a, &b] {
        let day = device.app.history(None).unwrap().remove(0);
        assert_eq!(day.note.as_deref(), Some("both, really"));
        assert!(day.note_conflicts.is_empty(), "{day:?}");
    }
}

#[test]
fn merging_new_changes_notifies_listeners() {
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    let events: Arc<Mutex<Vec<ChangeEvent>>> = Arc::default();
    let seen = events.clone();
    let _subscription = b.app.subscribe(Arc::new(move |event: &ChangeEvent| {
        seen.lock().unwrap().push(event.clone());
    }));

    a.on(1).check_in(input(3, 3, None, None)).unwrap();
    b.app.merge_from(&a.app).unwrap();
    assert_eq!(
        *events.lock().unwrap(),
        vec![ChangeEvent::RemoteChangesMerged]
    );

    // Nothing new: no event.
    b.app.merge_from(&a.app).unwrap();
    assert_eq!(events.lock().unwrap().len(), 1);

    // The same bytes through merge_document behave the same way.
    a.on(2).check_in(input(4, 4, None, None)).unwrap();
    b.app
        .merge_document(&a.app.save_document().unwrap())
        .unwrap();
    assert_eq!(events.lock().unwrap().len(), 2);
    assert_eq!(events.lock().unwrap()[1], ChangeEvent::RemoteChangesMerged);
}

#[test]
fn a_foreign_document_is_refused_and_changes_nothing() {
    let a = TestDevice::new("phone");
    a.on(1).check_in(input(3, 3, None, Some("kept"))).unwrap();
    let heads = a.app.heads().unwrap();
    let history = a.app.history(None).unwrap();

    assert!(a.app.merge_document(b"not an automerge document").is_err());
    // A valid Automerge document that was not started from Reconnect's genesis.
    let mut stranger = automerge::AutoCommit::new();
    automerge::transaction::Transactable::put(&mut stranger, automerge::ROOT, "checkins", 1)
        .unwrap();
    let err = a.app.merge_document(&stranger.save()).unwrap_err();
    assert!(
        matches!(err, reconnect_core::Error::InvalidInput(_)),
        "{err}"
    );

    assert_eq!(a.app.heads().unwrap(), heads);
    assert_eq!(a.app.history(None).unwrap(), history);
    let a = a.restart();
    assert_eq!(a.app.heads().unwrap(), heads);
}

/// A device that replaced a root map (a bug or a hostile peer) would hide every
/// check-in and leave the store unopenable; such a document is refused whole.
#[test]
fn a_document_that_replaces_a_root_map_is_refused() {
    use automerge::transaction::Transactable;
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    a.on(1).check_in(input(3, 3, None, Some("kept"))).unwrap();
    sync(&a.app, &b.app);
    let heads = a.app.heads().unwrap();

    let mut rogue = automerge::AutoCommit::load(&b.app.save_document().unwrap()).unwrap();
    rogue
        .put_object(automerge::ROOT, "checkins", automerge::ObjType::Map)
        .unwrap();
    let err = a.app.merge_document(&rogue.save()).unwrap_err();
    assert!(
        matches!(err, reconnect_core::Error::InvalidInput(_)),
        "{err}"
    );

    assert_eq!(a.app.heads().unwrap(), heads);
    let a = a.restart();
    assert_eq!(
        a.app.history(None).unwrap()[0].note.as_deref(),
        Some("kept")
    );
}

/// Apps always send a contact (their picker starts at "none"): an explicit "none" on
/// one device must not hide the other's reported call either.
#[test]
fn an_explicit_none_does_not_hide_a_concurrent_call() {
    let a = TestDevice::new("phone");
    let b = TestDevice::new("tablet");
    a.on(3)
        .check_in(input(3, 3, Some(ContactMedium::None), None))
        .unwrap();
    b.on(3)
        .check_in(input(3, 3, Some(ContactMedium::Call), None))
        .unwrap();
    sync(&a.app, &b.app);
    for device in [&a, &b] {
        assert_eq!(
            device.app.history(None).unwrap()[0].contact,
            ContactMedium::Call
        );
    }
    // Choosing a contact afterwards settles it on every device.
    a.on(3)
        .check_in(input(3, 3, Some(ContactMedium::Text), None))
        .unwrap();
    sync(&a.app, &b.app);
    for device in [&a, &b] {
        assert_eq!(
            device.app.history(None).unwrap()[0].contact,
            ContactMedium::Text
        );
    }
}
