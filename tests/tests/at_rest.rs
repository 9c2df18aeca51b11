//! Exists because the notes are intimate: nothing the user wrote, nor the device name,
//! nor the key, may appear in any file of the data directory, open or closed.

use rand::Rng;
use reconnect_core::{FixedClock, StoreKey};
use reconnect_tests::device::{self, input};
use reconnect_tests::files;
use std::path::Path;
use std::sync::Arc;

fn canary(rng: &mut impl Rng) -> String {
    let bytes: [u8; 12] = rng.random();
    format!("CANARY-{}", hex::encode(bytes))
}

/// Every form the secrets could take on disk.
fn needles(texts: &[&str], key: &StoreKey) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for text in texts {
        for (form, bytes) in files::encodings(text) {
            out.push((format!("{text} as {form}"), bytes));
        }
    }
    out.push(("the raw key".into(), key.as_bytes().to_vec()));
    let hex = key.to_hex();
    out.push(("the key as hex".into(), hex.as_bytes().to_vec()));
    out.push(("the key as HEX".into(), hex.to_uppercase().into_bytes()));
    out
}

fn assert_clean(dir: &Path, needles: &[(String, Vec<u8>)], when: &str) {
    let hits = files::occurrences(dir, needles).unwrap();
    assert!(hits.is_empty(), "{when}: found in the clear: {hits:?}");
}

#[test]
fn no_secret_reaches_the_disk_in_the_clear() {
    let mut rng = rand::rng();
    let (note_canary, name_canary) = (canary(&mut rng), canary(&mut rng));
    let root = tempfile::tempdir().unwrap();
    // A nested data directory, so the scan has something to recurse into.
    let dir = root.path().join("profile").join("data");
    let key = device::random_key();
    let needles = needles(&[&note_canary, &name_canary], &key);
    let clock = Arc::new(FixedClock::new(device::noon(0)));
    let device_name = format!("phone of {name_canary}");

    let app = device::open(&dir, &key, &device_name, clock.clone()).unwrap();
    assert_eq!(app.device().name, device_name);
    for day in 0..20 {
        clock.set(device::noon(day));
        let note = format!("day {day}: {note_canary}, still thinking about it");
        app.check_in(input(3, 4, None, Some(&note))).unwrap();
    }
    let open_files = files::contents(root.path()).unwrap();
    let wal = open_files
        .iter()
        .find(|(path, _)| path.to_string_lossy().ends_with("-wal"));
    assert!(
        wal.is_some_and(|(_, bytes)| !bytes.is_empty()),
        "the write-ahead log should be in use while the store is open: {:?}",
        open_files.keys().collect::<Vec<_>>()
    );
    assert_clean(root.path(), &needles, "while open");
    drop(app);
    assert_clean(root.path(), &needles, "after closing");

    // The notes really are in there, behind the key.
    let app = device::open(&dir, &key, "ignored", clock).unwrap();
    let history = app.history(None).unwrap();
    assert_eq!(history.len(), 20);
    assert!(
        history
            .iter()
            .all(|c| c.note.as_ref().unwrap().contains(&note_canary))
    );
    assert_eq!(app.device().name, device_name);
    drop(app);
    assert_clean(root.path(), &needles, "after reopening");
}

/// The scan itself must be able to fail: a plain SQLite file holding the canary is found.
#[test]
fn the_scan_finds_a_canary_in_a_plain_database() {
    let dir = tempfile::tempdir().unwrap();
    let secret = canary(&mut rand::rng());
    let conn = rusqlite::Connection::open(dir.path().join("plain.db")).unwrap();
    conn.execute_batch("CREATE TABLE t (a TEXT, b TEXT)")
        .unwrap();
    let utf16: Vec<u8> = files::encodings(&secret)[1].1.clone();
    conn.execute(
        "INSERT INTO t VALUES (?1, CAST(?2 AS BLOB))",
        rusqlite::params![secret, utf16],
    )
    .unwrap();
    let key = StoreKey::from_bytes(&[0x5a; 32]).unwrap();
    let hits = files::occurrences(dir.path(), &needles(&[&secret], &key)).unwrap();
    let labels: Vec<&str> = hits.iter().map(|(_, label, _)| label.as_str()).collect();
    assert!(labels.iter().any(|l| l.ends_with("utf-8")), "{hits:?}");
    assert!(labels.iter().any(|l| l.ends_with("utf-16le")), "{hits:?}");
}
