//! Exists to show a check-in goes through the core, onto disk and back unchanged, that
//! a day holds one record however often it is edited, and that the day starts at 4 a.m.

use chrono::{NaiveDate, TimeZone, Utc};
use reconnect_core::{ContactMedium, FixedClock};
use reconnect_tests::device::{self, input};
use std::sync::Arc;

#[test]
fn a_check_in_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let clock = Arc::new(FixedClock::new(device::noon(3)));
    let note = "walked past the café; did not text — ünïcødé ✓";
    {
        let app = device::open(dir.path(), &key, "phone", clock.clone()).unwrap();
        let written = app
            .check_in(input(2, 7, Some(ContactMedium::SocialMedia), Some(note)))
            .unwrap();
        assert_eq!(written.date, device::epoch() + chrono::Duration::days(3));
    }
    let app = device::open(dir.path(), &key, "phone", clock.clone()).unwrap();
    let today = app.today().unwrap();
    assert_eq!(today.date, device::epoch() + chrono::Duration::days(3));
    assert_eq!(today.days_checked_in, 1);
    let checkin = today.check_in.expect("today's check-in is back");
    assert_eq!(checkin.mood, 2);
    assert_eq!(checkin.urge, 7);
    assert_eq!(checkin.contact, ContactMedium::SocialMedia);
    assert_eq!(checkin.note.as_deref(), Some(note));
    assert!(checkin.note_conflicts.is_empty());
    assert_eq!(checkin.updated_at, device::noon(3));
    assert_eq!(checkin.updated_by, app.device().device_id);
    assert_eq!(app.history(None).unwrap(), vec![checkin]);
    assert_eq!(app.integrity_check().unwrap(), "ok");
}

#[test]
fn a_second_check_in_the_same_day_updates_that_day() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir.path(), &key, "phone", clock.clone()).unwrap();
    app.check_in(input(1, 9, Some(ContactMedium::Text), Some("morning")))
        .unwrap();
    clock.set(device::noon(0) + chrono::Duration::hours(8));
    // No contact and no note given: the morning's values stay.
    app.check_in(input(4, 2, None, None)).unwrap();
    drop(app);

    let app = device::open(dir.path(), &key, "phone", clock).unwrap();
    let history = app.history(None).unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    let day = &history[0];
    assert_eq!((day.mood, day.urge), (4, 2));
    assert_eq!(day.contact, ContactMedium::Text);
    assert_eq!(day.note.as_deref(), Some("morning"));
    assert_eq!(day.updated_at, device::noon(0) + chrono::Duration::hours(8));
    assert_eq!(app.today().unwrap().days_checked_in, 1);
}

#[test]
fn two_in_the_morning_belongs_to_the_day_before() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let berlin = chrono_tz::Europe::Berlin;
    // 02:00 in Berlin on 15 January (UTC+1).
    let two_am = Utc.with_ymd_and_hms(2026, 1, 15, 1, 0, 0).unwrap();
    let clock = Arc::new(FixedClock::new(two_am));
    let app = device::open_in(dir.path(), &key, "phone", berlin, clock.clone()).unwrap();
    assert_eq!(app.day_start_hour().unwrap(), 4);
    let the_14th = NaiveDate::from_ymd_opt(2026, 1, 14).unwrap();
    assert_eq!(app.today().unwrap().date, the_14th);
    let late = app.check_in(input(3, 5, None, Some("late night"))).unwrap();
    assert_eq!(late.date, the_14th);

    // 04:00 local starts the 15th.
    clock.set(Utc.with_ymd_and_hms(2026, 1, 15, 3, 0, 0).unwrap());
    let morning = app.check_in(input(4, 1, None, Some("morning"))).unwrap();
    assert_eq!(morning.date, the_14th.succ_opt().unwrap());

    // With days starting at midnight, 02:00 is already the 15th.
    app.set_day_start_hour(0).unwrap();
    clock.set(two_am);
    assert_eq!(app.today().unwrap().date, the_14th.succ_opt().unwrap());
    drop(app);

    let app = device::open_in(dir.path(), &key, "phone", berlin, clock).unwrap();
    assert_eq!(app.day_start_hour().unwrap(), 0, "the setting was kept");
    let dates: Vec<NaiveDate> = app.history(None).unwrap().iter().map(|c| c.date).collect();
    assert_eq!(dates, vec![the_14th.succ_opt().unwrap(), the_14th]);
}
