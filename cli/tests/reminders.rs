//! Reminders on the command line, end to end: settings, the upcoming schedule at exact
//! local times across the spring DST change in Berlin (28 March 2027), one-off
//! reminders, and today's check-in reminder leaving once the check-in is made.

mod support;

use serde_json::Value;
use support::{Env, flat};

/// Friday 26 March 2027, 11:00 in Berlin (CET); the clocks go forward on Sunday.
const NOW: &str = "2027-03-26T10:00:00Z";

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

#[test]
fn daily_reminders_keep_their_local_time_across_the_dst_change() {
    let env = Env::at(NOW);
    let none = env.ok(&["reminders"]);
    assert!(none.contains("No reminders are coming up."), "{none}");
    assert!(none.contains("reminders set --daily 20:00"), "{none}");

    let saved = env.json(&[
        "reminders",
        "set",
        "--daily",
        "20:00",
        "--dates-at",
        "09:30",
    ]);
    assert_eq!(saved["daily_check_in"], "20:00:00");
    assert_eq!(saved["key_dates_at"], "09:30:00");
    assert_eq!(saved["detail"], "generic");

    let upcoming = env.json(&["reminders", "--limit", "4"]);
    assert_eq!(
        ids(&upcoming),
        [
            "check_in:2027-03-26",
            "check_in:2027-03-27",
            "check_in:2027-03-28",
            "check_in:2027-03-29"
        ]
    );
    let times: Vec<(&str, &str)> = upcoming
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["fire_at"].as_str().unwrap(), r["local"].as_str().unwrap()))
        .collect();
    assert_eq!(
        times,
        [
            ("2027-03-26T19:00:00Z", "2027-03-26T20:00:00"),
            ("2027-03-27T19:00:00Z", "2027-03-27T20:00:00"),
            // Summer time from Sunday: the same 20:00 on the clock is an hour earlier in UTC.
            ("2027-03-28T18:00:00Z", "2027-03-28T20:00:00"),
            ("2027-03-29T18:00:00Z", "2027-03-29T20:00:00"),
        ]
    );
    for reminder in upcoming.as_array().unwrap() {
        assert_eq!(reminder["zone"], "Europe/Berlin");
        assert_eq!(reminder["kind"], "daily_check_in");
        assert_eq!(reminder["body"], "Time for your check-in");
    }
    assert_eq!(env.json(&["reminders"]).as_array().unwrap().len(), 64);

    let text = env.ok(&["reminders", "--limit", "3"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "Fri 26 Mar 2027  20:00 CET   (Europe/Berlin)  daily check-in    check_in:2027-03-26",
            "Sat 27 Mar 2027  20:00 CET   (Europe/Berlin)  daily check-in    check_in:2027-03-27",
            "Sun 28 Mar 2027  20:00 CEST  (Europe/Berlin)  daily check-in    check_in:2027-03-28",
        ],
        "{text}"
    );
    assert!(text.contains("phone or tablet delivers"), "{text}");
    let default = env.ok(&["reminders"]);
    assert!(
        default.contains("…and 50 more (`--limit 64` shows them all)."),
        "{default}"
    );

    // Another zone puts the same wall time on its own clock.
    let tokyo = env.json_in("Asia/Tokyo", &["reminders", "--limit", "1"]);
    assert_eq!(tokyo[0]["local"], "2027-03-26T20:00:00");
    assert_eq!(tokyo[0]["fire_at"], "2027-03-26T11:00:00Z");
    assert_eq!(tokyo[0]["zone"], "Asia/Tokyo");
}

#[test]
fn todays_reminder_is_gone_once_checked_in() {
    let env = Env::at(NOW);
    env.ok(&["reminders", "set", "--daily", "20:00"]);
    assert_eq!(
        ids(&env.json(&["reminders", "--limit", "1"])),
        ["check_in:2027-03-26"]
    );
    env.ok(&["checkin", "--mood", "3", "--urge", "4"]);
    let after = env.json(&["reminders", "--limit", "2"]);
    assert_eq!(ids(&after), ["check_in:2027-03-27", "check_in:2027-03-28"]);
    assert!(!env.ok(&["reminders"]).contains("check_in:2027-03-26"));

    let off = env.json(&["reminders", "set", "--daily", "off"]);
    assert_eq!(off["daily_check_in"], Value::Null);
    assert_eq!(env.json(&["reminders"]), serde_json::json!([]));
}

