//! User settings that follow the user across devices (kept in the document).

use automerge::{AutoCommit, ReadDoc, transaction::Transactable};

use super::{SETTINGS, root_map};
use crate::error::{Error, Result};
use crate::local_day::DEFAULT_DAY_START_HOUR;

const DAY_START_HOUR: &str = "day_start_hour";

/// The hour (0–23, local time) at which a new check-in day begins.
pub fn day_start_hour(doc: &AutoCommit) -> Result<u8> {
    let settings = root_map(doc, SETTINGS)?;
    let stored = doc
        .get(&settings, DAY_START_HOUR)?
        .and_then(|(value, _)| value.as_i64())
        .and_then(|hour| u8::try_from(hour).ok())
        .filter(|hour| *hour < 24);
    Ok(stored.unwrap_or(DEFAULT_DAY_START_HOUR))
}

pub fn set_day_start_hour(doc: &mut AutoCommit, hour: u8) -> Result<()> {
    if hour >= 24 {
        return Err(Error::InvalidInput(format!(
            "the day start hour must be between 0 and 23, got {hour}"
        )));
    }
    let settings = root_map(doc, SETTINGS)?;
    doc.put(&settings, DAY_START_HOUR, i64::from(hour))?;
    Ok(())
}
