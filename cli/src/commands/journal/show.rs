//! `reconnect journal show ID` and `reconnect letters show ID`: one entry in full.

use chrono::{DateTime, Utc};
use reconnect_core::Reconnect;
use reconnect_core::journal::{EntryKind, JournalEntry};
use serde::Serialize;

use super::entry::{self, LetterState};
use crate::context;
use crate::error::CliError;
use crate::output::Output;
use reconnect_core::journal::versions::{self, Version};

/// An entry with its numbered versions and, for a letter, where it stands.
#[derive(Serialize)]
pub struct Shown<'a> {
    #[serde(flatten)]
    pub entry: &'a JournalEntry,
    pub versions: Vec<Version>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<LetterState>,
}

pub fn journal(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    let entry = find(app, id)?;
    show(app, &entry, json)
}

pub fn letter(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    let entry = find_letter(app, id)?;
    show(app, &entry, json)
}

fn show(app: &Reconnect, entry: &JournalEntry, json: bool) -> Result<Output, CliError> {
    let now = context::clock()?.now();
    if json {
        return Output::json(&shown(entry, now));
    }
    Ok(Output::lines(entry::block(entry, app.time_zone()?, now)))
}

pub fn shown(entry: &JournalEntry, now: DateTime<Utc>) -> Shown<'_> {
    Shown {
        entry,
        versions: versions::of(entry),
        letter: entry::letter_state(entry, now),
    }
}

/// The entry with this id, or a plain "no such entry".
pub fn find(app: &Reconnect, id: &str) -> Result<JournalEntry, CliError> {
    app.journal_get(id)?.ok_or_else(|| {
        CliError::invalid(format!(
            "there is no journal entry with the id {id:?}; `reconnect journal list` shows them"
        ))
    })
}

/// The letter with this id; an entry that is not a letter is pointed to the journal.
pub fn find_letter(app: &Reconnect, id: &str) -> Result<JournalEntry, CliError> {
    match app.journal_get(id)? {
        Some(entry) if entry.kind == EntryKind::Letter => Ok(entry),
        Some(_) => Err(CliError::invalid(format!(
            "{id} is a journal entry, not a letter; `reconnect journal show {id}` shows it"
        ))),
        None => Err(CliError::invalid(format!(
            "there is no letter with the id {id:?}; `reconnect letters list` shows them"
        ))),
    }
}