#[test]
fn one_off_reminders_are_added_shown_and_removed() {
    let env = Env::at(NOW);
    // 02:30 does not exist in Berlin on 28 March 2027: it comes at 03:30 summer time.
    let out = env.ok(&[
        "reminders",
        "add",
        "--at",
        "2027-03-28 02:30",
        "Call my sister",
    ]);
    assert!(
        out.contains("Added a reminder for Sun 28 Mar 2027, 03:30 CEST (Europe/Berlin)"),
        "{out}"
    );
    assert!(out.contains("skip 02:30, so it comes at 03:30"), "{out}");
    assert!(
        flat(&out).contains("say only \u{201c}A reminder you set\u{201d}"),
        "{out}"
    );

    let upcoming = env.json(&["reminders"]);
    assert_eq!(upcoming.as_array().unwrap().len(), 1);
    let id = upcoming[0]["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("custom:"), "{id}");
    assert_eq!(upcoming[0]["kind"], "custom");
    assert_eq!(upcoming[0]["fire_at"], "2027-03-28T01:30:00Z");
    assert_eq!(upcoming[0]["local"], "2027-03-28T03:30:00");
    assert_eq!(upcoming[0]["body"], "A reminder you set");
    let text = env.ok(&["reminders"]);
    assert!(
        text.contains(&format!(
            "Sun 28 Mar 2027  03:30 CEST  (Europe/Berlin)  your reminder     {id}  \u{201c}Call my sister\u{201d}"
        )),
        "{text}"
    );

    env.ok(&["reminders", "set", "--detail", "detailed"]);
    assert_eq!(env.json(&["reminders"])[0]["body"], "Call my sister");
    let settings = env.ok(&["reminders", "settings"]);
    assert!(
        settings.contains("Notification text:        detailed"),
        "{settings}"
    );
    assert!(
        settings.contains("Daily check-in reminder:  off"),
        "{settings}"
    );
    assert_eq!(env.json(&["reminders", "settings"])["detail"], "detailed");

    let added = env.json(&["reminders", "add", "--at", "2027-04-01T08:15"]);
    assert_eq!(added["local"], "2027-04-01T08:15:00");
    assert_eq!(added["fire_at"], "2027-04-01T06:15:00Z");
    let second = format!("custom:{}", added["reminder"]["id"].as_str().unwrap());

    // Removing takes the id as listed, or without its prefix.
    assert_eq!(
        env.json(&["reminders", "remove", &id])["removed"],
        id.as_str()
    );
    let bare = second.trim_start_matches("custom:");
    assert!(
        env.ok(&["reminders", "remove", bare])
            .contains("Removed the reminder")
    );
    assert_eq!(env.json(&["reminders"]), serde_json::json!([]));
    assert!(
        env.fails(2, &["reminders", "remove", bare])
            .contains("no reminder with the id")
    );
}

#[test]
fn reminder_mistakes_are_one_line() {
    let env = Env::at(NOW);
    env.fails(2, &["reminders", "set"]);
    assert!(
        env.fails(2, &["reminders", "set", "--daily", "25:00"])
            .contains("20:30")
    );
    env.fails(2, &["reminders", "set", "--detail", "loud"]);
    env.fails(2, &["reminders", "add", "--at", "tomorrow"]);
    env.fails(2, &["reminders", "--limit", "3", "settings"]);
    assert!(!env.data.exists(), "refused input creates no store");
    let past = env.fails(2, &["reminders", "add", "--at", "2027-03-26 10:59"]);
    assert!(
        past.contains("has already passed in Europe/Berlin"),
        "{past}"
    );
    let daily = env.fails(2, &["reminders", "remove", "check_in:2027-03-27"]);
    assert!(daily.contains("--daily off"), "{daily}");
    env.fails(2, &["reminders", "remove", "trial_review:2027-04-01"]);
    let long = "x".repeat(201);
    env.fails(2, &["reminders", "add", "--at", "2027-04-01 08:00", &long]);
    assert_eq!(env.json(&["reminders"]), serde_json::json!([]));
}
