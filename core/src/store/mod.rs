//! The encrypted SQLite store: one file per data directory holding this device's
//! identity and the Automerge document as a snapshot plus incremental chunks.
//!
//! Discipline: one writer; WAL with `synchronous=FULL`, so a write that returned is on
//! disk; nothing that fails to open is ever rewritten, recreated or "repaired".

mod error;
mod files;
mod key;
pub mod schema;

pub use error::StoreError;
pub use files::{DB_FILE, KEYCHECK_FILE, store_files};
pub use key::StoreKey;

use automerge::{ActorId, AutoCommit, ChangeHash};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
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

impl Store {
    /// Opens the store in `dir`, creating it (from `genesis`, a saved document) when the
    /// directory holds none. Returns the store and the loaded document, whose actor is
    /// this device's.
    pub fn open_or_create(
        dir: &Path,
        key: &StoreKey,
        device_name: &str,
        genesis: &[u8],
    ) -> Result<(Store, AutoCommit), StoreError> {
        files::create_private_dir(dir)?;
        let db = dir.join(DB_FILE);
        let keycheck = dir.join(KEYCHECK_FILE);
        if !files::exists(&db)? {
            files::refuse_orphaned_journal(&db)?;
            create(dir, &db, &keycheck, key, device_name, genesis)?;
        }
        files::preflight(&db, &keycheck, key)?;
        Self::open_existing(&db, key)
    }

    fn open_existing(db: &Path, key: &StoreKey) -> Result<(Store, AutoCommit), StoreError> {
        let mut conn = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| opening_error(db, e))?;
        apply_key(&conn, key)?;
        let app_id = schema::application_id(&conn).map_err(|e| opening_error(db, e))?;
        if app_id != schema::APPLICATION_ID {
            return Err(StoreError::NotAReconnectStore {
                path: db.to_path_buf(),
                reason: "it belongs to another application".into(),
            });
        }
        let version = schema::user_version(&conn).map_err(|e| opening_error(db, e))?;
        if version > schema::LATEST_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: version,
                supported: schema::LATEST_VERSION,
            });
        }
        configure(&conn)?;
        schema::migrate_to(&mut conn, schema::LATEST_VERSION)?;

        let device = read_device(&conn).map_err(|e| opening_error(db, e))?;
        let (doc, footprint) = load_document(&conn, db, &device)?;
        let mut store = Store {
            conn,
            path: db.to_path_buf(),
            device,
            footprint,
            saved_heads: Vec::new(),
        };
        let mut doc = doc;
        store.saved_heads = doc.get_heads();
        Ok((store, doc))
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

    fn write_chunk(&mut self, doc: &mut AutoCommit) -> Result<(), StoreError> {
        let bytes = doc.save_after(&self.saved_heads);
        if bytes.is_empty() {
            return Ok(());
        }
        let heads = doc.get_heads();
        let tx = self.conn.transaction()?;
        tx.execute("INSERT INTO doc_chunks (bytes) VALUES (?1)", params![bytes])?;
        tx.execute(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES ('heads', ?1)",
            params![encode_heads(&heads)],
        )?;
        tx.commit()?;
        self.saved_heads = heads;
        self.footprint.chunk_bytes += bytes.len() as u64;
        self.footprint.chunk_count += 1;
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
        let last_chunk_id: i64 =
            self.conn
                .query_row("SELECT COALESCE(MAX(id), 0) FROM doc_chunks", [], |row| {
                    row.get(0)
                })?;
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
        let (mut doc, footprint) = load_document(&self.conn, &self.path, &self.device)?;
        self.footprint = footprint;
        self.saved_heads = doc.get_heads();
        Ok(doc)
    }

    /// `PRAGMA integrity_check`, for tests and diagnostics.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?)
    }
}

fn apply_key(conn: &Connection, key: &StoreKey) -> Result<(), StoreError> {
    // A raw key must be double-quoted; pragma_update would quote it as a passphrase.
    conn.execute_batch(&format!("PRAGMA key = \"{}\";", key.sqlcipher_pragma()))?;
    // SQLCipher logs decryption failures to stderr (or the device log) by default; we
    // report them as typed errors instead. Must follow the key, which activates logging.
    let _level: String = conn.query_row("PRAGMA cipher_log_level = NONE", [], |row| row.get(0))?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Sqlite(rusqlite::Error::InvalidQuery));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Temporary tables and sort spills stay in memory, never in clear-text temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Maps an SQLite failure while opening an existing, key-checked file.
