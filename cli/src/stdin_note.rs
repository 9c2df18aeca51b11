//! `--note -` (and `-` for a program entry's, journal entry's or reminder's text) reads the words from stdin, so
//! private words stay out of `ps` and shell history.

use std::io::{IsTerminal, Read};

use reconnect_core::checkin::NOTE_MAX_CHARS;
use reconnect_core::journal::BODY_MAX_CHARS;
use reconnect_core::program::command::TEXT_MAX_CHARS;

use crate::error::CliError;
use crate::output;

/// The value that means "read it from stdin".
pub const FROM_STDIN: &str = "-";

/// What is being read, for the prompt and the messages.
pub struct Reading {
    /// "note", "text"
    pub noun: &'static str,
    /// What holds it: "a check-in note".
    pub holder: &'static str,
    pub max_chars: usize,
    /// Said when stdin was empty.
    pub when_empty: &'static str,
}

pub const CHECK_IN_NOTE: Reading = Reading {
    noun: "note",
    holder: "a check-in note",
    max_chars: NOTE_MAX_CHARS,
    when_empty: "no note arrived on stdin; leave out --note to keep the day's note as it is",
};

pub const PROGRAM_TEXT: Reading = Reading {
    noun: "text",
    holder: "a program entry",
    max_chars: TEXT_MAX_CHARS,
    when_empty: "no text arrived on stdin, so nothing was recorded",
};

pub const JOURNAL_TEXT: Reading = Reading {
    noun: "text",
    holder: "a journal entry",
    max_chars: BODY_MAX_CHARS,
    when_empty: "no text arrived on stdin, so nothing was written",
};

pub const REMINDER_TEXT: Reading = Reading {
    noun: "text",
    holder: "a reminder",
    max_chars: reconnect_core::reminders::CUSTOM_TEXT_MAX_CHARS,
    when_empty: "no text arrived on stdin; leave TEXT out for a reminder without words",
};

/// A check-in note from stdin.
pub fn read(json: bool) -> Result<String, CliError> {
    read_as(&CHECK_IN_NOTE, json)
}

pub fn read_as(reading: &Reading, json: bool) -> Result<String, CliError> {
    let noun = reading.noun;
    let stdin = std::io::stdin();
    if stdin.is_terminal() && !json {
        output::note(&if cfg!(windows) {
            format!("type your {noun}, then press Ctrl-Z and Enter")
        } else {
            format!("type your {noun}, then press Ctrl-D on a new line")
        });
    }
    // Enough for the longest text the core accepts, in any encoding width, plus a line end.
    let limit = (reading.max_chars * 4 + 2) as u64;
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| CliError::Io {
            path: "stdin".into(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(CliError::invalid(format!(
            "the {noun} on stdin is longer than {} can hold ({} characters)",
            reading.holder, reading.max_chars
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::Usage(format!("the {noun} on stdin is not UTF-8 text")))?;
    let text = text.trim_end_matches(['\n', '\r']);
    // An empty stdin (a script, `</dev/null`) must not silently clear or record anything.
    if text.trim().is_empty() {
        return Err(CliError::invalid(reading.when_empty.into()));
    }
    Ok(text.to_string())
}
