//! `reconnect today`: today's check-in, or a friendly explanation on a first run.

use reconnect_core::Reconnect;
use serde::Serialize;

use super::{describe, long_date};
use crate::error::CliError;
use crate::output::Output;

const WELCOME: &str = "\
Welcome to Reconnect.

Reconnect is a private companion for deciding whether, and how, to get back in
touch with a former partner, and for letting go when that is the wiser path.
Everything you write stays on your own devices, encrypted.

A gentle way to begin is a daily check-in: how you feel, how strong the urge to
reach out is, and whether any contact happened. For example:

  reconnect checkin --mood 3 --urge 6 --note \"Quiet evening, thought about them a lot.\"

Mood runs from 1 (very low) to 5 (very good); the urge from 0 (none) to 10
(overwhelming). There are no wrong answers, and a hard day is worth recording too.";

#[derive(Serialize)]
struct TodayJson<'a> {
    #[serde(flatten)]
    today: &'a reconnect_core::TodayView,
    first_run: bool,
}

pub fn run(app: &Reconnect, json: bool) -> Result<Output, CliError> {
    let today = app.today()?;
    let first_run = today.days_checked_in == 0;
    if json {
        return Output::json(&TodayJson {
            today: &today,
            first_run,
        });
    }
    if first_run {
        return Ok(Output::lines(vec![WELCOME.into()]));
    }
    let date = long_date(today.date);
    let mut lines = Vec::new();
    match &today.check_in {
        Some(checkin) => {
            lines.push(format!("Today, {date} ({}): checked in.", today.time_zone));
            lines.extend(describe(checkin));
        }
        None => {
            lines.push(format!(
                "Today, {date} ({}): no check-in yet.",
                today.time_zone
            ));
            lines.push(
                "  reconnect checkin --mood N --urge N [--contacted MEDIUM] [--note TEXT]".into(),
            );
            if let Some(last) = app.history(Some(1))?.first() {
                lines.push(format!(
                    "Your last check-in was on {}: mood {}/5, urge {}/10.",
                    long_date(last.date),
                    last.mood,
                    last.urge
                ));
            }
        }
    }
    Ok(Output::lines(lines))
}