fn opening_error(db: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::corrupt(db, err.to_string())
        }
        _ => StoreError::Sqlite(err),
    }
}

fn read_device(conn: &Connection) -> rusqlite::Result<DeviceIdentity> {
    conn.query_row(
        "SELECT device_id, actor_id, name FROM device WHERE id = 1",
        [],
        |row| {
            Ok(DeviceIdentity {
                device_id: row.get(0)?,
                actor_id: row.get(1)?,
                name: row.get(2)?,
            })
        },
    )
}

fn load_document(
    conn: &Connection,
    db: &Path,
    device: &DeviceIdentity,
) -> Result<(AutoCommit, DocFootprint), StoreError> {
    let snapshot: Option<(Vec<u8>, i64)> = conn
        .query_row(
            "SELECT bytes, last_chunk_id FROM doc_snapshot WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(|e| opening_error(db, e))?;
    let Some((snapshot, last_chunk_id)) = snapshot else {
        return Err(StoreError::corrupt(db, "the document snapshot is missing"));
    };
    let mut doc = AutoCommit::load(&snapshot)
        .map_err(|e| StoreError::corrupt(db, format!("the document snapshot: {e}")))?;

    let mut footprint = DocFootprint {
        snapshot_bytes: snapshot.len() as u64,
        ..DocFootprint::default()
    };
    let mut chunks = Vec::new();
    {
        let mut stmt = conn
            .prepare("SELECT bytes FROM doc_chunks WHERE id > ?1 ORDER BY id")
            .map_err(|e| opening_error(db, e))?;
        let mut rows = stmt
            .query(params![last_chunk_id])
            .map_err(|e| opening_error(db, e))?;
        while let Some(row) = rows.next().map_err(|e| opening_error(db, e))? {
            let bytes: Vec<u8> = row.get(0).map_err(|e| opening_error(db, e))?;
            footprint.chunk_bytes += bytes.len() as u64;
            footprint.chunk_count += 1;
            chunks.extend_from_slice(&bytes);
        }
    }
    if !chunks.is_empty() {
        doc.load_incremental(&chunks)
            .map_err(|e| StoreError::corrupt(db, format!("a document chunk: {e}")))?;
    }

    let expected: Option<Vec<u8>> = conn
        .query_row(
            "SELECT value FROM local_meta WHERE key = 'heads'",
            [],
            |row| row.get(0),
        )
        .optional()
        .map_err(|e| opening_error(db, e))?;
    if let Some(expected) = expected {
        if encode_heads(&doc.get_heads()) != expected {
            return Err(StoreError::corrupt(
                db,
                "the document is missing changes that were written",
            ));
        }
    }
    doc.set_actor(ActorId::from(device.actor_id.as_slice()));
    Ok((doc, footprint))
}

/// Heads as sorted, concatenated 32-byte hashes.
fn encode_heads(heads: &[ChangeHash]) -> Vec<u8> {
    let mut sorted = heads.to_vec();
    sorted.sort();
    sorted.iter().flat_map(|h| h.0).collect()
}

fn create(
    dir: &Path,
    db: &Path,
    keycheck: &Path,
    key: &StoreKey,
    device_name: &str,
    genesis: &[u8],
) -> Result<(), StoreError> {
    let staging = dir.join(files::STAGING_FILE);
    files::remove_if_exists(&staging)?;
    {
        let mut conn = Connection::open_with_flags(
            &staging,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        apply_key(&conn, key)?;
        schema::migrate_to(&mut conn, schema::LATEST_VERSION)?;
        let device = DeviceIdentity {
            device_id: files::random_hex(16)?,
            actor_id: files::random_bytes(16)?,
            name: device_name.to_string(),
        };
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO device (id, device_id, actor_id, name) VALUES (1, ?1, ?2, ?3)",
            params![device.device_id, device.actor_id, device.name],
        )?;
        tx.execute(
            "INSERT INTO doc_snapshot (id, bytes, last_chunk_id) VALUES (1, ?1, 0)",
            params![genesis],
        )?;
        tx.commit()?;
        conn.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
    }
    files::sync_file(&staging)?;
    key::write(keycheck, key)?;
    std::fs::rename(&staging, db).map_err(|e| StoreError::io(db, e))?;
    files::sync_dir(dir)
}

#[cfg(test)]
mod tests;
