//! Exists because an export is the user's way out and their backup: it must hold every
//! record kind, and importing it into an empty store must give back the same views —
//! ids, times and concurrent versions included. And delete-all must leave nothing behind.

use chrono::NaiveTime;
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind, EntryLink};
use reconnect_core::program::content;
use reconnect_core::program::records::{DecisionAnswer, NoKind, TrialOutcome};
use reconnect_core::reminders::{NotificationDetail, ReminderSettings};
use reconnect_core::{Clock, ContactMedium, Error, JournalFilter, ProgramCommand, Reconnect};
use reconnect_tests::device::input;
use reconnect_tests::fleet::{TestDevice, sync};
use reconnect_tests::journey::*;

/// A store with every kind of record, including concurrent versions made on a tablet.
fn full_store() -> TestDevice {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    let day = walk_to_phase(&phone, 4);
    // Phase 4: therapy and a trial that was reviewed and extended.
    phone.run(
        day,
        ProgramCommand::SetTherapy {
            suggested: Some(true),
            accepted: Some(true),
        },
    );
    phone.run(day, ProgramCommand::LogTherapySession { on: None });
    phone.run(
        day,
        ProgramCommand::StartTrial {
            start: date(day),
            end: date(day + 28),
            review_every_days: 7,
        },
    );
    phone.run(day + 7, review(true, None));
    phone.run(
        day + 28,
        ProgramCommand::ReviewTrial {
            on: None,
            signs: all(content::trial_signs().iter().map(|s| s.code), false),
            note: Some("more time".into()),
            outcome: Some(TrialOutcome::Extend),
            extend_to: Some(date(day + 56)),
        },
    );
    let day = day + 29;
    phone.run(
        day,
        ProgramCommand::AddReason {
            text: "they kept everyone at arm's length".into(),
            kind: "not_serious".into(),
        },
    );
    phone.run(
        day,
        ProgramCommand::AcknowledgeAdvice {
            key: "advice.not_fixable".into(),
        },
    );
    decide(&phone, day, DecisionAnswer::NotYet);
    phone.run(
        day,
        ProgramCommand::AddTrigger {
            text: "Sunday evenings".into(),
        },
    );
    phone.run(
        day,
        ProgramCommand::FlagSafety {
            signs: vec!["monitoring".into()],
        },
    );
    phone.run(
        day,
        ProgramCommand::TheySaidNo {
            kind: NoKind::SaidNo,
        },
    );
    phone.run(
        day,
        ProgramCommand::LetGo {
            note: Some("kindly, for both of us".into()),
        },
    );
    phone.run(
        day,
        ProgramCommand::WriteLetGoExercise {
            number: 1,
            text: "thank you".into(),
        },
    );
    for d in 0..20u32 {
        phone
            .on(d)
            .check_in(input(
                (d % 5 + 1) as u8,
                (d % 11) as u8,
                Some(ContactMedium::Text),
                None,
            ))
            .unwrap();
    }
    phone
        .app
        .set_reminder_settings(ReminderSettings {
            daily_check_in: NaiveTime::from_hms_opt(21, 15, 0),
            key_dates_at: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            detail: NotificationDetail::Detailed,
        })
        .unwrap();
    phone.app.set_day_start_hour(5).unwrap();
    phone
        .on(day)
        .add_custom_reminder(
            date(day + 3).and_hms_opt(10, 0, 0).unwrap(),
            Some("Dentist".into()),
        )
        .unwrap();
    let letter = phone
        .on(day)
        .journal_add(EntryInput {
            kind: EntryKind::Letter,
            title: "Unsent".into(),
            body: "Some things I never said.".into(),
            tags: vec!["letters".into()],
            link: Some(EntryLink::Step { number: 6 }),
            cool_off_hours: Some(24),
        })
        .unwrap();
    phone.on(day + 1).letter_mark_ready(&letter.id).unwrap();
    let shared = phone
        .on(day)
        .journal_add(EntryInput::from_prompt("growth.prompt.self").unwrap())
        .unwrap();
    // Concurrent versions: a day's note and a journal entry edited on both devices.
    sync(&phone.app, &tablet.app);
    phone
        .on(day + 2)
        .check_in(input(3, 3, None, Some("phone note")))
        .unwrap();
    tablet
        .on(day + 2)
        .check_in(input(3, 3, None, Some("tablet note")))
        .unwrap();
    for (dev, text) in [(&phone, "phone body"), (&tablet, "tablet body")] {
        dev.on(day + 2)
            .journal_edit(
                &shared.id,
                EntryEdit {
                    body: Some(text.into()),
                    ..EntryEdit::default()
                },
            )
            .unwrap();
    }
    sync(&phone.app, &tablet.app);
    phone.on(day + 2);
    phone
}

