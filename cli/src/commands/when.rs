//! Instants shown on the local clock of the chosen zone, with the zone's abbreviation,
//! never with a panic, even at the far edges of the calendar.

use chrono::{DateTime, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// What the clock in `zone` reads at `at`, and the zone's name for that moment ("CET").
pub fn wall(at: DateTime<Utc>, zone: Tz) -> Option<(NaiveDateTime, String)> {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    let local = at.naive_utc().checked_add_offset(offset.fix())?;
    Some((local, offset.to_string()))
}

/// "Sun 29 Nov 2026, 20:00 CET".
pub fn moment(at: DateTime<Utc>, zone: Tz) -> String {
    match wall(at, zone) {
        Some((local, name)) => format!("{} {name}", local.format("%a %-d %b %Y, %H:%M")),
        None => at.to_rfc3339(),
    }
}

/// "2026-11-29", the local calendar date.
pub fn date(at: DateTime<Utc>, zone: Tz) -> String {
    wall(at, zone).map_or_else(
        || at.date_naive().to_string(),
        |(local, _)| local.date().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_clock_and_zone_name() {
        let at = Utc.with_ymd_and_hms(2027, 3, 28, 18, 0, 0).unwrap();
        assert_eq!(
            moment(at, Tz::Europe__Berlin),
            "Sun 28 Mar 2027, 20:00 CEST"
        );
        let before = Utc.with_ymd_and_hms(2027, 3, 27, 19, 0, 0).unwrap();
        assert_eq!(
            moment(before, Tz::Europe__Berlin),
            "Sat 27 Mar 2027, 20:00 CET"
        );
        assert_eq!(date(at, Tz::Pacific__Kiritimati), "2027-03-29");
        assert!(!moment(DateTime::<Utc>::MAX_UTC, Tz::Pacific__Kiritimati).is_empty());
    }
}
