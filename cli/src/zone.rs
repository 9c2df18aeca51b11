//! Which time zone decides where a day begins: --tz, else the system's zone, else UTC
//! with a short note, so a wrong day is never a silent surprise.

use chrono_tz::Tz;
use reconnect_core::local_day::parse_zone;

use crate::error::CliError;

/// The zone to use, and a note for people when we had to fall back to UTC.
pub fn choose(explicit: Option<&str>) -> Result<(Tz, Option<String>), CliError> {
    match explicit {
        Some(name) => parse_zone(name).map(|zone| (zone, None)).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown time zone {name:?}; use an IANA name such as Europe/Berlin"
            ))
        }),
        None => Ok(from_system(iana_time_zone::get_timezone().map_err(drop))),
    }
}

fn from_system(found: Result<String, ()>) -> (Tz, Option<String>) {
    const HINT: &str = "so days follow UTC for now; pass --tz (e.g. --tz Europe/Berlin) or set RECONNECT_TZ to use yours";
    match found {
        Ok(name) => match parse_zone(&name) {
            Some(zone) => (zone, None),
            None => (
                Tz::UTC,
                Some(format!(
                    "your system's time zone {name:?} is not one Reconnect knows, {HINT}"
                )),
            ),
        },
        Err(()) => (
            Tz::UTC,
            Some(format!("could not tell which time zone you are in, {HINT}")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_system_zone_is_used_quietly() {
        assert_eq!(
            from_system(Ok("Europe/Berlin".into())),
            (Tz::Europe__Berlin, None)
        );
    }

    #[test]
    fn falling_back_to_utc_says_so() {
        for found in [Err(()), Ok("Mars/Olympus_Mons".into())] {
            let (zone, note) = from_system(found);
            assert_eq!(zone, Tz::UTC);
            let note = note.expect("a note about UTC");
            assert!(note.contains("UTC") && note.contains("--tz"), "{note}");
            assert!(note.contains("RECONNECT_TZ"), "{note}");
        }
    }

    #[test]
    fn an_unknown_explicit_zone_is_refused() {
        assert!(choose(Some("Nowhere/Special")).is_err());
        assert_eq!(choose(Some("Asia/Tokyo")).unwrap(), (Tz::Asia__Tokyo, None));
    }
}
