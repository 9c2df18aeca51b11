//! The daily check-in: what the user records once a day, its validation, and the views
//! shells show ("has today happened?", history).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub const MOOD_RANGE: std::ops::RangeInclusive<u8> = 1..=5;
pub const URGE_RANGE: std::ops::RangeInclusive<u8> = 0..=10;
/// A check-in note is meant to be short; the journal is for long text.
pub const NOTE_MAX_CHARS: usize = 2000;

/// How contact with the former partner happened, if it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMedium {
    None,
    SocialMedia,
    Text,
    Call,
    Video,
    InPerson,
}

impl ContactMedium {
    pub const ALL: [ContactMedium; 6] = [
        ContactMedium::None,
        ContactMedium::SocialMedia,
        ContactMedium::Text,
        ContactMedium::Call,
        ContactMedium::Video,
        ContactMedium::InPerson,
    ];

    /// The stable code stored in the document and used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            ContactMedium::None => "none",
            ContactMedium::SocialMedia => "social_media",
            ContactMedium::Text => "text",
            ContactMedium::Call => "call",
            ContactMedium::Video => "video",
            ContactMedium::InPerson => "in_person",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let normalised = code.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|m| m.code() == normalised)
    }

    pub fn describe(self) -> &'static str {
        match self {
            ContactMedium::None => "no contact",
            ContactMedium::SocialMedia => "social media",
            ContactMedium::Text => "a text message",
            ContactMedium::Call => "a phone call",
            ContactMedium::Video => "a video call",
            ContactMedium::InPerson => "in person",
        }
    }
}

/// What the user enters. Fields left `None` keep the day's earlier value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckInInput {
    pub mood: u8,
    pub urge: u8,
    pub contact: Option<ContactMedium>,
    pub note: Option<String>,
}

impl CheckInInput {
    /// Refuses out-of-range values with a message meant for the user.
    pub fn validate(&self) -> Result<()> {
        if !MOOD_RANGE.contains(&self.mood) {
            return Err(Error::InvalidInput(format!(
                "mood must be between {} and {}, got {}",
                MOOD_RANGE.start(),
                MOOD_RANGE.end(),
                self.mood
            )));
        }
        if !URGE_RANGE.contains(&self.urge) {
            return Err(Error::InvalidInput(format!(
                "urge to contact must be between {} and {}, got {}",
                URGE_RANGE.start(),
                URGE_RANGE.end(),
                self.urge
            )));
        }
        if let Some(note) = &self.note {
            let chars = note.chars().count();
            if chars > NOTE_MAX_CHARS {
                return Err(Error::InvalidInput(format!(
                    "the note is {chars} characters; a check-in note holds up to {NOTE_MAX_CHARS} (the journal is the place for longer writing)"
                )));
            }
        }
        Ok(())
    }
}

/// One day's check-in as the document holds it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub date: NaiveDate,
    pub mood: u8,
    pub urge: u8,
    pub contact: ContactMedium,
    pub note: Option<String>,
    /// Other versions of the note written concurrently on another device; empty unless
    /// two devices edited the note before seeing each other's change.
    pub note_conflicts: Vec<String>,
    pub updated_at: DateTime<Utc>,
    /// The device that wrote this day's check-in last.
    pub updated_by: String,
}

/// The "today" screen: which local day it is and whether it has a check-in yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayView {
    pub date: NaiveDate,
    pub time_zone: String,
    pub day_start_hour: u8,
    pub check_in: Option<CheckIn>,
    /// How many days have a check-in at all; lets a first run be told apart.
    pub days_checked_in: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(mood: u8, urge: u8) -> CheckInInput {
        CheckInInput {
            mood,
            urge,
            ..CheckInInput::default()
        }
    }

    #[test]
    fn ranges_are_enforced_at_both_ends() {
        assert!(input(1, 0).validate().is_ok());
        assert!(input(5, 10).validate().is_ok());
        assert!(input(0, 0).validate().is_err());
        assert!(input(6, 0).validate().is_err());
        assert!(input(3, 11).validate().is_err());
        let err = input(9, 2).validate().unwrap_err().to_string();
        assert!(err.contains("mood must be between 1 and 5"), "{err}");
    }

    #[test]
    fn long_notes_are_refused() {
        let mut long = input(3, 3);
        long.note = Some("x".repeat(NOTE_MAX_CHARS + 1));
        assert!(long.validate().is_err());
        long.note = Some("é".repeat(NOTE_MAX_CHARS));
        assert!(long.validate().is_ok());
    }

    #[test]
    fn medium_codes_round_trip() {
        for medium in ContactMedium::ALL {
            assert_eq!(ContactMedium::from_code(medium.code()), Some(medium));
        }
        assert_eq!(
            ContactMedium::from_code("In-Person"),
            Some(ContactMedium::InPerson)
        );
        assert_eq!(ContactMedium::from_code("carrier pigeon"), None);
    }
}
