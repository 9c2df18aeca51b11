//! The encrypted SQLite store: one file per data directory holding this device's
//! identity and the Automerge document as a snapshot plus incremental chunks.
//!
//! Discipline: one writer; WAL with `synchronous=FULL`, so a write that returned is on
//! disk; nothing that fails to open is ever rewritten, recreated or "repaired".

mod error;
mod files;
mod identity;
mod key;
mod load;
mod open;
mod peers;
pub mod schema;

pub use error::StoreError;
pub(crate) use files::random_bytes;
pub use files::{DB_FILE, KEYCHECK_FILE, create_private_dir, new_record_id, store_files};
pub use identity::{StaticKeys, device_id_for};
pub use key::StoreKey;
pub(crate) use peers::OfferStatus;
pub use peers::Peer;

use automerge::{AutoCommit, ChangeHash};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// Compact when more chunks than this have piled up since the last snapshot.
pub const MAX_CHUNKS: u64 = 64;

/// Who this device is. Kept in SQLite, never in the shared document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceIdentity {
    pub device_id: String,
    pub actor_id: Vec<u8>,
    pub name: String,
}

/// Sizes of what is on disk for the document, for compaction and for benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocFootprint {
    pub snapshot_bytes: u64,
    pub chunk_bytes: u64,
    pub chunk_count: u64,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    device: DeviceIdentity,
    footprint: DocFootprint,
    /// Heads of the document as last written; the next chunk holds what came after.
    saved_heads: Vec<ChangeHash>,
    /// The newest chunk this handle knows is in `doc`; compaction absorbs up to it.
    last_chunk_id: i64,
    /// Held for the store's lifetime: one writer per data directory.
    _lock: std::fs::File,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("device", &self.device.device_id)
            .field("footprint", &self.footprint)
            .finish()
    }
}

/// Deletes every file of the store in `dir` without opening it, so no key is needed:
/// for when the key is lost and the user wants everything gone. Holds the store's lock
/// while deleting, so a store open elsewhere is refused (`InUse`), never pulled away.
/// Only files with the store's own names are touched.
pub fn destroy_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let lock = files::lock_store(dir)?;
    let mut removed = remove_store_files(dir)?;
    // A lock file created just now to take the lock was never part of a store.
    if lock.created_now() {
        let lock_path = dir.join(files::LOCK_FILE);
        removed.retain(|p| *p != lock_path);
    }
    drop(lock);
    let _ = std::fs::remove_dir(dir);
    Ok(removed)
}

/// Removes the store's files in `dir`, the lock file last.
fn remove_store_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let lock_path = dir.join(files::LOCK_FILE);
    let mut removed = Vec::new();
    let all = files::store_files(dir);
    let (lock, others): (Vec<&PathBuf>, Vec<&PathBuf>) = all.iter().partition(|p| **p == lock_path);
    for file in others.into_iter().chain(lock) {
        match std::fs::remove_file(file) {
            Ok(()) => removed.push(file.clone()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(StoreError::io(file.clone(), err)),
        }
    }
    Ok(removed)
}

fn open_locked(
    dir: &Path,
    key: &StoreKey,
    device_name: &str,
    genesis: &[u8],
    verify: &dyn Fn(&AutoCommit) -> Result<(), String>,
) -> Result<(open::Opened, PathBuf), StoreError> {
    let db = dir.join(DB_FILE);
    let keycheck = dir.join(KEYCHECK_FILE);
    if !files::exists(&db)? {
        files::refuse_missing_database(dir, &db)?;
        open::create(dir, &db, &keycheck, key, device_name, genesis)?;
    }
    let opened = match files::preflight(&db, &keycheck, key)? {
        files::Preflight::KeyChecked => open::open_existing(&db, key, verify)?,
        // A database restored without its key check: if this key opens it and it is
        // ours, the key check is written anew; otherwise it is not a store we can open.
        files::Preflight::KeyCheckMissing => {
            let opened = open::open_existing(&db, key, verify).map_err(|err| match err {
                StoreError::Corrupt { .. } | StoreError::NotAReconnectStore { .. } => {
                    StoreError::NotAReconnectStore {
                        path: db.clone(),
                        reason: format!(
                            "there is no {KEYCHECK_FILE} beside it and this key does not open it"
                        ),
                    }
                }
                other => other,
            })?;
            key::write(&keycheck, key)?;
            files::sync_dir(dir)?;
            opened
        }
    };
    // A creation interrupted after the database was linked into place leaves this.
    files::remove_if_exists(&dir.join(files::STAGING_FILE))?;
    Ok((opened, db))
}

