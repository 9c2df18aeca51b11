//! `reconnect today`: today's check-in, or a friendly explanation on a first run.

use reconnect_core::Reconnect;
use serde::Serialize;

use super::{describe, long_date, print_json};
use crate::error::CliError;

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

pub fn run(app: &Reconnect, json: bool) -> Result<(), CliError> {
    let today = app.today()?;
    let first_run = today.days_checked_in == 0;
    if json {
        return print_json(&TodayJson {
            today: &today,
            first_run,
        });
    }
    if first_run {
        println!("{WELCOME}");
        return Ok(());
    }
    let date = long_date(today.date);
    match &today.check_in {
        Some(checkin) => {
            println!("Today, {date} ({}): checked in.", today.time_zone);
            for line in describe(checkin) {
                println!("{line}");
            }
        }
        None => {
            println!("Today, {date} ({}): no check-in yet.", today.time_zone);
            println!("  reconnect checkin --mood N --urge N [--contacted MEDIUM] [--note TEXT]");
            if let Some(last) = app.history(Some(1))?.first() {
                println!(
                    "Your last check-in was on {}: mood {}/5, urge {}/10.",
                    long_date(last.date),
                    last.mood,
                    last.urge
                );
            }
        }
    }
    Ok(())
}
