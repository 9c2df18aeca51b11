//! One module per command; each returns words for people or a JSON value, and
//! `main` prints it once.

pub mod checkin;
pub mod connection;
pub mod data;
pub mod devices;
pub mod history;
pub mod journal;
pub mod pair;
pub mod program;
pub mod progress;
pub mod reminders;
pub mod settings;
pub mod sync;
pub mod today;
pub mod when;

use reconnect_core::CheckIn;

use crate::clean;

/// "Sunday 29 November 2026".
pub fn long_date(date: chrono::NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// The lines describing one check-in, indented for a block. Notes may come from
/// other devices, so they are cleaned before display.
pub fn describe(checkin: &CheckIn) -> Vec<String> {
    let mut lines = vec![
        format!("  Mood     {}/5", checkin.mood),
        format!("  Urge     {}/10", checkin.urge),
        format!("  Contact  {}", checkin.contact.describe()),
    ];
    if let Some(note) = &checkin.note {
        for (i, line) in clean::lines(note).into_iter().enumerate() {
            let label = if i == 0 { "Note" } else { "" };
            lines.push(format!("  {label:<8} {line}").trim_end().to_string());
        }
    }
    for other in &checkin.note_conflicts {
        lines.push(format!(
            "  Another device wrote a different note at the same time: {}",
            clean::one_line(other)
        ));
        lines.push("  (Check in again with --note to keep the one you want.)".into());
    }
    lines
}
