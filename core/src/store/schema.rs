//! The SQLite schema and its migrations, keyed by `PRAGMA user_version`.
//!
//! Each entry in [`MIGRATIONS`] moves the schema up one version; an open runs every
//! missing step in one transaction. Never edit a released step: add a new one.

use super::{StoreError, identity};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

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

/// Version 3: sync between the user's devices. This device's long-lived Noise static
/// key pair (the private key never leaves this encrypted file), the peers it pinned at
/// pairing, the Automerge sync state kept per peer, and one-time pairing offers (only a
/// keyed hash of each code is kept). Times are Unix milliseconds.
///
/// An existing device also gets its key pair and its key-derived device id in this
/// step ([`after_step`]), in the same transaction.
const V3: &str = "
CREATE TABLE device_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL,
    public_key  BLOB NOT NULL
);
CREATE TABLE peers (
    device_id  TEXT PRIMARY KEY,
    public_key BLOB NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    paired_at  INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE TABLE peer_sync_state (
    device_id TEXT PRIMARY KEY REFERENCES peers (device_id) ON DELETE CASCADE,
    state     BLOB NOT NULL
);
CREATE TABLE pairing_offers (
    code_hash  BLOB PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
";

/// Version 4: a counter per peer for the openings of sync sessions to a named device
/// (`Noise_IK`): `sent` is the last one this device sent to the peer, `seen` the highest
/// it received from it. An opening that does not raise `seen` is a replay.
const V4: &str = "
CREATE TABLE peer_openings (
    device_id TEXT PRIMARY KEY,
    sent      INTEGER NOT NULL DEFAULT 0,
    seen      INTEGER NOT NULL DEFAULT 0
);
";

pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

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
            after_step(&tx, version)?;
        }
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// What a step needs beyond its SQL, run in the same transaction. Version 3: a store
/// that already has a device (an upgrade) gets its static key pair now and takes the
/// device id derived from it; a new store gets both when its device row is written.
fn after_step(tx: &Transaction<'_>, version: i64) -> Result<(), StoreError> {
    if version == 3 {
        let has_device = tx
            .query_row("SELECT 1 FROM device WHERE id = 1", [], |_| Ok(()))
            .optional()?
            .is_some();
        if has_device {
            let keys = identity::StaticKeys::generate()?;
            identity::insert(tx, &keys)?;
            tx.execute(
                "UPDATE device SET device_id = ?1 WHERE id = 1",
                [identity::device_id_for(keys.public())],
            )?;
        }
    }
    Ok(())
}
