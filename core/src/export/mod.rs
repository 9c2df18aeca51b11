//! Export everything the user recorded as one JSON document, complete enough to restore
//! from, and the readable report built from it. The format is documented in
//! docs/export-format.md; [`FORMAT`] and [`VERSION`] identify it.

pub mod report;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::checkin::CheckIn;
use crate::error::{Error, Result};
use crate::journal::JournalEntry;
use crate::program::records::ProgramRecords;
use crate::reminders::{CustomReminder, ReminderSettings};

pub const FORMAT: &str = "reconnect-export";
pub const VERSION: u32 = 1;
/// The largest export an import reads (64 MiB): far beyond ten years of use, and a limit
/// on what a stray file can make the app allocate.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// Everything in a store, as plain data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    /// The zone the exporting device was in; informational.
    pub time_zone: String,
    pub settings: ExportSettings,
    /// Oldest first.
    pub check_ins: Vec<CheckIn>,
    pub program: ProgramRecords,
    /// Newest first.
    pub journal: Vec<JournalEntry>,
    pub custom_reminders: Vec<CustomReminder>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportSettings {
    pub day_start_hour: u8,
    pub reminders: ReminderSettings,
}

/// What an import restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub check_ins: u32,
    pub journal_entries: u32,
    pub program_records: u32,
    pub custom_reminders: u32,
}

impl Export {
    /// Reads an export, refusing anything that is not one this version understands.
    pub fn parse(text: &str) -> Result<Export> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(Error::InvalidInput(format!(
                "that file is larger than {} MiB; it is not a Reconnect export",
                MAX_IMPORT_BYTES / (1024 * 1024)
            )));
        }
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let header: Header = serde_json::from_str(text)
            .map_err(|err| Error::InvalidInput(format!("that is not a Reconnect export: {err}")))?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(Error::InvalidInput(
                "that JSON is not a Reconnect export (its `format` is not \"reconnect-export\")"
                    .into(),
            ));
        }
        match header.version {
            Some(VERSION) => {}
            Some(newer) if newer > VERSION => {
                return Err(Error::InvalidInput(format!(
                    "that export is version {newer}, made by a newer Reconnect; update the app to import it"
                )));
            }
            _ => {
                return Err(Error::InvalidInput(
                    "that export has no version this app knows".into(),
                ));
            }
        }
        let export: Export = serde_json::from_str(text)
            .map_err(|err| Error::InvalidInput(format!("that export is damaged: {err}")))?;
        export.validate()?;
        Ok(export)
    }

    /// Checks what the document itself would refuse, so an import never writes half.
    fn validate(&self) -> Result<()> {
        let bad = |what: String| {
            Err(Error::InvalidInput(format!(
                "that export is damaged: {what}"
            )))
        };
        if self.settings.day_start_hour >= 24 {
            return bad(format!("day start hour {}", self.settings.day_start_hour));
        }
        // Dates far outside a lifetime come only from a damaged or forged file.
        let plausible =
            |date: chrono::NaiveDate| (1900..=2999).contains(&chrono::Datelike::year(&date));
        for c in &self.check_ins {
            if !plausible(c.date) {
                return bad(format!("a check-in is dated {}", c.date));
            }
            if !crate::checkin::MOOD_RANGE.contains(&c.mood)
                || !crate::checkin::URGE_RANGE.contains(&c.urge)
            {
                return bad(format!("the check-in of {} is out of range", c.date));
            }
        }
        let mut dates: Vec<_> = self.check_ins.iter().map(|c| c.date).collect();
        dates.sort();
        if dates.windows(2).any(|w| w[0] == w[1]) {
            return bad("a day has two check-ins".into());
        }
        for e in &self.journal {
            if e.id.is_empty() || crate::journal::normalise_tags(&e.tags).is_err() {
                return bad(format!("journal entry {:?}", e.id));
            }
        }
        let mut ids: Vec<&str> = self.journal.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return bad("two journal entries share an id".into());
        }
        if self.program_ids().iter().any(|id| id.is_empty()) {
            return bad("a program record has no id".into());
        }
        Ok(())
    }

    fn program_ids(&self) -> Vec<&str> {
        let p = &self.program;
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(p.reasons.iter().map(|x| x.id.as_str()));
        ids.extend(p.triggers.iter().map(|x| x.id.as_str()));
        ids.extend(p.mistakes.iter().map(|x| x.id.as_str()));
        ids.extend(p.observations.iter().map(|x| x.id.as_str()));
        ids.extend(p.attempts.iter().map(|x| x.id.as_str()));
        ids.extend(p.ice_breakers.iter().map(|x| x.id.as_str()));
        ids.extend(p.apologies.iter().map(|x| x.id.as_str()));
        ids.extend(p.activities.iter().map(|x| x.id.as_str()));
        ids.extend(p.their_side.iter().map(|x| x.id.as_str()));
        ids.extend(p.decisions.iter().map(|x| x.id.as_str()));
        ids.extend(p.trial_reviews.iter().map(|x| x.id.as_str()));
        ids
    }

    pub fn summary(&self) -> ImportSummary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let p = &self.program;
        let singles = [
            p.pre_check.is_some(),
            p.ended_by.is_some(),
            p.no_contact.is_some(),
            p.readiness.is_some(),
            p.trial.is_some(),
            p.let_go.is_some(),
            p.said_no.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        ImportSummary {
            check_ins: count(self.check_ins.len()),
            journal_entries: count(self.journal.len()),
            program_records: count(
                self.program_ids().len()
                    + singles
                    + p.safety_flags.len()
                    + p.therapy.sessions.len()
                    + p.acknowledged.len(),
            ),
            custom_reminders: count(self.custom_reminders.len()),
        }
    }
}
