//! `reconnect reminders settings` and `reconnect reminders set`.

use chrono::NaiveTime;
use reconnect_core::Reconnect;
use reconnect_core::reminders::NotificationDetail;

use super::words;
use crate::args::values::DailyTime;
use crate::error::CliError;
use crate::output::Output;

pub fn show(app: &Reconnect, json: bool) -> Result<Output, CliError> {
    let settings = app.reminder_settings()?;
    if json {
        return Output::json(&settings);
    }
    Ok(Output::lines(words::settings(&settings)))
}

pub fn set(
    app: &Reconnect,
    daily: Option<DailyTime>,
    dates_at: Option<NaiveTime>,
    detail: Option<NotificationDetail>,
    json: bool,
) -> Result<Output, CliError> {
    let mut settings = app.reminder_settings()?;
    if let Some(DailyTime(time)) = daily {
        settings.daily_check_in = time;
    }
    if let Some(time) = dates_at {
        settings.key_dates_at = time;
    }
    if let Some(detail) = detail {
        settings.detail = detail;
    }
    app.set_reminder_settings(settings.clone())?;
    let output = if json {
        Output::json(&settings)?
    } else {
        let mut lines = vec!["Saved. Reminders from now on:".to_string()];
        lines.extend(
            words::settings(&settings)
                .into_iter()
                .map(|l| format!("  {l}")),
        );
        lines.push("`reconnect reminders` shows the next ones.".into());
        Output::lines(lines)
    };
    Ok(output.saved("your reminder settings were saved"))
}
