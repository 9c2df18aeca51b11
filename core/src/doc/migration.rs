//! Fixed migration changes: root maps added after the genesis (see
//! docs/decisions/0002-document-root-maps.md).
//!
//! Like the genesis, each change is built once under a fixed actor and time, committed as
//! bytes, and applied on open when a document lacks it; every device then holds the
//! identical change, so a merge sees one map at each key, never two competing ones.

use std::sync::OnceLock;

use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, transaction::CommitOptions,
    transaction::Transactable,
};

use super::fields::get_map;
use super::genesis::GENESIS;
use super::{PROGRAM, PROGRAM_MAPS, SCHEMA_KEY};
use crate::error::Result;

/// Schema 2: `program` with one map per kind of program record.
pub const PROGRAM_V2: &[u8] = include_bytes!("migration-2-program.automerge");
pub const PROGRAM_V2_ACTOR: &[u8] = b"reconnect-migration-2";
pub const PROGRAM_V2_SCHEMA: i64 = 2;

/// Rebuilds the schema-2 change (its bytes alone, after the genesis).
pub fn build_program_v2() -> Result<Vec<u8>> {
    let mut doc = AutoCommit::load(GENESIS)?.with_actor(ActorId::from(PROGRAM_V2_ACTOR));
    let genesis_heads = doc.get_heads();
    doc.put(ROOT, SCHEMA_KEY, PROGRAM_V2_SCHEMA)?;
    let program = doc.put_object(ROOT, PROGRAM, ObjType::Map)?;
    for name in PROGRAM_MAPS {
        doc.put_object(&program, name, ObjType::Map)?;
    }
    doc.commit_with(
        CommitOptions::default()
            .with_message("schema 2: program")
            .with_time(0),
    );
    Ok(doc.save_after(&genesis_heads))
}

fn program_v2_hash() -> Option<ChangeHash> {
    static HASH: OnceLock<Option<ChangeHash>> = OnceLock::new();
    *HASH.get_or_init(|| {
        let mut doc = AutoCommit::load(GENESIS).ok()?;
        doc.load_incremental(PROGRAM_V2).ok()?;
        doc.get_heads().first().copied()
    })
}

/// Whether `doc` holds the schema-2 change.
pub fn has_program_v2(doc: &AutoCommit) -> bool {
    program_v2_hash().is_some_and(|hash| ReadDoc::get_change_by_hash(doc, &hash).is_some())
}

/// Applies every fixed change `doc` lacks; true if it changed.
pub fn apply(doc: &mut AutoCommit) -> Result<bool> {
    if has_program_v2(doc) {
        return Ok(false);
    }
    doc.load_incremental(PROGRAM_V2)?;
    Ok(true)
}

/// The ids of the maps the schema-2 change created: `program`, then each of
/// [`PROGRAM_MAPS`] in order.
pub(crate) fn program_v2_maps() -> Option<&'static (ObjId, Vec<ObjId>)> {
    static MAPS: OnceLock<Option<(ObjId, Vec<ObjId>)>> = OnceLock::new();
    MAPS.get_or_init(|| {
        let mut doc = AutoCommit::load(GENESIS).ok()?;
        doc.load_incremental(PROGRAM_V2).ok()?;
        let program = get_map(&doc, &ROOT, PROGRAM)?;
        let maps = PROGRAM_MAPS
            .iter()
            .map(|name| get_map(&doc, &program, name))
            .collect::<Option<Vec<_>>>()?;
        Some((program, maps))
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_program_v2_matches_its_recipe() {
        let rebuilt = build_program_v2().unwrap();
        if std::env::var_os("RECONNECT_WRITE_GENESIS").is_some() {
            std::fs::write(
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/src/doc/migration-2-program.automerge"
                ),
                &rebuilt,
            )
            .unwrap();
        }
        assert_eq!(
            rebuilt, PROGRAM_V2,
            "schema-2 bytes drifted from their recipe"
        );
    }

    #[test]
    fn two_migrated_devices_share_one_program_map() {
        let mut a = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let mut b = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        assert!(apply(&mut a).unwrap());
        assert!(!apply(&mut a).unwrap(), "applying twice changes nothing");
        apply(&mut b).unwrap();
        let (program, maps) = program_v2_maps().unwrap();
        a.put(&maps[0], "from-a", 1).unwrap();
        b.put(&maps[0], "from-b", 2).unwrap();
        a.merge(&mut b).unwrap();
        assert_eq!(a.get_all(ROOT, PROGRAM).unwrap().len(), 1);
        assert_eq!(a.keys(&maps[0]).count(), 2);
        assert_eq!(get_map(&a, &ROOT, PROGRAM).as_ref(), Some(program));
        crate::doc::check_roots(&a).unwrap();
    }

    #[test]
    fn a_schema_1_document_merges_with_a_migrated_one() {
        let mut old = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let mut new = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        apply(&mut new).unwrap();
        crate::doc::check_roots(&old).unwrap();
        old.merge(&mut new).unwrap();
        assert!(has_program_v2(&old));
        crate::doc::check_roots(&old).unwrap();
    }
}
