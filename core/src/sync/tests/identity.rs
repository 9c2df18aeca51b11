//! The device's static key and its derived id, for new and for upgraded stores.

use rusqlite::Connection;

use super::harness::Device;
use crate::store::{DB_FILE, device_id_for};

/// A second connection to a device's store (its own stays open), for tests that set
/// what only an older build or a restored copy would leave.
pub(super) fn keyed(device: &Device) -> Connection {
    let conn = Connection::open(device.path().join(DB_FILE)).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA key = \"x'{}'\";",
        device.key().to_hex().as_str()
    ))
    .unwrap();
    conn
}

#[test]
fn a_new_store_derives_its_device_id_from_its_public_key() {
    let phone = Device::new("phone");
    let public = phone.app.device_public_key().unwrap();
    assert_eq!(public.len(), 32);
    assert_eq!(phone.id(), device_id_for(&public));
    let phone = phone.restart();
    assert_eq!(phone.app.device_public_key().unwrap(), public);
}

#[test]
fn an_upgraded_store_gets_a_key_pair_and_the_derived_id_once() {
    let phone = Device::new("old phone");
    phone.check_in(1, "before the update");
    let history = phone.app.history(None).unwrap();
    let old_id = "0123456789abcdef0123456789abcdef";
    let phone = {
        // Put the store back to schema 2, as an older build left it.
        let conn = keyed(&phone);
        conn.execute_batch(&format!(
            "DROP TABLE device_key; DROP TABLE peers; DROP TABLE peer_sync_state;
             DROP TABLE pairing_offers; DROP TABLE peer_openings;
             UPDATE device SET device_id = '{old_id}';
             PRAGMA user_version = 2;"
        ))
        .unwrap();
        drop(conn);
        phone.restart()
    };
    let public = phone.app.device_public_key().unwrap();
    assert_ne!(phone.id(), old_id);
    assert_eq!(phone.id(), device_id_for(&public));
    assert_eq!(phone.app.device().name, "old phone");
    assert_eq!(phone.app.history(None).unwrap(), history);
    // Later opens keep the same key and id.
    let id = phone.id();
    let phone = phone.restart();
    assert_eq!(phone.id(), id);
    assert_eq!(phone.app.device_public_key().unwrap(), public);
}

#[test]
fn a_store_from_before_opening_counters_gains_them_and_syncs_by_name() {
    let phone = Device::new("phone");
    let laptop = Device::new("laptop");
    super::harness::pair(&phone, &laptop);
    assert!(super::harness::sync_to(&laptop, &phone).ok());
    laptop.check_in(1, "written before the update");
    let laptop = {
        // Back to schema 3, as the previous build left it.
        let conn = keyed(&laptop);
        conn.execute_batch("DROP TABLE peer_openings; PRAGMA user_version = 3;")
            .unwrap();
        drop(conn);
        laptop.restart()
    };
    let outcome = super::harness::sync_to(&laptop, &phone);
    assert!(outcome.ok(), "{outcome:?}");
    assert_eq!(outcome.flights(), 3);
    assert_eq!(phone.heads(), laptop.heads());
    let version: i64 = keyed(&laptop)
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, 4);
}
