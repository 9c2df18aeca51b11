//! Exists because a damaged, foreign or newer file must never be opened as if it were
//! fine, nor "repaired": each case gets its own typed error, and the files on disk stay
//! exactly as they were.
//!
//! "Exactly as they were": after a failed open the data directory holds the same set of
//! files as before, each byte-identical. An open attempt may let SQLite create a
//! `-wal`/`-shm` beside the database, but it must be gone again once the attempt has
//! failed, so nothing new is left behind either.

use reconnect_core::store::{DB_FILE, KEYCHECK_FILE, schema};
use reconnect_core::{Error, FixedClock, StoreError, StoreKey};
use reconnect_tests::device::{self, input};
use reconnect_tests::files;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const PAGE: u64 = 4096;

/// A closed store with a few weeks of check-ins, compacted at least once.
fn make_store(dir: &Path, key: &StoreKey) {
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir, key, "phone", clock.clone()).unwrap();
    for day in 0..40 {
        clock.set(device::noon(day));
        let note = format!("{} {}", device::day_note(day), "x".repeat(300));
        app.check_in(input(3, 3, None, Some(&note))).unwrap();
    }
}

/// Opens `dir` expecting a store error; checks that no file changed and returns it.
fn failed_open(dir: &Path, key: &StoreKey) -> StoreError {
    let before = files::contents(dir).unwrap();
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let err = match device::open(dir, key, "phone", clock) {
        Ok(_) => panic!("the open should have failed"),
        Err(Error::Store(err)) => err,
        Err(other) => panic!("expected a store error, got {other:?}"),
    };
    println!("refused: {err}");
    let after = files::contents(dir).unwrap();
    assert_same_files(&before, &after, &err);
    err
}

fn assert_same_files(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    err: &StoreError,
) {
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(before), names(after), "files changed after: {err}");
    for (path, bytes) in before {
        assert!(
            after[path] == *bytes,
            "{} changed after: {err}",
            path.display()
        );
    }
}

fn cut(path: &Path, len: u64) {
    let file = fs::OpenOptions::new().write(true).open(path).unwrap();
    file.set_len(len).unwrap();
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    rand::fill(&mut bytes[..]);
    bytes
}

#[test]
fn a_wrong_key_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    make_store(dir.path(), &device::random_key());
    let err = failed_open(dir.path(), &device::random_key());
    assert!(matches!(err, StoreError::WrongKey), "{err:?}");
}

#[test]
fn a_database_cut_mid_page_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    let db = dir.path().join(DB_FILE);
    let len = fs::metadata(&db).unwrap().len();
    assert!(len >= 4 * PAGE, "the store is too small to cut: {len}");
    cut(&db, len - PAGE / 2);
    let err = failed_open(dir.path(), &key);
    assert!(matches!(err, StoreError::Truncated { .. }), "{err:?}");
}

#[test]
fn a_database_cut_to_half_its_pages_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    let db = dir.path().join(DB_FILE);
    let pages = fs::metadata(&db).unwrap().len() / PAGE;
    assert!(pages >= 4, "the store is too small to cut: {pages} pages");
    cut(&db, pages / 2 * PAGE);
    let err = failed_open(dir.path(), &key);
    assert!(
        matches!(
            err,
            StoreError::Truncated { .. } | StoreError::Corrupt { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn a_database_cut_to_its_first_page_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    cut(&dir.path().join(DB_FILE), PAGE);
    let err = failed_open(dir.path(), &key);
    assert!(
        matches!(
            err,
            StoreError::Truncated { .. } | StoreError::Corrupt { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn random_bytes_beside_a_valid_key_check_are_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    fs::write(dir.path().join(DB_FILE), random_bytes(8 * PAGE as usize)).unwrap();
    let err = failed_open(dir.path(), &key);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
}

#[test]
fn random_bytes_alone_are_not_a_reconnect_store() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(DB_FILE), random_bytes(8 * PAGE as usize)).unwrap();
    let err = failed_open(dir.path(), &device::random_key());
    assert!(
        matches!(err, StoreError::NotAReconnectStore { .. }),
        "{err:?}"
    );
    assert!(!dir.path().join(KEYCHECK_FILE).exists());
}

#[test]
fn a_damaged_key_check_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    fs::write(dir.path().join(KEYCHECK_FILE), b"not a key check").unwrap();
    let err = failed_open(dir.path(), &key);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
}

fn plain_sqlite(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('someone else''s data');",
    )
    .unwrap();
}

#[test]
fn a_plain_sqlite_file_is_not_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    plain_sqlite(&dir.path().join(DB_FILE));
    let err = failed_open(dir.path(), &device::random_key());
    assert!(matches!(err, StoreError::NotEncrypted(_)), "{err:?}");
}