impl Store {
    /// Opens the store in `dir`, creating it (from `genesis`, a saved document) when the
    /// directory holds none. Returns the store and the loaded document, whose actor is
    /// this device's. The store stays locked against other handles until dropped.
    ///
    /// `verify` checks the loaded document before anything on disk may change (no
    /// migration, no WAL checkpoint); its error makes the open fail as `Corrupt`.
    pub fn open_or_create(
        dir: &Path,
        key: &StoreKey,
        device_name: &str,
        genesis: &[u8],
        verify: &dyn Fn(&AutoCommit) -> Result<(), String>,
    ) -> Result<(Store, AutoCommit), StoreError> {
        files::create_private_dir(dir)?;
        let lock = files::lock_store(dir)?;
        match open_locked(dir, key, device_name, genesis, verify) {
            Ok((opened, db)) => {
                let mut doc = opened.doc;
                let store = Store {
                    conn: opened.conn,
                    path: db,
                    device: opened.device,
                    footprint: opened.loaded.footprint,
                    last_chunk_id: opened.loaded.last_chunk_id,
                    saved_heads: doc.get_heads(),
                    _lock: lock.into_file(),
                };
                Ok((store, doc))
            }
            Err(err) => {
                lock.discard();
                Err(err)
            }
        }
    }

    pub fn device(&self) -> &DeviceIdentity {
        &self.device
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn footprint(&self) -> DocFootprint {
        self.footprint
    }

    /// Makes every change in `doc` since the last write durable: one chunk, one
    /// transaction, fsynced before returning. Compacts afterwards when due; a failed
    /// compaction leaves the (already durable) chunk in place and is retried next time.
    pub fn persist(&mut self, doc: &mut AutoCommit) -> Result<(), StoreError> {
        self.write_chunk(doc)?;
        if self.compaction_due() {
            let _ = self.compact(doc);
        }
        Ok(())
    }

    /// Like [`Store::persist`], and in the same transaction as the document's new
    /// changes, stores the Automerge sync state for a peer (`state` from
    /// `automerge::sync::State::encode`): a received round is durable as one unit.
    pub fn persist_synced(
        &mut self,
        doc: &mut AutoCommit,
        peer_device_id: &str,
        state: &[u8],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let bytes = doc.save_after(&self.saved_heads);
        self.write_chunk_with(doc, bytes, |tx| {
            tx.execute(
                "INSERT OR REPLACE INTO peer_sync_state (device_id, state) VALUES (?1, ?2)",
                params![peer_device_id, state],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?1, ?2)",
                params![
                    last_sync_key(peer_device_id),
                    at.timestamp_millis().to_string().into_bytes()
                ],
            )?;
            Ok(())
        })?;
        if self.compaction_due() {
            let _ = self.compact(doc);
        }
        Ok(())
    }

