//! The SQLite schema and its migrations, keyed by `PRAGMA user_version`.
//!
//! Each entry in [`MIGRATIONS`] moves the schema up one version; an open runs every
//! missing step in one transaction. Never edit a released step: add a new one.

use super::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// Marks an SQLite file as a Reconnect store (`PRAGMA application_id`, "RCNT").
pub const APPLICATION_ID: i64 = 0x5243_4e54;

/// Version 1: device identity, the document as snapshot + incremental chunks.
const V1: &str = "
CREATE TABLE device (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    device_id TEXT NOT NULL,
    actor_id  BLOB NOT NULL,
    name      TEXT NOT NULL
);
CREATE TABLE doc_snapshot (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    bytes         BLOB NOT NULL,
    last_chunk_id INTEGER NOT NULL
);
CREATE TABLE doc_chunks (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    bytes BLOB NOT NULL
);
";

/// Version 2: per-device values outside the document, first of all the document heads
/// after the last write, checked on load to detect lost chunks.
const V2: &str = "
CREATE TABLE local_meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
";

pub const MIGRATIONS: &[&str] = &[V1, V2];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA application_id", [], |row| row.get(0))
}

/// Brings the schema from its current version to `target`, in one transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let current = user_version(conn)?;
    if current > LATEST_VERSION {
        return Err(StoreError::SchemaTooNew {
            found: current,
            supported: LATEST_VERSION,
        });
    }
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if current == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for (index, step) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version > current && version <= target {
            tx.execute_batch(step)?;
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}
