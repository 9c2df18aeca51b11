//! `reconnect journal resolve ID`: after two devices changed an entry at once, keep one
//! of the versions `journal show` numbered, or a text of the user's own.

use reconnect_core::Reconnect;

use super::entry;
use super::input::Choice;
use super::show::{find, shown};
use crate::context;
use crate::error::CliError;
use crate::output::Output;
use reconnect_core::journal::versions;

pub fn run(app: &Reconnect, id: &str, choice: Choice, json: bool) -> Result<Output, CliError> {
    let current = find(app, id)?;
    let versions = versions::of(&current);
    if versions.is_empty() {
        return Err(CliError::invalid(format!(
            "this entry has just one version, so there is nothing to choose; \
             `reconnect journal edit {id}` changes it"
        )));
    }
    let (title, text) = match choice {
        Choice::Keep { number, title } => {
            let version = versions.get(number - 1).ok_or_else(|| {
                CliError::invalid(format!(
                    "this entry has {} versions; choose one from 1 to {}",
                    versions.len(),
                    versions.len()
                ))
            })?;
            (
                title.unwrap_or_else(|| version.title.clone()),
                version.text.clone(),
            )
        }
        Choice::Text { text, title } => match title {
            Some(title) => (title, text),
            None if current.title_conflicts.is_empty() => (current.title.clone(), text),
            None => {
                return Err(CliError::invalid(
                    "the versions have different titles too; add --title with the one to keep"
                        .into(),
                ));
            }
        },
    };
    let entry = app.journal_resolve(id, title, text)?;
    let now = context::clock()?.now();
    let output = if json {
        Output::json(&shown(&entry, now))?
    } else {
        Output::lines(vec![
            format!(
                "Kept {}; every device will show this version once they sync.",
                entry::headline(&entry)
            ),
            format!("  {}", entry::summary(&entry, app.time_zone()?, now)),
        ])
    };
    Ok(output.saved("your choice was saved"))
}
