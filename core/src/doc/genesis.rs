//! The fixed first change every Reconnect document starts from.
//!
//! Two devices set up independently must still be able to merge, so neither may create
//! the root maps itself: both load these exact bytes, which create them once, under a
//! fixed actor and time. The bytes are committed; [`build`] documents how they were made
//! and a test keeps the two in step.

use std::sync::OnceLock;

use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, Value,
    transaction::CommitOptions, transaction::Transactable,
};

use super::{CHECKINS, SCHEMA_KEY, SCHEMA_VERSION, SETTINGS};

/// The saved genesis document.
pub const GENESIS: &[u8] = include_bytes!("genesis.automerge");

/// The actor that authored the genesis change; no device ever uses it.
pub const GENESIS_ACTOR: &[u8] = b"reconnect-genesis";

/// Whether `doc` descends from our genesis (and so can be merged with ours).
pub fn shares_genesis(doc: &mut AutoCommit) -> bool {
    static HASH: OnceLock<Option<ChangeHash>> = OnceLock::new();
    let genesis = HASH.get_or_init(|| {
        AutoCommit::load(GENESIS)
            .ok()
            .and_then(|mut g| g.get_heads().first().copied())
    });
    genesis.is_some_and(|hash| doc.get_change_by_hash(&hash).is_some())
}

/// The id of the root map the genesis created at `key`, if it created one.
pub(crate) fn genesis_map(key: &str) -> Option<&'static ObjId> {
    static MAPS: OnceLock<Vec<(&'static str, ObjId)>> = OnceLock::new();
    let maps = MAPS.get_or_init(|| {
        let Ok(doc) = AutoCommit::load(GENESIS) else {
            return Vec::new();
        };
        [CHECKINS, SETTINGS]
            .into_iter()
            .filter_map(|name| match doc.get(ROOT, name) {
                Ok(Some((Value::Object(ObjType::Map), id))) => Some((name, id)),
                _ => None,
            })
            .collect()
    });
    maps.iter().find(|(name, _)| *name == key).map(|(_, id)| id)
}

/// Rebuilds the genesis document from scratch.
pub fn build() -> Result<Vec<u8>, automerge::AutomergeError> {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(GENESIS_ACTOR));
    doc.put(ROOT, SCHEMA_KEY, SCHEMA_VERSION)?;
    doc.put_object(ROOT, CHECKINS, ObjType::Map)?;
    doc.put_object(ROOT, SETTINGS, ObjType::Map)?;
    doc.commit_with(
        CommitOptions::default()
            .with_message("genesis")
            .with_time(0),
    );
    Ok(doc.save())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_genesis_matches_its_recipe() {
        let rebuilt = build().unwrap();
        if std::env::var_os("RECONNECT_WRITE_GENESIS").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/src/doc/genesis.automerge"),
                &rebuilt,
            )
            .unwrap();
        }
        assert_eq!(rebuilt, GENESIS, "genesis bytes drifted from build()");
    }

    #[test]
    fn foreign_documents_do_not_share_our_genesis() {
        let mut ours = AutoCommit::load(GENESIS).unwrap();
        assert!(shares_genesis(&mut ours));
        let mut foreign = AutoCommit::new();
        foreign.put(ROOT, "checkins", 1).unwrap();
        foreign.commit();
        assert!(!shares_genesis(&mut foreign));
    }

    #[test]
    fn independent_devices_share_the_root_maps() {
        let mut a = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let mut b = AutoCommit::load(GENESIS)
            .unwrap()
            .with_actor(ActorId::random());
        let checkins_a = crate::doc::root_map(&a, CHECKINS).unwrap();
        let checkins_b = crate::doc::root_map(&b, CHECKINS).unwrap();
        assert_eq!(checkins_a, checkins_b);
        a.put(&checkins_a, "from-a", 1).unwrap();
        b.put(&checkins_b, "from-b", 2).unwrap();
        a.merge(&mut b).unwrap();
        assert_eq!(a.keys(&checkins_a).count(), 2);
        assert_eq!(a.get_all(ROOT, CHECKINS).unwrap().len(), 1);
    }
}
