//! `--note -` reads the note from stdin, so private words stay out of `ps` and
//! shell history.

use std::io::{IsTerminal, Read};

use reconnect_core::checkin::NOTE_MAX_CHARS;

use crate::error::CliError;
use crate::output;

/// The value of `--note` that means "read it from stdin".
pub const FROM_STDIN: &str = "-";

pub fn read(json: bool) -> Result<String, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() && !json {
        output::note(if cfg!(windows) {
            "type your note, then press Ctrl-Z and Enter"
        } else {
            "type your note, then press Ctrl-D on a new line"
        });
    }
    // Enough for the longest note the core accepts, in any encoding width, plus a line end.
    let limit = (NOTE_MAX_CHARS * 4 + 2) as u64;
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
            "the note on stdin is longer than a check-in note can hold ({NOTE_MAX_CHARS} characters)"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::Usage("the note on stdin is not UTF-8 text".into()))?;
    let note = text.trim_end_matches(['\n', '\r']);
    // An empty stdin (a script, `</dev/null`) must not silently clear the day's note.
    if note.trim().is_empty() {
        return Err(CliError::invalid(
            "no note arrived on stdin; leave out --note to keep the day's note as it is".into(),
        ));
    }
    Ok(note.to_string())
}
