//! Exists because the journal holds the most personal writing in the app: entries and
//! letters must round-trip, concurrent edits on two devices must never lose text, a
//! deleted entry must stay deleted after merges, and search must find every version.

use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind, EntryLink};
use reconnect_core::{ChangeEvent, Error, JournalFilter};
use reconnect_tests::fleet::{TestDevice, sync};
use std::sync::{Arc, Mutex};

fn entry(title: &str, body: &str, tags: &[&str]) -> EntryInput {
    EntryInput {
        kind: EntryKind::Entry,
        title: title.into(),
        body: body.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        link: None,
        cool_off_hours: None,
    }
}

#[test]
fn entries_round_trip_list_and_filter() {
    let phone = TestDevice::new("phone");
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let _subscription = phone.app.subscribe(Arc::new(move |e: &ChangeEvent| {
        sink.lock().unwrap().push(e.clone())
    }));
    let first = phone
        .on(1)
        .journal_add(entry(
            "Lake walk",
            "Cold wind, warm tea.",
            &["Calm", "#walks"],
        ))
        .unwrap();
    assert_eq!(first.tags, vec!["calm", "walks"]);
    assert_eq!(first.created_at, reconnect_tests::device::noon(1));
    let mut prompted = EntryInput::from_prompt("step.3.prompt.urges").unwrap();
    prompted.body = "Wrote instead of texting.".into();
    let second = phone.on(2).journal_add(prompted).unwrap();
    assert_eq!(
        second.link,
        Some(EntryLink::Prompt {
            key: "step.3.prompt.urges".into()
        })
    );
    let all = phone.app.journal_list(&JournalFilter::default()).unwrap();
    assert_eq!(
        all.iter().map(|e| &e.id).collect::<Vec<_>>(),
        [&second.id, &first.id]
    );
    let calm = JournalFilter {
        tag: Some("#CALM".into()),
        ..JournalFilter::default()
    };
    assert_eq!(phone.app.journal_list(&calm).unwrap(), vec![first.clone()]);

    let edited = phone
        .on(3)
        .journal_edit(
            &first.id,
            EntryEdit {
                body: Some("Cold wind, warm tea, and a heron.".into()),
                tags: Some(vec!["calm".into()]),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert_eq!(edited.title, "Lake walk");
    assert_eq!(edited.tags, vec!["calm"]);
    assert_eq!(edited.edited_at, reconnect_tests::device::noon(3));
    assert_eq!(edited.created_at, first.created_at);
    assert_eq!(events.lock().unwrap().len(), 3);

    // Bad input changes nothing and says why.
    let heads = phone.app.heads().unwrap();
    for bad in [
        entry("", " ", &[]),
        entry("two\nlines", "x", &[]),
        entry("x", "y", &[" "]),
    ] {
        assert!(matches!(
            phone.app.journal_add(bad),
            Err(Error::InvalidInput(_))
        ));
    }
    assert!(matches!(
        phone.app.journal_edit("no-such-id", EntryEdit::default()),
        Err(Error::InvalidInput(_))
    ));
    assert_eq!(phone.app.heads().unwrap(), heads);
}

#[test]
fn concurrent_edits_keep_both_texts_until_resolved() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let original = phone
        .on(1)
        .journal_add(entry("Sunday", "Slept late.", &[]))
        .unwrap();
    sync(&phone.app, &tablet.app);
    phone
        .on(2)
        .journal_edit(
            &original.id,
            EntryEdit {
                body: Some("Slept late. Called my sister about the move.".into()),
                tags: Some(vec!["family".into()]),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    tablet
        .on(2)
        .journal_edit(
            &original.id,
            EntryEdit {
                body: Some("Slept late. The park was full of kites.".into()),
                tags: Some(vec!["outside".into()]),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    sync(&phone.app, &tablet.app);
    let merged = phone.app.journal_get(&original.id).unwrap().unwrap();
    assert_eq!(
        tablet.app.journal_get(&original.id).unwrap().unwrap(),
        merged
    );
    assert!(merged.has_conflict());
    let mut bodies = vec![merged.body.clone()];
    bodies.extend(merged.body_conflicts.clone());
    bodies.sort();
    assert_eq!(
        bodies,
        [
            "Slept late. Called my sister about the move.",
            "Slept late. The park was full of kites."
        ]
    );
    // Tags added on both devices are both kept.
    assert_eq!(merged.tags, vec!["family", "outside"]);
    // Search finds words from both versions, and lists the conflict once.
    for query in ["sister", "kites", "sister kites"] {
        let hits = phone.app.journal_search(query, None).unwrap();
        assert_eq!(hits.len(), 1, "{query}");
    }
    let conflicted = JournalFilter {
        conflicted: true,
        ..JournalFilter::default()
    };
    assert_eq!(phone.app.journal_list(&conflicted).unwrap().len(), 1);

    let resolved = tablet
        .on(3)
        .journal_resolve(
            &original.id,
            "Sunday".into(),
            "Slept late. Called my sister; the park was full of kites.".into(),
        )
        .unwrap();
    assert!(!resolved.has_conflict());
    sync(&phone.app, &tablet.app);
    let after = phone.app.journal_get(&original.id).unwrap().unwrap();
    assert_eq!(
        after.body,
        "Slept late. Called my sister; the park was full of kites."
    );
    assert!(!after.has_conflict());
    assert!(phone.app.journal_list(&conflicted).unwrap().is_empty());
}

#[test]
fn a_deleted_entry_stays_deleted_after_merges() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let kept = phone
        .on(1)
        .journal_add(entry("Kept", "stays", &[]))
        .unwrap();
    let gone = phone
        .on(1)
        .journal_add(entry("Gone", "goes", &["x"]))
        .unwrap();
    sync(&phone.app, &tablet.app);
    phone.on(2).journal_delete(&gone.id).unwrap();
    // Meanwhile the tablet edits the entry the phone deleted.
    tablet
        .on(2)
        .journal_edit(
            &gone.id,
            EntryEdit {
                body: Some("edited elsewhere".into()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    sync(&phone.app, &tablet.app);
    for device in [&phone, &tablet] {
        let ids: Vec<String> = device
            .app
            .journal_list(&JournalFilter::default())
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, vec![kept.id.clone()]);
        assert!(
            device
                .app
                .journal_search("edited", None)
                .unwrap()
                .is_empty()
        );
    }
    let tablet = tablet.restart();
    assert!(tablet.app.journal_get(&gone.id).unwrap().is_none());
    assert!(matches!(
        tablet.app.journal_delete(&gone.id),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn letters_cool_off_before_they_are_ready() {
    let phone = TestDevice::new("phone");
    let letter = phone
        .on(1)
        .journal_add(EntryInput {
            kind: EntryKind::Letter,
            title: "To you".into(),
            body: "I am not sending this. I wanted to say it anyway.".into(),
            tags: vec![],
            link: Some(EntryLink::Step { number: 6 }),
            cool_off_hours: Some(48),
        })
        .unwrap();
    assert_eq!(letter.ready_after, Some(reconnect_tests::device::noon(3)));
    let refused = phone.on(2).letter_mark_ready(&letter.id).unwrap_err();
    assert!(refused.to_string().contains("cooling off"), "{refused}");
    let ready = phone.on(3).letter_mark_ready(&letter.id).unwrap();
    assert_eq!(
        ready.marked_ready_at,
        Some(reconnect_tests::device::noon(3))
    );
    let letters = JournalFilter {
        kind: Some(EntryKind::Letter),
        ..JournalFilter::default()
    };
    assert_eq!(phone.app.journal_list(&letters).unwrap().len(), 1);
    let plain = phone.on(3).journal_add(entry("Note", "text", &[])).unwrap();
    assert!(matches!(
        phone.app.letter_mark_ready(&plain.id),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn search_follows_edits_and_bad_queries_are_refused() {
    let phone = TestDevice::new("phone");
    let note = phone
        .on(1)
        .journal_add(entry("Morning", "Ran by the river.", &[]))
        .unwrap();
    assert_eq!(phone.app.journal_search("river", None).unwrap().len(), 1);
    phone
        .on(2)
        .journal_edit(
            &note.id,
            EntryEdit {
                body: Some("Swam in the lake.".into()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert!(phone.app.journal_search("river", None).unwrap().is_empty());
    assert_eq!(phone.app.journal_search("LAKE", Some(5)).unwrap().len(), 1);
    assert!(matches!(
        phone.app.journal_search(&"x".repeat(501), None),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn an_edit_based_on_an_older_version_is_refused_not_written_over() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let entry_seen = phone
        .on(1)
        .journal_add(entry("Plans", "Maybe a trip.", &[]))
        .unwrap();
    sync(&phone.app, &tablet.app);
    // The tablet edits; the phone still shows the version it opened before the sync.
    tablet
        .on(2)
        .journal_edit(
            &entry_seen.id,
            EntryEdit {
                body: Some("Booked the train to the coast.".into()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    sync(&phone.app, &tablet.app);
    let heads = phone.app.heads().unwrap();
    let stale = EntryEdit {
        body: Some("Maybe a trip. Or not.".into()),
        seen_edited_at: Some(entry_seen.edited_at),
        ..EntryEdit::default()
    };
    let refused = phone.on(3).journal_edit(&entry_seen.id, stale).unwrap_err();
    assert!(
        refused.to_string().contains("changed on another device"),
        "{refused}"
    );
    assert_eq!(phone.app.heads().unwrap(), heads);
    let current = phone.app.journal_get(&entry_seen.id).unwrap().unwrap();
    assert_eq!(current.body, "Booked the train to the coast.");
    // Based on what is there now, the edit goes through.
    let fresh = EntryEdit {
        body: Some("Booked the train to the coast. Excited.".into()),
        seen_edited_at: Some(current.edited_at),
        ..EntryEdit::default()
    };
    phone.on(3).journal_edit(&entry_seen.id, fresh).unwrap();
}
