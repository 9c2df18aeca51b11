//! Exists because users update the app with old stores on their devices: a store left
//! at every earlier schema version must open with today's code, be upgraded to the
//! latest version with exactly today's schema, and keep every check-in.

use reconnect_core::store::{DB_FILE, KEYCHECK_FILE, schema};
use reconnect_core::{CheckIn, FixedClock, StoreKey};
use reconnect_tests::device::{self, input};
use rusqlite::Connection;
use std::path::Path;
use std::sync::Arc;

fn keyed(path: &Path, key: &StoreKey) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&reconnect_tests::sql::key_pragma(key.as_bytes()))
        .unwrap();
    conn
}

/// Table name → its `CREATE` statement, for every table of the schema.
fn tables(conn: &Connection, schema_name: &str) -> Vec<(String, String)> {
    let sql = format!(
        "SELECT name, sql FROM {schema_name}.sqlite_master \
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn columns(conn: &Connection, schema_name: &str, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("PRAGMA {schema_name}.table_info(\"{table}\")"))
        .unwrap();
    stmt.query_map([], |row| row.get(1))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A closed, current store with history in both its snapshot and its chunks.
fn current_store(dir: &Path, key: &StoreKey) -> Vec<CheckIn> {
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir, key, "old phone", clock.clone()).unwrap();
    let mut day = 0;
    while day < 12 || app.footprint().unwrap().chunk_count == 0 {
        assert!(
            day < 100,
            "the store never kept a chunk outside its snapshot"
        );
        clock.set(device::noon(day));
        let note = device::day_note(day);
        app.check_in(input(
            1 + (day % 5) as u8,
            (day % 11) as u8,
            None,
            Some(&note),
        ))
        .unwrap();
        day += 1;
    }
    app.history(None).unwrap()
}

/// Builds, in `dir`, the store a build at schema `version` would have left: the first
/// `version` migrations, then every row of `source` that such a store could hold.
fn store_at_version(version: usize, source: &Path, dir: &Path, key: &StoreKey) {
    std::fs::copy(source.join(KEYCHECK_FILE), dir.join(KEYCHECK_FILE)).unwrap();
    let mut conn = keyed(&dir.join(DB_FILE), key);
    let tx = conn.transaction().unwrap();
    tx.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    for step in &schema::MIGRATIONS[..version] {
        tx.execute_batch(step).unwrap();
    }
    tx.pragma_update(None, "user_version", version as i64)
        .unwrap();
    tx.commit().unwrap();
    let source_db = source.join(DB_FILE).to_string_lossy().replace('\'', "''");
    let key_hex = key.to_hex().as_str().to_owned();
    conn.execute_batch(&format!(
        "ATTACH DATABASE '{source_db}' AS src KEY \"x'{key_hex}'\";"
    ))
    .unwrap();
    for (table, _) in tables(&conn, "main") {
        let old = columns(&conn, "main", &table);
        let new = columns(&conn, "src", &table);
        let shared: Vec<String> = old.into_iter().filter(|c| new.contains(c)).collect();
        let list = shared.join(", ");
        conn.execute_batch(&format!(
            "INSERT INTO main.{table} ({list}) SELECT {list} FROM src.{table};"
        ))
        .unwrap();
    }
    conn.execute_batch("DETACH DATABASE src;").unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn every_earlier_schema_version_upgrades_with_its_data() {
    let key = device::random_key();
    let source = tempfile::tempdir().unwrap();
    let history = current_store(source.path(), &key);
    let latest_tables = tables(&keyed(&source.path().join(DB_FILE), &key), "main");

    for version in 1..schema::LATEST_VERSION as usize {
        let dir = tempfile::tempdir().unwrap();
        store_at_version(version, source.path(), dir.path(), &key);
        {
            let conn = keyed(&dir.path().join(DB_FILE), &key);
            assert_eq!(schema::user_version(&conn).unwrap(), version as i64);
            let old_tables = tables(&conn, "main");
            assert!(
                old_tables.len() < latest_tables.len(),
                "version {version} should lack a table of the latest schema"
            );
        }

        let clock = Arc::new(FixedClock::new(device::noon(200)));
        let app = device::open(dir.path(), &key, "new build", clock.clone()).unwrap();
        assert_eq!(
            app.history(None).unwrap(),
            history,
            "from version {version}"
        );
        assert_eq!(app.device().name, "old phone", "the identity is kept");
        app.check_in(input(5, 0, None, Some("after the update")))
            .unwrap();
        assert_eq!(app.integrity_check().unwrap(), "ok");
        drop(app);

        let conn = keyed(&dir.path().join(DB_FILE), &key);
        assert_eq!(
            schema::user_version(&conn).unwrap(),
            schema::LATEST_VERSION,
            "from version {version}"
        );
        assert_eq!(
            schema::application_id(&conn).unwrap(),
            schema::APPLICATION_ID
        );
        assert_eq!(
            tables(&conn, "main"),
            latest_tables,
            "from version {version}"
        );
        drop(conn);

        let app = device::open(dir.path(), &key, "new build", clock).unwrap();
        let after = app.history(None).unwrap();
        assert_eq!(after.len(), history.len() + 1);
        assert_eq!(after[0].note.as_deref(), Some("after the update"));
        assert_eq!(&after[1..], &history[..]);
    }
}

#[test]
fn the_latest_version_opens_unchanged() {
    let key = device::random_key();
    let dir = tempfile::tempdir().unwrap();
    let history = current_store(dir.path(), &key);
    let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir.path(), &key, "phone", clock).unwrap();
    assert_eq!(app.history(None).unwrap(), history);
    drop(app);
    let conn = keyed(&dir.path().join(DB_FILE), &key);
    assert_eq!(schema::user_version(&conn).unwrap(), schema::LATEST_VERSION);
    drop(conn);
    assert!(
        std::fs::read(dir.path().join(DB_FILE)).unwrap() == before,
        "opening and closing an up-to-date store rewrote it"
    );
}
