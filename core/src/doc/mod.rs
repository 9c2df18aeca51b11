//! The one Automerge document per user: its fixed genesis, its layout, and typed reads
//! and targeted writes for each kind of record.
//!
//! Layout (schema 1):
//! ```text
//! ROOT
//! ├── schema: 1
//! ├── checkins: Map<"YYYY-MM-DD", Map{mood, urge, contact, note, updated_at, updated_by}>
//! └── settings: Map{day_start_hour}
//! ```
//! Records live in maps keyed by local date or stable id, never in lists; long text is
//! a plain string value so concurrent edits surface as conflicts instead of interleaving.

pub mod checkins;
pub mod genesis;
pub mod settings;

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, Value};

use crate::error::{Error, Result};

pub const SCHEMA_KEY: &str = "schema";
pub const SCHEMA_VERSION: i64 = 1;
pub const CHECKINS: &str = "checkins";
pub const SETTINGS: &str = "settings";

/// The map object stored at `ROOT[key]`; the genesis created it, so its absence means
/// a document that is not ours.
pub(crate) fn root_map(doc: &AutoCommit, key: &str) -> Result<ObjId> {
    match doc.get(ROOT, key)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(Error::Document(format!(
            "the document has no `{key}` map; it was not created by Reconnect"
        ))),
    }
}

/// Fails unless the root maps are the ones the genesis created, each alone at its key.
pub(crate) fn check_roots(doc: &AutoCommit) -> Result<()> {
    for key in [CHECKINS, SETTINGS] {
        let values = doc.get_all(ROOT, key)?;
        let is_genesis = values.len() == 1 && Some(&values[0].1) == genesis::genesis_map(key);
        if !is_genesis {
            return Err(Error::Document(format!(
                "the `{key}` map was replaced or duplicated"
            )));
        }
    }
    Ok(())
}

/// Every map object concurrently stored at `obj[key]`, the deterministic winner first.
pub(crate) fn maps_at(doc: &AutoCommit, obj: &ObjId, key: &str) -> Result<Vec<ObjId>> {
    let winner = match doc.get(obj, key)? {
        Some((Value::Object(ObjType::Map), id)) => Some(id),
        _ => None,
    };
    let mut maps: Vec<ObjId> = winner.iter().cloned().collect();
    for (value, id) in doc.get_all(obj, key)? {
        if matches!(value, Value::Object(ObjType::Map)) && Some(&id) != winner.as_ref() {
            maps.push(id);
        }
    }
    Ok(maps)
}
