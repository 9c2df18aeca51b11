//! One module per command; each prints either words for people or JSON.

pub mod checkin;
pub mod history;
pub mod settings;
pub mod today;

use reconnect_core::CheckIn;

/// "Sunday 29 November 2026".
pub fn long_date(date: chrono::NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// The lines describing one check-in, indented for a block.
pub fn describe(checkin: &CheckIn) -> Vec<String> {
    let mut lines = vec![
        format!("  Mood     {}/5", checkin.mood),
        format!("  Urge     {}/10", checkin.urge),
        format!("  Contact  {}", checkin.contact.describe()),
    ];
    if let Some(note) = &checkin.note {
        lines.push(format!("  Note     {note}"));
    }
    for other in &checkin.note_conflicts {
        lines.push(format!(
            "  Another device wrote a different note at the same time: {other}"
        ));
        lines.push("  (Check in again with --note to keep the one you want.)".into());
    }
    lines
}

pub fn print_json(value: &impl serde::Serialize) -> Result<(), crate::error::CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| crate::error::CliError::Usage(format!("could not format JSON: {e}")))?;
    println!("{text}");
    Ok(())
}