    /// When a sync round with `peer_device_id` was last saved here; `None` before the first.
    pub fn last_synced(&self, peer_device_id: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let value: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT value FROM local_meta WHERE key = ?1",
                params![last_sync_key(peer_device_id)],
                |row| row.get(0),
            )
            .optional()?;
        Ok(value
            .and_then(|v| String::from_utf8(v).ok())
            .and_then(|ms| ms.parse::<i64>().ok())
            .and_then(DateTime::from_timestamp_millis))
    }

    fn write_chunk(&mut self, doc: &mut AutoCommit) -> Result<(), StoreError> {
        let bytes = doc.save_after(&self.saved_heads);
        if bytes.is_empty() {
            return Ok(());
        }
        self.write_chunk_with(doc, bytes, |_| Ok(()))
    }

    /// Writes `bytes` (the changes since the last write; none when empty) as one chunk
    /// and runs `also` in the same transaction.
    fn write_chunk_with(
        &mut self,
        doc: &mut AutoCommit,
        bytes: Vec<u8>,
        also: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        let heads = doc.get_heads();
        let tx = self.conn.transaction()?;
        let chunk_id = if bytes.is_empty() {
            None
        } else {
            tx.execute("INSERT INTO doc_chunks (bytes) VALUES (?1)", params![bytes])?;
            let chunk_id = tx.last_insert_rowid();
            tx.execute(
                "INSERT OR REPLACE INTO local_meta (key, value) VALUES ('heads', ?1)",
                params![load::encode_heads(&heads)],
            )?;
            Some(chunk_id)
        };
        also(&tx)?;
        tx.commit()?;
        if let Some(chunk_id) = chunk_id {
            self.saved_heads = heads;
            self.last_chunk_id = chunk_id;
            self.footprint.chunk_bytes += bytes.len() as u64;
            self.footprint.chunk_count += 1;
        }
        Ok(())
    }

    fn compaction_due(&self) -> bool {
        let f = self.footprint;
        f.chunk_count > MAX_CHUNKS || (f.chunk_count > 0 && f.chunk_bytes >= f.snapshot_bytes)
    }

    /// Replaces the snapshot with `doc.save()` and deletes exactly the chunks it absorbed,
    /// in one transaction. Anything in `doc` not yet written is written first.
    pub fn compact(&mut self, doc: &mut AutoCommit) -> Result<(), StoreError> {
        self.write_chunk(doc)?;
        let last_chunk_id = self.last_chunk_id;
        let snapshot = doc.save();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO doc_snapshot (id, bytes, last_chunk_id) VALUES (1, ?1, ?2)",
            params![snapshot, last_chunk_id],
        )?;
        tx.execute(
            "DELETE FROM doc_chunks WHERE id <= ?1",
            params![last_chunk_id],
        )?;
        tx.commit()?;
        self.footprint = DocFootprint {
            snapshot_bytes: snapshot.len() as u64,
            chunk_bytes: 0,
            chunk_count: 0,
        };
        Ok(())
    }

    /// Reloads the document from disk, dropping anything in memory that was not written.
    pub fn reload(&mut self) -> Result<AutoCommit, StoreError> {
        let (mut doc, loaded) = load::load_document(&self.conn, &self.path, &self.device, true)?;
        self.footprint = loaded.footprint;
        self.last_chunk_id = loaded.last_chunk_id;
        self.saved_heads = doc.get_heads();
        Ok(doc)
    }

    /// `PRAGMA integrity_check`, for tests and diagnostics.
    /// Deletes every file of the store, the lock file last, and the data directory if it
    /// is then empty. Returns the files that existed and are now gone.
    pub fn destroy(self) -> Result<Vec<PathBuf>, StoreError> {
        let Store {
            conn, path, _lock, ..
        } = self;
        conn.close().map_err(|(_, err)| StoreError::Sqlite(err))?;
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let removed = remove_store_files(&dir)?;
        drop(_lock);
        // Only an empty directory is removed; anything else in it is not ours.
        let _ = std::fs::remove_dir(&dir);
        Ok(removed)
    }

    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests;

/// The `local_meta` key of the last sync with a peer (per device, outside the document).
pub(crate) fn last_sync_key(peer_device_id: &str) -> String {
    format!("last_sync:{peer_device_id}")
}
