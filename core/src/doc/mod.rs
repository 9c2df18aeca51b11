//! The one Automerge document per user: its fixed genesis, its layout, and typed reads
//! and targeted writes for each kind of record.
//!
//! Layout (schema 3):
//! ```text
//! ROOT
//! ├── schema: 2
//! ├── checkins: Map<"YYYY-MM-DD", Map{mood, urge, contact, note, updated_at, updated_by}>
//! ├── settings: Map{day_start_hour, reminder settings}
//! ├── program: Map{one map per kind of program record, see `program`}   (schema 2)
//! ├── journal: Map<entry id, Map{kind, title, body, tags, …}>            (schema 3)
//! └── reminders: Map<reminder id, Map{at, text}>                        (schema 3)
//! ```
//! Schema-1 maps come from the genesis, later ones from fixed [`migration`] changes.
//! Records live in maps keyed by local date or stable id, never in lists; long text is
//! a plain string value so concurrent edits surface as conflicts instead of interleaving.

pub mod checkins;
pub(crate) mod fields;
pub mod genesis;
pub mod journal;
pub mod migration;
pub mod program;
pub mod reminders;
pub mod settings;

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, Value};

use crate::error::{Error, Result};

pub const SCHEMA_KEY: &str = "schema";
pub const SCHEMA_VERSION: i64 = 1;
pub const CHECKINS: &str = "checkins";
pub const SETTINGS: &str = "settings";
pub const PROGRAM: &str = "program";
pub const JOURNAL: &str = "journal";
pub const REMINDERS: &str = "reminders";
/// The maps inside `program`, created by the schema-2 change. Changing this list means a
/// new fixed migration change, never an edit of the schema-2 one.
pub const PROGRAM_MAPS: [&str; 22] = [
    "pre_check",
    "step1",
    "reasons",
    "acknowledged",
    "triggers",
    "mistakes",
    "no_contact",
    "readiness",
    "observations",
    "attempts",
    "ice_breakers",
    "apologies",
    "activities",
    "their_side",
    "decisions",
    "therapy",
    "therapy_sessions",
    "trial",
    "trial_reviews",
    "let_go",
    "safety",
    "said_no",
];

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
pub fn check_roots(doc: &AutoCommit) -> Result<()> {
    for key in [CHECKINS, SETTINGS] {
        let values = doc.get_all(ROOT, key)?;
        let is_genesis = values.len() == 1 && Some(&values[0].1) == genesis::genesis_map(key);
        if !is_genesis {
            return Err(Error::Document(format!(
                "the `{key}` map was replaced or duplicated"
            )));
        }
    }
    migration::check_maps(doc)
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
