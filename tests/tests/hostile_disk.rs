//! Exists because nothing read from disk may crash the app: a store whose rows were
//! damaged behind its back (random or bit-flipped document bytes, odd device rows, bad
//! heads) must open with an error or open fine — never panic — and a refused open must
//! leave the database as it was.

use proptest::prelude::*;
use reconnect_core::store::DB_FILE;
use reconnect_core::{FixedClock, StoreKey};
use reconnect_tests::device::{self, input};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// One damage done to a closed store, through a raw keyed connection.
#[derive(Debug, Clone)]
enum Damage {
    SnapshotBytes(Vec<u8>),
    SnapshotFlips(Vec<(usize, u8)>),
    ChunkBytes(Vec<u8>),
    ChunkFlips(Vec<(usize, u8)>),
    ActorId(Vec<u8>),
    Heads(Vec<u8>),
    LastChunkId(i64),
    DeviceIdNull,
}

fn damage() -> impl Strategy<Value = Damage> {
    let bytes = proptest::collection::vec(any::<u8>(), 0..600);
    let flips = proptest::collection::vec((any::<usize>(), 1..=255u8), 1..6);
    prop_oneof![
        bytes.clone().prop_map(Damage::SnapshotBytes),
        flips.clone().prop_map(Damage::SnapshotFlips),
        bytes.clone().prop_map(Damage::ChunkBytes),
        flips.prop_map(Damage::ChunkFlips),
        proptest::collection::vec(any::<u8>(), 0..70).prop_map(Damage::ActorId),
        bytes.prop_map(Damage::Heads),
        any::<i64>().prop_map(Damage::LastChunkId),
        Just(Damage::DeviceIdNull),
    ]
}

/// A closed store with a snapshot and a few chunks, built once and copied per case.
fn template() -> &'static (tempfile::TempDir, StoreKey) {
    static TEMPLATE: OnceLock<(tempfile::TempDir, StoreKey)> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let key = device::random_key();
        let clock = Arc::new(FixedClock::new(device::noon(0)));
        let app = device::open(dir.path(), &key, "phone", clock.clone()).unwrap();
        for day in 0..30 {
            clock.set(device::noon(day));
            app.check_in(input(3, 4, None, Some(&device::day_note(day))))
                .unwrap();
        }
        drop(app);
        (dir, key)
    })
}

fn flip(mut bytes: Vec<u8>, flips: &[(usize, u8)]) -> Vec<u8> {
    if !bytes.is_empty() {
        for (at, mask) in flips {
            let len = bytes.len();
            bytes[at % len] ^= mask;
        }
    }
    bytes
}

fn apply(dir: &Path, key: &StoreKey, damage: &Damage) {
    let conn = rusqlite::Connection::open(dir.join(DB_FILE)).unwrap();
    conn.execute_batch(&reconnect_tests::sql::key_pragma(key.as_bytes()))
        .unwrap();
    let snapshot: Vec<u8> = conn
        .query_row("SELECT bytes FROM doc_snapshot", [], |r| r.get(0))
        .unwrap();
    let newest_chunk: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT id, bytes FROM doc_chunks ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok();
    let set_chunk = |bytes: Vec<u8>| match &newest_chunk {
        Some((id, _)) => conn
            .execute(
                "UPDATE doc_chunks SET bytes = ?1 WHERE id = ?2",
                rusqlite::params![bytes, id],
            )
            .map(|_| ()),
        None => conn
            .execute(
                "INSERT INTO doc_chunks (bytes) VALUES (?1)",
                rusqlite::params![bytes],
            )
            .map(|_| ()),
    };
    match damage {
        Damage::SnapshotBytes(bytes) => conn
            .execute("UPDATE doc_snapshot SET bytes = ?1", [bytes])
            .map(|_| ()),
        Damage::SnapshotFlips(flips) => conn
            .execute(
                "UPDATE doc_snapshot SET bytes = ?1",
                [flip(snapshot, flips)],
            )
            .map(|_| ()),
        Damage::ChunkBytes(bytes) => set_chunk(bytes.clone()),
        Damage::ChunkFlips(flips) => {
            let chunk = newest_chunk.clone().map(|(_, b)| b).unwrap_or_default();
            set_chunk(flip(chunk, flips))
        }
        Damage::ActorId(bytes) => conn
            .execute("UPDATE device SET actor_id = ?1", [bytes])
            .map(|_| ()),
        Damage::Heads(bytes) => conn
            .execute(
                "INSERT OR REPLACE INTO local_meta (key, value) VALUES ('heads', ?1)",
                [bytes],
            )
            .map(|_| ()),
        Damage::LastChunkId(id) => conn
            .execute("UPDATE doc_snapshot SET last_chunk_id = ?1", [id])
            .map(|_| ()),
        // The column is NOT NULL; rebuild the row with a value of the wrong type.
        Damage::DeviceIdNull => conn
            .execute("UPDATE device SET device_id = x'00ff'", [])
            .map(|_| ()),
    }
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn damaged_rows_give_errors_not_panics(damage in damage()) {
        let (template_dir, key) = template();
        let dir = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(template_dir.path()).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
        apply(dir.path(), key, &damage);
        let before = std::fs::read(dir.path().join(DB_FILE)).unwrap();

        let clock = Arc::new(FixedClock::new(device::noon(40)));
        match device::open(dir.path(), key, "phone", clock) {
            Ok(app) => {
                // Opened: every view must still work or fail cleanly.
                let _ = app.today();
                let _ = app.history(None);
                let _ = app.check_in(input(2, 2, None, Some("after damage")));
            }
            Err(_) => {
                let after = std::fs::read(dir.path().join(DB_FILE)).unwrap();
                prop_assert!(after == before, "a refused open changed the database");
            }
        }
    }
}
