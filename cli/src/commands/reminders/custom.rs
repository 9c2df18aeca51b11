//! `reconnect reminders add` and `reconnect reminders remove`: one-off reminders at a
//! local date and time.

use chrono::NaiveDateTime;
use reconnect_core::Reconnect;
use reconnect_core::reminders::{NotificationDetail, resolve};
use serde_json::json;

use crate::commands::when;
use crate::context;
use crate::error::CliError;
use crate::output::Output;

/// The prefix of a custom reminder's id in the schedule (`custom:ID`).
const CUSTOM: &str = "custom:";

pub fn add(
    app: &Reconnect,
    at: NaiveDateTime,
    text: Option<String>,
    json: bool,
) -> Result<Output, CliError> {
    let zone = app.time_zone()?;
    let fires = resolve(zone, at)
        .ok_or_else(|| CliError::invalid(format!("{} is too far away to remind you", at.date())))?;
    if fires <= context::clock()?.now() {
        return Err(CliError::invalid(format!(
            "{} has already passed in {}; choose a time still to come",
            at.format("%Y-%m-%d %H:%M"),
            zone.name()
        )));
    }
    let reminder = app.add_custom_reminder(at, text)?;
    let shown = when::wall(fires, zone).map(|(local, _)| local);
    let output = if json {
        Output::json(&json!({
            "reminder": reminder,
            "fire_at": fires,
            "local": shown,
            "zone": zone.name(),
        }))?
    } else {
        let mut lines = vec![format!(
            "Added a reminder for {} ({}), id {CUSTOM}{}.",
            when::moment(fires, zone),
            zone.name(),
            reminder.id
        )];
        if let Some(local) = shown.filter(|local| *local != at) {
            lines.push(format!(
                "The clocks go forward that night and skip {}, so it comes at {}.",
                at.format("%H:%M"),
                local.format("%H:%M")
            ));
        }
        if reminder.text.is_some() && app.reminder_settings()?.detail == NotificationDetail::Generic
        {
            lines.push(
                "The notification will say only \u{201c}A reminder you set\u{201d}; \
                 `reconnect reminders set --detail detailed` shows your words instead."
                    .into(),
            );
        }
        Output::lines(lines)
    };
    Ok(output.saved("your reminder was saved"))
}

/// The stored id of a reminder the user added, from `ID` or `custom:ID`; the other
/// reminders come from settings and the plan, and are changed there.
pub fn own_id(id: &str) -> Result<String, CliError> {
    let id = id.trim();
    if let Some(own) = id.strip_prefix(CUSTOM) {
        return Ok(own.to_string());
    }
    if id.starts_with("check_in:") {
        return Err(CliError::invalid(
            "daily check-in reminders come from your settings; \
             `reconnect reminders set --daily off` turns them off"
                .into(),
        ));
    }
    if id.contains(':') {
        return Err(CliError::invalid(
            "reminders on the dates in your plan follow the plan itself; only reminders you \
             added can be removed here"
                .into(),
        ));
    }
    Ok(id.to_string())
}

pub fn remove(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    app.remove_custom_reminder(id)?;
    let output = if json {
        Output::json(&json!({ "removed": format!("{CUSTOM}{id}") }))?
    } else {
        Output::lines(vec![
            "Removed the reminder; every device drops it once they sync.".into(),
        ])
    };
    Ok(output.saved("the reminder was removed"))
}
