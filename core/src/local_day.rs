//! Which local day a moment belongs to. The day starts at a configurable hour (4 a.m. by
//! default), so a check-in at 1 a.m. still counts for the evening before.

use chrono::{DateTime, NaiveDate, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

pub const DEFAULT_DAY_START_HOUR: u8 = 4;

/// The user's local day for `now` in `zone`, where days begin at `day_start_hour` local
/// wall-clock time.
pub fn local_day(now: DateTime<Utc>, zone: Tz, day_start_hour: u8) -> NaiveDate {
    // Checked: at the very ends of chrono's range the offset could overflow.
    let offset = zone.offset_from_utc_datetime(&now.naive_utc()).fix();
    let wall = now
        .naive_utc()
        .checked_add_offset(offset)
        .unwrap_or(now.naive_utc());
    let shifted = wall
        .checked_sub_signed(TimeDelta::hours(i64::from(day_start_hour)))
        .unwrap_or(wall);
    shifted.date()
}

/// Parses an IANA zone name such as `Europe/Berlin`.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn before_the_start_hour_counts_for_the_previous_day() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 01:30 in Berlin on 30 Nov (UTC+1) is still the 29th's day.
        let day = local_day(utc("2026-11-30T00:30:00Z"), berlin, 4);
        assert_eq!(day, NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
        // 04:00 local starts the 30th.
        let day = local_day(utc("2026-11-30T03:00:00Z"), berlin, 4);
        assert_eq!(day, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    }

    #[test]
    fn the_ends_of_time_do_not_panic() {
        let zone: Tz = "Pacific/Kiritimati".parse().unwrap();
        for now in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
            let _ = local_day(now, zone, 23);
        }
    }

    #[test]
    fn start_hour_zero_is_midnight() {
        let ny: Tz = "America/New_York".parse().unwrap();
        let now = ny
            .with_ymd_and_hms(2026, 3, 8, 0, 10, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            local_day(now, ny, 0),
            NaiveDate::from_ymd_opt(2026, 3, 8).unwrap()
        );
        assert_eq!(
            local_day(now, ny, 4),
            NaiveDate::from_ymd_opt(2026, 3, 7).unwrap()
        );
    }

    #[test]
    fn the_zone_decides_the_date() {
        let now = utc("2026-06-01T22:00:00Z");
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        assert_eq!(local_day(now, kolkata, 0).to_string(), "2026-06-02");
        assert_eq!(local_day(now, la, 0).to_string(), "2026-06-01");
    }

    #[test]
    fn unknown_zones_are_rejected() {
        assert!(parse_zone("Mars/Olympus_Mons").is_none());
        assert!(parse_zone("Australia/Lord_Howe").is_some());
    }
}
