//! `reconnect import FILE`: a JSON export restored into an empty store. The file is
//! read and checked before the store is opened, so a wrong file creates nothing.

use std::io::Read;
use std::path::Path;

use reconnect_core::Reconnect;
use reconnect_core::export::{Export, ImportSummary, MAX_IMPORT_BYTES};

use crate::error::CliError;
use crate::output::Output;
use crate::private_file::io_error;

/// The export's text, once the core has accepted it as one it can restore.
pub fn read(file: &Path) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(MAX_IMPORT_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|source| io_error(file, source))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::invalid(format!(
            "{} is not a Reconnect export (it is not text)",
            file.display()
        ))
    })?;
    Export::parse(&text)?;
    Ok(text)
}

pub fn run(app: &Reconnect, text: &str, json: bool) -> Result<Output, CliError> {
    let summary = app.import_json(text)?;
    let output = if json {
        Output::json(&summary)?
    } else {
        Output::lines(vec![
            format!("Imported {}.", counts(&summary)),
            "Everything is encrypted here again; you may delete the export file now.".into(),
        ])
    };
    Ok(output.saved("the import was saved"))
}

fn counts(summary: &ImportSummary) -> String {
    let part = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let parts = [
        part(summary.check_ins, "check-in", "check-ins"),
        part(summary.journal_entries, "journal entry", "journal entries"),
        part(summary.program_records, "program entry", "program entries"),
        part(
            summary.custom_reminders,
            "reminder of your own",
            "reminders of your own",
        ),
    ];
    format!("{}, {}, {} and {}", parts[0], parts[1], parts[2], parts[3])
}