fn assert_same_views(a: &Reconnect, b: &Reconnect) {
    assert_eq!(a.history(None).unwrap(), b.history(None).unwrap());
    assert_eq!(a.program().unwrap(), b.program().unwrap());
    assert_eq!(
        a.journal_list(&JournalFilter::default()).unwrap(),
        b.journal_list(&JournalFilter::default()).unwrap()
    );
    assert_eq!(a.progress().unwrap(), b.progress().unwrap());
    assert_eq!(
        a.reminder_settings().unwrap(),
        b.reminder_settings().unwrap()
    );
    assert_eq!(a.custom_reminders().unwrap(), b.custom_reminders().unwrap());
    assert_eq!(a.reminders().unwrap(), b.reminders().unwrap());
    assert_eq!(a.day_start_hour().unwrap(), b.day_start_hour().unwrap());
    assert_eq!(a.today().unwrap().check_in, b.today().unwrap().check_in);
}

#[test]
fn export_then_import_into_an_empty_store_is_lossless() {
    let phone = full_store();
    let exported = phone.app.export().unwrap();
    // Every record kind is present, conflicts included.
    let p = &exported.program;
    assert!(p.pre_check.is_some() && p.ended_by.is_some() && p.no_contact.is_some());
    assert!(p.readiness.is_some() && p.let_go.is_some() && p.said_no.is_some());
    let trial = p.trial.as_ref().expect("a trial");
    assert_eq!(trial.extensions, 1);
    assert!(
        p.trial_reviews
            .iter()
            .any(|r| r.outcome == Some(TrialOutcome::Extend))
    );
    assert!(p.therapy.accepted == Some(true) && !p.therapy.sessions.is_empty());
    assert!(!exported.custom_reminders.is_empty());
    for (kind, n) in [
        ("reasons", p.reasons.len()),
        ("triggers", p.triggers.len()),
        ("mistakes", p.mistakes.len()),
        ("observations", p.observations.len()),
        ("attempts", p.attempts.len()),
        ("ice breakers", p.ice_breakers.len()),
        ("apologies", p.apologies.len()),
        ("activities", p.activities.len()),
        ("their side", p.their_side.len()),
        ("decisions", p.decisions.len()),
        ("safety flags", p.safety_flags.len()),
        ("acknowledged", p.acknowledged.len()),
    ] {
        assert!(n > 0, "no {kind} in the export");
    }
    assert!(
        exported
            .check_ins
            .iter()
            .any(|c| !c.note_conflicts.is_empty())
    );
    assert!(
        exported
            .journal
            .iter()
            .any(|e| !e.body_conflicts.is_empty())
    );
    assert!(
        exported
            .journal
            .iter()
            .any(|e| e.kind == EntryKind::Letter && e.marked_ready_at.is_some())
    );

    let json = phone.app.export_json().unwrap();
    let fresh = TestDevice::new("new phone");
    fresh.clock.set(phone.clock.now());
    let summary = fresh.app.import_json(&json).unwrap();
    assert_eq!(summary.check_ins as usize, exported.check_ins.len());
    assert_same_views(&phone.app, &fresh.app);
    assert_eq!(fresh.app.export().unwrap().check_ins, exported.check_ins);

    // The import is durable, and a second import is refused: nothing is mixed.
    let fresh = fresh.restart();
    fresh.clock.set(phone.clock.now());
    assert_same_views(&phone.app, &fresh.app);
    let heads = fresh.app.heads().unwrap();
    assert!(matches!(
        fresh.app.import_json(&json),
        Err(Error::InvalidInput(_))
    ));
    assert_eq!(fresh.app.heads().unwrap(), heads);
}

