//! `reconnect settings`: shows settings, or changes the hour a new day begins.

use reconnect_core::Reconnect;
use serde::Serialize;

use super::print_json;
use crate::error::CliError;

#[derive(Serialize)]
struct SettingsJson {
    day_start_hour: u8,
    time_zone: String,
    device_id: String,
}

pub fn run(app: &Reconnect, day_start_hour: Option<u8>, json: bool) -> Result<(), CliError> {
    if let Some(hour) = day_start_hour {
        app.set_day_start_hour(hour)?;
    }
    let settings = SettingsJson {
        day_start_hour: app.day_start_hour()?,
        time_zone: app.time_zone()?.name().to_string(),
        device_id: app.device().device_id.clone(),
    };
    if json {
        return print_json(&settings);
    }
    println!(
        "A new day begins at {:02}:00 ({}).",
        settings.day_start_hour, settings.time_zone
    );
    println!("This device: {}", settings.device_id);
    Ok(())
}
