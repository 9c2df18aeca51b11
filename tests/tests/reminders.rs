//! Exists because reminders are computed fresh on every device from the merged document:
//! settings follow the user, today's check-in reminder disappears on every device once any
//! of them checked in, and the program's dates become reminders.

use chrono::{NaiveDate, NaiveTime};
use reconnect_core::ProgramCommand;
use reconnect_core::reminders::{NotificationDetail, ReminderKind, ReminderSettings};
use reconnect_tests::device::{epoch, input, noon};
use reconnect_tests::fleet::{TestDevice, sync};
use reconnect_tests::journey::{date, favourable_pre_check};

fn evening() -> ReminderSettings {
    ReminderSettings {
        daily_check_in: NaiveTime::from_hms_opt(20, 0, 0),
        ..ReminderSettings::default()
    }
}

#[test]
fn settings_follow_the_user_and_a_check_in_anywhere_silences_today() {
    let phone = TestDevice::new("phone");
    let tablet = TestDevice::new("tablet");
    assert!(
        phone.on(0).reminders().unwrap().is_empty(),
        "off until chosen"
    );
    phone.app.set_reminder_settings(evening()).unwrap();
    sync(&phone.app, &tablet.app);
    assert_eq!(tablet.app.reminder_settings().unwrap(), evening());

    let first = tablet.on(0).reminders().unwrap();
    assert_eq!(first.len(), 64);
    assert_eq!(first[0].id, format!("check_in:{}", epoch()));
    assert_eq!(first[0].kind, ReminderKind::DailyCheckIn);
    assert_eq!(first[0].body, "Time for your check-in");
    assert_eq!(first[0].fire_at, noon(0) + chrono::Duration::hours(8));

    // The phone checks in; once merged, the tablet drops today's reminder too.
    phone
        .on(0)
        .check_in(input(4, 2, None, Some("rainy, fine")))
        .unwrap();
    assert!(
        !phone
            .app
            .reminders()
            .unwrap()
            .iter()
            .any(|r| r.id == first[0].id)
    );
    assert_eq!(tablet.on(0).reminders().unwrap(), first, "not merged yet");
    sync(&phone.app, &tablet.app);
    let after = tablet.on(0).reminders().unwrap();
    assert_eq!(after[0].id, format!("check_in:{}", date(1)));
    assert!(!after.iter().any(|r| r.id == first[0].id));
    // No notification says anything about the note, on any setting.
    for r in tablet.app.reminders().unwrap() {
        assert!(!r.title.contains("rainy") && !r.body.contains("rainy"));
    }
}

#[test]
fn custom_reminders_and_program_dates_are_scheduled() {
    let phone = TestDevice::new("phone");
    phone.run(0, favourable_pre_check());
    phone.run(
        0,
        ProgramCommand::SetNoContact {
            start: date(0),
            end: date(30),
        },
    );
    let at = NaiveDate::from_ymd_opt(2025, 1, 10)
        .unwrap()
        .and_hms_opt(18, 30, 0)
        .unwrap();
    let custom = phone
        .on(1)
        .add_custom_reminder(at, Some("Call the counsellor".into()))
        .unwrap();
    let schedule = phone.app.reminders().unwrap();
    let kinds: Vec<(ReminderKind, String)> =
        schedule.iter().map(|r| (r.kind, r.id.clone())).collect();
    assert_eq!(
        kinds,
        vec![
            (ReminderKind::Custom, format!("custom:{}", custom.id)),
            (
                ReminderKind::NoContactEnds,
                format!("no_contact_ends:{}", date(30))
            ),
        ]
    );
    assert!(
        !schedule[0].body.contains("counsellor"),
        "generic by default"
    );
    phone
        .app
        .set_reminder_settings(ReminderSettings {
            detail: NotificationDetail::Detailed,
            ..ReminderSettings::default()
        })
        .unwrap();
    assert!(
        phone.app.reminders().unwrap()[0]
            .body
            .contains("counsellor")
    );

    assert_eq!(phone.app.custom_reminders().unwrap(), vec![custom.clone()]);
    phone.app.remove_custom_reminder(&custom.id).unwrap();
    assert!(phone.app.remove_custom_reminder(&custom.id).is_err());
    assert_eq!(phone.app.reminders().unwrap().len(), 1);
    assert!(
        phone
            .app
            .add_custom_reminder(at, Some("x".repeat(201)))
            .is_err()
    );
}
