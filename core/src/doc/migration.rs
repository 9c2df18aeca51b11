//! Fixed migration changes: root maps added after the genesis (see
//! docs/decisions/0002-document-root-maps.md).
//!
//! Like the genesis, each change is built once under a fixed actor and time on top of the
//! genesis and the changes before it, committed as bytes, and applied on open when a
//! document lacks it; every device then holds the identical change, so a merge sees one
//! map at each key, never two competing ones.

use std::sync::OnceLock;

use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, transaction::CommitOptions,
    transaction::Transactable,
};

use super::fields::get_map;
use super::genesis::GENESIS;
use super::{JOURNAL, PROGRAM, PROGRAM_MAPS, REMINDERS, SCHEMA_KEY};
use crate::error::{Error, Result};

/// One fixed change: the schema version it brings and the maps it creates.
pub struct FixedChange {
    pub schema: i64,
    pub actor: &'static [u8],
    pub message: &'static str,
    /// The committed bytes (the change alone, after the ones before it).
    pub bytes: &'static [u8],
    /// Each root map it creates, with the maps it creates inside that one.
    pub maps: &'static [(&'static str, &'static [&'static str])],
}

/// Every fixed change, oldest first.
pub static CHANGES: [FixedChange; 2] = [
    FixedChange {
        schema: 2,
        actor: b"reconnect-migration-2",
        message: "schema 2: program",
        bytes: include_bytes!("migration-2-program.automerge"),
        maps: &[(PROGRAM, &PROGRAM_MAPS)],
    },
    FixedChange {
        schema: 3,
        actor: b"reconnect-migration-3",
        message: "schema 3: journal and reminders",
        bytes: include_bytes!("migration-3-journal.automerge"),
        maps: &[(JOURNAL, &[]), (REMINDERS, &[])],
    },
];

/// The schema version a fully migrated document has.
pub fn latest_schema() -> i64 {
    CHANGES.last().map_or(1, |c| c.schema)
}

/// Rebuilds change `index` from its recipe, on top of the committed bytes before it.
pub fn build(index: usize) -> Result<Vec<u8>> {
    let change = CHANGES
        .get(index)
        .ok_or_else(|| Error::Document(format!("there is no fixed change {index}")))?;
    let mut doc = AutoCommit::load(GENESIS)?;
    for earlier in &CHANGES[..index] {
        doc.load_incremental(earlier.bytes)?;
    }
    let mut doc = doc.with_actor(ActorId::from(change.actor));
    let before = doc.get_heads();
    doc.put(ROOT, SCHEMA_KEY, change.schema)?;
    for (name, inner) in change.maps {
        let map = doc.put_object(ROOT, *name, ObjType::Map)?;
        for inner_name in *inner {
            doc.put_object(&map, *inner_name, ObjType::Map)?;
        }
    }
    doc.commit_with(
        CommitOptions::default()
            .with_message(change.message)
            .with_time(0),
    );
    Ok(doc.save_after(&before))
}

/// What the committed changes create: per change, its hash and the ids of its maps
/// (root map, then its inner maps in order).
struct Known {
    hash: ChangeHash,
    maps: Vec<(ObjId, Vec<ObjId>)>,
}

fn known() -> Option<&'static [Known]> {
    static KNOWN: OnceLock<Option<Vec<Known>>> = OnceLock::new();
    KNOWN
        .get_or_init(|| {
            let mut doc = AutoCommit::load(GENESIS).ok()?;
            let mut out = Vec::new();
            for change in &CHANGES {
                doc.load_incremental(change.bytes).ok()?;
                let hash = *doc.get_heads().first()?;
                let mut maps = Vec::new();
                for (name, inner) in change.maps {
                    let map = get_map(&doc, &ROOT, name)?;
                    let inner_ids = inner
                        .iter()
                        .map(|n| get_map(&doc, &map, n))
                        .collect::<Option<Vec<_>>>()?;
                    maps.push((map, inner_ids));
                }
                out.push(Known { hash, maps });
            }
            Some(out)
        })
        .as_deref()
}

fn has(doc: &AutoCommit, known: &Known) -> bool {
    ReadDoc::get_change_by_hash(doc, &known.hash).is_some()
}

