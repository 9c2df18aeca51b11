//! Records and enums that cross the FFI, with their conversions from the core's types.
//! Dates are ISO `YYYY-MM-DD` strings; instants are timestamps.

use std::time::SystemTime;

use reconnect_core as core;

/// How to open (or create) a store.
#[derive(Debug, Clone, uniffi::Record)]
pub struct OpenOptions {
    /// Directory holding the store's files; created if missing.
    pub data_dir: String,
    /// 32 bytes from the platform keystore.
    pub key: Vec<u8>,
    /// A name for this device, shown to the user's other devices.
    pub device_name: String,
    /// IANA zone the device is in now, e.g. "Europe/Berlin".
    pub time_zone: String,
    /// RFC 3339 instant to use instead of the system clock (tests and demos only).
    #[uniffi(default = None)]
    pub fixed_now: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ContactMedium {
    None,
    SocialMedia,
    Text,
    Call,
    Video,
    InPerson,
}

impl From<core::ContactMedium> for ContactMedium {
    fn from(medium: core::ContactMedium) -> Self {
        match medium {
            core::ContactMedium::None => ContactMedium::None,
            core::ContactMedium::SocialMedia => ContactMedium::SocialMedia,
            core::ContactMedium::Text => ContactMedium::Text,
            core::ContactMedium::Call => ContactMedium::Call,
            core::ContactMedium::Video => ContactMedium::Video,
            core::ContactMedium::InPerson => ContactMedium::InPerson,
        }
    }
}

impl From<ContactMedium> for core::ContactMedium {
    fn from(medium: ContactMedium) -> Self {
        match medium {
            ContactMedium::None => core::ContactMedium::None,
            ContactMedium::SocialMedia => core::ContactMedium::SocialMedia,
            ContactMedium::Text => core::ContactMedium::Text,
            ContactMedium::Call => core::ContactMedium::Call,
            ContactMedium::Video => core::ContactMedium::Video,
            ContactMedium::InPerson => core::ContactMedium::InPerson,
        }
    }
}

/// A check-in as entered. `contact` and `note` left empty keep the day's earlier values.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CheckInInput {
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    /// 0 (none) to 10 (overwhelming).
    pub urge: u8,
    #[uniffi(default = None)]
    pub contact: Option<ContactMedium>,
    #[uniffi(default = None)]
    pub note: Option<String>,
}

impl From<CheckInInput> for core::CheckInInput {
    fn from(input: CheckInInput) -> Self {
        core::CheckInInput {
            mood: input.mood,
            urge: input.urge,
            contact: input.contact.map(Into::into),
            note: input.note,
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CheckIn {
    pub date: String,
    pub mood: u8,
    pub urge: u8,
    pub contact: ContactMedium,
    pub note: Option<String>,
    /// Versions of the note written concurrently on another device, if any.
    pub note_conflicts: Vec<String>,
    pub updated_at: SystemTime,
    pub updated_by: String,
}

impl From<core::CheckIn> for CheckIn {
    fn from(c: core::CheckIn) -> Self {
        CheckIn {
            date: c.date.to_string(),
            mood: c.mood,
            urge: c.urge,
            contact: c.contact.into(),
            note: c.note,
            note_conflicts: c.note_conflicts,
            updated_at: c.updated_at.into(),
            updated_by: c.updated_by,
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TodayView {
    pub date: String,
    pub time_zone: String,
    pub day_start_hour: u8,
    pub check_in: Option<CheckIn>,
    pub days_checked_in: u32,
}

impl From<core::TodayView> for TodayView {
    fn from(t: core::TodayView) -> Self {
        TodayView {
            date: t.date.to_string(),
            time_zone: t.time_zone,
            day_start_hour: t.day_start_hour,
            check_in: t.check_in.map(Into::into),
            days_checked_in: t.days_checked_in,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ChangeEvent {
    CheckInRecorded { date: String },
    SettingsChanged,
    ProgramChanged { command: String },
    JournalChanged { id: String },
    RemoteChangesMerged,
}

impl From<&core::ChangeEvent> for ChangeEvent {
    fn from(event: &core::ChangeEvent) -> Self {
        match event {
            core::ChangeEvent::CheckInRecorded { date } => ChangeEvent::CheckInRecorded {
                date: date.to_string(),
            },
            core::ChangeEvent::SettingsChanged => ChangeEvent::SettingsChanged,
            core::ChangeEvent::ProgramChanged { command } => ChangeEvent::ProgramChanged {
                command: command.clone(),
            },
            core::ChangeEvent::JournalChanged { id } => {
                ChangeEvent::JournalChanged { id: id.clone() }
            }
            core::ChangeEvent::RemoteChangesMerged => ChangeEvent::RemoteChangesMerged,
        }
    }
}
