//! Reminders over the FFI: the settings (times of day as `HH:MM`), one-off custom
//! reminders (local wall times as `YYYY-MM-DDTHH:MM`), and the schedule the shell hands
//! to the OS: at most 64, soonest first, with stable ids. Conversions only; the
//! schedule is the core's.

use std::time::SystemTime;

use reconnect_core::reminders as core;

use crate::error::ReconnectError;
use crate::program::convert::{instant, map_vec};
use crate::store::ReconnectStore;
use crate::wall_time::{parse_time, parse_wall, time_text, wall_text};

/// How much a notification says on the lock screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum NotificationDetail {
    /// The same few plain words for every reminder of a kind (the default).
    Generic,
    /// Kind-specific words, and a custom reminder's own text.
    Detailed,
}

impl From<core::NotificationDetail> for NotificationDetail {
    fn from(detail: core::NotificationDetail) -> Self {
        match detail {
            core::NotificationDetail::Generic => NotificationDetail::Generic,
            core::NotificationDetail::Detailed => NotificationDetail::Detailed,
        }
    }
}

impl From<NotificationDetail> for core::NotificationDetail {
    fn from(detail: NotificationDetail) -> Self {
        match detail {
            NotificationDetail::Generic => core::NotificationDetail::Generic,
            NotificationDetail::Detailed => core::NotificationDetail::Detailed,
        }
    }
}

/// The user's reminder settings; they follow the user to every device.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReminderSettings {
    /// The local time (`HH:MM`) of the daily check-in reminder; none turns it off.
    pub daily_check_in: Option<String>,
    /// The local time (`HH:MM`) of date-based reminders: the end of no contact, the
    /// revisit date, trial reviews. 09:00 unless the user picks another.
    pub key_dates_at: String,
    pub detail: NotificationDetail,
}

impl From<core::ReminderSettings> for ReminderSettings {
    fn from(s: core::ReminderSettings) -> Self {
        ReminderSettings {
            daily_check_in: s.daily_check_in.map(time_text),
            key_dates_at: time_text(s.key_dates_at),
            detail: s.detail.into(),
        }
    }
}

impl TryFrom<ReminderSettings> for core::ReminderSettings {
    type Error = ReconnectError;

    fn try_from(s: ReminderSettings) -> Result<Self, ReconnectError> {
        Ok(core::ReminderSettings {
            daily_check_in: s
                .daily_check_in
                .map(|t| parse_time("daily_check_in", &t))
                .transpose()?,
            key_dates_at: parse_time("key_dates_at", &s.key_dates_at)?,
            detail: s.detail.into(),
        })
    }
}

/// A one-off reminder the user set.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CustomReminder {
    pub id: String,
    /// Local wall time (`YYYY-MM-DDTHH:MM`), read in the zone the device is in then.
    pub at: String,
    /// The user's own words; shown only with detailed notifications.
    pub text: Option<String>,
}

impl From<core::CustomReminder> for CustomReminder {
    fn from(c: core::CustomReminder) -> Self {
        CustomReminder {
            id: c.id,
            at: wall_text(c.at),
            text: c.text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ReminderKind {
    DailyCheckIn,
    NoContactEnds,
    Revisit,
    TrialReview,
    TrialEnds,
    Custom,
}

impl From<core::ReminderKind> for ReminderKind {
    fn from(kind: core::ReminderKind) -> Self {
        match kind {
            core::ReminderKind::DailyCheckIn => ReminderKind::DailyCheckIn,
            core::ReminderKind::NoContactEnds => ReminderKind::NoContactEnds,
            core::ReminderKind::Revisit => ReminderKind::Revisit,
            core::ReminderKind::TrialReview => ReminderKind::TrialReview,
            core::ReminderKind::TrialEnds => ReminderKind::TrialEnds,
            core::ReminderKind::Custom => ReminderKind::Custom,
        }
    }
}

/// One notification to have pending.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reminder {
    /// Stable across calls (`check_in:2026-03-14`, `custom:{id}`, …): replace a pending
    /// notification with the same id rather than adding another.
    pub id: String,
    pub kind: ReminderKind,
    pub fire_at: SystemTime,
    /// What the clock in `zone` reads at `fire_at` (`YYYY-MM-DDTHH:MM`, after any DST
    /// shift).
    pub local: String,
    /// The IANA zone the reminder was scheduled in.
    pub zone: String,
    pub title: String,
    pub body: String,
}

impl From<core::Reminder> for Reminder {
    fn from(r: core::Reminder) -> Self {
        Reminder {
            id: r.id,
            kind: r.kind.into(),
            fire_at: instant(r.fire_at),
            local: wall_text(r.local),
            zone: r.zone,
            title: r.title,
            body: r.body,
        }
    }
}

#[uniffi::export]
impl ReconnectStore {
    pub fn reminder_settings(&self) -> Result<ReminderSettings, ReconnectError> {
        Ok(self.app()?.reminder_settings()?.into())
    }

    /// Replaces the reminder settings; a time that is not `HH:MM` is `InvalidInput`.
    pub fn set_reminder_settings(&self, settings: ReminderSettings) -> Result<(), ReconnectError> {
        let settings = settings.try_into()?;
        Ok(self.app()?.set_reminder_settings(settings)?)
    }

    /// Adds a one-off reminder at a local wall time (`YYYY-MM-DDTHH:MM`), read in the
    /// zone the device is in when it fires. `text` is one line of at most 200 characters.
    pub fn add_custom_reminder(
        &self,
        at: String,
        text: Option<String>,
    ) -> Result<CustomReminder, ReconnectError> {
        let at = parse_wall("at", &at)?;
        Ok(self.app()?.add_custom_reminder(at, text)?.into())
    }

    pub fn remove_custom_reminder(&self, id: String) -> Result<(), ReconnectError> {
        Ok(self.app()?.remove_custom_reminder(&id)?)
    }

    /// The custom reminders, soonest first.
    pub fn custom_reminders(&self) -> Result<Vec<CustomReminder>, ReconnectError> {
        Ok(map_vec(self.app()?.custom_reminders()?))
    }

    /// The notifications to have pending now, computed fresh for the zone the device is
    /// in: at most 64, soonest first. Hand the whole list to the OS after every change
    /// (and after a change of zone), replacing what was pending.
    pub fn reminders(&self) -> Result<Vec<Reminder>, ReconnectError> {
        Ok(map_vec(self.app()?.reminders()?))
    }
}