/// Applies every fixed change `doc` lacks, in order; true if it changed.
pub fn apply(doc: &mut AutoCommit) -> Result<bool> {
    let known =
        known().ok_or_else(|| Error::Document("the fixed changes are unreadable".into()))?;
    let mut changed = false;
    for (change, known) in CHANGES.iter().zip(known) {
        if !has(doc, known) {
            doc.load_incremental(change.bytes)?;
            changed = true;
        }
    }
    Ok(changed)
}

/// Fails unless every map a fixed change created is that change's own object, alone at
/// its key — or, for a change the document does not hold yet, absent.
pub(crate) fn check_maps(doc: &AutoCommit) -> Result<()> {
    let known =
        known().ok_or_else(|| Error::Document("the fixed changes are unreadable".into()))?;
    for (change, known) in CHANGES.iter().zip(known) {
        let present = has(doc, known);
        for ((name, inner), (id, inner_ids)) in change.maps.iter().zip(&known.maps) {
            let replaced =
                || Error::Document(format!("the `{name}` map was replaced or duplicated"));
            let at_root = doc.get_all(ROOT, *name)?;
            if at_root.is_empty() && !present {
                continue;
            }
            if at_root.len() != 1 || &at_root[0].1 != id {
                return Err(replaced());
            }
            for (inner_name, inner_id) in inner.iter().zip(inner_ids) {
                let values = doc.get_all(id, *inner_name)?;
                if values.len() != 1 || &values[0].1 != inner_id {
                    return Err(replaced());
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_changes_match_their_recipes() {
        for (index, change) in CHANGES.iter().enumerate() {
            let rebuilt = build(index).unwrap();
            if std::env::var_os("RECONNECT_WRITE_GENESIS").is_some() {
                let name = match change.schema {
                    2 => "migration-2-program.automerge",
                    _ => "migration-3-journal.automerge",
                };
                let path = format!("{}/src/doc/{name}", env!("CARGO_MANIFEST_DIR"));
                std::fs::write(path, &rebuilt).unwrap();
            }
            assert_eq!(rebuilt, change.bytes, "schema {} drifted", change.schema);
        }
    }

    #[test]
    fn two_migrated_devices_share_every_fixed_map() {
        let mut a = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let mut b = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        assert!(apply(&mut a).unwrap());
        assert!(!apply(&mut a).unwrap(), "applying twice changes nothing");
        apply(&mut b).unwrap();
        let program = get_map(&a, &ROOT, PROGRAM).unwrap();
        let journal = get_map(&a, &ROOT, JOURNAL).unwrap();
        let reasons = get_map(&a, &program, "reasons").unwrap();
        a.put(&reasons, "from-a", 1).unwrap();
        b.put(&reasons, "from-b", 2).unwrap();
        a.put(&journal, "entry-a", 1).unwrap();
        b.put(&journal, "entry-b", 2).unwrap();
        a.merge(&mut b).unwrap();
        for name in [PROGRAM, JOURNAL, REMINDERS] {
            assert_eq!(a.get_all(ROOT, name).unwrap().len(), 1, "{name}");
        }
        assert_eq!(a.keys(&reasons).count(), 2);
        assert_eq!(a.keys(&journal).count(), 2);
        assert_eq!(
            a.get(ROOT, SCHEMA_KEY)
                .unwrap()
                .and_then(|(v, _)| v.as_i64()),
            Some(latest_schema())
        );
        crate::doc::check_roots(&a).unwrap();
    }

    #[test]
    fn older_documents_merge_with_migrated_ones() {
        let mut old = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let mut v2 = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        v2.load_incremental(CHANGES[0].bytes).unwrap();
        let mut new = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        apply(&mut new).unwrap();
        for doc in [&old, &v2, &new] {
            crate::doc::check_roots(doc).unwrap();
        }
        old.merge(&mut v2).unwrap();
        crate::doc::check_roots(&old).unwrap();
        old.merge(&mut new).unwrap();
        crate::doc::check_roots(&old).unwrap();
        assert!(!apply(&mut old).unwrap());
    }

    #[test]
    fn a_deleted_or_replaced_fixed_map_is_refused() {
        let mut doc = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        apply(&mut doc).unwrap();
        let mut deleted = doc.fork();
        deleted.delete(ROOT, JOURNAL).unwrap();
        assert!(crate::doc::check_roots(&deleted).is_err());
        let mut replaced = doc.fork();
        let program = get_map(&replaced, &ROOT, PROGRAM).unwrap();
        replaced
            .put_object(&program, "attempts", ObjType::Map)
            .unwrap();
        assert!(crate::doc::check_roots(&replaced).is_err());
    }
}
