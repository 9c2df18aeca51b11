//! Turns flags and environment into an open store: data dir, key, zone and clock.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use reconnect_core::local_day::local_day;
use reconnect_core::{Clock, FixedClock, OpenConfig, Reconnect, SystemClock};

use crate::args::Cli;
use crate::error::CliError;
use crate::{keyfile, output, paths, zone};

/// Set to an RFC 3339 instant to replace the clock (demos and tests).
pub const NOW_ENV: &str = "RECONNECT_NOW";

/// Where the store and its key live, from the flags and environment.
pub struct Locations {
    pub data_dir: PathBuf,
    pub key_file: PathBuf,
}

pub fn locations(cli: &Cli) -> Result<Locations, CliError> {
    let explicit_dir = cli.data_dir.is_some();
    let data_dir = match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => paths::default_data_dir()?,
    };
    let data_dir = paths::normalise(&data_dir)?;
    let key_file = paths::key_file_for(&data_dir, explicit_dir, cli.key_file.clone())?;
    Ok(Locations { data_dir, key_file })
}

pub fn open(cli: &Cli) -> Result<Reconnect, CliError> {
    open_with(cli, true)
}

/// Opens the store again without repeating the note about the zone; for commands that
/// close the store while they wait on the network and reopen it for each session.
pub fn reopen(cli: &Cli) -> Result<Reconnect, CliError> {
    open_with(cli, false)
}

fn open_with(cli: &Cli, with_note: bool) -> Result<Reconnect, CliError> {
    let Locations { data_dir, key_file } = locations(cli)?;
    let (time_zone, zone_note) = zone::choose(cli.tz.as_deref())?;
    if let Some(note) = zone_note.filter(|_| with_note && !cli.json) {
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

/// The latest the store's "today" can be, known before it is opened, for checks that
/// must never wrongly refuse: the day after the calendar date in the chosen zone. The
/// store's day starts at a configurable hour, which only ever moves "today" back (1 a.m.
/// still counts for the evening before); the extra day covers the clock moving past
/// midnight between this check and the store's own.
pub fn latest_today(cli: &Cli) -> Result<NaiveDate, CliError> {
    let (zone, _) = zone::choose(cli.tz.as_deref())?;
    let today = local_day(clock()?.now(), zone, 0);
    Ok(today.succ_opt().unwrap_or(today))
}

/// The clock: `RECONNECT_NOW` when set, else the system's.
pub fn clock() -> Result<Arc<dyn Clock>, CliError> {
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Tz;
    use reconnect_core::local_day::local_day;

    /// [`super::latest_today`] relies on the day-start hour never moving the day forward.
    #[test]
    fn no_day_start_hour_moves_the_day_forward() {
        let zone = Tz::Pacific__Kiritimati;
        for hour in [0, 1, 11, 12, 13, 23] {
            let now = chrono::Utc
                .with_ymd_and_hms(2026, 11, 29, hour, 30, 0)
                .unwrap();
            let latest = local_day(now, zone, 0);
            for start in 0..=23 {
                assert!(local_day(now, zone, start) <= latest, "{now} {start}");
            }
        }
    }
}
