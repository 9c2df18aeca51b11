//! Opening an existing store without changing it unless it is fine, and creating a new
//! one so that a crash never leaves a half-made database in place.

use automerge::AutoCommit;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, params};
use std::path::Path;

use super::load::{Loaded, encode_heads, load_document};
use super::{DeviceIdentity, StoreError, StoreKey, files, identity, key, schema};

pub(crate) struct Opened {
    pub conn: Connection,
    pub device: DeviceIdentity,
    pub doc: AutoCommit,
    pub loaded: Loaded,
}

/// Opens a file that passed the preflight checks. If a WAL is present, closing the
/// connection must not checkpoint it into the file until everything checks out, so a
/// refused open leaves the database byte for byte as it was. (Without a WAL, a refused
/// open's close removes the empty WAL it made and writes nothing.)
pub(crate) fn open_existing(
    db: &Path,
    key: &StoreKey,
    verify: &dyn Fn(&AutoCommit) -> Result<(), String>,
) -> Result<Opened, StoreError> {
    let wal_present = files::exists(&files::wal_path(db))?;
    let mut conn = keyed(key, || {
        let conn = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| opening_error(db, e))?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, wal_present)?;
        Ok(conn)
    })?;
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
    let mut device = read_device(&conn).map_err(|e| opening_error(db, e))?;
    // Version 2 added the recorded heads.
    let (doc, loaded) = load_document(&conn, db, &device, version >= 2)?;
    verify(&doc).map_err(|reason| StoreError::corrupt(db, reason))?;

    configure(&conn).map_err(|e| classify(db, e))?;
    schema::migrate_to(&mut conn, schema::LATEST_VERSION).map_err(|e| classify(db, e))?;
    if version < 3 {
        // Version 3 gave the device a key pair and the device id derived from it.
        device = read_device(&conn).map_err(|e| opening_error(db, e))?;
    }
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    Ok(Opened {
        conn,
        device,
        doc,
        loaded,
    })
}

/// SQLCipher sets up its crypto provider's shared state while a connection is keyed and
/// tears it down as the last keyed connection closes; keying while that happens on another
/// thread was seen to fail now and then ("An error occurred with PRAGMA key"). Connections
/// are keyed one at a time in this process, and such a failure, which leaves nothing on
/// disk, is tried again on a fresh connection.
static KEYING: std::sync::Mutex<()> = std::sync::Mutex::new(());
const KEY_ATTEMPTS: u32 = 5;

/// A connection from `open`, keyed with `key`.
fn keyed(
    key: &StoreKey,
    open: impl Fn() -> Result<Connection, StoreError>,
) -> Result<Connection, StoreError> {
    let mut attempt = 1;
    loop {
        let conn = open()?;
        match apply_key(&conn, key) {
            Ok(()) => return Ok(conn),
            Err(err) if attempt < KEY_ATTEMPTS && is_keying_hiccup(&err) => {
                drop(conn);
                std::thread::sleep(std::time::Duration::from_millis(u64::from(attempt) * 5));
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

fn is_keying_hiccup(err: &StoreError) -> bool {
    matches!(err, StoreError::Sqlite(e) if e.to_string().contains("An error occurred with PRAGMA key"))
}

fn apply_key(conn: &Connection, key: &StoreKey) -> Result<(), StoreError> {
    let _one_at_a_time = KEYING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // A raw key must be double-quoted; pragma_update would quote it as a passphrase.
    let pragma = key.sqlcipher_pragma();
    let mut statement = zeroize::Zeroizing::new(String::with_capacity(pragma.len() + 16));
    statement.push_str("PRAGMA key = \"");
    statement.push_str(&pragma);
    statement.push_str("\";");
    conn.execute_batch(&statement)?;
    // SQLCipher logs decryption failures to stderr (or the device log) by default; we
    // report them as typed errors instead. Must follow the key, which activates logging.
    let _level: String = conn.query_row("PRAGMA cipher_log_level = NONE", [], |row| row.get(0))?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::io(
            "journal mode",
            std::io::Error::other(format!("write-ahead logging is unavailable ({mode})")),
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // On Apple platforms a plain fsync does not reach the disk; elsewhere a no-op.
    conn.pragma_update(None, "fullfsync", "ON")?;
    conn.pragma_update(None, "checkpoint_fullfsync", "ON")?;
    // Temporary tables and sort spills stay in memory, never in clear-text temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Maps an SQLite failure while opening an existing, key-checked file.
pub(crate) fn opening_error(db: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::corrupt(db, err.to_string())
        }
        _ => StoreError::Sqlite(err),
    }
}

fn classify(db: &Path, err: StoreError) -> StoreError {
    match err {
        StoreError::Sqlite(err) => opening_error(db, err),
        other => other,
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

/// Builds a new store under a staging name and links it into place only when complete.
/// Order: database (fsynced) → key check (fsynced, directory synced) → link → unlink
/// staging. A crash at any point leaves either no `reconnect.db`, with the staging file
/// telling the next open to start over, or a complete one.
pub(crate) fn create(
    dir: &Path,
    db: &Path,
    keycheck: &Path,
    key: &StoreKey,
    device_name: &str,
    genesis: &[u8],
) -> Result<(), StoreError> {
    let staging = dir.join(files::STAGING_FILE);
    files::remove_if_exists(&staging)?;
    let genesis_heads = AutoCommit::load(genesis)
        .map_err(|e| StoreError::corrupt(db, format!("the genesis document: {e}")))?
        .get_heads();
    {
        let mut conn = keyed(key, || {
            Ok(Connection::open_with_flags(
                &staging,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?)
        })?;
        schema::migrate_to(&mut conn, schema::LATEST_VERSION)?;
        let keys = identity::StaticKeys::generate()?;
        let device = DeviceIdentity {
            device_id: keys.device_id(),
            actor_id: files::random_bytes(16)?,
            name: device_name.to_string(),
        };
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO device (id, device_id, actor_id, name) VALUES (1, ?1, ?2, ?3)",
            params![device.device_id, device.actor_id, device.name],
        )?;
        identity::insert(&tx, &keys)?;
        tx.execute(
            "INSERT INTO doc_snapshot (id, bytes, last_chunk_id) VALUES (1, ?1, 0)",
            params![genesis],
        )?;
        tx.execute(
            "INSERT INTO local_meta (key, value) VALUES ('heads', ?1)",
            params![encode_heads(&genesis_heads)],
        )?;
        tx.commit()?;
        conn.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
    }
    files::sync_file(&staging)?;
    key::write(keycheck, key)?;
    files::sync_dir(dir)?;
    // A hard link, unlike a rename, never replaces a database that appeared meanwhile.
    // Where links are unsupported, a rename is still safe: we hold the store's lock.
    match std::fs::hard_link(&staging, db) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(StoreError::io(db, err));
        }
        Err(_) => std::fs::rename(&staging, db).map_err(|e| StoreError::io(db, e))?,
    }
    files::sync_dir(dir)?;
    files::remove_if_exists(&staging)?;
    files::sync_dir(dir)
}
