use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;

use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn wall(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap()
}

fn daily_at(at: &str) -> ReminderSettings {
    ReminderSettings {
        daily_check_in: Some(time(at)),
        ..ReminderSettings::default()
    }
}

/// Everything a test varies; the rest defaults to "nothing set".
struct Run<'a> {
    settings: ReminderSettings,
    customs: &'a [CustomReminder],
    dates: KeyDates,
    checked: &'a [&'a str],
    day_start_hour: u8,
    now: &'a str,
    zone: &'a str,
}

impl Default for Run<'_> {
    fn default() -> Self {
        Self {
            settings: ReminderSettings::default(),
            customs: &[],
            dates: KeyDates::default(),
            checked: &[],
            day_start_hour: 4,
            now: "2026-06-10T12:00:00Z",
            zone: "Europe/Berlin",
        }
    }
}

impl Run<'_> {
    fn schedule(&self) -> Vec<Reminder> {
        let checked: HashSet<NaiveDate> = self.checked.iter().map(|d| date(d)).collect();
        let checked_in = |d: NaiveDate| checked.contains(&d);
        let got = schedule(&ScheduleInput {
            settings: &self.settings,
            customs: self.customs,
            dates: &self.dates,
            checked_in: &checked_in,
            day_start_hour: self.day_start_hour,
            now: utc(self.now),
            zone: zone(self.zone),
        });
        assert_invariants(&got, utc(self.now));
        got
    }
}

/// Holds for every schedule: after `now`, sorted by (fire_at, id), unique ids, capped.
fn assert_invariants(got: &[Reminder], now: DateTime<Utc>) {
    assert!(got.len() <= MAX_PENDING);
    assert!(got.iter().all(|r| r.fire_at > now));
    assert!(
        got.windows(2)
            .all(|w| (w[0].fire_at, &w[0].id) < (w[1].fire_at, &w[1].id))
    );
    let ids: HashSet<_> = got.iter().map(|r| &r.id).collect();
    assert_eq!(ids.len(), got.len());
}

/// (id, fire instant in UTC, what the local clock reads) of the first `n` reminders.
fn first(got: &[Reminder], n: usize) -> Vec<(String, String, String)> {
    got.iter()
        .take(n)
        .map(|r| {
            (
                r.id.clone(),
                r.fire_at.format("%Y-%m-%dT%H:%MZ").to_string(),
                r.local.format("%Y-%m-%d %H:%M").to_string(),
            )
        })
        .collect()
}

