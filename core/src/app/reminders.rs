//! Reminder settings, custom reminders and the schedule, on the [`Reconnect`] facade.
//! The schedule is computed fresh from the document, the clock and the zone the device
//! is in now; shells hand it to the OS.

use chrono::NaiveDateTime;

use crate::doc::{checkins, program as stored_program, reminders as stored, settings};
use crate::error::{Error, Result};
use crate::local_day::local_day;
use crate::notify::ChangeEvent;
use crate::program::{self, Moment};
use crate::reminders::{
    CUSTOM_TEXT_MAX_CHARS, CustomReminder, Reminder, ReminderSettings, ScheduleInput, schedule,
};

use super::{Reconnect, recent_moods};

impl Reconnect {
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        stored::settings(&self.lock()?.doc)
    }

    pub fn set_reminder_settings(&self, new: ReminderSettings) -> Result<()> {
        self.write(
            |_| ChangeEvent::SettingsChanged,
            |doc, _| stored::set_settings(doc, &new),
        )
    }

    /// Adds a one-off reminder at a local wall time, read in the zone the device is in
    /// when it fires.
    pub fn add_custom_reminder(
        &self,
        at: NaiveDateTime,
        text: Option<String>,
    ) -> Result<CustomReminder> {
        let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        if let Some(text) = &text
            && (text.chars().count() > CUSTOM_TEXT_MAX_CHARS || text.chars().any(char::is_control))
        {
            return Err(Error::InvalidInput(format!(
                "a reminder's text is one line of at most {CUSTOM_TEXT_MAX_CHARS} characters"
            )));
        }
        let reminder = CustomReminder {
            id: crate::store::new_record_id()?,
            at,
            text,
        };
        let now = self.clock.now();
        self.write(
            |_| ChangeEvent::SettingsChanged,
            |doc, _| {
                stored::add_custom(doc, &reminder, now)?;
                Ok(reminder.clone())
            },
        )
    }

    pub fn remove_custom_reminder(&self, id: &str) -> Result<()> {
        self.write(
            |_| ChangeEvent::SettingsChanged,
            |doc, _| stored::remove_custom(doc, id),
        )
    }

    pub fn custom_reminders(&self) -> Result<Vec<CustomReminder>> {
        stored::customs(&self.lock()?.doc)
    }

    /// The notifications to have pending now: at most 64, soonest first.
    pub fn reminders(&self) -> Result<Vec<Reminder>> {
        let state = self.lock()?;
        let doc = &state.doc;
        let now = self.clock.now();
        let start = settings::day_start_hour(doc)?;
        let today = local_day(now, state.zone, start);
        let moods = recent_moods(doc, today)?;
        let records = stored_program::read(doc)?;
        let facts = super::program_checkins(doc, &records, today)?;
        let view = program::evaluate(
            &records,
            Moment {
                now,
                today,
                moods: &moods,
                checkins: &facts,
                device: &self.device.device_id,
            },
        );
        let reminder_settings = stored::settings(doc)?;
        let customs = stored::customs(doc)?;
        let checked_in = |date| matches!(checkins::read(doc, date), Ok(Some(_)));
        Ok(schedule(&ScheduleInput {
            settings: &reminder_settings,
            customs: &customs,
            dates: &view.dates,
            checked_in: &checked_in,
            day_start_hour: start,
            now,
            zone: state.zone,
        }))
    }
}
