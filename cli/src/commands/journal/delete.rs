//! `reconnect journal delete ID --yes`: deleting is for good, on every device.

use reconnect_core::Reconnect;
use serde_json::json;

use super::entry;
use super::show::find;
use crate::error::CliError;
use crate::output::Output;

/// Without `--yes`, explains what deleting means; nothing is opened or changed.
pub fn confirm(yes: bool) -> Result<(), CliError> {
    if yes {
        return Ok(());
    }
    Err(CliError::Usage(
        "deleting an entry is for good: it goes from this device now, and from your other \
         devices the next time they sync, and nothing brings it back; add --yes to delete it"
            .into(),
    ))
}

pub fn run(app: &Reconnect, id: &str, json: bool) -> Result<Output, CliError> {
    let entry = find(app, id)?;
    app.journal_delete(id)?;
    let output = if json {
        Output::json(&json!({ "deleted": entry.id, "kind": entry.kind }))?
    } else {
        Output::lines(vec![format!(
            "Deleted {}. It is gone from this device, and will be gone from your other \
             devices once they sync.",
            entry::headline(&entry)
        )])
    };
    Ok(output.saved("the entry was deleted"))
}
