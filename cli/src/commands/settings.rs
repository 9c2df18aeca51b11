//! `reconnect settings`: shows settings, or changes the hour a new day begins.

use reconnect_core::Reconnect;
use serde::Serialize;

use crate::error::CliError;
use crate::output::Output;

#[derive(Serialize)]
struct SettingsJson {
    day_start_hour: u8,
    time_zone: String,
    device_id: String,
}

pub fn run(app: &Reconnect, day_start_hour: Option<u8>, json: bool) -> Result<Output, CliError> {
    let changed = day_start_hour.is_some();
    if let Some(hour) = day_start_hour {
        app.set_day_start_hour(hour)?;
    }
    let settings = SettingsJson {
        day_start_hour: app.day_start_hour()?,
        time_zone: app.time_zone()?.name().to_string(),
        device_id: app.device().device_id.clone(),
    };
    let output = if json {
        Output::json(&settings)?
    } else {
        Output::lines(vec![
            format!(
                "A new day begins at {:02}:00 ({}).",
                settings.day_start_hour, settings.time_zone
            ),
            format!("This device: {}", settings.device_id),
        ])
    };
    Ok(if changed {
        output.saved("the new day start hour was saved")
    } else {
        output
    })
}

/// Checks `--day-start-hour` before anything is opened.
pub fn hour_of_day(hour: i64) -> Result<u8, CliError> {
    u8::try_from(hour).ok().filter(|h| *h < 24).ok_or_else(|| {
        CliError::invalid(format!(
            "the day start hour must be between 0 and 23, got {hour}"
        ))
    })
}
