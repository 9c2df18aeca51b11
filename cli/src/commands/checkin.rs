//! `reconnect checkin`: records today's check-in (or updates it).

use reconnect_core::{CheckInInput, ContactMedium, Reconnect};

use super::{describe, long_date, print_json};
use crate::args::CheckinArgs;
use crate::error::CliError;

pub fn run(app: &Reconnect, args: &CheckinArgs, json: bool) -> Result<(), CliError> {
    let contact = match &args.contacted {
        None => None,
        Some(code) => Some(ContactMedium::from_code(code).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown contact medium {code:?}; use one of: none, social-media, text, call, video, in-person"
            ))
        })?),
    };
    let had_one = app.today()?.check_in.is_some();
    let checkin = app.check_in(CheckInInput {
        mood: args.mood,
        urge: args.urge,
        contact,
        note: args.note.clone(),
    })?;
    if json {
        return print_json(&checkin);
    }
    let verb = if had_one { "Updated" } else { "Saved" };
    println!("{verb} your check-in for {}.", long_date(checkin.date));
    for line in describe(&checkin) {
        println!("{line}");
    }
    Ok(())
}
