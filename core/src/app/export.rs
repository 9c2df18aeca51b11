//! Export, import, the readable report and delete-all, on the [`Reconnect`] facade.

use std::path::PathBuf;

use automerge::transaction::CommitOptions;

use crate::doc::{checkins, journal, program as stored_program, reminders, settings};
use crate::error::{Error, Result};
use crate::export::{Export, ExportSettings, FORMAT, ImportSummary, VERSION, report};
use crate::notify::ChangeEvent;
use crate::program::records::ProgramRecords;

use super::Reconnect;

/// The two readable report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
}

impl Reconnect {
    /// Everything in the store as plain data.
    pub fn export(&self) -> Result<Export> {
        let state = self.lock()?;
        let doc = &state.doc;
        let mut check_ins = checkins::history(doc, None)?;
        check_ins.reverse();
        Ok(Export {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: self.clock.now(),
            time_zone: state.zone.name().to_string(),
            settings: ExportSettings {
                day_start_hour: settings::day_start_hour(doc)?,
                reminders: reminders::settings(doc)?,
            },
            check_ins,
            program: stored_program::read(doc)?,
            journal: journal::read_all(doc)?,
            custom_reminders: reminders::customs(doc)?,
        })
    }

    /// The export as pretty-printed JSON (see docs/export-format.md).
    pub fn export_json(&self) -> Result<String> {
        serde_json::to_string_pretty(&self.export()?)
            .map_err(|err| Error::Document(format!("the export could not be written: {err}")))
    }

    pub fn report(&self, format: ReportFormat) -> Result<String> {
        let export = self.export()?;
        Ok(match format {
            ReportFormat::Markdown => report::markdown(&export),
            ReportFormat::Html => report::html(&export),
        })
    }

    /// Whether nothing is recorded yet (settings aside): only then can an export be imported.
    pub fn is_empty(&self) -> Result<bool> {
        holds_nothing(&self.lock()?.doc)
    }

    /// Restores an export into this store, which must be empty (a fresh store, or one with
    /// settings only). Everything is written as one change, or nothing is.
    pub fn import_json(&self, text: &str) -> Result<ImportSummary> {
        let export = Export::parse(text)?;
        let now_ms = self.clock.now().timestamp_millis();
        {
            let mut state = self.lock()?;
            ensure_empty(&state.doc)?;
            let mut work = state.doc.clone();
            restore(&mut work, &export)?;
            work.commit_with(CommitOptions::default().with_time(now_ms));
            state.doc = work;
            state.search = None;
            Self::persist(&mut state)?;
        }
        self.notifier.notify(&ChangeEvent::RemoteChangesMerged);
        Ok(export.summary())
    }

    /// Deletes every file of this store and closes it. Returns the files removed. The
    /// key itself belongs to the caller (keystore, key file) and is theirs to remove.
    pub fn wipe(self) -> Result<Vec<PathBuf>> {
        let state = self.state.into_inner().map_err(|_| Error::Poisoned)?;
        Ok(state.store.destroy()?)
    }
}

/// Nothing recorded yet: no check-in, entry, custom reminder or program record.
fn holds_nothing(doc: &automerge::AutoCommit) -> Result<bool> {
    Ok(checkins::count(doc)? == 0
        && journal::read_all(doc)?.is_empty()
        && reminders::customs(doc)?.is_empty()
        && stored_program::read(doc)? == ProgramRecords::default())
}

fn ensure_empty(doc: &automerge::AutoCommit) -> Result<()> {
    if holds_nothing(doc)? {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "an import goes into an empty store, so nothing here is overwritten or mixed; wipe this store or choose a new data directory first".into(),
        ))
    }
}

fn restore(doc: &mut automerge::AutoCommit, export: &Export) -> Result<()> {
    settings::set_day_start_hour(doc, export.settings.day_start_hour)?;
    reminders::set_settings(doc, &export.settings.reminders)?;
    for checkin in &export.check_ins {
        checkins::restore(doc, checkin)?;
    }
    stored_program::restore(doc, &export.program)?;
    for entry in &export.journal {
        journal::restore(doc, entry)?;
    }
    for reminder in &export.custom_reminders {
        reminders::add_custom(doc, reminder, export.exported_at)?;
    }
    Ok(())
}
