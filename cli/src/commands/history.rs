//! `reconnect history`: past check-ins, newest first, one line each.

use reconnect_core::Reconnect;

use crate::clean;
use crate::error::CliError;
use crate::output::Output;

pub fn run(app: &Reconnect, limit: Option<usize>, json: bool) -> Result<Output, CliError> {
    let history = app.history(limit)?;
    if json {
        return Output::json(&history);
    }
    if history.is_empty() && limit != Some(0) {
        return Ok(Output::lines(vec![
            "No check-ins yet. `reconnect today` explains how to start.".into(),
        ]));
    }
    let rows = history
        .iter()
        .map(|checkin| {
            let mut line = format!(
                "{}  mood {}/5  urge {:>2}/10  {}",
                checkin.date,
                checkin.mood,
                checkin.urge,
                checkin.contact.describe()
            );
            if let Some(note) = &checkin.note {
                line.push_str("  · ");
                line.push_str(&clean::one_line(note));
            }
            if !checkin.note_conflicts.is_empty() {
                line.push_str("  (notes differ between devices)");
            }
            line
        })
        .collect();
    Ok(Output::lines(rows))
}
