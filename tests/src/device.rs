//! A device under test: a data directory, a key and a clock the test moves by hand.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use reconnect_core::{CheckInInput, ContactMedium, FixedClock, OpenConfig, Reconnect, StoreKey};
use std::path::Path;
use std::sync::Arc;

/// The first simulated day; day `i` is `EPOCH + i days`.
pub fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).expect("a valid date")
}

/// Noon UTC on simulated day `index`: far from any day boundary in UTC.
pub fn noon(index: u32) -> DateTime<Utc> {
    let date = epoch() + Duration::days(i64::from(index));
    Utc.from_utc_datetime(&date.and_hms_opt(12, 0, 0).expect("noon exists"))
}

/// Which simulated day a date is, if it is one.
pub fn day_index(date: NaiveDate) -> Option<u32> {
    u32::try_from((date - epoch()).num_days()).ok()
}

/// A fresh random key from the operating system.
pub fn random_key() -> StoreKey {
    StoreKey::generate().expect("the OS random source works")
}

/// Opens (or creates) the store in `dir` in UTC with `clock`.
pub fn open(
    dir: &Path,
    key: &StoreKey,
    name: &str,
    clock: Arc<FixedClock>,
) -> reconnect_core::Result<Reconnect> {
    open_in(dir, key, name, chrono_tz::UTC, clock)
}

pub fn open_in(
    dir: &Path,
    key: &StoreKey,
    name: &str,
    zone: Tz,
    clock: Arc<FixedClock>,
) -> reconnect_core::Result<Reconnect> {
    Reconnect::open(OpenConfig {
        data_dir: dir.to_path_buf(),
        key: key.clone(),
        device_name: name.to_string(),
        time_zone: zone,
        clock,
    })
}

/// A check-in with every field given.
pub fn input(
    mood: u8,
    urge: u8,
    contact: Option<ContactMedium>,
    note: Option<&str>,
) -> CheckInInput {
    CheckInInput {
        mood,
        urge,
        contact,
        note: note.map(str::to_string),
    }
}

/// The note the crash writer and the benchmark give simulated day `index`.
pub fn day_note(index: u32) -> String {
    format!("day {index}: slept badly, walked by the river, did not write back")
}
