//! Store behaviour at the unit level: compaction bookkeeping and load verification.

use super::*;
use automerge::transaction::Transactable;
use automerge::{ROOT, ReadDoc};

fn key() -> StoreKey {
    StoreKey::from_bytes(&[42; 32]).unwrap()
}

fn open(dir: &Path) -> (Store, AutoCommit) {
    try_open(dir, &key(), &|_| Ok(())).unwrap()
}

/// Opens `dir` with `key`, checking the document with `verify`.
fn try_open(
    dir: &Path,
    key: &StoreKey,
    verify: &dyn Fn(&AutoCommit) -> Result<(), String>,
) -> Result<(Store, AutoCommit), StoreError> {
    Store::open_or_create(dir, key, "unit", crate::doc::genesis::GENESIS, verify)
}

fn write(store: &mut Store, doc: &mut AutoCommit, i: i64) {
    doc.put(ROOT, format!("k{i}"), i).unwrap();
    doc.commit();
    store.persist(doc).unwrap();
}

/// Incompressible filler, so the snapshot is larger than a run of small chunks.
fn seed(doc: &mut AutoCommit, n: u32) {
    for i in 0..n {
        let filler = blake3::hash(&i.to_le_bytes()).to_hex().to_string();
        doc.put(ROOT, format!("seed{i}"), filler).unwrap();
    }
    doc.commit();
}

fn chunk_ids(store: &Store) -> Vec<i64> {
    let mut stmt = store
        .conn
        .prepare("SELECT id FROM doc_chunks ORDER BY id")
        .unwrap();
    stmt.query_map([], |row| row.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn compaction_absorbs_exactly_the_written_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut doc) = open(dir.path());
    // Grow the snapshot so the byte rule does not fire on every write.
    seed(&mut doc, 300);
    store.compact(&mut doc).unwrap();
    assert_eq!(store.footprint().chunk_count, 0);

    for i in 0..10 {
        write(&mut store, &mut doc, i);
    }
    assert_eq!(chunk_ids(&store).len(), 10);
    assert_eq!(store.footprint().chunk_count, 10);
    store.compact(&mut doc).unwrap();
    assert!(chunk_ids(&store).is_empty());

    write(&mut store, &mut doc, 99);
    let heads = doc.get_heads();
    drop(store);
    let (_, mut reloaded) = open(dir.path());
    assert_eq!(reloaded.get_heads(), heads);
    assert_eq!(
        reloaded.get(ROOT, "k99").unwrap().unwrap().0.as_i64(),
        Some(99)
    );
}

#[test]
fn too_many_chunks_trigger_compaction() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut doc) = open(dir.path());
    seed(&mut doc, 600);
    store.compact(&mut doc).unwrap();
    for i in 0..=(MAX_CHUNKS as i64) {
        write(&mut store, &mut doc, i);
    }
    assert_eq!(store.footprint().chunk_count, 0, "{:?}", store.footprint());
    assert!(chunk_ids(&store).is_empty());
}

#[test]
fn a_lost_chunk_is_reported_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, mut doc) = open(dir.path());
    seed(&mut doc, 300);
    store.compact(&mut doc).unwrap();
    write(&mut store, &mut doc, 1);
    write(&mut store, &mut doc, 2);
    let last = *chunk_ids(&store).last().unwrap();
    store
        .conn
        .execute("DELETE FROM doc_chunks WHERE id = ?1", params![last])
        .unwrap();
    drop(store);
    let err = try_open(dir.path(), &key(), &|_| Ok(())).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
}

#[test]
fn a_new_store_keeps_its_device_identity() {
    let dir = tempfile::tempdir().unwrap();
    let (store, doc) = open(dir.path());
    let device = store.device().clone();
    assert_eq!(device.name, "unit");
    assert_eq!(device.device_id.len(), 32);
    assert_eq!(doc.get_actor().to_bytes(), device.actor_id.as_slice());
    drop(store);
    let (again, _) = open(dir.path());
    assert_eq!(again.device(), &device);
    assert!(!dir.path().join(files::STAGING_FILE).exists());
}

#[test]
fn a_second_handle_on_the_same_store_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().unwrap();
    let (first, _doc) = open(dir.path());
    let err = try_open(dir.path(), &key(), &|_| Ok(())).unwrap_err();
    assert!(matches!(err, StoreError::InUse(_)), "{err}");
    drop(first);
    let (second, _) = open(dir.path());
    assert_eq!(second.device().name, "unit");
}

#[test]
fn a_missing_database_beside_its_key_check_is_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    std::fs::remove_file(dir.path().join(DB_FILE)).unwrap();
    let err = try_open(dir.path(), &key(), &|_| Ok(())).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(!dir.path().join(DB_FILE).exists());
}

#[test]
fn an_interrupted_creation_starts_over() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    // As if the process died after writing the key check but before linking the db.
    std::fs::rename(
        dir.path().join(DB_FILE),
        dir.path().join(files::STAGING_FILE),
    )
    .unwrap();
    let (store, _) = open(dir.path());
    assert_eq!(store.device().name, "unit");
    assert!(!dir.path().join(files::STAGING_FILE).exists());
}

#[test]
fn a_document_that_fails_verification_is_refused_before_any_migration() {
    use automerge::ObjType;
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, mut doc) = open(dir.path());
        doc.put_object(ROOT, "checkins", ObjType::Map).unwrap();
        doc.commit();
        store.persist(&mut doc).unwrap();
    }
    // Make it an older schema, so an open that went on would migrate it.
    {
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let pragma = key().sqlcipher_pragma();
        conn.execute_batch(&format!("PRAGMA key = \"{}\";", pragma.as_str()))
            .unwrap();
        conn.execute_batch("DROP TABLE local_meta; PRAGMA user_version = 1;")
            .unwrap();
    }
    let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
    let verify = |doc: &AutoCommit| crate::doc::check_roots(doc).map_err(|e| e.to_string());
    let err = try_open(dir.path(), &key(), &verify).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), before);
}

#[test]
fn a_database_restored_without_its_key_check_opens_with_the_right_key() {
    let dir = tempfile::tempdir().unwrap();
    let device = open(dir.path()).0.device().clone();
    let keycheck = dir.path().join(KEYCHECK_FILE);
    std::fs::remove_file(&keycheck).unwrap();
    let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();

    let wrong = StoreKey::from_bytes(&[7; 32]).unwrap();
    let err = try_open(dir.path(), &wrong, &|_| Ok(())).unwrap_err();
    assert!(
        matches!(err, StoreError::NotAReconnectStore { .. }),
        "{err}"
    );
    assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), before);
    assert!(!keycheck.exists());

    let (store, _) = open(dir.path());
    assert_eq!(store.device(), &device);
    assert!(keycheck.exists());
}
