//! Reminder settings (fields of `settings`, so they follow the user to every device) and
//! custom one-off reminders (`reminders[id]`). Which notifications are scheduled on a
//! device is not stored here: that is per-device state the shells keep.

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, transaction::Transactable};
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};

use super::fields::{get_map, get_str, get_text, put_str, put_time};
use super::{REMINDERS, SETTINGS, root_map};
use crate::error::{Error, Result};
use crate::reminders::{CustomReminder, NotificationDetail, ReminderSettings};

const DAILY: &str = "reminder_daily_check_in";
const KEY_DATES_AT: &str = "reminder_key_dates_at";
const DETAIL: &str = "reminder_detail";
const AT: &str = "at";
const TEXT: &str = "text";
const CREATED_AT: &str = "created_at";
const TIME_FORMAT: &str = "%H:%M";
const WALL_FORMAT: &str = "%Y-%m-%dT%H:%M";
/// The stored value of a daily reminder that is off.
const OFF: &str = "off";

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, TIME_FORMAT).ok()
}

pub fn settings(doc: &AutoCommit) -> Result<ReminderSettings> {
    let settings = root_map(doc, SETTINGS)?;
    let defaults = ReminderSettings::default();
    Ok(ReminderSettings {
        daily_check_in: get_str(doc, &settings, DAILY)
            .as_deref()
            .and_then(parse_time),
        key_dates_at: get_str(doc, &settings, KEY_DATES_AT)
            .as_deref()
            .and_then(parse_time)
            .unwrap_or(defaults.key_dates_at),
        detail: match get_str(doc, &settings, DETAIL).as_deref() {
            Some("detailed") => NotificationDetail::Detailed,
            _ => NotificationDetail::Generic,
        },
    })
}

pub fn set_settings(doc: &mut AutoCommit, new: &ReminderSettings) -> Result<()> {
    let settings = root_map(doc, SETTINGS)?;
    let daily = new
        .daily_check_in
        .map_or_else(|| OFF.to_string(), |t| t.format(TIME_FORMAT).to_string());
    let detail = match new.detail {
        NotificationDetail::Generic => "generic",
        NotificationDetail::Detailed => "detailed",
    };
    for (field, value) in [
        (DAILY, daily),
        (
            KEY_DATES_AT,
            new.key_dates_at.format(TIME_FORMAT).to_string(),
        ),
        (DETAIL, detail.to_string()),
    ] {
        if get_str(doc, &settings, field).as_deref() != Some(value.as_str()) {
            put_str(doc, &settings, field, &value)?;
        }
    }
    Ok(())
}

fn reminders(doc: &AutoCommit) -> Result<ObjId> {
    get_map(doc, &ROOT, REMINDERS)
        .ok_or_else(|| Error::Document(format!("the document has no `{REMINDERS}` map")))
}

/// Every readable custom reminder, soonest first.
pub fn customs(doc: &AutoCommit) -> Result<Vec<CustomReminder>> {
    let list = reminders(doc)?;
    let mut out: Vec<CustomReminder> = doc
        .keys(&list)
        .filter_map(|id| {
            let obj = get_map(doc, &list, &id)?;
            let at = NaiveDateTime::parse_from_str(&get_str(doc, &obj, AT)?, WALL_FORMAT).ok()?;
            Some(CustomReminder {
                text: get_text(doc, &obj, TEXT),
                at,
                id,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
    Ok(out)
}

pub fn add_custom(
    doc: &mut AutoCommit,
    reminder: &CustomReminder,
    now: DateTime<Utc>,
) -> Result<()> {
    let list = reminders(doc)?;
    let obj = doc.put_object(&list, reminder.id.as_str(), ObjType::Map)?;
    put_str(doc, &obj, AT, &reminder.at.format(WALL_FORMAT).to_string())?;
    if let Some(text) = &reminder.text {
        put_str(doc, &obj, TEXT, text)?;
    }
    put_time(doc, &obj, CREATED_AT, now)?;
    Ok(())
}

pub fn remove_custom(doc: &mut AutoCommit, id: &str) -> Result<()> {
    let list = reminders(doc)?;
    if doc.get(&list, id)?.is_none() {
        return Err(Error::InvalidInput(format!(
            "there is no reminder with the id {id}"
        )));
    }
    doc.delete(&list, id)?;
    Ok(())
}