#[test]
fn a_plain_sqlite_file_beside_a_key_check_is_not_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    fs::remove_file(dir.path().join(DB_FILE)).unwrap();
    plain_sqlite(&dir.path().join(DB_FILE));
    let err = failed_open(dir.path(), &key);
    assert!(matches!(err, StoreError::NotEncrypted(_)), "{err:?}");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    let newer = schema::LATEST_VERSION + 1;
    {
        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.execute_batch(&reconnect_tests::sql::key_pragma(key.as_bytes()))
            .unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    let err = failed_open(dir.path(), &key);
    match err {
        StoreError::SchemaTooNew { found, supported } => {
            assert_eq!((found, supported), (newer, schema::LATEST_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn a_database_of_another_application_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    {
        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.execute_batch(&reconnect_tests::sql::key_pragma(key.as_bytes()))
            .unwrap();
        conn.pragma_update(None, "application_id", 0x1234_5678)
            .unwrap();
    }
    let err = failed_open(dir.path(), &key);
    assert!(
        matches!(err, StoreError::NotAReconnectStore { .. }),
        "{err:?}"
    );
}

/// After all that refusing, the untouched original still opens.
#[test]
fn a_refused_open_leaves_a_good_store_usable() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    make_store(dir.path(), &key);
    failed_open(dir.path(), &device::random_key());
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(dir.path(), &key, "phone", clock).unwrap();
    assert_eq!(app.history(None).unwrap().len(), 40);
    assert_eq!(app.integrity_check().unwrap(), "ok");
}

/// A store copied while open (as after a crash) still has changes in its WAL. Refusing
/// it must not checkpoint them into the database on the way out.
#[test]
fn a_refused_open_leaves_a_pending_wal_unapplied() {
    let live = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let app = device::open(live.path(), &key, "phone", clock).unwrap();
    app.check_in(input(3, 3, None, Some("still in the log")))
        .unwrap();
    // A newer app version bumps the schema; the change sits in the WAL.
    let raw = rusqlite::Connection::open(live.path().join(DB_FILE)).unwrap();
    raw.execute_batch(&reconnect_tests::sql::key_pragma(key.as_bytes()))
        .unwrap();
    raw.pragma_update(None, "user_version", schema::LATEST_VERSION + 1)
        .unwrap();

    let copy = tempfile::tempdir().unwrap();
    for name in [
        DB_FILE,
        "reconnect.db-wal",
        "reconnect.db-shm",
        KEYCHECK_FILE,
    ] {
        fs::copy(live.path().join(name), copy.path().join(name)).unwrap();
    }
    assert!(
        fs::metadata(copy.path().join("reconnect.db-wal"))
            .unwrap()
            .len()
            > 0
    );
    drop(raw);
    drop(app);

    // The -shm is SQLite's volatile index of the WAL, rebuilt by any reader; the data
    // is in the database and the WAL, and those must not change.
    let kept = [DB_FILE, "reconnect.db-wal", KEYCHECK_FILE];
    let before: Vec<Vec<u8>> = kept
        .iter()
        .map(|n| fs::read(copy.path().join(n)).unwrap())
        .collect();
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let err = device::open(copy.path(), &key, "phone", clock).unwrap_err();
    assert!(
        matches!(err, Error::Store(StoreError::SchemaTooNew { .. })),
        "{err:?}"
    );
    for (name, bytes) in kept.iter().zip(before) {
        assert!(
            fs::read(copy.path().join(name)).unwrap() == bytes,
            "{name} changed"
        );
    }
}