fn owned(rows: &[Row]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// (id, fire instant in UTC, what the local clock reads)
type Row = (&'static str, &'static str, &'static str);

type DstCase = (&'static str, &'static str, &'static str, &'static [Row]);

#[test]
fn daily_reminders_across_dst_changes() {
    // (zone, daily time, now, first reminders as (id, UTC instant, local clock))
    let cases: &[DstCase] = &[
        // Berlin springs forward on 29 March 2026, 02:00 CET → 03:00 CEST: 02:30 fires
        // once, at 03:30 CEST.
        (
            "Europe/Berlin",
            "02:30",
            "2026-03-27T12:00:00Z",
            &[
                (
                    "check_in:2026-03-28",
                    "2026-03-28T01:30Z",
                    "2026-03-28 02:30",
                ),
                (
                    "check_in:2026-03-29",
                    "2026-03-29T01:30Z",
                    "2026-03-29 03:30",
                ),
                (
                    "check_in:2026-03-30",
                    "2026-03-30T00:30Z",
                    "2026-03-30 02:30",
                ),
            ],
        ),
        (
            "Europe/Berlin",
            "20:00",
            "2026-03-27T12:00:00Z",
            &[
                (
                    "check_in:2026-03-27",
                    "2026-03-27T19:00Z",
                    "2026-03-27 20:00",
                ),
                (
                    "check_in:2026-03-28",
                    "2026-03-28T19:00Z",
                    "2026-03-28 20:00",
                ),
                (
                    "check_in:2026-03-29",
                    "2026-03-29T18:00Z",
                    "2026-03-29 20:00",
                ),
            ],
        ),
        // Berlin falls back on 25 October 2026, 03:00 CEST → 02:00 CET: 02:30 fires
        // once, the first time (CEST).
        (
            "Europe/Berlin",
            "02:30",
            "2026-10-23T12:00:00Z",
            &[
                (
                    "check_in:2026-10-24",
                    "2026-10-24T00:30Z",
                    "2026-10-24 02:30",
                ),
                (
                    "check_in:2026-10-25",
                    "2026-10-25T00:30Z",
                    "2026-10-25 02:30",
                ),
                (
                    "check_in:2026-10-26",
                    "2026-10-26T01:30Z",
                    "2026-10-26 02:30",
                ),
            ],
        ),
        (
            "Europe/Berlin",
            "20:00",
            "2026-10-24T12:00:00Z",
            &[
                (
                    "check_in:2026-10-24",
                    "2026-10-24T18:00Z",
                    "2026-10-24 20:00",
                ),
                (
                    "check_in:2026-10-25",
                    "2026-10-25T19:00Z",
                    "2026-10-25 20:00",
                ),
            ],
        ),
        // New York springs forward on 8 March 2026 and falls back on 1 November 2026.
        (
            "America/New_York",
            "02:30",
            "2026-03-06T12:00:00Z",
            &[
                (
                    "check_in:2026-03-07",
                    "2026-03-07T07:30Z",
                    "2026-03-07 02:30",
                ),
                (
                    "check_in:2026-03-08",
                    "2026-03-08T07:30Z",
                    "2026-03-08 03:30",
                ),
                (
                    "check_in:2026-03-09",
                    "2026-03-09T06:30Z",
                    "2026-03-09 02:30",
                ),
            ],
        ),
        (
            "America/New_York",
            "01:30",
            "2026-10-30T12:00:00Z",
            &[
                (
                    "check_in:2026-10-31",
                    "2026-10-31T05:30Z",
                    "2026-10-31 01:30",
                ),
                (
                    "check_in:2026-11-01",
                    "2026-11-01T05:30Z",
                    "2026-11-01 01:30",
                ),
                (
                    "check_in:2026-11-02",
                    "2026-11-02T06:30Z",
                    "2026-11-02 01:30",
                ),
            ],
        ),
        // Lord Howe moves by half an hour: back on 5 April 2026 (02:00 → 01:30, +11 →
        // +10:30), forward on 4 October 2026 (02:00 → 02:30).
        (
            "Australia/Lord_Howe",
            "01:45",
            "2026-04-03T00:00:00Z",
            &[
                (
                    "check_in:2026-04-04",
                    "2026-04-03T14:45Z",
                    "2026-04-04 01:45",
                ),
                (
                    "check_in:2026-04-05",
                    "2026-04-04T14:45Z",
                    "2026-04-05 01:45",
                ),
                (
                    "check_in:2026-04-06",
                    "2026-04-05T15:15Z",
                    "2026-04-06 01:45",
                ),
            ],
        ),
        (
            "Australia/Lord_Howe",
            "02:15",
            "2026-10-02T00:00:00Z",
            &[
                (
                    "check_in:2026-10-03",
                    "2026-10-02T15:45Z",
                    "2026-10-03 02:15",
                ),
                (
                    "check_in:2026-10-04",
                    "2026-10-03T15:45Z",
                    "2026-10-04 02:45",
                ),
                (
                    "check_in:2026-10-05",
                    "2026-10-04T15:15Z",
                    "2026-10-05 02:15",
                ),
            ],
        ),
        // Kolkata has no DST: 02:30 IST is 21:00 UTC the evening before, every day.
        (
            "Asia/Kolkata",
            "02:30",
            "2026-03-27T12:00:00Z",
            &[
                (
                    "check_in:2026-03-28",
                    "2026-03-27T21:00Z",
                    "2026-03-28 02:30",
                ),
                (
                    "check_in:2026-03-29",
                    "2026-03-28T21:00Z",
                    "2026-03-29 02:30",
                ),
                (
                    "check_in:2026-03-30",
                    "2026-03-29T21:00Z",
                    "2026-03-30 02:30",
                ),
            ],
        ),
        (
            "Asia/Kolkata",
            "02:30",
            "2026-10-23T12:00:00Z",
            &[
                (
                    "check_in:2026-10-24",
                    "2026-10-23T21:00Z",
                    "2026-10-24 02:30",
                ),
                (
                    "check_in:2026-10-25",
                    "2026-10-24T21:00Z",
                    "2026-10-25 02:30",
                ),
                (
                    "check_in:2026-10-26",
                    "2026-10-25T21:00Z",
                    "2026-10-26 02:30",
                ),
            ],
        ),
    ];
    for (name, at, now, expected) in cases {
        let got = Run {
            settings: daily_at(at),
            now,
            zone: name,
            ..Run::default()
        }
        .schedule();
        assert_eq!(
            first(&got, expected.len()),
            owned(expected),
            "{name} {at} {now}"
        );
        // One reminder per local calendar date, never two.
        let dates: HashSet<_> = got.iter().map(|r| r.local.date()).collect();
        assert_eq!(dates.len(), got.len(), "{name} {at} {now}");
        assert!(got.iter().all(|r| r.zone == *name));
    }
}

#[test]
fn a_flight_across_the_date_line() {
    let settings = daily_at("20:00");
    // (zone, now, days with a check-in, first reminders)
    let cases: &[(&str, &str, &[&str], &[Row])] = &[
        // One instant, two zones: in Auckland it is already 2 June (10:00 NZST), in Los
        // Angeles still 1 June (15:00 PDT).
        (
            "Pacific/Auckland",
            "2026-06-01T22:00:00Z",
            &[],
            &[(
                "check_in:2026-06-02",
                "2026-06-02T08:00Z",
                "2026-06-02 20:00",
            )],
        ),
        (
            "America/Los_Angeles",
            "2026-06-01T22:00:00Z",
            &[],
            &[(
                "check_in:2026-06-01",
                "2026-06-02T03:00Z",
                "2026-06-01 20:00",
            )],
        ),
        // Eastward: checked in for 2 June in Auckland, left at 21:00 NZST, landed in Los
        // Angeles on the morning of 2 June again. 2 June has its check-in, so the next
        // reminder is 3 June's, at 20:00 on the Los Angeles clock.
        (
            "Pacific/Auckland",
            "2026-06-02T09:00:00Z",
            &["2026-06-02"],
            &[(
                "check_in:2026-06-03",
                "2026-06-03T08:00Z",
                "2026-06-03 20:00",
            )],
        ),
        (
            "America/Los_Angeles",
            "2026-06-02T21:00:00Z",
            &["2026-06-02"],
            &[(
                "check_in:2026-06-03",
                "2026-06-04T03:00Z",
                "2026-06-03 20:00",
            )],
        ),
        // The same flight without a check-in on 2 June: the repeated day gets its
        // reminder, at 20:00 Los Angeles time.
        (
            "America/Los_Angeles",
            "2026-06-02T21:00:00Z",
            &[],
            &[
                (
                    "check_in:2026-06-02",
                    "2026-06-03T03:00Z",
                    "2026-06-02 20:00",
                ),
                (
                    "check_in:2026-06-03",
                    "2026-06-04T03:00Z",
                    "2026-06-03 20:00",
                ),
            ],
        ),
        // Westward: checked in for 1 June in Los Angeles, landed in Auckland at 22:00
        // on 2 June, after its 20:00. 2 June is skipped; the next reminder is 3 June's.
        (
            "America/Los_Angeles",
            "2026-06-01T20:00:00Z",
            &["2026-06-01"],
            &[(
                "check_in:2026-06-02",
                "2026-06-03T03:00Z",
                "2026-06-02 20:00",
            )],
        ),
        (
            "Pacific/Auckland",
            "2026-06-02T10:00:00Z",
            &["2026-06-01"],
            &[(
                "check_in:2026-06-03",
                "2026-06-03T08:00Z",
                "2026-06-03 20:00",
            )],
        ),
    ];
    for (name, now, checked, expected) in cases {
        let got = Run {
            settings: settings.clone(),
            checked,
            now,
            zone: name,
            ..Run::default()
        }
        .schedule();
        assert_eq!(first(&got, expected.len()), owned(expected), "{name} {now}");
    }
}

#[test]
fn the_day_start_hour_decides_suppression_never_fire_times() {
    // A 02:00 reminder: Berlin, 14:00 CEST on 10 June. The next one is at 02:00 on
    // 11 June; with the day starting at 04:00 it belongs to 10 June's check-in.
    let schedule_with = |day_start_hour: u8, checked: &[&str]| {
        Run {
            settings: daily_at("02:00"),
            checked,
            day_start_hour,
            now: "2026-06-10T12:00:00Z",
            ..Run::default()
        }
        .schedule()
    };
    let base = schedule_with(0, &[]);
    assert_eq!(base.len(), MAX_PENDING);
    for hour in [1, 2, 3, 4, 6, 12, 23] {
        assert_eq!(schedule_with(hour, &[]), base, "day start {hour}");
    }
    // (day start, days with a check-in, first reminder)
    let cases: &[(u8, &[&str], Row)] = &[
        (
            0,
            &["2026-06-10"],
            (
                "check_in:2026-06-11",
                "2026-06-11T00:00Z",
                "2026-06-11 02:00",
            ),
        ),
        (
            4,
            &["2026-06-10"],
            (
                "check_in:2026-06-12",
                "2026-06-12T00:00Z",
                "2026-06-12 02:00",
            ),
        ),
        (
            0,
            &["2026-06-11"],
            (
                "check_in:2026-06-12",
                "2026-06-12T00:00Z",
                "2026-06-12 02:00",
            ),
        ),
        (
            4,
            &["2026-06-11"],
            (
                "check_in:2026-06-11",
                "2026-06-11T00:00Z",
                "2026-06-11 02:00",
            ),
        ),
        // 02:00 is exactly the start of the day: it belongs to the day it starts.
        (
            2,
            &["2026-06-10"],
            (
                "check_in:2026-06-11",
                "2026-06-11T00:00Z",
                "2026-06-11 02:00",
            ),
        ),
        (
            3,
            &["2026-06-10"],
            (
                "check_in:2026-06-12",
                "2026-06-12T00:00Z",
                "2026-06-12 02:00",
            ),
        ),
    ];
    for (hour, checked, expected) in cases {
        let got = schedule_with(*hour, checked);
        assert_eq!(first(&got, 1), owned(&[*expected]), "day start {hour}");
    }
}

#[test]
fn todays_reminder_disappears_once_today_has_a_check_in() {
    // 12:00 EDT on 10 June in New York, a 21:00 reminder. (now, days with a check-in,
    // first reminder); the check-in may come from any device, after a merge.
    let cases: &[(&str, &[&str], (&str, &str))] = &[
        (
            "2026-06-10T16:00:00Z",
            &[],
            ("check_in:2026-06-10", "2026-06-11T01:00Z"),
        ),
        (
            "2026-06-10T16:00:00Z",
            &["2026-06-10"],
            ("check_in:2026-06-11", "2026-06-12T01:00Z"),
        ),
        // A check-in for another day leaves today's reminder alone.
        (
            "2026-06-10T16:00:00Z",
            &["2026-06-09"],
            ("check_in:2026-06-10", "2026-06-11T01:00Z"),
        ),
        // 01:00 EDT on 11 June, before the 04:00 day start: still 10 June's day, and
        // 11 June's reminder is unaffected.
        (
            "2026-06-11T05:00:00Z",
            &["2026-06-10"],
            ("check_in:2026-06-11", "2026-06-12T01:00Z"),
        ),
    ];
    for (now, checked, (id, fire)) in cases {
        let got = Run {
            settings: daily_at("21:00"),
            checked,
            now,
            zone: "America/New_York",
            ..Run::default()
        }
        .schedule();
        assert_eq!(got[0].id, *id, "{now} {checked:?}");
        assert_eq!(got[0].fire_at.format("%Y-%m-%dT%H:%MZ").to_string(), *fire);
        // Only today's is suppressed: the cap is still filled.
        assert_eq!(got.len(), MAX_PENDING);
    }
}

#[test]
fn no_daily_reminders_when_off() {
    let got = Run::default().schedule();
    assert!(got.is_empty());
}

#[test]
fn at_most_64_soonest_first() {
    // Berlin, 02:00 CEST on 10 June; customs every 6 hours from 06:00, a daily reminder
    // at 12:00. Five a day (four on the 10th) fill the 64 through 22 June.
    let start = wall("2026-06-10 00:00");
    let customs: Vec<CustomReminder> = (1..=100)
        .map(|k| CustomReminder {
            id: format!("c{k:03}"),
            at: start + chrono::TimeDelta::hours(6 * k),
            text: None,
        })
        .collect();
    let got = Run {
        settings: daily_at("12:00"),
        customs: &customs,
        now: "2026-06-10T00:00:00Z",
        ..Run::default()
    }
    .schedule();
    assert_eq!(got.len(), MAX_PENDING);
    let daily = got
        .iter()
        .filter(|r| r.kind == ReminderKind::DailyCheckIn)
        .count();
    assert_eq!(daily, 13);
    assert_eq!(
        first(&got, 3),
        owned(&[
            ("custom:c001", "2026-06-10T04:00Z", "2026-06-10 06:00"),
            (
                "check_in:2026-06-10",
                "2026-06-10T10:00Z",
                "2026-06-10 12:00"
            ),
            ("custom:c002", "2026-06-10T10:00Z", "2026-06-10 12:00"),
        ])
    );
    let last = got.last().unwrap();
    assert_eq!(last.id, "custom:c051");
    assert_eq!(last.fire_at, utc("2026-06-22T16:00:00Z"));

    // The daily reminder alone fills the cap, even when today's time has passed or
    // today's check-in is done.
    for (now, checked, first_id) in [
        ("2026-06-10T00:00:00Z", &[][..], "check_in:2026-06-10"),
        ("2026-06-10T20:00:00Z", &[][..], "check_in:2026-06-11"),
        (
            "2026-06-10T00:00:00Z",
            &["2026-06-10"][..],
            "check_in:2026-06-11",
        ),
    ] {
        let got = Run {
            settings: daily_at("12:00"),
            checked,
            now,
            ..Run::default()
        }
        .schedule();
        assert_eq!(got.len(), MAX_PENDING, "{now} {checked:?}");
        assert_eq!(got[0].id, first_id, "{now} {checked:?}");
    }
}

#[test]
fn key_date_reminders() {
    let dates = KeyDates {
        no_contact_ends: Some(date("2026-06-15")),
        revisit_on: Some(date("2026-07-01")),
        next_trial_review: Some(date("2026-06-20")),
        trial_reviews: vec![date("2026-06-20"), date("2026-06-27"), date("2026-07-04")],
        trial_ends: Some(date("2026-07-04")),
        contact_paused_until: Some(date("2026-06-18")),
    };
    // (zone, key-date time, now, expected (id, UTC, local))
    let cases: &[DstCase] = &[
        (
            "Europe/Berlin",
            "09:00",
            "2026-06-15T06:00:00Z",
            &[
                (
                    "no_contact_ends:2026-06-15",
                    "2026-06-15T07:00Z",
                    "2026-06-15 09:00",
                ),
                (
                    "trial_review:2026-06-20",
                    "2026-06-20T07:00Z",
                    "2026-06-20 09:00",
                ),
                (
                    "trial_review:2026-06-27",
                    "2026-06-27T07:00Z",
                    "2026-06-27 09:00",
                ),
                (
                    "revisit:2026-07-01",
                    "2026-07-01T07:00Z",
                    "2026-07-01 09:00",
                ),
                (
                    "trial_ends:2026-07-04",
                    "2026-07-04T07:00Z",
                    "2026-07-04 09:00",
                ),
            ],
        ),
        // After 09:00 on the 15th, its reminder is gone.
        (
            "Europe/Berlin",
            "09:00",
            "2026-06-15T08:00:00Z",
            &[
                (
                    "trial_review:2026-06-20",
                    "2026-06-20T07:00Z",
                    "2026-06-20 09:00",
                ),
                (
                    "trial_review:2026-06-27",
                    "2026-06-27T07:00Z",
                    "2026-06-27 09:00",
                ),
                (
                    "revisit:2026-07-01",
                    "2026-07-01T07:00Z",
                    "2026-07-01 09:00",
                ),
                (
                    "trial_ends:2026-07-04",
                    "2026-07-04T07:00Z",
                    "2026-07-04 09:00",
                ),
            ],
        ),
        // Read in the zone the device is in now.
        (
            "Asia/Kolkata",
            "19:30",
            "2026-06-15T06:00:00Z",
            &[
                (
                    "no_contact_ends:2026-06-15",
                    "2026-06-15T14:00Z",
                    "2026-06-15 19:30",
                ),
                (
                    "trial_review:2026-06-20",
                    "2026-06-20T14:00Z",
                    "2026-06-20 19:30",
                ),
                (
                    "trial_review:2026-06-27",
                    "2026-06-27T14:00Z",
                    "2026-06-27 19:30",
                ),
                (
                    "revisit:2026-07-01",
                    "2026-07-01T14:00Z",
                    "2026-07-01 19:30",
                ),
                (
                    "trial_ends:2026-07-04",
                    "2026-07-04T14:00Z",
                    "2026-07-04 19:30",
                ),
            ],
        ),
        (
            "America/Los_Angeles",
            "09:00",
            "2026-06-30T00:00:00Z",
            &[
                (
                    "revisit:2026-07-01",
                    "2026-07-01T16:00Z",
                    "2026-07-01 09:00",
                ),
                (
                    "trial_ends:2026-07-04",
                    "2026-07-04T16:00Z",
                    "2026-07-04 09:00",
                ),
            ],
        ),
        ("Pacific/Auckland", "09:00", "2026-07-04T00:00:00Z", &[]),
    ];
    for (name, at, now, expected) in cases {
        let got = Run {
            settings: ReminderSettings {
                key_dates_at: time(at),
                ..ReminderSettings::default()
            },
            dates: dates.clone(),
            now,
            zone: name,
            ..Run::default()
        }
        .schedule();
        assert_eq!(first(&got, 99), owned(expected), "{name} {at} {now}");
    }
}

#[test]
fn key_dates_on_dst_days() {
    // A key date on the spring-forward day at 02:30 → 03:30; on the fall-back day once.
    let dates = KeyDates {
        no_contact_ends: Some(date("2026-03-29")),
        revisit_on: Some(date("2026-10-25")),
        ..KeyDates::default()
    };
    let got = Run {
        settings: ReminderSettings {
            key_dates_at: time("02:30"),
            ..ReminderSettings::default()
        },
        dates,
        now: "2026-03-01T00:00:00Z",
        ..Run::default()
    }
    .schedule();
    assert_eq!(
        first(&got, 9),
        owned(&[
            (
                "no_contact_ends:2026-03-29",
                "2026-03-29T01:30Z",
                "2026-03-29 03:30"
            ),
            (
                "revisit:2026-10-25",
                "2026-10-25T00:30Z",
                "2026-10-25 02:30"
            ),
        ])
    );
}

#[test]
fn custom_reminders() {
    let customs = [
        CustomReminder {
            id: "gap".into(),
            at: wall("2026-03-29 02:30"),
            text: None,
        },
        CustomReminder {
            id: "past".into(),
            at: wall("2026-03-01 09:00"),
            text: None,
        },
        CustomReminder {
            id: "walk".into(),
            at: wall("2026-03-20 18:00"),
            text: None,
        },
        // A repeated id keeps its soonest.
        CustomReminder {
            id: "walk".into(),
            at: wall("2026-03-21 18:00"),
            text: None,
        },
    ];
    // (zone, expected)
    let cases: &[(&str, &[Row])] = &[
        (
            "Europe/Berlin",
            &[
                ("custom:walk", "2026-03-20T17:00Z", "2026-03-20 18:00"),
                ("custom:gap", "2026-03-29T01:30Z", "2026-03-29 03:30"),
            ],
        ),
        (
            "Asia/Kolkata",
            &[
                ("custom:walk", "2026-03-20T12:30Z", "2026-03-20 18:00"),
                ("custom:gap", "2026-03-28T21:00Z", "2026-03-29 02:30"),
            ],
        ),
    ];
    for (name, expected) in cases {
        let got = Run {
            customs: &customs,
            now: "2026-03-10T00:00:00Z",
            zone: name,
            ..Run::default()
        }
        .schedule();
        assert_eq!(first(&got, 9), owned(expected), "{name}");
        assert!(got.iter().all(|r| r.kind == ReminderKind::Custom));
    }
}

#[test]
fn generic_text_by_default_detail_on_request() {
    let secret = "Call Sam about the keys";
    let customs = [
        CustomReminder {
            id: "own".into(),
            at: wall("2026-06-12 10:00"),
            text: Some(secret.into()),
        },
        CustomReminder {
            id: "blank".into(),
            at: wall("2026-06-12 11:00"),
            text: Some("   ".into()),
        },
    ];
    let dates = KeyDates {
        no_contact_ends: Some(date("2026-06-13")),
        revisit_on: Some(date("2026-06-14")),
        trial_reviews: vec![date("2026-06-15"), date("2026-06-16")],
        trial_ends: Some(date("2026-06-16")),
        ..KeyDates::default()
    };
    let run = |detail| {
        Run {
            settings: ReminderSettings {
                daily_check_in: Some(time("20:00")),
                detail,
                ..ReminderSettings::default()
            },
            customs: &customs,
            dates: dates.clone(),
            now: "2026-06-11T12:00:00Z",
            ..Run::default()
        }
        .schedule()
    };
    let text = |got: &[Reminder], id: &str| {
        let r = got.iter().find(|r| r.id == id).unwrap();
        (r.title.clone(), r.body.clone())
    };

    // (id, generic (title, body), detailed (title, body))
    let cases = [
        (
            "check_in:2026-06-11",
            ("Check-in", "Time for your check-in"),
            (
                "Daily check-in",
                "Time for your check-in. How are you doing today?",
            ),
        ),
        (
            "no_contact_ends:2026-06-13",
            ("Reminder", "A date in your plan is here"),
            (
                "No-contact period",
                "Your no-contact period is complete. There's no rush with what comes next.",
            ),
        ),
        (
            "revisit:2026-06-14",
            ("Reminder", "A date in your plan is here"),
            (
                "Time to revisit",
                "Today is the day you chose to look at your decision again, at your own pace.",
            ),
        ),
        (
            "trial_review:2026-06-15",
            ("Reminder", "A date in your plan is here"),
            (
                "Trial review",
                "A review of your trial period is due today.",
            ),
        ),
        (
            "trial_ends:2026-06-16",
            ("Reminder", "A date in your plan is here"),
            (
                "Trial period",
                "Today is the last day of your trial period, and its final review.",
            ),
        ),
        (
            "custom:own",
            ("Reminder", "A reminder you set"),
            ("Reminder", secret),
        ),
        (
            "custom:blank",
            ("Reminder", "A reminder you set"),
            ("Reminder", "A reminder you set"),
        ),
    ];
    let generic = run(NotificationDetail::Generic);
    let detailed = run(NotificationDetail::Detailed);
    for (id, (gt, gb), (dt, db)) in cases {
        assert_eq!(text(&generic, id), (gt.to_owned(), gb.to_owned()), "{id}");
        assert_eq!(text(&detailed, id), (dt.to_owned(), db.to_owned()), "{id}");
    }
    // The review on the trial's last day is only the end reminder.
    assert!(!generic.iter().any(|r| r.id == "trial_review:2026-06-16"));
    // Generic text never carries the user's own words; the detail changes only words.
    assert!(
        generic
            .iter()
            .all(|r| !r.title.contains("Sam") && !r.body.contains("Sam"))
    );
    let when =
        |rs: &[Reminder]| -> Vec<_> { rs.iter().map(|r| (r.id.clone(), r.fire_at)).collect() };
    assert_eq!(when(&generic), when(&detailed));
}

#[test]
fn kinds_serialize_as_snake_case_codes() {
    let codes: Vec<_> = ReminderKind::all().map(ReminderKind::code).collect();
    assert_eq!(
        codes,
        [
            "daily_check_in",
            "no_contact_ends",
            "revisit",
            "trial_review",
            "trial_ends",
            "custom"
        ]
    );
    let json = serde_json::to_value(ReminderKind::TrialEnds).unwrap();
    assert_eq!(json, "trial_ends");
    let settings: ReminderSettings = serde_json::from_str(
        r#"{"daily_check_in":"20:30:00","key_dates_at":"09:00:00","detail":"generic"}"#,
    )
    .unwrap();
    assert_eq!(settings, daily_at("20:30"));
    assert_eq!(ReminderSettings::default().key_dates_at, time("09:00"));
}

#[test]
fn a_skipped_day_does_not_fire_twice() {
    // Samoa skipped 30 December 2011: its 20:00 shifts to 31 December 20:00, which
    // 31 December's own reminder already has.
    let got = Run {
        settings: daily_at("20:00"),
        now: "2011-12-28T12:00:00Z",
        zone: "Pacific/Apia",
        ..Run::default()
    }
    .schedule();
    assert_eq!(
        first(&got, 3),
        owned(&[
            (
                "check_in:2011-12-28",
                "2011-12-29T06:00Z",
                "2011-12-28 20:00"
            ),
            (
                "check_in:2011-12-29",
                "2011-12-30T06:00Z",
                "2011-12-29 20:00"
            ),
            (
                "check_in:2011-12-30",
                "2011-12-31T06:00Z",
                "2011-12-31 20:00"
            ),
        ])
    );
    assert_eq!(got[3].id, "check_in:2012-01-01");
}

#[test]
fn the_ends_of_chronos_range_do_not_panic() {
    let far = KeyDates {
        no_contact_ends: Some(NaiveDate::MAX),
        revisit_on: Some(NaiveDate::MIN),
        trial_reviews: vec![NaiveDate::MIN, NaiveDate::MAX],
        trial_ends: Some(NaiveDate::MAX),
        ..KeyDates::default()
    };
    let customs = [
        CustomReminder {
            id: "max".into(),
            at: NaiveDateTime::MAX,
            text: None,
        },
        CustomReminder {
            id: "min".into(),
            at: NaiveDateTime::MIN,
            text: None,
        },
    ];
    let settings = ReminderSettings {
        daily_check_in: Some(time("23:59")),
        key_dates_at: time("00:00"),
        detail: NotificationDetail::Detailed,
    };
    let nows = [
        DateTime::<Utc>::MAX_UTC,
        DateTime::<Utc>::MIN_UTC,
        NaiveDate::MAX.and_time(NaiveTime::MIN).and_utc(),
        NaiveDate::MIN.and_time(time("23:00")).and_utc(),
    ];
    for now in nows {
        for name in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"] {
            for day_start_hour in [0, 4, 23, 255] {
                let got = schedule(&ScheduleInput {
                    settings: &settings,
                    customs: &customs,
                    dates: &far,
                    checked_in: &|_| false,
                    day_start_hour,
                    now,
                    zone: zone(name),
                });
                assert_invariants(&got, now);
            }
        }
    }
}
