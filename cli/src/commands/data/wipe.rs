//! `reconnect wipe --yes`: deletes every file of the store and the CLI's key file, and
//! names each one removed. Without `--yes` it explains and changes nothing.

use std::path::{Path, PathBuf};

use reconnect_core::store::store_files;
use serde_json::json;

use crate::context::Locations;
use crate::error::CliError;
use crate::output::Output;
use crate::private_file::{self, io_error};

/// Without `--yes`, says what a wipe would delete; nothing is opened or changed.
pub fn confirm(yes: bool, at: &Locations) -> Result<(), CliError> {
    if yes {
        return Ok(());
    }
    Err(CliError::Usage(format!(
        "wipe deletes everything Reconnect keeps on this computer (the store in {} and its \
         key {}), and nothing can bring it back; paired devices keep their own copy until \
         you wipe them too; add --yes to wipe",
        at.data_dir.display(),
        at.key_file.display()
    )))
}

pub fn run(at: &Locations, json: bool) -> Result<Output, CliError> {
    let has_store = store_files(&at.data_dir).iter().any(|f| present(f));
    let mut removed: Vec<PathBuf> = Vec::new();
    if has_store {
        // No key is needed: the core takes the store's lock (so no other `reconnect` is
        // using it meanwhile) and deletes the store's files without opening them.
        removed.extend(
            reconnect_core::store::destroy_files(&at.data_dir)
                .map_err(|e| CliError::Core(e.into()))?,
        );
    }
    if present(&at.key_file) {
        std::fs::remove_file(&at.key_file).map_err(|e| io_error(&at.key_file, e))?;
        private_file::sync_dir(private_file::parent(&at.key_file))
            .map_err(|e| io_error(&at.key_file, e))?;
        removed.push(at.key_file.clone());
    }
    let dir_gone = !present(&at.data_dir);
    let others_left = std::fs::read_dir(&at.data_dir).is_ok_and(|mut d| d.next().is_some());
    if json {
        return Ok(Output::json(&json!({
            "removed": removed,
            "data_dir_removed": dir_gone && has_store,
        }))?
        .saved("everything was wiped"));
    }
    if removed.is_empty() {
        return Ok(Output::lines(vec![format!(
            "Nothing to wipe: there is no Reconnect store in {}.",
            at.data_dir.display()
        )]));
    }
    let mut lines = vec!["Wiped. These files are gone:".to_string()];
    lines.extend(removed.iter().map(|p| format!("  {}", p.display())));
    if dir_gone && has_store {
        lines.push(format!(
            "The data directory {} was empty and is gone too.",
            at.data_dir.display()
        ));
    } else if others_left {
        lines.push(format!(
            "Files in {} that are not Reconnect's were left alone.",
            at.data_dir.display()
        ));
    }
    lines.push("Paired devices keep their own copy until you wipe them too.".into());
    Ok(Output::lines(lines).saved("everything was wiped"))
}

fn present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}
