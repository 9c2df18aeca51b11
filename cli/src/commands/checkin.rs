//! `reconnect checkin`: records today's check-in (or updates it).

use std::ops::RangeInclusive;

use reconnect_core::checkin::{MOOD_RANGE, URGE_RANGE};
use reconnect_core::{CheckInInput, ContactMedium, Reconnect};

use super::{describe, long_date};
use crate::args::CheckinArgs;
use crate::error::CliError;
use crate::output::Output;
use crate::stdin_note;

/// Checks the flags and reads a `--note -` before anything is opened, so refused
/// input never creates a store or a key.
pub fn input(args: &CheckinArgs, json: bool) -> Result<CheckInInput, CliError> {
    let contact = match &args.contacted {
        None => None,
        Some(code) => Some(ContactMedium::from_code(code).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown contact medium {code:?}; use one of: none, social-media, text, call, video, in-person"
            ))
        })?),
    };
    let mood = in_range("mood", args.mood, MOOD_RANGE)?;
    let urge = in_range("urge to contact", args.urge, URGE_RANGE)?;
    let note = match args.note.as_deref() {
        Some(stdin_note::FROM_STDIN) => Some(stdin_note::read(json)?),
        other => other.map(str::to_string),
    };
    Ok(CheckInInput {
        mood,
        urge,
        contact,
        note,
    })
}

fn in_range(what: &str, value: i64, range: RangeInclusive<u8>) -> Result<u8, CliError> {
    u8::try_from(value)
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| {
            CliError::invalid(format!(
                "{what} must be between {} and {}, got {value}",
                range.start(),
                range.end()
            ))
        })
}

pub fn run(app: &Reconnect, input: CheckInInput, json: bool) -> Result<Output, CliError> {
    let had_one = app.today()?.check_in.is_some();
    let checkin = app.check_in(input)?;
    let output = if json {
        Output::json(&checkin)?
    } else {
        let verb = if had_one { "Updated" } else { "Saved" };
        let mut lines = vec![format!(
            "{verb} your check-in for {}.",
            long_date(checkin.date)
        )];
        lines.extend(describe(&checkin));
        Output::lines(lines)
    };
    Ok(output.saved("your check-in was saved"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_numbers_get_a_plain_message() {
        let err = in_range("urge to contact", 300, URGE_RANGE).unwrap_err();
        assert_eq!(
            err.to_string(),
            "urge to contact must be between 0 and 10, got 300"
        );
        assert_eq!(err.exit_code(), 2);
        let err = in_range("mood", -1, MOOD_RANGE).unwrap_err();
        assert_eq!(err.to_string(), "mood must be between 1 and 5, got -1");
        assert_eq!(in_range("mood", 5, MOOD_RANGE).unwrap(), 5);
    }
}
