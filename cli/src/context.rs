//! Turns flags and environment into an open store: data dir, key, zone and clock.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use reconnect_core::{Clock, FixedClock, OpenConfig, Reconnect, SystemClock};

use crate::args::Cli;
use crate::error::CliError;
use crate::{keyfile, output, paths, zone};

/// Set to an RFC 3339 instant to replace the clock (demos and tests).
pub const NOW_ENV: &str = "RECONNECT_NOW";

pub fn open(cli: &Cli) -> Result<Reconnect, CliError> {
    let explicit_dir = cli.data_dir.is_some();
    let data_dir = match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => paths::default_data_dir()?,
    };
    let data_dir = paths::normalise(&data_dir)?;
    let key_file = paths::key_file_for(&data_dir, explicit_dir, cli.key_file.clone())?;
    let (time_zone, zone_note) = zone::choose(cli.tz.as_deref())?;
    if let Some(note) = zone_note.filter(|_| !cli.json) {
        output::note(&note);
    }
    let clock = clock()?;
    let key = keyfile::load_or_create(&key_file, &data_dir)?;
    Ok(Reconnect::open(OpenConfig {
        data_dir,
        key,
        device_name: device_name(),
        time_zone,
        clock,
    })?)
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
