//! `reconnect journal list` and `reconnect journal search`: entries newest first, one
//! line each; a search also shows the words around what it found.

use reconnect_core::journal::JournalEntry;
use reconnect_core::journal::search::words;
use reconnect_core::{JournalFilter, Reconnect};

use super::{entry, snippet};
use crate::clean;
use crate::context;
use crate::error::CliError;
use crate::output::Output;

pub fn list(
    app: &Reconnect,
    tag: Option<&str>,
    conflicts: bool,
    limit: Option<usize>,
    json: bool,
) -> Result<Output, CliError> {
    let entries = app.journal_list(&JournalFilter {
        kind: None,
        tag: tag.map(str::to_string),
        conflicted: conflicts,
        limit,
    })?;
    if json {
        return Output::json(&entries);
    }
    if entries.is_empty() && limit != Some(0) {
        let why = match (tag, conflicts) {
            (_, true) => "No entry waits for a choice between versions.".to_string(),
            (Some(tag), false) => format!(
                "No entries are tagged #{}.",
                clean::one_line(tag.trim().trim_start_matches('#'))
            ),
            (None, false) => "Your journal is empty. Write a first entry whenever you like:\n  \
                 reconnect journal add --title \"Tonight\" \"What I want to remember...\""
                .into(),
        };
        return Ok(Output::lines(vec![why]));
    }
    rows(app, &entries, None)
}

pub fn search(
    app: &Reconnect,
    query: &str,
    limit: Option<usize>,
    json: bool,
) -> Result<Output, CliError> {
    let entries = app.journal_search(query, limit)?;
    if json {
        return Output::json(&entries);
    }
    if entries.is_empty() && limit != Some(0) {
        return Ok(Output::lines(vec![format!(
            "Nothing in your journal holds all of: {}.",
            clean::one_line(query)
        )]));
    }
    rows(app, &entries, Some(&words(query)))
}

/// One line per entry; with search words, the text around them below it.
pub fn rows(
    app: &Reconnect,
    entries: &[JournalEntry],
    found: Option<&[String]>,
) -> Result<Output, CliError> {
    let zone = app.time_zone()?;
    let now = context::clock()?.now();
    let mut lines = Vec::new();
    for entry in entries {
        lines.push(entry::summary(entry, zone, now));
        if let Some(text) = found.and_then(|words| snippet::around(&entry.body, words)) {
            lines.push(format!("    {text}"));
        }
    }
    Ok(Output::lines(lines))
}
