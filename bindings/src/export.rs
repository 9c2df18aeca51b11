//! Export, import, the readable report and delete-everything over the FFI. The export is
//! the core's JSON (docs/export-format.md), passed through as text; the report is
//! Markdown or a self-contained HTML page. Conversions only.

use reconnect_core as core;

use crate::error::ReconnectError;
use crate::store::ReconnectStore;

/// The two readable report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

impl From<ReportFormat> for core::ReportFormat {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Markdown => core::ReportFormat::Markdown,
            ReportFormat::Html => core::ReportFormat::Html,
        }
    }
}

/// What an import restored.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportSummary {
    pub check_ins: u32,
    pub journal_entries: u32,
    pub program_records: u32,
    pub custom_reminders: u32,
}

impl From<core::export::ImportSummary> for ImportSummary {
    fn from(s: core::export::ImportSummary) -> Self {
        ImportSummary {
            check_ins: s.check_ins,
            journal_entries: s.journal_entries,
            program_records: s.program_records,
            custom_reminders: s.custom_reminders,
        }
    }
}

#[uniffi::export]
impl ReconnectStore {
    /// Everything in the store as pretty-printed JSON, complete enough to restore from.
    /// It is the user's data in the clear: hand it only to where the user chose.
    pub fn export_json(&self) -> Result<String, ReconnectError> {
        Ok(self.app()?.export_json()?)
    }

    /// Restores an export into this store, which must be empty (a fresh store, or one
    /// with settings only); otherwise `InvalidInput` and nothing changes. Everything is
    /// written as one change, or nothing is. Listeners hear `RemoteChangesMerged`.
    pub fn import_json(&self, json: String) -> Result<ImportSummary, ReconnectError> {
        Ok(self.app()?.import_json(&json)?.into())
    }

    /// A readable report of everything recorded, with a mood chart.
    pub fn report(&self, format: ReportFormat) -> Result<String, ReconnectError> {
        Ok(self.app()?.report(format.into())?)
    }

    /// Closes the store, then deletes every file of it; returns the paths removed. Later
    /// calls fail with `Closed`. The key is the caller's to delete from the keystore.
    /// Calls already running on other threads are waited for (briefly); if one does not
    /// finish, nothing is deleted, the store stays open and the error is `InUse`.
    pub fn wipe(&self) -> Result<Vec<String>, ReconnectError> {
        let app = self.close_for_wipe()?;
        let removed = app.wipe()?;
        Ok(removed.iter().map(|p| p.display().to_string()).collect())
    }
}
