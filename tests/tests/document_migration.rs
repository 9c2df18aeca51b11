//! Exists because devices updated at different times meet: a store whose document
//! predates the program (schema 1) must gain the fixed schema-2 change on open, keep its
//! check-ins, and still merge with a device that was never on schema 1.

use automerge::{ActorId, AutoCommit, ROOT, ReadDoc};
use reconnect_core::FixedClock;
use reconnect_core::doc::{PROGRAM, check_roots, genesis};
use reconnect_core::store::Store;
use reconnect_tests::device::{self, input};
use reconnect_tests::fleet::{TestDevice, sync};
use reconnect_tests::journey::favourable_pre_check;
use std::sync::Arc;

#[test]
fn a_schema_1_store_gains_the_program_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let key = device::random_key();
    let clock = Arc::new(FixedClock::new(device::noon(3)));
    {
        // A store as schema-1 code left it: the genesis and one check-in.
        let (mut store, mut doc) =
            Store::open_or_create(dir.path(), &key, "old phone", genesis::GENESIS, &|_| Ok(()))
                .unwrap();
        assert!(doc.get(ROOT, PROGRAM).unwrap().is_none());
        let checkins = match doc.get(ROOT, "checkins").unwrap() {
            Some((_, id)) => id,
            None => panic!("the genesis has check-ins"),
        };
        use automerge::transaction::Transactable;
        let day = doc
            .put_object(&checkins, "2025-01-02", automerge::ObjType::Map)
            .unwrap();
        doc.put(&day, "mood", 4).unwrap();
        doc.put(&day, "urge", 2).unwrap();
        doc.commit();
        store.persist(&mut doc).unwrap();
    }
    let app = device::open(dir.path(), &key, "old phone", clock.clone()).unwrap();
    assert_eq!(app.history(None).unwrap()[0].mood, 4);
    let view = app.program().unwrap();
    assert_eq!(view.current_step, Some(0));
    app.program_command(favourable_pre_check()).unwrap();
    let heads = app.heads().unwrap();
    drop(app);

    // The migration was written once; reopening changes nothing.
    let app = device::open(dir.path(), &key, "old phone", clock).unwrap();
    assert_eq!(app.heads().unwrap(), heads);
    assert!(app.program().unwrap().pre_check_done);

    // And it merges with a device that started on schema 2.
    let tablet = TestDevice::new("tablet");
    tablet.on(3).check_in(input(3, 3, None, None)).unwrap();
    app.merge_from(&tablet.app).unwrap();
    tablet.app.merge_from(&app).unwrap();
    assert_eq!(app.heads().unwrap(), tablet.app.heads().unwrap());
    assert!(tablet.app.program().unwrap().pre_check_done);
}

#[test]
fn a_document_with_a_replaced_program_map_is_refused() {
    let phone = TestDevice::new("phone");
    phone.run(0, favourable_pre_check());
    let mut hostile = AutoCommit::load(&phone.app.save_document().unwrap())
        .unwrap()
        .with_actor(ActorId::random());
    use automerge::transaction::Transactable;
    hostile
        .put_object(ROOT, PROGRAM, automerge::ObjType::Map)
        .unwrap();
    hostile.commit();
    assert!(check_roots(&hostile).is_err());
    let other = TestDevice::new("tablet");
    let before = other.app.heads().unwrap();
    let err = other.app.merge_document(&hostile.save()).unwrap_err();
    assert!(err.to_string().contains("program"), "{err}");
    assert_eq!(other.app.heads().unwrap(), before);
    // A sane device still merges afterwards.
    sync(&phone.app, &other.app);
    assert!(other.app.program().unwrap().pre_check_done);
}
