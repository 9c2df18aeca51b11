//! `reconnect reminders`: what comes next, soonest first, each on the local clock of
//! the zone it was scheduled in, with its kind and id.

use std::collections::HashMap;

use reconnect_core::Reconnect;
use reconnect_core::local_day::parse_zone;
use reconnect_core::reminders::{Reminder, ReminderKind};

use super::words;
use crate::clean;
use crate::commands::when;
use crate::error::CliError;
use crate::output::Output;

/// Shown in the terminal unless `--limit` says otherwise: two weeks of daily reminders.
pub const SHOWN: usize = 14;

pub fn run(app: &Reconnect, limit: Option<usize>, json: bool) -> Result<Output, CliError> {
    let mut reminders = app.reminders()?;
    if json {
        reminders.truncate(limit.unwrap_or(usize::MAX));
        return Output::json(&reminders);
    }
    let pending = reminders.len();
    reminders.truncate(limit.unwrap_or(SHOWN));
    let settings = app.reminder_settings()?;
    let mut lines = Vec::new();
    if reminders.is_empty() && limit != Some(0) {
        lines.push("No reminders are coming up.".to_string());
    } else {
        // The user's own words, shown here on their own screen whatever the setting.
        let own: HashMap<String, String> = app
            .custom_reminders()?
            .into_iter()
            .filter_map(|c| Some((format!("custom:{}", c.id), c.text?)))
            .collect();
        lines.extend(reminders.iter().map(|r| line(r, own.get(&r.id))));
        if pending > reminders.len() && limit.is_none() {
            lines.push(format!(
                "…and {} more (`--limit {pending}` shows them all).",
                pending - reminders.len()
            ));
        }
    }
    lines.push(String::new());
    if settings.daily_check_in.is_none() {
        lines.push(
            "No daily check-in reminder is set; `reconnect reminders set --daily 20:00` adds one."
                .into(),
        );
    }
    lines.push(
        "The terminal shows this schedule; your phone or tablet delivers the notifications.".into(),
    );
    Ok(Output::lines(lines))
}

/// "Sun 28 Mar 2027  20:00 CEST (Europe/Berlin)  daily check-in  check_in:2027-03-28".
fn line(reminder: &Reminder, own_words: Option<&String>) -> String {
    let name = parse_zone(&reminder.zone)
        .and_then(|zone| when::wall(reminder.fire_at, zone))
        .map(|(_, name)| name)
        .unwrap_or_default();
    let mut line = format!(
        "{}  {} {name:<5} ({})  {:<17} {}",
        reminder.local.format("%a %d %b %Y"),
        reminder.local.format("%H:%M"),
        clean::one_line(&reminder.zone),
        words::kind(reminder.kind),
        reminder.id
    );
    if let Some(text) = own_words.filter(|_| reminder.kind == ReminderKind::Custom) {
        line.push_str(&format!("  \u{201c}{}\u{201d}", clean::one_line(text)));
    }
    line
}
