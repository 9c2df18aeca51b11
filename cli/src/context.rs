//! Turns flags and environment into an open store: data dir, key, zone and clock.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use reconnect_core::{Clock, FixedClock, OpenConfig, Reconnect, SystemClock};

use crate::args::Cli;
use crate::error::CliError;
use crate::paths;

/// Set to an RFC 3339 instant to replace the clock (demos and tests).
pub const NOW_ENV: &str = "RECONNECT_NOW";

pub fn open(cli: &Cli) -> Result<Reconnect, CliError> {
    let explicit_dir = cli.data_dir.is_some();
    let data_dir = match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => paths::default_data_dir()?,
    };
    let key_file = paths::key_file_for(&data_dir, explicit_dir, cli.key_file.clone())?;
    let zone = zone(cli.tz.as_deref())?;
    let clock = clock()?;
    let key = paths::load_or_create_key(&key_file, &data_dir)?;
    Ok(Reconnect::open(OpenConfig {
        data_dir,
        key,
        device_name: device_name(),
        time_zone: zone,
        clock,
    })?)
}

fn zone(explicit: Option<&str>) -> Result<Tz, CliError> {
    if let Some(name) = explicit {
        return reconnect_core::local_day::parse_zone(name).ok_or_else(|| {
            CliError::Usage(format!(
                "unknown time zone {name:?}; use an IANA name such as Europe/Berlin"
            ))
        });
    }
    Ok(iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| reconnect_core::local_day::parse_zone(&name))
        .unwrap_or(Tz::UTC))
}

fn clock() -> Result<Arc<dyn Clock>, CliError> {
    match std::env::var(NOW_ENV) {
        Ok(text) if !text.is_empty() => {
            let now = DateTime::parse_from_rfc3339(&text).map_err(|e| {
                CliError::Usage(format!("{NOW_ENV}={text:?} is not an RFC 3339 time: {e}"))
            })?;
            Ok(Arc::new(FixedClock::new(now.with_timezone(&Utc))))
        }
        _ => Ok(Arc::new(SystemClock)),
    }
}

fn device_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|name| !name.trim().is_empty())
        .map(|name| format!("terminal on {name}"))
        .unwrap_or_else(|| "terminal".into())
}
