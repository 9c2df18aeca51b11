//! `reconnect history`: past check-ins, newest first.

use reconnect_core::Reconnect;

use super::print_json;
use crate::error::CliError;

pub fn run(app: &Reconnect, limit: Option<usize>, json: bool) -> Result<(), CliError> {
    let history = app.history(limit)?;
    if json {
        return print_json(&history);
    }
    if history.is_empty() {
        println!("No check-ins yet. `reconnect today` explains how to start.");
        return Ok(());
    }
    for checkin in &history {
        let mut line = format!(
            "{}  mood {}/5  urge {:>2}/10  {}",
            checkin.date,
            checkin.mood,
            checkin.urge,
            checkin.contact.describe()
        );
        if let Some(note) = &checkin.note {
            line.push_str("  · ");
            line.push_str(note);
        }
        if !checkin.note_conflicts.is_empty() {
            line.push_str("  (notes differ between devices)");
        }
        println!("{line}");
    }
    Ok(())
}