#[test]
fn bad_exports_are_refused_and_change_nothing() {
    let phone = full_store();
    let json = phone.app.export_json().unwrap();
    let fresh = TestDevice::new("new phone");
    let heads = fresh.app.heads().unwrap();
    let newer = json.replacen("\"version\": 1", "\"version\": 9", 1);
    let foreign = json.replacen("reconnect-export", "something-else", 1);
    let broken_mood = json.replacen("\"mood\": 1,", "\"mood\": 9,", 1);
    for (bad, why) in [
        ("not json", "that is not a Reconnect export"),
        ("{}", "not a Reconnect export"),
        (newer.as_str(), "newer Reconnect"),
        (foreign.as_str(), "not a Reconnect export"),
        (broken_mood.as_str(), "damaged"),
        (&json[..json.len() / 2], "not a Reconnect export"),
    ] {
        match fresh.app.import_json(bad) {
            Err(Error::InvalidInput(message)) => assert!(message.contains(why), "{message}"),
            other => panic!("{why}: {other:?}"),
        }
    }
    assert_eq!(fresh.app.heads().unwrap(), heads);
}

#[test]
fn wipe_removes_every_file_of_the_store() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("store");
    let key = reconnect_tests::device::random_key();
    let clock = std::sync::Arc::new(reconnect_core::FixedClock::new(
        reconnect_tests::device::noon(0),
    ));
    let app = reconnect_tests::device::open(&dir, &key, "phone", clock.clone()).unwrap();
    app.check_in(input(4, 1, None, Some("wipe me"))).unwrap();
    app.journal_add(EntryInput {
        kind: EntryKind::Entry,
        title: "t".into(),
        body: "b".into(),
        tags: vec![],
        link: None,
        cool_off_hours: None,
    })
    .unwrap();
    let removed = app.wipe().unwrap();
    let names: Vec<String> = removed
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for expected in ["reconnect.db", "reconnect.keycheck", "reconnect.lock"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not in {names:?}"
        );
    }
    assert!(!dir.exists(), "the emptied data directory is removed too");
    assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 0);
    // A later open starts a new, empty store; nothing of the old one comes back.
    let app = reconnect_tests::device::open(&dir, &key, "phone", clock).unwrap();
    assert!(app.history(None).unwrap().is_empty());
}

#[test]
fn a_closed_store_can_be_wiped_without_its_key_but_never_while_open() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("store");
    let key = reconnect_tests::device::random_key();
    let clock = std::sync::Arc::new(reconnect_core::FixedClock::new(
        reconnect_tests::device::noon(0),
    ));
    let app = reconnect_tests::device::open(&dir, &key, "phone", clock).unwrap();
    app.check_in(input(2, 8, None, Some("gone soon"))).unwrap();
    assert!(matches!(
        reconnect_core::store::destroy_files(&dir),
        Err(reconnect_core::StoreError::InUse(_))
    ));
    assert!(
        dir.join("reconnect.db").exists(),
        "an open store is never pulled away"
    );
    drop(app);
    std::fs::write(parent.path().join("unrelated.txt"), "stays").unwrap();
    let removed = reconnect_core::store::destroy_files(&dir).unwrap();
    assert!(removed.iter().any(|p| p.ends_with("reconnect.db")));
    assert!(!dir.exists());
    let left: Vec<_> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("unrelated.txt")]);
    // Nothing there: nothing to do, and nothing created.
    assert!(
        reconnect_core::store::destroy_files(&dir)
            .unwrap()
            .is_empty()
    );
    assert!(!dir.exists());
}

#[test]
fn the_same_export_imported_on_two_devices_still_syncs() {
    let phone = full_store();
    let json = phone.app.export_json().unwrap();
    let a = TestDevice::new("new phone");
    let b = TestDevice::new("new tablet");
    for dev in [&a, &b] {
        dev.clock.set(phone.clock.now());
        dev.app.import_json(&json).unwrap();
    }
    sync(&a.app, &b.app);
    a.clock.set(phone.clock.now());
    b.clock.set(phone.clock.now());
    assert_eq!(a.app.program().unwrap(), b.app.program().unwrap());
    assert_eq!(
        a.app.journal_list(&JournalFilter::default()).unwrap(),
        b.app.journal_list(&JournalFilter::default()).unwrap()
    );
}
