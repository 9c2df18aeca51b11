//! `reconnect journal add` and `reconnect journal edit` (letters are added here too).

use reconnect_core::Reconnect;
use reconnect_core::journal::{EntryEdit, EntryInput, EntryKind};

use super::entry::{self, LetterState};
use super::show::{find, shown};
use crate::commands::when;
use crate::context;
use crate::error::CliError;
use crate::output::Output;

pub fn add(app: &Reconnect, input: EntryInput, json: bool) -> Result<Output, CliError> {
    let entry = app.journal_add(input)?;
    let now = context::clock()?.now();
    let output = if json {
        Output::json(&shown(&entry, now))?
    } else {
        let zone = app.time_zone()?;
        let id = &entry.id;
        let mut lines = Vec::new();
        if entry.kind == EntryKind::Letter {
            lines.push(format!(
                "Saved your letter {} (id {id}).",
                entry::headline(&entry)
            ));
            lines.push(match entry::letter_state(&entry, now) {
                Some(LetterState::Resting { until }) => format!(
                    "It rests until {}. Then read it again with fresh eyes, and if it still \
                     feels right: `reconnect letters ready {id}`.",
                    when::moment(until, zone)
                ),
                _ => format!(
                    "Read it again whenever you like; `reconnect letters ready {id}` marks it ready."
                ),
            });
            lines.push(
                "Letters are never sent: Reconnect has no way to send anything. This one is \
                 for you."
                    .into(),
            );
        } else {
            lines.push(format!(
                "Saved {} in your journal (id {id}).",
                entry::headline(&entry)
            ));
            if entry.body.trim().is_empty() {
                lines.push(format!(
                    "When you are ready to answer: `reconnect journal edit {id} --text -`."
                ));
            }
        }
        Output::lines(lines)
    };
    Ok(output.saved(if entry.kind == EntryKind::Letter {
        "your letter was saved"
    } else {
        "your entry was saved"
    }))
}

/// Changes an entry. Writing a title or text over versions from two devices would
/// replace versions the user has not chosen between, so that is refused and left to
/// `journal resolve`, which shows them first.
pub fn edit(app: &Reconnect, id: &str, edit: EntryEdit, json: bool) -> Result<Output, CliError> {
    let current = find(app, id)?;
    let title_clash = edit.title.is_some() && !current.title_conflicts.is_empty();
    let text_clash = edit.body.is_some() && !current.body_conflicts.is_empty();
    if title_clash || text_clash {
        return Err(CliError::invalid(format!(
            "this entry has two versions from different devices, and editing would replace \
             one you have not seen here; `reconnect journal show {id}` shows both, and \
             `reconnect journal resolve {id}` keeps the one you choose"
        )));
    }
    let entry = app.journal_edit(id, edit)?;
    let now = context::clock()?.now();
    let output = if json {
        Output::json(&shown(&entry, now))?
    } else {
        Output::lines(vec![
            format!("Updated {}.", entry::headline(&entry)),
            format!("  {}", entry::summary(&entry, app.time_zone()?, now)),
        ])
    };
    Ok(output.saved("your change was saved"))
}
