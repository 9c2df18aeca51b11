//! Local clock values at the FFI edge: times of day as `HH:MM` and local wall times as
//! `YYYY-MM-DDTHH:MM`, both read in whatever zone the device is in. Bad text becomes
//! `InvalidInput` naming the field and the expected shape, never a panic.

use chrono::{NaiveDateTime, NaiveTime, Timelike};

use crate::error::ReconnectError;
use crate::program::convert::{date_text, parse_date};

/// A time of day as the FFI carries it: `HH:MM`, 24-hour.
pub(crate) fn time_text(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A local wall time as the FFI carries it: `YYYY-MM-DDTHH:MM`.
pub(crate) fn wall_text(at: NaiveDateTime) -> String {
    format!("{}T{}", date_text(at.date()), time_text(at.time()))
}

/// Parses `HH:MM` (two digits each, 00:00–23:59); `field` names it in the error.
pub(crate) fn parse_time(field: &str, text: &str) -> Result<NaiveTime, ReconnectError> {
    parse_clock(text.trim()).ok_or_else(|| {
        ReconnectError::invalid(format!(
            "{field} {text:?} is not a time of day; times are written HH:MM, e.g. 20:00"
        ))
    })
}

/// Parses `YYYY-MM-DDTHH:MM`; `field` names it in the error.
pub(crate) fn parse_wall(field: &str, text: &str) -> Result<NaiveDateTime, ReconnectError> {
    let bad = || {
        ReconnectError::invalid(format!(
            "{field} {text:?} is not a local date and time; they are written \
             YYYY-MM-DDTHH:MM, e.g. 2026-03-14T20:00"
        ))
    };
    let trimmed = text.trim();
    let (date, time) = trimmed.split_once('T').ok_or_else(bad)?;
    let date = parse_date(field, date).map_err(|_| bad())?;
    let time = parse_clock(time).ok_or_else(bad)?;
    Ok(date.and_time(time))
}

fn parse_clock(text: &str) -> Option<NaiveTime> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 5
        && bytes.iter().enumerate().all(|(i, b)| match i {
            2 => *b == b':',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(err: ReconnectError) -> String {
        match err {
            ReconnectError::InvalidInput { detail } => detail,
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn times_and_wall_times_parse_and_print_the_same() {
        let time = parse_time("daily_check_in", "20:00").unwrap();
        assert_eq!(time_text(time), "20:00");
        assert_eq!(time_text(parse_time("t", " 07:05 ").unwrap()), "07:05");
        let wall = parse_wall("at", "2026-03-29T02:30").unwrap();
        assert_eq!(wall_text(wall), "2026-03-29T02:30");
        let with_seconds = NaiveTime::from_hms_opt(9, 15, 42).unwrap();
        assert_eq!(time_text(with_seconds), "09:15");
    }

    #[test]
    fn anything_else_is_invalid_input_naming_the_field() {
        for bad in [
            "",
            "8:00",
            "24:00",
            "20:60",
            "20:00:00",
            "20h00",
            "２０:00",
            "noon",
        ] {
            let message = detail(parse_time("daily_check_in", bad).unwrap_err());
            assert!(message.starts_with("daily_check_in "), "{message}");
            assert!(message.contains("HH:MM"), "{message}");
        }
        for bad in [
            "",
            "2026-03-29",
            "2026-03-29 20:00",
            "2026-02-30T20:00",
            "2026-03-29T25:00",
            "2026-03-29T20:00:00",
            "2026-03-29T20:00Z",
            "T20:00",
        ] {
            let message = detail(parse_wall("at", bad).unwrap_err());
            assert!(message.starts_with("at "), "{message}");
            assert!(message.contains("YYYY-MM-DDTHH:MM"), "{message}");
        }
    }
}
