//! A local wall time → one instant, in one IANA zone.
//!
//! Most wall times exist exactly once. Around a DST change (or any change of a zone's
//! offset) some do not exist and some exist twice; reminders must still fire exactly
//! once, so [`resolve`] picks one instant for every wall time:
//!
//! - **Unique** — that instant.
//! - **Gap** (spring forward: the wall time does not exist) — the wall time shifted
//!   forward by the gap's length. With `before` the zone's UTC offset just before the
//!   gap, the instant is `wall − before` (read as UTC); after the change the clock
//!   reads `wall − before + after = wall + (after − before)`. Berlin 02:30 on
//!   29 March 2026 (02:00 CET → 03:00 CEST) fires at 03:30 CEST = 01:30 UTC; Lord
//!   Howe's 30-minute gap (02:00 → 02:30 on 4 October 2026) turns 02:15 into 02:45.
//!   `before` is read one day (24 h) before the wall time, so the rule assumes a zone
//!   changes its offset at most once a day, which every zone in the tz database does.
//! - **Overlap** (fall back: the wall time exists twice) — the first, earlier instant
//!   only. Berlin 02:30 on 25 October 2026 fires at 02:30 CEST = 00:30 UTC, and not
//!   again at 02:30 CET.
//!
//! Wall times whose instant would fall outside chrono's range give `None`; nothing here
//! panics.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// The one instant at which `wall` is due in `zone` (see the module docs).
pub fn resolve(zone: Tz, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => in_gap(zone, wall),
    }
}

/// `wall − before`, with `before` the offset in force a day earlier.
fn in_gap(zone: Tz, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    let probe = wall.checked_sub_signed(TimeDelta::days(1))?;
    let before = zone
        .offset_from_utc_datetime(&probe)
        .fix()
        .local_minus_utc();
    let at = wall.checked_sub_signed(TimeDelta::seconds(i64::from(before)))?;
    Some(at.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn wall(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn zone(name: &str) -> Tz {
        name.parse().unwrap()
    }

    #[test]
    fn table() {
        // (zone, local wall time, instant in UTC, what the clock reads then)
        let cases = [
            // Unique wall times.
            (
                "Europe/Berlin",
                "2026-01-15 20:00",
                "2026-01-15T19:00:00Z",
                "20:00",
            ),
            (
                "Europe/Berlin",
                "2026-07-15 20:00",
                "2026-07-15T18:00:00Z",
                "20:00",
            ),
            (
                "Asia/Kolkata",
                "2026-03-29 02:30",
                "2026-03-28T21:00:00Z",
                "02:30",
            ),
            // Spring forward: shifted by the gap's length.
            (
                "Europe/Berlin",
                "2026-03-29 02:00",
                "2026-03-29T01:00:00Z",
                "03:00",
            ),
            (
                "Europe/Berlin",
                "2026-03-29 02:30",
                "2026-03-29T01:30:00Z",
                "03:30",
            ),
            (
                "Europe/Berlin",
                "2026-03-29 02:59",
                "2026-03-29T01:59:00Z",
                "03:59",
            ),
            (
                "Europe/Berlin",
                "2026-03-29 03:00",
                "2026-03-29T01:00:00Z",
                "03:00",
            ),
            (
                "America/New_York",
                "2026-03-08 02:30",
                "2026-03-08T07:30:00Z",
                "03:30",
            ),
            (
                "Australia/Lord_Howe",
                "2026-10-04 02:15",
                "2026-10-03T15:45:00Z",
                "02:45",
            ),
            (
                "Australia/Lord_Howe",
                "2026-10-04 02:00",
                "2026-10-03T15:30:00Z",
                "02:30",
            ),
            (
                "Australia/Lord_Howe",
                "2026-10-04 02:30",
                "2026-10-03T15:30:00Z",
                "02:30",
            ),
            // Fall back: the earlier of the two.
            (
                "Europe/Berlin",
                "2026-10-25 02:30",
                "2026-10-25T00:30:00Z",
                "02:30",
            ),
            (
                "America/New_York",
                "2026-11-01 01:30",
                "2026-11-01T05:30:00Z",
                "01:30",
            ),
            (
                "Australia/Lord_Howe",
                "2026-04-05 01:45",
                "2026-04-04T14:45:00Z",
                "01:45",
            ),
            // The day Samoa skipped entirely (30 December 2011): a day later.
            (
                "Pacific/Apia",
                "2011-12-30 20:00",
                "2011-12-31T06:00:00Z",
                "20:00",
            ),
        ];
        for (name, local, utc, reads) in cases {
            let tz = zone(name);
            let got = resolve(tz, wall(local)).unwrap();
            assert_eq!(
                got.to_rfc3339(),
                utc.replace('Z', "+00:00"),
                "{name} {local}"
            );
            let clock = got.with_timezone(&tz).time().format("%H:%M").to_string();
            assert_eq!(clock, reads, "{name} {local}");
        }
    }

    #[test]
    fn the_ends_of_chronos_range_do_not_panic() {
        let times = [NaiveTime::MIN, NaiveTime::from_hms_opt(23, 59, 59).unwrap()];
        for name in [
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago",
            "Europe/Berlin",
            "UTC",
        ] {
            for date in [NaiveDate::MIN, NaiveDate::MAX] {
                for time in times {
                    let _ = resolve(zone(name), date.and_time(time));
                }
            }
        }
    }
}
